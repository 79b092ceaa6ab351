"""Published numbers and the symbols that stand in for them: the one place cells are read.

Norwegian tables write a decimal comma and group thousands with a no-break
space, a narrow or thin space, an ordinary space or a full stop; an English
edition writes a decimal point. Publishers replace numbers by symbols whose
meaning each defines. A symbol is never a zero: a cell keeps its status beside
its value, and its text as printed (`0` and `0,0` are both zero, printed to
different precision).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

NBSP = "\u00a0"
NARROW_NBSP = "\u202f"
THIN_SPACE = "\u2009"
FIGURE_SPACE = "\u2007"
MINUS = "\u2212"
EN_DASH = "\u2013"
SPACES = f" \t{NBSP}{NARROW_NBSP}{THIN_SPACE}{FIGURE_SPACE}"
GROUP_SEPARATORS = f" {NBSP}{NARROW_NBSP}{THIN_SPACE}{FIGURE_SPACE}"
SIGNS = f"-{MINUS}{EN_DASH}"
DASH_CELLS = ("-", EN_DASH)  # a dash alone in a cell: SSB's nil, printed either way

PUBLISHED = "published"
EMPTY = "empty"

# Statistics Norway's standard symbols ("Standardtegn i tabeller"); a kind whose
# document defines them otherwise passes its own table.
SSB_SYMBOLS: Mapping[str, str] = {
    ".": "not_applicable",
    "..": "missing",
    "...": "not_yet_available",
    ":": "confidential",
    "-": "nil",
    EN_DASH: "nil",
}
SUPPRESSED = "suppressed"
NAV_SYMBOLS: Mapping[str, str] = {"*": SUPPRESSED}
# Every symbol any publisher of ours uses: what may stand in a cell instead of a number.
ANY_SYMBOL = frozenset({*SSB_SYMBOLS, *NAV_SYMBOLS, "x", "…"})

_MARKUP = re.compile(r"</?[a-zA-Z][^>]*>")
_SEP = re.escape(GROUP_SEPARATORS)


def _number_pattern(group: str, decimal: str) -> re.Pattern[str]:
    return re.compile(
        rf"^(?P<sign>[{re.escape(SIGNS)}])?"
        rf"(?P<int>\d{{1,3}}(?:[{group}]\d{{3}})+|\d+)"
        rf"(?:{re.escape(decimal)}(?P<frac>\d+))?$"
    )


# Decimal comma: groups by any space or a full stop. Decimal point: by a space or a comma.
_DECIMAL_COMMA = _number_pattern(_SEP + r"\.", ",")
_DECIMAL_POINT = _number_pattern(_SEP + ",", ".")
_DIGIT = re.compile(r"\d")
# Decimals a group of thousands cannot be (not three digits): the cell proves its table's decimal mark.
_DECIMAL_COMMA_PROOF = re.compile(r"\d,\d{1,2}$|\d,\d{4,}$")
_DECIMAL_POINT_PROOF = re.compile(r"\d\.\d{1,2}$|\d\.\d{4,}$")


class CellError(ValueError):
    """A cell that should hold a number or a known symbol but holds neither."""


@dataclass(frozen=True)
class Cell:
    """One published cell: its value (None unless published), its status and its text."""

    raw: str
    value: Decimal | None
    status: str

    @property
    def is_published(self) -> bool:
        return self.status == PUBLISHED

    @property
    def decimals(self) -> int | None:
        """Decimals printed ('20,5' → 1): the rounding the publisher applied."""
        if not self.is_published:
            return None
        text = clean(self.raw)
        for mark in (",", "."):
            head, found, tail = text.rpartition(mark)
            if found and tail.isdigit() and len(tail) != 3:
                return len(tail)
        return 0


def strip_markup(text: str) -> str:
    """Remove HTML-like tags (`<b>…</b>`) that renderings leave around totals."""
    return _MARKUP.sub("", text) if "<" in text else text


# The table model and the kinds ask of the same few thousand cells again and again
# (is it blank, a value, a number?): each cell is cleaned once.
@lru_cache(maxsize=1 << 16)
def clean(text: str) -> str:
    """A cell's text without markup and surrounding spaces of any kind."""
    return strip_markup(text).strip(SPACES)


@lru_cache(maxsize=1 << 16)
def is_blank(text: str) -> bool:
    """A cell of spaces only (of any kind): an empty cell."""
    return clean(text) == ""


def filled_width(parts: Sequence[str]) -> int:
    """How many parts a row or tier fills: up to its last part that is not blank (the
    empty cells a rendering pads it with are not cells)."""
    end = len(parts)
    while end > 0 and is_blank(parts[end - 1]):
        end -= 1
    return end


def _match(text: str, decimal: str) -> re.Match[str] | None:
    first, second = (_DECIMAL_COMMA, _DECIMAL_POINT) if decimal == "," else (_DECIMAL_POINT, _DECIMAL_COMMA)
    return first.match(text) or second.match(text)


def looks_numeric(text: str, decimal: str = ",") -> bool:
    return _match(clean(text), decimal) is not None


@lru_cache(maxsize=1 << 16)
def parse_number(text: str, decimal: str = ",") -> Decimal:
    """'1 235,70' → 1235.70; '−1 304' → -1304; '1.235,7' → 1235.7. Raises CellError.

    `decimal` is the table's decimal mark: where a cell could be read either way
    ('1.235') the table's convention decides.
    """
    cleaned = clean(text)
    match = _match(cleaned, decimal)
    if match is None:
        raise CellError(f"not a number: {text!r}")
    digits = "".join(_DIGIT.findall(match["int"]))
    number = Decimal(f"{digits}.{match['frac']}" if match["frac"] else digits)
    return -number if match["sign"] else number


def parse_cell(text: str, symbols: Mapping[str, str] | None = None, decimal: str = ",") -> Cell:
    """A number, a symbol from `symbols`, or an empty cell. Anything else raises CellError."""
    cleaned = clean(text)
    if cleaned == "":
        return Cell(raw=text, value=None, status=EMPTY)
    if symbols and cleaned in symbols:
        return Cell(raw=text, value=None, status=symbols[cleaned])
    return Cell(raw=text, value=parse_number(cleaned, decimal), status=PUBLISHED)


def cell_reader(symbols: Mapping[str, str] | None = None, decimal: str = ",") -> Callable[[str], Cell]:
    """`parse_cell` for one publisher's symbols and decimal mark, remembering what it
    read: a report's hundred thousand cells are a few thousand distinct texts, and a
    Cell is immutable. A text that is no cell raises CellError each time."""

    @lru_cache(maxsize=1 << 16)
    def read(text: str) -> Cell:
        return parse_cell(text, symbols, decimal)

    return read


@lru_cache(maxsize=1 << 16)
def is_value(text: str) -> bool:
    """A cell that holds a number or a symbol of any publisher (not a word)."""
    cleaned = clean(text)
    return cleaned in ANY_SYMBOL or _match(cleaned, ",") is not None


@lru_cache(maxsize=1 << 16)
def looks_like_value(text: str) -> bool:
    """A token meant as a value, readable or not: a number, a symbol, or a
    damaged number ('6,5O', '1O'), which starts with a digit. A damaged cell
    must be rejected, not taken for part of a name."""
    cleaned = clean(text)
    if not cleaned:
        return False
    if cleaned in ANY_SYMBOL:
        return True
    head = cleaned[1:] if cleaned[0] in SIGNS and len(cleaned) > 1 else cleaned
    # A code and a name in one cell ('0427 Elverum') is a label, not a number; so is a
    # year in parentheses inside a name ('Re (Våle før 2002)').
    return head[0].isdigit() and "(" not in cleaned and ")" not in cleaned \
        and not any(sum(ch.isalpha() for ch in part) >= 2 for part in cleaned.split()[1:])


# Letters a scan or a font reads for digits ('O' for 0, 'l' and 'I' for 1, 'S' for 5, 'B' for 8).
_DIGIT_LOOKALIKES = frozenset("OolIiSsBZ")


def looks_like_misread_number(text: str) -> bool:
    """A cell that is a number with a digit read as a letter ('l0', '1O5', 'S'): in a
    row of numbers it is a damaged value, to be rejected, not a header word."""
    cleaned = clean(text).replace(" ", "")
    if not cleaned or len(cleaned) > 12 or not any(ch in _DIGIT_LOOKALIKES for ch in cleaned):
        return False
    if not all(ch.isdigit() or ch in _DIGIT_LOOKALIKES or ch in ",." for ch in cleaned):
        return False
    return any(ch.isdigit() for ch in cleaned) or len(cleaned) == 1


def decimal_mark(cells: Iterable[str]) -> str:
    """The decimal mark of a table's cells: a point only where some cell proves it
    ('534.95', '0.5') and none writes a decimal comma."""
    cells = tuple(cells)
    marks = "".join(cells)
    if "," not in marks and "." not in marks:
        return ","  # most tables: nothing to prove either
    comma = point = False
    for cleaned in map(clean, cells):
        if "," in cleaned and _DECIMAL_COMMA_PROOF.search(cleaned):
            comma = True
        if "." in cleaned and _DECIMAL_POINT_PROOF.search(cleaned):
            point = True
    return "." if point and not comma else ","
