"""Readers: turn a file into a uniform `Document` that parsers read.

Parsers never open files. A text rendering becomes numbered lines; a PDF becomes
lines too (words grouped by baseline), each line keeping its words and their
positions so a parser can use geometry where text alone is ambiguous.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

PDF_MAGIC = b"%PDF-"


class DocumentError(Exception):
    """A file that cannot be read as a document (not a parse error of one line)."""


class NotADocument(DocumentError):
    """A file that is neither a text rendering nor a PDF (an image, an archive …):
    of no known kind, so skipped like any other unknown file."""


@dataclass(frozen=True)
class Word:
    """A word of a PDF page with its box in PDF points (origin top-left)."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    fontname: str = ""
    size: float = 0.0

    @property
    def is_bold(self) -> bool:
        return "bold" in self.fontname.lower()


@dataclass(frozen=True)
class Line:
    """One line of a document: its 1-based number, its page (PDF only) and text.

    `number` counts lines of the whole document (for PDFs: across pages), so a
    line is found again from (document, line) alone; `page` is None for text.
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
    encoding: str | None = None  # of a text rendering: utf-8, or cp1252/latin-1 when it was not UTF-8

    @property
    def name(self) -> str:
        return self.path.name

    @property
    def text(self) -> str:
        return "\n".join(line.text for line in self.lines)

    def head(self, n: int = 80) -> str:
        """The first lines, where kind detection looks for headings."""
        return "\n".join(line.text for line in self.lines[:n])


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def read_document(path: Path) -> Document:
    """Read a text rendering or a PDF, chosen by the file's content, not its name."""
    path = Path(path)
    try:
        with path.open("rb") as handle:
            magic = handle.read(len(PDF_MAGIC))
    except OSError as error:
        raise DocumentError(f"{path}: cannot be opened: {error.strerror}") from error
    if magic == PDF_MAGIC:
        from extract.pdf import read_pdf  # pdfplumber is heavy: import only when needed

        return read_pdf(path)
    return read_text(path)


def read_text(path: Path) -> Document:
    raw = path.read_bytes()
    if b"\x00" in raw[:8192]:
        raise NotADocument(f"{path.name}: binary file, neither a text rendering nor a PDF")
    try:
        text, encoding = raw.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        # Renderings saved on Windows are Windows-1252 (its 0xA0 is the no-break
        # space too); Latin-1 decodes any byte and is the last resort.
        try:
            text, encoding = raw.decode("cp1252"), "cp1252"
        except UnicodeDecodeError:
            text, encoding = raw.decode("latin-1"), "latin-1"
    # Only line breaks are normalised: no-break spaces carry meaning (thousands
    # separators, empty cells) and stay as they are.
    lines = [
        Line(number=index, text=line.rstrip("\r"))
        for index, line in enumerate(text.split("\n"), start=1)
    ]
    if lines and lines[-1].text == "":
        lines.pop()
    return Document(path=path, sha256=hashlib.sha256(raw).hexdigest(), format="text", lines=lines, encoding=encoding)


def document_from_text(text: str, name: str = "fixture.txt") -> Document:
    """A document made from a string: how tests feed small fixtures to parsers."""
    raw = text.encode("utf-8")
    lines = [Line(number=index, text=line) for index, line in enumerate(text.split("\n"), start=1)]
    return Document(path=Path(name), sha256=hashlib.sha256(raw).hexdigest(), format="text", lines=lines)
