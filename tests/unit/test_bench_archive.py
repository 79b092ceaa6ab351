"""bench/archive.py: a small archive is deterministic, has the planned documents of each kind,
and every document extracts as its kind with no rejected line (extraction only, no dbt)."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from bench import archive
from extract import pipeline

YEARS = 2  # 2024 and 2025: a reform year (Viken and Troms og Finnmark split) and a quiet one

KIND_OF_NAME = {
    "nav_tiltak_": "tiltak",
    "ssb_care_staffing_": "care_staffing",
    "ssb_sickness_absence_": "sickness_absence",
    "kd_teacher_norm_compensation_": "teacher_norm",
    "ssb_home_care_fees_": "home_care_fees",
}


def intended_kind(path: Path) -> str:
    return next(kind for prefix, kind in KIND_OF_NAME.items() if path.name.startswith(prefix))


@pytest.fixture(scope="module")
def archives(tmp_path_factory) -> tuple[list[Path], list[Path]]:
    """The same archive generated twice, into two folders."""
    first = archive.generate_archive(tmp_path_factory.mktemp("first"), years=YEARS, seed=7)
    second = archive.generate_archive(tmp_path_factory.mktemp("second"), years=YEARS, seed=7)
    return first, second


def test_same_seed_gives_the_same_bytes(archives):
    first, second = archives
    assert [path.name for path in first] == [path.name for path in second]
    for a, b in zip(first, second, strict=True):
        assert a.read_bytes() == b.read_bytes(), a.name


def test_documents_per_kind(archives):
    paths, _ = archives
    assert Counter(intended_kind(path) for path in paths) == {
        "tiltak": 12 * YEARS,
        "care_staffing": YEARS,
        "sickness_absence": 4 * YEARS,
        "teacher_norm": YEARS,
        "home_care_fees": YEARS,
    }
    names = {path.name for path in paths}
    assert {f"nav_tiltak_2025-01_to_2025-{month:02d}" for month in range(1, 13)} <= {Path(n).stem for n in names}
    sickness = sorted(Path(name).stem for name in names if name.startswith("ssb_sickness_absence_"))
    for year in (2024, 2025):  # a municipal and a county table of each half year
        assert len([name for name in sickness if f"_{year}_" in name and "_county_" not in name]) == 2
    pdfs = [path for path in paths if path.suffix == ".pdf"]
    assert 2 <= len(pdfs) <= 5  # about a tenth, per kind rounded
    assert all(path.read_bytes().startswith(b"%PDF") for path in pdfs)


def test_every_document_extracts_as_its_kind_without_rejects(archives, tmp_path):
    paths, _ = archives
    report = pipeline.extract_documents([paths[0].parent], tmp_path / "extracted")
    outcomes = {doc.name: (doc.status, doc.kind, doc.rejects) for doc in report.documents}
    assert outcomes == {path.name: (pipeline.EXTRACTED, intended_kind(path), 0) for path in paths}
    assert report.total_rejects == 0
    assert all(doc.rows > 0 for doc in report.documents)


def test_codes_follow_the_year_and_the_seed_changes_the_figures():
    context = archive.make_context(seed=0)
    spec = archive.Spec(archive.CARE, "ssb_care_staffing_2019", 2019)
    text = archive.render_text(spec, context)
    codes = re.findall(r"^(\d{4}) ", text, flags=re.MULTILINE)
    assert codes == [v.code for v in context.reference.municipalities(archive.date(2019, 1, 1))]
    assert "1601" not in codes and "5001" in codes  # Trøndelag's codes of 2018
    assert archive.render_text(spec, archive.make_context(seed=1)) != text


def test_a_table_after_a_reform_prints_last_year_under_its_new_codes():
    context = archive.make_context(seed=0)
    spec = next(spec for spec in archive.sickness_specs(context, 2024) if spec.level == archive.MUNICIPAL)
    last_year = {v.code for v in context.reference.municipalities(archive.date(2023, 1, 1))}
    new = [row for row in archive.sickness_table(spec, context).rows if row.label[:4] not in last_year]
    assert len(new) > 20  # 2024 split Viken, Vestfold og Telemark, Troms og Finnmark
    assert all(None not in row.changes for row in new)


def test_teacher_norm_compensations_sum_to_the_stated_total():
    context = archive.make_context(seed=3)
    spec = archive.Spec(archive.TEACHER, "kd_teacher_norm_compensation_spring_2021", 2021, term="spring")
    text = archive.render_text(spec, context)
    millions, _ = archive.teacher_period(spec)
    stated = {int(m) for m in re.findall(r"(\d+) millionar kroner", text) if int(m) > 300}
    assert stated == {millions}
    amounts = [int(m.replace(" ", "")) for m in re.findall(r"^[\u00a0 ]*(\d{1,3}(?: \d{3})+)$", text, re.MULTILINE)]
    assert sum(amounts) == millions * 1_000_000
    assert "Våren 2021" in text and "oktober 2020" in text
