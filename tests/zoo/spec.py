"""A canonical model of a document to render: prose blocks and tables.

Text in the model is as published, with two pieces of markup every renderer resolves
in its own way:

- `<sup>1</sup>`: a footnote marker (a glued digit in a text rendering, a raised
  digit in a PDF);
- U+00AD SOFT HYPHEN: a place a label may be broken with a hyphen ('Gjennom-' /
  'snitt'); it is not printed unless the line is broken there.

Cells are strings exactly as published, with an ordinary space between groups of
thousands ('1 235,70'); '' is an empty cell. Renderers choose the thousands space.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

NBSP = "\u00a0"
SOFT_HYPHEN = "\u00ad"
_MARKER = re.compile(r"<sup>(.*?)</sup>")


def segments(text: str, soft: bool = False) -> list[tuple[str, bool]]:
    """`text` cut into (piece, is_marker) pieces; soft hyphens dropped unless `soft`."""
    text = text if soft else text.replace(SOFT_HYPHEN, "")
    out: list[tuple[str, bool]] = []
    at = 0
    for match in _MARKER.finditer(text):
        if match.start() > at:
            out.append((text[at : match.start()], False))
        out.append((match.group(1), True))
        at = match.end()
    if at < len(text):
        out.append((text[at:], False))
    return out


def plain(text: str, soft: bool = False) -> str:
    """As a text rendering prints it: markers as plain (glued) characters; soft hyphens
    kept when `soft`, for `wrap` to break at."""
    return "".join(piece for piece, _ in segments(text, soft))


@dataclass(frozen=True)
class Paragraph:
    text: str
    heading: bool = False


@dataclass(frozen=True)
class Label:
    """A header label over the columns first..last (column 0 is the row-label column)."""

    text: str
    first: int
    last: int

    def overlaps(self, other: Label) -> bool:
        return self.first <= other.last and other.first <= self.last


@dataclass(frozen=True)
class Row:
    cells: tuple[str, ...]  # the row label, then the value cells
    bold: bool = False  # a total row
    section: bool = False  # a label alone spanning the table: a county heading, 'Bydeler'
    indent: bool = False  # set in under a total row


@dataclass(frozen=True)
class Note:
    text: str
    marker: str | None = None  # '1' for a footnote


@dataclass(frozen=True)
class TitleBlock:
    title: str = ""
    number: str | None = None  # printed before the title: '8', 'Table 8.', 'Tabell 21.'
    subject: str | None = None  # a line above the title: 'Nursing and social care services'
    publisher: str | None = None  # 'Statistics Norway', 'NAV'
    period: str | None = None  # a heading under the title: 'Høsten 2018'
    source: str | None = None  # 'Kilde: Statistisk sentralbyrå'
    source_on_period: bool = False  # '… 2018. Kilde: …' on the period's line

    def lines(self, number_gap: str = " ", skip_period: bool = False) -> list[tuple[str, str]]:
        """(role, text) lines top to bottom; roles: subject, publisher, title, period, source."""
        out: list[tuple[str, str]] = []
        if self.subject:
            out.append(("subject", self.subject))
        if self.publisher:
            out.append(("publisher", self.publisher))
        if self.title or self.number:
            out.append(("title", number_gap.join(part for part in (self.number, self.title) if part)))
        source_pending = self.source
        if self.period and not skip_period:
            if self.source and self.source_on_period:
                out.append(("period", f"{self.period}. {self.source}"))
                source_pending = None
            else:
                out.append(("period", self.period))
        if source_pending:
            out.append(("source", source_pending))
        return out


@dataclass(frozen=True)
class Table:
    title: TitleBlock | None
    header: tuple[tuple[Label, ...], ...]  # tiers, top first
    rows: tuple[Row, ...]
    repeat: int = 0  # leading rows repeated under the header after a page break (NAV's 'I alt')
    notes: tuple[Note, ...] = ()

    @property
    def columns(self) -> int:
        return 1 + max(label.last for tier in self.header for label in tier)

    def is_leaf(self, tier: int, label: Label) -> bool:
        """No label under it: it names one column and reaches down to the data."""
        return not any(label.overlaps(other) for lower in self.header[tier + 1 :] for other in lower)

    def leaves(self) -> list[Label | None]:
        """The leaf label of each column (None where a column has none, e.g. the row labels)."""
        out: list[Label | None] = [None] * self.columns
        for tier, labels in enumerate(self.header):
            for label in labels:
                if self.is_leaf(tier, label):
                    out[label.first] = label
        return out

    def group_tiers(self) -> list[list[Label]]:
        """The spanning labels (those with labels under them), tier by tier; empty tiers dropped."""
        tiers = [[label for label in labels if not self.is_leaf(t, label)] for t, labels in enumerate(self.header)]
        return [tier for tier in tiers if tier]


@dataclass(frozen=True)
class Document:
    kind: str
    publication: str  # the publication's title, for running heads
    blocks: tuple[Paragraph | Table, ...]

    def tables(self) -> list[Table]:
        return [block for block in self.blocks if isinstance(block, Table)]


# ------------------------------------------------------------------ wrapping ----


def _pieces(word: str) -> list[str]:
    """A word cut at its break points: after a hard hyphen (kept) or at a soft hyphen."""
    pieces = [""]
    for index, char in enumerate(word):
        if char == SOFT_HYPHEN:
            pieces.append("")
            continue
        pieces[-1] += char
        if char == "-" and 0 < index < len(word) - 1 and word[index - 1].isalpha() and word[index + 1].isalpha():
            pieces.append("")
    return [piece for piece in pieces if piece]


def _shown(pieces: list[str], take: int) -> str:
    """The first `take` pieces of a word as printed: a hyphen where the word is broken."""
    chunk = "".join(pieces[:take])
    return chunk if take == len(pieces) or chunk.endswith("-") else chunk + "-"


def wrap(text: str, width: float, measure: Callable[[str], float] = len, hyphenate: bool = True) -> list[str]:
    """Words of `text` in lines no wider than `width`. A word is broken only at a hyphen or
    soft hyphen (when `hyphenate`), as much of it as fits going on the current line; a piece
    too long for any line stands alone on its line."""
    lines: list[str] = []
    current = ""
    for word in text.split():
        pieces = _pieces(word) if hyphenate else [word.replace(SOFT_HYPHEN, "")]
        while pieces:
            fitted, candidate = 0, ""
            for take in range(len(pieces), 0, -1):
                candidate = f"{current} {_shown(pieces, take)}" if current else _shown(pieces, take)
                if measure(candidate) <= width:
                    fitted = take
                    break
            if not fitted and current:  # try again on a fresh line
                lines.append(current)
                current = ""
                continue
            fitted = fitted or 1
            current = candidate if measure(candidate) <= width else _shown(pieces, 1)
            pieces = pieces[fitted:]
            if pieces:  # broken inside the word
                lines.append(current)
                current = ""
    if current:
        lines.append(current)
    return lines or [""]


def narrowest(
    text: str, most_lines: int, measure: Callable[[str], float] = len, step: float = 1.0, hyphenate: bool = True
) -> float:
    """The least width (in steps) at which `text` wraps into at most `most_lines` lines,
    words broken only where `wrap` would (at hyphens only when `hyphenate`)."""
    words = text.split()
    pieces = (
        [piece for word in words for piece in _pieces(word)]
        if hyphenate
        else [w.replace(SOFT_HYPHEN, "") for w in words]
    )
    width = max(
        (measure(piece if piece.endswith("-") or not hyphenate else piece + "-") for piece in pieces), default=1.0
    )
    while len(wrap(text, width, measure, hyphenate)) > most_lines:
        width += step
    return width
