"""The middleware every answer passes: a request id on each, and 413 for a body over the limit."""

import pytest


def test_every_answer_carries_a_request_id(client):
    ids = {client.get("/healthz").headers["x-request-id"], client.post("/v1/score", json={}).headers["x-request-id"]}
    assert len(ids) == 2 and all(len(i) == 32 for i in ids)


@pytest.mark.parametrize("chunked", [False, True])
def test_a_body_over_2_mib_is_413(client, chunked):
    body = b"x" * (2 * 1024 * 1024 + 1)
    content = iter([body[:1_000_000], body[1_000_000:]]) if chunked else body
    response = client.post("/v1/score", content=content, headers={"content-type": "application/json"})
    assert response.status_code == 413
    assert "larger than the limit of 2097152 bytes" in response.json()["detail"]
