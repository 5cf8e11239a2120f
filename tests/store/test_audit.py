"""The audit store on its own, on SQLite and on PostgreSQL: what a row holds, paging, and no lost
rows when threads and processes write at once."""

import hashlib
import os
import subprocess
import sys
import threading
from datetime import UTC, datetime, timedelta

import pytest

from app.core.errors import StoreUnavailable
from app.core.prongs import PRONGS, Verdict
from app.store.audit import AuditEntry, AuditStore
from app.store.database import open_database
from tests.helpers.paths import ROOT
from tests.helpers.results import entries, result


@pytest.fixture()
def database(db_target):
    database = open_database(db_target)
    yield database
    database.close()


@pytest.fixture()
def store(database):
    return AuditStore(database)


def count(database) -> int:
    return database.read("SELECT COUNT(*) FROM scores")[0][0]


def test_a_row_holds_the_hash_score_verdicts_and_no_text(store):
    store.record([AuditEntry("req-1", "some text", result(0.81, Verdict.MET))])
    [row] = store.page()
    assert (row.request_id, row.item_id, row.model_version, row.risk_score) == ("req-1", None, "test-model", 0.81)
    assert row.risk_level == "medium"
    assert row.text_sha256 == hashlib.sha256(b"some text").hexdigest()
    assert row.verdicts == {prong.value: "met" for prong in PRONGS}
    assert row.text is None
    assert abs(datetime.fromisoformat(row.scored_at) - datetime.now(UTC)) < timedelta(seconds=5)


def test_the_text_is_kept_only_when_asked(database):
    AuditStore(database, store_text=True).record([AuditEntry("req-1", "some text", result())])
    assert [row.text for row in AuditStore(database).page()] == ["some text"]


def test_a_batch_is_written_whole_or_not_at_all(store):
    with pytest.raises(StoreUnavailable):  # the third row breaks a NOT NULL: the first two must go too
        store.record(entries("req", "a", "b") + entries(None, "c"))
    assert store.page() == []
    store.record(entries("req", "a", "b"))
    assert [row.item_id for row in store.page()] == ["1", "2"]


def test_paging_by_cursor_and_since(store):
    for i in range(5):
        store.record(entries(f"req-{i}", str(i)))
    first, rest = store.page(limit=2), store.page(after_id=2)
    assert [r.request_id for r in first + rest] == [f"req-{i}" for i in range(5)]
    assert store.page(since=datetime.now(UTC) + timedelta(minutes=1)) == []
    assert len(store.page(since=datetime.fromisoformat(first[1].scored_at))) >= 4


def test_threads_lose_no_rows(database, store):
    def write(thread: int) -> None:
        for i in range(50):
            store.record(entries(f"t{thread}-{i}", "x", "y"))

    threads = [threading.Thread(target=write, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert count(database) == 8 * 50 * 2


WRITER = """
import sys
from app.store.audit import AuditStore
from app.store.database import open_database
from tests.helpers.results import entries
store = AuditStore(open_database(sys.argv[1]))
for i in range(int(sys.argv[2])):
    store.record(entries(sys.argv[3] + str(i), "a", "b", "c"))
"""


def test_processes_lose_no_rows_and_ids_follow_time(db_target, database):
    """Several uvicorn workers, or replicas, are separate processes writing the same database."""
    per_process, processes = 150, 3
    writers = [
        subprocess.Popen([sys.executable, "-c", WRITER, str(db_target), str(per_process), f"p{n}-"], cwd=ROOT,
                         env={**os.environ, "PYTHONPATH": str(ROOT)})
        for n in range(processes)
    ]
    assert [writer.wait(timeout=120) for writer in writers] == [0] * processes
    assert count(database) == processes * per_process * 3
    times = [row[0] for row in database.read("SELECT scored_at FROM scores ORDER BY id")]
    assert times == sorted(times)
