import pytest

from tests.helpers.rules import check_truth_table

S, A = "supports", "weighs_against"
P = "investment_of_money."

TRUTH_TABLE = [
    ("The company sold ACME tokens for ETH in its public sale.", {P + "token_sale": S}, ()),
    ("The foundation sold 10% of the supply to early supporters for USDC.", {P + "token_sale": S}, ()),
    ("In its 2017 ICO the startup raised about $15 million from buyers.", {P + "funds_raised": S, P + "token_sale": S}, ()),
    ("Accredited buyers joined the presale through SAFTs.", {P + "presale": S}, ()),
    ("Buyers sent ether to the contract address in exchange for tokens.", {P + "buyers_paid": S}, ()),
    ("The token was bought by retail investors on decentralized trading platforms.", {P + "market_purchase": S}, ()),
    ("Customers mint coins by sending U.S. dollars to the issuer.", {P + "market_purchase": S}, ()),
    ("The coin is held and traded as a piece of internet culture.", {P + "market_purchase": S}, ()),
    ("A bounty program paid tokens to people who promoted the sale on Twitter and Telegram.", {P + "promotional_distribution": S}, ()),
    ("There was no presale and no premine.", {P + "fair_launch": A}, (P + "presale",)),
    ("Every coin is issued to miners as a block reward.", {P + "earned_by_work": A}, ()),
    ("Hotspot owners earn MESH by providing wireless coverage.", {P + "earned_by_work": A}, ()),
    ("Half the supply was airdropped free of charge to early users.", {P + "free_distribution": A}, ()),
    ("Tokens were airdropped for free to people who retweeted our promotion.", {}, (P + "free_distribution",)),
    # A price, a means of payment or a deposit to the operator, however the document words it.
    ("The Company agrees to issue Tokens at $0.50 per Token.", {P + "paid_a_price": S}, ()),
    ("Genesis collection: 5,000 NFTs minted at 0.07 ETH.", {P + "paid_a_price": S}, ()),
    ("Licenses are payable in ETH, USDC or USDT.", {P + "paid_a_price": S}, ()),
    ("You can buy FERN tokens directly from us.", {P + "paid_a_price": S}, ()),
    ("Deposit USDT, USDC or ETH from any wallet in two taps.", {P + "paid_a_price": S}, ()),
    ("Buy it from Corvane with a card or a bank transfer.", {P + "paid_a_price": S}, ()),
    ("Tokens are issued only against receipt of U.S. dollars.", {P + "paid_a_price": S}, ()),
    ("| Term | Value |\n|---|---|\n| Price | 12 USDC per license |", {P + "paid_a_price": S}, ()),
    ("Move your coins from your exchange balance into the staking pool.", {P + "paid_a_price": S}, ()),
    ("Users bought the coin from other holders on the open market.", {}, (P + "paid_a_price",)),
    ("Points are earned, not sold.", {P + "not_for_sale": A}, ()),
    ("Hosting plans start from $500.", {P + "paid_a_price": S}, ()),
    ("The buyer pays USDT to the sale contract at the current price.", {P + "buyers_paid": S}, ()),
    ("To register a name, a user pays a fee in the chain's native token.", {}, (P + "buyers_paid",)),
    ("Send any supported coin to your Burrow deposit address.", {P + "paid_a_price": S}, ()),
    ("Badges cannot be purchased.", {P + "not_for_sale": A}, ()),
    ("Claiming is free: you only pay gas.", {P + "free_distribution": A}, ()),
    ("Every coin was minted to a provider as a reward for proven storage.", {P + "earned_by_work": A}, ()),
    ("Your coins are transferred to the operator's staking pool with other users' coins.", {P + "paid_a_price": S}, ()),
    ("No purchase is required and nothing is payable in USDC.", {}, (P + "paid_a_price",)),
    ("The price of bitcoin rose to $60,000 last year.", {}, (P + "paid_a_price",)),
]


@pytest.mark.parametrize(("text", "expected", "absent"), TRUTH_TABLE)
def test_truth_table(text, expected, absent):
    check_truth_table(text, expected, absent)
