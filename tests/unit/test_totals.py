"""What printed column totals prove: a swapped pair of cells, and the row it is in."""

from __future__ import annotations

from decimal import Decimal as D

from extract.tables.totals import Swap, column_gaps, derived_row, read_by_totals, swapped_row

TOTAL = [D("10"), D("20"), D("30")]
ROWS = {3: [D("1"), D("2"), D("3")], 4: [D("4"), D("8"), D("12")], 5: [D("5"), D("10"), D("15")]}


def test_rows_that_add_up_have_no_gaps_and_no_swap():
    assert column_gaps(ROWS, TOTAL) == [0, 0, 0]
    assert swapped_row(ROWS, TOTAL, D("0.01")) is None


def test_a_swapped_pair_names_its_row_and_columns():
    rows = {**ROWS, 4: [D("8"), D("4"), D("12")]}
    assert column_gaps(rows, TOTAL) == [4, -4, 0]
    assert swapped_row(rows, TOTAL, D("0.01")) == Swap((4,), 0, 1, D("4"))


def test_several_rows_that_fit_are_named_only_when_allowed():
    rows = {**ROWS, 4: [D("8"), D("4"), D("12")], 6: [D("5"), D("1"), D("6")]}
    total = [D("15"), D("21"), D("36")]  # row 6 really is (5, 1): it fits the same swap, unswapped
    assert swapped_row(rows, total, D("0.01")) is None
    assert swapped_row(rows, total, D("0.01"), at_most=2) == Swap((4, 6), 0, 1, D("4"))


def test_gaps_that_are_not_opposite_are_no_swap():
    rows = {**ROWS, 4: [D("9"), D("4"), D("12")]}  # +5 and -4: damage, but no swap
    assert swapped_row(rows, TOTAL, D("0.01")) is None
    rows = {**ROWS, 4: [D("8"), D("4"), D("13")]}  # three columns off
    assert swapped_row(rows, TOTAL, D("0.01")) is None


def test_a_total_that_is_not_a_number_is_left_out():
    rows = {**ROWS, 4: [D("8"), D("4"), None]}
    assert column_gaps(rows, [D("10"), D("20"), None]) == [4, -4, None]
    assert swapped_row(rows, [D("10"), D("20"), None], D("0.01")) == Swap((4,), 0, 1, D("4"))


def test_a_damaged_row_is_read_from_the_totals_where_its_print_agrees():
    rows = {**ROWS, 4: [None, None, None]}
    assert derived_row(rows, TOTAL, 4) == [4, 8, 12]
    assert read_by_totals(["4", "8", "1¤"], ["4", "8", "12"]) == ["4", "8", "1¤"]
    assert read_by_totals(["4", "8", "lO"], ["4", "8", "10"]) == ["4", "8", "lO"]  # OCR letters for digits
    assert read_by_totals(["4", "", "12"], ["4", "0,00", "12"]) == ["4", "", "12"]  # an empty cell for a zero


def test_a_print_that_disagrees_is_not_read_from_the_totals():
    assert read_by_totals(["4", "9", "12"], ["4", "8", "12"]) is None  # another digit
    assert read_by_totals(["4", "12"], ["4", "8", "12"]) is None  # a cell missing
    assert read_by_totals(["4", "8", "123"], ["4", "8", "12"]) is None  # a digit more
    assert read_by_totals(["4", "", "12"], ["4", "8", "12"]) is None  # empty where the totals prove 8
