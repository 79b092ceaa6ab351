"""`kommunedata inspect DOC`: what the program saw in a document, for a user whose
document is UNKNOWN or FAILED — the detection scores, each table as the table model
read it (title block, header, first rows, notes), the page furniture taken out, and
what the kind read or why it stopped. Text only: it is meant to be pasted into a report.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from extract.kinds import all_kinds, detect_kind
from extract.kinds.base import DETECTION_THRESHOLD, DocumentKind, ParseError, parse_document
from extract.readers import read_document
from extract.readers.document import sha256_of
from extract.tables import Table, read_tables

ROWS_SHOWN = 5
REJECTS_SHOWN = 10
WIDTH = 110


def _cut(text: str, width: int = WIDTH) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _table_lines(table: Table) -> Iterable[str]:
    title = table.title
    where = f"line {table.first_line.number}" if table.first_line else "no line"
    yield f"Table {table.index + 1} ({where}, {len(table.rows)} rows, layout {table.layout}):"
    for name, value in (("number", title.number), ("title", title.title), ("subtitle", title.subtitle),
                        ("publisher", title.publisher), ("source", title.source), ("period", title.period)):
        if value:
            yield f"  {name:<10} {_cut(str(value))}"
    header = table.header
    if header.lines:
        numbers = ", ".join(str(line.number) for line in header.lines)
        yield f"  header     lines {numbers}: {_cut(header.text)}"
    else:
        yield "  header     none"
    for column in header.columns or ():
        yield f"    column {column.index + 1}: {_cut(' / '.join(column.path), 80)}"
    for row in table.rows[:ROWS_SHOWN]:
        values = row.cells if row.cells is not None else row.tokens
        yield f"  row {row.line.number:>5}: {_cut(row.label, 40)!r} → {_cut(' | '.join(values), 70)}"
    if len(table.rows) > ROWS_SHOWN:
        yield f"  … {len(table.rows) - ROWS_SHOWN} more rows"
    for note in table.notes:
        yield f"  note ({note.kind}) line {note.line.number}: {_cut(note.text, 80)}"


def inspect_document(path: Path, kinds: list[DocumentKind] | None = None) -> str:
    """The report of what the program saw in the document at `path`."""
    kinds = all_kinds() if kinds is None else kinds
    lines = [f"Document: {path}", f"  sha256 {sha256_of(path)}"]
    document = read_document(path)
    lines.append(f"  format {document.format}" + (f", encoding {document.encoding}" if document.encoding else "")
                 + f", {len(document.lines)} lines")
    tables = read_tables(document)
    detection = detect_kind(tables, kinds)
    lines.append(f"Detection (a kind needs {DETECTION_THRESHOLD:.2f} and a lead):")
    lines += [f"  {name:<16} {score:.2f}" for name, score in sorted(detection.scores.items(), key=lambda s: -s[1])]
    lines.append(f"  → {detection.kind.kind if detection.kind else 'no kind: the document is UNKNOWN'}")
    lines.append(f"Page furniture taken out ({len(tables.furniture)} lines):")
    lines += [f"  line {item.line.number:>5} ({item.reason}): {_cut(item.line.text, 80)}" for item in tables.furniture]
    lines.append(f"Tables ({len(tables.tables)}), prose paragraphs: {len(tables.paragraphs)}")
    for table in tables.tables:
        lines += _table_lines(table)
    if detection.kind is None:
        return "\n".join(lines) + "\n"
    lines.append(f"Read as {detection.kind.kind} (parser version {detection.kind.parser_version}):")
    try:
        result = parse_document(detection.kind, tables)
    except ParseError as error:
        where = f" at line {error.line.number}" if error.line else ""
        lines.append(f"  stopped{where}: {error}")
        return "\n".join(lines) + "\n"
    counts = ", ".join(f"{table} {len(rows)}" for table, rows in result.tables.items())
    lines.append(f"  records: {counts or 'none'}; rejected lines: {len(result.rejects)}")
    lines += [f"  fact {fact.name}: {_cut(fact.value, 80)}" for fact in result.facts[:12]]
    for reject in sorted(result.rejects, key=lambda r: r.line.number)[:REJECTS_SHOWN]:
        lines.append(f"  reject line {reject.line.number}: {_cut(reject.reason, 90)}")
    if len(result.rejects) > REJECTS_SHOWN:
        lines.append(f"  … {len(result.rejects) - REJECTS_SHOWN} more rejects")
    return "\n".join(lines) + "\n"
