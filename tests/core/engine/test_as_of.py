"""Scoring as of a date: a carve-out whose authority did not exist yet is not applied, and the
answer names the date it applied."""

from datetime import date

import pytest

from app.core.engine.rule_engine import RuleEngine
from app.core.prongs import Direction, Prong, RuleKind
from app.core.rules import Rule, all_rules
from app.core.rules.authorities import IN_FORCE_FROM, MEME_COIN_STATEMENT

MEME = ("Dogecoin is a meme coin created as a joke. It has no roadmap, no team and no utility; people hold it "
        "for fun and community.")


def _ids(assessments, prong):
    return {e.rule_id for a in assessments if a.prong is prong for e in a.evidence}


def test_every_category_carries_the_date_of_its_authority():
    for rule in all_rules():
        if rule.kind is RuleKind.CATEGORY and rule.authority in IN_FORCE_FROM:
            assert rule.in_force_from == IN_FORCE_FROM[rule.authority], rule.id
        if rule.kind is not RuleKind.CATEGORY:
            assert rule.in_force_from is None, f"{rule.id}: ordinary signs rest on Howey (1946) itself"


def test_a_meme_coin_before_the_statement_gets_no_carve_out():
    engine = RuleEngine()
    before = engine.assess(MEME, date(2024, 6, 1))
    after = engine.assess(MEME, date(2025, 6, 1))
    assert "expectation_of_profits.meme_coin" in _ids(after, Prong.EXPECTATION_OF_PROFITS)
    assert "expectation_of_profits.meme_coin" not in _ids(before, Prong.EXPECTATION_OF_PROFITS)
    on_the_day = engine.assess(MEME, IN_FORCE_FROM[MEME_COIN_STATEMENT])
    assert "expectation_of_profits.meme_coin" in _ids(on_the_day, Prong.EXPECTATION_OF_PROFITS)
    assert engine.assess(MEME) == engine.assess(MEME, date.today()), "no date is today's law"


def test_a_rule_can_end():
    rule = Rule(id="investment_of_money.test_window", prong=Prong.INVESTMENT_OF_MONEY, direction=Direction.SUPPORTS,
                weight=0.5, rationale="r", authority="a", patterns=(r"\bwindow\b",),
                in_force_from=date(2020, 1, 1), in_force_until=date(2021, 12, 31))
    assert [rule.in_force(d) for d in (date(2019, 12, 31), date(2020, 1, 1), date(2021, 12, 31), date(2022, 1, 1))] == \
        [False, True, True, False]
    with pytest.raises(ValueError, match="before"):
        Rule(id="investment_of_money.bad", prong=Prong.INVESTMENT_OF_MONEY, direction=Direction.SUPPORTS, weight=0.5,
             rationale="r", authority="a", patterns=("x",), in_force_from=date(2022, 1, 1), in_force_until=date(2021, 1, 1))
