"""NAV tiltak and teacher-norm PDFs laid out by reportlab's own table machinery
(platypus), independently of tests/unit/pdf_factory.py: a header repeated alone
after a page break (reportlab's repeatRows), labels centred over right-aligned
numbers, a header aligned to the bottom of its cells. Each must give the rows of
the text rendering; one unreadable fragment becomes rejects, not a failed document."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import pytest

from extract.kinds import detect_kind
from extract.kinds.base import ParseError
from extract.tables import read_file, tables_from_text

pytest.importorskip("reportlab")

from reportlab.lib import colors  # noqa: E402
from reportlab.lib.enums import TA_CENTER, TA_LEFT  # noqa: E402
from reportlab.lib.pagesizes import A4, landscape  # noqa: E402
from reportlab.lib.styles import ParagraphStyle  # noqa: E402
from reportlab.lib.units import mm  # noqa: E402
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
TILTAK_TEXT = ROOT / "documents" / "nav_tiltak_2026-01_to_2026-04.txt"
TEACHER_TEXT = ROOT / "documents" / "kd_teacher_norm_compensation_autumn_2018.txt"
LINEAGE = {"source_file", "source_sha256", "source_page", "source_line", "raw_line",
           "split_candidates", "is_disambiguated", "total_bound"}


# --- a small platypus renderer ---------------------------------------------------------------


@dataclass
class Grid:
    """A table: one header row of labels, then rows of cells."""

    header: list[str]
    rows: list[list[str]] = field(default_factory=list)
    bold: set[int] = field(default_factory=set)  # data rows in bold
    full: set[int] = field(default_factory=set)  # data rows whose first cell spans the table


@dataclass(frozen=True)
class Style:
    """How a publisher might set the table.

    grid:  Times, portrait, grid lines, labels centred and bottom-aligned, numbers right-aligned.
    plain: Helvetica, landscape, a rule under the header, all left-aligned and top-aligned."""

    name: str
    font: str
    bold_font: str
    pagesize: tuple[float, float]
    grid: bool
    size: float = 7.5


STYLES = {
    "grid": Style("grid", "Times-Roman", "Times-Bold", A4, grid=True),
    "plain": Style("plain", "Helvetica", "Helvetica-Bold", landscape(A4), grid=False),
}


def render(blocks: list, style: Style, path: Path, first_width: float = 0.35, column_width: float | None = None) -> Path:
    """Paragraphs (str, or (str, True) for bold) and Grids, the header repeated alone on every page."""
    doc = SimpleDocTemplate(str(path), pagesize=style.pagesize, leftMargin=15 * mm, rightMargin=15 * mm,
                            topMargin=15 * mm, bottomMargin=15 * mm)
    usable = style.pagesize[0] - 30 * mm
    prose = ParagraphStyle("p", fontName=style.font, fontSize=9, leading=11, spaceAfter=5)
    heading = ParagraphStyle("h", parent=prose, fontName=style.bold_font, fontSize=10, leading=12, spaceBefore=4)
    head = ParagraphStyle("head", fontName=style.bold_font, fontSize=style.size, leading=style.size * 1.15,
                          alignment=TA_CENTER if style.grid else TA_LEFT)
    story: list = []
    for block in blocks:
        if not isinstance(block, Grid):
            text, bold = block if isinstance(block, tuple) else (block, False)
            story.append(Paragraph(text, heading if bold else prose))
            continue
        n = len(block.header)
        first = first_width * usable
        other = column_width or (usable - first) / (n - 1)
        data = [[Paragraph(label, head) if label else "" for label in block.header], *block.rows]
        commands = [
            ("FONT", (0, 1), (-1, -1), style.font, style.size),
            ("VALIGN", (0, 0), (-1, 0), "BOTTOM" if style.grid else "TOP"),
            ("ALIGN", (1, 1), (-1, -1), "RIGHT" if style.grid else "LEFT"),
            ("TOPPADDING", (0, 0), (-1, -1), 1),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
        ]
        commands.append(("GRID", (0, 0), (-1, -1), 0.25, colors.grey) if style.grid
                        else ("LINEBELOW", (0, 0), (-1, 0), 0.5, colors.black))
        commands += [("FONT", (0, 1 + i), (-1, 1 + i), style.bold_font, style.size) for i in block.bold]
        commands += [("SPAN", (0, 1 + i), (-1, 1 + i)) for i in block.full]
        table = Table(data, colWidths=[first] + [other] * (n - 1), repeatRows=1, hAlign="LEFT")
        table.setStyle(TableStyle(commands))
        story += [table, Spacer(1, 6)]
    doc.build(story)
    return path


def without_lineage(rows: list[dict]) -> list[dict]:
    return [{k: v for k, v in row.items() if k not in LINEAGE} for row in rows]


def unmark(text: str) -> str:
    text = re.sub(r"</?b>", "", text).replace("\\*", "*")
    text = re.sub(r"^#+\s*", "", text)
    return re.sub(r"\[([^\]]+)\]\([^)]+\)", r"\1", text).strip()


# --- NAV tiltak: the reader ------------------------------------------------------------------

HEADER = "\tGjennom snitt hittil i år\tFebruar\tMars"


def nav(*lines: str) -> str:
    return "\n".join(["### Februar 2026 - Mars 2026", "", *lines, ""])


def test_a_header_repeated_without_its_total_line_continues_the_table_above():
    from extract.kinds.tiltak import KIND

    result = KIND.parse(tables_from_text(nav(
        HEADER, "<b>I alt arbeidstrening</b>\t<b>30</b>\t<b>25</b>\t<b>35</b>",
        "3414 Nord-Odal\t10\t5\t15",
        HEADER,  # a page break: the header alone, no "I alt" line
        "3436 Nord-Fron\t20\t20\t20",
    )))
    assert result.rejects == []
    rows = result.tables["participants"]
    assert {r["table_number"] for r in rows} == {1}
    assert {r["code"] for r in rows if not r["is_total_row"]} == {"3414", "3436"}
    assert sum(r["is_total_row"] for r in rows) == 3


def test_a_total_line_at_a_pages_foot_takes_its_rows_from_under_the_next_header():
    from extract.kinds.tiltak import KIND

    result = KIND.parse(tables_from_text(nav(
        HEADER, "<b>I alt</b>\t<b>40</b>\t<b>40</b>\t<b>40</b>", "Arbeidstrening\t40\t40\t40",
        HEADER, "<b>I alt arbeidstrening</b>\t<b>40</b>\t<b>40</b>\t<b>40</b>",
        HEADER,
        "03 Oslo\t40\t40\t40",
    )))
    assert result.rejects == []
    oslo = [r for r in result.tables["participants"] if r["code"] == "03"]
    assert {(r["table_number"], r["table_dimension"]) for r in oslo} == {(2, "county")}


def test_a_fragment_whose_header_names_other_months_becomes_rejects_and_the_rest_is_read():
    from extract.kinds.tiltak import KIND

    result = KIND.parse(tables_from_text(nav(
        HEADER, "<b>I alt</b>\t<b>40</b>\t<b>40</b>\t<b>40</b>", "Arbeidstrening\t40\t40\t40",
        "\tGjennom snitt hittil i år\tApril\tMai",
        "<b>I alt arbeidstrening</b>\t<b>40</b>\t<b>40</b>\t<b>40</b>",
        "03 Oslo\t40\t40\t40",
    )))
    assert [r["source_name"] for r in result.tables["participants"] if r["month"] is None] == ["I alt", "Arbeidstrening"]
    reasons = [r.reason for r in result.rejects]
    assert len(reasons) == 3 and "not the heading's range" in reasons[0]
    assert all("could not be read" in reason for reason in reasons[1:])


def test_a_report_whose_every_header_is_unreadable_still_fails():
    from extract.kinds.tiltak import KIND

    with pytest.raises(ParseError, match="not the heading's range"):
        KIND.parse(tables_from_text(nav(
            "\tGjennom snitt hittil i år\tApril\tMai", "<b>I alt</b>\t<b>40</b>\t<b>40</b>\t<b>40</b>",
        )))


# --- NAV tiltak: reportlab PDFs --------------------------------------------------------------


def tiltak_blocks(document) -> list:
    """The text rendering's fragments as platypus tables (the same header and "I alt" lines)."""
    blocks: list = []
    table: Grid | None = None
    for line in document.lines:
        text = line.text
        if not text.strip():
            continue
        if "\t" in text:
            cells = text.split("\t")
            if not cells[0].strip() and "Gjennom" in text:
                table = Grid([""] + [c.strip() for c in cells[1:]])
                blocks.append(table)
                continue
            if "<b>" in cells[0]:
                table.bold.add(len(table.rows))
            table.rows.append([unmark(c) for c in cells])
            continue
        table = None
        blocks.append((unmark(text), text.startswith("#") or bool(re.match(r"^\w+ \d{4} - \w+ \d{4}$", text))))
    return blocks


def test_nav_table_split_by_reportlab_with_only_its_header_repeated(tmp_path: Path):
    from extract.kinds.tiltak import KIND

    table = Grid(["", "Gjennom snitt hittil i år", "Februar", "Mars"], bold={0})
    table.rows = [["I alt arbeidstrening", "1 205", "1 100", "1 310"]]
    table.rows += [[f"{3400 + i} Kommune {i}", "30", "25", "35"] for i in range(1, 90)]
    table.rows[-1][1:] = ["1 205", "1 100", "1 310"]
    blocks = [("Februar 2026 - Mars 2026", True), table]
    document = read_file(render(blocks, STYLES["grid"], tmp_path / "nav.pdf", first_width=0.4))
    assert max(line.page for line in document.lines) > 1
    assert sum(line.text.startswith("I alt") for line in document.lines) == 1
    result = KIND.parse(document)
    assert result.rejects == []
    rows = result.tables["participants"]
    assert len({r["code"] for r in rows if not r["is_total_row"]}) == 89
    last = [r for r in rows if r["code"] == "3489" and r["month"] == date(2026, 3, 1)]
    assert [(r["participants"], r["table_number"]) for r in last] == [(1310, 1)]
    assert max(r["source_page"] for r in rows) > 1


@pytest.mark.parametrize("style", ["grid", "plain"])
def test_bundled_nav_report_through_reportlab_gives_the_text_renderings_rows(style: str, tmp_path: Path):
    from extract.kinds.tiltak import KIND

    text = read_file(TILTAK_TEXT)
    layout = STYLES[style]
    path = render(tiltak_blocks(text), layout, tmp_path / f"nav_{style}.pdf",
                  first_width=0.42 if layout.grid else 0.3, column_width=None if layout.grid else 22 * mm)
    document = read_file(path)
    assert detect_kind(document).kind is KIND
    from_text, from_pdf = KIND.parse(text), KIND.parse(document)
    assert from_pdf.rejects == []
    assert without_lineage(from_pdf.tables["participants"]) == without_lineage(from_text.tables["participants"])
    assert len(from_pdf.tables["participants"]) == 4050


# --- teacher norm: reportlab PDFs ------------------------------------------------------------

TEACHER_LABELS = [
    "Kommune (kommuner og fylker per. oktober 2017 )",
    "Beregnet antall årsverk som mangler for å oppfylle en norm på 16/21/21",
    "Kompensasjon høsten 2018 (i kroner)",
    "Antall årsverk kompensasjonen høsten 2018 gir rom for høsten 2018 (i årsverk)",
]
TEACHER_PROSE = [("Regjeringa innfører norm for lærartettleik i grunnskolen", True), ("Høsten 2018", True)]


def teacher_grid(counties: dict[str, list[list[str]]], labels: list[str] = TEACHER_LABELS) -> Grid:
    table = Grid(labels)
    for county, rows in counties.items():
        table.full.add(len(table.rows))
        table.bold.add(len(table.rows))
        table.rows.append([county, "", "", ""])
        table.rows += rows
    return table


def teacher_blocks(document, result) -> list:
    """The article's prose, then its table rebuilt from the rows the text rendering gives."""
    lines = document.lines
    start = next(i for i, line in enumerate(lines) if line.text.startswith("Kommune"))
    blocks: list = [(" ".join(line.text.split()), line.text.strip() == "Høsten 2018")
                    for line in lines[:start] if line.text.strip()]
    counties: dict[str, list[list[str]]] = {}
    for row in result.tables["compensation"]:
        parts = [" ".join(part.split()) for part in row["raw_line"].split(" | ")]
        counties.setdefault(row["county_name"], []).append(parts[:4] + [""] * (4 - len(parts)))
    return [*blocks, teacher_grid(counties)]


@pytest.mark.parametrize("label", [TEACHER_LABELS[0], "Kommune"])
def test_teacher_header_aligned_to_the_bottom_and_repeated_on_the_next_page(label: str, tmp_path: Path):
    """Bottom-aligned, the 'Kommune' label stands on the header's last line (a short one
    alone there), under the first lines of the other labels; the county heading under
    the repeated header must stay the county above, not a line of the header."""
    from extract.kinds.teacher_norm import KIND as kind

    rows = {"Østfold": [["Halden", "16,7", "6 166 000", "20,5"], *[["Moss", "10,9", "3 472 000", "11,5"]] * 80],
            "Akershus": [["Vestby", "1,7", "1 803 000", "6,0"]]}
    table = teacher_grid(rows, [label, *TEACHER_LABELS[1:]])
    document = read_file(render([*TEACHER_PROSE, table], STYLES["grid"], tmp_path / "kd.pdf", first_width=0.25))
    assert max(line.page for line in document.lines) > 1
    assert detect_kind(document).kind is kind
    result = kind.parse(document)
    counties = {(r["county_name"], r["source_name"]) for r in result.tables["compensation"]}
    assert counties == {("Østfold", "Halden"), ("Østfold", "Moss"), ("Akershus", "Vestby")}
    assert len(result.tables["compensation"]) == 82
    assert result.rejects == []
    assert {r["source_page"] for r in result.tables["compensation"]} >= {1, 2}


@pytest.mark.parametrize("style", ["grid", "plain"])
def test_bundled_teacher_table_through_reportlab_gives_the_text_renderings_rows(style: str, tmp_path: Path):
    from extract.kinds.teacher_norm import KIND

    text = read_file(TEACHER_TEXT)
    from_text = KIND.parse(text)
    path = render(teacher_blocks(text, from_text), STYLES[style], tmp_path / f"kd_{style}.pdf", first_width=0.25)
    document = read_file(path)
    assert detect_kind(document).kind is KIND
    from_pdf = KIND.parse(document)
    assert [(r.reason, r.line.text) for r in from_pdf.rejects] == [(r.reason, r.line.text) for r in from_text.rejects] == []
    assert without_lineage(from_pdf.tables["compensation"]) == without_lineage(from_text.tables["compensation"])
    assert len(from_pdf.tables["compensation"]) == 426
