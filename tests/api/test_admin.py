"""The admin endpoints: locked without the key, and a reload that swaps the model or keeps the old one."""

import json

import pytest
from fastapi.testclient import TestClient

from app.main import create_app
from app.settings import Settings
from tests.helpers.api import ADMIN, ADMIN_KEY
from tests.helpers.models import set_model_version
from tests.helpers.paths import SHIPPED_MODEL
from tests.helpers.texts import SECURITY_TEXT


def test_admin_endpoints_are_403_while_no_key_is_set(client):
    for call in (lambda h: client.post("/v1/admin/reload", headers=h), lambda h: client.get("/v1/audit", headers=h)):
        for headers in ({}, {"X-API-Key": ""}, {"X-API-Key": "anything"}):
            response = call(headers)
            assert response.status_code == 403
            assert "no HOWEY_API_KEY" in response.json()["detail"]


def test_an_empty_configured_key_still_locks_admin(tmp_path):
    settings = Settings(model_dir=SHIPPED_MODEL, db=tmp_path / "audit.db", api_key="")
    with TestClient(create_app(settings)) as test_client:
        assert test_client.get("/v1/audit", headers={"X-API-Key": ""}).status_code == 403


def test_admin_endpoints_need_the_right_key(admin_app):
    client, _ = admin_app
    for headers in ({}, {"X-API-Key": "wrong"}, {"X-API-Key": ADMIN_KEY + "x"}, {"X-API-Key": "ключ".encode()}):
        assert client.post("/v1/admin/reload", headers=headers).status_code == 403
        assert client.get("/v1/audit", headers=headers).status_code == 403
    assert client.get("/v1/audit", headers=ADMIN).status_code == 200


def test_reload_serves_the_new_model(admin_app):
    client, model_dir = admin_app
    before = client.get("/v1/model").json()["model_version"]
    set_model_version(model_dir, "reloaded-model")
    assert client.post("/v1/score", json={"text": SECURITY_TEXT}).json()["model_version"] == before
    response = client.post("/v1/admin/reload", headers=ADMIN)
    assert response.status_code == 200
    assert response.json() == {"model_version": "reloaded-model", "previous_model_version": before}
    assert client.get("/v1/model").json()["model_version"] == "reloaded-model"
    assert client.post("/v1/score", json={"text": SECURITY_TEXT}).json()["model_version"] == "reloaded-model"


def _artifact(model_dir):
    return model_dir / json.loads((model_dir / "manifest.json").read_text())["artifact"]


def _trained_under_other_rules(model_dir):
    manifest = json.loads((model_dir / "manifest.json").read_text())
    manifest["rulebook_sha256"] = "0" * 64
    (model_dir / "manifest.json").write_text(json.dumps(manifest))


@pytest.mark.parametrize(
    ("damage", "fragment"),
    [
        (lambda d: (d / "manifest.json").write_text("{not json"), "not valid JSON"),
        (lambda d: _artifact(d).write_bytes(b"tampered"), "refusing to unpickle"),
        (lambda d: _artifact(d).unlink(), "missing"),
        (_trained_under_other_rules, "trained under rb-0000000"),
    ],
)
def test_a_failed_reload_is_409_and_keeps_the_old_model(admin_app, damage, fragment):
    client, model_dir = admin_app
    before = client.get("/v1/model").json()["model_version"]
    damage(model_dir)
    response = client.post("/v1/admin/reload", headers=ADMIN)
    assert response.status_code == 409
    assert fragment in response.json()["detail"] and f"{before} keeps serving" in response.json()["detail"]
    assert client.post("/v1/score", json={"text": SECURITY_TEXT}).json()["model_version"] == before
