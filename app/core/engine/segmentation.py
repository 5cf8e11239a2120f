"""Sentence and clause segmentation that keeps exact character offsets into the input, so every
piece of evidence can be quoted as ``text[start:end]``; and the index of one text's sentences that
every rule shares, which finds a pattern's matches in a sentence in time linear in the sentence."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Generator, Iterable, Iterator
from typing import NamedTuple

import re2

from app.core.engine.prefilter import as_re2_reads, re2_form

# A sentence ends at . ! ? followed by space and an upper-case letter, digit or quote, or at a
# blank line / bullet. Common abbreviations in whitepapers and captions must not split.
_ABBREVIATIONS = (
    "inc", "ltd", "llc", "corp", "co", "no", "nos", "vs", "v", "e.g", "i.e", "etc", "approx",
    "u.s", "u.k", "st", "mr", "ms", "dr", "jr", "sr", "fig", "est", "pte", "n.a", "s.a",
)
# Spelled to start with one character class, which lets the regex engine skip ahead to the next
# candidate character instead of trying every position.
_BOUNDARY = re.compile(
    r"[.!?\n](?:(?<=[.!?])[\"')\]*_]*\s+(?=[\"'(\[]?[A-Z0-9$€£])|(?<=\n)\s*\n|(?<=\n)\s*(?=[-*•]\s))"
)
# Whether a candidate sentence ends in an abbreviation: "Inc." or "U.S." after a space, a "(" or
# its start, or a single letter ("W. J. Howey"), and a full stop (then the end, or a last newline).
# Matched on the last 12 characters read backwards, from the full stop: one try at one place,
# where a search would try every place ("(?:^|[\s(])(?:inc|...)\.$|(?:^|[\s(.])[A-Z]\.$").
_ABBREV_TAIL_REVERSED = re.compile(
    r"\n?\.(?:(?:" + "|".join(re.escape(a[::-1]) for a in _ABBREVIATIONS) + r")(?:[\s(]|\Z)|[A-Z](?:[\s(.]|\Z))", re.I
)
# ";", ":", ", but" or " but", " - ", " -- ", " — ". The breaks that start with spaces only start
# at the first space of a run (``\s(?<!\s\s)``): one starting further in would start at the run's
# first space as well (a sentence, where breaks are looked for, starts with no space), and trying
# every space of a long run, each scanning to its end, would cost the square of the run. Every
# branch starts with one character, which lets the engine skip to the candidates.
_CLAUSE_BREAK = re.compile(
    r";\s+|:\s+|,\s+(?:but|while|whereas|although|however)\s+|\s(?<!\s\s)\s*(?:but\s+|-{1,2}\s+|—\s+)"
)


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
        # text[start:end].rstrip("\"')] ")[-12:] without copying the sentence so far: in
        # "Inc. Inc. Inc. ..." no full stop ends a sentence, and copying the growing sentence at
        # each one would cost the square of its length.
        tail_end = end
        while tail_end > start and text[tail_end - 1] in "\"')] ":
            tail_end -= 1
        if _ABBREV_TAIL_REVERSED.match(text[max(start, tail_end - 12) : tail_end][::-1]):
            continue
        span = _trimmed(text, start, end)
        if span:
            spans.append(span)
        start = match.end()
    span = _trimmed(text, start, len(text))
    if span:
        spans.append(span)
    return spans


class _Clauses:
    """One sentence's clause breaks, found once: their sorted starts and ends, so the clause
    around a match is two bisections however many breaks and matches the sentence has, and the
    clause edges with spaces trimmed, each walked once."""

    __slots__ = ("text", "sentence", "starts", "ends", "_firsts", "_lasts")

    def __init__(self, text: str, sentence: Span, breaks: Iterable[re.Match]):
        self.text, self.sentence = text, sentence
        spans = [brk.span() for brk in breaks]
        self.starts = [brk_start for brk_start, _ in spans]
        self.ends = [brk_end for _, brk_end in spans]
        self._firsts: dict[int, int] = {}  # per clause start: its first non-space character
        self._lasts: dict[int, int] = {}  # per clause end: just past its last non-space character

    def around(self, start: int, end: int) -> Span:
        if not self.starts:  # one clause: the sentence (trimmed, as an index's sentences are)
            return _trimmed(self.text, self.sentence.start, self.sentence.end) or self.sentence
        # The clause runs from the end of the last break that ends by ``start`` to the start of
        # the first break that starts from ``end`` on (breaks the match straddles are skipped):
        # what a scan of the breaks in order finds. A break is never empty, so every break that
        # ends by ``start`` starts before ``end``, and ``i <= j``.
        i = bisect_right(self.ends, start)
        j = bisect_left(self.starts, end)
        first = self._first(self.ends[i - 1] if i else self.sentence.start)
        last = self._last(self.starts[j] if j < len(self.starts) else self.sentence.end)
        # As ``_trimmed``: a clause of spaces only is no quote, and its sentence stands in.
        return Span(first, last) if last > first else self.sentence

    def _first(self, position: int) -> int:
        found = self._firsts.get(position)
        if found is None:
            found, text, stop = position, self.text, self.sentence.end
            while found < stop and text[found].isspace():
                found += 1
            self._firsts[position] = found
        return found

    def _last(self, position: int) -> int:
        found = self._lasts.get(position)
        if found is None:
            found, text, stop = position, self.text, self.sentence.start
            while found > stop and text[found - 1].isspace():
                found -= 1
            self._lasts[position] = found
        return found


def clause_around(text: str, sentence: Span, start: int, end: int, breaks: list[re.Match] | None = None) -> Span:
    """The clause of ``sentence`` that contains ``[start, end)``: the smallest readable quote
    for one fact in a long sentence. ``breaks`` are the sentence's clause breaks if known."""
    found = breaks if breaks is not None else _CLAUSE_BREAK.finditer(text, sentence.start, sentence.end)
    return _Clauses(text, sentence, found).around(start, end)


def _verbose_neutral(pattern: str) -> bool:
    """Whether ``re.VERBOSE`` leaves ``pattern`` as it is: no space and no ``#`` outside a class."""
    i, class_from = 0, None  # where the class being read began, if one is
    while i < len(pattern):
        char = pattern[i]
        if char == "\\":
            i += 2
            continue
        if class_from is not None:
            if char == "]" and i > class_from + 1 and not (i == class_from + 2 and pattern[class_from + 1] == "^"):
                class_from = None
        elif char == "[":
            class_from = i
        elif char.isspace() or char == "#":
            return False
        i += 1
    return True


class _Twin:
    """A rule pattern as RE2 reads it (``re2_form``): an automaton that finds its matches in one
    pass over a text, whatever the text."""

    __slots__ = ("exact", "search", "_compiled")

    def __init__(self, compiled: re2._Regexp, exact: bool):
        self.exact = exact  # no look-ahead was dropped: where RE2 reads as Python, the same matches
        self._compiled = compiled
        # The binding's own RE2 object answers one call per match (``search(anchor, data, pos,
        # endpos)[0]`` is its span), without the Python match object and offset bookkeeping of
        # its ``finditer``, several times slower on short text; None where the binding has none.
        found = getattr(getattr(compiled, "_regexp", None), "Match", None)
        self.search = found if _unanchored is not None else None

    def spans(self, data: bytes) -> Iterator[tuple[int, int]]:
        """The byte spans of ``finditer(data)``, until an empty one (which ends them)."""
        if self.search is None:
            for match in self._compiled.finditer(data):
                yield match.span()
                if match.start() == match.end():
                    return
            return
        search, position, size = self.search, 0, len(data)
        while True:
            first, last = search(_unanchored, data, position, size)[0]
            if first < 0:
                return
            yield first, last
            if first == last:
                return
            position = last


_unanchored = getattr(getattr(re2, "_Anchor", None), "UNANCHORED", None)
_twins: dict[tuple[str, int], _Twin | None] = {}


def _twin(regex: re.Pattern) -> _Twin | None:
    """The RE2 twin of a rule's compiled pattern, made once; None when RE2 cannot read it so."""
    key = (regex.pattern, regex.flags)
    if key in _twins:
        return _twins[key]
    twin = None
    known = re.IGNORECASE | re.VERBOSE | re.UNICODE
    if isinstance(regex.pattern, str) and not regex.flags & ~known and (
        not regex.flags & re.VERBOSE or _verbose_neutral(regex.pattern)
    ):
        form, exact = re2_form(regex.pattern)
        options = re2.Options()
        options.case_sensitive = not regex.flags & re.IGNORECASE
        options.never_capture = True
        options.log_errors = False
        try:
            twin = _Twin(re2.compile(form.encode("utf-8"), options), exact)
        except (re2.error, UnicodeEncodeError):
            twin = None
    _twins[key] = twin
    return twin


def _char_offsets(data: bytes, base: int) -> Callable[[int], int]:
    """For byte offsets into ``data`` met in increasing order, the offset into the text of the
    character there, where ``data`` begins at character ``base``: one pass over ``data``."""
    done_bytes, done_chars = 0, base

    def offset(position: int) -> int:
        nonlocal done_bytes, done_chars
        done_chars += len(data[done_bytes:position].decode("utf-8"))
        done_bytes = position
        return done_chars

    return offset


def _twin_matches(twin: _Twin, data: bytes, offset: Callable[[int], int],
                  start: int) -> Generator[tuple[int, int], None, int | None]:
    """The twin's matches, which are the pattern's; at an empty one, where Python must go on."""
    resume = start
    for first, last in twin.spans(data):
        if first == last:
            return resume
        first = offset(first)  # before ``last``: offsets are read forwards
        resume = offset(last)
        yield first, resume
    return None


def _checked_matches(regex: re.Pattern, twin: _Twin, data: bytes, offset: Callable[[int], int], text: str, start: int,
                     end: int) -> Generator[tuple[int, int], None, int | None]:
    """The pattern's matches, Python's matcher tried at each place inside a match of the twin
    from where the last one ended; at an empty match, where Python must go on."""
    resume = start
    for first, last in twin.spans(data):
        if first == last:
            return resume
        at, last = max(offset(first), resume), offset(last)
        while at < last:
            match = regex.match(text, at, end)
            if match is None:
                at += 1
            elif match.end() == at:
                return resume
            else:
                yield at, match.end()
                resume = at = match.end()
    return None


# Sentences up to this long are searched by Python's matcher directly: on so few characters its
# backtracking stays cheap (bench/adversarial.py's "medium_*" inputs), and the RE2 twin's set-up
# would cost more than it saves (rules on 1,000-character texts run about 17% faster).
SHORT_SENTENCE = 400


class SentenceIndex:
    """The units of one text (its prose sentences, list items and table rows, each after its
    context; see ``document``), shared by every rule that runs on it. Offsets are into ``text``,
    the reading; ``reading.to_original`` maps a quote back to the document."""

    def __init__(self, text: str):
        from app.core.engine.document import read  # document reads sentences from this module

        self.original = text
        self.reading = read(text)
        self.text = self.reading.text  # what the rules read: each unit after its context
        self.spans = self.reading.units
        # Where each unit with context begins its own words: a match wholly in its context (a
        # heading, a lead-in, a table's header) is not evidence from it.
        self.negated = self.reading.negated
        self.bodies: dict[int, int] = (
            {} if self.reading.bodies is None
            else {span.start: body for span, body in zip(self.spans, self.reading.bodies, strict=True) if body != span.start}
        )
        self._clauses: dict[int, _Clauses] = {}
        self._readings: dict[int, tuple[bytes | None, bool, bool]] = {}
        self._contains: dict[tuple[int, int], bool] = {}  # also holds absences proven by a prefilter
        self._matches: dict[tuple[int, int], tuple[list[tuple[int, int]], Iterator[tuple[int, int]]]] = {}
        # The matcher's verdict on each pattern in each sentence, shared by the rules that use it.
        self.verdicts: dict[tuple[int, int, bool], tuple[Span | None, int]] = {}

    def clause_around(self, sentence: Span, start: int, end: int) -> Span:
        """``clause_around`` with the sentence's clause breaks found once and reused by every rule."""
        clauses = self._clauses.get(sentence.start)
        if clauses is None:
            breaks = _CLAUSE_BREAK.finditer(self.text, sentence.start, sentence.end)
            clauses = self._clauses[sentence.start] = _Clauses(self.text, sentence, breaks)
        return clauses.around(start, end)

    def matches(self, regex: re.Pattern, sentence: Span) -> Iterator[tuple[int, int]]:
        """Spans where ``regex`` matches inside ``sentence`` (those of ``regex.finditer``), found
        lazily and at most once however many rules share the pattern (most callers stop at the
        first match), in time linear in the sentence (see ``_spans``)."""
        key = (id(regex), sentence.start)
        cached = self._matches.get(key)
        if cached is None:
            cached = self._matches[key] = ([], self._spans(regex, sentence))
        found, pending = cached
        yield from found
        for span in pending:
            found.append(span)
            yield span

    def _spans(self, regex: re.Pattern, sentence: Span) -> Iterator[tuple[int, int]]:
        """The spans of ``regex.finditer(text, sentence.start, sentence.end)``, in linear time.

        Python's matcher backtracks: from every start it may read far before it fails, so a
        pattern such as ``\\b\\d[\\d,.]*\\s*%`` costs the square of a run like "1.1.1.1...". Its RE2
        twin finds the same leftmost-first matches in one pass where RE2 reads the sentence as
        Python does (``as_re2_reads``: ASCII word characters, digits and spaces) and no look-ahead
        was dropped. Elsewhere the twin matches wherever the pattern does, and more: every start
        of a match of the pattern lies inside a match of the twin, so Python's matcher is tried
        only at those starts, in order, which finds what its own search would. A sentence starts
        after a space, so reading it alone sees the word boundaries the whole text has. What RE2
        cannot decide (an empty match) Python's own search goes on with."""
        text, start, end = self.text, sentence.start, sentence.end
        if end - start <= SHORT_SENTENCE:
            yield from (match.span() for match in regex.finditer(text, start, end))
            return
        twin = _twin(regex)
        resume: int | None = start  # where Python's own search goes on from; None: nowhere
        if twin is not None and (start == 0 or text[start - 1].isspace()):
            data, same, ascii = self._reading(sentence)
            if data is None:
                pass
            elif twin.exact and same and ascii and twin.search is not None:
                # The common case, written out: the twin's matches are the pattern's, and a byte
                # is a character.
                search, position, size = twin.search, 0, len(data)
                while True:
                    first, last = search(_unanchored, data, position, size)[0]
                    if first < 0:
                        return
                    if first == last:
                        break
                    yield start + first, start + last
                    position = last
                resume = start + position
            else:
                offset = (lambda position: start + position) if ascii else _char_offsets(data, start)
                if twin.exact and same:
                    resume = yield from _twin_matches(twin, data, offset, start)
                else:
                    resume = yield from _checked_matches(regex, twin, data, offset, text, start, end)
        if resume is not None:
            yield from (match.span() for match in regex.finditer(text, resume, end))

    def _reading(self, sentence: Span) -> tuple[bytes | None, bool, bool]:
        """The sentence as RE2 reads it (``as_re2_reads``) in UTF-8, or None when it cannot be
        encoded (a lone surrogate); whether that is the sentence itself; whether it is ASCII."""
        reading = self._readings.get(sentence.start)
        if reading is None:
            chars = self.text[sentence.start : sentence.end]
            read = as_re2_reads(chars)
            try:
                data = read.encode("utf-8")
            except UnicodeEncodeError:
                data = None
            ascii = data is not None and len(data) == len(read)
            reading = self._readings[sentence.start] = (data, read is chars, ascii)
        return reading

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
