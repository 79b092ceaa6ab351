"""Sickness absence from PDFs drawn by reportlab, independently of `pdf_factory`.

The layouts are the ones a publisher or a converter plausibly produces and that
the fpdf2 factory does not: quarter labels wrapped inside narrow header cells
('Quarter 2' / '2002'), a table typeset in Courier, a monospace dump whose header
labels are wrapped and right-aligned in their columns, and footnote markers drawn
as real superscripts (raised, smaller). Each must give exactly the rows and facts
of the text rendering.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

pytest.importorskip("reportlab")

from reportlab.lib.pagesizes import A4, landscape  # noqa: E402
from reportlab.lib.styles import ParagraphStyle  # noqa: E402
from reportlab.lib.units import mm  # noqa: E402
from reportlab.pdfgen import canvas  # noqa: E402
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle  # noqa: E402

from extract.kinds import detect_kind  # noqa: E402
from extract.kinds.sickness_absence import KIND  # noqa: E402
from extract.kinds.sickness_absence.semantics import Quarter, quarters_in  # noqa: E402
from extract.readers import Document, Line, Word, read_document  # noqa: E402
from extract.tables import read_file, read_tables  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "documents" / "ssb_sickness_absence_men_2002_q2_q3.txt"
# Lineage, and how the man-days were read (delimited by position or settled by arithmetic).
LINEAGE = {"source_file", "source_sha256", "source_page", "source_line", "raw_line",
           "split_candidates", "is_disambiguated", "total_bound"}
NBSP = "\u00a0"


# ------------------------------------------------------------------ model ----


def table_model(text_document: Document, result) -> tuple[str, list[list[str]], list[list[str]], list[str]]:
    """(title, header tiers, rows, footnotes) of the published table.

    The rows are the cells the text parser settled; a footnote marker is kept
    apart ('<super>1</super>0716 Re/Våle') for the layouts to draw it as they do.
    """
    lines = {line.number: line.text.replace(NBSP, " ") for line in text_document.lines}
    rows: dict[int, list[str]] = {}
    for record in result.tables["absence"]:
        number = record["source_line"]
        if number in rows:
            continue
        marker = f"<super>{record['footnote_marker']}</super>" if record["footnote_marker"] else ""
        label = f"{marker}{record['municipality_code']} {record['source_name']}" if record["municipality_code"] else record["source_name"]
        rows[number] = [label, *(cell.strip() for cell in record["days_split"].split("|")), *lines[number].split()[-4:]]
    quarters = {f.name: f.value.split(", ") for f in result.facts}
    (a, b), rates = quarters["days_quarters"], quarters["rate_quarters"]
    header = [
        ["Municipality", a, "", b, "", "Sickness absence rate", "", "", ""],
        ["", "Sickness absence man-days", "Change since last year", "Sickness absence man-days", "Change since last year", *rates],
    ]
    title = next(f.value for f in result.facts if f.name == "title")
    number = next(f.value for f in result.facts if f.name == "table_number")
    footnotes = [f.value for f in result.facts if f.name == "footnote"]
    return f"{number} {title}", header, [rows[n] for n in sorted(rows)], footnotes


def plain(text: str) -> str:
    return text.replace("<super>", "").replace("</super>", "")


# ---------------------------------------------------------------- layouts ----


def platypus_pdf(path: Path, model, font: str, bold: str, label_width: float, size: float, running_head: str | None = None) -> Path:
    """A platypus table: labels wrapped in narrow cells, bottom-aligned, grid lines,
    numbers right-aligned, the header repeated on every page, markers superscript;
    optionally a running head naming the table and a page number on every page."""
    title, header, rows, footnotes = model
    doc = SimpleDocTemplate(str(path), pagesize=A4, leftMargin=15 * mm, rightMargin=15 * mm, topMargin=15 * mm, bottomMargin=15 * mm)
    usable = A4[0] - 30 * mm
    head = ParagraphStyle("h", fontName=bold, fontSize=size, leading=size * 1.15, alignment=1)
    cell = ParagraphStyle("c", fontName=font, fontSize=size, leading=size * 1.2)
    prose = ParagraphStyle("p", fontName=font, fontSize=9, leading=11, spaceAfter=5)
    data = [[Paragraph(c, head) if c else "" for c in tier] for tier in header]
    data += [[Paragraph(r[0], cell) if "<super>" in r[0] else r[0], *r[1:]] for r in rows]
    other = (usable - label_width) / 8
    table = Table(data, colWidths=[label_width] + [other] * 8, repeatRows=2, hAlign="LEFT")
    table.setStyle(TableStyle([
        ("FONT", (0, 2), (-1, -1), font, size),
        ("FONT", (0, 2), (-1, 2), bold, size),
        ("VALIGN", (0, 0), (-1, 1), "BOTTOM"),
        ("ALIGN", (1, 2), (-1, -1), "RIGHT"),
        ("TOPPADDING", (0, 0), (-1, -1), 1),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
        ("LEFTPADDING", (0, 0), (-1, -1), 2),
        ("RIGHTPADDING", (0, 0), (-1, -1), 2),
        ("GRID", (0, 0), (-1, -1), 0.25, (0.5, 0.5, 0.5)),
        ("SPAN", (0, 0), (0, 1)), ("SPAN", (1, 0), (2, 0)), ("SPAN", (3, 0), (4, 0)), ("SPAN", (5, 0), (8, 0)),
    ]))
    story = [Paragraph(title, ParagraphStyle("t", parent=prose, fontName=bold, fontSize=10, leading=12)), table, Spacer(1, 6)]
    story += [Paragraph(note, prose) for note in footnotes]

    def furniture(pdf: canvas.Canvas, doc: SimpleDocTemplate) -> None:
        if running_head:
            pdf.saveState()
            pdf.setFont("Times-Italic", 8)
            pdf.drawString(15 * mm, A4[1] - 9 * mm, running_head)
            pdf.drawRightString(A4[0] - 15 * mm, 8 * mm, str(doc.page))
            pdf.restoreState()

    doc.build(story, onFirstPage=furniture, onLaterPages=furniture)
    return path


def aligned_pdf(path: Path, model, size: float = 6.0, lines_per_page: int = 70) -> Path:
    """A monospace dump as `pdftotext -layout`-style converters write one: each line
    one string, columns padded with spaces, header labels wrapped inside their
    columns and bottom-aligned, so 'Quarter 2' and '2002' stand on two lines."""
    title, header, rows, footnotes = model
    rows = [[plain(c) for c in r] for r in rows]
    first = max(len(r[0]) for r in rows) + 2
    width = max(len(c) for r in rows for c in r[1:]) + 2
    out: list[str] = [*textwrap.wrap(title, 140), ""]
    for tier in header:
        wrapped = [textwrap.wrap(c, (first if i == 0 else width) - 1, break_long_words=False) for i, c in enumerate(tier)]
        height = max(len(w) for w in wrapped)
        for k in range(height):
            pieces = [w[k - (height - len(w))] if k >= height - len(w) else "" for w in wrapped]
            out.append((pieces[0].ljust(first) + "".join(p.rjust(width) for p in pieces[1:])).rstrip())
    out += [r[0].ljust(first) + "".join(c.rjust(width) for c in r[1:]) for r in rows]
    out += ["", *footnotes]
    page = landscape(A4)
    pdf = canvas.Canvas(str(path), pagesize=page)
    for index, text in enumerate(out):
        if index and index % lines_per_page == 0:
            pdf.showPage()
        if text.strip():
            pdf.setFont("Courier", size)
            pdf.drawString(25, page[1] - 30 - (index % lines_per_page) * size * 1.25, text)
    pdf.save()
    return path


LAYOUTS = {
    # Times, narrow value columns: every quarter label wraps ('Quarter 2' / '2002').
    "times_wrapped": lambda path, model: platypus_pdf(path, model, "Times-Roman", "Times-Bold", 150, 7),
    # The same table typeset in Courier: a space is as wide as a column's padding.
    "courier_table": lambda path, model: platypus_pdf(path, model, "Courier", "Courier-Bold", 150, 6.5),
    "aligned_dump": aligned_pdf,
    # A running head that names the table stands above the title on every page.
    "times_running_head": lambda path, model: platypus_pdf(
        path, model, "Times-Roman", "Times-Bold", 150, 7, running_head="Sickness absence man-days. Men. 2002    Statistics Norway"
    ),
}


@pytest.fixture(scope="module")
def text_result():
    document = read_document(SAMPLE)
    return document, KIND.parse(read_tables(document))


def rows_without_lineage(result) -> list[dict]:
    return [{k: v for k, v in row.items() if k not in LINEAGE} for row in result.tables["absence"]]


@pytest.mark.parametrize("layout", sorted(LAYOUTS))
def test_independent_pdf_gives_the_rows_and_facts_of_the_text(layout: str, text_result, tmp_path: Path) -> None:
    text_document, expected = text_result
    path = LAYOUTS[layout](tmp_path / f"{layout}.pdf", table_model(text_document, expected))
    document = read_tables(read_document(path))
    assert document.format == "pdf" and len({line.page for line in document.lines}) > 1
    detection = detect_kind(document)
    assert detection.kind is KIND and detection.scores["sickness_absence"] >= 0.9, detection.explain()
    result = KIND.parse(document)
    assert result.rejects == []
    assert rows_without_lineage(result) == rows_without_lineage(expected)
    assert {(f.name, f.value) for f in result.facts} == {(f.name, f.value) for f in expected.facts}


def test_superscript_marker_is_read_as_the_texts_glued_digit(text_result, tmp_path: Path) -> None:
    """'¹0716 Re/Våle' drawn raised and smaller is footnote 1 of code 0716, as '10716'."""
    text_document, expected = text_result
    path = LAYOUTS["times_wrapped"](tmp_path / "superscript.pdf", table_model(text_document, expected))
    assert marker_is_raised_and_smaller(path, "0716")
    result = KIND.parse(read_file(path))
    footnoted = {(r["municipality_code"], r["footnote_marker"]) for r in result.tables["absence"] if r["footnote_marker"]}
    assert footnoted == {("0716", "1"), ("0718", "1")}


def marker_is_raised_and_smaller(path: Path, code: str) -> bool:
    """The last character drawn before `code` is a '1' set smaller and higher than it."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    pdf = pdfium.PdfDocument(str(path))
    try:
        for page in pdf:
            textpage = page.get_textpage()
            text = textpage.get_text_range()
            digit = text.find(code)
            if digit < 0:
                continue
            marker = max(i for i in range(digit) if not text[i].isspace())
            size = [raw.FPDFText_GetFontSize(textpage.raw, i) for i in (marker, digit)]
            bottom = [textpage.get_charbox(i)[1] for i in (marker, digit)]  # PDF space: y grows upwards
            return text[marker] == "1" and size[0] < size[1] and bottom[0] > bottom[1]
    finally:
        pdf.close()
    return False


# ------------------------------------------------------- quarter labels ----


def words_line(number: int, top: float, *words: tuple[str, float]) -> Line:
    """A line of words at `top`, each given as (text, x0), 4 points per character."""
    placed = tuple(Word(text, x0, x0 + 4 * len(text), top, top + 6, "Courier", 6.0) for text, x0 in words)
    return Line(number, " ".join(w.text for w in placed), 1, placed)


def value_row(number: int, top: float, label: str, cells: dict[float, str]) -> Line:
    """A data row: `label` at x 10, each cell's text right-aligned at its x."""
    words = [Word(label, 10, 10 + 4 * len(label), top, top + 6, "Courier", 6.0)]
    words += [Word(text, right - 4 * len(text), right, top, top + 6, "Courier", 6.0) for right, text in cells.items()]
    return Line(number, " ".join(w.text for w in words), 1, tuple(words))


def header_quarters(header: list[Line], rights: list[float]) -> list[list[Quarter]]:
    """The quarters the table model places over each value column (cells right-aligned at `rights`)."""
    top = max(line.words[0].bottom for line in header) + 6
    rows = [value_row(len(header) + 1 + i, top + 8 * i, f"010{i} Kommune", {x: f"{i + 1},0" for x in rights})
            for i in range(3)]
    document = Document(Path("t.pdf"), "0" * 64, "pdf", [*header, *rows], {1: 600.0})
    [table] = read_tables(document).tables
    return [quarters_in(column.text) for column in table.header.columns or ()]


def test_quarter_labels_wrapped_over_two_lines_are_assembled_over_their_columns() -> None:
    # 'Quarter 2' / '2002' right-aligned in their columns.
    header = [
        words_line(1, 10, ("Quarter", 100), ("2", 132), ("Quarter", 200), ("3", 232)),
        words_line(2, 18, ("2002", 120), ("2002", 220)),
    ]
    assert header_quarters(header, [136, 236]) == [[Quarter(2002, 2)], [Quarter(2002, 3)]]


def test_quarter_label_wrapped_after_its_first_word_and_norwegian_labels() -> None:
    header = [
        words_line(1, 10, ("Quarter", 100), ("2.", 200), ("kvartal", 212)),
        words_line(2, 18, ("4", 104), ("2003", 112), ("2004", 228)),
    ]
    assert header_quarters(header, [130, 244]) == [[Quarter(2003, 4)], [Quarter(2004, 2)]]


def test_a_year_under_another_column_is_not_taken_into_a_label() -> None:
    # '2002' stands over another column, not under 'Quarter 2': no label is made up.
    header = [
        words_line(1, 10, ("Quarter", 100), ("2", 132)),
        words_line(2, 18, ("2002", 300)),
    ]
    assert all(found == [] for found in header_quarters(header, [136, 316]))


# -------------------------------------------------------- wrapped names ----


def row_words(number: int, top: float, label: str, cells: list[str]) -> Line:
    """A line of a nine-column table: the label at x 10, cell i right-aligned at x 130 + 40 i."""
    words: list[Word] = []
    x = 10.0
    for text in label.split():
        words.append(Word(text, x, x + 4 * len(text), top, top + 7, "Times-Roman", 7.0))
        x += 4 * len(text) + 2
    for index, cell in enumerate(cells):
        right = 130.0 + 40 * index
        for text in reversed(cell.split()):
            words.append(Word(text, right - 4 * len(text), right, top, top + 7, "Times-Roman", 7.0))
            right -= 4 * len(text) + 2
    words.sort(key=lambda w: w.x0)
    return Line(number, " ".join(w.text for w in words), 1, tuple(words))


@pytest.mark.parametrize("aligned", ["top", "bottom"])
def test_a_name_wrapped_in_the_first_column_is_one_row(aligned: str, tmp_path: Path) -> None:
    cells = ["3 278", "143", "3 653", "122", "5,5", "6,2", "5,2", "6,2"]
    def labels(number: int, top: float, *placed: tuple[str, float, float]) -> Line:
        words = tuple(Word(text, x0, x1, top, top + 7, "Times-Bold", 7.0) for text, x0, x1 in placed)
        return Line(number, " ".join(w.text for w in words), 1, words)

    # The quarters over the man-day pairs, then the four rate quarters, each over its column.
    header = [
        labels(2, 20, ("Quarter 2 2002", 100, 160), ("Quarter 3 2002", 180, 240)),
        labels(3, 30, ("Man-days", 100, 126), ("Change", 140, 166), ("Man-days", 180, 206), ("Change", 220, 246),
               ("Quarter 2 2001", 262, 288), ("Quarter 3 2001", 302, 328), ("Quarter 2 2002", 342, 368),
               ("Quarter 3 2002", 382, 408)),
    ]
    title = Line(1, "12 Sickness absence man-days. Men. Quarterly figures.", 1,
                 (Word("12 Sickness absence man-days. Men. Quarterly figures.", 10, 300, 5, 12, "Times-Bold", 9.0),))
    rows = [row_words(5, 50, "0101 Halden", ["17 663", "747", "19 012", "2 396", "5,4", "5,5", "5,5", "6,3"])]
    if aligned == "top":
        rows += [row_words(6, 60, "1648 Midtre", cells), row_words(7, 68, "Gauldal", [])]
    else:
        rows += [row_words(6, 60, "1648 Midtre", []), row_words(7, 68, "Gauldal", cells)]
    rows += [row_words(8, 78, "0104 Moss", ["20 755", "1 236", "21 147", "-241", "6,2", "7,0", "6,4", "6,9"])]
    document = Document(tmp_path / "t.pdf", "0" * 64, "pdf", [title, *header, *rows], {1: 600.0})
    result = KIND.parse(read_tables(document))
    names = {(r["municipality_code"], r["source_name"], r["absence_days"]) for r in result.tables["absence"]
             if r["year"] == 2002 and r["quarter"] == 2}
    assert ("1648", "Midtre Gauldal", 3278) in names
    assert not any(reject.line.text.startswith("Gauldal") for reject in result.rejects)
