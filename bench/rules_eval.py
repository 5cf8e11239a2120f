"""How well the rule engine's prong verdicts agree with the dataset's gold prong labels.

Prints JSON: per prong, agreement of verdicts with gold on rows whose gold label is yes/no
(`met` for yes, `not_met` for no; `unclear` counts as a miss), precision of `met`, the share of
rows with any evidence (coverage), and per-rule firing counts. Figures are given for the whole
file and separately for a held-out part: action groups whose hash falls in the last 40% were
never read while the rules were written, so their figures show how the rules generalise."""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from pathlib import Path

from app.core.data.dataset import read_rows
from app.core.engine.rule_engine import RuleEngine
from app.core.prongs import PRONGS, Verdict
from app.core.services.training import action_groups

DATA = Path(__file__).resolve().parents[1] / "data" / "labeled_tokens.csv"
GOLD_VERDICT = {"yes": Verdict.MET, "no": Verdict.NOT_MET}


def split_of_groups(rows: list[dict[str, str]]) -> list[str]:
    """'dev' or 'holdout' per row, fixed by the group's smallest symbol (stable as rows are added)."""
    groups = action_groups(rows)
    members: dict[int, list[str]] = {}
    for row, group in zip(rows, groups, strict=True):
        members.setdefault(int(group), []).append(row["symbol"])
    digest = {g: int(hashlib.sha256(min(symbols).encode()).hexdigest(), 16) % 10 for g, symbols in members.items()}
    return ["dev" if digest[int(g)] < 6 else "holdout" for g in groups]


def agreement(rows: list[dict[str, str]], assessed: list[list]) -> dict:
    report = {}
    for i, prong in enumerate(PRONGS):
        pairs = [(row[prong.value], a[i].verdict) for row, a in zip(rows, assessed, strict=True) if row[prong.value] in GOLD_VERDICT]
        met = [gold for gold, verdict in pairs if verdict is Verdict.MET]
        report[prong.value] = {
            "rows_with_gold": len(pairs),
            "agreement": round(sum(GOLD_VERDICT[g] is v for g, v in pairs) / len(pairs), 3) if pairs else None,
            "met_precision": round(sum(g == "yes" for g in met) / len(met), 3) if met else None,
            "coverage": round(sum(bool(a[i].evidence) for a in assessed) / len(assessed), 3),
            "confusion": {f"{g}->{v.value}": n for (g, v), n in sorted(Counter(pairs).items())},
        }
    return report


def main() -> None:
    _, rows = read_rows(DATA)
    engine = RuleEngine()
    assessed = [engine.assess(row["summary"]) for row in rows]
    parts = split_of_groups(rows)
    firing = Counter(e.rule_id for a in assessed for factor in a for e in {ev.rule_id: ev for ev in factor.evidence}.values())
    result = {
        "benchmark": "rules_eval",
        "rules": len(engine.rules),
        "rows": len(rows),
        "all": agreement(rows, assessed),
        **{
            part: agreement([r for r, p in zip(rows, parts, strict=True) if p == part],
                            [a for a, p in zip(assessed, parts, strict=True) if p == part])
            for part in ("dev", "holdout")
        },
        "rows_by_part": dict(Counter(parts)),
        "rule_firing_rows": {rule.id: firing.get(rule.id, 0) for rule in engine.rules},
    }
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
