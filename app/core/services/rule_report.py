"""How each rule behaves on labelled text, in the spirit of Snorkel's labeling-function analysis:
per rule its coverage, overlaps and conflicts with the other rules of its prong, and its empirical
precision — on the dataset's summaries (against the gold prong labels) and on the blind challenge
corpus's dev split (against the writers' expected verdicts and the spans they marked). Only the dev
split is read: the test split is for reporting, never for tuning rules."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from pathlib import Path

from app.core.data.dataset import read_rows
from app.core.engine.rule_engine import RuleEngine
from app.core.prongs import Direction

# What a rule's direction claims about its prong, in each source's vocabulary.
_GOLD_AGREES = {Direction.SUPPORTS: "yes", Direction.WEIGHS_AGAINST: "no"}
_EXPECTED_AGREES = {Direction.SUPPORTS: "met", Direction.WEIGHS_AGAINST: "not_met"}


@dataclass
class RuleFigures:
    fired: int = 0
    coverage: float = 0.0
    overlaps: float | None = None  # share of its firings where another rule of its prong also fires
    conflicts: float | None = None  # ... where a rule of its prong pointing the other way fires
    precision: float | None = None  # ... where the label of its prong agrees with its direction
    span_precision: float | None = None  # share of its quotes on a span marked for its prong (challenge)


@dataclass(frozen=True)
class LabelledText:
    text: str
    prong_labels: dict[str, str]
    spans: dict[str, list[list[int]]] | None = None


def _ratio(part: int, whole: int) -> float | None:
    return round(part / whole, 3) if whole else None


def analyse(engine: RuleEngine, texts: list[LabelledText], agrees: dict[Direction, str]) -> dict[str, RuleFigures]:
    counts: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for item in texts:
        evidence = engine.evidence(item.text)
        fired = {e.rule_id: e for e in evidence}
        for rule_id, first in fired.items():
            c = counts[rule_id]
            c["fired"] += 1
            same_prong = [e for other, e in fired.items() if other != rule_id and e.prong is first.prong]
            c["overlaps"] += bool(same_prong)
            c["conflicts"] += any(e.direction is not first.direction for e in same_prong)
            label = item.prong_labels.get(first.prong.value, "")
            if label in ("yes", "no", "met", "not_met", "unclear"):
                c["labelled"] += 1
                c["agree"] += label == agrees[first.direction]
        if item.spans is not None:
            for e in evidence:
                c = counts[e.rule_id]
                c["quotes"] += 1
                c["on_span"] += any(e.start < end and start < e.end for start, end in item.spans[e.prong.value])
    report = {}
    for rule in engine.rules:
        c = counts.get(rule.id, {})
        fired = c.get("fired", 0)
        report[rule.id] = RuleFigures(
            fired=fired, coverage=round(fired / len(texts), 3) if texts else 0.0,
            overlaps=_ratio(c.get("overlaps", 0), fired), conflicts=_ratio(c.get("conflicts", 0), fired),
            precision=_ratio(c.get("agree", 0), c.get("labelled", 0)),
            span_precision=_ratio(c.get("on_span", 0), c.get("quotes", 0)) if texts and texts[0].spans is not None else None,
        )
    return report


def dataset_texts(path: Path) -> list[LabelledText]:
    """The dataset's summaries with their gold prong labels (`unclear` gold is not a label)."""
    _, rows = read_rows(path)
    return [LabelledText(row["summary"], {k: v for k, v in row.items() if v in ("yes", "no")}) for row in rows]


def challenge_texts(path: Path) -> list[LabelledText]:
    records: Iterable[dict] = (json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip())
    return [LabelledText(r["text"], r["prongs"], r["spans"]) for r in records]


def rule_report(engine: RuleEngine, data: Path, challenge_dev: Path) -> dict[str, dict]:
    """Per rule id: its kind, prong and direction, and its figures on each source."""
    on_data = analyse(engine, dataset_texts(data), _GOLD_AGREES)
    on_dev = analyse(engine, challenge_texts(challenge_dev), _EXPECTED_AGREES) if challenge_dev.exists() else {}
    return {
        rule.id: {"prong": rule.prong.value, "direction": rule.direction.value, "kind": rule.kind.value,
                  "dataset": asdict(on_data[rule.id]), "challenge_dev": asdict(on_dev[rule.id]) if on_dev else None}
        for rule in engine.rules
    }
