"""SSB home-care user payments: one fixture per trap of the document, other editions, the bundled sample."""

from __future__ import annotations

import re
from dataclasses import asdict
from decimal import Decimal
from pathlib import Path

import pytest
import yaml

from extract.kinds.base import ParseError
from extract.kinds.home_care_fees import KIND, income_band
from extract.tables import read_file, tables_from_text

ROOT = Path(__file__).resolve().parents[2]
DOCUMENTS = ROOT / "documents"
SAMPLE = DOCUMENTS / "ssb_home_care_fees_2006.txt"
PAD = " " + "|" * 27  # the rendering pads every row with empty cells

BANDS = ["under 2 G", "2-3 G", "3-4 G", "4-5 G", "over 5 G"]
FOOTNOTE = (
    '| 1 | Definisjoner: Satsene beregnes på bakgrunn av brukernes skattbare inntekt, hvor "G" i tabellhodet '
    "refererer til Folketrygdens grunnbeløp; i gjennomsnitt {g} kroner i {year}. . = ubesvart. .. = Oppgave "
    "mangler eller er så mangelfull at tall ikke kan gis. Foreløpige {year}-tall. |"
)


def header(bands: list[str] = BANDS, prices: tuple[str, ...] = ("Abonnementspris", "Timepris"),
           measures: tuple[str, ...] = ("Andel som betaler", "Brukerbetaling per bruker")) -> list[str]:
    first = ["Kommune", *measures, *(f"Brukerbetaling {band}" for band in bands)]
    width = 1 + len(measures) + len(bands) * len(prices)
    return [
        "| " + " | ".join(first) + " |" + PAD,
        "|" + "---|" * (width + 27),
        "| " + " | ".join(prices * len(bands)) + " |" + PAD,
    ]


def document(rows: list[str], year: int = 2006, g: str = "62 161", head: list[str] | None = None,
             footnote: bool = True):
    lines = [f"| 21 | Brukerbetaling for hjemmetjenester. {year} 1 |", *(head or header()), *rows]
    if footnote:
        lines.append(FOOTNOTE.format(g=g, year=year))
    return tables_from_text("\n".join(lines))


HALDEN = "| 0101 Halden | 57 | 3 584 | 150 | .. | .. | 160 | .. | 160 | .. | 160 | .. | 160 |" + PAD
MOSS = "| 0104 Moss | 43 | 4 452 | . | 32 | . | 185 | . | 185 | . | 185 | . | 185 |" + PAD
OSLO = "| 0301 Oslo | 70 | 2 500 | . | 20 | . | 52 | . | 103 | . | 188 | . | 188 |" + PAD
GAMLE_OSLO = "| Gamle Oslo (Oslo) | 83 | 1 654 | . | 20 | . | 52 | . | 103 | . | 188 | . | 188 |" + PAD
MISSING = " | .." * 12 + " |" + PAD


def facts(result) -> dict[str, str]:
    return {fact.name: fact.value for fact in result.facts}


def schedule(result, area: str) -> dict[tuple[str, str], tuple[Decimal | None, str]]:
    return {
        (row["income_band"], row["price_type"]): (row["price_nok"], row["value_status"])
        for row in result.tables["fee_schedule"]
        if row["area_name"] == area
    }


def test_two_header_rows_give_band_and_price_type_of_each_column():
    result = KIND.parse(document([HALDEN]))
    prices = schedule(result, "Halden")
    assert len(prices) == 10
    assert prices[("under_2g", "subscription")] == (Decimal(150), "published")
    assert prices[("2_3g", "hourly")] == (Decimal(160), "published")
    assert prices[("over_5g", "subscription")] == (None, "missing")
    fees = result.tables["fees"][0]
    assert (fees["share_paying_pct"], fees["payment_per_user_nok"]) == (Decimal(57), Decimal(3584))


def test_columns_follow_the_header_labels_not_their_positions():
    # Another edition: price types in the other order, measures swapped, three bands.
    head = header(bands=["under 1,5 G", "1,5-3 G", "over 3 G"], prices=("Timepris", "Abonnementspris"),
                  measures=("Brukerbetaling per bruker", "Andel som betaler"))
    row = "| 0101 Halden | 3 584 | 57 | 40 | 150 | 60 | 400 | 80 | . |" + PAD
    result = KIND.parse(document([row], head=head))
    assert result.rejects == []
    prices = schedule(result, "Halden")
    assert prices[("under_1p5g", "hourly")] == (Decimal(40), "published")
    assert prices[("under_1p5g", "subscription")] == (Decimal(150), "published")
    assert prices[("1p5_3g", "hourly")] == (Decimal(60), "published")
    assert prices[("over_3g", "subscription")] == (None, "not_answered")
    fees = result.tables["fees"][0]
    assert (fees["share_paying_pct"], fees["payment_per_user_nok"]) == (Decimal(57), Decimal(3584))
    bounds = {(r["income_band"], r["income_band_lower_g"], r["income_band_upper_g"]) for r in result.tables["fee_schedule"]}
    assert bounds == {("under_1p5g", 0, Decimal("1.5")), ("1p5_3g", Decimal("1.5"), 3), ("over_3g", 3, None)}
    assert (facts(result)["columns"], facts(result)["price_columns"]) == ("8", "6")



def test_a_column_the_kind_does_not_know_is_listed_and_not_read():
    head = header(measures=("Andel som betaler", "Endring i andel fra 2005", "Brukerbetaling per bruker"))
    row = "| 0101 Halden | 57 | -2,0 | 3 584 | 150 | .. | .. | 160 | .. | 160 | .. | 160 | .. | 160 |" + PAD
    result = KIND.parse(document([row], head=head))
    assert result.rejects == []
    assert ("unknown_column", "Endring i andel fra 2005") in [(f.name, f.value) for f in result.facts]
    fees = result.tables["fees"][0]
    assert (fees["share_paying_pct"], fees["payment_per_user_nok"]) == (Decimal(57), Decimal(3584))
    prices = schedule(result, "Halden")
    assert prices[("under_2g", "subscription")] == (Decimal(150), "published")
    assert prices[("over_5g", "hourly")] == (Decimal(160), "published")

def test_income_band_codes_and_bounds():
    assert asdict(income_band("Brukerbetaling under 2 G")) == {
        "code": "under_2g", "label": "Brukerbetaling under 2 G", "lower_g": 0, "upper_g": 2}
    assert (income_band("Brukerbetaling 4-5 G").code, income_band("Brukerbetaling 4-5 G").lower_g) == ("4_5g", 4)
    assert income_band("Brukerbetaling over 5 G").upper_g is None
    assert income_band("Brukerbetaling per bruker") is None


def test_header_without_price_type_row_cannot_be_read():
    head = header()[:2]
    with pytest.raises(ParseError, match="price types"):
        KIND.parse(document([HALDEN], head=head))


def test_price_labels_that_do_not_divide_among_the_bands_cannot_be_read():
    head = header()
    head[2] = "| Abonnementspris | Timepris | Abonnementspris |" + PAD
    with pytest.raises(ParseError, match="3 price labels for 5 income bands"):
        KIND.parse(document([HALDEN], head=head))


def test_not_answered_and_missing_stay_distinct_statuses_never_zero():
    result = KIND.parse(document([MOSS, "| 0111 Hvaler" + MISSING]))
    moss = schedule(result, "Moss")
    assert moss[("under_2g", "subscription")] == (None, "not_answered")
    assert moss[("under_2g", "hourly")] == (Decimal(32), "published")
    hvaler = next(row for row in result.tables["fees"] if row["area_name"] == "Hvaler")
    assert (hvaler["share_paying_pct"], hvaler["share_paying_status"]) == (None, "missing")
    assert (hvaler["payment_per_user_nok"], hvaler["payment_per_user_status"]) == (None, "missing")
    assert all(row["price_nok"] is None for row in result.tables["fee_schedule"] if row["value_status"] != "published")


def test_a_published_zero_is_zero():
    row = "| 0123 Spydeberg | 56 | 4 948 | 150 | 0 | 460 | 190 | 830 | 190 | 1 200 | 190 | 1 200 | 190 |" + PAD
    prices = schedule(KIND.parse(document([row])), "Spydeberg")
    assert prices[("under_2g", "hourly")] == (Decimal(0), "published")
    assert prices[("4_5g", "subscription")] == (Decimal(1200), "published")


def test_trailing_empty_cells_do_not_matter():
    padded = KIND.parse(document([HALDEN]))
    bare = KIND.parse(document([HALDEN.removesuffix(PAD)]))
    strip = lambda rows: [{k: v for k, v in row.items() if k not in ("raw_line", "source_sha256")} for row in rows]  # noqa: E731
    assert strip(padded.tables["fee_schedule"]) == strip(bare.tables["fee_schedule"])
    assert bare.rejects == []


def test_bydeler_section_holds_city_districts_keyed_by_parent_name():
    result = KIND.parse(document([HALDEN, OSLO, "| Bydeler |" + PAD, GAMLE_OSLO, "| Sentrum (Oslo)" + MISSING]))
    levels = {(row["area_level"], row["area_name"], row["parent_municipality_name"], row["municipality_code"])
              for row in result.tables["fees"]}
    assert levels == {
        ("municipality", "Halden", None, "0101"),
        ("municipality", "Oslo", None, "0301"),
        ("district", "Gamle Oslo", "Oslo", None),
        ("district", "Sentrum", "Oslo", None),
    }
    assert schedule(result, "Gamle Oslo")[("over_5g", "hourly")] == (Decimal(188), "published")
    assert (facts(result)["municipality_rows"], facts(result)["district_rows"]) == ("2", "2")


def test_a_district_before_the_bydeler_section_is_rejected():
    result = KIND.parse(document([HALDEN, GAMLE_OSLO]))
    assert [reject.line.number for reject in result.rejects] == [6]
    assert "before the 'Bydeler' section" in result.rejects[0].reason


@pytest.mark.parametrize(
    ("label", "name", "parent"),
    [
        ("Brakerøya - Strøtvet (Drammen)", "Brakerøya - Strøtvet", "Drammen"),
        ("Storv./Dunderl. (Rana)", "Storv./Dunderl.", "Rana"),
        ("Kvaløya nord m/øyene (Tromsø)", "Kvaløya nord m/øyene", "Tromsø"),
        ("Distrikt Nord(Harstad)", "Distrikt Nord", "Harstad"),  # no space before the parenthesis
        ("Melløs/Øre(Moss)", "Melløs/Øre", "Moss"),
    ],
)
def test_district_names_with_spaces_slashes_and_a_missing_space(label, name, parent):
    result = KIND.parse(document([HALDEN, "| Bydeler |" + PAD, f"| {label}" + MISSING]))
    assert result.rejects == []
    district = result.tables["fees"][-1]
    assert (district["area_level"], district["area_name"], district["parent_municipality_name"]) == ("district", name, parent)


def test_a_district_without_parent_is_rejected():
    result = KIND.parse(document([HALDEN, "| Bydeler |" + PAD, "| Sentrum" + MISSING]))
    assert len(result.rejects) == 1 and "no parent municipality" in result.rejects[0].reason


def test_footnote_row_becomes_facts_not_data():
    result = KIND.parse(document([HALDEN]))
    found = facts(result)
    assert found["g_average_nok"] == "62161"
    assert found["g_year"] == "2006"
    assert found["preliminary"] == "true"
    assert found["symbol_not_answered"] == ". = ubesvart"
    assert found["symbol_missing"].startswith(".. = Oppgave mangler")
    assert found["footnote_1"].startswith("Definisjoner:")
    assert (found["year"], found["table_number"]) == ("2006", "21")
    assert len(result.tables["fees"]) == 1 and result.rejects == []


def test_another_year_parses_with_its_own_g():
    result = KIND.parse(document([HALDEN, MOSS], year=2009, g="72 006", footnote=True))
    found = facts(result)
    assert (found["year"], found["g_average_nok"], found["g_year"]) == ("2009", "72006", "2009")
    assert {row["year"] for row in result.tables["fee_schedule"]} == {2009}
    assert "preliminary" in found


def test_without_footnote_there_is_no_g_fact():
    result = KIND.parse(document([HALDEN], footnote=False))
    assert "g_average_nok" not in facts(result) and "preliminary" not in facts(result)


@pytest.mark.parametrize(
    ("row", "reason"),
    [
        ("| 0101 Halden | 57 | 3 5x4 | 150 | .. | .. | 160 | .. | 160 | .. | 160 | .. | 160 |", "not a number"),
        ("| 0101 Halden | 57 | 3 584 | 150 | .. | .. | 160 | .. | 160 |", "expected 12 values"),
        ("| 0101 Halden | 57 | 3 584 | 150 | .. | .. | 160 | .. | 160 | .. | 160 | .. | 160 | 7 |", "expected 12 values"),
        ("| 0101 Halden | 57 |  | 150 | .. | .. | 160 | .. | 160 | .. | 160 | .. | 160 |", "empty cell"),
        ("| Halden | 57 | 3 584 | 150 | .. | .. | 160 | .. | 160 | .. | 160 | .. | 160 |", "neither a municipality"),
        ("| 12 | 57 | 3 584 | 150 | .. | .. | 160 | .. | 160 | .. | 160 | .. | 160 |", "neither a municipality"),
    ],
)
def test_a_corrupted_row_is_rejected_not_guessed(row, reason):
    result = KIND.parse(document([HALDEN, row + PAD, MOSS]))
    assert [reject.line.number for reject in result.rejects] == [6]
    assert reason in result.rejects[0].reason
    assert {row["area_name"] for row in result.tables["fees"]} == {"Halden", "Moss"}
    # Every table row of the section counts, whether it parsed or not, so dbt compares
    # rows + rejects with the document rather than the parser's success with itself.
    assert facts(result)["municipality_rows"] == "3"


@pytest.mark.parametrize(
    "label",
    ["0101Halden", "O101 Halden", "Halden", "0101", ""],
)
def test_a_damaged_first_data_row_is_a_reject_not_part_of_the_header(label):
    # The header ends at the row of price types; the row after it is data even when its
    # label cannot be read, so it is rejected rather than swallowed into the header.
    row = f"| {label} | 57 | 3 584 | 150 | .. | .. | 160 | .. | 160 | .. | 160 | .. | 160 |" + PAD
    result = KIND.parse(document([row, MOSS]))
    assert [reject.line.number for reject in result.rejects] == [5]
    assert [fees["area_name"] for fees in result.tables["fees"]] == ["Moss"]
    assert (facts(result)["columns"], facts(result)["municipality_rows"]) == ("12", "2")


def test_a_damaged_district_row_still_counts_as_a_district_row():
    result = KIND.parse(document([HALDEN, "| Bydeler |" + PAD, GAMLE_OSLO, "| Sentrum" + MISSING, "| Frogner (Oslo) | 1 |"]))
    assert len(result.rejects) == 2 and len(result.tables["fees"]) == 2
    assert (facts(result)["municipality_rows"], facts(result)["district_rows"]) == ("1", "3")


def test_detects_only_its_own_kind():
    assert KIND.detect(read_file(SAMPLE)) >= 0.9
    for path in DOCUMENTS.iterdir():
        if path != SAMPLE:
            assert KIND.detect(read_file(path)) < 0.5, path.name


def test_bundled_document_with_a_damaged_first_row():
    # The reviewer's case: a missing space in the first municipality's label.
    text = SAMPLE.read_text(encoding="utf-8")
    assert "| 0101 Halden |" in text
    result = KIND.parse(tables_from_text(text.replace("| 0101 Halden |", "| 0101Halden |", 1)))
    assert [reject.line.text[:15] for reject in result.rejects] == ["| 0101Halden | "]
    assert len(result.tables["fees"]) == 660
    assert (facts(result)["municipality_rows"], facts(result)["district_rows"]) == ("431", "230")


def test_bundled_document():
    result = KIND.parse(read_file(SAMPLE))
    assert result.rejects == []
    found = facts(result)
    assert (found["municipality_rows"], found["district_rows"]) == ("431", "230")
    assert (found["g_average_nok"], found["preliminary"]) == ("62161", "true")
    fees = result.tables["fees"]
    assert len(fees) == 661 and len(result.tables["fee_schedule"]) == 6610
    assert sum(row["area_level"] == "municipality" for row in fees) == 431
    by_name = {row["area_name"]: row for row in fees}
    nesseby = by_name["Unjárga Nesseby"]
    assert (nesseby["municipality_code"], nesseby["share_paying_pct"]) == ("2027", Decimal(102))  # kept as published
    assert (by_name["Frogner"]["share_paying_status"], by_name["Frogner"]["payment_per_user_nok"]) == ("missing", Decimal(2886))
    assert by_name["Kvaløya nord m/øyene"]["parent_municipality_name"] == "Tromsø"
    sarpsborg = schedule(result, "Sarpsborg")
    assert sarpsborg[("3_4g", "subscription")] == (Decimal(2280), "published")
    assert sarpsborg[("over_5g", "hourly")] == (Decimal(257), "published")
    parents = {row["parent_municipality_name"] for row in fees if row["area_level"] == "district"}
    names = {row["area_name"] for row in fees if row["area_level"] == "municipality"}
    assert parents <= names


def test_intermediate_and_marts_build_on_staging_not_on_seeds():
    seeds = {path.stem for path in (ROOT / "seeds").rglob("*.csv")}
    models = [*(ROOT / "models" / "intermediate" / "home_care_fees").glob("*.sql"),
              *(ROOT / "models" / "marts" / "home_care_fees").glob("*.sql")]
    assert models
    for path in models:
        refs = set(re.findall(r"ref\(\s*['\"](\w+)['\"]\s*\)", path.read_text(encoding="utf-8")))
        assert not refs & seeds, f"{path.name} reads a seed directly: {refs & seeds}"


def test_mart_contracts_require_lineage():
    marts = yaml.safe_load((ROOT / "models" / "marts" / "home_care_fees" / "_home_care_fees__models.yml").read_text(encoding="utf-8"))
    assert marts["models"]
    for model in marts["models"]:
        columns = {column["name"]: column for column in model["columns"]}
        for name in ("source_file", "source_sha256", "source_line"):
            constraints = [constraint["type"] for constraint in columns[name].get("constraints", [])]
            assert "not_null" in constraints, f"{model['name']}.{name}"
