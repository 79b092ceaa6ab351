"""One line as a table reader sees it: its layout, its parts, where its label ends.

A line's parts are the cells a rendering delimits (pipes, tabs), the word
groups its positions separate (a PDF's, or a fixed-width text's, whose words
are placed by character column), or its space-separated tokens. The label is
everything before the trailing values (see `labels.split_label`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import field
from itertools import filterfalse
from typing import Any, Generic, TypeVar

from extract.readers.document import Line, Word, immutable
from extract.tables import geometry
from extract.tables.cells import (
    DASH_CELLS,
    GROUP_SEPARATORS,
    SPACES,
    clean,
    is_blank,
    looks_like_misread_number,
    strip_markup,
)
from extract.tables.labels import is_header_values, is_value_token, split_label
from extract.tables.text import squeeze

BLANK, RULE, PIPES, TABS, TOKENS, POSITIONS = "blank", "rule", "pipes", "tabs", "tokens", "positions"
LINES = "lines"  # a row whose cells each stood on a line of their own (see `read.fold_vertical_rows`)
EXPLICIT = (PIPES, TABS, LINES)

_RULE = re.compile(r"^[\s\-=_\u2013\u2014+|:.~*]{3,}$")
_MARKDOWN_SEPARATOR = re.compile(r"^\s*:?-{3,}:?\s*$")
_BOLD = re.compile(r"<(b|strong)>", re.IGNORECASE)
# Two or more ordinary spaces between words: the columns of a fixed-width text (a
# no-break space beside a space is an empty cell of a single-spaced one).
_GAP = re.compile(r"\S {2,}\S")
_WORD = re.compile(f"[^{re.escape(GROUP_SEPARATORS)}\t]+")
# A text line's words are one character wide each: a font named 'mono' makes the
# geometry treat a one-character gap as a space inside a cell, two as a gutter.
TEXT_FONT = "text-monospace"
# A dump's line is read as tokens only with this many values: a title ending in its
# year and a marker ('… hjemmetjenester. 2006 1') is not a row.
DUMP_VALUES = 3
_ENDS_IN_PERIOD = re.compile(
    r"(?:quarter|kvartal)\s*[1-4]\.?\s+(?:19|20)\d\d\s*\d?$|(?:19|20)\d\d\s*[KQ][1-4]$"
    r"|[1-4](?:\.|st|nd|rd|th)\s*(?:quarter|kvartal)\s+(?:19|20)\d\d\s*\d?$",
    re.IGNORECASE,
)
TEXT_SIZE = 1.0
# What a blank line holds, markup aside: spaces of any kind and the pipes of empty cells.
_BLANK_LINE = SPACES + "|"


def pipe_cells(text: str) -> list[str]:
    """'| a | b | |||' → ['a', 'b', '', '', '', '']: markup removed, cells stripped."""
    stripped = text.strip()
    inner = stripped[1:] if stripped.startswith("|") else stripped
    inner = inner[:-1] if inner.endswith("|") else inner
    return list(map(clean, inner.split("|")))


def is_pipe_line(text: str) -> bool:
    stripped = text.strip()
    return stripped.startswith("|") or stripped.endswith("|") or stripped.count(" | ") >= 2


def text_words(line: Line) -> tuple[Word, ...]:
    """A text line's words placed by character column (for fixed-width tables)."""
    return tuple(
        Word(match[0], float(match.start()), float(match.end()), float(line.number - 1), float(line.number),
             TEXT_FONT, TEXT_SIZE)
        for match in _WORD.finditer(line.text.replace("\t", "    "))
    )


T = TypeVar("T")


class once(Generic[T]):
    """`functools.cached_property` without its lock, which Python 3.11 takes on every
    first read: a document's lines are cut and read in one thread, and a reader asks
    each of them for its label and values (hundreds of thousands of first reads)."""

    def __init__(self, function: Callable[[Any], T]):
        self.function = function
        self.name = function.__name__
        self.__doc__ = function.__doc__

    def __get__(self, instance: Any, owner: type | None = None) -> T:
        if instance is None:
            return self  # type: ignore[return-value]
        value = instance.__dict__[self.name] = self.function(instance)
        return value


@immutable
class Cut:
    """A line, split into parts, with the number of leading parts that make its label."""

    line: Line
    layout: str
    parts: tuple[str, ...] = ()
    label_end: int = 0
    indented: bool = False
    bold: bool = False
    gapped: bool = False  # a text line with columns two or more spaces apart
    more: tuple[Line, ...] = ()  # further lines of the row (its cells, where each stood on a line)
    # The label, the values and those of them not blank: asked of every line, so worked out
    # when it is cut (and again by `replace`).
    label: str = field(init=False, compare=False, repr=False)
    values: tuple[str, ...] = field(init=False, compare=False, repr=False)
    filled: tuple[str, ...] = field(init=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        parts, end = self.parts, self.label_end
        self.label = squeeze(parts[0]) if end == 1 else squeeze(" ".join(parts[:end]))
        self.values = parts[end:]
        self.filled = tuple(filterfalse(is_blank, self.values))

    @once
    def text(self) -> str:
        return squeeze(self.line.text)

    @once
    def is_row(self) -> bool:
        """A label followed by values: a body row (a damaged value included)."""
        if not self.label or not self.filled:
            return False
        if self.layout in EXPLICIT:
            readable = sum(map(is_value_token, self.filled))
            last = self.filled[-1]
            ends_in_value = is_value_token(last) or (readable > 1 and looks_like_misread_number(last))
            return ends_in_value and readable * 5 >= len(self.filled) * 3
        if len(self.filled) < 2 or is_header_values(self.filled):
            return False
        # A header line ending in a period label ('… Quarter 3 2002') is no row.
        return _ENDS_IN_PERIOD.search(self.text) is None

    @property
    def is_label_only(self) -> bool:
        """A label and nothing else: a section heading, a wrapped label, a header line."""
        return bool(self.label) and not self.filled

    @property
    def is_value_only(self) -> bool:
        """Values and no label: a cell printed on a line of its own."""
        return not self.label and bool(self.filled) and all(map(is_value_token, self.filled))


def _is_blank_line(text: str) -> bool:
    """Spaces, empty cells' pipes and markup only."""
    if "<" in text:
        return is_blank(strip_markup(text).replace("|", ""))
    return not text.strip(_BLANK_LINE)


def cut(line: Line) -> Cut:
    """A line of a text rendering or a PDF, cut into its parts."""
    text = line.text
    if _is_blank_line(text):
        return Cut(line, BLANK)
    if line.words:
        return _positions(line)
    if _RULE.match(text) and not any(ch.isalnum() for ch in text):
        return Cut(line, RULE)
    bold = "<" in text and _BOLD.search(text) is not None
    if "\t" in text:
        cells = tuple(map(clean, text.split("\t")))
        return Cut(line, TABS, cells, 1, indented=text[:1].isspace(), bold=bold)
    if is_pipe_line(text):
        cells = pipe_cells(text)
        if all(_MARKDOWN_SEPARATOR.match(cell) or not cell for cell in cells):
            return Cut(line, RULE)
        return Cut(line, PIPES, tuple(cells), 1, bold=bold)
    tokens = tuple(filter(None, strip_markup(text).split(" ")))
    end, indented = split_label(tokens)
    if 0 < end == len(tokens) - 1 and tokens[end] in DASH_CELLS:
        # A lone dash after a label ('1939 Storfjord - Omasvuotna -'): a parallel name
        # wrapped at its separator, for a row of single-spaced values needs two of them.
        end = len(tokens)
    return Cut(line, TOKENS, tokens, end, indented=indented or text[:1] in (" ", "\u00a0"), bold=bold,
               gapped=bool(_GAP.search(text.strip())))


def _positions(line: Line) -> Cut:
    groups = geometry.clusters(line)
    parts = tuple(" ".join(word.text for word in group) for group in groups)
    end, _ = split_label(parts)
    positioned = Cut(line, POSITIONS, parts, end, bold=geometry.is_bold_line(line))
    if positioned.is_row or len(parts) > 1:
        return positioned
    # One run of words: a text dump set in a monospaced font, whose cells are a
    # space apart like its words. Read as such a text's tokens.
    tokens = tuple(token for token in line.text.split(" ") if token)
    end, _ = split_label(tokens)
    as_text = Cut(line, TOKENS, tokens, end, bold=positioned.bold)
    return as_text if as_text.is_row and len(as_text.filled) >= DUMP_VALUES else positioned


def as_positions(item: Cut) -> Cut:
    """A fixed-width text line re-cut by the positions of its words."""
    line = Line(item.line.number, item.line.text, item.line.page, text_words(item.line))
    if not line.words:
        return item
    cut_line = _positions(line)
    return Cut(line, POSITIONS, cut_line.parts, cut_line.label_end, item.indented, item.bold, item.gapped)
