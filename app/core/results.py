"""The answer to "how likely is this a security, and why": one schema, defined once. The scorer
builds its answers by calling these typed dictionaries (a plain dict each, cheap enough for every
request) and the API documents them with the same types through pydantic, so the answer and its
documentation cannot drift apart; the enums come from ``prongs``. ``ANSWER`` validates an answer
against the schema (the tests do, on every surface). No FastAPI here: the CLI and batch scoring use
the same answer."""

from typing import Annotated

from pydantic import ConfigDict, Field, TypeAdapter, with_config
from typing_extensions import TypedDict  # pydantic reads its field annotations on Python 3.11

from app.core.prongs import DISCLAIMER, Direction, Label, Prong, RiskLevel, Verdict

EXAMPLE_TEXT = (
    "Acme Labs sold ACME tokens in a public token sale for ETH, raising $20 million. "
    "Proceeds will fund development of the Acme network. Our team will build the marketplace "
    "and list ACME on major exchanges, and early buyers get a 30% bonus."
)
MODEL_VERSION_EXAMPLE = "2026-11-25T15:06:50Z-cb0680c"
RULEBOOK_VERSION_EXAMPLE = "rb-6b9360d"


class EvidenceItem(TypedDict):
    rule_id: str
    quote: Annotated[str, Field(description="Exactly text[start:end].")]
    start: Annotated[int, Field(description="Offset of the quote in the text, in Unicode code points.")]
    end: int
    page: Annotated[int | None, Field(description="The 1-based PDF page the quote is on; null for text, Markdown and HTML.")]
    direction: Direction
    weight: float
    rationale: str
    authority: str


class Factor(TypedDict):
    prong: Prong
    score: Annotated[float, Field(ge=0, le=1)]
    verdict: Verdict
    summary: str
    evidence: Annotated[list[EvidenceItem], Field(description="Strongest first.")]


class Term(TypedDict):
    term: str
    weight: Annotated[float, Field(description="How much the term moved the classifier's log-odds.")]


class ClassifierPart(TypedDict):
    probability: float
    top_terms: list[Term]


class SimilarToken(TypedDict):
    symbol: str
    name: str
    unit: Annotated[str, Field(description="The unit of sale the label belongs to: what was sold, to whom, how, when "
                                           "(one token can have several, e.g. XRP's institutional and programmatic sales).")]
    channel: Annotated[str, Field(description="primary_sale, secondary_market, airdrop, mining, staking_program, "
                                              "lending_program, registered_offering or other.")]
    label: Label
    cases: str
    label_basis: Annotated[str, Field(description="What the label rests on: sec_complaint, sec_settled_order, court_ruling, "
                                                  "sec_no_action_letter, sec_staff_statement, cftc_action, closed_investigation, "
                                                  "registered_offering, analyst_review, sec_interpretive_release or other.")]
    disposition: Annotated[str, Field(description="How the action ended: judgment_for_sec, default_judgment, settled, "
                                                  "dismissed_by_sec, dismissed_by_court, pending, ruled_not_security or not_applicable.")]
    first_action_date: str
    as_of: Annotated[str, Field(description="The date the label reflects (an allegation when made, a ruling when given).")]
    source_url: str
    similarity: float


def _factor_example(prong: str, score: float, rule: str, quote: str, start: int, rationale: str) -> dict:
    return {
        "prong": prong, "score": score, "verdict": "met", "summary": f"Met: {rationale}",
        "evidence": [{"rule_id": f"{prong}.{rule}", "quote": quote, "start": start, "end": start + len(quote), "page": None,
                      "direction": "supports", "weight": 0.7, "rationale": rationale,
                      "authority": "SEC Framework for 'Investment Contract' Analysis of Digital Assets (2019)"}],
    }


SCORE_EXAMPLE = {
    "risk_score": 0.992,
    "risk_level": "high",
    "prongs_with_evidence": 4,
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
    "similar_tokens": [{"symbol": "KIN", "name": "Kin", "unit": "Kin presale (SAFTs) and public token distribution event, 2017",
                        "channel": "primary_sale", "label": "security",
                        "cases": "SEC v. Kik Interactive Inc., No. 1:19-cv-05244 (S.D.N.Y.)",
                        "label_basis": "court_ruling", "disposition": "judgment_for_sec", "first_action_date": "2019-06-04",
                        "as_of": "2020-09-30", "source_url": "https://www.sec.gov/news/press-release/2019-87",
                        "similarity": 0.1299}],
    "model_version": MODEL_VERSION_EXAMPLE,
    "rulebook_version": RULEBOOK_VERSION_EXAMPLE,
    "as_of": "2026-11-29",
    "request_id": "3f9c1e0a8b7d4c2e9f1a6b5c4d3e2f10",
    "scored_at": "2026-11-29T10:15:02Z",
    "disclaimer": DISCLAIMER,
}


@with_config(ConfigDict(json_schema_extra={"examples": [SCORE_EXAMPLE]}))
class ScoreAnswer(TypedDict):
    """One document's score, its four prong factors with their evidence, and its provenance."""

    risk_score: Annotated[float, Field(ge=0, le=1, description="Calibrated probability the token would be treated as a security.")]
    risk_level: Annotated[RiskLevel, Field(description="The risk score in words, by the model's thresholds (GET /v1/model), "
                                           "or insufficient_evidence when fewer than two prongs have evidence and none is not met.")]
    prongs_with_evidence: Annotated[int, Field(ge=0, le=4, description="How many of the four prongs have any evidence.")]
    factors: Annotated[list[Factor], Field(min_length=4, max_length=4, description="The four Howey prongs, in the order of the test.")]
    classifier: ClassifierPart
    similar_tokens: list[SimilarToken]
    model_version: str
    rulebook_version: Annotated[str, Field(description="The rules and engine constants that produced the evidence.")]
    as_of: Annotated[str, Field(description="The date (YYYY-MM-DD) whose law the rules applied: the request's as_of, "
                                           "or the day it was scored.")]
    request_id: Annotated[str | None, Field(description="The request that produced the answer (as in X-Request-ID and the "
                                                         "audit log); null on the command line.")]
    scored_at: Annotated[str, Field(description="When the score was computed: UTC, ISO-8601.")]
    disclaimer: Annotated[str, Field(description="Not legal advice, and what the labels behind the model are.")]


class DocumentInfo(TypedDict):
    filename: str
    media_type: Annotated[str, Field(description="application/pdf, text/markdown, text/html or text/plain.")]
    pages: Annotated[int | None, Field(description="A PDF's page count; null for a file without pages.")]
    characters: Annotated[int, Field(description="Length of the extracted text.")]


class FileScoreAnswer(ScoreAnswer):
    """A file's score: the answer for its extracted text, what was read, and that text."""

    document: DocumentInfo
    text: Annotated[str, Field(description="The text the offsets refer to: a PDF's pages joined by a blank line, "
                                           "or the file itself.")]


ANSWER = TypeAdapter(ScoreAnswer)
FILE_ANSWER = TypeAdapter(FileScoreAnswer)
