"""The rule engine and the served model on the blind challenge corpus (data/challenge/): text
written by sessions that never saw the rules or the dataset.

Prints JSON for one split (`--split dev`, the default, and `--split dev2` for tuning; `--split
test` for reporting only): met recall on securities (prongs the writer marked `met` that the engine finds `met`), the
share of non-securities with at least one prong `not_met`, the share of prongs wrongly `met` (the
writer marked them `not_met` or `unclear`), evidence precision (quotes overlapping a span the
writer marked for their prong), the risk's ROC-AUC against the label, and the same by style;
beside them the same figures recorded earlier (`bench/baselines/challenge-<split>-before-*.json`:
the engine before issue 14 changed any rule, for dev and test; the engine before anything was
tuned on dev2, for dev2), and the issue's targets."""

from __future__ import annotations

import argparse
import json
from collections import defaultdict
from pathlib import Path

import numpy as np
from sklearn.metrics import roc_auc_score

from app.core.prongs import PRONGS, Verdict
from app.core.services.scoring import load_scorer
from app.settings import Settings

CHALLENGE = Path(__file__).resolve().parents[1] / "data" / "challenge"
# Figures recorded earlier: the engine before issue 14's first rule change (dev, test), and the
# engine before anything was tuned on dev2 (dev2).
BASELINES = Path(__file__).resolve().parent / "baselines"
TARGETS = {
    "met_recall_on_securities": ">= 0.90",
    "non_securities_with_a_prong_not_met": ">= 0.85",
    "prongs_wrongly_met": "<= 0.05",
    "evidence_precision": ">= 0.90",
    "risk_roc_auc": ">= 0.95",
}


def _overlaps(start: int, end: int, spans: list[list[int]]) -> bool:
    return any(start < span_end and span_start < end for span_start, span_end in spans)


def figures(records: list[dict], results: list) -> dict:
    met_expected = met_found = wrong_met = not_met_expected_total = 0
    non_security = non_security_with_not_met = 0
    quotes = quotes_on_span = 0
    for record, result in zip(records, results, strict=True):
        verdicts = {f.prong.value: f.verdict for f in result.factors}
        for factor in result.factors:
            expected = record["prongs"][factor.prong.value]
            if record["label"] == "security" and expected == "met":
                met_expected += 1
                met_found += factor.verdict is Verdict.MET
            if expected != "met":
                not_met_expected_total += 1
                wrong_met += factor.verdict is Verdict.MET
            for evidence in factor.evidence:
                quotes += 1
                quotes_on_span += _overlaps(evidence.start, evidence.end, record["spans"][factor.prong.value])
        if record["label"] == "not_security":
            non_security += 1
            non_security_with_not_met += any(v is Verdict.NOT_MET for v in verdicts.values())
    y = np.array([r["label"] == "security" for r in records], dtype=int)
    risk = np.array([r.risk_score for r in results])
    return {
        "documents": len(records),
        "met_recall_on_securities": round(met_found / met_expected, 3) if met_expected else None,
        "non_securities_with_a_prong_not_met": round(non_security_with_not_met / non_security, 3) if non_security else None,
        "prongs_wrongly_met": round(wrong_met / not_met_expected_total, 3) if not_met_expected_total else None,
        "evidence_precision": round(quotes_on_span / quotes, 3) if quotes else None,
        "evidence_quotes": quotes,
        "risk_roc_auc": round(float(roc_auc_score(y, risk)), 3) if 0 < y.sum() < len(y) else None,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--split", choices=("dev", "dev2", "dev3", "dev4", "test"), default="dev")
    args = parser.parse_args()
    records = [json.loads(line) for line in (CHALLENGE / f"{args.split}.jsonl").read_text(encoding="utf-8").splitlines()]
    scorer, manifest = load_scorer(Settings().model_dir)
    results = scorer.score_many([r["text"] for r in records], explain=False)
    by_style = defaultdict(list)
    for i, record in enumerate(records):
        by_style[record["style"]].append(i)
    earlier = {}
    for path in sorted(BASELINES.glob(f"challenge-{args.split}-before-*.json")):
        recorded = json.loads(path.read_text(encoding="utf-8"))
        when = path.stem.removeprefix(f"challenge-{args.split}-").replace("-", "_")
        earlier[when] = {"rulebook_version": recorded.get("rulebook_version"), "overall": recorded["overall"]}
    report = {
        "split": args.split,
        "model_version": manifest["model_version"],
        "rulebook_version": manifest["rulebook_version"],
        "overall": figures(records, results),
        **earlier,
        "targets": TARGETS,
        "by_style": {style: figures([records[i] for i in rows], [results[i] for i in rows]) for style, rows in sorted(by_style.items())},
        "per_prong_met_recall": {
            prong.value: round(np.mean([f.verdict is Verdict.MET for r, res in zip(records, results, strict=True)
                                        for f in res.factors if f.prong is prong and r["label"] == "security"
                                        and r["prongs"][prong.value] == "met"]), 3)
            for prong in PRONGS
        },
    }
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
