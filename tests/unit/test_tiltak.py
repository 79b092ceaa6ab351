"""NAV tiltak report: one fixture per trap, synthetic reports for other periods, the bundled sample."""

from __future__ import annotations

import math
from datetime import date
from pathlib import Path

import pytest

from extract.kinds import tiltak
from extract.kinds.base import ParseError
from extract.kinds.tiltak import KIND
from extract.tables import read_file, tables_from_text

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "documents" / "nav_tiltak_2026-01_to_2026-04.txt"
MONTH_NAMES = ["Januar", "Februar", "Mars", "April", "Mai", "Juni", "Juli", "August",
               "September", "Oktober", "November", "Desember"]
AFT = "arbeidsforberedende_trening"
AT = "arbeidstrening"


# --- building reports in the sample's structure ------------------------------------------

def heading(first: int, last: int, year: int) -> str:
    return f"### {MONTH_NAMES[first - 1]} {year} - {MONTH_NAMES[last - 1]} {year}"


def header(first: int, last: int) -> str:
    return "\t".join(["", "Gjennom snitt hittil i år", *MONTH_NAMES[first - 1:last]])


def fmt(value: int | None) -> str:
    if value is None:
        return "*"
    return f"{value:,}".replace(",", " ")


def half_up(x: float) -> int:
    """NAV rounds the year-to-date average half up (7533.5 → 7534 in the sample)."""
    return math.floor(x + 0.5)


def row(label: str, months: list[int | None], ytd: int | None = None, bold: bool = False) -> str:
    """A row as NAV prints it: ytd average (the rounded mean unless given) then the months."""
    if ytd is None and all(v is not None for v in months):
        ytd = half_up(sum(months) / len(months))
    cells = [fmt(ytd), *(fmt(v) for v in months)]
    if bold:
        return "\t".join([f"<b>{label}</b>", *(f"<b>{c}</b>" for c in cells)])
    return "\t".join([label, *cells])


def fragment(first: int, last: int, year: int, total_label: str, total: list[int],
             rows: list[str], with_heading: bool = True) -> str:
    lines = [heading(first, last, year), ""] if with_heading else []
    lines += [header(first, last), row(total_label, total, bold=True), *rows, ""]
    return "\n".join(lines)


def parse(text: str):
    return KIND.parse(tables_from_text(text))


def rows_of(result, **where):
    return [r for r in result.tables["participants"] if all(r[k] == v for k, v in where.items())]


def value(result, **where):
    found = rows_of(result, **where)
    assert len(found) == 1, (where, found)
    return found[0]["participants"]


def county_report(first: int = 1, last: int = 4, year: int = 2026) -> str:
    """A small report: overview, a county table over two pages, a municipality table."""
    n = last - first + 1
    oslo = [900 + i for i in range(n)]
    rogaland = [500 + 2 * i for i in range(n)]
    svalbard = [None] * n
    total = [a + b + 4 for a, b in zip(oslo, rogaland)]
    at_total = [10] * n
    parts = [
        fragment(first, last, year, "I alt", [a + b for a, b in zip(total, at_total)],
                 [row("Arbeidsforberedende trening", total), row("Arbeidstrening", at_total)]),
        fragment(first, last, year, "I alt arbeidsforberedende trening", total,
                 [row("03 Oslo - Oslove", oslo)]),
        fragment(first, last, year, "I alt arbeidsforberede dende trening", total,
                 [row("11 Rogaland", rogaland), row("97 Svalbard og øvrige områder", svalbard),
                  row("Ukjent", [4] * n, ytd=4)]),
        fragment(first, last, year, "I alt arbeidsforberedende trening", total,
                 [row("0301 Oslo - Oslove", oslo), row("1103 Stavanger", rogaland),
                  row("2100 Svalbard", svalbard), row("Ukjent", [4] * n, ytd=4)]),
    ]
    return "Innledning uten tall.\n\n" + "\n".join(parts)


# --- headings, columns, names --------------------------------------------------------------

@pytest.mark.parametrize(
    "text, expected",
    [
        ("### Januar 2026 - April 2026", (date(2026, 1, 1), date(2026, 4, 1))),
        ("Mai 2025 - August 2025", (date(2025, 5, 1), date(2025, 8, 1))),
        ("## Januar 2024 – Desember 2024", (date(2024, 1, 1), date(2024, 12, 1))),
        ("### Mars 2026", (date(2026, 3, 1), date(2026, 3, 1))),
        ("Arbeidstrening\t7 544", None),
    ],
)
def test_month_range_from_heading(text, expected):
    assert tiltak.month_range(text) == expected


@pytest.mark.parametrize(
    "label, expected",
    [
        ("Arbeidsforberedende trening", AFT),
        ("Arbeidsforbere dende trening", AFT),
        ("arbeidsforberede dende trening", AFT),  # a doubled syllable, not only a space
        ("Arbeidstrening", AT),
        ("Arbeidssøkere på tiltak", None),
        ("Andre på tiltak", None),
    ],
)
def test_measure_names_compared_without_spaces(label, expected):
    assert tiltak.match_measure(label)[0] == expected


@pytest.mark.parametrize(
    "label, dimension, code",
    [
        ("19 år og under", "age_band", "0_19"),
        ("20-24 år", "age_band", "20_24"),
        ("60 år og over", "age_band", "60_plus"),
        ("Under 20 år", "age_band", "0_19"),
        ("60 år +", "age_band", "60_plus"),
        ("60 år eller eldre", "age_band", "60_plus"),
        ("Befolkningen ellers", "immigrant_status", "ikke_innvandrere"),
        ("Over 66 år", "age_band", "67_plus"),
        ("18 Nordland - Nordlånnda", "county", "18"),
        ("5514 lbestad", "municipality", "5514"),
        ("Kvinner", "sex", "kvinner"),
        ("Ikke innvandrere", "immigrant_status", "ikke_innvandrere"),
        ("Innvandrere", "immigrant_status", "innvandrere"),
        ("Nord-Amerika, Sør-Amerika og Oceania", "world_region", "amerika_oseania"),
        ("Universitets- og høgskolenivå, lana over 4 år", "education", "hoyere_lang"),
        ("Universitets- og høgskolenivå, kort inntil 4 år", "education", "hoyere_kort"),
        ("Ukjent", None, None),
    ],
)
def test_row_labels_tell_the_breakdown(label, dimension, code):
    key = tiltak.classify_label(label)
    assert (key.dimension, key.code) == (dimension, code)


# --- one fixture per trap --------------------------------------------------------------------

def test_suppressed_cells_are_null_with_their_status_not_zero():
    result = parse(fragment(1, 2, 2026, "I alt arbeidstrening", [20, 30],
                            [row("1111 Sokndal", [4, None], ytd=None), row("1103 Stavanger", [16, 26])]))
    sokndal = rows_of(result, code="1111")
    assert [(r["measure"], r["participants"], r["is_suppressed"]) for r in sokndal] == [
        ("ytd_average", None, True), ("month", 4, False), ("month", None, True)]
    assert {r["value_status"] for r in sokndal if r["is_suppressed"]} == {"suppressed"}


def test_bold_markup_changes_no_value():
    text = fragment(1, 2, 2026, "I alt arbeidsforberedende trening", [1000, 1200],
                    ["0301 Oslo - Oslove\t<b>943</b>\t967\t919"])
    result = parse(text)
    assert value(result, code="0301", measure="ytd_average") == 943
    assert value(result, code="total", measure="month", month=date(2026, 2, 1)) == 1200
    total = rows_of(result, is_total_row=True)[0]
    assert total["source_name"] == "I alt arbeidsforberedende trening"
    assert "<b>" not in rows_of(result, code="0301")[0]["source_name"]


def test_split_words_match_the_measure_and_names_stay_as_published():
    text = "\n".join([
        fragment(1, 1, 2026, "I alt Andre på tiltak", [21],
                 [row("Arbeidsforbere dende trening", [10]), row("Arbeidstrening", [11])]),
        fragment(1, 1, 2026, "I alt arbeidsforberede dende trening", [30],
                 [row("5612 Guovdageaidn u - Kautokeino", [10]), row("3414 Nord- Odal", [10]),
                  row("3226 Aurskog- Høland", [10])]),
    ])
    result = parse(text)
    assert value(result, table_dimension="target_group", code="andre", tiltak_type=AFT, measure="month") == 10
    assert {r["tiltak_type"] for r in rows_of(result, table_dimension="municipality")} == {AFT}
    names = {r["code"]: r["source_name"] for r in rows_of(result, table_dimension="municipality")}
    assert names["5612"] == "Guovdageaidn u - Kautokeino"
    assert names["3414"] == "Nord- Odal"
    assert names["3226"] == "Aurskog- Høland"
    assert any(f.name == "measure_name_variant" and "arbeidsforberede dende" in f.value for f in result.facts)


def test_repeated_header_and_total_at_a_page_break_continue_the_table():
    result = parse(county_report())
    counties = rows_of(result, table_dimension="county")
    assert len({r["table_number"] for r in counties}) == 1
    assert sorted({r["code"] for r in counties}) == ["03", "11", "97", "99", "total"]
    # The total line printed on both pages is stored once: 1 ytd + 4 months.
    assert len(rows_of(result, table_dimension="county", is_total_row=True)) == 5
    assert result.rejects == []


def test_a_repeated_total_that_differs_is_rejected():
    text = "\n".join([
        fragment(1, 1, 2026, "I alt arbeidstrening", [30], [row("03 Oslo - Oslove", [20])]),
        fragment(1, 1, 2026, "I alt arbeidstrening", [31], [row("11 Rogaland", [10])]),
    ])
    result = parse(text)
    assert len(result.rejects) == 1
    assert "repeated total line differs from the table's first total line 4" == result.rejects[0].reason
    assert result.rejects[0].line.text == "<b>I alt arbeidstrening</b>\t<b>31</b>\t<b>31</b>"
    assert value(result, code="total", measure="month") == 30


def test_ukjent_gets_the_code_of_its_table():
    result = parse(county_report())
    assert {r["source_name"] for r in rows_of(result, code="99")} == {"Ukjent"}
    assert {r["source_name"] for r in rows_of(result, code="9999")} == {"Ukjent"}
    assert value(result, code="9999", measure="month", month=date(2026, 3, 1)) == 4
    text = fragment(1, 1, 2026, "I alt arbeidstrening", [20],
                    [row("Afrika", [10]), row("Europa", [6]), row("Ukjent", [4])])
    assert value(parse(text), code="ukjent", measure="month") == 4


def test_ukjent_first_on_a_page_continues_the_table_above():
    text = "\n".join([
        fragment(1, 1, 2026, "I alt arbeidstrening", [30], [row("03 Oslo - Oslove", [20])]),
        fragment(1, 1, 2026, "I alt arbeidstrening", [30], [row("Ukjent", [10])]),
    ])
    result = parse(text)
    assert value(result, code="99", measure="month") == 10
    assert len({r["table_number"] for r in result.tables["participants"]}) == 1


def test_ukjent_with_no_table_to_belong_to_is_rejected():
    result = parse(fragment(1, 1, 2026, "I alt arbeidstrening", [30], [row("Ukjent", [30])]))
    assert result.rejects and result.rejects[0].line.text.startswith("Ukjent")


def test_svalbard_county_97_and_municipality_2100():
    result = parse(county_report())
    assert {r["source_name"] for r in rows_of(result, code="97")} == {"Svalbard og øvrige områder"}
    assert {r["table_dimension"] for r in rows_of(result, code="2100")} == {"municipality"}
    assert all(r["is_suppressed"] for r in rows_of(result, code="2100"))


def test_sami_and_kven_parallel_names_are_kept_and_the_code_is_the_key():
    text = fragment(1, 1, 2026, "I alt arbeidstrening", [30], [
        row("1826 Aarborte - Hattfjelldal", [10]),
        row("5610 Kárášjohka - Karasjok", [10]),
        row("5622 Porsanger - Porsánu -", [10]),
    ])
    names = {r["code"]: r["source_name"] for r in parse(text).tables["participants"] if not r["is_total_row"]}
    assert names == {"1826": "Aarborte - Hattfjelldal", "5610": "Kárášjohka - Karasjok",
                     "5622": "Porsanger - Porsánu -"}


def test_ocr_slip_lbestad_keeps_its_code():
    result = parse(fragment(1, 1, 2026, "I alt arbeidstrening", [9], [row("5514 lbestad", [9])]))
    assert rows_of(result, code="5514", measure="month")[0]["source_name"] == "lbestad"


def test_a_new_breakdown_with_the_same_measure_starts_a_new_table():
    text = "\n".join([
        fragment(1, 1, 2026, "I alt arbeidstrening", [30], [row("03 Oslo - Oslove", [30])]),
        fragment(1, 1, 2026, "I alt arbeidstrening", [30], [row("Kvinner", [12]), row("Menn", [18])]),
    ])
    result = parse(text)
    tables = {(r["table_number"], r["table_dimension"]) for r in result.tables["participants"]}
    assert tables == {(1, "county"), (2, "sex")}
    assert len(rows_of(result, is_total_row=True)) == 4


# --- corrupted rows --------------------------------------------------------------------------

def test_a_letter_in_a_number_is_rejected_with_its_line():
    text = fragment(1, 2, 2026, "I alt arbeidstrening", [30, 30],
                    [row("0301 Oslo - Oslove", [20, 20]), "1101 Eigersund\t10\t1O\t10"])
    result = parse(text)
    assert len(result.rejects) == 1
    assert result.rejects[0].line.text == "1101 Eigersund\t10\t1O\t10"
    assert "not a number" in result.rejects[0].reason
    assert rows_of(result, code="1101") == []
    assert len(rows_of(result, code="0301")) == 3


def test_a_missing_column_is_rejected_with_its_line():
    text = fragment(1, 2, 2026, "I alt arbeidstrening", [30, 30],
                    [row("0301 Oslo - Oslove", [20, 20]), "1101 Eigersund\t10\t10"])
    result = parse(text)
    assert [r.line.text for r in result.rejects] == ["1101 Eigersund\t10\t10"]
    assert "expected 3 values" in result.rejects[0].reason


def test_a_coded_row_without_values_is_rejected_not_skipped():
    text = fragment(1, 2, 2026, "I alt arbeidstrening", [30, 30], [row("0301 Oslo - Oslove", [30, 30]), "1101 Eigersund"])
    assert [r.line.text for r in parse(text).rejects] == ["1101 Eigersund"]


def test_a_row_of_dashes_in_a_table_is_rejected_not_skipped_as_prose():
    dashes = "\t".join(["Ukjent", *["\u2013"] * 3])
    text = fragment(1, 2, 2026, "I alt arbeidstrening", [30, 30],
                    [row("0301 Oslo - Oslove", [20, 20]), row("1103 Stavanger", [10, 10]), dashes])
    result = parse(text)
    assert [r.line.text for r in result.rejects] == [dashes]
    assert "not a number" in result.rejects[0].reason


def test_ukjent_without_values_in_a_municipality_table_is_rejected():
    text = fragment(1, 2, 2026, "I alt arbeidstrening", [30, 30], [row("0301 Oslo - Oslove", [30, 30]), "Ukjent"])
    assert [r.line.text for r in parse(text).rejects] == ["Ukjent"]


def test_prose_inside_a_table_that_has_not_its_shape_stays_prose():
    text = fragment(1, 2, 2026, "I alt arbeidstrening", [30, 30],
                    [row("0301 Oslo - Oslove", [30, 30]), "Kilde: NAV, se Om statistikken"])
    result = parse(text)
    assert result.rejects == []
    assert {f.name: f.value for f in result.facts}["municipality_rows"] == f"{AT}:1"


def test_the_sample_with_its_unknown_municipality_row_blanked_by_dashes():
    """Every municipality line is a row or a reject: the counts recorded as facts say so."""
    clean = KIND.parse(read_file(SAMPLE))
    line = rows_of(clean, table_dimension="municipality", code="9999", tiltak_type=AT, measure="ytd_average")[0]["source_line"]
    lines = SAMPLE.read_text(encoding="utf-8").split("\n")
    assert lines[line - 1].startswith("Ukjent")
    lines[line - 1] = "\t".join(["Ukjent", *["\u2013"] * 5])
    result = parse("\n".join(lines))
    assert [r.line.number for r in result.rejects] == [line]
    codes = {r["code"] for r in rows_of(result, table_dimension="municipality", tiltak_type=AT, is_total_row=False)}
    assert len(codes) == 353 and "9999" not in codes
    facts = [(f.name, f.value) for f in result.facts if f.name.startswith("municipality_rows")]
    assert sorted(facts) == [("municipality_rows", f"{AFT}:354"), ("municipality_rows", f"{AT}:354"),
                             ("municipality_rows_rejected", f"{AFT}:0"), ("municipality_rows_rejected", f"{AT}:1")]


def test_a_pdf_row_of_dashes_is_rejected_not_joined_into_prose(tmp_path):
    from tests.unit.pdf_factory import HeaderCell, Layout, Paragraph, Row, Table, render

    labels = ["Gjennomsnitt hittil i år", "Februar", "Mars"]
    table = Table(4, [[HeaderCell("", 0, 0)] + [HeaderCell(label, i + 1, i + 1) for i, label in enumerate(labels)]],
                  [Row(("I alt arbeidstrening", "1 205", "1 100", "1 310"), bold=True),
                   Row(("3414 Nord- Odal", "5", "5", "5")), Row(("Ukjent", "\u2013", "\u2013", "\u2013")),
                   Row(("3436 Nord- Fron", "1 200", "1 095", "1 305"))], repeat=1)
    blocks = [Paragraph("Februar 2026 - Mars 2026", bold=True), table, Paragraph("Kilde: NAV")]
    result = KIND.parse(read_file(render(blocks, Layout("tiny"), tmp_path / "nav.pdf")))
    assert [r.line.text.split()[0] for r in result.rejects] == ["Ukjent"]
    assert {r["code"] for r in rows_of(result, is_total_row=False)} == {"3414", "3436"}


def test_header_months_that_are_not_the_headings_range_stop_the_parse():
    text = fragment(1, 2, 2026, "I alt arbeidstrening", [30, 30], [row("0301 Oslo", [30, 30])])
    with pytest.raises(ParseError, match="not the heading's range"):
        parse(text.replace("Februar", "Mars"))


def test_no_heading_is_a_parse_error():
    with pytest.raises(ParseError):
        parse(header(1, 1) + "\n" + row("I alt arbeidstrening", [3]))


# --- other periods ---------------------------------------------------------------------------

def test_a_report_for_may_to_august_2025():
    result = parse(county_report(5, 8, 2025))
    months = sorted({r["month"] for r in result.tables["participants"] if r["month"]})
    assert months == [date(2025, m, 1) for m in (5, 6, 7, 8)]
    assert {(r["report_first_month"], r["report_last_month"]) for r in result.tables["participants"]} == {
        (date(2025, 5, 1), date(2025, 8, 1))}
    assert value(result, code="0301", measure="month", month=date(2025, 7, 1)) == 902
    assert value(result, code="0301", measure="ytd_average") == half_up((900 + 901 + 902 + 903) / 4)
    assert result.rejects == []


def test_a_twelve_month_year():
    result = parse(county_report(1, 12, 2024))
    oslo = rows_of(result, code="0301", measure="month")
    assert [r["month"] for r in oslo] == [date(2024, m, 1) for m in range(1, 13)]
    assert oslo[-1]["participants"] == 911
    assert result.rejects == []
    assert len(rows_of(result, table_dimension="municipality", code="9999")) == 13


def test_the_year_to_date_column_can_stand_anywhere_the_header_puts_it():
    text = fragment(1, 2, 2026, "I alt arbeidstrening", [30, 30], [row("0301 Oslo", [30, 30])])
    text = text.replace("\tGjennom snitt hittil i år\tJanuar\tFebruar", "\tJanuar\tFebruar\tGjennom snitt hittil i år")
    text = text.replace("0301 Oslo\t30\t30\t30", "0301 Oslo\t28\t32\t30")
    result = parse(text)
    assert value(result, code="0301", measure="month", month=date(2026, 1, 1)) == 28
    assert value(result, code="0301", measure="ytd_average") == 30



@pytest.mark.parametrize("separator", ["\t", " | "], ids=["tabs", "pipes"])
def test_a_column_the_kind_does_not_know_is_listed_and_not_read(separator):
    """'Endring fra i fjor' (a change in per cent) is neither a month nor the average."""
    def line(*cells: str) -> str:
        joined = separator.join(cells)
        return f"| {joined} |" if separator == " | " else joined

    text = "\n".join([heading(1, 2, 2026), "",
                      line("", "Gjennom snitt hittil i år", "Januar", "Endring fra i fjor", "Februar"),
                      line("I alt arbeidstrening", "30", "28", "-12,5", "32"),
                      line("0301 Oslo", "1 030", "1 028", "4,1", "1 032")])
    result = parse(text)
    assert ("unknown_column", "Endring fra i fjor") in [(f.name, f.value) for f in result.facts]
    assert value(result, code="0301", measure="month", month=date(2026, 1, 1)) == 1028
    assert value(result, code="0301", measure="month", month=date(2026, 2, 1)) == 1032
    assert value(result, code="0301", measure="ytd_average") == 1030
    assert len(rows_of(result, code="0301")) == 3
    assert not result.rejects

# --- detection and the bundled sample --------------------------------------------------------

def test_detects_the_sample_and_not_the_other_kinds():
    assert KIND.detect(read_file(SAMPLE)) >= 0.9
    for other in sorted((ROOT / "documents").glob("*.txt")):
        if other != SAMPLE:
            assert KIND.detect(read_file(other)) < 0.5, other.name


def test_the_bundled_sample():
    result = KIND.parse(read_file(SAMPLE))
    rows = result.tables["participants"]
    assert result.rejects == []
    assert len(rows) == 4050
    assert len({r["table_number"] for r in rows}) == 18
    for measure in (AFT, AT):
        municipalities = {r["code"] for r in rows
                          if r["table_dimension"] == "municipality" and r["tiltak_type"] == measure and not r["is_total_row"]}
        assert len(municipalities) == 354
        assert {"0301", "2100", "5514", "9999"} <= municipalities
    # Hand-checked against the document's lines 186, 191, 65 and 1216.
    assert value(result, table_dimension="municipality", code="0301", tiltak_type=AFT, month=date(2026, 1, 1)) == 967
    assert value(result, table_dimension="municipality", code="1111", tiltak_type=AFT, measure="ytd_average") is None
    assert value(result, table_dimension="municipality", code="1111", tiltak_type=AFT, month=date(2026, 1, 1)) == 4
    assert value(result, table_dimension="county", code="total", tiltak_type=AT, month=date(2026, 4, 1)) == 8261
    assert value(result, table_dimension="municipality", code="9999", tiltak_type=AT, month=date(2026, 4, 1)) == 10
    assert value(result, table_dimension="target_group", code="andre", tiltak_type=AT, measure="ytd_average") == 522
    facts = {f.name: f.value for f in result.facts}
    assert facts["report_first_month"] == "2026-01-01" and facts["suppressed_below"] == "4"


def shifted_sample(first: int, last: int) -> list[str]:
    """The sample's lines as a report one month later: its heading and header name
    `first`..`last`; each row drops its first month and repeats its last (the ytd cell
    stays: only reports starting in January have their ytd average checked)."""
    text = SAMPLE.read_text(encoding="utf-8")
    out = []
    for line in text.split("\n"):
        if tiltak.month_range(line):
            line = line.replace("Januar 2026 - April 2026", f"{MONTH_NAMES[first - 1]} 2026 - {MONTH_NAMES[last - 1]} 2026")
        elif line.count("\t") == 5:
            cells = line.split("\t")
            if "Gjennom" in cells[1]:  # the column header
                cells = [*cells[:2], *MONTH_NAMES[first - 1:last]]
            else:
                cells = [*cells[:2], *cells[3:], cells[-1]]
            line = "\t".join(cells)
        out.append(line)
    return out


def edit_cells(lines: list[str], label: str, deltas: dict[int, int]) -> int:
    """Add `deltas` (month column, 0 = first month) to the first row labelled `label`; its line number."""
    from extract.tables.cells import parse_number

    index = next(i for i, line in enumerate(lines) if line.split("\t")[0] == label)
    cells = lines[index].split("\t")
    for column, delta in deltas.items():
        cells[2 + column] = fmt(int(parse_number(cells[2 + column])) + delta)
    lines[index] = "\t".join(cells)
    return index + 1


def test_overlapping_reports_the_newer_figure_wins_and_disagreements_are_listed(tmp_path):
    """Through extraction and dbt: the sample (Jan–Apr), a later report (Feb–May) that
    revises March for two municipalities (keeping every total), and a re-issue of Jan–Apr
    that revises January and February (a tie: same range, chosen by hash, flagged)."""
    import hashlib

    import duckdb

    from extract.cli import main

    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "jan_apr.txt").write_bytes(SAMPLE.read_bytes())
    later = shifted_sample(2, 5)
    # March is the second month of Feb–May: move one participant from Eigersund to Stavanger.
    edit_cells(later, "1101 Eigersund", {1: -1})
    edit_cells(later, "1103 Stavanger", {1: +1})
    (inbox / "feb_may.txt").write_text("\n".join(later), encoding="utf-8")
    reissue = SAMPLE.read_text(encoding="utf-8").split("\n")
    edit_cells(reissue, "1101 Eigersund", {0: +1, 1: -1})
    edit_cells(reissue, "1103 Stavanger", {0: -1, 1: +1})
    (inbox / "jan_apr_reissue.txt").write_text("\n".join(reissue), encoding="utf-8")

    warehouse = tmp_path / "wh" / "t.duckdb"
    assert main(["run", str(inbox), "--warehouse", str(warehouse)]) == 0
    with duckdb.connect(str(warehouse), read_only=True) as db:
        def mart(code: str, month: str) -> tuple:
            return db.execute(
                "select participants, source_file from main.fct_tiltak_monthly where municipality_code = ? "
                "and tiltak_type = ? and month = ?", [code, AFT, month]).fetchone()

        # March: the report ending in May wins over both Jan–Apr reports.
        assert mart("1101", "2026-03-01") == (13, "feb_may.txt")
        assert mart("1103", "2026-03-01") == (174, "feb_may.txt")
        assert mart("1103", "2026-05-01") == (181, "feb_may.txt")
        # January: a tie between the two Jan–Apr reports, kept by the larger hash.
        sha = {name: hashlib.sha256((inbox / name).read_bytes()).hexdigest() for name in ("jan_apr.txt", "jan_apr_reissue.txt")}
        tie_winner = max(sha, key=sha.get)
        assert mart("1101", "2026-01-01") == ({"jan_apr.txt": 14, "jan_apr_reissue.txt": 15}[tie_winner], tie_winner)
        audit = db.execute(
            "select code, month, older_participants, newer_participants, newer_source_file, is_tie "
            "from main.audit_tiltak_report_disagreements where tiltak_type = ? and table_dimension = 'municipality' "
            "order by month, code, older_source_file", [AFT]).fetchall()
    tie_loser = min(sha, key=sha.get)
    jan_feb = {("jan_apr.txt", "1101"): (14, 14), ("jan_apr_reissue.txt", "1101"): (15, 13),
               ("jan_apr.txt", "1103"): (170, 171), ("jan_apr_reissue.txt", "1103"): (169, 172)}
    expected = [
        (code, date(2026, month, 1), jan_feb[(tie_loser, code)][month - 1], jan_feb[(tie_winner, code)][month - 1],
         tie_winner, True)
        for code in ("1101", "1103") for month in (1, 2)
    ] + [
        # February: the later report repeats the sample's figure, so only the reissue's differs.
        ("1101", date(2026, 2, 1), 13, 14, "feb_may.txt", False),
        ("1103", date(2026, 2, 1), 172, 171, "feb_may.txt", False),
        # March: the later report overrides both Jan–Apr reports.
        ("1101", date(2026, 3, 1), 14, 13, "feb_may.txt", False),
        ("1101", date(2026, 3, 1), 14, 13, "feb_may.txt", False),
        ("1103", date(2026, 3, 1), 173, 174, "feb_may.txt", False),
        ("1103", date(2026, 3, 1), 173, 174, "feb_may.txt", False),
    ]
    assert sorted(audit) == sorted(expected)


def test_a_published_figure_below_four_is_damage_not_a_value():
    # NAV prints 1–3 as '*': a '3' is a '*' misread (or a typo), never a count to publish.
    text = fragment(1, 1, 2026, "I alt arbeidstrening", [30], [row("03 Oslo - Oslove", [27]), row("Ukjent", [3])])
    result = parse(text)
    assert [r.line.text.split()[0] for r in result.rejects] == ["Ukjent"]
    assert "'*'" in result.rejects[0].reason
    assert value(result, code="03", measure="month") == 27
