"""What an SSB sickness-absence table means.

Its title names sickness-absence man-days (English or Norwegian) and a sex.
Its header gives, for two quarters of one year, the man-days and their change
since the same quarter a year earlier, then the absence rate (% of scheduled
man-days) of four quarters: those two of last year, then of this year. Quarter
labels are written many ways ('Quarter 2 2002', '2. quarter 2002', '2nd quarter
2002', '2002K2', '2. kvartal 2002'); a footnote marker may be glued to the year
('20041') or set apart ('2008 1'). Rows are the TOTAL and municipalities of
residence (a marker may be glued to the code: '10716 Re/Våle').
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from extract.tables.text import normalise

KIND = "sickness_absence"
TABLE = "absence"
NOT_PUBLISHED = "not_published"
SYMBOLS = {"-": NOT_PUBLISHED, "\u2013": NOT_PUBLISHED}
DERIVED = "derived"
NOT_APPLICABLE = "not_applicable"

TITLE = re.compile(r"sickness\s*absence|sykefravær|sjukefråvær", re.IGNORECASE)
MAN_DAYS = re.compile(r"man-?\s?days|dagsverk", re.IGNORECASE)
_RATE = re.compile(r"\brate\b|per\s*cent|prosent|sykefraværsprosent", re.IGNORECASE)
_DAYS = re.compile(r"man-?\s?days|dagsverk", re.IGNORECASE)
_CHANGE = re.compile(r"\bchange\b|endring", re.IGNORECASE)

_YEAR = r"(?P<y>(?:19|20)\d\d)"
_QUARTER = re.compile(
    r"(?:quarter|kvartal)\s*(?P<q1>[1-4])\.?\s+(?P<y1>(?:19|20)\d\d)"
    r"|(?P<q2>[1-4])(?:\.|st|nd|rd|th)?\s*(?:quarter|kvartal)\s+(?P<y2>(?:19|20)\d\d)"
    r"|(?P<y3>(?:19|20)\d\d)\s*[KQ](?P<q3>[1-4])",
    re.IGNORECASE,
)
# Word boundaries keep 'Women' from matching 'Men'.
_SEXES = (
    (re.compile(r"\bboth sexes\b|\bbegge kjønn\b", re.IGNORECASE), "both"),
    (re.compile(r"\bwomen\b|\bkvinner\b", re.IGNORECASE), "women"),
    (re.compile(r"\bmen\b|\bmenn\b", re.IGNORECASE), "men"),
)


@dataclass(frozen=True, order=True)
class Quarter:
    year: int
    quarter: int

    def year_before(self) -> Quarter:
        return Quarter(self.year - 1, self.quarter)

    def __str__(self) -> str:
        return f"Quarter {self.quarter} {self.year}"


def quarters_in(text: str) -> list[Quarter]:
    """Every quarter label in `text`, in order (a marker glued to a year aside: '20041')."""
    text = re.sub(r"(?<!\d)((?:19|20)\d\d)\d{1,2}(?!\d)", r"\1", normalise(text))
    found = []
    for match in _QUARTER.finditer(text):
        quarter = match["q1"] or match["q2"] or match["q3"]
        year = match["y1"] or match["y2"] or match["y3"]
        found.append(Quarter(int(year), int(quarter)))
    return found


def parse_sex(text: str) -> str | None:
    found = [sex for pattern, sex in _SEXES if pattern.search(text)]
    # 'Both sexes' may sit beside 'Men'/'Women' in a longer title; it wins then.
    if "both" in found:
        return "both"
    return found[0] if len(found) == 1 else None


DAYS, CHANGE, RATE = "days", "change", "rate"


def measure_of(path: tuple[str, ...]) -> str | None:
    """What a header column holds, from its labels (group first): man-days,
    change since last year, or a rate; None for a block we do not know."""
    text = " ".join(path)
    leaf = path[-1] if path else ""
    if _CHANGE.search(leaf) and not _RATE.search(leaf):
        return CHANGE
    if _DAYS.search(leaf):
        return DAYS
    if quarters_in(leaf) and not _CHANGE.search(text):
        return RATE
    if _RATE.search(leaf) and quarters_in(text):
        return RATE
    return None
