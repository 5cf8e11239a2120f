"""Honest evaluation: grouped cross-validation of the combined model beside its components and
weak baselines, with calibration, on the whole dataset and on the stricter label subsets."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, brier_score_loss, roc_auc_score

from app.core.model.howey_model import HoweyModel
from app.core.model.precedents import Precedent
from app.core.model.thresholds import f1_at
from app.core.services.comparison import hash_folds

# The keyword baseline: what a reviewer skimming for ICO vocabulary would flag.
BASELINE_KEYWORDS = re.compile(
    r"\b(?:token\s+sale|ico|initial\s+coin\s+offering|pre-?sale|investors?|profits?|returns?|raised|sold|listed|exchanges?)\b",
    re.IGNORECASE,
)
# Labels that rest on a decision: a judgment, a default judgment or a settlement.
DECIDED_DISPOSITIONS = ("judgment_for_sec", "default_judgment", "settled")
RELIABILITY_BINS = np.linspace(0.0, 1.0, 6)
APPROACHES = ("prior", "keyword_baseline", "rules_only", "classifier_only", "combined")


@dataclass(frozen=True)
class LabeledSet:
    """Rows, texts, labels, action groups and prong scores, aligned."""

    rows: list[dict[str, str]]
    texts: list[str]
    y: np.ndarray
    groups: np.ndarray
    prong_scores: np.ndarray

    def subset(self, keep: np.ndarray) -> LabeledSet:
        index = np.flatnonzero(keep)
        return LabeledSet([self.rows[i] for i in index], [self.texts[i] for i in index], self.y[index],
                          self.groups[index], self.prong_scores[index])

    @property
    def precedents(self) -> list[Precedent]:
        return [Precedent.from_row(r) for r in self.rows]


def classification_metrics(y: np.ndarray, p: np.ndarray, threshold: float) -> dict:
    return {
        "roc_auc": round(float(roc_auc_score(y, p)), 4),
        "pr_auc": round(float(average_precision_score(y, p)), 4),
        "brier": round(float(brier_score_loss(y, p)), 4),
        "f1": round(f1_at(y, p >= threshold), 4),
        "threshold": round(float(threshold), 2),
    }


def reliability_table(y: np.ndarray, p: np.ndarray) -> list[dict]:
    """Per bin of predicted risk: how many rows, their mean prediction, and how many were securities."""
    table = []
    for low, high in zip(RELIABILITY_BINS[:-1], RELIABILITY_BINS[1:], strict=True):
        inside = (p >= low) & ((p < high) | (high == 1.0))
        if inside.any():
            table.append({"bin": f"{low:.1f}-{high:.1f}", "rows": int(inside.sum()),
                          "mean_predicted": round(float(p[inside].mean()), 3), "observed": round(float(y[inside].mean()), 3)})
    return table


def _keyword_features(texts: list[str]) -> np.ndarray:
    return np.array([[len(BASELINE_KEYWORDS.findall(t)) / max(1, len(t.split())) * 100] for t in texts])


def _with_weakest(scores: np.ndarray) -> np.ndarray:
    return np.column_stack([scores, scores.min(axis=1)])


def out_of_fold_predictions(data: LabeledSet, seed: int = 0, n_splits: int = 5, model_options: dict | None = None,
                            trainable: np.ndarray | None = None) -> tuple[dict[str, np.ndarray], np.ndarray]:
    """Each approach's out-of-fold risk for every row, and the combined model's decision threshold
    per row (chosen inside the training folds, never on the test fold). The folds are fixed by a
    hash of each group (``comparison.hash_folds``): retraining with a few rows added moves only
    their groups. ``model_options`` are HoweyModel's hyperparameters; ``trainable`` (a mask) limits
    the rows any fold trains on, to fit another recipe on the same folds (the current model's
    rows), while every row is still scored."""
    predictions = {name: np.zeros(len(data.y)) for name in APPROACHES}
    decision = np.zeros(len(data.y))
    keywords = _keyword_features(data.texts)
    for train, test in hash_folds(data.rows, data.groups, n_splits):
        if trainable is not None:
            train = train[trainable[train]]
        y_train = data.y[train]
        predictions["prior"][test] = y_train.mean()
        predictions["keyword_baseline"][test] = LogisticRegression().fit(keywords[train], y_train).predict_proba(keywords[test])[:, 1]
        rules = LogisticRegression(max_iter=2000).fit(_with_weakest(data.prong_scores[train]), y_train)
        predictions["rules_only"][test] = rules.predict_proba(_with_weakest(data.prong_scores[test]))[:, 1]
        model = HoweyModel(random_state=seed, **(model_options or {})).fit(
            [data.texts[i] for i in train], data.prong_scores[train], y_train, data.groups[train],
            [data.precedents[i] for i in train],
        )
        probability = model.text_probability(model.vectorize([data.texts[i] for i in test]))
        predictions["classifier_only"][test] = probability
        predictions["combined"][test] = model.risk(data.prong_scores[test], probability)
        decision[test] = model.thresholds_.decision
    return predictions, decision


def _report(y: np.ndarray, predictions: dict[str, np.ndarray], decision: np.ndarray) -> dict:
    report = {}
    for name, p in predictions.items():
        threshold = float(np.median(decision)) if name == "combined" else 0.5
        if len(np.unique(y)) < 2:
            continue
        report[name] = classification_metrics(y, p, threshold)
    report["combined"]["reliability"] = reliability_table(y, predictions["combined"])
    return report


def rule_development_split(rows: list[dict[str, str]], groups: np.ndarray) -> np.ndarray:
    """True for rows in the rule-development part: action groups whose smallest symbol hashes into
    the first 60%. The rules were written reading only these rows; the others are held out."""
    members: dict[int, list[str]] = {}
    for row, group in zip(rows, groups, strict=True):
        members.setdefault(int(group), []).append(row["symbol"])
    digest = {g: int(hashlib.sha256(min(symbols).encode()).hexdigest(), 16) % 10 for g, symbols in members.items()}
    return np.array([digest[int(g)] < 6 for g in groups])


ERAS = ("before 2020", "2020-2024", "2025 and after")  # the ICO era, the exchange cases, the 2025 statements


def era_of(first_action_date: str) -> str:
    year = int(first_action_date[:4])
    return ERAS[0] if year < 2020 else ERAS[1] if year < 2025 else ERAS[2]


def _standing(row: dict[str, str]) -> str:
    """Whether the label rests on a decision (a judgment, a settlement, a court's ruling) or not (an
    allegation, a dropped case, a staff position)."""
    decided = row["disposition"] in DECIDED_DISPOSITIONS or row["disposition"] == "ruled_not_security"
    return "decided" if decided else "not decided"


def by_group(data: LabeledSet, risk: np.ndarray, decision: np.ndarray) -> dict:
    """The combined model's out-of-fold figures within groups of rows (by era of the first action,
    by what the label rests on, decided or not), so that a figure carried by one era or one kind of
    label shows. Within a group of one label ROC-AUC is undefined: the share classified correctly
    at the decision threshold and the mean risk per label say how the model does there."""
    keys = {
        "era": [era_of(r["first_action_date"]) for r in data.rows],
        "label_basis": [r["label_basis"] for r in data.rows],
        "standing": [_standing(r) for r in data.rows],
    }
    correct = (risk >= decision) == (data.y == 1)
    report: dict[str, dict] = {}
    for grouping, values in keys.items():
        values = np.array(values)
        report[grouping] = {}
        for value in sorted(set(values), key=lambda v: (ERAS.index(v) if v in ERAS else 0, v)):
            inside = values == value
            y, p = data.y[inside], risk[inside]
            entry = {"rows": int(inside.sum()), "security": int(y.sum()), "accuracy": round(float(correct[inside].mean()), 3),
                     "mean_risk_security": round(float(p[y == 1].mean()), 3) if y.any() else None,
                     "mean_risk_not_security": round(float(p[y == 0].mean()), 3) if (y == 0).any() else None,
                     "roc_auc": round(float(roc_auc_score(y, p)), 4) if 0 < y.sum() < len(y) else None}
            report[grouping][value] = entry
    return report


def evaluate(data: LabeledSet, seed: int = 0, n_splits: int = 5, predictions: tuple | None = None) -> dict:
    """Grouped CV of every approach on all rows, on rows held out from rule writing, and on the
    stricter label subsets (each retrained on its own rows). ``predictions`` are those of
    ``out_of_fold_predictions`` when the caller already has them."""
    predictions, decision = predictions or out_of_fold_predictions(data, seed, n_splits)
    n_splits_used = len(hash_folds(data.rows, data.groups, n_splits))
    held_out = ~rule_development_split(data.rows, data.groups)
    result = {
        "cv": {"kind": "group-hash folds by action and token", "n_splits": n_splits_used,
               "n_groups": int(len(np.unique(data.groups))), "seed": seed, "rows": len(data.y)},
        **_report(data.y, predictions, decision),
        "rules_held_out_rows": {
            "rows": int(held_out.sum()),
            **_report(data.y[held_out], {k: v[held_out] for k, v in predictions.items()}, decision[held_out]),
        },
        "by_group": by_group(data, predictions["combined"], decision),
        "subsets": {},
    }
    disposition = np.array([r["disposition"] for r in data.rows])
    label = np.array([r["label"] for r in data.rows])
    subsets = {
        "decided_security_labels": (label == "not_security") | np.isin(disposition, DECIDED_DISPOSITIONS),
        "without_2025_dismissals": disposition != "dismissed_by_sec",
    }
    for name, keep in subsets.items():
        part = data.subset(keep)
        sub_predictions, sub_decision = out_of_fold_predictions(part, seed, n_splits)
        result["subsets"][name] = {"rows": len(part.y), **_report(part.y, sub_predictions, sub_decision)}
        result["subsets"][name]["combined"].pop("reliability")
    return result
