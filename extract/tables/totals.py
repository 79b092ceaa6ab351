"""What a table's printed column totals prove about its rows.

Two cells of one row printed in each other's place keep the row's own sum, so only
the column totals see them: exactly two columns are off, by the same amount in
opposite directions, and that amount is the difference of the two cells in the row
that was swapped. Where exactly one row fits, the totals name it; where a few do,
they name those few (one of them is wrong, and the totals cannot tell which).
"""

from __future__ import annotations

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
