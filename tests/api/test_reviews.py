"""Reviews (header X-API-Key): an analyst agrees or overrides per prong and on the decision; the
review never changes the audit row; reviews of a score are kept in order; the agreement report
counts machine against analyst."""

import json
import random

import pytest

from app.core.prongs import PRONGS
from tests.helpers.api import ADMIN
from tests.helpers.texts import COMMODITY_TEXT, SECURITY_TEXT

PRONG_NAMES = [prong.value for prong in PRONGS]


def score(client, text=SECURITY_TEXT) -> dict:
    return client.post("/v1/score", json={"text": text}).json()


def review(client, request_id, **fields):
    return client.post("/v1/reviews", json={"request_id": request_id, "reviewer": "Ann", "decision": "security", **fields},
                       headers=ADMIN)


def test_a_review_is_stored_beside_the_score_it_never_changes(admin_app):
    client, _ = admin_app
    answer = score(client)
    before = client.get("/v1/audit", headers=ADMIN).json()["rows"]
    first = review(client, answer["request_id"], prongs={"efforts_of_others": "not_met"}, note="The team left.")
    assert first.status_code == 201
    body = first.json()
    assert body["request_id"] == answer["request_id"] and body["prongs"] == {"efforts_of_others": "not_met"}
    assert len(body["review_id"]) == 32 and body["created_at"].endswith("Z") and body["note"] == "The team left."
    second = review(client, answer["request_id"], reviewer="Bob", decision="undecided").json()
    assert client.get("/v1/audit", headers=ADMIN).json()["rows"] == before, "the audit row is untouched"
    history = client.get("/v1/reviews", params={"request_id": answer["request_id"]}, headers=ADMIN).json()["reviews"]
    assert [r["review_id"] for r in history] == [body["review_id"], second["review_id"]], "kept in the order made"
    page = client.get("/v1/reviews", params={"limit": 1}, headers=ADMIN).json()
    assert page["has_more"] and len(page["reviews"]) == 1
    rest = client.get("/v1/reviews", params={"cursor": page["next_cursor"]}, headers=ADMIN).json()
    assert [r["review_id"] for r in page["reviews"] + rest["reviews"]] == [body["review_id"], second["review_id"]]


def test_reviews_need_the_key_a_served_score_and_valid_fields(admin_app, client):
    admin, _ = admin_app
    answer = score(admin)
    assert admin.post("/v1/reviews", json={"request_id": answer["request_id"], "reviewer": "A", "decision": "security"}
                      ).status_code == 403
    assert admin.get("/v1/reviews").status_code == 403 and admin.get("/v1/reviews/agreement").status_code == 403
    assert client.get("/v1/reviews", headers=ADMIN).status_code == 403, "no key configured: always 403"
    missing = review(admin, "0" * 32)
    assert missing.status_code == 404 and "no score was served" in missing.json()["detail"]
    for bad in ({"reviewer": "   "}, {"decision": "maybe"}, {"prongs": {"investment_of_money": "yes"}},
                {"prongs": {"liquidity": "met"}}, {"text": " "}, {"color": "red"}):
        assert review(admin, answer["request_id"], **bad).status_code == 422, bad


def test_agreement_on_thirty_reviews(admin_app, output_dir):
    """Ten scores, three reviews each: the report counts each prong's verdicts against the
    machine's, and the decision against the machine's level (high: security; low: not)."""
    client, _ = admin_app
    rng = random.Random(17)
    expected_agree = {prong: [0, 0] for prong in PRONG_NAMES}
    expected_decision = [0, 0]
    for i in range(10):
        answer = score(client, SECURITY_TEXT if i % 2 else COMMODITY_TEXT)
        machine = {f["prong"]: f["verdict"] for f in answer["factors"]}
        machine_decision = {"high": "security", "low": "not_security"}.get(answer["risk_level"], "undecided")
        for _ in range(3):
            prongs = {p: rng.choice(["met", "not_met", "unclear"]) for p in PRONG_NAMES if rng.random() < 0.8}
            decision = rng.choice(["security", "not_security", "undecided"])
            assert review(client, answer["request_id"], prongs=prongs, decision=decision).status_code == 201
            for prong, verdict in prongs.items():
                expected_agree[prong][0] += verdict == machine[prong]
                expected_agree[prong][1] += 1
            expected_decision[0] += decision == machine_decision
            expected_decision[1] += 1
    report = client.get("/v1/reviews/agreement", headers=ADMIN).json()
    assert report["reviews"] == 30
    for prong, (agreed, total) in expected_agree.items():
        assert report["prongs"][prong]["reviewed"] == total
        assert report["prongs"][prong]["agreement"] == pytest.approx(round(agreed / total, 3))
        assert sum(report["prongs"][prong]["confusion"].values()) == total
    assert report["decision"]["agreement"] == pytest.approx(round(expected_decision[0] / 30, 3))
    (output_dir / "review-agreement.json").write_text(json.dumps(report, indent=2))
