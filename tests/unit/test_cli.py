"""The CLI end to end: extract, dbt build into a new file, publish only when the build passes."""

from __future__ import annotations

import shutil

import duckdb
import pytest

from extract.cli import main


@pytest.fixture
def inbox(tmp_path, care_staffing_path):
    folder = tmp_path / "inbox"
    folder.mkdir()
    shutil.copy(care_staffing_path, folder / "staffing.txt")
    (folder / "notes.txt").write_text("not a statistics table\n", encoding="utf-8")
    return folder


def fact_rows(warehouse):
    with duckdb.connect(str(warehouse), read_only=True) as connection:
        return connection.execute(
            "select count(*), count(distinct municipality_code), count(distinct education_type), "
            "min(source_file) from main.fct_care_staffing_annual"
        ).fetchone()


def test_run_on_a_folder_builds_and_publishes(inbox, tmp_path, capsys):
    warehouse = tmp_path / "wh" / "x.duckdb"
    assert main(["run", str(inbox), "--warehouse", str(warehouse)]) == 0
    assert fact_rows(warehouse) == (435 * 17, 435, 17, "staffing.txt")
    assert (tmp_path / "wh" / "x_marts" / "fct_care_staffing_annual.parquet").exists()
    out = capsys.readouterr().out
    assert "notes.txt" in out and "UNKNOWN" in out
    assert "fct_care_staffing_annual" in out and "Tests:" in out and str(warehouse) in out


def test_strict_makes_an_unknown_document_an_error(inbox, tmp_path):
    warehouse = tmp_path / "strict.duckdb"
    assert main(["run", str(inbox), "--warehouse", str(warehouse), "--strict"]) == 1
    assert not warehouse.exists()


def test_a_failed_build_leaves_the_previous_warehouse_intact(inbox, tmp_path, capsys):
    warehouse = tmp_path / "wh" / "x.duckdb"
    assert main(["run", str(inbox), "--warehouse", str(warehouse)]) == 0
    before = fact_rows(warehouse)
    marts = tmp_path / "wh" / "x_marts" / "fct_care_staffing_annual.parquet"
    marts_before = marts.read_bytes()

    # Numbers that still parse and keep their row's arithmetic but break the column
    # totals the table prints: the dbt test fails.
    document = inbox / "staffing.txt"
    document.write_text(document.read_text(encoding="utf-8").replace("0104 Moss 543,06 4,00", "0104 Moss 553,06 14,00"),
                        encoding="utf-8")
    (inbox / "notes.txt").unlink()
    document.rename(inbox / "staffing_v2.txt")
    capsys.readouterr()
    assert main(["run", str(inbox), "--warehouse", str(warehouse)]) == 1
    out = capsys.readouterr().out
    assert "sums_match_total" in out and "previous warehouse is unchanged" in out
    assert fact_rows(warehouse) == before
    assert marts.read_bytes() == marts_before
    assert not list(warehouse.parent.glob(".*building*"))


def test_build_without_extraction_says_what_to_do(tmp_path, capsys):
    assert main(["build", "--warehouse", str(tmp_path / "none.duckdb")]) == 1
    assert "kommunedata extract" in capsys.readouterr().err


def test_a_session_holding_the_warehouse_open_does_not_block_a_new_build(inbox, tmp_path):
    warehouse = tmp_path / "wh" / "x.duckdb"
    assert main(["run", str(inbox), "--warehouse", str(warehouse)]) == 0
    with duckdb.connect(str(warehouse), read_only=True) as analyst:
        (inbox / "notes.txt").unlink()
        assert main(["run", str(inbox), "--warehouse", str(warehouse)]) == 0
        # The open session keeps reading the warehouse it opened …
        assert analyst.execute("select count(*) from main.audit_documents").fetchone() == (2,)
    # … and a new session sees the new build.
    with duckdb.connect(str(warehouse), read_only=True) as connection:
        assert connection.execute("select count(*) from main.audit_documents").fetchone() == (1,)


def test_a_document_that_cannot_be_read_keeps_the_previous_warehouse(inbox, tmp_path, capsys):
    warehouse = tmp_path / "wh" / "x.duckdb"
    assert main(["run", str(inbox), "--warehouse", str(warehouse)]) == 0
    before = fact_rows(warehouse)
    document = inbox / "staffing.txt"
    text = document.read_text(encoding="utf-8")
    document.write_text(text.replace("by type of education and municipality", "by something else"), encoding="utf-8")
    (inbox / "other.txt").write_text(text, encoding="utf-8")  # still readable: the others would build
    document.write_text("Man-years, by type of education and municipality. 1999\nno header at all\n", encoding="utf-8")
    capsys.readouterr()

    assert main(["run", str(inbox), "--warehouse", str(warehouse)]) == 1
    err = capsys.readouterr().err
    assert "could not be read" in err and "previous warehouse is unchanged" in err
    assert fact_rows(warehouse) == before

    assert main(["run", str(inbox), "--warehouse", str(warehouse), "--keep-going"]) == 1
    assert fact_rows(warehouse)[3] == "other.txt"  # built from the readable document, exit still 1


def test_a_folder_given_as_the_warehouse_is_a_clear_usage_error(inbox, tmp_path, capsys):
    assert main(["run", str(inbox), "--warehouse", str(tmp_path)]) == 2
    assert "is a folder" in capsys.readouterr().err
