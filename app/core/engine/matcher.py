"""Where a rule matches in one indexed text: per sentence the first match no negation cancels,
quoted by its sentence (or, in a long sentence, by its clause)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from app.core.engine.segmentation import SentenceIndex, Span
from app.core.rules.schema import Evidence, Rule

# A negation cue earlier in the same clause (or inside the match) turns "holders receive no
# interest" or "we make no promises about value" away from the positive rule.
# Phrases that look like negation but are not ("not only", "no later than", "No. 19-cv-...").
NEGATION_CUE = re.compile(
    r"\b(?:no(?!\s+later\s+than\b|\.\s*\d)|not(?!\s+only\b)|never|without|cannot|none|nothing|neither|nor|zero|non|nobody|lacks?)\b"
    r"|n't\b|\bfree\s+of\b",
    re.IGNORECASE,
)
NEGATION_WINDOW = 60  # characters before the match searched for a cue
LONG_SENTENCE = 320  # longer sentences are quoted by the clause that fired


@dataclass(slots=True)
class Candidates:
    """What the engine's prefilter found for one rule in one sentence: the patterns that may
    match, and whether one certainly matches (then, in a sentence with no negation cue, the
    sentence is the evidence without running Python's slower matcher)."""

    regexes: list[re.Pattern] = field(default_factory=list)
    certain: bool = False


def find_evidence(rule: Rule, index: SentenceIndex, candidates: dict[Span, Candidates] | None = None) -> list[Evidence]:
    """Evidence for ``rule`` in the indexed text, one per sentence, at most ``rule.max_evidence``.
    ``candidates`` narrows the search to the sentences (and, per sentence, the patterns) that the
    engine's prefilter found could match; without it every sentence and pattern is tried."""
    text = index.text
    found: list[Evidence] = []
    work = candidates.items() if candidates is not None else ((s, Candidates(list(rule.regexes))) for s in index.spans)
    for sentence, candidate in work:
        if rule.veto is not None and rule.veto.search(text, sentence.start, sentence.end):
            continue
        long_sentence = sentence.end - sentence.start > LONG_SENTENCE
        if candidate.certain and not long_sentence and not (rule.negatable and index.contains(NEGATION_CUE, sentence)):
            span = sentence  # a match is certain, nothing can negate it, and the quote is the sentence
        else:
            ordered = [r for r in rule.regexes if r in candidate.regexes]  # the rule's own order
            span = _first_valid_match(rule, index, sentence, ordered, long_sentence)
        if span is not None:
            found.append(rule.evidence(text, *span))
            if len(found) >= rule.max_evidence:
                break
    return found


def _first_valid_match(rule: Rule, index: SentenceIndex, sentence: Span, regexes, long_sentence: bool) -> Span | None:
    """The quote for the first match in ``sentence`` that no negation cancels."""
    may_be_negated = rule.negatable and index.contains(NEGATION_CUE, sentence)
    for regex in regexes:
        for start, end in index.matches(regex, sentence):
            clause = index.clause_around(sentence, start, end) if may_be_negated or long_sentence else sentence
            if may_be_negated and _is_negated(index.text, clause, start, end):
                continue
            return clause if long_sentence else sentence
    return None


def _is_negated(text: str, clause: Span, start: int, end: int) -> bool:
    """Whether a cue shortly before the match (in its clause) or inside it negates it."""
    return NEGATION_CUE.search(text, max(clause.start, start - NEGATION_WINDOW), end) is not None
