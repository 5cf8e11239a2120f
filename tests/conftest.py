"""Fixtures shared by every test folder. Plain helpers (texts, paths, the live server class) are in
``tests.helpers``."""

import shutil
from pathlib import Path

import pytest

from tests.helpers.paths import OUTPUT, SHIPPED_MODEL
from tests.helpers.server import LIVE_SERVER_KEY, LiveServer


@pytest.fixture(scope="session")
def output_dir() -> Path:
    OUTPUT.mkdir(exist_ok=True)
    return OUTPUT


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
