"""One scorer for every surface (API, CLI, batch, page): the rule engine's four prong
assessments, the classifier, and the stacked risk, assembled into one explained result."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

import numpy as np
import pydantic_core

from app.core.engine.rule_engine import RuleEngine
from app.core.engine.rulebook import short_version
from app.core.engine.weighing import ProngAssessment, enough_evidence, prongs_with_evidence
from app.core.model import artifacts
from app.core.model.howey_model import HoweyModel
from app.core.model.precedents import Precedent
from app.core.prongs import DISCLAIMER, Label, RiskLevel
from app.core.results import ClassifierPart, EvidenceItem, Factor, ScoreAnswer, SimilarToken, Term

TOP_TERMS = 8
SIMILAR_TOKENS = 5


def _no_page(offset: int) -> None:
    return None


@dataclass(frozen=True, slots=True)
class ScoreResult:
    """A score as the scorer computes it; ``answer()`` words it in the public schema (bulk scoring
    reads the fields directly and never builds the answer)."""

    risk_score: float
    risk_level: RiskLevel
    factors: list[ProngAssessment]
    probability: float
    top_terms: list[tuple[str, float]]
    similar_tokens: list[tuple[Precedent, float]]
    model_version: str
    rulebook_version: str
    scored_at: str
    as_of: str  # the date whose law the rules applied (YYYY-MM-DD)

    @property
    def prongs_with_evidence(self) -> int:
        return prongs_with_evidence(self.factors)

    def answer(self, request_id: str | None = None, page_of: Callable[[int], int | None] = _no_page) -> ScoreAnswer:
        """The public answer, built as the schema's typed dictionaries (the tests validate answers
        against the schema on every surface). ``page_of`` maps an offset to its PDF page."""
        return ScoreAnswer(
            risk_score=self.risk_score,
            risk_level=self.risk_level,
            prongs_with_evidence=self.prongs_with_evidence,
            factors=[
                Factor(prong=factor.prong, score=factor.score, verdict=factor.verdict, summary=factor.summary,
                       evidence=[EvidenceItem(rule_id=e.rule_id, quote=e.quote, start=e.start, end=e.end,
                                              page=page_of(e.start), direction=e.direction, weight=e.weight, rationale=e.rationale,
                                              authority=e.authority)
                                 for e in factor.evidence])
                for factor in self.factors
            ],
            classifier=ClassifierPart(probability=self.probability,
                                      top_terms=[Term(term=term, weight=weight) for term, weight in self.top_terms]),
            similar_tokens=[SimilarToken(symbol=p.symbol, name=p.name, unit=p.unit, channel=p.channel,
                                         label=Label(p.label), cases=p.cases, label_basis=p.label_basis,
                                         disposition=p.disposition, first_action_date=p.first_action_date,
                                         as_of=p.as_of, source_url=p.source_url, similarity=similarity)
                            for p, similarity in self.similar_tokens],
            model_version=self.model_version,
            rulebook_version=self.rulebook_version,
            as_of=self.as_of,
            request_id=request_id,
            scored_at=self.scored_at,
            disclaimer=DISCLAIMER,
        )

    def to_json(self, request_id: str | None = None) -> bytes:
        return pydantic_core.to_json(self.answer(request_id))


class Scorer:
    """Scores texts with a loaded model; stateless apart from the model it holds."""

    def __init__(self, model: HoweyModel, model_version: str, engine: RuleEngine | None = None):
        self.model = model
        self.model_version = model_version
        self.engine = engine or RuleEngine()
        self.rulebook_version = short_version(self.engine.fingerprint)

    def score(self, text: str, as_of: date | None = None) -> ScoreResult:
        return self.score_many([text], as_of=[as_of])[0]

    def score_many(self, texts: list[str], explain: bool = True,
                   as_of: Sequence[date | None] | None = None) -> list[ScoreResult]:
        """Score a batch: the classifier and the similarity search run once for all texts.
        ``explain=False`` leaves out top terms and similar tokens (bulk scoring needs neither).
        ``as_of`` gives each text the date whose law applies (None: today): the rules not yet in
        force then are left out; the classifier is the one trained on today's data."""
        if not texts:
            return []
        scored_at = utc_now()
        today = date.fromisoformat(scored_at[:10])
        dates = [when or today for when in (as_of or [None] * len(texts))]
        assessments = [self.engine.assess(text, when if when != today else None) for text, when in zip(texts, dates, strict=True)]
        prong_scores = np.array([[a.score for a in factors] for factors in assessments])
        X = self.model.vectorize(texts)
        probability = self.model.text_probability(X)
        risk = self.model.risk(prong_scores, probability)
        similar = self.model.similar(X, SIMILAR_TOKENS) if explain else [[] for _ in texts]
        return [
            ScoreResult(
                risk_score=round(float(risk[i]), 4),
                risk_level=(self.model.thresholds_.level(float(risk[i])) if enough_evidence(assessments[i])
                            else RiskLevel.INSUFFICIENT_EVIDENCE),
                factors=assessments[i],
                probability=round(float(probability[i]), 4),
                top_terms=self.model.top_terms(X, i, TOP_TERMS) if explain else [],
                similar_tokens=similar[i],
                model_version=self.model_version,
                rulebook_version=self.rulebook_version,
                scored_at=scored_at,
                as_of=dates[i].isoformat(),
            )
            for i in range(len(texts))
        ]


def utc_now() -> str:
    """The time of a score: UTC, ISO-8601 to the second."""
    return datetime.now(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def load_scorer(model_dir: Path | str, engine: RuleEngine | None = None,
                pinned_sha256: str | None = None) -> tuple[Scorer, dict]:
    """A scorer for the verified model in ``model_dir`` and its manifest. Raises ModelIntegrityError,
    and RulebookMismatch when the model was trained under other rules than ``engine`` runs."""
    engine = engine or RuleEngine()
    loaded = artifacts.load(model_dir, rulebook=engine.fingerprint, pinned_sha256=pinned_sha256)
    return Scorer(loaded.model, loaded.version, engine), loaded.manifest
