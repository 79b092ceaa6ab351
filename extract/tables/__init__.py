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
           "TableDocument", "TitleBlock", "Word", "read_tables"]
