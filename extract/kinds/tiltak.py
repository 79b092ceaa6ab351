"""NAV monthly report: participants in labour-market measures ("tiltak").

The report is a run of small tables, one per page fragment. Each fragment is a
column header (a year-to-date average column, then one column per month of the
range in the `Januar 2026 - April 2026` heading) followed by an "I alt" line:

- `I alt` alone: the national overview, one row per measure;
- `I alt <target group>`: one target group, one row per measure;
- `I alt <measure>`: one measure broken down by county, municipality, sex, age
  band, immigrant status, world region or education (the rows tell which).

A table longer than a page repeats the header and its "I alt" line; the repeat
is recognised by the same measure and the same kind of rows, and the total is
stored once (a repeat that differs is rejected). Measure names are matched
with spaces removed and case folded, and the rendering's slips
(`arbeidsforberede dende`, a doubled syllable) are matched to the nearest
known name and reported as a fact. Cells are tab-separated; `*` is NAV's
suppression of values below 4 and stays NULL with its status.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import pyarrow as pa

from extract.cells import NBSP, SYMBOLS_NAV, CellError, parse_cell, strip_markup
from extract.documents import Document, Line
from extract.kinds.base import Fact, ParseError, ParseResult, Reject, lineage, schema

MONTHS = {
    "januar": 1, "februar": 2, "mars": 3, "april": 4, "mai": 5, "juni": 6,
    "juli": 7, "august": 8, "september": 9, "oktober": 10, "november": 11, "desember": 12,
}
_MONTH = "|".join(MONTHS)
_HEADING = re.compile(
    rf"^\s*(?:#+\s*)?(?P<m1>{_MONTH})\s+(?P<y1>\d{{4}})(?:\s*[-\u2013]\s*(?P<m2>{_MONTH})\s+(?P<y2>\d{{4}}))?\s*$",
    re.IGNORECASE,
)
_SUPPRESSION_NOTE = re.compile(r"mindre enn (?P<n>\d+) med spesialtegn\s*«\\?(?P<symbol>.)»")

MEASURES = {
    "arbeidsforberedendetrening": "arbeidsforberedende_trening",
    "arbeidstrening": "arbeidstrening",
}
# How close a folded name must be to a known measure to be read as it; the
# sample's worst slip ('arbeidsforberededendetrening') scores 0.96, the other
# measure about 0.7.
MEASURE_SIMILARITY = 0.85
ALL_MEASURES = "all"

TOTAL = "total"
TARGET_GROUP = "target_group"
COUNTY = "county"
MUNICIPALITY = "municipality"
SEX = "sex"
AGE_BAND = "age_band"
IMMIGRANT_STATUS = "immigrant_status"
WORLD_REGION = "world_region"
EDUCATION = "education"
CATEGORICAL = (SEX, AGE_BAND, IMMIGRANT_STATUS, WORLD_REGION, EDUCATION)

# `Ukjent` has no code in the document; these are the codes SSB uses for an
# unknown county/municipality, so they cannot collide with a real one.
UNKNOWN_LABEL = "ukjent"
UNKNOWN_CODES = {COUNTY: "99", MUNICIPALITY: "9999", WORLD_REGION: "ukjent"}

_MUNICIPALITY_ROW = re.compile(r"^(?P<code>\d{4})\s+(?P<name>\S.*)$")
# A county's name starts with a letter and is not 'år' ('60 år +' is an age band).
_COUNTY_ROW = re.compile(r"^(?P<code>\d{2})\s+(?P<name>(?!år\b)[^\W\d_].*)$", re.IGNORECASE)
_AGE_BAND_OPEN = re.compile(r"^(?P<side>under|over)\s+(?P<n>\d{1,3})\s+år$", re.IGNORECASE)
_AGE_BAND = re.compile(r"^(?P<low>\d{1,3})(?:\s*[-\u2013]\s*(?P<high>\d{1,3}))?\s+år(?:\s+(?:og|eller)\s+(?P<side>under|over|eldre|yngre)|\s*(?P<plus>\+))?$", re.IGNORECASE)

# Keyword → code, checked in order (the first keyword found in the folded label wins).
_CATEGORY_KEYWORDS: dict[str, tuple[tuple[str, str], ...]] = {
    SEX: (("kvinne", "kvinner"), ("menn", "menn"), ("mann", "menn")),
    IMMIGRANT_STATUS: (
        ("ikkeinnvandr", "ikke_innvandrere"), ("befolkningenellers", "ikke_innvandrere"),
        ("innvandr", "innvandrere"),
    ),
    WORLD_REGION: (
        ("amerika", "amerika_oseania"), ("oceania", "amerika_oseania"), ("oseania", "amerika_oseania"),
        ("afrika", "afrika"), ("asia", "asia"), ("europa", "europa"),
    ),
    EDUCATION: (
        ("grunnskole", "grunnskole"), ("videregående", "videregaende"),
        ("kortinntil", "hoyere_kort"), ("over4år", "hoyere_lang"), ("lang", "hoyere_lang"),
        ("uoppgitt", "uoppgitt"), ("ingenfullført", "uoppgitt"),
    ),
}
_TARGET_GROUPS = (("arbeidssøkere", "arbeidssokere"), ("nedsattarbeidsevne", "nedsatt_arbeidsevne"), ("andre", "andre"))


def fold(text: str) -> str:
    """Compare names with spaces and markup removed and case folded."""
    return re.sub(r"[\s\u00a0]+", "", strip_markup(text)).casefold()


def slug(text: str) -> str:
    folded = strip_markup(text).casefold().replace("æ", "ae").replace("ø", "o").replace("å", "a")
    return re.sub(r"[^a-z0-9]+", "_", folded).strip("_")


def clean_name(text: str) -> str:
    """The name as published: markup stripped, spaces (split words included) kept."""
    return re.sub(r"[ \u00a0]+", " ", strip_markup(text)).strip()


def split_cells(text: str) -> list[str]:
    """The rendering separates columns by tabs (a PDF rendering by runs of spaces)."""
    separator = "\t" if "\t" in text else r" {2,}"
    return [cell.strip(f" {NBSP}") for cell in re.split(separator, text)]


def month_range(text: str) -> tuple[date, date] | None:
    """'### Januar 2026 - April 2026' → (2026-01-01, 2026-04-01); None if not a heading."""
    match = _HEADING.match(strip_markup(text))
    if match is None:
        return None
    first = date(int(match["y1"]), MONTHS[match["m1"].lower()], 1)
    last = date(int(match["y2"]), MONTHS[match["m2"].lower()], 1) if match["m2"] else first
    return first, last


def months_between(first: date, last: date) -> list[date]:
    months = []
    current = first
    while current <= last:
        months.append(current)
        current = date(current.year + current.month // 12, current.month % 12 + 1, 1)
    return months


def is_column_header(cells: list[str]) -> bool:
    return any(fold(cell).startswith("gjennomsnitt") for cell in cells)


def names_ytd_column(text: str) -> bool:
    """A line holding the start of the ytd label ('Gjennom' of a wrapped 'Gjennom snitt')."""
    return any(word.casefold().startswith("gjennom") for word in strip_markup(text).split())


def is_pdf_value(text: str) -> bool:
    """A word that can end a table row in a PDF: a number (group) or NAV's '*'."""
    return text in SYMBOLS_NAV or text.isdigit()


def _pdf_header(lines: list[Line], total: int) -> list[Line] | None:
    """The column header above the "I alt" line at `total`: the lines set solid
    above it on its page with no values, one of them naming the ytd column."""
    from extract import pdf

    header: list[Line] = []
    index = total - 1
    while index >= 0:
        line = lines[index]
        if line.page != lines[total].page or month_range(line.text) or any(is_pdf_value(w.text) for w in line.words):
            break
        if header and not 0 < header[0].words[0].bottom - line.words[0].bottom <= max(
            w.size for w in line.words
        ) * pdf.PARAGRAPH_LEADING:
            break  # the space above a header: a heading or prose, not a wrapped label
        header.insert(0, line)
        index -= 1
    return header if any(names_ytd_column(line.text) for line in header) else None


def has_pdf_row_shape(line: Line, table: list[Line]) -> bool:
    """A line whose groups of words stand one in each column of the table above: a
    row whatever its cells hold (a row of dashes), so it is read or rejected, not
    joined into prose."""
    from extract import pdf

    columns = pdf.table_columns(table)
    groups = pdf.clusters(line)
    in_order = list(range(len(columns)))
    return [pdf.column_of(group[0], columns) for group in groups] == in_order \
        and [pdf.column_of(group[-1], columns) for group in groups] == in_order


def _pdf_header_labels(header: list[Line], columns: list) -> list[str]:
    """Each data column's label, its wrapped parts joined top to bottom.

    The columns are the rows' (every cell of a NAV row holds a value): a label
    centred over right-aligned numbers may not overlap them, so it is placed in
    the column whose cell it stands in (right of the column before's numbers,
    left of the column after's), not made a column of its own."""
    from extract import pdf

    labels = [""] * len(columns)
    for cell in sorted(pdf.header_cells(header, columns), key=lambda c: (c.top, c.x0)):
        labels[cell.first] = f"{labels[cell.first]} {cell.text}".strip()
    return labels


def from_pdf(document: Document) -> Document:
    """The PDF's tables in the text rendering's dialect (cells separated by tabs).

    A table starts at a bold "I alt" line under a header naming the ytd column
    (or at a row under a header repeated alone after a page break); its rows
    are the lines that follow on the page and end in a value. Columns
    come from the header's and rows' positions, so a name with a space in it
    ('Nord- Odal') is one cell and a thousands group ('7 534') stays in its
    number. The header becomes one line of labels, however they were wrapped,
    and the prose is joined into paragraphs, as the rendering prints it.
    """
    from extract import pdf

    lines = document.lines
    replacements: dict[int, str] = {}
    in_tables: set[int] = set()
    index = 0
    while index < len(lines):
        line = lines[index]
        # A fragment starts at its "I alt" line, or, where a page break repeated
        # only the column header, at the first row under it.
        starts = fold(line.text).startswith("ialt") or (line.words and is_pdf_value(line.words[-1].text))
        header = _pdf_header(lines, index) if starts else None
        if not header:
            index += 1
            continue
        rows = [line]
        index += 1
        while index < len(lines) and lines[index].page == line.page and lines[index].words \
                and (is_pdf_value(lines[index].words[-1].text) or has_pdf_row_shape(lines[index], [*header, *rows])) \
                and not month_range(lines[index].text) and not fold(lines[index].text).startswith("ialt"):
            rows.append(lines[index])
            index += 1
        columns = pdf.table_columns(rows)
        replacements[header[0].number] = "\t".join(_pdf_header_labels(header, columns))
        replacements.update({extra.number: "" for extra in header[1:]})
        replacements.update({row.number: "\t".join(pdf.cells_of(row, columns)) for row in rows})
        in_tables.update(member.number for member in [*header, *rows])
    replacements.update(pdf.join_paragraphs([line for line in lines if line.number not in in_tables]))
    return pdf.rebuild(document, replacements)


def match_measure(label: str) -> tuple[str | None, bool]:
    """(tiltak_type, exact): the measure a published name stands for, if any."""
    folded = fold(label)
    if folded in MEASURES:
        return MEASURES[folded], True
    scored = sorted(
        ((difflib.SequenceMatcher(None, folded, known).ratio(), code) for known, code in MEASURES.items()),
        reverse=True,
    )
    if scored[0][0] >= MEASURE_SIMILARITY and scored[0][0] - scored[1][0] > 0.1:
        return scored[0][1], False
    return None, False


def age_band_code(label: str) -> str | None:
    """'20-24 år' → '20_24'; '19 år og under' → '0_19'; '60 år og over' → '60_plus';
    'Under 20 år' → '0_19'; 'Over 66 år' → '67_plus' (bands are whole years)."""
    open_band = _AGE_BAND_OPEN.match(label.strip())
    if open_band:
        n = int(open_band["n"])
        return f"0_{n - 1}" if open_band["side"].lower() == "under" else f"{n + 1}_plus"
    match = _AGE_BAND.match(label.strip())
    if match is None:
        return None
    if match["high"]:
        return f"{match['low']}_{match['high']}"
    if match["side"] in ("under", "yngre"):
        return f"0_{match['low']}"
    if match["side"] in ("over", "eldre") or match["plus"]:
        return f"{match['low']}_plus"
    return match["low"]


@dataclass(frozen=True)
class RowKey:
    """What a row's label says: the kind of table it belongs in, its code and name."""

    dimension: str | None  # None: `Ukjent`, which belongs to whatever table it is in
    code: str | None
    name: str


def classify_label(label: str) -> RowKey | None:
    """The dimension and code a row label names, or None if it names none we know."""
    name = clean_name(label)
    folded = fold(name)
    if folded == UNKNOWN_LABEL:
        return RowKey(None, None, name)
    if (code := age_band_code(name)) is not None:
        return RowKey(AGE_BAND, code, name)
    if match := _MUNICIPALITY_ROW.match(name):
        return RowKey(MUNICIPALITY, match["code"], name[len(match["code"]):].strip())
    if match := _COUNTY_ROW.match(name):
        return RowKey(COUNTY, match["code"], name[len(match["code"]):].strip())
    for dimension, keywords in _CATEGORY_KEYWORDS.items():
        for keyword, code in keywords:
            if keyword in folded:
                return RowKey(dimension, code, name)
    return None


def target_group_code(label: str) -> str:
    folded = fold(label)
    return next((code for keyword, code in _TARGET_GROUPS if keyword in folded), slug(label))


@dataclass
class Table:
    """One table of the report, possibly spread over several page fragments."""

    number: int
    dimension: str  # total | target_group | county | … ; set from the rows for measure tables
    tiltak_type: str | None  # the measure of a breakdown table; None for overview/target group
    group_code: str | None  # the target group of a target-group table
    total_cells: list[str]  # the first "I alt" line's cells, to check its repeats against
    total_line: Line
    codes: dict[str, int] = field(default_factory=dict)  # code/measure → line it was first read from


@dataclass
class Segment:
    """A page fragment: a column header and its "I alt" line, whose table is not yet known
    for breakdowns (it is decided by the first row: a repeat of the current table or a new one)."""

    label: str  # the "I alt" line's label without "I alt"
    tiltak_type: str | None
    cells: list[str]
    line: Line
    table: Table | None = None


@dataclass(frozen=True)
class Columns:
    ytd: int  # index of the year-to-date average among the value cells
    months: tuple[date, ...]  # month of each value cell, None at the ytd position

    @property
    def count(self) -> int:
        return len(self.months) + 1


def read_column_header(cells: list[str], expected: list[date], line: Line) -> Columns:
    """The header names the ytd column and the months; they must be the heading's months."""
    labels = [cell for cell in cells if cell]
    ytd = [i for i, label in enumerate(labels) if fold(label).startswith("gjennomsnitt")]
    names = [fold(label) for i, label in enumerate(labels) if i not in ytd]
    if len(ytd) != 1:
        raise ParseError("the column header has no single 'Gjennomsnitt hittil i år' column", line)
    unknown = [name for name in names if name not in MONTHS]
    if unknown:
        raise ParseError(f"the column header has columns that are not month names: {unknown}", line)
    numbers = [MONTHS[name] for name in names]
    if numbers != [month.month for month in expected]:
        raise ParseError(
            f"the column header's months {names} are not the heading's range "
            f"{expected[0]:%Y-%m}..{expected[-1]:%Y-%m}",
            line,
        )
    return Columns(ytd=ytd[0], months=tuple(expected))


@dataclass(frozen=True)
class Tiltak:
    kind: str = "tiltak"
    parser_version: str = "1"

    @property
    def schemas(self) -> dict[str, pa.Schema]:
        return {
            "participants": schema(
                pa.field("report_first_month", pa.date32(), nullable=False),
                pa.field("report_last_month", pa.date32(), nullable=False),
                pa.field("table_number", pa.int16(), nullable=False),
                pa.field("table_dimension", pa.string(), nullable=False),
                pa.field("code", pa.string(), nullable=False),
                pa.field("source_name", pa.string(), nullable=False),
                pa.field("tiltak_type", pa.string(), nullable=False),
                pa.field("is_total_row", pa.bool_(), nullable=False),
                pa.field("measure", pa.string(), nullable=False),
                pa.field("month", pa.date32()),
                pa.field("participants", pa.int32()),
                pa.field("value_status", pa.string(), nullable=False),
                pa.field("is_suppressed", pa.bool_(), nullable=False),
            )
        }

    def detect(self, document: Document) -> float:
        text = document.text
        folded = fold(text[:200_000])
        score = 0.0
        # A PDF's wrapped header splits the label over lines ('Gjennom' / 'snitt hittil i år').
        if "gjennomsnitthittiliår" in folded or any(
            names_ytd_column(line.text) and sum(fold(word) in MONTHS for word in line.text.split()) >= 2
            for line in document.lines[:400]
        ):
            score += 0.4
        if "arbeidstrening" in folded:
            score += 0.3
        if any(month_range(line.text) for line in document.lines[:200]):
            score += 0.25
        return min(score, 0.95)

    def parse(self, document: Document) -> ParseResult:
        if document.format == "pdf":
            document = from_pdf(document)
        heading = next((line for line in document.lines if month_range(line.text)), None)
        if heading is None:
            raise ParseError("no heading with the report's month range ('Januar 2026 - April 2026') found")
        first, last = month_range(heading.text)
        months = months_between(first, last)
        if not 1 <= len(months) <= 12:
            raise ParseError(f"the heading's range has {len(months)} months, expected 1 to 12", heading)
        result = ParseResult(tables={"participants": []})
        result.facts += [
            Fact("report_first_month", first.isoformat(), heading),
            Fact("report_last_month", last.isoformat(), heading),
        ]
        for line in document.lines:
            if match := _SUPPRESSION_NOTE.search(line.text):
                result.facts.append(Fact("suppressed_below", match["n"], line))
                result.facts.append(Fact("suppression_symbol", match["symbol"], line))
                break
        _Reader(document, first, last, months, result).run()
        if not result.tables["participants"] and not result.rejects:
            raise ParseError("the report has a heading but no tables", heading)
        return result


@dataclass
class _Reader:
    """Walks the lines once, keeping which table the current line belongs to."""

    document: Document
    first: date
    last: date
    months: list[date]
    result: ParseResult
    columns: Columns | None = None
    segment: Segment | None = None
    table: Table | None = None  # the table the last data row went to
    tables: int = 0
    awaiting_total: Line | None = None  # a header line whose "I alt" line is due next
    # The fragment a column header interrupted, and its columns: a header repeated
    # at a page break with no "I alt" line under it continues that fragment.
    interrupted: tuple[Segment, Columns] | None = None
    bad_header: ParseError | None = None  # the column header the lines below stand under, if unreadable
    header_errors: list[ParseError] = field(default_factory=list)
    measure_variants: set[str] = field(default_factory=set)
    municipality_lines: dict[str, set[int]] = field(default_factory=dict)  # measure → line numbers

    def run(self) -> None:
        for line in self.document.lines:
            self.read_line(line)
        self.close_segment()
        self.close_interrupted(self.interrupted)
        if self.header_errors and not self.result.tables["participants"]:
            # No fragment could be read: the document is not what its headers say.
            raise self.header_errors[0]
        rejected = {reject.line.number for reject in self.result.rejects}
        for tiltak_type, numbers in self.municipality_lines.items():
            self.result.facts += [
                Fact("municipality_rows", f"{tiltak_type}:{len(numbers)}"),
                Fact("municipality_rows_rejected", f"{tiltak_type}:{len(numbers & rejected)}"),
            ]

    def count_municipality_line(self, line: Line, label: str) -> None:
        """Count a municipality table's lines by their label alone, before their cells are
        read, so that a dbt test can hold the rows and rejects against this count."""
        segment = self.segment
        if segment.tiltak_type is None:
            return
        key = classify_label(label)
        if key is None:
            return
        if key.dimension is None:
            # `Ukjent` belongs to the table it stands in, or (first on a page) continues the one above.
            table = segment.table or self.table
            if table is None or table.tiltak_type != segment.tiltak_type or table.dimension != MUNICIPALITY:
                return
        elif key.dimension != MUNICIPALITY:
            return
        self.municipality_lines.setdefault(segment.tiltak_type, set()).add(line.number)

    def reject(self, line: Line, reason: str, candidates: str | None = None) -> None:
        self.result.rejects.append(Reject(line, reason, candidates))

    def read_line(self, line: Line) -> None:
        text = line.text
        if not text.strip(f" \t{NBSP}"):
            return
        if (period := month_range(text)) is not None:
            if period != (self.first, self.last):
                self.reject(line, f"a heading for another period {period[0]:%Y-%m}..{period[1]:%Y-%m} "
                                  f"than the report's {self.first:%Y-%m}..{self.last:%Y-%m}")
            return
        cells = split_cells(text)
        if is_column_header(cells):
            self.read_header(line, cells)
            return
        if self.bad_header is not None:
            # Under a header that could not be read no row can be placed: each is rejected.
            if looks_like_row(cells) or has_table_shape(cells, self.months_count + 1):
                self.reject(line, f"a row under a column header that could not be read "
                                  f"(line {self.bad_header.line.number}: {self.bad_header})")
            return
        label = clean_name(cells[0])
        in_table = self.segment is not None and self.awaiting_total is None
        if in_table:
            self.count_municipality_line(line, label)
        if not looks_like_row(cells) and not (in_table and has_table_shape(cells, self.columns.count)):
            if in_table and (_CODED_LABEL.match(label) or fold(label) == UNKNOWN_LABEL):
                self.reject(line, "a row with no values")
            return  # prose between the tables: not the shape of the table it stands in
        if self.columns is None:
            self.reject(line, "a row of values before any column header")
            return
        if self.awaiting_total is not None:
            self.awaiting_total = None
            interrupted, self.interrupted = self.interrupted, None
            if fold(label).startswith("ialt"):
                self.close_interrupted(interrupted)
                self.open_segment(line, label, cells)
                return
            if interrupted is not None and interrupted[1] == self.columns:
                # A header repeated at a page break without its "I alt" line: the
                # table above goes on (its total is stored once, from its first line).
                self.segment = interrupted[0]
                self.read_row(line, label, cells)
                return
            self.close_interrupted(interrupted)
            self.reject(line, "the column header is not followed by an 'I alt' line; row read without a table")
            return
        if fold(label).startswith("ialt"):
            self.reject(line, "an 'I alt' line that does not follow a column header")
            return
        self.read_row(line, label, cells)

    @property
    def months_count(self) -> int:
        return len(self.months)

    def read_header(self, line: Line, cells: list[str]) -> None:
        """A column header: the fragment above ends (or pauses, if this is a repeat).

        A header that does not name the heading's months makes its fragment's
        rows rejects; the other fragments are still read."""
        if self.segment is not None and self.columns is not None:
            previous = (self.segment, self.columns)
            if self.segment.table is not None:
                self.close_segment()
            # else: an "I alt" line with no rows yet (at a page's foot); the first
            # row under this header, if it is no "I alt" line, tells its table.
            self.segment = None
        else:
            previous = self.interrupted  # two headers in a row: the first had nothing under it
        self.interrupted = None
        try:
            self.columns = read_column_header(cells, self.months, line)
        except ParseError as error:
            self.reject(line, str(error))
            self.header_errors.append(error)
            self.close_interrupted(previous)
            self.columns, self.bad_header, self.awaiting_total = None, error, None
            return
        self.bad_header = None
        self.awaiting_total = line
        self.interrupted = previous

    def close_interrupted(self, interrupted: tuple[Segment, Columns] | None) -> None:
        """Close a fragment a header interrupted and nothing continued."""
        if interrupted is not None:
            current, self.segment = self.segment, interrupted[0]
            self.close_segment()
            self.segment = current

    def measure(self, line: Line, label: str) -> str | None:
        tiltak_type, exact = match_measure(label)
        if tiltak_type is not None and not exact and label not in self.measure_variants:
            self.measure_variants.add(label)
            self.result.facts.append(Fact("measure_name_variant", f"{label} -> {tiltak_type}", line))
        return tiltak_type

    def open_segment(self, line: Line, label: str, cells: list[str]) -> None:
        rest = clean_name(re.sub(r"^\s*i\s+alt", "", label, flags=re.IGNORECASE))
        tiltak_type = self.measure(line, rest) if rest else None
        self.segment = Segment(label=rest, tiltak_type=tiltak_type, cells=cells, line=line)
        if tiltak_type is None:
            # The overview and the target-group tables never continue over a page break
            # in the sample; if one did, its total line would repeat: check, do not store twice.
            dimension = TARGET_GROUP if rest else TOTAL
            group = target_group_code(rest) if rest else TOTAL
            if self.table and self.table.dimension == dimension and self.table.group_code == group:
                self.check_repeat(self.table, line, cells)
                self.segment.table = self.table
                return
            table = self.new_table(dimension, None, group, cells, line)
            self.segment.table = table
            self.emit(table, line, cells, code=group, name=label, tiltak_type=ALL_MEASURES, is_total=True)

    def close_segment(self) -> None:
        """A breakdown fragment that ended without rows: its total must repeat the current table's."""
        segment = self.segment
        if segment is not None and segment.table is None and segment.tiltak_type is not None:
            if self.table is not None and self.table.tiltak_type == segment.tiltak_type:
                self.check_repeat(self.table, segment.line, segment.cells)
            else:
                self.reject(segment.line, "a total line for a table with no rows (its breakdown cannot be told)")
        self.segment = None

    def new_table(self, dimension: str, tiltak_type: str | None, group: str | None, cells: list[str], line: Line) -> Table:
        self.tables += 1
        self.table = Table(self.tables, dimension, tiltak_type, group, cells, line)
        return self.table

    def check_repeat(self, table: Table, line: Line, cells: list[str]) -> None:
        if [strip_markup(c) for c in cells[1:]] != [strip_markup(c) for c in table.total_cells[1:]]:
            self.reject(line, f"repeated total line differs from the table's first total line {table.total_line.number}",
                        candidates=table.total_line.text)

    def read_row(self, line: Line, label: str, cells: list[str]) -> None:
        segment = self.segment
        if segment is None:
            self.reject(line, "a row of values outside any table (no 'I alt' line above it)")
            return
        if segment.tiltak_type is None:
            tiltak_type = self.measure(line, label)
            if tiltak_type is None:
                self.reject(line, f"row {label!r} of an overview table is not a known measure",
                            candidates=", ".join(MEASURES.values()))
                return
            table = segment.table
            self.emit(table, line, cells, code=table.group_code, name=label, tiltak_type=tiltak_type, is_total=False)
            return
        key = classify_label(label)
        table = segment.table or self.table_for_first_row(segment, key)
        if table is None:
            self.reject(line, f"row {label!r} does not tell which breakdown its table is "
                              f"(not a county, municipality, sex, age band, … label)")
            return
        if key is None:
            if table.dimension not in CATEGORICAL:
                self.reject(line, f"row {label!r} in a {table.dimension} table has no code")
                return
            key = RowKey(table.dimension, slug(label), clean_name(label))
        if key.dimension is None:
            if table.dimension not in UNKNOWN_CODES:
                self.reject(line, f"'Ukjent' in a {table.dimension} table, which has no code for unknown")
                return
            key = RowKey(table.dimension, UNKNOWN_CODES[table.dimension], key.name)
        if key.dimension != table.dimension:
            self.reject(line, f"a {key.dimension} row inside a {table.dimension} table with no header between")
            return
        self.emit(table, line, cells, code=key.code, name=key.name, tiltak_type=table.tiltak_type, is_total=False)

    def table_for_first_row(self, segment: Segment, key: RowKey | None) -> Table | None:
        """A fragment's first row decides: same measure and same kind of rows → the table goes on."""
        current = self.table
        dimension = key.dimension if key is not None else None
        if current is not None and current.tiltak_type == segment.tiltak_type and (
            dimension == current.dimension
            or (key is not None and dimension is None)
            or (key is None and current.dimension in CATEGORICAL)
        ):
            self.check_repeat(current, segment.line, segment.cells)
            segment.table = current
            return current
        if dimension is None:
            return None
        table = self.new_table(dimension, segment.tiltak_type, None, segment.cells, segment.line)
        segment.table = table
        self.emit(table, segment.line, segment.cells, code=TOTAL, name=clean_name(segment.cells[0]),
                  tiltak_type=segment.tiltak_type, is_total=True)
        return table

    def emit(self, table: Table, line: Line, cells: list[str], *, code: str, name: str,
             tiltak_type: str, is_total: bool) -> None:
        columns = self.columns
        values = cells[1:]
        if len(values) != columns.count:
            self.reject(line, f"expected {columns.count} values (ytd average and {len(columns.months)} months), "
                              f"found {len(values)}")
            return
        try:
            parsed = [parse_cell(value, SYMBOLS_NAV) for value in values]
        except CellError as error:
            self.reject(line, str(error))
            return
        bad = [cell.raw for cell in parsed if cell.is_published and cell.value != cell.value.to_integral_value()]
        if bad or any(cell.status == "empty" for cell in parsed):
            self.reject(line, f"participants must be whole numbers or '*', found {bad or 'an empty cell'}")
            return
        if not is_total:
            key = f"{code}/{tiltak_type}"
            if key in table.codes:
                self.reject(line, f"{name!r} ({code}, {tiltak_type}) appears twice in the table "
                                  f"(first on line {table.codes[key]})")
                return
            table.codes[key] = line.number
        month_of = list(columns.months)
        month_of.insert(columns.ytd, None)
        for month, cell in zip(month_of, parsed):
            self.result.tables["participants"].append(
                {
                    "report_first_month": self.first,
                    "report_last_month": self.last,
                    "table_number": table.number,
                    "table_dimension": table.dimension,
                    "code": code,
                    "source_name": name,
                    "tiltak_type": tiltak_type,
                    "is_total_row": is_total,
                    "measure": "ytd_average" if month is None else "month",
                    "month": month,
                    "participants": int(cell.value) if cell.value is not None else None,
                    "value_status": cell.status,
                    "is_suppressed": cell.status == "suppressed",
                    **lineage(self.document, line),
                }
            )


_CODED_LABEL = re.compile(r"^\d{2,4}\s+\D")


def looks_like_row(cells: list[str]) -> bool:
    """A label and at least one cell that is a number or NAV's symbol: a table row
    (a corrupted cell among them is then rejected, not skipped as prose)."""
    values = [strip_markup(cell).strip() for cell in cells[1:]]
    return any(value[:1].isdigit() or value in SYMBOLS_NAV for value in values)


def has_table_shape(cells: list[str], count: int) -> bool:
    """A label and the table's number of value cells: a row, whatever the cells hold
    (en-dashes, letters), so it is read or rejected, never skipped as prose."""
    return bool(clean_name(cells[0])) and len(cells) - 1 == count


KIND = Tiltak()
