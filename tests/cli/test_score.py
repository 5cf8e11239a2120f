"""`howey score`: the API's answer for one document, from a file or standard input."""

import json

from typer.testing import CliRunner

from app.cli import app as cli
from tests.helpers.api import FILE_ANSWER_KEYS, assert_contract
from tests.helpers.paths import SHIPPED_MODEL
from tests.helpers.pdfs import WHITEPAPER_PAGES, encrypted_pdf, text_pdf
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


def test_score_a_pdf_and_print_a_report(tmp_path):
    pdf = tmp_path / "acme.pdf"
    pdf.write_bytes(text_pdf(WHITEPAPER_PAGES))
    result = runner.invoke(cli, ["score", str(pdf)])
    assert result.exit_code == 0, result.output
    body = json.loads(result.stdout)
    assert_contract(body, body["text"], FILE_ANSWER_KEYS)
    assert body["document"]["pages"] == 3 and body["request_id"] is None
    assert {e["page"] for f in body["factors"] for e in f["evidence"]} == {2, 3}
    for fmt, marker in (("md", "# Howey risk report: ACME · Acme"), ("html", "<h1>Howey risk report: ACME · Acme</h1>")):
        report = runner.invoke(cli, ["score", str(pdf), "--format", fmt, "--symbol", "ACME", "--name", "Acme"])
        assert report.exit_code == 0, report.output
        assert marker in report.stdout and "p. 2" in report.stdout and body["model_version"] in report.stdout


def test_unreadable_files_dates_and_the_version(tmp_path):
    locked = tmp_path / "locked.pdf"
    locked.write_bytes(encrypted_pdf(WHITEPAPER_PAGES))
    result = runner.invoke(cli, ["score", str(locked)])
    assert result.exit_code == 2 and "needs a password" in result.output
    future = runner.invoke(cli, ["score", "-", "--as-of", "2999-01-01"], input=SECURITY_TEXT)
    assert future.exit_code == 0 and json.loads(future.stdout)["as_of"] == json.loads(future.stdout)["scored_at"][:10]
    past = runner.invoke(cli, ["score", "-", "--as-of", "2020-01-01"], input=SECURITY_TEXT)
    assert past.exit_code == 0 and json.loads(past.stdout)["as_of"] == "2020-01-01"
    assert runner.invoke(cli, ["score", "-", "--as-of", "soon"], input=SECURITY_TEXT).exit_code == 2
    version = runner.invoke(cli, ["--version"])
    assert version.exit_code == 0 and version.stdout.startswith("howey ")
    for command in ([], ["score"], ["batch"], ["data", "check"]):
        shown = runner.invoke(cli, [*command, "--help"]).stdout
        assert "<bool>" not in shown and "Usage:" in shown
