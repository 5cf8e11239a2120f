"""One scorer for every surface (API, CLI, batch, page): the rule engine's four prong
assessments, the classifier, and the stacked risk, assembled into one explained result."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np

from app.core import artifacts
from app.core.engine import ProngAssessment, RuleEngine
from app.core.model import HoweyModel, Precedent
from app.core.prongs import DISCLAIMER

TOP_TERMS = 8
SIMILAR_TOKENS = 5


@dataclass(frozen=True, slots=True)
class ScoreResult:
    risk_score: float
    risk_level: str
    factors: list[ProngAssessment]
    probability: float
    top_terms: list[tuple[str, float]]
    similar_tokens: list[tuple[Precedent, float]]
    model_version: str

    def to_dict(self) -> dict:
        """The contract's response body."""
        return {
            "risk_score": self.risk_score,
            "risk_level": self.risk_level,
            "factors": [
                {
                    "prong": factor.prong.value,
                    "score": factor.score,
                    "verdict": factor.verdict.value,
                    "summary": factor.summary,
                    "evidence": [
                        {
                            "rule_id": e.rule_id,
                            "quote": e.quote,
                            "start": e.start,
                            "end": e.end,
                            "direction": e.direction.value,
                            "weight": e.weight,
                            "rationale": e.rationale,
                            "authority": e.authority,
                        }
                        for e in factor.evidence
                    ],
                }
                for factor in self.factors
            ],
            "classifier": {
                "probability": self.probability,
                "top_terms": [{"term": term, "weight": weight} for term, weight in self.top_terms],
            },
            "similar_tokens": [
                {
                    "symbol": p.symbol,
                    "name": p.name,
                    "label": p.label,
                    "cases": p.cases,
                    "similarity": similarity,
                }
                for p, similarity in self.similar_tokens
            ],
            "model_version": self.model_version,
            "disclaimer": DISCLAIMER,
        }


class Scorer:
    """Scores texts with a loaded model; stateless apart from the model it holds."""

    def __init__(self, model: HoweyModel, model_version: str, engine: RuleEngine | None = None):
        self.model = model
        self.model_version = model_version
        self.engine = engine or RuleEngine()

    def score(self, text: str) -> ScoreResult:
        return self.score_many([text])[0]

    def score_many(self, texts: list[str], explain: bool = True) -> list[ScoreResult]:
        """Score a batch: the classifier and the similarity search run once for all texts.
        ``explain=False`` leaves out top terms and similar tokens (bulk scoring needs neither)."""
        if not texts:
            return []
        assessments = [self.engine.assess(text) for text in texts]
        prong_scores = np.array([[a.score for a in factors] for factors in assessments])
        X = self.model.vectorize(texts)
        probability = self.model.text_probability(X)
        risk = self.model.risk(prong_scores, probability)
        similar = self.model.similar(X, SIMILAR_TOKENS) if explain else [[] for _ in texts]
        return [
            ScoreResult(
                risk_score=round(float(risk[i]), 4),
                risk_level=self.model.thresholds_.level(float(risk[i])),
                factors=assessments[i],
                probability=round(float(probability[i]), 4),
                top_terms=self.model.top_terms(X, i, TOP_TERMS) if explain else [],
                similar_tokens=similar[i],
                model_version=self.model_version,
            )
            for i in range(len(texts))
        ]


def load_scorer(model_dir: Path | str) -> tuple[Scorer, dict]:
    """A scorer for the verified model in ``model_dir`` and its manifest (raises ModelIntegrityError)."""
    loaded = artifacts.load(model_dir)
    return Scorer(loaded.model, loaded.version), loaded.manifest
