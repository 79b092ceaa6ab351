"""Shared handling of published numbers and the symbols that stand in for them.

Norwegian tables write a decimal comma, group thousands with a no-break space
(sometimes a narrow one, sometimes an ordinary space) and replace numbers by
symbols whose meaning each publisher defines. A symbol is never a zero: a cell
keeps its status beside its value.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Mapping

NBSP = "\u00a0"
NARROW_NBSP = "\u202f"
THIN_SPACE = "\u2009"
MINUS_SIGNS = "-\u2212\u2013"

PUBLISHED = "published"
EMPTY = "empty"

# SSB's and NAV's symbols as each document kind defines them; a parser passes
# the table its document's footnote gives.
SYMBOLS_NAV = {"*": "suppressed"}
SYMBOLS_SSB_HOME_CARE = {".": "not_answered", "..": "missing"}
SYMBOLS_SSB_SICKNESS = {"-": "not_published"}

_GROUP_SEPARATORS = f"{NBSP}{NARROW_NBSP}{THIN_SPACE}"
_NUMBER = re.compile(
    rf"^(?P<sign>[{MINUS_SIGNS}])?"
    rf"(?P<int>\d{{1,3}}(?:[{_GROUP_SEPARATORS} ]\d{{3}})+|\d+)"
    rf"(?:,(?P<frac>\d+))?$"
)
_MARKUP = re.compile(r"</?[a-zA-Z][^>]*>")


class CellError(ValueError):
    """A cell that should hold a number or a known symbol but holds neither."""


@dataclass(frozen=True)
class Cell:
    """One published cell: its value (None unless published) and its status."""

    raw: str
    value: Decimal | None
    status: str

    @property
    def is_published(self) -> bool:
        return self.status == PUBLISHED


def strip_markup(text: str) -> str:
    """Remove HTML-like tags (`<b>…</b>`) that renderings put around totals."""
    return _MARKUP.sub("", text)


def is_blank(text: str) -> bool:
    """True for a cell that is only spaces of any kind: an empty cell."""
    return text.strip(f" \t{_GROUP_SEPARATORS}") == ""


def looks_numeric(text: str) -> bool:
    return _NUMBER.match(text.strip(f" \t{_GROUP_SEPARATORS}")) is not None


def parse_number(text: str) -> Decimal:
    """'1 235,70' → Decimal('1235.70'); '-1 304' → Decimal('-1304'). Raises CellError."""
    cleaned = text.strip(f" \t{_GROUP_SEPARATORS}")
    match = _NUMBER.match(cleaned)
    if match is None:
        raise CellError(f"not a number: {text!r}")
    digits = re.sub(rf"[{_GROUP_SEPARATORS} ]", "", match["int"])
    number = Decimal(f"{digits}.{match['frac']}" if match["frac"] else digits)
    return -number if match["sign"] else number


def parse_cell(text: str, symbols: Mapping[str, str] | None = None) -> Cell:
    """A number, a symbol from `symbols`, or an empty cell. Anything else raises CellError."""
    cleaned = strip_markup(text).strip(f" \t{_GROUP_SEPARATORS}")
    if cleaned == "":
        return Cell(raw=text, value=None, status=EMPTY)
    if symbols and cleaned in symbols:
        return Cell(raw=text, value=None, status=symbols[cleaned])
    return Cell(raw=text, value=parse_number(cleaned), status=PUBLISHED)
