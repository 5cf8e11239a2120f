"""Request and response bodies of the public contract (shared/contract.md); no logic here."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from app.core.prongs import DISCLAIMER

MAX_TEXT_CHARS = 100_000

ProngName = Literal["investment_of_money", "common_enterprise", "expectation_of_profits", "efforts_of_others"]

EXAMPLE_TEXT = (
    "Acme Labs sold ACME tokens in a public token sale for ETH, raising $20 million. "
    "Proceeds will fund development of the Acme network. Our team will build the marketplace "
    "and list ACME on major exchanges, and early buyers get a 30% bonus."
)


class ScoreRequest(BaseModel):
    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [{"text": EXAMPLE_TEXT, "symbol": "ACME", "name": "Acme Token"}]})

    text: str = Field(..., min_length=1, max_length=MAX_TEXT_CHARS, description="Whitepaper summary, listing description or whole whitepaper.")
    symbol: str | None = Field(None, max_length=64)
    name: str | None = Field(None, max_length=256)

    @field_validator("text")
    @classmethod
    def _not_blank(cls, text: str) -> str:
        if not text.strip():
            raise ValueError("text must contain something other than white space")
        return text


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
    verdict: Literal["met", "not_met", "unclear"]
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


class ScoreResponse(BaseModel):
    risk_score: float = Field(..., ge=0, le=1, description="Calibrated probability the token would be treated as a security.")
    risk_level: Literal["low", "medium", "high"]
    factors: list[FactorOut] = Field(..., min_length=4, max_length=4)
    classifier: ClassifierOut
    similar_tokens: list[SimilarTokenOut]
    model_version: str
    disclaimer: str = Field(DISCLAIMER)


class ModelInfo(BaseModel):
    model_version: str
    trained_at: str
    data_sha256: str
    n_training_rows: int
    metrics: dict


class Health(BaseModel):
    status: Literal["ok"] = "ok"
