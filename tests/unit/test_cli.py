"""The CLI end to end: extract, dbt build into a new file, publish only when the build passes."""

from __future__ import annotations

import json
import re
import shutil
import tomllib

import duckdb
import pytest

from extract.cli import main
from tests.unit.conftest import DOCUMENTS


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
    # the quality report beside the warehouse: every section, self-contained
    report = tmp_path / "wh" / "x_report.html"
    assert f"Quality report: {report}" in out
    page = report.read_text(encoding="utf-8")
    for section in ("documents", "totals", "statuses", "rejects", "suppression", "names", "coverage", "exclusions"):
        assert f'<section id="{section}">' in page, section
    documents = page[page.index('<section id="documents">'):page.index('<section id="totals">')]
    assert "staffing.txt" in documents and "notes.txt" in documents and "unknown" in documents
    assert "<script" not in page and "http" not in page.replace('xmlns="http://www.w3.org/2000/svg"', "")


def test_a_run_with_nothing_changed_leaves_the_warehouse_as_it_was(inbox, tmp_path, capsys):
    warehouse = tmp_path / "wh" / "x.duckdb"
    assert main(["run", str(inbox), "--warehouse", str(warehouse)]) == 0
    built = warehouse.stat().st_mtime_ns
    capsys.readouterr()
    assert main(["run", str(inbox), "--warehouse", str(warehouse)]) == 0
    assert "Nothing changed since the last build" in capsys.readouterr().out
    assert warehouse.stat().st_mtime_ns == built
    # A document that changes is a change: the warehouse is built again, as it is with --rebuild.
    (inbox / "staffing.txt").write_text((inbox / "staffing.txt").read_text(encoding="utf-8") + "\n",
                                        encoding="utf-8")
    assert main(["run", str(inbox), "--warehouse", str(warehouse), "--quiet"]) == 0
    rebuilt = warehouse.stat().st_mtime_ns
    assert rebuilt != built and "Nothing changed" not in capsys.readouterr().out
    assert main(["run", str(inbox), "--warehouse", str(warehouse), "--rebuild", "--quiet"]) == 0
    assert warehouse.stat().st_mtime_ns != rebuilt


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


def test_version_is_the_projects(capsys):
    project = tomllib.loads((DOCUMENTS.parent / "pyproject.toml").read_text(encoding="utf-8"))
    with pytest.raises(SystemExit) as stopped:
        main(["--version"])
    assert stopped.value.code == 0
    assert capsys.readouterr().out.strip() == f"kommunedata {project['project']['version']}"


def test_help_gives_examples_and_exit_codes(capsys):
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    assert "examples:" in out and "kommunedata inspect" in out
    assert "exit status:" in out and "  2  a usage error" in out


def test_inspect_shows_what_was_read_and_where_it_stopped(tmp_path, capsys):
    sample = tmp_path / "sickness.txt"
    text = (DOCUMENTS / "ssb_sickness_absence_men_2002_q2_q3.txt").read_text(encoding="utf-8")
    # a header that names only five quarters: the kind stops, and says where
    sample.write_text(text.replace(" Quarter 3 2002\n", "\n", 1), encoding="utf-8")
    assert text != sample.read_text(encoding="utf-8")
    assert main(["inspect", str(sample)]) == 0
    out = capsys.readouterr().out
    assert "sickness_absence 0." in out and "care_staffing    0.00" in out
    assert "Table 1 (" in out and "header     lines" in out and "row    11: 'TOTAL'" in out
    assert "stopped at line" in out and "quarter labels" in out


def test_inspect_of_prose_names_no_kind(tmp_path, capsys):
    prose = tmp_path / "letter.txt"
    prose.write_text("Dear colleague,\nplease find the figures attached.\n", encoding="utf-8")
    assert main(["inspect", str(prose)]) == 0
    out = capsys.readouterr().out
    assert "no kind: the document is UNKNOWN" in out and "Tables (0)" in out


def test_inspect_of_a_missing_file_is_a_usage_error(tmp_path, capsys):
    assert main(["inspect", str(tmp_path / "absent.pdf")]) == 2
    assert "is not a file" in capsys.readouterr().err


def test_plain_dbt_reads_where_make_run_extracts():
    """`dbt build`/`dbt show` by hand after `make run` find its extracted Parquet."""
    import yaml

    from extract.cli import DEFAULT_WAREHOUSE
    from extract.warehouse import PROJECT_DIR, default_paths

    project = yaml.safe_load((PROJECT_DIR / "dbt_project.yml").read_text(encoding="utf-8"))
    extracted = default_paths(DEFAULT_WAREHOUSE)[1]
    assert PROJECT_DIR / project["vars"]["extracted_dir"] == extracted


def test_descriptions_reach_duckdb_clients_and_parquet_readers(inbox, tmp_path):
    """The yml descriptions are DuckDB comments on every mart and column, and every
    Parquet mart carries them with the version, build time and documents."""
    from datetime import datetime

    import pyarrow.parquet as pq

    warehouse = tmp_path / "wh" / "x.duckdb"
    assert main(["run", str(inbox), "--warehouse", str(warehouse)]) == 0
    with duckdb.connect(str(warehouse), read_only=True) as connection:
        tables = dict(connection.execute(
            "select table_name, comment from duckdb_tables() where schema_name = 'main'").fetchall())
        uncommented = connection.execute(
            "select table_name, column_name from duckdb_columns() where schema_name = 'main' "
            "and table_name in (select table_name from duckdb_tables() where schema_name = 'main') "
            "and comment is null").fetchall()
    assert tables and all(tables.values()) and uncommented == []
    parquet = tmp_path / "wh" / "x_marts" / "fct_care_staffing_annual.parquet"
    schema = pq.read_schema(parquet)
    metadata = {key.decode(): value.decode() for key, value in schema.metadata.items()}
    assert metadata["kommunedata.description"] == tables["fct_care_staffing_annual"]
    assert metadata["kommunedata.version"] == tomllib.loads(
        (DOCUMENTS.parent / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
    assert datetime.fromisoformat(metadata["kommunedata.built_at"]).tzinfo is not None
    assert [d["file"] for d in json.loads(metadata["kommunedata.documents"])] == ["staffing.txt"]
    columns = json.loads(metadata["kommunedata.columns"])
    assert set(columns) == set(schema.names)
    assert all(schema.field(name).metadata[b"description"].decode() == columns[name] for name in schema.names)
    # DuckDB reads the same key-value metadata
    with duckdb.connect() as connection:
        keys = {key.decode() for (key,) in connection.execute(
            f"select key from parquet_kv_metadata('{parquet}')").fetchall()}
    assert {"kommunedata.description", "kommunedata.documents", "kommunedata.built_at"} <= keys


def test_report_needs_a_published_warehouse(tmp_path, capsys):
    assert main(["report", "--warehouse", str(tmp_path / "none.duckdb")]) == 2
    assert "run `kommunedata run` first" in capsys.readouterr().err


def test_bar_chart_scales_bars_to_the_largest_value():
    from extract.report import bar_chart

    svg = bar_chart("rejects", ["a.txt", "b.txt"], [2, 8])
    widths = [float(w) for w in re.findall(r'<rect x="\d+" y="\d+" width="([\d.]+)"', svg)]
    assert len(widths) == 2 and widths[1] == 4 * widths[0]
    assert bar_chart("nothing", [], []) == ""
