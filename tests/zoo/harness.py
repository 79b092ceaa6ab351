"""Run the project's extraction on a file and compare its rows with the sample's.

Only the public API is used: `extract.pipeline.extract_documents` and the Parquet files
it writes (`<out>/<kind>/<table>/<sha256>.parquet`, `<out>/extraction/rejects/…`).
"""

from __future__ import annotations

import re
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import pyarrow.parquet as pq

from extract.pipeline import extract_documents

PROJECT = Path(__file__).resolve().parents[2]
SAMPLES = {
    "care_staffing": PROJECT / "documents/ssb_care_staffing_1999.txt",
    "sickness_absence": PROJECT / "documents/ssb_sickness_absence_men_2002_q2_q3.txt",
    "sickness_absence_county": PROJECT / "documents/ssb_sickness_absence_county_women_2002_q2_q3.txt",
    "home_care_fees": PROJECT / "documents/ssb_home_care_fees_2006.txt",
    "tiltak": PROJECT / "documents/nav_tiltak_2026-01_to_2026-04.txt",
    "teacher_norm": PROJECT / "documents/kd_teacher_norm_compensation_autumn_2018.txt",
}
KINDS = tuple(SAMPLES)
# A sample of another table of a kind: which kind it is extracted as.
EXTRACTED_AS = {"sickness_absence_county": "sickness_absence"}


def extraction_kind(sample: str) -> str:
    return EXTRACTED_AS.get(sample, sample)
LINEAGE = frozenset({"source_file", "source_sha256", "source_page", "source_line", "raw_line"})
# How the sickness-absence parser read a row, not what it read.
READING = frozenset({"split_candidates", "is_disambiguated", "total_bound"})
# Columns naming a row's area: a missing row is accounted for by a reject whose line holds them.
NAME_COLUMNS = ("municipality_code", "area_name", "source_name")


@dataclass
class Outcome:
    status: str
    kind: str | None
    message: str | None
    tables: dict[str, list[dict]] = field(default_factory=dict)
    rejects: list[dict] = field(default_factory=list)
    facts: list[dict] = field(default_factory=list)

    def rows(self) -> list[dict]:
        return [row for rows in self.tables.values() for row in rows]


def _read(file: Path) -> list[dict]:
    return pq.read_table(file).to_pylist() if file.exists() else []


def run_extract(path: Path, out_dir: Path) -> Outcome:
    report = extract_documents([path], out_dir)
    doc = report.documents[0]
    outcome = Outcome(doc.status, doc.kind, doc.message)
    if doc.sha256 is None:
        return outcome
    name = f"{doc.sha256}.parquet"
    if doc.kind and (out_dir / doc.kind).is_dir():
        for table_dir in sorted((out_dir / doc.kind).iterdir()):
            # Each row carries its table's name, so rows of two tables never compare equal.
            outcome.tables[table_dir.name] = [{"_table": table_dir.name, **row} for row in _read(table_dir / name)]
    outcome.rejects = _read(out_dir / "extraction" / "rejects" / name)
    outcome.facts = _read(out_dir / "extraction" / "document_facts" / name)
    return outcome


@cache
def truth(kind: str) -> Outcome:
    """What the extraction gives for the sample itself: the expected rows of every layout."""
    with tempfile.TemporaryDirectory() as tmp:
        return run_extract(SAMPLES[kind], Path(tmp))


def truth_problem(kind: str) -> str | None:
    sample = truth(kind)
    if sample.status != "extracted" or sample.kind != extraction_kind(kind) or not sample.rows():
        name = SAMPLES[kind].name
        return (
            f"the sample {name} itself is not extracted: status {sample.status}, kind {sample.kind}: {sample.message}"
        )
    return None


Key = tuple


def key(row: dict) -> Key:
    return tuple(sorted((name, value) for name, value in row.items() if name not in LINEAGE | READING))


def squeeze(text: str) -> str:
    return re.sub(r"[\s\u00a0\u202f]+", " ", text or "").strip()


@dataclass
class Comparison:
    expected: int
    right: int
    missing: Counter
    wrong: Counter
    rejects: list[dict]
    unaccounted: Counter  # missing rows whose line no reject names

    @property
    def reject_reasons(self) -> Counter:
        return Counter(re.sub(r"\d+", "N", str(r.get("reason")))[:140] for r in self.rejects)

    def describe(self, limit: int = 3) -> list[str]:
        out = [
            f"{self.right} of {self.expected} rows right, {sum(self.missing.values())} missing, "
            f"{sum(self.wrong.values())} unexpected, {len(self.rejects)} rejected lines"
        ]
        out += [f"  missing:    {_short(dict(row))}" for row in list(self.missing)[:limit]]
        for row in list(self.wrong)[:limit]:
            near = _nearest(row, self.missing)
            if near is None:
                out.append(f"  unexpected: {_short(dict(row))}")
            else:  # what differs from the sample's row it most resembles
                wanted, got = dict(near), dict(row)
                diff = {
                    name: f"{wanted.get(name)!r} -> {got.get(name)!r}"
                    for name in sorted(wanted.keys() | got.keys())
                    if wanted.get(name) != got.get(name)
                }
                same = {
                    name: got[name]
                    for name in NAME_COLUMNS + ("column_number", "measure", "month", "year", "quarter")
                    if got.get(name) is not None
                }
                out.append(f"  unexpected: {_short(same)} differs in {diff}")
        for reason, count in self.reject_reasons.most_common(limit):
            example = next(r for r in self.rejects if re.sub(r"\d+", "N", str(r.get("reason")))[:140] == reason)
            out.append(f"  reject x{count}: {example.get('reason')!r} on {squeeze(example.get('raw_line'))[:120]!r}")
        return out


def _short(row: dict, width: int = 260) -> str:
    text = ", ".join(f"{name}={value!r}" for name, value in row.items() if name != "_table")
    return text if len(text) <= width else text[: width - 1] + "…"


def _nearest(row: Key, candidates: Counter) -> Key | None:
    """The candidate sharing the most fields with `row` (None if none shares half)."""
    fields = set(row)
    best = max(candidates, key=lambda other: len(fields & set(other)), default=None)
    return best if best is not None and len(fields & set(best)) * 2 >= len(fields) else None


def _accounted(row: Key, reject_lines: list[str]) -> bool:
    names = [squeeze(str(value)) for name, value in row if name in NAME_COLUMNS and value]
    return bool(names) and any(all(name in line for name in names) for line in reject_lines)


def _unmarked(label: str) -> str:
    return re.sub(r"<sup>.*?</sup>", "", label).strip()


def expected_rows(kind: str, wording: object, rows: list[dict]) -> list[dict]:
    """The sample's rows as a layout's wording prints them: labels are published data,
    so a total row labelled 'Hele landet' is named so; every number stays the sample's."""
    from tests.zoo.samples import BANDS, SEX_OF_WORD

    out = []
    for row in rows:
        row = dict(row)
        if kind == "care_staffing" and row.get("area_level") == "country":
            row["area_name"] = _unmarked(wording.total_label)
        if extraction_kind(kind) == "sickness_absence":
            if row.get("area_level") == "total":
                row["source_name"] = wording.total_label
            row["sex"] = SEX_OF_WORD[wording.sex]
        if kind == "home_care_fees" and row.get("income_band_label"):
            band = dict(zip(BANDS["sample"], BANDS[wording.bands]))[row["income_band_label"]]
            row["column_label"] = row["column_label"].replace(row["income_band_label"], band)
            row["income_band_label"] = band
        out.append(row)
    return out


def compare(got: Outcome, want: Outcome, wanted_rows: list[dict] | None = None) -> Comparison:
    want_rows = want.rows() if wanted_rows is None else wanted_rows
    have, expected = Counter(map(key, got.rows())), Counter(map(key, want_rows))
    missing, wrong = expected - have, have - expected
    lines = [squeeze(r.get("raw_line")) for r in got.rejects]
    unaccounted = Counter({row: n for row, n in missing.items() if not _accounted(row, lines)})
    right = sum((have & expected).values())
    return Comparison(sum(expected.values()), right, missing, wrong, got.rejects, unaccounted)
