"""PDFs of the bundled documents, made by the tests in several layouts, must give
exactly the rows of the text renderings; bad PDFs fail with a clear message."""

from __future__ import annotations

from pathlib import Path

import pytest

from extract.kinds import detect_kind
from extract.pipeline import EXTRACTED, FAILED, extract_documents
from extract.readers import DocumentError, Line, Word, read_document
from extract.readers.pdf import group_words_into_lines
from extract.tables import read_file
from extract.tables.geometry import table_columns
from tests.unit.pdf_factory import LAYOUTS, HeaderCell, Layout, Paragraph, Row, Table, bundled_pdf, render

LINEAGE = {"source_file", "source_sha256", "source_page", "source_line", "raw_line",
           "split_candidates", "is_disambiguated", "total_bound"}
# Layouts each kind's table fits (the care-staffing table is too wide for portrait A4).
CASES = [
    ("care_staffing", "landscape"),
    ("care_staffing", "compact"),
    ("home_care_fees", "portrait"),
    ("home_care_fees", "landscape"),
    ("home_care_fees", "compact"),
    ("sickness_absence", "portrait"),
    ("sickness_absence", "landscape"),
    ("sickness_absence", "compact"),
    ("tiltak", "portrait"),
    ("tiltak", "landscape"),
    ("tiltak", "compact"),
    ("teacher_norm", "portrait"),
    ("teacher_norm", "landscape"),
    ("teacher_norm", "compact"),
]


def rows_without_lineage(result) -> dict[str, list[dict]]:
    return {table: [{k: v for k, v in row.items() if k not in LINEAGE} for row in rows] for table, rows in result.tables.items()}


@pytest.mark.parametrize(("kind", "layout"), CASES)
def test_pdf_gives_the_rows_of_the_text_rendering(kind: str, layout: str, tmp_path: Path) -> None:
    text_path, pdf_path = bundled_pdf(kind, layout, tmp_path)
    text_doc, pdf_doc = read_file(text_path), read_file(pdf_path)
    assert pdf_doc.format == "pdf" and len(set(line.page for line in pdf_doc.lines)) > 1
    detected = detect_kind(pdf_doc).kind
    assert detected is not None and detected.kind == kind
    from_text, from_pdf = detected.parse(text_doc), detected.parse(pdf_doc)
    assert from_pdf.rejects == []
    assert from_text.rows() > 0
    assert rows_without_lineage(from_pdf) == rows_without_lineage(from_text)
    assert {(f.name, f.value) for f in from_pdf.facts} == {(f.name, f.value) for f in from_text.facts}
    # Lineage points into the PDF: pages beyond the first, and the line's own text.
    rows = [row for table in from_pdf.tables.values() for row in table]
    assert max(row["source_page"] for row in rows) > 1
    by_number = {line.number: line for line in pdf_doc.lines}
    assert all(by_number[row["source_line"]].page == row["source_page"] for row in rows[:200])


def test_layouts_break_pages_at_different_rows(tmp_path: Path) -> None:
    first_rows = []
    for layout in ("landscape", "compact"):
        _, pdf_path = bundled_pdf("care_staffing", layout, tmp_path)
        lines = read_document(pdf_path).lines
        first_rows.append(next(line.text.split()[0] for line in lines if line.page == 2 and line.text[:4].isdigit()))
    assert first_rows[0] != first_rows[1]


def word(text: str, x0: float, x1: float, top: float = 10.0, size: float = 8.0) -> Word:
    return Word(text, x0, x1, top, top + size, "Helvetica", size)


def test_thousands_group_and_empty_cell_fall_into_their_columns() -> None:
    header = Line(1, "Total Nurses Other", 1, (word("Total", 100, 120), word("Nurses", 140, 165), word("Other", 190, 210)))
    # '1 235,70' is two words close together; the 'Nurses' position is empty.
    data = Line(2, "Moss 1 235,70 4,00", 1, (word("Moss", 10, 30, 20), word("1", 100, 103, 20), word("235,70", 105, 120, 20), word("4,00", 195, 210, 20)))
    columns = table_columns([header, data])
    assert len(columns) == 4
    from extract.tables.geometry import cells_of
    assert cells_of(data, columns) == ["Moss", "1 235,70", "", "4,00"]


def test_rows_by_baseline() -> None:
    words = [word("b", 50, 60, 10.5), word("a", 10, 20, 10.0), word("c", 10, 20, 30.0)]
    assert [[w.text for w in row] for row in group_words_into_lines(words)] == [["a", "b"], ["c"]]


def pdf_of_prose(path: Path) -> Path:
    return render([Paragraph("Referat fra møtet"), Paragraph("Ingen tabeller her, bare tekst.")], LAYOUTS["portrait"], path)


def scanned_pdf(path: Path) -> Path:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_fill_color(40, 40, 40)
    for row in range(30):
        pdf.rect(20, 20 + row * 8, 150, 3, style="F")  # lines of "text" as pixels, no text layer
    pdf.output(str(path))
    return path


def encrypted_pdf(path: Path) -> Path:
    from fpdf import FPDF
    from fpdf.enums import EncryptionMethod

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=10)
    pdf.cell(0, 10, "Man-years, by type of education and municipality. 1999")
    pdf.set_encryption(owner_password="owner", user_password="secret", encryption_method=EncryptionMethod.AES_128)
    pdf.output(str(path))
    return path


def truncated_pdf(source: Path, path: Path) -> Path:
    data = source.read_bytes()
    path.write_bytes(data[: len(data) * 2 // 3])
    return path


@pytest.fixture
def bad_pdfs(tmp_path: Path) -> dict[str, Path]:
    _, good = bundled_pdf("home_care_fees", "portrait", tmp_path)
    folder = tmp_path / "in"
    folder.mkdir()
    return {
        "prose": pdf_of_prose(folder / "prose.pdf"),
        "scan": scanned_pdf(folder / "scan.pdf"),
        "encrypted": encrypted_pdf(folder / "encrypted.pdf"),
        "truncated": truncated_pdf(good, folder / "truncated.pdf"),
    }


@pytest.mark.parametrize(
    ("name", "message"),
    [("scan", "no text layer"), ("encrypted", "encrypted"), ("truncated", "truncated")],
)
def test_unreadable_pdfs_raise_a_document_error_naming_the_file(bad_pdfs: dict[str, Path], name: str, message: str) -> None:
    with pytest.raises(DocumentError) as error:
        read_document(bad_pdfs[name])
    assert bad_pdfs[name].name in str(error.value) and message in str(error.value)


def test_bad_pdfs_end_to_end_fail_with_no_output(bad_pdfs: dict[str, Path], tmp_path: Path) -> None:
    import pyarrow.parquet as pq

    out = tmp_path / "out"
    report = extract_documents([bad_pdfs["prose"].parent], out)
    outcomes = {doc.name: doc for doc in report.documents}
    assert outcomes["prose.pdf"].status == "unknown"
    for name in ("scan.pdf", "encrypted.pdf", "truncated.pdf"):
        assert outcomes[name].status == FAILED and name in outcomes[name].message
    written = [p for p in out.rglob("*.parquet") if "manifest" not in p.name and pq.read_metadata(p).num_rows > 0]
    assert [p for p in written if "manifest" not in str(p)] == []


def test_pipeline_extracts_a_pdf(tmp_path: Path) -> None:
    _, pdf_path = bundled_pdf("care_staffing", "landscape", tmp_path)
    report = extract_documents([pdf_path], tmp_path / "out")
    (outcome,) = report.documents
    assert (outcome.status, outcome.format, outcome.kind, outcome.rows, outcome.rejects) == (EXTRACTED, "pdf", "care_staffing", 7848, 0)


def test_nav_tables_continue_across_pages_with_their_total_line_repeated(tmp_path: Path) -> None:
    from extract.kinds.tiltak import KIND

    _, pdf_path = bundled_pdf("tiltak", "landscape", tmp_path)
    document = read_file(pdf_path)
    result = KIND.parse(document)
    pages: dict[int, set[int]] = {}
    for row in result.tables["participants"]:
        pages.setdefault(row["table_number"], set()).add(row["source_page"])
    assert max(len(p) for p in pages.values()) > 1
    # Each table's total is stored once, though its line is printed on every page.
    totals = [row["table_number"] for row in result.tables["participants"] if row["is_total_row"] and row["month"] is None]
    assert len(totals) == len(set(totals)) == len(pages)
    assert sum(line.text.startswith("I alt") for line in document.lines) > len(totals)


def nav_table(rows: list[tuple[str, ...]]) -> Table:
    labels = ["Gjennomsnitt hittil i år", "Februar", "Mars"]
    header = [[HeaderCell("", 0, 0)] + [HeaderCell(label, i + 1, i + 1) for i, label in enumerate(labels)]]
    return Table(4, header, [Row(("I alt arbeidstrening", "1 205", "1 100", "1 310"), bold=True)] + [Row(r) for r in rows], repeat=1)


def test_nav_pdf_names_with_spaces_stay_one_cell_and_stars_stay_suppressed(tmp_path: Path) -> None:
    from extract.kinds.tiltak import KIND

    rows = [("3414 Nord- Odal", "*", "5", "*"), ("3436 Nord- Fron", "1 200", "1 095", "1 305")]
    blocks = [Paragraph("Februar 2026 - Mars 2026", bold=True), nav_table(rows)]
    layout = Layout("tiny", rows_per_page=2)  # the second row goes to page 2, under a repeated header
    document = read_file(render(blocks, layout, tmp_path / "nav.pdf"))
    assert detect_kind(document).kind is KIND
    result = KIND.parse(document)
    assert result.rejects == []
    by_name = {(r["source_name"], r["month"]): r for r in result.tables["participants"]}
    from datetime import date

    odal = by_name[("Nord- Odal", date(2026, 3, 1))]
    assert (odal["code"], odal["participants"], odal["value_status"]) == ("3414", None, "suppressed")
    fron = by_name[("Nord- Fron", None)]
    assert (fron["participants"], fron["source_page"]) == (1200, 2)
    assert sum(r["is_total_row"] for r in result.tables["participants"]) == 3  # ytd + two months, stored once


def teacher_blocks(table: Table) -> list:
    return [
        Paragraph("Regjeringa innfører norm for lærartettleik i grunnskolen", bold=True),
        Paragraph("Høsten 2018", bold=True),
        table,
    ]


def teacher_table(rows: list[Row]) -> Table:
    labels = [
        "Kommune (kommuner og fylker per oktober 2017)",
        "Beregnet antall årsverk som mangler for å oppfylle en norm på 16/21/21",
        "Kompensasjon høsten 2018 (i kroner)",
        "Antall årsverk kompensasjonen høsten 2018 gir rom for høsten 2018 (i årsverk)",
    ]
    return Table(4, [[HeaderCell(label, i, i) for i, label in enumerate(labels)]], rows)


@pytest.mark.parametrize("layout", ["portrait", "landscape"])
def test_teacher_pdf_county_heading_under_the_header_and_an_empty_cell(layout: str, tmp_path: Path) -> None:
    from extract.kinds.teacher_norm import KIND

    rows = [
        Row(("Østfold", "", "", ""), bold=True, spans=True),
        Row(("Halden", "16,7", "6 166 000", "20,5")),
        Row(("Moss", "10,9", "", "11,5")),  # an empty position: no value, not a shifted one
        Row(("Akershus", "", "", ""), bold=True, spans=True),
        Row(("Vestby", "1,7", "1 803 000", "6,0")),
    ]
    document = read_file(render(teacher_blocks(teacher_table(rows)), LAYOUTS[layout], tmp_path / "kd.pdf"))
    assert detect_kind(document).kind is KIND
    result = KIND.parse(document)
    assert result.rejects == []
    got = {r["source_name"]: r for r in result.tables["compensation"]}
    assert {name: r["county_name"] for name, r in got.items()} == {"Halden": "Østfold", "Moss": "Østfold", "Vestby": "Akershus"}
    assert (got["Moss"]["compensation_nok"], got["Moss"]["compensation_nok_status"]) == (None, "empty")
    assert str(got["Moss"]["funded_man_years"]) == "11.5" and got["Halden"]["municipality_code"] == "0101"


def test_a_pdf_and_its_text_rendering_side_by_side_are_read_once(tmp_path: Path) -> None:
    text_path, pdf_path = bundled_pdf("care_staffing", "landscape", tmp_path)
    folder = tmp_path / "inbox"
    folder.mkdir()
    (folder / "a_rendering.txt").write_bytes(text_path.read_bytes())
    pdf_path.rename(folder / "b_original.pdf")
    report = extract_documents([folder], tmp_path / "out")
    statuses = {doc.name: (doc.status, doc.kind) for doc in report.documents}
    assert statuses == {"a_rendering.txt": (EXTRACTED, "care_staffing"), "b_original.pdf": ("duplicate", "care_staffing")}
    assert "a_rendering.txt" in report.documents[1].message
    # Only one copy of the rows stays for the warehouse.
    assert len(list((tmp_path / "out" / "care_staffing" / "man_years").glob("[0-9a-f]*.parquet"))) == 1
    # Run again: the unchanged rendering keeps its fingerprint, so the PDF is still a duplicate.
    again = extract_documents([folder], tmp_path / "out")
    assert [doc.status for doc in again.documents] == ["unchanged", "duplicate"]
