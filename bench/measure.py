"""Every figure of the performance issue in one run, as a table of ratios and rates.

    .venv/bin/python bench/measure.py            # the ten-year archive: a few minutes
    .venv/bin/python bench/measure.py --smoke    # one year, one repetition: does it all still run?

1. Text extraction: MB/s of the archive's text renderings through `extract_documents`
   (the process pool, as `kommunedata` runs it), and in one process for comparison.
2. PDF: pages/s of our whole PDF path (read, detect, parse) against pdfplumber's bare
   `extract_text()` on the same pages.
3. The bundled documents: `kommunedata run` against a one-model dbt build (dbt's floor),
   and dbt building the bundled warehouse's models and seeds alone (no test) against it:
   a lower bound of the run, whatever the rest of it costs.
4. The archive (bench/archive.py): a cold run, a warm run with nothing changed, and a
   run after one document changed, with the peak memory of all the run's processes
   together (sampled from /proc).

A measurement, not a test: it fails only when a command does.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(PROJECT))

from bench.archive import generate_archive  # noqa: E402
from extract.kinds import detect_kind  # noqa: E402
from extract.kinds.base import parse_document  # noqa: E402
from extract.pipeline import extract_documents  # noqa: E402
from extract.readers import read_document  # noqa: E402
from extract.tables import read_tables  # noqa: E402
from tests.unit.pdf_factory import bundled_pdf  # noqa: E402

BIN = Path(sys.executable).parent
# One PDF of each kind's bundled document (care staffing is too wide for portrait A4).
PDF_CASES = [("care_staffing", "landscape"), ("home_care_fees", "portrait"), ("sickness_absence", "portrait"),
             ("tiltak", "portrait"), ("teacher_norm", "portrait")]
PAGE_SIZE = os.sysconf("SC_PAGE_SIZE")


@dataclass(frozen=True)
class Figure:
    name: str
    value: str
    target: str = ""


def median_seconds(function: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        function()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def _tree_rss(root: int) -> int:
    """Resident bytes of a process and all its descendants, from /proc."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            fields = Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        pid, parent = int(entry), int(fields[1])
        children.setdefault(parent, []).append(pid)
        rss[pid] = int(fields[21]) * PAGE_SIZE
    total, stack = 0, [root]
    while stack:
        pid = stack.pop()
        total += rss.get(pid, 0)
        stack += children.get(pid, [])
    return total


def run_measured(command: list[str], cwd: Path = PROJECT) -> tuple[float, int]:
    """Seconds and peak resident bytes (all processes of the command together)."""
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    peak = 0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            peak = max(peak, _tree_rss(process.pid))
            done.wait(0.05)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, errors = process.communicate()
    done.set()
    sampler.join()
    seconds = time.perf_counter() - started
    if process.returncode != 0:
        raise SystemExit(f"{' '.join(command)} exited with {process.returncode}:\n{errors[-2000:]}")
    return seconds, peak


def dbt_floor(scratch: Path, repeat: int) -> float:
    """A one-model dbt-duckdb build: the fixed cost of starting dbt."""
    project = scratch / "trivial"
    (project / "models").mkdir(parents=True, exist_ok=True)
    (project / "dbt_project.yml").write_text("name: trivial\nversion: '1.0'\nprofile: trivial\n")
    (project / "profiles.yml").write_text(
        f"trivial:\n  target: dev\n  outputs:\n    dev:\n      type: duckdb\n      path: {scratch / 'trivial.duckdb'}\n"
    )
    (project / "models" / "one.sql").write_text("select 1 as one\n")
    command = [str(BIN / "dbt"), "build", "--project-dir", str(project), "--profiles-dir", str(project)]
    return median_seconds(lambda: subprocess.run(command, check=True, capture_output=True), repeat)


def dbt_models_only(extracted_dir: Path, scratch: Path, repeat: int) -> tuple[float, int]:
    """(seconds, models and seeds) of a dbt build of the bundled warehouse's models and
    seeds alone, no test, from the bundled run's extraction: what dbt needs for this
    project's nodes however fast the rest of a run becomes."""
    target = scratch / "models-only"
    # The flags `kommunedata` builds with: no JSON artefacts, no file log.
    command = [str(BIN / "dbt"), "--quiet", "--no-write-json", "--log-level-file", "none", "build",
               "--exclude", "resource_type:test", "--project-dir", str(PROJECT),
               "--profiles-dir", str(PROJECT), "--target-path", str(target / "target"), "--log-path", str(target),
               "--vars", json.dumps({"extracted_dir": str(extracted_dir)})]
    environment = {**os.environ, "KOMMUNEDATA_WAREHOUSE": str(target / "models-only.duckdb")}
    if repeat > 1:  # dbt's first parse of the project, which later builds skip as a run does
        subprocess.run(command, check=True, capture_output=True, env=environment)
    seconds = median_seconds(lambda: subprocess.run(command, check=True, capture_output=True, env=environment), repeat)
    listed = subprocess.run([str(BIN / "dbt"), "--quiet", "ls", "--resource-type", "model", "--resource-type", "seed",
                             "--project-dir", str(PROJECT), "--profiles-dir", str(PROJECT),
                             "--target-path", str(target / "target"), "--log-path", str(target)],
                            check=True, capture_output=True, text=True, env=environment)
    return seconds, len(listed.stdout.split())


def kommunedata_run(documents: list[Path], warehouse: Path, *options: str) -> list[str]:
    return [str(BIN / "kommunedata"), "run", *map(str, documents), "--warehouse", str(warehouse), "--quiet", *options]


def text_rate(paths: list[Path], scratch: Path, jobs: int | None) -> float:
    """MB/s of extracting `paths` into a fresh folder (nothing unchanged to skip)."""
    size = sum(path.stat().st_size for path in paths)
    started = time.perf_counter()
    extract_documents(paths, scratch / f"text-{jobs or 'pool'}", jobs=jobs)
    return size / 1e6 / (time.perf_counter() - started)


def pdf_ratio(scratch: Path, repeat: int) -> tuple[float, float]:
    """(our pages/s, our speed ÷ pdfplumber's) on PDFs of the bundled documents."""
    import pdfplumber
    import pypdfium2 as pdfium

    paths = [bundled_pdf(kind, layout, scratch)[1] for kind, layout in PDF_CASES]
    pages = sum(len(pdfium.PdfDocument(str(path))) for path in paths)

    def ours() -> None:
        for path in paths:
            tables = read_tables(read_document(path))
            parse_document(detect_kind(tables).kind, tables)

    def plumber() -> None:
        for path in paths:
            with pdfplumber.open(path) as pdf:
                for page in pdf.pages:
                    page.extract_text()
                    page.close()

    ours()  # imports and caches warm
    ours_seconds, plumber_seconds = median_seconds(ours, repeat), median_seconds(plumber, repeat)
    return pages / ours_seconds, plumber_seconds / ours_seconds


def measure(smoke: bool) -> list[Figure]:
    repeat = 1 if smoke else 3
    figures: list[Figure] = []
    with tempfile.TemporaryDirectory(prefix="kommunedata-bench-") as folder:
        scratch = Path(folder)
        archive = generate_archive(scratch / "archive", years=1 if smoke else 10)
        size = sum(path.stat().st_size for path in archive)
        texts = [path for path in archive if path.suffix == ".txt"]
        figures.append(Figure("archive", f"{len(archive)} documents, {size / 1e6:.1f} MB, "
                                         f"{len(archive) - len(texts)} PDFs"))
        figures.append(Figure("text extraction (process pool)", f"{text_rate(texts, scratch, None):.2f} MB/s",
                              "≥ 2 MB/s"))
        figures.append(Figure("text extraction (one process)", f"{text_rate(texts, scratch, 1):.2f} MB/s"))
        pages_per_second, ratio = pdf_ratio(scratch, repeat)
        figures.append(Figure("PDF: ours / pdfplumber extract_text()", f"{ratio:.1f}× ({pages_per_second:.0f} pages/s)",
                              "> 1×"))

        floor = dbt_floor(scratch, repeat)
        figures.append(Figure("dbt floor (one-model build)", f"{floor:.1f} s"))
        bundled = scratch / "bundled" / "kommunedata.duckdb"
        bundled_seconds = median_seconds(
            lambda: run_measured(kommunedata_run([PROJECT / "documents"], bundled, "--rebuild")), repeat)
        figures.append(Figure("bundled run / dbt floor", f"{bundled_seconds / floor:.1f}× ({bundled_seconds:.1f} s)",
                              "≤ 2×"))
        models_seconds, models = dbt_models_only(bundled.parent / f"{bundled.stem}_extracted", scratch, repeat)
        figures.append(Figure(f"dbt alone: the {models} models and seeds, no test / floor",
                              f"{models_seconds / floor:.1f}× ({models_seconds:.1f} s)"))

        warehouse = scratch / "archive-warehouse" / "kommunedata.duckdb"
        cold, cold_peak = run_measured(kommunedata_run([scratch / "archive"], warehouse, "--keep-going"))
        figures.append(Figure("archive cold run", f"{cold:.1f} s", "≤ 60 s"))
        figures.append(Figure("archive peak memory (all processes)", f"{cold_peak / 2**20:.0f} MiB", "≤ 1024 MiB"))
        warm, _ = run_measured(kommunedata_run([scratch / "archive"], warehouse, "--keep-going"))
        figures.append(Figure("archive warm run (nothing changed)", f"{warm:.1f} s (the floor is {floor:.1f} s)",
                              "≤ floor + 1 s"))
        # A new edition of one document: it alone is read again, and the warehouse is built anew.
        edited = texts[len(texts) // 2]
        edited.write_text(edited.read_text(encoding="utf-8") + "\n", encoding="utf-8")
        changed, _ = run_measured(kommunedata_run([scratch / "archive"], warehouse, "--keep-going"))
        figures.append(Figure("archive, one document changed", f"{changed:.1f} s"))
    return figures


def table(figures: list[Figure]) -> str:
    width = max(len(f.name) for f in figures)
    value_width = max(len(f.value) for f in figures)
    lines = [f"{'measure':<{width}}  {'figure':<{value_width}}  target", "-" * (width + value_width + 12)]
    lines += [f"{f.name:<{width}}  {f.value:<{value_width}}  {f.target}" for f in figures]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--smoke", action="store_true", help="one year of archive, one repetition")
    args = parser.parse_args()
    print(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}", flush=True)
    print(table(measure(args.smoke)))


if __name__ == "__main__":
    main()
