"""Every layout of every kind must give exactly the sample's rows.

    .venv/bin/pytest tests/zoo                       # all (kind, layout) pairs
    .venv/bin/pytest tests/zoo -k care_staffing-fixed

A layout is rendered into tmp_path, extracted with the project's pipeline, and its rows
are compared with the rows extracted from the sample itself, as multisets, lineage and
reading columns aside. Exception: `text_single_space`, where thousands and cells are both
parted by ordinary spaces, so a line may fairly be rejected; there no extracted row may
differ from the sample's and every missing row must be named by a reject.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.zoo import harness
from tests.zoo.rules import Layout, layouts, render_layout

CASES = [layout for kind in harness.KINDS for layout in layouts(kind)]


def _context(layout: Layout, path: Path, comparison: harness.Comparison | None = None) -> str:
    lines = [f"layout {layout.id} [{layout.cls}] rendered as {path.name}", f"  options: {layout.describe()}"]
    return "\n".join(lines + (comparison.describe() if comparison else []))


@pytest.mark.parametrize("layout", CASES, ids=[layout.id for layout in CASES])
def test_layout_gives_the_samples_rows(layout: Layout, tmp_path: Path) -> None:
    problem = harness.truth_problem(layout.kind)
    assert problem is None, problem
    path = render_layout(layout, tmp_path)
    got = harness.run_extract(path, tmp_path / "out")
    kind = harness.extraction_kind(layout.kind)
    assert got.status == "extracted" and got.kind == kind, (
        f"status {got.status}, kind {got.kind} (expected extracted as {kind}): {got.message}\n"
        + _context(layout, path)
    )
    truth = harness.truth(layout.kind)
    comparison = harness.compare(got, truth, harness.expected_rows(layout.kind, layout.wording, truth.rows()))
    if layout.cls == "text_single_space":
        assert not comparison.wrong, "rows read wrong (not the sample's):\n" + _context(layout, path, comparison)
        unaccounted = sum(comparison.unaccounted.values())
        assert not unaccounted, f"{unaccounted} rows missing with no reject naming their line:\n" + _context(
            layout, path, comparison
        )
        return
    perfect = comparison.right == comparison.expected and not comparison.wrong and not comparison.rejects
    assert perfect, _context(layout, path, comparison)
