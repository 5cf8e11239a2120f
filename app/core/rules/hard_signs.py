"""Hard signs of a security in any era: a financial right in the issuer's success (equity,
profit or revenue share, dividends, interest), a promised buy-back at a premium, a tokenized
stock, bond or fund, or pooled staking or lending run by an intermediary. Each one alone makes
the token look like a security whatever else the document says."""

from app.core.prongs import Direction, Prong
from app.core.rules.base import DAO_REPORT_2017, HOWEY_1946, TERRAFORM_2023, TOKEN_TAXONOMY_2025, Rule

revenue_share = Rule(
    id="expectation_of_profits.revenue_share",
    prong=Prong.EXPECTATION_OF_PROFITS,
    direction=Direction.SUPPORTS,
    weight=0.95,
    rationale="A right to a share of revenue, profits or dividends is the classic sign of a security.",
    authority=DAO_REPORT_2017,
    patterns=(
        r"\b(?:share|portion|percentage|cut|part)\s+(?:in|of)\s+(?:[\w'’.-]+\s+){0,2}(?:revenues?|profits?|fees|earnings|income|rewards\s+and\s+earnings)\b",
        r"\bdividends?\b",
        r"\bprofit[- ]shar(?:e|ing)\b",
        r"\bbacked\s+by\s+(?:the\s+)?(?:[\w'’.-]+\s+)?profits\b",
    ),
    kind="hard_sign",
)

issuer_yield = Rule(
    id="expectation_of_profits.issuer_yield",
    prong=Prong.EXPECTATION_OF_PROFITS,
    direction=Direction.SUPPORTS,
    weight=0.9,
    rationale="Interest or a fixed yield paid by the issuer is a promised return on the holder's money.",
    authority=TERRAFORM_2023,
    patterns=(
        r"\b(?:earn|pays?|paying|paid|receive|offers?|offering|yield\w*|generat\w+|returns?\s+of|promoted\s+returns)\b[^;]{0,50}\b\d+(?:\.\d+)?\s?(?:%|percent)\s*(?:APY|APR|a\s+(?:year|day|month|week)|per\s+(?:year|annum|month|day|week)|annual\w*|interest|yield|returns?)",
        r"\b\d+(?:\.\d+)?\s?(?:%|percent)\s+(?:APY|APR|a\s+(?:day|month|week|year)|per\s+(?:day|month|week|year|annum))\b",
        r"\b(?:daily|weekly|monthly|annual|fixed|guaranteed|high)\s+(?:interest|yield|rewards?\s+(?:rate|payments?))\b",
        r"\b(?:interest|yield)\s+(?:payments?|accounts?|program|bearing|rate)\b",
        r"\b(?:earn|pays?|paying|receive)s?\s+(?:[\w'’.-]+\s+){0,2}(?:interest|passive\s+income)\b",
    ),
    kind="hard_sign",
)

equity_or_ownership = Rule(
    id="expectation_of_profits.equity_or_ownership",
    prong=Prong.EXPECTATION_OF_PROFITS,
    direction=Direction.SUPPORTS,
    weight=0.95,
    rationale="Equity, ownership or conversion into shares of the issuer is a security in any wrapping.",
    authority=HOWEY_1946,
    patterns=(
        r"\b(?:equity|ownership\s+(?:stake|interest|share)|shares?\s+(?:in|of)\s+(?:the\s+)?(?:company|issuer|business|firm))\b",
        r"\bconvert\w*\b[^;]{0,40}\binto\s+(?:[\w'’.-]+\s+)?(?:equity|shares|stock)\b",
        r"\b(?:stake|ownership)\s+in\s+(?:the\s+)?(?:company|issuer|business|firm|venture)\b",
    ),
    kind="hard_sign",
)

premium_buyback = Rule(
    id="expectation_of_profits.premium_buyback",
    prong=Prong.EXPECTATION_OF_PROFITS,
    direction=Direction.SUPPORTS,
    weight=0.9,
    rationale="A promise to buy tokens back above the sale price is a promised profit.",
    authority=HOWEY_1946,
    patterns=(
        r"\b(?:buy|repurchase|redeem)\w*\s+(?:[\w'’.-]+\s+){0,3}back\b[^;]{0,40}\b(?:premium|higher\s+price|above|more\s+than|guaranteed\s+(?:price|return))\b",
        r"\b(?:guarantee\w*|promis\w+)\s+(?:to\s+)?(?:buy|repurchase)\w*\b[^;]{0,40}\b(?:premium|higher|above|profit)\b",
    ),
    kind="hard_sign",
)

tokenized_security = Rule(
    id="expectation_of_profits.tokenized_security",
    prong=Prong.EXPECTATION_OF_PROFITS,
    direction=Direction.SUPPORTS,
    weight=0.95,
    rationale="A token that represents or tracks a stock, bond or fund is a tokenized security.",
    authority=TOKEN_TAXONOMY_2025,
    patterns=(
        r"\btokeni[sz]ed\s+(?:stocks?|shares|bonds?|equit\w+|funds?|securities|treasur\w+|notes)\b",
        r"\b(?:track|mirror|follow|replicate)\w*\s+(?:the\s+)?(?:prices?|value|performance)\s+of\s+(?:[\w'’.-]+\s+){0,3}(?:stocks|shares|equities|funds|bonds|indices|index)\b",
        r"\bsynthetic\s+(?:[\w'’.-]+\s+){0,2}(?:stocks?|shares|equit\w+)\b",
    ),
    kind="hard_sign",
)

intermediary_pooling = Rule(
    id="efforts_of_others.intermediary_pooling",
    prong=Prong.EFFORTS_OF_OTHERS,
    direction=Direction.SUPPORTS,
    weight=0.8,
    rationale="Pooled lending or staking run by an intermediary earns holders' returns through its managerial choices.",
    authority=TERRAFORM_2023,
    patterns=(
        r"\b(?:deposit\w*|lend\w*|lent|stak\w+)\b[^;]{0,50}\b(?:in|into|to|with|back\s+to)\s+(?:the\s+|its\s+|an?\s+)?(?:[\w'’.-]+\s+){0,2}(?:Earn|lending|savings|interest|yield|staking)\s+(?:program|account|product|protocol|pool|service)s?\b",
        r"\blen[dt]\w*\b[^;]{0,30}\bback\s+to\s+the\s+(?:platform|company)\b",
        r"\b(?:stakes?|staked|lends?|lent)\s+(?:[\w'’.-]+\s+){0,3}on\s+(?:their|customers'?|users'?|behalf)\b",
        r"\bon\s+behalf\s+of\s+(?:its\s+)?(?:customers|users|depositors|holders)\b",
        r"\bEarn\s+(?:program|pools?)\b",
    ),
    kind="hard_sign",
)
