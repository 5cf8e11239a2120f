"""`howey train`: every run is kept as a version; the current one changes only when the new one is
not worse (or on --force); the selection options reach the manifest."""

import json

from typer.testing import CliRunner

from app.cli import app as cli
from app.core.data.dataset import read_rows, write_rows
from app.core.engine.rulebook import current_fingerprint, short_version
from app.core.model import artifacts, versions
from tests.helpers.paths import DATA

RULEBOOK = current_fingerprint()


def test_train_keeps_every_version_and_promotes_atomically(tmp_path):
    runner = CliRunner()
    model_dir = tmp_path / "model"
    first = runner.invoke(cli, ["train", "--out", str(model_dir)])
    assert first.exit_code == 0, first.output
    assert "promoted" in first.output
    current = artifacts.load(model_dir, rulebook=RULEBOOK)
    assert (current.manifest["rulebook_sha256"], current.manifest["rulebook_version"]) == (RULEBOOK, short_version(RULEBOOK))
    assert len(list((model_dir / "versions").iterdir())) == 1

    # A worse model (trained on a third of the data) is written but not promoted...
    _, rows = read_rows(DATA)
    small = tmp_path / "small.csv"
    write_rows(small, rows[::3])
    worse = runner.invoke(cli, ["train", "--out", str(model_dir), "--data", str(small)])
    assert worse.exit_code == (3 if "not promoted" in worse.output else 0), worse.output
    if "not promoted" in worse.output:
        assert artifacts.load(model_dir, rulebook=RULEBOOK).version == current.version
        # ...unless forced.
        forced = runner.invoke(cli, ["train", "--out", str(model_dir), "--data", str(small), "--force"])
        assert "promoted" in forced.output and "not promoted" not in forced.output
    assert artifacts.load(model_dir, rulebook=RULEBOOK).version != current.version
    kept = sorted(p.name for p in (model_dir / "versions").iterdir())
    assert versions.directory_name(current.version) in kept and len(kept) >= 2
    assert len(list(model_dir.glob("howey*.joblib"))) == 1, "stale current artifacts are removed"
    manifest = json.loads((model_dir / artifacts.MANIFEST).read_text())
    assert (model_dir / manifest["artifact"]).exists()


def test_train_selection_options(tmp_path):
    runner = CliRunner()
    result = runner.invoke(cli, ["train", "--out", str(tmp_path), "--exclude-disposition", "dismissed_by_sec"])
    assert result.exit_code == 0, result.output
    manifest = json.loads((tmp_path / artifacts.MANIFEST).read_text())
    assert manifest["selection"]["excluded_dispositions"] == ["dismissed_by_sec"]
    bad = runner.invoke(cli, ["train", "--out", str(tmp_path), "--basis", "rumour"])
    assert bad.exit_code == 2 and "rumour" in bad.output


def test_train_reads_the_configured_data_by_default(tmp_path, monkeypatch):
    """With no --data, `howey train` trains on HOWEY_DATA."""
    _, rows = read_rows(DATA)
    data = tmp_path / "data.csv"
    write_rows(data, rows[::2])
    monkeypatch.setenv("HOWEY_DATA", str(data))
    result = CliRunner().invoke(cli, ["train", "--out", str(tmp_path / "model")])
    assert result.exit_code == 0, result.output
    manifest = json.loads((tmp_path / "model" / artifacts.MANIFEST).read_text())
    assert manifest["n_training_rows"] == len(rows[::2])


def test_training_data_errors_exit_1_with_the_reason(tmp_path):
    _, rows = read_rows(DATA)
    one_label = tmp_path / "one_label.csv"
    write_rows(one_label, [r for r in rows if r["label"] == "security"])
    result = CliRunner().invoke(cli, ["train", "--data", str(one_label), "--out", str(tmp_path / "model")])
    assert result.exit_code == 1 and "only one label" in result.output
