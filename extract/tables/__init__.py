"""The table model every reader produces and every kind consumes.

`read_tables(document)` turns a `Document` (text rendering or PDF) into a
`TableDocument`: tables with title blocks, headers, rows and notes, the page
furniture taken out, and the prose around them. Kinds import from here only.
"""

from extract.readers.document import Document, Line, Word
from extract.tables.model import (
    Furniture,
    Header,
    HeaderColumn,
    Note,
    Paragraph,
    Row,
    Section,
    Table,
    TableDocument,
    TitleBlock,
)
from extract.tables.read import read_tables

__all__ = ["Document", "Furniture", "Header", "HeaderColumn", "Line", "Note", "Paragraph", "Row", "Section", "Table",
           "TableDocument", "TitleBlock", "Word", "read_file", "read_tables", "tables_from_text"]


def tables_from_text(text: str, name: str = "fixture.txt") -> TableDocument:
    """A string read as a document's tables: how tests feed small fixtures to kinds."""
    from extract.readers import document_from_text

    return read_tables(document_from_text(text, name))


def read_file(path) -> TableDocument:
    """A file (text rendering or PDF) read as its tables."""
    from extract.readers import read_document

    return read_tables(read_document(path))
