"""Build the warehouse with dbt and publish it only when the build passes.

dbt builds into a new DuckDB file beside the published one; the marts are then
exported to a new Parquet folder. Only when dbt and its error-severity tests pass
are both swapped into place (a rename each), so an analyst or BI tool holding the
old file open keeps reading it, and a failed build leaves the previous warehouse
and Parquet marts untouched.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parent.parent
MARTS_SCHEMA = "main"
TEST_STATUSES = ("pass", "warn", "fail", "error", "skipped")


@dataclass
class BuildReport:
    warehouse: Path
    parquet_dir: Path
    succeeded: bool = False
    published: bool = False
    tests: Counter = field(default_factory=Counter)
    models: Counter = field(default_factory=Counter)
    marts: dict[str, int] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    log_path: Path | None = None


def default_paths(warehouse: Path) -> tuple[Path, Path]:
    """The Parquet marts and the extracted files that belong to a warehouse file."""
    return warehouse.parent / f"{warehouse.stem}_marts", warehouse.parent / f"{warehouse.stem}_extracted"


def dbt_executable() -> str:
    beside_python = Path(sys.executable).parent / "dbt"
    return str(beside_python) if beside_python.exists() else (shutil.which("dbt") or "dbt")


def _remove_database(path: Path) -> None:
    for candidate in (path, path.with_name(path.name + ".wal")):
        candidate.unlink(missing_ok=True)


def build_warehouse(extracted_dir: Path, warehouse: Path, parquet_dir: Path, target: str | None = None) -> BuildReport:
    warehouse, parquet_dir, extracted_dir = warehouse.resolve(), parquet_dir.resolve(), extracted_dir.resolve()
    report = BuildReport(warehouse=warehouse, parquet_dir=parquet_dir)
    warehouse.parent.mkdir(parents=True, exist_ok=True)
    building = warehouse.with_name(f".{warehouse.name}.building")
    _remove_database(building)
    work_dir = warehouse.parent / f".{warehouse.stem}_dbt"
    work_dir.mkdir(exist_ok=True)
    report.log_path = work_dir / "dbt_build.log"

    command = [
        dbt_executable(), "build",
        "--project-dir", str(PROJECT_DIR),
        "--profiles-dir", str(PROJECT_DIR),
        "--target-path", str(work_dir / "target"),
        "--log-path", str(work_dir / "logs"),
        "--vars", json.dumps({"extracted_dir": str(extracted_dir)}),
    ]
    if target:
        command += ["--target", target]
    environment = {**os.environ, "KOMMUNEDATA_WAREHOUSE": str(building), "DBT_SEND_ANONYMOUS_USAGE_STATS": "false"}
    completed = subprocess.run(command, cwd=PROJECT_DIR, env=environment, capture_output=True, text=True)
    report.log_path.write_text(completed.stdout + completed.stderr, encoding="utf-8")
    failing_tests = _read_run_results(work_dir / "target" / "run_results.json", report)
    if completed.returncode != 0:
        if not report.problems:
            tail = (completed.stdout + completed.stderr).strip().splitlines()[-15:]
            report.problems.append("dbt build failed:\n    " + "\n    ".join(tail))
        if building.exists():
            _show_failing_rows(building, failing_tests, report)
        _remove_database(building)
        return report
    report.succeeded = True
    if target and target != "local":
        return report  # a remote target (MotherDuck) is its own publication
    try:
        marts_building, report.marts = _export_marts(building, parquet_dir)
        # The DuckDB file first: if its rename fails, the old marts are still in place.
        _publish(building, warehouse)
        _swap_folder(marts_building, parquet_dir)
        report.published = True
    finally:
        _remove_database(building)
    return report


def _read_run_results(path: Path, report: BuildReport) -> dict[str, str]:
    """Count results into the report; return the failing tests' compiled SQL by name."""
    failing: dict[str, str] = {}
    if not path.exists():
        return failing
    results = json.loads(path.read_text(encoding="utf-8"))["results"]
    for result in results:
        unique_id, status = result["unique_id"], result["status"]
        # unique_id: <resource>.<project>.<name>[.<hash> for tests]
        resource, name = unique_id.split(".")[0], unique_id.split(".")[2]
        message = (result.get("message") or "").strip()
        if resource in ("test", "unit_test"):
            report.tests[status] += 1
            if status == "warn":
                report.warnings.append(f"test {name}: {message}")
            if status in ("fail", "error"):
                report.problems.append(f"test {name}: {status} — {message}")
                if status == "fail" and result.get("compiled_code"):
                    failing[name] = result["compiled_code"]
        else:
            report.models[status] += 1
            if status == "error":
                report.problems.append(f"{resource} {name}: {message}")
    return failing


def _show_failing_rows(database: Path, failing_tests: dict[str, str], report: BuildReport, limit: int = 5) -> None:
    """The first rows each failing test returned: which number disagreed with which total."""
    import duckdb

    try:
        connection = duckdb.connect(str(database), read_only=True)
    except duckdb.Error:
        return
    with connection:
        for name, sql in failing_tests.items():
            try:
                cursor = connection.execute(f"select * from ({sql}) as failing limit {limit}")
                columns = [column[0] for column in cursor.description]
                rows = cursor.fetchall()
            except duckdb.Error:
                continue
            shown = "\n".join("      " + ", ".join(f"{c}={v}" for c, v in zip(columns, row)) for row in rows)
            report.problems.append(f"rows of {name} (first {limit}):\n{shown}")


def _export_marts(database: Path, parquet_dir: Path) -> tuple[Path, dict[str, int]]:
    """Write every mart to a new folder beside `parquet_dir`, one Parquet file per mart."""
    import duckdb

    building = parquet_dir.with_name(f".{parquet_dir.name}.building")
    shutil.rmtree(building, ignore_errors=True)
    building.mkdir(parents=True)
    rows: dict[str, int] = {}
    with duckdb.connect(str(database), read_only=True) as connection:
        tables = [
            name for (name,) in connection.execute(
                "select table_name from information_schema.tables "
                "where table_schema = ? and table_type = 'BASE TABLE' order by table_name",
                [MARTS_SCHEMA],
            ).fetchall()
        ]
        for table in tables:
            target = building / f"{table}.parquet"
            connection.execute(f"copy (select * from {MARTS_SCHEMA}.\"{table}\") to '{target}' (format parquet)")
            rows[table] = connection.execute(f"select count(*) from {MARTS_SCHEMA}.\"{table}\"").fetchone()[0]
    return building, rows


def _swap_folder(building: Path, target: Path) -> None:
    previous = target.with_name(f".{target.name}.previous")
    shutil.rmtree(previous, ignore_errors=True)
    if target.exists():
        os.replace(target, previous)
    os.replace(building, target)
    shutil.rmtree(previous, ignore_errors=True)


def _publish(building: Path, warehouse: Path) -> None:
    # A rename replaces the directory entry: sessions holding the old file open keep
    # reading the old file; new sessions open the new one.
    os.replace(building, warehouse)
