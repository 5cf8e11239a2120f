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
    # Pooling and shared returns as documents word them, in any order.
    ("Your savings are mixed with every other member's savings and lent out by our desk.", {P + "pooled_assets": S}, ()),
    ("All subscriber payments go into one common fund that buys the farmland.", {P + "pooled_assets": S}, ()),
    ("We pool all customers' ETH and stake it for them.", {P + "pooled_assets": S}, ()),
    ("Your stake joins the vault alongside thousands of other depositors.", {P + "pooled_assets": S}, ()),
    ("Net rental income is split evenly per token every quarter.", {P + "pro_rata_returns": S}, ()),
    ("Reserves are held in a single segregated account at two banks.", {}, (P + "pooled_assets",)),
    ("Staked coins are held in omnibus wallets the platform controls.", {P + "pooled_assets": S}, ()),
    ("Your coins join the pool alongside 48,000 other stakers.", {P + "pooled_assets": S}, ()),
    ("All consideration received shall be deposited in the Company's general operating account.", {P + "pooled_assets": S}, ()),
    ("The operator may, without further notice, commingle customer assets with assets of other participants.", {P + "pooled_assets": S}, ()),
    ("Each month the profit is divided among all holders by balance.", {P + "pro_rata_returns": S}, ()),
    ("Payouts are made relative to the share of total capacity each buyer purchased.", {P + "pro_rata_returns": S}, ()),
    ("If a loan defaults, losses are shared across every depositor.", {P + "pro_rata_returns": S}, ()),
    # Rewards the protocol pays, or pay for work done, pool nobody's money.
    ("Rewards are paid by the protocol in proportion to each validator's stake.", {}, (P + "pro_rata_returns",)),
    ("Relay rewards go out pro rata to bandwidth served.", {}, (P + "pro_rata_returns",)),
    ("Stake is spread in equal shares across 40 node operators.", {}, (P + "pro_rata_returns",)),
    # A consumer good sold at a list price is a sale, not a stake in a common enterprise.
    ("Gem packs are sold in the in-game shop for $4.99.", {}, (P + "issuer_sale",)),
    ("Each one-of-one print is sold as an NFT for 0.2 ETH.", {}, (P + "issuer_sale",)),
    # Outcomes that are each holder's own.
    ("What your node earns depends entirely on its own uptime.", {P + "individual_outcomes": A}, ()),
    ("Rewards are not pooled with anyone else's.", {P + "individual_outcomes": A}, ()),
    ("Rewards depend on your uptime and on whether your proofs land.", {P + "individual_outcomes": A}, ()),
    ("Every artwork is sold and owned separately.", {P + "individual_outcomes": A}, ()),
]


@pytest.mark.parametrize(("text", "expected", "absent"), TRUTH_TABLE)
def test_truth_table(text, expected, absent):
    check_truth_table(text, expected, absent)
