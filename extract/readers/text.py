"""Text renderings: bytes → numbered lines, every encoding users' files come in."""

from __future__ import annotations

import codecs
import hashlib
from pathlib import Path

from extract.readers.document import Document, DocumentError, Line, NotADocument

FORM_FEED = "\f"
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig", "utf-8"), (codecs.BOM_UTF16_LE, "utf-16", "utf-16"),
         (codecs.BOM_UTF16_BE, "utf-16", "utf-16"))
_UTF32_BOMS = (codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)
_SAVE_AS = "save it as UTF-8 (or UTF-16 with a byte-order mark, or Windows-1252)"


def decode(raw: bytes, name: str) -> tuple[str, str]:
    """(text, encoding): a byte-order mark decides; else UTF-8; else Windows-1252.

    Renderings saved on Windows are Windows-1252 (its 0xA0 is the no-break space
    too). Anything else fails naming the file: a guess (Latin-1 decodes any byte)
    would turn letters into other letters, and names into names of no municipality.
    """
    if raw.startswith(_UTF32_BOMS):  # before UTF-16: UTF-32's little-endian mark begins with UTF-16's
        raise DocumentError(f"{name}: UTF-32 text is not read; {_SAVE_AS}")
    for bom, codec, label in _BOMS:
        if raw.startswith(bom):
            try:
                return raw.decode(codec), label
            except UnicodeDecodeError as error:
                raise DocumentError(f"{name}: not valid {label} after its byte-order mark "
                                    f"(line {_line_of(raw, error.start)}); {_SAVE_AS}") from None
    head = raw[:8192]
    if b"\x00" in head:
        if len(head) >= 16 and head.count(b"\x00") * 5 >= len(head) * 2:
            # Every other byte zero: UTF-16 text that lost its byte-order mark.
            raise DocumentError(f"{name}: looks like UTF-16 without a byte-order mark; {_SAVE_AS}")
        raise NotADocument(f"{name}: binary file, neither a text rendering nor a PDF")
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return raw.decode("cp1252"), "cp1252"
    except UnicodeDecodeError as error:
        byte = raw[error.start]
        raise DocumentError(f"{name}: line {_line_of(raw, error.start)} has byte 0x{byte:02X}, which is neither "
                            f"UTF-8 nor Windows-1252; {_SAVE_AS}") from None


def _line_of(raw: bytes, offset: int) -> int:
    # One 0x0A byte per line break in UTF-8, Windows-1252 and UTF-16 alike.
    return raw[:offset].count(b"\n") + 1


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
