"""Is a newly trained model worse than the one it would replace? Two measurements, each with a
confidence interval, so that the gate measures the models rather than the noise of reshuffled
folds:

- *paired cross-validation on the new data*: the candidate's recipe (all rows, today's code) and
  the current model's recipe (only the rows it was trained on, its settings) fitted on the same
  training folds and scored on the same test folds, the folds fixed by a hash of each group, so
  that adding rows moves only their own groups;
- *a frozen evaluation set* that no training run reads (``data/frozen_units.csv``, and the blind
  challenge corpus's test split): the current artifact and the candidate score the same items.

Each difference (candidate minus current) gets a 95% interval by a bootstrap over groups (items
of the frozen set stand alone). A candidate is worse only when an interval lies wholly on the wrong
side, past a material margin (``MATERIAL``): its ROC-AUC lower, or its Brier score higher, beyond
doubt and by enough to matter."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

import numpy as np
from sklearn.metrics import brier_score_loss, roc_auc_score

BOOTSTRAP = 1000
CONFIDENCE = 0.95
# A change smaller than this, however certain, does not make a model worse: a paired comparison on
# one frozen set can be sure of a Brier score 0.005 higher, which no user would notice.
MATERIAL = 0.01


def hash_folds(rows: list[dict[str, str]], groups: np.ndarray, n_splits: int = 5) -> list[tuple[np.ndarray, np.ndarray]]:
    """Grouped folds fixed by the data, not by a shuffle: a group's fold is a hash of its smallest
    symbol, so adding rows never moves another group to another fold."""
    smallest: dict[int, str] = {}
    for row, group in zip(rows, groups, strict=True):
        key = int(group)
        smallest[key] = min(smallest.get(key, row["symbol"]), row["symbol"])
    fold = np.array([int(hashlib.sha256(smallest[int(g)].encode()).hexdigest(), 16) % n_splits for g in groups])
    return [(np.flatnonzero(fold != k), np.flatnonzero(fold == k)) for k in range(n_splits) if (fold == k).any()]


@dataclass(frozen=True)
class Difference:
    """Candidate minus current on one figure: the point estimate and its interval."""

    metric: str
    current: float
    candidate: float
    low: float
    high: float

    @property
    def worse(self) -> bool:
        """Worse beyond doubt and beyond what matters: the whole interval past the material margin
        on the wrong side (higher ROC-AUC is better, lower Brier is better)."""
        return self.high < -MATERIAL if self.metric == "roc_auc" else self.low > MATERIAL

    def as_dict(self) -> dict:
        return {"metric": self.metric, "current": round(self.current, 4), "candidate": round(self.candidate, 4),
                "difference": round(self.candidate - self.current, 4), "ci95": [round(self.low, 4), round(self.high, 4)],
                "worse": self.worse}


def paired_differences(y: np.ndarray, current: np.ndarray, candidate: np.ndarray, groups: np.ndarray,
                       seed: int = 0) -> list[Difference]:
    """ROC-AUC and Brier of both sets of predictions on the same items, and bootstrap intervals of
    their differences, resampling whole groups."""
    y, current, candidate, groups = map(np.asarray, (y, current, candidate, groups))
    members = [np.flatnonzero(groups == g) for g in np.unique(groups)]
    rng = np.random.default_rng(seed)
    draws: dict[str, list[float]] = {"roc_auc": [], "brier": []}
    for _ in range(BOOTSTRAP):
        index = np.concatenate([members[i] for i in rng.integers(0, len(members), len(members))])
        if len(np.unique(y[index])) < 2:
            continue
        draws["roc_auc"].append(roc_auc_score(y[index], candidate[index]) - roc_auc_score(y[index], current[index]))
        draws["brier"].append(brier_score_loss(y[index], candidate[index]) - brier_score_loss(y[index], current[index]))
    tail = (1 - CONFIDENCE) / 2 * 100
    out = []
    for metric, score in (("roc_auc", roc_auc_score), ("brier", brier_score_loss)):
        low, high = np.percentile(draws[metric], [tail, 100 - tail])
        out.append(Difference(metric, float(score(y, current)), float(score(y, candidate)), float(low), float(high)))
    return out
