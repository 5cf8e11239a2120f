"""`howey batch`: streamed, ordered, parallel scoring with rejects that never stop the run."""

import csv
import io
import json

import pytest
from typer.testing import CliRunner

from app.cli import app as cli
from app.core.data.listings import Listing, ListingsError, Rejected, read_csv, read_jsonl
from conftest import COMMODITY_TEXT, SECURITY_TEXT, SHIPPED_MODEL

runner = CliRunner()


@pytest.fixture(autouse=True)
def shipped_model(monkeypatch):
    monkeypatch.setenv("HOWEY_MODEL_DIR", str(SHIPPED_MODEL))


def _write_csv(path, rows, header=("id", "symbol", "text")):
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_batch_csv_keeps_order_and_rejects_bad_rows(tmp_path, jobs):
    rows = [(f"r{i}", "TKN", SECURITY_TEXT if i % 2 else COMMODITY_TEXT) for i in range(600)]
    rows.insert(10, ("empty", "X", "   "))
    rows.insert(20, ("huge", "X", "x" * 100_001))
    source = tmp_path / "in.csv"
    _write_csv(source, rows)
    with open(source, "ab") as handle:
        handle.write(b'latin,X,"caf\xe9 token sale"\n')
    out = tmp_path / "out.csv"
    result = runner.invoke(cli, ["batch", str(source), "-o", str(out), "--jobs", jobs])
    assert result.exit_code == 0, result.output
    scored = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert [r["id"] for r in scored] == [f"r{i}" for i in range(600)]
    assert {r["risk_level"] for r in scored[1::2]} == {"high"} and {r["risk_level"] for r in scored[::2]} == {"low"}
    assert all(r["efforts_of_others_verdict"] in {"met", "not_met", "unclear"} for r in scored)
    assert scored[1]["investment_of_money_evidence"] in SECURITY_TEXT
    rejects = list(csv.DictReader(io.StringIO((tmp_path / "out.csv.rejects.csv").read_text(encoding="utf-8"))))
    assert [(r["id"], r["line"]) for r in rejects] == [("empty", "12"), ("huge", "22"), ("latin", "604")]
    assert "scored 600 rows" in result.output and "rejected 3" in result.output


def test_batch_jsonl_in_and_out_with_custom_columns(tmp_path):
    source = tmp_path / "in.jsonl"
    lines = [json.dumps({"listing": f"L{i}", "body": SECURITY_TEXT}) for i in range(5)]
    lines.insert(2, "{not json")
    source.write_text("\n".join(lines) + "\n")
    out = tmp_path / "out.jsonl"
    result = runner.invoke(cli, ["batch", str(source), "-o", str(out), "--text-column", "body", "--id-column", "listing", "--jobs", "1"])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in out.read_text().splitlines()]
    assert [r["id"] for r in records] == [f"L{i}" for i in range(5)]
    assert records[0]["risk_level"] == "high"
    assert "not valid JSON" in (tmp_path / "out.jsonl.rejects.csv").read_text()


def test_batch_file_level_errors_are_clear(tmp_path):
    source = tmp_path / "in.csv"
    _write_csv(source, [("a", "b")], header=("id", "description"))
    result = runner.invoke(cli, ["batch", str(source), "-o", str(tmp_path / "out.csv")])
    assert result.exit_code == 2 and "no 'text' column" in result.output
    result = runner.invoke(cli, ["batch", str(source), "-o", str(tmp_path / "out.xlsx")])
    assert result.exit_code == 2 and ".csv or .jsonl" in result.output


def test_readers_stream_and_count_lines():
    data = b'id,text\r\n1,"multi\nline text"\r\n2,\r\n3,ok\r\n'
    items = list(read_csv(io.BytesIO(data)))
    assert items == [Listing(2, "1", "", "", "multi\nline text"), Rejected(4, "2", "empty text", "the text is empty"),
                     Listing(5, "3", "", "", "ok")]
    with pytest.raises(ListingsError):
        list(read_csv(io.BytesIO(b"")))
    assert [type(i).__name__ for i in read_jsonl(io.BytesIO(b'{"text": "a"}\n[1]\n{"text": 3}\n'))] == ["Listing", "Rejected", "Rejected"]
