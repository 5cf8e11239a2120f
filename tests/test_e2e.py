"""A real uvicorn process on a loopback port, spoken to over real HTTP."""

import httpx
import pytest

from conftest import SECURITY_TEXT
from test_api import assert_contract

pytestmark = pytest.mark.e2e


def test_post_summary_to_live_server(live_server):
    response = httpx.post(live_server.url + "/v1/score", json={"text": SECURITY_TEXT}, timeout=30)
    assert response.status_code == 200
    assert_contract(response.json(), SECURITY_TEXT)


def test_live_model_and_health(live_server):
    assert httpx.get(live_server.url + "/healthz").json() == {"status": "ok"}
    assert httpx.get(live_server.url + "/v1/model").json()["model_version"]
