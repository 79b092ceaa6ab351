"""PDF extraction speed against pdfplumber, and the pipeline against dbt's start-up.

    .venv/bin/python bench/pdf_benchmark.py

1. Pages per second of our whole PDF extraction (read the PDF, detect the kind,
   parse) against pdfplumber's bare `extract_text()` on the same pages, as a ratio.
   The PDFs are made from the bundled documents by the tests' factory.
2. The whole pipeline (`kommunedata run`) on the bundled documents against a
   trivial one-model dbt build in a scratch project: dbt's fixed start-up cost.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(PROJECT))

from extract.kinds import detect_kind  # noqa: E402
from extract.tables import read_file  # noqa: E402
from tests.unit.pdf_factory import bundled_pdf  # noqa: E402

# One PDF of each kind's bundled document (care staffing is too wide for portrait A4).
CASES = [
    ("care_staffing", "landscape"),
    ("home_care_fees", "portrait"),
    ("sickness_absence", "portrait"),
    ("tiltak", "portrait"),
    ("teacher_norm", "portrait"),
]


def ours(paths: list[Path]) -> int:
    rows = 0
    for path in paths:
        document = read_file(path)
        rows += detect_kind(document).kind.parse(document).rows()
    return rows


def pdfplumber_text(paths: list[Path]) -> int:
    import pdfplumber

    characters = 0
    for path in paths:
        with pdfplumber.open(path) as pdf:
            for page in pdf.pages:
                characters += len(page.extract_text() or "")
                page.close()
    return characters


def timed(function, *args) -> float:
    started = time.perf_counter()
    function(*args)
    return time.perf_counter() - started


def dbt_trivial(scratch: Path) -> float:
    project = scratch / "trivial"
    (project / "models").mkdir(parents=True)
    (project / "dbt_project.yml").write_text("name: trivial\nversion: '1.0'\nprofile: trivial\n")
    (project / "profiles.yml").write_text(
        f"trivial:\n  target: dev\n  outputs:\n    dev:\n      type: duckdb\n      path: {scratch / 'trivial.duckdb'}\n"
    )
    (project / "models" / "one.sql").write_text("select 1 as one\n")
    dbt = Path(sys.executable).parent / "dbt"
    started = time.perf_counter()
    subprocess.run([str(dbt), "build", "--project-dir", str(project), "--profiles-dir", str(project)],
                   check=True, capture_output=True)
    return time.perf_counter() - started


def pipeline(scratch: Path) -> float:
    kommunedata = Path(sys.executable).parent / "kommunedata"
    started = time.perf_counter()
    subprocess.run([str(kommunedata), "run", "--warehouse", str(scratch / "bench.duckdb"),
                    "--parquet-dir", str(scratch / "marts"), "--extracted-dir", str(scratch / "extracted")],
                   check=True, capture_output=True, cwd=PROJECT)
    return time.perf_counter() - started


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        scratch = Path(folder)
        paths = [bundled_pdf(kind, layout, scratch)[1] for kind, layout in CASES]
        import pypdfium2 as pdfium

        pages = sum(len(pdfium.PdfDocument(str(p))) for p in paths)
        ours(paths), pdfplumber_text(paths[:1])  # warm imports and caches
        ours_s = min(timed(ours, paths) for _ in range(3))
        plumber_s = min(timed(pdfplumber_text, paths) for _ in range(2))
        print(f"PDFs: {len(paths)} made from the bundled documents, {pages} pages")
        print(f"ours (read + detect + parse): {pages / ours_s:8.1f} pages/s  ({ours_s:.2f} s)")
        print(f"pdfplumber extract_text():    {pages / plumber_s:8.1f} pages/s  ({plumber_s:.2f} s)")
        print(f"ratio ours / pdfplumber:      {plumber_s / ours_s:8.1f}x")
        run_s, dbt_s = pipeline(scratch), dbt_trivial(scratch)
        print(f"pipeline on the bundled documents (kommunedata run): {run_s:.1f} s")
        print(f"trivial one-model dbt build (start-up cost):          {dbt_s:.1f} s")
        print(f"pipeline beyond dbt's start-up:                       {run_s - dbt_s:.1f} s")


if __name__ == "__main__":
    main()
