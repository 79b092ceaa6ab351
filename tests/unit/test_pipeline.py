"""Extraction over folders: detection by content, lineage, rejects, manifest, skipping unchanged files."""

from __future__ import annotations

import codecs
import shutil
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from extract import pipeline
from extract.parquet_store import read_manifest


def make_folder(tmp_path, care_staffing_path):
    folder = tmp_path / "inbox"
    folder.mkdir()
    shutil.copy(care_staffing_path, folder / "renamed_copy.txt")
    (folder / "shopping_list.txt").write_text("milk\nbread\n", encoding="utf-8")
    return folder


def test_kind_comes_from_content_and_unknown_documents_are_reported(tmp_path, care_staffing_path):
    report = pipeline.extract_documents([make_folder(tmp_path, care_staffing_path)], tmp_path / "out")
    statuses = {doc.name: (doc.status, doc.kind) for doc in report.documents}
    assert statuses == {
        "renamed_copy.txt": ("extracted", "care_staffing"),
        "shopping_list.txt": ("unknown", None),
    }


def test_every_row_carries_lineage(tmp_path, care_staffing_path):
    report = pipeline.extract_documents([make_folder(tmp_path, care_staffing_path)], tmp_path / "out")
    [doc] = report.with_status("extracted")
    rows = pq.read_table(tmp_path / "out" / "care_staffing" / "man_years" / f"{doc.sha256}.parquet").to_pylist()
    assert len(rows) == doc.rows
    source_lines = care_staffing_path.read_text(encoding="utf-8").split("\n")
    for row in rows[:: len(rows) // 50]:
        assert row["source_file"] == "renamed_copy.txt"
        assert row["source_sha256"] == doc.sha256
        assert row["source_page"] is None
        assert source_lines[row["source_line"] - 1] == row["raw_line"]


def test_unchanged_documents_are_not_parsed_again(tmp_path, care_staffing_path):
    folder, out = make_folder(tmp_path, care_staffing_path), tmp_path / "out"
    first = pipeline.extract_documents([folder], out)
    second = pipeline.extract_documents([folder], out)
    [before] = first.with_status("extracted")
    [after] = second.with_status("unchanged")
    assert (after.rows, after.sha256) == (before.rows, before.sha256)
    assert {row["status"] for row in read_manifest(out)} == {"unchanged", "unknown"}


def test_corrupted_rows_become_rejects_with_their_line_numbers(tmp_path, care_staffing_path):
    lines = care_staffing_path.read_text(encoding="utf-8").split("\n")
    moss = next(i for i, line in enumerate(lines) if line.startswith("0104 Moss"))
    lines[moss] = lines[moss].replace(" 543,06", "")  # a row with a missing number
    sarpsborg = moss + 1
    lines[sarpsborg] = lines[sarpsborg].replace("722,08", "72Z,08")  # a garbled number
    corrupted = tmp_path / "corrupted.txt"
    corrupted.write_text("\n".join(lines), encoding="utf-8")

    report = pipeline.extract_documents([corrupted], tmp_path / "out")
    [doc] = report.documents
    assert doc.status == "extracted" and doc.rejects == 2
    rejects = pq.read_table(tmp_path / "out" / "extraction" / "rejects" / f"{doc.sha256}.parquet").to_pylist()
    assert {(r["source_line"], r["source_file"]) for r in rejects} == {(moss + 1, "corrupted.txt"), (sarpsborg + 1, "corrupted.txt")}
    assert any("72Z,08" in r["reason"] for r in rejects)
    rows = pq.read_table(tmp_path / "out" / "care_staffing" / "man_years" / f"{doc.sha256}.parquet").to_pylist()
    assert not {r["municipality_code"] for r in rows} & {"0104", "0105"}


def test_duplicates_and_files_that_are_not_documents_are_reported_not_fatal(tmp_path, care_staffing_path):
    folder = make_folder(tmp_path, care_staffing_path)
    shutil.copy(care_staffing_path, folder / "zz_same_again.txt")
    (folder / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (folder / "README.md").write_text("# my notes\n", encoding="utf-8")
    report = pipeline.extract_documents([folder], tmp_path / "out")
    by_name = {doc.name: doc for doc in report.documents}
    assert by_name["zz_same_again.txt"].status == "duplicate"
    assert by_name["logo.png"].status == "unknown" and "binary" in by_name["logo.png"].message
    assert by_name["README.md"].status == "unknown"  # listed by name, not skipped by name
    assert not report.with_status("failed")


def test_a_rendering_saved_as_windows_1252_is_read_and_noted(tmp_path, care_staffing_path):
    legacy = tmp_path / "bemanning_1999_ansi.txt"
    legacy.write_bytes(care_staffing_path.read_text(encoding="utf-8").encode("cp1252"))
    report = pipeline.extract_documents([legacy], tmp_path / "out")
    [doc] = report.documents
    assert (doc.status, doc.kind, doc.rejects) == ("extracted", "care_staffing", 0)
    assert "cp1252" in doc.message
    rows = pq.read_table(tmp_path / "out" / "care_staffing" / "man_years" / f"{doc.sha256}.parquet").to_pylist()
    assert any(row["area_name"] == "Rømskog" for row in rows)


def test_an_unchanged_document_keeps_the_time_it_was_extracted(tmp_path, care_staffing_path):
    out = tmp_path / "out"
    pipeline.extract_documents([care_staffing_path], out)
    [first] = read_manifest(out)
    pipeline.extract_documents([care_staffing_path], out)
    [second] = read_manifest(out)
    assert second["status"] == "unchanged"
    assert second["extracted_at"] == first["extracted_at"]
    assert second["run_at"] >= first["run_at"]


def test_documents_no_longer_given_leave_the_extraction_folder(tmp_path, care_staffing_path):
    out = tmp_path / "out"
    pipeline.extract_documents([care_staffing_path], out)
    other = tmp_path / "other.txt"
    other.write_text("nothing to see", encoding="utf-8")
    pipeline.extract_documents([other], out)
    assert [p.name for p in (out / "care_staffing" / "man_years").glob("*.parquet")] == ["_empty.parquet"]


@pytest.mark.parametrize("encode", [
    pytest.param(lambda text: codecs.BOM_UTF8 + text.encode("utf-8"), id="utf-8 with BOM"),
    pytest.param(lambda text: text.encode("utf-16"), id="utf-16 with BOM"),
    pytest.param(lambda text: codecs.BOM_UTF16_BE + text.encode("utf-16-be"), id="utf-16 big-endian with BOM"),
    pytest.param(lambda text: text.replace("\n", "\r\n").encode("utf-8"), id="CRLF line ends"),
    pytest.param(lambda text: text.replace("\n", "\r\n").encode("cp1252"), id="windows-1252 with CRLF"),
])
def test_every_encoding_users_save_in_reads_the_same_rows(tmp_path, care_staffing_path, encode):
    text = care_staffing_path.read_text(encoding="utf-8")
    expected = pipeline.extract_documents([care_staffing_path], tmp_path / "expected")
    saved = tmp_path / "bemanning_1999.txt"
    saved.write_bytes(encode(text))
    report = pipeline.extract_documents([saved], tmp_path / "out")
    [doc], [original] = report.documents, expected.documents
    assert (doc.status, doc.kind, doc.rejects) == ("extracted", "care_staffing", 0)
    assert doc.rows_fingerprint == original.rows_fingerprint


@pytest.mark.parametrize(("raw", "says"), [
    pytest.param(codecs.BOM_UTF32_LE + "Man-years\n".encode("utf-32-le"), "UTF-32", id="utf-32"),
    pytest.param("Man-years, by municipality\n0104 Moss 1\n".encode("utf-16-le"), "UTF-16 without a byte-order mark",
                 id="utf-16 without BOM"),
    pytest.param("Man-years\nRømskog \x81 1\n".encode("latin-1"), "line 2 has byte 0x81", id="not windows-1252"),
])
def test_an_encoding_that_cannot_be_read_fails_naming_the_file(tmp_path, raw, says):
    saved = tmp_path / "bemanning.txt"
    saved.write_bytes(raw)
    [doc] = pipeline.extract_documents([saved], tmp_path / "out").documents
    assert doc.status == "failed" and doc.message.startswith("bemanning.txt: ") and says in doc.message


def _written(out) -> dict[str, list]:
    """Every Parquet table an extraction wrote, rows sorted, the manifest without its times."""
    tables = {}
    for path in sorted(out.rglob("*.parquet")):
        rows = pq.read_table(path).to_pylist()
        for row in rows:
            for moment in ("extracted_at", "run_at"):
                row.pop(moment, None)
        tables[str(path.relative_to(out))] = sorted(map(repr, rows))
    return tables


def test_a_process_pool_writes_what_one_process_writes(tmp_path):
    folder = tmp_path / "inbox"
    shutil.copytree(Path(__file__).resolve().parents[2] / "documents", folder)
    shutil.copy(folder / "ssb_care_staffing_1999.txt", folder / "copy_of_staffing.txt")  # a duplicate either way
    (folder / "notes.txt").write_text("not a table\n", encoding="utf-8")
    told: list[tuple[str, int, int]] = []
    pooled = pipeline.extract_documents([folder], tmp_path / "pooled", jobs=2,
                                        progress=lambda outcome, done, total: told.append((outcome.name, done, total)))
    alone = pipeline.extract_documents([folder], tmp_path / "alone", jobs=1)
    assert len(told) == len(alone.documents) == 8 and [done for _, done, _ in told] == list(range(1, 9))
    assert [(d.name, d.status, d.rows, d.rejects) for d in pooled.documents] == \
        [(d.name, d.status, d.rows, d.rejects) for d in alone.documents]
    statuses = {d.name: d.status for d in pooled.documents}
    assert statuses["copy_of_staffing.txt"] == "extracted" and statuses["ssb_care_staffing_1999.txt"] == "duplicate"
    assert _written(tmp_path / "pooled") == _written(tmp_path / "alone")
