import pytest

from tests.helpers.rules import check_truth_table

S, A = "supports", "weighs_against"
P = "common_enterprise."

TRUTH_TABLE = [
    ("Proceeds will be used to build the exchange.", {P + "pooled_proceeds": S}, ()),
    ("We raised $30 million in our token sale to fund development of the network.", {P + "pooled_proceeds": S, P + "issuer_sale": S}, ()),
    ("Deposits were pooled and lent to borrowers.", {P + "pooled_assets": S}, ()),
    ("The contributions were held in the DAO treasury to fund operations.", {P + "pooled_assets": S}, ()),
    ("Half of each fee was shared out to holders in proportion to their balances.", {P + "pro_rata_returns": S}, ()),
    ("Stakers receive a share of the protocol's fees.", {P + "pro_rata_returns": S}, ()),
    ("The team told buyers the value of the token would rise as the network grows.", {P + "fortunes_tied_to_issuer": S}, ()),
    ("The company tied its value to demand for the platform.", {P + "fortunes_tied_to_issuer": S}, ()),
    ("Its redemption value is tied to average market prices rather than to the issuer.", {}, (P + "fortunes_tied_to_issuer",)),
    ("Each user's reward depends solely on their own usage.", {P + "individual_outcomes": A}, ()),
    ("The network runs with no company behind it; new coins are issued only to miners.", {P + "no_issuer_pool": A}, ()),
    ("Treasury bills and money market funds back the coin.", {}, (P + "pooled_assets",)),
]


@pytest.mark.parametrize(("text", "expected", "absent"), TRUTH_TABLE)
def test_truth_table(text, expected, absent):
    check_truth_table(text, expected, absent)
