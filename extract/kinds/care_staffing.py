"""SSB care staffing: man-years in nursing and care services by type of education and municipality.

The text rendering separates columns by ordinary spaces, groups thousands with a
no-break space inside a number (`1 235,70`) and writes an empty cell as a lone
no-break space. The column header is a run of sentence-case labels broken over
lines (`Ergo-` / `therapists`); each label starts with a capital letter, which is
how the header is split into columns, and the data rows must then have exactly
that many cells.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

import pyarrow as pa

from extract.cells import NBSP, CellError, parse_cell
from extract.documents import Document, Line
from extract.kinds.base import Fact, ParseError, ParseResult, Reject, lineage, schema

# SSB's standard symbols (none appear in the 1999 sample, which uses empty cells).
SYMBOLS = {"..": "missing", "...": "not_yet_available", ":": "confidential", ".": "not_applicable", "-": "nil"}

_TITLE = re.compile(r"Man-years\d*,? by type of education and municipality\.?\s*(?P<year>(?:19|20)\d\d)")
_CODE_ROW = re.compile(r"^\s*(?P<code>\d{4})\s+(?P<rest>\S.*)$")
_COUNTRY_LABELS = ("the whole country", "whole country", "hele landet", "i alt", "total")
_FOOTNOTE = re.compile(r"^\s*\d{1,2}[\s\u00a0]+\D")
_END_OF_TABLE = re.compile(r"^\s*(Explanation of symbols|Symbolforklaring)", re.IGNORECASE)
# Stable codes for labels whose published spelling is a slip, so a corrected
# edition keeps the same code.
_CODE_ALIASES = {
    "nursing_assistents": "nursing_assistants",
    "other_personnel_in_clientdirected_services": "other_personnel_in_client_directed_services",
}
TOTAL_TYPE = "total"


def education_type_code(label: str) -> str:
    """'Ergo-therapists' → 'ergo_therapists'; a label with 'total' → 'total'."""
    folded = unicodedata.normalize("NFKD", label).encode("ascii", "ignore").decode().lower()
    if re.search(r"\btotal\b|\bi alt\b", folded):
        return TOTAL_TYPE
    code = re.sub(r"[^a-z0-9]+", "_", re.sub(r"\d+(?=,)", "", folded)).strip("_")
    return _CODE_ALIASES.get(code, code)


# Words that join a capitalised word to the label before it ('Auxiliary nurses in
# ICU', 'Home-helpers and Other …' would not occur: labels start a new word).
_CONNECTORS = {"in", "for", "of", "and", "the", "with", "to", "on", "at", "i", "og", "for", "med", "av", "på", "til"}


def starts_label(token: str, previous: str | None) -> bool:
    """A label starts at a capitalised word, unless it is an acronym or follows a
    connecting word: labels are sentence case, names and acronyms inside them are not."""
    if previous is None:
        return True
    is_acronym = len(token) > 1 and token.rstrip(",.;:").isupper()
    return token[0].isupper() and not is_acronym and previous.lower() not in _CONNECTORS


def split_header_labels(header_text: str) -> list[str]:
    """Split the joined header into labels: a new label starts at a capitalised word."""
    labels: list[list[str]] = []
    previous: str | None = None
    for token in header_text.split():
        token = token.strip(NBSP)
        if not token:
            continue
        if starts_label(token, previous):
            labels.append([token])
        else:
            labels[-1].append(token)
        previous = token
    # A footnote marker glued to a word ('Man-years1,') is not part of the label.
    return [re.sub(r"(?<=[A-Za-z])\d+(?=,|$)", "", " ".join(words)) for words in labels]


def join_header_lines(lines: list[str]) -> str:
    """Join the header's lines; a word broken with a hyphen at a line end is rejoined."""
    text = ""
    for line in lines:
        line = line.strip(f" {NBSP}")
        if not line:
            continue
        if text.endswith("-"):
            text += line
        else:
            text = f"{text} {line}" if text else line
    return text


def is_cell_token(token: str) -> bool:
    """A token that can only be a cell: blank, a number or a symbol.

    A bare '-' is left out: it also joins parallel names ('Deatnu - Tana').
    """
    return (
        token.strip(NBSP) == ""
        or token[0].isdigit()
        or (token[0] in "-\u2212" and token[1:2].isdigit())
        or (token in SYMBOLS and token != "-")
    )


def tokens_of(text: str) -> list[str]:
    """Columns are separated by ordinary spaces only; a no-break space is either
    inside a number or a cell of its own (an empty cell)."""
    return [token for token in text.split(" ") if token != ""]


def split_label_and_cells(text: str, n_cells: int | None = None) -> tuple[str, list[str]]:
    """'Halden 534,95 \u00a0 79,99' → ('Halden', ['534,95', '\u00a0', '79,99']).

    With `n_cells` known, the last `n_cells` tokens are the cells when the rest
    is a plausible label; otherwise the label ends at the first cell-like token.
    """
    tokens = tokens_of(text)
    if n_cells is not None and len(tokens) > n_cells:
        label = tokens[:-n_cells]
        if not any(is_cell_token(token) for token in label):
            return " ".join(label), tokens[-n_cells:]
    first_cell = next((i for i, token in enumerate(tokens) if is_cell_token(token)), len(tokens))
    return " ".join(tokens[:first_cell]), tokens[first_cell:]


def from_pdf(document: Document) -> Document:
    """The PDF's table in the text rendering's dialect, rebuilt from geometry.

    On each page the columns come from the data's words (the gutters between
    the values) and the header's labels are placed over them; a cell's words are joined by a no-break space (a thousands
    group stays in its number) and an empty position becomes a lone no-break
    space, so the text parser reads the PDF as it reads the rendering. The
    header becomes one line of labels in column order, however it was wrapped.
    """
    from extract import pdf

    title = next((line.number for line in document.lines if _TITLE.search(line.text.replace(NBSP, " "))), None)
    if title is None:
        return document
    replacements: dict[int, str] = {}
    pages: dict[int, list[Line]] = {}
    for line in document.lines[title:]:
        if _END_OF_TABLE.match(line.text):
            break
        pages.setdefault(line.page, []).append(line)
    for lines in pages.values():
        first = next((i for i, line in enumerate(lines) if CareStaffing._row_kind(line.text)), None)
        if first is None:
            continue
        header = lines[:first]
        data = [line for line in lines[first:] if CareStaffing._row_kind(line.text)]
        columns = pdf.data_columns(data, header)
        if header:
            labels = [" ".join(cell.text for cell in pdf.header_cells(header, columns, fit=pdf.label_columns) if cell.first == index)
                      for index in range(len(columns))]
            replacements[header[0].number] = " ".join([NBSP, *(label for label in labels[1:] if label)])
            replacements.update({line.number: "" for line in header[1:]})
        for line in data:
            label, *cells = pdf.cells_of(line, columns, joiner=NBSP)
            replacements[line.number] = " ".join([label.replace(NBSP, " "), *(cell or NBSP for cell in cells)])
    return pdf.rebuild(document, replacements)


@dataclass(frozen=True)
class Column:
    number: int
    label: str
    education_type: str


@dataclass(frozen=True)
class CareStaffing:
    kind: str = "care_staffing"
    parser_version: str = "1"

    @property
    def schemas(self) -> dict[str, pa.Schema]:
        return {
            "man_years": schema(
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

    def detect(self, document: Document) -> float:
        head = document.head(40)
        if _TITLE.search(head.replace(NBSP, " ")):
            return 0.95
        if "by type of education and municipality" in head and "Man-years" in head:
            return 0.7
        return 0.0

    def parse(self, document: Document) -> ParseResult:
        if document.format == "pdf":
            document = from_pdf(document)
        title_line = next((line for line in document.lines if _TITLE.search(line.text.replace(NBSP, " "))), None)
        if title_line is None:
            raise ParseError("no title 'Man-years, by type of education and municipality. <year>' found")
        year = int(_TITLE.search(title_line.text.replace(NBSP, " "))["year"])
        result = ParseResult(tables={"man_years": []})
        result.facts += [
            Fact("title", re.sub(r"\s+", " ", title_line.text.replace(NBSP, " ")).strip(), title_line),
            Fact("year", str(year), title_line),
        ]
        subject = next((line for line in document.lines[: title_line.number - 1] if line.text.strip()), None)
        if subject is not None:
            result.facts.append(Fact("subject", subject.text.strip(), subject))

        body = document.lines[title_line.number :]
        header_lines, first_data = self._header(body)
        labels = split_header_labels(join_header_lines([line.text for line in header_lines]))
        columns = [Column(i, label, education_type_code(label)) for i, label in enumerate(labels, start=1)]
        if not any(column.education_type == TOTAL_TYPE for column in columns):
            raise ParseError("the header has no total column ('Man-years, total')", header_lines[0])
        duplicates = {c.education_type for c in columns if [d.education_type for d in columns].count(c.education_type) > 1}
        if duplicates:
            raise ParseError(f"header labels give duplicate education types {sorted(duplicates)}", header_lines[0])
        result.facts.append(Fact("columns", str(len(columns)), header_lines[0]))

        for line in body[first_data:]:
            if _END_OF_TABLE.match(line.text):
                break
            self._parse_line(document, line, year, columns, result)
        if not result.tables["man_years"] and not result.rejects:
            raise ParseError("the table has a header but no data rows", header_lines[-1])
        return result

    def _header(self, body: list[Line]) -> tuple[list[Line], int]:
        """The header lines between the title and the first data row, and where data starts.

        The header starts at the first non-blank line after the title, unless a
        later start gives exactly as many labels as the first data row has cells
        (a subtitle or unit line above the labels is then left out).
        """
        start = next((i for i, line in enumerate(body) if line.text.strip(f" {NBSP}")), None)
        if start is None:
            raise ParseError("no column header after the title")
        first_data = next(
            (
                index for index in range(start + 1, len(body))
                if self._row_kind(body[index].text) is not None
                or len(split_label_and_cells(body[index].text.strip())[1]) >= 2
            ),
            None,
        )
        if first_data is None:
            raise ParseError("no data rows after the column header", body[start])
        code_row = _CODE_ROW.match(body[first_data].text)
        cells = len(split_label_and_cells(code_row["rest"] if code_row else body[first_data].text.strip())[1])
        for candidate in range(start, first_data):
            lines = body[candidate:first_data]
            if len(split_header_labels(join_header_lines([line.text for line in lines]))) == cells:
                return lines, first_data
        return body[start:first_data], first_data

    @staticmethod
    def _row_kind(text: str) -> str | None:
        if _CODE_ROW.match(text):
            return "municipality"
        label, cells = split_label_and_cells(text.strip())
        if cells and label.lower().strip(" .:") in _COUNTRY_LABELS:
            return "country"
        return None

    def _parse_line(self, document: Document, line: Line, year: int, columns: list[Column], result: ParseResult) -> None:
        text = line.text
        if not text.strip(f" {NBSP}"):
            return
        row_kind = self._row_kind(text)
        if row_kind is None:
            label, cells = split_label_and_cells(text.strip())
            values = sum(is_cell_token(cell) for cell in cells)
            # A damaged row ('01 Halden 534,95 …') also starts with digits: only a
            # line with few values can be a footnote.
            if values >= max(2, len(columns) // 2):
                result.rejects.append(Reject(line, f"a row of {values} values whose label {label!r} is neither a municipality code nor the country total"))
            elif _FOOTNOTE.match(text):
                result.facts.append(Fact("footnote", re.sub(r"\s+", " ", text.replace(NBSP, " ")).strip(), line))
            return
        if row_kind == "municipality":
            match = _CODE_ROW.match(text)
            code, (name, cells) = match["code"], split_label_and_cells(match["rest"], len(columns))
        else:
            code = None
            name, cells = split_label_and_cells(text.strip(), len(columns))
        if not name:
            result.rejects.append(Reject(line, "row has a code but no municipality name"))
            return
        if len(cells) != len(columns):
            result.rejects.append(
                Reject(line, f"expected {len(columns)} cells (one per column of the header), found {len(cells)}")
            )
            return
        try:
            parsed = [parse_cell(cell, SYMBOLS) for cell in cells]
        except CellError as error:
            result.rejects.append(Reject(line, str(error)))
            return
        for column, cell in zip(columns, parsed):
            result.tables["man_years"].append(
                {
                    "year": year,
                    "area_level": row_kind,
                    "municipality_code": code,
                    "area_name": name,
                    "column_number": column.number,
                    "education_type": column.education_type,
                    "education_label": column.label,
                    "man_years": cell.value,
                    "value_status": cell.status,
                    **lineage(document, line),
                }
            )


KIND = CareStaffing()
