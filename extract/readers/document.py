"""The uniform document every reader produces: numbered lines, PDF lines with their words."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path


class DocumentError(Exception):
    """A file that cannot be read as a document (not a parse error of one line)."""


# Made for every line of every document, several times over (lines, words, their cuts
# and rows): immutable by convention, with a frozen dataclass's equality and hash, but
# not enforced, for a frozen dataclass's __init__ sets each field through
# object.__setattr__ and takes six times as long.
immutable = dataclass(unsafe_hash=True)


class NotADocument(DocumentError):
    """A file that is neither a text rendering nor a PDF (an image, an archive …):
    of no known kind, so skipped like any other unknown file."""


@immutable
class Word:
    """A word with its box (origin top-left). PDF words are in points; the words of a
    fixed-width text line are in characters (`x0` its column, `top` its line)."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    fontname: str = ""
    size: float = 0.0

    @property
    def em(self) -> float:
        """The word's font size, or its box's height where the reader gives no size."""
        return self.size or (self.bottom - self.top)

    @property
    def is_bold(self) -> bool:
        return "bold" in self.fontname.lower()


@immutable
class Line:
    """One line of a document: its 1-based number, its page and its text.

    `number` counts lines of the whole document (for PDFs: across pages), so a
    line is found again from (document, line) alone. `page` is the PDF page, or
    the page of a text rendering that marks page breaks with form feeds (else None).
    """

    number: int
    text: str
    page: int | None = None
    words: tuple[Word, ...] = ()


@dataclass
class Document:
    path: Path
    sha256: str
    format: str  # "text" | "pdf"
    lines: list[Line] = field(default_factory=list)
    page_widths: dict[int, float] = field(default_factory=dict)
    encoding: str | None = None  # of a text rendering: utf-8, utf-16, or cp1252 when it was neither

    @cached_property  # in the lineage of every record
    def name(self) -> str:
        return self.path.name

    @property
    def text(self) -> str:
        return "\n".join(line.text for line in self.lines)


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()
