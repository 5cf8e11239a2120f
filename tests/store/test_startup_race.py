"""Many workers (or replicas) opening a fresh audit database at once all start: the WAL switch waits
for a concurrent one, and the migrations run once, under the write lock, on both stores."""

import multiprocessing

import pytest

from app.store.audit import AuditStore
from app.store.database import open_database
from app.store.reloads import ReloadChannel
from tests.helpers.paths import SHIPPED_MODEL
from tests.helpers.postgres import fresh_postgres_database
from tests.helpers.server import LiveServer


def _open(path, barrier, results):
    barrier.wait()
    try:
        db = open_database(path)
        AuditStore(db).page()
        ReloadChannel(db).latest()
        db.close()
        results.put("ok")
    except Exception as error:  # the failure is the finding: report it, do not hang the barrier
        results.put(repr(error))


def _open_at_once(target, context) -> list[str]:
    barrier, results = context.Barrier(8), context.Queue()
    processes = [context.Process(target=_open, args=(target, barrier, results)) for _ in range(8)]
    for process in processes:
        process.start()
    outcomes = [results.get(timeout=60) for _ in processes]
    for process in processes:
        process.join(timeout=60)
    return outcomes


def test_eight_processes_open_one_fresh_database_at_once_fifty_times(tmp_path):
    context = multiprocessing.get_context("fork")
    for attempt in range(50):
        outcomes = _open_at_once(tmp_path / f"fresh-{attempt}.db", context)
        assert outcomes == ["ok"] * 8, f"attempt {attempt}: {outcomes}"


def test_eight_processes_open_one_fresh_postgresql_database_at_once_ten_times():
    context = multiprocessing.get_context("fork")
    for attempt in range(10):
        with fresh_postgres_database() as url:
            outcomes = _open_at_once(url, context)
        assert outcomes == ["ok"] * 8, f"attempt {attempt}: {outcomes}"


@pytest.mark.e2e
@pytest.mark.slow
def test_four_workers_start_on_a_fresh_database_twenty_times(tmp_path):
    for attempt in range(20):
        server = LiveServer({"HOWEY_MODEL_DIR": str(SHIPPED_MODEL), "HOWEY_DB": str(tmp_path / f"fresh-{attempt}.db")},
                            workers=4)
        server.stop()
