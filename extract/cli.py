"""`kommunedata`: documents → Parquet (extract) → DuckDB warehouse and Parquet marts (build)."""

from __future__ import annotations

import argparse
import os
import shutil
import sys
from pathlib import Path

from extract import parquet_store as store
from extract import pipeline
from extract.progress import Progress, document_progress
from extract.run_lock import RunLock, WarehouseBusy
from extract.warehouse import (
    PROJECT_DIR,
    BuildReport,
    build_fingerprint,
    build_publishing_what_passes,
    default_paths,
    project_version,
    record_build,
    unchanged_build_status,
)

DEFAULT_DOCUMENTS = PROJECT_DIR / "documents"
DEFAULT_WAREHOUSE = PROJECT_DIR / "warehouse" / "kommunedata.duckdb"

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
MAX_REJECTS_SHOWN = 20

EPILOG = """examples:
  kommunedata run                                 the bundled documents into warehouse/kommunedata.duckdb
  kommunedata run inbox/ report.pdf --warehouse /data/kommune.duckdb
  kommunedata extract inbox/ --out /tmp/extracted documents → Parquet only
  kommunedata build --warehouse /data/kommune.duckdb   rebuild from what was extracted
  kommunedata inspect my_table.pdf                what the program saw in a document it cannot read
  kommunedata report                              the quality report (HTML) beside the warehouse

exit status:
  0  every document was read and published, and every error-severity test passed
  1  a document failed, was unknown (with --strict) or quarantined, nothing could be
     published, or another run holds the warehouse (with --no-wait)
  2  a usage error (an unusable path or option)
"""


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kommunedata",
        description="Turn Norwegian municipal statistics documents into a tested DuckDB warehouse.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {project_version()}")
    commands = parser.add_subparsers(dest="command", required=True)

    def add_documents(command: argparse.ArgumentParser) -> None:
        command.add_argument("paths", nargs="*", type=Path, metavar="PATH",
                             help=f"documents or folders of documents (default: {DEFAULT_DOCUMENTS})")
        command.add_argument("--quiet", action="store_true",
                             help="no progress display (the summary at the end is printed as ever)")
        command.add_argument("--strict", action="store_true",
                             help="a document of unknown kind or a rejected line is an error, and a failing "
                                  "test publishes nothing (instead of quarantining the documents it names)")

    def add_warehouse(command: argparse.ArgumentParser) -> None:
        command.add_argument("--warehouse", type=Path, default=DEFAULT_WAREHOUSE, metavar="FILE",
                             help=f"DuckDB file to publish (default: {DEFAULT_WAREHOUSE})")
        command.add_argument("--parquet-dir", type=Path, metavar="DIR",
                             help="folder for the Parquet marts (default: <warehouse stem>_marts beside the file)")
        command.add_argument("--extracted-dir", type=Path, metavar="DIR",
                             help="folder of extracted Parquet (default: <warehouse stem>_extracted beside the file)")
        command.add_argument("--target", help="dbt target from profiles.yml (default: local)")
        command.add_argument("--no-wait", action="store_true",
                             help="if another run is building this warehouse, fail at once instead of waiting")

    run = commands.add_parser("run", help="extract the documents, then build the warehouse")
    add_documents(run)
    add_warehouse(run)
    run.add_argument("--keep-going", action="store_true",
                     help="build and publish from the readable documents even if some failed "
                          "(their earlier rows are then gone from the warehouse; exit status stays 1)")
    run.add_argument("--rebuild", action="store_true",
                     help="build even when nothing changed since the last build (by default such a run "
                          "leaves the warehouse as it is)")
    extract = commands.add_parser("extract", help="documents → Parquet only")
    add_documents(extract)
    extract.add_argument("--out", type=Path, metavar="DIR",
                         help="folder for the extracted Parquet (default: the default warehouse's)")
    build = commands.add_parser("build", help="dbt build from already extracted Parquet")
    add_warehouse(build)
    report = commands.add_parser("report", help="write the quality report (HTML) of a published warehouse beside it")
    report.add_argument("--warehouse", type=Path, default=DEFAULT_WAREHOUSE, metavar="FILE",
                        help=f"the published DuckDB file (default: {DEFAULT_WAREHOUSE})")
    inspect = commands.add_parser("inspect", help="what the program saw in a document: detection scores, tables, "
                                                  "header, first rows, furniture, and why it stopped")
    inspect.add_argument("document", type=Path, metavar="DOC")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        return _main(args)
    except OSError as error:  # a path that cannot be written, a disk that is full …
        print(f"error: {error}", file=sys.stderr)
        return EXIT_FAILED


def _main(args: argparse.Namespace) -> int:
    if args.command == "inspect":
        return _inspect(args.document)
    if args.command == "report":
        if not args.warehouse.is_file():
            print(f"error: no warehouse at {args.warehouse}; run `kommunedata run` first", file=sys.stderr)
            return EXIT_USAGE
        return _report(args.warehouse)
    if args.command == "extract":
        out = args.out or default_paths(DEFAULT_WAREHOUSE)[1]
        return _extract(args.paths, out, args.strict, progress=Progress(quiet=args.quiet))[0]
    parquet_dir, extracted_dir = default_paths(args.warehouse)
    parquet_dir, extracted_dir = args.parquet_dir or parquet_dir, args.extracted_dir or extracted_dir
    problem = _unusable_output(args.warehouse, parquet_dir)
    if problem:
        print(f"error: {problem}", file=sys.stderr)
        return EXIT_USAGE
    if args.command == "build" and not extracted_dir.exists():
        print(f"error: no extracted documents in {extracted_dir}; run `kommunedata extract` first", file=sys.stderr)
        return EXIT_FAILED
    try:
        with RunLock(args.warehouse, wait=not args.no_wait):
            return _staged_run(args, extracted_dir, parquet_dir)
    except WarehouseBusy as error:
        print(f"error: {error}", file=sys.stderr)
        return EXIT_FAILED


def _staged_run(args: argparse.Namespace, extracted_dir: Path, parquet_dir: Path) -> int:
    """Extract into and build from this run's own copy of the extraction folder, put in
    its place only with the warehouse built from it: the two always agree."""
    # One name for every run: runs of a warehouse take turns (`RunLock`), and dbt, given
    # the same folder in its vars, parses the project again only where it changed.
    staging = extracted_dir.with_name(f".{extracted_dir.name}.staging")
    progress = Progress(quiet=getattr(args, "quiet", False))
    store.staged_copy(extracted_dir, staging)
    try:
        status = EXIT_OK
        if args.command == "run":
            status, report = _extract(args.paths, staging, args.strict, shown_as=extracted_dir, progress=progress)
            problem = _not_buildable(status, report, args)
            if problem:
                print(f"warehouse not built: {problem}. The previous warehouse is unchanged.", file=sys.stderr)
                return status or EXIT_FAILED
        strict = getattr(args, "strict", False)
        fingerprint = build_fingerprint(staging, args.target, strict)
        last_status = unchanged_build_status(args.warehouse, parquet_dir, fingerprint)
        if args.command == "run" and last_status is not None and not args.rebuild:
            print("Nothing changed since the last build (the same documents, parsers and dbt project): "
                  f"the warehouse is as it was ({args.warehouse}).")
            return max(status, last_status)
        build = _build(staging, args.warehouse, parquet_dir, args.target, strict, progress)
        if not build.succeeded:
            return max(status, EXIT_FAILED)
        store.swap_folder(staging, extracted_dir)
        status = max(status, _report(args.warehouse), EXIT_FAILED if build.quarantined else EXIT_OK)
        record_build(args.warehouse, fingerprint, status)
        return status
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _not_buildable(status: int, report: pipeline.ExtractionReport | None, args: argparse.Namespace) -> str | None:
    readable = report is not None and report.with_status(pipeline.EXTRACTED, pipeline.UNCHANGED)
    failed = report is not None and report.with_status(pipeline.FAILED)
    if status == EXIT_USAGE:
        return "the documents were not found"
    if not readable:
        return "no document could be read"
    if failed and not args.keep_going:
        return (f"{len(failed)} document(s) could not be read (above); "
                "fix them, leave them out, or use --keep-going to build from the others")
    if args.strict and status:
        return "--strict found the problems above"
    return None


def _unusable_output(warehouse: Path, parquet_dir: Path) -> str | None:
    """Why the warehouse or the Parquet folder cannot be written there, checked before any work."""
    if warehouse.is_dir():
        return f"--warehouse {warehouse} is a folder; give a file name such as {warehouse / 'kommunedata.duckdb'}"
    if parquet_dir.exists() and not parquet_dir.is_dir():
        return f"--parquet-dir {parquet_dir} is a file, not a folder"
    try:
        warehouse.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        return f"cannot create the folder for --warehouse {warehouse}: {error.strerror}"
    if not os.access(warehouse.parent, os.W_OK):
        return f"cannot write in {warehouse.parent} (for --warehouse {warehouse})"
    return None


def _extract(paths: list[Path], out: Path, strict: bool, shown_as: Path | None = None,
             progress: Progress | None = None) -> tuple[int, pipeline.ExtractionReport | None]:
    """Extract and print the documents' summary (naming the folder as `shown_as`, where
    `out` is a run's staging copy); returns the exit status so far and the report."""
    try:
        told = document_progress(progress) if progress is not None else None
        report = pipeline.extract_documents(paths or [DEFAULT_DOCUMENTS], out, progress=told)
    except FileNotFoundError as error:
        print(f"error: {error}", file=sys.stderr)
        return EXIT_USAGE, None
    _print_documents(report, shown_as or out)
    if not report.documents:
        print("error: no documents found", file=sys.stderr)
        return EXIT_FAILED, report
    failed = report.with_status(pipeline.FAILED)
    strict_problem = strict and (report.with_status(pipeline.UNKNOWN) or report.total_rejects)
    if strict_problem:
        print("error (--strict): unknown documents or rejected lines", file=sys.stderr)
    return (EXIT_FAILED if failed or strict_problem else EXIT_OK), report


def _print_documents(report: pipeline.ExtractionReport, out: Path) -> None:
    print(f"Documents ({len(report.documents)}):")
    width = max((len(doc.name) for doc in report.documents), default=10)
    for doc in report.documents:
        if doc.status in (pipeline.EXTRACTED, pipeline.UNCHANGED):
            line = f"{doc.kind:<17} {doc.rows:>7} rows {doc.rejects:>4} rejects  ({doc.status}, {doc.format})"
        else:
            line = f"{doc.status.upper():<17} {doc.message}"
        print(f"  {doc.name:<{width}}  {line}")
    if report.total_rejects:
        rejects = report.rejects()
        print(f"Rejected lines ({report.total_rejects}; all in audit_extraction_rejects and "
              f"{out / 'extraction' / 'rejects'}):")
        for reject in rejects[:MAX_REJECTS_SHOWN]:
            where = reject["source_file"]
            if reject["source_line"]:
                where = f"{where}:{reject['source_line']}"
            print(f"  {where}: {reject['reason']}")
        if len(rejects) > MAX_REJECTS_SHOWN:
            print(f"  … and {len(rejects) - MAX_REJECTS_SHOWN} more")


def _build(extracted_dir: Path, warehouse: Path, parquet_dir: Path, target: str | None, strict: bool,
           progress: Progress | None = None) -> BuildReport:
    print("Building the warehouse with dbt …", flush=True)
    report = build_publishing_what_passes(extracted_dir, warehouse, parquet_dir, target, strict, progress)
    _print_build(report)
    return report


def _print_build(report: BuildReport) -> None:
    if report.marts:
        print("Marts:")
        width = max(len(name) for name in report.marts)
        for name, rows in report.marts.items():
            print(f"  {name:<{width}}  {rows:>8} rows")
    tests = report.tests
    print(f"Tests: {tests['pass']} passed, {tests['warn']} warned, {tests['fail'] + tests['error']} failed"
          + (f", {tests['skipped']} skipped" if tests["skipped"] else ""))
    for warning in report.warnings:
        print(f"  warned: {warning}")
    for problem in report.problems:
        print(f"  {problem}")
    if report.rejected_by_tests:
        print(f"Rows rejected by tests ({len(report.rejected_by_tests)}; left out, the rest of their documents "
              "published; in audit_extraction_rejects):")
        for (name, line), reason in report.rejected_by_tests.items():
            print(f"  {name}:{line}: {reason}")
    if report.quarantined:
        print(f"Quarantined ({len(report.quarantined)}; their rows failed the tests below and were left out, "
              "see audit_documents):")
        for name, reason in report.quarantined.items():
            print(f"  {name}: " + reason.replace("\n", "\n  "))
    if report.published:
        published = report.published_documents
        print(f"Published {published} document(s)" + (f"; quarantined {len(report.quarantined)}: "
              + ", ".join(report.quarantined) if report.quarantined else "") + ".")
        print(f"Warehouse: {report.warehouse}")
        print(f"Parquet marts: {report.parquet_dir}")
    elif report.succeeded:
        print("Built on the remote target.")
    else:
        kept = "the previous warehouse is unchanged" if report.warehouse.exists() else "no warehouse was published"
        print(f"Build failed: {kept} ({report.warehouse}). dbt log: {report.log_path}")




def _inspect(path: Path) -> int:
    from extract.inspection import inspect_document
    from extract.readers.document import DocumentError, NotADocument

    if not path.is_file():
        print(f"error: {path} is not a file", file=sys.stderr)
        return EXIT_USAGE
    try:
        print(inspect_document(path), end="")
    except (NotADocument, DocumentError) as error:
        print(f"{path}: {error}", file=sys.stderr)
        return EXIT_FAILED
    return EXIT_OK


def _report(warehouse: Path) -> int:
    """Write the quality report beside the published warehouse and say where."""
    import duckdb

    from extract.report import write_report

    try:
        print(f"Quality report: {write_report(warehouse)}")
    except (duckdb.Error, OSError) as error:
        print(f"error: the quality report could not be written: {error}", file=sys.stderr)
        return EXIT_FAILED
    return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
