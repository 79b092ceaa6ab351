# Two commands on a fresh clone with only python3 and make:
#   make run   set up, extract the bundled documents, build and publish the warehouse
#   make test  set up, pytest, dbt build with its tests into a scratch warehouse, sqlfluff lint

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed-$(shell cat pyproject.toml | cksum | cut -d' ' -f1)
SCRATCH := warehouse/scratch

.PHONY: setup run test pytest dbt-test lint bench clean

setup: $(INSTALLED)

$(INSTALLED): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	rm -f $(VENV)/.installed-*
	touch $@

run: setup
	$(BIN)/kommunedata run

test: pytest dbt-test lint

pytest: setup
	$(BIN)/pytest

# The whole pipeline on the bundled documents, into a scratch warehouse: every
# dbt model and test must pass (warnings are reported, not failures).
dbt-test: setup
	rm -rf $(SCRATCH)
	$(BIN)/kommunedata run --warehouse $(SCRATCH)/kommunedata.duckdb

# ruff for the Python; the dbt templater opens the profile's database: an in-memory one is enough.
lint: setup
	$(BIN)/ruff check extract tests bench qa
	KOMMUNEDATA_WAREHOUSE=:memory: $(BIN)/sqlfluff lint models tests/dbt

# Speed of the PDF path against pdfplumber's extract_text(), and the whole
# pipeline against dbt's fixed start-up cost. A measurement, not a test.
bench: setup
	$(BIN)/python bench/pdf_benchmark.py

clean:
	rm -rf $(VENV) warehouse target logs
