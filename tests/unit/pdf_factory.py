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

from extract.tables.cells import NBSP
from extract.readers import Document, read_text

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


def care_staffing_model(document: Document) -> list[Block]:
    from extract.kinds import care_staffing as cs

    lines = document.lines
    title = next(i for i, line in enumerate(lines) if cs._TITLE.search(_plain(line.text)))
    header_lines, first_data = cs.KIND._header(lines[title + 1 :])
    labels = cs.split_header_labels(cs.join_header_lines([line.text for line in header_lines]))
    n = len(labels)
    table = Table(n + 1, [[HeaderCell("", 0, 0)] + [HeaderCell(label, i + 1, i + 1) for i, label in enumerate(labels)]])
    blocks: list[Block] = [Paragraph(line.text) for line in lines[:title] if line.text.strip()]
    blocks += [Paragraph(lines[title].text, bold=True), table]
    after = lines[title + 1 + first_data :]
    for index, line in enumerate(after):
        kind = cs.KIND._row_kind(line.text)
        if kind is None:
            if line.text.strip(f" {NBSP}"):
                blocks += [Paragraph(rest.text) for rest in after[index:] if rest.text.strip(f" {NBSP}")]
                break
            continue
        if kind == "municipality":
            match = cs._CODE_ROW.match(line.text)
            name, cells = cs.split_label_and_cells(match["rest"], n)
            label = f"{match['code']} {name}"
        else:
            label, cells = cs.split_label_and_cells(line.text.strip(), n)
        table.rows.append(Row((label, *("" if not c.strip(NBSP) else c for c in cells)), bold=kind == "country"))
    return blocks


def home_care_fees_model(document: Document) -> list[Block]:
    from extract.kinds import home_care_fees as hc

    blocks: list[Block] = []
    table: Table | None = None
    done = False
    for line in document.lines:
        cells = hc.split_row(line.text)
        if cells is None or done:
            if line.text.strip():
                blocks.append(Paragraph(" ".join(c for c in (cells or [line.text]) if c)))
            continue
        cells = hc.trim_trailing_blanks(cells)
        if not cells or hc.is_separator(cells):
            continue
        if table is None and hc.income_band(" ".join(cells)) is None and not any(hc.price_type_of(c) for c in cells):
            blocks.append(Paragraph(" ".join(cells), bold=True))  # the title row
            continue
        if table is None:
            # First header row: area, share, payment, then the bands over two columns each.
            labels = cells
            band_count = sum(hc.income_band(c) is not None for c in labels)
            columns = 1 + (len(labels) - 1 - band_count) + 2 * band_count
            tier, at = [], 0
            for label in labels:
                span = 2 if hc.income_band(label) is not None else 1
                tier.append(HeaderCell(label, at, at + span - 1))
                at += span
            table = Table(columns, [tier])
            blocks.append(table)
            continue
        if any(hc.price_type_of(c) for c in cells) and len(table.header) == 1:
            first_band = next(c.first for c in table.header[0] if c.first != c.last)
            table.header.append([HeaderCell(c, first_band + i, first_band + i) for i, c in enumerate(cells)])
            continue
        if hc.HomeCareFees._is_footnote(cells):
            done = True
            blocks.append(Paragraph(" ".join(cells)))
            continue
        padded = tuple(cells) + ("",) * (table.columns - len(cells))
        table.rows.append(Row(padded[: table.columns], bold=len(cells) == 1))
    return blocks


def sickness_absence_model(document: Document) -> list[Block]:
    """The published table: its cells are the ones the text parser settled by arithmetic."""
    from extract.kinds import sickness_absence as sa

    result = sa.KIND.parse(document)
    rows_by_line: dict[int, dict] = {}
    for record in result.tables["absence"]:
        rows_by_line.setdefault(record["source_line"], record)
    rates: dict[int, list[str]] = {}
    for record in result.tables["absence"]:
        rate = record["absence_rate_pct"]
        rates.setdefault(record["source_line"], []).append("-" if rate is None else str(rate).replace(".", ","))
    lines = document.lines
    first_row = min(rows_by_line)
    header_start = next(i for i, line in enumerate(lines) if sa.quarters_in(line.text))
    blocks: list[Block] = [Paragraph(line.text, bold=i == 0) for i, line in enumerate(lines[:header_start]) if line.text.strip()]
    q = sa.quarters_in(" ".join(line.text for line in lines[header_start : first_row - 1]))
    tiers = [
        [HeaderCell(str_q, 1 + 2 * i, 2 + 2 * i) for i, str_q in enumerate(f"Quarter {x.quarter} {x.year}" for x in q[:2])]
        + [HeaderCell("Sickness absence rate", 5, 8)],
        [HeaderCell("Municipality", 0, 0)]
        + [HeaderCell(label, c, c) for c, label in enumerate(["Sickness absence man-days", "Change since last year"] * 2, start=1)]
        + [HeaderCell(f"Quarter {x.quarter} {x.year}", 5 + i, 5 + i) for i, x in enumerate(q[2:])],
    ]
    table = Table(9, tiers)
    blocks.append(table)
    after: list[Block] = []
    for line in lines[first_row - 1 :]:
        record = rows_by_line.get(line.number)
        if record is None:
            if line.text.strip(f" {NBSP}"):
                after.append(Paragraph(line.text))
            continue
        code = f"{record['footnote_marker'] or ''}{record['municipality_code']} " if record["municipality_code"] else ""
        label = f"{code}{record['source_name']}"
        table.rows.append(Row((label, *record["days_split"].split(" | "), *rates[line.number]), bold=record["area_level"] == "total"))
    return blocks + after


def _markdown_free(text: str) -> str:
    """Prose as a PDF prints it: no heading marks, links as their text, no escapes."""
    from extract.tables.cells import strip_markup

    text = re.sub(r"^\s*#+\s*", "", strip_markup(text))
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    return text.replace("\\", "")


def tiltak_model(document: Document) -> list[Block]:
    """NAV's report: headings, then small tables (a header of the ytd average and the
    months, a bold 'I alt' line, rows). The rendering's fragments of one table (its
    page breaks: same 'I alt' line, same kind of rows) become one table again, which
    each layout breaks anew, repeating the header and the 'I alt' line."""
    from extract.tables.cells import strip_markup
    from extract.kinds import tiltak as nav

    blocks: list[Block] = []
    table: Table | None = None
    fragment: Table | None = None  # the fragment being read, before it is known to continue `table`
    since_table: list[Block] = []  # headings and prose after the last table

    def kind_of_rows(rows: list[Row]) -> str | None:
        key = nav.classify_label(rows[1].cells[0]) if len(rows) > 1 else None
        return key.dimension if key is not None else None

    def close_fragment() -> None:
        nonlocal table, fragment, since_table
        if fragment is None:
            return
        continues = (
            table is not None and table.rows[0] == fragment.rows[0] and table.header == fragment.header
            and all(isinstance(b, Paragraph) and nav.month_range(b.text) for b in since_table)
            and kind_of_rows(table.rows) == kind_of_rows(fragment.rows)
        )
        if continues:
            table.rows += fragment.rows[1:]
        else:
            blocks.extend(since_table)
            blocks.append(fragment)
            table = fragment
        since_table, fragment = [], None

    for line in document.lines:
        text = line.text
        if not text.strip(f" \t{NBSP}"):
            continue
        cells = nav.split_cells(text)
        if nav.is_column_header(cells):
            close_fragment()
            labels = [c for c in cells[1:] if c]
            fragment = Table(1 + len(labels), [[HeaderCell("", 0, 0)] + [HeaderCell(l, i + 1, i + 1) for i, l in enumerate(labels)]],
                             repeat=1)
            continue
        if fragment is not None and nav.looks_like_row(cells):
            bold = not fragment.rows
            fragment.rows.append(Row(tuple(strip_markup(c) for c in cells), bold=bold))
            continue
        close_fragment()
        heading = nav.month_range(text) is not None or text.lstrip().startswith("#")
        since_table.append(Paragraph(_markdown_free(text), bold=heading))
    close_fragment()
    return blocks + since_table


def teacher_norm_model(document: Document) -> list[Block]:
    """The ministry's article: prose (short lines as headings), then the table: a
    header of four labels, county headings spanning the table, one line per
    municipality with its three values."""
    from extract.kinds import teacher_norm as tn

    lines = tn.non_blank(document.lines)
    header = tn.find_header(lines)
    start = lines.index(header.lines[0])
    blocks: list[Block] = [
        Paragraph(tn.squeeze(line.text), bold=len(tn.squeeze(line.text)) < 60 and not tn.squeeze(line.text).endswith("."))
        for line in lines[:start]
    ]
    names = ["name", *header.columns]
    table = Table(len(names), [[HeaderCell(header.labels[name], i, i) for i, name in enumerate(names)]])
    blocks.append(table)
    rows, _, trailing = tn.split_rows(lines[header.first_body_index :])
    county = None
    for row in rows:
        if row.county != county:
            county = row.county
            table.rows.append(Row((county, *("",) * len(header.columns)), bold=True, spans=True))
        table.rows.append(Row((tn.row_label(row), *(tn.squeeze(value) for value in tn.row_values(row)))))
    return blocks + [Paragraph(tn.squeeze(line.text)) for line in trailing]


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
