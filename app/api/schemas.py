"""Request and response bodies of the public contract (shared/contract.md) and the examples the
API docs show; validation of single fields only, no request handling here."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from app.core.listings import MAX_TEXT_CHARS
from app.core.prongs import DISCLAIMER

MAX_BATCH_ITEMS = 1000
# A character that str.strip() keeps, spelled for JSON Schema: it documents the blank-text check for
# clients, while the validator makes the check with a clearer message than a pattern mismatch.
NOT_BLANK = r"[^\t-\r\x1c-\x20\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]"
MAX_AUDIT_PAGE = 1000

ProngName = Literal["investment_of_money", "common_enterprise", "expectation_of_profits", "efforts_of_others"]
VerdictName = Literal["met", "not_met", "unclear"]
RiskLevel = Literal["low", "medium", "high"]

EXAMPLE_TEXT = (
    "Acme Labs sold ACME tokens in a public token sale for ETH, raising $20 million. "
    "Proceeds will fund development of the Acme network. Our team will build the marketplace "
    "and list ACME on major exchanges, and early buyers get a 30% bonus."
)
COMMODITY_EXAMPLE_TEXT = (
    "Bitcoin is a peer-to-peer electronic cash system with no central party. New coins are only "
    "created through proof-of-work mining. There was no premine and no token sale."
)


class ScoreRequest(BaseModel):
    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [{"text": EXAMPLE_TEXT, "symbol": "ACME", "name": "Acme Token"}]})

    text: str = Field(..., min_length=1, max_length=MAX_TEXT_CHARS, json_schema_extra={"pattern": NOT_BLANK},
                      description="Whitepaper summary, listing description or whole whitepaper; not only white space.")
    symbol: str | None = Field(None, max_length=64)
    name: str | None = Field(None, max_length=256)

    @field_validator("text")
    @classmethod
    def _not_blank(cls, text: str) -> str:
        if not text.strip():
            raise ValueError("text must contain something other than white space")
        return text


class BatchItem(ScoreRequest):
    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [{"id": "listing-1", "text": EXAMPLE_TEXT, "symbol": "ACME", "name": "Acme Token"}]})

    id: str = Field(..., min_length=1, max_length=256, description="The caller's identifier, returned with the item's result.")


class BatchRequest(BaseModel):
    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [{"items": [
        {"id": "listing-1", "text": EXAMPLE_TEXT, "symbol": "ACME"},
        {"id": "listing-2", "text": COMMODITY_EXAMPLE_TEXT, "symbol": "BTC", "name": "Bitcoin"},
    ]}]})

    items: list[BatchItem] = Field(..., min_length=1, max_length=MAX_BATCH_ITEMS)


class EvidenceOut(BaseModel):
    rule_id: str
    quote: str
    start: int
    end: int
    direction: Literal["supports", "weighs_against"]
    weight: float
    rationale: str
    authority: str


class FactorOut(BaseModel):
    prong: ProngName
    score: float
    verdict: VerdictName
    summary: str
    evidence: list[EvidenceOut]


class TermOut(BaseModel):
    term: str
    weight: float


class ClassifierOut(BaseModel):
    probability: float
    top_terms: list[TermOut]


class SimilarTokenOut(BaseModel):
    symbol: str
    name: str
    label: Literal["security", "not_security"]
    cases: str
    similarity: float


def _factor_example(prong: str, score: float, rule: str, quote: str, start: int, rationale: str) -> dict:
    return {
        "prong": prong, "score": score, "verdict": "met", "summary": f"Met: {rationale}",
        "evidence": [{"rule_id": f"{prong}.{rule}", "quote": quote, "start": start, "end": start + len(quote),
                      "direction": "supports", "weight": 0.7, "rationale": rationale,
                      "authority": "SEC Framework for 'Investment Contract' Analysis of Digital Assets (2019)"}],
    }


MODEL_VERSION_EXAMPLE = "2026-11-25T15:06:50Z-cb0680c"
SCORE_EXAMPLE = {
    "risk_score": 0.992,
    "risk_level": "high",
    "factors": [
        _factor_example("investment_of_money", 0.925, "token_sale", EXAMPLE_TEXT[0:79], 0,
                        "Tokens are sold for money or other crypto assets, which is an investment of money."),
        _factor_example("common_enterprise", 0.875, "pooled_proceeds", EXAMPLE_TEXT[80:131], 80,
                        "Sale proceeds pooled to build one network tie every buyer's fortune to that network."),
        _factor_example("expectation_of_profits", 0.9475, "profit_marketing", EXAMPLE_TEXT[132:235], 132,
                        "Marketing that stresses price growth or returns invites buyers to expect profits."),
        _factor_example("efforts_of_others", 0.85, "issuer_development", EXAMPLE_TEXT[132:235], 132,
                        "The issuer promises to build, improve or launch the network buyers depend on."),
    ],
    "classifier": {"probability": 0.857, "top_terms": [{"term": "buyers", "weight": 0.1347}, {"term": "sold", "weight": 0.0938}]},
    "similar_tokens": [{"symbol": "KIN", "name": "Kin", "label": "security", "cases": "SEC v. Kik Interactive Inc.", "similarity": 0.1299}],
    "model_version": MODEL_VERSION_EXAMPLE,
    "disclaimer": DISCLAIMER,
}


class ScoreResponse(BaseModel):
    model_config = ConfigDict(json_schema_extra={"examples": [SCORE_EXAMPLE]})

    risk_score: float = Field(..., ge=0, le=1, description="Calibrated probability the token would be treated as a security.")
    risk_level: RiskLevel
    factors: list[FactorOut] = Field(..., min_length=4, max_length=4)
    classifier: ClassifierOut
    similar_tokens: list[SimilarTokenOut]
    model_version: str
    disclaimer: str = Field(DISCLAIMER)


class BatchResult(ScoreResponse):
    model_config = ConfigDict(json_schema_extra={"examples": [{"id": "listing-1", **SCORE_EXAMPLE}]})

    id: str


class BatchResponse(BaseModel):
    model_config = ConfigDict(json_schema_extra={"examples": [
        {"model_version": MODEL_VERSION_EXAMPLE, "results": [{"id": "listing-1", **SCORE_EXAMPLE}]}
    ]})

    model_version: str
    results: list[BatchResult] = Field(..., description="One result per item, in the order of the items.")


CSV_EXAMPLE = (
    "id,symbol,name,risk_score,risk_level,investment_of_money_score,common_enterprise_score,"
    "expectation_of_profits_score,efforts_of_others_score\n"
    "listing-1,ACME,Acme Token,0.992,high,0.925,0.875,0.9475,0.85\n"
)
CSV_UPLOAD_EXAMPLE = f'id,symbol,name,text\nlisting-1,ACME,Acme Token,"{EXAMPLE_TEXT}"\n'


class ModelInfo(BaseModel):
    model_config = ConfigDict(json_schema_extra={"examples": [{
        "model_version": MODEL_VERSION_EXAMPLE, "trained_at": "2026-11-25T15:06:50Z",
        "data_sha256": "3f2a9c1e" + "0" * 56, "n_training_rows": 160,
        "metrics": {"combined": {"roc_auc": 0.97, "pr_auc": 0.99, "brier": 0.06, "f1": 0.94}},
        "thresholds": {"medium": 0.26, "high": 0.62, "decision": 0.34},
    }]})

    model_version: str
    trained_at: str
    data_sha256: str
    n_training_rows: int
    metrics: dict
    thresholds: dict[str, float] = Field(
        ..., description="risk_level cut points: low below `medium`, high from `high`; `decision` is the best-F1 yes/no cut."
    )


class Health(BaseModel):
    model_config = ConfigDict(json_schema_extra={"examples": [{"status": "ok"}]})

    status: Literal["ok"] = "ok"


class ReloadResponse(BaseModel):
    model_config = ConfigDict(json_schema_extra={"examples": [
        {"model_version": MODEL_VERSION_EXAMPLE, "previous_model_version": "2026-11-01T09:30:00Z-a1b2c3d"}
    ]})

    model_version: str = Field(..., description="The model now served.")
    previous_model_version: str = Field(..., description="The model this worker served before the reload.")


class AuditRow(BaseModel):
    id: int = Field(..., description="Rises with every score recorded.")
    scored_at: str = Field(..., description="UTC, ISO-8601.")
    request_id: str = Field(..., description="The X-Request-ID of the response that carried the score.")
    item_id: str | None = Field(..., description="The batch item's or CSV row's id; null for /v1/score.")
    model_version: str
    text_sha256: str = Field(..., description="SHA-256 of the UTF-8 text scored.")
    risk_score: float
    risk_level: RiskLevel
    verdicts: dict[ProngName, VerdictName]
    text: str | None = Field(..., description="The text itself, only when HOWEY_AUDIT_STORE_TEXT=1.")


class AuditPage(BaseModel):
    model_config = ConfigDict(json_schema_extra={"examples": [{
        "rows": [{
            "id": 41, "scored_at": "2026-11-25T16:02:11.052731Z", "request_id": "9b1c0c7e5f8a4e43b1d2a7c1f0e6d4b2",
            "item_id": None, "model_version": MODEL_VERSION_EXAMPLE, "text_sha256": "5d41402a" + "0" * 56,
            "risk_score": 0.992, "risk_level": "high",
            "verdicts": {"investment_of_money": "met", "common_enterprise": "met", "expectation_of_profits": "met",
                         "efforts_of_others": "met"},
            "text": None,
        }],
        "next_cursor": 41,
        "has_more": False,
    }]})

    rows: list[AuditRow] = Field(..., description="Oldest first.")
    next_cursor: int = Field(..., description="Pass as `cursor` to read the rows after this page.")
    has_more: bool = Field(..., description="Whether more rows were already waiting after this page.")


class ErrorMessage(BaseModel):
    """The body of every error the service raises itself (validation errors list their fields)."""

    detail: str


def _error(description: str) -> dict:
    """An error answer as OpenAPI documents it: always JSON, also on operations that answer CSV."""
    return {"description": description, "content": {"application/json": {"schema": ErrorMessage.model_json_schema()}}}


# Error answers documented on the operations that can give them.
TOO_LARGE = {413: _error("The request body is over the limit (2 MiB by default).")}
AUDIT_DOWN = {503: _error("The audit log cannot be written, so nothing is scored.")}
FORBIDDEN = {403: _error("X-API-Key is missing or wrong, or no HOWEY_API_KEY is set.")}
RELOAD_FAILED = {409: _error("The model directory cannot be loaded; the previous model keeps serving. The detail says why.")}
MALFORMED_MULTIPART = {400: _error("The multipart body is malformed; the detail says how.")}
