"""The one table format for scores written as rows (`howey batch`, POST /v1/score/csv, the page)."""

import csv
import io
import json

import pytest

from app.core.data.table import COLUMNS, TableWriter, csv_table, defused, is_jsonl, table_row
from app.core.prongs import PRONGS
from tests.helpers.results import RULEBOOK_VERSION, SCORED_AT, result

HOSTILE = ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"]


def test_the_columns_and_their_order():
    per_prong = [f"{p.value}_{part}" for p in PRONGS for part in ("verdict", "score", "evidence")]
    assert ("id", "symbol", "name", "risk_score", "risk_level", "prongs_with_evidence", *per_prong,
                       "model_version", "rulebook_version", "as_of", "scored_at") == COLUMNS


def test_a_row_in_column_order():
    row = dict(zip(COLUMNS, table_row("r1", "ACME", "Acme", result(0.81)), strict=True))
    assert (row["id"], row["symbol"], row["name"], row["risk_score"], row["risk_level"]) == ("r1", "ACME", "Acme", 0.81, "medium")
    assert row["prongs_with_evidence"] == 0
    assert (row["model_version"], row["rulebook_version"], row["scored_at"]) == ("test-model", RULEBOOK_VERSION, SCORED_AT)
    for prong in PRONGS:
        assert (row[f"{prong.value}_verdict"], row[f"{prong.value}_score"], row[f"{prong.value}_evidence"]) == ("unclear", 0.5, "")


@pytest.mark.parametrize("cell", HOSTILE)
def test_cells_a_spreadsheet_would_run_are_defused(cell):
    assert defused(cell) == "'" + cell
    assert defused("fine " + cell) == "fine " + cell
    assert defused(0.5) == 0.5


def test_csv_defuses_every_cell_and_jsonl_keeps_them_exact():
    rows = [(*HOSTILE[:3], *table_row("x", "y", "z", result())[3:])]
    written = list(csv.reader(io.StringIO(csv_table(rows))))
    assert written[0] == list(COLUMNS)
    assert written[1][:3] == ["'" + cell for cell in HOSTILE[:3]]
    out = io.StringIO()
    TableWriter(out, jsonl=True).write(rows)
    record = json.loads(out.getvalue())
    assert list(record) == list(COLUMNS)
    assert [record[c] for c in ("id", "symbol", "name")] == HOSTILE[:3]


def test_jsonl_by_file_name():
    assert is_jsonl("scores.JSONL") and is_jsonl("scores.ndjson") and not is_jsonl("scores.csv")
