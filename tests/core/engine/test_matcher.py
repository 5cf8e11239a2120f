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


# Each form that does not assert a fact of this offering, beside the same fact asserted.
NOT_EVIDENCE = [
    ("hypothetical", "Hypothetically, the company would pay holders 20% of its fee revenue."),
    ("counterfactual", "Had the company sold tokens to investors for ETH, buyers would depend on it."),
    ("reported question", "Some of you asked whether we will pay holders 20% of the fee revenue."),
    ("about the document", "The authors also provide a roadmap for the exchange the team will build."),
    ("comparison", "Unlike a typical token sale that pays holders 20% of the fee revenue, this has none"),
    ("condition", "If anyone offers to pay you 20% of the fee revenue for holding, it is a scam."),
    ("negation", "The company does not pay holders any share of its fee revenue."),
    ("negated subject", "Nobody, not the team and not a foundation, pays holders 20% of the fee revenue."),
    ("question", "Do holders receive 20% of the fee revenue?"),
    ("heading alone", "## Holders receive 20% of the fee revenue"),
    ("table row saying none", "| Item | Value |\n|---|---|\n| Share of fee revenue paid to holders | none |"),
    ("table row saying it never happened", "| Item | Status |\n|---|---|\n| Quarterly 20% fee-revenue payout to holders | never happened |"),
    ("label saying none", "**Share of fee revenue paid to holders every quarter:** none."),
    ("negated list", "Holders are not entitled to any interest, rebate, dividend, share of the fee revenue or other return."),
    ("nil subject", "4.2 No share of the fee revenue is paid to holders each quarter."),
    ("nothing as subject", "Nothing here means the company pays holders 20% of its fee revenue."),
    ("counterfactual opening", "Had we sold tokens in 2019 — before launch — and paid holders 20% of the fee revenue, it would differ."),
    ("condition up to a would", "If the company paid holders 20% of its fee revenue, pooled deposits or set rates, ACME would be a security."),
    ("what others do", "Some competitors pay holders 20% of their fee revenue; we chose not to."),
]
ASSERTED = [
    "The company pays holders 20% of its fee revenue every quarter.",
    "If you hold ACME, the company pays you 20% of its fee revenue every quarter.",
    "| Item | Value |\n|---|---|\n| Share of fee revenue paid to holders | 20% each quarter |",
    "**What do holders get?**\nTwenty percent of the fee revenue, paid each quarter.",
    "Holders are entitled to interest, a rebate, a dividend, 20% of the fee revenue and other returns.",
    "**Share of fee revenue paid to holders every quarter:** 20%.",
    "If the exchange keeps growing, holders would receive 20% of the fee revenue every quarter.",
]


@pytest.mark.parametrize(("form", "text"), NOT_EVIDENCE, ids=[form for form, _ in NOT_EVIDENCE])
def test_what_is_not_asserted_is_not_evidence(form, text):
    profits = [e for e in RuleEngine().evidence(text) if e.prong is Prong.EXPECTATION_OF_PROFITS
               and e.direction is Direction.SUPPORTS]
    assert profits == [], (form, [(e.rule_id, e.quote) for e in profits])


@pytest.mark.parametrize("text", ASSERTED)
def test_the_same_fact_asserted_is_evidence(text):
    found = [e for e in RuleEngine().evidence(text) if e.prong is Prong.EXPECTATION_OF_PROFITS]
    assert found and all(text[e.start:e.end] == e.quote for e in found)
