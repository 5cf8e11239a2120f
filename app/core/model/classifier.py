"""The text classifier: what the rules cannot spell out, learned from the labeled summaries."""

from __future__ import annotations

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import Pipeline

# Function words say nothing to an analyst reading the top terms, but negations and modals do
# ("no interest", "will list", "cannot be transferred"), so those stay.
KEPT_FUNCTION_WORDS = frozenset({
    "no", "not", "nor", "never", "without", "none", "nothing", "cannot", "only", "own", "against",
    "will", "would", "can", "could", "may", "might", "must", "should", "more", "less", "up", "down",
})
STOP_WORDS = sorted(ENGLISH_STOP_WORDS - KEPT_FUNCTION_WORDS)


def build_text_pipeline(C: float = 4.0, random_state: int = 0) -> Pipeline:
    """Word uni- and bi-gram TF-IDF into a regularised logistic regression.

    Word features (not character n-grams) keep every coefficient readable as a term, so the
    explanation's top terms are exactly what moved the probability."""
    return Pipeline(
        [
            (
                "tfidf",
                TfidfVectorizer(
                    ngram_range=(1, 2),
                    sublinear_tf=True,
                    min_df=2,
                    strip_accents="unicode",
                    stop_words=STOP_WORDS,
                    token_pattern=r"(?u)\b[a-zA-Z][a-zA-Z0-9-]+\b",
                ),
            ),
            (
                "logreg",
                LogisticRegression(C=C, class_weight="balanced", max_iter=5000, random_state=random_state),
            ),
        ]
    )


def term_contributions(
    X: sparse.csr_matrix, row: int, coef: np.ndarray, terms: np.ndarray, k: int
) -> list[tuple[str, float]]:
    """The ``k`` terms of one document whose weight x coefficient moved its log-odds most."""
    start, end = X.indptr[row], X.indptr[row + 1]
    if start == end:
        return []
    indices = X.indices[start:end]
    contributions = X.data[start:end] * coef[indices]
    order = np.argsort(-np.abs(contributions), kind="stable")[:k]
    return [(str(terms[indices[i]]), round(float(contributions[i]), 4)) for i in order]
