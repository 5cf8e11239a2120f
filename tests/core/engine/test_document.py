"""A document's units of evidence: prose sentences, list items and table rows, never headings,
code, front matter or markup; offsets exact into the original text."""

import csv

from app.core.engine.document import units
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
        "| Allocation | Share |",
        "| Team & Advisors | 15% |",
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
