"""Build the warehouse with dbt and publish it only when the build passes.

dbt builds into a new DuckDB file beside the published one; the marts are then
exported to a new Parquet folder. Only when dbt and its error-severity tests pass
are both swapped into place (a rename each), so an analyst or BI tool holding the
old file open keeps reading it, and a failed build leaves the previous warehouse
and Parquet marts untouched.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from extract import parquet_store as store
from extract import pipeline
from extract.progress import Progress, dbt_node_done

PROJECT_DIR = Path(__file__).resolve().parent.parent
# Leaving documents out can bring out failures they hid (a check across documents, a
# test skipped after its model failed): build again a few times, not forever.
MAX_QUARANTINE_ROUNDS = 3
MARTS_SCHEMA = "main"
TEST_STATUSES = ("pass", "warn", "fail", "error", "skipped")


@dataclass(frozen=True)
class FailingTest:
    """An error-severity test that failed, with the documents its failing rows name."""

    name: str
    first_rows: str  # its first failing rows, one per line, for people
    documents: frozenset[str] | None  # source_sha256 of every failing row; None when the rows name none
    # (source_sha256, source_line) of every failing row, where each names its line: a
    # test of single rows, whose failure costs those rows, not their documents.
    lines: frozenset[tuple[str, int]] | None = None

    def describe(self) -> str:
        return f"test {self.name} failed:\n{self.first_rows}"


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
    failing_tests: list[FailingTest] = field(default_factory=list)
    quarantined: dict[str, str] = field(default_factory=dict)  # source file → why, for documents left out
    published_documents: int = 0
    rejected_by_tests: dict[tuple[str, int], str] = field(default_factory=dict)  # (file, line) → failed tests
    # Failures no document is to blame for: a model that did not build, a test that
    # could not run, or whose failing rows name no document (the municipality dimension, a seed).
    blocking: bool = False

    def to_blame(self) -> tuple[dict[tuple[str, int], list[FailingTest]], dict[str, list[FailingTest]]]:
        """The rows (by document and line) and the documents that made tests fail, each
        with those tests; both empty when a failure names no document, since leaving
        documents out cannot mend it."""
        rows: dict[tuple[str, int], list[FailingTest]] = {}
        documents: dict[str, list[FailingTest]] = {}
        if self.blocking or self.succeeded:
            return rows, documents
        for test in self.failing_tests:
            if test.lines:
                for line in test.lines:
                    rows.setdefault(line, []).append(test)
            else:
                for sha256 in test.documents or ():
                    documents.setdefault(sha256, []).append(test)
        return rows, documents


def default_paths(warehouse: Path) -> tuple[Path, Path]:
    """The Parquet marts and the extracted files that belong to a warehouse file."""
    return warehouse.parent / f"{warehouse.stem}_marts", warehouse.parent / f"{warehouse.stem}_extracted"


def _remove_database(path: Path) -> None:
    for candidate in (path, path.with_name(path.name + ".wal")):
        candidate.unlink(missing_ok=True)


@dataclass(frozen=True)
class NodeResult:
    """What became of one model, seed or test of a dbt invocation."""

    unique_id: str  # <resource>.<project>.<name>[.<hash> for tests]
    status: str
    message: str
    compiled_code: str | None


def _run_dbt(arguments: list[str], environment: dict[str, str],
             progress: Progress | None) -> tuple[int, str, list[NodeResult]]:
    """Run dbt in this process (dbt-core's `dbtRunner`: no second interpreter to start),
    telling `progress` of each model and test as it finishes; its exit code, log and
    the result of every node (as objects: dbt writes no JSON artefacts for us to read back)."""
    from dbt.cli.main import dbtRunner

    lines: list[str] = []

    def told(event) -> None:
        if event.info.level in ("info", "warn", "error") and event.info.msg:
            lines.append(f"{time.strftime('%H:%M:%S')}  {event.info.msg}\n")
            done = dbt_node_done(event.info.msg)
            if done and progress is not None:
                progress.update(done[0], done[1], current=done[2])

    saved = {name: os.environ.get(name) for name in environment}
    os.environ.update(environment)  # the profile reads the warehouse's path from the environment
    try:
        result = dbtRunner(callbacks=[told]).invoke(arguments)
    finally:
        _close_dbt_duckdb()
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
        if progress is not None:
            progress.finish()
    if result.exception is not None:
        lines.append(f"dbt could not run: {type(result.exception).__name__}: {result.exception}\n")
        return 2, "".join(lines), []
    nodes = [NodeResult(node.node.unique_id, str(node.status), node.message or "",
                        getattr(node.node, "compiled_code", None))
             for node in getattr(result.result, "results", None) or ()]
    return (0 if result.success else 1), "".join(lines), nodes


def _close_dbt_duckdb() -> None:
    """Close the DuckDB database dbt-duckdb keeps open in this process after a build:
    until then the built file cannot be opened again here (read only, to export it).
    dbt-duckdb (pinned) keeps it on its connection manager and offers no public close."""
    from dbt.adapters.duckdb.connections import DuckDBConnectionManager

    environment = DuckDBConnectionManager._ENV
    if environment is not None:
        environment.close()
    DuckDBConnectionManager.close_all_connections()


def build_warehouse(extracted_dir: Path, warehouse: Path, parquet_dir: Path, target: str | None = None,
                    progress: Progress | None = None) -> BuildReport:
    warehouse, parquet_dir, extracted_dir = warehouse.resolve(), parquet_dir.resolve(), extracted_dir.resolve()
    report = BuildReport(warehouse=warehouse, parquet_dir=parquet_dir)
    warehouse.parent.mkdir(parents=True, exist_ok=True)
    # One name for every run (runs take turns, see `cli`): dbt's profile stays the same, so
    # it parses the project again only where it changed; a crashed run's file is removed.
    building = warehouse.with_name(f".{warehouse.name}.building")
    _remove_database(building)
    work_dir = warehouse.parent / f".{warehouse.stem}_dbt"
    work_dir.mkdir(exist_ok=True)
    report.log_path = work_dir / "dbt_build.log"

    command = [
        # No manifest.json or run_results.json: the results come back as objects, and
        # serialising a manifest of hundreds of nodes costs a second per invocation.
        "--no-use-colors", "--no-send-anonymous-usage-stats", "--quiet", "--log-level-file", "none",
        "--no-write-json", "build",
        "--project-dir", str(PROJECT_DIR),
        "--profiles-dir", str(PROJECT_DIR),
        "--target-path", str(work_dir / "target"),
        "--log-path", str(work_dir / "logs"),
        "--vars", json.dumps({"extracted_dir": str(extracted_dir)}),
        "--exclude", "tag:macro_check",  # checks of the test macros, run by `make test`
    ]
    if target:
        command += ["--target", target]
    environment = {"KOMMUNEDATA_WAREHOUSE": str(building)}
    returncode, output, results = _run_dbt(command, environment, progress)
    report.log_path.write_text(output, encoding="utf-8")
    failing_sql = _count_results(results, report)
    if returncode != 0:
        if not report.problems:
            tail = output.strip().splitlines()[-15:]
            report.problems.append("dbt build failed:\n    " + "\n    ".join(tail))
            report.blocking = True
        if building.exists():
            report.failing_tests = _failing_tests(building, failing_sql)
            report.problems += [f"rows of {test.name}:\n{test.first_rows}" for test in report.failing_tests]
        report.blocking = report.blocking or len(report.failing_tests) < report.tests["fail"] + report.tests["error"] \
            or any(test.documents is None for test in report.failing_tests)
        _remove_database(building)
        return report
    report.succeeded = True
    if target and target != "local":
        return report  # a remote target (MotherDuck) is its own publication
    try:
        marts_building, report.marts = _export_marts(building, parquet_dir)
        # The DuckDB file first: if its rename fails, the old marts are still in place.
        _publish(building, warehouse)
        store.swap_folder(marts_building, parquet_dir)
        report.published = True
    finally:
        _remove_database(building)
    return report


def build_publishing_what_passes(extracted_dir: Path, warehouse: Path, parquet_dir: Path,
                                 target: str | None = None, strict: bool = False,
                                 progress: Progress | None = None) -> BuildReport:
    """Build; when error-severity tests fail on rows of some documents, build again
    without those documents (quarantined in `extracted_dir`, which must be this run's
    own copy) and publish the rest. `strict` publishes all or nothing. A failure no
    document is blamed for, or one that would leave nothing to publish, publishes nothing."""
    manifest = {row["source_sha256"]: row["source_file"] for row in store.read_manifest(extracted_dir)
                if row["status"] in (pipeline.EXTRACTED, pipeline.UNCHANGED)}
    quarantined: dict[str, str] = {}
    rejected: dict[tuple[str, int], str] = {}
    for _ in range(MAX_QUARANTINE_ROUNDS + 1):
        if progress is not None:
            progress.start("dbt models and tests")
        report = build_warehouse(extracted_dir, warehouse, parquet_dir, target, progress)
        rows, documents = report.to_blame()
        if report.succeeded or strict or not (rows or documents) or set(manifest) <= set(quarantined) | set(documents):
            break
        row_reasons = {line: "failed " + ", ".join(f"test {test.name}" for test in tests)
                       for line, tests in rows.items()}
        pipeline.reject_rows(extracted_dir, row_reasons)
        rejected.update(row_reasons)
        reasons = {sha256: "; ".join(test.describe() for test in tests) for sha256, tests in documents.items()}
        pipeline.quarantine(extracted_dir, reasons)
        quarantined.update({manifest.get(sha256, sha256): reason for sha256, reason in reasons.items()})
    report.quarantined = quarantined
    report.rejected_by_tests = {(manifest.get(sha256, sha256), line): reason
                                for (sha256, line), reason in rejected.items()}
    report.published_documents = len(manifest) - len(quarantined)
    return report


def _count_results(results: list[NodeResult], report: BuildReport) -> dict[str, str]:
    """Count results into the report; return the failing tests' compiled SQL by name."""
    failing: dict[str, str] = {}
    for result in results:
        resource, name = result.unique_id.split(".")[0], result.unique_id.split(".")[2]
        status, message = result.status, result.message.strip()
        if resource in ("test", "unit_test"):
            report.tests[status] += 1
            if status == "warn":
                report.warnings.append(f"test {name}: {message}")
            if status in ("fail", "error"):
                report.problems.append(f"test {name}: {status} — {message}")
                if status == "fail" and result.compiled_code:
                    failing[name] = result.compiled_code
        else:
            report.models[status] += 1
            if status == "error":
                report.problems.append(f"{resource} {name}: {message}")
                report.blocking = True
    return failing


def _failing_tests(database: Path, failing_sql: dict[str, str], limit: int = 5) -> list[FailingTest]:
    """Each failing test's first rows (which number disagreed with which total) and the
    documents its rows name, from the test's compiled SQL run on the built database."""
    import duckdb

    try:
        connection = duckdb.connect(str(database), read_only=True)
    except duckdb.Error:
        return []
    tests = []
    with connection:
        for name, sql in failing_sql.items():
            try:
                cursor = connection.execute(f"select * from ({sql}) as failing limit {limit}")
                columns = [column[0] for column in cursor.description]
                rows = cursor.fetchall()
                documents = lines = None
                if "source_sha256" in columns:
                    named = connection.execute(f"select distinct source_sha256 from ({sql}) as failing").fetchall()
                    # A row with no document (a total no component matched) blames none.
                    if all(sha256 for (sha256,) in named):
                        documents = frozenset(sha256 for (sha256,) in named)
                if documents and "source_line" in columns:
                    named = connection.execute(
                        f"select distinct source_sha256, source_line from ({sql}) as failing").fetchall()
                    if all(line is not None for _, line in named):
                        lines = frozenset((sha256, int(line)) for sha256, line in named)
            except duckdb.Error:
                continue
            shown = "\n".join("      " + ", ".join(f"{c}={v}" for c, v in zip(columns, row)) for row in rows)
            tests.append(FailingTest(name, shown, documents, lines))
    return tests


def _export_marts(database: Path, parquet_dir: Path) -> tuple[Path, dict[str, int]]:
    """Write every mart to a new folder beside `parquet_dir`, one Parquet file per mart,
    each carrying its description where BI tools look: the mart's and every column's
    (the yml descriptions dbt persisted as DuckDB comments), the project version, the
    build time and the documents it was built from (see `mart_metadata`)."""
    import duckdb
    import pyarrow.parquet as pq

    building = parquet_dir.with_name(f".{parquet_dir.name}.building.{os.getpid()}")
    shutil.rmtree(building, ignore_errors=True)
    building.mkdir(parents=True)
    rows: dict[str, int] = {}
    built_at = datetime.now(UTC).isoformat(timespec="seconds")
    with duckdb.connect(str(database), read_only=True) as connection:
        descriptions = dict(connection.execute(
            "select table_name, comment from duckdb_tables() where schema_name = ?", [MARTS_SCHEMA]).fetchall())
        column_descriptions: dict[str, dict[str, str]] = {}
        for table, column, comment in connection.execute(
                "select table_name, column_name, comment from duckdb_columns() where schema_name = ? "
                "and comment is not null", [MARTS_SCHEMA]).fetchall():
            column_descriptions.setdefault(table, {})[column] = comment
        documents = [
            {"file": file, "sha256": sha256} for file, sha256 in connection.execute(
                f"select source_file, source_sha256 from {MARTS_SCHEMA}.audit_documents "
                "where extraction_status in ('extracted', 'unchanged') order by source_file").fetchall()
        ]
        for table in sorted(descriptions):
            arrow = connection.execute(f"select * from {MARTS_SCHEMA}.\"{table}\"").to_arrow_table()
            arrow = arrow.cast(mart_metadata(arrow.schema, descriptions[table], column_descriptions.get(table, {}),
                                             built_at, documents))
            pq.write_table(arrow, building / f"{table}.parquet")
            rows[table] = arrow.num_rows
    return building, rows


def mart_metadata(schema, description: str | None, columns: dict[str, str], built_at: str,
                  documents: list[dict[str, str]]):
    """`schema` with the mart's key-value metadata (`kommunedata.*` keys, JSON where a
    value is a list or a mapping) and each column's description on its field."""
    import pyarrow as pa

    fields = [field.with_metadata({"description": columns[field.name]}) if field.name in columns else field
              for field in schema]
    metadata = {
        "kommunedata.description": description or "",
        "kommunedata.columns": json.dumps(columns, ensure_ascii=False),
        "kommunedata.version": project_version(),
        "kommunedata.built_at": built_at,
        "kommunedata.documents": json.dumps(documents, ensure_ascii=False),
    }
    return pa.schema(fields, metadata=metadata)


def project_version() -> str:
    """The installed package's version (from pyproject.toml)."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("kommunedata")
    except PackageNotFoundError:
        return "unknown"


# What a build's outcome depends on besides the documents: the dbt project's own files.
PROJECT_INPUTS = ("models", "macros", "tests/dbt", "seeds", "analyses", "dbt_project.yml", "profiles.yml")


def build_fingerprint(extracted_dir: Path, target: str | None, strict: bool) -> str:
    """A hash of everything a build reads: which documents (by content and name), the
    parser that read each, the dbt project's files, the version and the options. Equal
    fingerprints build equal warehouses."""
    digest = hashlib.sha256(f"{project_version()}|{target}|{strict}".encode())
    documents = sorted(
        (row["source_sha256"] or "", row["source_file"], row["kind"] or "", row["parser_version"] or "",
         # An unchanged document was read as it was: the same rows as when it was extracted.
         pipeline.EXTRACTED if row["status"] == pipeline.UNCHANGED else row["status"])
        for row in store.read_manifest(extracted_dir)
    )
    digest.update(repr(documents).encode())
    for name in PROJECT_INPUTS:
        path = PROJECT_DIR / name
        files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
        for file in files:
            if file.exists():
                digest.update(str(file.relative_to(PROJECT_DIR)).encode())
                digest.update(file.read_bytes())
    return digest.hexdigest()


def _last_build_path(warehouse: Path) -> Path:
    return warehouse.parent / f".{warehouse.stem}_dbt" / "last_build.json"


def record_build(warehouse: Path, fingerprint: str, status: int) -> None:
    """Remember what the published warehouse was built from, and the run's exit status."""
    path = _last_build_path(warehouse)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"fingerprint": fingerprint, "status": status}), encoding="utf-8")


def unchanged_build_status(warehouse: Path, parquet_dir: Path, fingerprint: str) -> int | None:
    """The exit status of the build that published this warehouse from the same inputs,
    or None when it must be built (something changed, or the warehouse is gone)."""
    path = _last_build_path(warehouse)
    if not (warehouse.is_file() and parquet_dir.is_dir() and path.is_file()):
        return None
    try:
        last = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return int(last["status"]) if last.get("fingerprint") == fingerprint else None


def _publish(building: Path, warehouse: Path) -> None:
    # A rename replaces the directory entry: sessions holding the old file open keep
    # reading the old file; new sessions open the new one.
    os.replace(building, warehouse)
