"""A real uvicorn process on a loopback port, spoken to over real HTTP."""

import csv
import io
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest

from app.core.data.table import COLUMNS
from app.store.database import open_database
from tests.helpers.api import assert_contract
from tests.helpers.models import set_model_version
from tests.helpers.paths import SHIPPED_MODEL
from tests.helpers.server import LIVE_SERVER_KEY, LiveServer
from tests.helpers.texts import COMMODITY_TEXT, SECURITY_TEXT

pytestmark = pytest.mark.e2e

ADMIN = {"X-API-Key": LIVE_SERVER_KEY}


def test_post_summary_to_live_server(live_server):
    response = httpx.post(live_server.url + "/v1/score", json={"text": SECURITY_TEXT}, timeout=30)
    assert response.status_code == 200
    assert_contract(response.json(), SECURITY_TEXT)
    assert len(response.headers["x-request-id"]) == 32


def test_live_model_and_health(live_server):
    assert httpx.get(live_server.url + "/healthz").json() == {"status": "ok"}
    assert httpx.get(live_server.url + "/v1/model").json()["model_version"]


def test_live_batch(live_server):
    items = [{"id": "b", "text": COMMODITY_TEXT}, {"id": "a", "text": SECURITY_TEXT, "symbol": "ACME"}]
    response = httpx.post(live_server.url + "/v1/score/batch", json={"items": items}, timeout=30)
    assert response.status_code == 200
    assert [r["id"] for r in response.json()["results"]] == ["b", "a"]
    too_many = {"items": [{"id": str(i), "text": "x"} for i in range(1001)]}
    assert httpx.post(live_server.url + "/v1/score/batch", json=too_many, timeout=30).status_code == 422


def test_live_csv(live_server):
    content = f'id,symbol,text\n1,ACME,"{SECURITY_TEXT}"\n2,BTC,"{COMMODITY_TEXT}"\n'.encode()
    response = httpx.post(live_server.url + "/v1/score/csv", files={"file": ("in.csv", content, "text/csv")}, timeout=30)
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/csv")
    reader = csv.DictReader(io.StringIO(response.text))
    rows = list(reader)
    assert tuple(reader.fieldnames) == COLUMNS
    assert [(r["id"], r["risk_level"]) for r in rows][0] == ("1", "high")
    assert len(rows) == 2
    missing = httpx.post(live_server.url + "/v1/score/csv", files={"file": ("in.csv", b"body\nx\n")}, timeout=30)
    assert missing.status_code == 422 and "no 'text' column" in missing.text
    latin1 = httpx.post(live_server.url + "/v1/score/csv", files={"file": ("in.csv", b"text\ncaf\xe9\n")}, timeout=30)
    assert latin1.status_code == 422 and "not UTF-8" in latin1.text


def test_live_docs(live_server):
    assert "swagger" in httpx.get(live_server.url + "/docs").text.lower()
    assert "/v1/score/csv" in httpx.get(live_server.url + "/openapi.json").json()["paths"]


def test_live_bad_input_is_4xx_with_a_reason(live_server):
    response = httpx.post(live_server.url + "/v1/score", content=b'{"text": ', headers={"content-type": "application/json"})
    assert response.status_code == 422 and "JSON" in response.text
    assert httpx.post(live_server.url + "/v1/score", json={"text": ""}).status_code == 422


def test_live_413_whether_the_size_is_declared_or_streamed(live_server):
    declared = httpx.post(live_server.url + "/v1/score", content=b"x" * (3 * 1024 * 1024),
                          headers={"content-type": "application/json"}, timeout=30)
    assert declared.status_code == 413

    def chunks():  # no Content-Length: sent with chunked transfer encoding
        for _ in range(48):
            yield b"y" * 65536

    streamed = httpx.post(live_server.url + "/v1/score", content=chunks(), headers={"content-type": "application/json"},
                          timeout=30)
    assert streamed.status_code == 413
    assert "larger than the limit" in streamed.json()["detail"]


def test_live_admin_needs_the_key(live_server):
    assert httpx.post(live_server.url + "/v1/admin/reload").status_code == 403
    assert httpx.get(live_server.url + "/v1/audit", headers={"X-API-Key": "nope"}).status_code == 403
    page = httpx.get(live_server.url + "/v1/audit", params={"limit": 5}, headers=ADMIN)
    assert page.status_code == 200 and len(page.json()["rows"]) <= 5


def test_live_reload(live_server):
    response = httpx.post(live_server.url + "/v1/admin/reload", headers=ADMIN, timeout=30)
    assert response.status_code == 200
    assert response.json()["model_version"] == httpx.get(live_server.url + "/v1/model").json()["model_version"]


def test_parallel_requests_to_two_workers_are_all_audited(db_target):
    """Two worker processes and many threads write one audit log: one row per score served."""
    server = LiveServer({"HOWEY_MODEL_DIR": str(SHIPPED_MODEL), "HOWEY_DB": str(db_target)}, workers=2)
    try:
        with httpx.Client(base_url=server.url, timeout=60) as client:
            def send(i: int) -> tuple[str, int]:
                if i % 4 == 0:
                    items = [{"id": f"{i}-{k}", "text": f"{SECURITY_TEXT} {i} {k}"} for k in range(5)]
                    response = client.post("/v1/score/batch", json={"items": items})
                    return response.headers["x-request-id"], len(response.json()["results"])
                response = client.post("/v1/score", json={"text": f"{COMMODITY_TEXT} {i}"})
                return response.headers["x-request-id"], 1 if response.status_code == 200 else 0

            with ThreadPoolExecutor(max_workers=24) as pool:
                served = list(pool.map(send, range(400)))
    finally:
        server.stop()
    database = open_database(db_target)
    rows = database.read("SELECT request_id, COUNT(*) FROM scores GROUP BY request_id")
    database.close()
    assert sum(n for _, n in served) == 300 * 1 + 100 * 5
    assert dict(rows) == dict(served)


def test_reload_lets_requests_in_flight_finish_and_reaches_every_worker(tmp_path, model_copy):
    server = LiveServer({"HOWEY_MODEL_DIR": str(model_copy), "HOWEY_DB": str(tmp_path / "audit.db"),
                         "HOWEY_API_KEY": LIVE_SERVER_KEY}, workers=2)
    slow_batch = {"items": [{"id": str(k), "text": (SECURITY_TEXT + " ") * 4} for k in range(80)]}
    calls: list[tuple[float, float, int, str]] = []
    stop = threading.Event()

    def keep_scoring() -> None:
        with httpx.Client(base_url=server.url, timeout=60) as client:
            while not stop.is_set():
                started = time.monotonic()
                response = client.post("/v1/score/batch", json=slow_batch)
                version = response.json()["model_version"] if response.status_code == 200 else ""
                calls.append((started, time.monotonic(), response.status_code, version))

    try:
        old = httpx.get(server.url + "/v1/model").json()["model_version"]
        threads = [threading.Thread(target=keep_scoring) for _ in range(6)]
        for thread in threads:
            thread.start()
        time.sleep(1.0)
        set_model_version(model_copy, "reloaded-model")
        reload_started = time.monotonic()
        reload = httpx.post(server.url + "/v1/admin/reload", headers=ADMIN, timeout=60)
        reload_done = time.monotonic()
        time.sleep(3.0)  # the other worker polls every second
        stop.set()
        for thread in threads:
            thread.join()
        # Each call on a new connection, which either worker may accept.
        versions_now = {httpx.get(server.url + "/v1/model").json()["model_version"] for _ in range(20)}
    finally:
        server.stop()
    assert reload.status_code == 200 and reload.json()["model_version"] == "reloaded-model"
    assert all(status == 200 for _, _, status, _ in calls)
    during = [c for c in calls if c[0] < reload_done and c[1] > reload_started]
    assert len(during) >= len(threads), "each thread should have had a request in flight during the reload"
    assert {version for started, ended, _, version in calls if ended < reload_started} == {old}
    late = [version for started, _, _, version in calls if started > reload_done + 2.0]
    assert late and set(late) == {"reloaded-model"}
    assert versions_now == {"reloaded-model"}
