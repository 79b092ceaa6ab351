"""The columns of a NAV table: the year-to-date average and the report's months.

The header names them ('Gjennomsnitt hittil i år', 'Januar', …); the months must
be the heading's. The year-to-date average is the months' mean, rounded half up,
which settles the values of a row whose cells and thousands are both separated
by single spaces.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from functools import lru_cache
from operator import attrgetter, itemgetter
from typing import TypeVar

from extract.kinds.base import ParseError
from extract.kinds.tiltak.semantics import MONTH, SUPPRESSED_BELOW, YTD_AVERAGE, fold, is_ytd_label, read_count
from extract.tables import Line, Table
from extract.tables.cells import CellError
from extract.tables.readings import Reading
from extract.tables.text import month_of


@dataclass(frozen=True)
class Columns:
    ytd: int  # index of the year-to-date average among the value cells
    months: tuple[date, ...]
    month_at: tuple[int, ...]  # index of each month's cell among the value cells
    unknown: tuple[str, ...] = ()  # labels of columns that are neither: read past, listed as facts

    @property
    def count(self) -> int:
        return len(self.months) + 1 + len(self.unknown)


FRACTION, PARTICIPANTS = attrgetter("fraction"), attrgetter("participants")
T = TypeVar("T")


def picker(indexes: tuple[int, ...]) -> Callable[[Sequence[T]], tuple[T, ...]]:
    """The items at `indexes` of a sequence, as a tuple (however many indexes)."""
    if len(indexes) == 1:
        return lambda items: (items[indexes[0]],)
    return itemgetter(*indexes)


@dataclass(frozen=True)
class RowRecords:
    """What each row under a header gives: the cells read (the unknown columns' are not),
    in reading order, and the month each counts (None for the year-to-date average) and
    its measure."""

    cells: Callable[[Sequence[str]], tuple[str, ...]]
    months: tuple[date | None, ...]
    measures: tuple[str, ...]


# A report's tables share a few headers: settled once per header, not per row.
@lru_cache(maxsize=256)
def row_records(columns: Columns) -> RowRecords:
    order = sorted([(columns.ytd, None), *zip(columns.month_at, columns.months)], key=lambda pair: pair[0])
    months = tuple(month for _, month in order)
    return RowRecords(picker(tuple(index for index, _ in order)), months,
                      tuple(YTD_AVERAGE if month is None else MONTH for month in months))


def read_columns(labels: list[str], expected: list[date], line: Line | None) -> Columns:
    """The header names the ytd column and the months; they must be the heading's months.
    A column named otherwise (a change since last year, say) is not read."""
    columns = _columns(tuple(labels), tuple(expected))
    if isinstance(columns, str):
        raise ParseError(columns, line)
    return columns


# A report repeats its header over every table: each header read once.
@lru_cache(maxsize=256)
def _columns(labels: tuple[str, ...], expected: tuple[date, ...]) -> Columns | str:
    """The columns the labels name, or why they name none the heading allows."""
    labels = tuple(label for label in labels if label)
    ytd = [i for i, label in enumerate(labels) if is_ytd_label(label)]
    if len(ytd) != 1:
        return "the column header has no single 'Gjennomsnitt hittil i år' column"
    month_at = [i for i, label in enumerate(labels) if i not in ytd and month_of(label) is not None]
    names = [labels[i] for i in month_at]
    if [month_of(name) for name in names] != [month.month for month in expected]:
        return (f"the column header's months {[fold(n) for n in names]} are not the heading's range "
                f"{expected[0]:%Y-%m}..{expected[-1]:%Y-%m}")
    unknown = tuple(label for i, label in enumerate(labels) if i not in ytd and i not in month_at)
    return Columns(ytd=ytd[0], months=expected, month_at=tuple(month_at), unknown=unknown)


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


# One check per header (the rows under it share it), not one per row.
@lru_cache(maxsize=256)
def ytd_agrees(columns: Columns, from_january: bool):
    """A reading's year-to-date average must be the mean of its months, rounded half
    up; each '*' hides 0–3. Only a report from January shows every month so far."""
    months_of = picker(columns.month_at)

    def check(reading: Reading) -> str | None:
        try:
            counts = list(map(read_count, reading))
        except CellError as error:
            return str(error)
        ytd = counts[columns.ytd].cell.value
        if not from_january or ytd is None:
            return None
        months = months_of(counts)
        if any(map(FRACTION, months)):
            printed = [count.cell.value for count in months if count.cell.value is not None]
            known = sum(printed, Decimal(0))
            hidden = (len(months) - len(printed)) * (SUPPRESSED_BELOW - 1)  # each '*' hides 0–3
            low = (known / len(months) + Decimal("0.5")) // 1
            high = ((known + hidden) / len(months) + Decimal("0.5")) // 1
        else:  # whole numbers, as NAV prints them: the same rounding half up, in integers
            values = list(map(PARTICIPANTS, months))
            known = sum(filter(None, values))  # a zero or a '*' adds nothing known
            hidden = values.count(None) * (SUPPRESSED_BELOW - 1)
            low = (2 * known + len(months)) // (2 * len(months))
            high = (2 * (known + hidden) + len(months)) // (2 * len(months))
        if not low <= ytd <= high:
            return f"the year-to-date average {ytd} is not the months' mean"
        return None
    return check
