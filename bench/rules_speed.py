"""Rule-engine speed on one core: summaries per second for 1,000-character listing texts, and
the time for one 100,000-character whitepaper, against the cost of only splitting the same texts
into sentences (the least any sentence-level engine must do), measured in the same run."""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _corpus import listing_texts  # noqa: E402

from app.core.engine.rule_engine import RuleEngine  # noqa: E402
from app.core.engine.segmentation import SentenceIndex  # noqa: E402


def best_seconds(fn, repeats: int = 5) -> float:
    best = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core
    engine = RuleEngine()
    short = listing_texts(2000, chars=1000, seed=1)
    whitepaper = " ".join(listing_texts(100, chars=1000, seed=2))[:100_000]
    assess_short = best_seconds(lambda: [engine.assess(t) for t in short], repeats=5)
    split_short = best_seconds(lambda: [SentenceIndex(t) for t in short], repeats=3)
    assess_long = best_seconds(lambda: engine.assess(whitepaper))
    print(json.dumps({
        "benchmark": "rules_speed",
        "rules": len(engine.rules),
        "cores": 1,
        "texts": len(short),
        "summaries_per_s_1000_chars": round(len(short) / assess_short, 1),
        "baseline_sentence_split_per_s": round(len(short) / split_short, 1),
        "engine_vs_split_ratio": round(split_short / assess_short, 3),
        "whitepaper_chars": len(whitepaper),
        "whitepaper_ms": round(assess_long * 1000, 2),
        "targets": {"summaries_per_s_1000_chars": ">= 3000", "whitepaper_ms": "< 50"},
    }, indent=2))


if __name__ == "__main__":
    main()
