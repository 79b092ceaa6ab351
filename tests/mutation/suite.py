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
# A row's marks of how it was read: not what the document says, so not compared.
RESOLUTION_COLUMNS = frozenset({"resolution"})


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
    ignored = LINEAGE_NAMES | reading_columns(kind.schemas[table]) | RESOLUTION_COLUMNS
    return (table, *sorted((k, v) for k, v in record.items() if k not in ignored))


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

    @property
    def ok(self) -> bool:
        return self.lost_elsewhere == 0 and self.wrong == 0 and self.unnamed_rejects == 0


def _merged(counters) -> Counter:
    merged: Counter = Counter()
    for counter in counters:
        merged.update(counter)
    return merged


def data_rows(parsed: Parsed) -> list[tuple[int, str]]:
    """(line number, label) of every row that gave records."""
    lines = {record["source_line"] for rows in parsed.result.tables.values() for record in rows}
    rows = [(row.line.number, row.label) for table in parsed.document.tables for row in table.rows
            if row.line.number in lines and len(row.lines) == 1]
    return sorted(set(rows))


def positions(rows: list[tuple[int, str]], count: int) -> list[tuple[int, str]]:
    if len(rows) <= count:
        return rows
    step = (len(rows) - 1) / (count - 1)
    return [rows[round(i * step)] for i in range(count)]


def mutants(path: Path, count: int) -> Iterator[tuple[str, int, str, list[str], list[str]]]:
    """(mutation, line, label, original lines, mutant lines) for `count` rows per mutation."""
    original = parse(path)
    text = path.read_text(encoding="utf-8")
    lines = text.split("\n")
    rows = data_rows(original)
    for name, mutation in MUTATIONS.items():
        applicable = [(number, label) for number, label in rows if mutation(lines[number - 1], label)]
        for number, label in positions(applicable, count):
            replacement = mutation(lines[number - 1], label)
            yield name, number, label, lines, lines[: number - 1] + replacement + lines[number:]


def judge(path: Path, count: int = 5) -> list[Outcome]:
    original = parse(path)
    before = records_by_line(original)
    everything = _merged(before.values())
    outcomes = []
    with tempfile.TemporaryDirectory() as folder:
        for name, number, _label, lines, mutated in mutants(path, count):
            target = Path(folder) / path.name
            target.write_text("\n".join(mutated), encoding="utf-8")
            try:
                mutant = parse(target)
            except ParseError as error:
                outcomes.append(Outcome(path.name, name, number, "document_failed",
                                        sum(everything.values()), 0, [str(error)]))
                continue
            # The mutant's own rows as printed: its records from the mutated line(s).
            shift = len(mutated) - len(lines)
            mutated_lines = set(range(number, number + 1 + shift))
            after = records_by_line(mutant)
            from_mutated = _merged(after.get(n, Counter()) for n in mutated_lines)
            from_others = _merged(c for n, c in after.items() if n not in mutated_lines)
            expected_others = everything - before.get(number, Counter())
            lost_elsewhere = sum((expected_others - from_others).values())
            wrong_elsewhere = sum((from_others - expected_others).values())
            rejects = [r for r in mutant.result.rejects if r.line.number in mutated_lines]
            own = before.get(number, Counter())
            resolved = [r for rows in mutant.result.tables.values() for r in rows
                        if r["source_line"] in mutated_lines and r.get("resolution")]
            if from_mutated == own and not rejects and name != "duplicated_row":
                verdict = "unchanged" if not resolved else "resolved"
            elif name == "duplicated_row" and from_mutated == own and rejects:
                verdict = "rejected"
            elif resolved and from_mutated == own:
                verdict = "resolved"
            elif not from_mutated and rejects:
                verdict = "rejected"
            elif rejects and (from_mutated - own) == Counter():
                verdict = "partly_rejected"
            else:
                verdict = "as_printed"
            wrong = wrong_elsewhere
            outcome = Outcome(path.name, name, number, verdict, lost_elsewhere, wrong,
                              [r.reason for r in rejects],
                              sum(1 for r in mutant.result.rejects if not r.line.number))
            outcomes.append(outcome)
    return outcomes


def main() -> None:
    import sys

    count = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    for path in sorted(DOCUMENTS.glob("*.txt")):
        for outcome in judge(path, count):
            print(f"{outcome.sample[:28]:<28} {outcome.mutation:<15} {outcome.line:>5} {outcome.verdict:<15} "
                  f"lost={outcome.lost_elsewhere} wrong={outcome.wrong} "
                  f"{'; '.join(outcome.reject_reasons)[:90]}")


if __name__ == "__main__":
    main()
