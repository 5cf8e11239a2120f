"""Runs the rules over a document and weighs the evidence prong by prong."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from app.core.prefilter import PatternSet
from app.core.prongs import PRONGS, Direction, Prong, Verdict
from app.core.rules import Evidence, Rule, all_rules
from app.core.rules.base import NEGATION_CUE, Candidates
from app.core.text import SentenceIndex, Span

# Verdict thresholds on the prong score; strength thresholds keep a single weak sign "unclear".
MET_AT = 0.65
NOT_MET_AT = 0.35
STRONG_EVIDENCE = 0.5
# When a 2025 category (meme coin, covered stablecoin, mining...) fires, the ordinary supporting
# signs of the same prong count at this fraction of their weight: an identifiable stablecoin
# issuer is not an Active Participant in the Howey sense. A hard sign (interest, profit share...)
# takes the token out of the category (the statements exclude yield-bearing coins), so then the
# category is the one discounted.
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


def _noisy_or(weights: Iterable[float]) -> float:
    """Independent signs accumulate without ever exceeding 1."""
    remaining = 1.0
    for weight in weights:
        remaining *= 1.0 - weight
    return 1.0 - remaining


def assess_prong(prong: Prong, evidence: list[Evidence]) -> ProngAssessment:
    """Weigh one prong: 0.5 with no evidence, towards 1 with support, towards 0 against."""
    if not evidence:
        return ProngAssessment(prong, 0.5, Verdict.UNCLEAR, ())
    fired = {item.rule_id: item for item in evidence}.values()  # a rule counts once
    has_hard_sign = any(e.kind == "hard_sign" for e in fired)
    category_applies = any(e.kind == "category" for e in fired) and not has_hard_sign

    def effective(e: Evidence) -> float:
        if e.kind == "sign" and e.direction is Direction.SUPPORTS and category_applies:
            return e.weight * CATEGORY_DISCOUNT
        if e.kind == "category" and has_hard_sign:
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


class RuleEngine:
    """The rules as one object: ``assess(text)`` gives the four prong assessments in order.

    Every rule's patterns also go into one RE2 pattern set, which tells in one linear-time pass
    over a sentence which rules can match it at all; only those rules run their (backtracking)
    Python patterns, and only on that sentence. Most rules match few sentences, so this is what
    makes scoring fast, and it bounds the work a hostile input can cause."""

    def __init__(self, rules: tuple[Rule, ...] | None = None):
        self.rules = rules if rules is not None else all_rules()
        # One slot per distinct pattern; rules sharing a pattern (the framework counts some
        # facts under several prongs) share its slot and its matches.
        self._users: list[list[tuple[str, re.Pattern]]] = []  # per slot: (rule id, its compiled pattern)
        slot_of: dict[str, int] = {}
        for rule in self.rules:
            for pattern, regex in zip(rule.patterns, rule.regexes, strict=True):
                if pattern not in slot_of:
                    slot_of[pattern] = len(self._users)
                    self._users.append([])
                self._users[slot_of[pattern]].append((rule.id, regex))
        # The negation cue rides along: a sentence the set finds no cue in needs no cue search.
        self._negation_slot = len(slot_of)
        self._prefilter = PatternSet([*slot_of, NEGATION_CUE.pattern])

    @property
    def rule_ids(self) -> list[str]:
        return [rule.id for rule in self.rules]

    def candidates(self, index: SentenceIndex) -> dict[str, dict[Span, Candidates]]:
        """Per rule id, the sentences its patterns may match: which of its patterns may, and
        whether an exact one certainly does."""
        found: dict[str, dict[Span, Candidates]] = {}
        text = index.text
        for sentence in index.spans:
            slots = self._prefilter.match(text[sentence.start : sentence.end])
            if slots.pop(self._negation_slot, None) is None:
                index.rule_out(NEGATION_CUE, sentence)
            for slot, certain in slots.items():
                for rule_id, regex in self._users[slot]:
                    by_sentence = found.get(rule_id)
                    if by_sentence is None:
                        by_sentence = found[rule_id] = {}
                    entry = by_sentence.get(sentence)
                    if entry is None:
                        entry = by_sentence[sentence] = Candidates()
                    entry.regexes.append(regex)
                    entry.certain = entry.certain or certain
        return found

    def evidence(self, text: str) -> list[Evidence]:
        index = SentenceIndex(text)
        candidates = self.candidates(index)
        return [item for rule in self.rules if rule.id in candidates for item in rule.find(index, candidates[rule.id])]

    def assess(self, text: str) -> list[ProngAssessment]:
        by_prong: dict[Prong, list[Evidence]] = {prong: [] for prong in PRONGS}
        for item in self.evidence(text):
            by_prong[item.prong].append(item)
        return [assess_prong(prong, by_prong[prong]) for prong in PRONGS]
