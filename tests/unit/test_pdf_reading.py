"""Reading PDFs that other producers make: reportlab pages with superscript
footnote markers, tables whose labels are narrower than their columns,
monospace (Courier) tables and space-padded text dumps."""

from __future__ import annotations

from pathlib import Path

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfgen import canvas
from reportlab.platypus import Paragraph, SimpleDocTemplate

from extract.documents import read_document


def paragraphs_pdf(path: Path, texts: list[str], font: str = "Times-Roman", size: float = 10) -> Path:
    style = ParagraphStyle("p", fontName=font, fontSize=size, leading=size * 1.25)
    SimpleDocTemplate(str(path), pagesize=A4).build([Paragraph(text, style) for text in texts])
    return path


def test_a_superscript_marker_is_glued_to_its_word_not_a_line_of_its_own(tmp_path: Path) -> None:
    path = paragraphs_pdf(tmp_path / "sup.pdf", [
        "8 Man-years<super>1</super>, by type of education and municipality. 1999",
        "<super>1</super>0716 Re/Våle 1 200",
        "<super>1</super> Definisjoner: se note.",
        "Man-years<super>2</super> total",
    ], font="Times-Bold")
    texts = [line.text for line in read_document(path).lines]
    assert texts == [
        "8 Man-years1, by type of education and municipality. 1999",
        "10716 Re/Våle 1 200",
        "1 Definisjoner: se note.",
        "Man-years2 total",
    ]
    # The marker keeps the line's baseline and size: it does not split the line or a table row.
    line = read_document(path).lines[0]
    assert len({round(word.bottom, 1) for word in line.words}) == 1
    assert line.words[1].text == "Man-years1," and line.words[1].size == 10


def test_lines_of_small_print_are_not_superscripts(tmp_path: Path) -> None:
    path = paragraphs_pdf(tmp_path / "small.pdf", ["Halden 534,95", "<font size=6>note in small print</font>", "Moss 12,50"])
    assert [line.text for line in read_document(path).lines] == ["Halden 534,95", "note in small print", "Moss 12,50"]
