"""Properties every rule keeps, whatever the rule."""

import re

import pytest

from app.core.prongs import PRONGS, Direction
from app.core.rules import Rule, all_rules

RULES = all_rules()


def test_rules_are_discovered_without_a_registration_list():
    ids = [r.id for r in RULES]
    assert len(ids) == len(set(ids)) >= 40
    for prong in PRONGS:
        mine = [r for r in RULES if r.prong is prong]
        assert any(r.direction is Direction.SUPPORTS for r in mine), prong
        assert any(r.direction is Direction.WEIGHS_AGAINST for r in mine), prong
    assert {r.kind for r in RULES} == {"sign", "hard_sign", "category"}


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_rule_is_well_formed(rule: Rule):
    assert re.fullmatch(rf"{rule.prong.value}\.[a-z0-9_]+", rule.id)
    assert 0 < rule.weight <= 1
    assert rule.rationale.endswith(".") and len(rule.rationale) < 170
    assert rule.authority
    if rule.kind == "category":
        assert re.search(r"\d{4}", rule.authority), "a category rule cites its dated statement or letter"
