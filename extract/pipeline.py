"""Extraction: documents in, Parquet with lineage, rejects and a manifest out."""

from __future__ import annotations

import gc
import hashlib
import multiprocessing
import os
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from extract import parquet_store as store
from extract.kinds import all_kinds, detect_kind
from extract.kinds.base import (
    LINEAGE_NAMES,
    DocumentKind,
    ParseError,
    ParseResult,
    SchemaError,
    parse_document,
    reading_columns,
)
from extract.readers import DocumentError, Line, NotADocument, read_document, sha256_of
from extract.tables import TableDocument, read_tables

EXTRACTED = "extracted"  # parsed in this run
UNCHANGED = "unchanged"  # same file, hash and parser version as last run: not parsed again
UNKNOWN = "unknown"  # no kind is sure of it: skipped
FAILED = "failed"  # unreadable, or its kind's parser could not start
DUPLICATE = "duplicate"  # same bytes, or the same rows, as another document of this run
QUARANTINED = "quarantined"  # read, but its rows failed an error-severity test: left out of the build


@dataclass
class DocumentOutcome:
    path: Path
    status: str
    sha256: str | None = None
    format: str | None = None
    kind: str | None = None
    parser_version: str | None = None
    rows: int = 0
    rejects: int = 0
    message: str | None = None
    seconds: float = 0.0
    extracted_at: datetime | None = None  # when its rows were written; kept for unchanged documents
    rows_fingerprint: str | None = None  # of its rows without lineage: a PDF and its rendering share it

    @property
    def name(self) -> str:
        return self.path.name

    def manifest_row(self, run_at: datetime) -> dict:
        return {
            "source_file": self.name,
            "source_path": str(self.path),
            "source_sha256": self.sha256,
            "format": self.format,
            "kind": self.kind,
            "parser_version": self.parser_version,
            "status": self.status,
            "rows": self.rows,
            "rejects": self.rejects,
            "message": self.message,
            "extracted_at": self.extracted_at or (run_at if self.status == EXTRACTED else None),
            "rows_fingerprint": self.rows_fingerprint,
            "run_at": run_at,
        }


@dataclass
class ExtractionReport:
    out_dir: Path
    documents: list[DocumentOutcome] = field(default_factory=list)

    def with_status(self, *statuses: str) -> list[DocumentOutcome]:
        return [doc for doc in self.documents if doc.status in statuses]

    @property
    def total_rejects(self) -> int:
        return sum(doc.rejects for doc in self.documents)

    def rejects(self) -> list[dict]:
        """The rejected lines of this run's documents, in document and line order."""
        rows: list[dict] = []
        for doc in self.documents:
            if doc.rejects and doc.sha256:
                path = store.table_dir(self.out_dir, store.EXTRACTION, "rejects") / f"{doc.sha256}.parquet"
                if path.exists():
                    rows += pq.read_table(path).to_pylist()
        return rows


def find_documents(paths: list[Path]) -> list[Path]:
    """Files named directly, and every file in named folders (recursively; hidden
    files and folders, such as `.git` or `.DS_Store`, are not documents)."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found += sorted(
                p for p in path.rglob("*")
                if p.is_file() and not any(part.startswith(".") for part in p.relative_to(path).parts)
            )
        elif path.is_file():
            found.append(path)
        else:
            raise FileNotFoundError(f"{path}: no such file or folder")
    return found


# Below this many documents to parse, a process pool costs more than it saves.
POOL_FROM = 4

Settled = Callable[[DocumentOutcome, int, int], None]  # an outcome, documents settled, documents in all


def extract_documents(paths: list[Path], out_dir: Path, kinds: list[DocumentKind] | None = None,
                      jobs: int | None = None, progress: Settled | None = None) -> ExtractionReport:
    """Read every document under `paths` into `out_dir`: its rows, rejects and facts as
    Parquet, and a manifest of what became of each.

    Documents are independent: with the project's kinds, more than a few to parse are
    parsed by `jobs` processes (by default one per core). `progress` is told of each
    document as it is settled.
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    known_kinds = all_kinds() if kinds is None else kinds
    store.ensure_empty_files(
        out_dir,
        {
            **{(kind.kind, table): schema for kind in known_kinds for table, schema in kind.schemas.items()},
            **{(store.EXTRACTION, table): schema for table, schema in store.EXTRACTION_SCHEMAS.items()},
        },
    )
    previous = {(row["source_sha256"], row["source_file"]): row for row in store.read_manifest(out_dir)}
    documents = find_documents(paths)
    outcomes: dict[int, DocumentOutcome] = {}
    to_parse: list[tuple[int, Path, str]] = []
    seen: dict[str, Path] = {}
    done = 0

    def settled(index: int, outcome: DocumentOutcome) -> None:
        nonlocal done
        outcomes[index] = outcome
        done += 1
        if progress is not None:
            progress(outcome, done, len(documents))

    for index, path in enumerate(documents):
        outcome, sha256 = _without_parsing(path, out_dir, known_kinds, previous, seen)
        if sha256 and (outcome is None or outcome.status == UNCHANGED):
            seen[sha256] = path
        if outcome is None:
            to_parse.append((index, path, sha256))
        else:
            settled(index, outcome)
    with _collecting_less():
        for index, outcome in _parse_all(to_parse, out_dir, kinds, jobs):
            settled(index, outcome)

    report = ExtractionReport(out_dir=out_dir)
    same_rows: dict[str, Path] = {}
    for index, path in enumerate(documents):
        outcome = outcomes[index]
        if outcome.rows_fingerprint in same_rows:
            # The same table twice (a PDF and its text rendering, say): one copy of
            # its rows, or every key would be duplicated in the marts.
            first = same_rows[outcome.rows_fingerprint]
            outcome = DocumentOutcome(
                path, DUPLICATE, sha256=outcome.sha256, format=outcome.format, kind=outcome.kind,
                message=f"the same rows as {first.name} (the same table in another file); read once",
            )
        elif outcome.rows_fingerprint and outcome.status in (EXTRACTED, UNCHANGED):
            same_rows[outcome.rows_fingerprint] = path
        report.documents.append(outcome)
    store.remove_documents_except(
        out_dir, [doc.sha256 for doc in report.documents if doc.sha256 and doc.status in (EXTRACTED, UNCHANGED, FAILED)]
    )
    now = datetime.now(UTC).replace(microsecond=0)
    manifest = [doc.manifest_row(now) for doc in report.documents]
    store.write_rows(manifest, store.MANIFEST_SCHEMA, store.manifest_path(out_dir))
    return report


# Parsing allocates millions of small objects that live as long as their document (lines,
# cells, records) and makes no cycles: the collector's default (a pass every 700 new
# objects, a full one every 100 passes) spends a sixth of the time finding no garbage.
PARSING_THRESHOLDS = (10_000, 20, 100)


@contextmanager
def _collecting_less() -> Iterator[None]:
    """The collector's thresholds raised while documents are parsed (a forked worker
    inherits them), then set back."""
    before = gc.get_threshold()
    gc.set_threshold(*PARSING_THRESHOLDS)
    try:
        yield
    finally:
        gc.set_threshold(*before)


def _parse_all(to_parse: list[tuple[int, Path, str]], out_dir: Path, kinds: list[DocumentKind] | None,
                jobs: int | None) -> Iterator[tuple[int, DocumentOutcome]]:
    """Each document's outcome as it is parsed: in a process pool when there are enough
    of them and the kinds are the project's (a worker finds them itself)."""
    workers = min(jobs or os.cpu_count() or 1, len(to_parse))
    if kinds is not None or workers < 2 or len(to_parse) < POOL_FROM:
        for index, path, sha256 in to_parse:
            yield index, _parsed_safely(path, sha256, out_dir, kinds)
        return
    # fork: a worker starts with the modules loaded and needs nothing of the caller's
    # `__main__` (spawn and forkserver run it again, and a script without a main guard
    # would start over). Extraction forks before any DuckDB connection of the run is
    # opened, and Arrow resets its thread pools in a forked child.
    pending = {index: (path, sha256) for index, path, sha256 in to_parse}
    try:
        with ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("fork")) as pool:
            # The largest first: a large document started last keeps one worker busy alone.
            futures = {pool.submit(_parsed_safely, path, sha256, out_dir, None): index
                       for index, (path, sha256) in sorted(pending.items(), key=lambda item: -_size(item[1][0]))}
            for future in as_completed(futures):
                index = futures[future]
                outcome = future.result()
                del pending[index]
                yield index, outcome
    except BrokenProcessPool:
        pass  # a worker died (out of memory, killed): what it had not finished is parsed here
    for index, (path, sha256) in pending.items():
        yield index, _parsed_safely(path, sha256, out_dir, None)


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0  # unreadable now: it fails when parsed, whenever that is


def _parsed_safely(path: Path, sha256: str, out_dir: Path, kinds: list[DocumentKind] | None) -> DocumentOutcome:
    try:
        return _parse_one(path, sha256, out_dir, all_kinds() if kinds is None else kinds)
    except Exception as error:  # one document's bug must not stop the others
        return DocumentOutcome(
            path, FAILED, sha256=sha256,
            message=f"{path.name}: unexpected {type(error).__name__} while reading: {error} "
                    "(a bug in kommunedata: please report it with the document)",
        )


def _without_parsing(path: Path, out_dir: Path, kinds: list[DocumentKind], previous: dict,
                     seen: dict[str, Path]) -> tuple[DocumentOutcome | None, str | None]:
    """What becomes of a document that need not be parsed (unreadable, a copy of one
    already seen, unchanged since the last run), with its hash; None when it must be."""
    try:
        sha256 = sha256_of(path)
    except OSError as error:
        return DocumentOutcome(path, FAILED, message=f"cannot be read: {error.strerror}"), None
    if sha256 in seen:
        message = f"same content as {seen[sha256].name}; read once"
        return DocumentOutcome(path, DUPLICATE, sha256=sha256, message=message), sha256
    before = previous.get((sha256, path.name))
    if before and before["status"] in (EXTRACTED, UNCHANGED) and store.document_files(out_dir, sha256):
        kind = next((k for k in kinds if k.kind == before["kind"]), None)
        if kind is not None and kind.parser_version == before["parser_version"]:
            return DocumentOutcome(
                path, UNCHANGED, sha256=sha256, format=before["format"], kind=kind.kind,
                parser_version=kind.parser_version, rows=before["rows"], rejects=before["rejects"],
                message=before["message"], extracted_at=before["extracted_at"],
                rows_fingerprint=before["rows_fingerprint"],
            ), sha256
    return None, sha256


def _parse_one(path: Path, sha256: str, out_dir: Path, kinds: list[DocumentKind]) -> DocumentOutcome:
    started = time.perf_counter()
    try:
        document = read_document(path)
    except NotADocument as error:
        return DocumentOutcome(path, UNKNOWN, sha256=sha256, message=str(error))
    except DocumentError as error:
        return DocumentOutcome(path, FAILED, sha256=sha256, message=str(error))
    tables = read_tables(document)
    detection = detect_kind(tables, kinds)
    if detection.kind is None:
        return DocumentOutcome(path, UNKNOWN, sha256=sha256, format=document.format,
                               message=f"not a known kind of document ({detection.explain()})")
    kind = detection.kind
    outcome = DocumentOutcome(path, EXTRACTED, sha256=sha256, format=document.format, kind=kind.kind,
                              parser_version=kind.parser_version)
    if document.encoding not in (None, "utf-8"):
        outcome.message = f"not UTF-8: read as {document.encoding}"
    try:
        result = parse_document(kind, tables)
        arrow = {table: records.to_arrow() for table, records in result.tables.items()}
    except (ParseError, SchemaError) as error:
        line = getattr(error, "line", None)
        where = f" (line {line.number})" if line else ""
        outcome.status, outcome.message = FAILED, f"{path.name}{where}: {error}"
        _write_document(out_dir, kind, tables, ParseResult(rejects=[]), {}, failure=(line, str(error)))
        outcome.rejects = 1
        return outcome
    _write_document(out_dir, kind, tables, result, arrow)
    outcome.rows, outcome.rejects = result.rows(), len(result.rejects)
    outcome.rows_fingerprint = rows_fingerprint(kind, arrow)
    outcome.seconds = time.perf_counter() - started
    return outcome


def rows_fingerprint(kind: DocumentKind, tables: dict[str, pa.Table]) -> str | None:
    """A hash of what a document says, without where it says it (lineage) or how
    its values were read (a PDF's cells are settled by position, its rendering's by
    arithmetic: the same table either way), whatever the order of its rows."""
    if not any(table.num_rows for table in tables.values()):
        return None
    digest = hashlib.sha256(kind.kind.encode())
    for name in sorted(tables):
        if not tables[name].num_rows:
            continue
        ignored = LINEAGE_NAMES | reading_columns(kind.schemas[name])
        said = tables[name].select([column for column in tables[name].column_names if column not in ignored])
        ordered = said.take(pc.sort_indices(said, sort_keys=[(column, "ascending") for column in said.column_names]))
        sink = pa.BufferOutputStream()
        with pa.ipc.new_stream(sink, ordered.schema) as stream:
            stream.write_table(ordered)
        digest.update(name.encode())
        digest.update(sink.getvalue())  # the buffer itself, not a copy of it
    return digest.hexdigest()


def _write_document(out_dir: Path, kind: DocumentKind, document: TableDocument, result: ParseResult,
                    arrow: dict[str, pa.Table], failure: tuple[Line | None, str] | None = None) -> None:
    """The document's tables (`arrow`: none for a document that failed), rejects and facts."""
    # Remove what an earlier parser version wrote for this document before writing anew.
    for path in store.document_files(out_dir, document.sha256):
        path.unlink()
    file_name = f"{document.sha256}.parquet"
    for table, rows in arrow.items():
        store.write_table_atomically(rows, store.table_dir(out_dir, kind.kind, table) / file_name)
    rejects = [
        _reject_record(document.name, document.sha256, kind.kind, reject.line.page, reject.line.number,
                       reject.raw or reject.line.text, reject.reason, reject.candidates, reject.duplicate_of)
        for reject in result.rejects
    ]
    if failure is not None:
        line, reason = failure
        rejects.append(_reject_record(document.name, document.sha256, kind.kind, line.page if line else None,
                                      line.number if line else None, line.text if line else None,
                                      f"document not parsed: {reason}"))
    if rejects:  # most documents have none: their rejects are the empty file's
        store.write_rows(rejects, store.REJECTS_SCHEMA,
                         store.table_dir(out_dir, store.EXTRACTION, "rejects") / file_name)
    facts = [
        {"source_file": document.name, "source_sha256": document.sha256, "kind": kind.kind, "fact": fact.name,
         "value": fact.value, "source_page": fact.line.page if fact.line else None,
         "source_line": fact.line.number if fact.line else None}
        for fact in result.facts
    ]
    target = store.table_dir(out_dir, store.EXTRACTION, "document_facts") / file_name
    store.write_rows(facts, store.FACTS_SCHEMA, target)


def _reject_record(source_file: str, sha256: str, kind: str | None, page: int | None, line: int | None,
                   raw: str | None, reason: str, candidates: str | None = None,
                   duplicate_of: int | None = None) -> dict:
    """A row of the rejects table (`store.REJECTS_SCHEMA`)."""
    return {"source_file": source_file, "source_sha256": sha256, "kind": kind, "source_page": page,
            "source_line": line, "raw_line": raw, "reason": reason, "candidates": candidates,
            "duplicate_of_line": duplicate_of}


def quarantine(out_dir: Path, reasons: dict[str, str]) -> None:
    """Take documents (by sha256) out of an extraction folder's tables, keeping them in
    its manifest as quarantined with the reason: a build from it publishes the rest."""
    for sha256 in reasons:
        for path in store.document_files(out_dir, sha256):
            path.unlink()
    rows = store.read_manifest(out_dir)
    for row in rows:
        if row["source_sha256"] in reasons and row["status"] in (EXTRACTED, UNCHANGED):
            row["status"], row["message"] = QUARANTINED, reasons[row["source_sha256"]]
    store.write_rows(rows, store.MANIFEST_SCHEMA, store.manifest_path(out_dir))


def reject_rows(out_dir: Path, reasons: dict[tuple[str, int], str]) -> None:
    """Move rows, by document and line, from an extraction folder's tables to its
    rejects with the reason (a test that failed on them): a build from it publishes
    the rest of their documents."""
    by_document: dict[str, dict[int, str]] = {}
    for (sha256, line), reason in reasons.items():
        by_document.setdefault(sha256, {})[line] = reason
    manifest = store.read_manifest(out_dir)
    for sha256, lines in by_document.items():
        rejected: dict[int, dict] = {}
        kind = None
        for path in store.row_files(out_dir, sha256):
            table = pq.read_table(path)
            rows = table.to_pylist()
            kept = [row for row in rows if row["source_line"] not in lines]
            for row in rows:
                if row["source_line"] in lines:
                    rejected.setdefault(row["source_line"], row)
            if len(kept) < len(rows):
                kind = path.parent.parent.name
                store.write_rows(kept, table.schema, path)
        rejects_path = store.table_dir(out_dir, store.EXTRACTION, "rejects") / f"{sha256}.parquet"
        existing = pq.read_table(rejects_path).to_pylist() if rejects_path.exists() else []
        existing += [
            _reject_record(row["source_file"], sha256, kind, row["source_page"], line, row["raw_line"], lines[line])
            for line, row in sorted(rejected.items())
        ]
        store.write_rows(existing, store.REJECTS_SCHEMA, rejects_path)
        for entry in manifest:
            if entry["source_sha256"] == sha256:
                entry["rejects"] += len(rejected)
                entry["rows"] = sum(pq.read_metadata(path).num_rows for path in store.row_files(out_dir, sha256))
    store.write_rows(manifest, store.MANIFEST_SCHEMA, store.manifest_path(out_dir))

