"""How a model reload reaches every worker of every replica: the worker that reloads announces a new
generation in the shared database (the SQLite file, or PostgreSQL for replicas), and the others poll
for the latest one every second and load the same directory. A poll is one indexed ``MAX(id)``, so
polling costs the database next to nothing, and it needs nothing the database does not already give
both stores (no LISTEN/NOTIFY connection to keep open and re-establish)."""

from __future__ import annotations

from app.store.database import Database


class ReloadChannel:
    def __init__(self, db: Database):
        self._db = db

    def announce(self, request_id: str, model_version: str) -> int:
        """Log a model reload; its id is the generation the other workers catch up with."""
        with self._db.writing() as transaction:
            [(generation,)] = transaction.execute(
                "INSERT INTO model_reloads (reloaded_at, request_id, model_version) VALUES (?, ?, ?) RETURNING id",
                (transaction.now(), request_id, model_version))
        return generation

    def latest(self) -> int:
        """The generation of the last model reload in any worker (0 before the first)."""
        return self._db.read("SELECT COALESCE(MAX(id), 0) FROM model_reloads")[0][0]
