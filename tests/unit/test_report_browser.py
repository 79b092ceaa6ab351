"""The quality report in a real browser: Debian's Chromium, headless, loads the page a
run wrote, renders every section and chart, and logs no script error. `make test`
installs Chromium when it is missing and requires this test to run; elsewhere it is
skipped without a browser."""

from __future__ import annotations

import os
import shutil
import subprocess

import pytest

from extract.cli import main
from tests.unit.conftest import DOCUMENTS

BROWSER = shutil.which("chromium") or shutil.which("chromium-browser")
SECTIONS = ("documents", "totals", "statuses", "rejects", "suppression", "names", "coverage", "exclusions")

if BROWSER is None and os.environ.get("KOMMUNEDATA_BROWSER") == "required":
    raise RuntimeError("KOMMUNEDATA_BROWSER=required but no chromium on PATH (make installs it)")
pytestmark = pytest.mark.skipif(BROWSER is None, reason="no chromium on PATH")


def _chromium(*arguments: str) -> subprocess.CompletedProcess:
    return subprocess.run([BROWSER, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                           "--enable-logging=stderr", "--v=0", *arguments],
                          capture_output=True, text=True, timeout=120, check=False)


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    folder = tmp_path_factory.mktemp("browser")
    inbox = folder / "inbox"
    inbox.mkdir()
    shutil.copy(DOCUMENTS / "ssb_care_staffing_1999.txt", inbox / "staffing.txt")
    shutil.copy(DOCUMENTS / "nav_tiltak_2026-01_to_2026-04.txt", inbox / "tiltak.txt")  # suppressed cells: a chart
    (inbox / "notes.txt").write_text("not a statistics table\n", encoding="utf-8")
    warehouse = folder / "wh" / "k.duckdb"
    assert main(["run", str(inbox), "--warehouse", str(warehouse)]) == 0
    return folder / "wh" / "k_report.html"


def test_the_report_renders_every_section_without_script_errors(report, tmp_path):
    dom = _chromium("--dump-dom", report.as_uri())
    assert dom.returncode == 0, dom.stderr[-2000:]
    for section in SECTIONS:
        assert f'<section id="{section}">' in dom.stdout, section
    assert "staffing.txt" in dom.stdout and "tiltak.txt" in dom.stdout
    suppression = dom.stdout[dom.stdout.index('<section id="suppression">'):dom.stdout.index('<section id="names">')]
    assert suppression.count("<rect") == 4  # January–April
    errors = [line for line in dom.stderr.splitlines() if "CONSOLE" in line and ("Uncaught" in line or "Error" in line)]
    assert errors == []


def test_a_screenshot_of_the_report_is_taken(report, tmp_path):
    shot = tmp_path / "report.png"
    taken = _chromium("--window-size=1200,2400", f"--screenshot={shot}", report.as_uri())
    assert taken.returncode == 0, taken.stderr[-2000:]
    # a PNG of the whole window, not an error page's few bytes
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 20_000
