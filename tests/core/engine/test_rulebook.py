"""The rules as a reader sees them (docs/rules.md) and as a trained model sees them (the fingerprint)."""

import dataclasses
import re

from app.core.engine.rule_engine import RuleEngine
from app.core.engine.rulebook import current_fingerprint, engine_constants, fingerprint, render_markdown, short_version
from app.core.rules import all_rules
from tests.helpers.paths import ROOT


def test_docs_rules_md_is_in_sync_with_the_code():
    assert (ROOT / "docs" / "rules.md").read_text(encoding="utf-8") == render_markdown(), "run: howey rules --markdown > docs/rules.md"


def test_the_fingerprint_is_one_sha256_and_answers_carry_its_short_form():
    full = current_fingerprint()
    assert re.fullmatch(r"[0-9a-f]{64}", full)
    assert full == fingerprint() == RuleEngine().fingerprint
    assert short_version(full) == "rb-" + full[:7]


def test_the_fingerprint_follows_what_decides_scores_not_the_wording():
    rules = all_rules()
    first = rules[0]

    def with_first(**changes) -> str:
        return fingerprint((dataclasses.replace(first, **changes), *rules[1:]))

    assert with_first(rationale="Reworded.", authority="Another citation (2026)") == current_fingerprint()
    assert with_first(weight=first.weight / 2) != current_fingerprint()
    assert with_first(patterns=(*first.patterns, r"\bnew pattern\b")) != current_fingerprint()
    constants = engine_constants()
    assert constants, "the engine's constants are in the fingerprint"
    name = next(iter(constants))
    assert fingerprint(constants={**constants, name: "changed"}) != current_fingerprint()
