"""Prong 3: a reasonable expectation of profits (returns, price growth, listings; or their absence)."""

from app.core.prongs import Direction, Prong
from app.core.rules.base import (
    DAO_REPORT_2017,
    FRAMEWORK_2019,
    MEME_COIN_STATEMENT,
    NO_ACTION_LETTERS,
    STABLECOIN_STATEMENT,
    TERRAFORM_2023,
    Rule,
)

_P = Prong.EXPECTATION_OF_PROFITS

profit_marketing = Rule(
    id="expectation_of_profits.profit_marketing",
    prong=_P,
    direction=Direction.SUPPORTS,
    weight=0.7,
    rationale="Marketing that stresses price growth or returns invites buyers to expect profits.",
    authority=FRAMEWORK_2019,
    patterns=(
        r"\b(?:returns?\s+on\s+(?:their\s+|your\s+)?investment|ROI)\b",
        r"\b(?:price|value)\s+(?:of\s+(?:the\s+)?(?:token|coin)s?\s+)?(?:will|would|should|is\s+expected\s+to|could)\s+(?:rise|increase|grow|appreciate|go\s+up)\b",
        r"\b(?:appreciate|appreciation|upside|gains?)\b[^.;]{0,40}\b(?:value|price|holders|investors)\b",
        r"\b(?:early\s+(?:buyers|investors|backers|participants))\b[^.;]{0,60}\b(?:profit|gain|benefit|reward|bonus|discount)",
    ),
)

exchange_listing = Rule(
    id="expectation_of_profits.exchange_listing",
    prong=_P,
    direction=Direction.SUPPORTS,
    weight=0.65,
    rationale="A promised or arranged exchange listing points buyers to a secondary market for gains.",
    authority=FRAMEWORK_2019,
    patterns=(
        r"\b(?:list(?:ed|ing)?|trad(?:ed|ing|e))\s+(?:\w+\s+){0,2}on\s+(?:major\s+|leading\s+|several\s+|multiple\s+|global\s+|top\s+)?(?:crypto(?:currency)?\s+)?exchanges\b",
        r"\bexchange\s+listings?\b",
    ),
)

revenue_share = Rule(
    id="expectation_of_profits.revenue_share",
    prong=_P,
    direction=Direction.SUPPORTS,
    weight=0.95,
    rationale="A right to a share of revenue, profits or dividends is the classic sign of a security.",
    authority=DAO_REPORT_2017,
    patterns=(
        r"\b(?:share|portion|percentage|cut)\s+of\s+(?:the\s+)?(?:company'?s\s+|platform'?s\s+|net\s+)?(?:revenues?|profits?|fees|earnings)\b",
        r"\bdividends?\b",
        r"\bprofit[- ]shar(?:e|ing)\b",
    ),
)

issuer_yield = Rule(
    id="expectation_of_profits.issuer_yield",
    prong=_P,
    direction=Direction.SUPPORTS,
    weight=0.9,
    rationale="Interest or yield paid by the issuer is a promised return on the holder's money.",
    authority=TERRAFORM_2023,
    patterns=(
        r"\b(?:earn|pays?|paying|receive|offers?|yields?|generat\w+)\b[^.;]{0,40}\b\d+(?:\.\d+)?\s?%\s*(?:APY|APR|a\s+year|per\s+(?:year|annum|month)|annual(?:ly)?|interest|yield|returns?)?",
        r"\b(?:interest|yield)\s+(?:payments?|accounts?|program|bearing)\b",
        r"\b(?:earn|pays?|receive)s?\s+(?:\w+\s+){0,2}(?:interest|yield|passive\s+income)\b",
    ),
)

consumptive_use = Rule(
    id="expectation_of_profits.consumptive_use",
    prong=_P,
    direction=Direction.WEIGHS_AGAINST,
    weight=0.55,
    rationale="A token built to be used right away on a working platform is bought to consume, not to profit.",
    authority=NO_ACTION_LETTERS,
    patterns=(
        r"\b(?:can|may)\s+(?:only\s+)?be\s+(?:used|redeemed|spent)\s+(?:only\s+)?(?:to|for|on|in)\b[^.;]{0,60}\b(?:flights?|charters?|games?|in-game|services?|goods|avatars?|items?|content|storage|subscriptions?)\b",
        r"\b(?:redeemable|usable)\s+(?:only\s+)?(?:for|on|in)\b[^.;]{0,40}\b(?:flights?|charters?|games?|services?|goods|items?)\b",
        r"\bimmediately\s+(?:usable|redeemable|available\s+for\s+use)\b",
    ),
)

transfer_limits = Rule(
    id="expectation_of_profits.transfer_limits",
    prong=_P,
    direction=Direction.WEIGHS_AGAINST,
    weight=0.6,
    rationale="Tokens that cannot be transferred off the platform cannot be resold for a profit.",
    authority=NO_ACTION_LETTERS,
    patterns=(
        r"\b(?:cannot|can\s*not|may\s+not|will\s+not)\s+be\s+(?:transferred|sold|traded|exchanged|withdrawn)\b",
        r"\bnon-?transferable\b",
        r"\btransfers?\s+(?:are|is)\s+(?:limited|restricted)\s+to\b",
    ),
    negatable=False,
)

meme_coin = Rule(
    id="expectation_of_profits.meme_coin",
    prong=_P,
    direction=Direction.WEIGHS_AGAINST,
    weight=0.6,
    rationale="A meme coin with no function, yield or rights is bought for entertainment and culture.",
    authority=MEME_COIN_STATEMENT,
    patterns=(
        r"\bmeme\s*(?:coin|token)s?\b",
        r"\b(?:no|without)\s+(?:intrinsic\s+)?(?:utility|use\s+case|roadmap)\b",
        r"\bfor\s+(?:fun|entertainment)\b",
    ),
    negatable=False,
)

par_stablecoin = Rule(
    id="expectation_of_profits.par_stablecoin",
    prong=_P,
    direction=Direction.WEIGHS_AGAINST,
    weight=0.75,
    rationale="A coin redeemable one-for-one for dollars, with no yield, is held to pay, not to profit.",
    authority=STABLECOIN_STATEMENT,
    patterns=(
        r"\bredeem\w*\b[^.;]{0,50}\b(?:1:1|one[- ]for[- ]one|one[- ]to[- ]one|at\s+par)\b",
        r"\b(?:1:1|one[- ]for[- ]one|one[- ]to[- ]one|fully)\s+backed\s+by\b[^.;]{0,40}\b(?:dollars?|USD|cash|treasur)",
        r"\bpegged\s+(?:1:1\s+)?to\s+the\s+(?:U\.S\.\s+)?dollar\b",
    ),
    unless=(r"\balgorithmic\w*\b",),
)
