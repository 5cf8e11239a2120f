"""A document's units of evidence: prose sentences, list items and table rows, never headings,
code, front matter or markup; offsets exact into the original text."""

import csv

from app.core.engine.document import read, units
from app.core.engine.matcher import MAX_QUOTE
from app.core.engine.rule_engine import RuleEngine
from app.core.engine.segmentation import sentences
from tests.helpers.paths import DATA

README = """---
title: Acme token
tags: [token sale]
---
[![build](https://ci/badge.svg)](https://ci)
<div align="center"><img src="logo.png"></div>

# Fundraiser

We sold ACME tokens for ETH in a public sale.

## Tokenomics

| Allocation | Share |
|---|---|
| Team & Advisors | 15% |

1. Early buyers get a bonus of 20%.
- The token is pegged 1:1 with USD.

```bash
npm install acme-token  # the token sale contract
```
<!-- the presale raised $5 million
     (kept out of the docs) -->
Roadmap
=======
The team will build the exchange. It lists in May.
"""


def _quotes(text):
    return [text[s.start:s.end] for s in units(text)]


def test_each_block_type_becomes_units_or_is_skipped():
    assert _quotes(README) == [
        "We sold ACME tokens for ETH in a public sale.",
        "Team & Advisors | 15%",
        "Early buyers get a bonus of 20%.",
        "The token is pegged 1:1 with USD.",
        "The team will build the exchange.",
        "It lists in May.",
    ]


def test_a_heading_alone_is_never_evidence():
    engine = RuleEngine()
    for heading in ("# Fundraiser", "## Roadmap", "### Token sale", "Token sale\n=========="):
        assert engine.evidence(heading) == [], heading


def test_code_front_matter_and_comments_give_no_evidence():
    engine = RuleEngine()
    for text in ("```\nWe sold tokens for ETH in a token sale.\n```",
                 "---\nnote: we sold tokens for ETH in a token sale\n---\nHello.",
                 "<!-- We sold tokens for ETH in a token sale. -->"):
        assert engine.evidence(text) == [], text


def test_plain_prose_is_split_exactly_as_before():
    with DATA.open(newline="", encoding="utf-8") as handle:
        summaries = [row["summary"] for row in csv.DictReader(handle)]
    for summary in summaries:
        assert units(summary) == sentences(summary)


def test_offsets_are_exact_in_the_original_text():
    for span in units(README):
        assert README[span.start:span.end].strip() == README[span.start:span.end]
        assert span.end > span.start


def _contexts(text):
    """Each unit as the rules read it: its context, then its own words."""
    reading = read(text)
    return [reading.text[span.start:span.end] for span in reading.units]


def test_a_list_item_is_read_after_its_lead_in_and_heading():
    text = "## Rewards\n\nEvery month holders receive:\n\n- 20% of the protocol fees\n- a vote\n"
    assert _contexts(text)[1:] == ["Rewards — Every month holders receive: — 20% of the protocol fees",
                                   "Rewards — Every month holders receive: — a vote"]


def test_a_table_row_is_read_with_its_header_cells():
    text = "### Allocation\n\n| Holder | Share |\n|---|---|\n| Team & Advisors | 15% |\n"
    assert _contexts(text) == ["Allocation — Holder | Share — Team & Advisors | 15%"]


def test_a_question_is_context_for_its_answer_never_evidence():
    text = "**What do holders get?**\nA quarter of the fees each month.\n\nQ: Is there a token sale? A: Yes."
    assert _quotes(text) == ["A quarter of the fees each month.", "A: Yes."]
    assert _contexts(text) == ["What do holders get? — A quarter of the fees each month.",
                               "Q: Is there a token sale? — A: Yes."]


def test_short_lines_of_a_landing_page_stand_alone_and_titles_are_context():
    text = "CRESTHOLLOW EARN\nRates table\nUSDC — 9.50% APY\nETH — 6.25% APY\nDeposit in one tap and we lend it out."
    assert _quotes(text) == ["USDC — 9.50% APY", "ETH — 6.25% APY", "Deposit in one tap and we lend it out."]
    assert _contexts(text)[0] == "Rates table — USDC — 9.50% APY"
    wrapped = "The company sold tokens to the public\nand used the money to build its exchange."
    assert _quotes(wrapped) == [wrapped]


def test_evidence_needs_the_unit_not_only_its_context():
    engine = RuleEngine()
    sale_heading = "## Token sale\n\n- Starts in May\n- Ends in June\n"
    assert engine.evidence(sale_heading) == []
    lead_in = "The company sold:\n\n- tokens to investors for ETH\n"
    found = engine.evidence(lead_in)
    assert "investment_of_money.token_sale" in {item.rule_id for item in found}
    assert {item.quote for item in found} <= {"The company sold:", "tokens to investors for ETH"}
    assert all(lead_in[item.start:item.end] == item.quote for item in found)


def test_html_is_read_through_its_tags_with_exact_offsets():
    page = ("<!DOCTYPE html><html><head><title>Token sale</title><style>p{color:red}</style></head><body>"
            "<h2>Token sale</h2><p>We sold ACME tokens for ETH in a public sale.</p>"
            "<ul><li>Proceeds fund the exchange the team is building.</li></ul>"
            "<table><tr><th>Allocation</th><th>Share</th></tr><tr><td>Public sale</td><td>30%</td></tr></table>"
            "<script>var sale = 'token sale';</script></body></html>")
    quotes = _quotes(page)
    assert quotes[:2] == ["We sold ACME tokens for ETH in a public sale.", "Proceeds fund the exchange the team is building."]
    assert quotes[2].startswith("Public sale") and "30%" in quotes[2]
    assert _contexts(page)[1] == "Token sale — Proceeds fund the exchange the team is building."
    assert _contexts(page)[2].startswith("Token sale — Allocation | Share — Public sale")
    for item in RuleEngine().evidence(page):
        assert page[item.start:item.end] == item.quote and "<script" not in item.quote


def test_a_quote_is_at_most_one_capped_unit():
    filler = " ".join(["the network keeps running"] * 60)
    text = f"Besides {filler} we sold ACME tokens for ETH in a public sale and {filler}."
    found = RuleEngine().evidence(text)
    assert found
    for item in found:
        assert len(item.quote) <= MAX_QUOTE and text[item.start:item.end] == item.quote
        assert "public sale" in item.quote or "sold ACME tokens" in item.quote


def test_a_label_or_row_whose_value_is_nil_is_negated():
    text = (
        "**Premine/ICO:** none.\n\nICO/presale: never happened, the contract shows it was minted to miners.\n\n"
        "| Round | Status |\n|---|---|\n| Private round | didn't happen |\n| Public round | $0.10 per token |\n\n"
        "Presale: $0.10 per token, none left."
    )
    reading = read(text)
    said = {reading.text[s.start : s.end]: s.start in reading.negated for s in reading.units}
    assert said == {
        "**Premine/ICO:** none.": True,
        "ICO/presale: never happened, the contract shows it was minted to miners.": False,
        "Round | Status — Private round | didn't happen": True,
        "Round | Status — Public round | $0.10 per token": False,
        "Presale: $0.10 per token, none left.": False,
    }


def test_a_figure_of_nothing_before_its_label_is_negated():
    text = "Tokenomics for the fair launch.\n\n0% presale.\n\nZero team allocation.\n\n10% presale bonus for early birds."
    reading = read(text)
    said = {reading.text[s.start : s.end]: s.start in reading.negated for s in reading.units}
    assert said["0% presale."] and said["Zero team allocation."]
    assert not said["10% presale bonus for early birds."]
