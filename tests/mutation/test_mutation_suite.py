"""Single-line damage to every bundled sample costs at most the damaged row.

Each mutation at three rows spread over each document: every other row is still
published with its original values, and the damaged row is rejected naming its
file and line (or resolved by the document's arithmetic). Damage that leaves a
valid reading (two swapped cells, a symbol printed as 0) cannot be seen in the row
itself: it may be published as printed, and the published totals judge it in dbt.
"""

from __future__ import annotations

import pytest

from tests.mutation.mutate import MUTATIONS
from tests.mutation.suite import DOCUMENTS, judge

SAMPLES = sorted(path.name for path in DOCUMENTS.glob("*.txt"))
LEAVES_A_VALID_READING = frozenset({"swapped_cells", "symbol_to_zero"})
POSITIONS = 3


@pytest.mark.parametrize("mutation", list(MUTATIONS))
@pytest.mark.parametrize("sample", SAMPLES)
def test_a_damaged_line_costs_at_most_its_row(sample, mutation):
    outcomes = judge(DOCUMENTS / sample, POSITIONS, [mutation])
    for outcome in outcomes:
        where = f"{sample}:{outcome.line} ({mutation}, {outcome.verdict})"
        assert outcome.lost_elsewhere == 0, f"{where}: {outcome.lost_elsewhere} records of other rows lost"
        assert outcome.wrong == 0, f"{where}: {outcome.wrong} records of other rows changed"
        assert outcome.unnamed_rejects == 0, f"{where}: a reject names no line"
        allowed = {"rejected", "partly_rejected", "resolved", "unchanged"}
        if mutation in LEAVES_A_VALID_READING:
            allowed.add("as_printed")
        assert outcome.verdict in allowed, f"{where}: the damaged row was published: {outcome.reject_reasons}"
        if outcome.verdict in ("rejected", "partly_rejected"):
            assert outcome.reject_reasons, where


def test_every_kind_is_mutated():
    kinds = {outcome.sample for sample in SAMPLES for outcome in judge(DOCUMENTS / sample, 1, ["duplicated_row"])}
    assert kinds == set(SAMPLES)
