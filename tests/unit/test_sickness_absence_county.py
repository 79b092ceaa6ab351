"""SSB sickness absence by county, of both sexes and in Norwegian: every variant of
title, header and rendering SSB used from 2000 to 2025 reads the same records."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import duckdb
import pytest

from extract.cli import main
from extract.kinds.base import parse_document
from extract.kinds.sickness_absence import KIND
from extract.tables import read_file, tables_from_text
from tests.unit.sickness_tables import COUNTIES_OF, Edition, build, render, variants

ROOT = Path(__file__).resolve().parents[2]
COUNTY_SAMPLE = ROOT / "documents" / "ssb_sickness_absence_county_women_2002_q2_q3.txt"
MUNICIPAL_SAMPLE = ROOT / "documents" / "ssb_sickness_absence_men_2002_q2_q3.txt"
VARIANTS = variants()
SEX_OF_TITLE = {None: "both", "Women": "women", "Men": "men", "Both sexes": "both", "Kvinner": "women",
                "Menn": "men", "Begge kjønn": "both", "I alt": "both"}


def read(text: str, name: str = "fixture.txt"):
    return parse_document(KIND, tables_from_text(text, name))


def records_of(result) -> dict[tuple, tuple]:
    return {
        (r["area_level"], r["source_name"], r["year"], r["quarter"]):
            (r["absence_days"], r["days_status"], r["change_days"], r["absence_rate_pct"], r["rate_change"])
        for r in result.tables["absence"]
    }


@pytest.mark.parametrize("name", sorted(VARIANTS))
def test_every_variant_reads_every_value(name):
    edition = VARIANTS[name]
    table = build(edition)
    result = read(render(table), f"{name}.txt")
    assert [(r.line.number, r.reason) for r in result.rejects] == []
    assert records_of(result) == table.expected
    records = result.tables["absence"]
    assert {r["sex"] for r in records} == {SEX_OF_TITLE[edition.sex]}
    assert {r["table_level"] for r in records} == {"county"}
    assert {(r["table_year"], r["table_quarter"]) for r in records} == {(edition.year, edition.quarters[1])}
    assert {r["rate_change_unit"] for r in records if r["rate_change"] is not None} <= {"percentage_points"}


def test_the_variants_cover_what_ssb_printed():
    """Not a test of the parser: that the fixtures hold every variant named."""
    headers = [render(build(edition)) for edition in VARIANTS.values()]
    for wording in ("Quarter 3 2009", "2. quarter 2002", "3rd quarter 2009", "2009K3", "3. kvartal 2018",
                    "Sickness absence- man-days", "man-days1", "Change since last year", "Change last year",
                    "Per cent", "Sickness absence rate (per cent)", "Legemeldte sykefraværsdagsverk",
                    "Endring fra i fjor", "Kvinner", "Begge kjønn", "Hele landet", "The whole country",
                    "Uoppgitt, Svalbard, Jan Mayen og Kontinentalsokkelen", "percentage points"):
        assert any(wording in text for text in headers), wording
    assert any("20091 " in text or "20091\n" in text for text in headers)  # marker glued to the year
    assert {edition.year for edition in VARIANTS.values()} == set(COUNTIES_OF)
    assert {edition.layout for edition in VARIANTS.values()} == {"spaces", "fixed", "tabs", "pipes"}


def test_the_bundled_county_table_reads_every_county():
    result = parse_document(KIND, read_file(COUNTY_SAMPLE))
    assert result.rejects == []
    records = result.tables["absence"]
    counties = {r["source_name"] for r in records if r["area_level"] == "county"}
    assert len(counties) == 19 and {"Østfold", "Sogn og Fjordane", "Finnmark"} <= counties
    finnmark = {(r["year"], r["quarter"]): (r["absence_days"], r["change_days"], r["absence_rate_pct"])
                for r in records if r["source_name"] == "Finnmark"}
    # 'Finnmark | 69 925 | 2 505 | 66 695 | -393 | 10,3 | 10,6 | 10,2 | 10,4 |'
    assert finnmark == {(2002, 2): (69925, 2505, Decimal("10.2")), (2002, 3): (66695, -393, Decimal("10.4")),
                        (2001, 2): (69925 - 2505, None, Decimal("10.3")), (2001, 3): (66695 + 393, None, Decimal("10.6"))}
    total = {(r["year"], r["quarter"]): r["absence_days"] for r in records if r["area_level"] == "total"}
    assert total[(2002, 2)] == 3496887 and total[(2002, 3)] == 3426350
    assert {r["sex"] for r in records} == {"women"} and {r["table_level"] for r in records} == {"county"}


def test_symbols_keep_their_own_status_and_no_value():
    # Østfold: '..' for quarter a's days, ':' for its change, '.' and '-' for two rates
    table = build(Edition(), symbols={(1, 0): "..", (1, 1): ":", (1, 4): ".", (1, 5): "-"})
    text = render(table)
    result = read(text)
    assert result.rejects == []
    got = {(r["year"], r["quarter"]): r for r in result.tables["absence"] if r["source_name"] == "Østfold"}
    this_a, last_a, last_b = got[(2002, 2)], got[(2001, 2)], got[(2001, 3)]
    assert (this_a["absence_days"], this_a["days_status"]) == (None, "missing")
    assert (this_a["change_days"], this_a["change_status"]) == (None, "confidential")
    assert (last_a["absence_days"], last_a["days_status"]) == (None, "not_published")  # cannot be derived
    assert (last_a["absence_rate_pct"], last_a["rate_status"]) == (None, "not_applicable")
    assert (last_b["absence_rate_pct"], last_b["rate_status"]) == (None, "not_published")
    assert last_b["days_status"] == "derived"


def test_a_total_below_the_counties_is_rejected():
    table = build(replace(Edition(), layout="pipes"))
    days, change = (int(cell.replace(" ", "")) for cell in table.areas[0].cells[2:4])
    # quarter b's man-days 10 % lower, last year's (days − change) as they were: the
    # TOTAL's own arithmetic holds, but it falls below the counties' sum
    lower = days * 9 // 10
    printed = " | ".join(table.areas[0].cells[2:4])
    text = render(table).replace(printed, f"{lower:,} | {change - (days - lower):,}".replace(",", " "), 1)
    assert text != render(table)
    result = read(text)
    (reject,) = result.rejects
    assert reject.line.text.startswith("TOTAL") and "below the areas' sum" in (reject.candidates or reject.reason)
    assert {r["area_level"] for r in result.tables["absence"]} == {"county"}


def test_a_municipality_row_in_a_county_table_costs_that_row():
    table = build(Edition(layout="pipes"))
    text = render(table).replace("Troms Romsa |", "1902 Tromsø |")
    result = read(text)
    (reject,) = result.rejects
    assert "1902 Tromsø" in reject.line.text and "municipality code in a table by county" in reject.reason
    assert {r["source_name"] for r in result.tables["absence"]} == {"TOTAL", "Østfold", "Finnmark"}


def test_a_document_with_a_county_and_a_municipal_table_reads_both():
    county = render(build(Edition(sex="Men")))
    municipal = MUNICIPAL_SAMPLE.read_text(encoding="utf-8")
    result = read(municipal + "\n\n" + county)
    assert result.rejects == []
    levels = {(r["table_level"], r["area_level"]) for r in result.tables["absence"]}
    assert levels == {("municipality", "total"), ("municipality", "municipality"), ("county", "total"),
                      ("county", "county")}


def test_a_municipal_table_of_both_sexes_with_parallel_names_and_an_unallocated_row():
    text = MUNICIPAL_SAMPLE.read_text(encoding="utf-8").replace(" Men. ", " Both sexes. ")
    text = text.replace("1736 Snåsa ", "1736 Snåase - Snåsa ")
    lines = text.splitlines()
    total_line = next(i for i, line in enumerate(lines) if line.startswith("TOTAL"))
    # the unallocated remainder, printed as its own row after the municipalities
    lines.append("   Uoppgitt, Svalbard, Jan Mayen og Kontinentalsokkelen 120 5 130 4 5,0 5,1 5,2 5,3")
    result = read("\n".join(lines) + "\n")
    assert result.rejects == [] and total_line
    records = result.tables["absence"]
    assert {r["sex"] for r in records} == {"both"}
    assert {r["source_name"] for r in records if r["municipality_code"] == "1736"} == {"Snåase - Snåsa"}
    unallocated = [r for r in records if r["area_level"] == "unallocated"]
    assert len(unallocated) == 4 and {r["absence_days"] for r in unallocated} == {120, 130, 115, 126}


# Codes the county names of each period must resolve to in the warehouse.
COUNTY_CODES = {
    (2002, "Østfold"): "01", (2002, "Troms Romsa"): "19", (2002, "Finnmark"): "20",
    (2009, "Oslo"): "03", (2009, "Finnmark Finnmárku"): "20", (2009, "Sør-Trøndelag"): "16",
    (2018, "Trøndelag"): "50", (2018, "Troms Romsa"): "19", (2018, "Nordland"): "18",
    (2021, "Viken"): "30", (2021, "Troms og Finnmark"): "54", (2021, "Vestland"): "46",
    (2024, "Akershus"): "32", (2024, "Troms - Romsa - Tromssa"): "55", (2024, "Finnmark - Finnmárku - Finmarkku"): "56",
}


def test_county_tables_of_every_period_build_into_the_warehouse(tmp_path):
    """Every variant, end to end through dbt: each county resolved to the county of its
    period, every value as the table gives it, the unallocated remainder derived."""
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    tables = {}
    for name, edition in VARIANTS.items():
        table = build(edition)
        (inbox / f"{name}.txt").write_text(render(table), encoding="utf-8")
        tables[name] = table
    warehouse = tmp_path / "wh" / "k.duckdb"
    assert main(["run", str(inbox), "--warehouse", str(warehouse), "--strict"]) == 0
    with duckdb.connect(str(warehouse), read_only=True) as connection:
        facts = connection.execute(
            "select county_name, year, quarter, sex, county_code, absence_days, days_status, absence_days_change, "
            "absence_rate_pct from main.fct_sickness_absence_county_quarterly").fetchall()
        unallocated = connection.execute(
            "select source_file, year, quarter, unallocated_days, printed_unallocated_days, not_derived_because "
            "from main.fct_sickness_absence_unallocated_quarterly where table_level = 'county'").fetchall()
        names = connection.execute("select distinct resolution from main.audit_county_names").fetchall()
    assert names == [("resolved",)]
    expected = {}
    for table in tables.values():
        edition = table.edition
        for (level, name, year, quarter), (days, status, change, rate, _) in table.expected.items():
            if level == "county":
                sex = SEX_OF_TITLE[edition.sex]
                expected[(name, year, quarter, sex)] = (COUNTY_CODES[(edition.year, name)], days, status, change, rate)
    got = {(name, year, quarter, sex): tuple(rest) for name, year, quarter, sex, *rest in facts}
    assert got == expected
    assert all(because is None for *_, because in unallocated)
    printed = [row for row in unallocated if row[4] is not None]
    assert printed and all(days >= printed_days for _, _, _, days, printed_days, _ in printed)


def _county_table_of(municipal_records: list[dict], names: dict[str, str], raise_county: str | None) -> str:
    """A county table of men 2002 made from the municipal sample: each county's man-days
    and changes the sum of its municipalities' (by the code's county digits), the rates
    the TOTAL's; `raise_county`'s man-days of quarter 2 10 % higher."""
    from tests.unit.sickness_tables import Area, Table, _decimal, _grouped

    sums: dict[str, list[int]] = {}
    rates = {}
    for record in municipal_records:
        if record["area_level"] == "total":
            rates[(record["year"], record["quarter"])] = record["absence_rate_pct"]
        if record["area_level"] != "municipality" or record["year"] != 2002:
            continue
        county = sums.setdefault(record["municipality_code"][:2], [0, 0, 0, 0])
        offset = 0 if record["quarter"] == 2 else 2
        county[offset] += record["absence_days"] or 0
        county[offset + 1] += record["change_days"] or 0
    if raise_county:
        # the table stays consistent in itself (its TOTAL includes the change): only the
        # municipal table can tell
        days, change, *rest = sums[raise_county]
        sums[raise_county] = [round(days * 1.1), change + round(days * 1.1) - days, *rest]
    total = [sum(values[i] for values in sums.values()) for i in range(4)]
    rate_cells = [_decimal(rates[q]) for q in ((2001, 2), (2001, 3), (2002, 2), (2002, 3))]
    table = Table(Edition(sex="Men", layout="pipes"))
    table.areas.append(Area("TOTAL", (*map(_grouped, total), *rate_cells), "total"))
    for code, values in sorted(sums.items()):
        table.areas.append(Area(names[code], (*map(_grouped, values), *rate_cells), "county"))
    return render(table)


def test_a_county_table_is_checked_against_the_municipal_table_of_its_release(tmp_path):
    """County and municipal tables of the same quarter and sex: each county's man-days
    agree with its municipalities' sum; a county 10 % off is reported (warn), the rest
    agree."""
    municipal = parse_document(KIND, read_file(MUNICIPAL_SAMPLE)).tables["absence"]
    names = {"01": "Østfold", "02": "Akershus", "03": "Oslo", "04": "Hedmark", "05": "Oppland", "06": "Buskerud",
             "07": "Vestfold", "08": "Telemark", "09": "Aust-Agder", "10": "Vest-Agder", "11": "Rogaland",
             "12": "Hordaland", "14": "Sogn og Fjordane", "15": "Møre og Romsdal", "16": "Sør-Trøndelag",
             "17": "Nord-Trøndelag", "18": "Nordland", "19": "Troms Romsa", "20": "Finnmark"}
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "municipal.txt").write_bytes(MUNICIPAL_SAMPLE.read_bytes())
    (inbox / "county.txt").write_text(_county_table_of(municipal, names, raise_county="03"), encoding="utf-8")
    warehouse = tmp_path / "wh" / "k.duckdb"
    assert main(["run", str(inbox), "--warehouse", str(warehouse), "--strict"]) == 0
    with duckdb.connect(str(warehouse), read_only=True) as connection:
        gaps = connection.execute(
            "select county_code, quarter, agrees, gap from main.audit_sickness_absence_county_municipal_gaps").fetchall()
    assert len(gaps) == 19 * 2
    disagreeing = {(code, quarter) for code, quarter, agrees, _ in gaps if not agrees}
    assert disagreeing == {("03", 2)}
    # 0718 Våle publishes no 2002 man-days: Vestfold's sum is a lower bound, and agrees
    assert all(gap == 0 for code, quarter, agrees, gap in gaps if agrees and code != "07")
