"""The extraction folder: Parquet per kind and table, one file per document, written atomically.

    <out>/<kind>/<table>/<sha256>.parquet      rows of one document
    <out>/<kind>/<table>/_empty.parquet        the schema, so a source with no documents still reads
    <out>/extraction/rejects/<sha256>.parquet  lines that looked like data but could not be read
    <out>/extraction/document_facts/…          what documents state about themselves
    <out>/extraction/manifest/manifest.parquet one row per document of the last run
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

EXTRACTION = "extraction"
EMPTY_FILE = "_empty.parquet"

REJECTS_SCHEMA = pa.schema(
    [
        pa.field("source_file", pa.string(), nullable=False),
        pa.field("source_sha256", pa.string(), nullable=False),
        pa.field("kind", pa.string()),
        pa.field("source_page", pa.int32()),
        pa.field("source_line", pa.int32()),
        pa.field("raw_line", pa.string()),
        pa.field("reason", pa.string(), nullable=False),
        pa.field("candidates", pa.string()),
        pa.field("duplicate_of_line", pa.int32()),
    ]
)
FACTS_SCHEMA = pa.schema(
    [
        pa.field("source_file", pa.string(), nullable=False),
        pa.field("source_sha256", pa.string(), nullable=False),
        pa.field("kind", pa.string(), nullable=False),
        pa.field("fact", pa.string(), nullable=False),
        pa.field("value", pa.string()),
        pa.field("source_page", pa.int32()),
        pa.field("source_line", pa.int32()),
    ]
)
MANIFEST_SCHEMA = pa.schema(
    [
        pa.field("source_file", pa.string(), nullable=False),
        pa.field("source_path", pa.string(), nullable=False),
        pa.field("source_sha256", pa.string()),
        pa.field("format", pa.string()),
        pa.field("kind", pa.string()),
        pa.field("parser_version", pa.string()),
        pa.field("status", pa.string(), nullable=False),
        pa.field("rows", pa.int64(), nullable=False),
        pa.field("rejects", pa.int64(), nullable=False),
        pa.field("message", pa.string()),
        pa.field("extracted_at", pa.timestamp("s", tz="UTC")),
        pa.field("run_at", pa.timestamp("s", tz="UTC"), nullable=False),
        pa.field("rows_fingerprint", pa.string()),
    ]
)
EXTRACTION_SCHEMAS = {"rejects": REJECTS_SCHEMA, "document_facts": FACTS_SCHEMA}


def write_table_atomically(table: pa.Table, path: Path) -> None:
    """Write to a temporary file beside `path`, then rename: readers never see half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        # No column statistics: dbt reads every file of the extraction whole, so nothing
        # would skip a row group by them, and they take a third of a large file's writing.
        pq.write_table(table, temporary, write_statistics=False)
        os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)


def write_rows(rows: list[dict[str, Any]], schema: pa.Schema, path: Path) -> None:
    write_table_atomically(pa.Table.from_pylist(rows, schema=schema), path)


def table_dir(out_dir: Path, kind: str, table: str) -> Path:
    return out_dir / kind / table


def ensure_empty_files(out_dir: Path, schemas: dict[tuple[str, str], pa.Schema]) -> None:
    for (kind, table), table_schema in schemas.items():
        path = table_dir(out_dir, kind, table) / EMPTY_FILE
        existing = pq.read_schema(path) if path.exists() else None
        if existing is None or not existing.equals(table_schema):
            write_table_atomically(table_schema.empty_table(), path)


def document_files(out_dir: Path, sha256: str) -> list[Path]:
    return sorted(out_dir.glob(f"*/*/{sha256}.parquet"))


def row_files(out_dir: Path, sha256: str) -> list[Path]:
    """A document's files of its kind's tables (its rows), without its rejects and facts."""
    return [path for path in document_files(out_dir, sha256) if path.parent.parent.name != EXTRACTION]


def remove_documents_except(out_dir: Path, keep: Iterable[str]) -> None:
    """Drop the files of documents not in this run: the folder mirrors the documents asked for."""
    keep = set(keep)
    for path in out_dir.glob("*/*/*.parquet"):
        if path.name != EMPTY_FILE and path.stem not in keep and path.parent.name != "manifest":
            path.unlink()


def manifest_path(out_dir: Path) -> Path:
    return out_dir / EXTRACTION / "manifest" / "manifest.parquet"


def read_manifest(out_dir: Path) -> list[dict[str, Any]]:
    path = manifest_path(out_dir)
    if not path.exists():
        return []
    try:
        rows = pq.read_table(path).to_pylist()
    except (pa.ArrowInvalid, OSError):
        return []  # an unreadable manifest only costs a re-extraction
    if rows and not set(MANIFEST_SCHEMA.names) <= set(rows[0]):
        return []  # written by an older version: extract again
    return rows


def staged_copy(out_dir: Path, staging: Path) -> None:
    """A copy of the folder for one run to write into, its files hard links where the
    file system allows: every write replaces a file (`write_table_atomically`), so the
    original's files are never changed through a link."""
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(parents=True)
    if not out_dir.exists():
        return
    for path in out_dir.rglob("*"):
        target = staging / path.relative_to(out_dir)
        if path.is_dir():
            target.mkdir(parents=True, exist_ok=True)
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        try:
            os.link(path, target)
        except OSError:
            shutil.copy2(path, target)


def swap_folder(building: Path, target: Path) -> None:
    """Put `building` in place of `target`: two renames, the old one removed after."""
    previous = target.with_name(f".{target.name}.previous.{os.getpid()}")
    shutil.rmtree(previous, ignore_errors=True)
    if target.exists():
        os.replace(target, previous)
    os.replace(building, target)
    shutil.rmtree(previous, ignore_errors=True)

