"""Grouped cross-validation of the combined model beside the rules alone, the classifier alone,
a keyword baseline and the prior, on the shipped data (and its stricter subsets). Prints JSON;
`howey train` writes the same figures into the model's manifest."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from app.core.engine.rule_engine import RuleEngine
from app.core.services.evaluation import evaluate
from app.core.services.training import labeled_set, load_rows

DATA = Path(__file__).resolve().parents[1] / "data" / "labeled_tokens.csv"


def main(seed: int = 0) -> None:
    rows, sha = load_rows(DATA)
    result = evaluate(labeled_set(rows, RuleEngine()), seed)
    print(json.dumps({"benchmark": "evaluate", "data_sha256": sha, **result}, indent=2))


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 0)
