"""Honest abstention: text with no recognisable facts never looks like a verdict."""

import pytest

from app.core.data.listings import text_problem
from app.core.engine.weighing import enough_evidence
from app.core.prongs import RiskLevel, Verdict
from app.core.services.scoring import load_scorer
from tests.helpers.paths import SHIPPED_MODEL
from tests.helpers.texts import COMMODITY_TEXT, SECURITY_TEXT


@pytest.fixture(scope="module")
def scorer():
    return load_scorer(SHIPPED_MODEL)[0]


@pytest.mark.parametrize("text", [
    "Hello world.",
    "A banana bread recipe: mash three ripe bananas, stir in flour, sugar and two eggs, and bake for an hour.",
    "## Installation\n\n```\npip install acme-token\nnpm run build\n```",
    "# Roadmap",
    "This repository contains an ERC-20 token.",
])
def test_text_with_no_recognisable_facts_is_never_medium_or_high(scorer, text):
    result = scorer.score(text)
    assert result.risk_level is RiskLevel.INSUFFICIENT_EVIDENCE
    assert result.prongs_with_evidence <= 1
    assert 0 <= result.risk_score <= 1  # the model's estimate is still given


def test_documents_with_facts_get_a_level(scorer):
    assert scorer.score(SECURITY_TEXT).risk_level is RiskLevel.HIGH
    commodity = scorer.score(COMMODITY_TEXT)
    assert commodity.risk_level is not RiskLevel.INSUFFICIENT_EVIDENCE
    assert commodity.prongs_with_evidence >= 2 or any(f.verdict is Verdict.NOT_MET for f in commodity.factors)


def test_one_prong_clearly_not_met_is_enough_to_judge(scorer):
    factors = scorer.engine.assess("Blocks are produced by proof-of-work miners.")
    evidenced = [f for f in factors if f.evidence]
    if len(evidenced) == 1 and evidenced[0].verdict is Verdict.NOT_MET:
        assert enough_evidence(factors)
    assert not enough_evidence(scorer.engine.assess("Hello world."))


@pytest.mark.parametrize("text", ["\u200b\u200b\u200b", "\u2060\ufeff", " \u200b\n\t"])
def test_text_of_only_invisible_characters_is_refused(text):
    kind, reason = text_problem(text)
    assert kind == "empty text"
    assert "visible" in reason or "empty" in reason
