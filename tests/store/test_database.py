"""The SQLite file the stores share: WAL mode, and a clear refusal when it cannot be used."""

import sqlite3

import pytest

from app.core.errors import StoreUnavailable
from app.store.database import Database


def test_the_file_is_in_wal_mode(tmp_path):
    Database(tmp_path / "audit.db").close()
    with sqlite3.connect(tmp_path / "audit.db") as db:
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_an_unusable_path_says_so_without_the_path(tmp_path):
    with pytest.raises(StoreUnavailable, match="cannot open the database audit.db") as refused:
        Database(tmp_path / "no-such-dir" / "audit.db")
    assert str(tmp_path) not in str(refused.value)
    assert refused.value.http_status == 503


def test_a_failed_write_rolls_back_and_says_so(tmp_path):
    database = Database(tmp_path / "audit.db")
    database.create("CREATE TABLE t (x INTEGER NOT NULL)")
    with pytest.raises(StoreUnavailable, match="cannot write the database audit.db"), database.writing() as connection:
        connection.execute("INSERT INTO t VALUES (1)")
        connection.execute("INSERT INTO t VALUES (NULL)")
    assert database.read("SELECT COUNT(*) FROM t") == [(0,)]
    assert database.write("INSERT INTO t VALUES (2)") == 1
    database.close()
    with pytest.raises(StoreUnavailable):
        database.read("SELECT COUNT(*) FROM t")
