"""What NAV's monthly tiltak report means: participants in labour-market measures.

The report is a run of small tables under a heading naming its month range
('Januar 2026 - April 2026'). Each has a header of the year-to-date average
('Gjennomsnitt hittil i år') and one column per month, then an 'I alt' line:

- 'I alt' alone: the national overview, one row per measure;
- 'I alt <target group>': one target group, one row per measure;
- 'I alt <measure>': one measure broken down by county, municipality, sex, age
  band, immigrant status, world region or education (the rows tell which).

Measure names are compared without spaces (the rendering splits words:
'Arbeidsforbere dende'), slips matched to the nearest known name. `*` is NAV's
suppression of values below 4.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from extract.tables.cells import EMPTY, NAV_SYMBOLS, PUBLISHED, Cell, cell_reader, strip_markup
from extract.tables.labels import parse_label
from extract.tables.text import DASHES, MONTHS, compact, normalise, squeeze

KIND = "tiltak"
TABLE = "participants"
SYMBOLS = NAV_SYMBOLS
read_cell = cell_reader(SYMBOLS)  # a participant count or NAV's '*'
SUPPRESSED_BELOW = 4  # NAV's rule: values below 4 are printed as '*'


@dataclass(frozen=True)
class Count:
    """A cell read as NAV's count of participants: a whole number of at least
    `SUPPRESSED_BELOW`, or '*'. `participants` is None for '*' and for no count."""

    cell: Cell
    participants: int | None
    fraction: bool = False  # published, but not a whole number
    below: bool = False  # published below what NAV prints (damage: a '*' read as a digit)
    is_count: bool = True  # neither of these, nor empty


# A report's cells are a few thousand distinct texts: each read once.
@lru_cache(maxsize=1 << 16)
def read_count(text: str) -> Count:
    """A cell as a count of participants; raises CellError for a cell that is no number or symbol."""
    cell = read_cell(text)
    if cell.status != PUBLISHED:
        return Count(cell, None, is_count=cell.status != EMPTY)
    whole = cell.value == cell.value.to_integral_value()
    below = cell.value < SUPPRESSED_BELOW
    return Count(cell, int(cell.value) if whole else None, fraction=not whole, below=below,
                 is_count=whole and not below)


_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_RANGE = re.compile(
    rf"^(?:#+\s*)?(?:(?:periode|period)\s*:?\s*)?(?P<m1>{_MONTH})\.?\s*(?P<y1>\d{{4}})?"
    rf"(?:\s*[{DASHES}]\s*(?P<m2>{_MONTH})\.?\s*(?P<y2>\d{{4}}))?\s*\.?$",
    re.IGNORECASE,
)
SUPPRESSION_NOTE = re.compile(r"mindre enn (?P<n>\d+) med spesialtegn\s*«\\?(?P<symbol>.)»")

MEASURES = {
    "arbeidsforberedendetrening": "arbeidsforberedende_trening",
    "arbeidstrening": "arbeidstrening",
}
# How close a folded name must be to a known measure to be read as it; the
# sample's worst slip ('arbeidsforberededendetrening') scores 0.96, the other
# measure about 0.7.
MEASURE_SIMILARITY = 0.85
ALL_MEASURES = "all"
YTD_AVERAGE, MONTH = "ytd_average", "month"  # what a record counts: the year-to-date average, or a month

TOTAL, TARGET_GROUP = "total", "target_group"
COUNTY, MUNICIPALITY, SEX, AGE_BAND = "county", "municipality", "sex", "age_band"
IMMIGRANT_STATUS, WORLD_REGION, EDUCATION = "immigrant_status", "world_region", "education"
CATEGORICAL = (SEX, AGE_BAND, IMMIGRANT_STATUS, WORLD_REGION, EDUCATION)

# `Ukjent` has no code in the document; these are the codes SSB uses for an
# unknown county/municipality, so they cannot collide with a real one.
UNKNOWN_LABEL = "ukjent"
UNKNOWN_CODES = {COUNTY: "99", MUNICIPALITY: "9999", WORLD_REGION: "ukjent"}

_AGE_BAND_OPEN = re.compile(r"^(?P<side>under|over)\s+(?P<n>\d{1,3})\s+år$", re.IGNORECASE)
_AGE_BAND = re.compile(r"^(?P<low>\d{1,3})(?:\s*[-\u2013]\s*(?P<high>\d{1,3}))?\s+år(?:\s+(?:og|eller)\s+"
                       r"(?P<side>under|over|eldre|yngre)|\s*(?P<plus>\+))?$", re.IGNORECASE)
# Keyword → code, checked in order (the first keyword found in the folded label wins).
_CATEGORY_KEYWORDS: dict[str, tuple[tuple[str, str], ...]] = {
    SEX: (("kvinne", "kvinner"), ("menn", "menn"), ("mann", "menn")),
    IMMIGRANT_STATUS: (
        ("ikkeinnvandr", "ikke_innvandrere"), ("befolkningenellers", "ikke_innvandrere"),
        ("innvandr", "innvandrere"),
    ),
    WORLD_REGION: (
        ("amerika", "amerika_oseania"), ("oceania", "amerika_oseania"), ("oseania", "amerika_oseania"),
        ("afrika", "afrika"), ("asia", "asia"), ("europa", "europa"),
    ),
    EDUCATION: (
        ("grunnskole", "grunnskole"), ("videregående", "videregaende"),
        ("kortinntil", "hoyere_kort"), ("over4år", "hoyere_lang"), ("lang", "hoyere_lang"),
        ("uoppgitt", "uoppgitt"), ("ingenfullført", "uoppgitt"),
    ),
}
_TARGET_GROUPS = (("arbeidssøkere", "arbeidssokere"), ("nedsattarbeidsevne", "nedsatt_arbeidsevne"), ("andre", "andre"))
_YTD = ("gjennomsnitthittil", "gjsnitthittil", "gjennomsnitt", "snitthittiliår")


# A report's thousands of row labels are a few hundred names, each met several times.
@lru_cache(maxsize=1 << 14)
def fold(text: str) -> str:
    """Names compared with spaces, hyphens and markup removed and case folded."""
    return compact(text).replace("-", "")


def slug(text: str) -> str:
    folded = normalise(strip_markup(text)).replace("æ", "ae").replace("ø", "o").replace("å", "a")
    return re.sub(r"[^a-z0-9]+", "_", folded).strip("_")


def clean_name(text: str) -> str:
    """The name as published: markup stripped, spaces (split words included) kept."""
    return squeeze(text)


def is_total_label(label: str) -> bool:
    return fold(label).startswith("ialt")


# Asked of every heading and title of a report, most of them alike.
@lru_cache(maxsize=1 << 12)
def month_range(text: str) -> tuple[date, date] | None:
    """'### Januar 2026 - April 2026' → (2026-01-01, 2026-04-01); 'Januar–April 2026' too;
    None if the text is not a heading of months."""
    match = _RANGE.match(squeeze(text))
    if match is None or not (match["y1"] or match["y2"]):
        return None
    last_year = int(match["y2"] or match["y1"])
    first = date(int(match["y1"] or last_year), MONTHS[match["m1"].lower()], 1)
    last = date(last_year, MONTHS[match["m2"].lower()], 1) if match["m2"] else first
    return (first, last) if first <= last else None


@lru_cache(maxsize=1 << 12)
def is_ytd_label(label: str) -> bool:
    folded = fold(label)
    return any(folded.startswith(prefix) for prefix in _YTD)


# A report names its two measures hundreds of times (slips alike): each name compared once.
@lru_cache(maxsize=1 << 12)
def match_measure(label: str) -> tuple[str | None, bool]:
    """(tiltak_type, exact): the measure a published name stands for, if any."""
    folded = fold(label)
    if folded in MEASURES:
        return MEASURES[folded], True
    scored = sorted(
        ((difflib.SequenceMatcher(None, folded, known).ratio(), code) for known, code in MEASURES.items()),
        reverse=True,
    )
    if scored[0][0] >= MEASURE_SIMILARITY and scored[0][0] - scored[1][0] > 0.1:
        return scored[0][1], False
    return None, False


def age_band_code(label: str) -> str | None:
    """'20-24 år' → '20_24'; '19 år og under' → '0_19'; '60 år og over' → '60_plus';
    'Under 20 år' → '0_19'; 'Over 66 år' → '67_plus' (bands are whole years)."""
    open_band = _AGE_BAND_OPEN.match(label.strip())
    if open_band:
        n = int(open_band["n"])
        return f"0_{n - 1}" if open_band["side"].lower() == "under" else f"{n + 1}_plus"
    match = _AGE_BAND.match(label.strip())
    if match is None:
        return None
    if match["high"]:
        return f"{match['low']}_{match['high']}"
    if match["side"] in ("under", "yngre"):
        return f"0_{match['low']}"
    if match["side"] in ("over", "eldre") or match["plus"]:
        return f"{match['low']}_plus"
    return match["low"]


@dataclass(frozen=True)
class RowKey:
    """What a row's label says: the kind of table it belongs in, its code and name."""

    dimension: str | None  # None: `Ukjent`, which belongs to whatever table it is in
    code: str | None
    name: str


@lru_cache(maxsize=1 << 14)
def classify_label(label: str) -> RowKey | None:
    """The dimension and code a row label names, or None if it names none we know."""
    name = clean_name(label)
    folded = fold(name)
    if folded == UNKNOWN_LABEL:
        return RowKey(None, None, name)
    if (code := age_band_code(name)) is not None:
        return RowKey(AGE_BAND, code, name)
    parsed = parse_label(name, code_lengths=(2, 4))
    if parsed.code is not None and parsed.name[:1].isalpha() and not re.match(r"år\b", parsed.name):
        dimension = MUNICIPALITY if len(parsed.code) == 4 else COUNTY
        return RowKey(dimension, parsed.code, parsed.name)
    for dimension, keywords in _CATEGORY_KEYWORDS.items():
        for keyword, code in keywords:
            if keyword in folded:
                return RowKey(dimension, code, name)
    return None


def target_group_code(label: str) -> str:
    folded = fold(label)
    return next((code for keyword, code in _TARGET_GROUPS if keyword in folded), slug(label))


def has_code(label: str) -> bool:
    return parse_label(clean_name(label), code_lengths=(2, 4)).code is not None
