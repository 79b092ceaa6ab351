"""Text renderings of a `spec.Document`, one function per layout class.

Each class renderer turns a table into a `TablePart` (title lines, header lines, the
lines of each row, note lines); `render` lays parts and prose out, and, with
`Furniture`, into pages with running heads and feet and the header (and a table's
repeated leading rows, NAV's 'I alt') repeated after every page break.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from tests.zoo.spec import (
    NBSP,
    Document,
    Label,
    Paragraph,
    Row,
    Table,
    narrowest,
    plain,
    wrap,
)


@dataclass(frozen=True)
class Furniture:
    lines_per_page: int
    form_feed: bool = True  # pages parted by '\f' (else by a blank line, as NAV's rendering)
    head: str | None = None  # '{publication}' or '{period}' (then a table's own period heading is left out)
    foot: str | None = None  # 'Side {page}', 'Page {page} of {pages}', '- {page} -'
    repeat_header: bool = True


@dataclass(frozen=True)
class TextOptions:
    seed: int = 0  # for per-line choices (the padding of a cell on a line of its own)
    thousands: str = NBSP  # what parts groups of thousands
    number_gap: str = " "  # between a table number and its title
    title_width: int | None = None  # wrap the title at this width
    title_gap: bool = False  # a blank line between title and header
    header_width: int = 120  # single: header words flowed at this width
    indent: str = ""  # single: printed before a set-in row
    cell_per_line: bool = False  # single: every label and cell on a line of its own
    gap: int = 2  # fixed: least spaces between columns
    extra: int = 2  # fixed: most padding added to a column at random
    header_lines: int = 4  # fixed: most lines a label wraps over
    leaf_align: str = "right"  # fixed: 'left' | 'right' | 'centre'
    valign: str = "bottom"  # fixed: leaf labels 'top' | 'bottom' aligned
    rule: str = "none"  # fixed: 'none' | 'under' (the header) | 'around' (and above, and under the table)
    bold_markup: bool = False  # tabs/pipes: <b>…</b> around the cells of total rows
    markdown: bool = False  # '### ' before headings, '\\*' for '*' in prose
    pad: int = 0  # pipes: empty trailing cells after every row
    separator: str = "after_first"  # pipes: '|---|' line 'after_first' tier or 'after_header'
    fill_spans: bool = True  # pipes: empty cells after/under spanning labels; tabs: labels in their own tier
    title_row: bool = False  # pipes: the title as a row '| 21 | title |'
    note_rows: bool = False  # pipes: notes as rows '| 1 | text |'
    flatten_cut: int = 3  # pipes_flattened: most header labels on one line
    furniture: Furniture | None = None


@dataclass
class TablePart:
    title: list[str]
    head: list[str]
    rows: list[list[str]]  # the lines of each row
    repeat: int = 0
    notes: list[str] = field(default_factory=list)

    def lines(self) -> list[str]:
        """All of it, unpaged."""
        body = [line for row in self.rows for line in row]
        return self.title + self.head + body + ([""] + self.notes if self.notes else [])


def _fmt(value: str, opts: TextOptions) -> str:
    return plain(value).replace(" ", opts.thousands)


def _heading(text: str, opts: TextOptions) -> str:
    return f"### {text}" if opts.markdown else text


def _title_lines(table: Table, opts: TextOptions, skip_period: bool, title_end: str = "") -> list[str]:
    """The title block's lines; `title_end` is put at the end of the title (SSB's ' |')."""
    out: list[str] = []
    for role, text in table.title.lines(opts.number_gap, skip_period) if table.title else []:
        text = plain(text)
        if role == "title":
            # The title's words wrapped, the number and its gap kept as they are before them.
            lead = f"{table.title.number}{opts.number_gap}" if table.title.number else ""
            words = plain(table.title.title)
            lines = wrap(words, opts.title_width - len(lead), hyphenate=False) if opts.title_width else [words]
            lines[0], lines[-1] = lead + lines[0], lines[-1] + title_end
            out += lines
        else:
            out.append(_heading(text, opts) if role == "period" else text)
    return out + ([""] if out and opts.title_gap else [])


def _note_lines(table: Table) -> list[str]:
    return [plain(f"{note.marker} {note.text}" if note.marker else note.text) for note in table.notes]


# ------------------------------------------------------------------ single ----


def _single(table: Table, opts: TextOptions, rng: random.Random) -> TablePart:
    if opts.cell_per_line:
        return _cell_per_line(table, opts, rng)
    head: list[str] = []
    for tier in table.header:
        words = " ".join(plain(label.text, soft=True) for label in tier if label.text)
        lines = wrap(words, opts.header_width)
        if not any(label.first == 0 and label.text for label in tier):
            lines[0] = f"{NBSP} {lines[0]}"  # the row-label column's empty cell, as SSB prints it
        head += lines
    rows = []
    for row in table.rows:
        label = (opts.indent if row.indent else "") + plain(row.cells[0])
        values = [_fmt(c, opts) or NBSP for c in row.cells[1:]]
        rows.append([label if row.section else " ".join([label, *values])])
    return TablePart([], head, rows, table.repeat)


def _cell_per_line(table: Table, opts: TextOptions, rng: random.Random) -> TablePart:
    """The teacher-norm article's form: every label and cell a paragraph of its own."""
    head: list[str] = []
    for label in table.leaves():
        if label and label.text:
            text = plain(label.text)
            head += text.replace(" (", "\n(").split("\n") + [""]
    rows = []
    for row in table.rows:
        lines = [(NBSP if row.indent else "") + plain(row.cells[0]), ""]
        for value in row.cells[1:]:
            padding = rng.choice(["", NBSP, f"{NBSP} " * rng.randint(1, 5), NBSP * rng.randint(5, 40) + " "])
            lines += [padding + _fmt(value, opts), ""]
        rows.append(lines)
    return TablePart([], head, rows, table.repeat)


# ------------------------------------------------------------------- fixed ----


def _place(canvas: list[list[str]], line: int, x: int, text: str) -> None:
    row = canvas[line]
    row[x : x + len(text)] = list(text)


def _fixed(table: Table, opts: TextOptions, rng: random.Random) -> TablePart:
    n, gap = table.columns, opts.gap
    leaves = table.leaves()
    body = [row for row in table.rows if not row.section]
    widths = [0] * n
    for index in range(n):
        cells = [len((opts.indent if row.indent and index == 0 else "") + _fmt(row.cells[index], opts)) for row in body]
        label = leaves[index].text if leaves[index] else ""
        need = narrowest(plain(label, soft=True), opts.header_lines) if label else 0
        widths[index] = int(max(cells + [need])) + rng.randint(0, opts.extra)
    groups = table.group_tiers()
    for tier in groups:  # a spanning label needs its columns together wide enough
        for label in tier:
            span = sum(widths[label.first : label.last + 1]) + gap * (label.last - label.first)
            need = int(narrowest(plain(label.text, soft=True), 2))
            widths[label.last] += max(0, need - span)
    xs = [sum(widths[:i]) + gap * i for i in range(n)]
    total = xs[-1] + widths[-1]

    def span_of(label: Label) -> tuple[int, int]:
        return xs[label.first], xs[label.last] + widths[label.last] - xs[label.first]

    head: list[str] = []
    for tier in groups:
        wrapped = {label: wrap(plain(label.text, soft=True), span_of(label)[1]) for label in tier}
        canvas = [[" "] * total for _ in range(max(len(w) for w in wrapped.values()))]
        for label, lines in wrapped.items():
            x, width = span_of(label)
            for number, text in enumerate(lines):
                _place(canvas, number, x + (width - len(text)) // 2, text)
        head += ["".join(line).rstrip() for line in canvas]
    wrapped_leaves = {
        i: wrap(plain(label.text, soft=True), widths[i]) for i, label in enumerate(leaves) if label and label.text
    }
    height = max(len(lines) for lines in wrapped_leaves.values())
    canvas = [[" "] * total for _ in range(height)]
    for index, lines in wrapped_leaves.items():
        top = height - len(lines) if opts.valign == "bottom" else 0
        for number, text in enumerate(lines):
            free = widths[index] - len(text)
            shift = 0 if index == 0 or opts.leaf_align == "left" else free if opts.leaf_align == "right" else free // 2
            _place(canvas, top + number, xs[index] + shift, text)
    head += ["".join(line).rstrip() for line in canvas]
    rule = "-" * total
    if opts.rule != "none":
        head = ([rule] if opts.rule == "around" else []) + head + [rule]
    rows = []
    for row in table.rows:
        label = (opts.indent if row.indent else "") + plain(row.cells[0])
        if row.section:
            rows.append([label])
            continue
        text = label.ljust(widths[0]) + "".join(
            " " * gap + _fmt(c, opts).rjust(w) for c, w in zip(row.cells[1:], widths[1:], strict=True)
        )
        rows.append([text.rstrip()])
    if opts.rule == "around":
        rows.append([rule])
    return TablePart([], head, rows, table.repeat)


# -------------------------------------------------------------------- tabs ----


def _bold(cells: list[str], row: Row, opts: TextOptions) -> list[str]:
    if not (row.bold and opts.bold_markup):
        return cells
    return [f"<b>{c}</b>" if c else c for c in cells]


def _tabs(table: Table, opts: TextOptions, rng: random.Random) -> TablePart:
    tiers = [[""] * table.columns for _ in table.header]
    for t, tier in enumerate(table.header):
        for label in tier:
            # A leaf in an upper tier (a label spanning down) stands in its own tier, or on the leaf line.
            at = t if opts.fill_spans or not table.is_leaf(t, label) else len(table.header) - 1
            tiers[at][label.first] = plain(label.text)
    head = ["\t".join(cells) for cells in tiers]
    rows = []
    for row in table.rows:
        cells = [plain(row.cells[0]), *(_fmt(c, opts) for c in row.cells[1:])]
        rows.append(["\t".join(_bold(cells[:1] if row.section else cells, row, opts))])
    return TablePart([], head, rows, table.repeat)


# ------------------------------------------------------------------- pipes ----


def _pipe(cells: list[str], opts: TextOptions) -> str:
    return "| " + " | ".join(cells) + " |" + (" " + "|" * opts.pad if opts.pad else "")


def _pipes(table: Table, opts: TextOptions, rng: random.Random) -> TablePart:
    title: list[str] = []
    if opts.title_row and table.title and table.title.title:
        block = table.title
        title = [plain(text) for role, text in block.lines() if role in ("subject", "publisher")]
        title.append(_pipe([c for c in (block.number, plain(block.title)) if c], opts))
        title += [plain(text) for role, text in block.lines() if role in ("period", "source")]
    head: list[str] = []
    for t, tier in enumerate(table.header):
        if opts.fill_spans:
            cells = [""] * table.columns
            for label in tier:
                cells[label.first] = plain(label.text)
        else:  # the labels alone, as SSB's markdown export prints them
            cells = [plain(label.text) for label in tier if label.text or label.first == 0]
        head.append(_pipe(cells, opts))
        if (
            t == 0
            and opts.separator == "after_first"
            or t == len(table.header) - 1
            and opts.separator == "after_header"
        ):
            head.append("|" + "---|" * (table.columns + opts.pad))
    rows = []
    for row in table.rows:
        cells = [plain(row.cells[0]), *(_fmt(c, opts) for c in row.cells[1:])]
        rows.append([_pipe(_bold(cells[:1] if row.section else cells, row, opts), opts)])
    notes = [_pipe([note.marker, plain(note.text)], opts) if note.marker else plain(note.text) for note in table.notes]
    return TablePart(title, head, rows, table.repeat, notes if opts.note_rows else [])


def _pipes_flattened(table: Table, opts: TextOptions, rng: random.Random) -> TablePart:
    """SSB's flattened export: no leading '|', the top tier on a line, then the other labels
    cut over lines at random; no label over the row labels, unless it says more than
    what the rows are ('Kommune (kommuner og fylker per oktober 2017)': a date)."""
    tiers = [[plain(label.text) for label in tier if label.first > 0 or len(plain(label.text).split()) > 1]
             for tier in table.header]
    lines = [tiers[0]] if len(tiers) > 1 else []
    rest = [text for tier in tiers[len(lines) :] for text in tier]
    while rest:
        cut = rng.randint(1, opts.flatten_cut)
        lines.append(rest[:cut])
        rest = rest[cut:]
    head = [" | ".join(cells) + " |" for cells in lines]
    if opts.pad:
        head[0] += " " + "|" * opts.pad
    rows = []
    for row in table.rows:
        cells = [plain(row.cells[0]), *(_fmt(c, opts) for c in row.cells[1:])]
        rows.append([" | ".join(cells[:1] if row.section else cells) + " |"])
    return TablePart([], head, rows, table.repeat)


RENDERERS = {
    "text_single_nbsp": _single,
    "text_single_space": _single,
    "text_fixed": _fixed,
    "text_tabs": _tabs,
    "text_pipes": _pipes,
    "text_pipes_flattened": _pipes_flattened,
}


# -------------------------------------------------------------- assembling ----


def _prose(paragraph: Paragraph, opts: TextOptions) -> list[str]:
    text = paragraph.text.replace("*", "\\*") if opts.markdown else paragraph.text
    return [_heading(text, opts) if paragraph.heading else text]


def _parts(doc: Document, cls: str, opts: TextOptions) -> list[list[str] | TablePart]:
    rng = random.Random(opts.seed)
    skip_period = bool(opts.furniture and opts.furniture.head and "{period}" in opts.furniture.head)
    parts: list[list[str] | TablePart] = []
    for block in doc.blocks:
        if isinstance(block, Paragraph):
            parts.append(_prose(block, opts))
            continue
        part = RENDERERS[cls](block, opts, rng)
        if not part.title:
            part.title = _title_lines(block, opts, skip_period, " |" if cls == "text_pipes_flattened" else "")
        part.notes = part.notes or _note_lines(block)
        parts.append(part)
    return parts


def _pages(parts: list[list[str] | TablePart], size: int, furniture: Furniture) -> list[list[str]]:
    pages: list[list[str]] = [[]]

    def put(line: str) -> None:  # prose and notes break anywhere
        if len(pages[-1]) >= size:
            pages.append([])
        pages[-1].append(line)

    for part in parts:
        if isinstance(part, list):
            for line in part + [""]:
                put(line)
            continue
        intro = part.title + part.head + [line for row in part.rows[: part.repeat + 1] for line in row]
        if len(pages[-1]) + len(intro) > size and pages[-1]:
            pages.append([])  # no title, header and total line without a row under them at a page's foot
        pages[-1].extend(part.title + part.head)
        for index, row in enumerate(part.rows):
            if len(pages[-1]) + len(row) > size:
                pages.append(list(part.head) if furniture.repeat_header else [])
                if furniture.repeat_header and index >= part.repeat:
                    for repeated in part.rows[: part.repeat]:
                        pages[-1].extend(repeated)
            pages[-1].extend(row)
        for line in ([""] + part.notes if part.notes else []) + [""]:
            put(line)
    return pages


def render(doc: Document, cls: str, opts: TextOptions) -> str:
    parts = _parts(doc, cls, opts)
    furniture = opts.furniture
    if furniture is None:
        return "\n".join(line for part in parts for line in (part if isinstance(part, list) else part.lines()) + [""])
    pages = _pages(parts, furniture.lines_per_page, furniture)
    period = next((t.title.period for t in doc.tables() if t.title and t.title.period), "")
    texts = []
    for number, lines in enumerate(pages, start=1):
        top = (
            [_heading(furniture.head.format(publication=doc.publication, period=period), opts), ""]
            if furniture.head
            else []
        )
        bottom = ["", furniture.foot.format(page=number, pages=len(pages))] if furniture.foot else []
        texts.append("\n".join(top + lines + bottom) + "\n")
    return ("\f" if furniture.form_feed else "\n").join(texts)
