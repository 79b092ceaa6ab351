"""What a table's printed column totals prove about its rows.

Two cells of one row printed in each other's place keep the row's own sum, so only
the column totals see them: exactly two columns are off, by the same amount in
opposite directions, and that amount is the difference of the two cells in the row
that was swapped. Where exactly one row fits, the totals name it; where a few do,
they name those few (one of them is wrong, and the totals cannot tell which).

A single damaged row under printed totals is the totals less the other rows: where
what survives of its print agrees with that in every digit, the document's own
arithmetic has read it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal

Values = Sequence[Decimal | None]


@dataclass(frozen=True)
class Swap:
    rows: tuple[int, ...]  # the keys of the rows that fit (their line numbers, say)
    first: int  # the two columns' indexes, first < second
    second: int
    difference: Decimal  # how far the first column's sum is above its total


def column_gaps(rows: Mapping[int, Values], total: Values) -> list[Decimal | None]:
    """Per column, the sum of the rows minus the printed total (None where the total is not a number)."""
    gaps: list[Decimal | None] = []
    for index, printed in enumerate(total):
        if printed is None:
            gaps.append(None)
            continue
        gaps.append(sum((values[index] or Decimal(0) for values in rows.values()), Decimal(0)) - printed)
    return gaps


def swapped_row(rows: Mapping[int, Values], total: Values, tolerance: Decimal, at_most: int = 1) -> Swap | None:
    """The rows whose two swapped cells would explain the column totals, if at least
    one and at most `at_most` do."""
    gaps = column_gaps(rows, total)
    off = [index for index, gap in enumerate(gaps) if gap is not None and abs(gap) > tolerance]
    if len(off) != 2:
        return None
    first, second = off
    difference = gaps[first]
    if abs(difference + gaps[second]) > tolerance:
        return None
    fits = [
        key for key, values in rows.items()
        if values[first] is not None and values[second] is not None
        and abs((values[first] - values[second]) - difference) <= tolerance
    ]
    return Swap(tuple(fits), first, second, difference) if 1 <= len(fits) <= at_most else None


def derived_row(rows: Mapping[int, Values], total: Values, row: int) -> list[Decimal | None]:
    """One row's values as the column totals prove them: each total less the other rows
    (None where the total is not a number)."""
    others = {key: values for key, values in rows.items() if key != row}
    return [None if gap is None else -gap for gap in column_gaps(others, total)]


def _cell_pattern(text: str) -> str:
    # Each digit as printed, or a glyph that is no digit in its place: damage (a '¤',
    # an OCR letter) may stand for the digit, a different digit may not.
    return "".join(f"(?:{ch}|[^\\d,.\\s])" if ch.isdigit() else re.escape(ch) for ch in text)


def read_by_totals(printed: Sequence[str], derived: Sequence[str]) -> list[str] | None:
    """What each cell of a damaged row printed, if its print could be the derived cells,
    cell by cell: every digit printed where the derived value has it, a damaged glyph
    at most in its place, nothing more and nothing less; a derived zero may have been
    printed as an empty cell. None where a cell disagrees or cells are missing."""
    if len(printed) != len(derived):
        return None
    read = []
    for was, cell in zip(printed, derived):
        compact = "".join(was.split())
        zero = set(cell) <= set("0,.")
        if not (compact == "" and zero) and not re.fullmatch(_cell_pattern(cell), compact):
            return None
        read.append(compact)
    return read
