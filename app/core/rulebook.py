"""The rules as a reader sees them: one listing for `howey rules`, its JSON, and docs/rules.md,
all rendered from the rule objects so the documentation cannot drift from the code."""

from __future__ import annotations

from app.core.prongs import PRONGS
from app.core.rules import Rule, all_rules

KIND_LABEL = {"sign": "sign", "hard_sign": "hard sign", "category": "2025 category / no-action pattern"}


def rule_records(rules: tuple[Rule, ...] | None = None) -> list[dict]:
    """The contract's keys (id, prong, direction, weight, rationale, authority) plus ``kind``."""
    return [
        {"id": r.id, "prong": r.prong.value, "direction": r.direction.value, "weight": r.weight,
         "rationale": r.rationale, "authority": r.authority, "kind": r.kind}
        for r in (rules if rules is not None else all_rules())
    ]


def render_markdown(rules: tuple[Rule, ...] | None = None) -> str:
    records = rule_records(rules)
    lines = [
        "# The Howey rules",
        "",
        "Generated from `app/core/rules/` by `howey rules --markdown > docs/rules.md`; a test keeps it in",
        "sync. Each rule quotes the sentence that fired it. *supports* pushes its prong towards met,",
        "*weighs against* towards not met. A **hard sign** is a security in any era; a **category** is",
        "a 2025 staff-statement carve-out or the no-action-letter pattern: when one fires, the ordinary",
        "supporting signs of its prong count for a quarter; a hard sign in the same prong takes the",
        "token out of the category, and the category then counts for a quarter. Not legal advice.",
        "",
        f"{len(records)} rules.",
    ]
    for prong in PRONGS:
        mine = [r for r in records if r["prong"] == prong.value]
        lines += ["", f"## {prong.label} ({len(mine)} rules)", "",
                  "| rule | direction | weight | kind | why | authority |", "|---|---|---|---|---|---|"]
        lines += [
            f"| `{r['id']}` | {r['direction'].replace('_', ' ')} | {r['weight']} | {KIND_LABEL[r['kind']]} | "
            f"{r['rationale']} | {r['authority']} |"
            for r in mine
        ]
    return "\n".join(lines) + "\n"
