"""Which of many patterns may match a sentence, found in one linear-time RE2 pass.

The rules' Python patterns backtrack, and running 200 of them over every sentence would be slow;
an RE2 set tells at once which of them can match, so only those run. A set's speed depends on
the size of the automaton it builds as it reads, and patterns with a wide gap such as
``sold\\b[^;]{0,80}\\bfor\\s+dollars`` make that automaton explode: it must count every
character of every gap opened by a common word, so almost every sentence needs new states, and
the set reads each byte at the speed of a cache miss. So a pattern is entered split at its
gaps: ``sold\\b`` and ``\\bfor\\s+dollars`` go in as two entries, and the pattern is a
candidate when every piece of one of its branches occurs in the sentence. That can only keep
more candidates than the pattern itself would (the pieces may be in the wrong order or too far
apart), never fewer, so the rule still runs its exact Python pattern on them."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

import re2

# The set's automaton is built lazily as text is read and grows with the variety of text seen; at
# this cap RE2 drops its cache and rebuilds, so a process's memory stays bounded whatever it reads.
# Measured on 300 texts of 100,000 characters of random rule vocabulary: peak RSS 529 MiB with a
# 512 MiB cap, 355 MiB with this one at the same speed (222 MiB with 128 MiB, 1.8x slower).
MAX_MEMORY = 256 << 20

# A run of any characters but ";" of bounded length: a gap between two facts of one clause.
_GAP = re.compile(r"\[\^;\]\{\d*,\d+\}")


# RE2's \w, \d, \s and \b are ASCII-only; Python's are Unicode. The set reads each sentence with
# every character these classes disagree on replaced by an ASCII one of the same class, so RE2
# sees word characters, digits and spaces exactly where Python does. Four non-ASCII letters
# match ASCII letters when case is ignored and stand in as those letters.
_ASCII_MISREADS = re.compile(r"[\x0b\x1c-\x1f]")
_RE2_MISREADS = re.compile(rf"{_ASCII_MISREADS.pattern}|[^\x00-\x7f](?<=[\w\s])")
_FOLDS_TO_ASCII = {"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"}


def _stand_in(match: re.Match) -> str:
    char = match.group()
    if char.isspace():
        return " "
    if char.isdecimal():
        return "0"
    return _FOLDS_TO_ASCII.get(char, "x")


def as_re2_reads(text: str) -> str:
    """``text`` with the characters RE2 would class differently from Python replaced; the
    same object when there are none (nearly always: English with ASCII words)."""
    if (_ASCII_MISREADS if text.isascii() else _RE2_MISREADS).search(text) is None:
        return text
    return _RE2_MISREADS.sub(_stand_in, text)


def _scan(pattern: str) -> Iterator[tuple[int, str, int, bool]]:
    """Each token of ``pattern`` (a character, or an escape by its backslash) with its position,
    the group depth and whether it is inside a character class, as read before the token."""
    i, depth, in_class = 0, 0, False
    while i < len(pattern):
        char = pattern[i]
        yield i, char, depth, in_class
        if char == "\\":
            i += 2
            continue
        if in_class:
            in_class = char != "]" or pattern[i - 1] == "["
        elif char == "[":
            in_class = True
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        i += 1


def re2_form(pattern: str) -> tuple[str, bool]:
    """The pattern in RE2's dialect and whether it is exact. Negative look-aheads, which RE2
    lacks, are dropped (the pattern can then only match more: not exact). On text that
    ``as_re2_reads`` leaves alone, an exact form matches exactly where Python's ``re`` does."""
    out: list[str] = []
    exact = True
    dropping_at: int | None = None  # the depth of the look-ahead being dropped
    for i, char, depth, in_class in _scan(pattern):
        if dropping_at is None and char == "(" and not in_class and pattern.startswith("(?!", i):
            dropping_at, exact = depth, False
        if dropping_at is None:
            out.append(pattern[i : i + 2] if char == "\\" else char)
        elif char == ")" and not in_class and depth == dropping_at + 1:
            dropping_at = None  # its closing parenthesis: keep what follows
    return "".join(out), exact


def _top_level(pattern: str) -> Iterator[tuple[int, str]]:
    """The positions and characters of ``pattern`` read outside any group or class."""
    return ((i, char) for i, char, depth, in_class in _scan(pattern) if depth == 0 and not in_class)


def branches(pattern: str) -> list[str]:
    """The alternatives of ``pattern`` at its top level (``a|b(?:c|d)`` gives ``a``, ``b(?:c|d)``)."""
    cuts = [i for i, char in _top_level(pattern) if char == "|"]
    return [pattern[start + 1 : end] for start, end in zip([-1, *cuts], [*cuts, len(pattern)], strict=True)]


def pieces(branch: str) -> list[str]:
    """``branch`` cut at its top-level gaps; one piece when it has none."""
    top = {i for i, _ in _top_level(branch)}
    out, start = [], 0
    for gap in _GAP.finditer(branch):
        if gap.start() in top:
            out.append(branch[start : gap.start()])
            start = gap.end()
    out.append(branch[start:])
    return [piece for piece in out if piece]


class PatternSet:
    """``match(sentence)`` gives, for each pattern that may match the sentence, whether it
    certainly does (an exact entry of it matched)."""

    def __init__(self, patterns: Sequence[str]):
        options = re2.Options()
        options.case_sensitive = False
        options.max_mem = MAX_MEMORY
        self._set = re2.Set.SearchSet(options)
        self._entry_of: dict[str, int] = {}
        # Per entry: the patterns it completes alone (with exactness), and the split branches
        # it is one piece of. Per split branch: its pattern and how many distinct pieces it has.
        self._completes: list[list[tuple[int, bool]]] = []
        self._piece_of: list[list[int]] = []
        self._split: list[tuple[int, int]] = []
        for slot, pattern in enumerate(patterns):
            for branch in branches(pattern):
                parts = pieces(branch)
                if not parts:
                    raise ValueError(f"pattern {pattern!r} has an empty alternative")
                if len(parts) == 1:
                    form, exact = re2_form(branch)
                    self._completes[self._entry(form, pattern)].append((slot, exact))
                    continue
                entries = {self._entry(re2_form(part)[0], pattern) for part in parts}
                for entry in entries:
                    self._piece_of[entry].append(len(self._split))
                self._split.append((slot, len(entries)))
        self._set.Compile()

    def _entry(self, form: str, pattern: str) -> int:
        entry = self._entry_of.get(form)
        if entry is None:
            entry = self._entry_of[form] = self._set.Add(form)
            if entry < 0:
                raise ValueError(f"RE2 cannot compile {form!r} (from {pattern!r})")
            self._completes.append([])
            self._piece_of.append([])
        return entry

    def match(self, text: str) -> dict[int, bool]:
        read = as_re2_reads(text)
        entries = self._set.Match(read)  # None when nothing matches
        if not entries:
            return {}
        can_be_certain = read is text
        found: dict[int, bool] = {}
        pieces_seen: dict[int, int] = {}
        completes, piece_of = self._completes, self._piece_of  # the hottest loop of scoring
        for entry in entries:
            for slot, exact in completes[entry]:
                if exact and can_be_certain:
                    found[slot] = True
                elif slot not in found:
                    found[slot] = False
            for split in piece_of[entry]:
                pieces_seen[split] = pieces_seen.get(split, 0) + 1
        split_of = self._split
        for split, seen in pieces_seen.items():
            slot, needed = split_of[split]
            if seen == needed and slot not in found:
                found[slot] = False
        return found
