"""Where a rule matches in one indexed text: per sentence the first match that no negation cancels
and that is asserted (not a hypothetical, a comparison or a remark about the document), quoted by
its sentence (or, in a long sentence, by its clause)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from app.core.engine.segmentation import SentenceIndex, Span
from app.core.rules.schema import Evidence, Rule

# A negation cue earlier in the same clause (or inside the match) turns "holders receive no
# interest" or "we make no promises about value" away from the positive rule.
# Phrases that look like negation but are not ("not only", "no later than", "No. 19-cv-...").
NEGATION_CUE = re.compile(
    r"\b(?:no(?!\s+later\s+than\b|\.\s*\d)|not(?!\s+only\b)|never|without(?!\s+(?:further\s+|prior\s+|any\s+)?(?:notice|limitation|delay|charge|restriction|penalty))|cannot|none|nothing|neither|nor|zero|non|nobody|lacks?)\b"
    r"|n't\b|\bfree\s+of\b",
    re.IGNORECASE,
)
NEGATION_WINDOW = 60  # characters before the match searched for a cue
# A sentence (or a list item, or a table row, after its context) that opens with a negated subject
# negates all it says.
# So does one whose subject is nil ("4.2 No 'earn' feature is offered...", "Nothing here shall be
# construed as...").
NEGATED_SUBJECT = re.compile(
    r"(?:[^\n]{0,300}?\s—\s)?[*_\s]*(?:\d+(?:\.\d+)*\.?\s+|\(?[a-z]\)\s+)?"
    r"(?:nobody|no\s+one|none\s+of|neither|never|nothing|no\s+(?:[\w\"“”'’,/-]+\s+){0,6}?(?:is|are|was|were|will\s+be|shall\s+be|has\s+been|have\s+been))\b",
    re.IGNORECASE,
)
# A match that is the next item of a negated enumeration ("not entitled to any interest, yield,
# dividend, share of profits or other return"): the negation reaches it across the list's commas.
NEGATED_LIST = re.compile(
    r"\b(?:not\s+(?:be\s+)?(?:entitled|eligible)\s+(?:to|for)|not\s+(?:\w+\s+){0,2}?any|no|without(?:\s+any)?|neither|nor)\s+"
    r"(?:[\w\"“”'’-]+\s+){0,3}?[\w\"“”'’-]+(?:\s*,\s*(?:[\w\"“”'’-]+\s+){0,3}?[\w\"“”'’-]+){1,10}\s*,\s*$",
    re.IGNORECASE,
)
NEGATED_LIST_REACH = 160  # characters before the match read for the list
# A clause that does not assert a fact of this offering is no evidence for any rule: a hypothetical
# or counterfactual ("hypothetically, a managed option would...", "if we were to sell tokens"), a
# question put in reported speech ("some asked whether we will pick validators"), or a statement
# about the document itself or its authors ("the authors also provide a roadmap"). Searched in the
# match's clause, from ``NEGATION_WINDOW`` characters before it.
HYPOTHETICAL_CUE = re.compile(
    r"\b(?:hypothetical(?:ly)?|imagine|suppose|supposing|what\s+if|in\s+theory|asked\s+(?:us\s+)?(?:whether|if)|"
    r"wonder(?:ed|ing)?\s+(?:whether|if)|were\s+(?:we|it|they|you)\s+to|if\s+(?:we|it|they)\s+(?:were|had|ever)|"
    r"would\s+(?:require|need|have\s+to|mean)|could\s+in\s+principle|the\s+authors?|"
    r"(?:considered|contemplated|discussed|explored)\s+(?:\w+ing|whether|a|an)\b|would\s+have|"
    r"had\s+(?:\w+\s+){1,3}?(?:sold|raised|issued|offered|launched|promised|run|done|been)|"
    r"(?:some|many|other|most)\s+(?:competitors|issuers|projects|platforms|exchanges|wallets|providers|protocols|services)|"
    r"any\s+(?:group|one|party|site|website|account|person|project)\s+(?:selling|offering|promising|claiming)|"
    r"(?:this|the)\s+(?:document|whitepaper|white\s+paper|paper|readme|faq|article|post|repository|repo)\s+"
    r"(?:\w+\s+)?(?:provides?|contains?|describes?|includes?|outlines?|presents?|lists?|explains?|discusses))\b",
    re.IGNORECASE,
)
# A comparison describes something else ("unlike a traditional ICO", "as with any solo staking",
# "rather than a presale"), and a condition something that may not be ("if QSC could be traded on
# exchanges", "if anyone offers you PARK at a discount"): no evidence in the same phrase (up to the
# next comma), while what follows the comma ("if you stake, you earn 8%") is asserted.
COMPARISON_CUE = re.compile(
    r"\b(?:if|unless|whether|unlike|as\s+opposed\s+to|in\s+contrast\s+(?:to|with)|compared\s+(?:to|with)|rather\s+than|instead\s+of|"
    r"differs?\s+from|(?:as|like)\s+(?:with\s+)?(?:a|an|any|most|many|other|in\s+a|in\s+an)\s+(?:\w+\s+)?"
    r"(?:traditional|typical|ordinary|conventional|regular|solo|other)|than\s+(?:a|an|most|other)\s+(?:\w+\s+)?(?:traditional|typical))\b",
    re.IGNORECASE,
)
# A sentence that opens as a counterfactual ("Had Gullwing sold tokens in 2019 ... and used the
# proceeds to build the railway, ...") asserts nothing of what it supposes; one that opens with a
# condition reaching to a "would" ("If we chose validators, pooled deposits or topped up rewards,
# the token would be ...") supposes everything before the last comma ahead of the "would" (what
# follows it, "you would receive 8%", is the promise made on that condition).
COUNTERFACTUAL_OPENING = re.compile(
    r"[*_\s]*(?:\d+(?:\.\d+)*\.?\s+)?(?:(?P<inverted>(?:had|were)\s+(?:[\w'’-]+\s+){1,3}?(?:\w+ed|sold|run|done|been|built|paid|made|to)\b)"
    r"|if\b[^;]{0,240}?\b(?:would|could|might)\b)",
    re.IGNORECASE,
)
CUES = (NEGATION_CUE, HYPOTHETICAL_CUE, COMPARISON_CUE)
LONG_SENTENCE = 320  # longer sentences are quoted by the clause that fired
MAX_QUOTE = 400  # a clause longer than this is quoted by this many characters around the match
# Matches of one rule's patterns examined in one sentence before the rule gives up on it. Every
# match a negation cancels sends the rule on to the next, so a sentence that negates its matches
# again and again ("no ICO: no ICO: ...", 100 KB with no full stop) would have every rule read
# all of them; after this many the rule is taken not to fire there. Prose never comes near it: no
# rule examines more than two matches in any sentence of the dataset.
MAX_MATCHES_PER_SENTENCE = 64

# Sentences read per block: a block whose text holds no open rule's patterns is skipped at once.
BLOCK_SENTENCES = 32
# Candidate sentences of one rule that gave no evidence (negated, or the exact pattern failed)
# before the rule stops reading a text. No rule comes near it on the dataset's summaries or the
# challenge documents; it bounds what a text that negates one fact ten thousand times can cost.
FRUITLESS_CANDIDATES = 256


@dataclass(slots=True)
class Candidates:
    """What the engine's prefilter found for one rule in one sentence: the patterns that may
    match, whether one certainly matches (then, in a sentence with no negation cue, the
    sentence is the evidence without running Python's slower matcher), and whether the rule's
    veto may hold there (when the prefilter did not find it, it is not searched)."""

    regexes: list[re.Pattern] = field(default_factory=list)
    certain: bool = False
    veto_possible: bool = True


def find_evidence(rule: Rule, index: SentenceIndex, candidates: dict[Span, Candidates] | None = None) -> list[Evidence]:
    """Evidence for ``rule`` in the indexed text, one per sentence, at most ``rule.max_evidence``.
    ``candidates`` narrows the search to the sentences (and, per sentence, the patterns) that the
    engine's prefilter found could match; without it every sentence and pattern is tried."""
    bodies = index.bodies
    found: list[Evidence] = []
    work = candidates.items() if candidates is not None else ((s, Candidates(list(rule.regexes))) for s in index.spans)
    for sentence, candidate in work:
        if rule.negatable and sentence.start in index.negated:  # "Presale | 0% | none"
            continue
        long_sentence = sentence.end - sentence.start > LONG_SENTENCE
        if (candidate.certain and not long_sentence and sentence.start not in bodies
                and not (rule.negatable and index.contains(NEGATION_CUE, sentence))
                and not _may_be_unasserted(index, sentence)):
            span = sentence  # a match is certain, nothing can negate it, and the quote is the sentence
        else:
            ordered = [r for r in rule.regexes if r in candidate.regexes]  # the rule's own order
            span = _first_valid_match(rule, index, sentence, ordered, long_sentence)
        if span is not None and not (candidate.veto_possible and _vetoed(rule, index, sentence)):
            found.append(rule.evidence(index.original, *index.reading.to_original(*span)))
            if len(found) >= rule.max_evidence:
                break
    return found


def _vetoed(rule: Rule, index: SentenceIndex, sentence: Span) -> bool:
    """Whether a contrary fact in the sentence vetoes the rule; asked only once the rule matched
    (most candidates do not), and answered once per sentence for the rules sharing a veto."""
    return rule.veto is not None and index.contains(rule.veto, sentence)


def _first_valid_match(rule: Rule, index: SentenceIndex, sentence: Span, regexes, long_sentence: bool) -> Span | None:
    """The quote for the first match in ``sentence`` that no negation cancels, among the first
    ``MAX_MATCHES_PER_SENTENCE`` matches of the rule's patterns there."""
    may_be_negated = rule.negatable and index.contains(NEGATION_CUE, sentence)
    may_be_unasserted = _may_be_unasserted(index, sentence)
    examined = 0
    for regex in regexes:
        quote, seen = _pattern_verdict(index, sentence, regex, may_be_negated, may_be_unasserted, long_sentence)
        examined += seen
        if examined > MAX_MATCHES_PER_SENTENCE:
            return None
        if quote is not None:
            return quote
    return None


def _pattern_verdict(index: SentenceIndex, sentence: Span, regex: re.Pattern, may_be_negated: bool,
                     may_be_unasserted: bool, long_sentence: bool) -> tuple[Span | None, int]:
    """For one pattern: the quote for its first match no negation cancels (None if none does),
    and how many of its matches were examined to know (past ``MAX_MATCHES_PER_SENTENCE``, no
    more are). Found once per sentence for all the rules that share the pattern."""
    key = (id(regex), sentence.start, may_be_negated, may_be_unasserted)
    verdict = index.verdicts.get(key)
    if verdict is None:
        verdict = None, 0
        body = index.bodies.get(sentence.start, sentence.start)
        for seen, (start, end) in enumerate(index.matches(regex, sentence), 1):
            if seen > MAX_MATCHES_PER_SENTENCE:
                verdict = None, seen
                break
            if end <= body:  # wholly in the unit's context: a heading or a lead-in says it, not the unit
                verdict = None, seen
                continue
            if may_be_negated or may_be_unasserted or long_sentence:
                clause = index.clause_around(sentence, start, end)
            else:
                clause = sentence
            if (may_be_negated and _is_negated(index.text, sentence, clause, start, end)) or (
                    may_be_unasserted and _is_unasserted(index.text, body, sentence, clause, start, end)):
                verdict = None, seen
                continue
            quote = clause if long_sentence else sentence
            verdict = _capped(index.text, Span(max(quote.start, body), quote.end), start, end), seen
            break
        index.verdicts[key] = verdict
    return verdict


def _capped(text: str, quote: Span, start: int, end: int) -> Span:
    """``quote``, or where it is longer than ``MAX_QUOTE`` the ``MAX_QUOTE`` characters of it
    centred on the match ``[start, end)``, cut back to whole words where the cut falls in one."""
    if quote.end - quote.start <= MAX_QUOTE:
        return quote
    first = max(quote.start, min(start - (MAX_QUOTE - (end - start)) // 2, quote.end - MAX_QUOTE))
    last = min(quote.end, first + MAX_QUOTE)
    if first > quote.start and not text[first - 1].isspace():
        space = text.find(" ", first, min(start, last))
        first = space + 1 if space >= 0 else first
    if last < quote.end and not text[last].isspace():
        space = text.rfind(" ", max(end, first), last)
        last = space if space > first else last
    return Span(first, last)


def _is_negated(text: str, sentence: Span, clause: Span, start: int, end: int) -> bool:
    """Whether a cue shortly before the match (in its clause) or inside it negates it, or the
    sentence's subject is negated ("Nobody — not the team, not a foundation — promises...")."""
    return (NEGATION_CUE.search(text, max(clause.start, start - NEGATION_WINDOW), end) is not None
            or NEGATED_SUBJECT.match(text, sentence.start, start) is not None
            or NEGATED_LIST.search(text, max(sentence.start, start - NEGATED_LIST_REACH), start) is not None)


def _may_be_unasserted(index: SentenceIndex, sentence: Span) -> bool:
    """Whether the sentence holds a hypothetical or comparison cue at all (the prefilter knows)."""
    return index.contains(HYPOTHETICAL_CUE, sentence) or index.contains(COMPARISON_CUE, sentence)


def _is_unasserted(text: str, body: int, sentence: Span, clause: Span, start: int, end: int) -> bool:
    """Whether the match is in a hypothetical, about the document, or in a comparison's phrase.
    ``body``: where the unit's own words begin (after its context)."""
    opening = COUNTERFACTUAL_OPENING.match(text, body, sentence.end)
    if opening is not None and (opening.group("inverted") is not None
                                or start < text.rfind(",", opening.start(), opening.end())):
        return True
    window = max(clause.start, start - NEGATION_WINDOW)
    if HYPOTHETICAL_CUE.search(text, window, end) is not None:
        return True
    return any("," not in text[cue.end() : start] for cue in COMPARISON_CUE.finditer(text, window, end))
