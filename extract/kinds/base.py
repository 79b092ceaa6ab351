"""The interface every document kind implements, and what it returns.

A kind reads the table model (`extract.tables`), never a file or a rendering:
it declares what its table means — title, header concepts, row labels,
symbols, arithmetic — and turns rows into records, rejects and facts.
"""

from __future__ import annotations

import operator
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
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


class Records(Sequence[dict[str, Any]]):
    """One table's records, kept column by column (what Arrow takes), read as a list
    of dicts (one per record).

    A kind adds a record (`append`), or the records it reads from one row at once
    (`add_row`): a value the row's records share is kept once, for the row, and Arrow
    repeats it. A record must name exactly the schema's columns (`SchemaError`
    otherwise: a bug in its kind); `to_arrow` checks the required ones are filled.
    """

    def __init__(self, table: str, table_schema: pa.Schema):
        self.table = table
        self.schema = table_schema
        self._names = frozenset(table_schema.names)
        # A column holds a value per row added until a row gives it a value per record.
        self._per_row: dict[str, list[Any]] = {name: [] for name in table_schema.names}
        self._per_record: dict[str, list[Any]] = {}
        self._row_of: list[int] = []  # each record's row
        self._rows = 0
        # The last row's columns (shared, each), checked, and where their values go.
        self._row_names: tuple[tuple[str, ...], tuple[str, ...]] | None = None
        self._shared_by_row: list[list[Any]] | None = None
        self._each_by_record: list[list[Any]] = []

    def __len__(self) -> int:
        return len(self._row_of)

    def _value(self, name: str, index: int) -> Any:
        if name in self._per_record:
            return self._per_record[name][index]
        return self._per_row[name][self._row_of[index]]

    def __getitem__(self, index):  # type: ignore[override]
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        if not -len(self) <= index < len(self):
            raise IndexError(f"record {index} of {len(self)}")
        index %= len(self)
        return {name: self._value(name, index) for name in self.schema.names}

    def __iter__(self) -> Iterator[dict[str, Any]]:
        names = self.schema.names
        return (dict(zip(names, values)) for values in zip(*map(self.column, names)))

    def column(self, name: str) -> list[Any]:
        """A column's values, one per record."""
        if name in self._per_record:
            return self._per_record[name]
        by_row = self._per_row[name]
        return [by_row[row] for row in self._row_of]

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Sequence) and len(other) == len(self) and all(map(operator.eq, self, other))

    def _named(self, names: Iterable[str], number: int) -> None:
        if names == self._names:
            return
        unknown, missing = sorted(set(names) - self._names), sorted(self._names - set(names))
        raise SchemaError(f"table {self.table!r}, record {number}: "
                          + "; ".join(part for part in (f"columns not in its schema {unknown}" if unknown else "",
                                                        f"columns missing {missing}" if missing else "") if part))

    def append(self, record: Mapping[str, Any]) -> None:
        self._named(record.keys(), len(self) + 1)
        for name, column in self._per_row.items():
            column.append(record[name])
        for name, column in self._per_record.items():
            column.append(record[name])
        self._row_of.append(self._rows)
        self._rows += 1

    def add_row(self, shared: Mapping[str, Any], each: Mapping[str, Sequence[Any]]) -> None:
        """Records that share the values of `shared` and take the values of `each`,
        column by column, in turn (as many records as each column has values)."""
        sizes = set(map(len, each.values()))
        if len(sizes) != 1:
            raise SchemaError(f"table {self.table!r}, record {len(self) + 1}: columns of {sorted(sizes)} values "
                              "for the records of one row")
        (count,) = sizes
        if (tuple(shared), tuple(each)) != self._row_names:
            self._prepare(shared, each)
        if not count:
            return
        if self._shared_by_row is not None:  # a kind's rows alike: their shared columns kept per row
            for column, value in zip(self._shared_by_row, shared.values()):
                column.append(value)
        else:
            for name, value in shared.items():
                if name in self._per_row:
                    self._per_row[name].append(value)
                else:
                    self._per_record[name].extend([value] * count)
        for column, values in zip(self._each_by_record, each.values()):
            column.extend(values)
        self._row_of.extend([self._rows] * count)
        self._rows += 1

    def _prepare(self, shared: Mapping[str, Any], each: Mapping[str, Sequence[Any]]) -> None:
        """Check a row's columns, and keep the columns its records do not share per record."""
        self._named(shared.keys() | each.keys(), len(self) + 1)
        for name in each:
            if name in self._per_row:  # the first row to give it a value per record
                by_row = self._per_row.pop(name)
                self._per_record[name] = [by_row[row] for row in self._row_of]
        self._row_names = (tuple(shared), tuple(each))
        self._each_by_record = [self._per_record[name] for name in each]
        self._shared_by_row = [self._per_row[name] for name in shared] if self._per_row.keys() >= shared.keys() \
            else None

    def drop_lines(self, lines: Collection[int]) -> None:
        """Take out the records read from these lines (`source_line`)."""
        kept = [index for index in range(len(self)) if self._value("source_line", index) not in lines]
        self._per_record = {name: [self._value(name, index) for index in kept] for name in self.schema.names}
        self._per_row = {}
        self._row_of = list(range(len(kept)))
        self._rows = len(kept)
        self._row_names = None

    def source_lines(self) -> set[int]:
        """The lines the records were read from."""
        if "source_line" in self._per_row:
            return set(self._per_row["source_line"])
        return set(self._per_record["source_line"])

    def to_arrow(self) -> pa.Table:
        """The records as an Arrow table of the schema, its required columns checked filled."""
        if not self:
            return self.schema.empty_table()
        rows = pa.array(self._row_of, pa.int32()) if self._per_row and self._rows < len(self) else None
        arrays = []
        for field_ in self.schema:
            if field_.name in self._per_record:
                arrays.append(pa.array(self._per_record[field_.name], type=field_.type))
            else:
                shared = pa.array(self._per_row[field_.name], type=field_.type)
                arrays.append(shared if rows is None else shared.take(rows))
        if any(array.null_count for field_, array in zip(self.schema, arrays) if not field_.nullable):
            self._name_empty_required()
        return pa.Table.from_arrays(arrays, schema=self.schema)

    def _name_empty_required(self) -> None:
        """Fail naming the first record with a required column empty, and its empty columns."""
        required = [f.name for f in self.schema if not f.nullable]
        index = next(i for i in range(len(self)) if any(self._value(name, i) is None for name in required))
        empty = sorted(name for name in required if self._value(name, index) is None)
        raise SchemaError(f"table {self.table!r}, record {index + 1}: required columns empty {empty}")


@dataclass
class ParseResult:
    tables: dict[str, Records] = field(default_factory=dict)
    rejects: list[Reject] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)
    # Lines of rows read but not stored, for a reason the kind states (a total line a
    # page break repeated, checked against the first): accounted for, not dropped.
    repeats: set[int] = field(default_factory=set)

    @classmethod
    def of(cls, schemas: Mapping[str, pa.Schema]) -> ParseResult:
        """An empty result with a table for each of a kind's schemas."""
        return cls(tables={table: Records(table, table_schema) for table, table_schema in schemas.items()})

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
    accounted.update(*(rows.source_lines() for rows in result.tables.values()))
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
