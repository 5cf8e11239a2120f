"""How much say the classifier should have beside the rules: the combined model's figures for
several `text_weight` settings (HoweyModel), out of fold on the dataset and on the blind
development documents (data/challenge dev, dev2, dev3; never test), against the undamped setting
(1.0) measured in the same run.

The classifier learns from the dataset's one-voice summaries and reads real documents less well
than the rules do, so the dataset's own figures alone would hand it too much weight. Prints JSON."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import numpy as np
from sklearn.metrics import brier_score_loss, roc_auc_score

from app.core.data.dataset import read_rows
from app.core.engine.rule_engine import RuleEngine
from app.core.model.howey_model import HoweyModel
from app.core.services.evaluation import out_of_fold_predictions
from app.core.services.training import labeled_set

ROOT = Path(__file__).resolve().parents[1]
DEV_SPLITS = ("dev", "dev2", "dev3")


def _documents(split: str) -> list[dict]:
    path = ROOT / "data" / "challenge" / f"{split}.jsonl"
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--weights", type=float, nargs="+", default=[1.0, 0.75, 0.5, 0.25])
    args = parser.parse_args()
    engine = RuleEngine()
    _, rows = read_rows(ROOT / "data" / "labeled_tokens.csv")
    data = labeled_set(rows, engine)
    documents = {split: _documents(split) for split in DEV_SPLITS}
    assessed = {split: np.array([[a.score for a in engine.assess(d["text"])] for d in docs]) for split, docs in documents.items()}
    results = {}
    for weight in sorted(set(args.weights) | {1.0}, reverse=True):
        predictions, _ = out_of_fold_predictions(data, model_options={"text_weight": weight})
        model = HoweyModel(text_weight=weight).fit(data.texts, data.prong_scores, data.y, data.groups, data.precedents)
        dev = {}
        for split, docs in documents.items():
            y = np.array([d["label"] == "security" for d in docs])
            risk = model.risk(assessed[split], model.text_probability(model.vectorize([d["text"] for d in docs])))
            dev[split] = round(float(roc_auc_score(y, risk)), 4)
        results[weight] = {
            "dataset_out_of_fold": {
                name: {"roc_auc": round(float(roc_auc_score(data.y, predictions[name])), 4),
                       "brier": round(float(brier_score_loss(data.y, predictions[name])), 4)}
                for name in ("rules_only", "classifier_only", "combined")},
            "dev_documents_risk_roc_auc": dev,
        }
    baseline = results[1.0]
    for figures in results.values():
        figures["dev_mean_ratio_to_weight_1"] = round(
            float(np.mean(list(figures["dev_documents_risk_roc_auc"].values()))
                  / np.mean(list(baseline["dev_documents_risk_roc_auc"].values()))), 4)
    print(json.dumps({"benchmark": "text_weight", "rows": len(rows), "dev_splits": DEV_SPLITS,
                      "default": HoweyModel().text_weight, "by_weight": results}, indent=2))


if __name__ == "__main__":
    main()
