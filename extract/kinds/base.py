"""The interface every document kind implements, and the records it returns."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Protocol

import pyarrow as pa

from extract.documents import Document, Line

# Lineage columns every extracted row carries (filled in by `lineage`).
LINEAGE_FIELDS = [
    pa.field("source_file", pa.string(), nullable=False),
    pa.field("source_sha256", pa.string(), nullable=False),
    pa.field("source_page", pa.int32()),
    pa.field("source_line", pa.int32(), nullable=False),
    pa.field("raw_line", pa.string()),
]

# How sure `detect` must be before a document is taken as a kind.
DETECTION_THRESHOLD = 0.5


def lineage(document: Document, line: Line, raw: str | None = None) -> dict[str, Any]:
    """The lineage of a record read from `line` (or from several lines: pass `raw`)."""
    return {
        "source_file": document.name,
        "source_sha256": document.sha256,
        "source_page": line.page,
        "source_line": line.number,
        "raw_line": line.text if raw is None else raw,
    }


@dataclass(frozen=True)
class Reject:
    """A line that looks like data but could not be read, and why."""

    line: Line
    reason: str
    candidates: str | None = None  # the readings considered, where there were several


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

    def rows(self) -> int:
        return sum(len(rows) for rows in self.tables.values())


class ParseError(Exception):
    """The document as a whole cannot be read as its kind (e.g. no header found)."""

    def __init__(self, message: str, line: Line | None = None):
        super().__init__(message)
        self.line = line


class DocumentKind(Protocol):
    """One module per kind of document implements this."""

    kind: str  # e.g. "care_staffing": the folder of its Parquet files and its dbt source
    parser_version: str  # bump when the output of `parse` changes for the same input
    schemas: dict[str, pa.Schema]  # table name → schema, lineage included

    def detect(self, document: Document) -> float:
        """How sure (0–1) that `document` is of this kind, from its content alone."""

    def parse(self, document: Document) -> ParseResult:
        """Records, rejects and facts of the document. Raises ParseError if it cannot start."""


def schema(*fields: pa.Field) -> pa.Schema:
    """A table schema: the kind's own columns followed by the lineage columns."""
    return pa.schema([*fields, *LINEAGE_FIELDS])
