"""The schema, as plain versioned SQL files applied at start-up: ``NNNN_name.sql``, in order, each
once, recorded in ``schema_migrations``. One set of files serves both databases; the only word that
differs between them, an auto-numbered key, is written ``{{id}}``.

Why plain files and not Alembic: the schema is three tables and four indexes that only ever grow,
there is no ORM model for Alembic to compare against, and start-up must apply them itself, from any
number of workers and replicas at once. A runner this size does that in one transaction under the
store's write lock (``Database.writing``): the first process applies what is missing, the others
wait for the lock and find nothing left to do, and a failure leaves the schema as it was.

Migrations only add (tables, nullable columns, indexes), so a replica still running the previous
release keeps working on a schema a newer one has moved on: the runner never refuses a database for
having versions it does not know."""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib import resources
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the database module imports this one
    from app.store.database import Database

_KEY = {
    "sqlite": "INTEGER PRIMARY KEY AUTOINCREMENT",  # AUTOINCREMENT: an id is never reused, even after a delete
    "postgresql": "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY",
}
_FILE_NAME = re.compile(r"(\d{4})_([a-z0-9_]+)\.sql")
_LEDGER = """CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    applied_at TEXT NOT NULL
)"""


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    sql: str

    def statements(self, dialect: str) -> list[str]:
        text = self.sql.replace("{{id}}", _KEY[dialect])
        return [statement.strip() for statement in text.split(";") if statement.strip()]


def migrations() -> list[Migration]:
    found = []
    for entry in resources.files(__package__).iterdir():
        if match := _FILE_NAME.fullmatch(entry.name):
            found.append(Migration(int(match[1]), match[2], entry.read_text(encoding="utf-8")))
    return sorted(found, key=lambda migration: migration.version)


def migrate(database: Database) -> list[int]:
    """Apply the migrations the database has not had, in one transaction; the versions applied."""
    with database.writing() as transaction:
        transaction.execute(_LEDGER)
        applied = {row[0] for row in transaction.execute("SELECT version FROM schema_migrations")}
        missing = [migration for migration in migrations() if migration.version not in applied]
        for migration in missing:
            for statement in migration.statements(database.dialect):
                transaction.execute(statement)
            transaction.execute("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
                                (migration.version, migration.name, transaction.now()))
    return [migration.version for migration in missing]
