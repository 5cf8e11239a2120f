"""GET /v1/audit and the audit trail behind every score served."""

import hashlib
from datetime import datetime

import pytest
from fastapi.testclient import TestClient

from app.main import create_app
from app.settings import Settings
from tests.helpers.api import ADMIN, ADMIN_KEY, upload
from tests.helpers.paths import SHIPPED_MODEL
from tests.helpers.texts import COMMODITY_TEXT, SECURITY_TEXT


def audit_rows(client, **params) -> dict:
    response = client.get("/v1/audit", params=params, headers=ADMIN)
    assert response.status_code == 200, response.text
    return response.json()


def test_every_score_is_audited_once(admin_app):
    client, _ = admin_app
    single = client.post("/v1/score", json={"text": SECURITY_TEXT})
    batch = client.post("/v1/score/batch", json={"items": [{"id": "a", "text": COMMODITY_TEXT}, {"id": "b", "text": SECURITY_TEXT}]})
    table = upload(client, b"id,text\nrow-1,We sold tokens for ETH.\n")
    rows = audit_rows(client)["rows"]
    assert [(r["request_id"], r["item_id"]) for r in rows] == [
        (single.headers["x-request-id"], None),
        (batch.headers["x-request-id"], "a"), (batch.headers["x-request-id"], "b"),
        (table.headers["x-request-id"], "row-1"),
    ]
    first = rows[0]
    assert first["text_sha256"] == hashlib.sha256(SECURITY_TEXT.encode()).hexdigest()
    assert first["text"] is None
    assert first["risk_score"] == single.json()["risk_score"]
    assert first["model_version"] == single.json()["model_version"]
    assert first["verdicts"] == {f["prong"]: f["verdict"] for f in single.json()["factors"]}
    assert datetime.fromisoformat(first["scored_at"]).tzinfo is not None
    assert rows[1]["scored_at"] == rows[2]["scored_at"]  # one transaction per batch


def test_refused_requests_are_not_audited(admin_app):
    client, _ = admin_app
    client.post("/v1/score", json={"text": " "})
    client.post("/v1/score/batch", json={"items": [{"id": "a", "text": "ok"}, {"id": "b", "text": ""}]})
    upload(client, b"text,id\nok,1\n ,2\n")
    upload(client, b"id,text\n1,ok\n2,\n")
    assert audit_rows(client)["rows"] == []


def test_the_text_is_kept_only_when_configured(tmp_path):
    settings = Settings(model_dir=SHIPPED_MODEL, db=tmp_path / "audit.db", api_key=ADMIN_KEY, audit_store_text=True)
    with TestClient(create_app(settings)) as test_client:
        test_client.post("/v1/score", json={"text": SECURITY_TEXT})
        assert audit_rows(test_client)["rows"][0]["text"] == SECURITY_TEXT


def test_audit_pages_with_a_cursor_and_since(admin_app):
    client, _ = admin_app
    client.post("/v1/score/batch", json={"items": [{"id": str(i), "text": f"We sold {i} tokens."} for i in range(7)]})
    seen, cursor = [], 0
    while True:
        page = audit_rows(client, cursor=cursor, limit=3)
        seen += [row["item_id"] for row in page["rows"]]
        cursor = page["next_cursor"]
        if not page["has_more"]:
            break
    assert seen == [str(i) for i in range(7)]
    assert audit_rows(client, cursor=cursor)["rows"] == []
    assert len(audit_rows(client, since="2000-01-01T00:00:00Z")["rows"]) == 7
    assert len(audit_rows(client, since="2000-01-01")["rows"]) == 7
    assert audit_rows(client, since="2999-01-01T00:00:00+02:00")["rows"] == []
    later = client.post("/v1/score", json={"text": SECURITY_TEXT})
    newest = audit_rows(client, cursor=cursor)["rows"]
    assert [row["request_id"] for row in newest] == [later.headers["x-request-id"]]
    assert len(audit_rows(client, since=newest[0]["scored_at"])["rows"]) == 1


@pytest.mark.parametrize(
    ("params", "fragment"),
    [
        ({"since": "yesterday"}, "ISO-8601"),
        ({"since": "1700000000"}, "ISO-8601"),
        ({"since": "2026-13-01T00:00:00Z"}, "since"),
        ({"since": "9999-12-31T23:00:00-05:00"}, "representable range"),
        ({"limit": 0}, "greater than or equal to 1"),
        ({"limit": 1001}, "less than or equal to 1000"),
        ({"limit": "ten"}, "valid integer"),
        ({"cursor": -1}, "greater than or equal to 0"),
        ({"cursor": 2**63}, "less than or equal to"),
    ],
)
def test_bad_audit_queries_are_a_clear_422(admin_app, params, fragment):
    client, _ = admin_app
    response = client.get("/v1/audit", params=params, headers=ADMIN)
    assert response.status_code == 422
    assert fragment in response.text


def test_no_score_is_served_when_the_audit_log_cannot_be_written(tmp_path):
    with TestClient(create_app(Settings(model_dir=SHIPPED_MODEL, db=tmp_path / "audit.db"))) as test_client:
        test_client.app.state.audit._db.close()  # the store's Database: the app keeps no other handle on it
        response = test_client.post("/v1/score", json={"text": SECURITY_TEXT})
        assert response.status_code == 503
        assert "audit log cannot be written" in response.json()["detail"]
        # Liveness says so too, from memory, with the reason and never the server's path.
        health = test_client.get("/healthz")
        assert health.status_code == 503
        assert health.json()["detail"].startswith("scoring is unavailable: ")
        assert str(tmp_path) not in health.text
