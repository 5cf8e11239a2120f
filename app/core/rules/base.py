"""A Howey rule is a small declarative object: what it is (id, prong, direction, weight), why it
matters (rationale, authority) and how it is recognised (patterns). Rules are plain data; the
engine does the matching, so a rule can be read, listed and documented without running it."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import NamedTuple

from app.core.prongs import Direction, Prong
from app.core.text import SentenceIndex, Span

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
LIQUID_STAKING_STATEMENT = (
    "SEC Division of Corporation Finance, Statement on Certain Liquid Staking Activities (2025-08-05)"
)
TOKEN_TAXONOMY_2025 = "SEC Chairman's token taxonomy remarks: digital commodities, collectibles and tools (Nov. 2025)"
TELEGRAM_2020 = "SEC v. Telegram Group Inc., No. 19-cv-9439 (S.D.N.Y. Mar. 24, 2020)"
KIK_2020 = "SEC v. Kik Interactive Inc., No. 19-cv-5244 (S.D.N.Y. Sept. 30, 2020)"
LBRY_2022 = "SEC v. LBRY, Inc., No. 21-cv-260 (D.N.H. Nov. 7, 2022)"
RIPPLE_2023 = "SEC v. Ripple Labs, Inc., No. 20-cv-10832 (S.D.N.Y. July 13, 2023)"
TERRAFORM_2023 = "SEC v. Terraform Labs Pte. Ltd., No. 23-cv-1346 (S.D.N.Y. July 31, 2023)"

# Facts the 2019 framework counts under more than one prong, spelled once and shared by the
# rules of each prong that weigh them.
TOKEN_SALE_PATTERNS = (
    r"\b(?:token|coin|public|crowd|private|community)\s?(?:sale|offering|generation\s+event|crowdsale|auction)s?\b",
    r"\b(?:initial\s+coin\s+offering|ICO|IEO|IDO)s?\b",
    r"\b(?:sold|sells|selling|offered)\b[^;]{0,60}\b(?:of\s+the\s+)?(?:[\w'’.-]+\s+)?(?:supply|allocation)\b",
    r"\b(?:sold|sells|selling)\b[^;]{0,80}\bfor\s+(?:USDC|USDT|ETH|ether|BTC|bitcoin|U\.S\.\s+dollars|dollars|cash|fiat|\$\s?\d)",
    r"\b(?:sold|sells|selling|offered|offers|issued\s+and\s+sold)\b[^;]{0,80}\b(?:tokens?|coins?|NFTs?|keys|memberships?|rights|units|certificates)\b",
    r"\b(?:sold|sells|selling)\b[^;]{0,60}\bto\s+(?:\w+\s+)?(?:buyers|investors|the\s+public|purchasers|customers|institutions)\b",
)
_AMOUNT = r"(?:(?:US|A|C)?\$\s?\d|\d[\d,.]*\s*(?:million|billion|thousand)\b|\d[\d,.]*\s+(?:ETH|ether|BTC|bitcoin|USDC|USDT)\b)"
FUNDS_RAISED_PATTERNS = (
    rf"\b(?:rais(?:ed|ing|es)|took\s+in|taking\s+in|collect(?:ed|ing)|brought\s+in|bringing\s+in|paid\s+more\s+than|paid)\b[^;]{{0,50}}{_AMOUNT}",
    rf"{_AMOUNT}[^;]{{0,30}}\b(?:raise|raised|hard\s+cap|from\s+(?:buyers|investors|purchasers))\b",
    rf"\b(?:priced|price|sold)\s+(?:at|of|for)\s+(?:about\s+|roughly\s+|approximately\s+|around\s+)?{_AMOUNT}",
    r"\b(?:crowdfund\w*|fundrais\w+|(?:funding|financing|investment)\s+rounds?|launchpad|voucher\s+sale)\b",
)
PRESALE_PATTERNS = (
    r"\b(?:pre-?sale|private\s+(?:sale|round|placement)|seed\s+round|strategic\s+round)s?\b",
    r"\bSAFTs?\b|\bsimple\s+agreements?\s+for\s+future\s+tokens\b",
    r"\bpurchase\s+agreements\b",
)
SALE_FUNDS_PROJECT_PATTERNS = (
    r"\b(?:rais\w+|sold|sale|offering|sell\w*|proceeds|the\s+money|funds\s+raised)\b[^;]{0,100}\bto\s+(?:fund|finance|build|develop|pay\s+for|support|complete|expand|launch|grow|improve)\b",
    r"\b(?:proceeds|money\s+raised|funds\s+raised|capital\s+raised|raised\s+funds|the\s+money|the\s+raise|sale\s+revenue)\b[^;]{0,80}\b(?:fund|financ|build|develop|spend|spent|go\s+to|went\s+to|expand|grow|launch|market|operat|complete)\w*",
    r"\buse\s+of\s+(?:the\s+)?proceeds\b",
)

# A negation cue earlier in the same clause (or inside the match) turns "holders receive no
# interest" or "we make no promises about value" away from the positive rule.
# Phrases that look like negation but are not ("not only", "no later than", "No. 19-cv-...").
NEGATION_CUE = re.compile(
    r"\b(?:no(?!\s+later\s+than\b|\.\s*\d)|not(?!\s+only\b)|never|without|cannot|none|nothing|neither|nor|zero|non|nobody|lacks?)\b"
    r"|n't\b|\bfree\s+of\b",
    re.IGNORECASE,
)
_NEGATION_WINDOW = 60  # characters before the match searched for a cue


RULE_KINDS = ("sign", "hard_sign", "category")


@dataclass(slots=True)
class Candidates:
    """What the engine's prefilter found for one rule in one sentence: the patterns that may
    match, and whether one certainly matches (then, in a sentence with no negation cue, the
    sentence is the evidence without running Python's slower matcher)."""

    regexes: list[re.Pattern] = field(default_factory=list)
    certain: bool = False


class Evidence(NamedTuple):
    """One fired rule: the decision record a reviewer can check against the document. (A named
    tuple, not a frozen dataclass: it is as immutable and several times cheaper to make.)"""

    rule_id: str
    prong: Prong
    direction: Direction
    weight: float
    quote: str
    start: int
    end: int
    rationale: str
    authority: str
    kind: str = "sign"


@dataclass(frozen=True)
class Rule:
    """A characteristic the Howey analysis weighs, and the sentences that show it.

    ``patterns`` are case-insensitive regular expressions describing the *fact* (who does what,
    what holders receive), not bare keywords; they match within one sentence (gaps may cross
    abbreviations such as "U.S."; the sentence bounds them). ``negatable`` rules are suppressed when
    a negation cue precedes the match in its clause; rules whose patterns already describe a
    negative fact ("cannot be transferred") set it to False. ``unless`` patterns veto a match in
    the same sentence (a contrary fact). ``kind`` is ``sign`` (one characteristic among many),
    ``hard_sign`` (a security in any era: equity, profit share, interest...) or ``category`` (a
    2025 carve-out or no-action pattern: meme coin, covered stablecoin, mining...). A category
    that fires discounts the ordinary signs of its prong; a hard sign discounts the category.
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
    kind: str = "sign"
    max_evidence: int = 3
    regexes: tuple[re.Pattern, ...] = field(init=False, repr=False, compare=False)
    _unless: re.Pattern | None = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        if not self.id.startswith(self.prong.value + "."):
            raise ValueError(f"rule id {self.id!r} must start with its prong {self.prong.value!r}.")
        if not 0.0 < self.weight <= 1.0:
            raise ValueError(f"rule {self.id}: weight must be in (0, 1].")
        if not self.patterns:
            raise ValueError(f"rule {self.id}: needs at least one pattern.")
        if self.kind not in RULE_KINDS:
            raise ValueError(f"rule {self.id}: kind must be one of {', '.join(RULE_KINDS)}.")
        if self.kind == "hard_sign" and self.direction is not Direction.SUPPORTS:
            raise ValueError(f"rule {self.id}: a hard sign always supports.")
        if self.kind == "category" and self.direction is not Direction.WEIGHS_AGAINST:
            raise ValueError(f"rule {self.id}: a category rule always weighs against.")
        flags = re.IGNORECASE | re.VERBOSE
        object.__setattr__(self, "regexes", tuple(re.compile(p, flags) for p in self.patterns))
        veto = re.compile("|".join(f"(?:{p})" for p in self.unless), flags) if self.unless else None
        object.__setattr__(self, "_unless", veto)

    def find(self, index: SentenceIndex, candidates: dict[Span, Candidates] | None = None) -> list[Evidence]:
        """Evidence for this rule in the indexed text, one per sentence, at most ``max_evidence``.
        ``candidates`` narrows the search to the sentences (and, per sentence, the patterns)
        that the engine's prefilter found could match."""
        text = index.text
        found: list[Evidence] = []
        work = candidates.items() if candidates is not None else ((s, Candidates(list(self.regexes))) for s in index.spans)
        for sentence, candidate in work:
            if self._unless is not None and self._unless.search(text, sentence.start, sentence.end):
                continue
            long_sentence = sentence.end - sentence.start > _LONG_SENTENCE
            if candidate.certain and not long_sentence and not (
                self.negatable and index.contains(NEGATION_CUE, sentence)
            ):
                span = sentence  # a match is certain, nothing can negate it, and the quote is the sentence
            else:
                ordered = [r for r in self.regexes if r in candidate.regexes]  # the rule's own order
                span = self._first_valid_match(index, sentence, ordered, long_sentence)
            if span is not None:
                found.append(self._evidence(text, span))
                if len(found) >= self.max_evidence:
                    break
        return found

    def _first_valid_match(self, index: SentenceIndex, sentence: Span, regexes, long_sentence: bool) -> Span | None:
        """The quote for the first match in ``sentence`` that no negation cancels."""
        may_be_negated = self.negatable and index.contains(NEGATION_CUE, sentence)
        for regex in regexes:
            for start, end in index.matches(regex, sentence):
                clause = index.clause_around(sentence, start, end) if may_be_negated or long_sentence else sentence
                if may_be_negated and _is_negated(index.text, clause, start, end):
                    continue
                return clause if long_sentence else sentence
        return None

    def _evidence(self, text: str, span: Span) -> Evidence:
        start, end = span
        return Evidence(self.id, self.prong, self.direction, self.weight, text[start:end], start, end,
                        self.rationale, self.authority, self.kind)


_LONG_SENTENCE = 320  # longer sentences are quoted by the clause that fired


def _is_negated(text: str, clause: Span, start: int, end: int) -> bool:
    """Whether a cue shortly before the match (in its clause) or inside it negates it."""
    return NEGATION_CUE.search(text, max(clause.start, start - _NEGATION_WINDOW), end) is not None
