"""The schema migrations: plain versioned SQL files, applied once each, in one transaction under the
write lock, the same files on both stores."""

import sqlite3

import pytest

from app.core.errors import StoreUnavailable
from app.core.prongs import PRONGS
from app.store import migrations as migrations_module
from app.store.audit import AuditStore
from app.store.database import open_database
from app.store.migrations import Migration, migrate, migrations

VERDICTS = [prong.value for prong in PRONGS]
EXPECTED_COLUMNS = {
    "scores": ["id", "scored_at", "request_id", "item_id", "model_version", "text_sha256", "risk_score", "risk_level",
               *VERDICTS, "text"],
    "model_reloads": ["id", "reloaded_at", "request_id", "model_version"],
    "reviews": ["id", "review_id", "created_at", "request_id", "reviewer", "decision", *VERDICTS, "note", "text"],
    "schema_migrations": ["version", "name", "applied_at"],
}


def columns(database, table: str) -> list[str]:
    if database.dialect == "sqlite":
        return [row[1] for row in database.read(f"PRAGMA table_info({table})")]
    return [row[0] for row in database.read(
        "SELECT column_name FROM information_schema.columns WHERE table_name = ? ORDER BY ordinal_position", (table,))]


def test_the_files_are_numbered_in_order_without_gaps():
    found = migrations()
    assert [m.version for m in found] == list(range(1, len(found) + 1))
    assert [m.name for m in found] == ["audit_log", "model_reloads", "reviews"]


def test_each_migration_is_applied_once_and_recorded(db_target):
    database = open_database(db_target)
    recorded = database.read("SELECT version, name FROM schema_migrations ORDER BY version")
    assert recorded == [(m.version, m.name) for m in migrations()]
    assert migrate(database) == []
    assert open_database(db_target).read("SELECT COUNT(*) FROM schema_migrations") == [(len(recorded),)]
    database.close()


def test_both_stores_get_the_same_tables_and_columns(db_target):
    database = open_database(db_target)
    assert {table: columns(database, table) for table in EXPECTED_COLUMNS} == EXPECTED_COLUMNS
    database.close()


def test_a_file_made_before_the_migrations_were_versioned_keeps_its_rows(tmp_path):
    path = tmp_path / "audit.db"
    with sqlite3.connect(path) as old:  # the schema as the stores created it before
        old.execute(f"CREATE TABLE scores (id INTEGER PRIMARY KEY AUTOINCREMENT, scored_at TEXT NOT NULL, "
                    f"request_id TEXT NOT NULL, item_id TEXT, model_version TEXT NOT NULL, text_sha256 TEXT NOT NULL, "
                    f"risk_score REAL NOT NULL, risk_level TEXT NOT NULL, "
                    f"{', '.join(v + ' TEXT NOT NULL' for v in VERDICTS)}, text TEXT)")
        old.execute("INSERT INTO scores VALUES (1, '2026-11-01T00:00:00.000000Z', 'old', NULL, 'v', 'h', 0.5, 'medium', "
                    "'met', 'met', 'met', 'met', NULL)")
    database = open_database(path)
    assert [row.request_id for row in AuditStore(database).page()] == ["old"]
    assert database.read("SELECT COUNT(*) FROM schema_migrations") == [(len(migrations()),)]
    database.close()


def test_a_database_a_newer_release_migrated_still_opens(db_target):
    """Rolling upgrades: a replica still on this release meets a version it does not know."""
    database = open_database(db_target)
    with database.writing() as transaction:
        transaction.execute("INSERT INTO schema_migrations (version, name, applied_at) VALUES (999, 'future', 'now')")
    database.close()
    open_database(db_target).close()


def test_a_failing_migration_leaves_the_schema_as_it_was(db_target, monkeypatch):
    broken = Migration(len(migrations()) + 1, "broken", "CREATE TABLE extra (x TEXT); CREATE TABLE scores (x TEXT)")
    real = migrations()
    monkeypatch.setattr(migrations_module, "migrations", lambda: [*real, broken])
    with pytest.raises(StoreUnavailable):
        open_database(db_target)
    monkeypatch.setattr(migrations_module, "migrations", lambda: real)
    database = open_database(db_target)  # all of it rolled back: the real ones apply now, "extra" never existed
    assert columns(database, "extra") == []
    assert database.read("SELECT MAX(version) FROM schema_migrations") == [(len(real),)]
    database.close()
