"""The rules as a reader sees them (one listing for `howey rules`, its JSON, and docs/rules.md, all
rendered from the rule objects so the documentation cannot drift from the code), and as a trained
model sees them: the rulebook fingerprint.

A model's stacker is trained on the prong scores the rules gave; change a pattern, a weight or an
engine constant and the same text reaches the stacker with other scores. The fingerprint hashes
everything that decides evidence and prong scores, so a model trained under other rules is refused
at load rather than silently mis-scored. It covers every rule field but the wording of its
rationale and authority (which no score depends on), and every upper-case module constant of the
engine modules that decide evidence (document, segmentation, matcher, weighing): a new constant there is in
the fingerprint without being listed anywhere. The prefilter is left out: it only skips work, and
a test proves it never hides evidence."""

from __future__ import annotations

import dataclasses
import hashlib
import json
import re
from datetime import date
from enum import Enum
from functools import cache
from types import ModuleType

from app.core.engine import document, matcher, segmentation, weighing
from app.core.prongs import PRONGS, RuleKind
from app.core.rules import Rule, all_rules

# Rule fields that only word the explanation.
_WORDING_FIELDS = frozenset({"rationale", "authority"})
_DECIDING_MODULES = (document, segmentation, matcher, weighing)
_CONSTANT = re.compile(r"^_?[A-Z][A-Z0-9_]*$")
VERSION_PREFIX = "rb-"


def rule_records(rules: tuple[Rule, ...] | None = None) -> list[dict]:
    """The contract's keys (id, prong, direction, weight, rationale, authority) plus ``kind`` and the
    dates the rule applies (``in_force_from``/``in_force_until``, ISO dates or null: always)."""
    return [
        {"id": r.id, "prong": r.prong.value, "direction": r.direction.value, "weight": r.weight,
         "rationale": r.rationale, "authority": r.authority, "kind": r.kind.value,
         "in_force_from": _plain(r.in_force_from), "in_force_until": _plain(r.in_force_until)}
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
        "token out of the category, and the category then counts for a quarter. *Applies* gives the",
        "dates a rule is in force: a score as of an earlier date (`as_of`) does not apply it. Not legal advice.",
        "",
        f"{len(records)} rules.",
    ]
    for prong in PRONGS:
        mine = [r for r in records if r["prong"] == prong.value]
        lines += ["", f"## {prong.label} ({len(mine)} rules)", "",
                  "| rule | direction | weight | kind | applies | why | authority |", "|---|---|---|---|---|---|---|"]
        lines += [
            f"| `{r['id']}` | {r['direction'].replace('_', ' ')} | {r['weight']} | {RuleKind(r['kind']).label} | "
            f"{_applies(r)} | {r['rationale']} | {r['authority']} |"
            for r in mine
        ]
    return "\n".join(lines) + "\n"


def _applies(record: dict) -> str:
    since, until = record["in_force_from"], record["in_force_until"]
    if since and until:
        return f"{since} to {until}"
    return f"from {since}" if since else f"until {until}" if until else "always"


def _plain(value):
    """A JSON-ready, order-stable form of a rule field or engine constant."""
    if isinstance(value, re.Pattern):
        return {"pattern": value.pattern, "flags": value.flags}
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, (tuple, list)):
        return [_plain(v) for v in value]
    if isinstance(value, (frozenset, set)):
        return sorted(_plain(v) for v in value)
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in sorted(value.items())}
    return value


def engine_constants(modules: tuple[ModuleType, ...] = _DECIDING_MODULES) -> dict[str, object]:
    """Every upper-case constant of the modules that decide evidence, by qualified name."""
    found = {}
    for module in modules:
        for name, value in vars(module).items():
            if _CONSTANT.match(name) and isinstance(value, (int, float, str, tuple, frozenset, re.Pattern)):
                found[f"{module.__name__.rsplit('.', 1)[-1]}.{name}"] = _plain(value)
    return dict(sorted(found.items()))


def rule_definition(rule: Rule) -> dict[str, object]:
    return {f.name: _plain(getattr(rule, f.name)) for f in dataclasses.fields(rule)
            if f.init and f.name not in _WORDING_FIELDS}


def fingerprint(rules: tuple[Rule, ...] | None = None, constants: dict[str, object] | None = None) -> str:
    """SHA-256 of the rule definitions and engine constants, stable across runs and machines."""
    rules = rules if rules is not None else all_rules()
    body = {"rules": [rule_definition(r) for r in sorted(rules, key=lambda r: r.id)],
            "engine": constants if constants is not None else engine_constants()}
    return hashlib.sha256(json.dumps(body, sort_keys=True, separators=(",", ":")).encode("utf-8")).hexdigest()


def short_version(full: str) -> str:
    """The form answers carry: ``rb-`` and the first seven hex digits."""
    return VERSION_PREFIX + full[:7]


@cache
def current_fingerprint() -> str:
    """The fingerprint of the rules and engine this process runs (they cannot change while it runs)."""
    return fingerprint()
