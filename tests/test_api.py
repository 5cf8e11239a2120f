"""The HTTP contract through FastAPI's TestClient (the real uvicorn server is in test_e2e.py)."""

import pytest
from fastapi.testclient import TestClient

from app.api.settings import Settings
from app.core.prongs import PRONGS
from app.main import create_app
from conftest import SECURITY_TEXT, SHIPPED_MODEL


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    settings = Settings(model_dir=SHIPPED_MODEL, db=tmp_path_factory.mktemp("api") / "audit.db")
    with TestClient(create_app(settings)) as test_client:
        yield test_client


def assert_contract(body: dict, text: str) -> None:
    assert set(body) == {"risk_score", "risk_level", "factors", "classifier", "similar_tokens", "model_version", "disclaimer"}
    assert 0 <= body["risk_score"] <= 1
    assert body["risk_level"] in {"low", "medium", "high"}
    assert [f["prong"] for f in body["factors"]] == [p.value for p in PRONGS]
    for factor in body["factors"]:
        assert factor["verdict"] in {"met", "not_met", "unclear"}
        for e in factor["evidence"]:
            assert text[e["start"] : e["end"]] == e["quote"]
            assert e["rule_id"].startswith(factor["prong"] + ".")
    assert body["disclaimer"].startswith("Not legal advice")
    assert 0 <= body["classifier"]["probability"] <= 1


def test_score_returns_the_contract(client):
    response = client.post("/v1/score", json={"text": SECURITY_TEXT, "symbol": "ACME", "name": "Acme"})
    assert response.status_code == 200
    body = response.json()
    assert_contract(body, SECURITY_TEXT)
    assert body["risk_level"] == "high"
    assert body["similar_tokens"] and body["similar_tokens"][0]["cases"]


def test_model_and_health(client):
    model = client.get("/v1/model").json()
    assert set(model) == {"model_version", "trained_at", "data_sha256", "n_training_rows", "metrics"}
    assert model["n_training_rows"] > 0
    assert client.get("/healthz").json() == {"status": "ok"}


@pytest.mark.parametrize(
    ("body", "fragment"),
    [
        ({}, "text"),
        ({"text": ""}, "at least 1 character"),
        ({"text": "   "}, "white space"),
        ({"text": 42}, "valid string"),
        ({"text": "x" * 100_001}, "at most 100000"),
        ({"text": "ok", "symbol": ["A"]}, "valid string"),
        ({"text": "ok", "surprise": 1}, "Extra inputs"),
    ],
)
def test_bad_input_is_a_clear_422(client, body, fragment):
    response = client.post("/v1/score", json=body)
    assert response.status_code == 422
    assert fragment in response.text


def test_malformed_json_is_422(client):
    response = client.post("/v1/score", content=b'{"text": "unterminated', headers={"content-type": "application/json"})
    assert response.status_code == 422
    assert "JSON" in response.text
