"""Text helpers every reader and kind shares: written once.

Spaces of every kind, hyphens broken over lines, footnote markers glued to a
word or a year, month and period words in Norwegian and English.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from datetime import date
from functools import lru_cache

from extract.tables.cells import SPACES, strip_markup

DASHES = "-\u2010\u2011\u2012\u2013\u2014\u2212"
_RUN_OF_SPACES = re.compile(f"[{re.escape(SPACES)}\u200b]+")
_DASH = re.compile(f"[{DASHES[1:]}]")
_SUPERSCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")
_SUPERSCRIPT = re.compile("[⁰¹²³⁴⁵⁶⁷⁸⁹]+")
# A footnote marker glued to a word: 'Man-years1,', 'country1'. Not a quarter code
# ('2009K3'), a G amount ('2G') or a word that is a code itself.
_GLUED_TO_WORD = re.compile(r"(?<=[^\W\d_]{3})(?<![0-9][KQ])(?P<marker>\d{1,2})(?=[,.;:)]?(?:\s|$))")
# A marker glued to a year ('20041') or set apart after a year that ends a label ('2008 1').
_GLUED_TO_YEAR = re.compile(r"(?<!\d)(?P<year>(?:19|20)\d\d)(?P<marker>\d{1,2})(?!\d)")
_AFTER_YEAR = re.compile(r"(?<!\d)(?P<year>(?:19|20)\d\d)\s+(?P<marker>\d{1,2})\s*$")

# A quarter label as publishers write it: 'Quarter 2 2002', '2. quarter 2002', '2nd quarter
# 2002', '2002K2', '2. kvartal 2002' (groups q1-q3 the quarter, y1-y3 the year).
QUARTER_LABEL = re.compile(
    r"(?:quarter|kvartal)\s*(?P<q1>[1-4])\.?\s+(?P<y1>(?:19|20)\d\d)"
    r"|(?P<q2>[1-4])(?:\.|st|nd|rd|th)?\s*(?:quarter|kvartal)\s+(?P<y2>(?:19|20)\d\d)"
    r"|(?P<y3>(?:19|20)\d\d)\s*[KQ](?P<q3>[1-4])",
    re.IGNORECASE,
)

MONTHS: dict[str, int] = {
    **{name: number for number, name in enumerate(
        ("januar", "februar", "mars", "april", "mai", "juni", "juli", "august", "september", "oktober",
         "november", "desember"), start=1)},
    **{name: number for number, name in enumerate(
        ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
         "november", "december"), start=1)},
    **{name: number for number, name in enumerate(
        ("jan", "feb", "mar", "apr", "mai", "jun", "jul", "aug", "sep", "okt", "nov", "des"), start=1)},
    "may": 5, "oct": 10, "dec": 12, "sept": 9,
}


@lru_cache(maxsize=1 << 16)
def squeeze(text: str) -> str:
    """Markup removed, spaces of every kind collapsed to one, ends trimmed."""
    return _RUN_OF_SPACES.sub(" ", strip_markup(text)).strip()


@lru_cache(maxsize=65536)
def normalise(text: str) -> str:
    """For comparing labels: case, spaces, dashes, markup and diacritics other than
    æøå do not matter ('Sickness  absence– man-days' ~ 'sickness absence- man-days')."""
    text = squeeze(text).translate(_SUPERSCRIPTS).casefold()
    text = _DASH.sub("-", text)
    decomposed = unicodedata.normalize("NFKD", text.replace("å", "\0a").replace("ø", "\0o").replace("æ", "\0e"))
    # The combining marks among the text's characters, each asked once (a long text has few kinds).
    for mark in {char for char in set(decomposed) if unicodedata.combining(char)}:
        decomposed = decomposed.replace(mark, "")
    return decomposed.replace("\0a", "å").replace("\0o", "ø").replace("\0e", "æ")


def compact(text: str) -> str:
    """A label without any spaces, normalised: for renderings that split words
    ('Arbeidsforbere dende', 'Gjennom snitt')."""
    return normalise(text).replace(" ", "")


def join_wrapped(parts: Iterable[str]) -> str:
    """Parts of a label printed on several lines, joined: a word broken with a
    hyphen at a line end ('Ergo-' / 'therapists') is one word again, with its
    hyphen ('Ergo-therapists'), as the publisher's label reads."""
    text = ""
    for part in parts:
        part = squeeze(part)
        if not part:
            continue
        if text.endswith("-") and not text.endswith(" -") and part[:1].isalpha():
            text += part
        else:
            text = f"{text} {part}" if text else part
    return text


def split_markers(text: str) -> tuple[str, tuple[str, ...]]:
    """A title's or label's footnote markers separated out, and the text without them.

    'Man-years1, by type …' → ('Man-years, by type …', ('1',)); 'hjemmetjenester. 2006 1'
    and 'hjemmetjenester. 20061' → (… '2006', ('1',)); superscripts ('¹') likewise.
    """
    markers: list[str] = []

    def take(match: re.Match[str]) -> str:
        markers.append(match["marker"])
        return match.groupdict().get("year") or ""

    text = _SUPERSCRIPT.sub(lambda m: (markers.append(m[0].translate(_SUPERSCRIPTS)), "")[1], text)
    text = _GLUED_TO_YEAR.sub(take, text)
    text = _AFTER_YEAR.sub(take, text)
    text = _GLUED_TO_WORD.sub(take, text)
    return squeeze(text), tuple(markers)


_YEAR = r"(?:19|20)\d\d"
_MONTH_WORD = "|".join(sorted(MONTHS, key=len, reverse=True))
_TERM = r"h[øa]u?st(?:en)?|vår(?:en)?|spring|autumn|fall"
_QUARTER = QUARTER_LABEL.pattern
PERIOD_HEADING = re.compile(
    rf"^(?:(?:{_MONTH_WORD})\.?\s+(?:{_YEAR}\s*)?(?:[{DASHES}]\s*(?:{_MONTH_WORD})\.?\s+)?{_YEAR}"
    rf"|(?:{_TERM})\s+{_YEAR}|{_QUARTER}|{_YEAR}(?:\s*[{DASHES}]\s*{_YEAR})?)\.?$",
    re.IGNORECASE,
)


# Asked of every label line of a document, many alike (a report's headings repeat).
@lru_cache(maxsize=1 << 16)
def is_period_heading(text: str) -> bool:
    """A line that only names a period: 'Januar 2026 - April 2026', '1999', 'Høsten 2018',
    '2. kvartal 2002' (its source, if printed beside it, set aside: see `split_source`)."""
    text = re.sub(r"^#+\s*", "", squeeze(text))  # a markdown heading's marks
    return PERIOD_HEADING.match(split_source(text)[0].strip(" .:")) is not None


@lru_cache(maxsize=1 << 16)
def period_words(text: str) -> int:
    """How many month names, quarter labels and years `text` holds: a header's, a row's none."""
    words = normalise(text).split()
    return sum(word.strip(".,") in MONTHS or bool(re.fullmatch(r"(?:19|20)\d\d(?:k[1-4])?", word)) for word in words)


_SOURCE = re.compile(r"(?:^|[.;,]\s*|\s+)(?P<source>(?:kilde|kjelde|source)\s*:\s*.+)$", re.IGNORECASE)


def split_source(text: str) -> tuple[str, str | None]:
    """'1999. Kilde: SSB' → ('1999', 'Kilde: SSB'); text without a source is returned as is."""
    match = _SOURCE.search(text)
    if match is None:
        return text, None
    return text[: match.start()].rstrip(" .;,"), match["source"].strip()


@lru_cache(maxsize=1 << 16)
def month_of(word: str) -> int | None:
    return MONTHS.get(normalise(word).strip(".:"))


def next_month(month: date) -> date:
    return date(month.year + month.month // 12, month.month % 12 + 1, 1)


def months_between(first: date, last: date) -> list[date]:
    months = []
    current = first
    while current <= last:
        months.append(current)
        current = next_month(current)
    return months
