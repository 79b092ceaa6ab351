"""Readers: a file becomes a `Document` of numbered lines, chosen by its content.

Readers know nothing of tables or kinds: a text rendering becomes its lines, a
PDF its lines of words with their positions (`extract.tables` reads tables
from either).
"""

from __future__ import annotations

from pathlib import Path

from extract.readers.document import Document, DocumentError, Line, NotADocument, Word, sha256_of
from extract.readers.text import document_from_text, read_text

PDF_MAGIC = b"%PDF-"

__all__ = ["Document", "DocumentError", "Line", "NotADocument", "Word", "document_from_text", "read_document",
           "read_text", "sha256_of"]


def read_document(path: Path) -> Document:
    """Read a text rendering or a PDF, chosen by the file's content, not its name."""
    path = Path(path)
    try:
        with path.open("rb") as handle:
            magic = handle.read(len(PDF_MAGIC))
    except OSError as error:
        raise DocumentError(f"{path}: cannot be opened: {error.strerror}") from error
    if magic == PDF_MAGIC:
        from extract.readers.pdf import read_pdf  # PDFium is heavy: import only when needed

        return read_pdf(path)
    return read_text(path)
