"""Reading PDFs that other producers make: reportlab pages with superscript
footnote markers, tables whose labels are narrower than their columns,
monospace (Courier) tables and space-padded text dumps."""

from __future__ import annotations

from pathlib import Path

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfgen import canvas
from reportlab.platypus import Paragraph, SimpleDocTemplate

from extract.readers import Line, Word, read_document
from extract.tables.geometry import Column, cells_of, clusters, data_columns, header_cells, label_columns
from extract.tables.lines import cut
from extract.tables.positions import Grid, body_of


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


def word(text: str, x0: float, x1: float, top: float, size: float = 8.0, font: str = "Times-Roman") -> Word:
    return Word(text, x0, x1, top, top + size, font, size)


def line(number: int, *words: Word) -> Line:
    return Line(number, " ".join(w.text for w in words), 1, tuple(words))


# A grid table as reportlab draws it: header labels centred in their cells, numbers
# right-aligned, so a label ('Timepris') stands over no number of its column.
GRID_HEADER = [
    line(1, word("Brukerbetaling", 288, 329, 10), word("under", 331, 347, 10), word("2", 348, 351, 10), word("G", 353, 358, 10)),
    line(2, word("Brukerbetaling", 222, 263, 20)),
    line(3, word("Kommune", 91, 119, 30), word("Andel", 165, 181, 30), word("som", 182, 193, 30), word("betaler", 194, 213, 30),
         word("per", 228, 237, 30), word("bruker", 238, 257, 30), word("Abonnementspris", 272, 320, 30), word("Timepris", 338, 362, 30)),
]
GRID_DATA = [
    line(4, word("0101", 51, 63, 40), word("Halden", 65, 83, 40), word("57", 207, 214, 40), word("3", 253, 256, 40),
         word("584", 258, 267, 40), word("150", 312, 321, 40), word("..", 371, 374, 40)),
    line(5, word("0104", 51, 63, 50), word("Moss", 65, 78, 50), word("43", 207, 214, 50), word("4", 253, 256, 50),
         word("452", 258, 267, 50), word(".", 319, 321, 50), word("32", 368, 374, 50)),
]


def test_columns_come_from_the_data_and_narrow_labels_fall_into_them() -> None:
    columns = data_columns(GRID_DATA, GRID_HEADER)
    assert len(columns) == 5
    assert cells_of(GRID_DATA[0], columns) == ["0101 Halden", "57", "3 584", "150", ".."]
    cells = header_cells(GRID_HEADER, columns, fit=label_columns)
    assert [(c.text, c.first, c.last) for c in cells] == [
        ("Kommune", 0, 0),
        ("Andel som betaler", 1, 1),
        ("Brukerbetaling per bruker", 2, 2),
        ("Brukerbetaling under 2 G", 3, 4),
        ("Abonnementspris", 3, 3),
        ("Timepris", 4, 4),
    ]


def test_a_column_empty_on_the_whole_page_keeps_its_label() -> None:
    header = [line(1, word("Kommune", 91, 119, 30), word("Andel", 180, 200, 30), word("Timepris", 250, 280, 30), word("Pris", 330, 345, 30))]
    data = [line(2, word("Moss", 51, 70, 40), word("43", 193, 200, 40), word("12", 340, 345, 40))]
    columns = data_columns(data, header)
    assert len(columns) == 4
    assert cells_of(data[0], columns) == ["Moss", "43", "", "12"]
    assert [c.text for c in header_cells(header, columns, fit=label_columns)] == ["Kommune", "Andel", "Timepris", "Pris"]


def courier_pdf(path: Path, lines: list[str], size: float = 6.0) -> Path:
    page = canvas.Canvas(str(path), pagesize=landscape(A4))
    page.setFont("Courier", size)
    for index, text in enumerate(lines):
        page.drawString(25, 560 - index * size * 1.25, text)
    page.save()
    return path


def test_a_space_in_a_monospace_cell_does_not_split_it(tmp_path: Path) -> None:
    # A text dump in Courier: a space is 0.6 em wide, columns are two or more spaces apart.
    rows = [
        "Kommune                 Andel      Timepris",
        "0101 Halden                57      1 235,70",
        "0528 Østre Toten           43         12,50",
        "0104 Moss                   .            ..",
    ]
    lines = read_document(courier_pdf(tmp_path / "dump.pdf", rows)).lines
    header, data = lines[:1], lines[1:]
    columns = data_columns(data, header)
    assert [cells_of(line, columns) for line in data] == [
        ["0101 Halden", "57", "1 235,70"],
        ["0528 Østre Toten", "43", "12,50"],
        ["0104 Moss", ".", ".."],
    ]
    assert [[w.text for w in group] for group in clusters(header[0])] == [["Kommune"], ["Andel"], ["Timepris"]]
    assert [c.text for c in header_cells(header, columns, fit=label_columns)] == ["Kommune", "Andel", "Timepris"]


def test_proportional_digits_do_not_look_monospace() -> None:
    # Tabular figures are all one width in Times too: a row of numbers keeps the narrow cell gap.
    row = line(1, word("Moss", 10, 27, 10), word("12", 100, 108, 10), word("34", 112, 120, 10))
    assert len(clusters(row)) == 3


def test_a_hyphen_at_a_line_end_stays_a_hyphen(tmp_path: Path) -> None:
    # PDFium reports a hyphen that ends a line as a soft hyphen (U+0002).
    path = courier_pdf(tmp_path / "hyphen.pdf", ["Man-years, total Auxiliary nurses Ergo-", "therapists"])
    assert [line.text for line in read_document(path).lines] == ["Man-years, total Auxiliary nurses Ergo-", "therapists"]


def test_a_name_overprinting_the_first_value_leaves_the_values_to_the_text() -> None:
    """'Guovdageaidnu-Kautokeino' runs into '1 052' in Courier: the grid's label would hold
    the value, so the row keeps its text tokens for the kind's arithmetic. A name ending in a
    number a space apart ('Kommune 1') is a name."""
    grid = Grid((Column(50, 100), Column(118, 133), Column(158, 170), Column(190, 200)), 1)

    def row(number: int, *label: tuple[str, float, float]) -> Line:
        top = 30 + 10 * number
        return line(number, *(word(text, x0, x1, top) for text, x0, x1 in label), word("1", 120, 123, top),
                    word("052", 124, 133, top), word("-93", 160, 170, top), word("5,4", 190, 200, top))

    rows = [row(1, ("0101", 50, 62), ("Halden", 64, 82)),
            row(2, ("2011", 50, 62), ("Guovdageaidnu-Kautokeino", 64, 128)),
            row(3, ("3401", 50, 62), ("Kommune", 64, 90), ("1", 92, 95))]
    halden, kautokeino, kommune = body_of([cut(item) for item in rows], {1: grid})
    assert (halden.label, halden.cells) == ("0101 Halden", ("1 052", "-93", "5,4"))
    assert (kautokeino.label, kautokeino.cells, kautokeino.tokens) == (
        "2011 Guovdageaidnu-Kautokeino", None, ("1", "052", "-93", "5,4"))
    assert (kommune.label, kommune.cells) == ("3401 Kommune 1", ("1 052", "-93", "5,4"))
