"""The table model: what every reader produces and every kind consumes.

A document becomes one or more `Table`s. Each has a title block, a header, a
body of rows and section headings, notes, and the page furniture that was
recognised and removed from it. Every piece keeps the lines it was read from,
so each value a kind reads carries its lineage (file, page, line, raw text).

Where a rendering delimits its cells (pipes, tabs, the positions of words in a
PDF or a fixed-width text) a row has `cells`; where it does not (cells and
thousands groups both separated by single spaces) a row has only `tokens`, and
the kind settles them with its own arithmetic (`extract.tables.readings`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from operator import attrgetter

from extract.readers.document import Document, Line, immutable
from extract.tables.cells import strip_markup
from extract.tables.text import normalise, squeeze

# Why a line was taken out of a table's body: recorded, never silently dropped.
RUNNING_HEAD = "running head"
RUNNING_FOOT = "running foot"
PAGE_NUMBER = "page number"
REPEATED_HEADER = "repeated header"
REPEATED_TITLE = "repeated title"
RULE = "rule line"


@dataclass(frozen=True)
class TitleBlock:
    """The lines above a table's header: its number, title, subtitle, publisher,
    source and period heading, with the title's footnote markers set apart."""

    lines: tuple[Line, ...] = ()
    number: str | None = None  # as printed: '8', '21', 'Table 8'
    title: str = ""  # without the number and the markers
    subtitle: str | None = None
    publisher: str | None = None
    source: str | None = None
    period: str | None = None  # a period heading ('Januar 2026 - April 2026', '1999')
    markers: tuple[str, ...] = ()
    title_line: Line | None = None  # where the title starts, below any subject or publisher line

    @property
    def line(self) -> Line | None:
        """The line the title starts on (for lineage of the facts read from it)."""
        return self.title_line or (self.lines[0] if self.lines else None)

    @property
    def text(self) -> str:
        """Everything the block says, in reading order (for tolerant matching)."""
        return squeeze(" ".join(line.text for line in self.lines))


@dataclass(frozen=True)
class HeaderColumn:
    """A value column's labels: its own label and the group labels spanning it."""

    index: int  # 0-based among the value columns (the row labels are not one)
    label: str
    groups: tuple[str, ...] = ()  # outermost first: ('Quarter 2 2002',) over 'Change since last year'
    markers: tuple[str, ...] = ()

    @property
    def path(self) -> tuple[str, ...]:
        return (*self.groups, self.label)

    @property
    def text(self) -> str:
        return " ".join(part for part in self.path if part)


@dataclass(frozen=True)
class Header:
    """A table's column header, however many lines it was printed over.

    `text`: every header word in reading order, wraps and hyphenation joined.
    `labels`: the header's labels in reading order, where the rendering delimits
    them (pipes, tabs, positions) — possibly a flattened list of group and leaf
    labels that the kind's concepts attach (see `attach_groups`).
    `columns`: one entry per value column, where positions or aligned tiers settle
    which label stands over which column; None otherwise.
    `stub`: the label over the row labels ('Municipality', 'Kommune'), if any.
    """

    lines: tuple[Line, ...] = ()
    text: str = ""
    labels: tuple[str, ...] = ()
    columns: tuple[HeaderColumn, ...] | None = None
    stub: str | None = None

    @property
    def line(self) -> Line | None:
        return self.lines[0] if self.lines else None


@immutable
class Row:
    """A body row: a label and its value cells (or tokens), read from one or more lines."""

    lines: tuple[Line, ...]
    label: str  # markup removed, spaces squeezed
    cells: tuple[str, ...] | None  # as printed ('' for an empty cell), where the rendering delimits them
    tokens: tuple[str, ...] = ()  # the value tokens, where it does not (cells is None)
    bold: bool = False
    indented: bool = False  # the label is padded or indented (a name under a heading)

    @property
    def line(self) -> Line:
        return self.lines[0]

    @property
    def raw(self) -> str:
        lines = self.lines
        return lines[0].text if len(lines) == 1 else " | ".join(line.text for line in lines)

    @property
    def values(self) -> tuple[str, ...]:
        """The cells if delimited, else the tokens: what follows the label."""
        return self.cells if self.cells is not None else self.tokens


@immutable
class Section:
    """A label alone between rows: a county heading, 'Bydeler', a wrapped label's rest."""

    line: Line
    label: str
    bold: bool = False
    indented: bool = False


@dataclass(frozen=True)
class Note:
    """Text under a table: a footnote, the explanation of symbols, the source."""

    line: Line
    text: str  # a footnote's without its marker
    kind: str  # 'footnote' | 'symbols' | 'source' | 'text'
    marker: str | None = None
    more: tuple[Line, ...] = ()  # the further lines of a note wrapped over several


@dataclass(frozen=True)
class Furniture:
    """A line recognised as page furniture and taken out of the table."""

    line: Line
    reason: str


@dataclass
class Table:
    """One table of a document (for a table continued over pages: one fragment,
    see `continues`)."""

    index: int
    title: TitleBlock
    header: Header
    body: list[Row | Section] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    furniture: list[Furniture] = field(default_factory=list)
    decimal: str = ","
    # The earlier table whose header this fragment repeats after a page break
    # (nothing but furniture between): the same table, continued.
    continues: int | None = None
    layout: str = ""  # how its cells were delimited: 'pipes', 'tabs', 'positions', 'tokens', 'lines'
    # Where its columns stand on its first page (x0, x1), label columns first, and how
    # many hold the labels: a page of a continued table that leaves a column empty
    # takes its columns from here.
    positions: tuple[tuple[float, float], ...] = ()
    label_columns: int = 0

    @property
    def rows(self) -> list[Row]:
        return [item for item in self.body if isinstance(item, Row)]

    @property
    def first_line(self) -> Line | None:
        # Its title, header and body each run down the page: the first line is one of their first.
        firsts = [lines[0] for lines in (self.title.lines, self.header.lines) if lines]
        firsts += [self.body[0].line] if self.body else []
        return min(firsts, key=attrgetter("number"), default=None)


@dataclass(frozen=True)
class Paragraph:
    """Text outside the tables (prose, headings), a PDF's wrapped lines joined."""

    lines: tuple[Line, ...]
    text: str

    @property
    def line(self) -> Line:
        return self.lines[0]


@dataclass
class TableDocument:
    """A document read as tables: what a kind's `detect` and `parse` see."""

    document: Document
    tables: list[Table] = field(default_factory=list)
    paragraphs: list[Paragraph] = field(default_factory=list)
    furniture: list[Furniture] = field(default_factory=list)
    _merged: list[Table] | None = field(default=None, init=False, repr=False, compare=False)

    @property
    def name(self) -> str:
        return self.document.name

    @property
    def sha256(self) -> str:
        return self.document.sha256

    @property
    def format(self) -> str:
        return self.document.format

    @property
    def lines(self) -> list[Line]:
        return self.document.lines

    def text(self, limit: int | None = None) -> str:
        """The document's prose and titles (for detection): paragraphs and title blocks."""
        parts = [paragraph.text for paragraph in self.paragraphs]
        parts += [table.title.text for table in self.tables]
        text = "\n".join(parts)
        return text if limit is None else text[:limit]

    def merged(self) -> list[Table]:
        """The tables with every continued fragment appended to the table it continues
        (copies, worked out once: every kind's detection asks for them)."""
        if self._merged is None:
            self._merged = self._merge()
        return self._merged

    def _merge(self) -> list[Table]:
        merged: dict[int, Table] = {}
        for table in self.tables:
            if table.continues is not None and table.continues in merged:
                base = merged[table.continues]
                base.body.extend(table.body)
                base.notes.extend(table.notes)
                base.furniture.extend(table.furniture)
                base.furniture.extend(Furniture(line, REPEATED_HEADER) for line in table.header.lines)
                base.furniture.extend(Furniture(line, REPEATED_TITLE) for line in table.title.lines)
                merged[table.index] = base
            else:
                merged[table.index] = replace(table, body=list(table.body), notes=list(table.notes),
                                              furniture=list(table.furniture), continues=None)
        seen: set[int] = set()
        out = []
        for table in merged.values():
            if id(table) not in seen:
                seen.add(id(table))
                out.append(table)
        return out

    def context(self, table: Table, paragraphs: int = 3) -> str:
        """What is said about a table: its title block, the paragraphs right above it
        and the running heads (a title printed only there, or far from its table)."""
        start = table.first_line.number if table.first_line else 0
        above = [p.text for p in self.paragraphs if p.line.number < start][-paragraphs:]
        heads = [item.line.text for item in self.furniture if item.reason != "rule line"][:4]
        return squeeze(" ".join([*above, table.title.text, *heads]))

    def titled(self, title: re.Pattern[str]) -> Table | None:
        """The first table (merged) whose title block names `title`, else the first whose
        context does (a title printed above the table's paragraphs, or in a running head)."""
        tables = self.merged()
        return next((table for table in tables if title.search(normalise(table.title.text))), None) \
            or next((table for table in tables if title.search(normalise(self.context(table)))), None)

    def without_repeated_rows(self) -> tuple[TableDocument, list[tuple[Row, Row]]]:
        """The document with each exact copy of a row (the same label and cells, in the
        same table) taken out, and the copies with the rows they repeat: a pasted or
        doubled line is read once, never counted twice."""
        copies: list[tuple[Row, Row]] = []
        tables = []
        for table in self.tables:
            first: dict[tuple[str, tuple[str, ...]], Row] = {}
            body: list[Row | Section] = []
            for item in table.body:
                if isinstance(item, Row):
                    key = (item.label, tuple(map(squeeze, item.values)))
                    if key in first and any(value.strip() for value in item.values):
                        copies.append((item, first[key]))
                        continue
                    first.setdefault(key, item)
                body.append(item)
            tables.append(replace(table, body=body) if len(body) != len(table.body) else table)
        if not copies:
            return self, []
        return replace(self, tables=tables), copies

    def following(self, table: Table) -> list[Table]:
        """The untitled tables right after `table` (merged), up to the next titled one."""
        tables = self.merged()
        index = next(i for i, other in enumerate(tables) if other.index == table.index)
        out = []
        for other in tables[index + 1 :]:
            if other.title.title:
                break
            out.append(other)
        return out


def same_header(one: Header, other: Header) -> bool:
    """Two headers that say the same, however a page wraps them or their labels fall
    over the columns: the same columns' labels, or the same words."""
    if one.columns and other.columns and (
        # A header repeated over pages shares its columns (`columns_from_tiers` works them out once).
        (one.columns is other.columns and one.stub == other.stub) or _columns_key(one) == _columns_key(other)
    ):
        return True
    return _words_key(one) == _words_key(other)


def _columns_key(header: Header) -> tuple[str, ...]:
    return (normalise(header.stub or ""), *(normalise(column.text) for column in header.columns or ()))


def _words_key(header: Header) -> tuple[str, ...]:
    return tuple(sorted(normalise(word) for line in header.lines for word in strip_markup(line.text).split()))
