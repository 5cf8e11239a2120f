import pytest

from tests.helpers.rules import cases, check_case

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
    # What holders will not get, and tokens that cannot leave the platform, in documents' words.
    ("Holding the token pays nothing.", {P + "no_profit_rights": A}, ()),
    ("Hold for a year, then sell your tokens back to the company at 20% more than you paid.", {P + "premium_buyback": S}, ()),
    ("The provider may credit a bonus amount from its own resources.", {P + "issuer_yield": S}, ()),
    ("Projected plan return: about 140% over the term.", {P + "profit_marketing": S}, ()),
    ("Half of everything that comes in is airdropped back to holders.", {P + "holder_payouts": S}, ()),
    ("As the player base grows we expect demand for the token to climb.", {P + "profit_marketing": S}, ()),
    ("We will buy them back at 125% of what you paid.", {P + "premium_buyback": S}, ()),
    ("Round 1 buyers pay half the expected listing price.", {P + "early_buyer_discount": S}, ()),
    ("Listing on at least two centralised exchanges is planned after launch.", {P + "exchange_listing": S}, ()),
    ("The interest we collect funds the rewards we pay you.", {P + "issuer_yield": S}, ()),
    ("Each epoch the chain mints new coins (about 5% annualised) for validators.", {}, (P + "issuer_yield",)),
    ("Tickets don't earn anything and won't go up in value.", {P + "no_profit_rights": A}, ()),
    ("Honestly, it doesn't pay dividends or share fees.", {P + "no_profit_rights": A}, ()),
    ("We make no promise of profit.", {P + "no_profit_rights": A}, ()),
    ("Nodes don't earn fees until the audit is done.", {}, (P + "no_profit_rights",)),
    ("Credits can't be sold or swapped for cash.", {P + "transfer_limits": A}, ()),
    ("Gems are locked to your player account.", {P + "transfer_limits": A}, ()),
    ("There is no way to withdraw coins from the game.", {P + "transfer_limits": A}, ()),
    ("Gems can't be converted back to money, and there is no cash-out.", {P + "transfer_limits": A}, ()),
    ("It is a picture of a frog; you get nothing.", {P + "no_profit_rights": A}, ()),
]

# Hard signs: a security in any era (equity, profit share, interest...).
HARD_SIGNS = [
    ("Holders receive a share of the platform's revenue every quarter.", {P + "revenue_share": S}, ()),
    ("Holders do not receive a share of the revenue.", {}, (P + "revenue_share",)),
    ("The company pays dividends to token holders.", {P + "revenue_share": S}, ()),
    ("Depositors earn 12% APY paid by the company.", {P + "issuer_yield": S}, ()),
    ("Holders may convert their tokens into company equity one-for-one.", {P + "equity_or_ownership": S}, ()),
    ("We promise to buy tokens back at a premium after one year.", {P + "premium_buyback": S}, ()),
    ("Each token is a tokenized stock that tracks the price of listed shares.", {P + "tokenized_security": S}, ()),
    ("Stakers get a quarter of the marketplace's fee income each month.", {P + "holder_payouts": S}, ()),
    ("Token owners are entitled to half of the app's subscription income, paid out quarterly.", {P + "holder_payouts": S}, ()),
    ("Each quarter the company distributes 25% of its net profit to ACME holders pro rata.", {P + "holder_payouts": S}, ()),
    ("60% of the creator royalty on every resale is returned to holders.", {P + "holder_payouts": S}, ()),
    ("1,200 ZPH credited to your wallet every month for 36 months.", {P + "holder_payouts": S}, ()),
    ("A prepaid credit for a day pass at any of our spaces.", {}, (P + "holder_payouts",)),
    ("Boost rewards: APY up to 11% on USDC.", {P + "issuer_yield": S}, ()),
    ("Rewards of roughly 6% a year, paid by the network.", {}, (P + "issuer_yield",)),
    ("The protocol sets the reward rate, currently about 4.7% per year.", {}, (P + "issuer_yield",)),
]

# Categories: the 2025 staff-statement carve-outs and the no-action-letter pattern.
CATEGORIES = [
    ("A meme coin for fun, with no roadmap.", {P + "meme_coin": A}, ()),
    ("Each coin is redeemable 1:1 for U.S. dollars on demand.", {P + "covered_stablecoin": A}, ()),
    ("An algorithmic coin you can redeem one-for-one through mint-and-burn arbitrage.", {}, (P + "covered_stablecoin",)),
    ("The token replaces the platform's in-app credits for virtual goods.", {P + "closed_loop_credits": A}, ()),
    ("Each NFT is a digital collectible with artwork.", {P + "digital_collectible": A}, ()),
]


@pytest.mark.parametrize(("text", "expected", "absent", "kind"), cases(TRUTH_TABLE, HARD_SIGNS, CATEGORIES))
def test_truth_table(text, expected, absent, kind):
    check_case(text, expected, absent, kind)
