"""SSB home-care user payments over the table model: schemas, detection, parsing."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pyarrow as pa

from extract.kinds.base import ParseError, ParseResult, body_and_continuations, row_lineage, schema
from extract.kinds.home_care_fees.semantics import (
    COUNTRY,
    COUNTRY_LABELS,
    COUNTY,
    DISTRICT,
    DISTRICT_SECTION,
    KIND,
    MUNICIPALITY,
    PAYMENT,
    PLAUSIBLE_MAXIMUM,
    PRICE,
    SHARE,
    STATUSES,
    STUB,
    SYMBOLS,
    TITLE,
    YEAR,
    IncomeBand,
    district_of,
    footnote_facts,
    income_band,
    labels_in_text,
    measure_of,
    price_type_of,
)
from extract.tables import Header, Row, Section, Table, TableDocument
from extract.tables.cells import Cell, CellError, cell_reader
from extract.tables.labels import parse_label
from extract.tables.readings import Reading, settle
from extract.tables.text import normalise


@dataclass(frozen=True)
class Column:
    """One value column: a measure, or a band's price."""

    number: int  # 1-based among the columns read
    index: int  # 0-based among the row's value cells
    measure: str  # SHARE | PAYMENT | PRICE
    label: str
    band: IncomeBand | None = None
    price_type: str | None = None


@dataclass(frozen=True)
class Area:
    level: str
    name: str
    municipality_code: str | None = None
    county_code: str | None = None
    parent_municipality_name: str | None = None


def find_table(document: TableDocument) -> Table | None:
    """The table titled with user payments for home services (in its title block,
    else in the text right above it or a running head)."""
    return document.titled(TITLE)


def columns_of(header: Header) -> tuple[list[Column], list[str], int]:
    """The columns read, the labels of those not known, and how many value cells a row has.

    Where the rendering places the labels over their columns, each column's band
    is the group over it. Where it only lists them (a markdown header over two
    rows not aligned with the cells), the bands are expanded by the price labels
    in order, each band spanning as many as there are price labels per band.
    """
    if header.columns:
        columns, unknown = [], []
        band_over: IncomeBand | None = None  # the band the last price column stood under
        for column in header.columns:
            band = next((found for group in column.groups if (found := income_band(group))), None)
            price = price_type_of(column.label)
            if band is None and price and band_over is not None and \
                    (band_over.code, price) not in {(c.band.code, c.price_type) for c in columns if c.band}:
                # A band's label narrower than its price columns stands over the first only.
                band = band_over
            band_over = band if price else None
            measure = measure_of(column.label) or (measure_of(column.text) if not band else None)
            if band and price:
                label = f"{band.label} / {column.label}"
                columns.append(Column(len(columns) + 1, column.index, PRICE, label, band, price))
            elif measure:
                columns.append(Column(len(columns) + 1, column.index, measure, column.label))
            elif column.text:
                unknown.append(column.text)
        return _checked(columns), unknown, len(header.columns)
    labels = list(header.labels) or labels_in_text(header.text)
    prices = [label for label in labels if price_type_of(label)]
    # The upper tier: measures, bands and columns not known, in order; the stub is none of them.
    upper = [label for label in labels if not price_type_of(label) and not STUB.match(normalise(label))]
    bands = [label for label in upper if income_band(label)]
    if not bands:
        raise ParseError("the header names no income band ('under 2 G', '2-3 G', …)", header.line)
    if not prices or len(prices) % len(bands):
        raise ParseError(f"the header has {len(prices)} price labels for {len(bands)} income bands (each band's "
                         "price types: Abonnementspris, Timepris)", header.line)
    per_band = len(prices) // len(bands)
    groups = iter(prices[i : i + per_band] for i in range(0, len(prices), per_band))
    columns, unknown, index = [], [], 0
    for label in upper:
        band = income_band(label)
        if band is None:
            if measure := measure_of(label):
                columns.append(Column(len(columns) + 1, index, measure, label))
            else:
                unknown.append(label)
            index += 1
            continue
        group = next(groups)
        types = [price_type_of(price) for price in group]
        if len(set(types)) != len(types):
            raise ParseError(f"price labels {group} under {label!r} are not distinct price types", header.line)
        for price, kind in zip(group, types):
            columns.append(Column(len(columns) + 1, index, PRICE, f"{label} / {price}", band, kind))
            index += 1
    return _checked(columns), unknown, index


def _checked(columns: list[Column]) -> list[Column]:
    measures = [column.measure for column in columns if column.measure != PRICE]
    for needed in (SHARE, PAYMENT):
        if measures.count(needed) != 1:
            raise ParseError(f"the header must name exactly one {needed} column, found {measures.count(needed)}")
    bands = [(column.band.code, column.price_type) for column in columns if column.band]
    if len(set(bands)) != len(bands):
        raise ParseError("two header columns give the same income band and price type")
    return columns


def plausible(columns: list[Column], read_cell: Callable[[str], Cell]):
    """The constraint a reading of a row's values must pass: every value within what it can be."""
    def check(reading: tuple[str, ...]) -> str | None:
        for column in columns:
            try:
                value = read_cell(reading[column.index]).value
            except CellError as error:
                return str(error)
            limit = PLAUSIBLE_MAXIMUM[column.price_type or column.measure]
            if value is not None and not 0 <= value <= limit:
                return f"{column.label} {value} outside 0..{limit}"
        return None
    return check


def area_of(label: str, in_districts: bool) -> Area | str:
    """The area a row's label names, or the reason it names none."""
    parsed = parse_label(label, code_lengths=(2, 4))
    if parsed.code is not None and len(parsed.code) == 4:
        return Area(MUNICIPALITY, parsed.name, municipality_code=parsed.code, county_code=parsed.code[:2])
    if parsed.code is not None:
        return Area(COUNTY, parsed.name, county_code=parsed.code)
    if normalise(label).strip(" .:") in COUNTRY_LABELS:
        return Area(COUNTRY, label)
    if district := district_of(label):
        if not in_districts:
            return f"district label {label!r} before the 'Bydeler' section"
        return Area(DISTRICT, district[0], parent_municipality_name=district[1])
    if in_districts:
        return f"district label {label!r} names no parent municipality in parentheses"
    return f"label {label!r} is neither a municipality code and name nor a known total"


@dataclass(frozen=True)
class HomeCareFees:
    kind: str = KIND
    parser_version: str = "3"

    @property
    def schemas(self) -> dict[str, pa.Schema]:
        area = [
            pa.field("year", pa.int16(), nullable=False),
            pa.field("area_level", pa.string(), nullable=False),
            pa.field("municipality_code", pa.string()),
            pa.field("county_code", pa.string()),
            pa.field("area_name", pa.string(), nullable=False),
            pa.field("parent_municipality_name", pa.string()),
        ]
        return {
            "fees": schema(
                *area,
                pa.field("share_paying_pct", pa.decimal128(9, 2)),
                pa.field("share_paying_status", pa.string(), nullable=False),
                pa.field("payment_per_user_nok", pa.decimal128(12, 2)),
                pa.field("payment_per_user_status", pa.string(), nullable=False),
            ),
            "fee_schedule": schema(
                *area,
                pa.field("column_number", pa.int16(), nullable=False),
                pa.field("column_label", pa.string(), nullable=False),
                pa.field("income_band", pa.string(), nullable=False),
                pa.field("income_band_label", pa.string(), nullable=False),
                pa.field("income_band_lower_g", pa.decimal128(6, 2), nullable=False),
                pa.field("income_band_upper_g", pa.decimal128(6, 2)),
                pa.field("price_type", pa.string(), nullable=False),
                pa.field("price_nok", pa.decimal128(12, 2)),
                pa.field("value_status", pa.string(), nullable=False),
            ),
        }

    def detect(self, document: TableDocument) -> float:
        table = find_table(document)
        if table is None:
            # Titled so, but with no table that can be read: this kind, and it fails with the reason.
            return 0.6 if TITLE.search(normalise(document.text(20_000))) else 0.0
        labels = [column.text for column in table.header.columns or ()] or list(table.header.labels) \
            or [table.header.text]
        score = 0.6
        score += 0.2 if any(price_type_of(word) for label in labels for word in (label, *label.split())) else 0.0
        names_a_share = any(measure_of(label) == SHARE for label in labels) or "andel" in normalise(table.header.text)
        score += 0.1 if names_a_share else 0.0
        score += 0.05 if any(income_band(label) for label in labels) else 0.0
        return min(score, 0.95)

    def parse(self, document: TableDocument) -> ParseResult:
        table = find_table(document)
        if table is None:
            raise ParseError("no table titled 'Brukerbetaling for hjemmetjenester. <year>' found")
        title = table.title
        years = YEAR.findall(title.title) or YEAR.findall(title.period or "")
        if not years:
            raise ParseError(f"the title names no year: {title.title!r}", title.line)
        year = int(years[-1])
        result = ParseResult.of(self.schemas)
        result.fact("title", title.title, title.line)
        result.fact("year", year, title.line)
        if title.number:
            result.fact("table_number", title.number, title.line)
        columns, unknown, width = columns_of(table.header)
        result.fact("columns", len(columns), table.header.line)
        result.fact("price_columns", sum(column.measure == PRICE for column in columns), table.header.line)
        result.unknown_columns(unknown, table.header.line)
        # Every row of a section counts, whether it is read or not: dbt then checks that
        # rows + rejects account for the document, not the parser's success with itself.
        counts = {MUNICIPALITY: 0, DISTRICT: 0}
        in_districts = False
        read_cell = cell_reader(SYMBOLS, table.decimal)
        check = plausible(columns, read_cell)
        for item in body_and_continuations(document, table, result):
            if isinstance(item, Section):
                if DISTRICT_SECTION.match(item.label):
                    in_districts = True
                    result.fact("district_section", item.label, item.line)
                else:
                    result.fact("section_heading", item.label, item.line)
                continue
            counts[DISTRICT if in_districts else MUNICIPALITY] += 1
            self._read_row(document, item, area_of(item.label, in_districts), year, columns, width, check, read_cell,
                           result)
        result.fact("municipality_rows", counts[MUNICIPALITY])
        result.fact("district_rows", counts[DISTRICT])
        for note in table.notes:
            result.fact(f"footnote_{note.marker}" if note.marker else note.kind, note.text, note.line)
            for name, value in footnote_facts(note.text):
                result.fact(name, value, note.line)
        if not result.tables["fees"] and not result.rejects:
            raise ParseError("the table has a header but no data rows", table.header.line)
        return result

    @staticmethod
    def _read_row(document: TableDocument, row: Row, area: Area | str, year: int, columns: list[Column], width: int,
                  check: Callable[[Reading], str | None], read_cell: Callable[[str], Cell],
                  result: ParseResult) -> None:
        if isinstance(area, str):
            result.reject(row.line, area, raw=row.raw)
            return
        settled = settle(row.cells, row.tokens, width, check, empty_cells=False)
        if settled.cells is None:
            result.reject(row.line, settled.reason or "unreadable", settled.describe(), raw=row.raw)
            return
        try:
            parsed = {column.number: read_cell(settled.cells[column.index]) for column in columns}
        except CellError as error:
            result.reject(row.line, str(error), raw=row.raw)
            return
        empty = [column.label for column in columns if parsed[column.number].status not in STATUSES]
        if empty:
            result.reject(row.line, f"empty cell where a number or a symbol is expected: {empty}", raw=row.raw)
            return
        keys = {
            "year": year,
            "area_level": area.level,
            "municipality_code": area.municipality_code,
            "county_code": area.county_code,
            "area_name": area.name,
            "parent_municipality_name": area.parent_municipality_name,
        }
        lineage = row_lineage(document, row)
        measures = {column.measure: parsed[column.number] for column in columns if column.measure != PRICE}
        result.tables["fees"].append({
            **keys,
            "share_paying_pct": measures[SHARE].value,
            "share_paying_status": measures[SHARE].status,
            "payment_per_user_nok": measures[PAYMENT].value,
            "payment_per_user_status": measures[PAYMENT].status,
            **lineage,
        })
        banded = [column for column in columns if column.band is not None]
        result.tables["fee_schedule"].add_row({**keys, **lineage}, {
            "column_number": [column.number for column in banded],
            "column_label": [column.label for column in banded],
            "income_band": [column.band.code for column in banded],
            "income_band_label": [column.band.label for column in banded],
            "income_band_lower_g": [column.band.lower_g for column in banded],
            "income_band_upper_g": [column.band.upper_g for column in banded],
            "price_type": [column.price_type for column in banded],
            "price_nok": [parsed[column.number].value for column in banded],
            "value_status": [parsed[column.number].status for column in banded],
        })
