"""Versions: every run is kept; the current one changes only when the new one is not worse."""

import json

from typer.testing import CliRunner

from app.cli import app as cli
from app.core.data.dataset import read_rows, write_rows
from app.core.model import artifacts, versions
from conftest import DATA


def _manifest(roc_auc: float, brier: float) -> dict:
    return {"metrics": {"combined": {"roc_auc": roc_auc, "pr_auc": 0.9, "brier": brier, "f1": 0.9}}}


def test_compare_tolerates_noise_but_not_a_real_drop():
    assert versions.compare(None, _manifest(0.9, 0.1)).not_worse
    assert versions.compare(_manifest(0.95, 0.05), _manifest(0.947, 0.054)).not_worse
    worse = versions.compare(_manifest(0.95, 0.05), _manifest(0.93, 0.05))
    assert worse.worse == ["roc_auc 0.95 -> 0.93"]
    assert versions.compare(_manifest(0.95, 0.05), _manifest(0.95, 0.08)).worse == ["brier 0.05 -> 0.08"]


def test_train_keeps_every_version_and_promotes_atomically(tmp_path):
    runner = CliRunner()
    model_dir = tmp_path / "model"
    first = runner.invoke(cli, ["train", "--out", str(model_dir)])
    assert first.exit_code == 0, first.output
    assert "promoted" in first.output
    current = artifacts.load(model_dir)
    assert len(list((model_dir / "versions").iterdir())) == 1

    # A worse model (trained on a third of the data) is written but not promoted...
    _, rows = read_rows(DATA)
    small = tmp_path / "small.csv"
    write_rows(small, rows[::3])
    worse = runner.invoke(cli, ["train", "--out", str(model_dir), "--data", str(small)])
    assert worse.exit_code == 0, worse.output
    if "not promoted" in worse.output:
        assert artifacts.load(model_dir).version == current.version
        # ...unless forced.
        forced = runner.invoke(cli, ["train", "--out", str(model_dir), "--data", str(small), "--force"])
        assert "promoted" in forced.output and "not promoted" not in forced.output
    assert artifacts.load(model_dir).version != current.version
    kept = sorted(p.name for p in (model_dir / "versions").iterdir())
    assert versions.directory_name(current.version) in kept and len(kept) >= 2
    assert len(list(model_dir.glob("howey*.joblib"))) == 1, "stale current artifacts are removed"
    manifest = json.loads((model_dir / artifacts.MANIFEST).read_text())
    assert (model_dir / manifest["artifact"]).exists()
