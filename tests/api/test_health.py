"""Health tells the truth: while scores answer 503, /healthz and /readyz do too, without paths, on
both stores; a score refused for want of its audit row is never written later behind anyone's back."""

import sqlite3
from contextlib import contextmanager
from pathlib import Path

import psycopg
import pytest
from fastapi.testclient import TestClient

from app.main import create_app
from app.settings import Settings
from app.store.postgres import WRITE_LOCK_KEY
from tests.helpers.api import ADMIN, ADMIN_KEY
from tests.helpers.paths import SHIPPED_MODEL
from tests.helpers.texts import SECURITY_TEXT


@contextmanager
def another_writer_holds_the_lock(db_target):
    """Another process (SQLite) or replica (PostgreSQL) in the middle of a long write."""
    if isinstance(db_target, Path):
        holder = sqlite3.connect(db_target, isolation_level=None)
        holder.execute("BEGIN IMMEDIATE")
        try:
            yield
        finally:
            holder.execute("ROLLBACK")
            holder.close()
    else:
        with psycopg.connect(db_target, autocommit=True) as holder:
            holder.execute("SELECT pg_advisory_lock(%s)", (WRITE_LOCK_KEY,))
            yield
            holder.execute("SELECT pg_advisory_unlock(%s)", (WRITE_LOCK_KEY,))


@pytest.fixture()
def deep_db_target(db_target):
    """The SQLite file a folder down, so a leaked path would show."""
    if isinstance(db_target, Path):
        db_target = db_target.parent / "deep" / db_target.name
        db_target.parent.mkdir()
    return db_target


def test_a_locked_audit_log_turns_health_to_503_with_the_reason_and_no_path(deep_db_target, tmp_path):
    settings = Settings(model_dir=SHIPPED_MODEL, db=deep_db_target, db_timeout=0.2, api_key=ADMIN_KEY)
    with TestClient(create_app(settings)) as client:
        assert client.get("/healthz").json() == {"status": "ok"}
        assert client.get("/readyz").status_code == 200
        with another_writer_holds_the_lock(deep_db_target):
            ready = client.get("/readyz")
            assert ready.status_code == 503
            assert "lock" in ready.json()["detail"] and str(tmp_path) not in ready.text
            scored = client.post("/v1/score", json={"text": SECURITY_TEXT})
            assert scored.status_code == 503 and str(tmp_path) not in scored.text
            assert "audit log cannot be written" in scored.json()["detail"]
            health = client.get("/healthz")
            assert health.status_code == 503
            assert health.json()["status"] == "unavailable" and str(tmp_path) not in health.text
        served = client.post("/v1/score", json={"text": SECURITY_TEXT})
        assert served.status_code == 200
        assert client.get("/healthz").json() == {"status": "ok"}
        assert client.get("/readyz").status_code == 200
        rows = client.get("/v1/audit", headers=ADMIN).json()["rows"]
        assert [row["request_id"] for row in rows] == [served.headers["x-request-id"]], "the refused score stays unwritten"
