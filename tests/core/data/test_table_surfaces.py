"""One table format: the same input gives the same columns from `howey batch` (CSV and JSONL) and
`POST /v1/score/csv` (the page's download is that endpoint's rows: tests/page checks it), and every
formula-like cell is defused in CSV while JSONL stays exact."""

import csv
import io
import json

from fastapi.testclient import TestClient
from typer.testing import CliRunner

from app.cli import app as cli
from app.core.data.table import COLUMNS, defused
from app.main import create_app
from app.settings import Settings
from tests.helpers.paths import SHIPPED_MODEL
from tests.helpers.texts import COMMODITY_TEXT, SECURITY_TEXT

# Ids as uploaded; the readers trim white space around ids, so "\tcmd" arrives as "cmd".
HOSTILE = ["=HYPERLINK(\"http://x\")", "+1", "-2", "@SUM(A1)", "\tcmd", "\rcmd"]
HOSTILE_READ = [h.strip() for h in HOSTILE]


def _rows(n: int = 20) -> list[dict]:
    rows = []
    for i in range(n):
        text = SECURITY_TEXT if i % 2 == 0 else COMMODITY_TEXT
        if i == 0:
            text = "=cmd|' /C calc'!A0 " + text  # the issuer's own words start with a formula
        rows.append({"id": HOSTILE[i] if i < len(HOSTILE) else f"row-{i}", "symbol": f"S{i}",
                     "name": "@name" if i == 7 else f"Token {i}", "text": text})
    return rows


def _csv(rows: list[dict]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=["id", "symbol", "name", "text"])
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def test_every_surface_writes_the_same_columns_and_defuses_every_cell(tmp_path, monkeypatch):
    monkeypatch.setenv("HOWEY_MODEL_DIR", str(SHIPPED_MODEL))
    rows = _rows()
    source = tmp_path / "listings.csv"
    source.write_text(_csv(rows), encoding="utf-8")
    runner = CliRunner()
    for name in ("out.csv", "out.jsonl"):
        result = runner.invoke(cli, ["batch", str(source), "-o", str(tmp_path / name), "--jobs", "1"])
        assert result.exit_code == 0, result.output
    batch_csv = list(csv.reader(io.StringIO((tmp_path / "out.csv").read_text(encoding="utf-8"))))
    batch_jsonl = [json.loads(line) for line in (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()]
    with TestClient(create_app(Settings(model_dir=SHIPPED_MODEL, db=tmp_path / "audit.db"))) as client:
        answer = client.post("/v1/score/csv", files={"file": ("listings.csv", _csv(rows), "text/csv")})
    assert answer.status_code == 200, answer.text
    api_csv = list(csv.reader(io.StringIO(answer.text)))

    assert batch_csv[0] == api_csv[0] == list(COLUMNS)
    assert all(list(row) == list(COLUMNS) for row in batch_jsonl)
    assert len(batch_csv) == len(api_csv) == len(rows) + 1 == len(batch_jsonl) + 1

    for table in (batch_csv, api_csv):
        cells = [cell for row in table[1:] for cell in row]
        assert not [c for c in cells if c[:1] in ("=", "+", "-", "@", "\t", "\r")], "a formula reached the CSV"
        assert [row[0] for row in table[1:len(HOSTILE) + 1]] == [defused(h) for h in HOSTILE_READ]
        assert [row[0] for row in table[1:5]] == ["'" + h for h in HOSTILE[:4]]
        assert table[8][2] == "'@name"
        evidence = [row[COLUMNS.index("investment_of_money_evidence")] for row in table[1:]]
        assert evidence[0].startswith("'=cmd|")  # the issuer's quote, defused
    # JSONL is read by programs: every value exact
    assert [row["id"] for row in batch_jsonl[: len(HOSTILE)]] == HOSTILE_READ
    assert batch_jsonl[0]["investment_of_money_evidence"].startswith("=cmd|")
    for table_row, jsonl_row in zip(batch_csv[1:], batch_jsonl, strict=True):
        assert table_row[COLUMNS.index("risk_level")] == jsonl_row["risk_level"]
        assert jsonl_row["rulebook_version"].startswith("rb-") and jsonl_row["scored_at"].endswith("Z")


def test_defused_leaves_other_cells_alone():
    assert defused("plain") == "plain"
    assert defused(0.5) == 0.5
    assert defused("") == ""
    assert defused("a=b") == "a=b"
    for start in ("=", "+", "-", "@", "\t", "\r"):
        assert defused(start + "x") == "'" + start + "x"
