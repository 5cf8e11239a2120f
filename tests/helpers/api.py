"""The score contract every surface that answers over HTTP keeps."""

import re

from app.core.engine.rulebook import current_fingerprint, short_version
from app.core.prongs import PRONGS

ANSWER_KEYS = {"risk_score", "risk_level", "prongs_with_evidence", "factors", "classifier", "similar_tokens", "model_version",
               "rulebook_version", "as_of", "request_id", "scored_at", "disclaimer"}
FILE_ANSWER_KEYS = ANSWER_KEYS | {"document", "text"}
AS_OF = re.compile(r"\d{4}-\d\d-\d\d")
RULEBOOK_VERSION = re.compile(r"rb-[0-9a-f]{7}")
SCORED_AT = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ")


def assert_contract(body: dict, text: str, keys: set[str] = ANSWER_KEYS) -> None:
    assert set(body) == keys
    assert 0 <= body["risk_score"] <= 1
    assert body["risk_level"] in {"low", "medium", "high", "insufficient_evidence"}
    assert body["prongs_with_evidence"] == sum(1 for factor in body["factors"] if factor["evidence"])
    assert [f["prong"] for f in body["factors"]] == [p.value for p in PRONGS]
    for factor in body["factors"]:
        assert factor["verdict"] in {"met", "not_met", "unclear"}
        for e in factor["evidence"]:
            assert text[e["start"] : e["end"]] == e["quote"]
            assert e["page"] is None or e["page"] >= 1
            assert e["rule_id"].startswith(factor["prong"] + ".")
    assert body["disclaimer"].startswith("Not legal advice")
    assert 0 <= body["classifier"]["probability"] <= 1
    assert RULEBOOK_VERSION.fullmatch(body["rulebook_version"]), body["rulebook_version"]
    assert body["rulebook_version"] == short_version(current_fingerprint()), "scored under other rules than these"
    assert SCORED_AT.fullmatch(body["scored_at"]), body["scored_at"]
    assert AS_OF.fullmatch(body["as_of"]) and body["scored_at"].startswith(body["as_of"])


ADMIN_KEY = "s3cret-key"
ADMIN = {"X-API-Key": ADMIN_KEY}


def upload(client, content: bytes):
    """POST a CSV file to /v1/score/csv as the page does (multipart field ``file``)."""
    return client.post("/v1/score/csv", files={"file": ("listings.csv", content, "text/csv")})
