"""The RE2 prefilter: it may only skip work, never hide evidence."""

import json
import re
from pathlib import Path

import pytest

from app.core.data.dataset import read_rows
from app.core.engine.matcher import find_evidence
from app.core.engine.prefilter import PatternSet, as_re2_reads, branches, pieces, re2_form
from app.core.engine.rule_engine import RuleEngine
from app.core.engine.segmentation import SentenceIndex, sentences
from app.core.rules import all_rules
from tests.helpers.paths import DATA
from tests.helpers.texts import SECURITY_TEXT

RULES = all_rules()
# The rules' patterns and their vetoes: both ride in the engine's set.
PATTERNS = sorted({pattern for rule in RULES for pattern in (*rule.patterns, *((rule.veto.pattern,) if rule.veto else ()))})
CHALLENGE_DEV = Path(__file__).resolve().parents[3] / "data" / "challenge" / "dev.jsonl"


def _challenge_documents() -> list[str]:
    """Text nobody here wrote, in every style: where the vetoes and the who-acts cues fire."""
    return [json.loads(line)["text"] for line in CHALLENGE_DEV.read_text(encoding="utf-8").splitlines()]


def test_branches_split_only_the_top_level_alternation():
    assert branches(r"a|b(?:c|d)|[|x]e") == ["a", "b(?:c|d)", "[|x]e"]
    assert branches(r"\|a") == [r"\|a"]


def test_pieces_cut_only_top_level_gaps():
    assert pieces(r"\bsold\b[^;]{0,80}\bfor(?:x[^;]{0,3}y)\s+[^;]{2,9}z") == [r"\bsold\b", r"\bfor(?:x[^;]{0,3}y)\s+", "z"]
    assert pieces(r"\[^;]{0,80}x") == [r"\[^;]{0,80}x"]  # an escaped bracket is no gap
    assert pieces(r"[^;]{0,9}x") == ["x"]


def test_a_split_pattern_needs_all_its_pieces_and_is_never_certain():
    patterns = PatternSet([r"\bsold\b[^;]{0,40}\bfor\s+cash\b", r"\bcash\b|\bfiat\b[^;]{0,9}\bmoney\b"])
    assert patterns.match("We sold it for cash.") == {0: False, 1: True}
    assert patterns.match("For cash, what we sold.") == {0: False, 1: True}  # out of order: still a candidate
    assert patterns.match("We sold it.") == {}
    assert patterns.match("Fiat money.") == {1: False}


def test_a_piece_repeated_in_one_branch_is_counted_once():
    patterns = PatternSet([r"\bto\b[^;]{0,20}\bgo\b[^;]{0,20}\bto\b"])
    assert patterns.match("to go") == {0: False}


def test_re2_reads_unicode_words_spaces_and_digits_as_ascii_of_the_same_class():
    text = "Tokens sold"
    assert as_re2_reads(text) is text
    assert as_re2_reads("Münze\u00a0٣ ’quoted’ \u017ftake\x1c") == "Mxnze 0 ’quoted’ stake "
    exact = PatternSet([r"\bsold\s+for\b"])
    assert exact.match("Tokens sold for cash.") == {0: True}
    assert exact.match("Tokens sold\u00a0for cash.") == {0: False}  # a candidate, but only Python can tell


def _sentences() -> list[str]:
    _, rows = read_rows(DATA)
    texts = [row["summary"] for row in rows] + _challenge_documents()
    return [text[s.start : s.end] for text in texts for s in sentences(text)]


@pytest.mark.parametrize("variant", [str, str.upper, lambda s: s.replace(" ", "\u00a0").replace("o", "ö")])
def test_the_set_never_misses_a_pattern_python_finds(variant):
    """Soundness: every pattern Python's re finds in a sentence is a candidate, and a pattern
    reported certain does match (on sentences whose words are ASCII)."""
    patterns = PatternSet(PATTERNS)
    compiled = [re.compile(p, re.IGNORECASE | re.VERBOSE) for p in PATTERNS]
    for sentence in map(variant, _sentences()):
        found = patterns.match(sentence)
        for slot, regex in enumerate(compiled):
            if regex.search(sentence):
                assert slot in found, (PATTERNS[slot], sentence)
            elif found.get(slot) and sentence.isascii():
                pytest.fail(f"reported certain but does not match: {PATTERNS[slot]!r} in {sentence!r}")


def _dataset_and_examples() -> list[str]:
    _, rows = read_rows(DATA)
    summaries = [row["summary"] for row in rows] + [SECURITY_TEXT]
    # and as they may arrive: non-breaking spaces, accented words, typographic apostrophes
    variants = [s.replace(" ", "\u00a0", 9).replace("o", "ö", 3).replace("'", "\u2019") for s in summaries]
    return summaries + variants + _challenge_documents()


def test_prefilter_never_hides_evidence():
    """The RE2 prefilter may only skip work: evidence with it equals running every rule on every sentence."""
    engine = RuleEngine()
    for text in _dataset_and_examples():
        index = SentenceIndex(text)
        brute = [e for rule in RULES for e in find_evidence(rule, index)]
        assert engine.evidence(text) == brute


def test_re2_form_is_exact_unless_it_drops_a_lookahead():
    assert re2_form(r"\bpooled\b(?!\s+liquidity)") == (r"\bpooled\b", False)
    assert re2_form(r"[\w'-]+\s{0,3}x{1,9}") == (r"[\w'-]+\s{0,3}x{1,9}", True)
    assert re2_form(r"\w+(?!(?:a|b)\b)c") == (r"\w+c", False)

