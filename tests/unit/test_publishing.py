"""What gets published when some documents fail their tests, and when runs overlap."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pyarrow.parquet as pq
import pytest

from extract import parquet_store as store
from extract.cli import main
from extract.run_lock import RunLock, WarehouseBusy
from extract.warehouse import default_paths
from tests.unit.conftest import DOCUMENTS


@pytest.fixture
def good_and_bad(tmp_path, care_staffing_path):
    """The 1999 table, and a 2000 edition whose Moss row keeps its own sum but
    breaks two of the columns' printed totals: no reject, a failing dbt test."""
    folder = tmp_path / "inbox"
    folder.mkdir()
    shutil.copy(care_staffing_path, folder / "staffing_1999.txt")
    text = care_staffing_path.read_text(encoding="utf-8")
    bad = text.replace("municipality. 1999", "municipality. 2000").replace("0104 Moss 543,06 4,00",
                                                                          "0104 Moss 553,06 14,00")
    assert bad.count("2000") > text.count("2000") and "553,06 14,00" in bad
    (folder / "staffing_2000.txt").write_text(bad, encoding="utf-8")
    return folder


def published(warehouse):
    with duckdb.connect(str(warehouse), read_only=True) as connection:
        facts = connection.execute(
            "select source_file, count(*) from main.fct_care_staffing_annual group by all order by all").fetchall()
        documents = connection.execute(
            "select source_file, extraction_status, message from main.audit_documents order by all").fetchall()
    return facts, documents


def test_a_document_failing_its_totals_is_quarantined_and_the_rest_published(good_and_bad, tmp_path, capsys):
    warehouse = tmp_path / "wh" / "k.duckdb"
    assert main(["run", str(good_and_bad), "--warehouse", str(warehouse)]) == 1
    facts, documents = published(warehouse)
    assert facts == [("staffing_1999.txt", 435 * 17)]
    (good, good_status, _), (bad, bad_status, reason) = documents
    assert (good, good_status, bad, bad_status) == ("staffing_1999.txt", "extracted", "staffing_2000.txt", "quarantined")
    # The failing test and its first rows: the psychiatric nurses' column, 10 man-years over.
    assert "sums_match_total" in reason and "education_type=psychiatric_nurses" in reason and "difference=10" in reason
    out = capsys.readouterr().out
    assert "Published 1 document(s); quarantined 1: staffing_2000.txt." in out
    # The Parquet marts are the published warehouse's.
    marts = default_paths(warehouse)[0]
    assert pq.read_table(marts / "fct_care_staffing_annual.parquet").num_rows == 435 * 17


def test_strict_publishes_nothing_when_a_document_fails_its_tests(good_and_bad, tmp_path, capsys):
    warehouse = tmp_path / "wh" / "k.duckdb"
    assert main(["run", str(good_and_bad), "--warehouse", str(warehouse), "--strict"]) == 1
    assert not warehouse.exists()
    assert "no warehouse was published" in capsys.readouterr().out


def test_a_second_run_fails_at_once_with_no_wait(good_and_bad, tmp_path, capsys):
    warehouse = tmp_path / "wh" / "k.duckdb"
    with RunLock(warehouse, wait=True):
        with pytest.raises(WarehouseBusy):
            RunLock(warehouse, wait=False).__enter__()
        assert main(["run", str(good_and_bad), "--warehouse", str(warehouse), "--no-wait"]) == 1
    err = capsys.readouterr().err
    assert "another kommunedata run (pid " in err and "--no-wait" in err
    assert not warehouse.exists() and not default_paths(warehouse)[1].exists()


def test_two_runs_started_together_wait_for_each_other_and_agree(care_staffing_path, tmp_path):
    warehouse = tmp_path / "wh" / "k.duckdb"
    inboxes = []
    for year in (1999, 2000):
        inbox = tmp_path / f"inbox_{year}"
        inbox.mkdir()
        text = care_staffing_path.read_text(encoding="utf-8").replace("municipality. 1999", f"municipality. {year}")
        (inbox / f"staffing_{year}.txt").write_text(text, encoding="utf-8")
        inboxes.append(inbox)
    command = [sys.executable, "-m", "extract.cli", "run", "--warehouse", str(warehouse)]
    runs = [subprocess.Popen([*command, str(inbox)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            for inbox in inboxes]
    outputs = [run.communicate(timeout=600) for run in runs]
    assert [run.returncode for run in runs] == [0, 0], outputs
    assert not any("Traceback" in out + err for out, err in outputs)
    assert sum("Waiting for another kommunedata run" in out for out, _ in outputs) == 1

    # Whichever finished last is what is published, in all three places alike.
    facts, documents = published(warehouse)
    marts, extracted = default_paths(warehouse)
    mart_files = {row["source_file"] for row in pq.read_table(marts / "fct_care_staffing_annual.parquet").to_pylist()}
    manifest = {row["source_file"] for row in store.read_manifest(extracted)}
    assert len(facts) == 1 and {facts[0][0]} == mart_files == manifest == {name for name, _, _ in documents}
    assert not list(warehouse.parent.glob(".*building*")) and not list(warehouse.parent.glob(".k_extracted.*"))


def teacher_norm_edited_at_halden(tmp_path, edit) -> tuple[Path, int]:
    """The bundled teacher-norm article as `laerernorm.txt` in an inbox, its lines changed
    by `edit(lines, index of Halden's line)`; the inbox and that index."""
    lines = (DOCUMENTS / "kd_teacher_norm_compensation_autumn_2018.txt").read_text(encoding="utf-8").split("\n")
    halden = next(i for i, line in enumerate(lines) if line.strip() == "Halden")
    edit(lines, halden)
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "laerernorm.txt").write_text("\n".join(lines), encoding="utf-8")
    return inbox, halden


def test_a_row_failing_a_test_of_single_rows_costs_that_row(tmp_path, capsys):
    # Halden's compensation and funded man-years swapped: the row reads, but does not
    # admit the rate (NOK per man-year) all the other municipalities share.
    def swap(lines, halden):
        compensation, funded = halden + 4, halden + 6
        assert lines[compensation].strip() == "6 166 000" and lines[funded].strip() == "20,5"
        lines[compensation], lines[funded] = lines[funded], lines[compensation]

    inbox, halden = teacher_norm_edited_at_halden(tmp_path, swap)
    warehouse = tmp_path / "wh" / "k.duckdb"
    assert main(["run", str(inbox), "--warehouse", str(warehouse)]) == 0
    with duckdb.connect(str(warehouse), read_only=True) as connection:
        names = [name for (name,) in connection.execute(
            "select source_name from main.fct_teacher_norm_compensation").fetchall()]
        rejects = connection.execute(
            "select source_line, reason from main.audit_extraction_rejects").fetchall()
    assert len(names) == 426 - 1 and "Halden" not in names and "Moss" in names
    assert rejects == [(halden + 1, rejects[0][1])] and "common_rate_within_rounding" in rejects[0][1]
    assert f"laerernorm.txt:{halden + 1}: failed test common_rate_within_rounding" in capsys.readouterr().out



def test_a_name_of_another_county_costs_that_row(tmp_path, capsys):
    # Halden printed as Bærum, under Østfold: Bærum is a municipality of Akershus only.
    def rename(lines, halden):
        lines[halden] = lines[halden].replace("Halden", "Bærum")

    inbox, halden = teacher_norm_edited_at_halden(tmp_path, rename)
    warehouse = tmp_path / "wh" / "k.duckdb"
    assert main(["run", str(inbox), "--warehouse", str(warehouse)]) == 0
    with duckdb.connect(str(warehouse), read_only=True) as connection:
        rows = connection.execute(
            "select count(*), count(*) filter (source_name = 'Bærum') from main.fct_teacher_norm_compensation").fetchone()
        rejects = connection.execute(
            "select source_line, reason, candidates from main.audit_extraction_rejects").fetchall()
    assert rows == (426 - 1, 1)  # Akershus's own Bærum stays
    assert rejects == [(halden + 1, rejects[0][1], "0219 Bærum (Akershus)")]
    assert rejects[0][1].startswith("other_county: 'Bærum' is not a municipality of 'Østfold'")
    assert "Published 1 document(s)." in capsys.readouterr().out

def selection_article(tmp_path):
    """The teacher-norm article cut to its first county (Østfold), its prose saying it
    lists a selection and stating no total for the term."""
    lines = (DOCUMENTS / "kd_teacher_norm_compensation_autumn_2018.txt").read_text(encoding="utf-8").split("\n")
    akershus = next(i for i, line in enumerate(lines) if line.strip() == "Akershus")
    prose_end = next(i for i, line in enumerate(lines) if line.strip() == "Høsten 2018")
    opening = [line for line in lines[:prose_end] if "millionar" not in line and "lærarar" not in line]
    cut = [*opening, "Tabellen viser eit utval kommunar: kommunane i Østfold.", "", *lines[prose_end:akershus]]
    path = tmp_path / "inbox" / "laerernorm_ostfold.txt"
    path.parent.mkdir()
    path.write_text("\n".join(cut) + "\n", encoding="utf-8")
    return path


def test_a_selection_without_a_stated_total_is_published_with_a_completeness_warning(tmp_path, capsys):
    article = selection_article(tmp_path)
    warehouse = tmp_path / "wh" / "k.duckdb"
    assert main(["run", str(article.parent), "--warehouse", str(warehouse)]) == 0
    with duckdb.connect(str(warehouse), read_only=True) as connection:
        published = connection.execute("select count(*) from main.fct_teacher_norm_compensation").fetchone()[0]
        listed, missing, counties, selection, complete = connection.execute(
            "select municipalities_listed, municipalities_missing, missing_counties, selection_statement, "
            "claims_completeness from main.audit_document_coverage").fetchone()
        documented = connection.execute(
            "select municipalities_missing from main.audit_documents where source_file = ?", [article.name]).fetchone()
    assert published == listed == 18  # the municipalities of Østfold in October 2017
    assert missing == 426 - 18 and documented == (missing,)
    assert "02 Akershus" in counties and "20 Finnmark" in counties and "01 Østfold" not in counties
    assert "utval" in selection and complete is False
    assert "warned: test warn_when_documents_leave_out_municipalities" in capsys.readouterr().out
