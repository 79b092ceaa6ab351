"""NAV tiltak over the table model: schemas, detection, parsing."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pyarrow as pa

from extract.kinds.base import ParseError, ParseResult, schema
from extract.kinds.tiltak.columns import header_labels
from extract.kinds.tiltak.reader import Reader
from extract.kinds.tiltak.semantics import KIND, SUPPRESSION_NOTE, TABLE, fold, is_ytd_label, month_range
from extract.tables import Line, TableDocument
from extract.tables.text import month_of, months_between


def report_period(document: TableDocument) -> tuple[tuple[date, date], Line | None] | None:
    """The report's month range: its first heading naming one, wherever it stands."""
    headings = [(table.title.period or table.title.title, table.title.line) for table in document.tables]
    headings += [(paragraph.text, paragraph.line) for paragraph in document.paragraphs]
    headings += [(item.line.text, item.line) for item in document.furniture]
    found = [(period, line) for text, line in headings if (period := month_range(text))]
    return min(found, key=lambda found: found[1].number if found[1] else 0) if found else None


@dataclass(frozen=True)
class Tiltak:
    kind: str = KIND
    parser_version: str = "3"

    @property
    def schemas(self) -> dict[str, pa.Schema]:
        return {
            TABLE: schema(
                pa.field("report_first_month", pa.date32(), nullable=False),
                pa.field("report_last_month", pa.date32(), nullable=False),
                pa.field("table_number", pa.int16(), nullable=False),
                pa.field("table_dimension", pa.string(), nullable=False),
                pa.field("code", pa.string(), nullable=False),
                pa.field("source_name", pa.string(), nullable=False),
                pa.field("tiltak_type", pa.string(), nullable=False),
                pa.field("is_total_row", pa.bool_(), nullable=False),
                pa.field("measure", pa.string(), nullable=False),
                pa.field("month", pa.date32()),
                pa.field("participants", pa.int32()),
                pa.field("value_status", pa.string(), nullable=False),
                pa.field("is_suppressed", pa.bool_(), nullable=False),
            )
        }

    def detect(self, document: TableDocument) -> float:
        score = 0.0
        if any(any(is_ytd_label(label) for label in header_labels(table))
               and sum(month_of(label) is not None for label in header_labels(table)) >= 1
               for table in document.tables[:40]):
            score += 0.4
        labels = " ".join(row.label for table in document.tables[:40] for row in table.rows)
        if "arbeidstrening" in fold(f"{document.text(200_000)} {labels}"):
            score += 0.3
        if report_period(document) is not None:
            score += 0.25
        return min(score, 0.95)

    def parse(self, document: TableDocument) -> ParseResult:
        found = report_period(document)
        if found is None:
            raise ParseError("no heading with the report's month range ('Januar 2026 - April 2026') found")
        (first, last), heading = found
        months = months_between(first, last)
        if not 1 <= len(months) <= 12:
            raise ParseError(f"the heading's range has {len(months)} months, expected 1 to 12", heading)
        result = ParseResult.of(self.schemas)
        result.fact("report_first_month", first.isoformat(), heading)
        result.fact("report_last_month", last.isoformat(), heading)
        for paragraph in [*document.paragraphs, *(note for table in document.tables for note in table.notes)]:
            if match := SUPPRESSION_NOTE.search(paragraph.text):
                result.fact("suppressed_below", match["n"], paragraph.line)
                result.fact("suppression_symbol", match["symbol"], paragraph.line)
                break
        Reader(document, first, last, months, result).run()
        if not result.tables[TABLE] and not result.rejects:
            raise ParseError("the report has a heading but no tables", heading)
        return result
