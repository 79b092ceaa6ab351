from decimal import Decimal

import pytest

from extract.tables.cells import CellError, parse_cell, parse_number, strip_markup

NBSP = "\u00a0"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("534,95", Decimal("534.95")),
        (f"1{NBSP}235,70", Decimal("1235.70")),
        (f"86{NBSP}369,86", Decimal("86369.86")),
        ("1\u202f121,23", Decimal("1121.23")),
        ("-1 304", Decimal("-1304")),
        ("\u2212241", Decimal("-241")),
        ("0,00", Decimal("0.00")),
        ("7", Decimal("7")),
        ("1.235,70", Decimal("1235.70")),
        ("1\u2009235", Decimal("1235")),
    ],
)
def test_parse_number_reads_norwegian_numbers(text, expected):
    assert parse_number(text) == expected


@pytest.mark.parametrize("text", ["12,5O", "1 23", "1,2,3", "abc", "1.23,70", ""])
def test_parse_number_refuses_what_is_not_a_number(text):
    with pytest.raises(CellError):
        parse_number(text)


def test_symbols_and_empty_cells_are_statuses_not_zero():
    symbols = {".": "not_answered", "..": "missing", "*": "suppressed"}
    assert parse_cell(NBSP, symbols).status == "empty"
    assert parse_cell(NBSP, symbols).value is None
    assert parse_cell(".", symbols).status == "not_answered"
    assert parse_cell("..", symbols).status == "missing"
    assert parse_cell("*", symbols).value is None
    assert parse_cell("0", symbols).value == 0
    assert parse_cell("0", symbols).status == "published"


def test_a_symbol_unknown_to_the_document_is_an_error():
    with pytest.raises(CellError):
        parse_cell("*", {".": "not_answered"})


def test_markup_does_not_change_a_value():
    assert strip_markup("<b>15 078</b>") == "15 078"
    assert parse_cell("<b>2 128</b>").value == Decimal("2128")


def test_every_ssb_symbol_and_navs_star_keep_their_own_status():
    from extract.tables.cells import SSB_SYMBOLS

    symbols = {**SSB_SYMBOLS, "*": "suppressed"}
    statuses = {text: parse_cell(text, symbols).status for text in [".", "..", "...", ":", "-", "\u2013", "*"]}
    assert len(set(statuses.values())) == 6  # '-' and '–' are one symbol (nil), printed two ways
    assert statuses["-"] == statuses["\u2013"] == "nil"
    assert all(parse_cell(text, symbols).value is None for text in statuses)
    assert (parse_cell("0", symbols).value, parse_cell("0", symbols).decimals) == (Decimal(0), 0)
    assert (parse_cell("0,0", symbols).value, parse_cell("0,0", symbols).decimals) == (Decimal("0.0"), 1)


def test_the_decimal_mark_is_the_tables_own():
    from extract.tables.cells import decimal_mark

    assert decimal_mark(["12.5", "3.25", "1 204.0"]) == "."
    assert decimal_mark(["12,5", "3,25"]) == ","
    assert parse_number("12.5", decimal=".") == Decimal("12.5")
    assert parse_number("1.204,5") == Decimal("1204.5")
