"""The teacher-norm article over the table model: schemas, detection, parsing.

Names carry no codes: each is matched within its county heading to the code
valid on the date the header states, using `extract.reference`. A name that
matches none or several is kept with no code and reported as a reject with
the candidates.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

import pyarrow as pa

from extract.kinds.base import ParseError, ParseResult, body_and_continuations, row_lineage, schema
from extract.kinds.teacher_norm.semantics import (
    COMPENSATION,
    FUNDED,
    KIND,
    MISSING,
    NAME,
    PARSER_VERSION,
    PERIOD,
    SYMBOLS,
    TABLE,
    TOPIC,
    VALUE_COLUMNS,
    area_level_of,
    classify_header,
    document_facts,
    norm_of,
    period_code,
    period_start,
    selection_statement,
    stated_totals,
    structure_date_of,
)
from extract.reference import MATCHED, MATCHED_FOLDED, MunicipalityReference, load_reference, reference_fingerprint
from extract.tables import Line, Row, Section, Table, TableDocument
from extract.tables.cells import CellError, parse_cell
from extract.tables.readings import settle
from extract.tables.text import normalise, squeeze


@dataclass(frozen=True)
class Header:
    period: str
    period_label: str
    positions: dict[str, int]  # value column → its index among a row's cells
    labels: dict[str, str]
    structure_date: date | None
    line: Line | None
    unknown: tuple[str, ...] = ()  # labels of value columns the kind does not know: not read
    width: int = 3  # value cells in a row, the unknown columns' included


def label_list(table: Table) -> list[str]:
    """The header's labels: over their columns, listed one per line, or split from
    running text at the words that open a label (capitalised: 'Kompensasjon …').

    Where the labels are not delimited, the lines of the title block count too: a
    header printed one label per line, each a paragraph, reads as a title block."""
    if table.header.columns:
        return [table.header.stub or "", *(column.text for column in table.header.columns)]
    if table.header.labels:
        return list(table.header.labels)
    lines = [line for line in (*table.title.lines, *table.header.lines) if not PERIOD.fullmatch(squeeze(line.text))]
    labels: list[str] = []
    for word in " ".join(squeeze(line.text) for line in lines).split():
        if not labels or (word[:1].isupper() and not labels[-1].endswith(("(", "per."))):
            labels.append(word)
        else:
            labels[-1] = f"{labels[-1]} {word}"
    merged: list[str] = []
    for label in labels:
        if merged and (classify_header(label) is None or label.startswith("(")):
            merged[-1] = f"{merged[-1]} {label}"
        else:
            merged.append(label)
    return merged


def heading_in_header(table: Table, reference: MunicipalityReference, on: date) -> Section | None:
    """A county heading printed right above the first row that the header took as its
    last line (set solid under it, as a monospaced dump prints it)."""
    if not table.header.lines:
        return None
    last = table.header.lines[-1]
    if reference.counties_named(squeeze(last.text), on):
        return Section(last, squeeze(last.text))
    return None


def _value_labels(table: Table) -> tuple[list[str], bool]:
    """The labels of the value columns, and whether they stand one per cell (the
    rendering placed or delimited them, as many as a row's values), so that a label
    the kind does not know marks a column to read past."""
    if table.header.columns:
        return [column.text for column in table.header.columns], True
    labels = [label for label in label_list(table) if label and classify_header(label) != NAME]
    width = next((len(row.values) for row in table.rows), None)
    return labels, bool(table.header.labels) and len(labels) == width


def read_header(table: Table) -> Header:
    labels: dict[str, str] = {}
    positions: dict[str, int] = {}
    stub = next((label for label in label_list(table) if classify_header(label) == NAME), None)
    if stub is not None:
        labels[NAME] = stub
    value_labels, one_per_cell = _value_labels(table)
    unknown: list[str] = []
    for label in value_labels:
        column = classify_header(label)
        if column is None or column in labels:
            if one_per_cell:
                unknown.append(label)
                positions[f"unknown {len(unknown)}"] = len(positions)
            continue
        labels[column] = label
        positions[column] = len(positions)
    width = len(positions)
    positions = {column: index for column, index in positions.items() if column in VALUE_COLUMNS}
    missing = [column for column in VALUE_COLUMNS if column not in labels]
    if missing:
        raise ParseError(f"column header lacks {missing} (found {list(positions)})", table.header.line)
    # The period heading over the table names the period once; the labels repeat it
    # (in either written standard: 'høsten', 'hausten').
    period = PERIOD.search(table.title.period or "") or PERIOD.search(labels[COMPENSATION]) \
        or PERIOD.search(labels[FUNDED]) or PERIOD.search(table.title.text)
    if period is None:
        raise ParseError("no period ('Høsten 2018') in the column header or above it", table.header.line)
    year = int(period["year"])
    return Header(period_code(period["term"], year), f"{period['term'].capitalize()} {year}", positions, labels,
                  structure_date_of(labels.get(NAME, "")), table.header.line, tuple(unknown), width)


def find_table(document: TableDocument) -> Table | None:
    """The table whose header names the missing man-years, the compensation and the funded man-years."""
    for table in document.merged():
        classes = {classify_header(label) for label in label_list(table)}
        if set(VALUE_COLUMNS) <= classes:
            return table
    return None


def _default_reference() -> MunicipalityReference:
    return load_reference()


@dataclass(frozen=True)
class TeacherNorm:
    """The kind. `reference` supplies the municipality reference (tests inject a small one)."""

    kind: str = KIND
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

    def detect(self, document: TableDocument) -> float:
        text = normalise(document.text(200_000))
        topic = any(word in text for word in TOPIC)
        table = find_table(document)
        if table is not None:
            return 0.95 if topic or PERIOD.search(" ".join(label_list(table))) else 0.75
        if topic and "kompensasjon" in text:
            return 0.4
        return 0.0

    def parse(self, document: TableDocument) -> ParseResult:
        table = find_table(document)
        if table is None:
            raise ParseError("no table whose header names the missing man-years, the compensation and the "
                             "man-years it funds ('Kommune', 'Beregnet antall årsverk som mangler …') found")
        header = read_header(table)
        start = table.first_line.number if table.first_line else 0
        before = [(p.text, p.line) for p in document.paragraphs if p.line.number < start]
        after = [(p.text, p.line) for p in document.paragraphs if p.line.number > start]
        result = ParseResult.of(self.schemas)
        result.facts += document_facts(before)
        result.fact("period", header.period, header.line)
        result.fact("period_label", header.period_label, header.line)
        result.unknown_columns(header.unknown, header.line)
        if norm := norm_of(header.labels[MISSING]):
            result.fact("norm_pupils_per_teacher", norm, header.line)
        structure_date = header.structure_date
        # No date stated for the municipality structure: the period's start is the
        # nearest date the document supports, and the fact says so.
        result.fact("structure_date_basis", "stated" if structure_date else "period_start", header.line)
        structure_date = structure_date or period_start(header.period)
        result.fact("structure_date", structure_date.isoformat(), header.line)
        facts, rejects = stated_totals(before, header.period_label)
        result.facts += facts
        result.rejects += rejects
        if selection := selection_statement(before + [(note.text, note.line) for note in table.notes]):
            result.facts.append(selection)
        for note in table.notes:
            result.fact("note", note.text, note.line)
        for text, line in after:
            result.fact("note", squeeze(text), line)
        body = body_and_continuations(document, table, result)
        if not any(isinstance(item, Row) for item in body):
            raise ParseError("the table has a header but no rows", header.line)
        try:
            reference = self.reference()
        except FileNotFoundError as error:
            raise ParseError(str(error)) from error
        if heading := heading_in_header(table, reference, structure_date):
            body.insert(0, heading)
        self._read_body(document, body, header, structure_date, reference, result)
        return result

    def _read_body(self, document: TableDocument, body: list[Row | Section], header: Header, on: date,
                   reference: MunicipalityReference, result: ParseResult) -> None:
        """County headings, then the municipalities under each."""
        county: str | None = None
        heading: Section | None = None
        rows_under = 0
        for item in body:
            if isinstance(item, Section):
                is_county = bool(reference.counties_named(item.label, on))
                if not is_county and item.indented and not item.bold:
                    result.reject(item.line, "a municipality name (padded) with no values after it")
                    continue
                if heading is not None and rows_under == 0:
                    result.reject(heading.line, "a county heading with no municipalities under it")
                if not is_county:
                    result.reject(item.line, f"county heading {item.label!r} is not a county on {on.isoformat()}")
                county, heading, rows_under = squeeze(item.label), item, 0
                continue
            rows_under += 1
            self._read_row(document, item, county, header, on, reference, result)

    @staticmethod
    def _read_row(document: TableDocument, row: Row, county: str | None, header: Header, on: date,
                  reference: MunicipalityReference, result: ParseResult) -> None:
        if not row.label:
            result.reject(row.line, "a value with no municipality name before it", raw=row.raw)
            return
        width = header.width
        settled = settle(row.cells, row.tokens, width)
        if settled.cells is None:
            result.reject(row.line, f"expected {width} values ({', '.join([*header.positions, *header.unknown])}), "
                                    f"found {len(row.values)}", settled.describe(), raw=row.raw)
            return
        try:
            cells = {column: parse_cell(settled.cells[index], SYMBOLS) for column, index in header.positions.items()}
        except CellError as error:
            result.reject(row.line, str(error), raw=row.raw)
            return
        name = re.sub(r"\s+", " ", squeeze(row.label))
        area_level = area_level_of(name, county)
        record = {
            "period": header.period,
            "period_label": header.period_label,
            "structure_date": on,
            "area_level": area_level,
            "county_name": county if area_level != "country" else None,
            "source_name": name,
            "municipality_code": None,
            "reference_name": None,
            "match_status": None,
            "match_candidates": None,
        }
        if area_level == "municipality":
            match = reference.match(name, county, on)
            record.update(
                municipality_code=match.code,
                reference_name=(match.version.name_parallel or match.version.name) if match.version else None,
                match_status=match.status,
                match_candidates=match.candidates_text(),
            )
            if match.status not in (MATCHED, MATCHED_FOLDED):
                # A row no municipality can be named for is a reject with its candidates,
                # not a fact row without a code: it costs that row, never the document.
                result.reject(row.line, f"{match.status}: {match.reason}", match.candidates_text(), raw=row.raw)
                return
        for column, cell in cells.items():
            record[column] = cell.value
            record[f"{column}_status"] = cell.status
        record["funded_man_years_decimals"] = cells[FUNDED].decimals
        result.tables[TABLE].append({**record, **row_lineage(document, row)})
