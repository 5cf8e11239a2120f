"""`howey score`: the API's answer for one document, from a file or standard input."""

import json

from typer.testing import CliRunner

from app.cli import app as cli
from tests.helpers.api import assert_contract
from tests.helpers.paths import SHIPPED_MODEL
from tests.helpers.texts import SECURITY_TEXT

runner = CliRunner()


def test_score_from_stdin_and_file(tmp_path, monkeypatch):
    monkeypatch.setenv("HOWEY_MODEL_DIR", str(SHIPPED_MODEL))
    result = runner.invoke(cli, ["score", "-"], input=SECURITY_TEXT)
    assert result.exit_code == 0, result.output
    body = json.loads(result.stdout)
    assert_contract(body, SECURITY_TEXT)
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


def test_a_model_trained_under_other_rules_is_refused(model_copy, monkeypatch):
    manifest = json.loads((model_copy / "manifest.json").read_text())
    manifest["rulebook_sha256"] = "0" * 64
    (model_copy / "manifest.json").write_text(json.dumps(manifest))
    monkeypatch.setenv("HOWEY_MODEL_DIR", str(model_copy))
    result = runner.invoke(cli, ["score", "-"], input=SECURITY_TEXT)
    assert result.exit_code == 1
    assert "rb-0000000" in result.output and "howey train" in result.output
