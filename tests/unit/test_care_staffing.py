"""SSB care staffing: each trap of the text rendering, on small inline fixtures,
and the bundled 1999 document as a whole."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from extract.kinds import detect_kind
from extract.kinds.base import ParseError
from extract.kinds.care_staffing import KIND
from extract.kinds.care_staffing.semantics import education_type_code, split_header_labels
from extract.readers import read_document
from extract.tables import read_file, read_tables, tables_from_text
from extract.tables.text import join_wrapped

NB = "\u00a0"
HEADER = (
    f"{NB} Man-years, total Psychiatric nurses Other nurses Ergo-\n"
    "therapists\n"
    "Home-helpers Other personnel in administration and management"
)


def table(*rows: str, year: int = 1999, header: str = HEADER) -> str:
    return "\n".join(
        [
            "Nursing and social care services",
            "",
            f"8{NB}{NB} Man-years1, by type of education and municipality. {year}",
            header,
            *rows,
            f"1{NB} Man-years are the sum of full-time employees and part-time employees converted.",
            "",
            "Explanation of symbols",
        ]
    )


def cells_by(result, code):
    return {
        row["education_type"]: row
        for row in result.tables["man_years"]
        if row["municipality_code"] == code
    }


def test_header_broken_over_lines_is_rejoined_and_split_at_capitalised_labels():
    labels = split_header_labels(join_wrapped(HEADER.split("\n")))
    assert labels == [
        "Man-years, total",
        "Psychiatric nurses",
        "Other nurses",
        "Ergo-therapists",
        "Home-helpers",
        "Other personnel in administration and management",
    ]


def test_footnote_marker_glued_to_a_label_is_not_part_of_it():
    assert split_header_labels("Man-years1, total Home-helpers") == ["Man-years, total", "Home-helpers"]
    assert education_type_code("Man-years, total") == "total"
    assert education_type_code("Ergo-therapists") == "ergo_therapists"
    assert education_type_code("Nursing assistents") == "nursing_assistants"


def test_thousands_separator_is_a_no_break_space_inside_a_number():
    result = KIND.parse(tables_from_text(table(f"0301 Oslo 9{NB}393,23 1{NB}376,08 1,00 2,00 3,00 8{NB}011,15")))
    oslo = cells_by(result, "0301")
    assert oslo["total"]["man_years"] == Decimal("9393.23")
    assert oslo["psychiatric_nurses"]["man_years"] == Decimal("1376.08")


def test_empty_cell_is_a_lone_no_break_space_and_not_zero():
    result = KIND.parse(tables_from_text(table(f"0101 Halden 10,00 {NB} 0,00 4,00 {NB} 6,00")))
    halden = cells_by(result, "0101")
    assert halden["psychiatric_nurses"]["man_years"] is None
    assert halden["psychiatric_nurses"]["value_status"] == "empty"
    assert halden["other_nurses"]["man_years"] == Decimal("0.00")
    assert halden["other_nurses"]["value_status"] == "published"
    assert halden["home_helpers"]["value_status"] == "empty"


def test_trailing_empty_cell_at_the_end_of_a_line():
    result = KIND.parse(tables_from_text(table(f"0118 Aremark 5,00 1,00 2,00 1,00 1,00 {NB}")))
    assert cells_by(result, "0118")["other_personnel_in_administration_and_management"]["value_status"] == "empty"
    assert not result.rejects


def test_parallel_names_with_a_spaced_hyphen_stay_in_the_name():
    result = KIND.parse(tables_from_text(table(f"2025 Deatnu - Tana 82,98 {NB} 1,75 14,55 0,80 65,88")))
    tana = cells_by(result, "2025")
    assert tana["total"]["area_name"] == "Deatnu - Tana"
    assert tana["total"]["man_years"] == Decimal("82.98")
    assert tana["psychiatric_nurses"]["value_status"] == "empty"


def test_country_row_is_kept_as_a_total_not_a_municipality():
    result = KIND.parse(tables_from_text(table(f"The whole country 86{NB}369,86 972,20 1,00 2,00 3,00 85{NB}391,66")))
    [country] = [r for r in result.tables["man_years"] if r["education_type"] == "total"]
    assert country["area_level"] == "country"
    assert country["municipality_code"] is None


def test_a_row_whose_total_is_not_its_types_sum_is_rejected_even_with_one_reading():
    # A damaged cell leaves a reading that is the only one (every value has its
    # decimals); the row's own total proves it wrong.
    text = table("0101 Halden 10,00 1,00 2,00 3,00 4,00 9,00")
    result = KIND.parse(tables_from_text(text))
    assert cells_by(result, "0101") == {}
    [reject] = result.rejects
    assert reject.line.number == 7 and "not the sum of the types" in reject.reason


def test_a_row_with_a_missing_number_is_rejected_with_its_line_not_misread():
    text = table(
        "0101 Halden 10,00 1,00 2,00 3,00 4,00 0,00",
        "0104 Moss 10,00 1,00 2,00 3,00 4,00",
    )
    result = KIND.parse(tables_from_text(text))
    assert cells_by(result, "0104") == {}
    [reject] = result.rejects
    assert reject.line.number == 8  # the fixture's title block and 3-line header come first
    assert "expected 6 values" in reject.reason and "found 5" in reject.reason
    assert len(cells_by(result, "0101")) == 6


def test_a_garbled_number_is_rejected_not_guessed():
    result = KIND.parse(tables_from_text(table("0104 Moss 10,00 1,0O 2,00 3,00 4,00 0,00")))
    [reject] = result.rejects
    assert "1,0O" in reject.reason
    assert result.tables["man_years"] == []


def test_a_data_row_with_an_unexpected_label_is_rejected():
    result = KIND.parse(tables_from_text(table("Østfold 10,00 1,00 2,00 3,00 4,00 0,00")))
    [reject] = result.rejects
    assert "neither a municipality code nor the country total" in reject.reason


def test_another_year_and_another_column_set_follow_the_header():
    header = f"{NB} Man-years, total Registered nurses Auxiliary nurses"
    result = KIND.parse(tables_from_text(table("1103 Stavanger 100,00 60,00 40,00", year=2004, header=header)))
    rows = result.tables["man_years"]
    assert {row["year"] for row in rows} == {2004}
    assert [row["education_type"] for row in rows] == ["total", "registered_nurses", "auxiliary_nurses"]


def test_a_document_without_the_title_cannot_be_parsed():
    with pytest.raises(ParseError):
        KIND.parse(tables_from_text("Some other table\n0101 Halden 1,00"))


def test_bundled_document_is_detected_and_read_whole(care_staffing_path):
    document = read_document(care_staffing_path)
    assert detect_kind(read_tables(document)).kind is KIND
    result = KIND.parse(read_tables(document))
    rows = result.tables["man_years"]
    municipalities = {row["municipality_code"] for row in rows if row["area_level"] == "municipality"}
    assert len(municipalities) == 435
    assert not result.rejects
    assert len(rows) == 436 * 18
    # Hand-checked against the document: 0106 Fredrikstad, first three cells.
    fredrikstad = cells_by(result, "0106")
    assert fredrikstad["total"]["man_years"] == Decimal("1235.70")
    assert fredrikstad["psychiatric_nurses"]["man_years"] == Decimal("7.98")
    assert fredrikstad["other_personnel_in_service_functions"]["source_line"] == fredrikstad["total"]["source_line"]
    # The document's own arithmetic: each row's types add up to its total.
    for code in ("0106", "0301", "2030"):
        cells = cells_by(result, code)
        parts = sum(c["man_years"] or 0 for t, c in cells.items() if t != "total")
        assert parts == cells["total"]["man_years"]


def test_other_documents_are_not_taken_for_care_staffing():
    from tests.unit.conftest import DOCUMENTS

    for path in DOCUMENTS.iterdir():
        if path.name != "ssb_care_staffing_1999.txt":
            assert KIND.detect(read_file(path)) < 0.5, path.name


def test_header_order_comes_from_the_header_even_with_the_total_last_and_a_subtitle_above():
    header = f"Municipality\n{NB} Psychiatric nurses Other nurses Man-years, total"
    result = KIND.parse(tables_from_text(table("0101 Halden 1,00 2,00 3,00", header=header)))
    halden = cells_by(result, "0101")
    assert not result.rejects
    assert (halden["psychiatric_nurses"]["man_years"], halden["total"]["man_years"]) == (Decimal("1.00"), Decimal("3.00"))
    assert halden["total"]["column_number"] == 3


def test_acronyms_and_names_after_a_connector_stay_inside_a_label():
    assert split_header_labels("Man-years, total Auxiliary nurses in ICU Nurses for the Elderly Home-helpers") == [
        "Man-years, total", "Auxiliary nurses in ICU", "Nurses for the Elderly", "Home-helpers"]


def test_a_damaged_code_is_a_reject_not_a_footnote():
    result = KIND.parse(tables_from_text(table("01 Halden 10,00 1,00 2,00 3,00 4,00 0,00")))
    [reject] = result.rejects
    assert "neither a municipality code" in reject.reason
    assert not [fact for fact in result.facts if fact.name == "footnote" and "Halden" in fact.value]


UNKNOWN_HEADER = (
    f"{NB} Man-years, total Change from 1998, per cent Psychiatric nurses Other nurses Ergo-\n"
    "therapists\n"
    "Home-helpers Other personnel in administration and management"
)


@pytest.mark.parametrize("delimited", [False, True], ids=["single_spaces", "tabs"])
def test_a_column_the_kind_does_not_know_is_listed_and_left_out_of_the_rows(delimited):
    row = f"0301 Oslo 9{NB}393,23 -1,5 1{NB}376,08 1,00 8{NB}000,15 3,00 13,00"
    header = UNKNOWN_HEADER
    if delimited:
        header = "\t".join(["", "Man-years, total", "Change from 1998, per cent", "Psychiatric nurses", "Other nurses",
                            "Ergo-therapists", "Home-helpers", "Other personnel in administration and management"])
        row = "\t".join(["0301 Oslo", f"9{NB}393,23", "-1,5", f"1{NB}376,08", "1,00", f"8{NB}000,15", "3,00", "13,00"])
    result = KIND.parse(tables_from_text(table(row, header=header)))
    assert ("unknown_column", "Change from 1998, per cent") in [(f.name, f.value) for f in result.facts]
    oslo = cells_by(result, "0301")
    assert sorted(oslo) == sorted(["total", "psychiatric_nurses", "other_nurses", "ergo_therapists", "home_helpers",
                                   "other_personnel_in_administration_and_management"])
    assert oslo["total"]["man_years"] == Decimal("9393.23")
    assert oslo["psychiatric_nurses"]["man_years"] == Decimal("1376.08")
    assert oslo["ergo_therapists"]["man_years"] == Decimal("8000.15")
    assert not result.rejects


def _mutated_sample(old: str, new: str):
    text = (Path(__file__).resolve().parents[2] / "documents" / "ssb_care_staffing_1999.txt").read_text(encoding="utf-8")
    assert text.count(old) == 1
    return KIND.parse(tables_from_text(text.replace(old, new)))


def test_a_garbled_digit_is_read_from_the_country_total_less_the_other_rows():
    result = _mutated_sample("0104 Moss 543,06 4,00", "0104 Moss 543,06 4,0¤")
    assert result.rejects == []
    moss = {r["education_type"]: r for r in result.tables["man_years"] if r["municipality_code"] == "0104"}
    damaged = [r for r in moss.values() if r["value_status"] == "resolved_by_total"]
    assert [(r["man_years"], r["column_number"]) for r in damaged] == [(Decimal("4.00"), 2)]
    assert moss["total"]["man_years"] == Decimal("543.06") and moss["total"]["value_status"] == "published"
    assert [f.line.text.startswith("0104 Moss") for f in result.facts if f.name == "resolved_by_total"] == [True]


def test_a_different_digit_is_not_resolved_by_the_total():
    # '4,00' printed '5,00': a valid digit the totals contradict is damage they cannot read.
    result = _mutated_sample("0104 Moss 543,06 4,00", "0104 Moss 543,06 5,00")
    assert [r.line.text.split()[:2] for r in result.rejects] == [["0104", "Moss"]]
    assert not [r for r in result.tables["man_years"] if r["municipality_code"] == "0104"]


def test_two_swapped_cells_are_named_by_the_column_totals():
    result = _mutated_sample("0104 Moss 543,06 4,00 2,45", "0104 Moss 543,06 2,45 4,00")
    [reject] = result.rejects
    assert reject.line.text.startswith("0104 Moss") and "look swapped" in reject.reason
    assert not [r for r in result.tables["man_years"] if r["municipality_code"] == "0104"]
