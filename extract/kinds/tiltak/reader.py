"""NAV's report read table by table, keeping which table each row belongs to.

The table model gives the report's fragments in order (a header and the rows
under it). A fragment whose first row is an 'I alt' line opens a table; a table
longer than a page repeats its header and 'I alt' line (the repeat is checked
against the first and stored once), or its header alone (the table goes on).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from operator import attrgetter

from extract.kinds.base import ParseError, ParseResult, row_lineage
from extract.kinds.tiltak.columns import (
    PARTICIPANTS,
    Columns,
    RowRecords,
    header_labels,
    read_columns,
    row_records,
    ytd_agrees,
)
from extract.kinds.tiltak.semantics import (
    ALL_MEASURES,
    CATEGORICAL,
    MEASURES,
    MUNICIPALITY,
    SUPPRESSED_BELOW,
    SYMBOLS,
    TABLE,
    TARGET_GROUP,
    TOTAL,
    UNKNOWN_CODES,
    UNKNOWN_LABEL,
    Count,
    RowKey,
    classify_label,
    clean_name,
    fold,
    has_code,
    is_total_label,
    match_measure,
    month_range,
    read_count,
    slug,
    target_group_code,
)
from extract.tables import Line, Row, Section, Table, TableDocument
from extract.tables.cells import SUPPRESSED, CellError, clean
from extract.tables.labels import reclaim_dashes
from extract.tables.readings import Reading, settle

IS_COUNT, STATUS = attrgetter("is_count"), attrgetter("cell.status")


@dataclass
class LogicalTable:
    """One table of the report, possibly spread over several fragments."""

    number: int
    dimension: str  # total | target_group | county | … ; set from the rows for measure tables
    tiltak_type: str | None  # the measure of a breakdown table; None for overview/target group
    group_code: str | None  # the target group of a target-group table
    total_cells: tuple[str, ...]  # the first 'I alt' line's cells, to check its repeats against
    total_line: Line
    codes: dict[str, int] = field(default_factory=dict)  # code/measure → line it was first read from


@dataclass
class Segment:
    """An 'I alt' line and the rows under it, whose table is not yet known for
    breakdowns (the first row decides: a repeat of the current table or a new one)."""

    label: str
    tiltak_type: str | None
    row: Row
    table: LogicalTable | None = None


@dataclass
class Reader:
    document: TableDocument
    first: date
    last: date
    months: list[date]
    result: ParseResult
    columns: Columns | None = None
    segment: Segment | None = None
    table: LogicalTable | None = None  # the table the last data row went to
    tables: int = 0
    awaiting_total: bool = False  # a header was read; its 'I alt' line is due next
    # The segment a header interrupted, and its columns: a header repeated at a page
    # break with no 'I alt' line under it continues that segment.
    interrupted: tuple[Segment, Columns] | None = None
    bad_header: ParseError | None = None
    header_errors: list[ParseError] = field(default_factory=list)
    measure_variants: set[str] = field(default_factory=set)
    municipality_lines: dict[str, set[int]] = field(default_factory=dict)  # measure → line numbers
    # What each row under the current header gives, and its ytd check: settled once for its rows.
    records: RowRecords | None = None
    check: Callable[[Reading], str | None] | None = None

    def run(self) -> None:
        for fragment in self.document.tables:
            self.read_fragment(fragment)
        self.close_segment()
        self.close_interrupted(self.interrupted)
        if self.header_errors and not self.result.tables[TABLE]:
            raise self.header_errors[0]  # no fragment could be read: not what its headers say
        rejected = {reject.line.number for reject in self.result.rejects}
        for tiltak_type, numbers in self.municipality_lines.items():
            self.result.fact("municipality_rows", f"{tiltak_type}:{len(numbers)}")
            self.result.fact("municipality_rows_rejected", f"{tiltak_type}:{len(numbers & rejected)}")

    def read_fragment(self, fragment: Table) -> None:
        period = month_range(fragment.title.period or "") or month_range(fragment.title.title)
        if period is not None and period != (self.first, self.last):
            self.result.reject(fragment.title.line,
                               f"a heading for another period {period[0]:%Y-%m}..{period[1]:%Y-%m} "
                               f"than the report's {self.first:%Y-%m}..{self.last:%Y-%m}")
        if fragment.header.lines:
            self.read_header(fragment)
        for item in fragment.body:
            if isinstance(item, Section):
                self.read_section(item)
            else:
                self.read_line(item)

    def read_header(self, fragment: Table) -> None:
        """A column header: the segment above ends (or pauses, if this is a repeat)."""
        previous = (self.segment, self.columns) if self.segment is not None and self.columns else self.interrupted
        if self.segment is not None and self.segment.table is not None:
            self.close_segment()
        self.segment, self.interrupted = None, None
        try:
            self.columns = read_columns(header_labels(fragment), self.months, fragment.header.line)
            self.result.unknown_columns(self.columns.unknown, fragment.header.line)
            self.records, self.check = row_records(self.columns), ytd_agrees(self.columns, self.first.month == 1)
        except ParseError as error:
            self.result.reject(fragment.header.line, str(error))
            self.header_errors.append(error)
            self.close_interrupted(previous)
            self.columns, self.bad_header, self.awaiting_total = None, error, False
            return
        self.bad_header, self.awaiting_total, self.interrupted = None, True, previous

    def read_section(self, section: Section) -> None:
        """A label without values inside a table: a row whose values are missing."""
        if self.segment is None or self.awaiting_total:
            return
        self.count_municipality_line(section.line, section.label)
        if has_code(section.label) or fold(section.label) == UNKNOWN_LABEL:
            self.result.reject(section.line, "a row with no values")

    def read_line(self, row: Row) -> None:
        row = reclaim_dashes(row, SYMBOLS)
        if self.bad_header is not None:
            self.result.reject(row.line, f"a row under a column header that could not be read "
                                         f"(line {self.bad_header.line.number if self.bad_header.line else '?'}: "
                                         f"{self.bad_header})", raw=row.raw)
            return
        if self.columns is None:
            self.result.reject(row.line, "a row of values before any column header", raw=row.raw)
            return
        label = clean_name(row.label)
        if self.awaiting_total:
            self.awaiting_total = False
            interrupted, self.interrupted = self.interrupted, None
            if is_total_label(label):
                self.close_interrupted(interrupted)
                self.open_segment(row, label)
                return
            if interrupted is not None and interrupted[1] == self.columns:
                self.segment = interrupted[0]  # a header repeated alone: the table above goes on
            else:
                self.close_interrupted(interrupted)
                self.result.reject(row.line, "the column header is not followed by an 'I alt' line; "
                                             "row read without a table", raw=row.raw)
                return
        elif is_total_label(label):
            self.result.reject(row.line, "an 'I alt' line that does not follow a column header", raw=row.raw)
            return
        self.count_municipality_line(row.line, label)
        self.read_row(row, label)

    def count_municipality_line(self, line: Line, label: str) -> None:
        """Count a municipality table's lines by their label alone, before their cells are
        read, so that a dbt test can hold the rows and rejects against this count."""
        segment = self.segment
        if segment is None or segment.tiltak_type is None:
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

    def close_interrupted(self, interrupted: tuple[Segment, Columns] | None) -> None:
        """Close a segment a header interrupted and nothing continued."""
        if interrupted is not None:
            current, self.segment = self.segment, interrupted[0]
            self.close_segment()
            self.segment = current

    def measure(self, line: Line, label: str) -> str | None:
        tiltak_type, exact = match_measure(label)
        if tiltak_type is not None and not exact and label not in self.measure_variants:
            self.measure_variants.add(label)
            self.result.fact("measure_name_variant", f"{label} -> {tiltak_type}", line)
        return tiltak_type

    def open_segment(self, row: Row, label: str) -> None:
        rest = clean_name(re.sub(r"^\s*i\s+alt", "", label, flags=re.IGNORECASE))
        tiltak_type = self.measure(row.line, rest) if rest else None
        self.segment = Segment(label=rest, tiltak_type=tiltak_type, row=row)
        if tiltak_type is not None:
            return
        # The overview and the target-group tables: a repeat of the current one is checked, not stored twice.
        dimension = TARGET_GROUP if rest else TOTAL
        group = target_group_code(rest) if rest else TOTAL
        if self.table and self.table.dimension == dimension and self.table.group_code == group:
            self.check_repeat(self.table, row)
            self.segment.table = self.table
            return
        table = self.new_table(dimension, None, group, row)
        self.segment.table = table
        self.emit(table, row, code=group, name=label, tiltak_type=ALL_MEASURES, is_total=True)

    def close_segment(self) -> None:
        """A breakdown segment that ended without rows: its total must repeat the current table's."""
        segment = self.segment
        if segment is not None and segment.table is None and segment.tiltak_type is not None:
            if self.table is not None and self.table.tiltak_type == segment.tiltak_type:
                self.check_repeat(self.table, segment.row)
            else:
                self.result.reject(segment.row.line, "a total line for a table with no rows "
                                                     "(its breakdown cannot be told)", raw=segment.row.raw)
        self.segment = None

    def new_table(self, dimension: str, tiltak_type: str | None, group: str | None, row: Row) -> LogicalTable:
        self.tables += 1
        self.table = LogicalTable(self.tables, dimension, tiltak_type, group, tuple(map(clean, row.values)), row.line)
        return self.table

    def check_repeat(self, table: LogicalTable, row: Row) -> None:
        if tuple(map(clean, row.values)) != table.total_cells:
            self.result.reject(row.line, f"repeated total line differs from the table's first total line "
                                         f"{table.total_line.number}", candidates=table.total_line.text, raw=row.raw)
        else:
            self.result.repeats.add(row.line.number)

    def read_row(self, row: Row, label: str) -> None:
        segment = self.segment
        if segment is None:
            self.result.reject(row.line, "a row of values outside any table (no 'I alt' line above it)", raw=row.raw)
            return
        if segment.tiltak_type is None:
            tiltak_type = self.measure(row.line, label)
            if tiltak_type is None:
                self.result.reject(row.line, f"row {label!r} of an overview table is not a known measure",
                                   candidates=", ".join(MEASURES.values()), raw=row.raw)
                return
            table = segment.table
            self.emit(table, row, code=table.group_code, name=label, tiltak_type=tiltak_type, is_total=False)
            return
        key = classify_label(label)
        table = segment.table or self.table_for_first_row(segment, key)
        if table is None:
            self.result.reject(row.line, f"row {label!r} does not tell which breakdown its table is "
                                         f"(not a county, municipality, sex, age band, … label)", raw=row.raw)
            return
        if key is None:
            if table.dimension not in CATEGORICAL:
                self.result.reject(row.line, f"row {label!r} in a {table.dimension} table has no code", raw=row.raw)
                return
            key = RowKey(table.dimension, slug(label), clean_name(label))
        if key.dimension is None:
            if table.dimension not in UNKNOWN_CODES:
                self.result.reject(row.line, f"'Ukjent' in a {table.dimension} table, which has no code for unknown",
                                   raw=row.raw)
                return
            key = RowKey(table.dimension, UNKNOWN_CODES[table.dimension], key.name)
        if key.dimension != table.dimension:
            self.result.reject(row.line, f"a {key.dimension} row inside a {table.dimension} table with no header "
                                         "between", raw=row.raw)
            return
        self.emit(table, row, code=key.code, name=key.name, tiltak_type=table.tiltak_type, is_total=False)

    def table_for_first_row(self, segment: Segment, key: RowKey | None) -> LogicalTable | None:
        """A segment's first row decides: same measure and same kind of rows → the table goes on."""
        current = self.table
        dimension = key.dimension if key is not None else None
        if current is not None and current.tiltak_type == segment.tiltak_type and (
            dimension == current.dimension
            or (key is not None and dimension is None)
            or (key is None and current.dimension in CATEGORICAL)
        ):
            self.check_repeat(current, segment.row)
            segment.table = current
            return current
        if dimension is None:
            return None
        table = self.new_table(dimension, segment.tiltak_type, None, segment.row)
        segment.table = table
        self.emit(table, segment.row, code=TOTAL, name=clean_name(segment.row.label),
                  tiltak_type=segment.tiltak_type, is_total=True)
        return table

    def emit(self, table: LogicalTable, row: Row, *, code: str, name: str, tiltak_type: str, is_total: bool) -> None:
        columns = self.columns
        settled = settle(row.cells, row.tokens, columns.count, self.check, empty_cells=False)
        if settled.cells is None:
            reason = settled.reason or ""
            if row.cells is not None and not settled.candidates:
                unknown = f" and {len(columns.unknown)} not read" if columns.unknown else ""
                reason = (f"expected {columns.count} values (ytd average and {len(columns.months)} months{unknown}), "
                          f"found {len([c for c in row.cells if clean(c)])}")
            self.result.reject(row.line, reason, settled.describe(), raw=row.raw)
            return
        try:
            counts = list(map(read_count, self.records.cells(settled.cells)))
        except CellError as error:
            self.result.reject(row.line, str(error), raw=row.raw)
            return
        if not all(map(IS_COUNT, counts)):
            self.reject_counts(row, counts)
            return
        if not is_total:
            key = f"{code}/{tiltak_type}"
            if key in table.codes:
                self.result.reject(row.line, f"{name!r} ({code}, {tiltak_type}) appears twice in the table "
                                             f"(first on line {table.codes[key]})", raw=row.raw)
                return
            table.codes[key] = row.line.number
        # A row's records differ only in their month and its value: added at once, column by column.
        shared = {
            "report_first_month": self.first,
            "report_last_month": self.last,
            "table_number": table.number,
            "table_dimension": table.dimension,
            "code": code,
            "source_name": name,
            "tiltak_type": tiltak_type,
            "is_total_row": is_total,
            **row_lineage(self.document, row),
        }
        statuses = list(map(STATUS, counts))
        self.result.tables[TABLE].add_row(shared, {
            "measure": self.records.measures,
            "month": self.records.months,
            "participants": list(map(PARTICIPANTS, counts)),
            "value_status": statuses,
            "is_suppressed": list(map(SUPPRESSED.__eq__, statuses)),
        })

    def reject_counts(self, row: Row, counts: list[Count]) -> None:
        """A row with a cell that is no count of participants."""
        below = [count.cell.raw for count in counts if count.below]
        if below:
            # NAV prints every figure below 4 as '*': a published one is damage (a '*' read as '0').
            self.result.reject(row.line, f"published figures below {SUPPRESSED_BELOW} ({', '.join(below)}), which NAV "
                                         "prints as '*'", raw=row.raw)
            return
        bad = [count.cell.raw for count in counts if count.fraction]
        self.result.reject(row.line, f"participants must be whole numbers or '*', found {bad or 'an empty cell'}",
                           raw=row.raw)
