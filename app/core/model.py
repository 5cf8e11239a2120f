"""The trained model: the text classifier, the stacker that combines it with the four prong
scores into one calibrated risk, and the labeled tokens kept as precedents."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy import sparse
from scipy.special import expit
from sklearn.base import BaseEstimator, ClassifierMixin
from sklearn.feature_extraction.text import CountVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import log_loss
from sklearn.model_selection import StratifiedGroupKFold
from sklearn.preprocessing import normalize
from sklearn.utils.multiclass import check_classification_targets
from sklearn.utils.sparsefuncs_fast import inplace_csr_row_normalize_l2
from sklearn.utils.validation import check_is_fitted, validate_data

from app.core.classifier import build_text_pipeline, term_contributions


@dataclass(frozen=True, slots=True)
class Precedent:
    symbol: str
    name: str
    label: str
    cases: str


@dataclass(frozen=True, slots=True)
class RiskThresholds:
    """Cut points on the calibrated risk: ``medium`` and ``high`` for ``risk_level``, and
    ``decision`` for a yes/no call (the F1-optimal point on training predictions)."""

    medium: float = 0.35
    high: float = 0.65
    decision: float = 0.5

    def level(self, risk: float) -> str:
        return "high" if risk >= self.high else "medium" if risk >= self.medium else "low"

    @classmethod
    def from_validation(cls, y: np.ndarray, risk: np.ndarray, precision: float = 0.95) -> RiskThresholds:
        """``high`` is the lowest cut at or above which at least ``precision`` of tokens are
        securities, ``medium`` the highest cut under which at most ``1 - precision`` are; the
        calibrated middle (0.4 to 0.6) always stays `medium`, so `high` means more likely than not.
        ``decision`` maximises F1. Chosen on out-of-fold predictions of the training rows only, so
        a test fold never sets its own thresholds."""
        cuts = np.round(np.arange(0.05, 0.96, 0.01), 2)
        high = next((c for c in cuts if c >= 0.6 and (risk >= c).any() and y[risk >= c].mean() >= precision), 0.95)
        below = [c for c in cuts if c <= 0.4 and (risk < c).any() and y[risk < c].mean() <= 1 - precision]
        medium = max(below) if below else 0.05
        decision = float(cuts[int(np.argmax([f1_at(y, risk >= c) for c in cuts]))])
        return cls(medium=float(medium), high=float(high), decision=decision)


def f1_at(y: np.ndarray, predicted: np.ndarray) -> float:
    """F1 of boolean predictions (0 when nothing is predicted positive), cheap enough to scan cuts."""
    tp = float(np.sum(predicted & (y == 1)))
    return 0.0 if tp == 0 else 2 * tp / (2 * tp + np.sum(predicted & (y == 0)) + np.sum(~predicted & (y == 1)))


class ProngStacker(ClassifierMixin, BaseEstimator):
    """Logistic regression over the prong scores and the classifier's log-odds (the last
    column), plus the weakest prong score: the Howey test is conjunctive, so one prong that
    clearly fails must be able to pull the risk down whatever the others say. A logistic
    model on out-of-fold inputs gives calibrated probabilities (measured by Brier score and a
    reliability table in the evaluation)."""

    def __init__(self, C: float = 1.0):
        self.C = C

    @staticmethod
    def with_weakest(X: np.ndarray) -> np.ndarray:
        return np.column_stack([X, X[:, :-1].min(axis=1)]) if X.shape[1] >= 2 else X

    def fit(self, X, y):
        X, y = validate_data(self, X, y, reset=True)
        check_classification_targets(y)
        self.logreg_ = LogisticRegression(C=self.C, max_iter=2000).fit(self.with_weakest(X), y)
        self.classes_ = self.logreg_.classes_
        return self

    def predict_proba(self, X):
        check_is_fitted(self)
        X = validate_data(self, X, reset=False)
        return self.logreg_.predict_proba(self.with_weakest(X))

    def predict(self, X):
        probability = self.predict_proba(X)
        return self.classes_[np.argmax(probability, axis=1)]


def positive_probability(logreg: LogisticRegression, X) -> np.ndarray:
    """A fitted binary logistic regression's ``predict_proba(X)[:, 1]``, for trusted input."""
    return expit(X @ logreg.coef_[0] + logreg.intercept_[0])


def stack_features(prong_scores: np.ndarray, text_probability: np.ndarray) -> np.ndarray:
    """The stacker's input: four prong scores, then the classifier's log-odds."""
    prong_scores = np.asarray(prong_scores, dtype=float).reshape(-1, 4)
    p = np.clip(np.asarray(text_probability, dtype=float).reshape(-1), 1e-6, 1 - 1e-6)
    return np.column_stack([prong_scores, np.log(p / (1 - p))])


def grouped_folds(y: np.ndarray, groups: np.ndarray, n_splits: int, random_state: int) -> list:
    """Stratified folds that never split a group (an action) across train and test."""
    n_splits = min(n_splits, len(np.unique(groups)))
    splitter = StratifiedGroupKFold(n_splits=n_splits, shuffle=True, random_state=random_state)
    return list(splitter.split(np.zeros(len(y)), y, groups))


class HoweyModel:
    """Fit on texts, their rule-engine prong scores and labels; predict the risk of new texts.

    The prong scores are passed in rather than recomputed, because the scorer needs them for the
    explanation anyway and the rule engine is the most expensive step. The stacker learns from
    out-of-fold classifier probabilities (folds grouped by action), so it never learns from a
    classifier that has seen the row, and the risk-level thresholds come from out-of-fold risks."""

    def __init__(self, Cs: tuple[float, ...] = (0.5, 1.0, 2.0, 4.0, 8.0), n_splits: int = 5, random_state: int = 0):
        self.Cs = Cs
        self.n_splits = n_splits
        self.random_state = random_state

    def _out_of_fold_text_probability(self, texts: list[str], y: np.ndarray, folds: list, C: float) -> np.ndarray:
        oof = np.zeros(len(texts))
        for train, test in folds:
            pipe = build_text_pipeline(C, self.random_state).fit([texts[i] for i in train], y[train])
            oof[test] = pipe.predict_proba([texts[i] for i in test])[:, 1]
        return oof

    def fit(self, texts: list[str], prong_scores: np.ndarray, y, groups, precedents: list[Precedent]) -> HoweyModel:
        y = np.asarray(y, dtype=int)
        groups = np.asarray(groups)
        folds = grouped_folds(y, groups, self.n_splits, self.random_state)
        best_loss = np.inf
        for C in self.Cs:  # the classifier's regularisation, chosen by grouped CV of the combined risk on the training rows
            features = stack_features(prong_scores, self._out_of_fold_text_probability(texts, y, folds, C))
            oof_risk = np.zeros(len(y))
            for train, test in folds:
                oof_risk[test] = ProngStacker().fit(features[train], y[train]).predict_proba(features[test])[:, 1]
            loss = log_loss(y, oof_risk)
            if loss < best_loss:
                best_loss, self.C_, best_features, best_risk = loss, C, features, oof_risk
        self.thresholds_ = RiskThresholds.from_validation(y, best_risk)
        self.stacker_ = ProngStacker().fit(best_features, y)
        self.text_pipeline_ = build_text_pipeline(self.C_, self.random_state).fit(texts, y)
        self.terms_ = self.text_pipeline_.named_steps["tfidf"].get_feature_names_out()
        self.precedents_ = list(precedents)
        self.precedent_vectors_ = normalize(self.vectorize(texts))
        return self

    # The scorer's inference path. It computes exactly what the pipeline's ``transform`` and
    # ``predict_proba`` compute (a test holds them equal), but skips their per-call input
    # validation, which for the few texts of one request costs several times the arithmetic:
    # the inputs here are built by this code and known to be well-formed.

    def vectorize(self, texts: list[str]) -> sparse.csr_matrix:
        """The pipeline's TF-IDF rows: its vectorizer's term counts, then its sublinear tf, idf
        and l2 steps (the settings ``build_text_pipeline`` fixes)."""
        tfidf = self.text_pipeline_.named_steps["tfidf"]
        X = CountVectorizer.transform(tfidf, texts).astype(np.float64, copy=False)
        np.log(X.data, X.data)
        X.data += 1.0
        X.data *= tfidf.idf_[X.indices]
        inplace_csr_row_normalize_l2(X)
        return X

    def text_probability(self, X: sparse.csr_matrix) -> np.ndarray:
        return positive_probability(self.text_pipeline_.named_steps["logreg"], X)

    def risk(self, prong_scores: np.ndarray, text_probability: np.ndarray) -> np.ndarray:
        features = ProngStacker.with_weakest(stack_features(prong_scores, text_probability))
        return positive_probability(self.stacker_.logreg_, features)

    def top_terms(self, X: sparse.csr_matrix, row: int, k: int = 8) -> list[tuple[str, float]]:
        coef = self.text_pipeline_.named_steps["logreg"].coef_[0]
        return term_contributions(X, row, coef, self.terms_, k)

    def similar(self, X: sparse.csr_matrix, k: int = 5) -> list[list[tuple[Precedent, float]]]:
        """The ``k`` most similar labeled tokens (cosine similarity) for each row of ``X``."""
        sims = (X @ self.precedent_vectors_.T).toarray()  # TF-IDF rows are already unit length
        result = []
        for row in sims:
            best = np.argsort(-row, kind="stable")[:k]
            result.append([(self.precedents_[i], round(float(row[i]), 4)) for i in best if row[i] > 0])
        return result
