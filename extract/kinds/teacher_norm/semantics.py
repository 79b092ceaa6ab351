"""What the Ministry of Education's teacher-norm article means.

The article (nynorsk or bokmål prose on regjeringen.no) announces the teacher
norm and its funding, then prints a table: county headings, and per
municipality (by name only, no code) the man-years missing to meet the norm,
the compensation in NOK and the man-years it funds. The header's labels name
the three measures, the period (`Kompensasjon høsten 2018`) and the date of the
municipality structure the names follow (`kommuner og fylker per oktober
2017`). The prose states the period's total ('700 millionar kroner', 'om lag
2 300 lærarar'): a fact the dbt tests hold the sum of the rows against.

Period: `Høsten 2018`/`Hausten 2018` → `2018-H2`, `Våren 2019` → `2019-H1`
(school terms: the spring term is the first half of the year, the autumn term
the second), so periods sort and join as text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date
from decimal import Decimal

from extract.kinds.base import Fact, Reject
from extract.tables import Line
from extract.tables.text import MONTHS, squeeze

KIND = "teacher_norm"
PARSER_VERSION = "4"
TABLE = "compensation"

# The article prints no symbols; a lone dash or dots would stand for "nothing"
# or "missing" without the article saying which, so they keep their own status.
SYMBOLS = {"-": "dash", "\u2013": "dash", "..": "missing", ".": "not_applicable"}

MISSING = "missing_man_years"
COMPENSATION = "compensation_nok"
FUNDED = "funded_man_years"
NAME = "name"
VALUE_COLUMNS = (MISSING, COMPENSATION, FUNDED)
TOPIC = ("lærartettleik", "lærertetthet", "lærarnorm", "lærernorm", "lærartetthet")

_TERM = r"(?P<term>h[øa]u?sten|våren)"
PERIOD = re.compile(rf"\b{_TERM}\s+(?P<year>(?:19|20)\d\d)\b", re.IGNORECASE)
_STRUCTURE = re.compile(
    r"kommun(?:er|ar)\s+og\s+fylke(?:r)?\s+(?:per\.?|pr\.?|per\s+1\.?)\s*(?P<month>[a-zæøå]+)\s+(?P<year>(?:19|20)\d\d)",
    re.IGNORECASE,
)
_PUBLISHER = re.compile(r"^\s*(?:Utgjevar|Utgiver)\s*:\s*(?P<name>\S.*?)\s*$")
_GOVERNMENT = re.compile(r"^\s*Publisert under\s*:\s*(?P<name>\S.*?)\s*$")
_BOILERPLATE = re.compile(r"^\s*(Historisk arkiv|Pressemelding|Nyhet|Artikkel)\s*$", re.IGNORECASE)
_NORM = re.compile(r"\bnorm\s+på\s+(?P<norm>\d+(?:/\d+)+)")
_AMOUNT = re.compile(
    r"(?P<number>\d+(?:[ \u00a0]\d{3})*(?:,\d+)?)\s+(?P<unit>millionar|millioner|milliardar|milliarder)\s+kroner",
    re.IGNORECASE,
)
_UNITS = {"millionar": 10**6, "millioner": 10**6, "milliardar": 10**9, "milliarder": 10**9}
_MAN_YEARS = re.compile(
    r"(?P<about>om\s*lag|omlag|cirka|ca\.|rundt)?\s*(?P<number>\d+(?:[ \u00a0]\d{3})*)\s+"
    r"(?:nye\s+|fleire\s+|flere\s+)?(?:lærarar|lærere|lærarårsverk|lærerårsverk|årsverk)\b",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[–\-A-ZÆØÅ])")
_TOTAL_LABEL = re.compile(r"^(sum|i alt|totalt|total|hele landet|heile landet|landet|norge)\b", re.IGNORECASE)
# Words by which an article says its table lists some municipalities or counties only
# (nynorsk 'utval', 'utvalde'; bokmål 'utvalg', 'utvalgte'; English 'selected').
_SELECTION = re.compile(r"\b(?:utval(?:g|gte|de|t)?|selected|a selection)\b", re.IGNORECASE)
_COUNTRY_LABEL = re.compile(r"\b(hele landet|heile landet|landet|norge|totalt)\b", re.IGNORECASE)


def period_code(term: str, year: int) -> str:
    """'Høsten', 2018 → '2018-H2'; 'Våren', 2019 → '2019-H1'."""
    half = 1 if term.lower().startswith("vår") else 2
    return f"{year}-H{half}"


def period_start(code: str) -> date:
    year, half = code.split("-H")
    return date(int(year), 1 if half == "1" else 8, 1)


def classify_header(text: str) -> str | None:
    """The column a header block names, from its words."""
    lowered = squeeze(text).lower()
    if "mangler" in lowered or "manglar" in lowered:
        return MISSING
    if "gir rom for" in lowered or "gjev rom for" in lowered or "gir rom til" in lowered:
        return FUNDED
    if lowered.startswith(("kompensasjon", "tilskot", "tilskudd")) or "(i kroner)" in lowered:
        return COMPENSATION
    if re.match(r"kommune\b", lowered):
        return NAME
    return None


def sentences(prose: Iterable[tuple[str, Line]]) -> Iterable[tuple[str, Line]]:
    for text, line in prose:
        for sentence in _SENTENCE_END.split(squeeze(text)):
            if sentence:
                yield sentence, line


def selection_statement(prose: Iterable[tuple[str, Line]]) -> Fact | None:
    """The sentence saying the table lists a selection, if the prose has one: the
    document then does not claim to list every municipality of its period."""
    for sentence, line in sentences(prose):
        if _SELECTION.search(sentence):
            return Fact("selection", sentence, line)
    return None


def stated_totals(prose: list[tuple[str, Line]], period_label: str) -> tuple[list[Fact], list[Reject]]:
    """The amounts and man-years the prose states for the table's period.

    Only sentences naming the period ('hausten 2018') count: the article also
    states the year's total (1,4 milliardar … i 2018) and its parts."""
    term, year = period_label.split()
    in_period = re.compile(rf"\b{_TERM}\s+{year}\b", re.IGNORECASE)
    term_half = period_code(term, int(year))
    amounts: dict[int, Line] = {}
    man_years: dict[int, tuple[Line, bool]] = {}
    for sentence, line in sentences(prose):
        match = in_period.search(sentence)
        if not match or period_code(match["term"], int(year)) != term_half:
            continue
        for amount in _AMOUNT.finditer(sentence):
            number = Decimal(re.sub(r"[ \u00a0]", "", amount["number"]).replace(",", "."))
            amounts.setdefault(int(number * _UNITS[amount["unit"].lower()]), line)
        for found in _MAN_YEARS.finditer(sentence):
            number = int(re.sub(r"[ \u00a0]", "", found["number"]))
            man_years.setdefault(number, (line, bool(found["about"])))
    facts: list[Fact] = []
    rejects: list[Reject] = []
    if len(amounts) == 1:
        (value, line), = amounts.items()
        facts.append(Fact("stated_compensation_total_nok", str(value), line))
    elif amounts:
        for line in amounts.values():
            reason = f"the prose states several totals for {period_label}"
            rejects.append(Reject(line, reason, ", ".join(map(str, amounts))))
    if len(man_years) == 1:
        (value, (line, about)), = man_years.items()
        facts.append(Fact("stated_funded_man_years", str(value), line))
        facts.append(Fact("stated_funded_man_years_is_approximate", "true" if about else "false", line))
    elif man_years:
        for line, _ in man_years.values():
            reason = f"the prose states several man-year totals for {period_label}"
            rejects.append(Reject(line, reason, ", ".join(map(str, man_years))))
    return facts, rejects


def document_facts(opening: list[tuple[str, Line]]) -> list[Fact]:
    """Title, publisher and government from the article's opening paragraphs."""
    facts: list[Fact] = []
    metadata_index = next(
        (i for i, (text, _) in enumerate(opening) if _PUBLISHER.match(text) or _GOVERNMENT.match(text)), None
    )
    title_candidates = [
        (text, line) for text, line in (opening[:metadata_index] if metadata_index is not None else opening[:5])
        if not _BOILERPLATE.match(text)
    ]
    if title_candidates:
        text, line = title_candidates[-1]
        facts.append(Fact("title", squeeze(text), line))
    for text, line in opening:
        if match := _PUBLISHER.match(text):
            facts.append(Fact("publisher", match["name"], line))
        elif match := _GOVERNMENT.match(text):
            facts.append(Fact("government", match["name"], line))
    return facts


def structure_date_of(text: str) -> date | None:
    """'Kommune (kommuner og fylker per. oktober 2017 )' → 2017-10-01."""
    match = _STRUCTURE.search(squeeze(text))
    if match and match["month"].lower() in MONTHS:
        return date(int(match["year"]), MONTHS[match["month"].lower()], 1)
    return None


def norm_of(text: str) -> str | None:
    """'… for å oppfylle en norm på 16/21/21' → '16/21/21'."""
    match = _NORM.search(squeeze(text))
    return match["norm"] if match else None


def area_level_of(name: str, county: str | None) -> str:
    if _TOTAL_LABEL.match(name):
        return "country" if county is None or _COUNTRY_LABEL.search(name) else "county"
    return "municipality"


