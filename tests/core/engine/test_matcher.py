"""Where a rule matches: one quote per sentence (or clause), negation, and the evidence cap."""

import pytest

from app.core.engine.matcher import find_evidence
from app.core.engine.rule_engine import RuleEngine
from app.core.engine.segmentation import SentenceIndex
from app.core.prongs import Direction, Prong
from app.core.rules import all_rules

NEGATED = [
    ("Holders receive no interest and no yield of any kind.", "expectation_of_profits.issuer_yield"),
    ("We make no promises that the price will rise.", "expectation_of_profits.profit_marketing"),
    ("Holders do not receive a share of the revenue.", "expectation_of_profits.revenue_share"),
    ("There is no presale.", "investment_of_money.presale"),
    ("The token will never be listed on exchanges.", "expectation_of_profits.exchange_listing"),
]


@pytest.mark.parametrize(("text", "rule_id"), NEGATED)
def test_negation_blocks_the_positive_rule(text, rule_id):
    assert rule_id not in {e.rule_id for e in RuleEngine().evidence(text)}


def test_disclaimer_is_not_evidence_against():
    text = (
        "ACME is a utility token, not a security and not an investment. Buyers in our presale get a 40% "
        "discount, and we will list ACME on major exchanges after the sale. The team retains 30% of the supply."
    )
    factors = {a.prong: a for a in RuleEngine().assess(text)}
    assert factors[Prong.EXPECTATION_OF_PROFITS].verdict.value == "met"
    assert not any(e.direction is Direction.WEIGHS_AGAINST for a in factors.values() for e in a.evidence)


def test_evidence_is_capped_and_exact_on_a_100000_character_whitepaper():
    text = ("The company sold tokens for ETH in a token sale. Holders have no say in anything at all. " * 1200)[:100_000]
    evidence = RuleEngine().evidence(text)
    by_rule: dict[str, int] = {}
    for e in evidence:
        assert text[e.start : e.end] == e.quote
        by_rule[e.rule_id] = by_rule.get(e.rule_id, 0) + 1
    assert by_rule["investment_of_money.token_sale"] == 3
    assert max(by_rule.values()) <= 3


def test_long_sentence_is_quoted_by_its_clause():
    filler = ", ".join(f"item {i}" for i in range(60))
    text = f"The platform offers many things: {filler}; the company sold tokens for ETH to fund it; and more {filler}."
    [e] = [e for e in RuleEngine().evidence(text) if e.rule_id == "investment_of_money.token_sale"]
    assert e.quote == "the company sold tokens for ETH to fund it"
    assert text[e.start : e.end] == e.quote


def test_rule_quotes_the_whole_sentence():
    text = "Intro line here. Tokens were sold in a public token sale for ETH. Outro."
    rule = next(r for r in all_rules() if r.id == "investment_of_money.token_sale")
    [evidence] = find_evidence(rule, SentenceIndex(text))
    assert evidence.quote == "Tokens were sold in a public token sale for ETH."
