"""Health tells the truth: while scores answer 503, /healthz and /readyz do too, without paths."""

import sqlite3

from fastapi.testclient import TestClient

from app.main import create_app
from app.settings import Settings
from tests.helpers.paths import SHIPPED_MODEL
from tests.helpers.texts import SECURITY_TEXT


def test_a_locked_audit_log_turns_health_to_503_with_the_reason_and_no_path(tmp_path):
    db = tmp_path / "deep" / "audit.db"
    db.parent.mkdir()
    with TestClient(create_app(Settings(model_dir=SHIPPED_MODEL, db=db))) as client:
        assert client.get("/healthz").json() == {"status": "ok"}
        assert client.get("/readyz").status_code == 200
        holder = sqlite3.connect(db, isolation_level=None)
        holder.execute("BEGIN IMMEDIATE")  # another process holds the write lock
        try:
            app_db = client.app.state.audit._db
            app_db._busy_timeout = 0.2  # the test does not wait the default 30 s for each write
            app_db._db.execute("PRAGMA busy_timeout=200")
            ready = client.get("/readyz")
            assert ready.status_code == 503
            assert "locked" in ready.json()["detail"] and str(tmp_path) not in ready.text
            scored = client.post("/v1/score", json={"text": SECURITY_TEXT})
            assert scored.status_code == 503 and str(tmp_path) not in scored.text
            health = client.get("/healthz")
            assert health.status_code == 503
            assert health.json()["status"] == "unavailable" and str(tmp_path) not in health.text
        finally:
            holder.execute("ROLLBACK")
            holder.close()
        assert client.post("/v1/score", json={"text": SECURITY_TEXT}).status_code == 200
        assert client.get("/healthz").json() == {"status": "ok"}
        assert client.get("/readyz").status_code == 200
