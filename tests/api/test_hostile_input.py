"""Input found to break things from outside: each becomes a rejected row or a clear 4xx."""

import csv
import io
import json

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from app.cli import app as cli
from app.main import create_app
from app.settings import Settings
from tests.helpers.paths import SHIPPED_MODEL
from tests.helpers.texts import SECURITY_TEXT

runner = CliRunner()


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    settings = Settings(model_dir=SHIPPED_MODEL, db=tmp_path_factory.mktemp("db") / "a.db")
    with TestClient(create_app(settings)) as client:
        yield client


def test_a_lone_surrogate_in_a_jsonl_batch_is_a_rejected_row(tmp_path, monkeypatch):
    monkeypatch.setenv("HOWEY_MODEL_DIR", str(SHIPPED_MODEL))
    source = tmp_path / "in.jsonl"
    source.write_text(json.dumps({"id": "ok", "text": SECURITY_TEXT}) + "\n"
                      + '{"id": "bad", "text": "token sale \\ud800 for ETH"}\n'
                      + json.dumps({"id": "ok2", "text": SECURITY_TEXT}) + "\n")
    result = runner.invoke(cli, ["batch", str(source), "-o", str(tmp_path / "out.csv"), "--jobs", "1"])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "out.csv").read_text().count("\n") == 3  # header and two rows
    rejects = (tmp_path / "out.csv.rejects.csv").read_text()
    assert "2,bad," in rejects and "surrogate" in rejects


def test_a_csv_field_over_pythons_limit_is_a_rejected_row_with_its_line(tmp_path, monkeypatch):
    monkeypatch.setenv("HOWEY_MODEL_DIR", str(SHIPPED_MODEL))
    source = tmp_path / "in.csv"
    source.write_text(f'id,text\nfirst,"{SECURITY_TEXT}"\nhuge,"{"x" * 200_000}"\nlast,"{SECURITY_TEXT}"\n')
    result = runner.invoke(cli, ["batch", str(source), "-o", str(tmp_path / "out.csv"), "--jobs", "1"])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "out.csv").read_text().count("\n") == 3
    rejects = list(csv.reader(io.StringIO((tmp_path / "out.csv.rejects.csv").read_text())))
    assert rejects[1] == ["3", "huge", "the text has 200,000 characters, more than 100,000"]


def test_the_api_names_the_right_line_for_an_over_long_field(client):
    body = f'id,text\nfirst,"{SECURITY_TEXT}"\nhuge,"{"x" * 200_000}"\n'
    answer = client.post("/v1/score/csv", files={"file": ("a.csv", body, "text/csv")})
    assert answer.status_code == 422
    [problem] = answer.json()["detail"]
    assert problem["loc"] == ["body", "file", "line", 3, "text"]


def test_a_lone_surrogate_over_http_is_a_422(client):
    answer = client.post("/v1/score", content=b'{"text": "token sale \\ud800 for ETH"}',
                         headers={"content-type": "application/json"})
    assert answer.status_code == 422
    assert answer.json()["detail"][0]["loc"] == ["body", "text"]
    assert "unicode" in answer.text


def test_a_422_does_not_echo_a_whole_document(client):
    answer = client.post("/v1/score", json={"text": "x" * 100_001})
    assert answer.status_code == 422
    assert len(answer.content) < 2_000
    assert "100,001 characters" in answer.text


def test_invalid_utf8_on_stdin_is_a_clean_error():
    result = runner.invoke(cli, ["score", "-"], input=b"caf\xe9 token sale")
    assert result.exit_code == 2
    assert "not UTF-8" in result.output
    assert "Traceback" not in result.output


def test_a_non_ascii_api_key_is_refused_at_start_up(monkeypatch):
    monkeypatch.setenv("HOWEY_API_KEY", "clé-secrète")
    with pytest.raises(ValueError, match="printable ASCII"):
        Settings()


def test_the_server_refuses_an_unterminated_quote_as_the_page_does(client):
    for body in ('id,text\n1,"token sale for ETH\n', 'id,text\n1,"token sale"for ETH\n'):
        answer = client.post("/v1/score/csv", files={"file": ("a.csv", body, "text/csv")})
        assert answer.status_code == 422, body
        assert "not valid CSV" in answer.text


def test_a_text_of_zero_width_characters_is_a_422(client):
    answer = client.post("/v1/score", json={"text": "\u200b" * 50})
    assert answer.status_code == 422
    assert "no visible character" in answer.text
