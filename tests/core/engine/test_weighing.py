"""How a prong's evidence is weighed into a score, a verdict and a summary."""

from app.core.engine.rule_engine import RuleEngine
from app.core.engine.weighing import assess_prong
from app.core.prongs import Prong, Verdict
from tests.helpers.texts import SECURITY_TEXT


def test_no_evidence_is_unclear_not_not_met():
    assessed = RuleEngine().assess("A token.")
    assert all(a.verdict is Verdict.UNCLEAR and a.score == 0.5 for a in assessed)
    assert all(a.summary.startswith("Unclear") for a in assessed)


def test_a_rule_counts_once_however_often_it_fires():
    one = RuleEngine().assess("We sold tokens for ETH.")[0]
    many = RuleEngine().assess("We sold tokens for ETH. We sold more tokens for ETH. Tokens sold for BTC.")[0]
    assert one.score == many.score


def test_assess_prong_summary_names_the_strongest_evidence():
    evidence = RuleEngine().evidence(SECURITY_TEXT)
    investment = [e for e in evidence if e.prong is Prong.INVESTMENT_OF_MONEY]
    assessment = assess_prong(Prong.INVESTMENT_OF_MONEY, investment)
    assert assessment.summary.startswith("Met: ")
    strongest = assessment.evidence[0]
    assert strongest.weight == max(e.weight for e in investment)
    assert strongest.rationale.rstrip(".") in assessment.summary
    assert strongest.quote[:40] in assessment.summary


def test_a_category_discounts_ordinary_signs_but_not_hard_signs():
    stablecoin = (
        "USDX is a dollar stablecoin issued by Acme Trust Company. Each coin is redeemable one-for-one for "
        "U.S. dollars, and reserves are held in cash and short-term Treasury bills."
    )
    efforts = {a.prong: a for a in RuleEngine().assess(stablecoin)}[Prong.EFFORTS_OF_OTHERS]
    assert efforts.verdict is Verdict.NOT_MET
    with_yield = stablecoin + " Holders earn 20% APY paid by the company."
    profits = {a.prong: a for a in RuleEngine().assess(with_yield)}[Prong.EXPECTATION_OF_PROFITS]
    assert profits.verdict is Verdict.MET, "a hard sign is never discounted by a category"


def test_a_hard_sign_in_one_prong_takes_the_token_out_of_every_category():
    """The 2025 statements exclude the token, not one prong of it: a stablecoin whose issuer pays
    yield is not a covered stablecoin for the efforts prong either."""
    stablecoin = (
        "USDX is a dollar stablecoin issued by Acme Trust Company. Reserves are held in cash and short-term "
        "Treasury bills, and Acme's treasury desk decides the maturities at its discretion."
    )
    efforts = {a.prong: a for a in RuleEngine().assess(stablecoin)}[Prong.EFFORTS_OF_OTHERS]
    assert efforts.verdict is not Verdict.MET
    with_yield = stablecoin + " Holders earn 5% APY paid by Acme from the reserve income."
    assessed = {a.prong: a for a in RuleEngine().assess(with_yield)}
    assert any(e.kind.value == "hard_sign" for e in assessed[Prong.EXPECTATION_OF_PROFITS].evidence)
    assert assessed[Prong.EFFORTS_OF_OTHERS].verdict is Verdict.MET
    assert assessed[Prong.EFFORTS_OF_OTHERS].score > efforts.score
