"""Prong 2: a common enterprise (pooled funds; holders' fortunes tied together or to the promoter)."""

from app.core.prongs import Direction, Prong
from app.core.rules.base import FRAMEWORK_2019, KIK_2020, TERRAFORM_2023, Rule

_P = Prong.COMMON_ENTERPRISE

pooled_proceeds = Rule(
    id="common_enterprise.pooled_proceeds",
    prong=_P,
    direction=Direction.SUPPORTS,
    weight=0.75,
    rationale="Sale proceeds pooled to build one network tie every buyer's fortune to that network.",
    authority=KIK_2020,
    patterns=(
        r"\b(?:proceeds|funds\s+raised|money\s+raised|capital\s+raised|raised\s+funds)\b[^.;]{0,80}\b(?:used|go|went|spent|fund|finance|allocated|build|develop)\w*",
        r"\buse\s+of\s+(?:the\s+)?proceeds\b",
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
        r"\b(?:in\s+proportion\s+to|proportional(?:ly)?\s+to)\s+(?:their|the\s+number\s+of|each\s+holder)",
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
    ),
    negatable=False,
)
