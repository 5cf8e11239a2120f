"""The audit trail: one row per score served, committed before the answer leaves, so the log never
holds fewer scores than clients received (``app/store/database.py`` says how several processes and replicas share it).
The time of a row is taken inside its transaction, under the write lock, so row ids and times rise
together and a cursor over ids pages the log in time order, on SQLite and PostgreSQL alike. The
table itself is made by the migrations (``app/store/migrations``).

No FastAPI here: the store is injected into the routers and usable from a script as it is."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from app.core.errors import StoreUnavailable
from app.core.prongs import PRONGS
from app.core.services.scoring import ScoreResult
from app.store.database import Database, utc_timestamp

_VERDICT_COLUMNS = [prong.value for prong in PRONGS]

_COLUMNS = [prong.value for prong in PRONGS]

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
CREATE INDEX IF NOT EXISTS scores_request ON scores (request_id)
"""

_COLUMNS = ["scored_at", "request_id", "item_id", "model_version", "text_sha256", "risk_score", "risk_level",
            *_VERDICT_COLUMNS, "text"]
_INSERT = f"INSERT INTO scores ({', '.join(_COLUMNS)}) VALUES ({', '.join('?' for _ in _COLUMNS)})"


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


def text_sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class AuditStore:
    def __init__(self, db: Database, store_text: bool = False):
        self._db = db
        self.store_text = store_text
        self._last_failure: str | None = None

    @property
    def last_failure(self) -> str | None:
        """Why the last write failed, while no write has succeeded since (a full disk, a read-only
        or locked file); None otherwise. Costs nothing to ask."""
        return self._last_failure

    def unavailable_reason(self) -> str | None:
        """``last_failure``, or why a write would fail now (the write lock taken and given back)."""
        return self._last_failure or self._db.probe()

    def record(self, entries: Sequence[AuditEntry]) -> None:
        """Record scores in one transaction: all of them or none. The row's time is taken inside
        the transaction (under the lock), so ids and times rise together."""
        try:
            with self._db.writing() as transaction:
                scored_at = transaction.now()
                transaction.execute_many(_INSERT, [
                    (scored_at, e.request_id, e.item_id, e.result.model_version, text_sha256(e.text), e.result.risk_score,
                     e.result.risk_level, *(factor.verdict.value for factor in e.result.factors),
                     e.text if self.store_text else None)
                    for e in entries
                ])
        except StoreUnavailable as error:
            self._last_failure = str(error)
            raise
        self._last_failure = None

    def page(self, since: datetime | None = None, after_id: int = 0, limit: int = 100) -> list[AuditRecord]:
        """Rows scored at or after ``since`` with an id above ``after_id``, oldest first."""
        query = f"SELECT id, {', '.join(_COLUMNS)} FROM scores WHERE id > ?"
        parameters: list = [after_id]
        if since is not None:
            query += " AND scored_at >= ?"
            parameters.append(utc_timestamp(since))
        query += " ORDER BY id LIMIT ?"
        parameters.append(limit)
        rows = self._db.read(query, parameters)
        verdicts_at = slice(8, 8 + len(_VERDICT_COLUMNS))
        return [
            AuditRecord(id=row[0], scored_at=row[1], request_id=row[2], item_id=row[3], model_version=row[4],
                        text_sha256=row[5], risk_score=row[6], risk_level=row[7],
                        verdicts=dict(zip(_VERDICT_COLUMNS, row[verdicts_at], strict=True)), text=row[-1])
            for row in rows
        ]
