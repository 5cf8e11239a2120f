"""The rule registry and the properties every rule must keep."""

import re

import pytest

from app.core.engine import RuleEngine
from app.core.prongs import PRONGS, Direction
from app.core.rules import Rule, all_rules
from app.core.text import SentenceIndex

RULES = all_rules()


def test_rules_are_discovered_without_a_registration_list():
    ids = [r.id for r in RULES]
    assert len(ids) == len(set(ids)) >= 8
    for prong in PRONGS:
        assert any(r.prong is prong for r in RULES), f"no rule for {prong.value}"
    assert sum(r.direction is Direction.WEIGHS_AGAINST for r in RULES) >= 2


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_rule_is_well_formed(rule: Rule):
    assert re.fullmatch(rf"{rule.prong.value}\.[a-z0-9_]+", rule.id)
    assert 0 < rule.weight <= 1
    assert rule.rationale.endswith(".") and len(rule.rationale) < 160
    assert rule.authority


def test_rule_definition_is_validated():
    with pytest.raises(ValueError, match="must start with its prong"):
        Rule(id="wrong.id", prong=PRONGS[0], direction=Direction.SUPPORTS, weight=0.5,
             rationale="x.", authority="y", patterns=("z",))
    with pytest.raises(ValueError, match="weight"):
        Rule(id="investment_of_money.x", prong=PRONGS[0], direction=Direction.SUPPORTS, weight=1.5,
             rationale="x.", authority="y", patterns=("z",))


# (text, rule id expected to fire, direction) — one row per prong at least.
TRUTH_TABLE = [
    ("The company sold ACME tokens for ETH in its public sale.", "investment_of_money.token_sale", "supports"),
    ("Accredited buyers joined the presale through SAFTs.", "investment_of_money.presale", "supports"),
    ("There was no premine and no ICO.", "investment_of_money.fair_launch", "weighs_against"),
    ("Proceeds will be used to build the exchange.", "common_enterprise.pooled_proceeds", "supports"),
    ("Rewards are distributed pro rata to all holders.", "common_enterprise.pro_rata_returns", "supports"),
    ("Holders receive a share of the platform's revenue every quarter.", "expectation_of_profits.revenue_share", "supports"),
    ("Depositors earn 12% APY paid by the company.", "expectation_of_profits.issuer_yield", "supports"),
    ("We will list the token on major exchanges after the sale.", "expectation_of_profits.exchange_listing", "supports"),
    ("Tokens cannot be transferred outside the platform.", "expectation_of_profits.transfer_limits", "weighs_against"),
    ("Each coin is redeemable 1:1 for U.S. dollars held in reserve.", "expectation_of_profits.par_stablecoin", "weighs_against"),
    ("A meme coin for fun, with no roadmap.", "expectation_of_profits.meme_coin", "weighs_against"),
    ("Our team will develop the wallet and launch the mainnet next year.", "efforts_of_others.issuer_development", "supports"),
    ("The foundation will buy back and burn tokens every quarter.", "efforts_of_others.price_support", "supports"),
    ("The founders retain 40% of the total supply.", "efforts_of_others.retained_stake", "supports"),
    ("Blocks are produced by proof-of-work miners.", "efforts_of_others.proof_of_work", "weighs_against"),
]


@pytest.mark.parametrize(("text", "rule_id", "direction"), TRUTH_TABLE)
def test_truth_table(text, rule_id, direction):
    evidence = RuleEngine().evidence(text)
    fired = {(e.rule_id, e.direction.value) for e in evidence}
    assert (rule_id, direction) in fired
    for e in evidence:
        assert text[e.start : e.end] == e.quote


NEGATED = [
    ("Holders receive no interest and no yield of any kind.", "expectation_of_profits.issuer_yield"),
    ("We make no promises that the price will rise.", "expectation_of_profits.profit_marketing"),
    ("Holders do not receive a share of the revenue.", "expectation_of_profits.revenue_share"),
    ("There is no presale.", "investment_of_money.presale"),
]


@pytest.mark.parametrize(("text", "rule_id"), NEGATED)
def test_negation_blocks_the_positive_rule(text, rule_id):
    assert rule_id not in {e.rule_id for e in RuleEngine().evidence(text)}


def test_evidence_is_capped_and_exact_on_long_input():
    sentence = "The company sold tokens for ETH in a token sale. "
    text = sentence * 2500  # ~120,000 characters
    found = [e for e in RuleEngine().evidence(text) if e.rule_id == "investment_of_money.token_sale"]
    assert len(found) == RULES[0].max_evidence
    for e in found:
        assert text[e.start : e.end] == e.quote


def test_rule_matches_whole_sentence_as_quote():
    text = "Intro line here. Tokens were sold for ETH during the sale. Outro."
    rule = next(r for r in RULES if r.id == "investment_of_money.token_sale")
    [evidence] = rule.find(SentenceIndex(text))
    assert evidence.quote == "Tokens were sold for ETH during the sale."
