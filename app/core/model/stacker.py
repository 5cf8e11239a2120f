"""The stacker: one calibrated risk from the four prong scores and the text classifier."""

from __future__ import annotations

import numpy as np
from scipy.special import expit
from sklearn.base import BaseEstimator, ClassifierMixin
from sklearn.linear_model import LogisticRegression
from sklearn.utils.multiclass import check_classification_targets
from sklearn.utils.validation import check_is_fitted, validate_data


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


def stack_features(prong_scores: np.ndarray, text_probability: np.ndarray, text_weight: float = 1.0) -> np.ndarray:
    """The stacker's input: four prong scores, then the classifier's log-odds times ``text_weight``
    (below 1, the stacker's regularisation holds the classifier's say down more than the rules')."""
    prong_scores = np.asarray(prong_scores, dtype=float).reshape(-1, 4)
    p = np.clip(np.asarray(text_probability, dtype=float).reshape(-1), 1e-6, 1 - 1e-6)
    return np.column_stack([prong_scores, text_weight * np.log(p / (1 - p))])
