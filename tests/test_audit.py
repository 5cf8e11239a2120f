"""The audit store on its own: what a row holds, paging, and no lost rows when threads and
processes write at once."""

import hashlib
import os
import sqlite3
import subprocess
import sys
import threading
from datetime import UTC, datetime, timedelta

import pytest

from app.core.engine.weighing import ProngAssessment
from app.core.prongs import PRONGS, Verdict
from app.core.services.scoring import ScoreResult
from app.store.audit import AuditEntry, AuditStore, AuditUnavailable
from conftest import ROOT


def result(risk: float = 0.5, verdict: Verdict = Verdict.UNCLEAR) -> ScoreResult:
    factors = [ProngAssessment(prong, 0.5, verdict, ()) for prong in PRONGS]
    return ScoreResult(risk, "medium", factors, 0.5, [], [], "test-model")


def entries(request_id: str | None, *texts: str) -> list[AuditEntry]:
    return [AuditEntry(request_id, text, result(), item_id=str(n)) for n, text in enumerate(texts, 1)]


def count(path) -> int:
    with sqlite3.connect(path) as db:
        return db.execute("SELECT COUNT(*) FROM scores").fetchone()[0]


def test_a_row_holds_the_hash_score_verdicts_and_no_text(tmp_path):
    store = AuditStore(tmp_path / "audit.db")
    store.record([AuditEntry("req-1", "some text", result(0.81, Verdict.MET))])
    [row] = store.page()
    assert (row.request_id, row.item_id, row.model_version, row.risk_score) == ("req-1", None, "test-model", 0.81)
    assert row.text_sha256 == hashlib.sha256(b"some text").hexdigest()
    assert row.verdicts == {prong.value: "met" for prong in PRONGS}
    assert row.text is None
    assert abs(datetime.fromisoformat(row.scored_at) - datetime.now(UTC)) < timedelta(seconds=5)


def test_the_log_is_in_wal_mode(tmp_path):
    AuditStore(tmp_path / "audit.db")
    with sqlite3.connect(tmp_path / "audit.db") as db:
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_a_batch_is_written_whole_or_not_at_all(tmp_path):
    store = AuditStore(tmp_path / "audit.db")
    with pytest.raises(AuditUnavailable):  # the third row breaks a NOT NULL: the first two must go too
        store.record(entries("req", "a", "b") + entries(None, "c"))
    assert store.page() == []
    store.record(entries("req", "a", "b"))
    assert [row.item_id for row in store.page()] == ["1", "2"]


def test_paging_by_cursor_and_since(tmp_path):
    store = AuditStore(tmp_path / "audit.db")
    for i in range(5):
        store.record(entries(f"req-{i}", str(i)))
    first, rest = store.page(limit=2), store.page(after_id=2)
    assert [r.request_id for r in first + rest] == [f"req-{i}" for i in range(5)]
    assert store.page(since=datetime.now(UTC) + timedelta(minutes=1)) == []
    assert len(store.page(since=datetime.fromisoformat(first[1].scored_at))) >= 4


def test_an_unusable_path_says_so(tmp_path):
    with pytest.raises(AuditUnavailable, match="cannot open the audit log"):
        AuditStore(tmp_path / "no-such-dir" / "audit.db")


def test_reload_generations_rise(tmp_path):
    store = AuditStore(tmp_path / "audit.db")
    assert store.latest_reload() == 0
    first = store.record_reload("req", "v1")
    assert store.latest_reload() == first < store.record_reload("req", "v2")


def test_threads_lose_no_rows(tmp_path):
    store = AuditStore(tmp_path / "audit.db")

    def write(thread: int) -> None:
        for i in range(50):
            store.record(entries(f"t{thread}-{i}", "x", "y"))

    threads = [threading.Thread(target=write, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert count(tmp_path / "audit.db") == 8 * 50 * 2


WRITER = """
import sys
from test_audit import entries
from app.store.audit import AuditStore
store = AuditStore(sys.argv[1])
for i in range(int(sys.argv[2])):
    store.record(entries(sys.argv[3] + str(i), "a", "b", "c"))
"""


def test_processes_lose_no_rows_and_ids_follow_time(tmp_path):
    """Several uvicorn workers are separate processes writing the same file."""
    db, per_process, processes = tmp_path / "audit.db", 150, 3
    writers = [
        subprocess.Popen([sys.executable, "-c", WRITER, str(db), str(per_process), f"p{n}-"], cwd=ROOT,
                         env={**os.environ, "PYTHONPATH": f"{ROOT}:{ROOT / 'tests'}"})
        for n in range(processes)
    ]
    assert [writer.wait(timeout=120) for writer in writers] == [0] * processes
    assert count(db) == processes * per_process * 3
    with sqlite3.connect(db) as connection:
        times = [row[0] for row in connection.execute("SELECT scored_at FROM scores ORDER BY id")]
    assert times == sorted(times)
