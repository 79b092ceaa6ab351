"""`kommunedata`: documents → Parquet (extract) → DuckDB warehouse and Parquet marts (build)."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from extract import pipeline
from extract.warehouse import PROJECT_DIR, BuildReport, build_warehouse, default_paths

DEFAULT_DOCUMENTS = PROJECT_DIR / "documents"
DEFAULT_WAREHOUSE = PROJECT_DIR / "warehouse" / "kommunedata.duckdb"

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
MAX_REJECTS_SHOWN = 20


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kommunedata",
        description="Turn Norwegian municipal statistics documents into a tested DuckDB warehouse.",
    )
    commands = parser.add_subparsers(dest="command", required=True)

    def add_documents(command: argparse.ArgumentParser) -> None:
        command.add_argument("paths", nargs="*", type=Path, metavar="PATH",
                             help=f"documents or folders of documents (default: {DEFAULT_DOCUMENTS})")
        command.add_argument("--strict", action="store_true",
                             help="a document of unknown kind or a rejected line is an error")

    def add_warehouse(command: argparse.ArgumentParser) -> None:
        command.add_argument("--warehouse", type=Path, default=DEFAULT_WAREHOUSE, metavar="FILE",
                             help=f"DuckDB file to publish (default: {DEFAULT_WAREHOUSE})")
        command.add_argument("--parquet-dir", type=Path, metavar="DIR",
                             help="folder for the Parquet marts (default: <warehouse stem>_marts beside the file)")
        command.add_argument("--extracted-dir", type=Path, metavar="DIR",
                             help="folder of extracted Parquet (default: <warehouse stem>_extracted beside the file)")
        command.add_argument("--target", help="dbt target from profiles.yml (default: local)")

    run = commands.add_parser("run", help="extract the documents, then build the warehouse")
    add_documents(run)
    add_warehouse(run)
    run.add_argument("--keep-going", action="store_true",
                     help="build and publish from the readable documents even if some failed "
                          "(their earlier rows are then gone from the warehouse; exit status stays 1)")
    extract = commands.add_parser("extract", help="documents → Parquet only")
    add_documents(extract)
    extract.add_argument("--out", type=Path, metavar="DIR",
                         help="folder for the extracted Parquet (default: the default warehouse's)")
    build = commands.add_parser("build", help="dbt build from already extracted Parquet")
    add_warehouse(build)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        return _main(args)
    except OSError as error:  # a path that cannot be written, a disk that is full …
        print(f"error: {error}", file=sys.stderr)
        return EXIT_FAILED


def _main(args: argparse.Namespace) -> int:
    if args.command == "extract":
        out = args.out or default_paths(DEFAULT_WAREHOUSE)[1]
        return _extract(args.paths, out, args.strict)[0]
    parquet_dir, extracted_dir = default_paths(args.warehouse)
    parquet_dir, extracted_dir = args.parquet_dir or parquet_dir, args.extracted_dir or extracted_dir
    problem = _unusable_output(args.warehouse, parquet_dir)
    if problem:
        print(f"error: {problem}", file=sys.stderr)
        return EXIT_USAGE
    if args.command == "build":
        if not extracted_dir.exists():
            print(f"error: no extracted documents in {extracted_dir}; run `kommunedata extract` first", file=sys.stderr)
            return EXIT_FAILED
        return _build(extracted_dir, args.warehouse, parquet_dir, args.target)
    status, report = _extract(args.paths, extracted_dir, args.strict)
    readable = report is not None and report.with_status(pipeline.EXTRACTED, pipeline.UNCHANGED)
    failed = report is not None and report.with_status(pipeline.FAILED)
    if status == EXIT_USAGE or not readable or (args.strict and status) or (failed and not args.keep_going):
        if report is not None and not readable:
            reason = "no document could be read"
        elif failed and not args.keep_going:
            reason = (f"{len(failed)} document(s) could not be read (above); "
                      "fix them, leave them out, or use --keep-going to build from the others")
        else:
            reason = "--strict found the problems above"
        print(f"warehouse not built: {reason}. The previous warehouse is unchanged.", file=sys.stderr)
        return status or EXIT_FAILED
    return max(status, _build(extracted_dir, args.warehouse, parquet_dir, args.target))


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


def _extract(paths: list[Path], out: Path, strict: bool) -> tuple[int, pipeline.ExtractionReport | None]:
    """Extract and print the documents' summary; returns the exit status so far and the report."""
    try:
        report = pipeline.extract_documents(paths or [DEFAULT_DOCUMENTS], out)
    except FileNotFoundError as error:
        print(f"error: {error}", file=sys.stderr)
        return EXIT_USAGE, None
    _print_documents(report)
    if not report.documents:
        print("error: no documents found", file=sys.stderr)
        return EXIT_FAILED, report
    failed = report.with_status(pipeline.FAILED)
    strict_problem = strict and (report.with_status(pipeline.UNKNOWN) or report.total_rejects)
    if strict_problem:
        print("error (--strict): unknown documents or rejected lines", file=sys.stderr)
    return (EXIT_FAILED if failed or strict_problem else EXIT_OK), report


def _print_documents(report: pipeline.ExtractionReport) -> None:
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
              f"{report.out_dir / 'extraction' / 'rejects'}):")
        for reject in rejects[:MAX_REJECTS_SHOWN]:
            where = reject["source_file"]
            if reject["source_line"]:
                where = f"{where}:{reject['source_line']}"
            print(f"  {where}: {reject['reason']}")
        if len(rejects) > MAX_REJECTS_SHOWN:
            print(f"  … and {len(rejects) - MAX_REJECTS_SHOWN} more")


def _build(extracted_dir: Path, warehouse: Path, parquet_dir: Path, target: str | None) -> int:
    print("Building the warehouse with dbt …", flush=True)
    report = build_warehouse(extracted_dir, warehouse, parquet_dir, target)
    _print_build(report)
    return EXIT_OK if report.succeeded else EXIT_FAILED


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
    if report.published:
        print(f"Warehouse: {report.warehouse}")
        print(f"Parquet marts: {report.parquet_dir}")
    elif report.succeeded:
        print("Built on the remote target.")
    else:
        kept = "the previous warehouse is unchanged" if report.warehouse.exists() else "no warehouse was published"
        print(f"Build failed: {kept} ({report.warehouse}). dbt log: {report.log_path}")


if __name__ == "__main__":
    sys.exit(main())
