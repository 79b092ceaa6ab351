"""The progress display: a redrawn line on a terminal, a line per tenth in a log, nothing when quiet."""

from __future__ import annotations

import io
from types import SimpleNamespace

from extract.progress import Progress, dbt_node_done, document_progress


def test_dbt_lines_of_finished_nodes_are_read_and_starts_are_not():
    assert dbt_node_done("15:26:59  2 of 676 OK created sql table model staging.stg_x ..... [OK in 0.03s]") == \
        (2, 676, "staging.stg_x")
    assert dbt_node_done("15:27:10  300 of 676 WARN 3 warn_when_names_differ ........ [WARN 3 in 0.02s]") == \
        (300, 676, "warn_when_names_differ")
    assert dbt_node_done("15:27:10  301 of 676 FAIL 1 assert_totals ............ [FAIL 1 in 0.02s]") == \
        (301, 676, "assert_totals")
    assert dbt_node_done("15:26:59  3 of 676 START sql table model staging.stg_y ..... [RUN]") is None
    assert dbt_node_done("Finished running 600 data tests in 0 hours") is None


def test_dbt_event_messages_without_the_time_keep_every_digit_of_the_count():
    # dbt's events carry the line without the time it prints in front of it.
    assert dbt_node_done("10 of 661 OK created sql table model staging.stg_x ..... [OK in 0.03s]") == \
        (10, 661, "staging.stg_x")
    assert dbt_node_done("123 of 661 PASS not_null_x ........ [PASS in 0.01s]") == (123, 661, "not_null_x")


def test_a_log_gets_a_line_per_tenth_of_the_way():
    stream = io.StringIO()
    progress = Progress(stream=stream, live=False)
    told = document_progress(progress)
    for done in range(1, 191):
        told(SimpleNamespace(name=f"doc{done}.txt", rejects=1 if done == 5 else 0), done, 190)
    lines = stream.getvalue().splitlines()
    assert lines[0] == "documents: 190 …" and lines[-1] == "  190/190 documents, 1 rejected lines"
    assert 10 <= len(lines) - 1 <= 11 and "\r" not in stream.getvalue()


def test_a_terminal_gets_one_line_redrawn_and_cleared_at_the_end():
    stream = io.StringIO()
    progress = Progress(stream=stream, live=True)
    progress.start("dbt models and tests")
    for done in range(1, 4):
        progress.update(done, 3, current=f"model_{done}")
    progress.finish()
    text = stream.getvalue()
    assert text.count("\r\x1b[2K") == 4 and "3/3 dbt models and tests · model_3" in text and "\n" not in text


def test_quiet_shows_nothing():
    stream = io.StringIO()
    progress = Progress(stream=stream, live=True, quiet=True)
    document_progress(progress)(SimpleNamespace(name="a.txt", rejects=0), 1, 1)
    assert stream.getvalue() == ""
