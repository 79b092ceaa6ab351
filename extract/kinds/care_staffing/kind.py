"""SSB care staffing over the table model: schemas, detection, parsing."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

import pyarrow as pa

from extract.kinds.base import ParseError, ParseResult, body_and_continuations, row_lineage, schema
from extract.kinds.care_staffing.semantics import (
    COLUMN_TOTAL_TOLERANCE,
    HALF_HUNDREDTH,
    KIND,
    MAX_SWAP_SUSPECTS,
    RESOLVED_BY_TOTAL,
    SYMBOLS,
    TABLE,
    TITLE,
    TOTAL_TYPE,
    YEAR,
    education_type_code,
    is_man_years_label,
    split_header_labels,
)
from extract.tables import Row, Section, Table, TableDocument
from extract.tables.cells import Cell, CellError, cell_reader, parse_cell
from extract.tables.heads import header_text
from extract.tables.labels import join_wrapped_labels, parse_label
from extract.tables.readings import Reading, settle
from extract.tables.text import normalise, split_markers
from extract.tables.totals import derived_row, read_by_totals, swapped_row


@dataclass(frozen=True)
class Column:
    number: int
    label: str
    education_type: str
    index: int  # among a row's value cells


@dataclass(frozen=True)
class HeaderColumns:
    """The header's education types, the labels of columns the kind does not know, and
    how many value cells a row has (the known and the unknown)."""

    known: list[Column]
    unknown: list[str]
    width: int


def find_table(document: TableDocument) -> Table | None:
    """The table whose title names man-years by education and municipality (in its
    title block, else in the text right above it or a running head)."""
    return document.titled(TITLE)


def header_columns(table: Table) -> HeaderColumns:
    """The education types from the header: its columns where the rendering places
    its labels, else its running text split at capitalised labels, from the header
    line on which the labels are as many as the first row's values."""
    wanted = next((len(row.values) for row in table.rows), 0)
    if table.header.columns:
        labels = [column.label for column in table.header.columns]
    elif len(table.header.labels) in (wanted, wanted + 1):
        # The labels listed (a header over several '|' lines), the stub's first if printed.
        labels = [split_markers(label)[0] for label in table.header.labels[-wanted:]]
    else:
        lines = table.header.lines
        candidates = [split_header_labels(header_text(lines[start:])) for start in range(len(lines))]
        labels = next((found for found in candidates if len(found) == wanted), candidates[0] if candidates else [])
    known = [(index, label) for index, label in enumerate(labels) if is_man_years_label(label)]
    columns = [
        Column(number, label, education_type_code(label), index) for number, (index, label) in enumerate(known, 1)
    ]
    return HeaderColumns(columns, [label for label in labels if not is_man_years_label(label)], len(labels))


def total_agrees(columns: list[Column], read_cell: Callable[[str], Cell]):
    """The arithmetic a reading of a row's values must pass: total = sum of the types."""
    total_at = next(index for index, column in enumerate(columns) if column.education_type == TOTAL_TYPE)

    def check(reading: Reading) -> str | None:
        try:
            values = [read_cell(reading[column.index]).value or Decimal(0) for column in columns]
        except CellError as error:
            return str(error)
        parts = sum(value for index, value in enumerate(values) if index != total_at)
        if abs(values[total_at] - parts) > HALF_HUNDREDTH * len(values):
            return f"total {values[total_at]} is not the sum of the types {parts}"
        return None

    return check


def _values_by_line(result: ParseResult, columns: list[Column]) -> tuple[dict[int, list], list | None]:
    """The municipality rows' values by line, in column order, and the country row's."""
    by_line: dict[int, dict[int, Decimal | None]] = {}
    country: dict[int, Decimal | None] = {}
    records = result.tables[TABLE]
    for level, line, number, man_years in zip(*map(records.column, ("area_level", "source_line", "column_number",
                                                                     "man_years"))):
        target = country if level == "country" else by_line.setdefault(line, {})
        target[number] = man_years
    numbers = [column.number for column in columns]
    rows = {line: [cells.get(n) for n in numbers] for line, cells in by_line.items()}
    return rows, ([country[n] for n in numbers] if len(country) == len(numbers) else None)


def reject_swapped_row(result: ParseResult, rows: dict[int, Row], columns: list[Column]) -> None:
    """Two cells of one row in each other's place keep its total but not the columns':
    where the country row's totals name such a row, it is a reject, not two wrong
    values; where they name a few, each is (one of them is wrong, and nothing tells
    which). With other rows rejected the column sums are short anyway: the one-sided
    total test in dbt then bounds them."""
    values, country = _values_by_line(result, columns)
    if country is None:
        return
    swap = swapped_row(values, country, COLUMN_TOTAL_TOLERANCE, at_most=MAX_SWAP_SUSPECTS)
    if swap is None:
        return
    first, second = columns[swap.first], columns[swap.second]
    result.tables[TABLE].drop_lines(swap.rows)
    for line in swap.rows:
        others = " and ".join(f"line {other}" for other in swap.rows if other != line)
        suspects = f"; so does {others}, and the totals cannot tell which is wrong" if others else ""
        result.reject(rows[line].line, f"'{first.label}' and '{second.label}' look swapped: their columns miss the "
                                       f"country totals by {swap.difference:+} and {-swap.difference:+}, this row's "
                                       f"difference{suspects}", raw=rows[line].raw)


def man_years_record(document: TableDocument, row: Row, year: int, area_level: str, code: str | None, name: str,
                     column: Column, value: Decimal | None, status: str) -> dict:
    return {
        "year": year,
        "area_level": area_level,
        "municipality_code": code,
        "area_name": name,
        "column_number": column.number,
        "education_type": column.education_type,
        "education_label": column.label,
        "man_years": value,
        "value_status": status,
        **row_lineage(document, row),
    }


def resolve_by_totals(document: TableDocument, result: ParseResult, rows: dict[int, Row], year: int,
                      columns: list[Column], decimal: str, check: Callable[[Reading], str | None]) -> None:
    """The one rejected municipality row, read from the country totals less the other
    rows where what survives of its print agrees in every digit (a '¤' or an OCR
    letter in place of a digit): published, its damaged cells marked `resolved_by_total`."""
    (reject,) = result.rejects
    row = rows.get(reject.line.number)
    label = parse_label(row.label) if row is not None else None
    if label is None or label.code is None or not label.name:
        return
    values, country = _values_by_line(result, columns)
    if country is None or row.line.number in values:
        return
    derived = derived_row({**values, row.line.number: [None] * len(columns)}, country, row.line.number)
    if any(value is None or value < 0 for value in derived):
        return
    texts = [f"{value:.2f}".replace(".", decimal) for value in derived]
    printed = read_by_totals(row.values, texts)
    if printed is None or check(tuple(texts)) is not None:
        return
    result.rejects.clear()
    result.fact("resolved_by_total", f"{row.label}: {reject.reason}", row.line)
    for column, value, text, was in zip(columns, derived, texts, printed):
        # A cell printed intact keeps its own reading (an empty one stays empty, not 0).
        cell = parse_cell(was, SYMBOLS, decimal) if was in (text, "") else None
        result.tables[TABLE].append(man_years_record(
            document, row, year, "municipality", label.code, label.name, column,
            cell.value if cell else value, cell.status if cell else RESOLVED_BY_TOTAL))


@dataclass(frozen=True)
class CareStaffing:
    kind: str = KIND
    parser_version: str = "3"

    @property
    def schemas(self) -> dict[str, pa.Schema]:
        return {
            TABLE: schema(
                pa.field("year", pa.int16(), nullable=False),
                pa.field("area_level", pa.string(), nullable=False),
                pa.field("municipality_code", pa.string()),
                pa.field("area_name", pa.string(), nullable=False),
                pa.field("column_number", pa.int16(), nullable=False),
                pa.field("education_type", pa.string(), nullable=False),
                pa.field("education_label", pa.string(), nullable=False),
                pa.field("man_years", pa.decimal128(12, 2)),
                pa.field("value_status", pa.string(), nullable=False),
            )
        }

    def detect(self, document: TableDocument) -> float:
        table = find_table(document)
        if table is None:
            # Titled so, but with no table that can be read: this kind, and it fails with the reason.
            return 0.7 if TITLE.search(normalise(document.text(20_000))) else 0.0
        types = {column.education_type for column in header_columns(table).known}
        return 0.95 if TOTAL_TYPE in types and len(types) >= 3 else 0.7

    def parse(self, document: TableDocument) -> ParseResult:
        table = find_table(document)
        if table is None:
            raise ParseError("no table titled 'Man-years, by type of education and municipality' found")
        title = table.title
        year_match = YEAR.findall(title.title) or YEAR.findall(title.period or "") or YEAR.findall(title.subtitle or "")
        if not year_match:
            raise ParseError(f"the title names no year: {title.title!r}", title.line)
        year = int(year_match[-1])
        result = ParseResult.of(self.schemas)
        result.fact("title", title.title, title.line)
        result.fact("year", year, title.line)
        if title.number:
            result.fact("table_number", title.number, title.line)
        if title.subtitle:
            result.fact("subject", title.subtitle, title.line)
        header = header_columns(table)
        columns = header.known
        if not any(column.education_type == TOTAL_TYPE for column in columns):
            raise ParseError("the header has no total column ('Man-years, total')", table.header.line or title.line)
        types = [column.education_type for column in columns]
        duplicates = sorted({code for code in types if types.count(code) > 1})
        if duplicates:
            raise ParseError(f"header labels give duplicate education types {duplicates}", table.header.line)
        result.fact("columns", len(columns), table.header.line)
        result.unknown_columns(header.unknown, table.header.line)
        read_cell = cell_reader(SYMBOLS, table.decimal)
        check = total_agrees(columns, read_cell)
        body = body_and_continuations(document, table, result)
        rows: dict[int, Row] = {}
        for item in join_wrapped_labels(body, lambda label: parse_label(label).code is not None):
            if isinstance(item, Section):
                result.fact("section_heading", item.label, item.line)
            else:
                rows[item.line.number] = item
                self._read_row(document, item, year, header, check, read_cell, result)
        if not result.rejects:
            reject_swapped_row(result, rows, columns)
        elif len(result.rejects) == 1 and header.width == len(columns):
            resolve_by_totals(document, result, rows, year, columns, table.decimal, check)
        for note in table.notes:
            result.fact(note.kind, note.text, note.line)
        if not result.tables[TABLE] and not result.rejects:
            raise ParseError("the table has a header but no data rows", table.header.line)
        return result

    @staticmethod
    def _read_row(document: TableDocument, row: Row, year: int, header: HeaderColumns, check,
                  read_cell: Callable[[str], Cell], result: ParseResult) -> None:
        label = parse_label(row.label)
        if label.code is not None:
            area_level = "municipality"
        elif label.is_total:
            area_level = "country"
        else:
            result.reject(row.line, f"a row of {len(row.values)} values whose label {row.label!r} is neither a "
                                    "municipality code nor the country total", raw=row.raw)
            return
        if not label.name:
            result.reject(row.line, "row has a code but no municipality name", raw=row.raw)
            return
        settled = settle(row.cells, row.tokens, header.width, check)
        if settled.cells is None:
            result.reject(row.line, settled.reason or "unreadable", settled.describe(), raw=row.raw)
            return
        try:
            cells = [read_cell(settled.cells[column.index]) for column in header.known]
        except CellError as error:
            result.reject(row.line, str(error), raw=row.raw)
            return
        result.tables[TABLE].add_row(
            {"year": year, "area_level": area_level, "municipality_code": label.code, "area_name": label.name,
             **row_lineage(document, row)},
            {"column_number": [column.number for column in header.known],
             "education_type": [column.education_type for column in header.known],
             "education_label": [column.label for column in header.known],
             "man_years": [cell.value for cell in cells],
             "value_status": [cell.status for cell in cells]})

