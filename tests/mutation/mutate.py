"""Single-line damage to a text rendering, the kind a scan, an editor or a copy does.

Each mutation takes one data row's text and returns what replaces it (its lines, twice
for a duplicated row, or None where it does not apply to that row). The value cells
are found from the text itself: the cells of a pipe- or tab-delimited line, the lines
of a row printed a value per line, else the whitespace tokens after the row's label
(a thousands group is then a token, so damage to it is still damage to a cell).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

OCR_LETTERS = {"0": "O", "1": "l", "5": "S", "8": "B"}
SYMBOLS = ("*", "..", ".", ":", "-", "–")
_DIGIT = re.compile(r"\d")


@dataclass(frozen=True)
class Cells:
    """A line split into its label part, its value cells and what joins them."""

    prefix: str  # the label and everything before the first value
    values: list[str]
    separators: list[str]  # separators[i] follows values[i]

    def join(self, values: list[str] | None = None, separators: list[str] | None = None) -> str:
        values = self.values if values is None else values
        separators = self.separators if separators is None else separators
        return self.prefix + "".join(value + separator for value, separator in zip(values, separators))


def split_cells(text: str, label: str) -> Cells | None:
    """The value cells of a row's line, after its label; of a row printed over
    several lines (a value per line), the lines after its label's."""
    if "\n" in text:
        label_line, *values = text.split("\n")
        return Cells(label_line + "\n", values, ["\n"] * (len(values) - 1) + [""]) if values else None
    if "|" in text or "\t" in text:
        delimiter = "|" if "|" in text else "\t"
        parts = re.split(f"({re.escape(delimiter)})", text)
        # parts: cell, delimiter, cell, …; the label cell is the first with the label's first word.
        first_word = label.split()[0] if label.split() else ""
        start = next((i for i in range(0, len(parts), 2) if first_word and first_word in parts[i]), None)
        if start is None:
            return None
        prefix = "".join(parts[: start + 2])
        values = parts[start + 2 :: 2]
        separators = parts[start + 3 :: 2] + [""] * (len(values) - len(parts[start + 3 :: 2]))
        return Cells(prefix, values, separators)
    position = _label_end(text, label)
    if position is None:
        return None
    rest = text[position:]
    body = rest.lstrip()
    lead = rest[: len(rest) - len(body)]
    pieces = re.split(r"(\s+)", body)
    tokens = pieces[0::2]
    gaps = pieces[1::2] + [""]
    if tokens and tokens[-1] == "":
        tokens, gaps = tokens[:-1], gaps[:-2] + [gaps[-2]]
    return Cells(text[:position] + lead, tokens, gaps)


def _label_end(text: str, label: str) -> int | None:
    """Where the label's last word ends in the line."""
    words = label.split()
    if not words:
        return None
    position = 0
    for word in words:
        found = text.find(word, position)
        if found < 0:
            return None
        position = found + len(word)
    return position


def _value_indexes(cells: Cells, wanted: Callable[[str], bool]) -> list[int]:
    return [i for i, value in enumerate(cells.values) if wanted(value.strip())]


def _middle(indexes: list[int]) -> int | None:
    return indexes[len(indexes) // 2] if indexes else None


def garbled_digit(text: str, label: str) -> list[str] | None:
    """A digit printed as a glyph that is no digit ('4' → '¤')."""
    return _replace_digit(text, label, lambda digit: "¤")


def ocr_letter(text: str, label: str) -> list[str] | None:
    """A digit read as the letter it looks like ('0' → 'O', '1' → 'l', '5' → 'S', '8' → 'B')."""
    cells = split_cells(text, label)
    if cells is None:
        return None
    index = _middle(_value_indexes(cells, lambda v: any(d in v for d in OCR_LETTERS)))
    if index is None:
        return None
    value = cells.values[index]
    at = next(i for i, ch in enumerate(value) if ch in OCR_LETTERS)
    values = list(cells.values)
    values[index] = value[:at] + OCR_LETTERS[value[at]] + value[at + 1 :]
    return [cells.join(values)]


def _replace_digit(text: str, label: str, replacement: Callable[[str], str]) -> list[str] | None:
    cells = split_cells(text, label)
    if cells is None:
        return None
    index = _middle(_value_indexes(cells, lambda v: bool(_DIGIT.search(v))))
    if index is None:
        return None
    value = cells.values[index]
    match = list(_DIGIT.finditer(value))[-1]
    values = list(cells.values)
    values[index] = value[: match.start()] + replacement(match.group()) + value[match.end() :]
    return [cells.join(values)]


def deleted_cell(text: str, label: str) -> list[str] | None:
    """One value cell gone, with its separator (the cells after it move left)."""
    cells = split_cells(text, label)
    if cells is None or len(cells.values) < 2:
        return None
    index = _middle(_value_indexes(cells, lambda v: bool(v)))
    if index is None:
        return None
    values = cells.values[:index] + cells.values[index + 1 :]
    separators = cells.separators[:index] + cells.separators[index + 1 :]
    return [cells.join(values, separators)]


def duplicated_row(text: str, label: str) -> list[str] | None:
    """The line printed twice (a copy and paste, a page break repeated)."""
    return [text, text]


def swapped_cells(text: str, label: str) -> list[str] | None:
    """Two neighbouring value cells that differ, in each other's place."""
    cells = split_cells(text, label)
    if cells is None:
        return None
    filled = [i for i, value in enumerate(cells.values) if value.strip()]
    pairs = [(i, j) for i, j in zip(filled, filled[1:]) if cells.values[i].strip() != cells.values[j].strip()]
    if not pairs:
        return None
    i, j = pairs[len(pairs) // 2]
    values = list(cells.values)
    values[i], values[j] = values[j], values[i]
    return [cells.join(values)]


def cut_line(text: str, label: str) -> list[str] | None:
    """The line cut after half its values (the rest lost)."""
    cells = split_cells(text, label)
    filled = [i for i, value in enumerate(cells.values) if value.strip()] if cells else []
    if len(filled) < 2:
        return None
    keep = filled[len(filled) // 2]
    return [cells.join(cells.values[:keep], cells.separators[: keep - 1] + [""]).rstrip()]


def symbol_to_zero(text: str, label: str) -> list[str] | None:
    """A symbol cell ('*', '..', '.', ':', '-') printed as '0'."""
    cells = split_cells(text, label)
    if cells is None:
        return None
    index = _middle(_value_indexes(cells, lambda v: v in SYMBOLS))
    if index is None:
        return None
    values = list(cells.values)
    values[index] = values[index].replace(values[index].strip(), "0")
    return [cells.join(values)]


MUTATIONS: dict[str, Callable[[str, str], list[str] | None]] = {
    "garbled_digit": garbled_digit,
    "ocr_letter": ocr_letter,
    "deleted_cell": deleted_cell,
    "duplicated_row": duplicated_row,
    "swapped_cells": swapped_cells,
    "cut_line": cut_line,
    "symbol_to_zero": symbol_to_zero,
}
