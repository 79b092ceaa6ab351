"""SSB user payments for home-care services (brukerbetaling for hjemmetjenester).

The text rendering is a markdown table. Its title row (`| 21 | Brukerbetaling for
hjemmetjenester. 2006 1 |`) gives the year; the column header is split over two
rows: the first names the area column, the share of users who pay, the payment
per user and one column per income band in multiples of G ("under 2 G", "2-3 G",
… "over 5 G"); the second (below the markdown separator) names the price types
inside each band (Abonnementspris | Timepris) and is not aligned with the first,
so the bands are expanded by it in order. Every row is padded with empty cells
up to the width of the separator.

Rows are municipalities (`0101 Halden`), then a `Bydeler` section of city
districts (`Gamle Oslo (Oslo)`, sometimes without the space:
`Distrikt Nord(Harstad)`), then a footnote row (`| 1 | Definisjoner: …`) that
defines G, the symbols `.` (not answered) and `..` (missing) and says the
figures are preliminary. The symbols stay statuses, never zeros.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

import pyarrow as pa

from extract.cells import NBSP, PUBLISHED, SYMBOLS_SSB_HOME_CARE, CellError, is_blank, parse_cell, parse_number, strip_markup
from extract.documents import Document, Line
from extract.kinds.base import Fact, ParseError, ParseResult, Reject, lineage, schema

SYMBOLS = SYMBOLS_SSB_HOME_CARE
STATUSES = (PUBLISHED, *SYMBOLS.values())

_TITLE = re.compile(r"Brukerbetaling\s+for\s+hjemmetjenester\.?\s*(?P<year>(?:19|20)\d\d)\b", re.IGNORECASE)
_SEPARATOR_CELL = re.compile(r"^\s*:?-{3,}:?\s*$")
_CODE_LABEL = re.compile(r"^(?P<code>\d{4})\s+(?P<name>\S.*)$")
_COUNTY_LABEL = re.compile(r"^(?P<code>\d{2})\s+(?P<name>\D.*)$")
# The parent municipality in parentheses closes a district label; the space before
# the parenthesis is sometimes missing ('Distrikt Nord(Harstad)').
_DISTRICT_LABEL = re.compile(r"^(?P<name>\S.*?)\s*\((?P<parent>[^()]*\S[^()]*)\)$")
_DISTRICT_SECTION = re.compile(r"^\s*bydeler\s*:?\s*$", re.IGNORECASE)
_COUNTRY_LABELS = ("hele landet", "landet", "i alt", "alle kommuner")
_FOOTNOTE_NUMBER = re.compile(r"^\s*\d{1,2}\s*\)?\s*$")

_NUMBER_G = r"(\d+(?:,\d+)?)"
_BAND_UNDER = re.compile(rf"\bunder\s+{_NUMBER_G}\s*G\b", re.IGNORECASE)
_BAND_OVER = re.compile(rf"\bover\s+{_NUMBER_G}\s*G\b", re.IGNORECASE)
_BAND_RANGE = re.compile(rf"\b{_NUMBER_G}\s*[-\u2013]\s*{_NUMBER_G}\s*G\b", re.IGNORECASE)

_PRICE_TYPES = {"abonnementspris": "subscription", "abonnement": "subscription", "timepris": "hourly", "timesats": "hourly"}

_G_AMOUNT = re.compile(r"grunnbeløp.*?(?P<amount>\d{1,3}(?:[ \u00a0]\d{3})+|\d{4,})\s*kroner(?:\s+i\s+(?P<year>(?:19|20)\d\d))?", re.IGNORECASE)
_SYMBOL_DEFINITION = re.compile(r"(?:^|\s)(?P<symbol>\.{1,3})\s*=\s*(?P<meaning>[^.]+)")
_PRELIMINARY = re.compile(r"\bforeløpige\b", re.IGNORECASE)

SHARE = "share_paying_pct"
PAYMENT = "payment_per_user_nok"
MUNICIPALITY, DISTRICT, COUNTY, COUNTRY = "municipality", "district", "county", "country"


@dataclass(frozen=True)
class IncomeBand:
    code: str
    label: str
    lower_g: Decimal
    upper_g: Decimal | None


@dataclass(frozen=True)
class Column:
    """One data column (after the area label): a measure or a band's price."""

    number: int  # 1-based among the data columns
    measure: str  # SHARE | PAYMENT | "price"
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


def split_row(text: str) -> list[str] | None:
    """'| a | b | |||' → ['a', 'b', '', '', '', '']; None for a line that is not a table row."""
    stripped = text.strip()
    if not stripped.startswith("|"):
        return None
    inner = stripped[1:-1] if stripped.endswith("|") and len(stripped) > 1 else stripped[1:]
    return [strip_markup(cell).strip(f" \t{NBSP}") for cell in inner.split("|")]


def trim_trailing_blanks(cells: list[str]) -> list[str]:
    end = len(cells)
    while end > 0 and is_blank(cells[end - 1]):
        end -= 1
    return cells[:end]


def is_separator(cells: list[str]) -> bool:
    filled = [cell for cell in cells if cell]
    return bool(filled) and all(_SEPARATOR_CELL.match(cell) for cell in filled)


def _g(text: str) -> Decimal:
    return parse_number(text)


def _g_code(value: Decimal) -> str:
    return format(value.normalize(), "f").replace(".", "p")


def income_band(label: str) -> IncomeBand | None:
    """'Brukerbetaling 2-3 G' → IncomeBand('2_3g', …, 2, 3); None if the label names no band."""
    if match := _BAND_UNDER.search(label):
        upper = _g(match[1])
        return IncomeBand(f"under_{_g_code(upper)}g", label, Decimal(0), upper)
    if match := _BAND_OVER.search(label):
        lower = _g(match[1])
        return IncomeBand(f"over_{_g_code(lower)}g", label, lower, None)
    if match := _BAND_RANGE.search(label):
        lower, upper = _g(match[1]), _g(match[2])
        return IncomeBand(f"{_g_code(lower)}_{_g_code(upper)}g", label, lower, upper)
    return None


def measure_of(label: str) -> str | None:
    folded = label.lower()
    if "andel" in folded and "betal" in folded:
        return SHARE
    if "per bruker" in folded or "pr. bruker" in folded:
        return PAYMENT
    return None


def price_type_of(label: str) -> str | None:
    return _PRICE_TYPES.get(re.sub(r"[\s\d]+$", "", label.strip().lower()))


def is_price_type_row(cells: list[str]) -> bool:
    """The header's lower tier: every filled cell names a price type."""
    filled = [cell for cell in cells if cell]
    return bool(filled) and all(price_type_of(cell) for cell in filled)


def columns_from_header(first: list[str], second: list[str]) -> list[Column]:
    """The data columns from the two header rows.

    The first row's first cell labels the area column. Each band column of the
    first row spans as many columns as the second row has price labels per band,
    taken in order; other columns span one.
    """
    labels = [cell for cell in first[1:] if cell]
    price_labels = [cell for cell in second if cell]
    bands = [income_band(label) for label in labels]
    n_bands = sum(band is not None for band in bands)
    if n_bands == 0:
        raise ParseError("the first header row names no income band ('under 2 G', '2-3 G', …)")
    if not price_labels or len(price_labels) % n_bands:
        raise ParseError(f"the second header row has {len(price_labels)} price labels for {n_bands} income bands")
    per_band = len(price_labels) // n_bands
    columns: list[Column] = []
    groups = iter(price_labels[i : i + per_band] for i in range(0, len(price_labels), per_band))
    for label, band in zip(labels, bands):
        if band is None:
            measure = measure_of(label)
            if measure is None:
                raise ParseError(f"unknown column {label!r} in the first header row")
            columns.append(Column(len(columns) + 1, measure, label))
            continue
        group = next(groups)
        types = [price_type_of(price) for price in group]
        if None in types or len(set(types)) != len(types):
            raise ParseError(f"price labels {group} under {label!r} are not distinct known price types")
        for price, kind in zip(group, types):
            columns.append(Column(len(columns) + 1, "price", f"{label} / {price}", band, kind))
    measures = [column.measure for column in columns if column.measure != "price"]
    for needed in (SHARE, PAYMENT):
        if measures.count(needed) != 1:
            raise ParseError(f"the header must name exactly one {needed} column, found {measures.count(needed)}")
    if len({band.code for band in bands if band}) != n_bands:
        raise ParseError("two header columns give the same income band")
    return columns


def area_of(label: str, in_district_section: bool) -> Area | str:
    """The area a row's label names, or the reason it names none."""
    label = re.sub(r"\s+", " ", label).strip()
    if match := _CODE_LABEL.match(label):
        return Area(MUNICIPALITY, match["name"], municipality_code=match["code"], county_code=match["code"][:2])
    if match := _COUNTY_LABEL.match(label):
        return Area(COUNTY, match["name"], county_code=match["code"])
    if label.lower().strip(" .:") in _COUNTRY_LABELS:
        return Area(COUNTRY, label)
    if match := _DISTRICT_LABEL.match(label):
        if not in_district_section:
            return f"district label {label!r} before the 'Bydeler' section"
        return Area(DISTRICT, match["name"].strip(), parent_municipality_name=match["parent"].strip())
    if in_district_section:
        return f"district label {label!r} names no parent municipality in parentheses"
    return f"label {label!r} is neither a municipality code and name nor a known total"


def from_pdf(document: Document) -> Document:
    """The PDF's table as the rendering's markdown rows, rebuilt from geometry.

    On each page the columns come from the data's words (the gutters between
    the values), and the header's labels are placed over them; a word belongs
    to the column it stands in, an empty position is an empty cell. The header's labels are read per
    column (a label wrapped inside its cell is one label; an income band spans
    its price columns) and written as the rendering's two header rows.
    """
    from extract import pdf

    title = next((line for line in document.lines if _TITLE.search(line.text.replace(NBSP, " "))), None)
    if title is None:
        return document
    replacements: dict[int, str] = {}
    number = re.match(r"^(\d{1,3})\s+(\D.*)$", title.text)
    if number:
        replacements[title.number] = f"| {number[1]} | {number[2]} |"
    pages: dict[int, list[Line]] = {}
    for line in document.lines[title.number :]:
        pages.setdefault(line.page, []).append(line)
    first_header: list[str] | None = None
    for lines in pages.values():
        # The header's lower tier: a line of price-type labels (two or more).
        bottom = next((i for i, line in enumerate(lines) if sum(bool(price_type_of(w.text)) for w in line.words) >= 2), None)
        if bottom is None:
            continue
        header, body = lines[: bottom + 1], lines[bottom + 1 :]
        data: list[Line] = []
        notes: list[Line] = []
        for line in body:
            if notes or (_FOOTNOTE_NUMBER.match(line.words[0].text) and sum(ch.isalpha() for ch in line.text) > 20):
                notes.append(line)  # the footnote under the table, wrapped over lines
            else:
                data.append(line)
        columns = pdf.data_columns(data, header)
        cells = pdf.header_cells(header, columns, fit=pdf.label_columns)
        upper = [cell.text for cell in cells if not price_type_of(cell.text)]
        lower = [cell.text for cell in cells if price_type_of(cell.text)]
        replacements.update({line.number: "" for line in header})
        if first_header is None or [upper, lower] != first_header:
            # The first header, or one that differs from it (which the parser then reports);
            # a header repeated after a page break is not a row.
            first_header = first_header or [upper, lower]
            replacements[header[0].number] = "| " + " | ".join(upper) + " |"
            replacements[header[-1].number] = "| " + " | ".join(lower) + " |"
        for line in data:
            replacements[line.number] = "| " + " | ".join(pdf.cells_of(line, columns)) + " |"
        if notes:
            marker = notes[0].words[0].text
            text = " ".join(line.text for line in notes)[len(marker) :].strip()
            replacements[notes[0].number] = f"| {marker} | {text} |"
            replacements.update({line.number: "" for line in notes[1:]})
    return pdf.rebuild(document, replacements)


@dataclass(frozen=True)
class HomeCareFees:
    kind: str = "home_care_fees"
    parser_version: str = "1"

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

    def detect(self, document: Document) -> float:
        head = document.head(40).replace(NBSP, " ")
        score = 0.0
        if _TITLE.search(head):
            score += 0.6
        if re.search(r"\bAbonnementspris\b", head) and re.search(r"\bTimepris\b", head):
            score += 0.2
        if re.search(r"Andel som betaler", head, re.IGNORECASE):
            score += 0.1
        if income_band(head) is not None and re.search(r"Brukerbetaling", head):
            score += 0.05
        return min(score, 0.95)

    def parse(self, document: Document) -> ParseResult:
        if document.format == "pdf":
            document = from_pdf(document)
        rows = [(line, split_row(line.text)) for line in document.lines]
        title_at = next((i for i, (line, _) in enumerate(rows) if _TITLE.search(line.text.replace(NBSP, " "))), None)
        if title_at is None:
            raise ParseError("no title 'Brukerbetaling for hjemmetjenester. <year>' found")
        title_line = rows[title_at][0]
        year = int(_TITLE.search(title_line.text.replace(NBSP, " "))["year"])
        result = ParseResult(tables={"fees": [], "fee_schedule": []})
        title_cells = [cell for cell in (rows[title_at][1] or [title_line.text]) if cell]
        result.facts += [Fact("title", " ".join(title_cells), title_line), Fact("year", str(year), title_line)]
        if len(title_cells) > 1 and title_cells[0].isdigit():
            result.facts.append(Fact("table_number", title_cells[0], title_line))

        columns, first_data = self._header(rows, title_at + 1)
        header_line = rows[title_at + 1][0]
        result.facts += [
            Fact("columns", str(len(columns)), header_line),
            Fact("price_columns", str(sum(column.measure == "price" for column in columns)), header_line),
        ]
        # Every table row of a section counts, whether it parses or not: dbt then checks
        # that rows + rejects account for the document, not the parser's success with itself.
        counts = {MUNICIPALITY: 0, DISTRICT: 0}
        in_districts = False
        for line, cells in rows[first_data:]:
            if cells is None:
                if line.text.strip():
                    result.facts.append(Fact("note", line.text.strip(), line))
                continue
            cells = trim_trailing_blanks(cells)
            if not cells or is_separator(cells):
                continue
            if len(cells) == 1 and _DISTRICT_SECTION.match(cells[0]):
                in_districts = True
                result.facts.append(Fact("district_section", cells[0], line))
                continue
            if self._is_footnote(cells):
                self._footnote(" ".join(cells[1:]), cells[0], line, result)
                continue
            counts[DISTRICT if in_districts else MUNICIPALITY] += 1
            area = area_of(cells[0], in_districts)
            self._data_row(document, line, cells, area, year, columns, result)
        result.facts += [
            Fact("municipality_rows", str(counts[MUNICIPALITY])),
            Fact("district_rows", str(counts[DISTRICT])),
        ]
        if not result.tables["fees"] and not result.rejects:
            raise ParseError("the table has a header but no data rows", rows[first_data - 1][0])
        return result

    @staticmethod
    def _header(rows: list[tuple[Line, list[str] | None]], start: int) -> tuple[list[Column], int]:
        """The columns from the header rows, and where the data begins.

        The header ends at the row that names the price types (its lower tier): from
        there on every table row is data or a reject. Ending it at the first row that
        reads as an area instead would take a damaged first data row for a header row
        and lose it silently.
        """
        header: list[tuple[Line, list[str]]] = []
        for index in range(start, len(rows)):
            line, cells = rows[index]
            if cells is None or is_separator(cells) or not any(cells):
                continue
            header.append((line, cells))
            if is_price_type_row(cells):
                break
        else:
            where = header[0][0] if header else None
            raise ParseError("the header needs a row of price types (Abonnementspris, Timepris) under the income bands", where)
        first = next((cells for _, cells in header if any(income_band(cell) for cell in cells)), None)
        if first is None:
            raise ParseError("the header needs a row of income bands above the row of price types", header[0][0])
        return columns_from_header(first, header[-1][1]), index + 1

    @staticmethod
    def _is_footnote(cells: list[str]) -> bool:
        # A footnote is prose after its number; a row of numbers under a bare number is a broken data row.
        text = " ".join(cells[1:])
        return len(cells) >= 2 and bool(_FOOTNOTE_NUMBER.match(cells[0])) and sum(ch.isalpha() for ch in text) > 20

    @staticmethod
    def _footnote(text: str, number: str, line: Line, result: ParseResult) -> None:
        text = re.sub(r"\s+", " ", text.replace(NBSP, " ")).strip()
        result.facts.append(Fact(f"footnote_{number.strip(' )')}", text, line))
        if match := _G_AMOUNT.search(text):
            result.facts.append(Fact("g_average_nok", str(parse_number(match["amount"])), line))
            if match["year"]:
                result.facts.append(Fact("g_year", match["year"], line))
        for match in _SYMBOL_DEFINITION.finditer(text):
            symbol = match["symbol"]
            status = SYMBOLS.get(symbol, "unknown")
            result.facts.append(Fact(f"symbol_{status}", f"{symbol} = {match['meaning'].strip()}", line))
        if _PRELIMINARY.search(text):
            result.facts.append(Fact("preliminary", "true", line))

    @staticmethod
    def _data_row(document: Document, line: Line, cells: list[str], area: Area | str, year: int,
                  columns: list[Column], result: ParseResult) -> None:
        if isinstance(area, str):
            result.rejects.append(Reject(line, area))
            return
        values = cells[1:]
        if len(values) != len(columns):
            result.rejects.append(Reject(line, f"expected {len(columns)} values (one per header column), found {len(values)}"))
            return
        try:
            parsed = [parse_cell(value, SYMBOLS) for value in values]
        except CellError as error:
            result.rejects.append(Reject(line, str(error)))
            return
        unknown = [column.label for column, cell in zip(columns, parsed) if cell.status not in STATUSES]
        if unknown:
            result.rejects.append(Reject(line, f"empty cell where a number or a symbol is expected: {unknown}"))
            return
        keys = {
            "year": year,
            "area_level": area.level,
            "municipality_code": area.municipality_code,
            "county_code": area.county_code,
            "area_name": area.name,
            "parent_municipality_name": area.parent_municipality_name,
        }
        by_measure = {column.measure: cell for column, cell in zip(columns, parsed) if column.measure != "price"}
        result.tables["fees"].append(
            {
                **keys,
                "share_paying_pct": by_measure[SHARE].value,
                "share_paying_status": by_measure[SHARE].status,
                "payment_per_user_nok": by_measure[PAYMENT].value,
                "payment_per_user_status": by_measure[PAYMENT].status,
                **lineage(document, line),
            }
        )
        for column, cell in zip(columns, parsed):
            if column.measure != "price":
                continue
            result.tables["fee_schedule"].append(
                {
                    **keys,
                    "column_number": column.number,
                    "column_label": column.label,
                    "income_band": column.band.code,
                    "income_band_label": column.band.label,
                    "income_band_lower_g": column.band.lower_g,
                    "income_band_upper_g": column.band.upper_g,
                    "price_type": column.price_type,
                    "price_nok": cell.value,
                    "value_status": cell.status,
                    **lineage(document, line),
                }
            )


KIND = HomeCareFees()
