from app.core.engine.segmentation import SentenceIndex, clause_around, sentences


def test_sentences_keep_exact_offsets():
    text = "  Acme Inc. sold tokens. The U.S. team builds it!  Holders vote.\n\n- A bullet point"
    spans = sentences(text)
    quotes = [text[s.start : s.end] for s in spans]
    assert quotes == ["Acme Inc. sold tokens.", "The U.S. team builds it!", "Holders vote.", "- A bullet point"]


def test_abbreviations_do_not_split():
    text = "See SEC v. W.J. Howey Co. for the test. Next sentence."
    assert [text[s.start : s.end] for s in sentences(text)] == [
        "See SEC v. W.J. Howey Co. for the test.",
        "Next sentence.",
    ]


def test_sentence_index_and_clause():
    text = "We sold tokens; proceeds fund the team. Second."
    index = SentenceIndex(text)
    first = index.spans[0]
    assert text[first.start : first.end] == "We sold tokens; proceeds fund the team."
    clause = clause_around(text, first, text.index("proceeds"), text.index("proceeds") + 8)
    assert text[clause.start : clause.end] == "proceeds fund the team."
    assert index.clause_around(first, text.index("proceeds"), text.index("proceeds") + 8) == clause


def test_empty_and_whitespace_text():
    assert sentences("") == []
    assert sentences("   \n ") == []
