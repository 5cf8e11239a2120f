"""A Howey rule is a small declarative object: what it is (id, prong, direction, weight, kind), why
it matters (rationale, authority) and how it is recognised (patterns). Rules are plain data: the
engine (``app.core.engine``) does the matching, so a rule can be read, listed, documented and
fingerprinted without running it."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import NamedTuple

from app.core.prongs import Direction, Prong, RuleKind
from app.core.rules.authorities import IN_FORCE_FROM


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
    kind: RuleKind = RuleKind.SIGN


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
    kind: RuleKind = RuleKind.SIGN
    max_evidence: int = 3
    # The dates the rule's authority is in force (None: always, as Howey itself). A category takes
    # its authority's date (``authorities.IN_FORCE_FROM``) unless it says otherwise.
    in_force_from: date | None = None
    in_force_until: date | None = None
    regexes: tuple[re.Pattern, ...] = field(init=False, repr=False, compare=False)
    veto: re.Pattern | None = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        if not self.id.startswith(self.prong.value + "."):
            raise ValueError(f"rule id {self.id!r} must start with its prong {self.prong.value!r}.")
        if not 0.0 < self.weight <= 1.0:
            raise ValueError(f"rule {self.id}: weight must be in (0, 1].")
        if not self.patterns:
            raise ValueError(f"rule {self.id}: needs at least one pattern.")
        if self.kind not in tuple(RuleKind):
            raise ValueError(f"rule {self.id}: kind must be one of {', '.join(RuleKind)}.")
        object.__setattr__(self, "kind", RuleKind(self.kind))
        if self.in_force_from is None and self.kind is RuleKind.CATEGORY:
            object.__setattr__(self, "in_force_from", IN_FORCE_FROM.get(self.authority))
        if self.in_force_from and self.in_force_until and self.in_force_until < self.in_force_from:
            raise ValueError(f"rule {self.id}: in force until {self.in_force_until}, before {self.in_force_from}.")
        if self.kind is RuleKind.HARD_SIGN and self.direction is not Direction.SUPPORTS:
            raise ValueError(f"rule {self.id}: a hard sign always supports.")
        if self.kind is RuleKind.CATEGORY and self.direction is not Direction.WEIGHS_AGAINST:
            raise ValueError(f"rule {self.id}: a category rule always weighs against.")
        flags = re.IGNORECASE | re.VERBOSE
        object.__setattr__(self, "regexes", tuple(re.compile(p, flags) for p in self.patterns))
        veto = re.compile("|".join(f"(?:{p})" for p in self.unless), flags) if self.unless else None
        object.__setattr__(self, "veto", veto)

    def in_force(self, as_of: date) -> bool:
        """Whether the rule's authority existed (and had not ended) on ``as_of``."""
        return (self.in_force_from is None or self.in_force_from <= as_of) and \
            (self.in_force_until is None or as_of <= self.in_force_until)

    def evidence(self, text: str, start: int, end: int) -> Evidence:
        """The decision record for this rule quoting ``text[start:end]``."""
        return Evidence(self.id, self.prong, self.direction, self.weight, text[start:end], start, end,
                        self.rationale, self.authority, self.kind)
