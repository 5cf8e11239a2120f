"""Reviews through real uvicorn processes over real HTTP: every endpoint and its 403, no lost rows
with 32 reviewers at once on two workers, and the loop back into the data: review, export, add,
train, reload, and the score moves."""

import shutil
from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest
from typer.testing import CliRunner

from app.cli import app as cli
from app.core.data.dataset import check_file, read_rows
from tests.helpers.paths import DATA, SHIPPED_MODEL
from tests.helpers.server import LIVE_SERVER_KEY, LiveServer
from tests.helpers.texts import SECURITY_TEXT

pytestmark = pytest.mark.e2e
KEY = {"X-API-Key": "review-key"}


def test_every_review_endpoint_over_http_and_403_without_the_key(live_server):
    answer = httpx.post(live_server.url + "/v1/score", json={"text": SECURITY_TEXT}, timeout=30).json()
    body = {"request_id": answer["request_id"], "reviewer": "Ann", "decision": "not_security",
            "prongs": {"expectation_of_profits": "not_met"}}
    admin = {"X-API-Key": LIVE_SERVER_KEY}
    for method, path, payload in (("POST", "/v1/reviews", body), ("GET", "/v1/reviews", None),
                                  ("GET", "/v1/reviews/agreement", None)):
        assert httpx.request(method, live_server.url + path, json=payload, timeout=30).status_code == 403
        assert httpx.request(method, live_server.url + path, json=payload, headers={"X-API-Key": "wrong"},
                             timeout=30).status_code == 403
    made = httpx.post(live_server.url + "/v1/reviews", json=body, headers=admin, timeout=30)
    assert made.status_code == 201
    listed = httpx.get(live_server.url + "/v1/reviews", params={"request_id": answer["request_id"]}, headers=admin).json()
    assert [r["review_id"] for r in listed["reviews"]] == [made.json()["review_id"]]
    report = httpx.get(live_server.url + "/v1/reviews/agreement", headers=admin).json()
    assert report["reviews"] >= 1 and report["prongs"]["expectation_of_profits"]["reviewed"] >= 1


def test_thirty_two_reviewers_at_once_lose_no_review(db_target):
    server = LiveServer({"HOWEY_MODEL_DIR": str(SHIPPED_MODEL), "HOWEY_DB": str(db_target),
                         "HOWEY_API_KEY": KEY["X-API-Key"]}, workers=2)
    try:
        request_ids = [httpx.post(server.url + "/v1/score", json={"text": SECURITY_TEXT}, timeout=30).json()["request_id"]
                       for _ in range(4)]

        def reviewer(n: int) -> list[int]:
            with httpx.Client(timeout=60) as client:
                return [client.post(server.url + "/v1/reviews", headers=KEY, json={
                    "request_id": request_ids[(n + k) % 4], "reviewer": f"reviewer-{n}", "decision": "security",
                    "note": f"{n}-{k}"}).status_code for k in range(5)]

        with ThreadPoolExecutor(32) as pool:
            statuses = [s for batch in pool.map(reviewer, range(32)) for s in batch]
        assert statuses == [201] * 160
        stored, cursor = [], 0
        while True:
            page = httpx.get(server.url + "/v1/reviews", params={"cursor": cursor, "limit": 100}, headers=KEY).json()
            stored += page["reviews"]
            cursor = page["next_cursor"]
            if not page["has_more"]:
                break
        assert sorted(r["note"] for r in stored) == sorted(f"{n}-{k}" for n in range(32) for k in range(5))
        assert len({r["review_id"] for r in stored}) == 160
    finally:
        server.stop()


@pytest.mark.slow
def test_review_export_add_train_reload_and_the_score_moves(tmp_path, monkeypatch):
    """A document the model rates a security; analysts find it is not (a loyalty credit sold at a
    fixed price), export their reviews as rows, add them, retrain, reload: the score falls."""
    runner = CliRunner()
    data, model_dir, db = tmp_path / "labeled_tokens.csv", tmp_path / "model", tmp_path / "audit.db"
    shutil.copyfile(DATA, data)
    shutil.copytree(SHIPPED_MODEL, model_dir, ignore=shutil.ignore_patterns("versions"))
    server = LiveServer({"HOWEY_MODEL_DIR": str(model_dir), "HOWEY_DB": str(db), "HOWEY_API_KEY": KEY["X-API-Key"],
                         "HOWEY_AUDIT_STORE_TEXT": "1"})
    documents = [
        f"Brewline Coffee sells BREW credits through its app at a fixed price of one dollar each, {n} credits at a time. "
        "Each credit buys one cup of coffee at any Brewline cafe, and the company buys credits back at the same price. "
        "The sale funds the growth of the cafe chain and the app that runs the credits. "
        "Holders can spend credits on coffee or give them to friends in the app."
        for n in (5, 10, 20, 50)
    ]
    try:
        answers = [httpx.post(server.url + "/v1/score", json={"text": text}, timeout=30).json() for text in documents]
        for answer in answers:
            made = httpx.post(server.url + "/v1/reviews", headers=KEY, timeout=30, json={
                "request_id": answer["request_id"], "reviewer": "Ann Analyst", "decision": "not_security",
                "prongs": {"expectation_of_profits": "not_met", "efforts_of_others": "unclear"}})
            assert made.status_code == 201
        monkeypatch.setenv("HOWEY_DB", str(db))
        exported = runner.invoke(cli, ["reviews", "export", str(tmp_path / "reviewed.csv")])
        assert exported.exit_code == 0, exported.output
        assert "4 reviewed rows (0 left out)" in exported.stdout
        assert check_file(tmp_path / "reviewed.csv") == []
        _, rows = read_rows(tmp_path / "reviewed.csv")
        assert {(r["label"], r["label_basis"], r["expectation_of_profits"]) for r in rows} == {
            ("not_security", "analyst_review", "no")}
        assert all("Ann Analyst" in r["cases"] for r in rows)
        added = runner.invoke(cli, ["data", "add", str(tmp_path / "reviewed.csv"), "--data", str(data)])
        assert added.exit_code == 0, added.output
        trained = runner.invoke(cli, ["train", "--data", str(data), "--out", str(model_dir), "--force"])
        assert trained.exit_code == 0, trained.output
        assert httpx.post(server.url + "/v1/admin/reload", headers=KEY, timeout=60).status_code == 200
        probe = documents[0].replace("5 credits", "8 credits")
        after = httpx.post(server.url + "/v1/score", json={"text": probe}, timeout=30).json()
        assert after["model_version"] != answers[0]["model_version"]
        assert after["risk_score"] < min(a["risk_score"] for a in answers), "the analysts' label moved the score"
    finally:
        server.stop()
