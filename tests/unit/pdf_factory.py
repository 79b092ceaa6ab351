"""Test PDFs made from the bundled text renderings, laid out like the publishers' tables.

Each kind has a small model function that reads its text rendering into blocks
(prose and tables: header rows of labels with the columns they span, data rows
of cells, bold total rows). `render` lays the blocks out with fpdf2 as a real
table: columns at fixed positions, numbers right-aligned, empty cells left
empty, the header repeated after every page break. A `Layout` varies what a
reader must not depend on: font and size, column widths and padding, header
alignment, page size and orientation, and so where the pages break.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from fpdf import FPDF

from extract.readers import Document, read_text
from extract.tables import TableDocument, read_tables
from extract.tables.cells import NBSP

PROJECT_DIR = Path(__file__).resolve().parents[2]
DOCUMENTS = PROJECT_DIR / "documents"


@dataclass(frozen=True)
class Paragraph:
    text: str
    bold: bool = False


@dataclass(frozen=True)
class HeaderCell:
    text: str
    first: int
    last: int


@dataclass(frozen=True)
class Row:
    cells: tuple[str, ...]  # '' for an empty cell
    bold: bool = False
    spans: bool = False  # a heading row: its first cell spans the table's width


@dataclass
class Table:
    columns: int
    header: list[list[HeaderCell]]  # tiers, top first
    rows: list[Row] = field(default_factory=list)
    repeat: int = 0  # leading rows (a total line) repeated under the header after a page break


Block = Paragraph | Table


@dataclass(frozen=True)
class Layout:
    name: str
    font: str = "Helvetica"
    size: float = 8.0
    orientation: str = "P"
    page: str = "A4"
    padding_mm: float = 1.5  # cell margin on each side of a cell's text
    extra_mm: float = 0.0  # added to every numeric column's width
    header_align: str = "R"  # leaf labels over numeric columns: 'R' or 'C'
    rows_per_page: int | None = None  # break earlier than the page is full
    margin_mm: float = 12.0


LAYOUTS = {
    "portrait": Layout("portrait"),
    "landscape": Layout("landscape", font="Times", size=9.0, orientation="L", padding_mm=2.2, extra_mm=3.0,
                        header_align="C", rows_per_page=37),
    "compact": Layout("compact", font="Helvetica", size=6.5, orientation="L", page="A3", padding_mm=1.2,
                      rows_per_page=53, margin_mm=8.0),
}


# Space after a paragraph, in lines: a reader tells paragraphs apart by it.
PARAGRAPH_GAP = 0.5


def _plain(text: str) -> str:
    return text.replace(NBSP, " ").replace("\u202f", " ")


class _Pdf(FPDF):
    def __init__(self, layout: Layout):
        super().__init__(orientation=layout.orientation, unit="mm", format=layout.page)
        # The core fonts cover Windows-1252, which holds every character of the
        # bundled documents (æøå, á, š, –).
        self.core_fonts_encoding = "windows-1252"
        self.kd_layout = layout
        self.set_margins(layout.margin_mm, layout.margin_mm, layout.margin_mm)
        self.set_auto_page_break(True, layout.margin_mm)
        self.resize(layout.size)
        self.add_page()
        self.use_bold(False)

    def resize(self, size: float) -> None:
        self.kd_size = size
        scale = size / self.kd_layout.size
        self.pad = self.kd_layout.padding_mm * scale
        self.extra = self.kd_layout.extra_mm * scale
        self.line_h = size * 0.3528 * 1.35
        self.use_bold(False)

    def use_bold(self, bold: bool) -> None:
        self.set_font(self.kd_layout.font, style="B" if bold else "", size=self.kd_size)


def _widths(pdf: _Pdf, table: Table) -> list[float]:
    pad = 2 * pdf.pad
    widths = [0.0] * table.columns
    for row in table.rows:
        if row.spans:
            continue
        pdf.use_bold(True)  # size for bold, the widest
        for index, cell in enumerate(row.cells):
            widths[index] = max(widths[index], pdf.get_string_width(_plain(cell)) + pad)
    pdf.use_bold(True)
    for tier in table.header:
        for cell in tier:
            longest = max((pdf.get_string_width(word) for word in cell.text.split()), default=0.0) + pad
            if cell.first == cell.last:
                widths[cell.first] = max(widths[cell.first], longest)
    for index in range(1, table.columns):
        widths[index] += pdf.extra
    # Spanning labels need their columns together wide enough for their longest word.
    for tier in table.header:
        for cell in tier:
            if cell.first != cell.last:
                longest = max(pdf.get_string_width(word) for word in cell.text.split()) + pad
                have = sum(widths[cell.first : cell.last + 1])
                if have < longest:
                    for index in range(cell.first, cell.last + 1):
                        widths[index] += (longest - have) / (cell.last - cell.first + 1)
    pdf.use_bold(False)
    return widths


def _wrap(pdf: _Pdf, text: str, width: float) -> list[str]:
    """Words of `text` in lines that fit `width` (a word is never broken)."""
    lines: list[str] = []
    for word in text.split():
        if lines and pdf.get_string_width(f"{lines[-1]} {word}") <= width:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return lines or [""]


def _draw_header(pdf: _Pdf, table: Table, xs: list[float], widths: list[float]) -> None:
    pad = pdf.pad
    pdf.use_bold(True)
    for tier in table.header:
        y = pdf.get_y()
        height = 1
        for cell in tier:
            width = sum(widths[cell.first : cell.last + 1])
            lines = _wrap(pdf, _plain(cell.text), width - 2 * pad)
            height = max(height, len(lines))
            if cell.first == 0:
                align = "L"
            elif cell.first != cell.last:
                align = "C"
            else:
                align = pdf.kd_layout.header_align
            for number, text in enumerate(lines):
                pdf.set_xy(xs[cell.first], y + number * pdf.line_h)
                pdf.cell(width, pdf.line_h, text, align=align)
        pdf.set_xy(pdf.l_margin, y + height * pdf.line_h + 0.6)
        pdf.line(pdf.l_margin, pdf.get_y() - 0.3, xs[-1] + widths[-1], pdf.get_y() - 0.3)
    pdf.use_bold(False)


def _draw_table(pdf: _Pdf, table: Table) -> None:
    widths = _widths(pdf, table)
    usable = pdf.w - pdf.l_margin - pdf.r_margin
    # A wide table is set in a smaller type, as publishers do, until it fits.
    while sum(widths) > usable:
        if pdf.kd_size <= 4:
            raise ValueError(f"table of {sum(widths):.0f} mm does not fit {usable:.0f} mm in layout {pdf.kd_layout.name}")
        pdf.resize(pdf.kd_size - 0.25)
        widths = _widths(pdf, table)
    xs = [pdf.l_margin + sum(widths[:i]) for i in range(table.columns)]
    header_height = sum(
        max(len(_wrap(pdf, _plain(c.text), sum(widths[c.first : c.last + 1]) - 2 * pdf.pad)) for c in tier)
        for tier in table.header
    ) * pdf.line_h + 2
    bottom = pdf.h - pdf.b_margin
    if pdf.get_y() + header_height + 2 * pdf.line_h > bottom:
        pdf.add_page()
    _draw_header(pdf, table, xs, widths)
    on_page = 0
    for number, row in enumerate(table.rows):
        full = pdf.kd_layout.rows_per_page is not None and on_page >= pdf.kd_layout.rows_per_page
        if pdf.get_y() + pdf.line_h > bottom or full:
            pdf.add_page()
            _draw_header(pdf, table, xs, widths)
            on_page = 0
            if number >= table.repeat:
                for repeated in table.rows[: table.repeat]:
                    _draw_row(pdf, repeated, xs, widths)
                    on_page += 1
        _draw_row(pdf, row, xs, widths)
        on_page += 1
    pdf.resize(pdf.kd_layout.size)
    pdf.ln(pdf.line_h)


def _draw_row(pdf: _Pdf, row: Row, xs: list[float], widths: list[float]) -> None:
    y = pdf.get_y()
    pdf.use_bold(row.bold)
    if row.spans:
        pdf.set_xy(xs[0], y)
        pdf.cell(sum(widths), pdf.line_h, _plain(row.cells[0]).strip(), align="L")
    else:
        for index, cell in enumerate(row.cells):
            if cell.strip(f" {NBSP}"):
                pdf.set_xy(xs[index], y)
                pdf.cell(widths[index], pdf.line_h, _plain(cell).strip(), align="L" if index == 0 else "R")
    pdf.set_xy(pdf.l_margin, y + pdf.line_h)


def render(blocks: list[Block], layout: Layout, path: Path) -> Path:
    pdf = _Pdf(layout)
    for block in blocks:
        if isinstance(block, Table):
            _draw_table(pdf, block)
        else:
            pdf.use_bold(block.bold)
            pdf.set_x(pdf.l_margin)
            pdf.multi_cell(0, pdf.line_h, _plain(block.text).strip() or " ")
            pdf.use_bold(False)
            pdf.ln(pdf.line_h * PARAGRAPH_GAP)
    pdf.output(str(path))
    return path


# --- models of the bundled documents ---------------------------------------
# Each reads its text rendering through the table model and the kind's own header
# reading, then lays out the table a publisher prints: prose, title, header tiers,
# rows (bold totals, headings spanning the table), notes.


def _prose_around(document: TableDocument, tables: list, start: int, end: int) -> tuple[list[Block], list[Block]]:
    before = [Paragraph(p.text) for p in document.paragraphs if p.line.number < start]
    after = [Paragraph(p.text) for p in document.paragraphs if p.line.number > end]
    return before, after


def _span(table) -> tuple[int, int]:
    lines = [*table.title.lines, *table.header.lines, *(i.line for i in table.body)]
    return min(line.number for line in lines), max(line.number for line in lines)


def care_staffing_model(text: Document) -> list[Block]:
    from extract.kinds.care_staffing.kind import find_table, header_columns

    document = read_tables(text)
    table = find_table(document)
    labels = [column.label for column in header_columns(table).known]
    n = len(labels)
    out = Table(n + 1, [[HeaderCell("", 0, 0)] + [HeaderCell(label, i + 1, i + 1) for i, label in enumerate(labels)]])
    for row in table.rows:
        out.rows.append(Row((row.label, *("" if not c.strip(NBSP) else c for c in row.values)),
                            bold=not row.label[:1].isdigit()))
    start, end = _span(table)
    before, after = _prose_around(document, [table], start, end)
    title = " ".join(line.text for line in table.title.lines if "Man-years" in line.text)
    subject = [Paragraph(line.text) for line in table.title.lines if "Man-years" not in line.text]
    notes = [Paragraph(f"{note.marker or ''} {note.text}".strip()) for note in table.notes]
    return [*before, *subject, Paragraph(title, bold=True), out, *notes, *after]


def home_care_fees_model(text: Document) -> list[Block]:
    from extract.kinds.home_care_fees.kind import columns_of, find_table

    document = read_tables(text)
    table = find_table(document)
    columns, _, _ = columns_of(table.header)
    upper: list[HeaderCell] = [HeaderCell(table.header.labels[0], 0, 0)]
    lower: list[HeaderCell] = []
    for column in columns:
        index = column.index + 1
        if column.band is None:
            upper.append(HeaderCell(column.label, index, index))
        else:
            band, price = column.label.split(" / ")
            if not upper or upper[-1].text != band:
                upper.append(HeaderCell(band, index, index))
            else:
                upper[-1] = HeaderCell(band, upper[-1].first, index)
            lower.append(HeaderCell(price, index, index))
    width = len(columns) + 1
    out = Table(width, [upper, lower])
    for item in table.body:
        if hasattr(item, "cells"):
            cells = tuple(item.values[: width - 1])
            out.rows.append(Row((item.label, *cells, *("",) * (width - 1 - len(cells)))))
        else:
            out.rows.append(Row((item.label, *("",) * (width - 1)), bold=True, spans=True))
    number = f"{table.title.number} " if table.title.number else ""
    title = f"{number}{table.title.title} {''.join(table.title.markers)}".strip()
    notes = [Paragraph(f"{note.marker or ''} {note.text}".strip()) for note in table.notes]
    return [Paragraph(title, bold=True), out, *notes]


def sickness_absence_model(text: Document) -> list[Block]:
    """The published table: its cells are the ones the text parser settled by arithmetic."""
    from extract.kinds.sickness_absence import KIND
    from extract.kinds.sickness_absence.semantics import quarters_in

    document = read_tables(text)
    result = KIND.parse(document)
    first: dict[int, dict] = {}
    rates: dict[int, list[str]] = {}
    for record in result.tables["absence"]:
        first.setdefault(record["source_line"], record)
        rate = record["absence_rate_pct"]
        rates.setdefault(record["source_line"], []).append("-" if rate is None else str(rate).replace(".", ","))
    table = document.tables[0]
    q = quarters_in(table.header.text)
    tiers = [
        [HeaderCell(f"Quarter {x.quarter} {x.year}", 1 + 2 * i, 2 + 2 * i) for i, x in enumerate(q[:2])]
        + [HeaderCell("Sickness absence rate", 5, 8)],
        [HeaderCell("Municipality", 0, 0)]
        + [HeaderCell(label, c, c) for c, label in enumerate(["Sickness absence man-days", "Change since last year"] * 2, start=1)]
        + [HeaderCell(f"Quarter {x.quarter} {x.year}", 5 + i, 5 + i) for i, x in enumerate(q[2:6])],
    ]
    out = Table(9, tiers)
    for number in sorted(first):
        record = first[number]
        code = f"{record['footnote_marker'] or ''}{record['municipality_code']} " if record["municipality_code"] else ""
        out.rows.append(Row((f"{code}{record['source_name']}", *record["days_split"].split(" | "), *rates[number]),
                            bold=record["area_level"] == "total"))
    title = " ".join(line.text for line in table.title.lines)
    return [Paragraph(title, bold=True), out]


def _markdown_free(text: str) -> str:
    """Prose as a PDF prints it: no heading marks, links as their text, no escapes."""
    from extract.tables.cells import strip_markup

    text = re.sub(r"^\s*#+\s*", "", strip_markup(text))
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    return text.replace("\\", "")


def tiltak_model(text: Document) -> list[Block]:
    """NAV's report: headings, then small tables (a header of the ytd average and the
    months, a bold 'I alt' line, rows). The rendering's fragments of one table (its
    page breaks: same 'I alt' line, same header) become one table again, which each
    layout breaks anew, repeating the header and the 'I alt' line."""
    document = read_tables(text)
    events: list[tuple[int, object]] = [(p.line.number, p) for p in document.paragraphs]
    events += [(fragment.header.line.number, fragment) for fragment in document.tables]
    blocks: list[Block] = []
    previous: Table | None = None
    for _, event in sorted(events, key=lambda e: e[0]):
        if not hasattr(event, "header"):
            blocks.append(Paragraph(_markdown_free(event.text)))
            continue
        fragment = event
        if fragment.title.period and not (previous and _same_start(previous, fragment)):
            blocks.append(Paragraph(fragment.title.period, bold=True))
        labels = [column.label for column in fragment.header.columns]
        rows = [Row((row.label, *row.values), bold=i == 0) for i, row in enumerate(fragment.rows)]
        if previous is not None and _same_start(previous, fragment):
            previous.rows += rows[1:]
            continue
        previous = Table(1 + len(labels), [[HeaderCell("", 0, 0)] + [HeaderCell(label, i + 1, i + 1) for i, label in enumerate(labels)]],
                         rows, repeat=1)
        blocks.append(previous)
    return blocks


def _same_start(table: Table, fragment) -> bool:
    return bool(fragment.rows) and table.rows[0].cells == (fragment.rows[0].label, *fragment.rows[0].values)


def teacher_norm_model(text: Document) -> list[Block]:
    """The ministry's article: prose (short lines as headings), then the table: a
    header of four labels, county headings spanning the table, one line per
    municipality with its three values."""
    from extract.kinds.teacher_norm.kind import find_table, label_list

    document = read_tables(text)
    table = find_table(document)
    start, end = _span(table)
    before = [Paragraph(p.text, bold=len(p.text) < 60 and not p.text.endswith(".")) for p in document.paragraphs
              if p.line.number < start]
    labels = label_list(table)
    out = Table(len(labels), [[HeaderCell(label, i, i) for i, label in enumerate(labels)]])
    for item in table.body:
        if hasattr(item, "cells"):
            out.rows.append(Row((item.label, *(c.strip(NBSP + " ") for c in item.values))))
        else:
            out.rows.append(Row((item.label, *("",) * (len(labels) - 1)), bold=True, spans=True))
    period = [Paragraph(table.title.period, bold=True)] if table.title.period else []
    after = [Paragraph(p.text) for p in document.paragraphs if p.line.number > end]
    return [*before, *period, out, *after]


MODELS = {
    "sickness_absence": (sickness_absence_model, "ssb_sickness_absence_men_2002_q2_q3.txt"),
    "care_staffing": (care_staffing_model, "ssb_care_staffing_1999.txt"),
    "home_care_fees": (home_care_fees_model, "ssb_home_care_fees_2006.txt"),
    "tiltak": (tiltak_model, "nav_tiltak_2026-01_to_2026-04.txt"),
    "teacher_norm": (teacher_norm_model, "kd_teacher_norm_compensation_autumn_2018.txt"),
}


def bundled_pdf(kind: str, layout: str, directory: Path) -> tuple[Path, Path]:
    """(the text rendering, a PDF of it in `layout`) for `kind`'s bundled document."""
    model, name = MODELS[kind]
    text_path = DOCUMENTS / name
    pdf_path = directory / f"{kind}-{layout}.pdf"
    render(model(read_text(text_path)), LAYOUTS[layout], pdf_path)
    return text_path, pdf_path
