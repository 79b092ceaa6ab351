"""The lines above a table's first row: its title block, then its header.

The title block holds the table number, title, publisher, source and period
heading; footnote markers are set apart from the title. Where a rendering
delimits its header's labels (pipes, tabs, positions) the header is the lines
of labels right above the rows; in a text whose cells are separated by single
spaces, it is what follows the title (a title ends its sentence, or its year).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from extract.readers.document import Line
from extract.tables import geometry
from extract.tables.cells import filled_width
from extract.tables.lines import Cut
from extract.tables.model import HeaderColumn, Note, TitleBlock
from extract.tables.text import (
    MONTHS,
    QUARTER_LABEL,
    is_period_heading,
    join_wrapped,
    split_markers,
    split_source,
    squeeze,
)

_TABLE_NUMBER = re.compile(
    r"^(?P<number>(?:(?:table|tabell|tab\.)\s*)?\d{1,3}(?:\.\d{1,2})?)[.:]?(?:\s|\u00a0)+(?P<title>[^\W\d_].*)$",
    re.IGNORECASE,
)
_NUMBER_ALONE = re.compile(r"^(?P<number>(?:table|tabell|tab\.)\s*\d{1,3}(?:\.\d{1,2})?)[.:]?$", re.IGNORECASE)
_TABLE_WORD = re.compile(r"^(?:table|tabell|tab\.)\s*\d", re.IGNORECASE)
_PUBLISHERS = re.compile(
    r"^(?:statistics norway|statistisk sentralbyr[åa]|ssb|nav|arbeids- og velferdsetaten|"
    r"kunnskapsdepartementet|utdanningsdirektoratet|regjeringen(?:\.no)?|helsedirektoratet)\b\.?$"
    r"|^(?:utgiver|utgjevar|publisher|published by)\s*:",
    re.IGNORECASE,
)
_TITLE_END = re.compile(r"(?:[.!?]|(?:19|20)\d\d(?:\s*\d{1,2})?|\))\s*$")
# A footnote: its marker, then a sentence ('1 Man-years are …', '¹ Foreløpige tall.');
# a short label after a number ('14 Sogn og Fjordane') is a heading, not a note.
_FOOTNOTE = re.compile(r"^\s*(?P<marker>\d{1,2}|[¹²³⁴⁵⁶⁷⁸⁹⁰]+)\s*\)?[\s\u00a0]+(?P<text>\D(?:.{24,}|.*\.))$")
_NOTE_HEADING = re.compile(r"^(?:explanation of symbols|symbols used|standard symbols|symbolforklaring|tegnforklaring"
                           r"|forklaring (?:til|av|på) (?:symbol|tegn))",
                           re.IGNORECASE)
_SOURCE_LINE = re.compile(r"^(?:kilde|kjelde|source|sources)\s*:", re.IGNORECASE)
_SYMBOL_DEFINITION = re.compile(r"^\s*(?:\.{1,3}|:|-|\u2013|\*|x)\s*[=:]\s*\S")
_HEADING_MARKS = re.compile(r"^#+\s*")
# A paragraph of prose, not a title: many words, or more than one sentence.
PROSE_LENGTH = 320


_MONTH_NAMES = "|".join(sorted(MONTHS, key=len, reverse=True))
_NOT_A_TITLE = re.compile(rf"^(?:kvartal|quarter|kv\.|{_MONTH_NAMES})\b", re.IGNORECASE)


# Asked of every line near a table, many alike (a report's headings and labels repeat).
@lru_cache(maxsize=1 << 16)
def starts_with_table_number(text: str) -> bool:
    """'8  Man-years …', 'Table 12. Sickness …': a title's number, not '2. kvartal 2002'."""
    match = _TABLE_NUMBER.match(squeeze(text))
    return match is not None and len(squeeze(text).split()) >= 3 and not _NOT_A_TITLE.match(match["title"])


@lru_cache(maxsize=1 << 16)
def names_a_table(text: str) -> bool:
    """'Table 9 …', 'Tabell 21 …': a line that says it is a table's title."""
    return _TABLE_WORD.match(squeeze(text)) is not None


@lru_cache(maxsize=1 << 16)
def note_kind(text: str) -> tuple[str, str | None] | None:
    """('footnote', marker) / ('source', None) / ('symbols', None) for a note line, else None."""
    text = squeeze(text)
    if match := _FOOTNOTE.match(text):
        return "footnote", match["marker"].translate(str.maketrans("¹²³⁴⁵⁶⁷⁸⁹⁰", "1234567890"))
    if _SOURCE_LINE.match(text):
        return "source", None
    if _NOTE_HEADING.match(text) or _SYMBOL_DEFINITION.match(text):
        return "symbols", None
    return None


def note_of(item: Cut) -> Note | None:
    text = squeeze(" ".join(part for part in item.parts if part)) if item.layout in ("pipes", "tabs") else item.text
    found = note_kind(text)
    if found is None:
        return None
    if found[0] == "footnote":
        text = _FOOTNOTE.match(text)["text"]
    return Note(item.line, text, found[0], found[1])


@lru_cache(maxsize=1 << 16)
def is_prose(text: str) -> bool:
    """A paragraph, not a title or a header: long with sentences, or several long
    sentences (a title's are short: '… Men. Quarterly figures.'; a header printed on
    one line is long too, but has no sentences)."""
    text = squeeze(text)
    sentences = [part for part in re.split(r"(?<=[.!?])\s+(?=[A-ZÆØÅ–-])", text) if part]
    ended = len(re.findall(r"[.!?](?:\s|$)", text))
    return (len(text) > PROSE_LENGTH and ended >= 1) or sum(len(part.split()) >= 12 for part in sentences) >= 2


def is_prose_line(text: str) -> bool:
    """Prose, unless it opens with a table number (a long title is still a title)."""
    return is_prose(text) and not starts_with_table_number(text)


def title_block(items: Sequence[Cut]) -> TitleBlock:
    """The title block from the lines above a header (nearest last), at most six of them.

    A table number opens the title ('8', 'Table 8.', 'Tabell 21:'); a line that
    only names a period is the period heading (its source may stand beside it);
    publisher and source lines are recognised by their words; the lines between
    the title and the header are its subtitle, the lines above it its subject.
    A PDF's lines are read as the paragraphs they make, so a wrapped paragraph of
    prose above the table ends the block.
    """
    candidates = _paragraph_units(items)[-6:]
    read = _read_title(tuple(" ".join(_cells_text(item) for item in group) for group in candidates))
    if read is None:
        return TitleBlock()
    units = candidates[len(candidates) - read.units:]
    title_line = units[read.title_unit][0].line if read.title_unit is not None else None
    return TitleBlock(tuple(item.line for group in units for item in group), read.number, read.title, read.subtitle,
                      read.publisher, read.source, read.period, read.markers, title_line)


@dataclass(frozen=True)
class _TitleRead:
    """What the texts of a title block's candidate lines say (see `_read_title`)."""

    units: int  # how many of the last candidates make the block
    number: str | None
    title: str
    subtitle: str | None
    publisher: str | None
    source: str | None
    period: str | None
    markers: tuple[str, ...]
    title_unit: int | None  # the unit (of the block's) the title starts on


# A report's tables repeat their title blocks (a period heading over every table): each read once.
@lru_cache(maxsize=1 << 12)
def _read_title(texts: tuple[str, ...]) -> _TitleRead | None:
    numbered = [i for i, text in enumerate(texts) if starts_with_table_number(text)]
    first = len(texts)
    for index in range(len(texts) - 1, -1, -1):
        if numbered and index < numbered[-1] - 2:
            break  # above a numbered title: at most its subject and publisher
        if is_prose_line(texts[index]) or (not numbered and _is_sentence(texts[index])):
            break
        first = index
    texts = texts[first:]
    if not texts:
        return None
    number = publisher = source = period = None
    title_unit: int | None = None
    title_parts: list[str] = []
    subtitle: list[str] = []
    subject: list[str] = []
    title_at = next((i for i, text in enumerate(texts) if starts_with_table_number(text)), None)
    for index, text in enumerate(texts):
        text, stated_source = split_source(text)
        source = source or stated_source
        if not text:
            continue
        if _PUBLISHERS.match(text):
            publisher = publisher or text
        elif _SOURCE_LINE.match(text):
            source = source or text
        elif is_period_heading(text) and not title_parts:
            period = text
        elif not title_parts and number is None and (alone := _NUMBER_ALONE.match(text)):
            number = alone["number"]  # 'Table 8' on a line of its own, the title under it
            title_unit = index
        elif title_at is None or index >= title_at:
            if not title_parts and (match := _TABLE_NUMBER.match(text)):
                number, text = match["number"], match["title"]
            if not title_parts and title_unit is None:
                title_unit = index
            if title_parts and _TITLE_END.search(title_parts[-1]):
                subtitle.append(text)
            else:
                title_parts.append(text)
        else:
            subject.append(text)
    title, markers = split_markers(join_wrapped(title_parts))
    if not title and subject:
        title, markers = split_markers(subject.pop())
        title_unit = None
    return _TitleRead(len(texts), number, title, " ".join(subtitle) or " ".join(subject) or None, publisher, source,
                      period, markers, title_unit)


def _is_sentence(text: str) -> bool:
    """A line of prose: a sentence of some words ending with its full stop."""
    return len(text.split()) >= 8 and text.rstrip().endswith((".", "!", "?")) and not is_period_heading(text)


def _paragraph_units(items: Sequence[Cut]) -> list[list[Cut]]:
    """Each text line a unit; a PDF's lines of one paragraph one unit."""
    units: list[list[Cut]] = []
    for item in items:
        if units and item.line.words and units[-1][-1].line.words \
                and geometry.continues_paragraph(units[-1][-1].line, item.line) and not item.is_row:
            units[-1].append(item)
        else:
            units.append([item])
    return units


def _cells_text(item: Cut) -> str:
    """The line's text; cells joined; a markdown heading's '#' marks dropped."""
    if item.layout in ("pipes", "tabs"):
        text = squeeze(" ".join(part for part in item.parts if part))
    else:
        text = item.text
    return _HEADING_MARKS.sub("", text)


def split_token_head(items: Sequence[Cut]) -> tuple[list[Cut], list[Cut]]:
    """(title lines, header lines) of a head whose labels are not delimited.

    The title starts at a table number, or is the block above the header's
    block (blocks are separated by blank lines), and ends with its sentence
    ('… Quarterly figures.') or its year ('… municipality. 1999'); the header is
    every line after it.
    """
    lines = [item for item in items if item.layout != "blank"]
    if not lines:
        return [], []
    start = next((i for i in range(len(lines) - 1, -1, -1) if starts_with_table_number(lines[i].text)), None)
    if start is None:
        blocks = _blocks(items)
        if len(blocks) >= 2:
            return [item for block in blocks[:-1] for item in block], blocks[-1]
        if len(QUARTER_LABEL.findall(lines[0].text)) >= 2:
            return [], lines  # a header repeated after a page break: its quarter labels, no title
        start = 0
    end = start
    while end < len(lines) - 1 and not _TITLE_END.search(lines[end].text) and not _blank_after(items, lines[end]) \
            and not is_period_heading(lines[end].text) and not _is_title_furniture(lines[end + 1].text) \
            and len(QUARTER_LABEL.findall(lines[end + 1].text)) < 2:  # a header line of quarter labels
        end += 1
    # The source, publisher or period printed under the title belongs to its block.
    while end < len(lines) - 1 and _is_title_furniture(lines[end + 1].text):
        end += 1
    return lines[: end + 1], lines[end + 1 :]


def _is_title_furniture(text: str) -> bool:
    text = squeeze(text)
    return bool(_SOURCE_LINE.match(text) or _PUBLISHERS.match(text) or is_period_heading(text))


def _blocks(items: Sequence[Cut]) -> list[list[Cut]]:
    blocks: list[list[Cut]] = [[]]
    for item in items:
        if item.layout == "blank":
            if blocks[-1]:
                blocks.append([])
        else:
            blocks[-1].append(item)
    return [block for block in blocks if block]


def _blank_after(items: Sequence[Cut], item: Cut) -> bool:
    index = next(i for i, other in enumerate(items) if other is item)
    return index + 1 < len(items) and items[index + 1].layout == "blank"


def columns_from_tiers(tiers: Sequence[Sequence[str]], width: int) -> tuple[HeaderColumn, ...] | None:
    """Header columns from tiers of cells aligned with the rows' cells (see `_columns_from_tiers`)."""
    return _columns_from_tiers(tuple(map(tuple, tiers)), width)


# A table continued over pages, or a report of many small tables, repeats one header.
@lru_cache(maxsize=1024)
def _columns_from_tiers(tiers: tuple[tuple[str, ...], ...], width: int) -> tuple[HeaderColumn, ...] | None:
    """Header columns from tiers of cells aligned with the rows' cells (stub first).

    A label in an upper tier followed by empty cells spans them, where the tier
    below has labels there (a quarter over its measures); a column's own label is
    its lowest one. None when a tier is not aligned with the rows.
    """
    if not tiers or filled_width(tiers[-1]) != width or any(filled_width(tier) > width for tier in tiers):
        return None
    tiers = [list(tier[:width]) + [""] * (width - len(tier)) for tier in tiers]
    columns = []
    for index in range(1, width):
        own = [(t, tier[index]) for t, tier in enumerate(tiers) if tier[index]]
        groups: list[str] = []
        for t, tier in enumerate(tiers[:-1]):
            if tier[index]:
                if own and own[-1][0] > t:
                    groups.append(tier[index])
                continue
            left = next((j for j in range(index - 1, 0, -1) if tier[j]), None)
            if left is not None and any(lower[left] for lower in tiers[t + 1 :]) and own:
                groups.append(tier[left])
        label = own[-1][1] if own else ""
        label, markers = split_markers(label)
        columns.append(HeaderColumn(index - 1, label, tuple(split_markers(g)[0] for g in groups), markers))
    return tuple(columns)


def header_text(lines: Sequence[Line]) -> str:
    return join_wrapped(line.text for line in lines)
