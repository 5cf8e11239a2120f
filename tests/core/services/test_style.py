"""The style shortcut: whether how a summary is written, not what the offering did, gives its label away."""

import random

import pytest

from app.core.data.dataset import read_rows
from app.core.services.style import FUNCTION_WORDS, NEGATION_WORDS, style_shortcut
from tests.helpers.paths import DATA

FACTS = ["tokens were sold to the public for ether", "holders receive a share of the exchange fees",
         "the team builds the network and lists the token", "credits buy flights on a working platform",
         "coins come only from mining blocks", "the stablecoin is redeemable one for one in dollars"]


def _rows(summaries: list[str], labels: list[str]) -> list[dict[str, str]]:
    return [{"symbol": f"T{i}", "summary": s, "label": label, "cases": f"SEC v. Issuer {i}"}
            for i, (s, label) in enumerate(zip(summaries, labels, strict=True))]


def test_function_words_leave_out_negations():
    assert not set(NEGATION_WORDS) & set(FUNCTION_WORDS)
    assert {"the", "of", "would", "was", "there"} <= set(FUNCTION_WORDS)


def test_a_label_written_in_its_own_voice_is_caught():
    """Same facts, two voices: the past tense and 'would' for one label, a checklist of absences
    for the other. The facts say nothing about the label; the style says everything."""
    rng = random.Random(0)
    summaries, labels = [], []
    for i in range(80):
        fact = rng.choice(FACTS)
        if i % 2:
            summaries.append(f"The promoter said that {fact} and that it would be as the offering had described.")
            labels.append("security")
        else:
            summaries.append(f"{fact.capitalize()}; there is no presale, no team and not any promise.")
            labels.append("not_security")
    report = style_shortcut(_rows(summaries, labels))
    assert report.function_word_roc_auc > 0.9
    assert report.negation_rate == {"security": 0.0, "not_security": 1.0} and report.negation_gap == 1.0
    assert not report.within_targets


def test_one_voice_for_both_labels_gives_nothing_away():
    rng = random.Random(1)
    templates = ["In this offering {}.", "According to the materials, {}.", "The issuer states that {} at launch."]
    summaries = [rng.choice(templates).format(rng.choice(FACTS)) for _ in range(80)]
    labels = [rng.choice(["security", "not_security"]) for _ in summaries]
    report = style_shortcut(_rows(summaries, labels))
    assert report.function_word_roc_auc <= 0.65 and report.negation_gap <= 0.30
    assert report.within_targets


@pytest.mark.xfail(strict=True, reason="issue 15: the shipped summaries' function words still follow the label "
                                       "(ROC-AUC 0.86 against 0.65; the negation gap, 0.03, is within its target); "
                                       "when they no longer do, this test passes, fails as strict, and the marker goes")
def test_the_shipped_summaries_do_not_give_the_label_away():
    _, rows = read_rows(DATA)
    assert style_shortcut(rows).within_targets
