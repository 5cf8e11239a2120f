"""Prong 2: a common enterprise — pooled funds, and holders' fortunes tied together or to the promoter."""

from app.core.prongs import Direction, Prong
from app.core.rules.authorities import FRAMEWORK_2019, KIK_2020, LBRY_2022, MINING_STATEMENT, TERRAFORM_2023
from app.core.rules.schema import Rule
from app.core.rules.vocabulary import (
    CONSUMER_SALE,
    FUNDS_RAISED_PATTERNS,
    POOLING_PATTERNS,
    PRESALE_PATTERNS,
    PROTOCOL_PAYS,
    SALE_FUNDS_PROJECT_PATTERNS,
    SHARED_RETURNS_PATTERNS,
    TOKEN_SALE_PATTERNS,
)

_P = Prong.COMMON_ENTERPRISE

pooled_proceeds = Rule(
    id="common_enterprise.pooled_proceeds",
    prong=_P,
    direction=Direction.SUPPORTS,
    weight=0.75,
    rationale="Sale proceeds pooled to build one network tie every buyer's fortune to that network.",
    authority=KIK_2020,
    patterns=SALE_FUNDS_PROJECT_PATTERNS,
)

issuer_sale = Rule(
    id="common_enterprise.issuer_sale",
    prong=_P,
    direction=Direction.SUPPORTS,
    weight=0.55,
    rationale="The proceeds of an issuer's token sale pool in one enterprise whose fortunes every buyer shares.",
    authority=FRAMEWORK_2019,
    patterns=(*TOKEN_SALE_PATTERNS, *FUNDS_RAISED_PATTERNS, *PRESALE_PATTERNS),
    unless=CONSUMER_SALE,
)

pooled_assets = Rule(
    id="common_enterprise.pooled_assets",
    prong=_P,
    direction=Direction.SUPPORTS,
    weight=0.7,
    rationale="Buyers' money or deposits are pooled in one treasury or fund that the promoter deploys.",
    authority=TERRAFORM_2023,
    patterns=(
        r"\bpooled\b(?!\s+liquidity)",
        r"\b(?:held|kept|placed|deposited|went)\s+(?:in|into)\s+(?:the|a|its)\s+(?:[\w'’.-]+\s+)?treasury\b",
        r"\btreasury\b(?!\s+(?:bills?|obligations|securities|notes|bonds))[^;]{0,40}\b(?:fund|financ)\w*",
        r"\b(?:venture|investment|crowdfunded)\s+fund\b",
        *POOLING_PATTERNS,
    ),
)

pro_rata_returns = Rule(
    id="common_enterprise.pro_rata_returns",
    prong=_P,
    direction=Direction.SUPPORTS,
    weight=0.7,
    rationale="Returns shared pro rata make holders' fortunes rise and fall together.",
    authority=TERRAFORM_2023,
    patterns=(
        r"\bpro[- ]rata\b",
        r"\b(?:in\s+proportion\s+to|proportional(?:ly)?\s+to)\s+(?:their|the\s+number\s+of|each\s+holder|holdings|balances)",
        r"\bshare\s+of\s+(?:the\s+)?(?:pool|fund)\b",
        r"\bshare\s+(?:in|of)\s+(?:[\w'’.-]+\s+){0,2}(?:fees|profits|revenues?|earnings|income)\b",
        *SHARED_RETURNS_PATTERNS,
    ),
    # Rewards the protocol pays, or shares of a reward earned by work (gigabytes served, fees paid,
    # liquidity provided), tie nobody's fortune to a common pool.
    unless=(
        *PROTOCOL_PAYS,
        r"\bpro\s+rata\s+to\s+(?:[\w'’-]+\s+){0,2}(?:gigabytes|work|fees\s+paid|liquidity|uptime|served|contribut\w+|usage|activity|volume|compute|storage|bandwidth)\b",
    ),
)

fortunes_tied_to_issuer = Rule(
    id="common_enterprise.fortunes_tied_to_issuer",
    prong=_P,
    direction=Direction.SUPPORTS,
    weight=0.6,
    rationale="The token's value is tied to the growth of the issuer's network or business, so all holders rise and fall with it.",
    authority=LBRY_2022,
    patterns=(
        r"\b(?:value|price|demand|prospects)\b[^;]{0,80}\b(?:tied|linked|connected)\s+to\s+(?:the\s+)?(?:[\w'’.-]+\s+){0,3}(?:growth|success|demand|adoption|performance|use|network|platform|ecosystem|company|business)",
        r"\b(?:tied|linked)\s+(?:its|the\s+token'?s?|their)\s+(?:value|price|prospects)\s+to\b",
        r"\b(?:tied|linked)\s+to\s+(?:the\s+)?demand\s+for\b",
        r"\bas\s+reasons?\s+(?:that\s+|why\s+)?the\s+token\s+would\b",
        r"\b(?:value|price|demand)\b[^;]{0,60}\b(?:as|when|once|with)\s+(?:the\s+)?(?:[\w'’.-]+\s+){0,3}(?:network|platform|ecosystem|company|business|project|protocol|exchange|app)\b[^;]{0,20}\b(?:grows?|grew|succeed\w*|expand\w*|gain\w*|adopt\w*|launch\w*|went\s+live|goes\s+live)",
        r"\b(?:share|stake)\s+in\s+the\s+(?:growth|success)\s+of\b",
        r"\b(?:growth|success|adoption|activity|demand)\b[^;]{0,60}\b(?:drive|drives|driving|drove|lift|lifts|support|supports|increase|increases|flows?\s+into)\s+(?:the\s+)?(?:[\w'’.-]+\s+){0,2}(?:price|value|demand)\b",
        r"\b(?:growth|success|adoption)\b[^;]{0,80}\b(?:as\s+reasons?|reason)\b[^;]{0,40}\b(?:value|price)\b",
        r"\b(?:growth|success)\s+of\s+(?:the\s+)?(?:[\w'’.-]+\s+){0,3}(?:network|platform|ecosystem|company|business)\b[^;]{0,60}\b(?:value|price)\b",
    ),
)

individual_outcomes = Rule(
    id="common_enterprise.individual_outcomes",
    prong=_P,
    direction=Direction.WEIGHS_AGAINST,
    weight=0.45,
    rationale="When each holder's outcome depends only on their own use or work, fortunes are not pooled.",
    authority=FRAMEWORK_2019,
    patterns=(
        r"\b(?:depends?|based)\s+(?:only|solely|entirely)\s+on\s+(?:their|his\s+or\s+her|each\s+(?:user|holder|miner)'?s?)\s+own\b",
        r"\bno\s+(?:pooled|common)\s+(?:fund|treasury|pool)\b",
        r"\bsale\s+proceeds\s+do\s+not\s+fund\b",
        r"\bdepends?\s+(?:only|solely|entirely|purely)\s+on\s+(?:your|its|their|his\s+or\s+her|each\s+[\w-]+['’]s|the\s+[\w-]+['’]s)\s+own\b",
        r"\b(?:depends?|based)\s+(?:only\s+|solely\s+|entirely\s+)?on\s+(?:its|your|their)\s+own\s+(?:hardware|uptime|work|performance|purchases|storage|node|validator)",
        r"\b(?:not|never)\s+(?:be\s+)?pooled\b|\bno\s+pooling\b|\b(?:are|is)n['’]t\s+pooled\b|\bpooled\s+with\s+anyone\b",
        r"\b(?:sold|owned|held|run)\s+(?:and\s+(?:owned|held|sold)\s+)?separately\b|\b(?:validator|account|position|wallet|node)\s+is\s+separate\b",
        r"\baccrue\s+to\s+(?:the\s+[\w-]+['’]s|your|their|each\s+[\w-]+['’]s)\s+own\b",
        r"\b(?:rewards?|earnings|income|payouts?)\s+depends?\s+(?:only\s+|solely\s+|entirely\s+)?on\s+(?:your|its|their|each\s+[\w-]+['’]s)\s+(?:own\s+)?(?:uptime|work|performance|share\s+of\s+(?:network\s+)?capacity|hardware|storage|proofs?)\b",
    ),
    negatable=False,
)

no_issuer_pool = Rule(
    id="common_enterprise.no_issuer_pool",
    prong=_P,
    direction=Direction.WEIGHS_AGAINST,
    weight=0.55,
    rationale="Coins issued only to miners, with no company or sale behind them, pool nobody's money.",
    authority=MINING_STATEMENT,
    patterns=(
        r"\b(?:no|without\s+a|without\s+any)\s+(?:company|issuer|central\s+(?:party|company|issuer)|foundation\s+sale)\b[^;]{0,20}\b(?:behind|in\s+charge|controls?)\b",
        r"\bwith\s+no\s+company\b",
        r"\b(?:coins?|every\s+coin|all\s+coins|new\s+coins|all\s+\w+)\b[^;]{0,40}\b(?:issued|paid|created|awarded|come\s+into\s+existence)\s+only\b[^;]{0,30}\bminers?\b",
        r"\bonly\s+(?:as\s+)?(?:proof-of-work\s+)?rewards?\s+to\s+miners\b",
        r"\b(?:issued|paid|created)\s+(?:only\s+)?to\s+(?:proof-of-work\s+)?miners\b",
        r"\ball\s+(?:coins|\w+)\s+(?:come\s+from\s+mining|are\s+mined)\b",
    ),
    negatable=False,
)
