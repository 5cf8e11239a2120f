"""The promotion gate's two measurements of a candidate against the current model (see
``comparison``): paired cross-validation on the new data, and the frozen evaluation set, which no
training run reads: ``data/frozen_units.csv`` (labelled units kept apart from the training data)
and the blind challenge corpus's test split (real documents, written by people who never saw the
rules or the data)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from sklearn.metrics import brier_score_loss, roc_auc_score

from app.core.data.dataset import read_rows
from app.core.engine.rule_engine import RuleEngine
from app.core.errors import ModelIntegrityError, RulebookMismatch
from app.core.model import artifacts
from app.core.model.howey_model import HoweyModel
from app.core.services.comparison import paired_differences
from app.core.services.evaluation import LabeledSet, out_of_fold_predictions

DATA = Path(__file__).resolve().parents[3] / "data"
FROZEN_UNITS = DATA / "frozen_units.csv"
FROZEN_DOCUMENTS = DATA / "challenge" / "test.jsonl"


@dataclass(frozen=True)
class FrozenSet:
    texts: list[str]
    y: np.ndarray
    prong_scores: np.ndarray
    units: int
    documents: int

    def risk(self, model: HoweyModel) -> np.ndarray:
        return model.risk(self.prong_scores, model.text_probability(model.vectorize(self.texts)))

    def figures(self, model: HoweyModel) -> dict:
        risk = self.risk(model)
        return {"units": self.units, "documents": self.documents, "roc_auc": round(float(roc_auc_score(self.y, risk)), 4),
                "brier": round(float(brier_score_loss(self.y, risk)), 4)}


def frozen_set(engine: RuleEngine, units: Path = FROZEN_UNITS, documents: Path = FROZEN_DOCUMENTS) -> FrozenSet | None:
    """The frozen evaluation set as the rules read it; None when neither file is there."""
    texts, labels = [], []
    n_units = n_documents = 0
    if units.exists():
        _, rows = read_rows(units)
        texts += [r["summary"] for r in rows]
        labels += [r["label"] for r in rows]
        n_units = len(rows)
    if documents.exists():
        records = [json.loads(line) for line in documents.read_text(encoding="utf-8").splitlines() if line.strip()]
        texts += [r["text"] for r in records]
        labels += [r["label"] for r in records]
        n_documents = len(records)
    if not texts:
        return None
    y = np.array([label == "security" for label in labels], dtype=int)
    return FrozenSet(texts, y, np.array([[a.score for a in engine.assess(t)] for t in texts]), n_units, n_documents)


def compare_with_current(data: LabeledSet, candidate_oof: np.ndarray, candidate: HoweyModel, frozen: FrozenSet | None,
                         current: dict | None, engine: RuleEngine, seed: int = 0) -> dict | None:
    """Candidate minus current, with 95% intervals, on both measurements (None with no current)."""
    if current is None:
        return None
    known = set(current.get("training_units") or ())
    trainable = np.array([f"{r['symbol']}|{r['unit']}" in known for r in data.rows]) if known else None
    current_oof, _ = out_of_fold_predictions(data, seed, model_options=current.get("recipe") or {}, trainable=trainable)
    result = {"against": current["model_version"], "notes": [], "differences": {
        "paired_cv": [d.as_dict() for d in paired_differences(data.y, current_oof["combined"], candidate_oof, data.groups, seed)],
    }}
    if trainable is None:
        result["notes"].append("the current version lists no training units: its recipe was fitted on every row")
    if frozen is not None:
        try:
            loaded = artifacts.load(Path(current["directory"]), rulebook=engine.fingerprint)
        except (RulebookMismatch, ModelIntegrityError, KeyError) as error:
            result["notes"].append(f"frozen set not compared pairwise: the current model cannot run here ({error})")
        else:
            differences = paired_differences(frozen.y, frozen.risk(loaded.model), frozen.risk(candidate),
                                             np.arange(len(frozen.y)), seed)
            result["differences"]["frozen_set"] = [d.as_dict() for d in differences]
    return result
