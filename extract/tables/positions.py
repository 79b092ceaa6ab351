"""Tables whose cells are placed by position: a PDF's, or a fixed-width text's.

The rows settle the columns (`geometry.data_columns`); the header is the block
of lines set solid right above the first row, its labels placed over those
columns (a label over several columns is a group label spanning them); label
lines between the header and the first row are section headings.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from extract.readers.document import Line
from extract.tables import geometry
from extract.tables.cells import looks_numeric
from extract.tables.geometry import Column
from extract.tables.heads import is_prose, note_kind, starts_with_table_number
from extract.tables.labels import is_value_token, opens_wrapped_label, split_label
from extract.tables.lines import BLANK, Cut
from extract.tables.model import Header, HeaderColumn, Row, Section
from extract.tables.text import is_period_heading, split_markers, squeeze

# Lines of one header block are set solid: a gap wider than this share of the
# solid pitch (the space or rule under a header) ends it.
HEADER_GAP = 1.08
_CODE = re.compile(r"^[¹²³⁴⁵⁶⁷⁸⁹⁰]*\d{2,6}[¹²³⁴⁵⁶⁷⁸⁹⁰]*$")
MAX_HEADER_LINES = 12
_ENDS_WITH_YEAR = re.compile(r"\w.*\s(?:19|20)\d\d(?:\s*\d{1,2})?\.?$")


def baseline(line: Line) -> float:
    return max(word.bottom for word in line.words)


def _size(line: Line) -> float:
    return max(word.em for word in line.words)


@dataclass(frozen=True)
class Grid:
    """A page's part of a table: its columns and how many hold the row labels."""

    columns: tuple[Column, ...]
    label_columns: int

    def split(self, line: Line) -> tuple[str, tuple[str, ...]]:
        cells = geometry.cells_of(line, self.columns)
        return squeeze(" ".join(cells[: self.label_columns])), tuple(cells[self.label_columns :])

    @property
    def values_start(self) -> float:
        return self.columns[self.label_columns].x0 if self.label_columns < len(self.columns) else float("inf")


def label_column_count(lines: Sequence[Line], columns: Sequence[Column]) -> int:
    """The leading columns holding the row labels: words, or codes beside a column of names."""
    cells = [geometry.cells_of(line, columns) for line in lines]
    count = 0
    for index in range(len(columns) - 1):
        filled = [row[index] for row in cells if row[index]]
        if not filled:
            break
        words = sum(not is_value_token(text) for text in filled)
        codes = sum(bool(_CODE.match(text)) for text in filled)
        following = [row[index + 1] for row in cells if row[index + 1]]
        names_follow = sum(not is_value_token(text) for text in following) * 2 > len(following) > 0
        if words * 2 > len(filled) or (count == index and codes * 5 >= len(filled) * 4 and names_follow):
            count = index + 1
            continue
        break
    return max(count, 1)


def demote_misplaced_rows(items: list[Cut]) -> list[Cut]:
    """A PDF's lines that read as rows but whose label does not stand where the
    page's row labels stand (a wrapped header line ending in '2 2001') are not rows."""
    by_page: dict[int | None, list[int]] = {}
    for index, item in enumerate(items):
        if item.is_row and item.line.words:
            by_page.setdefault(item.line.page, []).append(index)
    out = list(items)
    for indexes in by_page.values():
        starts = sorted(round(items[i].line.words[0].x0) for i in indexes)
        left = starts[len(starts) // 4]  # most rows start at the label column's edge
        for i in indexes:
            line = items[i].line
            if line.words[0].x0 > left + _size(line) * 3:
                out[i] = replace(items[i], label_end=len(items[i].parts))
    return out


def grid_of(rows: Sequence[Line], header: Sequence[Line] = ()) -> Grid:
    """The columns of the rows; a column empty on the whole page is made from its header
    label, where that label is a label of its own (not a wrapped neighbour's words)."""
    plain = geometry.data_columns(rows)
    grid = Grid(tuple(plain), label_column_count(rows, plain))
    if not header:
        return grid
    columns = geometry.data_columns(rows, header)
    if len(columns) == len(plain):
        return grid
    wider = Grid(tuple(columns), label_column_count(rows, columns))
    labels = [column.label for column in header_of(header, wider).columns or ()]
    added = [i for i, column in enumerate(columns) if column not in plain]
    cells = geometry.header_cells(header, wider.columns, fit=geometry.label_columns)
    own = [i - wider.label_columns for i in added]
    if all(0 <= i < len(labels) and labels[i] and labels.count(labels[i]) == 1 for i in own) \
            and not any(_label_over_values(cells, columns[i], plain) for i in added):
        return wider
    return grid


def _label_over_values(cells: list[geometry.HeaderCell], column: Column, values: Sequence[Column]) -> bool:
    """A label over an added column that also stands over a column of values: a part of
    that column's label, wrapped in a cell narrower than its words, not a label of its own."""
    over = [cell for cell in cells if min(cell.x1, column.x1) > max(cell.x0, column.x0)]
    return any(min(cell.x1, value.x1) > max(cell.x0, value.x0) for cell in over for value in values)


def is_prose_line(item: Cut, grid: Grid) -> bool:
    """A title or a paragraph, not a header line: one run of words that starts among
    the row labels and runs on over the value columns, or a sentence across the table."""
    groups = geometry.clusters(item.line)
    if len(groups) != 1:
        return False
    group = groups[0]
    x0, x1 = group[0].x0, group[-1].x1
    values = grid.columns[grid.label_columns :]
    crosses = sum(column.x0 < x1 for column in values)
    # A title beginning among the row labels: numbered, or ending with its year ('… 2006 1').
    titled = x0 < grid.values_start and (starts_with_table_number(item.text) or _ENDS_WITH_YEAR.search(item.text))
    return (x0 < grid.values_start and crosses >= 2) or (crosses >= 3 and len(group) >= 6) or is_prose(item.text) \
        or bool(titled)


def split_positions_head(
    head: Sequence[Cut], rows: Sequence[Line], grid: Grid
) -> tuple[list[Cut], list[Cut], list[Cut]]:
    """(above, header, sections): the head's lines above the header, the header's
    lines, and the label lines between the header and the first row."""
    page = rows[0].page
    candidates: list[Cut] = []
    index = len(head)
    while index > 0 and len(candidates) < MAX_HEADER_LINES:
        item = head[index - 1]
        if item.layout == BLANK:
            index -= 1
            continue
        if (item.line.page != page or not item.line.words or is_prose_line(item, grid)
                or is_period_heading(item.text) or note_kind(item.text)):
            break
        candidates.insert(0, item)
        index -= 1
    above = list(head[:index])
    if not candidates:
        return above, [], []
    blocks = _solid_blocks([item.line for item in candidates], rows)
    labelled = [any(len(geometry.clusters(line)) >= 2 or any(w.x1 > grid.values_start for w in line.words)
                    for line in block) for block in blocks]
    if not any(labelled):
        return above + candidates, [], []
    # The header: the lowest block of labels over the value columns, and the blocks
    # of labels right above it (tiers set apart by a rule or padding).
    last = max(i for i, flag in enumerate(labelled) if flag)
    first_block = last
    while first_block > 0 and labelled[first_block - 1]:
        first_block -= 1
    numbers = {line.number for block in blocks[first_block : last + 1] for line in block}
    first = next(i for i, item in enumerate(candidates) if item.line.number in numbers)
    last = max(i for i, item in enumerate(candidates) if item.line.number in numbers)
    opening = candidates[last]
    if last > first and all(word.x1 <= grid.values_start for word in opening.line.words) \
            and opening.line.number + 1 == rows[0].number \
            and opens_wrapped_label(opening.label, grid.split(rows[0])[0]):
        last -= 1  # the first row's label begins on the line above it, set solid under the header
    return above + candidates[:first], candidates[first : last + 1], candidates[last + 1 :]


def _solid_blocks(lines: list[Line], rows: Sequence[Line]) -> list[list[Line]]:
    """`lines` split where the gap between two is wider than the solid pitch."""
    sequence = [*lines, *rows[:2]]
    pitches = [baseline(b) - baseline(a) for a, b in zip(sequence, sequence[1:]) if a.page == b.page]
    solid = min((p for p in pitches if p > 0), default=0.0)
    blocks: list[list[Line]] = [[lines[0]]]
    for above, line in zip(lines, lines[1:]):
        if solid and baseline(line) - baseline(above) > solid * HEADER_GAP:
            blocks.append([])
        blocks[-1].append(line)
    return blocks


def header_of(lines: Sequence[Line], grid: Grid) -> Header:
    """The header's labels placed over the grid's columns; a label over several
    value columns spans them as a group of the labels under it."""
    if not lines:
        return Header()
    cells = geometry.header_cells(lines, grid.columns, fit=geometry.label_columns)
    ordered = sorted(cells, key=lambda cell: (round(cell.top, 1), cell.x0))
    columns = []
    for index in range(grid.label_columns, len(grid.columns)):
        covering = sorted((cell for cell in cells if cell.first <= index <= cell.last), key=lambda cell: cell.top)
        if not covering:
            columns.append(HeaderColumn(index - grid.label_columns, ""))
            continue
        own = covering[-1]
        label, markers = split_markers(own.text)
        groups = tuple(split_markers(cell.text)[0] for cell in covering[:-1])
        columns.append(HeaderColumn(index - grid.label_columns, label, groups, markers))
    stub = " ".join(cell.text for cell in ordered if cell.last < grid.label_columns) or None
    labels = tuple(cell.text for cell in ordered)
    # The text in reading order, each label whole however its cell wrapped it: what a
    # kind scans when the columns cannot be trusted (values too close to part them).
    return Header(tuple(lines), " ".join(geometry.label_blocks(lines)), labels, tuple(columns), stub)


def body_of(items: Sequence[Cut], grid_for: dict[int | None, Grid]) -> list[Row | Section]:
    """Rows cut by their page's grid; label lines between them as sections."""
    body: list[Row | Section] = []
    pages = sorted(grid_for, key=lambda page: page or 0)
    for item in items:
        # A heading alone at a page's foot or head has no rows there: the nearest page's grid.
        page = item.line.page
        if page not in grid_for:
            page = min(pages, key=lambda p: abs((p or 0) - (item.line.page or 0)))
        grid = grid_for[page]
        if item.is_row or item.is_value_only:
            label, cells = grid.split(item.line)
            tokens = tuple(token for token in item.line.text.split(" ") if token)
            end, _ = split_label(tokens)
            if _value_in_label(item.line, grid):
                # A long label elsewhere on the page bridged the gutter after the labels, so
                # the columns hold a value in the label: the row's values as text tokens,
                # for the kind's arithmetic to settle.
                body.append(Row((item.line,), squeeze(" ".join(tokens[:end])), None, tokens[end:], item.bold,
                                _indented(item.line, grid)))
                continue
            # The text's tokens too: where values stand closer than a gutter, the columns
            # join them, and the kind's arithmetic can still settle the tokens.
            body.append(Row((item.line,), label, cells, tokens[end:], item.bold, _indented(item.line, grid)))
        elif item.is_label_only:
            body.append(Section(item.line, item.label, item.bold, _indented(item.line, grid)))
    return body


def _value_in_label(line: Line, grid: Grid) -> bool:
    """Whether the grid's label cell holds a value: its last cluster of words is a number
    (a long label elsewhere on the page bridged the gutter), or a number overprints the
    word before it (a name too long for its cell, running into the first value)."""
    in_label = [group for group in geometry.clusters(line) if group[0].x0 < grid.values_start]
    if len(in_label) >= 2 and looks_numeric(" ".join(word.text for word in in_label[-1])):
        return True
    words = [word for group in in_label for word in group]
    return any(after.x0 < before.x1 and looks_numeric(after.text) for before, after in zip(words, words[1:]))


def _indented(line: Line, grid: Grid) -> bool:
    return line.words[0].x0 > grid.columns[0].x0 + _size(line) * 0.9
