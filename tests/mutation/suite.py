"""Run every single-line mutation of every bundled sample and judge what it cost.

For a sample and a mutation at a row, the mutant is extracted and compared with the
original, record by record (lineage and reading columns aside, since a duplicated or
cut line moves the lines below it):

- `lost`: original records missing from the mutant; each must come from the mutated row;
- `wrong`: mutant records the original does not have — a wrong value, unless the record
  is the mutated row published as its damaged line says (`as_printed`, for damage that
  leaves a valid reading, such as two swapped cells that no arithmetic covers) or
  resolved by the document's arithmetic to the original's value;
- the mutated row must be a reject naming the file and its line, resolved, or as printed.
"""

from __future__ import annotations

import tempfile
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from extract.kinds import all_kinds, detect_kind
from extract.kinds.base import LINEAGE_NAMES, DocumentKind, ParseError, ParseResult, parse_document, reading_columns
from extract.readers import read_document
from extract.tables import TableDocument, read_tables
from tests.mutation.mutate import MUTATIONS

DOCUMENTS = Path(__file__).resolve().parents[2] / "documents"
# A cell a kind read from the document's totals (a damaged digit the arithmetic
# proves): the same value as printed intact, with this status instead of 'published'.
RESOLVED = "resolved_by_total"


@dataclass
class Parsed:
    kind: DocumentKind
    document: TableDocument
    result: ParseResult


def parse(path: Path) -> Parsed:
    document = read_tables(read_document(path))
    kind = detect_kind(document, all_kinds()).kind
    if kind is None:
        raise AssertionError(f"{path.name}: no kind detected")
    result = parse_document(kind, document)
    return Parsed(kind, document, result)


def _key(kind: DocumentKind, table: str, record: dict) -> tuple:
    ignored = LINEAGE_NAMES | reading_columns(kind.schemas[table])
    return (table, *sorted((k, "published" if v == RESOLVED else v) for k, v in record.items() if k not in ignored))


def records_by_line(parsed: Parsed) -> dict[int, Counter]:
    by_line: dict[int, Counter] = {}
    for table, rows in parsed.result.tables.items():
        for record in rows:
            by_line.setdefault(record["source_line"], Counter())[_key(parsed.kind, table, record)] += 1
    return by_line


@dataclass
class Outcome:
    sample: str
    mutation: str
    line: int  # the original's line number of the mutated row
    verdict: str  # rejected | resolved | as_printed | unchanged
    lost_elsewhere: int = 0  # records of other rows lost
    wrong: int = 0  # records published with a value neither original nor as printed
    reject_reasons: list[str] = field(default_factory=list)
    unnamed_rejects: int = 0  # rejects without a file or line
    # Records of other rows rejected as fellow suspects: where the document's totals
    # show damage they cannot place between a few rows, each is rejected naming the others.
    suspects: int = 0

    @property
    def ok(self) -> bool:
        return self.lost_elsewhere == 0 and self.wrong == 0 and self.unnamed_rejects == 0


def _merged(counters) -> Counter:
    merged: Counter = Counter()
    for counter in counters:
        merged.update(counter)
    return merged


@dataclass(frozen=True)
class DataRow:
    first: int  # its first line's number: where its records point
    last: int  # its last line's number (a row printed one value per line spans several)
    label: str


def data_rows(parsed: Parsed) -> list[DataRow]:
    """Every row that gave records."""
    lines = {record["source_line"] for rows in parsed.result.tables.values() for record in rows}
    rows = {DataRow(row.line.number, row.lines[-1].number, row.label)
            for table in parsed.document.tables for row in table.rows if row.line.number in lines}
    return sorted(rows, key=lambda row: row.first)


def positions(rows: list, count: int) -> list:
    if len(rows) <= count:
        return rows
    if count == 1:
        return [rows[len(rows) // 2]]
    step = (len(rows) - 1) / (count - 1)
    return [rows[round(i * step)] for i in range(count)]


@dataclass(frozen=True)
class Mutant:
    mutation: str
    row: DataRow
    replacement: list[str]  # the lines that replace the row's lines
    lines: list[str]  # the whole mutated document

    @property
    def mutated_lines(self) -> range:
        """The mutant's line numbers that hold the damaged row."""
        return range(self.row.first, self.row.first + len(self.replacement))


def mutants(path: Path, count: int, names: list[str] | None = None) -> Iterator[Mutant]:
    """`count` rows per mutation, spread over the document. A row is mutated as the
    text of its lines (its values on lines of their own, where it is printed so)."""
    original = parse(path)
    lines = path.read_text(encoding="utf-8").split("\n")
    rows = data_rows(original)
    for name in names or MUTATIONS:
        replaced = {row: _replacement(MUTATIONS[name], lines, row) for row in rows}
        applicable = [row for row in rows if replaced[row]]
        for row in positions(applicable, count):
            new = replaced[row]
            yield Mutant(name, row, new, lines[: row.first - 1] + new + lines[row.last :])


def _replacement(mutation, lines: list[str], row: DataRow) -> list[str] | None:
    replaced = mutation("\n".join(lines[row.first - 1 : row.last]), row.label)
    return None if replaced is None else "\n".join(replaced).split("\n")


def judge(path: Path, count: int = 5, names: list[str] | None = None) -> list[Outcome]:
    original = parse(path)
    before = records_by_line(original)
    everything = _merged(before.values())
    outcomes = []
    with tempfile.TemporaryDirectory() as folder:
        for mutant_ in mutants(path, count, names):
            name, number = mutant_.mutation, mutant_.row.first
            target = Path(folder) / path.name
            target.write_text("\n".join(mutant_.lines), encoding="utf-8")
            try:
                mutant = parse(target)
            except ParseError as error:
                outcomes.append(Outcome(path.name, name, number, "document_failed",
                                        sum(everything.values()), 0, [str(error)]))
                continue
            mutated_lines = set(mutant_.mutated_lines)
            after = records_by_line(mutant)
            from_mutated = _merged(after.get(n, Counter()) for n in mutated_lines)
            from_others = _merged(c for n, c in after.items() if n not in mutated_lines)
            own = before.get(number, Counter())
            expected_others = everything - own
            shift = len(mutant_.replacement) - (mutant_.row.last - mutant_.row.first + 1)
            suspect_lines = {r.line.number for r in mutant.result.rejects
                             if r.line.number not in mutated_lines and f"line {number}" in r.reason}
            suspects = sum(sum(records.values()) for line, records in before.items()
                           if line != number and (line if line < number else line + shift) in suspect_lines)
            lost_elsewhere = sum((expected_others - from_others).values()) - suspects
            wrong_elsewhere = sum((from_others - expected_others).values())
            rejects = [r for r in mutant.result.rejects if r.line.number in mutated_lines]
            resolved = [r for rows in mutant.result.tables.values() for r in rows
                        if r["source_line"] in mutated_lines and RESOLVED in r.values()]
            if name == "duplicated_row":
                verdict = "rejected" if from_mutated == own and rejects else "as_printed"
            elif from_mutated == own:
                verdict = "resolved" if resolved else ("partly_rejected" if rejects else "unchanged")
            elif not from_mutated and rejects:
                verdict = "rejected"
            elif rejects and not (from_mutated - own):
                verdict = "partly_rejected"
            else:
                verdict = "as_printed"
            outcomes.append(Outcome(path.name, name, number, verdict, lost_elsewhere, wrong_elsewhere,
                                    [r.reason for r in rejects],
                                    sum(1 for r in mutant.result.rejects if not r.line.number), suspects))
    return outcomes


def main() -> None:
    import sys

    count = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    for path in sorted(DOCUMENTS.glob("*.txt")):
        for outcome in judge(path, count):
            print(f"{outcome.sample[:28]:<28} {outcome.mutation:<15} {outcome.line:>5} {outcome.verdict:<15} "
                  f"lost={outcome.lost_elsewhere} wrong={outcome.wrong} suspects={outcome.suspects} "
                  f"{'; '.join(outcome.reject_reasons)[:90]}")


if __name__ == "__main__":
    main()
