"""Request bodies and the API's own envelopes (batches, model info, audit pages, errors) and the
examples the API docs show; the score answer itself is ``app.core.results.ScoreAnswer``, shared
with the CLI. Validation of single fields only, no request handling here."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, field_validator

from app.core.as_of import check_as_of
from app.core.data.listings import MAX_ID_CHARS, MAX_TEXT_CHARS, text_problem, visible_character_pattern
from app.core.data.table import csv_table
from app.core.prongs import Prong, RiskLevel, Verdict
from app.core.results import EXAMPLE_TEXT, MODEL_VERSION_EXAMPLE, RULEBOOK_VERSION_EXAMPLE, SCORE_EXAMPLE, ScoreAnswer

MAX_BATCH_ITEMS = 1000
# One visible character, spelled for JSON Schema: it documents the check for clients, while the
# validator makes it with a clearer message than a pattern mismatch.
NOT_BLANK = visible_character_pattern()
MAX_AUDIT_PAGE = 1000


def _iso_date_only(value: object) -> object:
    """Pydantic would also read a number as a Unix time; the contract says YYYY-MM-DD."""
    if value is not None and not isinstance(value, (str, date)):
        raise ValueError("as_of must be a date written YYYY-MM-DD")
    return value


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
    as_of: Annotated[date | None, BeforeValidator(_iso_date_only)] = Field(None, description="The date whose law the rules apply (YYYY-MM-DD; default: today, UTC); "
                                                 "a rule whose authority did not exist yet is left out.")

    @field_validator("as_of")
    @classmethod
    def _not_in_the_future(cls, as_of: date | None) -> date | None:
        return check_as_of(as_of)

    @field_validator("text")
    @classmethod
    def _scorable(cls, text: str) -> str:
        problem = text_problem(text)
        if problem is not None:
            raise ValueError(problem[1] if problem[1] != "the text is empty" else "text must contain something other than white space")
        return text


class BatchItem(ScoreRequest):
    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [{"id": "listing-1", "text": EXAMPLE_TEXT, "symbol": "ACME", "name": "Acme Token"}]})

    id: str = Field(..., min_length=1, max_length=MAX_ID_CHARS, description="The caller's identifier, returned with the item's result.")


class BatchRequest(BaseModel):
    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [{"items": [
        {"id": "listing-1", "text": EXAMPLE_TEXT, "symbol": "ACME"},
        {"id": "listing-2", "text": COMMODITY_EXAMPLE_TEXT, "symbol": "BTC", "name": "Bitcoin"},
    ]}]})

    items: list[BatchItem] = Field(..., min_length=1, max_length=MAX_BATCH_ITEMS)


class BatchResult(ScoreAnswer):
    model_config = ConfigDict(json_schema_extra={"examples": [{"id": "listing-1", **SCORE_EXAMPLE}]})

    id: str


class BatchResponse(BaseModel):
    model_config = ConfigDict(json_schema_extra={"examples": [
        {"model_version": MODEL_VERSION_EXAMPLE, "results": [{"id": "listing-1", **SCORE_EXAMPLE}]}
    ]})

    model_version: str
    results: list[BatchResult] = Field(..., description="One result per item, in the order of the items.")


CSV_EXAMPLE = csv_table([(
    "listing-1", "ACME", "Acme Token", SCORE_EXAMPLE["risk_score"], SCORE_EXAMPLE["risk_level"],
    SCORE_EXAMPLE["prongs_with_evidence"],
    *(cell for f in SCORE_EXAMPLE["factors"] for cell in (f["verdict"], f["score"], f["evidence"][0]["quote"])),
    SCORE_EXAMPLE["model_version"], SCORE_EXAMPLE["rulebook_version"], SCORE_EXAMPLE["as_of"], SCORE_EXAMPLE["scored_at"],
)])
CSV_UPLOAD_EXAMPLE = f'id,symbol,name,text\nlisting-1,ACME,Acme Token,"{EXAMPLE_TEXT}"\n'


class ModelInfo(BaseModel):
    model_config = ConfigDict(json_schema_extra={"examples": [{
        "model_version": MODEL_VERSION_EXAMPLE, "rulebook_version": RULEBOOK_VERSION_EXAMPLE,
        "trained_at": "2026-11-25T15:06:50Z",
        "data_sha256": "3f2a9c1e" + "0" * 56, "n_training_rows": 160,
        "metrics": {"combined": {"roc_auc": 0.97, "pr_auc": 0.99, "brier": 0.06, "f1": 0.94}},
        "thresholds": {"medium": 0.26, "high": 0.62, "decision": 0.34},
    }]})

    model_version: str
    rulebook_version: str = Field(..., description="The rulebook the model was trained under, which is the one running.")
    trained_at: str
    data_sha256: str
    n_training_rows: int
    metrics: dict
    thresholds: dict[str, float] = Field(
        ..., description="risk_level cut points: low below `medium`, high from `high`; `decision` is the best-F1 yes/no cut."
    )
    evaluated_at: str | None = Field(None, description="When the evaluation was run (UTC, ISO-8601).")
    data_as_of_range: list[str] | None = Field(None, description="The earliest and latest `as_of` of the training rows.")
    frozen_set: dict | None = Field(None, description="Figures on the frozen evaluation set no training run reads.")
    comparison: dict | None = Field(None, description="Against the version it replaced: each change with its 95% interval, "
                                                      "on paired cross-validation and on the frozen set.")


class Health(BaseModel):
    model_config = ConfigDict(json_schema_extra={"examples": [{"status": "ok"}]})

    status: Literal["ok"] = "ok"


class Unhealthy(BaseModel):
    model_config = ConfigDict(json_schema_extra={"examples": [
        {"status": "unavailable", "detail": "scoring is unavailable: the database howey.db cannot be written: database is locked"}
    ]})

    status: Literal["unavailable"] = "unavailable"
    detail: str


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
    verdicts: dict[Prong, Verdict]
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
