"""Runs the rules over a document and weighs the evidence prong by prong."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date
from functools import cached_property

from app.core.engine.matcher import BLOCK_SENTENCES, CUES, FRUITLESS_CANDIDATES, Candidates, find_evidence
from app.core.engine.prefilter import PatternSet
from app.core.engine.rulebook import fingerprint
from app.core.engine.segmentation import SentenceIndex, Span
from app.core.engine.weighing import ProngAssessment, assess_prong
from app.core.prongs import PRONGS, Prong, RuleKind
from app.core.rules import Evidence, Rule, all_rules


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
        self._rule_by_id = {rule.id: rule for rule in self.rules}
        # The rules' vetoes ride along (a slot each, with no users): a rule whose veto the set does
        # not find in a sentence needs no veto search there.
        self._veto_slot: dict[str, int] = {}
        for rule in self.rules:
            if rule.veto is not None:
                if rule.veto.pattern not in slot_of:
                    slot_of[rule.veto.pattern] = len(self._users)
                    self._users.append([])
                self._veto_slot[rule.id] = slot_of[rule.veto.pattern]
        # So do the cues (negation, hypothetical, comparison): a sentence the set finds no cue in
        # needs no cue search.
        self._cue_slots = {len(slot_of) + i: cue for i, cue in enumerate(CUES)}
        self._prefilter = PatternSet([*slot_of, *(cue.pattern for cue in CUES)])

    @property
    def rule_ids(self) -> list[str]:
        return [rule.id for rule in self.rules]

    @cached_property
    def fingerprint(self) -> str:
        """The rulebook fingerprint of these rules under this engine (see ``rulebook``)."""
        return fingerprint(self.rules)

    def candidates(self, index: SentenceIndex, sentences: Iterable[Span] | None = None,
                   open_rules: set[str] | None = None) -> dict[str, dict[Span, Candidates]]:
        """Per rule id, the sentences its patterns may match: which of its patterns may, and
        whether an exact one certainly does. ``sentences`` (default: all) and ``open_rules``
        (default: all) narrow the search."""
        found: dict[str, dict[Span, Candidates]] = {}
        text, match, users, veto_slot = index.text, self._prefilter.match, self._users, self._veto_slot
        for sentence in index.spans if sentences is None else sentences:
            slots = match(text[sentence.start : sentence.end])
            for slot, cue in self._cue_slots.items():
                if slots.pop(slot, None) is None:
                    index.rule_out(cue, sentence)
            for slot, certain in slots.items():
                for rule_id, regex in users[slot]:
                    if open_rules is not None and rule_id not in open_rules:
                        continue
                    by_sentence = found.get(rule_id)
                    if by_sentence is None:
                        by_sentence = found[rule_id] = {}
                    entry = by_sentence.get(sentence)
                    if entry is None:
                        veto = veto_slot.get(rule_id)
                        entry = by_sentence[sentence] = Candidates(veto_possible=veto is not None and veto in slots)
                    entry.regexes.append(regex)
                    if certain:
                        entry.certain = True
        return found

    def evidence(self, text: str) -> list[Evidence]:
        """Every rule's evidence, in rule order. The sentences are read in blocks: a rule closes
        once it has its ``max_evidence`` quotes, or once ``FRUITLESS_CANDIDATES`` of its candidate
        sentences gave none (only a text built to waste time has so many: "no ICO" as ten thousand
        bullets); a block in which the prefilter finds no open rule's patterns is skipped in one
        RE2 pass, so a long text costs about what its characters cost, however it is cut up."""
        index = SentenceIndex(text)
        spans = index.spans
        if len(spans) <= BLOCK_SENTENCES:  # one block: no rule can reach FRUITLESS_CANDIDATES
            candidates = self.candidates(index)
            return [item for rule in self.rules if rule.id in candidates
                    for item in find_evidence(rule, index, candidates[rule.id])]
        found: dict[str, list[Evidence]] = {}
        fruitless: dict[str, int] = {}
        open_rules = set(self._rule_by_id)
        for first in range(0, len(spans), BLOCK_SENTENCES):
            block = spans[first : first + BLOCK_SENTENCES]
            if not self._block_may_match(index.text[block[0].start : block[-1].end], open_rules):
                continue
            for rule_id, by_sentence in self.candidates(index, block, open_rules).items():
                rule = self._rule_by_id[rule_id]
                mine = found.setdefault(rule_id, [])
                for sentence, candidate in by_sentence.items():
                    items = find_evidence(rule, index, {sentence: candidate})
                    if items:
                        mine += items
                    else:
                        fruitless[rule_id] = fruitless.get(rule_id, 0) + 1
                    if len(mine) >= rule.max_evidence or fruitless.get(rule_id, 0) >= FRUITLESS_CANDIDATES:
                        open_rules.discard(rule_id)
                        break
            if not open_rules:
                break
        return [item for rule in self.rules for item in found.get(rule.id, ())]

    def _block_may_match(self, block: str, open_rules: set[str]) -> bool:
        """Whether any open rule's patterns may match somewhere in ``block`` (a run of sentences:
        every piece found in one of its sentences is found in it)."""
        return any(rule_id in open_rules for slot in self._prefilter.match(block) if slot not in self._cue_slots
                   for rule_id, _ in self._users[slot])

    def assess(self, text: str, as_of: date | None = None) -> list[ProngAssessment]:
        """The four prong assessments of ``text``; with ``as_of``, only the rules in force on that
        date weigh (the evidence of the others is dropped before weighing)."""
        by_prong: dict[Prong, list[Evidence]] = {prong: [] for prong in PRONGS}
        hard_signs: set[Prong] = set()
        evidence = self.evidence(text)
        if as_of is not None:
            lapsed = {rule.id for rule in self.rules if not rule.in_force(as_of)}
            evidence = [item for item in evidence if item.rule_id not in lapsed]
        for item in evidence:
            by_prong[item.prong].append(item)
            if item.kind is RuleKind.HARD_SIGN:
                hard_signs.add(item.prong)
        return [assess_prong(prong, by_prong[prong], bool(hard_signs - {prong})) for prong in PRONGS]
