"""One store interface, two databases: the SQLite file a single machine keeps (the default: nothing to
run beside the service) and PostgreSQL, which several replicas behind a load balancer share so the
audit trail, the reviews and the reload signal are one for all of them.

Both give the stores the same guarantees:
- ``writing()`` is one transaction holding the database's single write lock (SQLite's ``BEGIN
  IMMEDIATE``; a PostgreSQL advisory lock), so writers from any thread, worker or replica queue
  instead of interleaving; row ids and the times taken inside (``Transaction.now``) rise together,
  and a cursor over ids never skips a row that commits late;
- a write that cannot be made raises StoreUnavailable (a 503) after rolling back: all or nothing,
  never retried behind the caller's back;
- messages name the database (file name or database name), never its path or URL: they reach clients.

Queries are written once, in the qmark style (``?``), and in SQL both databases read alike; the
PostgreSQL implementation passes them to psycopg with its own placeholders."""

from __future__ import annotations

import re
from collections.abc import Sequence
from contextlib import AbstractContextManager
from datetime import UTC, datetime
from pathlib import Path
from typing import Protocol

from app.core.errors import StoreUnavailable
from app.store.migrations import migrate

# How long a writer waits for the write lock (or, on PostgreSQL, a pooled connection) before the
# store gives up and the request answers 503.
DEFAULT_TIMEOUT_SECONDS = 30.0
# Connections each process keeps to PostgreSQL.
DEFAULT_POOL_SIZE = 4

POSTGRES_SCHEMES = ("postgresql://", "postgres://")
SQLITE_SCHEME = "sqlite:///"
_OTHER_URL = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*://")


class Transaction(Protocol):
    def execute(self, query: str, parameters: Sequence = ()) -> list[tuple]:
        """Run one statement; its rows (none for a statement without a result)."""

    def execute_many(self, query: str, rows: Sequence[Sequence]) -> None: ...

    def now(self) -> str:
        """The time by the database's clock, as ``utc_timestamp`` writes it: taken under the write
        lock, so times rise with ids even across replicas (PostgreSQL's clock is the one they share)."""


class Database(Protocol):
    #: How messages name the database: a file name or a database name, never a path or a URL.
    name: str
    #: "sqlite" or "postgresql": which SQL a migration is written in for it.
    dialect: str

    def writing(self) -> AbstractContextManager[Transaction]:
        """One transaction under the write lock: committed on leaving, rolled back on any error."""

    def read(self, query: str, parameters: Sequence = ()) -> list[tuple]: ...

    def probe(self, wait: float = 1.0) -> str | None:
        """Why a write would fail now (read-only, unreachable, lock held past ``wait`` seconds), or
        None: takes the write lock and gives it back, writing nothing."""

    def close(self) -> None: ...


def utc_timestamp(moment: datetime | None = None) -> str:
    """Fixed-width UTC ISO-8601 (microseconds, ``Z``), so text order is time order in SQL."""
    moment = (moment or datetime.now(UTC)).astimezone(UTC)
    return moment.strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def is_postgres_url(target: Path | str) -> bool:
    return isinstance(target, str) and target.startswith(POSTGRES_SCHEMES)


def database_target(value: Path | str) -> Path | str:
    """What ``HOWEY_DB`` names: a PostgreSQL URL (kept as it is), or a SQLite file, given as a path
    or as a ``sqlite:///`` URL (``sqlite:///relative.db``, ``sqlite:////absolute.db``). Any other
    URL is refused: taken as a path, ``mysql://host/db`` would quietly become a SQLite file."""
    if isinstance(value, Path) or is_postgres_url(value):
        return value
    if value.startswith(SQLITE_SCHEME):
        return Path(value.removeprefix(SQLITE_SCHEME))
    if _OTHER_URL.match(value):
        raise ValueError("HOWEY_DB must be a SQLite path, a sqlite:/// URL or a postgresql:// URL; "
                         f"{value.split(':', 1)[0]}:// is not a database howey can use")
    return Path(value)


def open_database(target: Path | str, timeout: float = DEFAULT_TIMEOUT_SECONDS,
                  pool_size: int = DEFAULT_POOL_SIZE) -> Database:
    """Open the database ``target`` names and bring its schema up to date (``migrations``)."""
    target = database_target(target)
    if is_postgres_url(target):
        try:
            from app.store.postgres import PostgresDatabase
        except ImportError as error:
            raise StoreUnavailable("HOWEY_DB is a PostgreSQL URL, but the PostgreSQL driver is not installed: "
                                   "pip install 'howey[postgres]'") from error
        database: Database = PostgresDatabase(target, timeout=timeout, pool_size=pool_size)
    else:
        from app.store.sqlite import SqliteDatabase

        database = SqliteDatabase(target, busy_timeout=timeout)
    try:
        migrate(database)
    except BaseException:
        database.close()
        raise
    return database

