"""The rule engine's work grows linearly with the text, whatever the text says.

No test here times anything: each counts the work a hostile 100,000-character text causes (clause
breaks read, matches examined, characters copied or walked, places Python's backtracking matcher is
started at) and bounds it by a multiple of the text; before the engine was made linear each count
grew with the square of the text. The other tests prove the cure changed no evidence: on the
shipped dataset, the cap on matches examined never bites, and the RE2 twins and the bisected clause
lookup give exactly what Python's matcher and a scan of the breaks give."""

from __future__ import annotations

import csv
import dataclasses
import random
import sys

import pytest

from app.core.engine import matcher, segmentation
from app.core.engine.matcher import MAX_MATCHES_PER_SENTENCE, find_evidence
from app.core.engine.rule_engine import RuleEngine
from app.core.engine.segmentation import SentenceIndex, Span, clause_around, sentences
from app.core.rules import all_rules
from tests.helpers.paths import DATA

CHARS = 100_000


def fill(unit: str, chars: int = CHARS) -> str:
    return (unit * (chars // len(unit) + 1))[:chars]


@pytest.fixture(scope="module")
def engine() -> RuleEngine:
    return RuleEngine()


@pytest.fixture(scope="module")
def summaries() -> list[str]:
    with DATA.open(newline="", encoding="utf-8") as handle:
        return [row["summary"] for row in csv.DictReader(handle)]


class CountingMatch:
    """A clause break whose offsets count as read each time the engine asks for them."""

    def __init__(self, match, counter: CountingPattern):
        self._match, self._counter = match, counter

    def start(self) -> int:
        self._counter.reads += 1
        return self._match.start()

    def end(self) -> int:
        self._counter.reads += 1
        return self._match.end()

    def span(self) -> tuple[int, int]:
        self._counter.reads += 1
        return self._match.span()


class CountingPattern:
    """``_CLAUSE_BREAK`` with every break it finds counting the times it is looked at."""

    def __init__(self, pattern):
        self._pattern, self.found, self.reads = pattern, 0, 0

    def finditer(self, *args):
        for match in self._pattern.finditer(*args):
            self.found += 1
            yield CountingMatch(match, self)

    def __getattr__(self, name):
        return getattr(self._pattern, name)


@pytest.mark.parametrize("unit", ["no ICO: ", "no ICO; ", "no ICO — ", "no ICO, but ", "no ICO -- "])
def test_negated_clauses_read_each_clause_break_a_bounded_number_of_times(engine, monkeypatch, unit):
    # Every clause of this 100 KB sentence negates its match; a clause lookup that scans the
    # sentence's breaks from its start for each match reads ~matches x breaks = 10^8 of them.
    breaks = CountingPattern(segmentation._CLAUSE_BREAK)
    monkeypatch.setattr(segmentation, "_CLAUSE_BREAK", breaks)
    engine.assess(fill(unit))
    assert breaks.found > 8_000
    assert breaks.reads <= 2 * breaks.found + 1_000


def test_a_rule_gives_up_on_a_sentence_after_a_bounded_number_of_matches(engine, monkeypatch):
    examined = 0
    matches = SentenceIndex.matches

    def counting(self, regex, sentence):
        nonlocal examined
        for span in matches(self, regex, sentence):
            examined += 1
            yield span

    monkeypatch.setattr(SentenceIndex, "matches", counting)
    text = fill("no ICO: ")  # 12,500 negated matches of the same pattern in one sentence
    engine.assess(text)
    matching = {id(r) for rule in engine.rules for r in rule.regexes if r.search(text, 0, 100)}
    assert text.count("ICO") > 10_000  # every rule that reads them all would examine 10^4 each
    assert examined <= (MAX_MATCHES_PER_SENTENCE + 1) * len(matching)


class CountingStr(str):
    """A text that counts the characters the engine reads out of it by index or slice."""

    read = 0

    def __getitem__(self, key):
        item = super().__getitem__(key)
        CountingStr.read += len(item)
        return str(item)


@pytest.fixture()
def counting_str():
    CountingStr.read = 0
    yield CountingStr
    CountingStr.read = 0


def test_a_sentence_that_never_ends_is_not_copied_at_every_full_stop(counting_str):
    # "Inc." never ends a sentence: the check for an abbreviation before each full stop must read
    # the last few characters, not a copy of the whole sentence so far (~ 10^9 characters).
    text = counting_str(fill("Inc. "))
    assert len(sentences(text)) == 1
    assert counting_str.read <= 20 * len(text)


def test_spaces_before_a_clause_break_are_walked_once(engine, counting_str):
    # 2,000 negated matches share one clause whose end is 86,000 spaces before its ";": trimming
    # the clause for each match walks the spaces each time (~ 10^8 characters read).
    text = counting_str("no ICO " * 2000 + " " * (CHARS - 14_003) + "; x")
    engine.assess(text)
    assert counting_str.read <= 10 * len(text)


class CountingRegex:
    """A rule pattern that counts the places Python's backtracking matcher is asked to start at
    (each can read to the end of the sentence before it fails)."""

    def __init__(self, regex, counter: dict[str, int]):
        self._regex, self._counter = regex, counter
        self.pattern, self.flags = regex.pattern, regex.flags

    def _starts(self, text, pos, endpos):
        self._counter["starts"] += max(0, min(endpos, len(text)) - pos)

    def finditer(self, text, pos=0, endpos=sys.maxsize):
        self._starts(text, pos, endpos)
        return self._regex.finditer(text, pos, endpos)

    def search(self, text, pos=0, endpos=sys.maxsize):
        self._starts(text, pos, endpos)
        return self._regex.search(text, pos, endpos)

    def match(self, text, pos=0, endpos=sys.maxsize):
        self._counter["starts"] += 1
        return self._regex.match(text, pos, endpos)


@pytest.fixture(scope="module")
def counted():
    """An engine whose rules' patterns count the places Python's matcher starts at."""
    counter = {"starts": 0}
    rules = []
    for rule in all_rules():
        copy = dataclasses.replace(rule)
        object.__setattr__(copy, "regexes", tuple(CountingRegex(r, counter) for r in copy.regexes))
        rules.append(copy)
    return RuleEngine(tuple(rules)), counter


@pytest.mark.parametrize("text", [
    fill("1.", CHARS - 11) + "x; 1% gains",  # \b\d[\d,.]*\s*(?:%|percent)... from every digit
    "é " + fill("1.", CHARS - 13) + "x; 1% gains",  # the same where RE2 reads "é" otherwise
    fill("A.", CHARS - 10) + "; Bob sold",  # [A-Z][\w.'’&-]*...\s+sold from every capital
    fill("A.é.", CHARS - 10) + "; Bob sold",
    "sold " * 200 + fill("a.", CHARS - 1008) + "; supply",  # a gap then [\w'’.-]+ from every place
], ids=["digits", "digits-non-ascii", "capitals", "capitals-non-ascii", "gap-then-word"])
def test_backtracking_patterns_start_only_inside_linear_time_matches(counted, text):
    # Python's matcher tried at every place of a run it then reads to the end of costs the square
    # of the run (minutes for these texts). Each pattern's RE2 twin reads the sentence once; Python
    # is started only inside the twin's matches, where the twin cannot be exact.
    engine, counter = counted
    counter["starts"] = 0
    engine.assess(text)
    assert counter["starts"] <= 1_000


def test_the_cap_on_matches_changes_no_evidence_in_the_dataset(engine, summaries, monkeypatch):
    texts = [*summaries, " ".join(summaries)]
    capped = [engine.evidence(text) for text in texts]
    most = 0
    for text in texts:
        index = SentenceIndex(text)
        candidates = engine.candidates(index)
        for rule in engine.rules:
            if rule.id in candidates:
                find_evidence(rule, index, candidates[rule.id])
        most = max([most, *(seen for _, seen in index.verdicts.values())])
    assert 8 * most <= MAX_MATCHES_PER_SENTENCE  # far from biting on real prose
    monkeypatch.setattr(matcher, "MAX_MATCHES_PER_SENTENCE", 10**9)
    assert [engine.evidence(text) for text in texts] == capped


def _variants(summaries: list[str]) -> list[str]:
    """The dataset's summaries, and the same with what RE2 reads otherwise than Python mixed in."""
    rng = random.Random(7)
    inserts = ["é", "\u212a", "\u017f", "\u0130", "\u0131", "\x0b", "\u0663", " — ", "’", "\u00a0", "café "]
    out = list(summaries)
    for text in summaries:
        for _ in range(5):
            at = rng.randrange(len(text) + 1)
            text = text[:at] + rng.choice(inserts) + text[at:]
        out.append(text)
    return out


def test_rule_patterns_match_where_python_matches(summaries):
    regexes = list({id(r): r for rule in all_rules() for r in rule.regexes}.values())
    for text in _variants(summaries):
        index = SentenceIndex(text)
        text = index.text
        for sentence in index.spans:
            for regex in regexes:
                expected = [m.span() for m in regex.finditer(text, sentence.start, sentence.end)]
                found = list(index.matches(regex, sentence))
                assert found == expected, (regex.pattern, text[sentence.start : sentence.end])


def _clause_by_scanning(text: str, sentence: Span, start: int, end: int) -> Span:
    """The clause lookup as a scan of the breaks from the sentence's start (the reference)."""
    clause_start, clause_end = sentence.start, sentence.end
    for brk in segmentation._CLAUSE_BREAK.finditer(text, sentence.start, sentence.end):
        if brk.end() <= start:
            clause_start = brk.end()
        elif brk.start() >= end:
            clause_end = brk.start()
            break
    while clause_start < clause_end and text[clause_start].isspace():
        clause_start += 1
    while clause_end > clause_start and text[clause_end - 1].isspace():
        clause_end -= 1
    return Span(clause_start, clause_end) if clause_end > clause_start else sentence


def test_clause_lookup_finds_what_a_scan_of_the_breaks_finds(summaries):
    rng = random.Random(11)
    pieces = ["no ICO", "we sold tokens", "  ", ";", "; ", ": ", ", but ", " but ", " - ", " -- ", " — ", "x", "\n"]
    texts = summaries[:40] + ["".join(rng.choice(pieces) for _ in range(rng.randrange(1, 30))) for _ in range(300)]
    for text in texts:
        index = SentenceIndex(text)
        text = index.text  # the reading: each list item after its context
        for sentence in index.spans:
            for _ in range(20):
                start = rng.randrange(sentence.start, sentence.end)
                end = rng.randrange(start, sentence.end + 1)
                expected = _clause_by_scanning(text, sentence, start, end)
                assert clause_around(text, sentence, start, end) == expected
                assert index.clause_around(sentence, start, end) == expected


def test_a_fact_negated_ten_thousand_times_costs_a_bounded_number_of_rule_runs(engine, monkeypatch):
    """"no ICO" as 10,000 bullets: each rule whose patterns match stops after FRUITLESS_CANDIDATES
    sentences gave it nothing, and the blocks after that are skipped by one RE2 pass each."""
    from app.core.engine import rule_engine

    runs, prefilter_calls = [], []
    real_find, real_match = rule_engine.find_evidence, engine._prefilter.match
    monkeypatch.setattr(rule_engine, "find_evidence", lambda rule, index, c=None: runs.append(rule.id) or real_find(rule, index, c))
    monkeypatch.setattr(engine._prefilter, "match", lambda text: prefilter_calls.append(len(text)) or real_match(text))
    text = "\n- no ICO\n" * 10_000
    sentences_in_text = len(SentenceIndex(text).spans)
    engine.assess(text)
    per_rule = {rule_id: runs.count(rule_id) for rule_id in set(runs)}
    assert per_rule and max(per_rule.values()) <= matcher.FRUITLESS_CANDIDATES
    assert len(prefilter_calls) <= matcher.FRUITLESS_CANDIDATES + 2 * sentences_in_text // matcher.BLOCK_SENTENCES + 2


def test_reading_in_blocks_finds_what_reading_every_sentence_finds(engine, summaries):
    """Long texts go through the block path; their evidence equals every rule run on every
    sentence (the prefilter and the blocks only skip work)."""
    for text in (" ".join(summaries), "\n\n".join(summaries), "\n".join(f"- {s}" for s in summaries)):
        index = SentenceIndex(text)
        assert len(index.spans) > matcher.BLOCK_SENTENCES
        brute = [e for rule in engine.rules for e in find_evidence(rule, index)]
        assert engine.evidence(text) == brute
