"""QA: the PDF path against PDFs made independently of tests/unit/pdf_factory.py.

Each bundled text rendering is turned into tables of cells by this script's own
small readers (the factory's models are not used), then drawn with reportlab in
several layouts a publisher or a converter might produce:

  grid      platypus.Table, Times-Roman, A4 portrait, grid lines, numbers right-aligned,
            header labels wrapped in Paragraphs, repeatRows = the header rows,
            footnote markers as real superscripts (<super>)
  plain     platypus.Table, Courier (table) / Helvetica (prose), A4 landscape, no grid,
            one rule under the header, numbers LEFT-aligned, own column widths,
            NAV: header and "I alt" line repeated (repeatRows=2)
  aligned   monospace (Courier) text dump, one string per line, columns padded with
            spaces as `pdftotext -layout` style converters do
  dump      each line of the text rendering drawn as one Courier string (markdown
            `###`/`<b>` turned into a heading / bold line; tabs and pipes turned into
            aligned columns, since a dump has neither)

Then `extract.pipeline.extract_documents([pdf], out)` is run on each PDF, and its rows
(all columns but lineage) are compared with the rows of the text rendering. Bad
PDFs (encrypted, owner-password only, truncated, image-only) are checked too.

    .venv/bin/python qa/independent_pdfs.py [--kinds tiltak,care_staffing] [--layouts grid,dump]
                                           [--out /tmp/qa_pdfs] [--keep]
"""

from __future__ import annotations

import argparse
import io
import re
import shutil
import sys
import textwrap
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import pyarrow.parquet as pq
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen import canvas
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from extract.kinds import detect_kind  # noqa: E402
from extract.pipeline import extract_documents  # noqa: E402
from extract.readers import read_document  # noqa: E402
from extract.tables import read_tables  # noqa: E402

DOCS = {
    "care_staffing": ROOT / "documents/ssb_care_staffing_1999.txt",
    "sickness_absence": ROOT / "documents/ssb_sickness_absence_men_2002_q2_q3.txt",
    "home_care_fees": ROOT / "documents/ssb_home_care_fees_2006.txt",
    "tiltak": ROOT / "documents/nav_tiltak_2026-01_to_2026-04.txt",
    "teacher_norm": ROOT / "documents/kd_teacher_norm_compensation_autumn_2018.txt",
}
# Lineage, and the columns that say how a value was read (a PDF's cells are delimited, its
# rendering's settled by arithmetic): neither is what the document says.
LINEAGE = {"source_file", "source_sha256", "source_page", "source_line", "raw_line",
           "split_candidates", "is_disambiguated", "total_bound"}
KEYS = {
    "man_years": ("municipality_code", "area_name", "column_number"),
    "absence": ("municipality_code", "source_name", "year", "quarter"),
    "fees": ("municipality_code", "area_name"),
    "fee_schedule": ("municipality_code", "area_name", "column_number"),
    "participants": ("table_number", "code", "tiltak_type", "is_total_row", "measure", "month"),
    "compensation": ("county_name", "source_name"),
}
NBSP = "\u00a0"
SPACES = f" {NBSP}\u202f\u2009"


# ----------------------------------------------------------------- model ----


@dataclass
class Tbl:
    header: list[list[str]]  # header rows, one string per column ('' under a span)
    rows: list[list[str]] = field(default_factory=list)
    bold: set[int] = field(default_factory=set)  # row indexes (data rows) in bold
    spans: list[tuple[int, int, int, int]] = field(default_factory=list)  # header spans (c0, r0, c1, r1)
    full: set[int] = field(default_factory=set)  # data rows whose first cell spans the table (headings)
    repeat_extra: int = 0  # data rows repeated with the header after a page break (platypus only)


@dataclass
class Para:
    text: str
    bold: bool = False


def squeeze(text: str) -> str:
    return re.sub(f"[{SPACES}]+", " ", text).strip()


def unmark(text: str) -> str:
    text = re.sub(r"</?b>", "", text)
    text = re.sub(r"^#+\s*", "", text).replace("\\*", "*")
    return re.sub(r"\[([^\]]+)\]\([^)]+\)", r"\1", text)


def text_result(kind: str):
    document = read_document(DOCS[kind])
    tables = read_tables(document)
    return document, detect_kind(tables).kind.parse(tables)


def care_staffing_model() -> list:
    document, result = text_result("care_staffing")
    rows = result.tables["man_years"]
    labels = {}
    by_line: dict[int, dict] = {}
    for row in rows:
        labels[row["column_number"]] = row["education_label"]
        line = by_line.setdefault(row["source_line"], {"label": None, "cells": {}})
        line["label"] = f"{row['municipality_code']} {row['area_name']}" if row["municipality_code"] else row["area_name"]
        value = row["man_years"]
        line["cells"][row["column_number"]] = "" if value is None else f"{value:,.2f}".replace(",", " ").replace(".", ",")
    n = max(labels)
    header = [["", *(labels[i] if i != 1 else "Man-years<super>1</super>, total" for i in range(1, n + 1))]]
    table = Tbl(header)
    for number in sorted(by_line):
        line = by_line[number]
        table.rows.append([line["label"], *(line["cells"].get(i, "") for i in range(1, n + 1))])
    table.bold.add(0)
    return [
        Para("Nursing and social care services"),
        Para(f"8 Man-years{'1' if PLAIN_TITLES else '<super>1</super>'}, by type of education and municipality. 1999", bold=True),
        table,
        Para("<super>1</super> Man-years are the sum of full-time employees and part-time employees converted to full-time-employees."),
        Para("Explanation of symbols"),
    ]


def sickness_model() -> list:
    document, result = text_result("sickness_absence")
    lines = {line.number: line.text for line in document.lines}
    seen: dict[int, list[str]] = {}
    for row in result.tables["absence"]:
        number = row["source_line"]
        if number in seen:
            continue
        rates = lines[number].replace(NBSP, " ").split()[-4:]
        days = [cell.strip() for cell in row["days_split"].split("|")]
        code = row["municipality_code"]
        marker = f"<super>{row['footnote_marker']}</super>" if row["footnote_marker"] else ""
        label = f"{marker}{code} {row['source_name']}" if code else row["source_name"]
        seen[number] = [label, *days, *rates]
    header = [
        ["Municipality", "Quarter 2 2002", "", "Quarter 3 2002", "", "Sickness absence rate", "", "", ""],
        ["", "Sickness absence man-days", "Change since last year", "Sickness absence man-days",
         "Change since last year", "Quarter 2 2001", "Quarter 3 2001", "Quarter 2 2002", "Quarter 3 2002"],
    ]
    table = Tbl(header, spans=[(0, 0, 0, 1), (1, 0, 2, 0), (3, 0, 4, 0), (5, 0, 8, 0)])
    table.rows = [seen[n] for n in sorted(seen)]
    table.bold.add(0)
    title = " ".join(squeeze(lines[i]) for i in (1, 2, 3))
    return [Para(title, bold=True), table]


def home_care_model() -> list:
    document, _ = text_result("home_care_fees")
    lines = [line.text for line in document.lines]

    def cells(text: str) -> list[str]:
        parts = [part.strip() for part in text.strip().strip("|").split("|")]
        while parts and parts[-1] == "":
            parts.pop()
        return parts

    title = cells(lines[0])
    upper, lower = cells(lines[1]), cells(lines[3])
    header = [
        [upper[0], upper[1], upper[2]] + [x for band in upper[3:8] for x in (band, "")],
        ["", "", ""] + lower,
    ]
    spans = [(0, 0, 0, 1), (1, 0, 1, 1), (2, 0, 2, 1)] + [(3 + 2 * i, 0, 4 + 2 * i, 0) for i in range(5)]
    table = Tbl(header, spans=spans)
    foot = None
    for text in lines[4:]:
        row = cells(text)
        if not row:
            continue
        if re.fullmatch(r"\d", row[0]) and len(row) == 2:
            foot = row
            continue
        if len(row) == 1:
            table.full.add(len(table.rows))
            table.bold.add(len(table.rows))
        table.rows.append(row + [""] * (13 - len(row)))
    blocks = [Para(f"{title[0]} {title[1][:-2]} <super>1</super>", bold=True), table]
    if foot:
        blocks.append(Para(f"<super>{foot[0]}</super> {foot[1]}"))
    return blocks


def tiltak_model() -> list:
    document, _ = text_result("tiltak")
    blocks: list = []
    table: Tbl | None = None
    for line in document.lines:
        text = line.text
        if not text.strip():
            continue
        if "\t" in text:
            cells = text.split("\t")
            if cells[0].strip() == "" and "Gjennom" in text:
                table = Tbl([[""] + [c.strip() for c in cells[1:]]], repeat_extra=0)
                blocks.append(table)
                continue
            assert table is not None, text
            if "<b>" in cells[0]:
                table.bold.add(len(table.rows))
            table.rows.append([unmark(c).strip() for c in cells])
            continue
        table = None
        blocks.append(Para(unmark(text), bold=text.startswith("#") or bool(re.match(r"^\w+ \d{4} - \w+ \d{4}$", text))))
    return blocks


def teacher_norm_model() -> list:
    document, result = text_result("teacher_norm")
    lines = document.lines
    start = next(i for i, line in enumerate(lines) if line.text.startswith("Kommune"))
    blocks: list = [Para(squeeze(line.text), bold=line.text.strip() == "Høsten 2018") for line in lines[:start] if line.text.strip()]
    header = [[
        "Kommune (kommuner og fylker per. oktober 2017 )",
        "Beregnet antall årsverk som mangler for å oppfylle en norm på 16/21/21",
        "Kompensasjon høsten 2018 (i kroner)",
        "Antall årsverk kompensasjonen høsten 2018 gir rom for høsten 2018 (i årsverk)",
    ]]
    table = Tbl(header)
    county = None
    for row in result.tables["compensation"]:
        if row["county_name"] != county:
            county = row["county_name"]
            table.full.add(len(table.rows))
            table.bold.add(len(table.rows))
            table.rows.append([county, "", "", ""])
        parts = [squeeze(part) for part in row["raw_line"].split(" | ")]
        table.rows.append(parts[:4] + [""] * (4 - len(parts)))
    blocks.append(table)
    return blocks


MODELS = {
    "care_staffing": care_staffing_model,
    "sickness_absence": sickness_model,
    "home_care_fees": home_care_model,
    "tiltak": tiltak_model,
    "teacher_norm": teacher_norm_model,
}


# --------------------------------------------------------------- layouts ----


def _plain(text: str) -> str:
    return re.sub(r"<super>(.*?)</super>", r"\1", text)


def platypus(blocks: list, path: Path, *, kind: str, style: str) -> None:
    """grid: Times, header bottom-aligned, numbers right-aligned, grid lines (SSB-like).
    plain: Helvetica, header top-aligned, numbers LEFT-aligned, a rule under the header,
    landscape; NAV header and "I alt" line repeated after a page break.
    courier: as grid but typeset in Courier (a monospace table)."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    grid = style in ("grid", "courier")
    fonts = {"grid": ("Times-Roman", "Times-Bold"), "plain": ("Helvetica", "Helvetica-Bold"),
             "courier": ("Courier", "Courier-Bold")}[style]
    body_font, bold_font = fonts
    wide = any(isinstance(b, Tbl) and len(b.header[0]) >= 13 for b in blocks)
    page = landscape(A4) if (wide or style == "plain") else A4
    prose_font = "Times-Roman" if style == "grid" else "Helvetica"
    prose = ParagraphStyle("p", fontName=prose_font, fontSize=9, leading=11, spaceAfter=5)
    prose_bold = ParagraphStyle("pb", parent=prose, fontName=prose_font.replace("-Roman", "") + "-Bold" if prose_font != "Helvetica" else "Helvetica-Bold",
                                fontSize=10, leading=12, spaceBefore=4, spaceAfter=6)
    if style == "grid":
        prose_bold.fontName = "Times-Bold"
    doc = SimpleDocTemplate(str(path), pagesize=page, leftMargin=15 * mm, rightMargin=15 * mm,
                            topMargin=15 * mm, bottomMargin=15 * mm, title=path.stem)
    usable = page[0] - 30 * mm
    story = []
    for block in blocks:
        if isinstance(block, Para):
            story.append(Paragraph(block.text, prose_bold if block.bold else prose))
            continue
        ncols = len(block.header[0])
        first = {19: 0.13, 13: 0.15, 9: 0.2, 6: 0.36, 4: 0.25}.get(ncols, 0.3) * usable
        if kind == "tiltak":
            first = 0.42 * usable if grid else 0.3 * usable
        other = (usable - first) / (ncols - 1)
        if kind == "tiltak" and not grid:
            other = 22 * mm  # narrower than the page: a table not full width
        widths = [first] + [other] * (ncols - 1)
        # the largest size (<= 8) at which every header word and every cell fits its column
        words = [w for row in block.header for c in row[1:] for w in _plain(c).split()]
        size = 8.0
        while size > 4 and (
            max(stringWidth(w, bold_font, size) for w in words) > other - 5
            or max(stringWidth(c, body_font, size) for r in block.rows for c in r[1:]) > other - 5
        ):
            size -= 0.25
        head_style = ParagraphStyle("h", fontName=bold_font, fontSize=size, leading=size * 1.15,
                                    alignment=TA_CENTER if grid else TA_LEFT)
        cell_style = ParagraphStyle("c", fontName=body_font, fontSize=size, leading=size * 1.2)
        data = [[Paragraph(c, head_style) if c else "" for c in row] for row in block.header]
        for row in block.rows:
            label = row[0]
            first_cell = Paragraph(label, cell_style) if "<super>" in label else label
            data.append([first_cell, *row[1:]])
        nh = len(block.header)
        cmds = [
            ("FONT", (0, nh), (-1, -1), body_font, size),
            ("VALIGN", (0, 0), (-1, nh - 1), "BOTTOM" if grid else "TOP"),
            ("ALIGN", (1, nh), (-1, -1), "RIGHT" if grid else "LEFT"),
            ("TOPPADDING", (0, 0), (-1, -1), 1),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
            ("LEFTPADDING", (0, 0), (-1, -1), 2 if grid else 3),
            ("RIGHTPADDING", (0, 0), (-1, -1), 2 if grid else 3),
        ]
        if grid:
            cmds.append(("GRID", (0, 0), (-1, -1), 0.25, colors.grey))
        else:
            cmds.append(("LINEBELOW", (0, nh - 1), (-1, nh - 1), 0.5, colors.black))
        for c0, r0, c1, r1 in block.spans:
            cmds.append(("SPAN", (c0, r0), (c1, r1)))
        for index in block.bold:
            cmds.append(("FONT", (0, nh + index), (-1, nh + index), bold_font, size))
        for index in block.full:
            cmds.append(("SPAN", (0, nh + index), (-1, nh + index)))
        repeat = nh + (1 if kind == "tiltak" and not grid else 0)
        table = Table(data, colWidths=widths, repeatRows=repeat, hAlign="LEFT")
        table.setStyle(TableStyle(cmds))
        story += [table, Spacer(1, 6)]
    doc.build(story)


class Mono:
    """A monospace text dump: one string per line, Courier, pages of fixed length."""

    def __init__(self, path: Path, size: float = 6.0, lines_per_page: int = 70):
        self.page = landscape(A4)
        self.canvas = canvas.Canvas(str(path), pagesize=self.page)
        self.size, self.lines_per_page = size, lines_per_page
        self.width = int((self.page[0] - 50) / (size * 0.6))
        self.n = 0

    def line(self, text: str, bold: bool = False) -> None:
        for part in textwrap.wrap(text, self.width, drop_whitespace=False) or [""]:
            if self.n == self.lines_per_page:
                self.canvas.showPage()
                self.n = 0
            y = self.page[1] - 30 - self.n * self.size * 1.25
            if part.strip():
                self.canvas.setFont("Courier-Bold" if bold else "Courier", self.size)
                self.canvas.drawString(25, y, part)
            self.n += 1

    def save(self) -> None:
        self.canvas.save()


def aligned_lines(blocks: list) -> list[tuple[str, bool]]:
    out: list[tuple[str, bool]] = []
    for block in blocks:
        if isinstance(block, Para):
            out += [(part, block.bold) for part in textwrap.wrap(_plain(block.text), 150)] + [("", False)]
            continue
        ncols = len(block.header[0])
        rows = [[_plain(c) for c in row] for row in block.rows]
        first = max(len(r[0]) for r in rows if r) + 2
        width = max([len(c) for r in rows for c in r[1:]] + [6]) + 2
        # Header labels wrapped into the column width, each its own column, bottom aligned.
        wrapped = [[textwrap.wrap(_plain(c), width - 1 if i else first - 1, break_long_words=False) for i, c in enumerate(row)] for row in block.header]
        for row in wrapped:
            height = max(len(w) for w in row)
            for k in range(height):
                parts = []
                for i, w in enumerate(row):
                    piece = w[k - (height - len(w))] if k >= height - len(w) else ""
                    parts.append(piece.ljust(first) if i == 0 else piece.rjust(width))
                out.append(("".join(parts).rstrip(), True))
        if RULE:
            out.append(("-" * (first + width * (ncols - 1)), False))
        for index, row in enumerate(rows):
            if index in block.full:
                out.append((row[0], index in block.bold))
                continue
            out.append((row[0].ljust(first) + "".join(c.rjust(width) for c in row[1:]), index in block.bold))
        out.append(("", False))
    return out


def render_aligned(blocks: list, path: Path) -> None:
    mono = Mono(path)
    for text, bold in aligned_lines(blocks):
        mono.line(text, bold)
    mono.save()


def render_dump(kind: str, blocks: list, path: Path) -> None:
    """Each line of the text rendering as one Courier string (markup resolved)."""
    document = read_document(DOCS[kind])
    if kind in ("tiltak", "home_care_fees"):
        # tabs / pipes: a converter's dump has aligned columns instead
        return render_aligned(blocks, path)
    mono = Mono(path)
    for line in document.lines:
        text = line.text.replace(NBSP, " ")
        mono.line(unmark(text), bold="<b>" in text)
    mono.save()


PLAIN_TITLES = False  # --plain-titles: footnote marker in a title as a plain digit, as the rendering prints it
RULE = False  # a line of dashes under an aligned header
LAYOUTS = ("grid", "plain", "courier", "aligned", "dump")


def make_pdf(kind: str, layout: str, directory: Path) -> Path:
    blocks = MODELS[kind]()
    path = directory / f"{kind}__{layout}.pdf"
    if layout in ("grid", "plain", "courier"):
        platypus(blocks, path, kind=kind, style=layout)
    elif layout == "aligned":
        render_aligned(blocks, path)
    else:
        render_dump(kind, blocks, path)
    return path


# --------------------------------------------------------------- compare ----


def read_rows(out: Path, kind: str) -> dict[str, list[dict]]:
    tables = {}
    for directory in sorted((out / kind).iterdir()):
        rows = []
        for file in directory.glob("*.parquet"):
            if file.name != "_empty.parquet":
                rows += pq.read_table(file).to_pylist()
        tables[directory.name] = rows
    return tables


def extraction_rows(out: Path, table: str) -> list[dict]:
    rows = []
    for file in (out / "extraction" / table).glob("*.parquet"):
        if file.name != "_empty.parquet":
            rows += pq.read_table(file).to_pylist()
    return rows


def run(path: Path, out: Path):
    if out.exists():
        shutil.rmtree(out)
    report = extract_documents([path], out)
    return report.documents[0], out


def scores(path: Path) -> str:
    try:
        document = read_document(path)
    except Exception as error:  # noqa: BLE001
        return f"unreadable: {error}"
    detection = detect_kind(read_tables(document))
    return detection.explain()


def compare(expected: dict[str, list[dict]], got: dict[str, list[dict]], limit: int = 4) -> list[str]:
    notes = []
    for table, rows in expected.items():
        key_cols = KEYS[table]
        strip = lambda r: {k: v for k, v in r.items() if k not in LINEAGE}  # noqa: E731
        want = {tuple(r[k] for k in key_cols): strip(r) for r in rows}
        have: dict = {}
        dupes = 0
        for r in got.get(table, []):
            key = tuple(r[k] for k in key_cols)
            dupes += key in have
            have[key] = strip(r)
        missing = [k for k in want if k not in have]
        extra = [k for k in have if k not in want]
        differ = [(k, c, want[k][c], have[k][c]) for k in want if k in have for c in want[k] if want[k][c] != have[k][c]]
        ok = not missing and not extra and not differ and not dupes and len(rows) == len(got.get(table, []))
        notes.append(f"  {table}: text {len(rows)} rows, pdf {len(got.get(table, []))} rows -> {'SAME' if ok else 'DIFFERENT'}"
                     + (f"; missing {len(missing)}, extra {len(extra)}, differing cells {len(differ)}, duplicate keys {dupes}" if not ok else ""))
        for k in missing[:limit]:
            notes.append(f"    missing {k}")
        for k in extra[:limit]:
            notes.append(f"    extra   {k}: {have[k]}")
        columns = Counter(c for _, c, _, _ in differ)
        if columns:
            notes.append(f"    differing columns: {dict(columns)}")
        for k, c, w, h in differ[:limit]:
            notes.append(f"    {k} {c}: text {w!r} pdf {h!r}")
    return notes


def page_check(path: Path, rows: list[dict], sample: int = 40) -> str:
    """Does each sampled row's name stand on the page its lineage gives?"""
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(path))
    texts = {}
    for i in range(len(pdf)):
        page = pdf[i]
        tp = page.get_textpage()
        texts[i + 1] = squeeze(tp.get_text_range())
        tp.close()
        page.close()
    pdf.close()
    step = max(len(rows) // sample, 1)
    bad, null = [], 0
    for row in rows[::step]:
        page = row["source_page"]
        if page is None:
            null += 1
            continue
        name = row.get("area_name") or row.get("source_name") or ""
        name = squeeze(name)
        if name and name not in texts.get(page, ""):
            bad.append((name, page))
    return f"pages: {len(rows[::step])} sampled, {null} null, {len(bad)} not on their page {bad[:3]}"


def bad_pdfs(directory: Path, source: Path) -> list[str]:
    notes = []
    # encrypted with a user password
    from reportlab.lib.pdfencrypt import StandardEncryption

    def simple(path: Path, encrypt=None) -> Path:
        c = canvas.Canvas(str(path), pagesize=A4, encrypt=encrypt)
        c.setFont("Courier", 8)
        for i, line in enumerate(source.read_text(encoding="utf-8").splitlines()[:60]):
            c.drawString(30, 800 - i * 10, line.replace(NBSP, " ")[:110])
        c.save()
        return path

    cases = {
        "encrypted_user_password": simple(directory / "bad_encrypted.pdf", StandardEncryption("secret", ownerPassword="owner")),
        "encrypted_owner_only (opens without password)": simple(directory / "bad_owner_only.pdf", StandardEncryption("", ownerPassword="owner", canPrint=1, canCopy=0)),
    }
    good = simple(directory / "bad_source.pdf")
    data = good.read_bytes()
    (directory / "bad_truncated.pdf").write_bytes(data[: len(data) // 2])
    cases["truncated (first half)"] = directory / "bad_truncated.pdf"
    # truncated but with a trailing %%EOF still inside the last KB (cut mid-file, then an incremental-update tail)
    (directory / "bad_truncated_eof.pdf").write_bytes(data[: len(data) // 2] + b"\n%%EOF\n")
    cases["truncated, '%%EOF' appended"] = directory / "bad_truncated_eof.pdf"
    # image-only: render the good page to a bitmap and place it as an image
    import pypdfium2 as pdfium
    from reportlab.lib.utils import ImageReader

    pdf = pdfium.PdfDocument(str(good))
    image = pdf[0].render(scale=1.5).to_pil()
    pdf.close()
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    buffer.seek(0)
    c = canvas.Canvas(str(directory / "bad_image_only.pdf"), pagesize=A4)
    c.drawImage(ImageReader(buffer), 0, 0, width=A4[0], height=A4[1])
    c.save()
    cases["image-only (scan)"] = directory / "bad_image_only.pdf"
    for name, path in cases.items():
        outcome, out = run(path, directory / f"out_{path.stem}")
        kinds = [p for p in out.iterdir() if p.is_dir() and p.name != "extraction"]
        written = sum(len(list(d.glob("*/*.parquet"))) - len(list(d.glob("*/_empty.parquet"))) for d in kinds)
        notes.append(f"  {name}: status={outcome.status} rows={outcome.rows} kind={outcome.kind} data files={written} message={outcome.message!r}")
    return notes


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--kinds", default=",".join(DOCS))
    parser.add_argument("--layouts", default=",".join(LAYOUTS))
    parser.add_argument("--out", default=str(ROOT / "qa" / "out" / "independent_pdfs"))
    parser.add_argument("--no-bad", action="store_true")
    parser.add_argument("--plain-titles", action="store_true")
    args = parser.parse_args()
    global PLAIN_TITLES
    PLAIN_TITLES = args.plain_titles
    base = Path(args.out)
    base.mkdir(parents=True, exist_ok=True)
    for kind in args.kinds.split(","):
        _, text_out = run(DOCS[kind], base / f"out_{kind}__text")
        expected = read_rows(text_out, kind)
        for layout in args.layouts.split(","):
            path = make_pdf(kind, layout, base)
            import pypdfium2 as pdfium

            pages = len(pdfium.PdfDocument(str(path)))
            outcome, out = run(path, base / f"out_{kind}__{layout}")
            print(f"== {kind} / {layout} ({path.name}, {pages} pages)")
            print(f"  detection: {scores(path)}")
            print(f"  status={outcome.status} kind={outcome.kind} rows={outcome.rows} rejects={outcome.rejects} message={outcome.message!r}")
            if outcome.kind == kind:
                got = read_rows(out, kind)
                print("\n".join(compare(expected, got)))
                for table, rows in got.items():
                    if rows:
                        print(f"  {table} {page_check(path, rows)}")
                rejects = extraction_rows(out, "rejects")
                for reason, count in Counter(re.sub(r"\d+", "N", r["reason"])[:110] for r in rejects).most_common(4):
                    example = next(r for r in rejects if re.sub(r"\d+", "N", r["reason"])[:110] == reason)
                    print(f"    reject x{count}: {reason} | e.g. p{example['source_page']} {example['raw_line']!r:.150}")
            sys.stdout.flush()
    if not args.no_bad:
        print("== bad PDFs")
        print("\n".join(bad_pdfs(base, DOCS["care_staffing"])))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
