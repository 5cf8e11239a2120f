"""Every command works from any folder, and the same failure exits the same way in every command."""

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from app.cli import app as cli
from tests.helpers.paths import ROOT, SHIPPED_MODEL
from tests.helpers.texts import SECURITY_TEXT

HOWEY = Path(ROOT / ".venv" / "bin" / "howey")
runner = CliRunner()


@pytest.mark.skipif(not HOWEY.exists(), reason="the howey command is installed into .venv by make install")
def test_howey_works_from_another_folder(tmp_path):
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}
    scored = subprocess.run([str(HOWEY), "score", "-"], input=SECURITY_TEXT, capture_output=True, text=True,
                            cwd=tmp_path, env=env, timeout=120)
    assert scored.returncode == 0, scored.stderr
    assert json.loads(scored.stdout)["risk_level"] == "high"
    checked = subprocess.run([str(HOWEY), "data", "check"], capture_output=True, text=True, cwd=tmp_path, env=env, timeout=120)
    assert checked.returncode == 0, checked.stderr
    assert "OK" in checked.stdout


def test_a_broken_model_exits_the_same_way_in_score_and_batch(tmp_path, monkeypatch):
    broken = tmp_path / "model"
    shutil.copytree(SHIPPED_MODEL, broken, ignore=shutil.ignore_patterns("versions"))
    manifest = json.loads((broken / "manifest.json").read_text())
    manifest["rulebook_sha256"] = "0" * 64
    (broken / "manifest.json").write_text(json.dumps(manifest))
    monkeypatch.setenv("HOWEY_MODEL_DIR", str(broken))
    listings = tmp_path / "in.csv"
    listings.write_text(f'text\n"{SECURITY_TEXT}"\n')
    scored = runner.invoke(cli, ["score", "-"], input=SECURITY_TEXT)
    batched = runner.invoke(cli, ["batch", str(listings), "-o", str(tmp_path / "out.csv")])
    assert scored.exit_code == batched.exit_code == 1
    for result in (scored, batched):
        assert "retrain with 'howey train'" in result.output
    assert not (tmp_path / "out.csv").exists()


def test_unusable_input_exits_2_in_every_command(tmp_path):
    assert runner.invoke(cli, ["score", str(tmp_path / "missing.txt")]).exit_code == 2
    listings = tmp_path / "in.txt"
    listings.write_text("text\nhello\n")
    assert runner.invoke(cli, ["batch", str(listings), "-o", str(tmp_path / "out.csv")]).exit_code == 2
    assert runner.invoke(cli, ["train", "--basis", "nonsense"]).exit_code == 2
