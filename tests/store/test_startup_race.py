"""Many workers opening a fresh audit database at once all start: the WAL switch waits for a
concurrent one and each store's schema is created in one immediate transaction."""

import multiprocessing

import pytest

from app.store.audit import AuditStore
from app.store.database import Database
from app.store.reloads import ReloadChannel
from tests.helpers.paths import SHIPPED_MODEL
from tests.helpers.server import LiveServer


def _open(path, barrier, results):
    barrier.wait()
    try:
        db = Database(path)
        AuditStore(db)
        ReloadChannel(db).latest()
        db.close()
        results.put("ok")
    except Exception as error:  # the failure is the finding: report it, do not hang the barrier
        results.put(repr(error))


def test_eight_processes_open_one_fresh_database_at_once_fifty_times(tmp_path):
    context = multiprocessing.get_context("fork")
    for attempt in range(50):
        path = tmp_path / f"fresh-{attempt}.db"
        barrier, results = context.Barrier(8), context.Queue()
        processes = [context.Process(target=_open, args=(path, barrier, results)) for _ in range(8)]
        for process in processes:
            process.start()
        outcomes = [results.get(timeout=60) for _ in processes]
        for process in processes:
            process.join(timeout=60)
        assert outcomes == ["ok"] * 8, f"attempt {attempt}: {outcomes}"


@pytest.mark.e2e
@pytest.mark.slow
def test_four_workers_start_on_a_fresh_database_twenty_times(tmp_path):
    for attempt in range(20):
        server = LiveServer({"HOWEY_MODEL_DIR": str(SHIPPED_MODEL), "HOWEY_DB": str(tmp_path / f"fresh-{attempt}.db")},
                            workers=4)
        server.stop()
