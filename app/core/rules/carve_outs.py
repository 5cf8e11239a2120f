"""What points away from a security by category, after the SEC staff's 2025 statements and the
no-action letters: meme coins, covered USD stablecoins, proof-of-work mining, protocol and liquid
staking, closed-loop consumptive tokens and digital collectibles. Each cites its statement and
date; a category rule weighs against, it never overrides hard signs found in the same text."""

from app.core.prongs import Direction, Prong
from app.core.rules.base import (
    LIQUID_STAKING_STATEMENT,
    MEME_COIN_STATEMENT,
    MINING_STATEMENT,
    NO_ACTION_LETTERS,
    STABLECOIN_STATEMENT,
    STAKING_STATEMENT,
    TOKEN_TAXONOMY_2025,
    Rule,
)

meme_coin = Rule(
    id="expectation_of_profits.meme_coin",
    prong=Prong.EXPECTATION_OF_PROFITS,
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

meme_coin_no_team = Rule(
    id="efforts_of_others.meme_coin_no_team",
    prong=Prong.EFFORTS_OF_OTHERS,
    direction=Direction.WEIGHS_AGAINST,
    weight=0.55,
    rationale="A token whose creators renounced control, kept no allocation or stay anonymous leaves no promoter whose efforts matter.",
    authority=MEME_COIN_STATEMENT,
    patterns=(
        r"\b(?:contract|ownership)\s+(?:was|is|has\s+been)\s+renounced\b|\brenounced\s+(?:the\s+)?(?:contract|ownership)\b",
        r"\bno\s+(?:team|founder|developer|insider|creator)s?'?\s*(?:allocation|tokens|share|supply)\b",
        r"\b(?:anonymous|pseudonymous)\s+(?:creators?|developers?|founders?|user|team)\b",
        r"\b(?:liquidity|LP|pool)\s+(?:pool\s+)?tokens?\s+(?:were|was)\s+burned\b|\bcannot\s+be\s+pulled\b",
        r"\b(?:community[- ](?:driven|run|owned|led)|by\s+the\s+community|for\s+the\s+people,\s+by\s+the\s+people)\b",
        r"\bno\s+(?:staking|governance|emissions)\b",
    ),
    negatable=False,
    kind="category",
)

covered_stablecoin = Rule(
    id="expectation_of_profits.covered_stablecoin",
    prong=Prong.EXPECTATION_OF_PROFITS,
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

stablecoin_reserves = Rule(
    id="efforts_of_others.stablecoin_reserves",
    prong=Prong.EFFORTS_OF_OTHERS,
    direction=Direction.WEIGHS_AGAINST,
    weight=0.7,
    rationale="A stablecoin's value rests on segregated low-risk reserves, not on the issuer's entrepreneurial efforts.",
    authority=STABLECOIN_STATEMENT,
    patterns=(
        r"\breserves?\b[^;]{0,80}\b(?:cash|treasur\w+|bank\s+deposits|cash\s+equivalents|repurchase\s+agreements)\b",
        r"\b(?:backed|collaterali[sz]ed)\b[^;]{0,50}\b(?:cash|treasur\w+|dollars?|reserve\s+assets)\b",
        r"\battestations?\b",
    ),
    unless=(r"\balgorithmic\w*\b", r"\bgold\b"),
    kind="category",
)

protocol_mining = Rule(
    id="efforts_of_others.protocol_mining",
    prong=Prong.EFFORTS_OF_OTHERS,
    direction=Direction.WEIGHS_AGAINST,
    weight=0.65,
    rationale="On a proof-of-work network miners earn rewards for their own work, not from a promoter's efforts.",
    authority=MINING_STATEMENT,
    patterns=(
        r"\bproof[- ]of[- ]work\b",
        r"\b(?:merge-?mined|mined\s+by|miners\s+who)\b",
    ),
    unless=(r"\b(?:mining\s+(?:boxes|machines|packages|contracts)|hosted|host\s+and\s+operate|green\s+boxes)\b",),
    kind="category",
)

protocol_staking = Rule(
    id="efforts_of_others.protocol_staking",
    prong=Prong.EFFORTS_OF_OTHERS,
    direction=Direction.WEIGHS_AGAINST,
    weight=0.5,
    rationale="Rewards paid by the protocol to holders who stake their own tokens come from administrative, not managerial, work.",
    authority=STAKING_STATEMENT,
    patterns=(
        r"\b(?:rewards?|new\s+\w+)\s+(?:are\s+)?paid\s+by\s+the\s+protocol\b",
        r"\b(?:self-custod\w+|solo)\s+staking\b|\bstake\s+(?:their|its)\s+own\b",
        r"\brun\s+(?:their\s+own\s+)?validators?\b",
    ),
    kind="category",
)

liquid_staking_receipt = Rule(
    id="efforts_of_others.liquid_staking_receipt",
    prong=Prong.EFFORTS_OF_OTHERS,
    direction=Direction.WEIGHS_AGAINST,
    weight=0.5,
    rationale="A liquid-staking receipt token stands one-for-one for staked assets; the provider's role is administrative.",
    authority=LIQUID_STAKING_STATEMENT,
    patterns=(
        r"\b(?:liquid[- ]staking|staking\s+receipt|receipt\s+token)\b",
    ),
    kind="category",
)

closed_loop_credits = Rule(
    id="expectation_of_profits.closed_loop_credits",
    prong=Prong.EXPECTATION_OF_PROFITS,
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
    prong=Prong.EXPECTATION_OF_PROFITS,
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
