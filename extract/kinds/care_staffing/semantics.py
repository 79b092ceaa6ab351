"""What an SSB care-staffing table means: man-years by type of education and municipality.

The title names man-years, education and municipality (in English or
Norwegian); the header's labels are the types of education, one of them the
total; each row is a municipality (code and name) or the whole country, and
its cells are man-years with two decimals. The total column is the sum of the
others (exactly, on every row of 1999): that settles how the values of a row
whose cells and thousands are separated alike are grouped.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal

from extract.tables.cells import NBSP, SSB_SYMBOLS

KIND = "care_staffing"
TABLE = "man_years"
SYMBOLS = SSB_SYMBOLS

TITLE = re.compile(r"(?:man-?\s?years|årsverk).*(?:education|utdanning).*(?:municipalit|kommune)", re.IGNORECASE)
YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")
TOTAL_TYPE = "total"
_TOTAL_LABEL = re.compile(r"\btotal\b|\bi alt\b|\bsum\b|\btotalt\b")
# A column of changes or shares is not man-years of a type of education: a column the
# kind does not know, listed among the document's facts and left out of its rows.
_NOT_MAN_YEARS = re.compile(r"per ?cent|prosent|%|\bchange|\bendring|\bandel\b|\bshare\b", re.IGNORECASE)
# Stable codes for labels whose published spelling is a slip, so a corrected
# edition keeps the same code.
CODE_ALIASES = {
    "nursing_assistents": "nursing_assistants",
    "other_personnel_in_clientdirected_services": "other_personnel_in_client_directed_services",
}
# Rounding of the published figures: each to two decimals, so the total may differ
# from the sum of its parts by half a hundredth per part.
HALF_HUNDREDTH = Decimal("0.005")
# SSB's country row is the sum of the printed (rounded) municipality figures: the
# column totals agree to the hundredth, as the dbt test of them requires.
COLUMN_TOTAL_TOLERANCE = Decimal("0.01")
# Rows the column totals may name as possibly swapped before they say nothing: a
# few rows rejected cost less than the whole table quarantined in dbt.
MAX_SWAP_SUSPECTS = 3
# The status of a damaged cell read from the country total less the other rows.
RESOLVED_BY_TOTAL = "resolved_by_total"

# Words that join a capitalised word to the label before it ('Registered nurses for
# the mentally subnormal'): labels are sentence case, names inside them are not.
_CONNECTORS = {"in", "for", "of", "and", "the", "with", "to", "on", "at", "i", "og", "med", "av", "på", "til"}


def education_type_code(label: str) -> str:
    """'Ergo-therapists' → 'ergo_therapists'; a label with 'total' → 'total'."""
    folded = unicodedata.normalize("NFKD", label).encode("ascii", "ignore").decode().lower()
    if _TOTAL_LABEL.search(folded):
        return TOTAL_TYPE
    code = re.sub(r"[^a-z0-9]+", "_", re.sub(r"\d+(?=,)", "", folded)).strip("_")
    return CODE_ALIASES.get(code, code)


def is_man_years_label(label: str) -> bool:
    """A header label that names man-years (of a type of education, or their total)."""
    return not _NOT_MAN_YEARS.search(label)


def starts_label(token: str, previous: str | None) -> bool:
    """A label starts at a capitalised word, unless it is an acronym or follows a connector."""
    if previous is None:
        return True
    is_acronym = len(token) > 1 and token.rstrip(",.;:").isupper()
    return token[0].isupper() and not is_acronym and previous.lower() not in _CONNECTORS


def split_header_labels(header_text: str) -> list[str]:
    """A header printed as running text, split into its labels at capitalised words."""
    labels: list[list[str]] = []
    previous: str | None = None
    for token in header_text.split():
        token = token.strip(NBSP)
        if not token:
            continue
        if starts_label(token, previous):
            labels.append([token])
        else:
            labels[-1].append(token)
        previous = token
    # A footnote marker glued to a word ('Man-years1,') is not part of the label.
    return [re.sub(r"(?<=[A-Za-z])\d+(?=,|$)", "", " ".join(words)) for words in labels]
