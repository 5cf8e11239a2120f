import pytest

from conftest import check_truth_table

A = "weighs_against"

TRUTH_TABLE = [
    ("A meme coin for fun, with no roadmap.", {"expectation_of_profits.meme_coin": A}, ()),
    ("The contract was renounced and there is no team allocation.", {"efforts_of_others.meme_coin_no_team": A}, ()),
    ("Each coin is redeemable 1:1 for U.S. dollars on demand.", {"expectation_of_profits.covered_stablecoin": A}, ()),
    ("An algorithmic coin you can redeem one-for-one through mint-and-burn arbitrage.", {}, ("expectation_of_profits.covered_stablecoin",)),
    ("Reserves are held in cash and short-term U.S. Treasury bills, with monthly attestations.", {"efforts_of_others.stablecoin_reserves": A}, ()),
    ("Blocks are produced by proof-of-work miners.", {"efforts_of_others.protocol_mining": A}, ()),
    ("Buyers paid for hosted mining boxes that mine the token.", {}, ("efforts_of_others.protocol_mining",)),
    ("Holders stake their own tokens through self-custodial staking.", {"efforts_of_others.protocol_staking": A}, ()),
    ("stETH is a liquid staking receipt token.", {"efforts_of_others.liquid_staking_receipt": A}, ()),
    ("The token replaces the platform's in-app credits for virtual goods.", {"expectation_of_profits.closed_loop_credits": A}, ()),
    ("Each NFT is a digital collectible with artwork.", {"expectation_of_profits.digital_collectible": A}, ()),
]


@pytest.mark.parametrize(("text", "expected", "absent"), TRUTH_TABLE)
def test_truth_table(text, expected, absent):
    check_truth_table(text, expected, absent)
