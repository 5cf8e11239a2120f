"""Prong 4: profits from the entrepreneurial or managerial efforts of others (an Active
Participant), or a network that no single party's efforts drive."""

from app.core.prongs import Direction, Prong
from app.core.rules.base import FRAMEWORK_2019, LBRY_2022, MINING_STATEMENT, Rule

_P = Prong.EFFORTS_OF_OTHERS
_ISSUER = r"(?:we|our\s+(?:core\s+)?(?:team|company|developers|engineers)|the\s+(?:core\s+)?(?:team|company|foundation|founders|developers))"

issuer_development = Rule(
    id="efforts_of_others.issuer_development",
    prong=_P,
    direction=Direction.SUPPORTS,
    weight=0.7,
    rationale="The issuer promises to build, improve or launch the network buyers depend on.",
    authority=FRAMEWORK_2019,
    patterns=(
        rf"\b{_ISSUER}\s+(?:will|plans?\s+to|intends?\s+to|aims?\s+to|is\s+going\s+to|expects?\s+to|commits?\s+to)\s+(?:\w+\s+){{0,2}}(?:build|develop|launch|deliver|complete|expand|grow|release|deploy)\b",
        r"\b(?:development\s+)?roadmap\b",
    ),
)

price_support = Rule(
    id="efforts_of_others.price_support",
    prong=_P,
    direction=Direction.SUPPORTS,
    weight=0.75,
    rationale="An issuer that buys back or burns tokens, or hires market makers, supports the price itself.",
    authority=FRAMEWORK_2019,
    patterns=(
        r"\bbuy-?\s?backs?\b|\bbuy\s+back\b|\brepurchas\w+\b[^.;]{0,40}\b(?:tokens|coins|market)\b",
        r"\bburn(?:s|ed|ing)?\s+(?:a\s+portion|part|\d+\s?%|tokens|coins)\b",
        r"\bmarket[- ]mak(?:er|ers|ing)\b",
    ),
)

retained_stake = Rule(
    id="efforts_of_others.retained_stake",
    prong=_P,
    direction=Direction.SUPPORTS,
    weight=0.6,
    rationale="An issuer that keeps a large share of the supply profits alongside buyers and is motivated to lift the price.",
    authority=LBRY_2022,
    patterns=(
        r"\b(?:team|founders?|company|foundation|insiders|treasury|developers)\b[^.;]{0,40}\b(?:retain\w*|keep\w*|hold\w*|reserv\w*|allocat\w*|receiv\w*)\b[^.;]{0,30}\b\d+(?:\.\d+)?\s?%",
        r"\b\d+(?:\.\d+)?\s?%\s+(?:of\s+(?:the\s+)?(?:total\s+)?(?:supply|tokens|coins)\s+)?(?:is\s+|was\s+|are\s+)?(?:reserved|allocated|set\s+aside|kept)\s+(?:for|by)\s+(?:the\s+)?(?:team|founders|company|foundation|insiders)\b",
    ),
)

decentralised_network = Rule(
    id="efforts_of_others.decentralised_network",
    prong=_P,
    direction=Direction.WEIGHS_AGAINST,
    weight=0.6,
    rationale="When a dispersed community runs the network, no single party's efforts are essential.",
    authority=FRAMEWORK_2019,
    patterns=(
        r"\bno\s+(?:central|single|controlling)\s+(?:party|company|entity|issuer|authority|operator)\b",
        r"\b(?:fully\s+)?decentrali[sz]ed\b[^.;]{0,40}\b(?:network|community|miners|validators|nodes)\b",
        r"\b(?:run|maintained|secured|operated)\s+by\s+(?:a\s+)?(?:dispersed|global|independent|open)\b[^.;]{0,30}\b(?:community|miners|nodes|validators|volunteers|developers)\b",
    ),
    negatable=False,
)

proof_of_work = Rule(
    id="efforts_of_others.proof_of_work",
    prong=_P,
    direction=Direction.WEIGHS_AGAINST,
    weight=0.65,
    rationale="Miners earn rewards for their own work on a proof-of-work network, not from a promoter's efforts.",
    authority=MINING_STATEMENT,
    patterns=(r"\bproof[- ]of[- ]work\b",),
)
