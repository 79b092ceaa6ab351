"""PDF renderings of a `spec.Document` by two libraries that lay tables out differently.

- fpdf2: the table drawn cell by cell at positions computed here; header labels wrapped
  inside their columns, group labels centred over their sub-columns, optional rules, bold
  totals; page breaks (by the page's height or a row budget) repeat the header and the
  table's repeated leading rows; running head and foot on every page.
- reportlab: platypus `Table` (with or without a grid) of `Paragraph` labels wrapped by
  reportlab itself, real superscript markers, `repeatRows`, running head and foot.

Text is set in the core fonts (Windows-1252), which hold every character of the samples.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from xml.sax.saxutils import escape

from fpdf import FPDF
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A3, A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen import canvas as rl_canvas
from reportlab.platypus import Paragraph as RlParagraph
from reportlab.platypus import SimpleDocTemplate, Spacer, TableStyle
from reportlab.platypus import Table as RlTable

from tests.zoo.spec import (
    Document,
    Label,
    Paragraph,
    Row,
    Table,
    narrowest,
    plain,
    segments,
    wrap,
)


@dataclass(frozen=True)
class PdfOptions:
    seed: int = 0
    font: str = "Helvetica"  # Helvetica | Times | Courier
    size: float = 8.0  # the largest type size; a wide table is set smaller until it fits
    orientation: str = "P"  # P | L
    page: str = "A4"  # A4 | A3
    margin: float = 12.0  # mm
    padding: float = 1.5  # mm on each side of a cell's text
    extra: float = 3.0  # mm: most width added to a column at random
    leaf_align: str = "R"  # L | R | C: leaf labels over value columns
    valign: str = "bottom"  # leaf labels 'top' | 'bottom' aligned
    rule: str = "header"  # fpdf2: none | header | tiers | box
    grid: bool = True  # reportlab: grid lines, or a rule under the header only
    rows_per_page: int | None = None  # fpdf2: break before the page is full
    running_head: bool = False  # the publication's title on top of every page
    foot: str | None = None  # 'Side {page}', 'Page {page} of {pages}', '- {page} -'
    markers: str = "super"  # footnote markers 'super' (raised) or 'glued' (plain digits)
    number_gap: str = " "  # between a table number and its title


_RL_FONTS = {
    "Helvetica": ("Helvetica", "Helvetica-Bold"),
    "Times": ("Times-Roman", "Times-Bold"),
    "Courier": ("Courier", "Courier-Bold"),
}
_PT = 0.3528  # mm per point
_FIXED_DATE = datetime(2026, 1, 1, tzinfo=UTC)


# ------------------------------------------------------------------- fpdf2 ----


class _Fpdf(FPDF):
    def __init__(self, opts: PdfOptions, publication: str):
        super().__init__(orientation=opts.orientation, unit="mm", format=opts.page)
        self.core_fonts_encoding = "windows-1252"
        self.set_creation_date(_FIXED_DATE)  # the same bytes on every run
        self.opts, self.publication = opts, publication
        self.set_margins(opts.margin, opts.margin + (6 if opts.running_head else 0), opts.margin)
        self.set_auto_page_break(True, opts.margin + (6 if opts.foot else 0))
        self.alias_nb_pages("{pages}")
        self.size = opts.size
        self.add_page()

    def header(self) -> None:
        if self.opts.running_head:
            self.set_font(self.opts.font, "I", 7)
            self.set_xy(self.l_margin, self.opts.margin)
            self.cell(0, 4, self.publication)
        self.set_xy(self.l_margin, self.t_margin)

    def footer(self) -> None:
        if self.opts.foot:
            self.set_font(self.opts.font, "", 7)
            self.set_y(-self.opts.margin - 4)
            self.cell(0, 4, self.opts.foot.format(page=self.page_no(), pages="{pages}"), align="C")

    @property
    def line_h(self) -> float:
        return self.size * _PT * 1.3

    def use(self, bold: bool = False, size: float | None = None) -> None:
        self.set_font(self.opts.font, "B" if bold else "", size or self.size)

    def marked(self, text: str, height: float) -> None:
        """Flowing text with its footnote markers raised (or glued)."""
        for piece, marker in segments(text):
            self.char_vpos = "SUP" if marker and self.opts.markers == "super" else "LINE"
            self.write(height, piece)
        self.char_vpos = "LINE"
        self.ln(height)

    def marked_cell(self, x: float, width: float, text: str, align: str) -> None:
        """Marked text in one line of a cell: pieces drawn side by side."""
        pieces = segments(text)
        total = sum(self.get_string_width(piece) for piece, _ in pieces)
        pad = self.c_margin
        at = {"L": x + pad, "R": x + width - pad - total, "C": x + (width - total) / 2}[align]
        y = self.get_y()
        for piece, marker in pieces:
            self.char_vpos = "SUP" if marker and self.opts.markers == "super" else "LINE"
            width_of = self.get_string_width(piece)
            saved, self.c_margin = self.c_margin, 0
            self.set_xy(at, y)
            self.cell(width_of + 0.01, self.line_h, piece)
            self.c_margin = saved
            at += width_of
        self.char_vpos = "LINE"
        self.set_xy(x, y)


@dataclass
class _Geometry:
    widths: list[float]
    xs: list[float]
    groups: list[list[Label]]
    leaves: list[Label | None]


def _fpdf_geometry(pdf: _Fpdf, table: Table, extras: list[float]) -> _Geometry:
    scale = pdf.size / pdf.opts.size
    pad = pdf.opts.padding * scale
    pdf.c_margin = pad
    leaves, groups = table.leaves(), table.group_tiers()
    widths = [0.0] * table.columns
    for row in table.rows:
        if row.section:
            continue
        pdf.use(row.bold)
        for index, value in enumerate(row.cells):
            indent = 3 * scale if index == 0 and row.indent else 0
            widths[index] = max(widths[index], pdf.get_string_width(plain(value)) + indent)
    pdf.use(True)
    for index, label in enumerate(leaves):
        if label and label.text:
            widths[index] = max(widths[index], narrowest(plain(label.text, soft=True), 4, pdf.get_string_width, 0.5))
    widths = [w + 2 * pad + (extras[i] * scale if i else 0) for i, w in enumerate(widths)]
    for tier in groups:
        for label in tier:
            need = narrowest(plain(label.text, soft=True), 2, pdf.get_string_width, 0.5) + 2 * pad
            have = sum(widths[label.first : label.last + 1])
            for index in range(label.first, label.last + 1):
                widths[index] += max(0.0, need - have) / (label.last - label.first + 1)
    pdf.use()
    xs = [pdf.l_margin + sum(widths[:i]) for i in range(table.columns)]
    return _Geometry(widths, xs, groups, leaves)


def _fpdf_header(pdf: _Fpdf, table: Table, geo: _Geometry) -> None:
    pdf.use(True)
    lh, pad, opts = pdf.line_h, pdf.c_margin, pdf.opts
    right = geo.xs[-1] + geo.widths[-1]
    if opts.rule == "box":
        pdf.line(pdf.l_margin, pdf.get_y(), right, pdf.get_y())
    y = pdf.get_y() + 0.5
    for tier in geo.groups:
        height = 1
        for label in tier:
            width = sum(geo.widths[label.first : label.last + 1])
            lines = wrap(plain(label.text, soft=True), width - 2 * pad, pdf.get_string_width)
            height = max(height, len(lines))
            for number, text in enumerate(lines):
                pdf.set_xy(geo.xs[label.first], y + number * lh)
                pdf.cell(width, lh, text, align="C")
            if opts.rule in ("tiers", "box"):
                pdf.line(
                    geo.xs[label.first] + pad,
                    y + len(lines) * lh + 0.3,
                    geo.xs[label.first] + width - pad,
                    y + len(lines) * lh + 0.3,
                )
        y += height * lh + 0.8
    wrapped = {
        i: wrap(plain(leaf.text, soft=True), geo.widths[i] - 2 * pad, pdf.get_string_width)
        for i, leaf in enumerate(geo.leaves)
        if leaf and leaf.text
    }
    height = max(len(lines) for lines in wrapped.values())
    for index, lines in wrapped.items():
        top = y + (height - len(lines)) * lh if opts.valign == "bottom" else y
        for number, text in enumerate(lines):
            pdf.set_xy(geo.xs[index], top + number * lh)
            pdf.cell(geo.widths[index], lh, text, align="L" if index == 0 else opts.leaf_align)
    y += height * lh + 0.6
    if opts.rule != "none":
        pdf.line(pdf.l_margin, y - 0.3, right, y - 0.3)
    pdf.set_xy(pdf.l_margin, y)
    pdf.use()


def _fpdf_row(pdf: _Fpdf, row: Row, geo: _Geometry) -> None:
    y = pdf.get_y()
    pdf.use(row.bold)
    indent = 3 * pdf.size / pdf.opts.size if row.indent else 0
    pdf.set_xy(geo.xs[0] + indent, y)
    pdf.marked_cell(geo.xs[0] + indent, geo.widths[0] - indent, row.cells[0], "L")
    if not row.section:
        for index, value in enumerate(row.cells[1:], start=1):
            if value:
                pdf.set_xy(geo.xs[index], y)
                pdf.cell(geo.widths[index], pdf.line_h, plain(value), align="R")
    pdf.set_xy(pdf.l_margin, y + pdf.line_h)
    pdf.use()


def _fpdf_title(pdf: _Fpdf, table: Table) -> None:
    for role, text in table.title.lines(pdf.opts.number_gap) if table.title else []:
        pdf.set_x(pdf.l_margin)
        pdf.use(role in ("title", "period"), pdf.opts.size + (1.5 if role == "title" else 0.5))
        pdf.marked(text, pdf.line_h * 1.2)
    pdf.ln(1)


def _fpdf_table(pdf: _Fpdf, table: Table, rng: random.Random) -> None:
    extras = [rng.uniform(0, pdf.opts.extra) for _ in range(table.columns)]
    usable = pdf.w - pdf.l_margin - pdf.r_margin
    pdf.size = pdf.opts.size
    geo = _fpdf_geometry(pdf, table, extras)
    while sum(geo.widths) > usable and pdf.size > 4:  # a wide table is set smaller, as publishers do
        pdf.size -= 0.25
        geo = _fpdf_geometry(pdf, table, extras)
    if pdf.get_y() + 12 * pdf.line_h > pdf.page_break_trigger:
        pdf.add_page()
    _fpdf_title(pdf, table)
    pdf.size = min(pdf.size, pdf.opts.size)
    _fpdf_header(pdf, table, geo)
    on_page = 0
    for index, row in enumerate(table.rows):
        full = pdf.opts.rows_per_page is not None and on_page >= pdf.opts.rows_per_page
        if pdf.get_y() + pdf.line_h > pdf.page_break_trigger or full:
            pdf.add_page()
            _fpdf_header(pdf, table, geo)
            on_page = 0
            if index >= table.repeat:
                for repeated in table.rows[: table.repeat]:
                    _fpdf_row(pdf, repeated, geo)
        _fpdf_row(pdf, row, geo)
        on_page += 1
    if pdf.opts.rule == "box":
        pdf.line(pdf.l_margin, pdf.get_y(), geo.xs[-1] + geo.widths[-1], pdf.get_y())
    pdf.size = pdf.opts.size
    pdf.ln(pdf.line_h)
    for note in table.notes:
        pdf.set_x(pdf.l_margin)
        pdf.use(size=pdf.opts.size - 0.5)
        pdf.marked(f"<sup>{note.marker}</sup> {note.text}" if note.marker else note.text, pdf.line_h)
    pdf.ln(pdf.line_h)


def render_fpdf2(doc: Document, opts: PdfOptions, path: Path) -> Path:
    pdf = _Fpdf(opts, doc.publication)
    rng = random.Random(opts.seed)
    for block in doc.blocks:
        if isinstance(block, Table):
            _fpdf_table(pdf, block, rng)
            continue
        pdf.set_x(pdf.l_margin)
        pdf.use(block.heading, opts.size + (1 if block.heading else 0.5))
        pdf.multi_cell(0, pdf.line_h, block.text)
        pdf.ln(pdf.line_h * 0.6)
    pdf.output(str(path))
    return path


# --------------------------------------------------------------- reportlab ----


def _markup(text: str, opts: PdfOptions) -> str:
    return "".join(
        f"<super>{escape(piece)}</super>" if marker and opts.markers == "super" else escape(piece)
        for piece, marker in segments(text)
    )


def _furnished_canvas(opts: PdfOptions, publication: str, regular: str) -> type:
    """A canvas that holds its pages back until the end, so a foot can say 'of N'."""

    class Furnished(rl_canvas.Canvas):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self._held: list[dict] = []

        def showPage(self) -> None:  # noqa: N802 (reportlab's name)
            self._held.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._held)
            for state in self._held:
                self.__dict__.update(state)
                width, height = self._pagesize
                self.setFont(regular, 7)
                if opts.running_head:
                    self.drawString(opts.margin * mm, height - opts.margin * mm * 0.7, publication)
                if opts.foot:
                    self.drawCentredString(
                        width / 2, opts.margin * mm * 0.5, opts.foot.format(page=self._pageNumber, pages=total)
                    )
                super().showPage()
            super().save()

    return Furnished


def _rl_widths(
    table: Table, usable: float, size: float, fonts: tuple[str, str], extras: list[float], pad: float
) -> list[float]:
    """Each column as wide as its widest cell and its label set in at most 4 lines (a group
    label in 2 over its columns), plus its random extra."""
    regular, bold = fonts

    def measure(text: str) -> float:
        return stringWidth(text, bold, size)

    widths = []
    for index, label in enumerate(table.leaves()):
        cells = [
            stringWidth(plain(r.cells[index]), bold if r.bold else regular, size) for r in table.rows if not r.section
        ]
        # reportlab breaks lines at spaces only (a longer word it cuts anywhere): size for that.
        need = narrowest(plain(label.text), 4, measure, 1.0, hyphenate=False) if label and label.text else 0
        widths.append(max(cells + [need]) + 2 * pad + extras[index] * size / 8)
    for tier in table.group_tiers():
        for label in tier:
            short = (
                narrowest(plain(label.text), 2, measure, 1.0, hyphenate=False)
                + 2 * pad
                - sum(widths[label.first : label.last + 1])
            )
            for index in range(label.first, label.last + 1):
                widths[index] += max(0.0, short) / (label.last - label.first + 1)
    if sum(widths) < usable * 0.6:  # a narrow table: spread out a little
        widths = [w * 1.25 for w in widths]
    return widths


def _rl_table(table: Table, opts: PdfOptions, usable: float, rng: random.Random) -> list:
    regular, bold = _RL_FONTS[opts.font]
    pad = opts.padding * mm
    extras = [rng.uniform(0, opts.extra) * mm for _ in range(table.columns)]
    size = opts.size
    while sum(widths := _rl_widths(table, usable, size, (regular, bold), extras, pad)) > usable and size > 4:
        size -= 0.25
    align = {"L": TA_LEFT, "R": TA_RIGHT, "C": TA_CENTER}
    leaf_style = ParagraphStyle(
        "leaf", fontName=bold, fontSize=size, leading=size * 1.15, alignment=align[opts.leaf_align]
    )
    group_style = ParagraphStyle("group", parent=leaf_style, alignment=TA_CENTER)
    label_style = ParagraphStyle("label", parent=leaf_style, alignment=TA_LEFT)
    cell_style = ParagraphStyle("cell", fontName=regular, fontSize=size, leading=size * 1.2)
    tiers = len(table.header)
    data: list[list] = [["" for _ in range(table.columns)] for _ in range(tiers)]
    commands: list[tuple] = [
        ("FONT", (0, 0), (-1, -1), regular, size),
        ("VALIGN", (0, 0), (-1, tiers - 1), "BOTTOM" if opts.valign == "bottom" else "TOP"),
        ("ALIGN", (1, tiers), (-1, -1), "RIGHT"),
        ("TOPPADDING", (0, 0), (-1, -1), 1),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
        ("LEFTPADDING", (0, 0), (-1, -1), pad),
        ("RIGHTPADDING", (0, 0), (-1, -1), pad),
    ]
    if opts.grid:
        commands.append(("GRID", (0, 0), (-1, -1), 0.25, colors.grey))
    else:
        commands += [
            ("LINEABOVE", (0, 0), (-1, 0), 0.5, colors.black),
            ("LINEBELOW", (0, tiers - 1), (-1, tiers - 1), 0.5, colors.black),
        ]
    for level, tier in enumerate(table.header):
        for label in tier:
            if not label.text:
                continue
            leaf = table.is_leaf(level, label)
            style = label_style if label.first == 0 else leaf_style if leaf else group_style
            data[level][label.first] = RlParagraph(_markup(label.text, opts), style)
            bottom = tiers - 1 if leaf else level
            if label.last > label.first or bottom > level:
                commands.append(("SPAN", (label.first, level), (label.last, bottom)))
    for row in table.rows:
        index = len(data)
        label = row.cells[0]
        first = RlParagraph(_markup(label, opts), cell_style) if "<sup>" in label else plain(label)
        data.append(
            [first, *(plain(c) for c in row.cells[1:])] if not row.section else [first] + [""] * (table.columns - 1)
        )
        if row.bold:
            commands.append(("FONT", (0, index), (-1, index), bold, size))
        if row.indent:
            commands.append(("LEFTPADDING", (0, index), (0, index), pad + 3 * mm))
        if row.section:
            commands.append(("SPAN", (0, index), (-1, index)))
    rl_table = RlTable(data, colWidths=widths, repeatRows=tiers + table.repeat, hAlign="LEFT")
    rl_table.setStyle(TableStyle(commands))
    return [rl_table]


def render_reportlab(doc: Document, opts: PdfOptions, path: Path) -> Path:
    size = {"A4": A4, "A3": A3}[opts.page]
    page = landscape(size) if opts.orientation == "L" else size
    regular, bold = _RL_FONTS[opts.font]
    margin = opts.margin * mm
    template = SimpleDocTemplate(
        str(path),
        pagesize=page,
        leftMargin=margin,
        rightMargin=margin,
        topMargin=margin + (5 * mm if opts.running_head else 0),
        bottomMargin=margin + (5 * mm if opts.foot else 0),
        title=doc.publication,
        invariant=1,
    )  # the same bytes on every run
    usable = page[0] - 2 * margin
    prose = ParagraphStyle(
        "prose", fontName=regular, fontSize=opts.size + 1, leading=(opts.size + 1) * 1.25, spaceAfter=4
    )
    heading = ParagraphStyle("heading", parent=prose, fontName=bold, spaceBefore=3)
    title_style = ParagraphStyle("title", parent=heading, fontSize=opts.size + 2, leading=(opts.size + 2) * 1.25)
    small = ParagraphStyle("small", parent=prose, fontSize=opts.size, leading=opts.size * 1.25)
    styles = {"subject": prose, "publisher": small, "title": title_style, "period": heading, "source": small}
    rng = random.Random(opts.seed)
    story: list = []
    for block in doc.blocks:
        if isinstance(block, Paragraph):
            story.append(RlParagraph(escape(block.text), heading if block.heading else prose))
            continue
        for role, text in block.title.lines(opts.number_gap) if block.title else []:
            story.append(RlParagraph(_markup(text, opts), styles[role]))
        story += _rl_table(block, opts, usable, rng)
        story += [
            RlParagraph(_markup(f"<sup>{n.marker}</sup> {n.text}" if n.marker else n.text, opts), small)
            for n in block.notes
        ]
        story.append(Spacer(1, 8))
    template.build(story, canvasmaker=_furnished_canvas(opts, doc.publication, regular))
    return path
