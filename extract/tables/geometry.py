"""Table geometry: columns and cells from the positions of words.

Used for PDFs (words in points) and for fixed-width text (words in characters,
see `extract.tables.layout`): every word of a table's rows is projected onto
the x axis, what overlaps or nearly touches is one column, and the gutters no
word crosses separate them, so a number belongs to the column it stands in, an
empty position is an empty cell and a thousands group stays inside its number.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from extract.readers.document import Line, Word

# Words closer than this share of the font size belong to one cell of a table:
# a space inside a label or a thousands group (about 0.28 em) joins, the padding
# between two columns (at least two cell margins) separates.
CELL_GAP = 0.45
# In a monospaced font (Courier, a text dump) a space is as wide as any glyph,
# about 0.6 em, wider than CELL_GAP: there a gap wider than this many spaces
# separates cells (columns of a dump are two or more spaces apart).
MONOSPACE_CELL_GAP = 1.5
_MONOSPACE_NAMES = ("courier", "mono", "consol", "fixed", "typewriter", "letter gothic", "lettergothic")
# A font whose words of letters all have one advance per character (within this
# share) is monospaced, whatever its name.
MONOSPACE_SPREAD = 0.03




@dataclass(frozen=True)
class Column:
    """A column's horizontal extent on a page: the union of its words' boxes."""

    x0: float
    x1: float

    @property
    def centre(self) -> float:
        return (self.x0 + self.x1) / 2


def _merge(spans: list[tuple[float, float]], gap: float) -> list[tuple[float, float]]:
    merged: list[tuple[float, float]] = []
    for x0, x1 in sorted(spans):
        if merged and x0 - merged[-1][1] <= gap:
            merged[-1] = (merged[-1][0], max(merged[-1][1], x1))
        else:
            merged.append((x0, x1))
    return merged


def table_columns(lines: Iterable[Line]) -> list[Column]:
    """The columns of a table from the words of its header and data lines.

    Every word is projected onto the x axis; what overlaps (or nearly touches,
    as the words of one label or the groups of one number do) is one column.
    The gutters no word crosses separate the columns, so a right-aligned
    number, a wrapped header label and an empty cell all fall into place.
    """
    words = [word for line in lines for word in line.words]
    spans = [(word.x0, word.x1) for word in words]
    size = max((word.size for word in words), default=0.0)
    gap = max(max(size, 1.0) * CELL_GAP, cell_gap(words))
    return [Column(x0, x1) for x0, x1 in _merge(spans, gap)]


def monospace_widths(words: Iterable[Word]) -> dict[str, float]:
    """The width of a space (= of every glyph) in each monospaced font among `words`.

    Measured from the characters' advance: a word of n glyphs is n advances wide.
    A font counts as monospaced by its name (Courier, …Mono) or, for other
    names, when its words of letters agree on one advance (digits alone prove
    nothing: proportional fonts set figures at one width too).
    """
    advances: dict[str, list[float]] = {}
    lettered: dict[str, int] = {}
    for word in words:
        if len(word.text) >= 2 and word.x1 > word.x0:
            advances.setdefault(word.fontname, []).append((word.x1 - word.x0) / len(word.text))
            lettered[word.fontname] = lettered.get(word.fontname, 0) + (sum(ch.isalpha() for ch in word.text) >= 3)
    widths: dict[str, float] = {}
    for font, values in advances.items():
        values.sort()
        median = values[len(values) // 2]
        named = any(hint in font.lower() for hint in _MONOSPACE_NAMES)
        uniform = lettered[font] >= 3 and values[-1] - values[0] <= median * MONOSPACE_SPREAD * 2
        if named or uniform:
            widths[font] = median
    return widths


def _gap_in_cell(word: Word, spaces: dict[str, float]) -> float:
    """The widest gap after `word` that still leaves the next word in its cell."""
    return max(max(word.size, 1.0) * CELL_GAP, spaces.get(word.fontname, 0.0) * MONOSPACE_CELL_GAP)


def cell_gap(words: Sequence[Word]) -> float:
    """The widest gap between two words of one cell (a space in a label or a number)."""
    if not words:
        return CELL_GAP
    spaces = monospace_widths(words)
    return max(_gap_in_cell(word, spaces) for word in words)


def column_of(word: Word, columns: Sequence[Column]) -> int | None:
    """The index of the column that holds most of `word`, None if none does."""
    best, best_overlap = None, 0.0
    for index, column in enumerate(columns):
        overlap = min(word.x1, column.x1) - max(word.x0, column.x0)
        if overlap > best_overlap:
            best, best_overlap = index, overlap
    return best


def cell_words(line: Line, columns: Sequence[Column]) -> list[list[Word]]:
    """The words of `line` in each column (an empty list for an empty cell)."""
    cells: list[list[Word]] = [[] for _ in columns]
    for word in line.words:
        index = column_of(word, columns)
        if index is None:
            # Outside every column: attach to the nearest so nothing is dropped;
            # the kind's checks (cell counts, totals) see the result.
            index = min(range(len(columns)), key=lambda i: abs(columns[i].centre - (word.x0 + word.x1) / 2))
        cells[index].append(word)
    return cells


def cells_of(line: Line, columns: Sequence[Column], joiner: str = " ") -> list[str]:
    """The text of each cell of `line` ('' for an empty cell), its words joined by `joiner`."""
    return [joiner.join(word.text for word in words) for words in cell_words(line, columns)]


def is_bold_line(line: Line) -> bool:
    """A line printed in bold (a total row), judged by its words' fonts."""
    return bool(line.words) and all(word.is_bold for word in line.words)


@dataclass(frozen=True)
class HeaderCell:
    """A label of a table header and the data columns it stands over (first..last)."""

    text: str
    first: int
    last: int
    top: float
    x0: float = 0.0
    x1: float = 0.0

    @property
    def span(self) -> int:
        return self.last - self.first + 1


def clusters(line: Line) -> list[list[Word]]:
    """The words of one line grouped into cells by the gaps between them."""
    groups: list[list[Word]] = []
    spaces = monospace_widths(line.words)
    for word in line.words:
        if groups and word.x0 - groups[-1][-1].x1 <= _gap_in_cell(word, spaces):
            groups[-1].append(word)
        else:
            groups.append([word])
    return groups


def _closeness(span: Sequence[Column], x0: float, x1: float) -> tuple[float, float]:
    """How well a header word over x0..x1 sits on a run of columns: overlap first, then centring."""
    overlap = sum(max(0.0, min(x1, c.x1) - max(x0, c.x0)) for c in span)
    centre = (span[0].x0 + span[-1].x1) / 2
    return overlap, -abs(centre - (x0 + x1) / 2)


def _columns_under(x0: float, x1: float, columns: Sequence[Column]) -> tuple[int, int]:
    """The fewest adjacent columns a label fits over.

    A label over columns first..last lies right of the data of the column before
    and left of the data of the column after (numbers and labels keep inside
    their cells), so a label centred over two columns needs both, while a label
    over one column, however wide, fits that one.
    """
    n = len(columns)
    for size in range(1, n + 1):
        fits = [
            first for first in range(n - size + 1)
            if (first == 0 or x0 >= columns[first - 1].x1) and (first + size == n or x1 <= columns[first + size].x0)
        ]
        if fits:
            best = max(fits, key=lambda first, size=size: _closeness(columns[first : first + size], x0, x1))
            return best, best + size - 1
    return 0, n - 1


def header_cells(
    lines: Sequence[Line],
    columns: Sequence[Column],
    fit: Callable[[float, float, Sequence[Column]], tuple[int, int]] | None = None,
) -> list[HeaderCell]:
    """The labels of a header printed over several lines, each with the columns it spans.

    On each line, words close together form a label part; a part continues the
    part above it when both stand over the same columns (a label wrapped inside
    its cell). A label spanning several columns ('Quarter 2 2002' over days and
    change) stays one cell, apart from the labels below it. A word broken with a
    hyphen at a line end ('Ergo-' / 'therapists') is joined again.

    `fit` gives the columns a label stands over: by default the fewest columns
    whose gutters hold it (columns made from header and data words together);
    `label_columns` for columns made from the data alone (`data_columns`).
    """
    fit = fit or _columns_under
    cells: list[HeaderCell] = []
    open_cells: dict[tuple[int, int], int] = {}  # columns → index in `cells`, for the line above
    for line in lines:
        now: dict[tuple[int, int], int] = {}
        groups = clusters(line)
        # A part above standing over several parts of this line is a group label over
        # them ('Quarter 2 2002' over days and change): none of them continues it.
        open_cells = {span: index for span, index in open_cells.items()
                      if sum(min(g[-1].x1, cells[index].x1) > max(g[0].x0, cells[index].x0) for g in groups) < 2}
        for group in groups:
            text = " ".join(word.text for word in group)
            span = fit(group[0].x0, group[-1].x1, columns)
            x0, x1 = group[0].x0, group[-1].x1
            aligned = _aligned_above(cells, open_cells, x0, x1, max(word.size for word in group) or 1.0)
            if aligned is not None:
                span = (cells[aligned].first, cells[aligned].last)
            if span in open_cells:
                index = open_cells[span]
                previous = cells[index]
                hyphenated = previous.text.endswith("-") and not previous.text.endswith(" -")
                joined = previous.text + text if hyphenated else f"{previous.text} {text}"
                cells[index] = HeaderCell(
                    joined, previous.first, previous.last, previous.top, min(previous.x0, x0), max(previous.x1, x1)
                )
            else:
                cells.append(HeaderCell(text, span[0], span[1], group[0].top, x0, x1))
                index = len(cells) - 1
            now[span] = index
        open_cells = now
    # A label standing over labels of several columns spans them all: the tier
    # below tells, where the data's narrow numbers alone would not.
    spanned = []
    for cell in cells:
        below = [o for o in cells if o.top > cell.top + 0.1 and min(o.x1, cell.x1) - max(o.x0, cell.x0) > 0]
        if len({o.first for o in below}) >= 2:
            first, last = min(o.first for o in below), max(o.last for o in below)
            cell = HeaderCell(cell.text, first, last, cell.top, cell.x0, cell.x1)
        spanned.append(cell)
    return sorted(spanned, key=lambda c: (c.first, c.top))


def label_blocks(lines: Sequence[Line]) -> list[str]:
    """A header's labels in reading order, each assembled from the parts printed under
    one another in its cell (left, right or centre aligned), whatever the columns:
    how a reader reads a header whose columns the data cannot settle."""
    blocks: list[list[Word]] = []  # the words of each block; its last part is its last line's
    last_part: list[tuple[float, float, float]] = []  # (x0, x1, size) of each block's lowest part
    open_blocks: list[int] = []
    for line in lines:
        now: list[int] = []
        groups = clusters(line)
        for i in list(open_blocks):
            under = [g for g in groups if min(g[-1].x1, last_part[i][1]) > max(g[0].x0, last_part[i][0])]
            if len(under) >= 2 and (split := _split_over(blocks[i], under)):
                # Labels a space apart in a monospaced font read as one run of words:
                # the parts below tell where each stands ('Quarter Quarter' over '2 2001', '3 2001').
                open_blocks.remove(i)
                for words in split:
                    blocks.append(words)
                    last_part.append((words[0].x0, words[-1].x1, max(w.size for w in words) or 1.0))
                    open_blocks.append(len(blocks) - 1)
                blocks[i] = []
        open_blocks = [i for i in open_blocks
                       if sum(min(g[-1].x1, last_part[i][1]) > max(g[0].x0, last_part[i][0]) for g in groups) < 2]
        for group in groups:
            x0, x1, size = group[0].x0, group[-1].x1, max(word.size for word in group) or 1.0
            tolerance = size * 0.6
            above = [i for i in open_blocks
                     if min(x1, last_part[i][1]) > max(x0, last_part[i][0])
                     and (abs(last_part[i][0] - x0) <= tolerance or abs(last_part[i][1] - x1) <= tolerance
                          or abs(last_part[i][0] + last_part[i][1] - x0 - x1) <= 2 * tolerance)]
            if len(above) == 1:
                blocks[above[0]].extend(group)
                last_part[above[0]] = (x0, x1, size)
                now.append(above[0])
            else:
                blocks.append(list(group))
                last_part.append((x0, x1, size))
                now.append(len(blocks) - 1)
        open_blocks = now
    texts = []
    for words in sorted((b for b in blocks if b), key=lambda words: (round(words[0].top, 1), words[0].x0)):
        text = ""
        for word in words:
            text = text + word.text if text.endswith("-") and word.text[:1].isalpha() else f"{text} {word.text}".strip()
        texts.append(text)
    return texts


def _split_over(words: list[Word], under: list[list[Word]]) -> list[list[Word]] | None:
    """The words of a block's one-line part, split so that each piece stands over one of
    the parts below, if they do; None if the part is a label over them all (a group)."""
    if any(word.top < words[-1].top - 0.1 for word in words):
        return None  # a block of several lines is a label of its own
    pieces: list[list[Word]] = [[] for _ in under]
    for word in words:
        over = [i for i, group in enumerate(under) if min(word.x1, group[-1].x1) > max(word.x0, group[0].x0)]
        if len(over) != 1:
            return None
        pieces[over[0]].append(word)
    return pieces if all(pieces) else None


def _aligned_above(cells: list[HeaderCell], open_cells: dict[tuple[int, int], int], x0: float, x1: float,
                   size: float) -> int | None:
    """The one label part on the line above that this part continues by alignment: its
    left edges, right edges or centres agree (a label wrapped inside a cell narrower
    than its words, whose parts do not all fall over the same values)."""
    tolerance = size * 0.6
    found = [
        index for index in open_cells.values()
        if cells[index].first == cells[index].last and min(x1, cells[index].x1) > max(x0, cells[index].x0)
        and (abs(cells[index].x0 - x0) <= tolerance or abs(cells[index].x1 - x1) <= tolerance
             or abs((cells[index].x0 + cells[index].x1) - (x0 + x1)) <= 2 * tolerance)
    ]
    return found[0] if len(found) == 1 else None


def _overlaps(x0: float, x1: float, column: Column) -> bool:
    return min(x1, column.x1) - max(x0, column.x0) > 0


def _column_at(x: float, columns: Sequence[Column]) -> int:
    """The column whose share of the page holds `x`: boundaries at the middle of each gutter."""
    return sum(x > (left.x1 + right.x0) / 2 for left, right in zip(columns, columns[1:]))


def label_columns(x0: float, x1: float, columns: Sequence[Column]) -> tuple[int, int]:
    """The data columns a header label stands over (columns from `data_columns`).

    A label over the numbers of several columns spans them; a label over no
    number (centred over right-aligned numbers, narrower than its cell) belongs
    to the column whose share of the page holds its centre.
    """
    over = [index for index, column in enumerate(columns) if _overlaps(x0, x1, column)]
    if over:
        return over[0], over[-1]
    index = _column_at((x0 + x1) / 2, columns)
    return index, index


def data_columns(data: Iterable[Line], header: Sequence[Line] = ()) -> list[Column]:
    """The columns of a table from the word groups of its data rows.

    The data settle the columns: each column is the union of its values' boxes
    and the gutters no value crosses separate them, however the header labels
    are aligned or wrapped. Only a column empty on the whole page has no data:
    its header label shows it, as a second label on one header line beside a
    column's own label, standing over no value.
    """
    words = [word for line in data for word in line.words]
    spans = _merge([(word.x0, word.x1) for word in words], cell_gap(words))
    columns = [Column(x0, x1) for x0, x1 in spans]
    if not columns:
        return table_columns(header)
    for line in header:
        by_column: dict[int, list[list[Word]]] = {}
        for group in clusters(line):
            by_column.setdefault(label_columns(group[0].x0, group[-1].x1, columns)[0], []).append(group)
        for groups in by_column.values():
            if len(groups) < 2:
                continue
            for group in groups:
                if not any(_overlaps(group[0].x0, group[-1].x1, column) for column in columns):
                    columns.append(Column(group[0].x0, group[-1].x1))
        columns.sort(key=lambda column: column.x0)
    return columns


def header_labels(lines: Sequence[Line], columns: Sequence[Column]) -> list[str]:
    """Each column's label from a header printed over several lines.

    The label's words are read top to bottom within its column; a word broken
    with a hyphen at a line end ('Ergo-' / 'therapists') is joined again.
    """
    labels: list[str] = []
    for index in range(len(columns)):
        text = ""
        for line in lines:
            part = " ".join(w.text for w in cell_words(line, columns)[index])
            if not part:
                continue
            if text.endswith("-") and not text.endswith(" -"):
                text += part
            else:
                text = f"{text} {part}" if text else part
        labels.append(text)
    return labels


# Lines of one paragraph stand closer than this many font sizes apart (baseline to
# baseline, about 1.2–1.4 when set solid); the space after a paragraph or a heading
# is wider.
PARAGRAPH_LEADING = 1.6


def continues_paragraph(above: Line, line: Line) -> bool:
    """`line` is the next line of the paragraph `above` ends: same page, same weight, set solid."""
    if not above.words or not line.words or above.page != line.page or is_bold_line(above) != is_bold_line(line):
        return False
    size = max(word.size for word in above.words) or (above.words[0].bottom - above.words[0].top)
    distance = min(word.bottom for word in line.words) - max(word.bottom for word in above.words)
    return 0 < distance <= size * PARAGRAPH_LEADING


def join_paragraphs(lines: Sequence[Line]) -> dict[int, str]:
    """Replacements (by line number) that put each paragraph of `lines` on its first line.

    A text rendering keeps a paragraph on one line, and the parsers read a sentence
    (a stated total, a footnote) within a line; a PDF wraps it wherever the page
    ends. `lines` are prose lines in reading order (tables left out)."""
    replacements: dict[int, str] = {}
    group: list[Line] = []

    def flush() -> None:
        if len(group) > 1:
            replacements[group[0].number] = " ".join(line.text for line in group)
            replacements.update({line.number: "" for line in group[1:]})

    for line in lines:
        if group and continues_paragraph(group[-1], line):
            group.append(line)
            continue
        flush()
        group = [line]
    flush()
    return replacements
