"""Prong 3: a reasonable expectation of profits — promised returns, price growth, listings, or
their absence (consumption, fixed price, transfer limits)."""

from app.core.prongs import Direction, Prong
from app.core.rules.authorities import (
    DAO_REPORT_2017,
    FRAMEWORK_2019,
    HOWEY_1946,
    KIK_2020,
    MEME_COIN_STATEMENT,
    NO_ACTION_LETTERS,
    STABLECOIN_STATEMENT,
    TELEGRAM_2020,
    TERRAFORM_2023,
    TOKEN_TAXONOMY_2025,
)
from app.core.rules.schema import Rule
from app.core.rules.vocabulary import (
    CONSUMER_SALE,
    FRACTION,
    HOLDERS,
    LOCKED_IN_PATTERNS,
    NO_RETURN_PATTERNS,
    PAYOUT,
    PERIOD,
    PROTOCOL_PAYS,
    SALE_FUNDS_PROJECT_PATTERNS,
    SOURCES_OF_RETURN,
    TOKEN_SALE_PATTERNS,
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
        r"\b(?:gain|grow|increase|rise|appreciate|go\s+up)\w*\s+in\s+(?:value|price)\b",
        r"\b(?:value|price)\b[^;]{0,50}\b(?:would|will|should|could|to|was\s+going\s+to|is\s+expected\s+to|would\s+continue\s+to)\s+(?:[\w'’.-]+\s+)?(?:rise|increase|grow|go\s+up|appreciate|climb|soar|multiply)\b",
        # "we expect demand for TINK to climb", "we expect that distribution to roughly double as GMV grows"
        r"\b(?:demand|distributions?|payouts?|dividends?)\b[^;]{0,40}\b(?:should|will|to)\s+(?:[\w'’.-]+\s+)?(?:rise|increase|grow|climb|double|triple|soar)\b",
        r"\b(?:promis\w*|tout\w*|advertis\w*|told|project\w*|guarantee\w*|pitch\w*|stress\w*|emphasi[sz]\w*|predict\w*|expect\w*|offer\w*|promot\w*)\b[^;]{0,80}\b(?:returns?|ROI|gains?|profits?|profitable|upside|to\s+the\s+moon|financial\s+freedom|get\s+rich)\b",
        r"\b(?:high|large|huge|fast|big|guaranteed|monthly|daily|weekly|annual)\s+(?:returns?|gains?|profits?)\b",
        r"\bprofit\s+(?:from|by|once|when|as)\b",
        r"\b\d[\d,.]*\s*(?:%|percent)\s+(?:gains?|returns?|profits?)\b",
        r"\b(?:create|build|generate)\w*\s+wealth\b|\bpassive\s+income\b|\bto\s+the\s+moon\b",
        r"\b(?:a\s+)?way\s+to\s+(?:profit|share\s+in|benefit\s+from)\b",
        r"\b(?:share|stake)\s+in\s+the\s+(?:growth|success|upside)\b",
        r"\b(?:projected|expected|target|estimated)\s+(?:[\w-]+\s+)?returns?\b",
        r"\bpay\s?back\s+(?:period\s+)?(?:in|of|within)\b|\b\d+[- ]month\s+pay\s?back\b|\brecoup\w*\b[^;]{0,40}\b(?:cost|price|investment)\b",
        r"\bprice\s+(?:rose|climbed|soared|jumped)\b",
        r"\bdemand\s+for\s+(?:the\s+)?(?:[\w'’.-]+\s+){0,2}(?:will|would|to|should)\s+(?:rise|increase|grow)\b",
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
        r"\b(?:will|would|to|could|plans?\s+to|expected\s+to|get|getting|be)\s+(?:[\w'’.-]+\s+){0,2}(?:listed|list\w*|trad\w+|tradeable|tradable|resold|resell)\b[^;]{0,60}\b(?:exchanges?|trading\s+platforms?|platforms|open\s+market|secondary\s+market|markets?)\b",
        r"\b(?:exchange|trading)\s+listings?\b",
        r"\blisting\s+on\s+(?:[\w'’-]+\s+){0,4}(?:exchanges?|CEXs?|DEXs?)\b|\bexchanges?\s+about\s+(?:a\s+)?listing\b",
        r"\bsecondary\s+(?:trading\s+)?market\b",
        r"\b(?:resell|resale|resold|reselling)\b[^;]{0,40}\b(?:profit|market|public|higher|marketplaces?)\b",
        r"\b(?:sell|lease|resell)\s+(?:or\s+\w+\s+)?(?:it|them|their\s+\w+)\s+on\s+(?:[\w'’.-]+\s+){0,2}(?:marketplaces|exchanges|markets)\b",
    ),
)

secondary_trading = Rule(
    id="expectation_of_profits.secondary_trading",
    prong=_P,
    direction=Direction.SUPPORTS,
    weight=0.4,
    rationale="A token that trades freely on secondary markets can be bought to resell at a gain.",
    authority=FRAMEWORK_2019,
    patterns=(
        r"\b(?:trades?|traded|trading|listed)\s+on\s+(?:[\w'’.-]+\s+){0,3}(?:exchanges|trading\s+platforms|platforms|markets|marketplaces)\b",
    ),
)

early_buyer_discount = Rule(
    id="expectation_of_profits.early_buyer_discount",
    prong=_P,
    direction=Direction.SUPPORTS,
    weight=0.55,
    rationale="Discounts or bonuses for early buyers reward buying before the price rises.",
    authority=FRAMEWORK_2019,
    patterns=(
        r"\b(?:discount\w*|bonus\w*)\b[^;]{0,60}\b(?:early|presale|pre-sale|first|initial|buyers|depositors|participants|investors|market|tiers?)\b",
        r"\b(?:early|presale|pre-sale|first)\s+(?:buyers|investors|backers|participants|depositors)\b[^;]{0,60}\b(?:discount\w*|bonus\w*|lower\s+price|cheaper)\b",
        r"\bat\s+a\s+discount\b",
        r"\b(?:half|a\s+(?:third|quarter)|\d+\s?%)\s+(?:of\s+)?(?:the\s+)?(?:expected\s+|planned\s+|target\s+)?(?:listing|launch|public)\s+price\b",
        r"\b\d+\s?%\s+below\s+(?:the\s+)?(?:launch|listing|public|market)\b|\blowest\s+price\b[^;]{0,30}\bever\b",
    ),
)

investment_framing = Rule(
    id="expectation_of_profits.investment_framing",
    prong=_P,
    direction=Direction.SUPPORTS,
    weight=0.5,
    rationale="Offering the token to investors, or likening it to an investment, frames the purchase as one.",
    authority=KIK_2020,
    patterns=(
        r"\b(?:sold|offered|marketed|pitched|promoted|raised)\b[^;]{0,80}\b(?:investors|institutional\s+buyers|hedge\s+funds|investment\s+funds)\b",
        r"\binvestment\s+(?:opportunit\w+|vehicle|product|returns?|contract)\b",
        r"\b(?:like|as)\s+(?:a\s+)?(?:stock|shares|an\s+investment)\b",
    ),
)

pre_functional_sale = Rule(
    id="expectation_of_profits.pre_functional_sale",
    prong=_P,
    direction=Direction.SUPPORTS,
    weight=0.6,
    rationale="Tokens sold before the network works can only be bought for their future value.",
    authority=TELEGRAM_2020,
    patterns=(
        r"\bnot\s+yet\s+(?:[\w'’.-]+\s+)?(?:built|launched|functional|live|available|usable|operational|be\s+used|in\s+use|exist)\b",
        r"\bcould\s+not\s+yet\s+be\s+used\b",
        r"\bstill\s+(?:being\s+)?(?:built|developed|under\s+development|in\s+development)\b",
        r"\byet\s+to\s+be\s+(?:built|developed|launched|completed)\b",
        r"\b(?:before|until)\s+(?:the\s+)?(?:[\w'’.-]+\s+){0,2}(?:network|platform|product|mainnet|app|blockchain|club|show|game)\s+(?:launch\w*|existed|was\s+built|went\s+live|goes\s+live|is\s+live|had\s+found)\b",
        r"\b(?:would|will)\s+(?:receive|get)\s+(?:their\s+)?(?:tokens|coins|\w+s)\s+(?:when|once|at|after)\b[^;]{0,40}\blaunch",
    ),
    negatable=False,
)

broad_offering = Rule(
    id="expectation_of_profits.broad_offering",
    prong=_P,
    direction=Direction.SUPPORTS,
    weight=0.5,
    rationale="A sale offered broadly to the public, not targeted at users of a working product, is bought for its prospects.",
    authority=FRAMEWORK_2019,
    patterns=TOKEN_SALE_PATTERNS,
    unless=CONSUMER_SALE,
)

holding_rewards = Rule(
    id="expectation_of_profits.holding_rewards",
    prong=_P,
    direction=Direction.SUPPORTS,
    weight=0.45,
    rationale="Rewards for holding or staking the token are a return on it (plain protocol staking weighs less after 2025).",
    authority=FRAMEWORK_2019,
    patterns=(
        r"\b(?:earn|earns|earning|receive|receives|collect)\s+(?:[\w'’.-]+\s+){0,3}(?:staking\s+)?rewards\b",
        r"\bstaking\s+rewards\b",
        r"\bstake\s+(?:[\w'’.-]+\s+){0,3}(?:to|and)\s+(?:earn|receive)\b",
    ),
)

development_funded_by_sale = Rule(
    id="expectation_of_profits.development_funded_by_sale",
    prong=_P,
    direction=Direction.SUPPORTS,
    weight=0.5,
    rationale="Marketing the use of sale proceeds to build the network invites buyers to expect the token to gain from that work.",
    authority=FRAMEWORK_2019,
    patterns=SALE_FUNDS_PROJECT_PATTERNS,
)

consumptive_use = Rule(
    id="expectation_of_profits.consumptive_use",
    prong=_P,
    direction=Direction.WEIGHS_AGAINST,
    weight=0.55,
    rationale="A token built to be used right away on a working platform is bought to consume, not to profit.",
    authority=NO_ACTION_LETTERS,
    patterns=(
        r"\b(?:spend|use|redeem|used|spent|redeemed)\w*\b[^;]{0,40}\b(?:right\s+away|immediately|at\s+once|upon\s+purchase)\b",
        r"\b(?:can|may)\s+only\s+be\s+(?:used|redeemed|spent)\b",
        r"\b(?:used|usable|spent|redeemable|redeemed)\s+(?:only|solely|exclusively)\s+(?:on|within|in|for)\b",
        r"\bonly\s+(?:usable|redeemable|spendable)\b",
        r"\bmarket\w*\s+(?:it\s+|them\s+)?only\s+for\s+(?:use|consumption)\b",
        r"\b(?:replaces?|replacing)\s+(?:the\s+)?(?:platform'?s?\s+)?(?:in-app|in-game)\s+(?:credits|currency|points)\b",
    ),
)

fixed_price = Rule(
    id="expectation_of_profits.fixed_price",
    prong=_P,
    direction=Direction.WEIGHS_AGAINST,
    weight=0.6,
    rationale="A token sold and bought back at a fixed price cannot appreciate.",
    authority=NO_ACTION_LETTERS,
    patterns=(
        r"\bfixed\s+price\b",
        r"\bprice\s+(?:is|was|stays|remains)\s+fixed\b",
        r"\b(?:at|for)\s+(?:the\s+)?same\s+(?:fixed\s+)?price\b",
        r"\b(?:buys?|bought|repurchas\w+)\s+(?:[\w'’.-]+\s+)?back\s+(?:only\s+)?at\s+(?:or\s+below\s+)?(?:the\s+)?(?:same|original|purchase|sale|fixed)\s+price\b",
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
        r"\b(?:tokens?|coins?|credits?|it|they|\w+s)\s+(?:cannot|can\s*not|may\s+not|will\s+not|could\s+not)\s+be\s+(?:transferred|sold|traded|exchanged|resold)\b",
        r"\bnon-?transferable\b",
        r"\btransfers?\s+(?:are|is)\s+(?:limited|restricted)\b",
        r"\b(?:limits?|restricts?)\s+(?:[\w'’.-]+\s+){0,3}transfers\b",
        r"\bdoes\s+not\s+(?:promote|support|facilitate)\s+(?:[\w'’.-]+\s+){0,2}trading\b",
        *LOCKED_IN_PATTERNS,
    ),
    negatable=False,
)

no_profit_rights = Rule(
    id="expectation_of_profits.no_profit_rights",
    prong=_P,
    direction=Direction.WEIGHS_AGAINST,
    weight=0.5,
    rationale="A token that carries no interest, yield, profit share or other financial right promises nothing to profit from.",
    authority=FRAMEWORK_2019,
    patterns=(
        r"\b(?:pays?|gives?|offers?|carr(?:y|ies)|receive|earns?|provides?|confers?)\s+(?:[\w'’.-]+\s+){0,2}no\s+(?:interest|yield|share|dividends?|rights|returns?|profits?|claim|governance)\b",
        r"\bno\s+(?:interest|yield|dividends?|profit\s+share|promised\s+returns?|financial\s+rights|rights\s+to\s+(?:profits|income))\b",
        r"\bwithout\s+(?:any\s+)?(?:interest|yield)\s+(?:paid|to)\b",
        r"\b(?:interest|yield)\s+is\s+not\s+paid\b",
        *NO_RETURN_PATTERNS,
    ),
    negatable=False,
)

revenue_share = Rule(
    id="expectation_of_profits.revenue_share",
    prong=_P,
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

holder_payouts = Rule(
    id="expectation_of_profits.holder_payouts",
    prong=_P,
    direction=Direction.SUPPORTS,
    weight=0.9,
    rationale="Holders are paid a share of the enterprise's income, or a stated return at set intervals: profit from owning the token, not from using it.",
    authority=DAO_REPORT_2017,
    patterns=(
        # "distribute 70% of Reserve Income each month to Eligible Holders", "share half of all royalties with holders"
        rf"\b{PAYOUT}\b[^;]{{0,40}}\b{FRACTION}[^;]{{0,30}}\bof\b[^;]{{0,40}}\b{SOURCES_OF_RETURN}\b[^;]{{0,80}}\b(?:to|with|among|between|for)\s+(?:the\s+|its\s+|all\s+|our\s+)?(?:[\w'’.-]+\s+)?{HOLDERS}\b",
        # "60% of the creator royalty on every resale is returned to holders"
        rf"\b{FRACTION}[^;]{{0,30}}\bof\b[^;]{{0,40}}\b{SOURCES_OF_RETURN}\b[^;]{{0,80}}\b{PAYOUT}\b[^;]{{0,20}}\b(?:to|with|among|between|by|for)\s+(?:the\s+|its\s+|all\s+|our\s+)?(?:[\w'’.-]+\s+)?{HOLDERS}\b",
        # "the company pays holders 20% of its fee revenue", "pays you a third of the rent"
        rf"\b{PAYOUT}\s+(?:the\s+|its\s+|all\s+|our\s+)?(?:[\w'’.-]+\s+)?{HOLDERS}\b[^;]{{0,30}}\b{FRACTION}[^;]{{0,30}}\bof\b[^;]{{0,40}}\b{SOURCES_OF_RETURN}\b",
        # "Stakers get a quarter of the marketplace's fee income", "owners are entitled to half of the app's income"
        rf"\b{HOLDERS}\b[^;]{{0,40}}\b{PAYOUT}\b[^;]{{0,60}}\b{FRACTION}[^;]{{0,20}}\bof\b[^;]{{0,40}}\b{SOURCES_OF_RETURN}\b",
        # "1,200 ZPH credited to your wallet every month", "credit each License with 40 RLM per day"
        rf"\b(?:credited|(?:shall|will|to)\s+credit|credits\s+(?:each|every|your|the)|paid|distributed|sent|deposited|airdropped)\s+(?:to\s+|into\s+)?(?:each\s+|every\s+|the\s+|your\s+)?[^;]{{0,40}}\b(?:{PERIOD})\b",
        rf"\b{HOLDERS}\b[^;]{{0,30}}\b(?:pro[- ]rata|equal)\s+(?:share|portion|cut)\b",
        # "we hand most of that carry back to you", "net interest is passed through to holders"
        rf"\b(?:pass(?:es|ed)?|hands?|returns?|gives?|sends?)\s+(?:(?:most|all|part|some)\s+of\s+)?(?:the\s+|that\s+|its\s+|our\s+)?(?:[\w'’-]+\s+){{0,2}}?{SOURCES_OF_RETURN}\s+(?:back\s+)?(?:through\s+)?(?:on\s+)?to\s+{HOLDERS}\b",
        rf"\b{SOURCES_OF_RETURN}\b[^;]{{0,80}}\b(?:passed|handed|paid|returned|distributed)\s+(?:through\s+|back\s+|out\s+|on\s+)?to\s+(?:the\s+|all\s+)?{HOLDERS}\b",
    ),
    unless=PROTOCOL_PAYS,
    kind="hard_sign",
)

issuer_yield = Rule(
    id="expectation_of_profits.issuer_yield",
    prong=_P,
    direction=Direction.SUPPORTS,
    weight=0.9,
    rationale="Interest or a fixed yield paid by the issuer is a promised return on the holder's money.",
    authority=TERRAFORM_2023,
    patterns=(
        r"\b(?:earn|pays?|paying|paid|receive|offers?|offering|yield\w*|generat\w+|returns?\s+of|promoted\s+returns)\b[^;]{0,50}\b\d+(?:\.\d+)?\s?(?:%|percent)\s*(?:APY|APR|a\s+(?:year|day|month|week)|per\s+(?:year|annum|month|day|week)|annual\w*|interest|yield|returns?)",
        r"\b\d+(?:\.\d+)?\s?(?:%|percent)\s+(?:APY|APR|ROI|annuali[sz]ed|a\s+(?:day|month|week|year)|per\s+(?:day|month|week|year|annum))\b",
        r"\b(?:APY|APR|ROI|annual\s+(?:yield|return)|reward\s+rate|yield)\b[^;]{0,30}\b(?:up\s+to\s+)?\d+(?:\.\d+)?\s?(?:%|percent)",
        r"\b(?:daily|weekly|monthly|annual|fixed|guaranteed|high)\s+(?:interest|yield|rewards?\s+(?:rate|payments?))\b",
        r"\b(?:interest|yield)\s+(?:payments?|accounts?|program|bearing|rate)\b",
        r"\b(?:earn|pays?|paying|receive)s?\s+(?:[\w'’.-]+\s+){0,2}(?:interest|passive\s+income)\b",
        r"\b\d+(?:\.\d+)?\s?%\s+(?:holder|annual|target|base|net|fixed|projected|estimated)\s+(?:yield|APY|APR|interest|returns?)\b",
        r"\bup\s+to\s+\d+(?:\.\d+)?\s?%\s+(?:on|for)\b",
        r"\btops?\s+up\b[^;]{0,60}\b(?:rewards?|rate|yield|accounts?)\b|\bbeat\s+the\s+(?:base|protocol|network)\s+rate\b",
        r"\b(?:credit|pay|top\s+up|add)\w*\b[^;]{0,60}\bfrom\s+(?:its|our|the\s+company['’]s)\s+own\s+(?:resources|funds|treasury|balance\s+sheet)\b",
        r"\b(?:rewards?|interest|yield)\s+(?:we|the\s+company|the\s+platform)\s+(?:pay|pays|credit|credits|give|gives)\s+(?:you|holders|depositors|customers)\b",
    ),
    unless=PROTOCOL_PAYS,
    kind="hard_sign",
)

equity_or_ownership = Rule(
    id="expectation_of_profits.equity_or_ownership",
    prong=_P,
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
    prong=_P,
    direction=Direction.SUPPORTS,
    weight=0.9,
    rationale="A promise to buy tokens back above the sale price is a promised profit.",
    authority=HOWEY_1946,
    patterns=(
        r"\b(?:buy|repurchase|redeem)\w*\s+(?:[\w'’.-]+\s+){0,3}back\b[^;]{0,40}\b(?:premium|higher\s+price|above|more\s+than|guaranteed\s+(?:price|return))\b",
        r"\b(?:guarantee\w*|promis\w+)\s+(?:to\s+)?(?:buy|repurchase)\w*\b[^;]{0,40}\b(?:premium|higher|above|profit)\b",
        # "sell your FLOR back to Florin Labs for $0.24 each: twenty percent more than you paid"
        r"\b(?:buy|repurchase)\w*\s+(?:[\w'’.-]+\s+){0,3}back\s+at\s+(?:1\d\d|[2-9]\d\d)\s?%",
        r"\bsell\s+(?:it|them|your\s+[\w$-]+|the\s+tokens?)\s+back\s+to\b[^;]{0,80}\b(?:more\s+than\s+you\s+paid|premium|above\s+(?:the\s+)?(?:sale|purchase)\s+price)",
    ),
    kind="hard_sign",
)

tokenized_security = Rule(
    id="expectation_of_profits.tokenized_security",
    prong=_P,
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

meme_coin = Rule(
    id="expectation_of_profits.meme_coin",
    prong=_P,
    direction=Direction.WEIGHS_AGAINST,
    weight=0.6,
    rationale="A meme coin with no function, yield or rights is bought for entertainment and culture, not promised profit.",
    authority=MEME_COIN_STATEMENT,
    patterns=(
        r"\bmeme\s*(?:coin|token)s?\b",
        r"\b(?:no|without)\s+(?:intrinsic\s+)?(?:utility|use\s+case|roadmap|intrinsic\s+value)\b",
        r"\bno\s+use\s+case\s+beyond\b",
        r"\bfor\s+(?:fun|entertainment)\b",
        r"\b(?:as\s+)?(?:a\s+)?(?:tribute|joke|piece\s+of\s+internet\s+culture)\b",
    ),
    negatable=False,
    kind="category",
)

covered_stablecoin = Rule(
    id="expectation_of_profits.covered_stablecoin",
    prong=_P,
    direction=Direction.WEIGHS_AGAINST,
    weight=0.75,
    rationale="A coin redeemable one-for-one for dollars on demand is held to pay and move money, not to profit.",
    authority=STABLECOIN_STATEMENT,
    patterns=(
        r"\bredeem\w*\b[^;]{0,60}\b(?:1:1|one[- ]for[- ]one|one[- ]to[- ]one|at\s+par|for\s+(?:one\s+)?(?:U\.S\.\s+)?dollars?)\b",
        r"\b(?:1:1|one[- ]for[- ]one|one[- ]to[- ]one|100%|fully)\s+(?:backed|collaterali[sz]ed)\b",
        r"\b(?:pegged|worth)\s+(?:1:1\s+)?(?:to\s+the\s+|one\s+)(?:U\.S\.\s+)?dollar\b",
        r"\b(?:U\.S\.\s+)?dollar\s+stablecoin\b",
    ),
    unless=(r"\balgorithmic\w*\b", r"\bmint-and-burn\b"),
    kind="category",
)

closed_loop_credits = Rule(
    id="expectation_of_profits.closed_loop_credits",
    prong=_P,
    direction=Direction.WEIGHS_AGAINST,
    weight=0.6,
    rationale="Credits usable only on the issuer's working platform, for its goods or services, follow the no-action-letter pattern.",
    authority=NO_ACTION_LETTERS,
    patterns=(
        r"\b(?:in-app|in-game|platform)\s+(?:credits?|currency|points)\b",
        r"\b(?:charter\s+flights?|air\s+charter|virtual\s+(?:goods|items))\b",
        r"\b(?:used|usable|spent|spend|redeem\w*)\s+(?:only|solely|exclusively)\s+(?:on|within|inside|in)\s+(?:the|its|our)\s+(?:[\w'’.-]+\s+)?(?:platform|game|app|network|marketplace)\b",
        r"\b(?:unlimited\s+quantit\w+|unlimited\s+supply)\b",
    ),
    kind="category",
)

digital_collectible = Rule(
    id="expectation_of_profits.digital_collectible",
    prong=_P,
    direction=Direction.WEIGHS_AGAINST,
    weight=0.3,
    rationale="A digital collectible bought for its art or fandom is a consumer good (weak: promised value growth overrides it).",
    authority=TOKEN_TAXONOMY_2025,
    patterns=(
        r"\b(?:digital\s+)?collectibles?\b",
        r"\b(?:digital\s+art(?:work)?|trading\s+cards?|profile\s+pictures?|avatars?)\b",
    ),
    kind="category",
)
