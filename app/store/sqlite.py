"""The SQLite file (the default store): one connection per process, shared by its threads under a
lock (SQLite serialises writers anyway, and a lock wakes the next thread at once where SQLite's busy
handler would sleep). Several uvicorn workers (processes) write to one file, so every write is an
immediate transaction in WAL mode with a busy timeout: writers queue for the lock instead of failing
or overwriting each other. Start-up is safe with any number of workers opening a fresh file at once:
the switch to WAL is retried while another process holds the lock, and the migrations run under the
write lock."""

from __future__ import annotations

import sqlite3
import threading
import time
from collections.abc import Sequence
from contextlib import contextmanager, suppress
from pathlib import Path

from app.core.errors import StoreUnavailable
from app.store.database import DEFAULT_TIMEOUT_SECONDS, utc_timestamp


class SqliteTransaction:
    def __init__(self, connection: sqlite3.Connection):
        self._connection = connection

    def execute(self, query: str, parameters: Sequence = ()) -> list[tuple]:
        return self._connection.execute(query, parameters).fetchall()

    def execute_many(self, query: str, rows: Sequence[Sequence]) -> None:
        self._connection.executemany(query, rows)

    def now(self) -> str:
        return utc_timestamp()  # one machine, one clock: the write lock orders the times


class SqliteDatabase:
    dialect = "sqlite"

    def __init__(self, path: Path | str, busy_timeout: float = DEFAULT_TIMEOUT_SECONDS):
        path = Path(path)
        self.name = path.name
        self._lock = threading.Lock()
        self._busy_timeout = busy_timeout
        try:
            self._db = sqlite3.connect(path, timeout=busy_timeout, isolation_level=None, check_same_thread=False)
            self._use_wal(busy_timeout)
            # FULL: a row acknowledged by a response survives a power cut, not only a crash.
            self._db.execute("PRAGMA synchronous=FULL")
        except sqlite3.Error as error:
            raise StoreUnavailable(f"cannot open the database {self.name}: {error}") from error

    def _use_wal(self, busy_timeout: float) -> None:
        """Switch to WAL, waiting while another process holds the lock (it may be switching too)."""
        deadline = time.monotonic() + busy_timeout
        while True:
            try:
                mode = self._db.execute("PRAGMA journal_mode=WAL").fetchone()[0]
                break
            except sqlite3.OperationalError as error:
                if "locked" not in str(error) or time.monotonic() > deadline:
                    raise
                time.sleep(0.01)
        if mode != "wal":
            raise StoreUnavailable(f"the database {self.name} cannot use WAL mode (journal mode {mode!r})")

    @contextmanager
    def writing(self):
        """BEGIN IMMEDIATE takes the write lock up front, so two processes never both read and then
        fail to upgrade to writing; any failure rolls back and surfaces as StoreUnavailable."""
        with self._lock:
            try:
                self._db.execute("BEGIN IMMEDIATE")
            except sqlite3.Error as error:
                raise StoreUnavailable(f"cannot write the database {self.name}: {error}") from error
            try:
                yield SqliteTransaction(self._db)
                self._db.execute("COMMIT")
            except BaseException as error:
                if self._db.in_transaction:
                    with suppress(sqlite3.Error):
                        self._db.execute("ROLLBACK")
                if isinstance(error, sqlite3.Error):
                    raise StoreUnavailable(f"cannot write the database {self.name}: {error}") from error
                raise

    def probe(self, wait: float = 1.0) -> str | None:
        with self._lock:
            try:
                self._db.execute(f"PRAGMA busy_timeout={int(wait * 1000)}")
                try:
                    self._db.execute("BEGIN IMMEDIATE")
                    self._db.execute("ROLLBACK")
                finally:
                    self._db.execute(f"PRAGMA busy_timeout={int(self._busy_timeout * 1000)}")
            except sqlite3.Error as error:
                return f"the database {self.name} cannot be written: {error}"
        return None

    def read(self, query: str, parameters: Sequence = ()) -> list[tuple]:
        with self._lock:
            try:
                return self._db.execute(query, parameters).fetchall()
            except sqlite3.Error as error:
                raise StoreUnavailable(f"cannot read the database {self.name}: {error}") from error

    def close(self) -> None:
        with self._lock:
            self._db.close()
