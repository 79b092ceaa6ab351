"""SSB sickness absence by municipality of residence, quarterly.

Each row gives, for two quarters of one year, the sickness-absence man-days and
their change since the same quarter a year earlier, then four absence rates
(% of scheduled man-days): quarter a and b of last year, then of this year.

The trap: thousands are grouped with an ordinary space, the same character that
separates columns, so `17 663 747 19 012 2 396` can be read as four numbers in
several ways. We never guess. Every grouping of the integer tokens into four
numbers is enumerated and the table's own arithmetic decides:

- last year's man-days (days − change) cannot be negative;
- man-days ÷ rate is the scheduled man-days, a population quantity that moves
  slowly: the four quarters must agree within what rate rounding (one decimal)
  and slow change allow;
- no municipality can be larger than the published TOTAL;
- the TOTAL row itself is decided last, against the sum of the municipalities.

Exactly one surviving reading is used (and marked disambiguated if there were
several to start with); none or several make the row a Reject listing them all.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Iterator, Sequence

import pyarrow as pa

from extract.cells import MINUS_SIGNS, NBSP, NARROW_NBSP, PUBLISHED, SYMBOLS_SSB_SICKNESS, THIN_SPACE
from extract.documents import Document, Line, Word
from extract.kinds.base import Fact, ParseError, ParseResult, Reject, lineage, schema

NOT_PUBLISHED = SYMBOLS_SSB_SICKNESS["-"]
DERIVED = "derived"
NOT_APPLICABLE = "not_applicable"

# Rates are published to one decimal: the true rate lies within ±0.05 of it.
RATE_HALF_UNIT = 0.05
# How far scheduled man-days may move beyond what rate rounding explains. A wrong
# grouping moves a 3-digit group between neighbouring cells and so scales some
# quantity by about a thousand; real change is far smaller (on the 2002 sample at
# most 22 % within a year and 52 % across one). For a footnoted row (an area that
# changed, such as Re formed from Ramnes and Våle in 2002) last year's figures
# cover another area, so only the within-year agreement is required of it.
GROWTH_WITHIN_YEAR = 0.5
GROWTH_ACROSS_YEAR = 1.0
# The TOTAL also counts people with unknown residence: it may exceed the sum of
# the municipalities by this share of itself, never fall below it.
TOTAL_UNKNOWN_RESIDENCE_SHARE = 0.005

# Each published man-day figure is rounded to a whole day on its own.
ROUNDING_PER_FIGURE = 0.5
# A municipality whose man-days are not published (`-`) still counts in the
# TOTAL. Its size is unknown. The TOTAL is first decided with such cells adding
# nothing (the strict bound: at most 0.5 % above the published sum, as on the
# sample). Only when no TOTAL reading survives that is it decided again with
# each unpublished cell taken as up to this many times the largest published
# municipality: loose (Oslo is about three times the next), yet a wrong TOTAL
# reading is a thousand times the sum and still fails unless some fifty
# municipalities are unpublished.
UNPUBLISHED_SIZE_FACTOR = 10
STRICT_BOUND = "strict"
WIDENED_BOUND = "widened"

_SPACES = f" \t{NBSP}{NARROW_NBSP}{THIN_SPACE}"
_TITLE = re.compile(r"Sickness absence man-days|Sykefraværsdagsverk|Sykefravær", re.IGNORECASE)
_QUARTER = re.compile(
    r"(?:Quarter|Kvartal)\s+(?P<q>[1-4])\.?\s+(?P<y>(?:19|20)\d\d)"
    r"|(?P<q2>[1-4])\.\s*(?:kvartal|quarter)\s+(?P<y2>(?:19|20)\d\d)",
    re.IGNORECASE,
)
# Word boundaries keep 'Women' from matching 'Men'.
_SEXES = (
    (re.compile(r"\bBoth sexes\b|\bBegge kjønn\b", re.IGNORECASE), "both"),
    (re.compile(r"\bWomen\b|\bKvinner\b"), "women"),
    (re.compile(r"\bMen\b|\bMenn\b"), "men"),
)
_TOTAL_ROW = re.compile(rf"^[{_SPACES}]*(?P<label>TOTAL|Total|I alt|Hele landet|The whole country)[{_SPACES}]+(?P<rest>\S.*)$")
# A footnote digit may be glued before the four-digit code: '10716 Re/Våle' is
# code 0716 with footnote 1.
_CODE_ROW = re.compile(rf"^[{_SPACES}]*(?P<foot>\d{{1,2}})?(?P<code>\d{{4}})[{_SPACES}]+(?P<rest>\S.*)$")
_RATE = re.compile(r"^\d{1,3},\d$")
_HEAD_GROUP = re.compile(rf"^[{MINUS_SIGNS}]?(?:[1-9]\d{{0,2}}|0)$")
_TAIL_GROUP = re.compile(r"^\d{3}$")
_FOOTNOTE = re.compile(rf"^[{_SPACES}]*\d{{1,2}}[{_SPACES}]+\D")
_END_OF_TABLE = re.compile(r"^\s*(Explanation of symbols|Symbolforklaring|Source|Kilde)\b", re.IGNORECASE)


@dataclass(frozen=True, order=True)
class Quarter:
    year: int
    quarter: int

    def year_before(self) -> "Quarter":
        return Quarter(self.year - 1, self.quarter)

    def __str__(self) -> str:
        return f"Quarter {self.quarter} {self.year}"


@dataclass(frozen=True)
class Header:
    sex: str
    days_quarters: tuple[Quarter, Quarter]  # a, b of this year
    rate_quarters: tuple[Quarter, Quarter, Quarter, Quarter]  # a−1y, b−1y, a, b


@dataclass(frozen=True)
class Reading:
    """One way of grouping a row's integer tokens into its four man-day cells.

    `values` are days a, change a, days b, change b (None where the cell is '-').
    """

    groups: tuple[str, str, str, str]

    @property
    def values(self) -> tuple[int | None, ...]:
        return tuple(None if g == "-" else int(g.replace(" ", "").replace("\u2212", "-").replace("\u2013", "-")) for g in self.groups)

    def __str__(self) -> str:
        return " | ".join(self.groups)


def from_pdf(document: Document) -> Document:
    """The PDF's table as the rendering's lines (see `pdf_table`)."""
    return pdf_table(document)[0]


def pdf_table(document: Document) -> tuple[Document, frozenset[int]]:
    """The PDF's table as the rendering's lines, with the cells its columns show.

    Columns come from the positions of the data's words. A man-day cell's
    thousands groups are joined by a no-break space and cells by an ordinary
    space, so `17\u00a0663 747 19\u00a0012 2\u00a0396` carries the grouping the
    geometry settles; the parser still enumerates every reading and applies the
    arithmetic, then keeps only the geometric one. When the data's words do not
    fall into the table's nine columns (a dump of text lines), the rows are left
    as text for the arithmetic alone.

    The header becomes one line of its quarter labels in reading order, each
    label assembled from its words wherever the header wraps it ('Quarter 2' /
    '2002'). On the title's page the header runs from its first line (see
    `header_start`) to the first row; on later pages, every line above the first row.
    Returns the document and the numbers of the rows whose cells its columns gave.
    """
    from extract import pdf

    furniture = running_lines(document)
    title = next((index for index, line in enumerate(document.lines) if _TITLE.search(line.text) and line.number not in furniture), None)
    if title is None:
        return document, frozenset()
    replacements: dict[int, str] = {number: "" for number in furniture}
    geometric: set[int] = set()
    pages: dict[int, list[Line]] = {}
    for line in document.lines[title:]:
        if _END_OF_TABLE.match(line.text):
            break
        if line.number not in furniture:
            pages.setdefault(line.page, []).append(line)
    first_header: list[Quarter] | None = None
    for page_index, page_lines in enumerate(pages.values()):
        lines, blanked = glue_raised_markers(page_lines)
        replacements.update({number: "" for number in blanked})
        is_row = [is_data_row(line.text) for line in lines]
        if not any(is_row):
            continue
        first = is_row.index(True)
        start = header_start(lines, first) if page_index == 0 else 0
        header, data = lines[start:first], [line for line, row in zip(lines[first:], is_row[first:]) if row]
        labels = quarter_labels(header)
        if labels:
            quarters = [quarter for quarter, _ in labels]
            replacements.update({line.number: "" for line in header})
            # A header repeated after a page break names the same quarters; it is not
            # read again (a header naming others is left for the parser to report).
            if first_header is None or sorted(quarters) != sorted(first_header):
                first_header = first_header or quarters
                replacements[header[0].number] = " ".join(text for _, text in labels)
        columns = pdf.table_columns(data)
        wrapped: dict[int, tuple[Line, str]] = {}
        if len(columns) == TABLE_COLUMNS:
            wrapped, absorbed = join_wrapped_names(lines[first:], columns)
            replacements.update({number: "" for number in absorbed})
        for line in data:
            if len(columns) == TABLE_COLUMNS:
                line, name = wrapped.get(line.number, (line, None))
                label, *cells = pdf.cells_of(line, columns, joiner=NBSP)
                replacements[line.number] = " ".join([name or label.replace(NBSP, " "), *(cell or NBSP for cell in cells)])
                geometric.add(line.number)
            else:
                replacements[line.number] = line.text
    return pdf.rebuild(document, replacements), frozenset(geometric)


def running_lines(document: Document) -> set[int]:
    """Running heads and feet: the first or last line of a page whose text (digits
    aside, for page numbers and years) is the first or last line of another page too.

    A running head may name the table ('Sickness absence man-days. Men'): it is
    neither the title nor a header inside the table. A repeated table header is
    not page furniture: a line holding a quarter label is never taken.
    """
    by_page: dict[int | None, list[Line]] = {}
    for line in document.lines:
        if line.text.strip():
            by_page.setdefault(line.page, []).append(line)
    if len(by_page) < 2:
        return set()
    ends: dict[str, set[int | None]] = {}
    candidates: list[tuple[str, Line]] = []
    for page, lines in by_page.items():
        for line in {lines[0].number: lines[0], lines[-1].number: lines[-1]}.values():
            if is_data_row(line.text) or _starts_label(line):
                continue
            key = re.sub(r"\d+", "#", normalised(line.text))
            ends.setdefault(key, set()).add(page)
            candidates.append((key, line))
    return {line.number for key, line in candidates if len(ends[key]) >= 2}


def join_wrapped_names(lines: list[Line], columns) -> tuple[dict[int, tuple[Line, str]], set[int]]:
    """Rows whose municipality name wraps inside a narrow first column.

    The name's rest stands on the line below the row, alone in the first column
    (cells aligned to the top), or the row's cells stand on that line beside the
    name's rest (cells aligned to the bottom) and the row's own line holds only
    the code and the name's start. Either way the two lines are one row: returns,
    by the row's line number, the row with the words of both and its label, and
    the numbers of the lines taken into a row.
    """
    from extract import pdf

    def label_only(line: Line) -> bool:
        return all(pdf.column_of(word, columns) == 0 for word in line.words)

    def label_of(line: Line) -> str:
        return " ".join(word.text for word in pdf.cell_words(line, columns)[0])

    joined: dict[int, tuple[Line, str]] = {}
    absorbed: set[int] = set()
    for above, line in zip(lines, lines[1:]):
        if not line.words or is_data_row(line.text) or _FOOTNOTE.match(line.text) or not is_data_row(above.text):
            continue
        if above.number in absorbed or label_only(line) == label_only(above):
            continue
        start, rest = label_of(above), label_of(line)
        # A name broken after a hyphen ('Guovdageaidnu-' / 'Kautokeino') is one word again.
        name = start + rest if start.endswith("-") and not start.endswith(" -") else f"{start} {rest}"
        joined[above.number] = (Line(above.number, f"{above.text} {line.text}", above.page, above.words + line.words), name)
        absorbed.add(line.number)
    return joined, absorbed


# The municipality, then man-days and change for two quarters, then four rates.
TABLE_COLUMNS = 9
# A superscript is set at about 0.6–0.8 of the text's size.
SUPERSCRIPT_SIZE = 0.9
_MARKER = re.compile(r"\d{1,2}")
_CODE = re.compile(r"\d{4}")


def _glued(marker: Word, code: Word) -> Word:
    return Word(marker.text + code.text, marker.x0, code.x1, code.top, code.bottom, code.fontname, code.size)


def _is_marker_of(marker: Word, code: Word) -> bool:
    """`marker` is a footnote digit set as a superscript right before `code`:
    smaller, touching it, its baseline above the code's but within its height."""
    return (
        bool(_MARKER.fullmatch(marker.text) and _CODE.fullmatch(code.text))
        and marker.size < code.size * SUPERSCRIPT_SIZE
        and abs(code.x0 - marker.x1) <= code.size * 0.3
        and code.top - 0.5 <= marker.bottom < code.bottom - 0.5
    )


def glue_raised_markers(lines: list[Line]) -> tuple[list[Line], list[int]]:
    """The lines with each superscript footnote marker glued to the code it precedes.

    The text rendering prints '¹0716 Re/Våle' as '10716 Re/Våle'. In a PDF the
    raised, smaller digit is a word of its own, often a line of its own (its
    baseline is higher): glued again, the row reads as the rendering's does.
    Returns the new lines and the numbers of the lines that held only markers.
    """
    out: list[Line] = []
    blanked: list[int] = []
    for line in lines:
        words = list(line.words)
        if len(words) >= 2 and _is_marker_of(words[0], words[1]):
            words[:2] = [_glued(words[0], words[1])]
        elif out and words and len(out[-1].words) == 1 and out[-1].number not in blanked and _is_marker_of(out[-1].words[0], words[0]):
            blanked.append(out[-1].number)
            words[0] = _glued(out[-1].words[0], words[0])
            out[-1] = Line(out[-1].number, "", out[-1].page, ())
        if tuple(words) != line.words:
            line = Line(line.number, " ".join(w.text for w in words), line.page, tuple(words))
        out.append(line)
    return out, blanked


def header_start(lines: list[Line], first_row: int) -> int:
    """The index of the header's first line (lines[0] is the title's first line).

    The header starts at the first line holding a quarter label or its first
    word, or above it where labels of the top tier wrap downwards into that line
    (a bottom-aligned 'Sickness' over 'absence' / 'rate'): a line each of whose
    words stands over a word of the line below. The title's prose does not, and
    its last line ends its sentence.
    """
    start = next((index for index in range(1, first_row) if _starts_label(lines[index])), first_row)
    while start > 1 and _stands_over(lines[start - 1], lines[start]) and not lines[start - 1].text.rstrip().endswith("."):
        start -= 1
    return start


def _stands_over(above: Line, below: Line) -> bool:
    return bool(above.words) and all(any(w.x0 < u.x1 and w.x1 > u.x0 for u in below.words) for w in above.words)


def _starts_label(line: Line) -> bool:
    return bool(quarters_in(line.text)) or any(_LABEL_START.fullmatch(word.text) for word in line.words)


# How a quarter label is written, word by word: 'Quarter 2 2002', '2. kvartal 2002', '2.kvartal 2002'.
_YEAR = re.compile(r"(?:19|20)\d\d")
_LABEL_START = re.compile(r"Quarter|Kvartal|QUARTER|KVARTAL")
_LABEL_WORDS = (
    (re.compile(r"Quarter|Kvartal", re.IGNORECASE), re.compile(r"[1-4]\.?"), _YEAR),
    (re.compile(r"[1-4]\."), re.compile(r"kvartal|quarter", re.IGNORECASE), _YEAR),
    (re.compile(r"[1-4]\.(?:kvartal|quarter)", re.IGNORECASE), _YEAR),
)
# Words of one label on one line are a space apart (0.25–0.6 of the font size).
LABEL_WORD_GAP = 1.0


def _next_label_word(lines: Sequence[Line], path: list[tuple[int, int]], used: set[tuple[int, int]], pattern: re.Pattern[str]) -> tuple[int, int] | None:
    """Where the label continues: the next word on its line, or the word under it.

    A label wrapped inside its cell continues on the next line that has a word
    under the label's extent (centred, left- or right-aligned alike). In a
    monospace header the next column's label may be a space away on the same
    line: the word there continues the label only if it is the word expected.
    """
    line_index, word_index = path[-1]
    words = lines[line_index].words
    word = words[word_index]
    if word_index + 1 < len(words) and (line_index, word_index + 1) not in used:
        right = words[word_index + 1]
        if right.x0 - word.x1 <= max(word.size, 1.0) * LABEL_WORD_GAP and pattern.fullmatch(right.text):
            return line_index, word_index + 1
    placed = [lines[i].words[j] for i, j in path]
    x0, x1 = min(w.x0 for w in placed), max(w.x1 for w in placed)
    for below in range(line_index + 1, len(lines)):
        under = [j for j, w in enumerate(lines[below].words) if (below, j) not in used and w.x0 < x1 and w.x1 > x0]
        if under:
            return below, under[0]
    return None


def quarter_labels(lines: Sequence[Line]) -> list[tuple[Quarter, str]]:
    """The quarter labels of a header printed over several lines, in reading order.

    Each label is assembled from its words, however the header wraps it, and
    ordered by where it starts: the upper tier (the man-days quarters) before the
    rate quarters below it, left to right within a line.
    """
    used: set[tuple[int, int]] = set()
    found: list[tuple[Quarter, str]] = []
    for line_index, line in enumerate(lines):
        for word_index, word in enumerate(line.words):
            if (line_index, word_index) in used:
                continue
            for first, *rest in _LABEL_WORDS:
                if not first.fullmatch(word.text):
                    continue
                path = [(line_index, word_index)]
                for pattern in rest:
                    step = _next_label_word(lines, path, used | set(path), pattern)
                    if step is None or not pattern.fullmatch(lines[step[0]].words[step[1]].text):
                        break
                    path.append(step)
                else:
                    text = " ".join(lines[i].words[j].text for i, j in path)
                    quarters = quarters_in(text)
                    if len(quarters) == 1:
                        used.update(path)
                        found.append((quarters[0], text))
                        break
    return found


def geometric_reading(rest: str) -> Reading | None:
    """The man-day cells as a PDF's columns gave them (see `from_pdf`)."""
    cells = [cell for cell in rest.split(" ") if cell]
    if len(cells) < 8:
        return None
    return Reading(tuple(cell.replace(NBSP, " ") for cell in cells[-8:-4]))  # type: ignore[arg-type]


@dataclass(frozen=True)
class RawRow:
    line: Line
    area_level: str  # 'total' | 'municipality'
    code: str | None
    footnote: str | None
    name: str
    day_tokens: tuple[str, ...]
    rates: tuple[Decimal | None, Decimal | None, Decimal | None, Decimal | None]
    geometry: Reading | None = None  # the cells a PDF's columns show, if read from a PDF


@dataclass
class Candidates:
    """The readings of one row and, for each, why it was ruled out (None: it survives)."""

    row: RawRow
    readings: list[Reading]
    verdicts: dict[Reading, str | None] = field(default_factory=dict)
    # Which bound of the municipalities' sum decided a TOTAL row (None elsewhere).
    bound: str | None = None

    def surviving(self) -> list[Reading]:
        return [r for r in self.readings if self.verdicts.get(r) is None]

    def rule_out(self, reading: Reading, why: str) -> None:
        if self.verdicts.get(reading) is None:
            self.verdicts[reading] = why

    def describe(self) -> str:
        return "; ".join(f"{r} ({self.verdicts.get(r) or 'consistent'})" for r in self.readings)


# ---------------------------------------------------------------- header ----


def parse_sex(text: str) -> str | None:
    found = [sex for pattern, sex in _SEXES if pattern.search(text)]
    # 'Both sexes' may sit beside 'Men'/'Women' in a longer title; it wins then.
    if "both" in found:
        return "both"
    return found[0] if len(found) == 1 else None


def quarters_in(text: str) -> list[Quarter]:
    return [
        Quarter(int(m["y"] or m["y2"]), int(m["q"] or m["q2"]))
        for m in _QUARTER.finditer(text.replace(NBSP, " "))
    ]


def header_quarters(quarters: list[Quarter]) -> tuple[tuple[Quarter, Quarter], tuple[Quarter, Quarter, Quarter, Quarter]]:
    """Two man-day quarters then four rate quarters, which must be a−1y, b−1y, a, b."""
    if len(quarters) != 6:
        raise ValueError(f"expected 6 quarter labels in the header (2 for man-days, 4 for rates), found {len(quarters)}: {[str(q) for q in quarters]}")
    a, b = quarters[0], quarters[1]
    expected = (a.year_before(), b.year_before(), a, b)
    if tuple(quarters[2:]) != expected:
        raise ValueError(f"rate quarters {[str(q) for q in quarters[2:]]} are not {[str(q) for q in expected]}")
    return (a, b), expected  # type: ignore[return-value]


# ------------------------------------------------------------- row split ----


def tokens_of(text: str) -> list[str]:
    return [t for t in re.split(f"[{_SPACES}]+", text) if t]


def split_row(rest: str) -> tuple[str, list[str], list[str]]:
    """'Deatnu - Tana 1 971 -224 … 8,3' → (name, day tokens, rate tokens).

    The name ends at its last token with a letter ('Deatnu - Tana' holds a bare
    '-'); the rates are the last four tokens.
    """
    tokens = tokens_of(rest)
    last_word = max((i for i, t in enumerate(tokens) if any(ch.isalpha() for ch in t)), default=-1)
    name, cells = tokens[: last_word + 1], tokens[last_word + 1 :]
    return " ".join(name), cells[:-4], cells[-4:]


def parse_rate(token: str) -> Decimal | None:
    if token == "-":
        return None
    if not _RATE.match(token):
        raise ValueError(f"rate {token!r} is neither a one-decimal percentage nor '-'")
    return Decimal(token.replace(",", "."))


def enumerate_readings(tokens: list[str], cells: int = 4) -> Iterator[Reading]:
    """Every grouping of `tokens` into `cells` cells.

    A cell is '-' alone, or a number: a head group of 1–3 digits (no leading
    zero, a sign only here) followed by any number of 3-digit groups.
    """

    def walk(i: int, taken: tuple[str, ...]) -> Iterator[tuple[str, ...]]:
        if len(taken) == cells:
            if i == len(tokens):
                yield taken
            return
        if i == len(tokens):
            return
        if tokens[i] == "-":
            yield from walk(i + 1, (*taken, "-"))
            return
        if not _HEAD_GROUP.match(tokens[i]):
            return
        j = i + 1
        while True:
            # A zero is written '0', never followed by groups.
            if not (j > i + 1 and tokens[i].lstrip(MINUS_SIGNS) == "0"):
                yield from walk(j, (*taken, " ".join(tokens[i:j])))
            if j < len(tokens) and _TAIL_GROUP.match(tokens[j]):
                j += 1
            else:
                return

    for groups in walk(0, ()):
        yield Reading(groups)  # type: ignore[arg-type]


# ------------------------------------------------------------ arithmetic ----


def quarter_days(reading: Reading) -> tuple[int | None, int | None, int | None, int | None]:
    """Man-days of the four rate quarters (a−1y, b−1y, a, b) that a reading implies."""
    days_a, change_a, days_b, change_b = reading.values
    last_a = days_a - change_a if days_a is not None and change_a is not None else None
    last_b = days_b - change_b if days_b is not None and change_b is not None else None
    return last_a, last_b, days_a, days_b


def scheduled_interval(days: int, rate: Decimal) -> tuple[float, float]:
    """Scheduled man-days = days ÷ rate, as the interval rate rounding allows."""
    r = float(rate)
    low = days * 100 / (r + RATE_HALF_UNIT)
    high = days * 100 / (r - RATE_HALF_UNIT) if r > RATE_HALF_UNIT else math.inf
    return low, high


def intervals_agree(p: tuple[float, float], q: tuple[float, float], growth: float) -> bool:
    return p[0] <= q[1] * (1 + growth) and q[0] <= p[1] * (1 + growth)


def own_arithmetic(row: RawRow, reading: Reading) -> str | None:
    """Why the reading breaks the row's own arithmetic, or None if it does not."""
    days_a, _, days_b, _ = reading.values
    for label, days in (("man-days a", days_a), ("man-days b", days_b)):
        if days is not None and days < 0:
            return f"{label} negative"
    days = quarter_days(reading)
    for index, label in ((0, "last year's man-days a"), (1, "last year's man-days b")):
        if days[index] is not None and days[index] < 0:
            return f"{label} = days − change < 0"
    intervals: dict[int, tuple[float, float]] = {}
    for index, (d, rate) in enumerate(zip(days, row.rates)):
        if d is None or rate is None:
            continue
        if rate == 0:
            # Zero after rounding: the days can only be few next to the others.
            continue
        if d == 0 and rate > Decimal(RATE_HALF_UNIT):
            return f"zero man-days with a rate of {rate}"
        intervals[index] = scheduled_interval(d, rate)
    # 0,1 = last year (a, b); 2,3 = this year (a, b).
    pairs = [(0, 1, GROWTH_WITHIN_YEAR), (2, 3, GROWTH_WITHIN_YEAR)]
    if row.footnote is None:
        pairs += [(0, 2, GROWTH_ACROSS_YEAR), (1, 3, GROWTH_ACROSS_YEAR)]
    names = ("a last year", "b last year", "a", "b")
    for p, q, growth in pairs:
        if p in intervals and q in intervals and not intervals_agree(intervals[p], intervals[q], growth):
            return (
                f"scheduled man-days {names[p]} ≈ {intervals[p][0]:.0f} and {names[q]} ≈ {intervals[q][0]:.0f} "
                f"disagree beyond rate rounding and {growth:.0%} change"
            )
    return None


def exceeds_total(reading: Reading, total_bounds: tuple[int | None, ...]) -> str | None:
    for d, bound, label in zip(quarter_days(reading), total_bounds, ("a last year", "b last year", "a", "b")):
        if d is not None and bound is not None and d > bound:
            return f"man-days {label} {d} exceed the TOTAL's {bound}"
    return None


def total_against_sum(reading: Reading, low: list[float], high: list[float]) -> str | None:
    """A TOTAL reading must be at least the municipalities' sum and exceed it by
    no more than people with unknown residence explain.

    `low`/`high` bound the sum: a municipality still ambiguous adds its smallest
    and largest reading (see `sum_bounds` for cells not published). Every
    published figure is rounded to a whole man-day on its own, so the sum may
    pass the TOTAL by half a man-day per figure in it (`low` already has that
    taken off).
    """
    for d, lo, hi, label in zip(quarter_days(reading), low, high, ("a last year", "b last year", "a", "b")):
        if d is None:
            continue
        if d < lo:
            return f"TOTAL man-days {label} {d} below the municipalities' sum {lo:.0f}"
        if d * (1 - TOTAL_UNKNOWN_RESIDENCE_SHARE) > hi:
            return f"TOTAL man-days {label} {d} exceed the municipalities' sum {hi:.0f} by more than {TOTAL_UNKNOWN_RESIDENCE_SHARE:.1%}"
    return None


def sum_bounds(municipalities: list[Candidates], widened: bool = False) -> tuple[list[float], list[float], bool]:
    """Bounds of the municipalities' sum per rate quarter, and whether any cell
    is not published. A cell not published adds nothing to either bound, unless
    `widened`: then up to `UNPUBLISHED_SIZE_FACTOR` times the largest published
    municipality to the high one."""
    low, high = [0.0] * 4, [0.0] * 4
    unpublished, largest = [0] * 4, [0.0] * 4
    # Derived (last-year) days are a difference of two rounded figures.
    rounding = (2 * ROUNDING_PER_FIGURE, 2 * ROUNDING_PER_FIGURE, ROUNDING_PER_FIGURE, ROUNDING_PER_FIGURE)
    for c in municipalities:
        readings = c.surviving() or c.readings
        if not readings:
            high = [math.inf] * 4
            continue
        for index, values in enumerate(zip(*(quarter_days(r) for r in readings))):
            known = [max(d, 0) for d in values if d is not None]
            if known:
                low[index] += min(known) - rounding[index]
                high[index] += max(known) + rounding[index]
                largest[index] = max(largest[index], min(known))
            else:
                unpublished[index] += 1
    if widened:
        for index in range(4):
            high[index] += unpublished[index] * UNPUBLISHED_SIZE_FACTOR * largest[index]
    return low, high, any(unpublished)


def decide_total(total: Candidates, municipalities: list[Candidates]) -> None:
    """Rule out TOTAL readings against the municipalities' sum, strict bound first.

    The widened bound is tried only when no reading survives the strict one and
    some municipality cell is not published; `total.bound` records which decided.
    """
    standing = total.surviving()
    low, high, any_unpublished = sum_bounds(municipalities)
    chosen = {reading: total_against_sum(reading, low, high) for reading in standing}
    total.bound = STRICT_BOUND
    if standing and all(chosen.values()) and any_unpublished:
        low, high, _ = sum_bounds(municipalities, widened=True)
        chosen = {reading: total_against_sum(reading, low, high) for reading in standing}
        total.bound = WIDENED_BOUND
    for reading, why in chosen.items():
        if why:
            total.rule_out(reading, f"{why} ({total.bound} bound)")


def decide(rows: list[RawRow]) -> list[Candidates]:
    """Readings for every row, ruled out by the arithmetic in the order the issue sets:
    each row's own arithmetic, then municipalities against the TOTAL, then the TOTAL
    against the sum of the municipalities."""
    all_candidates = [Candidates(row, list(enumerate_readings(list(row.day_tokens)))) for row in rows]
    for c in all_candidates:
        if c.row.geometry is not None:
            if c.row.geometry not in c.readings:
                c.readings.append(c.row.geometry)  # its own arithmetic still judges it below
            for reading in c.readings:
                if reading != c.row.geometry:
                    c.rule_out(reading, "not the cells the PDF's columns show")
        for reading in c.readings:
            why = own_arithmetic(c.row, reading)
            if why:
                c.rule_out(reading, why)

    totals = [c for c in all_candidates if c.row.area_level == "total"]
    municipalities = [c for c in all_candidates if c.row.area_level == "municipality"]
    # Bound by the loosest TOTAL reading still standing, so the bound never rules
    # out a municipality reading that some reading of the TOTAL would allow.
    total_readings = [r for c in totals for r in c.surviving()]
    if len(totals) == 1 and total_readings:
        bounds = tuple(
            max((d for d in values if d is not None), default=None)
            for values in zip(*(quarter_days(r) for r in total_readings))
        )
        for c in municipalities:
            for reading in c.surviving():
                why = exceeds_total(reading, bounds)
                if why:
                    c.rule_out(reading, why)

    for c in totals:
        decide_total(c, municipalities)
    return all_candidates


# ---------------------------------------------------------------- records ----


def records_for(document: Document, header: Header, row: RawRow, reading: Reading, n_readings: int, total_bound: str | None = None) -> list[dict]:
    days_a, change_a, days_b, change_b = reading.values
    this_year = ((days_a, change_a), (days_b, change_b))
    records = []
    for index, (quarter, rate) in enumerate(zip(header.rate_quarters, row.rates)):
        days, change = this_year[index % 2]
        if index >= 2:
            value = days
            days_status = PUBLISHED if days is not None else NOT_PUBLISHED
            change_value = change
            change_status = PUBLISHED if change is not None else NOT_PUBLISHED
            is_derived = False
        else:
            value = days - change if days is not None and change is not None else None
            days_status = DERIVED if value is not None else NOT_PUBLISHED
            change_value, change_status = None, NOT_APPLICABLE
            is_derived = value is not None
        records.append(
            {
                "year": quarter.year,
                "quarter": quarter.quarter,
                "area_level": row.area_level,
                "municipality_code": row.code,
                "source_name": row.name,
                "footnote_marker": row.footnote,
                "sex": header.sex,
                "absence_days": value,
                "days_status": days_status,
                "change_days": change_value,
                "change_status": change_status,
                "absence_rate_pct": rate,
                "rate_status": PUBLISHED if rate is not None else NOT_PUBLISHED,
                "is_derived": is_derived,
                "split_candidates": n_readings,
                "is_disambiguated": n_readings > 1,
                "days_split": str(reading),
                "total_bound": total_bound,
                **lineage(document, row.line),
            }
        )
    return records


# ------------------------------------------------------------------ body ----


def normalised(text: str) -> str:
    return re.sub(f"[{_SPACES}]+", " ", text).strip()


def is_data_row(text: str) -> bool:
    return bool(_TOTAL_ROW.match(text) or _CODE_ROW.match(text))


def starts_header(text: str, header_labels: set[str]) -> bool:
    return normalised(text) in header_labels or bool(_TITLE.search(text)) or bool(quarters_in(text))


def body_lines(lines: list[Line], header_labels: set[str]) -> Iterator[tuple[Line, str]]:
    """The table's lines up to its end, each with its role.

    A page break repeats the title and header inside the table. A run of header
    lines (from a line of the first header, a title or a quarter label up to the
    next data row) whose every line is a line of the first header is a
    `repeated_header`. Otherwise its lines are `other_header` and the lines after
    it `after_other_header:<line of its start>`: a different header may start
    another table (another sex, other quarters), so its rows are not this table's.
    Everything else is `row` (a data row, footnote or other text).
    """
    other_start: int | None = None
    index = 0
    while index < len(lines):
        line = lines[index]
        if _END_OF_TABLE.match(line.text):
            return
        if other_start is not None:
            yield line, f"after_other_header:{other_start}"
            index += 1
            continue
        if is_data_row(line.text) or not starts_header(line.text, header_labels):
            yield line, "row"
            index += 1
            continue
        end = index
        while end < len(lines) and not is_data_row(lines[end].text) and not _END_OF_TABLE.match(lines[end].text):
            end += 1
        run = lines[index:end]
        if all(normalised(ln.text) in header_labels or not normalised(ln.text) for ln in run):
            yield from ((ln, "repeated_header") for ln in run)
        else:
            other_start = line.number
            yield from ((ln, "other_header") for ln in run if normalised(ln.text))
        index = end


# ------------------------------------------------------------------ kind ----


@dataclass(frozen=True)
class SicknessAbsence:
    kind: str = "sickness_absence"
    parser_version: str = "2"

    @property
    def schemas(self) -> dict[str, pa.Schema]:
        return {
            "absence": schema(
                pa.field("year", pa.int16(), nullable=False),
                pa.field("quarter", pa.int8(), nullable=False),
                pa.field("area_level", pa.string(), nullable=False),
                pa.field("municipality_code", pa.string()),
                pa.field("source_name", pa.string(), nullable=False),
                pa.field("footnote_marker", pa.string()),
                pa.field("sex", pa.string(), nullable=False),
                pa.field("absence_days", pa.int64()),
                pa.field("days_status", pa.string(), nullable=False),
                pa.field("change_days", pa.int64()),
                pa.field("change_status", pa.string(), nullable=False),
                pa.field("absence_rate_pct", pa.decimal128(4, 1)),
                pa.field("rate_status", pa.string(), nullable=False),
                pa.field("is_derived", pa.bool_(), nullable=False),
                pa.field("split_candidates", pa.int16(), nullable=False),
                pa.field("is_disambiguated", pa.bool_(), nullable=False),
                pa.field("days_split", pa.string(), nullable=False),
                pa.field("total_bound", pa.string()),
            )
        }

    def detect(self, document: Document) -> float:
        head = document.head(40).replace(NBSP, " ")
        has_title = bool(_TITLE.search(head))
        # A PDF's header may wrap a label ('Quarter 2' / '2002'): its words tell.
        labels = max(len(quarters_in(head)), len(quarter_labels(document.lines[:40])))
        has_quarters = labels >= 4
        has_rate = re.search(r"absence rate|sykefraværsprosent", head, re.IGNORECASE) is not None
        if has_title and has_quarters and has_rate:
            return 0.95
        if has_title and (has_quarters or has_rate):
            return 0.6
        return 0.0

    def parse(self, document: Document) -> ParseResult:
        geometric: frozenset[int] = frozenset()
        if document.format == "pdf":
            document, geometric = pdf_table(document)
        result = ParseResult(tables={"absence": []})
        lines = document.lines
        title_index = next((i for i, line in enumerate(lines) if _TITLE.search(line.text)), None)
        if title_index is None:
            raise ParseError("no title naming sickness absence man-days found")
        first_data = next(
            (i for i in range(title_index, len(lines)) if _TOTAL_ROW.match(lines[i].text) or _CODE_ROW.match(lines[i].text)),
            None,
        )
        if first_data is None:
            raise ParseError("no TOTAL or municipality row after the title", lines[title_index])
        header_start = next((i for i in range(title_index, first_data) if quarters_in(lines[i].text)), None)
        if header_start is None:
            raise ParseError("no header with quarter labels ('Quarter 2 2002') before the data", lines[title_index])
        title_lines = lines[title_index:header_start]
        title = re.sub(r"\s+", " ", " ".join(line.text.replace(NBSP, " ") for line in title_lines)).strip()
        sex = parse_sex(title)
        if sex is None:
            raise ParseError(f"the title names no single sex (Men/Women/Both sexes): {title!r}", lines[title_index])
        header_text = " ".join(line.text for line in lines[header_start:first_data])
        try:
            days_quarters, rate_quarters = header_quarters(quarters_in(header_text))
        except ValueError as error:
            raise ParseError(str(error), lines[header_start]) from error
        header = Header(sex, days_quarters, rate_quarters)
        numbered = re.match(r"^(?P<number>\d{1,3})\s+(?P<title>\D.*)$", title)
        if numbered:
            # SSB numbers its tables ('12  Sickness absence …'): not part of the title.
            result.facts.append(Fact("table_number", numbered["number"], lines[title_index]))
            title = numbered["title"]
        result.facts += [
            Fact("title", title, lines[title_index]),
            Fact("sex", sex, lines[title_index]),
            Fact("days_quarters", ", ".join(str(q) for q in days_quarters), lines[header_start]),
            Fact("rate_quarters", ", ".join(str(q) for q in rate_quarters), lines[header_start]),
        ]

        rows: list[RawRow] = []
        header_labels = {normalised(line.text) for line in lines[title_index:first_data]} - {""}
        body = body_lines(lines[first_data:], header_labels)
        for line, role in body:
            if role == "repeated_header":
                continue
            if role == "other_header":
                result.rejects.append(Reject(line, "a header inside the table that differs from the table's first header"))
                continue
            if role.startswith("after_other_header") and is_data_row(line.text):
                result.rejects.append(
                    Reject(line, f"follows a header that differs from the table's first header (line {role.split(':')[1]}); not read as this table's row")
                )
                continue
            self._read_line(line, rows, result, geometric=line.number in geometric)
        if not rows and not result.rejects:
            raise ParseError("the table has a header but no data rows", lines[first_data])
        if sum(row.area_level == "total" for row in rows) > 1:
            raise ParseError("more than one TOTAL row", rows[0].line)

        for candidates in decide(rows):
            surviving = candidates.surviving()
            if len(surviving) == 1:
                result.tables["absence"] += records_for(
                    document, header, candidates.row, surviving[0], len(candidates.readings), candidates.bound
                )
                if candidates.bound is not None:
                    result.facts.append(Fact("total_bound", candidates.bound, candidates.row.line))
            elif not candidates.readings:
                result.rejects.append(Reject(candidates.row.line, f"the man-day tokens {' '.join(candidates.row.day_tokens)!r} cannot be grouped into 4 cells"))
            elif surviving:
                result.rejects.append(
                    Reject(candidates.row.line, f"{len(surviving)} of {len(candidates.readings)} readings of the man-days agree with the arithmetic; not guessing", candidates.describe())
                )
            else:
                result.rejects.append(
                    Reject(candidates.row.line, f"none of {len(candidates.readings)} readings of the man-days agrees with the arithmetic", candidates.describe())
                )
        return result

    @staticmethod
    def _read_line(line: Line, rows: list[RawRow], result: ParseResult, geometric: bool = False) -> None:
        text = line.text
        if not text.strip(_SPACES):
            return
        total, municipality = _TOTAL_ROW.match(text), _CODE_ROW.match(text)
        if total is None and municipality is None:
            if _FOOTNOTE.match(text):
                result.facts.append(Fact("footnote", re.sub(r"\s+", " ", text.replace(NBSP, " ")).strip(), line))
            elif sum(any(ch.isdigit() for ch in t) for t in tokens_of(text)) >= 4:
                result.rejects.append(Reject(line, "a row of numbers without a municipality code or TOTAL label"))
            return
        if total is not None:
            area_level, code, footnote, rest, label = "total", None, None, total["rest"], total["label"]
        else:
            area_level, code, footnote, rest, label = "municipality", municipality["code"], municipality["foot"], municipality["rest"], ""
        name, day_tokens, rate_tokens = split_row(rest)
        name = name or label
        if area_level == "total" and name != label:
            name = f"{label} {name}".strip()
        if not name:
            result.rejects.append(Reject(line, "row has a code but no municipality name"))
            return
        if len(rate_tokens) != 4:
            result.rejects.append(Reject(line, f"expected 4 rate cells after the man-days, found {len(rate_tokens)}"))
            return
        try:
            rates = tuple(parse_rate(t) for t in rate_tokens)
        except ValueError as error:
            result.rejects.append(Reject(line, str(error)))
            return
        geometry = geometric_reading(rest) if geometric else None
        rows.append(RawRow(line, area_level, code, footnote, name, tuple(day_tokens), rates, geometry))  # type: ignore[arg-type]


KIND = SicknessAbsence()
