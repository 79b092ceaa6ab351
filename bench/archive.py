"""A ten-year archive of synthetic publications for benchmarks.

    .venv/bin/python bench/archive.py OUT_DIR [--years N] [--seed S] [--pdf-share F]

writes OUT_DIR/documents/: for each of the last N years up to 2025 (N = 10: about 190
files, about 10 MB) twelve NAV tiltak reports (January to each month of the year, as NAV
publishes them), one SSB care-staffing table, four SSB sickness-absence tables (municipal
and county, men/women/both sexes, two pairs of quarters), one teacher-norm article and one
SSB home-care fee table. About a tenth of them (`--pdf-share`) are PDFs drawn by the
test suite's PDF factory (`tests/unit/pdf_factory.py`) from the text they would have been.

Each document is its bundled sample (`documents/`) with the sample's title block, header,
notes and layout kept line for line and its data rows replaced: municipalities and
counties valid at the document's date (`seeds/reference/`), so the 2018, 2020 and 2024
reforms appear across the archive, and numbers that add up the way the sample's do
(national rows the sums of their parts, rates from the same man-days, totals of
suppressed cells within their bounds, NAV's year-to-date average the months' mean
rounded half up). Output is a pure function of (years, seed, pdf_share).

The figures come from one synthetic population of the oldest municipality versions
("atoms"); every later version is the sum of its atoms (through the reference's
succession edges, split shares included), so a county's man-days are the same in every
table whose structure gives it the same territory.

A municipal sickness-absence table after a reform (2018, 2020, 2024) prints last year's
quarters under its new codes, as SSB does: the figures of the new municipality's territory.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import math
import random
import re
import sys
import tempfile
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[1]
SAMPLES = PROJECT / "documents"
REFERENCE = PROJECT / "seeds" / "reference"
LAST_YEAR = 2025  # the last complete year the reference covers (it runs to 2026-12-31)
FIRST_YEAR = 2000  # teacher-norm articles use the structure of October the year before: 1999 at the earliest
NBSP = "\u00a0"

TILTAK, CARE, SICKNESS, TEACHER, HOME_CARE = "tiltak", "care_staffing", "sickness_absence", "teacher_norm", \
    "home_care_fees"
KINDS = (TILTAK, CARE, SICKNESS, TEACHER, HOME_CARE)
SAMPLE_FILES = {
    TILTAK: "nav_tiltak_2026-01_to_2026-04.txt",
    CARE: "ssb_care_staffing_1999.txt",
    SICKNESS: "ssb_sickness_absence_men_2002_q2_q3.txt",
    TEACHER: "kd_teacher_norm_compensation_autumn_2018.txt",
    HOME_CARE: "ssb_home_care_fees_2006.txt",
}
SICKNESS_COUNTY_SAMPLE = "ssb_sickness_absence_county_women_2002_q2_q3.txt"
PDF_LAYOUTS = {TILTAK: "portrait", CARE: "landscape", SICKNESS: "portrait", TEACHER: "portrait",
               HOME_CARE: "portrait"}  # as bench/pdf_benchmark.py: care staffing is too wide for portrait

# ------------------------------------------------------------------ numbers ----


def rng_for(seed: int, *keys: object) -> random.Random:
    """A generator of its own for one purpose: the same keys give the same numbers
    whatever else is generated (string seeds are hashed with SHA-512, not `hash`)."""
    return random.Random("/".join(map(str, (seed, *keys))))


def half_up(value: float | Decimal, places: int = 0) -> Decimal:
    return Decimal(str(value)).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def grouped(number: int, separator: str = " ") -> str:
    """12345 → '12 345', -1304 → '-1 304' (Norwegian thousands)."""
    digits = f"{abs(number):,}".replace(",", separator)
    return f"-{digits}" if number < 0 else digits


def decimal_comma(hundredths: int, separator: str = NBSP) -> str:
    """123570 (hundredths) → '1 235,70'."""
    return f"{grouped(hundredths // 100, separator)},{hundredths % 100:02d}"


def one_decimal(value: Decimal) -> str:
    return f"{value:.1f}".replace(".", ",")


def apportion(total: int, weights: Sequence[float]) -> list[int]:
    """`total` split in proportion to `weights`, whole numbers summing to it exactly
    (largest remainder; ties to the earlier)."""
    scale = sum(weights)
    exact = [total * weight / scale for weight in weights]
    parts = [math.floor(x) for x in exact]
    order = sorted(range(len(weights)), key=lambda i: (-(exact[i] - parts[i]), i))
    for index in order[: total - sum(parts)]:
        parts[index] += 1
    return parts


def mean_half_up(values: Iterable[int]) -> int:
    values = list(values)
    return int(half_up(Decimal(sum(values)) / len(values)))


# ---------------------------------------------------------------- reference ----


@dataclass(frozen=True)
class Version:
    """A municipality version of `seeds/reference/municipality_versions.csv`."""

    version_id: str
    code: str
    name: str
    name_parallel: str
    county_code: str
    county_name: str
    valid_from: date
    valid_to: date | None
    is_municipality: bool

    def valid_on(self, on: date) -> bool:
        return self.valid_from <= on and (self.valid_to is None or on <= self.valid_to)

    @property
    def display(self) -> str:
        """The name as SSB prints it: the full parallel form where there is one."""
        return self.name_parallel or self.name


@dataclass(frozen=True)
class County:
    code: str
    name: str
    name_parallel: str
    valid_from: date
    valid_to: date | None

    def valid_on(self, on: date) -> bool:
        return self.valid_from <= on and (self.valid_to is None or on <= self.valid_to)


@dataclass(frozen=True)
class Reference:
    versions: tuple[Version, ...]
    counties: tuple[County, ...]
    atoms: Mapping[str, tuple[tuple[str, float], ...]]  # version_id → (root version_id, share) pairs

    def municipalities(self, on: date, svalbard: bool = False) -> list[Version]:
        """The municipalities valid on `on` by code (and 2100 Svalbard last if asked: NAV lists it)."""
        found = sorted((v for v in self.versions if v.valid_on(on) and v.is_municipality), key=lambda v: v.code)
        return found + [v for v in self.versions if svalbard and v.code == "2100" and v.valid_on(on)]

    def counties_on(self, on: date) -> list[County]:
        return sorted((c for c in self.counties if c.valid_on(on)), key=lambda c: c.code)


def _date(text: str) -> date | None:
    return date.fromisoformat(text) if text else None


def _read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


Shares = tuple[tuple[str, float], ...]  # (root version_id, share) pairs


def atoms_of(versions: Sequence[Version], changes: Sequence[Mapping[str, str]]) -> dict[str, Shares]:
    """Each version as shares of the oldest versions ('roots', which have no predecessor),
    through the succession edges (renumbered, merged, renamed, split: a split's shares
    as documented, else equal among the successors that have none)."""
    edges = [row for row in changes if row["is_succession"] == "1"]
    by_old: dict[str, list[Mapping[str, str]]] = {}
    for row in edges:
        by_old.setdefault(row["old_version_id"], []).append(row)
    share: dict[tuple[str, str], float] = {}
    for old, rows in by_old.items():
        documented = sum(float(row["share"]) for row in rows if row["share"])
        undocumented = [row for row in rows if not row["share"]]
        for row in rows:
            rest = (1.0 - documented) / len(undocumented) if undocumented else 0.0
            share[(old, row["new_version_id"])] = float(row["share"]) if row["share"] else rest
    incoming: dict[str, list[str]] = {}
    for row in edges:
        incoming.setdefault(row["new_version_id"], []).append(row["old_version_id"])
    atoms: dict[str, Shares] = {}
    for version in sorted(versions, key=lambda v: (v.valid_from, v.version_id)):
        parents = [parent for parent in incoming.get(version.version_id, []) if parent in atoms]
        if not parents:
            atoms[version.version_id] = ((version.version_id, 1.0),)
            continue
        combined: dict[str, float] = {}
        for parent in parents:
            for root, part in atoms[parent]:
                combined[root] = combined.get(root, 0.0) + part * share[(parent, version.version_id)]
        atoms[version.version_id] = tuple(sorted(combined.items()))
    return atoms


def load_reference(directory: Path = REFERENCE) -> Reference:
    versions = tuple(
        Version(row["version_id"], row["municipality_code"], row["municipality_name"], row["name_parallel"],
                row["county_code"], row["county_name"], _date(row["valid_from"]), _date(row["valid_to"]),
                row["is_municipality"] == "1")
        for row in _read_csv(directory / "municipality_versions.csv")
    )
    counties = tuple(
        County(row["county_code"], row["county_name"], row["name_parallel"], _date(row["valid_from"]),
               _date(row["valid_to"]))
        for row in _read_csv(directory / "county_versions.csv") if row["is_county"] == "1"
    )
    return Reference(versions, counties, atoms_of(versions, _read_csv(directory / "municipality_changes.csv")))


def qualified_names(municipalities: Sequence[Version]) -> dict[str, str]:
    """code → name as NAV prints it: a name two municipalities share gets its county
    ('Herøy (Nordland)'); else the full parallel form."""
    counts: dict[str, int] = {}
    for version in municipalities:
        counts[version.name] = counts.get(version.name, 0) + 1
    return {v.code: f"{v.name} ({v.county_name})" if counts[v.name] > 1 else v.display for v in municipalities}


# --------------------------------------------------------------- population ----

# Roots a random size would make small: about their real populations (1999 codes).
CITIES = {"0301": 500_000, "1201": 230_000, "1601": 150_000, "1103": 110_000, "1001": 75_000, "0219": 100_000,
          "1902": 60_000, "0106": 70_000}


@dataclass(frozen=True)
class Population:
    """Synthetic sizes: every root version gets a population; later versions sum theirs."""

    seed: int
    reference: Reference

    def root(self, root_id: str) -> float:
        rng = rng_for(self.seed, "population", root_id)
        size = max(150.0, 4200.0 * math.exp(rng.gauss(0.0, 1.05)))
        city = CITIES.get(root_id.split("@")[0])
        return size if city is None else city * (0.95 + 0.1 * rng.random())

    def of(self, version: Version) -> float:
        return sum(share * self.root(root) for root, share in self.reference.atoms[version.version_id])

    def shares(self, version: Version) -> tuple[tuple[str, float], ...]:
        return self.reference.atoms[version.version_id]


# ------------------------------------------------------------- the archive ----


@dataclass(frozen=True)
class Spec:
    """One document of the archive: its kind, file stem and what it is of."""

    kind: str
    stem: str
    year: int
    month: int = 0  # tiltak: the last month of the report (the first is January)
    level: str = ""  # sickness absence: 'municipality' or 'county'
    sex: str = ""  # sickness absence: 'men', 'women' or 'both'
    quarters: tuple[int, int] = (0, 0)  # sickness absence: the two quarters of the year
    term: str = ""  # teacher norm: 'autumn' or 'spring'


@dataclass(frozen=True)
class Context:
    seed: int
    reference: Reference
    population: Population
    samples: Mapping[str, str]  # file name → text of each bundled sample


def archive_years(years: int) -> list[int]:
    if not 1 <= years <= LAST_YEAR - FIRST_YEAR + 1:
        raise ValueError(f"years must be 1 to {LAST_YEAR - FIRST_YEAR + 1}, got {years}")
    return list(range(LAST_YEAR - years + 1, LAST_YEAR + 1))


def load_samples(directory: Path = SAMPLES) -> dict[str, str]:
    names = [*SAMPLE_FILES.values(), SICKNESS_COUNTY_SAMPLE]
    return {name: (directory / name).read_text(encoding="utf-8") for name in names}


def make_context(seed: int) -> Context:
    reference = load_reference()
    return Context(seed, reference, Population(seed, reference), load_samples())


def plan_archive(context: Context, years: int) -> list[Spec]:
    """Every document of the archive, in file-name order within each kind."""
    specs: list[Spec] = []
    for year in archive_years(years):
        specs += [Spec(TILTAK, f"nav_tiltak_{year}-01_to_{year}-{month:02d}", year, month=month)
                  for month in range(1, 13)]
        specs.append(Spec(CARE, f"ssb_care_staffing_{year}", year))
        specs += sickness_specs(context, year)
        term = "autumn" if (LAST_YEAR - year) % 2 == 0 else "spring"
        specs.append(Spec(TEACHER, f"kd_teacher_norm_compensation_{term}_{year}", year, term=term))
        specs.append(Spec(HOME_CARE, f"ssb_home_care_fees_{year}", year))
    return specs


def pdf_stems(specs: Sequence[Spec], seed: int, pdf_share: float) -> set[str]:
    """About `pdf_share` of each kind's documents, drawn at random, become PDFs."""
    chosen: set[str] = set()
    for kind in KINDS:
        stems = sorted(spec.stem for spec in specs if spec.kind == kind)
        count = int(half_up(pdf_share * len(stems)))
        chosen |= set(rng_for(seed, "pdf", kind).sample(stems, min(count, len(stems))))
    return chosen


def render_text(spec: Spec, context: Context) -> str:
    renderers: dict[str, Callable[[Spec, Context], str]] = {
        TILTAK: render_tiltak, CARE: render_care_staffing, SICKNESS: render_sickness_absence,
        TEACHER: render_teacher_norm, HOME_CARE: render_home_care_fees,
    }
    return renderers[spec.kind](spec, context)


def generate_archive(out_dir: Path, years: int = 10, seed: int = 0, pdf_share: float = 0.1) -> list[Path]:
    """Write the archive to `out_dir`/documents/ and return the files written, sorted."""
    context = make_context(seed)
    specs = plan_archive(context, years)
    as_pdf = pdf_stems(specs, seed, pdf_share)
    target = out_dir / "documents"
    target.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    with tempfile.TemporaryDirectory(prefix="archive-") as scratch:
        for spec in specs:
            text = render_text(spec, context)
            if spec.stem in as_pdf:
                written.append(write_pdf(spec.kind, text, target / f"{spec.stem}.pdf", Path(scratch)))
            else:
                path = target / f"{spec.stem}.txt"
                path.write_text(text, encoding="utf-8")
                written.append(path)
    return sorted(written)


# --------------------------------------------------------------------- PDF ----

_CREATION_DATE = re.compile(rb"(/CreationDate \(D:)\d{14}")
_FILE_ID = re.compile(rb"/ID \[<([0-9A-F]+)><([0-9A-F]+)>\]")


def fixed_pdf_bytes(data: bytes) -> bytes:
    """fpdf2 stamps the time of writing and an ID hashed from it: both made constant
    (same lengths, so the cross-reference offsets stay right)."""
    data = _CREATION_DATE.sub(rb"\g<1>20260101000000", data)
    match = _FILE_ID.search(data)
    if match is None:
        return data
    digest = hashlib.md5(_FILE_ID.sub(b"", data), usedforsecurity=False).hexdigest().upper().encode()
    digest = (digest * 4)[: len(match.group(1))]
    return data[: match.start()] + b"/ID [<" + digest + b"><" + digest + b">]" + data[match.end():]


def write_pdf(kind: str, text: str, path: Path, scratch: Path) -> Path:
    """The PDF the test suite's factory draws from this text (its model of `kind`'s
    layout, in the layout bench/pdf_benchmark.py uses for the kind)."""
    from extract.readers import read_text
    from tests.unit.pdf_factory import LAYOUTS, MODELS, render

    source = scratch / f"{path.stem}.txt"
    source.write_text(text, encoding="utf-8")
    model, _ = MODELS[kind]
    render(model(read_text(source)), LAYOUTS[PDF_LAYOUTS[kind]], path)
    path.write_bytes(fixed_pdf_bytes(path.read_bytes()))
    return path


# ================================================================ NAV tiltak ====

NAV_MONTHS = ("Januar", "Februar", "Mars", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober",
              "November", "Desember")
NAV_PAGE_ROWS = 11  # the sample's county and municipality tables break every 11 rows
NAV_SUPPRESSED_BELOW = 4
AFT, AT = "arbeidsforberedende_trening", "arbeidstrening"
NAV_MEASURES = (AFT, AT)
NAV_MEASURE_RATE = {AFT: 0.0021, AT: 0.0022}  # participants per inhabitant, about the sample's national totals
_NAV_HEADING = re.compile(r"^(?P<prefix>#+\s*)?Januar 2026 - April 2026\s*$")
_NAV_HEADER = "\tGjennom snitt hittil i år"


@dataclass(frozen=True)
class NavRow:
    label: str
    cells: tuple[str, ...]  # as printed in the sample (markup included)

    def bold_ytd(self) -> bool:
        return self.cells[0].startswith("<b>")

    def numbers(self) -> tuple[int, ...]:
        """The sample's figures ('*' as 1, the middle of what it hides)."""
        return tuple(1 if c.strip() == "*" else int(re.sub(r"\D", "", c)) for c in self.cells)


@dataclass(frozen=True)
class NavFragment:
    heading: str | None  # '### ' or '' before the period heading; None: no heading
    total: NavRow  # the 'I alt' line
    rows: tuple[NavRow, ...]

    @property
    def table_key(self) -> tuple[str, str]:
        """(what the 'I alt' line names, the kind of rows): the fragments of one table share it."""
        label = re.sub(r"\s+|<[^>]+>", "", self.total.label).lower()
        first = self.rows[0].label if self.rows else ""
        rows = "county" if re.match(r"\d\d ", first) else "municipality" if re.match(r"\d{4} ", first) else "other"
        if label.startswith("ialtarbeidsforbere"):
            return AFT, rows
        if label.startswith("ialtarbeidstrening"):
            return AT, rows
        return label, rows


@dataclass(frozen=True)
class NavTemplate:
    intro: tuple[str, ...]  # the lines before the first table, verbatim
    fragments: tuple[NavFragment, ...]


def _nav_row(line: str) -> NavRow:
    label, *cells = line.split("\t")
    return NavRow(label, tuple(cells))


def parse_nav_sample(text: str) -> NavTemplate:
    lines = text.split("\n")
    first = next(i for i, line in enumerate(lines) if _NAV_HEADING.match(line))
    fragments: list[NavFragment] = []
    heading: str | None = None
    index = first
    while index < len(lines):
        line = lines[index]
        if match := _NAV_HEADING.match(line):
            heading = match["prefix"] or ""
        elif line.startswith(_NAV_HEADER):
            total = _nav_row(lines[index + 1])
            rows: list[NavRow] = []
            index += 2
            while index < len(lines) and lines[index].strip():
                rows.append(_nav_row(lines[index]))
                index += 1
            fragments.append(NavFragment(heading, total, tuple(rows)))
            heading = None
            continue
        index += 1
    return NavTemplate(tuple(lines[:first]), tuple(fragments))


@dataclass(frozen=True)
class NavTable:
    """One logical table of the sample: its fragments (page breaks) and what it shows."""

    key: tuple[str, str]
    fragments: tuple[NavFragment, ...]


def nav_tables(template: NavTemplate) -> list[NavTable]:
    tables: list[NavTable] = []
    for fragment in template.fragments:
        if tables and tables[-1].key == fragment.table_key:
            tables[-1] = NavTable(tables[-1].key, (*tables[-1].fragments, fragment))
        else:
            tables.append(NavTable(fragment.table_key, (fragment,)))
    return tables


@dataclass(frozen=True)
class NavUnit:
    """A row of a county or municipality table: its label and monthly figures."""

    label: str
    values: tuple[int, ...]  # January to December


@dataclass(frozen=True)
class NavYear:
    """A year of NAV figures: per measure the municipality and county rows and the
    national total; the national breakdowns by (table number, measure), each series a
    part of the national total (a table's parts sum to it month by month)."""

    municipalities: Mapping[str, list[NavUnit]]
    counties: Mapping[str, list[NavUnit]]
    national: Mapping[str, tuple[int, ...]]
    breakdowns: Mapping[tuple[int, str], list[tuple[int, ...]]]


def _monthly(rng: random.Random, base: float, year: int, spread: float = 0.07) -> tuple[int, ...]:
    """Twelve months of a series around `base`: a seasonal wave, a slow trend, noise."""
    trend = 1 + 0.03 * (year - 2016)
    return tuple(
        max(0, int(half_up(base * trend * (1 + 0.06 * math.sin(2 * math.pi * (month - 2) / 12))
                           * (1 + rng.uniform(-spread, spread)))))
        for month in range(1, 13)
    )


def _add(series: Iterable[tuple[int, ...]]) -> tuple[int, ...]:
    return tuple(sum(values) for values in zip(*series, strict=True))


def _partition(total: tuple[int, ...], weights: Sequence[float], rng: random.Random) -> list[tuple[int, ...]]:
    """Monthly series summing to `total` month by month, in about the given shares."""
    months = []
    for month_total in total:
        noisy = [weight * (1 + rng.uniform(-0.04, 0.04)) for weight in weights]
        months.append(apportion(month_total, noisy))
    return [tuple(month[i] for month in months) for i in range(len(weights))]


def nav_municipalities(year: int, measure: str, context: Context) -> list[tuple[Version, NavUnit]]:
    """The year's municipalities (2100 Svalbard last) with their participants month by month."""
    municipalities = context.reference.municipalities(date(year, 1, 1), svalbard=True)  # codes change on 1 January
    names = qualified_names(municipalities)
    rows = []
    for version in municipalities:
        rng = rng_for(context.seed, "nav", measure, version.version_id, year)
        size = context.population.of(version) * NAV_MEASURE_RATE[measure] * math.exp(rng.gauss(0.0, 0.35))
        base = 1.5 if version.code == "2100" else size
        rows.append((version, NavUnit(f"{version.code} {names[version.code]}", _monthly(rng, base, year, 0.12))))
    return rows


def nav_counties(year: int, municipalities: Sequence[tuple[Version, NavUnit]], unknown: NavUnit,
                 context: Context) -> list[NavUnit]:
    """Each county the sum of its municipalities; then Svalbard and the unknown, as NAV groups them."""
    by_county: dict[str, list[tuple[int, ...]]] = {}
    for version, unit in municipalities:
        by_county.setdefault(version.county_code, []).append(unit.values)
    counties = [NavUnit(f"{c.code} {c.name_parallel or c.name}", _add(by_county.get(c.code, [])))
                for c in context.reference.counties_on(date(year, 1, 1))]
    svalbard = _add(by_county.get("21", []))
    return [*counties, NavUnit("97 Svalbard og øvrige områder", svalbard), NavUnit("Ukjent", unknown.values)]


def nav_breakdowns(year: int, national: Mapping[str, tuple[int, ...]], tables: Sequence[NavTable],
                   context: Context) -> dict[tuple[int, str], list[tuple[int, ...]]]:
    """The national breakdowns (sex, age, …: rows of one measure) and the target groups
    (rows of both measures), in the shares of the sample's year-to-date averages."""
    breakdowns: dict[tuple[int, str], list[tuple[int, ...]]] = {}
    for number, table in enumerate(tables):
        label, rows_kind = table.key
        if rows_kind == "other" and label in NAV_MEASURES:
            weights = [row.numbers()[0] for row in table.fragments[0].rows]
            rng = rng_for(context.seed, "nav", "breakdown", number, year)
            breakdowns[(number, label)] = _partition(national[label], weights, rng)
    groups = [number for number, table in enumerate(tables) if table.key[0] not in ("ialt", *NAV_MEASURES)]
    for index, measure in enumerate(NAV_MEASURES):
        weights = [tables[number].fragments[0].rows[index].numbers()[0] for number in groups]
        rng = rng_for(context.seed, "nav", "target_groups", measure, year)
        for number, series in zip(groups, _partition(national[measure], weights, rng), strict=True):
            breakdowns[(number, measure)] = [series]
    return breakdowns


def nav_year(year: int, context: Context, tables: Sequence[NavTable]) -> NavYear:
    municipalities: dict[str, list[NavUnit]] = {}
    counties: dict[str, list[NavUnit]] = {}
    for measure in NAV_MEASURES:
        rows = nav_municipalities(year, measure, context)
        unknown = NavUnit("Ukjent", _monthly(rng_for(context.seed, "nav", measure, "ukjent", year), 5.0, year, 0.5))
        municipalities[measure] = [unit for _, unit in rows] + [unknown]
        counties[measure] = nav_counties(year, rows, unknown, context)
    national = {measure: _add(unit.values for unit in units) for measure, units in municipalities.items()}
    return NavYear(municipalities, counties, national, nav_breakdowns(year, national, tables, context))


def _nav_cells(values: Sequence[int], months: int, bold: bool, bold_ytd: bool) -> str:
    """The ytd average and the months, '*' below 4; markup as the sample sets it."""
    shown = [mean_half_up(values[:months]), *values[:months]]
    cells = []
    for index, value in enumerate(shown):
        text = "*" if value < NAV_SUPPRESSED_BELOW else grouped(value)
        if text != "*" and (bold or (bold_ytd and index == 0)):
            text = f"<b>{text}</b>"
        cells.append(text)
    return "\t".join(cells)


def nav_heading(year: int, month: int) -> str:
    first = f"{NAV_MONTHS[0]} {year}"
    return first if month == 1 else f"{first} - {NAV_MONTHS[month - 1]} {year}"


def _nav_fragment_lines(style: NavFragment, heading: str, header: str, total: Sequence[int],
                        rows: Sequence[tuple[str, Sequence[int], bool]], months: int) -> list[str]:
    lines = [f"{style.heading}{heading}", ""] if style.heading is not None else []
    lines.append(header)
    lines.append(f"{style.total.label}\t{_nav_cells(total, months, True, False)}")
    lines += [f"{label}\t{_nav_cells(values, months, False, bold_ytd)}" for label, values, bold_ytd in rows]
    return [*lines, ""]


def _nav_paged(table: NavTable, units: Sequence[NavUnit], heading: str, header: str, total: Sequence[int],
               months: int) -> list[str]:
    """A county or municipality table in pages of 11 rows, each page in the style of the
    sample's page at its place (its heading, its 'I alt' spelling, bold averages or not)."""
    lines: list[str] = []
    for page, start in enumerate(range(0, len(units), NAV_PAGE_ROWS)):
        style = table.fragments[min(page, len(table.fragments) - 1)]
        if page >= len(table.fragments):
            style = NavFragment("### ", style.total, style.rows)
        bold_ytd = any(row.bold_ytd() for row in style.rows)
        rows = [(unit.label, unit.values, bold_ytd) for unit in units[start:start + NAV_PAGE_ROWS]]
        lines += _nav_fragment_lines(style, heading, header, total, rows, months)
    return lines


def render_tiltak(spec: Spec, context: Context) -> str:
    template = parse_nav_sample(context.samples[SAMPLE_FILES[TILTAK]])
    tables = nav_tables(template)
    data = nav_year(spec.year, context, tables)
    months = spec.month
    heading = nav_heading(spec.year, months)
    header = "\t".join(["", "Gjennom snitt hittil i år", *NAV_MONTHS[:months]])
    overall = _add(data.national.values())
    lines = list(template.intro)
    for number, table in enumerate(tables):
        label, rows_kind = table.key
        if rows_kind in ("county", "municipality"):
            units = (data.counties if rows_kind == "county" else data.municipalities)[label]
            lines += _nav_paged(table, units, heading, header, data.national[label], months)
            continue
        fragment = table.fragments[0]
        if label == "ialt":
            rows = [(row.label, data.national[measure], row.bold_ytd())
                    for row, measure in zip(fragment.rows, NAV_MEASURES, strict=True)]
            lines += _nav_fragment_lines(fragment, heading, header, overall, rows, months)
        elif label in NAV_MEASURES:
            rows = [(row.label, series, row.bold_ytd())
                    for row, series in zip(fragment.rows, data.breakdowns[(number, label)], strict=True)]
            lines += _nav_fragment_lines(fragment, heading, header, data.national[label], rows, months)
        else:  # a target group: one row per measure
            series = [data.breakdowns[(number, measure)][0] for measure in NAV_MEASURES]
            rows = [(row.label, values, row.bold_ytd()) for row, values in zip(fragment.rows, series, strict=True)]
            lines += _nav_fragment_lines(fragment, heading, header, _add(series), rows, months)
    return "\n".join(lines).rstrip("\n")


# ============================================================= care staffing ====

CARE_COLUMNS = 18  # the total, then 17 types of education
CARE_MAN_YEARS_PER_INHABITANT = 0.021


@dataclass(frozen=True)
class CareTemplate:
    head: tuple[str, ...]  # subject, title (its year replaced), header: verbatim
    tail: tuple[str, ...]  # the notes under the table
    shares: tuple[float, ...]  # each type's share of the national total (17)
    empty: tuple[float, ...]  # each type's share of municipalities with an empty cell
    zero: tuple[float, ...]  # ... and with 0,00


def _care_cells(line: str) -> list[str]:
    return line.rstrip(" ").split(" ")[-CARE_COLUMNS:]


def _hundredths(cell: str) -> int | None:
    cell = cell.replace(NBSP, "").replace(",", "")
    return int(cell) if cell else None


def parse_care_sample(text: str) -> CareTemplate:
    lines = text.split("\n")
    country = next(i for i, line in enumerate(lines) if line.startswith("The whole country "))
    rows = [i for i, line in enumerate(lines) if re.match(r"\d{4} ", line)]
    national = [_hundredths(cell) or 0 for cell in _care_cells(lines[country])]
    cells = [[_hundredths(cell) for cell in _care_cells(lines[i])[1:]] for i in rows]
    n = len(cells)
    return CareTemplate(
        head=tuple(lines[:country]),
        tail=tuple(lines[rows[-1] + 1:]),
        shares=tuple(value / national[0] for value in national[1:]),
        empty=tuple(sum(row[j] is None for row in cells) / n for j in range(CARE_COLUMNS - 1)),
        zero=tuple(sum(row[j] == 0 for row in cells) / n for j in range(CARE_COLUMNS - 1)),
    )


def care_row(template: CareTemplate, total: float, rng: random.Random) -> list[int | None]:
    """17 types of education in hundredths of a man-year (None: an empty cell)."""
    values: list[int | None] = []
    for share, empty, zero in zip(template.shares, template.empty, template.zero, strict=True):
        draw = rng.random()
        if draw < empty:
            values.append(None)
        elif draw < empty + zero:
            values.append(0)
        else:
            values.append(max(1, int(half_up(total * 100 * share * math.exp(rng.gauss(0.0, 0.45))))))
    return values


def _care_line(label: str, values: Sequence[int | None]) -> str:
    total = sum(value or 0 for value in values)
    cells = [decimal_comma(total), *(NBSP if value is None else decimal_comma(value) for value in values)]
    return f"{label} {' '.join(cells)}"


def render_care_staffing(spec: Spec, context: Context) -> str:
    template = parse_care_sample(context.samples[SAMPLE_FILES[CARE]])
    head = [re.sub(r"\b1999$", str(spec.year), line) for line in template.head]
    municipalities = context.reference.municipalities(date(spec.year, 1, 1))
    rows: list[tuple[str, list[int | None]]] = []
    for version in municipalities:
        rng = rng_for(context.seed, CARE, version.version_id, spec.year)
        total = context.population.of(version) * CARE_MAN_YEARS_PER_INHABITANT * (1 + 0.015 * (spec.year - 2000))
        rows.append((f"{version.code} {version.display}", care_row(template, total, rng)))
    country = [sum(values[j] or 0 for _, values in rows) for j in range(CARE_COLUMNS - 1)]
    lines = [*head, _care_line("The whole country", country), *(_care_line(label, values) for label, values in rows)]
    return "\n".join([*lines, *template.tail])


# ========================================================== sickness absence ====

SEXES = ("men", "women", "both")
SEX_WORDS = {"men": "Men.", "women": "Women.", "both": "Both sexes."}
QUARTER_PAIRS = ((1, 2), (3, 4))
SICKNESS_UNALLOCATED = 0.0012  # the TOTAL counts residents of no listed area: about 0.1 %
_QUARTER = re.compile(r"Quarter ([23]) (200[12])")
MUNICIPAL, COUNTY_LEVEL = "municipality", "county"


@dataclass(frozen=True)
class Absence:
    """Man-days and scheduled man-days of an area in a quarter."""

    days: int
    scheduled: int

    def __add__(self, other: Absence) -> Absence:
        return Absence(self.days + other.days, self.scheduled + other.scheduled)

    @property
    def rate(self) -> Decimal:
        return half_up(Decimal(100 * self.days) / Decimal(self.scheduled), 1)


def root_absence(seed: int, population: Population, root: str, sex: str, year: int, quarter: int) -> Absence:
    """One root's quarter: employees of the sex, scheduled man-days, a rate near its own level."""
    if sex == "both":
        return root_absence(seed, population, root, "men", year, quarter) \
            + root_absence(seed, population, root, "women", year, quarter)
    level = rng_for(seed, SICKNESS, "level", root, sex)
    base_rate = (5.6 if sex == "men" else 8.2) * math.exp(level.gauss(0.0, 0.13))
    rng = rng_for(seed, SICKNESS, root, sex, year, quarter)
    employees = population.root(root) * (0.26 if sex == "men" else 0.24) * (1 + 0.006 * (year - 2000))
    scheduled = employees * 61 * (1.0, 0.97, 0.86, 1.0)[quarter - 1] * (1 + rng.uniform(-0.02, 0.02))
    rate = base_rate * (1.1, 0.95, 0.9, 1.05)[quarter - 1] * (1 + rng.uniform(-0.06, 0.06))
    return Absence(int(half_up(scheduled * rate / 100)), int(half_up(scheduled)))


def version_absence(context: Context, version: Version, sex: str, year: int, quarter: int) -> Absence:
    """A version's quarter as the sum of its roots' (the same territory gives the same
    figure), each root's share rounded on its own."""
    total = Absence(0, 0)
    for root, share in context.population.shares(version):
        part = root_absence(context.seed, context.population, root, sex, year, quarter)
        total += Absence(int(half_up(share * part.days)), int(half_up(share * part.scheduled)))
    return total


@dataclass(frozen=True)
class AbsenceRow:
    """A printed row: man-days of quarters a and b (None: '-'), their changes, four rates."""

    label: str
    days: tuple[int | None, int | None]
    changes: tuple[int | None, int | None]
    rates: tuple[Decimal | None, Decimal | None, Decimal | None, Decimal | None]  # a−1y, b−1y, a, b

    def cells(self) -> list[str]:
        def number(value: int | None) -> str:
            return "-" if value is None else grouped(value)

        return [number(self.days[0]), number(self.changes[0]), number(self.days[1]), number(self.changes[1]),
                *("-" if rate is None else one_decimal(rate) for rate in self.rates)]


def absence_row(label: str, now: Sequence[Absence], before: Sequence[Absence] | None) -> AbsenceRow:
    """`now`: quarters a, b of the year; `before`: the same a year earlier (None: not published)."""
    if before is None:
        return AbsenceRow(label, (now[0].days, now[1].days), (None, None), (None, None, now[0].rate, now[1].rate))
    return AbsenceRow(label, (now[0].days, now[1].days),
                      (now[0].days - before[0].days, now[1].days - before[1].days),
                      (before[0].rate, before[1].rate, now[0].rate, now[1].rate))


@dataclass(frozen=True)
class AbsenceTable:
    total: AbsenceRow
    rows: tuple[AbsenceRow, ...]


def with_unallocated(areas: Absence) -> Absence:
    """The TOTAL of `areas`: they and the residents of no listed area."""
    share = SICKNESS_UNALLOCATED
    return areas + Absence(int(half_up(areas.days * share)), int(half_up(areas.scheduled * share)))


@dataclass(frozen=True)
class AreaFigures:
    label: str
    now: tuple[Absence, Absence]
    before: tuple[Absence, Absence]
    published_before: bool  # False: its last-year cells are '-'


def sickness_areas(spec: Spec, context: Context) -> list[AreaFigures]:
    """The table's areas at its date (the first day of its latest quarter) with their
    figures now and a year earlier (the same territory, summed from its roots)."""
    a, b = spec.quarters
    on = date(spec.year, 3 * b - 2, 1)
    municipalities = context.reference.municipalities(on)

    def figures(version: Version, year: int) -> tuple[Absence, Absence]:
        return (version_absence(context, version, spec.sex, year, a),
                version_absence(context, version, spec.sex, year, b))

    per_version = [(v, figures(v, spec.year), figures(v, spec.year - 1)) for v in municipalities]
    if spec.level == MUNICIPAL:
        dash = dashed_municipality(spec, context, municipalities)
        return [AreaFigures(f"{v.code} {v.display}", now, before, v.code != dash)
                for v, now, before in per_version]
    areas = []
    for county in context.reference.counties_on(on):
        members = [(now, before) for v, now, before in per_version if v.county_code == county.code]
        now = tuple(sum((m[0][i] for m in members), Absence(0, 0)) for i in range(2))
        before = tuple(sum((m[1][i] for m in members), Absence(0, 0)) for i in range(2))
        areas.append(AreaFigures(county.name, now, before, True))
    return areas


def dashed_municipality(spec: Spec, context: Context, municipalities: Sequence[Version]) -> str:
    """A small municipality whose last-year figures the table does not publish, as the
    sample's 1159 Ølen ('-' for the changes and last year's rates)."""
    by_size = sorted(municipalities, key=lambda v: (context.population.of(v), v.code))
    small = by_size[: max(1, len(municipalities) // 10)]
    return rng_for(context.seed, SICKNESS, "dash", spec.stem).choice(small).code


def sickness_table(spec: Spec, context: Context) -> AbsenceTable:
    areas = sickness_areas(spec, context)
    now = tuple(sum((area.now[i] for area in areas), Absence(0, 0)) for i in range(2))
    before = tuple(sum((area.before[i] for area in areas), Absence(0, 0)) for i in range(2))
    total_now, total_before = tuple(map(with_unallocated, now)), tuple(map(with_unallocated, before))
    rows = tuple(absence_row(area.label, area.now, area.before if area.published_before else None) for area in areas)
    return AbsenceTable(absence_row("TOTAL", total_now, total_before), rows)


def sickness_specs(context: Context, year: int) -> list[Spec]:
    """Four tables a year: municipal and county of one sex, quarters 1-2 and 3-4; the sex
    turns from year to year, so a municipal table never publishes a quarter another one
    derives (each table derives last year's quarters)."""
    specs = []
    for index, quarters in enumerate(QUARTER_PAIRS):
        sex = SEXES[(year + index) % 3]
        for level in (MUNICIPAL, COUNTY_LEVEL):
            county = "county_" if level == COUNTY_LEVEL else ""
            stem = f"ssb_sickness_absence_{county}{sex}_{year}_q{quarters[0]}_q{quarters[1]}"
            specs.append(Spec(SICKNESS, stem, year, level=level, sex=sex, quarters=quarters))
    return sorted(specs, key=lambda spec: spec.stem)


def _sickness_head(lines: Iterable[str], spec: Spec) -> list[str]:
    a, b = spec.quarters
    mapping = {("2", "2002"): (a, spec.year), ("3", "2002"): (b, spec.year),
               ("2", "2001"): (a, spec.year - 1), ("3", "2001"): (b, spec.year - 1)}

    def quarter(match: re.Match[str]) -> str:
        q, y = mapping[(match[1], match[2])]
        return f"Quarter {q} {y}"

    return [re.sub(r"\b(Men|Women)\.", SEX_WORDS[spec.sex], _QUARTER.sub(quarter, line)) for line in lines]


def render_sickness_absence(spec: Spec, context: Context) -> str:
    table = sickness_table(spec, context)
    if spec.level == COUNTY_LEVEL:
        lines = context.samples[SICKNESS_COUNTY_SAMPLE].split("\n")
        first = next(i for i, line in enumerate(lines) if line.startswith("TOTAL |"))
        rows = [f"{row.label} | {' | '.join(row.cells())} |" for row in (table.total, *table.rows)]
        return "\n".join([*_sickness_head(lines[:first], spec), *rows, ""])
    lines = context.samples[SAMPLE_FILES[SICKNESS]].split("\n")
    first = next(i for i, line in enumerate(lines) if line.startswith("TOTAL "))
    rows = [f"TOTAL {' '.join(table.total.cells())}"]
    rows += [f"{NBSP * 3}{row.label} {' '.join(row.cells())}" for row in table.rows]
    return "\n".join([*_sickness_head(lines[:first], spec), *rows])


# ============================================================== teacher norm ====

TEACHER_SAMPLE_TOTAL_MILLIONS = 700
TEACHER_SAMPLE_RATE = 301_250  # NOK per funded man-year in autumn 2018 (the sample admits 301 244–301 259)
TEACHER_TERMS = {"autumn": ("hausten", "høsten"), "spring": ("våren", "våren")}  # nynorsk, bokmål


@dataclass(frozen=True)
class TeacherTemplate:
    head: tuple[str, ...]  # the article and the table's header, verbatim
    paddings: Mapping[tuple[int, int], str]  # (value column, length of the value) → the sample's padding


def parse_teacher_sample(text: str) -> TeacherTemplate:
    lines = text.split("\n")
    first = lines.index("Østfold")
    paddings: dict[tuple[int, int], str] = {}
    values = [line for line in lines[first:] if line.strip(f" {NBSP}") and re.search(r"\d", line)]
    for index, line in enumerate(values):
        match = re.match(rf"^([ {NBSP}]*)(\S.*)$", line)
        paddings.setdefault((index % 3, len(match[2])), match[1])
    return TeacherTemplate(tuple(lines[:first]), paddings)


def _padded(template: TeacherTemplate, column: int, value: str) -> str:
    lengths = sorted((length for col, length in template.paddings if col == column), key=lambda n: abs(n - len(value)))
    return template.paddings[(column, lengths[0])] + value if lengths else value


@dataclass(frozen=True)
class TeacherRow:
    name: str
    missing_tenths: int
    compensation_nok: int
    funded: Decimal


def teacher_rows(spec: Spec, context: Context, municipalities: Sequence[Version], total_nok: int,
                 rate: int) -> list[TeacherRow]:
    """Man-years missing (many municipalities meet the norm already), compensation in
    thousands (five sevenths by size, two by what is missing, at least 30 000), and the
    man-years it funds at the one common rate, rounded to one decimal."""
    missing: list[int] = []
    for version in municipalities:
        rng = rng_for(context.seed, TEACHER, version.version_id, spec.stem)
        need = context.population.of(version) * 0.0006 * math.exp(rng.gauss(0.0, 0.8)) - 1.5
        missing.append(max(0, int(half_up(need * 10))))
    sizes = [context.population.of(v) for v in municipalities]
    weights = [5 / 7 * s / sum(sizes) + 2 / 7 * (m / max(1, sum(missing))) for s, m in zip(sizes, missing, strict=True)]
    floor = 30
    thousands = [floor + part for part in apportion(total_nok // 1000 - floor * len(municipalities), weights)]
    return [TeacherRow(v.name, m, t * 1000, half_up(Decimal(t * 1000) / rate, 1))
            for v, m, t in zip(municipalities, missing, thousands, strict=True)]


def teacher_period(spec: Spec) -> tuple[int, int]:
    """(the period's total in millions, the NOK per funded man-year): both grow about 3 % a year."""
    growth = 1.03 ** (spec.year - 2018 - (0.5 if spec.term == "spring" else 0.0))
    return int(half_up(TEACHER_SAMPLE_TOTAL_MILLIONS * growth)), int(half_up(TEACHER_SAMPLE_RATE * growth, -1))


def _teacher_head(template: TeacherTemplate, spec: Spec, millions: int, about: int) -> list[str]:
    """The sample's article and header for another period: its term and years, its
    total (and the two parts it is split in), the man-years it funds, in one pass."""
    nynorsk, bokmal = TEACHER_TERMS[spec.term]
    base = int(half_up(millions * 5 / 7))
    replacements = {
        "hausten 2018": f"{nynorsk} {spec.year}", "Hausten 2018": f"{nynorsk.capitalize()} {spec.year}",
        "høsten 2018": f"{bokmal} {spec.year}", "Høsten 2018": f"{bokmal.capitalize()} {spec.year}",
        "700 millionar": f"{millions} millionar", "500 millionar": f"{base} millionar",
        "200 millionar": f"{millions - base} millionar", "2 300 lærarar": f"{grouped(about)} lærarar",
        "2018": str(spec.year), "2017": str(spec.year - 1),
    }
    pattern = re.compile("|".join(rf"\b{re.escape(old)}\b" for old in replacements))
    return [pattern.sub(lambda match: replacements[match[0]], line) for line in template.head]


def render_teacher_norm(spec: Spec, context: Context) -> str:
    template = parse_teacher_sample(context.samples[SAMPLE_FILES[TEACHER]])
    structure = date(spec.year - 1, 10, 1)
    millions, rate = teacher_period(spec)
    municipalities = context.reference.municipalities(structure)
    rows = dict(zip((v.code for v in municipalities),
                    teacher_rows(spec, context, municipalities, millions * 1_000_000, rate), strict=True))
    about = int(half_up(sum(row.funded for row in rows.values()), -1))
    body: list[str] = []
    for county in context.reference.counties_on(structure):
        members = [v for v in municipalities if v.county_code == county.code]
        if not members:
            continue
        body += [county.name, ""]
        for version in members:
            row = rows[version.code]
            body += [f"{NBSP}{row.name}", "", one_decimal(Decimal(row.missing_tenths) / 10), "",
                     _padded(template, 1, grouped(row.compensation_nok)), "",
                     _padded(template, 2, one_decimal(row.funded)), ""]
    return "\n".join([*_teacher_head(template, spec, millions, about), *body]).rstrip("\n")


# ============================================================ home-care fees ====

HOME_CARE_SAMPLE_G = 62_161  # the sample's average base amount, 2006
HOME_CARE_SAMPLE_YEAR = 2006


@dataclass(frozen=True)
class HomeCareTemplate:
    head: tuple[str, ...]  # title and header rows
    tail: tuple[str, ...]  # the footnote rows
    section: str  # the '| Bydeler | ||||' row
    padding: str  # the empty cells closing every row
    patterns: tuple[tuple[str | None, ...], ...]  # the sample municipalities' symbols (None: a number)
    districts: tuple[tuple[str, str, tuple[str, ...]], ...]  # (label, parent, cells) of the sample's districts


def _home_cells(line: str) -> list[str]:
    cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
    while cells and not cells[-1]:
        cells.pop()
    return cells


def parse_home_care_sample(text: str) -> HomeCareTemplate:
    lines = text.split("\n")
    first = next(i for i, line in enumerate(lines) if re.match(r"\| \d{4} ", line))
    section = next(i for i, line in enumerate(lines) if line.startswith("| Bydeler |"))
    notes = next(i for i, line in enumerate(lines) if re.match(r"\| \d \| ", line))
    patterns = tuple(tuple(c if c in (".", "..") else None for c in _home_cells(line)[1:])
                     for line in lines[first:section])
    districts = []
    for line in lines[section + 1:notes]:
        label, *cells = _home_cells(line)
        parent = re.search(r"\((?P<parent>[^)]+)\)$", label)["parent"]
        districts.append((label, parent, tuple(cells)))
    padding = lines[first][lines[first].rindex(" | ") + 3:]
    return HomeCareTemplate(tuple(lines[:first]), tuple(lines[notes:]), lines[section], padding, patterns,
                            tuple(districts))


def base_amount(year: int) -> int:
    """The year's average G, grown from the sample's at 3.5 % a year."""
    return int(half_up(HOME_CARE_SAMPLE_G * 1.035 ** (year - HOME_CARE_SAMPLE_YEAR)))


def home_care_values(rng: random.Random, growth: float) -> list[int]:
    """Share paying (%), payment per user (NOK a year), then per income band a
    subscription (NOK a month) and an hourly price, rising with the band."""
    subscription, hourly = 150 * growth, rng.uniform(60, 200) * growth
    step_s, step_h = rng.uniform(1.5, 2.6), rng.uniform(0.0, 0.25)
    values = [rng.randint(25, 97), int(half_up(rng.uniform(1200, 5200) * growth))]
    for band in range(5):
        values.append(int(half_up(subscription * (1 if band == 0 else step_s * band))))
        values.append(int(half_up(hourly * (1 + step_h * band))))
    return values


def _home_line(label: str, cells: Sequence[str], padding: str) -> str:
    return f"| {label} | {' | '.join(cells)} | {padding}"


def render_home_care_fees(spec: Spec, context: Context) -> str:
    template = parse_home_care_sample(context.samples[SAMPLE_FILES[HOME_CARE]])
    g = base_amount(spec.year)
    growth = g / HOME_CARE_SAMPLE_G

    def dated(line: str) -> str:
        line = line.replace(grouped(HOME_CARE_SAMPLE_G), grouped(g))
        return re.sub(rf"\b{HOME_CARE_SAMPLE_YEAR}\b", str(spec.year), line)

    on = date(spec.year, 1, 1)
    municipalities = context.reference.municipalities(on)
    lines = [dated(line) for line in template.head]
    for version in municipalities:
        rng = rng_for(context.seed, HOME_CARE, version.version_id, spec.year)
        pattern = rng.choice(template.patterns)
        values = home_care_values(rng, growth)
        cells = [symbol or grouped(value) for symbol, value in zip(pattern, values, strict=True)]
        lines.append(_home_line(f"{version.code} {version.display}", cells, template.padding))
    lines.append(template.section)
    names = [v.name for v in municipalities]
    for label, parent, cells in template.districts:
        if names.count(parent) == 1:  # the parent still a municipality of its own name this year
            rng = rng_for(context.seed, HOME_CARE, "district", label, spec.year)
            values = home_care_values(rng, growth)
            printed = [c if c in (".", "..") else grouped(v) for c, v in zip(cells, values, strict=True)]
            lines.append(_home_line(label, printed, template.padding))
    return "\n".join([*lines, *(dated(line) for line in template.tail)])


# ---------------------------------------------------------------- the script ----


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out_dir", type=Path, help="folder to write (documents/ inside it)")
    parser.add_argument("--years", type=int, default=10, help="years up to 2025 (default 10)")
    parser.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    parser.add_argument("--pdf-share", type=float, default=0.1, help="share of documents drawn as PDFs (default 0.1)")
    args = parser.parse_args(argv)
    paths = generate_archive(args.out_dir, args.years, args.seed, args.pdf_share)
    size = sum(path.stat().st_size for path in paths)
    pdfs = sum(path.suffix == ".pdf" for path in paths)
    print(f"{len(paths)} documents ({pdfs} PDF), {size / 1e6:.1f} MB in {args.out_dir / 'documents'}")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(PROJECT))  # run as a script: the test suite's PDF factory is imported from the project
    sys.exit(main())
