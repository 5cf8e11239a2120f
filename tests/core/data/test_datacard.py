"""The data card's counts are rendered from the data, never typed."""

from app.core.data.datacard import counts_block, render_counts
from app.core.data.dataset import read_rows
from tests.helpers.paths import DATA


def test_data_card_counts_match_the_file():
    _, rows = read_rows(DATA)
    assert counts_block(DATA.parent / "README.md") == render_counts(rows), "run: howey data card"
