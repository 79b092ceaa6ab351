"""Page furniture: running heads and feet, page numbers, rule lines.

Recognised so that no running foot is read as a county heading and no page
number as a row; every line taken out is recorded with its reason.
"""

from __future__ import annotations

import re
from collections import defaultdict
from functools import lru_cache

from extract.tables.heads import starts_with_table_number
from extract.tables.lines import BLANK, PIPES, POSITIONS, RULE, TABS, Cut
from extract.tables.model import PAGE_NUMBER, RUNNING_FOOT, RUNNING_HEAD
from extract.tables.model import RULE as RULE_REASON
from extract.tables.text import normalise

_PAGE_NUMBER = re.compile(
    r"^(?:(?:side|page|sida)\s*\d{1,4}(?:\s*(?:av|of|/)\s*\d{1,4})?"
    r"|[-\u2013\u2014]\s*\d{1,4}\s*[-\u2013\u2014])$",
    re.IGNORECASE,
)
_BARE_NUMBER = re.compile(r"^\d{1,4}$")
# A running head or foot may end or start with the page number: 'Sykefravær 2002 · Side 3'.
_WITH_PAGE_NUMBER = re.compile(r"(?:^|\s)(?:side|page|s\.|sida)\s*\d{1,4}(?:\s*(?:av|of|/)\s*\d{1,4})?\s*$",
                               re.IGNORECASE)


# What a line's text may open with once its spaces and markup are gone, if it is a page
# number (the pattern ignores case, and a long s is an s to it).
_PAGE_NUMBER_OPENINGS = frozenset("sSp\u017fP-\u2013\u2014")
# Every character `squeeze` and `str.strip` take off a line's start.
_LEADING_SPACE = "".join(chr(code) for code in range(0x3001) if chr(code).isspace()) + "\u200b"


# Asked of every line of a document, many alike.
@lru_cache(maxsize=1 << 16)
def is_page_number(text: str) -> bool:
    return _PAGE_NUMBER.match(text.strip()) is not None


def _is_page_number_line(item: Cut) -> bool:
    """A line that is a page number; most lines are told apart by their first character,
    without squeezing their text."""
    opening = item.line.text.lstrip(_LEADING_SPACE)[:1]
    return (opening in _PAGE_NUMBER_OPENINGS or opening == "<") and is_page_number(item.text)


@lru_cache(maxsize=1 << 16)
def _key(text: str) -> str:
    """A running line's text with its numbers (page, year) blanked, to compare across pages."""
    return re.sub(r"\d+", "#", normalise(text))


def find_furniture(cuts: list[Cut]) -> dict[int, str]:
    """Line number → reason, for every line that is page furniture.

    Rule lines anywhere; on paged documents (PDFs, texts with form feeds) the
    first and last lines of a page that are a page number, or whose text (its
    numbers aside) opens or closes another page too and is no table row.
    """
    furniture: dict[int, str] = {item.line.number: RULE_REASON for item in cuts if item.layout == RULE}
    # 'Side 3', 'Page 3 of 9', '- 3 -' say what they are wherever they stand (a text
    # rendering may mark its page breaks by nothing else).
    furniture.update({item.line.number: PAGE_NUMBER for item in cuts
                      if item.layout not in (BLANK, RULE) and _is_page_number_line(item)})
    pages: dict[int, list[Cut]] = defaultdict(list)
    for item in cuts:
        if item.layout not in (BLANK, RULE) and item.line.page is not None:
            pages[item.line.page].append(item)
    for items in pages.values():
        for item in (items[0], items[-1]):
            if is_page_number(item.text) or (_BARE_NUMBER.match(item.text) and not item.is_row):
                furniture[item.line.number] = PAGE_NUMBER
    if len(pages) < 2:
        return furniture
    heads: dict[str, set[int]] = defaultdict(set)
    feet: dict[str, set[int]] = defaultdict(set)
    inside: set[str] = set()  # what also stands inside a page is the document's, not the page's
    for page, items in pages.items():
        depth = min(2, len(items))
        for index, item in enumerate(items):
            if index < depth:
                heads[_key(item.text)].add(page)
            if index >= len(items) - depth:
                feet[_key(item.text)].add(page)
            if depth <= index < len(items) - depth:
                inside.add(_key(item.text))
    for key in inside:
        heads.pop(key, None)
        feet.pop(key, None)
    for items in pages.values():
        _take_running(items, heads, RUNNING_HEAD, furniture)
        _take_running(list(reversed(items)), feet, RUNNING_FOOT, furniture)
    return furniture


def _take_running(items: list[Cut], seen: dict[str, set[int]], reason: str, furniture: dict[int, str]) -> None:
    """The page's first (or last) line if it recurs at that end of other pages; the
    line after it only if it carries the page number.

    A table row never does; nor a line of several cells (a table header repeated at
    the top of every page is the table's, not the page's), nor a numbered table title
    (a title repeated over a continued table is the table's too).
    """
    for depth, item in enumerate(items[:2]):
        if item.line.number in furniture:
            continue
        numbered = _WITH_PAGE_NUMBER.search(item.text) is not None
        several = item.layout in (POSITIONS, PIPES, TABS) and sum(bool(part.strip()) for part in item.parts) > 1
        recurring = len(seen.get(_key(item.text), ())) >= 2
        if item.is_row or starts_with_table_number(item.text) or (several and not numbered) \
                or not (numbered or (recurring and depth == 0)):
            return
        furniture[item.line.number] = reason
