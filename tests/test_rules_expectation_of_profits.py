import pytest

from conftest import check_truth_table

S, A = "supports", "weighs_against"
P = "expectation_of_profits."

TRUTH_TABLE = [
    ("The team told buyers the token would gain value as demand grew.", {P + "profit_marketing": S}, ()),
    ("The sale promised gains of 1,354 percent in less than a month.", {P + "profit_marketing": S}, ()),
    ("We make no promises that the price will rise.", {}, (P + "profit_marketing",)),
    ("We will list the token on major exchanges after the sale.", {P + "exchange_listing": S}, ()),
    ("The token trades on several crypto trading platforms.", {P + "secondary_trading": S}, ()),
    ("Presale buyers received a 30% discount and early depositors a bonus.", {P + "early_buyer_discount": S}, ()),
    ("The tokens were sold to hedge funds and other institutional buyers.", {P + "investment_framing": S}, ()),
    ("When delivered, the tokens could not yet be used in any product.", {P + "pre_functional_sale": S}, ()),
    ("Our initial coin offering is open to the public.", {P + "broad_offering": S}, ()),
    ("Validators stake the token to earn rewards.", {P + "holding_rewards": S}, ()),
    ("The startup raised money in a token sale to fund development of its app.", {P + "development_funded_by_sale": S}, ()),
    ("Users spend credits right away on virtual goods.", {P + "consumptive_use": A}, ()),
    ("The company sells tokens at a fixed price and buys them back at the same price.", {P + "fixed_price": A}, ()),
    ("Tokens cannot be transferred outside the platform.", {P + "transfer_limits": A}, ()),
    ("The coin pays holders no interest and carries no rights.", {P + "no_profit_rights": A}, ()),
    ("Holders receive no interest and no yield of any kind.", {P + "no_profit_rights": A}, (P + "issuer_yield",)),
    ("The liquidity pool could not be withdrawn by anyone.", {}, (P + "transfer_limits",)),
]


@pytest.mark.parametrize(("text", "expected", "absent"), TRUTH_TABLE)
def test_truth_table(text, expected, absent):
    check_truth_table(text, expected, absent)
