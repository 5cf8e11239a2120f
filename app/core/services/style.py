"""The style shortcut: can the label be read off how a summary is written rather than what the
offering did? If a classifier that sees only function words ("the", "of", "would", "was"...)
separates the labels, the model can learn the writers' habits instead of the Howey facts; if one
label's summaries recite what the token lacks ("no presale, no team") and the other's do not, an
issuer can game the score by copying the checklist. Both are measured here, on the dataset's
summaries, in folds grouped by action like every other evaluation."""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np
from sklearn.feature_extraction.text import CountVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import GridSearchCV, StratifiedKFold
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import Normalizer

from app.core.model.howey_model import grouped_folds
from app.core.services.training import action_groups

# English function words: articles, pronouns, prepositions, conjunctions, auxiliaries and modals,
# and common adverbs of degree and time. No negations: those are measured on their own below, and
# leaving them out keeps this figure about style rather than about absent features.
FUNCTION_WORDS = tuple(sorted({
    "a", "an", "the", "this", "that", "these", "those", "some", "any", "each", "every", "all", "both",
    "either", "other", "such", "own", "same", "it", "its", "they", "them", "their", "he", "she", "his",
    "her", "we", "our", "us", "you", "your", "who", "whom", "whose", "which", "what", "there", "here",
    "of", "in", "on", "at", "to", "for", "from", "by", "with", "as", "into", "onto", "about", "over",
    "under", "after", "before", "between", "through", "during", "against", "within", "per", "via",
    "upon", "than", "and", "or", "but", "so", "yet", "if", "because", "while", "when", "where",
    "whether", "although", "though", "until", "unless", "once", "since", "be", "is", "are", "was",
    "were", "been", "being", "am", "has", "have", "had", "having", "do", "does", "did", "will", "would",
    "shall", "should", "can", "could", "may", "might", "must", "also", "only", "just", "then", "later",
    "again", "still", "even", "very", "more", "most", "much", "many", "few", "less",
}))
NEGATION_WORDS = ("no", "not", "never", "none", "without")
_NEGATION = re.compile(rf"\b(?:{'|'.join(NEGATION_WORDS)})\b|n't\b", re.IGNORECASE)
# The data issue's targets: style alone no better than a weak guess, and negations about as common
# in both labels' summaries.
MAX_FUNCTION_WORD_ROC_AUC = 0.65
MAX_NEGATION_GAP = 0.30


@dataclass(frozen=True)
class StyleReport:
    rows: int
    function_word_roc_auc: float  # grouped, out of fold
    negation_rate: dict[str, float]  # per label: share of summaries with a negation word
    negation_gap: float

    @property
    def within_targets(self) -> bool:
        return self.function_word_roc_auc <= MAX_FUNCTION_WORD_ROC_AUC and self.negation_gap <= MAX_NEGATION_GAP


def function_word_classifier(random_state: int = 0):
    """Relative frequencies of the function words only, into a logistic regression whose
    regularisation is chosen by cross-validation inside the training folds: the figure is the best
    this shortcut does, not what one arbitrary setting of it does."""
    pipeline = make_pipeline(
        CountVectorizer(vocabulary=FUNCTION_WORDS, lowercase=True, token_pattern=r"(?u)\b\w+\b"),
        Normalizer(norm="l1"),
        LogisticRegression(max_iter=5000),
    )
    return GridSearchCV(pipeline, {"logisticregression__C": [0.1, 1.0, 10.0, 100.0, 1000.0]}, scoring="roc_auc",
                        cv=StratifiedKFold(3, shuffle=True, random_state=random_state))


def style_shortcut(rows: list[dict[str, str]], n_splits: int = 5, random_state: int = 0) -> StyleReport:
    """Grouped out-of-fold ROC-AUC of the function-word classifier, and the negation-rate gap."""
    summaries = [row["summary"] for row in rows]
    y = np.array([row["label"] == "security" for row in rows], dtype=int)
    risk = np.zeros(len(rows))
    for train, test in grouped_folds(y, action_groups(rows), n_splits, random_state):
        model = function_word_classifier(random_state).fit([summaries[i] for i in train], y[train])
        risk[test] = model.predict_proba([summaries[i] for i in test])[:, 1]
    negated = np.array([_NEGATION.search(summary) is not None for summary in summaries])
    rate = {label: round(float(negated[y == flag].mean()), 3) for label, flag in (("security", 1), ("not_security", 0))}
    return StyleReport(
        rows=len(rows),
        function_word_roc_auc=round(float(roc_auc_score(y, risk)), 3),
        negation_rate=rate,
        negation_gap=round(abs(rate["security"] - rate["not_security"]), 3),
    )
