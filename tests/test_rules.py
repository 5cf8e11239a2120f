"""Properties every rule and the engine keep, whatever the rule."""

import re

import pytest

from app.core.data.dataset import read_rows
from app.core.engine.prefilter import re2_form
from app.core.engine.rule_engine import RuleEngine
from app.core.engine.rulebook import render_markdown
from app.core.engine.segmentation import SentenceIndex
from app.core.prongs import PRONGS, Direction, Prong
from app.core.rules import Rule, all_rules
from conftest import DATA, ROOT, SECURITY_TEXT

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


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"id": "wrong.id"}, "must start with its prong"),
        ({"weight": 1.5}, "weight"),
        ({"patterns": ()}, "at least one pattern"),
        ({"kind": "vibe"}, "kind must be one of"),
        ({"kind": "hard_sign", "direction": Direction.WEIGHS_AGAINST}, "always supports"),
        ({"kind": "category"}, "always weighs against"),
    ],
)
def test_rule_definition_is_validated(changes, message):
    fields = {"id": "investment_of_money.x", "prong": Prong.INVESTMENT_OF_MONEY, "direction": Direction.SUPPORTS,
              "weight": 0.5, "rationale": "x.", "authority": "y", "patterns": ("z",)}
    with pytest.raises(ValueError, match=message):
        Rule(**{**fields, **changes})


def test_docs_rules_md_is_in_sync_with_the_code():
    assert (ROOT / "docs" / "rules.md").read_text(encoding="utf-8") == render_markdown(), "run: howey rules --markdown > docs/rules.md"


def _dataset_and_examples() -> list[str]:
    _, rows = read_rows(DATA)
    summaries = [row["summary"] for row in rows] + [SECURITY_TEXT]
    # and as they may arrive: non-breaking spaces, accented words, typographic apostrophes
    return summaries + [s.replace(" ", "\u00a0", 9).replace("o", "ö", 3).replace("'", "\u2019") for s in summaries]


def test_prefilter_never_hides_evidence():
    """The RE2 prefilter may only skip work: evidence with it equals running every rule on every sentence."""
    engine = RuleEngine()
    for text in _dataset_and_examples():
        index = SentenceIndex(text)
        brute = [e for rule in RULES for e in rule.find(index)]
        assert engine.evidence(text) == brute


def test_re2_form_is_exact_unless_it_drops_a_lookahead():
    assert re2_form(r"\bpooled\b(?!\s+liquidity)") == (r"\bpooled\b", False)
    assert re2_form(r"[\w'-]+\s{0,3}x{1,9}") == (r"[\w'-]+\s{0,3}x{1,9}", True)
    assert re2_form(r"\w+(?!(?:a|b)\b)c") == (r"\w+c", False)


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
    rule = next(r for r in RULES if r.id == "investment_of_money.token_sale")
    [evidence] = rule.find(SentenceIndex(text))
    assert evidence.quote == "Tokens were sold in a public token sale for ETH."
