"""SSB sickness absence over the table model: schemas, detection, parsing."""

from __future__ import annotations

from dataclasses import dataclass, field

import pyarrow as pa

from extract.kinds.base import (
    CROSS_CHECK_DISAGREEMENT,
    READING,
    ParseError,
    ParseResult,
    Records,
    row_lineage,
    schema,
)
from extract.kinds.sickness_absence.arithmetic import (
    Candidates,
    RawRow,
    Reading,
    cell_status,
    day_cell_problem,
    decide,
    header_quarters,
    parse_rate,
)
from extract.kinds.sickness_absence.semantics import (
    CHANGE,
    COUNTY,
    DAYS,
    DERIVED,
    KIND,
    MAN_DAYS,
    MUNICIPALITY,
    NOT_PRINTED,
    NOT_PUBLISHED,
    RATE,
    TABLE,
    TITLE,
    TOTAL,
    UNALLOCATED,
    Quarter,
    is_unallocated,
    measure_of,
    names_rate,
    parse_sex,
    quarters_in,
    rate_change_unit,
    table_area_level,
)
from extract.tables import Row, Section, Table, TableDocument
from extract.tables.labels import is_total_label, join_wrapped_labels, parse_label
from extract.tables.text import normalise

# The cells of a row, in the sample's order: man-days and change of quarters a and b, then four rates.
STANDARD_ORDER = ("days_a", "change_a", "days_b", "change_b", "rate_0", "rate_1", "rate_2", "rate_3")


@dataclass(frozen=True)
class Header:
    sex: str
    level: str  # the table's areas: MUNICIPALITY or COUNTY
    days_quarters: tuple[Quarter, Quarter]  # a, b of this year
    rate_quarters: tuple[Quarter, Quarter, Quarter, Quarter]  # a−1y, b−1y, a, b
    positions: tuple[int, ...]  # the value column of each cell of STANDARD_ORDER
    unknown: tuple[str, ...] = ()  # labels of columns the kind does not read
    # A block after the rates: its quarters, and the unit of the rate's change it holds
    # (None: a block whose meaning the header does not make clear, read past).
    extra_quarters: tuple[Quarter, ...] = ()
    extra_unit: str | None = None


def is_titled(table: Table) -> bool:
    text = normalise(f"{table.title.text} {table.header.text}")
    return bool(TITLE.search(normalise(table.title.text)) and MAN_DAYS.search(text))


def find_tables(document: TableDocument) -> list[tuple[Table, str]]:
    """Every sickness-absence table and its title (in its title block, else in the text
    right above it or a running head); an untitled table right after one (another
    page, other quarters) is read under that title."""
    found: list[tuple[Table, str]] = []
    title = None
    for table in document.merged():
        if is_titled(table) or (not found and TITLE.search(normalise(document.context(table)))
                                and MAN_DAYS.search(normalise(document.context(table) + table.header.text))):
            title = table.title.text if is_titled(table) else document.context(table)
        elif title is None or table.title.title:
            title = None
            continue
        found.append((table, title))
    return found


def read_header(table: Table, sex: str, level: str) -> Header:
    """The quarters of the man-day and rate blocks and where each cell stands: from the
    columns' labels where the rendering places them, else in the order the header names
    its quarter labels (two for man-days, four for rates)."""
    columns = table.header.columns
    if columns:
        by_measure: dict[str, list[tuple[Quarter, int]]] = {DAYS: [], CHANGE: [], RATE: []}
        unknown, extra, units = [], [], set()
        for column in columns:
            measure = measure_of(column.path)
            quarters = quarters_in(column.label if measure == RATE else " ".join(column.groups))
            unit = rate_change_unit(column.text) if measure is None and quarters_in(column.label) else None
            if unit is not None:
                extra.append(quarters_in(column.label)[0])
                units.add(unit)
                continue
            if measure is None or not quarters:
                unknown.append(column.text)
                continue
            by_measure[measure].append((quarters[0], column.index))
        days, change, rates = by_measure[DAYS], by_measure[CHANGE], by_measure[RATE]
        if len(days) == 2 and len(rates) == 4 and [q for q, _ in change] == [q for q, _ in days] and len(units) <= 1:
            (a, b), expected = header_quarters([q for q, _ in days] + [q for q, _ in rates])
            positions = (days[0][1], change[0][1], days[1][1], change[1][1], *(i for _, i in rates))
            return Header(sex, level, (a, b), expected, positions, tuple(label for label in unknown if label),
                          tuple(extra), next(iter(units), None))
    quarters = quarters_in(table.header.text)
    try:
        (a, b), expected = header_quarters(quarters[:6])
    except ValueError as error:
        raise ParseError(str(error), table.header.line or table.title.line) from error
    extra = tuple(quarters[6:])
    unit = rate_change_unit(table.header.text) if extra else None
    unknown = (f"a block of {len(extra)} columns after the rates ({', '.join(map(str, extra))})",) \
        if extra and unit is None else ()
    return Header(sex, level, (a, b), expected, tuple(range(len(STANDARD_ORDER))), unknown, extra, unit)


CODE_LENGTHS = {MUNICIPALITY: (4,), COUNTY: (2,)}


def area_of(text: str, level: str) -> tuple[str, str | None, str | None, str] | str:
    """A row label's area level, code, footnote marker and name — or why the label
    names no area of a table by `level`: municipalities by code ('0101 Halden'),
    counties by name or code ('Troms Romsa', '19 Troms'), the TOTAL, the remainder
    SSB allocates to no area."""
    if level == COUNTY and parse_label(text, CODE_LENGTHS[MUNICIPALITY]).code is not None:
        return f"a row of values whose label {text!r} is a municipality code in a table by county"
    label = parse_label(text, CODE_LENGTHS[level])
    if label.is_total:
        return TOTAL, None, label.marker, label.name
    if is_unallocated(label.text):
        return UNALLOCATED, None, label.marker, label.text
    if label.code is not None:
        if not label.name:
            return f"row has a code but no {level} name"
        return level, label.code, label.marker, label.name
    if level == COUNTY and any(char.isalpha() for char in label.name):
        return COUNTY, None, label.marker, label.name
    wanted = "a municipality code" if level == MUNICIPALITY else "a county name"
    return f"a row of values whose label {text!r} is neither {wanted} nor a total"


def raw_row(row: Row, header: Header) -> RawRow | str:
    """The row's label, man-day cells (or tokens) and rates, or why it cannot be read."""
    area = area_of(row.label, header.level)
    if isinstance(area, str):
        return area
    area_level, code, marker, name = area
    delimited = None
    cells = row.cells
    extra = len(header.extra_quarters)
    width = len(header.positions) + extra
    fits = cells is not None and len([c for c in cells if c]) <= width + len(header.unknown) \
        and max(header.positions) + extra < len(cells)
    if cells is not None and not fits and not row.tokens:
        return f"expected {width} cells, found {len(cells)}"
    if fits:
        days = tuple(cells[i] for i in header.positions[:4])
        if problem := next(filter(None, map(day_cell_problem, days)), None):
            return problem
        rate_tokens = [cells[i] for i in header.positions[4:]]
        extra_tokens = list(cells[max(header.positions) + 1 : max(header.positions) + 1 + extra])
        delimited = Reading(days)  # type: ignore[arg-type]
        day_tokens: tuple[str, ...] = ()
    else:
        tail = 4 + extra
        if len(row.tokens) < tail + 1:
            return f"expected {tail} rate cells after the man-days, found {max(len(row.tokens) - 1, 0)}"
        day_tokens, rate_tokens = tuple(row.tokens[:-tail]), list(row.tokens[-tail:][:4])
        extra_tokens = list(row.tokens[-extra:]) if extra else []
    try:
        rates = tuple(parse_rate(token) for token in rate_tokens)
        changes = tuple(parse_rate(token, signed=True) for token in extra_tokens) if header.extra_unit else ()
    except ValueError as error:
        return str(error)
    return RawRow(row.line, area_level, code, marker, name, day_tokens, rates, delimited,  # type: ignore[arg-type]
                  tuple(cell_status(token) for token in rate_tokens),  # type: ignore[arg-type]
                  tuple(zip(changes, (cell_status(token) for token in extra_tokens))))


# The columns whose values differ between a row's records (one per quarter).
QUARTER_COLUMNS = ("year", "quarter", "absence_days", "days_status", "change_days", "change_status", "absence_rate_pct",
                   "rate_status", "rate_change", "rate_change_unit", "rate_change_status", "is_derived")


def add_records(records: Records, document: TableDocument, row: Row, header: Header, raw: RawRow, reading: Reading,
                candidates: Candidates) -> None:
    """A row's records, one per quarter its rates are printed for."""
    days_a, change_a, days_b, change_b = reading.values
    status_a, change_status_a, status_b, change_status_b = reading.statuses
    this_year = ((days_a, change_a, status_a, change_status_a), (days_b, change_b, status_b, change_status_b))
    table_quarter = header.days_quarters[1]
    rate_changes = dict(zip(header.extra_quarters, raw.rate_changes))
    quarters = []  # one tuple per quarter, of the values of QUARTER_COLUMNS
    for index, (quarter, rate, status_of_rate) in enumerate(
            zip(header.rate_quarters, raw.rates, raw.rate_statuses)):
        days, change, days_status, change_status = this_year[index % 2]
        if index >= 2:
            value, change_value = days, change
        else:
            # Last year's man-days are not printed: days − change, the document's own arithmetic.
            value = days - change if days is not None and change is not None else None
            days_status = DERIVED if value is not None else NOT_PUBLISHED
            change_value, change_status = None, NOT_PRINTED
        rate_change, rate_change_status = rate_changes.get(quarter, (None, NOT_PRINTED))
        quarters.append((quarter.year, quarter.quarter, value, days_status, change_value, change_status, rate,
                         status_of_rate, rate_change, header.extra_unit if quarter in rate_changes else None,
                         rate_change_status, days_status == DERIVED))
    if not quarters:
        return
    records.add_row({
        "table_level": header.level,
        "table_year": table_quarter.year,
        "table_quarter": table_quarter.quarter,
        "area_level": raw.area_level,
        "municipality_code": raw.code if raw.area_level == MUNICIPALITY else None,
        "county_code": raw.code if raw.area_level == COUNTY else None,
        "source_name": raw.name,
        "footnote_marker": raw.footnote,
        "sex": header.sex,
        "split_candidates": len(candidates.readings),
        "is_disambiguated": len(candidates.readings) > 1,
        "days_split": str(reading),
        "total_bound": candidates.bound,
        **row_lineage(document, row),
    }, dict(zip(QUARTER_COLUMNS, map(list, zip(*quarters)))))


@dataclass
class ReadRows:
    """The rows of one table (all its fragments) read so far, and how many of its
    area rows were rejected before their man-days were read (areas of unknown size
    for the TOTAL's check)."""

    header: Header
    rows: list[tuple[Row, RawRow]] = field(default_factory=list)
    unread: int = 0


def levels_of_rows(table: Table) -> str:
    """A table whose title says neither: by municipality if its rows carry municipality codes."""
    coded = sum(parse_label(row.label).code is not None for row in table.rows)
    return MUNICIPALITY if coded * 2 > len(table.rows) else COUNTY


@dataclass(frozen=True)
class SicknessAbsence:
    kind: str = KIND
    parser_version: str = "5"

    @property
    def schemas(self) -> dict[str, pa.Schema]:
        return {
            TABLE: schema(
                pa.field("year", pa.int16(), nullable=False),
                pa.field("quarter", pa.int8(), nullable=False),
                pa.field("table_level", pa.string(), nullable=False),
                pa.field("table_year", pa.int16(), nullable=False),
                pa.field("table_quarter", pa.int8(), nullable=False),
                pa.field("area_level", pa.string(), nullable=False),
                pa.field("municipality_code", pa.string()),
                pa.field("county_code", pa.string()),
                pa.field("source_name", pa.string(), nullable=False),
                pa.field("footnote_marker", pa.string()),
                pa.field("sex", pa.string(), nullable=False),
                pa.field("absence_days", pa.int64()),
                pa.field("days_status", pa.string(), nullable=False),
                pa.field("change_days", pa.int64()),
                pa.field("change_status", pa.string(), nullable=False),
                pa.field("absence_rate_pct", pa.decimal128(4, 1)),
                pa.field("rate_status", pa.string(), nullable=False),
                pa.field("rate_change", pa.decimal128(4, 1)),
                pa.field("rate_change_unit", pa.string()),
                pa.field("rate_change_status", pa.string(), nullable=False),
                pa.field("is_derived", pa.bool_(), nullable=False),
                pa.field("split_candidates", pa.int16(), nullable=False, metadata=READING),
                pa.field("is_disambiguated", pa.bool_(), nullable=False, metadata=READING),
                pa.field("days_split", pa.string(), nullable=False),
                pa.field("total_bound", pa.string(), metadata=READING),
            )
        }

    def detect(self, document: TableDocument) -> float:
        tables = find_tables(document)
        if not tables:
            # Titled so, but with no table that can be read: this kind, and it fails with the reason.
            text = normalise(document.text(20_000))
            return 0.6 if TITLE.search(text) and MAN_DAYS.search(text) and quarters_in(text) else 0.0
        table = tables[0][0]
        has_quarters = len(quarters_in(table.header.text)) >= 4
        has_rate = any(measure_of(column.path) == RATE for column in table.header.columns or ()) \
            or names_rate(table.header.text)
        if has_quarters and has_rate:
            return 0.95
        return 0.6 if has_quarters or has_rate else 0.3

    def parse(self, document: TableDocument) -> ParseResult:
        tables = find_tables(document)
        if not tables:
            raise ParseError("no table titled with sickness absence man-days found")
        result = ParseResult.of(self.schemas)
        # The fragments of one table (its pages, whether or not its header was repeated)
        # are one table: the TOTAL is decided against all its areas.
        groups: dict[tuple, ReadRows] = {}
        for table, title in tables:
            try:
                header = self._read_table_header(table, title, result)
            except ParseError as error:
                if table.title.title or table is tables[0][0]:
                    raise
                # An untitled table after the titled one whose header cannot be read: its
                # rows are not the table's (another page's other quarters, say): rejected.
                for row in table.rows:
                    result.reject(row.line, f"a row under a header that cannot be read ({error})", raw=row.raw)
                continue
            key = (header.level, header.sex, header.days_quarters, header.rate_quarters)
            self._raw_rows(table, groups.setdefault(key, ReadRows(header)), result)
        for group in groups.values():
            self._decide(document, group, result)
        if not result.tables[TABLE] and not result.rejects:
            raise ParseError("the table has a header but no data rows", tables[0][0].header.line)
        return result

    @staticmethod
    def _read_table_header(table: Table, title: str, result: ParseResult) -> Header:
        block = table.title
        sex = parse_sex(title)
        level = table_area_level(title) or levels_of_rows(table)
        header = read_header(table, sex, level)
        if block.title:
            if block.number:
                result.fact("table_number", block.number, block.line)
            result.fact("title", block.title, block.line)
            result.fact("sex", sex, block.line)
            result.fact("table_level", level, block.line)
        result.fact("days_quarters", ", ".join(str(q) for q in header.days_quarters), table.header.line)
        result.fact("rate_quarters", ", ".join(str(q) for q in header.rate_quarters), table.header.line)
        result.unknown_columns(header.unknown, table.header.line)
        for note in table.notes:
            result.fact("footnote" if note.kind == "footnote" else note.kind, note.text, note.line)
        return header

    @staticmethod
    def _raw_rows(table: Table, read: ReadRows, result: ParseResult) -> None:
        for item in join_wrapped_labels(table.body, lambda text: parse_label(text).code is not None):
            if isinstance(item, Section):
                result.fact("section_heading", item.label, item.line)
                continue
            raw = raw_row(item, read.header)
            if isinstance(raw, str):
                result.reject(item.line, raw, raw=item.raw)
                read.unread += not is_total_label(item.label)
            else:
                read.rows.append((item, raw))

    @staticmethod
    def _decide(document: TableDocument, read: ReadRows, result: ParseResult) -> None:
        header, raws = read.header, read.rows
        if sum(raw.area_level == TOTAL for _, raw in raws) > 1:
            raise ParseError("more than one TOTAL row", raws[0][0].line)
        rows = {id(raw): row for row, raw in raws}
        for candidates in decide([raw for _, raw in raws], read.unread):
            row = rows[id(candidates.row)]
            surviving = candidates.surviving()
            if len(surviving) == 1:
                add_records(result.tables[TABLE], document, row, header, candidates.row, surviving[0], candidates)
                if candidates.disagreement:
                    result.fact(CROSS_CHECK_DISAGREEMENT, f"{row.label}: {candidates.disagreement}", row.line)
                if candidates.bound is not None:
                    result.fact("total_bound", candidates.bound, row.line)
            elif not candidates.readings:
                result.reject(row.line, f"the man-day tokens {' '.join(candidates.row.day_tokens)!r} cannot be "
                                        "grouped into 4 cells", raw=row.raw)
            elif surviving:
                result.reject(row.line, f"{len(surviving)} of {len(candidates.readings)} readings of the man-days "
                                        "agree with the arithmetic; not guessing", candidates.describe(), raw=row.raw)
            else:
                result.reject(row.line, f"none of {len(candidates.readings)} readings of the man-days agrees with "
                                        "the arithmetic", candidates.describe(), raw=row.raw)
