"""Scorer throughput (rules + classifier + stacker + precedents) against the bare classifier
pipeline's predict_proba on the same texts, measured in the same run. Prints JSON."""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _corpus import listing_texts  # noqa: E402

from app.core.services.scoring import load_scorer  # noqa: E402

MODEL = Path(__file__).resolve().parents[1] / "model"


def rate(fn, n: int, repeats: int = 3) -> float:
    best = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return n / best


def main() -> None:
    scorer, manifest = load_scorer(MODEL)
    texts = listing_texts(2000, chars=1000)
    baseline = rate(lambda: scorer.model.text_pipeline_.predict_proba(texts), len(texts))
    batched = rate(lambda: scorer.score_many(texts), len(texts))
    single = rate(lambda: [scorer.score(t) for t in texts[:300]], 300)
    print(json.dumps({
        "benchmark": "score_speed",
        "model_version": manifest["model_version"],
        "texts": len(texts),
        "chars_per_text": 1000,
        "baseline_predict_proba_per_s": round(baseline, 1),
        "score_many_per_s": round(batched, 1),
        "score_single_per_s": round(single, 1),
        "score_many_vs_baseline": round(batched / baseline, 3),
    }, indent=2))


if __name__ == "__main__":
    main()
