"""The zoo as a matrix: kind × layout class, how much of each sample every layout gives back.

    .venv/bin/python -m tests.zoo.report [--kinds care_staffing,tiltak] [--classes text_fixed,pdf_fpdf2]
                                         [--keep DIR] [--verbose]

Each cell sums the layouts of its kind and class: the share of the sample's rows
extracted right, the lines rejected, the rows extracted that are not the sample's
(wrong), and the documents failed or not detected as their kind, of the layouts.
Below the matrix every layout that is not perfect is listed with its first differences.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from tests.zoo import harness
from tests.zoo.rules import CLASSES, Layout, layouts, render_layout


@dataclass
class Result:
    layout: Layout
    outcome: harness.Outcome | None
    comparison: harness.Comparison | None
    problem: str | None  # why the layout could not be compared at all
    seconds: float

    @property
    def failed(self) -> bool:
        return self.outcome is None or self.outcome.status != "extracted" or self.outcome.kind != harness.extraction_kind(self.layout.kind)

    @property
    def perfect(self) -> bool:
        c = self.comparison
        return not self.failed and c is not None and c.right == c.expected and not c.wrong and not c.rejects


def evaluate(layout: Layout, directory: Path) -> Result:
    start = time.perf_counter()
    problem = harness.truth_problem(layout.kind)
    try:
        path = render_layout(layout, directory)
    except Exception as error:  # noqa: BLE001 (a renderer's failure is reported, not raised)
        return Result(layout, None, None, f"not rendered: {type(error).__name__}: {error}", time.perf_counter() - start)
    with tempfile.TemporaryDirectory() as out:
        outcome = harness.run_extract(path, Path(out))
    truth = harness.truth(layout.kind)
    wanted = None if problem else harness.expected_rows(layout.kind, layout.wording, truth.rows())
    comparison = None if problem else harness.compare(outcome, truth, wanted)
    return Result(layout, outcome, comparison, problem, time.perf_counter() - start)


def _cell(results: list[Result]) -> str:
    if not results:
        return ""
    expected = sum(r.comparison.expected for r in results if r.comparison)
    right = sum(r.comparison.right for r in results if r.comparison)
    rejects = sum(len(r.outcome.rejects) for r in results if r.outcome)
    wrong = sum(sum(r.comparison.wrong.values()) for r in results if r.comparison)
    failed = sum(r.failed for r in results)
    # Never rounded up: 100% means every row.
    share = "n/a" if not expected else "100%" if right == expected else f"{int(1000 * right / expected) / 10}%"
    return f"{share} {rejects}r {wrong}w {failed}/{len(results)}f"


def matrix(results: list[Result], classes: list[str]) -> str:
    kinds = list(dict.fromkeys(r.layout.kind for r in results))
    width = max(len(_cell([r])) for r in results) + 8
    lines = ["kind".ljust(18) + "".join(c.removeprefix("text_").removeprefix("pdf_").ljust(width) for c in classes)]
    for kind in kinds:
        cells = [_cell([r for r in results if r.layout.kind == kind and r.layout.cls == c]) for c in classes]
        lines.append(kind.ljust(18) + "".join(cell.ljust(width) for cell in cells))
    return "\n".join(lines)


def details(result: Result) -> list[str]:
    layout, outcome = result.layout, result.outcome
    head = f"{layout.id} [{layout.cls}] {result.seconds:.1f}s"
    if outcome is None:
        return [f"{head}: {result.problem}"]
    lines = [
        f"{head}: status {outcome.status}, kind {outcome.kind}" + (f": {outcome.message}" if outcome.message else "")
    ]
    lines.append(f"  options: {layout.describe()}")
    if result.problem:
        lines.append(f"  {result.problem}")
    elif result.comparison:
        lines += ["  " + line for line in result.comparison.describe()]
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--kinds", default=",".join(harness.KINDS))
    parser.add_argument("--classes", default=",".join(CLASSES))
    parser.add_argument("--keep", type=Path, help="write the rendered files here")
    parser.add_argument("--verbose", action="store_true", help="list every layout, perfect ones too")
    parser.add_argument("--list", action="store_true", help="list the layouts and their options, run nothing")
    args = parser.parse_args(argv)
    classes = [c for c in CLASSES if c in args.classes.split(",")]
    if args.list:
        for kind in args.kinds.split(","):
            for layout in layouts(kind):
                if layout.cls in classes:
                    print(f"{layout.id} [{layout.cls}]\n  {layout.describe()}")
        return 0
    results: list[Result] = []
    with tempfile.TemporaryDirectory() as tmp:
        directory = args.keep or Path(tmp)
        directory.mkdir(parents=True, exist_ok=True)
        for kind in args.kinds.split(","):
            for layout in layouts(kind):
                if layout.cls in classes:
                    results.append(evaluate(layout, directory))
                    print(
                        f"  {layout.id}: {'ok' if results[-1].perfect else 'NOT OK'} ({results[-1].seconds:.1f}s)",
                        file=sys.stderr,
                    )
    print("cells: rows right (share of the sample's) · rejected lines (r) · wrong rows, not the sample's (w)")
    print("       · documents failed or not detected as their kind / layouts (f)\n")
    print(matrix(results, classes))
    print()
    for result in results:
        if args.verbose or not result.perfect:
            print("\n".join(details(result)))
    return 0 if all(r.perfect for r in results) else 1


if __name__ == "__main__":
    raise SystemExit(main())
