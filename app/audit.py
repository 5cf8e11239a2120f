"""The audit trail: one SQLite row per score served, committed before the answer leaves, so the
log never holds fewer scores than clients received. Several uvicorn workers (processes) and their
threads write to one file, so every write is an immediate transaction in WAL mode with a busy
timeout: writers queue for the lock instead of failing or overwriting each other. The time of a
row is taken inside its transaction, so row ids and times rise together and a cursor over ids
pages the log in time order.

No FastAPI here: the store is injected into the routers and usable from a script as it is."""

from __future__ import annotations

import hashlib
import sqlite3
import threading
from collections.abc import Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from app.core.prongs import PRONGS
from app.core.scorer import ScoreResult

# How long a writer waits for another process's transaction before the store gives up.
BUSY_TIMEOUT_SECONDS = 30.0

_VERDICT_COLUMNS = [prong.value for prong in PRONGS]

_SCHEMA = f"""
CREATE TABLE IF NOT EXISTS scores (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    scored_at TEXT NOT NULL,
    request_id TEXT NOT NULL,
    item_id TEXT,
    model_version TEXT NOT NULL,
    text_sha256 TEXT NOT NULL,
    risk_score REAL NOT NULL,
    risk_level TEXT NOT NULL,
    {", ".join(f"{column} TEXT NOT NULL" for column in _VERDICT_COLUMNS)},
    text TEXT
);
CREATE INDEX IF NOT EXISTS scores_scored_at ON scores (scored_at);
CREATE TABLE IF NOT EXISTS model_reloads (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    reloaded_at TEXT NOT NULL,
    request_id TEXT NOT NULL,
    model_version TEXT NOT NULL
);
"""

_COLUMNS = ["scored_at", "request_id", "item_id", "model_version", "text_sha256", "risk_score", "risk_level",
            *_VERDICT_COLUMNS, "text"]
_INSERT = f"INSERT INTO scores ({', '.join(_COLUMNS)}) VALUES ({', '.join('?' for _ in _COLUMNS)})"


class AuditUnavailable(RuntimeError):
    """The audit log cannot be written or read; a score must not be served without its record."""


@dataclass(frozen=True, slots=True)
class AuditEntry:
    """A score served: what it was served for (request, item) and on what text."""

    request_id: str
    text: str
    result: ScoreResult
    item_id: str | None = None


@dataclass(frozen=True, slots=True)
class AuditRecord:
    id: int
    scored_at: str
    request_id: str
    item_id: str | None
    model_version: str
    text_sha256: str
    risk_score: float
    risk_level: str
    verdicts: dict[str, str]
    text: str | None


def utc_timestamp(moment: datetime | None = None) -> str:
    """Fixed-width UTC ISO-8601 (microseconds, ``Z``), so text order is time order in SQL."""
    moment = (moment or datetime.now(UTC)).astimezone(UTC)
    return moment.strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def text_sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class AuditStore:
    """One connection per process, shared by its threads under a lock: SQLite serialises writers
    anyway, and a lock wakes the next thread at once where SQLite's busy handler would sleep."""

    def __init__(self, path: Path, store_text: bool = False):
        self.path = Path(path)
        self.store_text = store_text
        self._lock = threading.Lock()
        try:
            self._db = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_SECONDS, isolation_level=None,
                                       check_same_thread=False)
            mode = self._db.execute("PRAGMA journal_mode=WAL").fetchone()[0]
            if mode != "wal":
                raise AuditUnavailable(f"the audit log {self.path} cannot use WAL mode (journal mode {mode!r})")
            # FULL: a row acknowledged by a response survives a power cut, not only a crash.
            self._db.execute("PRAGMA synchronous=FULL")
            with self._transaction():
                for statement in _SCHEMA.split(";"):
                    if statement.strip():
                        self._db.execute(statement)
        except sqlite3.Error as error:
            raise AuditUnavailable(f"cannot open the audit log {self.path}: {error}") from error

    def record(self, entries: Sequence[AuditEntry]) -> None:
        """Record scores in one transaction: all of them or none."""
        with self._lock, self._transaction():
            scored_at = utc_timestamp()
            self._db.executemany(_INSERT, [
                (scored_at, e.request_id, e.item_id, e.result.model_version, text_sha256(e.text), e.result.risk_score,
                 e.result.risk_level, *(factor.verdict.value for factor in e.result.factors),
                 e.text if self.store_text else None)
                for e in entries
            ])

    def page(self, since: datetime | None = None, after_id: int = 0, limit: int = 100) -> list[AuditRecord]:
        """Rows scored at or after ``since`` with an id above ``after_id``, oldest first."""
        query = f"SELECT id, {', '.join(_COLUMNS)} FROM scores WHERE id > ?"
        parameters: list = [after_id]
        if since is not None:
            query += " AND scored_at >= ?"
            parameters.append(utc_timestamp(since))
        query += " ORDER BY id LIMIT ?"
        parameters.append(limit)
        rows = self._read(query, parameters)
        verdicts_at = slice(8, 8 + len(_VERDICT_COLUMNS))
        return [
            AuditRecord(id=row[0], scored_at=row[1], request_id=row[2], item_id=row[3], model_version=row[4],
                        text_sha256=row[5], risk_score=row[6], risk_level=row[7],
                        verdicts=dict(zip(_VERDICT_COLUMNS, row[verdicts_at], strict=True)), text=row[-1])
            for row in rows
        ]

    def record_reload(self, request_id: str, model_version: str) -> int:
        """Log a model reload; its id is the generation the other workers catch up with."""
        with self._lock, self._transaction():
            cursor = self._db.execute(
                "INSERT INTO model_reloads (reloaded_at, request_id, model_version) VALUES (?, ?, ?)",
                (utc_timestamp(), request_id, model_version),
            )
            return cursor.lastrowid

    def latest_reload(self) -> int:
        """The generation of the last model reload in any worker (0 before the first)."""
        return self._read("SELECT COALESCE(MAX(id), 0) FROM model_reloads")[0][0]

    def close(self) -> None:
        with self._lock:
            self._db.close()

    def _read(self, query: str, parameters: Sequence = ()) -> list[tuple]:
        with self._lock:
            try:
                return self._db.execute(query, parameters).fetchall()
            except sqlite3.Error as error:
                raise AuditUnavailable(f"cannot read the audit log {self.path}: {error}") from error

    @contextmanager
    def _transaction(self):
        """BEGIN IMMEDIATE takes the write lock up front, so two processes never both read and then
        fail to upgrade to writing; any failure rolls back and surfaces as AuditUnavailable."""
        try:
            self._db.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as error:
            raise AuditUnavailable(f"cannot write the audit log {self.path}: {error}") from error
        try:
            yield
            self._db.execute("COMMIT")
        except BaseException as error:
            if self._db.in_transaction:
                with suppress(sqlite3.Error):
                    self._db.execute("ROLLBACK")
            if isinstance(error, sqlite3.Error):
                raise AuditUnavailable(f"cannot write the audit log {self.path}: {error}") from error
            raise
