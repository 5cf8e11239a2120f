"""POST /v1/score and /v1/score/batch through FastAPI's TestClient (the real uvicorn server is in
tests/e2e/test_server.py)."""

import pytest

from app.core.results import ANSWER
from tests.helpers.api import assert_contract
from tests.helpers.texts import COMMODITY_TEXT, SECURITY_TEXT


def test_score_returns_the_contract(client):
    response = client.post("/v1/score", json={"text": SECURITY_TEXT, "symbol": "ACME", "name": "Acme"})
    assert response.status_code == 200
    body = response.json()
    assert_contract(body, SECURITY_TEXT)
    assert body["risk_level"] == "high"
    assert body["similar_tokens"] and body["similar_tokens"][0]["cases"]
    assert ANSWER.dump_python(ANSWER.validate_python(body), mode="json") == body, "the answer is what its schema documents"


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


def test_json_that_is_not_utf8_or_too_deep_is_a_clear_422(client):
    headers = {"content-type": "application/json"}
    response = client.post("/v1/score", content=b'{"text": "caf\xe9"}', headers=headers)
    assert response.status_code == 422 and "utf-8" in response.text
    response = client.post("/v1/score", content=b"[" * 100_000 + b"]" * 100_000, headers=headers)
    assert response.status_code == 422 and "recursion" in response.text


def test_a_lone_surrogate_is_refused_and_echoed_escaped(client):
    response = client.post("/v1/score", content=b'{"text": "a \\ud800 b"}', headers={"content-type": "application/json"})
    assert response.status_code == 422
    assert response.json()["detail"][0]["input"] == "a \ud800 b"


def test_batch_keeps_the_input_order_and_ids(client):
    items = [{"id": f"item-{i}", "text": text} for i, text in enumerate([SECURITY_TEXT, COMMODITY_TEXT] * 3)]
    response = client.post("/v1/score/batch", json={"items": items})
    assert response.status_code == 200
    body = response.json()
    assert [r["id"] for r in body["results"]] == [item["id"] for item in items]
    single = {text: client.post("/v1/score", json={"text": text}).json() for text in (SECURITY_TEXT, COMMODITY_TEXT)}
    for item, result in zip(items, body["results"], strict=True):
        assert_contract({k: v for k, v in result.items() if k != "id"}, item["text"])
        assert result["risk_score"] == single[item["text"]]["risk_score"]
        assert result["model_version"] == body["model_version"]


@pytest.mark.parametrize(
    ("items", "fragment"),
    [
        ([], "at least 1 item"),
        ([{"id": str(i), "text": "x"} for i in range(1001)], "at most 1000 items"),
        ([{"id": "a", "text": "fine"}, {"id": "b", "text": " "}], "white space"),
        ([{"text": "no id"}], "Field required"),
        ([{"id": 7, "text": "id is a number"}], "valid string"),
    ],
)
def test_bad_batches_are_a_clear_422(client, items, fragment):
    response = client.post("/v1/score/batch", json={"items": items})
    assert response.status_code == 422
    assert fragment in response.text


def test_as_of_applies_the_law_of_that_date(client):
    meme = ("Dogecoin is a meme coin created as a joke. It has no roadmap, no team and no utility; people hold it "
            "for fun and community.")
    before = client.post("/v1/score", json={"text": meme, "as_of": "2024-06-01"}).json()
    after = client.post("/v1/score", json={"text": meme, "as_of": "2025-06-01"}).json()
    assert (before["as_of"], after["as_of"]) == ("2024-06-01", "2025-06-01")
    rules = [{e["rule_id"] for f in answer["factors"] for e in f["evidence"]} for answer in (before, after)]
    assert "expectation_of_profits.meme_coin" in rules[1] - rules[0]
    future = client.post("/v1/score", json={"text": meme, "as_of": "2999-01-01"}).json()
    assert future["as_of"] == future["scored_at"][:10], "the law of a future day is today's"
    assert client.post("/v1/score", json={"text": meme, "as_of": 0}).status_code == 422, "no Unix times"
    batch = client.post("/v1/score/batch", json={"items": [{"id": "a", "text": meme, "as_of": "2024-06-01"},
                                                           {"id": "b", "text": meme}]}).json()["results"]
    assert batch[0]["as_of"] == "2024-06-01" and batch[1]["as_of"] == batch[1]["scored_at"][:10]
