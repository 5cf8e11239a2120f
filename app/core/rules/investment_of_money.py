"""Prong 1: an investment of money — fiat, other crypto, or other value handed over for tokens."""

from app.core.prongs import Direction, Prong
from app.core.rules.authorities import (
    FRAMEWORK_2019,
    HOWEY_1946,
    KIK_2020,
    MINING_STATEMENT,
    RIPPLE_2023,
    TELEGRAM_2020,
)
from app.core.rules.schema import Rule
from app.core.rules.vocabulary import (
    FUNDS_RAISED_PATTERNS,
    MEANS_OF_PAYMENT,
    PRESALE_PATTERNS,
    PRICE,
    TOKEN_SALE_PATTERNS,
)

_P = Prong.INVESTMENT_OF_MONEY

token_sale = Rule(
    id="investment_of_money.token_sale",
    prong=_P,
    direction=Direction.SUPPORTS,
    weight=0.85,
    rationale="Tokens are sold for money or other crypto assets, which is an investment of money.",
    authority=FRAMEWORK_2019,
    patterns=(*TOKEN_SALE_PATTERNS, r"\bbuyers\s+could\s+(?:buy|purchase)\b"),
)

market_purchase = Rule(
    id="investment_of_money.market_purchase",
    prong=_P,
    direction=Direction.SUPPORTS,
    weight=0.6,
    rationale="Buyers pay money or crypto for the token, on a market, a launchpad or from the issuer against dollars.",
    authority=RIPPLE_2023,
    patterns=(
        r"\b(?:bought|purchased|acquired)\s+by\s+(?:\w+\s+)?(?:investors|buyers|traders|holders|users)\b",
        r"\b(?:bought|buy|buys|buying|purchase\w*|obtain\w*|sold)\b[^;]{0,60}\b(?:on|through|from|along|via)\s+(?:\w+\s+){0,3}(?:exchanges?|trading\s+platforms?|platforms?|markets?|bonding\s+curve|launchpad)\b",
        r"\bmint\w*\b[^;]{0,50}\b(?:against|by\s+(?:depositing|sending|paying)|for)\s+(?:\w+\s+){0,2}(?:U\.S\.\s+)?(?:dollars|USD|cash|ether)\b",
        r"\b(?:sending|send|deposit\w*|wire\w*)\s+(?:U\.S\.\s+)?dollars\b",
        r"\b(?:allocated|sold|distributed)\s+to\s+(?:[\w'’.-]+\s+){0,2}(?:investors|backers)\b",
        r"\b(?:trades?|traded|trading)\s+on\s+(?:[\w'’.-]+\s+){0,3}(?:exchanges?|platforms?|markets?|DEXs?)\b",
        r"\b(?:held|bought),?\s+(?:and\s+)?traded\b",
        r"\b(?:redeem\w*|exchang\w+)\b[^;]{0,40}\bfor\s+(?:U\.S\.\s+)?dollars\b",
    ),
)

funds_raised = Rule(
    id="investment_of_money.funds_raised",
    prong=_P,
    direction=Direction.SUPPORTS,
    weight=0.8,
    rationale="Money was raised from buyers: they gave up money or crypto for the tokens.",
    authority=HOWEY_1946,
    patterns=FUNDS_RAISED_PATTERNS,
)

presale = Rule(
    id="investment_of_money.presale",
    prong=_P,
    direction=Direction.SUPPORTS,
    weight=0.75,
    rationale="A presale or private round (often by SAFT) takes money now for tokens delivered later.",
    authority=KIK_2020,
    patterns=PRESALE_PATTERNS,
)

buyers_paid = Rule(
    id="investment_of_money.buyers_paid",
    prong=_P,
    direction=Direction.SUPPORTS,
    weight=0.75,
    rationale="Buyers paid, sent or deposited money or crypto to get the tokens or returns.",
    authority=TELEGRAM_2020,
    patterns=(
        r"\b(?:buyers?|investors?|purchasers?|participants?|customers?|users?|depositors?|contributors?|lenders?|members?)\b[^;]{0,40}\b(?:paid|pays?|sent|sends?|contributed|deposited|deposits?|invested|swapped|exchanged|lent|subscribes?|subscribed)\b[^;]{0,60}\b(?:ETH|ether|bitcoin|BTC|dollars|USD|USDC|USDT|DAI|crypto|money|cash|stablecoins?|funds|tokens?|for)\b",
        r"\b(?:in\s+exchange\s+for|paying\s+for|paid\s+for|paid\s+up\s+front)\b[^;]{0,40}\b(?:tokens?|coins?|NFTs?)\b",
        r"\b(?:took|takes|accept\w*)\s+deposits\b|\bdeposit\w*\s+(?:any\s+amount\s+of\s+|their\s+|crypto\s+)?(?:crypto|assets|ether|ETH|UST|dollars|funds|digital\s+assets)\b",
    ),
    # Paying a network's fee to use it is consumption, not an investment.
    unless=(r"\bpays?\s+(?:a\s+|the\s+|its\s+)?(?:small\s+|flat\s+)?(?:fees?|gas)\b",),
)

promotional_distribution = Rule(
    id="investment_of_money.promotional_distribution",
    prong=_P,
    direction=Direction.SUPPORTS,
    weight=0.55,
    rationale="Airdrops or bounties paid for promotion or personal data give the issuer value in return.",
    authority=FRAMEWORK_2019,
    patterns=(
        r"\b(?:bount(?:y|ies)|airdrop\w*|referral\w*)\b[^;]{0,120}\b(?:promot\w*|social\s+media|refer\w*|recruit\w*|marketing|KYC|personal\s+data|sign(?:ed|ing)?\s+up|creat\w+\s+\w+\s+accounts|Telegram|Twitter|blogs?|videos?|commissions?)\b",
    ),
)

fair_launch = Rule(
    id="investment_of_money.fair_launch",
    prong=_P,
    direction=Direction.WEIGHS_AGAINST,
    weight=0.35,
    rationale="With no sale, presale or pre-mine, nobody paid an issuer for the tokens (buyers may still pay a market).",
    authority=FRAMEWORK_2019,
    patterns=(
        r"\bno\s+(?:pre-?mine|ICO|(?:public\s+|token\s+|coin\s+)?sale|pre-?sale|private\s+sale|initial\s+coin\s+offering)\b",
        r"\bthere\s+(?:was|has\s+been)\s+no\s+(?:[\w'’.-]+\s+)?(?:sale|ICO|pre-?sale|pre-?mine)\b",
        r"\bfair[- ]launch(?:ed)?\b",
        r"\bnever\s+(?:sold|held\s+a\s+sale|ran\s+an?\s+(?:ICO|sale))\b",
    ),
    negatable=False,
)

not_for_sale = Rule(
    id="investment_of_money.not_for_sale",
    prong=_P,
    direction=Direction.WEIGHS_AGAINST,
    weight=0.55,
    rationale="A token that no one can buy (only earn, claim or be given) takes no one's money.",
    authority=FRAMEWORK_2019,
    patterns=(
        r"\b(?:earned|mined|claimed|given|awarded),?\s+(?:and\s+)?not\s+(?:sold|bought|purchased)\b",
        r"\bnever\s+been\s+sold\b|\bno\s+[\w$-]+\s+(?:was|has\s+been)\s+ever\s+sold\b",
        r"\b(?:cannot|can['’]t|can\s+not|may\s+not)\s+be\s+(?:purchased|bought)\b|\bno\s+way\s+to\s+buy\b|\bnot\s+(?:for\s+sale|sold\s+(?:to\s+anyone|at\s+all))\b",
    ),
    negatable=False,
)

earned_by_work = Rule(
    id="investment_of_money.earned_by_work",
    prong=_P,
    direction=Direction.WEIGHS_AGAINST,
    weight=0.55,
    rationale="Coins earned by mining or by providing services are earned by work, not bought.",
    authority=MINING_STATEMENT,
    patterns=(
        r"\b(?:coins?|tokens?|units|every\s+\w+|all\s+\w+|new\s+\w+)\b[^;]{0,50}\b(?:issued|paid|created|awarded|distributed|come\s+into\s+existence|enter\w*\s+circulation)\b[^;]{0,40}\b(?:miners?|mining|block\s+rewards?)\b",
        r"\b(?:earned|rewarded|reward|earn|earns|earning)\b[^;]{0,30}\b(?:by|for|through|to)\s+(?:miners|mining|providing|completing|contributing|validating|running|hosting|sharing)\b",
        r"\brewards?\s+for\s+(?:[\w-]+\s+)?(?:storage|work|bandwidth|compute|relaying|validation|mining|service|uptime)\b",
        r"\ball\s+\w+\s+(?:are|is|were)\s+mined\b",
        r"\ball\s+coins\s+come\s+from\s+mining\b",
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
        r"\b(?:airdrop(?:ped|s)?|distributed|given\s+away|handed\s+out|claimed)\b[^;]{0,50}\b(?:for\s+free|free\s+of\s+charge|at\s+no\s+cost|free)\b",
        r"\bclaiming\s+(?:it\s+)?is\s+free\b|\bfree\s+to\s+claim\b",
    ),
    unless=(r"\b(?:promot\w+|referr\w+|bount\w+|retweet|KYC|personal\s+data)\b",),
    negatable=False,
)

paid_a_price = Rule(
    id="investment_of_money.paid_a_price",
    prong=_P,
    direction=Direction.SUPPORTS,
    weight=0.7,
    rationale="Buyers pay a stated price, in money or crypto, to the seller or into its programme: an investment of money.",
    authority=HOWEY_1946,
    patterns=(
        rf"\b(?:at|for|of|costs?|priced\s+at|price:?|is)\s+(?:a\s+price\s+of\s+|about\s+|only\s+|just\s+)?{PRICE}\s*(?:per|each|a|an|/)\b",
        rf"\bmint\w*\b[^;]{{0,40}}{PRICE}",
        rf"{PRICE}[^;]{{0,20}}\b(?:mint|allowlist|whitelist|public\s+(?:sale|mint|round))\b",
        rf"\b(?:pay|pays|paying|paid|payable)\b[^;]{{0,60}}\b(?:in|with|by|using)\s+(?:\w+\s+){{0,2}}{MEANS_OF_PAYMENT}",
        r"\b(?:buy|buys|buying|purchase|purchases|purchasing|bought)\s+(?:[\w'’.-]+\s+){0,3}(?:directly\s+)?from\s+"
        r"(?:us|the\s+(?:company|issuer|foundation|team|project|developers?|studio))\b",
        rf"\b(?:deposit|deposits|depositing|send|sending)\s+(?:your\s+)?(?:[\w'’.-]+,?\s+){{0,3}}{MEANS_OF_PAYMENT}\b",
        r"\b(?:deposit|deposits|depositing|deposited|transfer|transfers|transferring|transferred|send|sending|sent|"
        r"move|moving|moves|moved)\s+"
        r"(?:your\s+|the\s+|their\s+)?(?:[\w'’.,-]+\s+){0,6}(?:(?:in)?to|to\s+and\s+held\s+in)\s+(?:your\s+|the\s+|our\s+)?(?:[\w'’.-]+\s+){0,3}"
        r"(?:account|pool|vault|program(?:me)?|omnibus|custody|Earn|multisig|sale\s+wallet|deposit\s+address|(?:program|omnibus|custody)\s+wallets?)\b",
        # Who sells, named: "Buy it from Halcyon at one dollar", "a contract bought from Hashcove".
        r"\b(?:buy|buys|buying|purchase|purchases|purchasing|purchased|bought)\s+(?:[\w'’.-]+\s+){0,3}(?:directly\s+)?from\s+(?-i:[A-Z][\w'’-]+)",
        rf"\b(?:buy|buys|buying|bought|purchase|purchases|purchased|purchasing)\b[^;]{{0,40}}\b(?:with|using)\s+(?:your\s+)?(?:[\w'’.-]+\s+)?{MEANS_OF_PAYMENT}\b",
        rf"\b(?:issue[sd]?|mint(?:s|ed)?)\b[^;]{{0,60}}\b(?:against|in\s+exchange\s+for|(?:up)?on\s+receipt\s+of)\s+(?:receipt\s+of\s+)?(?:[\w'’.-]+\s+){{0,4}}{MEANS_OF_PAYMENT}",
        rf"\bwho\s+(?:pay|deposit|send|contribute)\s+(?:[\w'’.-]+\s+){{0,2}}{MEANS_OF_PAYMENT}",
        rf"\bprice\s*(?:[:|=(]|\bper\b)[^;]{{0,40}}{PRICE}|{PRICE}\s+(?:each|apiece)\b",
        rf"\b(?:plans?|packages?|tiers?|licen[cs]es?|nodes?|contracts?|memberships?)\s+(?:start\s+)?(?:from|at)\s+{PRICE}",
        rf"\baccepts?\s+(?:[\w'’.-]+\s+){{0,2}}{MEANS_OF_PAYMENT}",
    ),
)
