"""Prong 1: an investment of money (fiat or other crypto assets, or other value given up)."""

from app.core.prongs import Direction, Prong
from app.core.rules.base import FRAMEWORK_2019, HOWEY_1946, KIK_2020, Rule

_P = Prong.INVESTMENT_OF_MONEY
_MONEY = r"(?:ETH|ether|BTC|bitcoin|USD|U\.S\.\s+dollars|dollars|fiat|USDC|USDT|stablecoins?|cash|\$\s?\d)"

token_sale = Rule(
    id="investment_of_money.token_sale",
    prong=_P,
    direction=Direction.SUPPORTS,
    weight=0.85,
    rationale="Tokens are sold for money or other crypto assets, which is an investment of money.",
    authority=FRAMEWORK_2019,
    patterns=(
        rf"\b(?:sold|sells?|selling|offered|offers?|offering|raised?|raising|contributed|purchased)\b[^.;]{{0,90}}\b(?:for|in\s+exchange\s+for|against|in)\b[^.;]{{0,30}}{_MONEY}",
        r"\b(?:token|coin)\s+(?:sale|offering|generation\s+event|crowdsale|auction)s?\b",
        r"\b(?:initial\s+coin\s+offering|ICO|IEO|IDO)\b",
        r"\braised?\s+(?:about\s+|approximately\s+|roughly\s+|over\s+|more\s+than\s+|nearly\s+)?(?:US)?\$\s?\d",
    ),
)

presale = Rule(
    id="investment_of_money.presale",
    prong=_P,
    direction=Direction.SUPPORTS,
    weight=0.75,
    rationale="A presale or private round (often by SAFT) takes money now for tokens delivered later.",
    authority=KIK_2020,
    patterns=(
        r"\b(?:pre-?sale|private\s+(?:sale|round|placement)|seed\s+round|strategic\s+round)s?\b",
        r"\bSAFTs?\b|\bsimple\s+agreements?\s+for\s+future\s+tokens\b",
    ),
)

fair_launch = Rule(
    id="investment_of_money.fair_launch",
    prong=_P,
    direction=Direction.WEIGHS_AGAINST,
    weight=0.5,
    rationale="With no sale, presale or pre-mine nobody paid an issuer for the tokens.",
    authority=FRAMEWORK_2019,
    patterns=(
        r"\bno\s+(?:pre-?mine|ICO|token\s+sale|pre-?sale|private\s+sale|initial\s+coin\s+offering)\b",
        r"\bfair[- ]launch(?:ed)?\b",
        r"\bnever\s+(?:sold|held\s+a\s+sale|ran\s+an?\s+(?:ICO|sale))\b",
    ),
    negatable=False,
)

earned_by_work = Rule(
    id="investment_of_money.earned_by_work",
    prong=_P,
    direction=Direction.WEIGHS_AGAINST,
    weight=0.55,
    rationale="Tokens earned by mining or by providing services are earned by work, not bought.",
    authority=FRAMEWORK_2019,
    patterns=(
        r"\b(?:new\s+)?(?:coins|tokens|units)\s+(?:are|is)\s+(?:only\s+)?(?:created|issued|earned|minted)\b[^.;]{0,60}\b(?:mining|miners|block\s+rewards?|proof[- ]of[- ]work)\b",
        r"\b(?:earned|rewarded)\s+(?:by|for|through)\s+(?:mining|providing|completing|contributing|validating)\b",
    ),
)

free_distribution = Rule(
    id="investment_of_money.free_distribution",
    prong=_P,
    direction=Direction.WEIGHS_AGAINST,
    weight=0.35,
    rationale="Tokens given away for nothing of value involve no investment of money.",
    authority=HOWEY_1946,
    patterns=(
        r"\b(?:airdrop(?:ped|s)?|distributed|given\s+away|handed\s+out)\b[^.;]{0,50}\b(?:for\s+free|free\s+of\s+charge|at\s+no\s+cost)\b",
    ),
    unless=(r"\b(?:promot\w+|referr\w+|bount\w+|retweet|KYC|personal\s+data)\b",),
    negatable=False,
)
