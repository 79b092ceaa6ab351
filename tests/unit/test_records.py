"""A kind's records (`Records`): read as the dicts the kind gave, written to Arrow as
the same rows, whether added one record at a time or a row's records at once."""

from __future__ import annotations

import pyarrow as pa
import pytest

from extract.kinds.base import Records, SchemaError

SCHEMA = pa.schema([
    pa.field("code", pa.string(), nullable=False),
    pa.field("month", pa.int8()),
    pa.field("value", pa.int32()),
    pa.field("source_line", pa.int32(), nullable=False),
])


def record(code: str, month: int | None, value: int | None, line: int) -> dict:
    return {"code": code, "month": month, "value": value, "source_line": line}


def test_a_rows_records_read_back_as_the_dicts_they_stand_for():
    records = Records("t", SCHEMA)
    records.append(record("0301", None, 5, 1))
    records.add_row({"code": "1103", "source_line": 2}, {"month": [1, 2, 3], "value": [7, None, 9]})
    records.add_row({"code": "4601", "source_line": 3}, {"month": [1, 2, 3], "value": [4, 5, 6]})
    expected = [record("0301", None, 5, 1), record("1103", 1, 7, 2), record("1103", 2, None, 2),
                record("1103", 3, 9, 2), record("4601", 1, 4, 3), record("4601", 2, 5, 3), record("4601", 3, 6, 3)]
    assert list(records) == expected and records == expected and len(records) == 7
    assert records[1] == expected[1] and records[-1] == expected[-1] and records[2:4] == expected[2:4]
    assert records.column("code") == [r["code"] for r in expected]
    assert records.source_lines() == {1, 2, 3}
    assert records.to_arrow().to_pylist() == expected
    assert records.to_arrow().schema == SCHEMA


def test_a_column_shared_by_one_row_and_given_per_record_by_another():
    records = Records("t", SCHEMA)
    records.add_row({"code": "1103", "month": 1, "source_line": 2}, {"value": [7, 8]})
    records.add_row({"code": "1103", "source_line": 3}, {"month": [1, 2], "value": [7, 8]})
    records.add_row({"code": "1103", "month": 5, "source_line": 4}, {"value": [1]})
    expected = [record("1103", 1, 7, 2), record("1103", 1, 8, 2), record("1103", 1, 7, 3), record("1103", 2, 8, 3),
                record("1103", 5, 1, 4)]
    assert list(records) == expected and records.to_arrow().to_pylist() == expected


def test_records_read_from_lines_are_taken_out():
    records = Records("t", SCHEMA)
    records.add_row({"code": "1103", "source_line": 2}, {"month": [1, 2], "value": [7, 8]})
    records.append(record("0301", None, 5, 3))
    records.add_row({"code": "4601", "source_line": 4}, {"month": [1, 2], "value": [4, 5]})
    records.drop_lines({2})
    expected = [record("0301", None, 5, 3), record("4601", 1, 4, 4), record("4601", 2, 5, 4)]
    assert list(records) == expected and records.to_arrow().to_pylist() == expected
    records.add_row({"code": "5001", "source_line": 5}, {"month": [1], "value": [6]})
    assert records[-1] == record("5001", 1, 6, 5)


def test_no_records_are_an_empty_table_of_the_schema():
    records = Records("t", SCHEMA)
    records.add_row({"code": "1103", "source_line": 2}, {"month": [], "value": []})
    assert records == [] and not records and records.to_arrow().equals(SCHEMA.empty_table())


@pytest.mark.parametrize("add, message", [
    (lambda r: r.append({"code": "1", "month": 1, "value": 1}), r"record 1: columns missing \['source_line'\]"),
    (lambda r: r.append({**record("1", 1, 1, 1), "extra": 1}), r"record 1: columns not in its schema \['extra'\]"),
    (lambda r: r.add_row({"code": "1", "source_line": 1}, {"month": [1, 2], "value": [1]}),
     r"columns of \[1, 2\] values"),
    (lambda r: r.add_row({"code": "1"}, {"month": [1], "value": [1]}), r"columns missing \['source_line'\]"),
])
def test_a_record_that_is_not_its_schemas_is_a_schema_error(add, message: str):
    with pytest.raises(SchemaError, match=message):
        add(Records("t", SCHEMA))


def test_a_required_column_left_empty_is_named_with_its_record():
    records = Records("t", SCHEMA)
    records.add_row({"code": "1103", "source_line": 2}, {"month": [1, 2], "value": [7, 8]})
    records.add_row({"code": None, "source_line": 3}, {"month": [1, 2], "value": [7, 8]})
    with pytest.raises(SchemaError, match=r"table 't', record 3: required columns empty \['code'\]"):
        records.to_arrow()
