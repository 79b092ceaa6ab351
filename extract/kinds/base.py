"""The interface every document kind implements, and what it returns.

A kind reads the table model (`extract.tables`), never a file or a rendering:
it declares what its table means — title, header concepts, row labels,
symbols, arithmetic — and turns rows into records, rejects and facts.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from operator import itemgetter
from typing import Any, Protocol

import pyarrow as pa

from extract.tables import Line, Row, Section, Table, TableDocument
from extract.tables.model import same_header

# Lineage columns every extracted row carries (filled in by `lineage`).
LINEAGE_FIELDS = [
    pa.field("source_file", pa.string(), nullable=False),
    pa.field("source_sha256", pa.string(), nullable=False),
    pa.field("source_page", pa.int32()),
    pa.field("source_line", pa.int32(), nullable=False),
    pa.field("raw_line", pa.string()),
]
LINEAGE_NAMES = frozenset(field.name for field in LINEAGE_FIELDS)
# A column that says how a value was read (how many readings a row's tokens had),
# not what the document says: two renderings of one table may differ in it.
READING = {b"role": b"reading"}
# The fact naming a header column the kind does not know: read past, never fatal.
UNKNOWN_COLUMN = "unknown_column"
# The fact flagging a row published on its only reading although a cross-check of the
# document's arithmetic disagrees with it (`audit_cross_check_disagreements`).
CROSS_CHECK_DISAGREEMENT = "cross_check_disagreement"

# How sure `detect` must be before a document is taken as a kind.
DETECTION_THRESHOLD = 0.5


def lineage(document: TableDocument, line: Line, raw: str | None = None) -> dict[str, Any]:
    """The lineage of a record read from `line` (or from several lines: pass `raw`)."""
    return {
        "source_file": document.name,
        "source_sha256": document.sha256,
        "source_page": line.page,
        "source_line": line.number,
        "raw_line": line.text if raw is None else raw,
    }


def row_lineage(document: TableDocument, row: Row) -> dict[str, Any]:
    """The lineage of a record read from a table row, however many lines it took."""
    return lineage(document, row.line, row.raw)


@dataclass(frozen=True)
class Reject:
    """A line that looks like data but could not be read, and why."""

    line: Line
    reason: str
    candidates: str | None = None  # the readings considered, where there were several
    raw: str | None = None  # the row's text, where it took more than its first line
    duplicate_of: int | None = None  # the line this row is an exact copy of


@dataclass(frozen=True)
class Fact:
    """A statement of the document about itself: its title, period, a stated total."""

    name: str
    value: str
    line: Line | None = None


@dataclass
class ParseResult:
    tables: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    rejects: list[Reject] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)
    # Lines of rows read but not stored, for a reason the kind states (a total line a
    # page break repeated, checked against the first): accounted for, not dropped.
    repeats: set[int] = field(default_factory=set)

    def rows(self) -> int:
        return sum(len(rows) for rows in self.tables.values())

    def reject(self, line: Line, reason: str, candidates: str | None = None, raw: str | None = None,
               duplicate_of: int | None = None) -> None:
        self.rejects.append(Reject(line, reason, candidates, raw, duplicate_of))

    def fact(self, name: str, value: object, line: Line | None = None) -> None:
        self.facts.append(Fact(name, str(value), line))

    def unknown_columns(self, labels: Iterable[str], line: Line | None) -> None:
        """The columns the kind read past, each listed once however often its header repeats."""
        listed = {fact.value for fact in self.facts if fact.name == UNKNOWN_COLUMN}
        for label in labels:
            label = label or "(no label)"
            if label not in listed:
                listed.add(label)
                self.fact(UNKNOWN_COLUMN, label, line)


class ParseError(Exception):
    """The document as a whole cannot be read as its kind (e.g. no header found)."""

    def __init__(self, message: str, line: Line | None = None):
        super().__init__(message)
        self.line = line


class SchemaError(Exception):
    """A kind produced a record its schema does not describe: a bug, never silently a NULL."""


class DocumentKind(Protocol):
    """One package per kind of document implements this (see docs/adding-a-kind.md)."""

    kind: str  # e.g. "care_staffing": the folder of its Parquet files and its dbt source
    parser_version: str  # bump when the output of `parse` changes for the same input
    schemas: dict[str, pa.Schema]  # table name → schema, lineage included

    def detect(self, document: TableDocument) -> float:
        """How sure (0–1) that `document` is of this kind, from its content alone."""

    def parse(self, document: TableDocument) -> ParseResult:
        """Records, rejects and facts of the document. Raises ParseError if it cannot start."""


def body_and_continuations(document: TableDocument, table: Table, result: ParseResult) -> list[Row | Section]:
    """A table's body, and the bodies of the untitled fragments after it that repeat
    its header (a page break); rows under an untitled header that differs are
    rejected — not this table's, and never silently dropped."""
    body = list(table.body)
    for other in document.following(table):
        if not other.header.lines or same_header(other.header, table.header):
            body.extend(other.body)
            continue
        where = other.header.line.number if other.header.line else "?"
        for row in other.rows:
            result.reject(row.line, f"a row under a header (line {where}) that differs from the table's; "
                                    "not read as its row", raw=row.raw)
    return body


def account_for_rows(document: TableDocument, result: ParseResult, kind: str) -> None:
    """Every row of the document's tables is read, rejected, stated (a fact naming its
    line) or a checked repeat: a row a kind left out becomes a reject naming its table,
    so nothing that looks like data is dropped silently."""
    accounted = {reject.line.number for reject in result.rejects} | result.repeats
    accounted |= {fact.line.number for fact in result.facts if fact.line is not None}
    accounted |= {record["source_line"] for rows in result.tables.values() for record in rows}
    for table in document.tables:
        title = table.title.title or table.title.period or "untitled"
        for row in table.rows:
            if row.line.number not in accounted:
                result.reject(row.line, f"a row of a table not read as {kind} (table {table.index + 1}: {title!r})",
                              raw=row.raw)


def parse_document(kind: DocumentKind, document: TableDocument) -> ParseResult:
    """What `kind` reads from `document`, every row accounted for: an exact copy of a
    row is taken out before the kind sees it and rejected naming both lines."""
    readable, copies = document.without_repeated_rows()
    result = kind.parse(readable)
    for copy, first in copies:
        result.reject(copy.line, f"an exact copy of line {first.line.number} (the same label and cells): "
                                 f"read once, from line {first.line.number}", raw=copy.raw,
                      duplicate_of=first.line.number)
    account_for_rows(document, result, kind.kind)
    return result


def schema(*fields: pa.Field) -> pa.Schema:
    """A table schema: the kind's own columns followed by the lineage columns."""
    return pa.schema([*fields, *LINEAGE_FIELDS])


def reading_columns(table_schema: pa.Schema) -> frozenset[str]:
    """The columns that describe how a value was read (see `READING`)."""
    return frozenset(f.name for f in table_schema if f.metadata and f.metadata.get(b"role") == b"reading")


def check_records(table: str, records: Iterable[Mapping[str, Any]], table_schema: pa.Schema) -> None:
    """Every record names exactly the schema's columns, required ones filled."""
    names = set(table_schema.names)
    required = {f.name for f in table_schema if not f.nullable}
    for number, record in enumerate(records, start=1):
        keys = record.keys()
        if keys != names:
            unknown, missing = sorted(keys - names), sorted(names - keys)
            raise SchemaError(f"table {table!r}, record {number}: "
                              + "; ".join(part for part in (f"columns not in its schema {unknown}" if unknown else "",
                                                            f"columns missing {missing}" if missing else "") if part))
        if None in [record[name] for name in required]:
            empty = sorted(name for name in required if record[name] is None)
            raise SchemaError(f"table {table!r}, record {number}: required columns empty {empty}")


def record_columns(table: str, records: list[Mapping[str, Any]], table_schema: pa.Schema) -> dict[str, list[Any]]:
    """The records' values column by column (in the schema's order), checked as
    `check_records` checks them and failing with its message."""
    try:
        columns = {name: list(map(itemgetter(name), records)) for name in table_schema.names}
    except KeyError:
        columns = None
    # Every record holding each of the schema's names and no more names than it has: its names exactly.
    if columns is None or any(size != len(columns) for size in set(map(len, records))) \
            or any(None in columns[f.name] for f in table_schema if not f.nullable):
        check_records(table, records, table_schema)
        raise AssertionError("check_records passed records record_columns failed")  # pragma: no cover
    return columns
