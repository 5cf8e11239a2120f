"""Runs the rules over a document and weighs the evidence prong by prong."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from app.core.prongs import PRONGS, Direction, Prong, Verdict
from app.core.rules import Evidence, Rule, all_rules
from app.core.text import SentenceIndex

# Verdict thresholds on the prong score; strength thresholds keep a single weak sign "unclear".
MET_AT = 0.65
NOT_MET_AT = 0.35
STRONG_EVIDENCE = 0.5


@dataclass(frozen=True, slots=True)
class ProngAssessment:
    prong: Prong
    score: float
    verdict: Verdict
    summary: str
    evidence: tuple[Evidence, ...]


def _noisy_or(weights: Iterable[float]) -> float:
    """Independent signs accumulate without ever exceeding 1."""
    remaining = 1.0
    for weight in weights:
        remaining *= 1.0 - weight
    return 1.0 - remaining


def assess_prong(prong: Prong, evidence: list[Evidence]) -> ProngAssessment:
    """Weigh one prong: 0.5 with no evidence, towards 1 with support, towards 0 against."""
    fired = {item.rule_id: item for item in evidence}.values()  # a rule counts once
    support = _noisy_or(e.weight for e in fired if e.direction is Direction.SUPPORTS)
    against = _noisy_or(e.weight for e in fired if e.direction is Direction.WEIGHS_AGAINST)
    score = round(0.5 + 0.5 * (support - against), 4)
    if score >= MET_AT and support >= STRONG_EVIDENCE:
        verdict = Verdict.MET
    elif score <= NOT_MET_AT and against >= STRONG_EVIDENCE:
        verdict = Verdict.NOT_MET
    else:
        verdict = Verdict.UNCLEAR
    ordered = tuple(sorted(evidence, key=lambda e: (-e.weight, e.start)))
    return ProngAssessment(prong, score, verdict, _summary(prong, verdict, ordered), ordered)


def _summary(prong: Prong, verdict: Verdict, evidence: tuple[Evidence, ...]) -> str:
    head = {Verdict.MET: "Met", Verdict.NOT_MET: "Not met", Verdict.UNCLEAR: "Unclear"}[verdict]
    if not evidence:
        return f"{head}: the document says nothing this engine recognises about {prong.label.lower()}."
    for_ = [e for e in evidence if e.direction is Direction.SUPPORTS]
    against = [e for e in evidence if e.direction is Direction.WEIGHS_AGAINST]
    lead = (for_ if verdict is not Verdict.NOT_MET else against) or evidence
    strongest = lead[0]
    counter = against if lead is for_ else for_
    tail = f" ({len(counter)} sign(s) the other way)" if counter else ""
    return f"{head}: {strongest.rationale.rstrip('.')}{tail}."


class RuleEngine:
    """The rules as one object: ``assess(text)`` gives the four prong assessments in order."""

    def __init__(self, rules: tuple[Rule, ...] | None = None):
        self.rules = rules if rules is not None else all_rules()

    @property
    def rule_ids(self) -> list[str]:
        return [rule.id for rule in self.rules]

    def evidence(self, text: str) -> list[Evidence]:
        index = SentenceIndex(text)
        return [item for rule in self.rules for item in rule.find(index)]

    def assess(self, text: str) -> list[ProngAssessment]:
        by_prong: dict[Prong, list[Evidence]] = {prong: [] for prong in PRONGS}
        for item in self.evidence(text):
            by_prong[item.prong].append(item)
        return [assess_prong(prong, by_prong[prong]) for prong in PRONGS]
