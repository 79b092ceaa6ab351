"""A reportlab layout (grid lines, Times, centred labels over right-aligned
numbers, superscript footnote markers) gives exactly the rows of the text
rendering, as the fpdf2 factory's layouts do."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from extract.kinds import detect_kind
from extract.readers import read_text
from extract.tables import read_file
from tests.unit import pdf_reportlab
from tests.unit.pdf_factory import DOCUMENTS, MODELS, Paragraph

LINEAGE = {"source_file", "source_sha256", "source_page", "source_line", "raw_line",
           "split_candidates", "is_disambiguated", "total_bound"}


def rows(result) -> dict[str, Counter]:
    return {
        table: Counter(tuple(sorted((k, v) for k, v in row.items() if k not in LINEAGE)) for row in table_rows)
        for table, table_rows in result.tables.items()
    }


@pytest.mark.parametrize("kind", ["care_staffing", "home_care_fees"])
def test_reportlab_grid_layout_gives_the_rows_of_the_text_rendering(kind: str, tmp_path: Path) -> None:
    model, name = MODELS[kind]
    text_path = DOCUMENTS / name
    blocks = model(read_text(text_path))
    pdf_path = pdf_reportlab.render(blocks, tmp_path / f"{kind}.pdf")
    pdf_doc = read_file(pdf_path)
    assert len({line.page for line in pdf_doc.lines}) > 1
    # The title's footnote marker is set as a superscript in this PDF.
    assert any(isinstance(b, Paragraph) and b.bold and "<super>" in pdf_reportlab.superscripts(b.text) for b in blocks)
    detected = detect_kind(pdf_doc).kind
    assert detected is not None and detected.kind == kind
    from_text, from_pdf = detected.parse(read_file(text_path)), detected.parse(pdf_doc)
    assert from_pdf.rejects == []
    assert rows(from_pdf) == rows(from_text)
    assert {(f.name, f.value) for f in from_pdf.facts} == {(f.name, f.value) for f in from_text.facts}
