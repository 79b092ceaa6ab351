"""Text renderings: bytes → numbered lines, every encoding users' files come in."""

from __future__ import annotations

import codecs
import hashlib
from pathlib import Path

from extract.readers.document import Document, Line, NotADocument

FORM_FEED = "\f"
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig", "utf-8"), (codecs.BOM_UTF16_LE, "utf-16", "utf-16"),
         (codecs.BOM_UTF16_BE, "utf-16", "utf-16"))


def decode(raw: bytes, name: str) -> tuple[str, str]:
    """(text, encoding): a byte-order mark decides; else UTF-8; else Windows-1252.

    Renderings saved on Windows are Windows-1252 (its 0xA0 is the no-break space
    too); Latin-1 decodes any byte and is the last resort for the five bytes
    Windows-1252 leaves undefined.
    """
    for bom, codec, label in _BOMS:
        if raw.startswith(bom):
            return raw.decode(codec), label
    if b"\x00" in raw[:8192]:
        raise NotADocument(f"{name}: binary file, neither a text rendering nor a PDF")
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        try:
            return raw.decode("cp1252"), "cp1252"
        except UnicodeDecodeError:
            return raw.decode("latin-1"), "latin-1"


def split_lines(text: str) -> list[Line]:
    """Numbered lines; a form feed starts a new page (as pdftotext writes them).

    Only line breaks are normalised: no-break spaces carry meaning (thousands
    separators, empty cells) and stay as they are.
    """
    pages = FORM_FEED in text
    page = 1
    lines: list[Line] = []
    for number, raw in enumerate(text.split("\n"), start=1):
        raw = raw.rstrip("\r")
        if FORM_FEED in raw:
            page += raw.count(FORM_FEED)
            raw = raw.replace(FORM_FEED, "")
        lines.append(Line(number, raw, page if pages else None))
    if lines and lines[-1].text == "":
        lines.pop()
    return lines


def read_text(path: Path) -> Document:
    raw = path.read_bytes()
    text, encoding = decode(raw, path.name)
    return Document(path=path, sha256=hashlib.sha256(raw).hexdigest(), format="text",
                    lines=split_lines(text), encoding=encoding)


def document_from_text(text: str, name: str = "fixture.txt") -> Document:
    """A document made from a string: how tests feed small fixtures to parsers."""
    raw = text.encode("utf-8")
    return Document(path=Path(name), sha256=hashlib.sha256(raw).hexdigest(), format="text",
                    lines=split_lines(text), encoding="utf-8")
