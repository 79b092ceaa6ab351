"""A second, independent PDF layout of the factory's models, drawn with reportlab.

`pdf_factory` draws with fpdf2 at positions it computes itself; here reportlab's
platypus lays the table out as a publisher's tool would: grid lines, header
labels centred and wrapped inside their cells, numbers right-aligned (so a label
is often narrower than its column and stands over no number), a header spanning
two rows beside a two-tier header, footnote markers as real superscripts, the
header repeated after every page break.
"""

from __future__ import annotations

import re
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Paragraph as RlParagraph
from reportlab.platypus import SimpleDocTemplate, Spacer, TableStyle
from reportlab.platypus import Table as RlTable

from extract.tables.cells import NBSP
from tests.unit.pdf_factory import Block, Paragraph, Table

PADDING = 2.0


def superscripts(text: str) -> str:
    """Footnote markers as the publisher sets them: 'Man-years1,' → 'Man-years¹,',
    a title's trailing ' 1' and a footnote's leading '1 ' raised."""
    text = escape(text.replace(NBSP, " "))
    text = re.sub(r"(?<=[a-z])(\d)(?=,)", r"<super>\1</super>", text)
    text = re.sub(r"(?<=\d{4}) (\d)$", r" <super>\1</super>", text)
    return re.sub(r"^(\d) (?=[A-ZÆØÅ][a-zæøå])", r"<super>\1</super> ", text)


def _size_to_fit(table: Table, widths: list[float], bold: str, regular: str) -> float:
    """The largest size (≤ 8) at which every header word and cell fits its column:
    reportlab would otherwise break a long word inside a narrow cell."""
    size = 8.0
    words = [(w, tier_cell.first) for tier in table.header for tier_cell in tier for w in tier_cell.text.split()]
    while size > 4 and (
        any(stringWidth(w, bold, size) > widths[first] - 2 * PADDING - 1 for w, first in words if first)
        or any(stringWidth(c, regular, size) > widths[i] - 2 * PADDING - 1 for row in table.rows for i, c in enumerate(row.cells) if i)
    ):
        size -= 0.25
    return size


def render(blocks: list[Block], path: Path, font: str = "Times-Roman", bold_font: str = "Times-Bold") -> Path:
    wide = any(isinstance(block, Table) and block.columns > 9 for block in blocks)
    page = landscape(A4) if wide else A4
    doc = SimpleDocTemplate(str(path), pagesize=page, leftMargin=15 * mm, rightMargin=15 * mm, topMargin=15 * mm, bottomMargin=15 * mm)
    usable = page[0] - 30 * mm
    prose = ParagraphStyle("prose", fontName=font, fontSize=9, leading=11, spaceAfter=5)
    prose_bold = ParagraphStyle("bold", parent=prose, fontName=bold_font, fontSize=10, leading=12, spaceAfter=6)
    story: list = []
    for block in blocks:
        if isinstance(block, Paragraph):
            story.append(RlParagraph(superscripts(block.text), prose_bold if block.bold else prose))
            continue
        first = usable * (0.15 if block.columns > 9 else 0.3)
        widths = [first] + [(usable - first) / (block.columns - 1)] * (block.columns - 1)
        size = _size_to_fit(block, widths, bold_font, font)
        head = ParagraphStyle("head", fontName=bold_font, fontSize=size, leading=size * 1.15, alignment=TA_CENTER)
        tiers = len(block.header)
        data: list[list] = [["" for _ in range(block.columns)] for _ in range(tiers)]
        commands = [
            ("FONT", (0, tiers), (-1, -1), font, size),
            ("VALIGN", (0, 0), (-1, tiers - 1), "BOTTOM"),
            ("ALIGN", (1, tiers), (-1, -1), "RIGHT"),
            ("TOPPADDING", (0, 0), (-1, -1), 1),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
            ("LEFTPADDING", (0, 0), (-1, -1), PADDING),
            ("RIGHTPADDING", (0, 0), (-1, -1), PADDING),
            ("GRID", (0, 0), (-1, -1), 0.25, colors.grey),
        ]
        for level, tier in enumerate(block.header):
            for cell in tier:
                data[level][cell.first] = RlParagraph(superscripts(cell.text), head) if cell.text else ""
                # A label with nothing under it in the tiers below spans down to the data.
                below = [c for lower in block.header[level + 1 :] for c in lower if c.first <= cell.last and c.last >= cell.first]
                last_row = level if below else tiers - 1
                if cell.last > cell.first or last_row > level:
                    commands.append(("SPAN", (cell.first, level), (cell.last, last_row)))
        for row in block.rows:
            index = len(data)
            data.append([cell.replace(NBSP, " ") for cell in row.cells])
            if row.bold:
                commands.append(("FONT", (0, index), (-1, index), bold_font, size))
            if row.spans or not any(row.cells[1:]) and row.bold:
                commands.append(("SPAN", (0, index), (-1, index)))
        table = RlTable(data, colWidths=widths, repeatRows=tiers, hAlign="LEFT")
        table.setStyle(TableStyle(commands))
        story += [table, Spacer(1, 6)]
    doc.build(story)
    return path
