"""A document → its tables: regions of rows, each with its title block, header and notes.

Knows nothing of kinds. A *region* is a run of body rows (a label followed by
values), with section headings, page furniture and blank lines between them.
The lines above a region are its head (title block, header); note lines right
under it (footnotes, sources, symbols) are its notes; everything else is prose.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from itertools import chain

from extract.readers.document import Document, Line
from extract.tables import geometry
from extract.tables.cells import clean, decimal_mark, filled_width, is_value, looks_like_misread_number
from extract.tables.furniture import find_furniture
from extract.tables.geometry import Column
from extract.tables.heads import (
    columns_from_tiers,
    header_text,
    is_prose_line,
    names_a_table,
    note_of,
    split_token_head,
    starts_with_table_number,
    title_block,
)
from extract.tables.labels import is_header_values, opens_wrapped_label
from extract.tables.lines import BLANK, EXPLICIT, LINES, PIPES, POSITIONS, RULE, TABS, TOKENS, Cut, as_positions, cut
from extract.tables.model import (
    Furniture,
    Header,
    Note,
    Paragraph,
    Row,
    Section,
    Table,
    TableDocument,
    TitleBlock,
    same_header,
)
from extract.tables.positions import Grid, body_of, demote_misplaced_rows, grid_of, header_of, split_positions_head
from extract.tables.text import is_period_heading, normalise, period_words, squeeze

# A section heading or a label's wrapped rest is short; a longer line without values is prose.
SECTION_WORDS = 8
SECTION_LENGTH = 70
# Enough rows printed one cell per line to read a document so (or one row of
# several value lines): a lone heading over a lone number is not a table.
VERTICAL_ROWS = 3


def read_tables(document: Document) -> TableDocument:
    items = [cut(line) for line in document.lines]
    furniture = find_furniture(items)
    if document.format != "text":
        items = demote_misplaced_rows(items)
    items = fold_vertical_rows(items, furniture)
    result = TableDocument(document, furniture=[Furniture(line, reason) for line in document.lines
                                                if (reason := furniture.get(line.number))])
    used: set[int] = set(furniture)
    previous_end = 0
    spans = find_regions(items, furniture)
    for index, (start, end) in enumerate(spans):
        gap = [item for item in items[previous_end:start] if item.line.number not in furniture]
        table, taken = assemble(index, gap, items[start:end], furniture, result.tables)
        if result.tables:
            # The lines the table above leaves between itself and this table's head: its notes.
            notes, _ = take_notes([item for item in gap if item.line.number not in taken])
            result.tables[-1].notes += notes
            used.update(line.number for note in notes for line in (note.line, *note.more))
        table.continues = continued_from(table, gap, taken, result.tables)
        result.tables.append(table)
        used.update(taken)
        previous_end = end
    if result.tables:
        notes, _ = take_notes([item for item in items[previous_end:] if item.line.number not in furniture])
        result.tables[-1].notes += notes
        used.update(line.number for note in notes for line in (note.line, *note.more))
    prose = [item for item in items if item.line.number not in used and item.layout not in (BLANK, RULE)]
    result.paragraphs = paragraphs(prose)
    return result


def _is_section(item: Cut) -> bool:
    label = item.label
    return (item.is_label_only and len(label) <= SECTION_LENGTH and len(label.split()) <= SECTION_WORDS
            and not is_period_heading(label) and note_of(item) is None and not names_a_table(label)
            and period_words(label) < 2  # a header line of months or quarters, not a heading
            and (item.layout == TOKENS or sum(bool(part) for part in item.parts) == 1))


def _family(item: Cut) -> str:
    return POSITIONS if item.layout in (POSITIONS, TOKENS) else item.layout


def find_regions(items: Sequence[Cut], furniture: dict[int, str]) -> list[tuple[int, int]]:
    """[start, end) of every run of rows (with sections, blanks and furniture between)."""
    regions: list[tuple[int, int]] = []
    index = 0
    while index < len(items):
        if not (items[index].is_row or _damaged_first_row(items, index)) or _wrapped_period_numbers(items, index):
            index += 1
            continue
        family, last, probe = _family(items[index + (not items[index].is_row)]), index, index + 1
        while probe < len(items):
            item = items[probe]
            if item.is_row and item.line.number not in furniture:  # most lines: asked first
                if _family(item) != family:
                    break
                last = probe
                probe += 1
                continue
            if item.layout in (BLANK, RULE) or item.line.number in furniture or _is_section(item):
                probe += 1
                continue
            if item.is_value_only:  # values without a label: the table's if a row follows
                probe += 1
                continue
            break
        # A label line right under the last row is the table's too (a row whose values
        # are missing, a heading at a page's foot), not prose.
        while last + 1 < len(items) and _is_section(items[last + 1]) and _under(items[last + 1].line, items[last].line):
            last += 1
        regions.append((index, last + 1))
        index = last + 1
    return regions


def _under(line: Line, above: Line) -> bool:
    """`line` is the next line after `above`, on its page, and (where positions tell)
    starts where the row labels start, not over the values."""
    if line.number != above.number + 1 or line.page != above.page:
        return False
    if line.words and above.words:
        size = max(word.size for word in above.words) or 1.0
        return line.words[0].x0 <= above.words[0].x0 + 3 * size
    return True


_QUARTER_NUMBER = re.compile(r"^[1-4](?:\.|st|nd|rd|th)?$")


def _wrapped_period_numbers(items: Sequence[Cut], index: int) -> bool:
    """A header line of quarter numbers ('absence since absence since 2 3 2 3', '2nd 3rd'): its
    labels wrapped one word per line ('Quarter' / '2' / '2017'), the years on the
    next line. Not a row, though its numbers look like values."""
    item = items[index]
    if not item.filled or not all(_QUARTER_NUMBER.match(clean(value)) for value in item.filled):
        return False
    # the years follow, perhaps after a line of the labels' middle words ('kvartal kvartal')
    following = [other for other in items[index + 1 : index + 6] if other.layout not in (BLANK, RULE)]
    for other in following[:3]:
        if other.is_label_only:
            continue
        return not other.is_row and is_header_values(other.filled) and any(len(clean(v)) == 4 for v in other.filled)
    return False


def _damaged_first_row(items: Sequence[Cut], index: int) -> bool:
    """Values without a label right above a row: a row whose label was lost, not a header line."""
    if not items[index].is_value_only or items[index].layout not in EXPLICIT:
        return False
    following = next((item for item in items[index + 1 :] if item.layout not in (BLANK, RULE)), None)
    return following is not None and following.is_row and following.layout == items[index].layout


def take_notes(items: list[Cut]) -> tuple[list[Note], list[Cut]]:
    """The note lines that open `items` (a table's footnotes, source, symbols) and the rest.

    A PDF's note wrapped over several lines is one note (the lines of its paragraph)."""
    notes: list[Note] = []
    for position, item in enumerate(items):
        if item.layout in (BLANK, RULE):
            continue
        note = note_of(item)
        if note is None and notes and _continues(notes[-1], item):
            last = notes[-1]
            notes[-1] = replace(last, text=f"{last.text} {item.text}", more=(*last.more, item.line))
            continue
        if note is None:
            return notes, items[position:]
        notes.append(note)
    return notes, []


def _continues(note: Note, item: Cut) -> bool:
    above = note.more[-1] if note.more else note.line
    return bool(above.words and item.line.words) and geometry.continues_paragraph(above, item.line)


def assemble(index: int, head: list[Cut], region: list[Cut], furniture: dict[int, str],
             earlier: Sequence[Table] = ()) -> tuple[Table, set[int]]:
    """One region and its head as a `Table`, and the line numbers it took."""
    members = [item for item in region if item.line.number not in furniture]
    rows = [item for item in members if item.is_row or item.is_value_only]
    layout = rows[0].layout
    if layout == TOKENS and sum(item.gapped for item in rows) * 5 >= len(rows) * 3:
        head = [as_positions(item) if item.layout == TOKENS else item for item in head]
        members = [as_positions(item) if item.layout == TOKENS else item for item in members]
        layout = POSITIONS
    if layout == POSITIONS:
        table = _positions_table(index, head, members, earlier)
    elif layout in EXPLICIT or layout == LINES:
        table = _explicit_table(index, head, members, layout)
    else:
        table = _tokens_table(index, head, members, earlier)
    table.furniture = [Furniture(item.line, furniture[item.line.number]) for item in region
                       if item.line.number in furniture]
    table.decimal = decimal_mark(chain.from_iterable(row.values for row in table.rows))
    taken = {line.number for line in table.title.lines} | {line.number for line in table.header.lines}
    taken |= {line.number for item in table.body for line in (item.lines if isinstance(item, Row) else (item.line,))}
    return table, taken


def _tokens_table(index: int, head: list[Cut], members: list[Cut], earlier: Sequence[Table]) -> Table:
    head = _trim_head(head)
    repeated = _repeated_header(head, earlier)
    if repeated:
        title_items, header_items = [item for item in head if item not in repeated], repeated
    else:
        head, sections = _heading_above_rows(head, members)
        members = [*sections, *members]
        title_items, header_items = split_token_head(head)
    header_lines = tuple(item.line for item in header_items)
    header = Header(header_lines, header_text(header_lines))
    body: list[Row | Section] = []
    for item in members:
        if item.is_row:
            body.append(Row((item.line,), item.label, None, tuple(item.values), item.bold, item.indented))
        elif item.is_label_only:
            body.append(Section(item.line, item.label, item.bold, item.indented))
    return Table(index, title_block(title_items), header, body, layout=TOKENS)


def _heading_above_rows(head: list[Cut], members: list[Cut]) -> tuple[list[Cut], list[Cut]]:
    """A heading right above the first row, printed like the body's headings: flush left
    where the rows are indented ('Østfold' over '    Halden'), or a lone cell under a
    header of several. It opens the body; it is not the header's last line."""
    lines = [item for item in head if item.layout not in (BLANK, RULE)]
    rows = [item for item in members if item.is_row]
    if len(lines) < 2 or not rows or not _is_section(lines[-1]):
        return head, []
    last, above = lines[-1], lines[-2]
    if not last.label[:1].isalnum() or "(" in last.label or last.label[:1].islower():
        return head, []  # '(i årsverk)', '2018 (i årsverk)': the rest of a label above
    flush_over_indented = last.layout == TOKENS and rows[0].indented and not last.indented
    # A lone label under a header of delimited labels: a heading, unless the header has
    # that label already (a header over several lines repeats its price types, say).
    labels = {normalise(part) for item in lines[:-1] for part in item.parts if part}
    lone_under_cells = above.layout in (PIPES, TABS) and sum(bool(part) for part in above.parts) >= 2 \
        and normalise(last.label) not in labels
    wrapped = opens_wrapped_label(last.label, rows[0].label) and _under(rows[0].line, last.line)
    if flush_over_indented or lone_under_cells or wrapped:
        return [item for item in head if item is not last], [last]
    return head, []


def _repeated_header(head: list[Cut], earlier: Sequence[Table]) -> list[Cut]:
    """The head's last lines, where they repeat an earlier table's header line for line."""
    lines = [item for item in head if item.layout not in (BLANK, RULE)]
    for table in reversed(earlier):
        texts = [normalise(line.text) for line in table.header.lines]
        if texts and len(lines) >= len(texts) and [normalise(item.text) for item in lines[-len(texts):]] == texts:
            return lines[-len(texts):]
    return []


def _trim_head(head: list[Cut]) -> list[Cut]:
    """The head back to the nearest prose: a table's title block and header, not the article above."""
    start = len(head)
    while start > 0 and not (head[start - 1].layout not in (BLANK, RULE) and is_prose_line(head[start - 1].text)):
        start -= 1
    return head[start:]


def _explicit_table(index: int, head: list[Cut], members: list[Cut], layout: str) -> Table:
    rows = [item for item in members if item.is_row or item.is_value_only]
    width = max(filled_width(_explicit_cells(item)) + 1 for item in rows)
    head = _trim_head(head)
    if layout != LINES:
        head, carried = _heading_above_rows(head, members)
        members = [*carried, *members]
    header_items = _explicit_header(head, layout)
    sections: list[Cut] = []
    if layout == LINES:
        header_items, sections = _vertical_header(header_items, width)
        tiers: list[list[str]] = []
    else:
        tiers = [[clean(part) for part in item.parts] for item in header_items]
        width = max([width, *(filled_width(tier) for tier in tiers)])
    header = _tiers_header(tuple(item.line for item in header_items), tiers, width, layout)
    body: list[Row | Section] = []
    for item in [*sections, *members]:
        if item.is_row or item.is_value_only:
            cells = _explicit_cells(item)
            body.append(Row((item.line, *item.more) if item.more else (item.line,), item.label, cells, (), item.bold,
                            item.indented))
        elif item.is_label_only:
            body.append(Section(item.line, item.label, item.bold, item.indented))
    taken = {item.line.number for item in [*header_items, *sections]}
    title_items = [item for item in head if item.line.number not in taken and item.layout not in (BLANK, RULE)]
    return Table(index, title_block(title_items), header, body, layout=layout)


def _is_value_line(item: Cut) -> bool:
    """A line holding one number or symbol and nothing else: a cell on a line of its own
    (a number with a digit misread as a letter, '6 l66 000', is one too: a damaged cell)."""
    if item.is_value_only and all(is_value(value) for value in item.filled):
        return True
    text = clean(item.line.text)
    return any(ch.isdigit() for ch in text) and looks_like_misread_number(text)


def _explicit_cells(item: Cut) -> tuple[str, ...]:
    """A row's value cells: after its label cell, or a lone value line's text."""
    if item.layout in EXPLICIT:
        return item.values  # its label is its first cell
    return (clean(item.line.text),)


def _explicit_header(head: list[Cut], layout: str) -> list[Cut]:
    """The head's last lines of labels in the table's own layout, up to its title."""
    accepted = (TOKENS, POSITIONS) if layout == LINES else (layout,)
    header: list[Cut] = []
    for item in reversed(head):
        if item.layout == BLANK and header and layout != LINES:
            break  # a header of delimited labels is printed in one piece
        if item.layout in (BLANK, RULE):
            continue
        if item.layout not in accepted or _is_title_line(item) or note_of(item) is not None \
                or is_period_heading(item.text):
            break
        header.insert(0, item)
    return header


def _vertical_header(items: list[Cut], width: int) -> tuple[list[Cut], list[Cut]]:
    """A header printed one label per line ('(i kroner)' continuing the label above),
    and the section headings between it and the first row: the table has `width`
    labels, so label lines beyond them, nearest the rows, are headings."""
    blocks: list[list[Cut]] = []
    for item in items:
        if blocks and item.text.startswith("("):
            blocks[-1].append(item)
        else:
            blocks.append([item])
    if len(blocks) <= width:
        return items, []
    return [item for block in blocks[:width] for item in block], [item for block in blocks[width:] for item in block]


def _is_title_line(item: Cut) -> bool:
    """A table number and its title, or (where cells are delimited) one long cell: a title, not labels."""
    filled = [part for part in item.parts if part]
    long_cell = item.layout in (PIPES, TABS) and len(filled) <= 2 and len(" ".join(filled)) > 60
    # A title's last words, wrapped into a cell of their own: a sentence, not a label.
    sentence = item.layout in (PIPES, TABS) and len(filled) == 1 and filled[0].endswith(".") and " " in filled[0]
    return bool(filled) and (starts_with_table_number(" ".join(filled)) or long_cell or sentence)


def _tiers_header(lines: tuple[Line, ...], tiers: list[list[str]], width: int, layout: str) -> Header:
    labels = tuple(label for tier in tiers for label in tier if label)
    columns = columns_from_tiers(tiers, width) if tiers else None
    if columns is None and len(tiers) == 1 and filled_width(tiers[0]) == width - 1:
        columns = columns_from_tiers([["", *tiers[0]]], width)  # no cell over the row labels
    stub = next((tier[0] for tier in tiers if tier and tier[0]), None) if columns is not None else None
    if layout == LINES:
        labels = tuple(_label_blocks(lines))
    return Header(lines, " ".join(labels) if labels else header_text(lines), labels, columns, stub)


def _label_blocks(lines: Sequence[Line]) -> list[str]:
    """One label per line, a line opening with '(' ('(i kroner)') continuing the label above."""
    labels: list[str] = []
    for line in lines:
        text = squeeze(line.text)
        if labels and text.startswith("("):
            labels[-1] = f"{labels[-1]} {text}"
        elif text:
            labels.append(text)
    return labels


def _positions_table(index: int, head: list[Cut], members: list[Cut], earlier: Sequence[Table]) -> Table:
    rows = [item.line for item in members if item.is_row or item.is_value_only]
    pages = list(dict.fromkeys(line.page for line in rows))
    first = [line for line in rows if line.page == pages[0]]
    head = _trim_head(head)
    above, header_items, sections = split_positions_head(head, first, grid_of(first))
    header_lines = [item.line for item in header_items]
    provisional = Header(tuple(header_lines))
    # A header repeated after a page break stands over as many columns as the first.
    repeated = next((t for t in reversed(earlier) if t.header.columns and same_header(t.header, provisional)), None)
    expected = len(repeated.header.columns) if repeated else None
    grids: dict[int | None, Grid] = {}
    for page in pages:
        on_page = [line for line in rows if line.page == page]
        grid = grid_of(on_page, header_lines if page == pages[0] else ())
        expected = expected if expected is not None else (len(grid.columns) - grid.label_columns if grids else None)
        if expected is not None and len(grid.columns) - grid.label_columns != expected:
            # Labels wider than a page's values can look like a column empty on that
            # page: the page's columns from its values alone; a page that leaves a
            # column empty: the columns of the table it continues, where its values fit.
            alone = grid_of(on_page)
            earlier_grid = _grid_of_table(repeated or (grids and next(iter(grids.values()))))
            if len(alone.columns) - alone.label_columns == expected:
                grid = alone
            elif earlier_grid is not None and _fits(on_page, earlier_grid):
                grid = earlier_grid
        grids[page] = grid
        expected = expected if expected is not None else len(grid.columns) - grid.label_columns
    header = header_of(header_lines, grids[pages[0]])
    body = body_of([*sections, *members], grids)
    title = title_block([item for item in above if item.layout not in (BLANK, RULE)])
    first_grid = grids[pages[0]]
    return Table(index, title, header, body, layout=POSITIONS,
                 positions=tuple((column.x0, column.x1) for column in first_grid.columns),
                 label_columns=first_grid.label_columns)


def _grid_of_table(source: Table | Grid | None) -> Grid | None:
    if isinstance(source, Grid) or source is None:
        return source
    if not source.positions:
        return None
    return Grid(tuple(Column(x0, x1) for x0, x1 in source.positions), source.label_columns)


def _fits(lines: Sequence[Line], grid: Grid) -> bool:
    """Every word of the lines stands inside one of the grid's columns."""
    return all(sum(min(word.x1, column.x1) > max(word.x0, column.x0) for column in grid.columns) == 1
               for line in lines for word in line.words)


def continued_from(table: Table, head: list[Cut], taken: set[int], tables: list[Table]) -> int | None:
    """The earlier table this one continues: its head is nothing but a repeat of that
    table's header (and title block), on another page, as a page break prints it.

    Section headings left at the foot of the page before (a county heading whose
    municipalities follow the break) belong to the continued body: they are moved
    there from the title block."""
    if not tables or not table.header.lines:
        return None
    rest = [item for item in head if item.layout not in (BLANK, RULE) and item.line.number not in taken]
    if rest:
        return None
    for earlier in reversed(tables):
        if not same_header(table.header, earlier.header):
            continue
        same_page = table.header.lines[0].page is not None and table.header.lines[0].page == _last_page(earlier)
        if same_page:
            return None
        if table.title.lines and normalise(table.title.text) != normalise(earlier.title.text):
            carried = [item for item in head if item.line in table.title.lines]
            if not all(_is_section(item) and item.line.page != table.header.lines[0].page for item in carried):
                return None
            table.body[:0] = [Section(item.line, item.label, item.bold, item.indented) for item in carried]
            table.title = TitleBlock()
        return earlier.continues if earlier.continues is not None else earlier.index
    return None


def _last_page(table: Table) -> int | None:
    return max((item.line.page or 0 for item in table.body), default=None)


def fold_vertical_rows(items: list[Cut], furniture: dict[int, str]) -> list[Cut]:
    """A rendering that prints every cell on a line of its own (a web page's table
    copied as text): a label line and the value lines under it become one row."""
    groups: list[tuple[int, list[int]]] = []
    index = 0
    while index < len(items):
        item = items[index]
        if item.layout in (TOKENS, POSITIONS) and item.is_label_only and len(item.label) <= SECTION_LENGTH * 2:
            values = []
            probe = index + 1
            while probe < len(items) and (items[probe].layout == BLANK or _is_value_line(items[probe])):
                if _is_value_line(items[probe]):
                    values.append(probe)
                probe += 1
            if values:
                groups.append((index, values))
                index = probe
                continue
        index += 1
    several = sum(len(values) >= 2 for _, values in groups)
    if len(groups) < VERTICAL_ROWS and not several:
        return items
    if items and items[0].line.words and several < VERTICAL_ROWS:
        return items  # a PDF's table is read by positions; only a dump of such a text is folded
    folded: dict[int, Cut] = {}
    absorbed: set[int] = set()
    for label_index, value_indexes in groups:
        label = items[label_index]
        values = tuple(clean(items[i].line.text) for i in value_indexes)
        folded[label_index] = replace(label, layout=LINES, parts=(label.label, *values), label_end=1,
                                      more=tuple(items[i].line for i in value_indexes))
        absorbed.update(value_indexes)
    out = []
    for position, item in enumerate(items):
        if position in folded:
            out.append(folded[position])
        elif position in absorbed:
            out.append(Cut(item.line, BLANK))
        else:
            out.append(item)
    return out


def paragraphs(items: list[Cut]) -> list[Paragraph]:
    """Prose outside the tables; a PDF's lines of one paragraph joined, as a text prints it."""
    lines = [item.line for item in items]
    joined = geometry.join_paragraphs([line for line in lines if line.words])
    out: list[Paragraph] = []
    for line in lines:
        if joined.get(line.number) == "" and out:
            out[-1] = Paragraph((*out[-1].lines, line), out[-1].text)
            continue
        out.append(Paragraph((line,), squeeze(joined.get(line.number, line.text))))
    return out
