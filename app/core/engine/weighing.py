"""Weighing the evidence of one prong into a score and a verdict."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from app.core.prongs import Direction, Prong, RuleKind, Verdict
from app.core.rules.schema import Evidence

# Verdict thresholds on the prong score; strength thresholds keep a single weak sign "unclear".
MET_AT = 0.65
NOT_MET_AT = 0.35
STRONG_EVIDENCE = 0.5
# When a 2025 category (meme coin, covered stablecoin, mining...) fires, the ordinary supporting
# signs of the same prong count at this fraction of their weight: an identifiable stablecoin
# issuer is not an Active Participant in the Howey sense. A hard sign (interest, profit share...)
# takes the token out of the category (the statements exclude yield-bearing coins), so then the
# category is the one discounted; a hard sign of any prong does so, since the statements exclude the
# token, not one prong of it (a stablecoin whose issuer pays yield is not a covered stablecoin for
# the efforts prong either).
CATEGORY_DISCOUNT = 0.25


@dataclass(frozen=True, slots=True)
class ProngAssessment:
    prong: Prong
    score: float
    verdict: Verdict
    evidence: tuple[Evidence, ...]

    @property
    def summary(self) -> str:
        """Worded on demand: bulk scoring never reads it."""
        return _summary(self.prong, self.verdict, self.evidence)


def prongs_with_evidence(factors: list[ProngAssessment]) -> int:
    return sum(1 for factor in factors if factor.evidence)


def enough_evidence(factors: list[ProngAssessment]) -> bool:
    """Whether the document says enough to put the risk in words. An investment contract needs all
    four prongs, so a document that speaks to at most one of them cannot show it is one; but one
    prong clearly not met can show it is not. So: at least two prongs with evidence, or one prong
    found not met. Otherwise the level is ``insufficient_evidence`` (the risk score is still given:
    it is the model's estimate from the words alone)."""
    return prongs_with_evidence(factors) >= 2 or any(f.verdict is Verdict.NOT_MET for f in factors)


def _noisy_or(weights: Iterable[float]) -> float:
    """Independent signs accumulate without ever exceeding 1."""
    remaining = 1.0
    for weight in weights:
        remaining *= 1.0 - weight
    return 1.0 - remaining


def assess_prong(prong: Prong, evidence: list[Evidence], hard_sign_elsewhere: bool = False) -> ProngAssessment:
    """Weigh one prong: 0.5 with no evidence, towards 1 with support, towards 0 against.
    ``hard_sign_elsewhere``: another prong of the same document holds a hard sign."""
    if not evidence:
        return ProngAssessment(prong, 0.5, Verdict.UNCLEAR, ())
    fired = {item.rule_id: item for item in evidence}.values()  # a rule counts once
    has_hard_sign = hard_sign_elsewhere or any(e.kind is RuleKind.HARD_SIGN for e in fired)
    category_applies = any(e.kind is RuleKind.CATEGORY for e in fired) and not has_hard_sign

    def effective(e: Evidence) -> float:
        if e.kind is RuleKind.SIGN and e.direction is Direction.SUPPORTS and category_applies:
            return e.weight * CATEGORY_DISCOUNT
        if e.kind is RuleKind.CATEGORY and has_hard_sign:
            return e.weight * CATEGORY_DISCOUNT
        return e.weight

    support = _noisy_or(effective(e) for e in fired if e.direction is Direction.SUPPORTS)
    against = _noisy_or(effective(e) for e in fired if e.direction is Direction.WEIGHS_AGAINST)
    score = round(0.5 + 0.5 * (support - against), 4)
    if score >= MET_AT and support >= STRONG_EVIDENCE:
        verdict = Verdict.MET
    elif score <= NOT_MET_AT and against >= STRONG_EVIDENCE:
        verdict = Verdict.NOT_MET
    else:
        verdict = Verdict.UNCLEAR
    ordered = tuple(sorted(evidence, key=lambda e: (-e.weight, e.start)))
    return ProngAssessment(prong, score, verdict, ordered)


_SUMMARY_QUOTE = 90


def _summary(prong: Prong, verdict: Verdict, evidence: tuple[Evidence, ...]) -> str:
    """One line: the verdict, the strongest evidence for it (its rationale and a short quote) and
    how much points the other way."""
    head = {Verdict.MET: "Met", Verdict.NOT_MET: "Not met", Verdict.UNCLEAR: "Unclear"}[verdict]
    if not evidence:
        return f"{head}: the document says nothing this engine recognises about {prong.label.lower()}."
    for_ = [e for e in evidence if e.direction is Direction.SUPPORTS]
    against = [e for e in evidence if e.direction is Direction.WEIGHS_AGAINST]
    lead = (for_ if verdict is not Verdict.NOT_MET else against) or evidence
    strongest = lead[0]
    counter = against if lead is for_ else for_
    quote = strongest.quote if len(strongest.quote) <= _SUMMARY_QUOTE else strongest.quote[: _SUMMARY_QUOTE - 1].rstrip() + "…"
    tail = f" {len(counter)} sign(s) point the other way." if counter else ""
    return f"{head}: {strongest.rationale.rstrip('.')} (\u201c{quote}\u201d).{tail}"


