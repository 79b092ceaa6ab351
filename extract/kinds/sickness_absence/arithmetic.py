"""The arithmetic that settles a sickness-absence row's man-days.

Thousands grouped by an ordinary space, the character that also separates
cells, make `17 663 747 19 012 2 396` four numbers in several ways. We never
guess: every grouping is a `Reading`, and the table's own arithmetic rules
readings out —

- last year's man-days (days − change) cannot be negative;
- man-days ÷ rate is the scheduled man-days, a population quantity that moves
  slowly: the four quarters must agree within what rate rounding (one decimal)
  and slow change allow;
- no area (municipality, county, or the remainder SSB allocates to none) can be
  larger than the published TOTAL;
- the TOTAL row itself is decided last, against the sum of the areas.

Exactly one surviving reading is used; none or several make the row a reject
listing them all. Where a rendering delimits the cells (pipes, tabs, a PDF's
columns) there is one reading, and the same arithmetic still checks it.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property

from extract.kinds.sickness_absence.semantics import AREAS, SYMBOLS, TOTAL, Quarter
from extract.tables import Line
from extract.tables.cells import PUBLISHED, SIGNS, clean, parse_number
from extract.tables.readings import readings

_RATE = re.compile(r"^\d{1,3}[,.]\d$")

# Rates are published to one decimal: the true rate lies within ±0.05 of it.
RATE_HALF_UNIT = 0.05
# How far scheduled man-days may move beyond what rate rounding explains. A wrong
# grouping moves a 3-digit group between neighbouring cells and so scales some
# quantity by about a thousand; real change is far smaller (on the 2002 sample at
# most 22 % within a year and 52 % across one). For a footnoted row (an area that
# changed, such as Re formed from Ramnes and Våle in 2002) last year's figures
# cover another area, so only the within-year agreement is required of it.
GROWTH_WITHIN_YEAR = 0.5
GROWTH_ACROSS_YEAR = 1.0
# The TOTAL also counts employees of no listed area (residence unknown, Svalbard,
# the continental shelf): it may exceed the sum of the areas by this share of
# itself, never fall below it. On SSB's 2002 tables the remainder is at most 0.14 %
# (the municipalities' derived 2001 quarters, men) and nil on the county table of
# women; 0.5 % leaves room for a year with more such residents while a misread
# TOTAL (a thousandfold, or a group moved between cells) is far outside it.
TOTAL_UNKNOWN_RESIDENCE_SHARE = 0.005

# Each published man-day figure is rounded to a whole day on its own.
ROUNDING_PER_FIGURE = 0.5
# A municipality whose man-days are not published (`-`) still counts in the
# TOTAL. Its size is unknown. The TOTAL is first decided with such cells adding
# nothing (the strict bound: at most 0.5 % above the published sum, as on the
# sample). Only when no TOTAL reading survives that is it decided again with
# each unpublished cell taken as up to this many times the largest published
# municipality: loose (Oslo is about three times the next), yet a wrong TOTAL
# reading is a thousand times the sum and still fails unless some fifty
# municipalities are unpublished.
UNPUBLISHED_SIZE_FACTOR = 10
STRICT_BOUND = "strict"
WIDENED_BOUND = "widened"


@dataclass(frozen=True)
class Reading:
    """One way of grouping a row's integer tokens into its four man-day cells.

    `values` are days a, change a, days b, change b (None where the cell is '-').
    """

    groups: tuple[str, str, str, str]

    @cached_property  # asked again by every check a reading goes through
    def values(self) -> tuple[int | None, ...]:
        return tuple(None if clean(g) in SYMBOLS else int(parse_number(g)) for g in self.groups)

    @property
    def statuses(self) -> tuple[str, ...]:
        """Each cell's status: published, or the meaning of its symbol."""
        return tuple(map(cell_status, self.groups))

    def __str__(self) -> str:
        return " | ".join(" ".join(clean(group).split()) for group in self.groups)


@dataclass(frozen=True)
class RawRow:
    line: Line
    area_level: str  # 'total', or one of AREAS
    code: str | None
    footnote: str | None
    name: str
    day_tokens: tuple[str, ...]
    rates: tuple[Decimal | None, Decimal | None, Decimal | None, Decimal | None]
    delimited: Reading | None = None  # the cells, where the rendering delimits them (pipes, tabs, positions)
    rate_statuses: tuple[str, str, str, str] = (PUBLISHED,) * 4
    # The rate's change since last year, where the table adds that block: (value, status) per quarter.
    rate_changes: tuple[tuple[Decimal | None, str], ...] = ()


@dataclass
class Candidates:
    """The readings of one row and, for each, why it was ruled out (None: it survives)."""

    row: RawRow
    readings: list[Reading]
    verdicts: dict[Reading, str | None] = field(default_factory=dict)
    # Which bound of the municipalities' sum decided a TOTAL row (None elsewhere).
    bound: str | None = None
    # A cross-check the row's only reading fails (see `across_years`): published, and flagged.
    disagreement: str | None = None

    def surviving(self) -> list[Reading]:
        return [r for r in self.readings if self.verdicts.get(r) is None]

    def rule_out(self, reading: Reading, why: str) -> None:
        if self.verdicts.get(reading) is None:
            self.verdicts[reading] = why

    def describe(self) -> str:
        return "; ".join(f"{r} ({self.verdicts.get(r) or 'consistent'})" for r in self.readings)


def header_quarters(
    quarters: list[Quarter],
) -> tuple[tuple[Quarter, Quarter], tuple[Quarter, Quarter, Quarter, Quarter]]:
    """Two man-day quarters then four rate quarters, which must be a−1y, b−1y, a, b."""
    if len(quarters) != 6:
        raise ValueError(
            "expected 6 quarter labels in the header (2 for man-days, 4 for rates), "
            f"found {len(quarters)}: {[str(q) for q in quarters]}"
        )
    a, b = quarters[0], quarters[1]
    expected = (a.year_before(), b.year_before(), a, b)
    if tuple(quarters[2:]) != expected:
        raise ValueError(f"rate quarters {[str(q) for q in quarters[2:]]} are not {[str(q) for q in expected]}")
    return (a, b), expected  # type: ignore[return-value]


def day_cell_problem(text: str) -> str | None:
    """Why a delimited man-day cell is neither a whole number nor a symbol (damage such as
    'l70 488'), or None."""
    if clean(text) in SYMBOLS:
        return None
    try:
        value = parse_number(text)
    except ValueError:
        return f"man-day cell {clean(text)!r} is neither a number nor a symbol"
    # a decimal comma makes it a rate or a damaged figure, not man-days ('7,0')
    return None if value == int(value) and "," not in text else f"man-day cell {clean(text)!r} is not a whole number"


def parse_rate(token: str, signed: bool = False) -> Decimal | None:
    """A one-decimal rate (or, `signed`, a change of one); None for a symbol."""
    token = clean(token)
    if token in SYMBOLS:
        return None
    sign = ""
    if signed and token[:1] in SIGNS:
        sign, token = "-", token[1:]
    if not _RATE.match(token):
        what = "change of a rate" if signed else "rate"
        raise ValueError(f"{what} {token!r} is neither a one-decimal percentage nor a symbol ({' '.join(SYMBOLS)})")
    return Decimal(sign + token.replace(",", "."))


def cell_status(token: str) -> str:
    """A cell's status: published, or the meaning of its symbol."""
    return SYMBOLS.get(clean(token), PUBLISHED)


def enumerate_readings(tokens: list[str], cells: int = 4) -> Iterator[Reading]:
    """Every grouping of a row's man-day tokens into its four man-day cells."""
    for groups in readings(tokens, cells):
        yield Reading(groups)  # type: ignore[arg-type]


def quarter_days(reading: Reading) -> tuple[int | None, int | None, int | None, int | None]:
    """Man-days of the four rate quarters (a−1y, b−1y, a, b) that a reading implies."""
    days_a, change_a, days_b, change_b = reading.values
    last_a = days_a - change_a if days_a is not None and change_a is not None else None
    last_b = days_b - change_b if days_b is not None and change_b is not None else None
    return last_a, last_b, days_a, days_b


def scheduled_interval(days: int, rate: Decimal) -> tuple[float, float]:
    """Scheduled man-days = days ÷ rate, as the interval rate rounding allows."""
    r = float(rate)
    low = days * 100 / (r + RATE_HALF_UNIT)
    high = days * 100 / (r - RATE_HALF_UNIT) if r > RATE_HALF_UNIT else math.inf
    return low, high


def intervals_agree(p: tuple[float, float], q: tuple[float, float], growth: float) -> bool:
    return p[0] <= q[1] * (1 + growth) and q[0] <= p[1] * (1 + growth)


def _scheduled_intervals(row: RawRow, reading: Reading) -> dict[int, tuple[float, float]] | str:
    """Scheduled man-days of the four quarters (0, 1 = last year's a, b; 2, 3 = this
    year's), or why the reading cannot have any."""
    intervals: dict[int, tuple[float, float]] = {}
    for index, (d, rate) in enumerate(zip(quarter_days(reading), row.rates)):
        if d is None or rate is None:
            continue
        if rate == 0:
            # Zero after rounding: the days can only be few next to the others.
            continue
        if d == 0 and rate > Decimal(RATE_HALF_UNIT):
            return f"zero man-days with a rate of {rate}"
        intervals[index] = scheduled_interval(d, rate)
    return intervals


_QUARTER_NAMES = ("a last year", "b last year", "a", "b")


def _disagreement(intervals: dict[int, tuple[float, float]], pairs: list[tuple[int, int, float]]) -> str | None:
    for p, q, growth in pairs:
        if p in intervals and q in intervals and not intervals_agree(intervals[p], intervals[q], growth):
            return (
                f"scheduled man-days {_QUARTER_NAMES[p]} ≈ {intervals[p][0]:.0f} and {_QUARTER_NAMES[q]} ≈ "
                f"{intervals[q][0]:.0f} disagree beyond rate rounding and {growth:.0%} change"
            )
    return None


def own_arithmetic(row: RawRow, reading: Reading) -> str | None:
    """Why the reading breaks the row's own arithmetic (damage: a negative figure, a
    quarter that disagrees with the other quarter of its year), or None if it does not."""
    days_a, _, days_b, _ = reading.values
    for label, days in (("man-days a", days_a), ("man-days b", days_b)):
        if days is not None and days < 0:
            return f"{label} negative"
    days = quarter_days(reading)
    for index, label in ((0, "last year's man-days a"), (1, "last year's man-days b")):
        if days[index] is not None and days[index] < 0:
            return f"{label} = days − change < 0"
    intervals = _scheduled_intervals(row, reading)
    if isinstance(intervals, str):
        return intervals
    return _disagreement(intervals, [(0, 1, GROWTH_WITHIN_YEAR), (2, 3, GROWTH_WITHIN_YEAR)])


def across_years(row: RawRow, reading: Reading) -> str | None:
    """Why this year's quarters disagree with last year's, or None. A cross-check, not
    the row's own arithmetic: an area that changed since last year (a merger the table
    does not footnote) compares two structures. It tells readings apart; it does not
    reject a row's only reading."""
    if row.footnote is not None:
        return None
    intervals = _scheduled_intervals(row, reading)
    if isinstance(intervals, str):
        return None
    return _disagreement(intervals, [(0, 2, GROWTH_ACROSS_YEAR), (1, 3, GROWTH_ACROSS_YEAR)])


def exceeds_total(reading: Reading, total_bounds: tuple[int | None, ...]) -> str | None:
    for d, bound, label in zip(quarter_days(reading), total_bounds, ("a last year", "b last year", "a", "b")):
        if d is not None and bound is not None and d > bound:
            return f"man-days {label} {d} exceed the TOTAL's {bound}"
    return None


def total_against_sum(reading: Reading, low: list[float], high: list[float]) -> str | None:
    """A TOTAL reading must be at least the areas' sum and exceed it by
    no more than people with unknown residence explain.

    `low`/`high` bound the sum: an area still ambiguous adds its smallest
    and largest reading (see `sum_bounds` for cells not published). Every
    published figure is rounded to a whole man-day on its own, so the sum may
    pass the TOTAL by half a man-day per figure in it (`low` already has that
    taken off).
    """
    for d, lo, hi, label in zip(quarter_days(reading), low, high, ("a last year", "b last year", "a", "b")):
        if d is None:
            continue
        if d < lo:
            return f"TOTAL man-days {label} {d} below the areas' sum {lo:.0f}"
        if d * (1 - TOTAL_UNKNOWN_RESIDENCE_SHARE) > hi:
            return (f"TOTAL man-days {label} {d} exceed the areas' sum {hi:.0f} "
                    f"by more than {TOTAL_UNKNOWN_RESIDENCE_SHARE:.1%}")
    return None


def sum_bounds(
    areas: list[Candidates], widened: bool = False, unread: int = 0
) -> tuple[list[float], list[float], bool]:
    """Bounds of the areas' sum per rate quarter, and whether any cell
    is not published. A cell not published adds nothing to either bound, unless
    `widened`: then up to `UNPUBLISHED_SIZE_FACTOR` times the largest published
    municipality to the high one."""
    low, high = [0.0] * 4, [0.0] * 4
    # A row rejected before its man-days were read is an area of unknown size too.
    unpublished, largest = [unread] * 4, [0.0] * 4
    # Derived (last-year) days are a difference of two rounded figures.
    rounding = (2 * ROUNDING_PER_FIGURE, 2 * ROUNDING_PER_FIGURE, ROUNDING_PER_FIGURE, ROUNDING_PER_FIGURE)
    for c in areas:
        readings = c.surviving()
        if not readings:
            # A row with no reading left (damaged, rejected) is an area
            # whose days are unknown: bounded like a cell not published.
            unpublished = [count + 1 for count in unpublished]
            continue
        for index, values in enumerate(zip(*(quarter_days(r) for r in readings))):
            known = [max(d, 0) for d in values if d is not None]
            if known:
                low[index] += min(known) - rounding[index]
                high[index] += max(known) + rounding[index]
                largest[index] = max(largest[index], min(known))
            else:
                unpublished[index] += 1
    if widened:
        for index in range(4):
            high[index] += unpublished[index] * UNPUBLISHED_SIZE_FACTOR * largest[index]
    return low, high, any(unpublished)


def decide_total(total: Candidates, areas: list[Candidates], unread: int = 0) -> None:
    """Rule out TOTAL readings against the areas' sum, strict bound first.

    The widened bound is tried only when no reading survives the strict one and
    some area's cell is not published; `total.bound` records which decided.
    """
    standing = total.surviving()
    low, high, any_unpublished = sum_bounds(areas, unread=unread)
    chosen = {reading: total_against_sum(reading, low, high) for reading in standing}
    total.bound = STRICT_BOUND
    if standing and all(chosen.values()) and any_unpublished:
        low, high, _ = sum_bounds(areas, widened=True, unread=unread)
        chosen = {reading: total_against_sum(reading, low, high) for reading in standing}
        total.bound = WIDENED_BOUND
    for reading, why in chosen.items():
        if why:
            total.rule_out(reading, f"{why} ({total.bound} bound)")


def decide(rows: list[RawRow], unread: int = 0) -> list[Candidates]:
    """Readings for every row, ruled out by the arithmetic in the order the issue sets:
    each row's own arithmetic, then areas against the TOTAL, then the TOTAL
    against the sum of the areas."""
    all_candidates = [
        Candidates(row, [row.delimited] if row.delimited else list(enumerate_readings(list(row.day_tokens))))
        for row in rows
    ]
    for c in all_candidates:
        for reading in c.readings:
            why = own_arithmetic(c.row, reading)
            if why:
                c.rule_out(reading, why)
            elif cross := across_years(c.row, reading):
                if len(c.readings) > 1:
                    c.rule_out(reading, cross)
                else:
                    c.disagreement = cross

    totals = [c for c in all_candidates if c.row.area_level == TOTAL]
    areas = [c for c in all_candidates if c.row.area_level in AREAS]
    # Bound by the loosest TOTAL reading still standing, so the bound never rules
    # out an area reading that some reading of the TOTAL would allow.
    total_readings = [r for c in totals for r in c.surviving()]
    if len(totals) == 1 and total_readings:
        bounds = tuple(
            max((d for d in values if d is not None), default=None)
            for values in zip(*(quarter_days(r) for r in total_readings))
        )
        for c in areas:
            for reading in c.surviving():
                why = exceeds_total(reading, bounds)
                if why:
                    c.rule_out(reading, why)

    for c in totals:
        decide_total(c, areas, unread)
    return all_candidates

