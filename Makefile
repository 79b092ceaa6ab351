# Two commands on a fresh clone with only python3 and make:
#   make run   set up, extract the bundled documents, build and publish the warehouse
#   make test  set up, pytest (the quality report in headless Chromium included), dbt build
#              with its tests into a scratch warehouse, lint, documentation and test coverage

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed-$(shell cat pyproject.toml | cksum | cut -d' ' -f1)
SCRATCH := warehouse/scratch

.PHONY: setup browser run test pytest dbt-test lint coverage bench bench-smoke clean

setup: $(INSTALLED)

$(INSTALLED): pyproject.toml
	@echo "Setting up $(VENV): the pinned dependencies (about a minute the first time, once per pyproject.toml) …"
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --progress-bar on -e '.[dev]'
	rm -f $(VENV)/.installed-*
	touch $@

# Debian's Chromium for the quality report's browser test, installed when missing.
browser:
	@command -v chromium >/dev/null 2>&1 || { \
		echo "Installing Debian's chromium for the report's browser test …"; \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends chromium; }

run: setup
	$(BIN)/kommunedata run

test: pytest dbt-test lint coverage bench-smoke

pytest: setup browser
	KOMMUNEDATA_BROWSER=required $(BIN)/pytest

# The whole pipeline on the bundled documents, into a scratch warehouse: every
# dbt model and test must pass (warnings are reported, not failures).
dbt-test: setup
	rm -rf $(SCRATCH)
	$(BIN)/kommunedata run --warehouse $(SCRATCH)/kommunedata.duckdb
	# our generic tests' own checks, on inline data (a build leaves them out)
	KOMMUNEDATA_WAREHOUSE=:memory: $(BIN)/dbt test --select tag:macro_check --quiet

# ruff for the Python; the dbt templater opens the profile's database: an in-memory one is enough.
lint: setup
	$(BIN)/ruff check extract tests bench qa
	KOMMUNEDATA_WAREHOUSE=:memory: $(BIN)/sqlfluff lint models tests/dbt analyses
	# the example queries of the docs site (analyses/) must compile
	KOMMUNEDATA_WAREHOUSE=:memory: $(BIN)/dbt compile --select "resource_type:analysis" --quiet
	# owners, descriptions and tests of every model, seed and macro: dbt-score rates them
	$(BIN)/dbt-score lint --manifest target/manifest.json --fail-project-under 9.0 --show failing-items

# Every column of every model and source described, and at least half of the marts'
# columns under a column test: dbt-coverage reads the catalog dbt generates from the
# scratch warehouse the pipeline built.
coverage: dbt-test
	KOMMUNEDATA_WAREHOUSE=$(SCRATCH)/kommunedata.duckdb $(BIN)/dbt docs generate --quiet \
		--vars '{extracted_dir: $(SCRATCH)/kommunedata_extracted}' --target-path target/docs
	$(BIN)/dbt-coverage compute doc --run-artifacts-dir target/docs --cov-fail-under 1.0 --cov-report target/docs/coverage-doc.json
	$(BIN)/dbt-coverage compute test --run-artifacts-dir target/docs --model-path-filter models/marts \
		--cov-fail-under 0.5 --cov-report target/docs/coverage-test.json

# Text MB/s, the PDF path against pdfplumber, the bundled run against dbt's floor, a
# ten-year archive cold and warm with its peak memory: measurements, not tests.
bench: setup
	$(BIN)/python bench/measure.py

# The same on one year of archive, once: that every measured command still runs.
bench-smoke: setup
	$(BIN)/python bench/measure.py --smoke

clean:
	rm -rf $(VENV) warehouse target logs
