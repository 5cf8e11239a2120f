import json

from typer.testing import CliRunner

from app.cli import app as cli
from app.core.prongs import PRONGS
from conftest import SECURITY_TEXT

runner = CliRunner()


def test_score_from_stdin_and_file(tmp_path, monkeypatch):
    monkeypatch.setenv("HOWEY_MODEL_DIR", "model")
    result = runner.invoke(cli, ["score", "-"], input=SECURITY_TEXT)
    assert result.exit_code == 0, result.output
    body = json.loads(result.stdout)
    assert [f["prong"] for f in body["factors"]] == [p.value for p in PRONGS]
    path = tmp_path / "doc.txt"
    path.write_text(SECURITY_TEXT)
    assert json.loads(runner.invoke(cli, ["score", str(path)]).stdout)["risk_score"] == body["risk_score"]


def test_score_errors(tmp_path, monkeypatch):
    assert runner.invoke(cli, ["score", "-"], input="  ").exit_code == 2
    assert runner.invoke(cli, ["score", str(tmp_path / "missing.txt")]).exit_code == 2
    monkeypatch.setenv("HOWEY_MODEL_DIR", str(tmp_path))
    result = runner.invoke(cli, ["score", "-"], input=SECURITY_TEXT)
    assert result.exit_code == 1
    assert "howey train" in result.output


def test_rules_json_lists_every_rule_with_contract_keys():
    result = runner.invoke(cli, ["rules", "--json"])
    rules = json.loads(result.stdout)
    assert len(rules) >= 40
    assert all(set(r) == {"id", "prong", "direction", "weight", "rationale", "authority", "kind"} for r in rules)
    assert "investment_of_money.token_sale" in runner.invoke(cli, ["rules"]).stdout
