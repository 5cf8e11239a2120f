import pytest

from tests.helpers.rules import cases, check_case

S, A = "supports", "weighs_against"
P = "efforts_of_others."

TRUTH_TABLE = [
    ("Our team will develop the wallet and launch the mainnet next year.", {P + "issuer_development": S}, ()),
    ("The protocol is developed by Acme Labs and the Acme Foundation.", {P + "identified_builder": S}, ()),
    ("Veritaseum sold VERI tokens to the public.", {P + "issuer_sells_tokens": S}, ()),
    ("Buyers sold their tokens on exchanges.", {}, (P + "issuer_sells_tokens",)),
    ("The company paid celebrities to promote the token on social media.", {P + "issuer_promotion": S}, ()),
    ("The foundation will buy back and burn tokens every quarter.", {P + "price_support": S}, ()),
    ("Hydrogen hired a market-making firm to keep trading active.", {P + "price_support": S}, ()),
    ("The company worked to get the token listed on trading platforms.", {P + "market_creation": S}, ()),
    ("The founders retain 40% of the total supply.", {P + "retained_stake": S}, ()),
    ("Employees were paid in tokens as part of their compensation.", {P + "insider_compensation": S}, ()),
    ("The platform deployed customer deposits to generate returns for lenders.", {P + "managerial_operation": S}, ()),
    ("The company controls upgrades to the contract and holds the admin keys.", {P + "issuer_control": S}, ()),
    ("The team stressed its founders' experience in building exchanges.", {P + "team_expertise": S}, ()),
    ("There is no central party: the network is run by a global community of node operators.", {P + "decentralised_network": A}, ()),
    ("Token holders vote on protocol upgrades and the treasury.", {P + "holder_governance": A}, ()),
    ("The platform was fully built before any sale.", {P + "functional_at_sale": A}, ()),
    # Who decides: the promoter's choices, holders with no say.
    ("Our risk desk chooses the borrowers and sets how much each one gets.", {P + "promoter_discretion": S}, ()),
    ("Funds are deployed into strategies the company selects.", {P + "promoter_discretion": S}, ()),
    ("The operator may reallocate the portfolio at its sole and absolute discretion.", {P + "promoter_discretion": S}, ()),
    ("Our ops crew hosts and maintains the mining rigs.", {P + "promoter_discretion": S}, ()),
    ("You choose which validators to delegate to.", {}, (P + "promoter_discretion",)),
    ("Pick validators with a good record.", {}, (P + "promoter_discretion",)),
    ("The staking contract selects validators from the registry by a fixed formula.", {}, (P + "promoter_discretion",)),
    ("Deposits are spread automatically; the module allocates them to the top 60 validators.", {}, (P + "promoter_discretion",)),
    ("Bonus points may be awarded at our discretion during promotions.", {}, (P + "promoter_discretion",)),
    ("Votes are advisory; the core team decides what ships.", {P + "issuer_control": S}, ()),
    ("The reserve is held in T-bills that our treasury desk actively manages.", {P + "promoter_discretion": S}, ()),
    ("The reward rate is adjusted monthly at the operator's discretion.", {P + "promoter_discretion": S}, ()),
    ("The two founders remain responsible for day-to-day operations.", {P + "promoter_discretion": S}, ()),
    ("Members do not need to do anything to receive their share.", {P + "passive_holders": S}, ()),
    ("We buy, host, power, repair and pool the ASICs; you hold a token.", {P + "promoter_discretion": S}, ()),
    ("The manager alone selects tenants, sets rents and decides when to sell.", {P + "promoter_discretion": S}, ()),
    ("Upgrades and treasury spending are reserved to the Council multisig.", {P + "issuer_control": S}, ()),
    ("The admin keys were transferred to the governance timelock last month.", {}, (P + "issuer_control",)),
    ("You can ask us to buy back unused credits within 30 days; we refund what you paid.", {}, (P + "price_support",)),
    ("Depositors have no say in which loans are made.", {P + "passive_holders": S}, ()),
    ("The studio of twelve is shipping the game's first season next spring.", {P + "issuer_development": S}, ()),
    ("The marketplace is under development by Corbel Labs.", {P + "issuer_development": S}, ()),
    ("Only the Fathom multisig can pause transfers or change fees.", {P + "issuer_control": S}, ()),
    ("The founders hold no admin keys.", {}, (P + "issuer_control",)),
    # The network runs without anyone: no owner, independent teams, founders gone.
    ("There is no company, foundation or treasury behind the chain.", {P + "decentralised_network": A}, ()),
    ("The client is maintained by three independent teams.", {P + "decentralised_network": A}, ()),
    ("The original developers left in 2016.", {P + "decentralised_network": A}, ()),
    ("The original foundation was dissolved in 2019.", {P + "decentralised_network": A}, ()),
    ("The network runs fine without us.", {P + "decentralised_network": A}, ()),
    ("About 3,100 independent providers store the data.", {P + "decentralised_network": A}, ()),
    ("The pool contracts are immutable.", {P + "decentralised_network": A}, ()),
    ("The exchange has been live since 2021.", {P + "functional_at_sale": A}, ()),
    # The holder keeps the keys and makes the choices.
    ("Your coins never leave your own wallet.", {P + "holder_custody": A}, ()),
    ("We have no discretion over where your stake goes; only you can move it.", {P + "holder_custody": A}, ()),
]

# Hard signs: a security in any era.
HARD_SIGNS = [
    ("Customers deposit crypto in the Earn program and the company lends it out.", {P + "intermediary_pooling": S}, ()),
]

# Categories: the 2025 staff-statement carve-outs and the no-action-letter pattern.
CATEGORIES = [
    ("The contract was renounced and there is no team allocation.", {P + "meme_coin_no_team": A}, ()),
    ("Reserves are held in cash and short-term U.S. Treasury bills, with monthly attestations.", {P + "stablecoin_reserves": A}, ()),
    ("Blocks are produced by proof-of-work miners.", {P + "protocol_mining": A}, ()),
    ("There is no governance token and no staking.", {}, (P + "meme_coin_no_team",)),
    ("Buyers paid for hosted mining boxes that mine the token.", {}, (P + "protocol_mining",)),
    ("Holders stake their own tokens through self-custodial staking.", {P + "protocol_staking": A}, ()),
    ("stETH is a liquid staking receipt token.", {P + "liquid_staking_receipt": A}, ()),
]


@pytest.mark.parametrize(("text", "expected", "absent", "kind"), cases(TRUTH_TABLE, HARD_SIGNS, CATEGORIES))
def test_truth_table(text, expected, absent, kind):
    check_case(text, expected, absent, kind)
