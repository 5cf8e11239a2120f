"""The trained model: the text classifier, the stacker that combines it with the four prong
scores into one calibrated risk, and the labeled tokens kept as precedents."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy import sparse
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedGroupKFold
from sklearn.preprocessing import normalize

from app.core.classifier import build_text_pipeline, term_contributions


@dataclass(frozen=True, slots=True)
class Precedent:
    symbol: str
    name: str
    label: str
    cases: str


@dataclass(frozen=True, slots=True)
class RiskThresholds:
    """``risk_level`` cut points on the calibrated risk score."""

    medium: float = 0.35
    high: float = 0.65

    def level(self, risk: float) -> str:
        return "high" if risk >= self.high else "medium" if risk >= self.medium else "low"


def stack_features(prong_scores: np.ndarray, text_probability: np.ndarray) -> np.ndarray:
    """What the stacker sees: the four prong scores, the weakest of them (the test is
    conjunctive: one clearly failing prong should pull the risk down) and the classifier's log-odds."""
    prong_scores = np.asarray(prong_scores, dtype=float).reshape(-1, 4)
    p = np.clip(np.asarray(text_probability, dtype=float).reshape(-1), 1e-6, 1 - 1e-6)
    return np.column_stack([prong_scores, prong_scores.min(axis=1), np.log(p / (1 - p))])


class HoweyModel:
    """Fit on texts, their rule-engine prong scores and labels; predict the risk of new texts.

    The prong scores are passed in rather than recomputed, because the scorer needs them for the
    explanation anyway and the rule engine is the most expensive step. The stacker is trained on
    out-of-fold classifier probabilities (grouped by action) so it never learns from a classifier
    that has seen the row."""

    def __init__(self, C: float = 4.0, n_splits: int = 5, random_state: int = 0, thresholds: RiskThresholds | None = None):
        self.C = C
        self.n_splits = n_splits
        self.random_state = random_state
        self.thresholds = thresholds or RiskThresholds()

    def out_of_fold_text_probability(self, texts: list[str], y: np.ndarray, groups: np.ndarray) -> np.ndarray:
        n_splits = min(self.n_splits, len(np.unique(groups)))
        oof = np.zeros(len(texts))
        splitter = StratifiedGroupKFold(n_splits=n_splits, shuffle=True, random_state=self.random_state)
        for train, test in splitter.split(texts, y, groups):
            pipe = build_text_pipeline(self.C, self.random_state)
            pipe.fit([texts[i] for i in train], y[train])
            oof[test] = pipe.predict_proba([texts[i] for i in test])[:, 1]
        return oof

    def fit(self, texts: list[str], prong_scores: np.ndarray, y, groups, precedents: list[Precedent]) -> HoweyModel:
        y = np.asarray(y, dtype=int)
        groups = np.asarray(groups)
        oof = self.out_of_fold_text_probability(texts, y, groups)
        self.stacker_ = LogisticRegression(C=1.0, max_iter=2000).fit(stack_features(prong_scores, oof), y)
        self.text_pipeline_ = build_text_pipeline(self.C, self.random_state).fit(texts, y)
        self.terms_ = self.text_pipeline_.named_steps["tfidf"].get_feature_names_out()
        self.precedents_ = list(precedents)
        self.precedent_vectors_ = normalize(self.vectorize(texts))
        return self

    def vectorize(self, texts: list[str]) -> sparse.csr_matrix:
        return self.text_pipeline_.named_steps["tfidf"].transform(texts)

    def text_probability(self, X: sparse.csr_matrix) -> np.ndarray:
        return self.text_pipeline_.named_steps["logreg"].predict_proba(X)[:, 1]

    def risk(self, prong_scores: np.ndarray, text_probability: np.ndarray) -> np.ndarray:
        return self.stacker_.predict_proba(stack_features(prong_scores, text_probability))[:, 1]

    def predict_proba(self, texts: list[str], prong_scores: np.ndarray) -> np.ndarray:
        risk = self.risk(prong_scores, self.text_probability(self.vectorize(texts)))
        return np.column_stack([1 - risk, risk])

    def top_terms(self, X: sparse.csr_matrix, row: int, k: int = 8) -> list[tuple[str, float]]:
        coef = self.text_pipeline_.named_steps["logreg"].coef_[0]
        return term_contributions(X, row, coef, self.terms_, k)

    def similar(self, X: sparse.csr_matrix, k: int = 5) -> list[list[tuple[Precedent, float]]]:
        """The ``k`` most similar labeled tokens (cosine similarity) for each row of ``X``."""
        sims = (normalize(X) @ self.precedent_vectors_.T).toarray()
        result = []
        for row in sims:
            best = np.argsort(-row, kind="stable")[:k]
            result.append([(self.precedents_[i], round(float(row[i]), 4)) for i in best if row[i] > 0])
        return result
