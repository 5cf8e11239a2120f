"""Training and honest evaluation: folds grouped by action, so no action sits on both sides."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, brier_score_loss, f1_score, roc_auc_score
from sklearn.model_selection import StratifiedGroupKFold

from app.core import artifacts
from app.core.dataset import check_table, read_rows, sha256_of
from app.core.engine import RuleEngine
from app.core.model import HoweyModel, Precedent
from app.core.prongs import DISCLAIMER


class TrainingDataError(ValueError):
    """The data cannot train a model; the message says why."""


@dataclass(frozen=True)
class TrainingData:
    rows: list[dict[str, str]]
    texts: list[str]
    y: np.ndarray
    groups: np.ndarray
    sha256: str

    @property
    def precedents(self) -> list[Precedent]:
        return [Precedent(r["symbol"], r["name"], r["label"], r["cases"]) for r in self.rows]


# An adversarial proceeding: "SEC v. ...", "CFTC v. ...", "Real v. ...", "In the Matter of ...", "In re ...".
_ACTION_CAPTION = re.compile(r"\bv\.\s|^In the Matter of\b|^In re\b", re.IGNORECASE)


def action_groups(rows: list[dict[str, str]]) -> np.ndarray:
    """Connected components of tokens that share an action: tokens named in one action (or linked
    through a chain of actions) land in one group, so one action never straddles folds.

    Staff statements, no-action letters, closed investigations and statutes are categories, not
    actions: grouping by them would put every meme coin or every mined coin in one fold, so that
    the model is tested on a category it never saw. Rows resting only on them stand alone."""
    parent = list(range(len(rows)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    first_row_of_case: dict[str, int] = {}
    for i, row in enumerate(rows):
        for case in (c.strip() for c in row["cases"].split(";")):
            if not _ACTION_CAPTION.search(case):
                continue
            key = case.lower()
            if key in first_row_of_case:
                parent[root(i)] = root(first_row_of_case[key])
            else:
                first_row_of_case[key] = i
    return np.array([root(i) for i in range(len(rows))])


def load_training_data(
    path: Path | str,
    label_bases: Iterable[str] | None = None,
    exclude_dispositions: Iterable[str] = (),
) -> TrainingData:
    """The labeled rows that pass every check, optionally restricted by basis or disposition."""
    path = Path(path)
    header, rows = read_rows(path)
    problems = check_table(header, rows)
    if problems:
        listed = "\n".join(str(p) for p in problems[:20])
        raise TrainingDataError(f"{path} fails 'howey data check' ({len(problems)} problem(s)):\n{listed}")
    bases = set(label_bases) if label_bases else None
    excluded = set(exclude_dispositions)
    rows = [r for r in rows if (bases is None or r["label_basis"] in bases) and r["disposition"] not in excluded]
    y = np.array([1 if r["label"] == "security" else 0 for r in rows])
    if len(set(y)) < 2:
        raise TrainingDataError("the selected rows hold only one label; a classifier needs both")
    return TrainingData(rows, [r["summary"] for r in rows], y, action_groups(rows), sha256_of(path))


def prong_scores(engine: RuleEngine, texts: list[str]) -> np.ndarray:
    return np.array([[a.score for a in engine.assess(text)] for text in texts])


def classification_metrics(y: np.ndarray, p: np.ndarray, threshold: float = 0.5) -> dict:
    return {
        "roc_auc": round(float(roc_auc_score(y, p)), 4),
        "pr_auc": round(float(average_precision_score(y, p)), 4),
        "brier": round(float(brier_score_loss(y, p)), 4),
        "f1": round(float(f1_score(y, p >= threshold)), 4),
        "accuracy": round(float(np.mean((p >= threshold) == y)), 4),
    }


def cross_validate(data: TrainingData, scores: np.ndarray, seed: int = 0, n_splits: int = 5) -> dict:
    """Out-of-fold predictions of each approach under grouped K-fold, and their metrics."""
    n_splits = min(n_splits, len(np.unique(data.groups)))
    splitter = StratifiedGroupKFold(n_splits=n_splits, shuffle=True, random_state=seed)
    folds = list(splitter.split(data.texts, data.y, data.groups))
    oof = {"rules_only": np.zeros(len(data.y)), "classifier_only": np.zeros(len(data.y)), "combined": np.zeros(len(data.y))}
    for train, test in folds:
        texts_train = [data.texts[i] for i in train]
        texts_test = [data.texts[i] for i in test]
        model = HoweyModel(random_state=seed).fit(
            texts_train, scores[train], data.y[train], data.groups[train], [data.precedents[i] for i in train]
        )
        X_test = model.vectorize(texts_test)
        oof["classifier_only"][test] = model.text_probability(X_test)
        oof["combined"][test] = model.risk(scores[test], oof["classifier_only"][test])
        rules = LogisticRegression(max_iter=2000).fit(scores[train], data.y[train])
        oof["rules_only"][test] = rules.predict_proba(scores[test])[:, 1]
    return {
        "cv": {"kind": "StratifiedGroupKFold by action", "n_splits": n_splits, "n_groups": int(len(np.unique(data.groups)))},
        **{name: classification_metrics(data.y, p) for name, p in oof.items()},
    }


def model_version(trained_at: datetime, data_sha256: str) -> str:
    return f"{trained_at:%Y-%m-%dT%H:%M:%SZ}-{data_sha256[:7]}"


def train(data_path: Path | str, out_dir: Path | str, seed: int = 0, engine: RuleEngine | None = None) -> dict:
    """Evaluate by grouped CV, fit on all rows, write artifact, manifest and model card."""
    engine = engine or RuleEngine()
    data = load_training_data(data_path)
    scores = prong_scores(engine, data.texts)
    metrics = cross_validate(data, scores, seed)
    model = HoweyModel(random_state=seed).fit(data.texts, scores, data.y, data.groups, data.precedents)
    trained_at = datetime.now(UTC).replace(microsecond=0)
    manifest = {
        "model_version": model_version(trained_at, data.sha256),
        "trained_at": trained_at.isoformat().replace("+00:00", "Z"),
        "data_sha256": data.sha256,
        "n_training_rows": len(data.rows),
        "label_counts": {"security": int(data.y.sum()), "not_security": int(len(data.y) - data.y.sum())},
        "seed": seed,
        "rule_ids": engine.rule_ids,
        "thresholds": {"medium": model.thresholds.medium, "high": model.thresholds.high},
        "metrics": metrics,
    }
    out_dir = Path(out_dir)
    manifest = artifacts.save(model, manifest, out_dir)
    (out_dir / artifacts.MODEL_CARD).write_text(model_card(manifest), encoding="utf-8")
    return manifest


def model_card(manifest: dict) -> str:
    metrics = manifest["metrics"]
    rows = [
        f"| {name} | {m['roc_auc']} | {m['pr_auc']} | {m['brier']} | {m['f1']} |"
        for name, m in metrics.items()
        if isinstance(m, dict) and "roc_auc" in m
    ]
    return "\n".join(
        [
            f"# howey model {manifest['model_version']}",
            "",
            f"> {DISCLAIMER}",
            "",
            "## Intended use",
            "A first-pass, explained estimate of how likely a crypto token is to be treated as a security",
            "under the U.S. Howey test, for compliance triage and research. Not a legal opinion.",
            "",
            "## Data",
            f"- {manifest['n_training_rows']} labeled tokens ({manifest['label_counts']['security']} security, "
            f"{manifest['label_counts']['not_security']} not_security); data SHA-256 `{manifest['data_sha256']}`.",
            "- Labels are of differing weight: SEC allegations, settlements, court rulings, 2025 dismissals,",
            "  staff statements, no-action letters (see data/README.md).",
            "",
            "## Evaluation",
            f"{metrics['cv']['kind']}, {metrics['cv']['n_splits']} folds over {metrics['cv']['n_groups']} action groups.",
            "",
            "| approach | ROC-AUC | PR-AUC | Brier | F1 |",
            "|---|---|---|---|---|",
            *rows,
            "",
            "## Limits",
            "- Trained on few hundred whitepaper-style summaries; wording unlike them is out of distribution.",
            "- Labels reflect enforcement positions up to late 2025, which changed sharply in 2025.",
            "- The rule engine reads only what the text says; facts missing from the text are not weighed.",
            "",
            f"Trained {manifest['trained_at']} with seed {manifest['seed']}; libraries: "
            + ", ".join(f"{k} {v}" for k, v in manifest["libraries"].items())
            + ".",
            "",
        ]
    )
