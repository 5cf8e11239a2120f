"""The app through FastAPI's TestClient: one shared, and one per test with an admin key and a model
directory the test may change."""

import pytest
from fastapi.testclient import TestClient

from app.main import create_app
from app.settings import Settings
from tests.helpers.api import ADMIN_KEY
from tests.helpers.paths import SHIPPED_MODEL


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    settings = Settings(model_dir=SHIPPED_MODEL, db=tmp_path_factory.mktemp("api") / "audit.db")
    with TestClient(create_app(settings)) as test_client:
        yield test_client


@pytest.fixture()
def admin_app(db_target, model_copy):
    """An app with an admin key, serving a model directory the test may change; once on each store."""
    settings = Settings(model_dir=model_copy, db=db_target, api_key=ADMIN_KEY)
    with TestClient(create_app(settings)) as test_client:
        yield test_client, model_copy
