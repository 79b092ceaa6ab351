"""Ministry of Education article: teacher-norm compensation per municipality.

The article (nynorsk or bokmål prose on regjeringen.no) announces the teacher
norm and its funding, then prints a table whose cells each stand on a line of
their own, padded with no-break spaces:

    Østfold                      ← county heading: unpadded, followed by a name
     Halden                      ← municipality name: NBSP-padded, followed by values
    16,7                         ← one value per column, in the header's order
        6 166 000
                          20,5

The column headers (`Kommune`, `Beregnet antall årsverk som mangler …`,
`Kompensasjon høsten 2018 (i kroner)`, `Antall årsverk kompensasjonen … gir rom
for`) give the order of the values and the period. Names carry no codes: each
is matched within its county to the code valid on the date the header states
(`kommuner og fylker per oktober 2017`) using `extract.reference`. A name that
matches none or several is kept with no code and reported as a reject with the
candidates.

Period: `Høsten 2018`/`Hausten 2018` → `2018-H2`, `Våren 2019` → `2019-H1`
(school terms: the spring term is the first half of the year, the autumn term
the second), so periods sort and join as text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Callable, Iterable

import pyarrow as pa

from extract.cells import NBSP, CellError, is_blank, looks_numeric, parse_cell
from extract.documents import Document, Line
from extract.kinds.base import Fact, ParseError, ParseResult, Reject, lineage, schema
from extract.reference import (
    MATCHED,
    MATCHED_FOLDED,
    MunicipalityReference,
    load_reference,
    reference_fingerprint,
)

PARSER_VERSION = "1"
TABLE = "compensation"

# The article prints no symbols; a lone dash or dots would stand for "nothing"
# or "missing" without the article saying which, so they keep their own status.
SYMBOLS = {"-": "dash", "\u2013": "dash", "..": "missing", ".": "not_applicable"}

MISSING = "missing_man_years"
COMPENSATION = "compensation_nok"
FUNDED = "funded_man_years"
VALUE_COLUMNS = (MISSING, COMPENSATION, FUNDED)

_TERM = r"(?P<term>h[øa]u?sten|våren)"
_PERIOD = re.compile(rf"\b{_TERM}\s+(?P<year>(?:19|20)\d\d)\b", re.IGNORECASE)
_MONTHS = {
    name: number
    for number, names in enumerate(
        (("januar",), ("februar",), ("mars",), ("april",), ("mai",), ("juni",), ("juli",),
         ("august",), ("september",), ("oktober",), ("november",), ("desember",)),
        start=1,
    )
    for name in names
}
_STRUCTURE = re.compile(
    r"kommun(?:er|ar)\s+og\s+fylke(?:r)?\s+(?:per\.?|pr\.?|per\s+1\.?)\s*(?P<month>[a-zæøå]+)\s+(?P<year>(?:19|20)\d\d)",
    re.IGNORECASE,
)
_PUBLISHER = re.compile(r"^\s*(?:Utgjevar|Utgiver)\s*:\s*(?P<name>\S.*?)\s*$")
_GOVERNMENT = re.compile(r"^\s*Publisert under\s*:\s*(?P<name>\S.*?)\s*$")
_BOILERPLATE = re.compile(r"^\s*(Historisk arkiv|Pressemelding|Nyhet|Artikkel)\s*$", re.IGNORECASE)
_NORM = re.compile(r"\bnorm\s+på\s+(?P<norm>\d+(?:/\d+)+)")
_AMOUNT = re.compile(
    r"(?P<number>\d+(?:[ \u00a0]\d{3})*(?:,\d+)?)\s+(?P<unit>millionar|millioner|milliardar|milliarder)\s+kroner",
    re.IGNORECASE,
)
_UNITS = {"millionar": 10**6, "millioner": 10**6, "milliardar": 10**9, "milliarder": 10**9}
_MAN_YEARS = re.compile(
    r"(?P<about>om\s*lag|omlag|cirka|ca\.|rundt)?\s*(?P<number>\d+(?:[ \u00a0]\d{3})*)\s+"
    r"(?:nye\s+|fleire\s+|flere\s+)?(?:lærarar|lærere|lærarårsverk|lærerårsverk|årsverk)\b",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[–\-A-ZÆØÅ])")
# A municipality and its values on one line (renderings that keep table rows):
# the man-years carry a decimal comma, the compensation is grouped by thousands.
_ONE_LINE_ROW = re.compile(
    r"^(?P<name>\D*?\S)\s+(?P<a>\d+,\d+|[-\u2013])\s+(?P<b>\d{1,3}(?:[ \u00a0]\d{3})*|[-\u2013])\s+(?P<c>\d+,\d+|[-\u2013])\s*$"
)
_TOTAL_LABEL = re.compile(r"^(sum|i alt|totalt|total|hele landet|heile landet|landet|norge)\b", re.IGNORECASE)
_COUNTRY_LABEL = re.compile(r"\b(hele landet|heile landet|landet|norge|totalt)\b", re.IGNORECASE)


def squeeze(text: str) -> str:
    """Ordinary and no-break spaces collapsed, ends trimmed."""
    return " ".join(text.replace(NBSP, " ").split())


def is_padded(text: str) -> bool:
    """A municipality name line starts with a no-break space; a county heading does not."""
    return text[:1] in (NBSP, " ", "\t")


def is_value_line(text: str) -> bool:
    cleaned = squeeze(text)
    return looks_numeric(cleaned) or cleaned in SYMBOLS


def published_decimals(text: str) -> int:
    """'20,5' → 1; '6 166 000' → 0."""
    _, _, fraction = squeeze(text).partition(",")
    return len(fraction)


def period_code(term: str, year: int) -> str:
    """'Høsten', 2018 → '2018-H2'; 'Våren', 2019 → '2019-H1'."""
    half = 1 if term.lower().startswith("vår") else 2
    return f"{year}-H{half}"


def period_start(code: str) -> date:
    year, half = code.split("-H")
    return date(int(year), 1 if half == "1" else 8, 1)


def classify_header(text: str) -> str | None:
    """The column a header block names, from its words."""
    lowered = squeeze(text).lower()
    if "mangler" in lowered or "manglar" in lowered:
        return MISSING
    if "gir rom for" in lowered or "gjev rom for" in lowered or "gir rom til" in lowered:
        return FUNDED
    if lowered.startswith(("kompensasjon", "tilskot", "tilskudd")) or "(i kroner)" in lowered:
        return COMPENSATION
    if re.match(r"kommune\b", lowered):
        return "name"
    return None


@dataclass(frozen=True)
class Header:
    period: str
    period_label: str
    columns: tuple[str, ...]  # value columns in the order of the header
    labels: dict[str, str]
    structure_date: date | None
    structure_line: Line | None
    first_body_index: int  # index into the non-blank lines where the table body starts
    lines: tuple[Line, ...]


@dataclass(frozen=True)
class Row:
    """One table row as read: a label line and its value lines."""

    label_line: Line
    value_lines: tuple[Line, ...]
    county: str | None


def non_blank(lines: Iterable[Line]) -> list[Line]:
    return [line for line in lines if not is_blank(line.text)]


def header_blocks(lines: list[Line], start: int) -> list[tuple[str, list[Line]]]:
    """Header labels from `start`, each with the lines it was read from: a line
    opening with '(' (`(i kroner)`) continues the label before it; a line of
    tab-separated labels (a PDF's header, see `from_pdf`) gives one per cell."""
    blocks: list[tuple[str, list[Line]]] = []
    for line in lines[start:]:
        text = squeeze(line.text)
        if "\t" in line.text:
            blocks += [(squeeze(cell), [line]) for cell in line.text.split("\t") if not is_blank(cell)]
        elif blocks and text.startswith("("):
            blocks[-1] = (f"{blocks[-1][0]} {text}", [*blocks[-1][1], line])
        else:
            blocks.append((text, [line]))
    return blocks


def find_header(lines: list[Line]) -> Header:
    """The column header: a `Kommune` line followed by the value columns' labels."""
    starts = [i for i, line in enumerate(lines) if classify_header(line.text.split("\t")[0]) == "name"]
    if not starts:
        raise ParseError("no column header starting with 'Kommune' found")
    error: ParseError | None = None
    for start in starts:
        try:
            return header_at(lines, start)
        except ParseError as failed:
            error = error or failed
    raise error


def header_at(lines: list[Line], start: int) -> Header:
    columns: list[str] = []
    labels: dict[str, str] = {}
    header_lines: list[Line] = []
    for text, block in header_blocks(lines, start):
        column = classify_header(text)
        if column is None or (column == "name" and labels.get("name")) or column in columns:
            break
        if column != "name":
            columns.append(column)
        labels[column] = text
        header_lines += [line for line in block if line not in header_lines]
    consumed = start + len(header_lines)
    missing = [column for column in VALUE_COLUMNS if column not in columns]
    if missing:
        raise ParseError(f"column header lacks {missing} (found {columns})", lines[start])

    period_match = _PERIOD.search(labels[COMPENSATION]) or _PERIOD.search(labels[FUNDED])
    if period_match is None:
        # The period may stand only as a heading above the table ('Høsten 2018').
        for line in reversed(lines[:start]):
            period_match = _PERIOD.fullmatch(squeeze(line.text))
            if period_match:
                break
    if period_match is None:
        raise ParseError("no period ('Høsten 2018') in the column header or above it", lines[start])
    year = int(period_match["year"])

    structure_date, structure_line = None, None
    structure_match = _STRUCTURE.search(squeeze(labels["name"]))
    if structure_match and structure_match["month"].lower() in _MONTHS:
        structure_date = date(int(structure_match["year"]), _MONTHS[structure_match["month"].lower()], 1)
        structure_line = lines[start]
    return Header(
        period=period_code(period_match["term"], year),
        period_label=f"{period_match['term'].capitalize()} {year}",
        columns=tuple(columns),
        labels=labels,
        structure_date=structure_date,
        structure_line=structure_line,
        first_body_index=consumed,
        lines=tuple(header_lines),
    )


def is_cell_row(text: str) -> bool:
    """A row whose cells are separated by tabs (a PDF's row, see `from_pdf`)."""
    return "\t" in text


def split_rows(body: list[Line]) -> tuple[list[Row], list[Reject], list[Line]]:
    """Group the body's non-blank lines into rows.

    A text line followed by value lines is a row label; an unpadded text line
    followed by another text line is a county heading. A padded text line
    followed by text is a name whose values are missing (rejected); values
    with no name before them are rejected. Text after the last row that is not
    followed by values (sources, notes) is returned as trailing text.
    """
    rows: list[Row] = []
    rejects: list[Reject] = []
    county: str | None = None
    county_line: Line | None = None
    county_rows = 0
    last_value = max(
        (i for i, line in enumerate(body)
         if is_value_line(line.text) or is_cell_row(line.text) or _ONE_LINE_ROW.match(squeeze(line.text))),
        default=-1,
    )
    index = 0
    while index < len(body):
        line = body[index]
        if is_value_line(line.text):
            rejects.append(Reject(line, "a value with no municipality name before it"))
            index += 1
            continue
        if is_cell_row(line.text) or _ONE_LINE_ROW.match(squeeze(line.text)):
            rows.append(Row(line, (line,), county))
            county_rows += 1
            index += 1
            continue
        values_end = index + 1
        while values_end < len(body) and is_value_line(body[values_end].text):
            values_end += 1
        values = tuple(body[index + 1 : values_end])
        if values:
            rows.append(Row(line, values, county))
            county_rows += 1
        elif index > last_value:
            return rows, rejects, body[index:]
        elif not is_padded(line.text):
            if county_line is not None and county_rows == 0:
                rejects.append(Reject(county_line, "a county heading with no municipalities under it"))
            county, county_line, county_rows = squeeze(line.text), line, 0
        else:
            rejects.append(Reject(line, "a municipality name (padded) with no values after it"))
        index = values_end
    return rows, rejects, []


def row_values(row: Row) -> list[str]:
    if is_cell_row(row.label_line.text):
        return row.label_line.text.split("\t")[1:]
    if row.value_lines == (row.label_line,):
        match = _ONE_LINE_ROW.match(squeeze(row.label_line.text))
        return [match["a"], match["b"], match["c"]]
    return [line.text for line in row.value_lines]


def row_label(row: Row) -> str:
    if is_cell_row(row.label_line.text):
        return squeeze(row.label_line.text.split("\t")[0])
    if row.value_lines == (row.label_line,):
        return _ONE_LINE_ROW.match(squeeze(row.label_line.text))["name"]
    return squeeze(row.label_line.text)


def sentences(lines: Iterable[Line]) -> Iterable[tuple[str, Line]]:
    for line in lines:
        for sentence in _SENTENCE_END.split(squeeze(line.text)):
            if sentence:
                yield sentence, line


def stated_totals(prose: list[Line], period_label: str) -> tuple[list[Fact], list[Reject]]:
    """The amounts and man-years the prose states for the table's period.

    Only sentences naming the period ('hausten 2018') count: the article also
    states the year's total (1,4 milliardar … i 2018) and its parts."""
    term, year = period_label.split()
    in_period = re.compile(rf"\b{_TERM}\s+{year}\b", re.IGNORECASE)
    term_half = period_code(term, int(year))
    amounts: dict[int, Line] = {}
    man_years: dict[int, tuple[Line, bool]] = {}
    for sentence, line in sentences(prose):
        match = in_period.search(sentence)
        if not match or period_code(match["term"], int(year)) != term_half:
            continue
        for amount in _AMOUNT.finditer(sentence):
            number = Decimal(re.sub(r"[ \u00a0]", "", amount["number"]).replace(",", "."))
            amounts.setdefault(int(number * _UNITS[amount["unit"].lower()]), line)
        for found in _MAN_YEARS.finditer(sentence):
            number = int(re.sub(r"[ \u00a0]", "", found["number"]))
            man_years.setdefault(number, (line, bool(found["about"])))
    facts: list[Fact] = []
    rejects: list[Reject] = []
    if len(amounts) == 1:
        (value, line), = amounts.items()
        facts.append(Fact("stated_compensation_total_nok", str(value), line))
    elif amounts:
        for value, line in amounts.items():
            rejects.append(Reject(line, f"the prose states several totals for {period_label}", ", ".join(map(str, amounts))))
    if len(man_years) == 1:
        (value, (line, about)), = man_years.items()
        facts.append(Fact("stated_funded_man_years", str(value), line))
        facts.append(Fact("stated_funded_man_years_is_approximate", "true" if about else "false", line))
    elif man_years:
        for value, (line, _) in man_years.items():
            rejects.append(Reject(line, f"the prose states several man-year totals for {period_label}", ", ".join(map(str, man_years))))
    return facts, rejects


def document_facts(lines: list[Line], header_start: int) -> list[Fact]:
    """Title, publisher and government from the article's opening lines."""
    facts: list[Fact] = []
    opening = lines[:header_start]
    metadata_index = next(
        (i for i, line in enumerate(opening) if _PUBLISHER.match(line.text) or _GOVERNMENT.match(line.text)), None
    )
    title_candidates = [
        line for line in (opening[:metadata_index] if metadata_index is not None else opening[:5])
        if not _BOILERPLATE.match(line.text)
    ]
    if title_candidates:
        facts.append(Fact("title", squeeze(title_candidates[-1].text), title_candidates[-1]))
    for line in opening:
        if match := _PUBLISHER.match(line.text):
            facts.append(Fact("publisher", match["name"], line))
        elif match := _GOVERNMENT.match(line.text):
            facts.append(Fact("government", match["name"], line))
    return facts


# The header is set solid; the space (or rule) below it is wider than the rows' pitch
# by more than this share: it tells the header's last line from a county heading
# under it, which looks the same (bold, in the first column).
HEADER_GAP = 1.08


def _is_value(text: str) -> bool:
    return looks_numeric(text) or text in SYMBOLS


def is_pdf_row(line: Line) -> bool:
    """A municipality's line in a PDF: a name, then cells that are all values."""
    from extract import pdf

    groups = [" ".join(word.text for word in group) for group in pdf.clusters(line)]
    return len(groups) >= 2 and not _is_value(groups[0]) and all(_is_value(group) for group in groups[1:])


def _baseline(line: Line) -> float:
    return max(word.bottom for word in line.words)


def _pdf_header(lines: list[Line]) -> tuple[int, int] | None:
    """(first header line, first line after it).

    The header is the block of lines set solid above the first municipality
    row, back to the gap above it: its labels may be aligned to the top of
    their cells or to the bottom, so the line whose first label is 'Kommune'
    may be anywhere in the block. It ends at the first gap wider than the
    solid pitch; bold lines between it and the first row are county headings.
    """
    from extract import pdf

    for anchor, line in enumerate(lines):
        groups = pdf.clusters(line) if line.words else []
        if not groups or classify_header(" ".join(w.text for w in groups[0])) != "name":
            continue
        first_row = next((i for i in range(anchor + 1, len(lines)) if is_pdf_row(lines[i])), None)
        if first_row is None or lines[first_row].page != line.page:
            continue
        # The pitch of the lines from 'Kommune' on (a bottom-aligned header may
        # have nothing under it but rows) bounds the header's pitch; the header's
        # own, once its first line is known, tells where it ends.
        start, solid = anchor, _solid_pitch(lines[anchor : first_row + 2])
        while start > 0 and solid and _is_header_line_above(lines[start - 1], lines[start], solid):
            start -= 1
        block = lines[start : first_row + 2]
        solid = _solid_pitch(block)
        end = next((start + i + 1 for i, (a, b) in enumerate(zip(block, block[1:]))
                    if a.page == b.page and solid and _baseline(b) - _baseline(a) > solid * HEADER_GAP), first_row)
        if sum(len(pdf.clusters(header_line)) for header_line in lines[start:end]) < 2:
            continue  # a lone 'Kommune' with no other labels: prose, not a header
        return start, min(end, first_row)
    return None


def _solid_pitch(lines: list[Line]) -> float:
    """The smallest distance between the baselines of consecutive lines on one page."""
    pitches = [_baseline(b) - _baseline(a) for a, b in zip(lines, lines[1:]) if a.page == b.page]
    return min((p for p in pitches if p > 0), default=0.0)


def _is_header_line_above(above: Line, line: Line, solid: float) -> bool:
    """`above` is a line of the header `line` belongs to: set solid over it, same weight, no values."""
    from extract import pdf

    return (
        above.page == line.page
        and 0 < _baseline(line) - _baseline(above) <= solid * HEADER_GAP
        and pdf.is_bold_line(above) == pdf.is_bold_line(line)
        and not is_pdf_row(above)
    )


def _words(lines: Iterable[Line]) -> list[str]:
    return sorted(word.text for line in lines for word in line.words)


def _repeated_header(body: list[Line], header: list[Line]) -> int:
    """How many of a page's first lines repeat the header, compared by their words
    (a repeat may break its labels over other lines); 0 if they do not."""
    words = _words(header)
    for count in range(1, min(len(body), len(header) + 2) + 1):
        if _words(body[:count]) == words:
            return count
    return 0


def _page_columns(header: list[Line], rows: list[Line]) -> tuple[list, list[str]]:
    """A page's columns and each column's label.

    The rows set the columns where every label stands over one of them: a label
    centred over left-aligned names or right-aligned numbers need not overlap
    them, and would otherwise make a column of its own. Where the rows leave a
    column empty throughout, the header's words make it, as they stand."""
    from extract import pdf

    columns = pdf.table_columns(rows)
    if not header:
        return columns, []
    cells = pdf.header_cells(header, columns)
    if all(cell.span == 1 for cell in cells) and {cell.first for cell in cells} == set(range(len(columns))) \
            and len(columns) >= max(len(pdf.clusters(line)) for line in header):
        labels = [""] * len(columns)
        for cell in sorted(cells, key=lambda c: (c.top, c.x0)):
            labels[cell.first] = f"{labels[cell.first]} {cell.text}".strip()
        return columns, labels
    columns = pdf.table_columns([*header, *rows])
    return columns, pdf.header_labels(header, columns)


def from_pdf(document: Document) -> Document:
    """The PDF's article and table in the text rendering's terms.

    The header becomes one line of tab-separated labels (each column's label
    read down its column, however it was wrapped); a municipality's line
    becomes its cells separated by tabs, the columns taken from the header's
    and the rows' positions on each page (an empty position stays an empty
    cell); a bold line with no values is a county heading, printed unpadded
    as in the rendering, another line with no values a padded name (the parser
    reports it). A header repeated at the top of a page (compared by its words)
    is dropped, and prose is joined into paragraphs, as the rendering prints it.
    """
    from extract import pdf

    lines = [line for line in document.lines if line.words]
    found = _pdf_header(lines)
    if found is None:
        return document
    start, header_end = found
    header = lines[start:header_end]
    replacements = pdf.join_paragraphs(lines[:start])
    pages: dict[int, list[Line]] = {}
    for line in lines[header_end:]:
        pages.setdefault(line.page, []).append(line)
    trailing: list[Line] = []
    for page, body in pages.items():
        page_header = header if page == header[0].page else []
        if page != header[0].page and (repeat := _repeated_header(body, header)):
            page_header, body = body[:repeat], body[repeat:]
            replacements.update({line.number: "" for line in page_header})
        rows = [line for line in body if is_pdf_row(line)]
        if not rows:
            trailing += body
            continue
        columns, labels = _page_columns(page_header, rows)
        if page_header is header:
            replacements[page_header[0].number] = "\t".join(labels)
            replacements.update({line.number: "" for line in page_header[1:]})
        last_row = body.index(rows[-1])
        for line in body[: last_row + 1]:
            if line in rows:
                replacements[line.number] = "\t".join(pdf.cells_of(line, columns))
            elif pdf.is_bold_line(line):
                replacements[line.number] = squeeze(line.text)
            else:
                replacements[line.number] = NBSP + squeeze(line.text)
        trailing = body[last_row + 1 :]
    replacements.update(pdf.join_paragraphs(trailing))
    return pdf.rebuild(document, replacements)


def _default_reference() -> MunicipalityReference:
    return load_reference()


@dataclass(frozen=True)
class TeacherNorm:
    """The kind. `reference` supplies the municipality reference (tests inject a small one)."""

    kind: str = "teacher_norm"
    reference: Callable[[], MunicipalityReference] = field(default=_default_reference, compare=False)

    @property
    def parser_version(self) -> str:
        # The codes come from the reference: a changed reference must re-parse.
        if self.reference is _default_reference:
            return f"{PARSER_VERSION}+ref.{reference_fingerprint()}"
        return f"{PARSER_VERSION}+ref.{self.reference().fingerprint}"

    @property
    def schemas(self) -> dict[str, pa.Schema]:
        return {
            TABLE: schema(
                pa.field("period", pa.string(), nullable=False),
                pa.field("period_label", pa.string(), nullable=False),
                pa.field("structure_date", pa.date32(), nullable=False),
                pa.field("area_level", pa.string(), nullable=False),
                pa.field("county_name", pa.string()),
                pa.field("source_name", pa.string(), nullable=False),
                pa.field("municipality_code", pa.string()),
                pa.field("reference_name", pa.string()),
                pa.field("match_status", pa.string()),
                pa.field("match_candidates", pa.string()),
                pa.field("missing_man_years", pa.decimal128(12, 2)),
                pa.field("missing_man_years_status", pa.string(), nullable=False),
                pa.field("compensation_nok", pa.decimal128(15, 2)),
                pa.field("compensation_nok_status", pa.string(), nullable=False),
                pa.field("funded_man_years", pa.decimal128(12, 2)),
                pa.field("funded_man_years_status", pa.string(), nullable=False),
                # Decimals printed for the funded man-years: their rounding, which
                # bounds the compensation per man-year that dbt checks.
                pa.field("funded_man_years_decimals", pa.int8()),
            )
        }

    def detect(self, document: Document) -> float:
        text = squeeze(document.text[:200_000]).lower()
        topic = any(word in text for word in ("lærartettleik", "lærertetthet", "lærarnorm", "lærernorm"))
        # Bokmål and nynorsk column headers, either school term.
        columns = (
            re.search(r"årsverk som mangl(?:er|ar)", text) is not None
            and re.search(rf"kompensasjon(?:en)?\s+{_TERM}\s+\d{{4}}", text) is not None
        )
        if topic and columns:
            return 0.95
        if columns:
            return 0.75
        # A PDF's header wraps its labels side by side, so their words interleave.
        if topic and "kompensasjon" in text and "årsverk" in text and ("mangler" in text or "manglar" in text):
            return 0.9
        if topic and "kompensasjon" in text:
            return 0.4
        return 0.0

    def parse(self, document: Document) -> ParseResult:
        if document.format == "pdf":
            document = from_pdf(document)
        lines = non_blank(document.lines)
        header = find_header(lines)
        header_start = lines.index(header.lines[0])
        result = ParseResult(tables={TABLE: []})
        result.facts += document_facts(lines, header_start)
        result.facts += [
            Fact("period", header.period, header.lines[0]),
            Fact("period_label", header.period_label, header.lines[0]),
        ]
        norm = next((m["norm"] for line in header.lines if (m := _NORM.search(squeeze(line.text)))), None)
        if norm:
            result.facts.append(Fact("norm_pupils_per_teacher", norm, header.lines[0]))
        structure_date = header.structure_date
        if structure_date is None:
            # No date stated for the municipality structure: the period's start is
            # the nearest date the document supports, and the fact says so.
            structure_date = period_start(header.period)
            result.facts.append(Fact("structure_date_basis", "period_start", header.lines[0]))
        else:
            result.facts.append(Fact("structure_date_basis", "stated", header.lines[0]))
        result.facts.append(Fact("structure_date", structure_date.isoformat(), header.lines[0]))
        facts, rejects = stated_totals(lines[:header_start], header.period_label)
        result.facts += facts
        result.rejects += rejects

        rows, rejects, trailing = split_rows(lines[header.first_body_index :])
        result.rejects += rejects
        for line in trailing:
            result.facts.append(Fact("note", squeeze(line.text), line))
        if not rows:
            raise ParseError("the table has a header but no rows", header.lines[-1])
        try:
            reference = self.reference()
        except FileNotFoundError as error:
            raise ParseError(str(error)) from error
        counties = {row.county for row in rows}
        for county in sorted(c for c in counties if c is not None):
            if not reference.counties_named(county, structure_date):
                heading = next(row.label_line for row in rows if row.county == county)
                result.rejects.append(
                    Reject(heading, f"county heading {county!r} is not a county on {structure_date.isoformat()}")
                )
        for row in rows:
            self._read_row(document, row, header, structure_date, reference, result)
        return result

    def _read_row(
        self,
        document: Document,
        row: Row,
        header: Header,
        structure_date: date,
        reference: MunicipalityReference,
        result: ParseResult,
    ) -> None:
        raw = " | ".join(
            [row.label_line.text] + [line.text for line in row.value_lines if line is not row.label_line]
        )
        texts = row_values(row)
        if len(texts) != len(header.columns):
            result.rejects.append(
                Reject(
                    row.label_line,
                    f"expected {len(header.columns)} values ({', '.join(header.columns)}), found {len(texts)}",
                    raw,
                )
            )
            return
        try:
            cells = dict(zip(header.columns, (parse_cell(text, SYMBOLS) for text in texts)))
        except CellError as error:
            result.rejects.append(Reject(row.label_line, str(error), raw))
            return
        name = row_label(row)
        area_level = "municipality"
        if _TOTAL_LABEL.match(name):
            area_level = "country" if row.county is None or _COUNTRY_LABEL.search(name) else "county"
        record = {
            "period": header.period,
            "period_label": header.period_label,
            "structure_date": structure_date,
            "area_level": area_level,
            "county_name": row.county if area_level != "country" else None,
            "source_name": name,
            "municipality_code": None,
            "reference_name": None,
            "match_status": None,
            "match_candidates": None,
        }
        if area_level == "municipality":
            match = reference.match(name, row.county, structure_date)
            record.update(
                municipality_code=match.code,
                reference_name=(match.version.name_parallel or match.version.name) if match.version else None,
                match_status=match.status,
                match_candidates=match.candidates_text(),
            )
            if match.status not in (MATCHED, MATCHED_FOLDED):
                result.rejects.append(Reject(row.label_line, f"{match.status}: {match.reason}", match.candidates_text()))
        for column, cell in cells.items():
            record[column] = cell.value
            record[f"{column}_status"] = cell.status
        record["funded_man_years_decimals"] = published_decimals(cells[FUNDED].raw) if cells[FUNDED].is_published else None
        result.tables[TABLE].append({**record, **lineage(document, row.label_line, raw)})


KIND = TeacherNorm()
