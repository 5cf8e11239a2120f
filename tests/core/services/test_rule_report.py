"""The rule report: coverage, overlaps, conflicts and precision per rule, on the dataset and on the
challenge corpus's dev split (never the test split)."""

import json

from typer.testing import CliRunner

from app.cli import app as cli
from app.core.engine.rule_engine import RuleEngine
from app.core.prongs import Direction, Prong
from app.core.rules.schema import Rule
from app.core.services.rule_report import LabelledText, analyse, rule_report
from tests.helpers.paths import DATA, ROOT

DEV = ROOT / "data" / "challenge" / "dev.jsonl"
AGREES = {Direction.SUPPORTS: "met", Direction.WEIGHS_AGAINST: "not_met"}


def test_figures_on_a_made_up_corpus_are_counted_as_documented():
    sale = Rule(id="investment_of_money.sale", prong=Prong.INVESTMENT_OF_MONEY, direction=Direction.SUPPORTS, weight=0.8,
                rationale="r", authority="a", patterns=(r"\bsold\b",))
    gift = Rule(id="investment_of_money.gift", prong=Prong.INVESTMENT_OF_MONEY, direction=Direction.WEIGHS_AGAINST,
                weight=0.8, rationale="r", authority="a", patterns=(r"\bgiven\s+away\b",))
    texts = [
        LabelledText("Tokens were sold for ETH.", {"investment_of_money": "met"}, {"investment_of_money": [[0, 25]]}),
        LabelledText("Tokens were sold, and some were given away.", {"investment_of_money": "unclear"},
                     {"investment_of_money": []}),
        LabelledText("Nothing here.", {"investment_of_money": "unclear"}, {"investment_of_money": []}),
    ]
    figures = analyse(RuleEngine((sale, gift)), texts, AGREES)
    assert (figures[sale.id].fired, figures[sale.id].coverage) == (2, 0.667)
    assert (figures[sale.id].overlaps, figures[sale.id].conflicts) == (0.5, 0.5)
    assert figures[sale.id].precision == 0.5  # right on the first text, the writer said unclear on the second
    assert figures[sale.id].span_precision == 0.5
    assert (figures[gift.id].fired, figures[gift.id].precision, figures[gift.id].conflicts) == (1, 0.0, 1.0)


def test_the_report_covers_every_rule_on_both_sources():
    report = rule_report(RuleEngine(), DATA, DEV)
    assert set(report) == {rule.id for rule in RuleEngine().rules}
    token_sale = report["investment_of_money.token_sale"]
    assert token_sale["dataset"]["fired"] > 20 and token_sale["dataset"]["precision"] >= 0.9
    assert token_sale["challenge_dev"]["fired"] > 0
    for figures in report.values():
        for source in ("dataset", "challenge_dev"):
            for key in ("coverage", "overlaps", "conflicts", "precision", "span_precision"):
                value = figures[source][key]
                assert value is None or 0 <= value <= 1


def test_howey_rules_report_prints_it():
    result = CliRunner().invoke(cli, ["rules", "--report", "--json"])
    assert result.exit_code == 0, result.output
    assert "investment_of_money.token_sale" in json.loads(result.stdout)
