"""`howey batch`: streamed, ordered, parallel scoring into the table format, with rejects that never
stop the run."""

import csv
import io
import json

import pytest
from typer.testing import CliRunner

from app.cli import app as cli
from app.core.data.table import COLUMNS
from app.core.engine.rulebook import current_fingerprint, short_version
from app.core.model import artifacts
from tests.helpers.api import SCORED_AT
from tests.helpers.paths import SHIPPED_MODEL
from tests.helpers.texts import COMMODITY_TEXT, SECURITY_TEXT

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
    reader = csv.DictReader(io.StringIO(out.read_text(encoding="utf-8")))
    scored = list(reader)
    assert tuple(reader.fieldnames) == COLUMNS
    assert [r["id"] for r in scored] == [f"r{i}" for i in range(600)]
    assert {r["risk_level"] for r in scored[1::2]} == {"high"} and {r["risk_level"] for r in scored[::2]} == {"low"}
    assert all(r["efforts_of_others_verdict"] in {"met", "not_met", "unclear"} for r in scored)
    assert scored[1]["investment_of_money_evidence"] in SECURITY_TEXT
    version = artifacts.read_manifest(SHIPPED_MODEL)["model_version"]
    assert {(r["model_version"], r["rulebook_version"]) for r in scored} == {(version, short_version(current_fingerprint()))}
    assert all(SCORED_AT.fullmatch(r["scored_at"]) for r in scored)
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
    assert all(tuple(r) == COLUMNS for r in records)
    assert records[0]["risk_level"] == "high"
    assert records[0]["rulebook_version"] == short_version(current_fingerprint())
    assert "not valid JSON" in (tmp_path / "out.jsonl.rejects.csv").read_text()


def test_csv_output_defuses_formulas_and_jsonl_keeps_them(tmp_path):
    """Every cell, id and evidence included, that a spreadsheet would run starts with ' in CSV."""
    text = "@Acme sold tokens for ETH in a public token sale."  # the issuer's quote starts like a formula
    source = tmp_path / "in.jsonl"
    source.write_text(json.dumps({"id": "=cmd|'/c calc'!A1", "symbol": "+X", "name": "@SUM(A1)", "text": text}) + "\n")
    runner.invoke(cli, ["batch", str(source), "-o", str(tmp_path / "out.csv"), "--jobs", "1"])
    runner.invoke(cli, ["batch", str(source), "-o", str(tmp_path / "out.jsonl"), "--jobs", "1"])
    [row] = csv.DictReader(io.StringIO((tmp_path / "out.csv").read_text(encoding="utf-8")))
    [record] = [json.loads(line) for line in (tmp_path / "out.jsonl").read_text().splitlines()]
    assert (row["id"], row["symbol"], row["name"]) == ("'=cmd|'/c calc'!A1", "'+X", "'@SUM(A1)")
    assert (record["id"], record["symbol"], record["name"]) == ("=cmd|'/c calc'!A1", "+X", "@SUM(A1)")
    assert record["investment_of_money_evidence"] == text
    assert row["investment_of_money_evidence"] == "'" + text


def test_batch_file_level_errors_are_clear(tmp_path):
    source = tmp_path / "in.csv"
    _write_csv(source, [("a", "b")], header=("id", "description"))
    result = runner.invoke(cli, ["batch", str(source), "-o", str(tmp_path / "out.csv")])
    assert result.exit_code == 2 and "no 'text' column" in result.output
    result = runner.invoke(cli, ["batch", str(source), "-o", str(tmp_path / "out.xlsx")])
    assert result.exit_code == 2 and ".csv or .jsonl" in result.output


def test_a_model_trained_under_other_rules_stops_the_batch_before_any_work(tmp_path, model_copy, monkeypatch):
    manifest = json.loads((model_copy / artifacts.MANIFEST).read_text())
    manifest["rulebook_sha256"] = "0" * 64
    (model_copy / artifacts.MANIFEST).write_text(json.dumps(manifest))
    monkeypatch.setenv("HOWEY_MODEL_DIR", str(model_copy))
    source = tmp_path / "in.csv"
    _write_csv(source, [("a", "X", SECURITY_TEXT)])
    result = runner.invoke(cli, ["batch", str(source), "-o", str(tmp_path / "out.csv")])
    assert result.exit_code == 1 and "howey train" in result.output
    assert not (tmp_path / "out.csv").exists()


def test_a_clean_run_leaves_no_rejects_file_and_counts_in_words(tmp_path):
    source, out = tmp_path / "one.csv", tmp_path / "out.csv"
    (tmp_path / "out.csv.rejects.csv").write_text("line,id,reason\n2,old,stale\n")  # from an earlier run
    _write_csv(source, [("only", "ACME", SECURITY_TEXT)])
    result = runner.invoke(cli, ["batch", str(source), "-o", str(out), "--jobs", "1"])
    assert result.exit_code == 0, result.output
    assert "scored 1 row in" in result.output and "rejected none" in result.output
    assert not (tmp_path / "out.csv.rejects.csv").exists(), "no rejects file when nothing was rejected"
    [row] = list(csv.DictReader(out.open(encoding="utf-8")))
    assert row["as_of"] == row["scored_at"][:10]
