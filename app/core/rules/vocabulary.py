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
