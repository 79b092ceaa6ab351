"""Municipality names → codes, against the project's municipality reference.

Documents that print names without codes (ministry articles) are joined to the
rest of the warehouse here. The reference (`seeds/reference/municipality_versions.csv`)
holds one row per municipality version with its validity; a name is matched
within its county among the versions valid on a date, because the same name
exists in several counties (Våler, Nes, Os, Sande, Bø, Herøy) and names and
codes change over time.

A name that matches no municipality, or several, is reported with the
candidates considered; it is never resolved by guessing. This module is pure:
the reference is data passed in (tests build a small one), and `load_reference`
reads the project's CSV files when a caller has none.
"""

from __future__ import annotations

import csv
import hashlib
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property, lru_cache
from pathlib import Path

from extract.tables.text import DASHES

PROJECT_ROOT = Path(__file__).resolve().parents[1]
REFERENCE_DIR = PROJECT_ROOT / "seeds" / "reference"
MUNICIPALITY_VERSIONS = "municipality_versions.csv"
COUNTY_VERSIONS = "county_versions.csv"

MATCHED = "matched"  # the published name equals a reference name (after normalising)
MATCHED_FOLDED = "matched_folded"  # equal only once diacritics are folded (Karasjohka → Kárášjohka)
NO_MATCH = "no_match"
AMBIGUOUS = "ambiguous"
OTHER_COUNTY = "other_county"  # the name exists, but not in the county the document puts it in
UNKNOWN_COUNTY = "unknown_county"  # the county name is not a county on the date

# Letters NFKD does not decompose; folded so a name typed without Sami letters still matches.
_FOLD = str.maketrans({"ø": "o", "æ": "ae", "đ": "d", "ŋ": "n", "ŧ": "t", "ʒ": "z", "ǯ": "z", "ß": "ss"})
_QUALIFIER = re.compile(r"\s*\([^)]*\)\s*$")  # SSB's '(Østfold)' after a duplicated name
_KOMMUNE = re.compile(r"\s+(kommune|kommun|suohkan)$")


_COUNTY_CODE_PREFIX = re.compile(r"^\s*(?P<code>\d{2})\s+(?P<name>\S.*)$")
_COUNTY_WORD = re.compile(r"\s+fylke(?:skommune)?\s*$", re.IGNORECASE)


# Matching compares every name against every municipality version, so the same few
# thousand names are normalised hundreds of thousands of times: cache them.
@lru_cache(maxsize=65536)
def normalise_name(text: str) -> str:
    """Case, hyphens, spaces (incl. no-break) and a trailing qualifier do not matter:
    'Aurskog-Høland', 'aurskog høland', 'Våler (Østfold)' → 'aurskog høland', 'våler'."""
    text = unicodedata.normalize("NFC", text).casefold()
    text = _QUALIFIER.sub("", text)
    text = re.sub(f"[{DASHES}]", " ", text)
    text = " ".join(text.split())  # str.split() also splits on no-break spaces
    return _KOMMUNE.sub("", text)


@lru_cache(maxsize=65536)
def fold_name(text: str) -> str:
    """A normalised name without diacritics: a second, weaker key."""
    decomposed = unicodedata.normalize("NFKD", normalise_name(text).translate(_FOLD))
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def _parse_date(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def _valid_on(valid_from: date, valid_to: date | None, on: date) -> bool:
    return valid_from <= on and (valid_to is None or on <= valid_to)


@dataclass(frozen=True)
class MunicipalityVersion:
    code: str
    name: str
    county_code: str
    county_name: str
    valid_from: date
    valid_to: date | None = None
    name_parallel: str = ""
    parallel_forms: tuple[str, ...] = ()
    is_municipality: bool = True

    def valid_on(self, on: date) -> bool:
        return _valid_on(self.valid_from, self.valid_to, on)

    def names(self) -> frozenset[str]:
        """Every published form the municipality may appear under: the Norwegian
        name, the full parallel form ('Deatnu - Tana') and each parallel form alone."""
        return self._names

    @cached_property
    def _names(self) -> frozenset[str]:
        forms = {self.name, *self.parallel_forms}
        if self.name_parallel:
            forms.add(self.name_parallel)
            forms.update(part for part in re.split(r"\s+[-\u2013]\s+", self.name_parallel) if part)
        return frozenset(normalise_name(form) for form in forms if form)

    def label(self) -> str:
        return f"{self.code} {self.name_parallel or self.name} ({self.county_name})"


@dataclass(frozen=True)
class CountyVersion:
    code: str
    name: str
    valid_from: date
    valid_to: date | None = None
    name_parallel: str = ""

    def valid_on(self, on: date) -> bool:
        return _valid_on(self.valid_from, self.valid_to, on)

    def names(self) -> frozenset[str]:
        return self._names

    @cached_property
    def _names(self) -> frozenset[str]:
        forms = {self.name}
        if self.name_parallel:
            forms.add(self.name_parallel)
            forms.update(part for part in re.split(r"\s+[-\u2013]\s+", self.name_parallel) if part)
        return frozenset(normalise_name(form) for form in forms)


@dataclass(frozen=True)
class Match:
    """The outcome of matching one (county, name) pair: a code, or why not."""

    status: str
    version: MunicipalityVersion | None = None
    candidates: tuple[MunicipalityVersion, ...] = ()
    reason: str | None = None

    @property
    def code(self) -> str | None:
        return self.version.code if self.version else None

    @property
    def is_resolved(self) -> bool:
        return self.version is not None

    def candidates_text(self) -> str | None:
        return "; ".join(version.label() for version in self.candidates) or None


@dataclass(frozen=True)
class _NamesOnDate:
    """The versions valid on one date by name: what matching looks up, built once per date."""

    by_name: dict[str, list[MunicipalityVersion]]
    by_folded_name: dict[str, list[MunicipalityVersion]]
    county_codes_by_name: dict[str, set[str]]

    @classmethod
    def of(cls, reference: MunicipalityReference, on: date) -> _NamesOnDate:
        by_name: dict[str, list[MunicipalityVersion]] = {}
        by_folded_name: dict[str, list[MunicipalityVersion]] = {}
        county_codes: dict[str, set[str]] = {}
        for version in reference.municipalities:
            if not version.valid_on(on):
                continue
            county_codes.setdefault(normalise_name(version.county_name), set()).add(version.county_code)
            if not version.is_municipality:
                continue
            for name in version.names():
                by_name.setdefault(name, []).append(version)
                folded = by_folded_name.setdefault(fold_name(name), [])
                if not folded or folded[-1] is not version:
                    folded.append(version)
        for county in reference.counties:
            if county.valid_on(on):
                for name in county.names():
                    county_codes.setdefault(name, set()).add(county.code)
        return cls(by_name, by_folded_name, county_codes)


@dataclass(frozen=True)
class MunicipalityReference:
    municipalities: tuple[MunicipalityVersion, ...]
    counties: tuple[CountyVersion, ...] = ()
    fingerprint: str = "inline"  # identifies the reference's content (part of parser versions)
    # Per date, the versions by name: a document matches hundreds of names on one date.
    _on_date: dict[date, _NamesOnDate] = field(default_factory=dict, compare=False, hash=False, repr=False)

    def _names_on(self, on: date) -> _NamesOnDate:
        if on not in self._on_date:
            self._on_date[on] = _NamesOnDate.of(self, on)
        return self._on_date[on]

    @classmethod
    def from_rows(
        cls,
        municipality_rows: Iterable[Mapping[str, str]],
        county_rows: Iterable[Mapping[str, str]] = (),
        fingerprint: str = "inline",
    ) -> MunicipalityReference:
        """Rows shaped like the reference CSVs (only the columns used need be present)."""
        municipalities = tuple(
            MunicipalityVersion(
                code=row["municipality_code"],
                name=row["municipality_name"],
                county_code=row.get("county_code") or row["municipality_code"][:2],
                county_name=row["county_name"],
                valid_from=_parse_date(row.get("valid_from")) or date.min,
                valid_to=_parse_date(row.get("valid_to")),
                name_parallel=row.get("name_parallel") or "",
                parallel_forms=tuple(
                    form.strip() for form in (row.get("parallel_forms") or "").split(";") if form.strip()
                ),
                is_municipality=(row.get("is_municipality") or "1") == "1",
            )
            for row in municipality_rows
        )
        counties = tuple(
            CountyVersion(
                code=row["county_code"],
                name=row["county_name"],
                valid_from=_parse_date(row.get("valid_from")) or date.min,
                valid_to=_parse_date(row.get("valid_to")),
                name_parallel=row.get("name_parallel") or "",
            )
            for row in county_rows
        )
        return cls(municipalities=municipalities, counties=counties, fingerprint=fingerprint)

    def counties_named(self, county_name: str, on: date) -> set[str]:
        """Codes of the counties valid on `on` that `county_name` names (from the
        county list, and from the county names the municipality rows carry).

        A heading may carry the county's code (`01 Østfold`) or the word `fylke`
        (`Østfold fylke`); a code that contradicts the name names no county.
        """
        prefixed = _COUNTY_CODE_PREFIX.match(county_name)
        if prefixed:
            county_name = prefixed["name"]
        key = normalise_name(_COUNTY_WORD.sub("", county_name))
        codes = set(self._names_on(on).county_codes_by_name.get(key, ()))
        return codes & {prefixed["code"]} if prefixed else codes

    def match(self, name: str, county_name: str | None, on: date) -> Match:
        """The municipality valid on `on` called `name` in the county `county_name`
        (any county when None). Exact (normalised) names first, folded names second."""
        names_on = self._names_on(on)
        county_codes = None if county_name is None else self.counties_named(county_name, on)
        if county_codes is not None and not county_codes:
            return Match(UNKNOWN_COUNTY, reason=f"county {county_name!r} is not a county on {on.isoformat()}")
        key, folded = normalise_name(name), fold_name(name)
        elsewhere: list[MunicipalityVersion] = []
        for status, found in (
            (MATCHED, names_on.by_name.get(key, [])),
            (MATCHED_FOLDED, names_on.by_folded_name.get(folded, [])),
        ):
            in_county = found if county_codes is None else [v for v in found if v.county_code in county_codes]
            codes = {v.code for v in in_county}
            if len(codes) == 1:
                return Match(status, version=in_county[0], candidates=tuple(in_county))
            if len(codes) > 1:
                return Match(
                    AMBIGUOUS,
                    candidates=tuple(in_county),
                    reason=f"{name!r} names {len(codes)} municipalities on {on.isoformat()}",
                )
            elsewhere += [v for v in found if v not in elsewhere]
        if elsewhere:
            return Match(
                OTHER_COUNTY,
                candidates=tuple(elsewhere),
                reason=f"{name!r} is not a municipality of {county_name!r} on {on.isoformat()}, only of other counties",
            )
        return Match(NO_MATCH, reason=f"{name!r} matches no municipality valid on {on.isoformat()}")


def _fingerprint(*paths: Path) -> str:
    digest = hashlib.sha256()
    for path in paths:
        if path.exists():
            digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def reference_fingerprint(directory: Path = REFERENCE_DIR) -> str:
    """A short hash of the reference files: changes when the reference does."""
    return _fingerprint(directory / MUNICIPALITY_VERSIONS, directory / COUNTY_VERSIONS)


@lru_cache(maxsize=4)
def load_reference(directory: Path = REFERENCE_DIR) -> MunicipalityReference:
    """The reference read from `directory` (the project's seeds by default).

    Cached per folder: the files are read once per process, and the returned
    object is immutable.
    """
    municipality_path = directory / MUNICIPALITY_VERSIONS
    county_path = directory / COUNTY_VERSIONS
    if not municipality_path.exists():
        raise FileNotFoundError(f"municipality reference not found: {municipality_path}")
    with municipality_path.open(encoding="utf-8", newline="") as handle:
        municipality_rows = list(csv.DictReader(handle))
    county_rows: list[dict[str, str]] = []
    if county_path.exists():
        with county_path.open(encoding="utf-8", newline="") as handle:
            county_rows = list(csv.DictReader(handle))
    return MunicipalityReference.from_rows(
        municipality_rows, county_rows, fingerprint=_fingerprint(municipality_path, county_path)[:12]
    )
