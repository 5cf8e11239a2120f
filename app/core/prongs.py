"""The vocabulary of the Howey test shared by every layer."""

from __future__ import annotations

from enum import StrEnum


class Prong(StrEnum):
    """The four elements of an investment contract, in the order SEC v. W.J. Howey Co. lists them
    (and the order every response keeps)."""

    INVESTMENT_OF_MONEY = "investment_of_money"
    COMMON_ENTERPRISE = "common_enterprise"
    EXPECTATION_OF_PROFITS = "expectation_of_profits"
    EFFORTS_OF_OTHERS = "efforts_of_others"

    @property
    def label(self) -> str:
        return self.value.replace("_", " ").capitalize()


PRONGS: tuple[Prong, ...] = tuple(Prong)


class Direction(StrEnum):
    SUPPORTS = "supports"
    WEIGHS_AGAINST = "weighs_against"


class Verdict(StrEnum):
    MET = "met"
    NOT_MET = "not_met"
    UNCLEAR = "unclear"


class RuleKind(StrEnum):
    """How a rule weighs: ``sign`` (one characteristic among many), ``hard_sign`` (a security in
    any era) or ``category`` (a 2025 staff-statement carve-out or the no-action-letter pattern)."""

    SIGN = "sign"
    HARD_SIGN = "hard_sign"
    CATEGORY = "category"

    @property
    def label(self) -> str:
        return {"sign": "sign", "hard_sign": "hard sign", "category": "2025 category / no-action pattern"}[self.value]


class RiskLevel(StrEnum):
    """The risk score in words, by thresholds stored with the model; or the honest answer that the
    document holds too little to judge (see ``app.core.engine.weighing.enough_evidence``)."""

    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"
    INSUFFICIENT_EVIDENCE = "insufficient_evidence"


class Label(StrEnum):
    SECURITY = "security"
    NOT_SECURITY = "not_security"


DISCLAIMER = (
    "Not legal advice. This is an automated estimate of how U.S. regulators and courts might "
    "treat the token under the Howey test, learned from SEC allegations, settlements, court "
    "rulings, 2025 dismissals, staff statements and no-action letters of differing legal weight. "
    "Ask qualified securities counsel before acting on it."
)
