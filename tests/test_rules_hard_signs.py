import pytest

from conftest import check_truth_table

S = "supports"

TRUTH_TABLE = [
    ("Holders receive a share of the platform's revenue every quarter.", {"expectation_of_profits.revenue_share": S}, ()),
    ("Holders do not receive a share of the revenue.", {}, ("expectation_of_profits.revenue_share",)),
    ("The company pays dividends to token holders.", {"expectation_of_profits.revenue_share": S}, ()),
    ("Depositors earn 12% APY paid by the company.", {"expectation_of_profits.issuer_yield": S}, ()),
    ("Holders may convert their tokens into company equity one-for-one.", {"expectation_of_profits.equity_or_ownership": S}, ()),
    ("We promise to buy tokens back at a premium after one year.", {"expectation_of_profits.premium_buyback": S}, ()),
    ("Each token is a tokenized stock that tracks the price of listed shares.", {"expectation_of_profits.tokenized_security": S}, ()),
    ("Customers deposit crypto in the Earn program and the company lends it out.", {"efforts_of_others.intermediary_pooling": S}, ()),
]


@pytest.mark.parametrize(("text", "expected", "absent"), TRUTH_TABLE)
def test_truth_table(text, expected, absent):
    check_truth_table(text, expected, absent)
