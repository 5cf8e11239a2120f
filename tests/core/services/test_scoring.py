"""The scorer every surface shares, and the answer it words in the public schema."""

import json

import pytest

from app.core.engine.rule_engine import RuleEngine
from app.core.errors import RulebookMismatch
from app.core.prongs import RiskLevel
from app.core.results import ANSWER
from app.core.services.scoring import load_scorer
from tests.helpers.api import assert_contract
from tests.helpers.paths import SHIPPED_MODEL
from tests.helpers.texts import COMMODITY_TEXT, SECURITY_TEXT


@pytest.fixture(scope="module")
def scorer():
    return load_scorer(SHIPPED_MODEL)


def test_the_answer_keeps_its_schema_and_the_json_is_its_dump(scorer):
    scorer, manifest = scorer
    result = scorer.score(SECURITY_TEXT)
    assert result.risk_level is RiskLevel.HIGH
    answer = ANSWER.dump_python(result.answer(), mode="json")
    assert_contract(answer, SECURITY_TEXT)
    assert ANSWER.dump_python(ANSWER.validate_python(answer), mode="json") == answer, "built without validation, so checked here"
    assert json.loads(result.to_json()) == answer
    assert (answer["model_version"], answer["rulebook_version"]) == (manifest["model_version"], manifest["rulebook_version"])


def test_a_batch_is_scored_at_one_time_and_each_text_as_alone(scorer):
    scorer, _ = scorer
    results = scorer.score_many([SECURITY_TEXT, COMMODITY_TEXT])
    assert len({r.scored_at for r in results}) == 1
    assert [r.risk_score for r in results] == [scorer.score(text).risk_score for text in (SECURITY_TEXT, COMMODITY_TEXT)]


def test_bulk_scoring_leaves_out_the_explanation_only(scorer):
    scorer, _ = scorer
    explained, bare = scorer.score(SECURITY_TEXT), scorer.score_many([SECURITY_TEXT], explain=False)[0]
    assert explained.top_terms and explained.similar_tokens
    assert (bare.top_terms, bare.similar_tokens) == ([], [])
    assert (bare.risk_score, bare.factors) == (explained.risk_score, explained.factors)


def test_a_scorer_is_refused_a_model_trained_under_other_rules():
    with pytest.raises(RulebookMismatch):
        load_scorer(SHIPPED_MODEL, RuleEngine(RuleEngine().rules[1:]))
