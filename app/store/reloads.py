"""How a model reload reaches every worker: the worker that reloads announces a new generation in
the shared database, and the others poll for the latest one and load the same directory."""

from __future__ import annotations

from app.store.database import Database, utc_timestamp

_SCHEMA = """
CREATE TABLE IF NOT EXISTS model_reloads (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    reloaded_at TEXT NOT NULL,
    request_id TEXT NOT NULL,
    model_version TEXT NOT NULL
)
"""


class ReloadChannel:
    def __init__(self, db: Database):
        self._db = db
        db.create(_SCHEMA)

    def announce(self, request_id: str, model_version: str) -> int:
        """Log a model reload; its id is the generation the other workers catch up with."""
        return self._db.write("INSERT INTO model_reloads (reloaded_at, request_id, model_version) VALUES (?, ?, ?)",
                              (utc_timestamp(), request_id, model_version))

    def latest(self) -> int:
        """The generation of the last model reload in any worker (0 before the first)."""
        return self._db.read("SELECT COALESCE(MAX(id), 0) FROM model_reloads")[0][0]
