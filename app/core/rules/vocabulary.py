"""Patterns for facts the 2019 framework counts under more than one prong, written once and shared
by the rules of each prong that weighs them."""

# Facts the 2019 framework counts under more than one prong, spelled once and shared by the
# rules of each prong that weigh them.
TOKEN_SALE_PATTERNS = (
    r"\b(?:token|coin|public|crowd|private|community)\s?(?:sale|offering|generation\s+event|crowdsale|auction)s?\b",
    r"\b(?:initial\s+coin\s+offering|ICO|IEO|IDO)s?\b",
    r"\b(?:sold|sells|selling|offered)\b[^;]{0,60}\b(?:of\s+the\s+)?(?:[\w'’.-]+\s+)?(?:supply|allocation)\b",
    r"\b(?:sold|sells|selling)\b[^;]{0,80}\bfor\s+(?:USDC|USDT|ETH|ether|BTC|bitcoin|U\.S\.\s+dollars|dollars|cash|fiat|\$\s?\d)",
    r"\b(?:sold|sells|selling|offered|offers|issued\s+and\s+sold)\b[^;]{0,80}\b(?:tokens?|coins?|NFTs?|keys|memberships?|rights|units|certificates)\b",
    r"\b(?:sold|sells|selling)\b[^;]{0,60}\bto\s+(?:\w+\s+)?(?:buyers|investors|the\s+public|purchasers|customers|institutions)\b",
)
_AMOUNT = r"(?:(?:US|A|C)?\$\s?\d|\d[\d,.]*\s*(?:million|billion|thousand)\b|\d[\d,.]*\s+(?:ETH|ether|BTC|bitcoin|USDC|USDT)\b)"
FUNDS_RAISED_PATTERNS = (
    rf"\b(?:rais(?:ed|ing|es)|took\s+in|taking\s+in|collect(?:ed|ing)|brought\s+in|bringing\s+in|paid\s+more\s+than|paid)\b[^;]{{0,50}}{_AMOUNT}",
    rf"{_AMOUNT}[^;]{{0,30}}\b(?:raise|raised|hard\s+cap|from\s+(?:buyers|investors|purchasers))\b",
    rf"\b(?:priced|price|sold)\s+(?:at|of|for)\s+(?:about\s+|roughly\s+|approximately\s+|around\s+)?{_AMOUNT}",
    r"\b(?:crowdfund\w*|fundrais\w+|(?:funding|financing|investment)\s+rounds?|launchpad|voucher\s+sale)\b",
)
PRESALE_PATTERNS = (
    r"\b(?:pre-?sale|private\s+(?:sale|round|placement)|seed\s+round|strategic\s+round)s?\b",
    r"\bSAFTs?\b|\bsimple\s+agreements?\s+for\s+future\s+tokens\b",
    r"\bpurchase\s+agreements\b",
)
SALE_FUNDS_PROJECT_PATTERNS = (
    r"\b(?:rais\w+|sold|sale|offering|sell\w*|proceeds|the\s+money|funds\s+raised)\b[^;]{0,100}\bto\s+(?:fund|finance|build|develop|pay\s+for|support|complete|expand|launch|grow|improve)\b",
    r"\b(?:proceeds|money\s+raised|funds\s+raised|capital\s+raised|raised\s+funds|the\s+money|the\s+raise|sale\s+revenue)\b[^;]{0,80}\b(?:fund|financ|build|develop|spend|spent|go\s+to|went\s+to|expand|grow|launch|market|operat|complete)\w*",
    r"\buse\s+of\s+(?:the\s+)?proceeds\b",
)


# What buyers pay with, and a price as documents write it ("$0.50", "0.08 ETH", "25 USDT", "€10").
MEANS_OF_PAYMENT = (
    r"(?:USDT|USDC|DAI|ETH|ether|BTC|bitcoin|BNB|SOL|MATIC|AVAX|stablecoins?|(?:U\.S\.\s+)?dollars|USD|euros?|EUR|"
    r"fiat|cash|(?:credit\s+|debit\s+|bank\s+)?cards?|bank\s+transfers?|wires?|ACH)"
)
PRICE = (
    r"(?:(?:US|A|C)?\$\s?\d[\d,]*(?:\.\d+)?|€\s?\d[\d,]*(?:\.\d+)?|"
    r"\d[\d,]*(?:\.\d+)?\s*(?:USDT|USDC|DAI|ETH|BTC|BNB|SOL|MATIC|AVAX|USD|EUR|dollars?|euros?|cents?)\b)"
)

# Who acts: a reward the protocol itself issues or sets (validators' issuance, a network's reward
# rate, an emission schedule) is no issuer's promise, whoever passes it on.
PROTOCOL_PAYS = (
    r"\b(?:paid|set|issued|minted|generated|determined)\s+by\s+the\s+(?:[\w'’.-]+\s+)?(?:network|protocol|blockchain|chain|consensus)\b",
    r"\b(?:protocol|network|consensus|native|validator|block)\s+(?:staking\s+)?(?:rewards?|issuance|emissions?|inflation)(?:\s+rate)?\b",
    r"\b(?:protocol|network)\s+sets\s+the\s+(?:reward|issuance|emission)",
    r"\b(?:emissions?|issuance|inflation)\s+(?:declines?|falls?|halves|decreases?|schedule)\b|\bissuance\s+to\s+validators\b",
)

# Who receives a return, what pays it, out of what, in what share and how often: the parts of a
# promised return as documents of every style write it ("Stakers get a quarter of the marketplace's
# fee income each month", "70% of Reserve Income is distributed to Eligible Holders pro rata",
# "1,200 ZPH credited to your wallet every month").
HOLDERS = (
    r"(?:(?:token\s?|coin\s?|nft\s?|license\s?|eligible\s+|all\s+|other\s+)?(?:holders?|owners?)|stakers?|participants?|"
    r"depositors?|investors?|members|clients?|customers|lenders|purchasers|buyers|licen[cs]es|each\s+(?:holder|participant|"
    r"license|licence|client|node|wallet|unit|token|nft|member)|(?:you|your\s+wallet|the\s+community))"
)
PAYOUT = (
    r"(?:pays?|paid|paying|pay\s+out|credit(?:s|ed|ing)?|distribut(?:e|es|ed|ing|ion)|shar(?:e|es|ed|ing)|returned|"
    r"go(?:es)?\s+back|passe[sd]\s+(?:on|through)|sends?|sent|receives?|received|gets?|earns?|earned|entitled\s+to|"
    r"claim(?:s|ed)?|accrues?|allocated|split|routed|streamed|airdropped)"
)
SOURCES_OF_RETURN = (
    r"(?:revenues?|income|fees?|profits?|royalt(?:y|ies)|earnings|interest|yield|dividends?|rent(?:al)?(?:\s+income)?|"
    r"proceeds|(?:mining|mined)\s+(?:output|BTC|bitcoin|rewards?|coins?)|output|emissions?|cash\s?flows?|net\s+return)"
)
FRACTION = r"(?:\d+(?:\.\d+)?\s?(?:%|percent)|(?:one|two|three)[- ](?:half|third|thirds|quarter|quarters|fifth|fifths|tenth)|half|a\s+(?:quarter|third|fifth|tenth|share|portion|cut|part|slice)|(?:its|their|your)\s+(?:pro[- ]rata\s+)?share)"
PERIOD = r"(?:every|each|per)\s+(?:day|week|month|quarter|year|epoch|block|term|calendar\s+month)|daily|weekly|monthly|quarterly|annually|yearly"
