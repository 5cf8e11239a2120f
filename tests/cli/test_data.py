"""`howey data check` and `howey data add`: validate, report duplicates and conflicts, merge atomically."""

from typer.testing import CliRunner

from app.cli import app as cli
from app.core.data.dataset import read_rows, write_rows
from tests.helpers.paths import DATA
from tests.helpers.rows import GOOD

runner = CliRunner()


def test_shipped_dataset_passes_and_cli_exit_codes(tmp_path):
    ok = runner.invoke(cli, ["data", "check", str(DATA)])
    assert ok.exit_code == 0, ok.output
    assert "OK" in ok.output
    bad = tmp_path / "bad.csv"
    write_rows(bad, [GOOD, {**GOOD, "symbol": "B", "label": "nope"}])
    result = runner.invoke(cli, ["data", "check", str(bad)])
    assert result.exit_code == 1
    assert "line 3 (B): label: 'nope' is not one of" in result.output


def test_check_reads_the_configured_data_by_default(tmp_path, monkeypatch):
    monkeypatch.delenv("HOWEY_DATA", raising=False)
    ok = runner.invoke(cli, ["data", "check"])
    assert ok.exit_code == 0 and f"{DATA}: OK" in ok.output, ok.output
    bad = tmp_path / "bad.csv"
    write_rows(bad, [GOOD, {**GOOD, "symbol": "B", "label": "nope"}])
    monkeypatch.setenv("HOWEY_DATA", str(bad))
    result = runner.invoke(cli, ["data", "check"])
    assert result.exit_code == 1 and "line 3 (B): label: 'nope' is not one of" in result.output


def _split(tmp_path, held_out: int = 3):
    _, rows = read_rows(DATA)
    base, new = tmp_path / "labeled_tokens.csv", tmp_path / "new.csv"
    write_rows(base, rows[:-held_out])
    write_rows(new, rows[-held_out:])
    return rows, base, new


def test_add_new_rows_merges_them(tmp_path):
    rows, base, new = _split(tmp_path)
    result = runner.invoke(cli, ["data", "add", str(new), "--data", str(base)])
    assert result.exit_code == 0, result.output
    assert "added: " + ", ".join(f"{r['symbol']}: {r['unit']}" for r in rows[-3:]) in result.output
    assert read_rows(base)[1] == rows


def test_identical_rows_are_skipped_and_conflicts_block_the_merge(tmp_path):
    rows, base, new = _split(tmp_path)
    before = base.read_bytes()
    duplicate = tmp_path / "duplicate.csv"
    write_rows(duplicate, rows[:2])
    result = runner.invoke(cli, ["data", "add", str(duplicate), "--data", str(base)])
    assert result.exit_code == 0 and "identical, skipped" in result.output
    flipped = {**rows[0], "label": "not_security" if rows[0]["label"] == "security" else "security",
               "label_basis": "court_ruling", "disposition": "pending"}
    conflict = tmp_path / "conflict.csv"
    write_rows(conflict, [flipped, *rows[-3:]])
    result = runner.invoke(cli, ["data", "add", str(conflict), "--data", str(base)])
    assert result.exit_code == 1
    assert f"CONFLICTS (not merged): {rows[0]['symbol']}: {rows[0]['unit']}" in result.output
    assert base.read_bytes() == before, "nothing is written while a conflict stands"


def test_updates_need_the_flag(tmp_path):
    rows, base, new = _split(tmp_path)
    changed = {**rows[0], "cases": rows[0]["cases"] + "; SEC v. Example, Inc."}
    update = tmp_path / "update.csv"
    write_rows(update, [changed])
    assert runner.invoke(cli, ["data", "add", str(update), "--data", str(base)]).exit_code == 1
    result = runner.invoke(cli, ["data", "add", str(update), "--data", str(base), "--update"])
    assert result.exit_code == 0, result.output
    assert read_rows(base)[1][0]["cases"].endswith("SEC v. Example, Inc.")


def test_invalid_new_rows_are_refused_with_line_numbers(tmp_path):
    rows, base, new = _split(tmp_path)
    bad = tmp_path / "bad.csv"
    write_rows(bad, [{**rows[-1], "summary": "SEC sued them."}])
    before = base.read_bytes()
    result = runner.invoke(cli, ["data", "add", str(bad), "--data", str(base)])
    assert result.exit_code == 1 and "line 2" in result.output and "nothing merged" in result.output
    assert base.read_bytes() == before


def test_check_style_prints_both_figures_against_their_targets():
    result = runner.invoke(cli, ["data", "check", "--style", str(DATA)])
    assert result.exit_code == 0, result.output
    lines = [line for line in result.output.splitlines() if line.startswith("style shortcut:")]
    assert len(lines) == 2
    assert "function words alone reach ROC-AUC 0." in lines[0] and "target <= 0.65" in lines[0]
    assert "negation word: security" in lines[1] and "target <= 0.3" in lines[1]
