"""The columns of a NAV table: the year-to-date average and the report's months.

The header names them ('Gjennomsnitt hittil i år', 'Januar', …); the months must
be the heading's. The year-to-date average is the months' mean, rounded half up,
which settles the values of a row whose cells and thousands are both separated
by single spaces.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from extract.kinds.base import ParseError
from extract.kinds.tiltak.semantics import SUPPRESSED_BELOW, SYMBOLS, fold, is_ytd_label
from extract.tables import Line, Table
from extract.tables.cells import CellError, parse_cell
from extract.tables.readings import Reading
from extract.tables.text import month_of


@dataclass(frozen=True)
class Columns:
    ytd: int  # index of the year-to-date average among the value cells
    months: tuple[date, ...]

    @property
    def count(self) -> int:
        return len(self.months) + 1


def read_columns(labels: list[str], expected: list[date], line: Line | None) -> Columns:
    """The header names the ytd column and the months; they must be the heading's months."""
    labels = [label for label in labels if label]
    ytd = [i for i, label in enumerate(labels) if is_ytd_label(label)]
    if len(ytd) != 1:
        raise ParseError("the column header has no single 'Gjennomsnitt hittil i år' column", line)
    names = [label for i, label in enumerate(labels) if i not in ytd]
    unknown = [fold(name) for name in names if month_of(name) is None]
    if unknown:
        raise ParseError(f"the column header has columns that are not month names: {unknown}", line)
    if [month_of(name) for name in names] != [month.month for month in expected]:
        raise ParseError(f"the column header's months {[fold(n) for n in names]} are not the heading's range "
                         f"{expected[0]:%Y-%m}..{expected[-1]:%Y-%m}", line)
    return Columns(ytd=ytd[0], months=tuple(expected))


def header_labels(table: Table) -> list[str]:
    if table.header.columns:
        return [column.text for column in table.header.columns]
    if table.header.labels:
        return list(table.header.labels)
    # Labels separated by single spaces: the ytd label's words, then one month name each.
    words = table.header.text.split()
    months = [i for i, word in enumerate(words) if month_of(word) is not None]
    first = months[0] if months else len(words)
    return [" ".join(words[:first]), *(words[i] for i in months)]


def ytd_agrees(columns: Columns, from_january: bool):
    """A reading's year-to-date average must be the mean of its months, rounded half
    up; each '*' hides 0–3. Only a report from January shows every month so far."""
    def check(reading: Reading) -> str | None:
        try:
            cells = [parse_cell(cell, SYMBOLS) for cell in reading]
        except CellError as error:
            return str(error)
        if not from_january or cells[columns.ytd].value is None:
            return None
        months = [cell for i, cell in enumerate(cells) if i != columns.ytd]
        known = sum(cell.value or Decimal(0) for cell in months)
        hidden = sum(cell.value is None for cell in months) * (SUPPRESSED_BELOW - 1)
        low, high = (known / len(months) + Decimal("0.5")) // 1, ((known + hidden) / len(months) + Decimal("0.5")) // 1
        if not low <= cells[columns.ytd].value <= high:
            return f"the year-to-date average {cells[columns.ytd].value} is not the months' mean"
        return None
    return check
