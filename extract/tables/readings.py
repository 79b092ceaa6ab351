"""Cells of a row whose rendering separates cells and thousands groups alike.

'17 663 747 19 012 2 396' can be four numbers in several ways. The rendering
cannot tell; the kind's arithmetic and constraints can. `readings` lists every
grouping of a row's tokens into the table's number of cells, so a kind keeps
the one its checks allow, or rejects the row with all of them: never a guess.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence

from extract.readers.document import immutable
from extract.tables.cells import ANY_SYMBOL, GROUP_SEPARATORS, SIGNS, clean, filled_width, is_blank

_HEAD = re.compile(rf"^[{re.escape(SIGNS)}]?(?:[1-9]\d{{0,2}}|0)$")
_HEAD_WITH_DECIMALS = re.compile(rf"^[{re.escape(SIGNS)}]?(?:[1-9]\d{{0,2}}|0)[,.]\d+$")
_TAIL = re.compile(r"^\d{3}$")
_TAIL_WITH_DECIMALS = re.compile(r"^\d{3}[,.]\d+$")
_SEPARATOR = re.compile(f"[{re.escape(GROUP_SEPARATORS)}]")

Reading = tuple[str, ...]


def _is_whole(token: str) -> bool:
    """A token that is a cell by itself: empty, a symbol, or a number whose own
    groups are joined by a no-break space ('1\u00a0235,70')."""
    cleaned = clean(token)
    return is_blank(token) or cleaned in ANY_SYMBOL or bool(_SEPARATOR.search(cleaned))


def readings(tokens: Sequence[str], cells: int, limit: int = 4096) -> Iterator[Reading]:
    """Every grouping of `tokens` into `cells` cells, each cell's groups joined by a space.

    A number is a head group of 1–3 digits (a sign only here, no leading zero)
    followed by any number of 3-digit groups; decimals end its last group; a
    zero is written '0', never followed by groups. `limit` bounds the search on
    a damaged row.
    """
    tokens = list(tokens)
    found = 0

    def walk(index: int, taken: tuple[str, ...]) -> Iterator[Reading]:
        nonlocal found
        if found >= limit:
            return
        if len(taken) == cells:
            if index == len(tokens):
                found += 1
                yield taken
            return
        if index == len(tokens) or len(tokens) - index < cells - len(taken):
            return
        token = tokens[index]
        if _is_whole(token):
            yield from walk(index + 1, (*taken, token))
            return
        if _HEAD_WITH_DECIMALS.match(token):
            yield from walk(index + 1, (*taken, token))
            return
        if not _HEAD.match(token):
            return  # not a number: no reading (the kind rejects the row with its tokens)
        end = index + 1
        while True:
            if not (end > index + 1 and token.lstrip(SIGNS) == "0"):
                yield from walk(end, (*taken, " ".join(tokens[index:end])))
            if end < len(tokens) and _TAIL.match(tokens[end]):
                end += 1
            elif end < len(tokens) and _TAIL_WITH_DECIMALS.match(tokens[end]) and token.lstrip(SIGNS) != "0":
                yield from walk(end + 1, (*taken, " ".join(tokens[index : end + 1])))
                return
            else:
                return

    yield from walk(0, ())


@immutable
class Settled:
    """A row's value cells as settled, or why they could not be."""

    cells: Reading | None
    candidates: tuple[Reading, ...] = ()  # every reading of the tokens (one, for delimited cells)
    reason: str | None = None

    def describe(self) -> str | None:
        if len(self.candidates) < 2:
            return None
        return "; ".join(" | ".join(reading) for reading in self.candidates)


def settle(values: Sequence[str] | None, tokens: Sequence[str], count: int,
           check: Callable[[Reading], str | None] | None = None, empty_cells: bool = True) -> Settled:
    """The `count` value cells of a row: its delimited cells, or the one reading of its
    tokens that `check` (the kind's arithmetic: None for a consistent reading) leaves.

    Delimited cells beyond `count` must be empty (a rendering's padding). Where the
    kind's table has no empty cells (`empty_cells=False`), empty cells at the end of a
    row are missing values, not cells."""
    if values is not None:
        cells = tuple(values)
        filled = filled_width(cells)
        if not (filled > count or len(cells) < count or (not empty_cells and filled < count)):
            return _checked(cells[:count], (cells[:count],), check)
        if not tokens or check is None or filled > count:
            # More cells than the header has columns: the header is in doubt, not the row.
            return Settled(None, (), f"expected {count} values (one per column of the header), found {filled}")
        # The positions joined values closer than a gutter: the text's tokens decide, and
        # only the kind's arithmetic may settle them (the columns' count disagreed).
        consistent = [reading for reading in readings(tokens, count) if check(reading) is None]
        if len(consistent) == 1:
            return Settled(consistent[0], (consistent[0],))
        return Settled(None, (), f"expected {count} values (one per column of the header), found {filled}; "
                                 f"{len(consistent) or 'none'} readings of the row's text agree with the arithmetic")
    if len(tokens) < count:
        return Settled(None, (), f"expected {count} values (one per column of the header), found {len(tokens)}")
    candidates = tuple(readings(tokens, count))
    if not candidates:
        return Settled(None, (), f"the values {' '.join(clean(t) or '·' for t in tokens)!r} cannot be read "
                                 f"as {count} values (one per column of the header)")
    if len(candidates) == 1:
        return _checked(candidates[0], candidates, check)
    consistent = [reading for reading in candidates if check is None or check(reading) is None]
    if len(consistent) == 1:
        return Settled(consistent[0], candidates)
    why = "agree with the table's arithmetic" if check else "are possible"
    return Settled(None, candidates, f"{len(consistent) or 'none'} of {len(candidates)} readings of the values {why}; "
                                     "not guessing")


def _checked(cells: Reading, candidates: tuple[Reading, ...], check: Callable[[Reading], str | None] | None) -> Settled:
    """The row's only reading, unless its own arithmetic (a total printed on the row) fails:
    then a cell of the row is damaged or misplaced, and the row is no reading at all."""
    why = check(cells) if check is not None else None
    if why:
        return Settled(None, candidates, why)
    return Settled(cells, candidates)
