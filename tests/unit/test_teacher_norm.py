"""Teacher-norm compensation article: layout, county headings, name → code matching."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from extract.kinds.base import ParseError
from extract.kinds.teacher_norm import KIND, TABLE, TeacherNorm, period_code
from extract.readers import document_from_text
from extract.reference import (
    AMBIGUOUS,
    MATCHED,
    MATCHED_FOLDED,
    NO_MATCH,
    OTHER_COUNTY,
    MunicipalityReference,
    fold_name,
    normalise_name,
)
from extract.tables import read_file, read_tables, tables_from_text

NB = "\u00a0"
DOCUMENTS = Path(__file__).resolve().parents[2] / "documents"
SAMPLE = DOCUMENTS / "kd_teacher_norm_compensation_autumn_2018.txt"


def _version(code, name, county, valid_from="1999-01-01", valid_to="", parallel="", forms=""):
    return {
        "municipality_code": code, "municipality_name": name, "name_parallel": parallel,
        "parallel_forms": forms, "county_code": code[:2], "county_name": county,
        "valid_from": valid_from, "valid_to": valid_to, "is_municipality": "1",
    }


# A small reference in the shape of seeds/reference/municipality_versions.csv.
REFERENCE = MunicipalityReference.from_rows(
    [
        _version("0101", "Halden", "Østfold", valid_to="2019-12-31"),
        _version("0137", "Våler", "Østfold", valid_to="2019-12-31"),
        _version("0221", "Aurskog-Høland", "Akershus", valid_to="2019-12-31"),
        _version("0236", "Nes", "Akershus", valid_to="2019-12-31"),
        _version("0301", "Oslo", "Oslo"),
        _version("0426", "Våler", "Hedmark", valid_to="2019-12-31"),
        _version("0616", "Nes", "Buskerud", valid_to="2019-12-31"),
        _version("1736", "Snåsa", "Nord-Trøndelag", "2011-01-01", "2017-12-31", "Snåase - Snåsa", "Snåase"),
        _version("5041", "Snåsa", "Trøndelag", "2018-01-01", "", "Snåase - Snåsa", "Snåase"),
        _version("2021", "Karasjok", "Finnmark", "1991-01-01", "2019-12-31", "Kárášjohka - Karasjok", "Kárášjohka"),
        _version("2025", "Tana", "Finnmark", "1993-01-01", "2019-12-31", "Deatnu - Tana", "Deatnu"),
    ],
    fingerprint="test",
)
TN = TeacherNorm(reference=lambda: REFERENCE)

PROSE = (
    "Regjeringa innfører norm for lærartettleik i grunnskolen frå {term_lower} {year}\n\n"
    "Publisert under: Regjeringen Solberg\n\nUtgjevar: Kunnskapsdepartementet\n\n"
    "Regjeringa vil øyremerke {million} millionar kroner til kommunane for å innføre lærarnorma "
    "{term_lower} {year}. Totalt er det løyvt 1,4 milliardar kroner i {year}. Forslaget vil samla gi "
    "rom for om lag {man_years} lærarar {term_lower} {year}.\n\n"
    "{term} {year}\n\n"
)
HEADERS = {
    "missing": "Beregnet antall årsverk som mangler for å oppfylle en norm på 16/21/21",
    "compensation": "Kompensasjon {term_lower} {year}\n(i kroner)",
    "funded": "Antall årsverk kompensasjonen {term_lower} {year} gir rom for {term_lower} {year}\n(i årsverk)",
}


def pad(text: str, width: int = 30) -> str:
    """Right-align with no-break spaces, as the article pads its values."""
    return NB * (width - len(text)) + text


def article(
    counties: list[tuple[str | None, list[tuple[str, str, str, str]]]],
    term: str = "Høsten",
    year: int = 2018,
    structure: str = "oktober 2017",
    order: tuple[str, ...] = ("missing", "compensation", "funded"),
    million: str = "700",
    man_years: str = "2 300",
) -> str:
    """An article in the sample's layout: each cell on its own line, blank lines between."""
    fill = {"term": term, "term_lower": term.lower(), "year": year, "million": million, "man_years": man_years}
    parts = [PROSE.format(**fill)]
    parts.append(f"Kommune{NB} {NB} {NB} (kommuner og fylker per. {structure} )\n\n")
    for column in order:
        parts.append(HEADERS[column].format(**fill) + "\n\n")
    for county, rows in counties:
        if county is not None:
            parts.append(f"{county}\n\n")
        for name, *values in rows:
            parts.append(f"{NB}{name}\n\n")
            by_column = dict(zip(("missing", "compensation", "funded"), values))
            for column in order:
                parts.append(pad(by_column[column]) + "\n\n")
    return "".join(parts)


def rows_of(result):
    return {(row["county_name"], row["source_name"]): row for row in result.tables[TABLE]}


# --- layout -----------------------------------------------------------------


def test_values_on_their_own_lines_follow_the_header_order():
    text = article([("Østfold", [("Halden", "16,7", "6 166 000", "20,5")])])
    row = rows_of(TN.parse(tables_from_text(text)))[("Østfold", "Halden")]
    assert (row["missing_man_years"], row["compensation_nok"], row["funded_man_years"]) == (
        Decimal("16.7"), Decimal("6166000"), Decimal("20.5"),
    )
    assert row["municipality_code"] == "0101"
    assert row["funded_man_years_decimals"] == 1
    assert row["source_line"] == text.split("\n").index(f"{NB}Halden") + 1


def test_column_order_is_read_from_the_header_not_assumed():
    text = article(
        [("Østfold", [("Halden", "16,7", "6 166 000", "20,5")])], order=("compensation", "funded", "missing")
    )
    row = TN.parse(tables_from_text(text)).tables[TABLE][0]
    assert (row["missing_man_years"], row["compensation_nok"], row["funded_man_years"]) == (
        Decimal("16.7"), Decimal("6166000"), Decimal("20.5"),
    )



@pytest.mark.parametrize("separator", ["\t", " | "], ids=["tabs", "pipes"])
def test_a_column_the_kind_does_not_know_is_listed_and_not_read(separator):
    fill = {"term": "Høsten", "term_lower": "høsten", "year": 2018, "million": "700", "man_years": "2 300"}

    def line(*cells: str) -> str:
        joined = separator.join(cells)
        return f"| {joined} |" if separator == " | " else joined

    labels = [HEADERS[column].format(**fill).replace("\n", " ") for column in ("missing", "compensation", "funded")]
    labels.insert(2, "Andel av elevane (i prosent)")
    text = PROSE.format(**fill) + "\n".join([
        line("Kommune (kommuner og fylker per. oktober 2017 )", *labels),
        line("Østfold", "", "", "", ""),
        line("Halden", "16,7", "6 166 000", "12,5", "20,5"),
    ])
    result = TN.parse(tables_from_text(text))
    assert ("unknown_column", "Andel av elevane (i prosent)") in [(f.name, f.value) for f in result.facts]
    row = rows_of(result)[("Østfold", "Halden")]
    assert (row["missing_man_years"], row["compensation_nok"], row["funded_man_years"]) == (
        Decimal("16.7"), Decimal("6166000"), Decimal("20.5"),
    )
    assert not result.rejects

def test_padding_of_no_break_spaces_and_mixed_separators():
    text = article([("Østfold", [("Halden", "0,0", f"6{NB}166 000", "20,5")])])
    text = text.replace(f"{NB}Halden", f"{NB} {NB}Halden{NB} ")
    text = text.replace("\n\n", f"\n{NB} {NB}\n")  # blank lines made of padding only
    row = TN.parse(tables_from_text(text)).tables[TABLE][0]
    assert row["source_name"] == "Halden"
    assert row["compensation_nok"] == Decimal("6166000")
    assert row["missing_man_years"] == Decimal("0") and row["missing_man_years_status"] == "published"


def test_a_row_on_one_line_is_read_too():
    text = article([("Østfold", [("Halden", "16,7", "6 166 000", "20,5")])])
    head, _, _ = text.partition(f"{NB}Halden")
    row = TN.parse(tables_from_text(head + "Halden 16,7 6 166 000 20,5\n")).tables[TABLE][0]
    assert (row["source_name"], row["compensation_nok"], row["funded_man_years"]) == (
        "Halden", Decimal("6166000"), Decimal("20.5"),
    )


def test_a_name_with_too_few_values_is_rejected_not_shifted():
    text = article([("Østfold", [("Halden", "16,7", "6 166 000", "20,5"), ("Våler", "0,2", "571 000", "1,9")])])
    text = text.replace(pad("571 000") + "\n\n", "")
    result = TN.parse(tables_from_text(text))
    assert [row["source_name"] for row in result.tables[TABLE]] == ["Halden"]
    assert len(result.rejects) == 1 and "expected 3 values" in result.rejects[0].reason


def test_no_header_is_a_parse_error():
    with pytest.raises(ParseError):
        TN.parse(tables_from_text("Kommunane får pengar.\n\nØstfold\n\n\u00a0Halden\n\n16,7\n"))


# --- county headings ----------------------------------------------------------


def test_county_heading_is_told_from_a_name_by_structure():
    # 'Oslo' is both a county heading and the municipality under it.
    text = article([("Oslo", [("Oslo", "61,0", "41 617 000", "138,2")]), ("Østfold", [("Halden", "1,0", "300 000", "1,0")])])
    rows = rows_of(TN.parse(tables_from_text(text)))
    assert set(rows) == {("Oslo", "Oslo"), ("Østfold", "Halden")}
    assert rows[("Oslo", "Oslo")]["municipality_code"] == "0301"


def test_unknown_county_heading_is_rejected_and_its_names_unresolved():
    text = article([("Vestviken", [("Halden", "1,0", "300 000", "1,0")])])
    result = TN.parse(tables_from_text(text))
    assert any("county heading 'Vestviken'" in reject.reason for reject in result.rejects)
    assert any(reject.line.text == f"{NB}Halden" for reject in result.rejects) and result.tables[TABLE] == []


def test_a_padded_name_without_values_is_rejected():
    text = article([("Østfold", [("Halden", "1,0", "300 000", "1,0")])])
    text = text.replace("Østfold\n\n", f"Østfold\n\n{NB}Moss\n\n")
    result = TN.parse(tables_from_text(text))
    assert [reject.line.text for reject in result.rejects] == [f"{NB}Moss"]
    assert rows_of(result)[("Østfold", "Halden")]["municipality_code"] == "0101"


# --- name → code ------------------------------------------------------------


def test_the_same_name_in_two_counties_resolves_by_county():
    text = article(
        [
            ("Østfold", [("Våler", "0,2", "571 000", "1,9")]),
            ("Akershus", [("Nes", "1,0", "300 000", "1,0")]),
            ("Hedmark", [("Våler", "0,0", "309 000", "1,0")]),
            ("Buskerud", [("Nes", "2,0", "600 000", "2,0")]),
        ]
    )
    rows = rows_of(TN.parse(tables_from_text(text)))
    assert rows[("Østfold", "Våler")]["municipality_code"] == "0137"
    assert rows[("Hedmark", "Våler")]["municipality_code"] == "0426"
    assert rows[("Akershus", "Nes")]["municipality_code"] == "0236"
    assert rows[("Buskerud", "Nes")]["municipality_code"] == "0616"


def test_unknown_name_is_rejected_with_no_code():
    text = article([("Østfold", [("Halden", "1,0", "300 000", "1,0"), ("Storby", "1,0", "300 000", "1,0")])])
    result = TN.parse(tables_from_text(text))
    assert list(rows_of(result)) == [("Østfold", "Halden")]
    assert [(r.line.text, r.reason.split(":")[0]) for r in result.rejects] == [(f"{NB}Storby", NO_MATCH)]


def test_name_in_the_wrong_county_is_rejected_with_candidates():
    text = article([("Akershus", [("Våler", "1,0", "300 000", "1,0")])])
    result = TN.parse(tables_from_text(text))
    assert result.tables[TABLE] == []
    assert result.rejects[0].reason.startswith(OTHER_COUNTY)
    assert result.rejects[0].candidates == "0137 Våler (Østfold); 0426 Våler (Hedmark)"


def test_duplicate_name_without_a_county_is_ambiguous_not_guessed():
    text = article([(None, [("Våler", "1,0", "300 000", "1,0")])])
    result = TN.parse(tables_from_text(text))
    assert result.tables[TABLE] == [] and result.rejects[0].reason.startswith(AMBIGUOUS)
    assert "0137" in result.rejects[0].candidates and "0426" in result.rejects[0].candidates


@pytest.mark.parametrize(
    ("published", "code", "status"),
    [
        ("Karasjok", "2021", MATCHED),  # reference: Kárášjohka - Karasjok
        ("Kárášjohka - Karasjok", "2021", MATCHED),
        ("Kárášjohka-Karasjok", "2021", MATCHED),
        ("Tana", "2025", MATCHED),
        ("Deatnu - Tana", "2025", MATCHED),
        ("DEATNU  TANA", "2025", MATCHED),
        ("Karasjohka", "2021", MATCHED_FOLDED),  # Sami letters typed without diacritics
    ],
)
def test_names_spelled_differently_from_the_reference(published, code, status):
    text = article([("Finnmark", [(published, "0,0", "273 000", "0,9")])])
    row = TN.parse(tables_from_text(text)).tables[TABLE][0]
    assert (row["municipality_code"], row["match_status"]) == (code, status)
    assert row["source_name"] == " ".join(published.split())  # kept as published


def test_hyphen_or_space_in_a_name_does_not_matter():
    match = REFERENCE.match("Aurskog Høland", "Akershus", date(2017, 10, 1))
    assert match.code == "0221"
    assert normalise_name("Våler (Østfold)") == "våler"
    assert fold_name("Kárášjohka") == "karasjohka"


# --- other editions ---------------------------------------------------------


def test_another_term_and_structure_date():
    text = article(
        [("Trøndelag", [("Snåsa", "0,0", "200 000", "0,6")])],
        term="Våren", year=2019, structure="januar 2019", million="650", man_years="2 100",
    )
    result = TN.parse(tables_from_text(text))
    row = result.tables[TABLE][0]
    assert (row["period"], row["period_label"], row["structure_date"]) == ("2019-H1", "Våren 2019", date(2019, 1, 1))
    assert row["municipality_code"] == "5041"  # not 1736, which ended with Nord-Trøndelag in 2017
    facts = {fact.name: fact.value for fact in result.facts}
    assert facts["stated_compensation_total_nok"] == "650000000"
    assert facts["stated_funded_man_years"] == "2100"


def test_period_codes_sort_within_a_year():
    assert period_code("Våren", 2019) < period_code("Hausten", 2019) < period_code("Høsten", 2020)


def test_facts_come_from_the_prose_of_the_period_only():
    result = TN.parse(tables_from_text(article([("Østfold", [("Halden", "1,0", "300 000", "1,0")])])))
    facts = {fact.name: fact.value for fact in result.facts}
    # '1,4 milliardar kroner i 2018' is the year's total, not the autumn's.
    assert facts["stated_compensation_total_nok"] == "700000000"
    assert facts["stated_funded_man_years"] == "2300"
    assert facts["stated_funded_man_years_is_approximate"] == "true"
    assert facts["publisher"] == "Kunnskapsdepartementet"
    assert facts["title"].startswith("Regjeringa innfører norm")
    assert facts["structure_date"] == "2017-10-01"
    assert facts["norm_pupils_per_teacher"] == "16/21/21"


# --- detection and the bundled document ---------------------------------------------


def test_detection_on_the_bundled_documents():
    scores = {path.name: KIND.detect(read_file(path)) for path in sorted(DOCUMENTS.iterdir())}
    assert scores.pop(SAMPLE.name) >= 0.9
    assert all(score < 0.5 for score in scores.values()), scores


def test_bundled_document():
    result = KIND.parse(read_file(SAMPLE))  # against the project's own reference
    rows = result.tables[TABLE]
    assert len(rows) == 426 and result.rejects == []
    assert len({row["municipality_code"] for row in rows}) == 426
    assert len({row["county_name"] for row in rows}) == 19
    assert sum(row["compensation_nok"] for row in rows) == Decimal("700001000")
    assert sum(row["funded_man_years"] for row in rows) == Decimal("2324.1")
    by_name = rows_of(result)
    halden = by_name[("Østfold", "Halden")]
    assert (halden["missing_man_years"], halden["compensation_nok"], halden["funded_man_years"]) == (
        Decimal("16.7"), Decimal("6166000"), Decimal("20.5"),
    )
    codes = {key: row["municipality_code"] for key, row in by_name.items()}
    assert codes[("Østfold", "Våler")] == "0137" and codes[("Hedmark", "Våler")] == "0426"
    assert codes[("Telemark", "Bø")] == "0821" and codes[("Nordland", "Bø")] == "1867"
    assert codes[("Hedmark", "Os")] == "0441" and codes[("Hordaland", "Os")] == "1243"
    assert codes[("Vestfold", "Sande")] == "0713" and codes[("Møre og Romsdal", "Sande")] == "1514"
    assert codes[("Møre og Romsdal", "Herøy")] == "1515" and codes[("Nordland", "Herøy")] == "1818"
    assert codes[("Finnmark", "Karasjok")] == "2021" and codes[("Finnmark", "Tana")] == "2025"
    assert codes[("Nord-Trøndelag", "Snåsa")] == "1736"
    facts = {fact.name: fact.value for fact in result.facts}
    assert facts["period"] == "2018-H2"
    assert facts["stated_compensation_total_nok"] == "700000000"
    assert facts["stated_funded_man_years"] == "2300"
    assert facts["publisher"] == "Kunnskapsdepartementet"


def test_text_after_the_table_is_a_note_not_a_county():
    text = article([("Østfold", [("Halden", "1,0", "300 000", "1,0")])])
    text += "Kjelde: Utdanningsdirektoratet\n\nSist oppdatert 2018\n"
    result = TN.parse(tables_from_text(text))
    assert len(result.tables[TABLE]) == 1 and result.rejects == []
    assert [fact.value for fact in result.facts if fact.name == "note"] == [
        "Kjelde: Utdanningsdirektoratet", "Sist oppdatert 2018",
    ]


def test_a_spring_term_article_is_detected():
    text = article([("Trøndelag", [("Snåsa", "0,0", "200 000", "0,6")])], term="Våren", year=2019,
                   structure="januar 2019")
    assert TN.detect(tables_from_text(text)) >= 0.5


def test_nynorsk_column_headers_are_detected_and_give_the_structure_date():
    text = article([("Østfold", [("Halden", "16,7", "6 166 000", "20,5")])])
    text = (text.replace("som mangler", "som manglar").replace("gir rom for", "gjev rom for")
            .replace("(kommuner og fylker per.", "(kommunar og fylke per"))
    document = document_from_text(text)
    assert TN.detect(read_tables(document)) >= 0.5
    [row] = TN.parse(read_tables(document)).tables[TABLE]
    assert (row["structure_date"], row["municipality_code"]) == (date(2017, 10, 1), "0101")


@pytest.mark.parametrize("heading", ["Østfold fylke", "01 Østfold", "ØSTFOLD"])
def test_county_headings_with_a_code_or_the_word_fylke(heading):
    result = TN.parse(tables_from_text(article([(heading, [("Våler", "0,2", "571 000", "1,9")])])))
    assert result.rejects == []
    assert result.tables[TABLE][0]["municipality_code"] == "0137"


def test_a_county_code_that_contradicts_the_name_names_no_county():
    result = TN.parse(tables_from_text(article([("04 Østfold", [("Våler", "0,2", "571 000", "1,9")])])))
    assert result.tables[TABLE] == []
    assert result.rejects
