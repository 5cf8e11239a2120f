"""A Howey rule is a small declarative object: what it is (id, prong, direction, weight), why it
matters (rationale, authority) and how it is recognised (patterns). Rules are plain data; the
engine does the matching, so a rule can be read, listed and documented without running it."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from app.core.prongs import Direction, Prong
from app.core.text import SentenceIndex, Span, clause_around

# Authorities cited by the rules, spelled once.
FRAMEWORK_2019 = "SEC Framework for 'Investment Contract' Analysis of Digital Assets (2019)"
HOWEY_1946 = "SEC v. W.J. Howey Co., 328 U.S. 293 (1946)"
DAO_REPORT_2017 = "SEC Report of Investigation on The DAO (Release 34-81207, 2017)"
NO_ACTION_LETTERS = (
    "SEC staff no-action letters: TurnKey Jet (2019-04-03), Pocketful of Quarters (2019-07-25), "
    "IMVU VCOIN (2020-11-19)"
)
MEME_COIN_STATEMENT = "SEC Division of Corporation Finance, Staff Statement on Meme Coins (2025-02-27)"
MINING_STATEMENT = (
    "SEC Division of Corporation Finance, Statement on Certain Protocol Mining Activities (2025-03-20)"
)
STABLECOIN_STATEMENT = (
    "SEC Division of Corporation Finance, Statement on Stablecoins (2025-04-04); GENIUS Act (2025-07-18)"
)
STAKING_STATEMENT = (
    "SEC Division of Corporation Finance, Statement on Certain Protocol Staking Activities (2025-05-29)"
)
TELEGRAM_2020 = "SEC v. Telegram Group Inc., No. 19-cv-9439 (S.D.N.Y. Mar. 24, 2020)"
KIK_2020 = "SEC v. Kik Interactive Inc., No. 19-cv-5244 (S.D.N.Y. Sept. 30, 2020)"
LBRY_2022 = "SEC v. LBRY, Inc., No. 21-cv-260 (D.N.H. Nov. 7, 2022)"
RIPPLE_2023 = "SEC v. Ripple Labs, Inc., No. 20-cv-10832 (S.D.N.Y. July 13, 2023)"
TERRAFORM_2023 = "SEC v. Terraform Labs Pte. Ltd., No. 23-cv-1346 (S.D.N.Y. July 31, 2023)"

# A negation cue earlier in the same clause (or inside the match) turns "holders receive no
# interest" or "we make no promises about value" away from the positive rule.
_NEGATION = re.compile(
    r"\b(?:no|not|never|without|cannot|none|nothing|neither|nor|zero|non|nobody|lacks?)\b"
    r"|n't\b|\bfree\s+of\b",
    re.IGNORECASE,
)
_NOT_A_NEGATION = re.compile(r"\bnot\s+only\b|\bno\s+later\s+than\b|\bno\.\s*\d", re.IGNORECASE)
_NEGATION_WINDOW = 60  # characters before the match searched for a cue


@dataclass(frozen=True, slots=True)
class Evidence:
    """One fired rule: the decision record a reviewer can check against the document."""

    rule_id: str
    prong: Prong
    direction: Direction
    weight: float
    quote: str
    start: int
    end: int
    rationale: str
    authority: str


@dataclass(frozen=True)
class Rule:
    """A characteristic the Howey analysis weighs, and the sentences that show it.

    ``patterns`` are case-insensitive regular expressions describing the *fact* (who does what,
    what holders receive), not bare keywords. ``negatable`` rules are suppressed when a negation
    cue precedes the match in its clause; rules whose patterns already describe a negative fact
    ("cannot be transferred") set it to False. ``unless`` patterns veto a match in the same
    sentence (a disclaimer or a contrary fact).
    """

    id: str
    prong: Prong
    direction: Direction
    weight: float
    rationale: str
    authority: str
    patterns: tuple[str, ...]
    negatable: bool = True
    unless: tuple[str, ...] = ()
    max_evidence: int = 3
    _regex: re.Pattern = field(init=False, repr=False, compare=False)
    _unless: re.Pattern | None = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        if not self.id.startswith(self.prong.value + "."):
            raise ValueError(f"rule id {self.id!r} must start with its prong {self.prong.value!r}.")
        if not 0.0 < self.weight <= 1.0:
            raise ValueError(f"rule {self.id}: weight must be in (0, 1].")
        if not self.patterns:
            raise ValueError(f"rule {self.id}: needs at least one pattern.")
        flags = re.IGNORECASE | re.VERBOSE
        object.__setattr__(self, "_regex", re.compile("|".join(f"(?:{p})" for p in self.patterns), flags))
        veto = re.compile("|".join(f"(?:{p})" for p in self.unless), flags) if self.unless else None
        object.__setattr__(self, "_unless", veto)

    def find(self, index: SentenceIndex) -> list[Evidence]:
        """Evidence for this rule in the indexed text, at most ``max_evidence`` sentences."""
        text = index.text
        found: list[Evidence] = []
        seen: set[int] = set()
        for match in self._regex.finditer(text):
            sentence = index.sentence_at(match.start())
            if sentence is None or sentence.start in seen:
                continue
            if self._unless is not None and self._unless.search(text, sentence.start, sentence.end):
                continue
            clause = clause_around(text, sentence, match.start(), match.end())
            if self.negatable and _is_negated(text, clause, match.start(), match.end()):
                continue
            quote_span = sentence if sentence.end - sentence.start <= _LONG_SENTENCE else clause
            seen.add(sentence.start)
            found.append(self._evidence(text, quote_span))
            if len(found) >= self.max_evidence:
                break
        return found

    def _evidence(self, text: str, span: Span) -> Evidence:
        return Evidence(
            rule_id=self.id,
            prong=self.prong,
            direction=self.direction,
            weight=self.weight,
            quote=text[span.start : span.end],
            start=span.start,
            end=span.end,
            rationale=self.rationale,
            authority=self.authority,
        )


_LONG_SENTENCE = 320  # longer sentences are quoted by the clause that fired


def _is_negated(text: str, clause: Span, start: int, end: int) -> bool:
    window = text[max(clause.start, start - _NEGATION_WINDOW) : end]
    cleaned = _NOT_A_NEGATION.sub(" ", window)
    return _NEGATION.search(cleaned) is not None
