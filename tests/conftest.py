"""Fixtures shared by every test folder. Plain helpers (texts, paths, the live server class) are in
``tests.helpers``."""

import shutil
from pathlib import Path

import pytest

from tests.helpers.paths import OUTPUT, SHIPPED_MODEL
from tests.helpers.postgres import fresh_postgres_database
from tests.helpers.server import LIVE_SERVER_KEY, LiveServer


@pytest.fixture(scope="session")
def output_dir() -> Path:
    OUTPUT.mkdir(exist_ok=True)
    return OUTPUT


@pytest.fixture(params=["sqlite", "postgresql"])
def db_target(request, tmp_path):
    """Where a test's audit log and reviews live (HOWEY_DB): a SQLite file, then a fresh PostgreSQL
    database, so a test that takes this fixture holds both stores to the same behaviour."""
    if request.param == "sqlite":
        yield tmp_path / "audit.db"
    else:
        with fresh_postgres_database() as url:
            yield url


@pytest.fixture()
def model_copy(tmp_path: Path) -> Path:
    """A private copy of the shipped model directory that a test may tamper with."""
    target = tmp_path / "model"
    shutil.copytree(SHIPPED_MODEL, target, ignore=shutil.ignore_patterns("versions"))
    return target


@pytest.fixture(scope="session")
def live_server(tmp_path_factory):
    db = tmp_path_factory.mktemp("live") / "audit.db"
    server = LiveServer({"HOWEY_MODEL_DIR": str(SHIPPED_MODEL), "HOWEY_DB": str(db), "HOWEY_API_KEY": LIVE_SERVER_KEY})
    yield server
    server.stop()
