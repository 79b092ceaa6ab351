"""The table model on small fixtures: labels and cells that must not break a row, title
blocks, page furniture, notes, and the renderings that delimit cells differently."""

from __future__ import annotations

import pytest

from extract.tables import Row, Section, tables_from_text
from extract.tables.labels import join_wrapped_labels, parse_label

NB = "\u00a0"
PARALLEL = [
    ("1939 Storfjord - Omasvuotna - Omasvuono", "1 845", "-12"),
    ("1736 Snåase – Snåsa", "2 100", "–"),
    ("0301 Oslo", "700 000", "5 000"),
]


def render(rows: list[tuple[str, ...]], how: str, header: tuple[str, ...] = ("Kommune", "Folkemengde", "Endring"),
           title: str = "Tabell 5. Folkemengde, etter kommune. 2020") -> str:
    lines = [*(rows and [header]), *rows]
    if how == "tabs":
        body = ["\t".join(cells) for cells in lines]
    elif how == "pipes":
        body = ["| " + " | ".join(cells) + " |" for cells in lines]
    elif how == "fixed":
        body = [f"{cells[0]:<42}" + "".join(f"{cell:>14}" for cell in cells[1:]) for cells in lines]
    else:
        body = [" ".join(cells) for cells in lines]
    return "\n".join([title, "", *body]) + "\n"


def rows_of(text: str) -> list[tuple[str, tuple[str, ...]]]:
    document = tables_from_text(text)
    return [(row.label, tuple(row.values)) for table in document.merged() for row in table.rows]


@pytest.mark.parametrize("how", ["single_spaces", "tabs", "pipes", "fixed"])
def test_sami_and_kven_parallel_names_are_names_never_a_dash_cell(how):
    rows = rows_of(render(PARALLEL, how))
    labels = [label for label, _ in rows]
    assert labels == [label for label, *_ in PARALLEL]
    if how != "single_spaces":  # there the thousands groups are the kind's to settle
        assert [values for _, values in rows] == [tuple(cells) for _, *cells in PARALLEL]
    assert parse_label(labels[0]).name == "Storfjord - Omasvuotna - Omasvuono"
    assert parse_label(labels[1]).code == "1736"


@pytest.mark.parametrize("how", ["single_spaces", "fixed"])
def test_a_parallel_name_wrapped_at_its_separator_is_one_label(how):
    text = render([("0301 Oslo", "700 000", "5"), ("1939 Storfjord - Omasvuotna -",), ("Omasvuono", "1 845", "-12"),
                   ("1940 Kåfjord - Gáivuotna - Kaivuono", "2 000", "1")], how)
    (table,) = tables_from_text(text).merged()
    body = join_wrapped_labels(table.body, lambda label: parse_label(label).code is not None)
    assert all(isinstance(item, Row) for item in body)
    assert [item.label for item in body] == [
        "0301 Oslo", "1939 Storfjord - Omasvuotna - Omasvuono", "1940 Kåfjord - Gáivuotna - Kaivuono"]
    assert len(body[1].lines) == 2  # lineage keeps both lines


@pytest.mark.parametrize("how", ["single_spaces", "fixed"])
def test_a_first_row_name_broken_after_a_hyphen_is_one_word_again_not_a_header_line(how):
    text = render([("2011 Guovdageaidnu-",), ("Kautokeino", "1 052", "-93"), ("2012 Alta", "9 000", "12")], how)
    (table,) = tables_from_text(text).merged()
    body = join_wrapped_labels(table.body, lambda label: parse_label(label).code is not None)
    assert [item.label for item in body] == ["2011 Guovdageaidnu-Kautokeino", "2012 Alta"]


@pytest.mark.parametrize(("label", "code", "marker", "name"), [
    ("10716 Re/Våle", "0716", "1", "Re/Våle"),
    ("0716¹ Re/Våle", "0716", "1", "Re/Våle"),
    ("0101 Halden", "0101", None, "Halden"),
])
def test_a_footnote_marker_glued_to_a_code_is_set_apart(label, code, marker, name):
    parsed = parse_label(label)
    assert (parsed.code, parsed.marker, parsed.name) == (code, marker, name)


def test_the_title_block_keeps_number_title_markers_publisher_and_source():
    text = "\n".join([
        "Statistisk sentralbyrå",
        "Tabell 21. Brukerbetaling for hjemmetjenester, etter kommune. 20061",
        "Kroner. Kilde: SSB",
        "",
        "Kommune\tAndel\tPris",
        "0101 Halden\t57\t150",
    ])
    (table,) = tables_from_text(text).tables
    block = table.title
    assert (block.number, block.title, block.markers) == (
        "Tabell 21", "Brukerbetaling for hjemmetjenester, etter kommune. 2006", ("1",))
    assert (block.publisher, block.subtitle, block.source) == ("Statistisk sentralbyrå", "Kroner", "Kilde: SSB")
    assert [line.number for line in block.lines] == [1, 2, 3]
    assert block.line.number == 2  # the title's own line, for the lineage of facts read from it


@pytest.mark.parametrize("title", [
    ["Table 8", "Man-years1, by type of education and municipality. 2004 1"],
    ["8  Man-years1, by type of education and municipality. 2004 1"],
    ["Table 8. Man-years1, by type of education and municipality. 20041"],
])
def test_a_table_number_however_printed_and_markers_on_words_and_years(title):
    text = "\n".join([*title, "", "Municipality\tTotal\tNurses", "0101 Halden\t10,00\t10,00"])
    (table,) = tables_from_text(text).tables
    assert table.title.number in ("8", "Table 8")
    assert table.title.title == "Man-years, by type of education and municipality. 2004"
    assert set(table.title.markers) == {"1"}


PAGED = """Sosiale forhold 2004                                  Side 1
Table 8. Man-years, by type of education and municipality. 2004

Municipality\tTotal\tNurses
0101 Halden\t10,00\t10,00
0104 Moss\t20,00\t20,00
Statistics Norway                                    Page 1 of 2
\f
Sosiale forhold 2004                                  Side 2
Municipality\tTotal\tNurses
0105 Sarpsborg\t30,00\t30,00
0106 Fredrikstad\t40,00\t40,00
Statistics Norway                                    Page 2 of 2
"""


def test_running_heads_feet_and_page_numbers_are_furniture_and_a_repeated_header_continues_the_table():
    document = tables_from_text(PAGED)
    reasons = {line.text.split()[0]: reason for line, reason in ((f.line, f.reason) for f in document.furniture)}
    assert reasons == {"Sosiale": "running head", "Statistics": "running foot"}
    first, second = document.tables
    assert second.continues == first.index
    (merged,) = document.merged()
    assert [row.label for row in merged.rows] == ["0101 Halden", "0104 Moss", "0105 Sarpsborg", "0106 Fredrikstad"]
    assert {row.line.page for row in merged.rows} == {1, 2}
    assert not document.paragraphs  # nothing left over as prose: every line is placed


def test_a_page_of_notes_only_gives_notes_not_rows():
    text = "\n".join([
        "Tabell 3. Folkemengde, etter kommune. 2020",
        "",
        "Kommune\tFolkemengde\tEndring",
        "0301 Oslo\t700 000\t..",
        "",
        "1 Foreløpige tall for 2020.",
        "\f",
        "Side 2",
        "Forklaring av symboler: .. = tall mangler, – = null",
        "Kilde: Statistisk sentralbyrå",
    ])
    document = tables_from_text(text)
    (table,) = document.tables
    assert [row.label for row in table.rows] == ["0301 Oslo"]
    assert [(note.kind, note.marker) for note in table.notes] == [("footnote", "1"), ("symbols", None), ("source", None)]
    assert table.notes[1].line.page == 2
    assert [(f.reason, f.line.text) for f in document.furniture] == [("page number", "Side 2")]
    assert not document.paragraphs


def test_a_pipe_table_with_its_header_over_two_lines_padding_a_lone_dot_line_and_bold_markup():
    text = "\n".join([
        "| 21 | Brukerbetaling for hjemmetjenester. 2006 |",
        "| Kommune | Andel | Pris |",
        "| | betaler | kroner |",
        "|---|---|---|",
        "| <b>0101 Halden</b> | <b>57</b> | 1 235,70 | | |",
        "| 0104 Moss | . | .. |",
        ". |",
    ])
    document = tables_from_text(text)
    (table,) = document.tables
    assert [column.text for column in table.header.columns] == ["Andel betaler", "Pris kroner"]
    halden, moss = table.rows
    assert (halden.label, halden.bold, halden.cells[:2]) == ("0101 Halden", True, ("57", "1 235,70"))
    assert all(not cell for cell in halden.cells[2:])
    assert (moss.label, moss.cells) == ("0104 Moss", (".", ".."))
    assert ". |" in [f.line.text for f in document.furniture]


def test_a_fixed_width_header_wrapped_over_three_lines_gives_one_label_a_column():
    text = "\n".join([
        "Table 8. Man-years, by type of education and municipality. 1999",
        "",
        "Municipality           Man-years,     Psychiatric  Other",
        "                       total          nurses       nurses,",
        "                                      (trained)    total",
        "0101 Halden            1 235,70       12,00        1 223,70",
        f"0104 Moss                 40,00        {NB}            40,00",
    ])
    (table,) = tables_from_text(text).tables
    assert [column.label for column in table.header.columns] == [
        "Man-years, total", "Psychiatric nurses (trained)", "Other nurses, total"]
    halden, moss = table.rows
    assert halden.cells == ("1 235,70", "12,00", "1 223,70")
    assert moss.cells == ("40,00", "", "40,00")  # an empty cell, not a missing one


def test_a_label_alone_between_rows_is_a_section_and_keeps_its_line():
    text = render([("Østfold",), ("0101 Halden", "10", "1"), ("Akershus",), ("0211 Vestby", "20", "2")], "tabs")
    (table,) = tables_from_text(text).tables
    assert [(type(item).__name__, item.label) for item in table.body] == [
        ("Section", "Østfold"), ("Row", "0101 Halden"), ("Section", "Akershus"), ("Row", "0211 Vestby")]
    assert isinstance(table.body[0], Section) and table.body[0].line.number == 4
