"""`howey rules`: every rule, as text, JSON or the Markdown of docs/rules.md."""

import json

from typer.testing import CliRunner

from app.cli import app as cli
from app.core.engine.rulebook import render_markdown

runner = CliRunner()


def test_rules_json_lists_every_rule_with_contract_keys():
    result = runner.invoke(cli, ["rules", "--json"])
    rules = json.loads(result.stdout)
    assert len(rules) >= 40
    assert all(set(r) == {"id", "prong", "direction", "weight", "rationale", "authority", "kind", "in_force_from",
                          "in_force_until"} for r in rules)
    assert {r["in_force_from"] for r in rules if r["kind"] == "category"} >= {"2025-02-27", "2025-03-20"}
    assert "investment_of_money.token_sale" in runner.invoke(cli, ["rules"]).stdout


def test_rules_markdown_is_the_docs_page():
    result = runner.invoke(cli, ["rules", "--markdown"])
    assert result.exit_code == 0 and result.stdout == render_markdown()
