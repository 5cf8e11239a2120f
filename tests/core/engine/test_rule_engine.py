"""The engine over a whole text: evidence from every rule, four prong assessments in order."""

from app.core.engine.rule_engine import RuleEngine
from app.core.prongs import PRONGS, Prong, Verdict
from tests.helpers.texts import COMMODITY_TEXT, SECURITY_TEXT


def test_four_prongs_in_contract_order():
    assessed = RuleEngine().assess(SECURITY_TEXT)
    assert [a.prong for a in assessed] == list(PRONGS)


def test_security_text_meets_prongs():
    assessed = {a.prong: a for a in RuleEngine().assess(SECURITY_TEXT)}
    assert assessed[Prong.INVESTMENT_OF_MONEY].verdict is Verdict.MET
    assert assessed[Prong.EFFORTS_OF_OTHERS].verdict is Verdict.MET
    assert "sold" in assessed[Prong.INVESTMENT_OF_MONEY].evidence[0].quote


def test_commodity_text_fails_efforts_of_others():
    assessed = {a.prong: a for a in RuleEngine().assess(COMMODITY_TEXT)}
    assert assessed[Prong.EFFORTS_OF_OTHERS].verdict is Verdict.NOT_MET
    assert assessed[Prong.EFFORTS_OF_OTHERS].score < 0.35
