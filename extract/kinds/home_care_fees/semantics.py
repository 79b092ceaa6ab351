"""What an SSB home-care user-payment table means (brukerbetaling for hjemmetjenester).

The title names user payments for home services and a year. The header gives
the share of users who pay, the payment per user, and for each income band
(in multiples of G: 'under 2 G', '2-3 G', … 'over 5 G') its price types
(subscription and hourly price): a band spans its price columns. Rows are
municipalities ('0101 Halden'), counties ('01 Østfold'), the country, and in a
'Bydeler' section city districts ('Gamle Oslo (Oslo)'). A footnote defines G,
the symbols `.` (not answered) and `..` (missing), and says the figures are
preliminary: its statements become facts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from extract.tables.cells import PUBLISHED, parse_number
from extract.tables.text import normalise

KIND = "home_care_fees"
SYMBOLS = {".": "not_answered", "..": "missing"}
STATUSES = (PUBLISHED, *SYMBOLS.values())

TITLE = re.compile(r"brukerbetaling\w*\s+(?:for|i|til)\s+(?:de\s+)?hjemme\w*|user\s+payments?.*home", re.IGNORECASE)
YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")
SHARE = "share_paying_pct"
PAYMENT = "payment_per_user_nok"
PRICE = "price"
MUNICIPALITY, DISTRICT, COUNTY, COUNTRY = "municipality", "district", "county", "country"
# What each value can be, far beyond any published one (2006: shares to 108 %, payments
# per user to 47 383 NOK a year, hourly prices to 318 and subscriptions to 3 720 NOK a
# month): a row whose cells and thousands are separated alike is settled by these, a
# thousands group moved between two cells making some value a thousand times too large.
PLAUSIBLE_MAXIMUM = {SHARE: Decimal(200), PAYMENT: Decimal(1_000_000), "hourly": Decimal(2_000),
                     "subscription": Decimal(50_000)}

_NUMBER_G = r"(\d+(?:[,.]\d+)?)"
_BAND_UNDER = re.compile(rf"\b(?:under|below|less than)\s+{_NUMBER_G}\s*G\b", re.IGNORECASE)
_BAND_OVER = re.compile(rf"\b(?:over|above|more than)\s+{_NUMBER_G}\s*G\b", re.IGNORECASE)
_BAND_RANGE = re.compile(rf"\b{_NUMBER_G}\s*[-\u2013]\s*{_NUMBER_G}\s*G\b", re.IGNORECASE)
_PRICE_TYPES = {"abonnementspris": "subscription", "abonnement": "subscription", "subscription": "subscription",
                "timepris": "hourly", "timesats": "hourly", "pris per time": "hourly", "hourly": "hourly"}
_DISTRICT_LABEL = re.compile(r"^(?P<name>\S.*?)\s*\((?P<parent>[^()]*\S[^()]*)\)$")
DISTRICT_SECTION = re.compile(r"^\s*bydel(?:er)?\s*:?\s*$", re.IGNORECASE)
# The label over the row labels: not a value column.
STUB = re.compile(r"^(?:kommune|municipality|region|område|area|fylke|county|bydel|sted)\b")
COUNTRY_LABELS = ("hele landet", "heile landet", "landet", "i alt", "alle kommuner", "hele landet i alt")

_G_AMOUNT = re.compile(
    r"grunnbeløp.*?(?P<amount>\d{1,3}(?:[ \u00a0]\d{3})+|\d{4,})\s*kroner(?:\s+i\s+(?P<year>(?:19|20)\d\d))?",
    re.IGNORECASE,
)
_SYMBOL_DEFINITION = re.compile(r"(?:^|\s)(?P<symbol>\.{1,3})\s*=\s*(?P<meaning>[^.]+)")
_PRELIMINARY = re.compile(r"\bforeløpige\b", re.IGNORECASE)


@dataclass(frozen=True)
class IncomeBand:
    code: str
    label: str
    lower_g: Decimal
    upper_g: Decimal | None


def _g_code(value: Decimal) -> str:
    return format(value.normalize(), "f").replace(".", "p")


def income_band(label: str) -> IncomeBand | None:
    """'Brukerbetaling 2-3 G' → IncomeBand('2_3g', …, 2, 3); None if the label names no band."""
    if match := _BAND_UNDER.search(label):
        upper = parse_number(match[1])
        return IncomeBand(f"under_{_g_code(upper)}g", label, Decimal(0), upper)
    if match := _BAND_OVER.search(label):
        lower = parse_number(match[1])
        return IncomeBand(f"over_{_g_code(lower)}g", label, lower, None)
    if match := _BAND_RANGE.search(label):
        lower, upper = parse_number(match[1]), parse_number(match[2])
        return IncomeBand(f"{_g_code(lower)}_{_g_code(upper)}g", label, lower, upper)
    return None


def measure_of(label: str) -> str | None:
    folded = normalise(label)
    if "andel" in folded and "betal" in folded or "share" in folded and "pay" in folded:
        return SHARE
    if "per bruker" in folded or "pr. bruker" in folded or "per user" in folded:
        return PAYMENT
    return None


def price_type_of(label: str) -> str | None:
    return _PRICE_TYPES.get(re.sub(r"[\s\d]+$", "", normalise(label)))


# The header's labels in running text (a rendering that separates labels and words alike).
_LABEL_IN_TEXT = re.compile(
    rf"(?:brukerbetaling\s+)?(?:(?:under|below|over|above)\s+{_NUMBER_G}\s*G|{_NUMBER_G}\s*[-\u2013]\s*{_NUMBER_G}\s*G)\b"
    r"|andel(?:\s+\w+){0,3}?\s+(?:som\s+)?betaler|brukerbetaling\s+p(?:e)?r\.?\s+bruker"
    r"|abonnementspris|timepris|timesats",
    re.IGNORECASE,
)


def labels_in_text(text: str) -> list[str]:
    """'Kommune Andel som betaler Brukerbetaling per bruker Brukerbetaling under 2 G …'
    → ['Andel som betaler', 'Brukerbetaling per bruker', 'Brukerbetaling under 2 G', …]."""
    return [re.sub(r"\s+", " ", match[0]) for match in _LABEL_IN_TEXT.finditer(text)]


def district_of(label: str) -> tuple[str, str] | None:
    """'Gamle Oslo (Oslo)' → ('Gamle Oslo', 'Oslo'); the space may be missing: 'Distrikt Nord(Harstad)'."""
    match = _DISTRICT_LABEL.match(label)
    return (match["name"].strip(), match["parent"].strip()) if match else None


def footnote_facts(text: str) -> list[tuple[str, str]]:
    """What the footnote states: the G amount and its year, the symbols, preliminary figures."""
    facts: list[tuple[str, str]] = []
    if match := _G_AMOUNT.search(text):
        facts.append(("g_average_nok", str(parse_number(match["amount"]))))
        if match["year"]:
            facts.append(("g_year", match["year"]))
    for match in _SYMBOL_DEFINITION.finditer(text):
        status = SYMBOLS.get(match["symbol"], "unknown")
        facts.append((f"symbol_{status}", f"{match['symbol']} = {match['meaning'].strip()}"))
    if _PRELIMINARY.search(text):
        facts.append(("preliminary", "true"))
    return facts
