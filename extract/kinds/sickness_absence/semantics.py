"""What an SSB sickness-absence table means.

Its title names sickness-absence man-days (English or Norwegian) and a sex; a
title that names none ('… Quarterly figures.') or both is of both sexes. The
table is by municipality or by county of residence. Its header gives, for two
quarters of one year, the man-days and their change since the same quarter a
year earlier, then the absence rate (% of scheduled man-days) of four quarters:
those two of last year, then of this year; some editions add the rate's change
since last year ('Change in percentage points'), read as its own measure. Quarter
labels are written many ways ('Quarter 2 2002', '2. quarter 2002', '2nd quarter
2002', '2002K2', '2. kvartal 2002'); a footnote marker may be glued to the year
('20041') or set apart ('2008 1'). Rows are the TOTAL, the areas of residence —
municipalities by code ('0101 Halden'; a marker may be glued to the code:
'10716 Re/Våle'), counties by name ('Troms Romsa') or code ('19 Troms') — and
perhaps the remainder SSB allocates to no area ('Uoppgitt, Svalbard, Jan Mayen og
Kontinentalsokkelen', 'Unknown', '00'): an `unallocated` area, never a county.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from extract.tables.text import QUARTER_LABEL, normalise

KIND = "sickness_absence"
TABLE = "absence"
NOT_PUBLISHED = "not_published"
# The sample's notes give '-' as 'not published'; the other symbols are SSB's standard ones.
SYMBOLS = {
    "-": NOT_PUBLISHED,
    "\u2013": NOT_PUBLISHED,
    "..": "missing",
    ":": "confidential",
    ".": "not_applicable",
}
DERIVED = "derived"
# The change cell of a year-earlier quarter: the table prints no change for it.
NOT_PRINTED = "not_printed"

# Area levels of a row.
TOTAL, MUNICIPALITY, COUNTY, UNALLOCATED = "total", "municipality", "county", "unallocated"
AREAS = (MUNICIPALITY, COUNTY, UNALLOCATED)  # the rows a TOTAL sums
_BY_COUNTY = re.compile(r"\bcounty\b|\bcounties\b|fylke", re.IGNORECASE)
_BY_MUNICIPALITY = re.compile(r"municipalit|kommune", re.IGNORECASE)
# The remainder SSB places in no county or municipality: residence unknown, Svalbard,
# Jan Mayen, the continental shelf (a code of zeros, where the row has one).
_UNALLOCATED = re.compile(
    r"^(?:0+\b|uoppgitt|unknown|ukjent|not stated|bosted ukjent|svalbard|jan mayen|kontinentalsokkel"
    r"|continental shelf|utlandet|abroad)",
    re.IGNORECASE,
)

TITLE = re.compile(r"sickness\s*absence|sykefravær|sjukefråvær", re.IGNORECASE)
MAN_DAYS = re.compile(r"man-?\s?days|dagsverk", re.IGNORECASE)
_RATE = re.compile(r"\brate\b|per\s*cent|prosent|sykefraværsprosent", re.IGNORECASE)
_DAYS = re.compile(r"man-?\s?days|dagsverk", re.IGNORECASE)
_CHANGE = re.compile(r"\bchange\b|endring", re.IGNORECASE)

# Word boundaries keep 'Women' from matching 'Men'.
_SEXES = (
    (re.compile(r"\bboth sexes\b|\bbegge kjønn\b|\bmen and women\b|\bmenn og kvinner\b", re.IGNORECASE), "both"),
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
    for match in QUARTER_LABEL.finditer(text):
        quarter = match["q1"] or match["q2"] or match["q3"]
        year = match["y1"] or match["y2"] or match["y3"]
        found.append(Quarter(int(year), int(quarter)))
    return found


def parse_sex(text: str) -> str:
    """The sex a title names: 'both' where it says so ('Both sexes', 'Begge kjønn'),
    names both or none (SSB's titles of both sexes often say nothing: '… Quarterly
    figures.'; 'I alt' names no sex)."""
    found = [sex for pattern, sex in _SEXES if pattern.search(text)]
    return found[0] if len(found) == 1 else "both"


def table_area_level(title: str) -> str | None:
    """`county` or `municipality` where the title says by which the table is
    ('by county of residence', 'etter bostedskommune'); None where it names neither."""
    by_county, by_municipality = _BY_COUNTY.search(title), _BY_MUNICIPALITY.search(title)
    if by_county and not by_municipality:
        return COUNTY
    if by_municipality and not by_county:
        return MUNICIPALITY
    return None


def is_unallocated(label: str) -> bool:
    return bool(_UNALLOCATED.match(normalise(label)))


DAYS, CHANGE, RATE = "days", "change", "rate"
# A block some editions add after the rates: the rate's change since last year.
PERCENTAGE_POINTS, PER_CENT = "percentage_points", "per_cent"
_POINTS = re.compile(r"percentage[\s-]*points?|prosentpoeng", re.IGNORECASE)
_PER_CENT_CHANGE = re.compile(
    r"(?:change|endring)\w*\s+(?:in\s+|i\s+)?(?:per\s*cent|prosent)\b|per\s*cent(?:age)?\s+change|prosentvis\s+endring",
    re.IGNORECASE,
)


def rate_change_unit(text: str) -> str | None:
    """The unit of a rate-change block its header names ('Change in percentage points
    since last year', 'Endring i prosent'), or None where the header does not say."""
    if _POINTS.search(text):
        return PERCENTAGE_POINTS
    if _PER_CENT_CHANGE.search(text):
        return PER_CENT
    return None


def names_rate(text: str) -> bool:
    """A header that names the absence rate ('Sickness absence rate', 'Per cent', 'Sykefraværsprosent')."""
    return bool(_RATE.search(text))


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
