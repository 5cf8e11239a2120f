"""`howey reviews export`: reviewed scores with a text and a decision, as rows `howey data add`
accepts; the rest left out with the reason."""

from fastapi.testclient import TestClient
from typer.testing import CliRunner

from app.cli import app as cli
from app.core.data.dataset import check_file, read_rows
from app.main import create_app
from app.settings import Settings
from tests.helpers.api import ADMIN, ADMIN_KEY
from tests.helpers.paths import SHIPPED_MODEL
from tests.helpers.texts import COMMODITY_TEXT, SECURITY_TEXT

runner = CliRunner()
LEAKY = SECURITY_TEXT + " Regulators later sued the company."
MINED = COMMODITY_TEXT + " Anyone can run a node and check every block."  # a row needs 40 words


def test_export_writes_reviewed_rows_and_says_what_it_left_out(db_target, tmp_path, monkeypatch):
    db = db_target
    with TestClient(create_app(Settings(model_dir=SHIPPED_MODEL, db=db, api_key=ADMIN_KEY))) as client:
        ids = [client.post("/v1/score", json={"text": text}).json()["request_id"] for text in
               (SECURITY_TEXT, MINED, LEAKY, SECURITY_TEXT)]

        def review(request_id, decision, text=None, reviewer="Ann"):
            assert client.post("/v1/reviews", headers=ADMIN, json={
                "request_id": request_id, "reviewer": reviewer, "decision": decision, "text": text,
                "prongs": {"investment_of_money": "met", "common_enterprise": "not_met"}}).status_code == 201

        review(ids[0], "undecided", SECURITY_TEXT)
        review(ids[0], "security", SECURITY_TEXT, reviewer="Bob")  # the latest review of a score wins
        review(ids[1], "not_security", MINED)
        review(ids[2], "security", LEAKY)
        review(ids[3], "security")  # no text: the audit log does not keep texts here
    monkeypatch.setenv("HOWEY_DB", str(db))
    out = tmp_path / "reviewed.csv"
    result = runner.invoke(cli, ["reviews", "export", str(out)])
    assert result.exit_code == 0, result.output
    assert "2 reviewed rows (2 left out)" in result.stdout
    assert "mentions 'Regulators'" in result.stderr and "no text" in result.stderr
    assert check_file(out) == []
    _, rows = read_rows(out)
    assert [(r["label"], r["label_basis"]) for r in rows] == [("security", "analyst_review"), ("not_security", "analyst_review")]
    assert rows[0]["cases"].startswith("Analyst review by Bob, ") and rows[0]["summary"] == SECURITY_TEXT
    assert (rows[0]["investment_of_money"], rows[0]["common_enterprise"], rows[0]["efforts_of_others"]) == ("yes", "no", "unclear")
    monkeypatch.setenv("HOWEY_DB", str(tmp_path / "none.db"))
    assert runner.invoke(cli, ["reviews", "export", str(out)]).exit_code == 2


def test_export_from_an_unreachable_server_says_so(tmp_path, monkeypatch):
    monkeypatch.setenv("HOWEY_DB", "postgresql://howey:hunter2@127.0.0.1:1/howey")
    monkeypatch.setenv("HOWEY_DB_TIMEOUT", "1")
    result = runner.invoke(cli, ["reviews", "export", str(tmp_path / "reviewed.csv")])
    assert result.exit_code == 1
    assert "no connection within 1 s" in result.stderr and "hunter2" not in result.output
    assert not (tmp_path / "reviewed.csv").exists()


def test_a_wrong_setting_is_named_without_its_value_or_a_traceback(tmp_path, monkeypatch):
    monkeypatch.setenv("HOWEY_DB", "mysql://howey:hunter2@db/howey")
    result = runner.invoke(cli, ["reviews", "export", str(tmp_path / "reviewed.csv")])
    assert result.exit_code == 2
    assert "HOWEY_DB: HOWEY_DB must be a SQLite path" in result.stderr and "mysql://" in result.stderr
    assert "hunter2" not in result.output and "Traceback" not in result.output
