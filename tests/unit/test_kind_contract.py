"""Every kind has all the parts docs/adding-a-kind.md lists: a kind is not done before each is there.

Discovered from `all_kinds()`, so a new package is held to the contract the
moment it exists.
"""

from __future__ import annotations

import re
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
import yaml

from extract import parquet_store as store
from extract.kinds import all_kinds
from extract.kinds.base import LINEAGE_FIELDS

ROOT = Path(__file__).resolve().parents[2]
KINDS = {kind.kind: kind for kind in all_kinds()}


def test_the_five_kinds_are_discovered():
    assert set(KINDS) == {"care_staffing", "home_care_fees", "sickness_absence", "teacher_norm", "tiltak"}


@pytest.mark.parametrize("name", sorted(KINDS))
def test_each_kind_is_a_package_declaring_its_semantics(name: str):
    package = ROOT / "extract" / "kinds" / name
    assert (package / "semantics.py").is_file() and (package / "kind.py").is_file()
    for module in package.glob("*.py"):
        source = module.read_text(encoding="utf-8")
        # A kind reads the table model: no readers, no PDF geometry of its own.
        assert not re.search(r"^\s*(from|import) extract\.(readers|tables\.geometry|tables\.positions)\b", source, re.M), module
        assert len(source.splitlines()) < 400, f"{module} has grown past 400 lines: split it"


@pytest.mark.parametrize("name", sorted(KINDS))
def test_each_table_has_a_schema_with_lineage(name: str):
    kind = KINDS[name]
    assert kind.parser_version
    for table, schema in kind.schemas.items():
        assert isinstance(schema, pa.Schema) and re.fullmatch(r"[a-z_]+", table)
        assert schema.names[-len(LINEAGE_FIELDS):] == [f.name for f in LINEAGE_FIELDS]


@pytest.mark.parametrize("name", sorted(KINDS))
def test_each_table_has_a_dbt_source_and_a_staging_model_of_its_columns(name: str):
    folder = ROOT / "models" / "staging" / name
    sources = yaml.safe_load((folder / f"_{name}__sources.yml").read_text(encoding="utf-8"))["sources"]
    source = next(s for s in sources if s["name"] == name)
    assert {t["name"] for t in source["tables"]} == set(KINDS[name].schemas)
    assert f"/{name}/" in source["config"]["external_location"]
    models = yaml.safe_load((folder / f"_{name}__models.yml").read_text(encoding="utf-8"))["models"]
    for table, schema in KINDS[name].schemas.items():
        model = f"stg_{name}__{table}"
        sql = (folder / f"{model}.sql").read_text(encoding="utf-8")
        assert f"source('{name}', '{table}')" in sql
        described = next(m for m in models if m["name"] == model)
        assert [c["name"] for c in described["columns"]] == schema.names, model
        assert all(c.get("description") for c in described["columns"]), f"{model}: a column without a description"


def _spelled(data_type: str) -> str:
    """A DuckDB type as one spelling: `DECIMAL(12, 2)` and `decimal(12,2)` are one type."""
    return data_type.upper().replace(" ", "")


def _parquet_schemas() -> dict[str, dict[str, pa.Schema]]:
    return {**{name: kind.schemas for name, kind in KINDS.items()},
            "extraction": {"manifest": store.MANIFEST_SCHEMA, **store.EXTRACTION_SCHEMAS}}


@pytest.mark.parametrize("name", sorted(_parquet_schemas()))
def test_each_source_lists_its_parquet_columns_as_duckdb_reads_them(name: str, tmp_path: Path):
    """The source pages of the docs site show what the Parquet holds: every column, in order, with the type
    DuckDB reads it as and a description. Read back from a file of the schema, so a changed schema fails here."""
    path = ROOT / "models" / "staging" / name / f"_{name}__sources.yml"
    tables = {t["name"]: t for t in yaml.safe_load(path.read_text(encoding="utf-8"))["sources"][0]["tables"]}
    for table, schema in _parquet_schemas()[name].items():
        parquet = tmp_path / f"{table}.parquet"
        pq.write_table(schema.empty_table(), parquet)
        read = duckdb.sql(f"describe select * from read_parquet('{parquet}')").fetchall()
        listed = tables[table].get("columns") or []
        assert [(c["name"], _spelled(c["data_type"])) for c in listed] == [(r[0], _spelled(r[1])) for r in read], table
        assert all(c.get("description") for c in listed), f"{name}.{table}: a column without a description"


@pytest.mark.parametrize("name", sorted(KINDS))
def test_each_kind_has_marts_docs_tests_and_a_layout_zoo_sample(name: str):
    assert any((ROOT / "models" / "marts" / name).glob("fct_*.sql"))
    assert any((ROOT / "tests" / "dbt" / name).glob("*.sql"))
    assert (ROOT / "tests" / "unit" / f"test_{name}.py").is_file()
    assert (ROOT / "docs" / f"{name}.md").is_file()
    from tests.zoo.samples import BUILDERS

    assert name in BUILDERS


def test_mart_counts_and_amounts_are_decimals():
    """Floating point only for re-derived rates: a harmonised count stays exact."""
    doubles = []
    for path in (ROOT / "models" / "marts").glob("*/_*__models.yml"):
        for model in yaml.safe_load(path.read_text(encoding="utf-8"))["models"]:
            for column in model.get("columns", []):
                if column.get("data_type", "").lower() in ("double", "float", "real") and "rate" not in column["name"]:
                    doubles.append(f"{model['name']}.{column['name']}")
    assert doubles == []
