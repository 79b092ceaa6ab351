"""SSB sickness absence: ambiguous thousands resolved by the table's own arithmetic."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import pytest

from extract.kinds.base import ParseError
from extract.kinds.sickness_absence import (
    KIND,
    Candidates,
    RawRow,
    Reading,
    decide_total,
    enumerate_readings,
    parse_sex,
)
from extract.readers import read_document
from extract.tables import read_file, read_tables, tables_from_text

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "documents" / "ssb_sickness_absence_men_2002_q2_q3.txt"
NBSP = "\u00a0"


def header(sex: str = "Men", a: tuple[int, int] = (2, 2002), b: tuple[int, int] = (3, 2002)) -> str:
    """The sample's title and header, for another sex and other quarters."""
    (qa, ya), (qb, yb) = a, b
    return (
        f"12{NBSP} {NBSP} Sickness absence man-days for\n"
        "employees with sickness absence certified by a doctor, by municipality of residence. Figures\n"
        f"and per cent of scheduled man-days (sickness absence rate). {sex}. Quarterly figures.\n"
        "\n"
        f"{NBSP} Quarter {qa} {ya} Quarter {qb} {yb} Sickness absence rate\n"
        "Municipality Sickness absence\n"
        "man-days\n"
        "Change since last year Sickness absence\n"
        "man-days\n"
        f"Change since last year Quarter {qa} {ya - 1} Quarter {qb} {yb - 1} Quarter {qa} {ya} Quarter {qb} {yb}\n"
    )


def row(code: str, name: str, cells: str) -> str:
    return f"{NBSP} {NBSP} {NBSP} {code} {name} {cells}"


def parse(*rows: str, **kwargs):
    return KIND.parse(tables_from_text(header(**kwargs) + "\n".join(rows) + "\n"))


def by_line(result) -> dict[int, list[dict]]:
    lines: dict[int, list[dict]] = {}
    for record in result.tables["absence"]:
        lines.setdefault(record["source_line"], []).append(record)
    return lines


def quarter_values(records: list[dict]) -> dict[tuple[int, int], tuple]:
    return {(r["year"], r["quarter"]): (r["absence_days"], r["days_status"], r["absence_rate_pct"], r["is_derived"]) for r in records}


def fmt(value: int) -> str:
    """An integer as SSB prints it: thousands grouped by an ordinary space."""
    return f"{value:,}".replace(",", " ")


# A few rows of the sample; the TOTAL is their sum so the TOTAL checks hold.
HALDEN = row("0101", "Halden", "17 663 747 19 012 2 396 5,4 5,5 5,5 6,3")
MARKER = row("0119", "Marker", "1 781 -320 2 027 -149 5,8 6,2 4,8 5,7")
RAKKESTAD = row("0128", "Rakkestad", "4 179 -214 4 058 -1 304 5,8 7,1 5,2 5,4")
TOTAL_OF_THREE = "TOTAL 23 623 213 25 097 943 5,6 6,0 5,5 6,3"


def test_unambiguous_row_has_one_reading():
    result = parse(MARKER)
    assert result.rejects == []
    (records,) = by_line(result).values()
    assert {r["split_candidates"] for r in records} == {1}
    assert not any(r["is_disambiguated"] for r in records)
    assert quarter_values(records) == {
        (2001, 2): (1781 + 320, "derived", Decimal("5.8"), True),
        (2001, 3): (2027 + 149, "derived", Decimal("6.2"), True),
        (2002, 2): (1781, "published", Decimal("4.8"), False),
        (2002, 3): (2027, "published", Decimal("5.7"), False),
    }


def test_enumeration_lists_every_grouping_and_only_groupings():
    readings = {str(r) for r in enumerate_readings("17 663 747 19 012 2 396".split())}
    # 19 and 2 must start a number, 012 cannot: one more start among 663, 747, 396.
    assert readings == {
        "17 | 663 747 | 19 012 | 2 396",
        "17 663 | 747 | 19 012 | 2 396",
        "17 663 747 | 19 012 | 2 | 396",
    }
    assert [str(r) for r in enumerate_readings(["-", "0", "-1", "304", "5"])] == ["- | 0 | -1 304 | 5"]
    # A sign only starts a number; a 4-digit token is no group.
    assert [str(r) for r in enumerate_readings(["1", "-304", "5", "6"])] == ["1 | -304 | 5 | 6"]
    assert list(enumerate_readings(["1234", "5", "6", "7"])) == []


def test_ambiguous_row_resolved_by_the_arithmetic():
    result = parse(HALDEN)
    assert result.rejects == []
    (records,) = by_line(result).values()
    assert {r["split_candidates"] for r in records} == {3}
    assert all(r["is_disambiguated"] for r in records)
    assert {r["days_split"] for r in records} == {"17 663 | 747 | 19 012 | 2 396"}
    values = quarter_values(records)
    assert values[(2002, 2)][0] == 17663 and values[(2002, 3)][0] == 19012
    assert values[(2001, 2)][0] == 17663 - 747 and values[(2001, 3)][0] == 19012 - 2396


def test_negative_changes():
    result = parse(RAKKESTAD)
    (records,) = by_line(result).values()
    changes = {(r["year"], r["quarter"]): r["change_days"] for r in records if not r["is_derived"]}
    assert changes == {(2002, 2): -214, (2002, 3): -1304}
    assert quarter_values(records)[(2001, 3)][0] == 4058 + 1304


# Twin readings: each man-day figure absorbs its change's first group, so every
# quantity scales by a thousand and every rate still fits.
TWIN = row("0301", "Storby", "1 250 000 101 110 1 300 000 102 120 5,0 5,2 5,5 5,7")


def test_two_surviving_readings_are_rejected_with_both_shown():
    result = parse(TWIN)
    assert result.tables["absence"] == []
    (reject,) = result.rejects
    assert "2 of" in reject.reason and "not guessing" in reject.reason
    assert "1 250 000 | 101 110 | 1 300 000 | 102 120 (consistent)" in reject.candidates
    assert "1 250 000 101 | 110 | 1 300 000 102 | 120 (consistent)" in reject.candidates


def test_the_total_rules_out_a_municipality_bigger_than_the_country():
    # Småby's negative changes leave the TOTAL's changes a two-digit head, so the
    # TOTAL has one reading, and Storby's thousandfold twin exceeds it.
    smaby = row("0302", "Småby", "200 000 -91 000 210 000 -92 000 6,0 6,2 4,1 4,3")
    total = "TOTAL 1 450 000 10 110 1 510 000 10 120 5,2 5,4 5,3 5,5"
    result = parse(total, TWIN, smaby)
    assert result.rejects == []
    lines = by_line(result)
    municipal = [r for records in lines.values() for r in records if r["area_level"] == "municipality"]
    storby = [r for r in municipal if r["municipality_code"] == "0301"]
    assert {r["days_split"] for r in storby} == {"1 250 000 | 101 110 | 1 300 000 | 102 120"}
    assert all(r["is_disambiguated"] for r in storby)


def test_total_decided_against_the_sum_of_municipalities():
    result = parse(TOTAL_OF_THREE, HALDEN, MARKER, RAKKESTAD)
    assert result.rejects == []
    total = [r for r in result.tables["absence"] if r["area_level"] == "total"]
    assert {(r["year"], r["quarter"]): r["absence_days"] for r in total} == {
        (2001, 2): 23623 - 213, (2001, 3): 25097 - 943, (2002, 2): 23623, (2002, 3): 25097,
    }
    assert all(r["municipality_code"] is None for r in total)


def test_total_not_matching_the_municipalities_is_rejected():
    # Sum of Halden and Marker is 19 444 / 21 039: a TOTAL far above it is wrong.
    result = parse("TOTAL 29 444 427 31 039 2 247 5,5 5,6 5,4 6,2", HALDEN, MARKER)
    (reject,) = result.rejects
    assert reject.line.text.startswith("TOTAL")
    assert "areas' sum" in reject.candidates


def test_no_reading_fits_the_rates():
    result = parse(row("0104", "Moss", "1 000 100 50 10 5,0 5,0 5,0 5,0"))
    (reject,) = result.rejects
    assert reject.reason.startswith("none of")
    assert "scheduled man-days" in reject.candidates


def test_not_published_cells_are_null_with_a_status():
    vale = row("10718", "Våle", "- - - - 4,7 5,2 - -")
    olen = row("1159", "Ølen", "1 170 - 1 213 - - - 3,1 3,4")
    result = parse(vale, olen)
    assert result.rejects == []
    lines = list(by_line(result).values())
    vale_values = quarter_values(lines[0])
    assert vale_values[(2001, 2)] == (None, "not_published", Decimal("4.7"), False)
    assert vale_values[(2002, 3)] == (None, "not_published", None, False)
    assert {r["rate_status"] for r in lines[0] if r["year"] == 2002} == {"not_published"}
    olen_values = quarter_values(lines[1])
    assert olen_values[(2002, 2)] == (1170, "published", Decimal("3.1"), False)
    assert olen_values[(2001, 2)] == (None, "not_published", None, False)
    assert {r["change_status"] for r in lines[1] if r["year"] == 2002} == {"not_published"}
    assert all(r["absence_days"] != 0 for r in lines[0] + lines[1])


def test_footnote_digit_glued_before_the_code():
    result = parse(row("10716", "Re/Våle", "5 003 2 810 5 201 2 764 4,4 5,0 5,1 5,7"))
    assert result.rejects == []
    (records,) = by_line(result).values()
    assert {(r["municipality_code"], r["footnote_marker"], r["source_name"]) for r in records} == {("0716", "1", "Re/Våle")}
    # Last year's Re is another area (Ramnes): its scheduled days double, which
    # the across-year check would refuse; the footnote excuses it.
    assert quarter_values(records)[(2001, 2)][0] == 5003 - 2810


def test_name_with_a_bare_dash():
    result = parse(row("2025", "Deatnu - Tana", "1 971 -224 2 133 -542 8,3 10,1 7,2 8,3"))
    (records,) = by_line(result).values()
    assert records[0]["source_name"] == "Deatnu - Tana"
    assert quarter_values(records)[(2002, 3)][0] == 2133


def test_synthetic_table_for_women_in_other_quarters():
    """Women, Quarter 4 2003 and Quarter 1 2004: values made here, printed the
    SSB way, must come back exactly."""
    municipalities = [
        ("0301", "Oslo", 412_345, 12_001, 398_760, -5_432, "5,9", "6,4", "6,1", "6,3"),
        ("1201", "Bergen", 201_003, 3_200, 199_999, 1_000, "6,8", "7,0", "7,0", "7,1"),
        ("1103", "Stavanger", 90_500, -2_210, 91_020, 310, "6,0", "6,2", "5,8", "6,2"),
        ("1856", "Røst", 402, 17, 398, -20, "5,5", "6,1", "5,7", "5,6"),
        ("0402", "Kongsvinger", 12_650, 650, 12_700, 700, "7,5", "7,4", "7,9", "7,8"),
    ]
    total = [sum(m[i] for m in municipalities) for i in range(2, 6)]
    total[0] += 1_000  # women with unknown residence count in the TOTAL only
    total[2] += 1_000
    lines = ["TOTAL " + " ".join(fmt(v) for v in total) + " 6,2 6,6 6,4 6,6"]
    lines += [row(code, name, " ".join([*(fmt(v) for v in values[:4]), *values[4:]])) for code, name, *values in municipalities]
    result = parse(*lines, sex="Women", a=(4, 2003), b=(1, 2004))
    assert result.rejects == []
    facts = {f.name: f.value for f in result.facts}
    assert facts["sex"] == "women"
    assert facts["rate_quarters"] == "Quarter 4 2002, Quarter 1 2003, Quarter 4 2003, Quarter 1 2004"
    records = result.tables["absence"]
    assert {r["sex"] for r in records} == {"women"}
    assert {(r["year"], r["quarter"]) for r in records} == {(2002, 4), (2003, 1), (2003, 4), (2004, 1)}
    for code, _, days_a, change_a, days_b, change_b, *_ in municipalities:
        got = {(r["year"], r["quarter"]): r["absence_days"] for r in records if r["municipality_code"] == code}
        assert got == {(2003, 4): days_a, (2004, 1): days_b, (2002, 4): days_a - change_a, (2003, 1): days_b - change_b}
    got_total = {(r["year"], r["quarter"]): r["absence_days"] for r in records if r["area_level"] == "total"}
    assert got_total[(2003, 4)] == total[0] and got_total[(2004, 1)] == total[2]
    # Several of these rows can be grouped more than one way.
    assert sum(r["is_disambiguated"] for r in records) >= 8


@pytest.mark.parametrize(
    ("title", "sex"),
    [("Figures. Men. Quarterly", "men"), ("Figures. Women. Quarterly", "women"), ("Both sexes. Quarterly", "both"),
     ("Tall. Kvinner. Kvartal", "women"), ("Begge kjønn.", "both"), ("Menn.", "men"),
     # SSB's tables of both sexes name none; 'I alt' names none; naming both is both
     ("Quarterly figures.", "both"), ("Sykefravær i alt. Kvartal", "both"), ("Men and women.", "both"),
     ("Menn og kvinner.", "both"), ("Employment. Women. Quarterly", "women")],
)
def test_sex_from_the_title(title, sex):
    assert parse_sex(title) == sex


def test_header_quarters_must_be_consistent():
    text = header().replace("Quarter 3 2001 Quarter 2 2002", "Quarter 3 2000 Quarter 2 2002") + HALDEN
    with pytest.raises(ParseError, match="rate quarters"):
        KIND.parse(tables_from_text(text))


def test_detect_only_this_kind():
    county = ROOT / "documents" / "ssb_sickness_absence_county_women_2002_q2_q3.txt"
    assert KIND.detect(read_file(SAMPLE)) >= 0.9 and KIND.detect(read_file(county)) >= 0.9
    for other in (ROOT / "documents").iterdir():
        if other not in (SAMPLE, county):
            assert KIND.detect(read_file(other)) < 0.5, other.name


def test_bundled_document():
    document = read_document(SAMPLE)
    municipal_lines = [line.number for line in document.lines if re.match(r"^[\s\u00a0]*\d{4,5} \S", line.text)]
    assert len(municipal_lines) == 435
    result = KIND.parse(read_tables(document))
    assert result.rejects == []
    lines = by_line(result)
    assert sorted(n for n, records in lines.items() if records[0]["area_level"] == "municipality") == municipal_lines
    assert all(len(records) == 4 for records in lines.values())
    records = result.tables["absence"]
    municipal = [r for r in records if r["area_level"] == "municipality"]
    assert len({(r["municipality_code"], r["year"], r["quarter"]) for r in municipal}) == 435 * 4
    assert {r["sex"] for r in records} == {"men"}
    # About half the rows can be grouped more than one way; all resolved.
    ambiguous = {n for n, rs in lines.items() if rs[0]["split_candidates"] > 1}
    assert 200 <= len(ambiguous) <= 235
    assert all(lines[n][0]["is_disambiguated"] for n in ambiguous)
    # Hand-checked against the document.
    oslo = quarter_values(next(rs for rs in lines.values() if rs[0]["municipality_code"] == "0301"))
    assert oslo[(2002, 2)] == (317795, "published", Decimal("4.9"), False)
    assert oslo[(2002, 3)] == (332466, "published", Decimal("5.5"), False)
    assert oslo[(2001, 2)] == (317795 - 34352, "derived", Decimal("4.6"), True)
    total = {(r["year"], r["quarter"]): r["absence_days"] for r in records if r["area_level"] == "total"}
    assert total == {(2002, 2): 2890578, (2002, 3): 3038956, (2001, 2): 2890578 - 255300, (2001, 3): 3038956 - 135131}
    # Municipalities sum to the TOTAL within rounding and 0.5 % for unknown residence.
    for key, value in total.items():
        summed = sum(r["absence_days"] or 0 for r in municipal if (r["year"], r["quarter"]) == key)
        assert value * 0.995 <= summed <= value + 435
    facts = {f.name: f.value for f in result.facts}
    assert facts["days_quarters"] == "Quarter 2 2002, Quarter 3 2002"
    assert facts["table_number"] == "12"


def test_total_still_decided_when_a_large_municipality_is_not_published():
    # Halden's man-days and changes are '-': the TOTAL exceeds the published sum by
    # far more than unknown residence explains, yet its thousandfold reading is
    # still ruled out.
    halden_unpublished = row("0101", "Halden", "- - - - 5,4 5,5 5,5 6,3")
    result = parse(TOTAL_OF_THREE, halden_unpublished, MARKER, RAKKESTAD)
    assert result.rejects == []
    total = {(r["year"], r["quarter"]): r["absence_days"] for r in result.tables["absence"] if r["area_level"] == "total"}
    assert total[(2002, 2)] == 23623 and total[(2002, 3)] == 25097


def total_bounds(result) -> set:
    return {r["total_bound"] for r in result.tables["absence"] if r["area_level"] == "total"}


def test_total_one_percent_above_the_sum_is_rejected_by_the_strict_bound():
    # Halden + Marker + Rakkestad sum to 23 623 / 25 097 (2002); this TOTAL is 1 %
    # above in both quarters, its 2001 figures (days − change) still the sum's.
    result = parse("TOTAL 23 859 449 25 348 1 194 5,6 6,0 5,5 6,3", HALDEN, MARKER, RAKKESTAD)
    (reject,) = result.rejects
    assert reject.line.text.startswith("TOTAL")
    assert "by more than 0.5% (strict bound)" in reject.candidates


def test_total_with_unpublished_cells_is_tried_strict_first_then_widened():
    # Strict: the TOTAL exactly matches the published sum although Ølen is '-'.
    olen = row("1159", "Ølen", "- - - - 3,0 3,2 3,1 3,4")
    result = parse(TOTAL_OF_THREE, HALDEN, MARKER, RAKKESTAD, olen)
    assert result.rejects == [] and total_bounds(result) == {"strict"}
    assert ("total_bound", "strict") in {(f.name, f.value) for f in result.facts}
    # Widened: Halden's '-' hides 17 663 man-days, far more than 0.5 % of the TOTAL.
    halden_unpublished = row("0101", "Halden", "- - - - 5,4 5,5 5,5 6,3")
    result = parse(TOTAL_OF_THREE, halden_unpublished, MARKER, RAKKESTAD)
    assert result.rejects == [] and total_bounds(result) == {"widened"}


def test_strict_bound_decides_between_total_readings_the_widened_one_would_both_allow():
    # Two TOTAL readings (made up, not a real split): 0.2 % and 20 % above the
    # published sum of 1 000, with one municipality cell not published. The
    # widened bound (sum + 10 × 1 000) allows both; the strict one only the first.
    def candidates(code: str | None, readings: list[Reading]) -> Candidates:
        raw = RawRow(None, "total" if code is None else "municipality", code, None, "x", (), (None,) * 4)  # type: ignore[arg-type]
        return Candidates(raw, readings)

    municipalities = [
        candidates("0101", [Reading(("1 000", "0", "1 000", "0"))]),
        candidates("0102", [Reading(("-", "-", "-", "-"))]),
    ]
    near, far = Reading(("1 002", "0", "1 002", "0")), Reading(("1 200", "0", "1 200", "0"))
    total = candidates(None, [near, far])
    decide_total(total, municipalities)
    assert total.surviving() == [near] and total.bound == "strict"
    assert "(strict bound)" in total.verdicts[far]


def test_bundled_document_total_decided_by_the_strict_bound():
    # 0718 Våle (2002) and 1159 Ølen (2001) are not published; the TOTAL still
    # lies within 0.5 % of the published sum, so the widened bound is never used.
    result = KIND.parse(read_file(SAMPLE))
    assert total_bounds(result) == {"strict"}
    assert {r["total_bound"] for r in result.tables["absence"] if r["area_level"] == "municipality"} == {None}


def test_header_repeated_after_a_page_break_is_skipped():
    # The table continues on a new page under the same title and header; the
    # page break's form feed and a blank line come before it.
    text = header() + "\n".join([TOTAL_OF_THREE, HALDEN, "\f", ""]) + "\n" + header() + "\n".join([MARKER, RAKKESTAD]) + "\n"
    result = KIND.parse(tables_from_text(text))
    assert result.rejects == []
    assert [f for f in result.facts if f.name == "footnote"] == []
    lines = by_line(result)
    assert sorted({r["municipality_code"] for rs in lines.values() for r in rs} - {None}) == ["0101", "0119", "0128"]
    assert all(len(rs) == 4 for rs in lines.values()) and len(lines) == 4
    # The TOTAL (first page) is still decided against all three municipalities.
    assert total_bounds(result) == {"strict"}


def test_column_header_alone_repeated_is_skipped():
    column_header = header().split("\n\n", 1)[1]
    result = parse(TOTAL_OF_THREE, HALDEN, column_header.rstrip("\n"), MARKER, RAKKESTAD)
    assert result.rejects == []
    assert len(by_line(result)) == 4


@pytest.mark.parametrize(
    ("other", "sex", "quarters"),
    [(header(sex="Women"), "women", {(2002, 2), (2002, 3)}), (header(a=(4, 2002), b=(1, 2003)), "men", {(2002, 4), (2003, 1)})],
)
def test_another_table_in_the_document_is_read_under_its_own_header(other, sex, quarters):
    # Another sex or other quarters: what follows is another table, read under its own
    # title and header, never as rows of the first table.
    text = header() + "\n".join([HALDEN, ""]) + "\n" + other + MARKER + "\n"
    result = KIND.parse(tables_from_text(text))
    first = {r["municipality_code"] for r in result.tables["absence"] if (r["sex"], r["year"], r["quarter"]) == ("men", 2002, 2)}
    assert first == {"0101"}
    second = [r for r in result.tables["absence"] if r["municipality_code"] == "0119"]
    assert {r["sex"] for r in second} == {sex} and {(r["year"], r["quarter"]) for r in second if not r["is_derived"]} == quarters


def test_a_column_the_kind_does_not_know_is_listed_and_not_read():
    """An 'Employed persons' column in each quarter's block: neither man-days, a change nor a rate."""
    title = ("Table 12. Sickness absence man-days for employees with sickness absence certified by a doctor, by "
             "municipality of residence. Figures and per cent of scheduled man-days (sickness absence rate). Men. "
             "Quarterly figures.\n\n")
    lines = [
        "| | Quarter 2 2002 | | | Quarter 3 2002 | | | Sickness absence rate | | | |",
        "| Municipality | Sickness absence man-days | Change since last year | Employed persons | Sickness absence "
        "man-days | Change since last year | Employed persons | Quarter 2 2001 | Quarter 3 2001 | Quarter 2 2002 "
        "| Quarter 3 2002 |",
        "| 0101 Halden | 17 663 | 747 | 5 120 | 19 012 | 2 396 | 5 130 | 5,4 | 5,5 | 5,5 | 6,3 |",
    ]
    result = KIND.parse(tables_from_text(title + "\n".join(lines) + "\n"))
    unknown = [f.value for f in result.facts if f.name == "unknown_column"]
    assert unknown == ["Quarter 2 2002 Employed persons", "Quarter 3 2002 Employed persons"]
    assert result.rejects == []
    (records,) = by_line(result).values()
    assert quarter_values(records) == {
        (2001, 2): (16916, "derived", Decimal("5.4"), True),
        (2001, 3): (16616, "derived", Decimal("5.5"), True),
        (2002, 2): (17663, "published", Decimal("5.5"), False),
        (2002, 3): (19012, "published", Decimal("6.3"), False),
    }


def test_a_only_reading_that_a_cross_check_disagrees_with_is_published_and_flagged():
    # Re without its footnote: last year's area was a smaller one, so this year's
    # scheduled man-days are 3.6 times last year's. The row has one reading; only the
    # comparison across the years disagrees, and that compares two structures, not damage.
    result = parse(row("0716", "Re", "5 003 3 810 5 201 3 764 4,4 5,0 5,1 5,7"))
    assert result.rejects == []
    (records,) = by_line(result).values()
    assert quarter_values(records)[(2002, 2)][0] == 5003
    [flag] = [fact for fact in result.facts if fact.name == "cross_check_disagreement"]
    assert flag.value.startswith("0716 Re: scheduled man-days") and "disagree" in flag.value
    assert flag.line.number == records[0]["source_line"]


def test_a_cross_check_still_tells_readings_apart():
    # Two groupings of these tokens keep the row's own arithmetic; only one keeps last
    # year's and this year's scheduled man-days within the across-year bound.
    result = parse(row("0101", "Halden", "887 758 374 989 696 401 976 5,5 5,5 5,7 4,4"))
    assert result.rejects == [] and not [f for f in result.facts if f.name == "cross_check_disagreement"]
    (records,) = by_line(result).values()
    assert {r["split_candidates"] for r in records} == {20}  # enumerated; two pass the own arithmetic
    assert all(r["is_disambiguated"] for r in records)
