"""The databases under the stores: what HOWEY_DB may name, SQLite's WAL mode, PostgreSQL's pool, and
a clear refusal, naming no path, URL or password, whenever a database cannot be used."""

import sqlite3
import sys
from pathlib import Path

import psycopg
import pytest
from pydantic import ValidationError

from app.core.errors import StoreUnavailable
from app.settings import Settings
from app.store.database import open_database
from app.store.postgres import WRITE_LOCK_KEY
from tests.helpers.postgres import fresh_postgres_database


def test_the_file_is_in_wal_mode(tmp_path):
    open_database(tmp_path / "audit.db").close()
    with sqlite3.connect(tmp_path / "audit.db") as db:
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


@pytest.mark.parametrize(("value", "expected"), [
    ("audit.db", Path("audit.db")),
    ("sqlite:///logs/audit.db", Path("logs/audit.db")),
    ("sqlite:////var/lib/howey/audit.db", Path("/var/lib/howey/audit.db")),
    ("postgresql://howey:pw@db.internal:5432/howey", "postgresql://howey:pw@db.internal:5432/howey"),
    ("postgres://db.internal/howey", "postgres://db.internal/howey"),
])
def test_howey_db_names_a_file_or_a_postgresql_url(monkeypatch, value, expected):
    monkeypatch.setenv("HOWEY_DB", value)
    assert Settings().db == expected


@pytest.mark.parametrize("value", ["mysql://db/howey", "sqlite://audit.db", "postgresql+psycopg://db/howey"])
def test_howey_db_refuses_a_url_of_another_kind(monkeypatch, value):
    monkeypatch.setenv("HOWEY_DB", value)
    with pytest.raises(ValidationError, match="HOWEY_DB must be a SQLite path, a sqlite:/// URL or a postgresql:// URL"):
        Settings()


def test_an_unusable_path_says_so_without_the_path(tmp_path):
    with pytest.raises(StoreUnavailable, match="cannot open the database audit.db") as refused:
        open_database(tmp_path / "no-such-dir" / "audit.db")
    assert str(tmp_path) not in str(refused.value)
    assert refused.value.http_status == 503


def test_a_failed_write_rolls_back_and_says_so(db_target):
    database = open_database(db_target)
    with database.writing() as transaction:
        transaction.execute("CREATE TABLE t (x INTEGER NOT NULL)")
    with pytest.raises(StoreUnavailable, match="cannot write the database"), database.writing() as transaction:
        transaction.execute("INSERT INTO t VALUES (1)")
        transaction.execute("INSERT INTO t VALUES (NULL)")
    assert database.read("SELECT COUNT(*) FROM t") == [(0,)]
    with database.writing() as transaction:
        transaction.execute("INSERT INTO t VALUES (2)")
    assert database.read("SELECT x FROM t") == [(2,)]
    database.close()
    with pytest.raises(StoreUnavailable):
        database.read("SELECT COUNT(*) FROM t")


def test_an_exception_of_the_caller_rolls_back_and_passes_through(db_target):
    database = open_database(db_target)
    with pytest.raises(KeyError), database.writing() as transaction:
        transaction.execute("INSERT INTO model_reloads (reloaded_at, request_id, model_version) VALUES ('t', 'r', 'v')")
        raise KeyError("the caller's own")
    assert database.read("SELECT COUNT(*) FROM model_reloads") == [(0,)]
    database.close()


def test_an_unreachable_server_is_refused_at_start_without_its_address_or_password():
    with pytest.raises(StoreUnavailable, match="no connection within 1 s") as refused:
        open_database("postgresql://howey:hunter2@127.0.0.1:1/howey", timeout=1)
    assert "hunter2" not in str(refused.value) and "127.0.0.1" not in str(refused.value)
    assert "howey on PostgreSQL" in str(refused.value)


def test_a_url_the_driver_cannot_read_is_refused_with_the_reason():
    with pytest.raises(StoreUnavailable, match='invalid URI query parameter: "colour"') as refused:
        open_database("postgresql://howey:hunter2@db/howey?colour=blue")
    assert "hunter2" not in str(refused.value)


def test_without_the_driver_a_postgresql_url_says_which_extra_to_install(monkeypatch):
    monkeypatch.setitem(sys.modules, "app.store.postgres", None)  # what an install without the extra sees
    with pytest.raises(StoreUnavailable, match=r"pip install 'howey\[postgres\]'"):
        open_database("postgresql://db/howey")


@pytest.fixture()
def postgres_url():
    with fresh_postgres_database() as url:
        yield url


def test_connections_the_server_dropped_are_replaced_without_a_failed_write(postgres_url):
    """A restarted server or a proxy's idle cut leaves dead connections in the pool: each is checked
    when taken, so the next write opens a new one instead of failing."""
    database = open_database(postgres_url, pool_size=2)
    with psycopg.connect(postgres_url, autocommit=True) as admin:
        killed = admin.execute("SELECT COUNT(pg_terminate_backend(pid)) FROM pg_stat_activity "
                               "WHERE datname = current_database() AND pid <> pg_backend_pid()").fetchone()[0]
    assert killed >= 1
    with database.writing() as transaction:
        transaction.execute("INSERT INTO model_reloads (reloaded_at, request_id, model_version) VALUES ('t', 'r', 'v')")
    assert database.read("SELECT COUNT(*) FROM model_reloads") == [(1,)]
    database.close()


def test_a_write_waits_for_the_lock_at_most_the_timeout_and_the_probe_says_why(postgres_url):
    database = open_database(postgres_url, timeout=0.5)
    with psycopg.connect(postgres_url, autocommit=True) as holder:
        holder.execute("SELECT pg_advisory_lock(%s)", (WRITE_LOCK_KEY,))  # another replica mid-write
        assert "lock timeout" in database.probe(wait=0.2)
        with pytest.raises(StoreUnavailable, match="lock timeout"), database.writing():
            pass
        holder.execute("SELECT pg_advisory_unlock(%s)", (WRITE_LOCK_KEY,))
    assert database.probe() is None
    database.close()


def test_a_read_only_server_is_named_as_such(postgres_url):
    database = open_database(postgres_url)
    with psycopg.connect(postgres_url, autocommit=True) as admin:
        name = admin.execute("SELECT current_database()").fetchone()[0]
        admin.execute(f'ALTER DATABASE "{name}" SET default_transaction_read_only = on')
        admin.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                      "WHERE datname = current_database() AND pid <> pg_backend_pid()")
    assert "read-only" in database.probe()
    with pytest.raises(StoreUnavailable, match="read-only transaction"), database.writing() as transaction:
        transaction.execute("INSERT INTO model_reloads (reloaded_at, request_id, model_version) VALUES ('t', 'r', 'v')")
    database.close()
