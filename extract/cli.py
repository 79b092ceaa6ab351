"""`kommunedata`: documents → Parquet (extract) → DuckDB warehouse and Parquet marts (build)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from extract import pipeline
from extract.warehouse import PROJECT_DIR, BuildReport, build_warehouse, default_paths

DEFAULT_DOCUMENTS = PROJECT_DIR / "documents"
DEFAULT_WAREHOUSE = PROJECT_DIR / "warehouse" / "kommunedata.duckdb"

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


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
    extract = commands.add_parser("extract", help="documents → Parquet only")
    add_documents(extract)
    extract.add_argument("--out", type=Path, metavar="DIR",
                         help="folder for the extracted Parquet (default: the default warehouse's)")
    build = commands.add_parser("build", help="dbt build from already extracted Parquet")
    add_warehouse(build)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.command == "extract":
        out = args.out or default_paths(DEFAULT_WAREHOUSE)[1]
        return _extract(args.paths, out, args.strict)[0]
    parquet_dir, extracted_dir = default_paths(args.warehouse)
    parquet_dir, extracted_dir = args.parquet_dir or parquet_dir, args.extracted_dir or extracted_dir
    if args.command == "build":
        if not extracted_dir.exists():
            print(f"error: no extracted documents in {extracted_dir}; run `kommunedata extract` first", file=sys.stderr)
            return EXIT_FAILED
        return _build(extracted_dir, args.warehouse, parquet_dir, args.target)
    status, go_on = _extract(args.paths, extracted_dir, args.strict)
    if not go_on:
        reason = "--strict found problems above" if args.strict else "no document could be read"
        print(f"warehouse not built: {reason}; the previous warehouse is unchanged", file=sys.stderr)
        return status or EXIT_FAILED
    return max(status, _build(extracted_dir, args.warehouse, parquet_dir, args.target))


def _extract(paths: list[Path], out: Path, strict: bool) -> tuple[int, bool]:
    """Extract and print the documents' summary; returns (exit status, whether to build)."""
    try:
        report = pipeline.extract_documents(paths or [DEFAULT_DOCUMENTS], out)
    except FileNotFoundError as error:
        print(f"error: {error}", file=sys.stderr)
        return EXIT_USAGE, False
    _print_documents(report)
    failed = report.with_status(pipeline.FAILED)
    unknown = report.with_status(pipeline.UNKNOWN)
    readable = report.with_status(pipeline.EXTRACTED, pipeline.UNCHANGED)
    if not report.documents:
        print("error: no documents found", file=sys.stderr)
        return EXIT_FAILED, False
    strict_problem = strict and (unknown or report.total_rejects)
    if strict_problem:
        print("error (--strict): unknown documents or rejected lines", file=sys.stderr)
    status = EXIT_FAILED if failed or strict_problem else EXIT_OK
    return status, bool(readable) and not strict_problem


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
        print(f"  {report.total_rejects} rejected line(s): see audit_extraction_rejects "
              f"(or {report.out_dir / 'extraction' / 'rejects'})")


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
