"""Sentence and clause segmentation that keeps exact character offsets into the input, so every
piece of evidence can be quoted as ``text[start:end]``."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple

# A sentence ends at . ! ? followed by space and an upper-case letter, digit or quote, or at a
# blank line / bullet. Common abbreviations in whitepapers and captions must not split.
_ABBREVIATIONS = (
    "inc", "ltd", "llc", "corp", "co", "no", "nos", "vs", "v", "e.g", "i.e", "etc", "approx",
    "u.s", "u.k", "st", "mr", "ms", "dr", "jr", "sr", "fig", "est", "pte", "n.a", "s.a",
)
# Spelled to start with one character class, which lets the regex engine skip ahead to the next
# candidate character instead of trying every position.
_BOUNDARY = re.compile(
    r"[.!?\n](?:(?<=[.!?])[\"')\]]*\s+(?=[\"'(\[]?[A-Z0-9$€£])|(?<=\n)\s*\n|(?<=\n)\s*(?=[-*•]\s))"
)
_ABBREV_TAIL = re.compile(
    r"(?:^|[\s(])(?:" + "|".join(re.escape(a) for a in _ABBREVIATIONS) + r")\.$|(?:^|[\s(.])[A-Z]\.$", re.I
)
_CLAUSE_BREAK = re.compile(r";\s+|:\s+|,\s+(?:but|while|whereas|although|however)\s+|\s+but\s+|\s+-{1,2}\s+|\s+—\s+")


class Span(NamedTuple):
    """``text[start:end]``; a tuple, because the engine makes and hashes many of them per text."""

    start: int
    end: int


def _trimmed(text: str, start: int, end: int) -> Span | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span(start, end) if end > start else None


def sentences(text: str) -> list[Span]:
    """Split ``text`` into sentence spans (whitespace trimmed)."""
    spans: list[Span] = []
    start = 0
    for match in _BOUNDARY.finditer(text):
        end = match.start() + (text[match.start()] != "\n")  # a full stop stays in its sentence
        if _ABBREV_TAIL.search(text[start:end].rstrip("\"')] ")[-12:]):
            continue
        span = _trimmed(text, start, end)
        if span:
            spans.append(span)
        start = match.end()
    span = _trimmed(text, start, len(text))
    if span:
        spans.append(span)
    return spans


def clause_around(text: str, sentence: Span, start: int, end: int, breaks: list[re.Match] | None = None) -> Span:
    """The clause of ``sentence`` that contains ``[start, end)``: the smallest readable quote
    for one fact in a long sentence. ``breaks`` are the sentence's clause breaks if known."""
    clause_start, clause_end = sentence.start, sentence.end
    for brk in breaks if breaks is not None else _CLAUSE_BREAK.finditer(text, sentence.start, sentence.end):
        if brk.end() <= start:
            clause_start = brk.end()
        elif brk.start() >= end:
            clause_end = brk.start()
            break
    return _trimmed(text, clause_start, clause_end) or sentence


class SentenceIndex:
    """The sentences of one text, shared by every rule that runs on it."""

    def __init__(self, text: str):
        self.text = text
        self.spans = sentences(text)
        self._breaks: dict[int, list[re.Match]] = {}
        self._contains: dict[tuple[int, int], bool] = {}  # also holds absences proven by a prefilter
        self._matches: dict[tuple[int, int], tuple[list[tuple[int, int]], Iterator[re.Match]]] = {}

    def clause_around(self, sentence: Span, start: int, end: int) -> Span:
        """``clause_around`` with the sentence's clause breaks found once and reused by every rule."""
        breaks = self._breaks.get(sentence.start)
        if breaks is None:
            breaks = self._breaks[sentence.start] = list(_CLAUSE_BREAK.finditer(self.text, sentence.start, sentence.end))
        return clause_around(self.text, sentence, start, end, breaks)

    def matches(self, regex: re.Pattern, sentence: Span) -> Iterator[tuple[int, int]]:
        """Spans where ``regex`` matches inside ``sentence``, found lazily and at most once however
        many rules share the pattern (most callers stop at the first match)."""
        key = (id(regex), sentence.start)
        cached = self._matches.get(key)
        if cached is None:
            cached = self._matches[key] = ([], regex.finditer(self.text, sentence.start, sentence.end))
        found, pending = cached
        yield from found
        for match in pending:
            found.append(match.span())
            yield found[-1]

    def contains(self, regex: re.Pattern, sentence: Span) -> bool:
        """Whether ``regex`` occurs in ``sentence``, searched once per sentence for all rules."""
        key = (id(regex), sentence.start)
        found = self._contains.get(key)
        if found is None:
            found = self._contains[key] = regex.search(self.text, sentence.start, sentence.end) is not None
        return found

    def rule_out(self, regex: re.Pattern, sentence: Span) -> None:
        """Record that ``regex`` cannot occur in ``sentence`` (a prefilter proved it), so that
        ``contains`` answers without searching."""
        self._contains[(id(regex), sentence.start)] = False
