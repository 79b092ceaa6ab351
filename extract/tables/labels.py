"""Row labels: where a row's label ends and its values begin, and what a label says.

A label is a code and/or a name ('0101 Halden', 'Østfold'), or a total label
('TOTAL', 'I alt', 'Hele landet', 'The whole country'). Sami and Kven parallel
names are written with ' - ' or ' – ' ('1736 Snåase - Snåsa', '1939 Storfjord -
Omasvuotna - Omasvuono'): the dash belongs to the name, never a '-' cell. A
footnote marker may be glued to the code ('10716 Re/Våle' is code 0716, marker 1).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from extract.readers.document import Line
from extract.tables.cells import DASH_CELLS, clean, is_blank, looks_like_value
from extract.tables.model import Row, Section
from extract.tables.text import join_wrapped, normalise, split_markers, squeeze

# Labels that name the sum of the rows, in the languages our publishers use.
TOTAL_LABELS = (
    "total", "totalt", "i alt", "alt", "sum", "hele landet", "heile landet", "landet i alt", "the whole country",
    "whole country", "all municipalities", "alle kommuner", "norge", "norway", "landet",
)
_SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_CODE = re.compile(rf"^(?P<sup>[{_SUPERSCRIPT_DIGITS}]+)?(?P<digits>\d{{2,6}})(?P<sup2>[{_SUPERSCRIPT_DIGITS}]+)?$")
_PERIOD_LABEL = re.compile(r"^(?:19|20)\d\d\s*[KQ][1-4]$", re.IGNORECASE)
_YEAR = re.compile(r"^(?:19|20)\d\d$")


@lru_cache(maxsize=1 << 16)
def is_value_token(token: str) -> bool:
    """A token that is (or is meant as) a value, an empty cell included; a period
    label such as '2009K3' is not one."""
    if is_blank(token):
        return True
    cleaned = clean(token)
    return looks_like_value(cleaned) and not _PERIOD_LABEL.match(cleaned)


def split_label(parts: Sequence[str]) -> tuple[int, bool]:
    """How many leading parts (tokens or cells) make the label, and whether it was indented.

    The values are the trailing parts that are values (numbers, symbols, empty
    cells, damaged numbers); the label is everything before them, so a dash
    between two words of a name stays in the name and a word inside the label
    ('Under 20 år') keeps the number before it.
    """
    start = 0
    while start < len(parts) and is_blank(parts[start]):
        start += 1
    end = len(parts)
    while end > start and is_value_token(parts[end - 1]):
        end -= 1
    return end, start > 0


def is_header_values(values: Iterable[str]) -> bool:
    """Values that are a header's years ('2004 2005 2006'), the ends of its period labels
    wrapped over lines ('2001 2001 2 2002 2002') or a title's year, not a row's numbers."""
    texts = [token for value in values if not is_blank(value) for token in clean(value).split()]
    years = [text for text in texts if _YEAR.match(text)]
    if len(texts) <= 2 and years and texts[0] == years[0] and all(len(text) <= 2 for text in texts[1:]):
        return True  # a title's year and its footnote marker ('… hjemmetjenester. 2006 1')
    return len(years) >= 2 and all(_YEAR.match(text) or text in ("1", "2", "3", "4") for text in texts)


@dataclass(frozen=True)
class Label:
    """What a row label says."""

    text: str  # as published, markup removed and spaces squeezed
    code: str | None
    name: str
    marker: str | None = None  # a footnote marker set apart from the code or name

    @property
    def is_total(self) -> bool:
        return self.code is None and is_total_label(self.name)


def is_total_label(text: str) -> bool:
    """'TOTAL', 'I alt', 'Hele landet', 'The whole country1' (a marker), '<b>I alt</b>'."""
    name, _ = split_markers(text)
    return normalise(name).strip(" .:") in TOTAL_LABELS


def parse_label(text: str, code_lengths: tuple[int, ...] = (4,)) -> Label:
    """'0101 Halden' → code 0101; '10716 Re/Våle' → code 0716, marker 1 (codes are
    `code_lengths` digits long, so a longer number carries a marker before it);
    'Østfold' → no code; 'The whole country1' → name 'The whole country', marker 1."""
    text = squeeze(text)
    first, _, rest = text.partition(" ")
    match = _CODE.match(first)
    if match and rest:
        digits = match["digits"]
        marker = match["sup"] or match["sup2"]
        fitting = [n for n in code_lengths if n <= len(digits)]
        if fitting and len(digits) - max(fitting) <= 2:
            length = max(fitting)
            if len(digits) > length:
                marker, digits = digits[: len(digits) - length], digits[-length:]
            if len(digits) == length:
                return Label(text, digits, rest.strip(), _plain_digits(marker))
    name, markers = split_markers(text)
    if markers and is_total_label(name):
        return Label(text, None, name, markers[0])
    return Label(text, None, text)


def _plain_digits(marker: str | None) -> str | None:
    if not marker:
        return None
    return marker.translate(str.maketrans(_SUPERSCRIPT_DIGITS, "0123456789"))


def opens_wrapped_label(line_label: str, next_label: str) -> bool:
    """A label alone on its line that a row's label below continues: the line opens with
    a code ('2011 Guovdageaidnu-') and the row's label has none ('Kautokeino')."""
    below = parse_label(next_label)
    return parse_label(line_label).code is not None and below.code is None and not below.is_total


def join_wrapped_labels(body: Sequence[Row | Section], starts_row: Callable[[str], bool]) -> list[Row | Section]:
    """Rows whose label was wrapped over two lines, made whole again.

    A label line right under a row that cannot start a row of its own (no code, no
    total label) is the rest of that row's label (cells aligned to the top); a
    label line that can start a row right above a row whose label cannot is that
    row's first part (cells aligned to the bottom). A hyphen ending the first part
    joins the two without a space ('Guovdageaidnu-' / 'Kautokeino').
    """
    out: list[Row | Section] = []
    for item in body:
        previous = out[-1] if out else None
        if isinstance(item, Section) and isinstance(previous, Row) and _adjacent(previous.lines[-1], item.line) \
                and not starts_row(item.label):
            label = join_wrapped([previous.label, item.label])
            out[-1] = replace(previous, lines=(*previous.lines, item.line), label=label)
            continue
        if isinstance(item, Row) and isinstance(previous, Section) and _adjacent(previous.line, item.line) \
                and starts_row(previous.label) and not starts_row(item.label):
            label = join_wrapped([previous.label, item.label])
            out[-1] = replace(item, lines=(previous.line, *item.lines), label=label)
            continue
        out.append(item)
    return out


def _adjacent(above: Line, below: Line) -> bool:
    return below.number == above.number + 1 and below.page == above.page


def reclaim_dashes(row: Row, symbols: Iterable[str]) -> Row:
    """A row of single-spaced tokens whose name ends with a dash ('5540 Gáivuotna -
    Kåfiord -', a parallel name cut short): where the kind's symbols have no dash, the
    dash cannot be a cell, so it is the name's."""
    if row.cells is not None or not row.tokens or row.tokens[0] not in DASH_CELLS or row.tokens[0] in set(symbols):
        return row
    return replace(row, label=f"{row.label} {row.tokens[0]}", tokens=row.tokens[1:])
