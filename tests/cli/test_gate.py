"""The promotion gate: a candidate is refused only when an interval says it is worse, on paired
cross-validation over folds fixed by group hashes or on the frozen evaluation set; `howey train`
exits 0 promoted, 3 trained but not promoted."""

import json
import random
import shutil

import pytest
from typer.testing import CliRunner

from app.cli import app as cli
from app.core.data.dataset import read_rows, write_rows
from app.core.model import artifacts
from app.core.services.comparison import hash_folds
from app.core.services.training import action_groups
from tests.helpers.paths import DATA, SHIPPED_MODEL

pytestmark = pytest.mark.slow
runner = CliRunner()


@pytest.fixture()
def model_dir(tmp_path):
    target = tmp_path / "model"
    shutil.copytree(SHIPPED_MODEL, target, ignore=shutil.ignore_patterns("versions"))
    return target


def test_adding_rows_moves_only_their_own_groups_between_folds():
    _, rows = read_rows(DATA)
    new = [{**rows[0], "symbol": "ZZNEW1", "unit": "a new unit", "cases": "SEC v. Nobody Yet"},
           {**rows[1], "symbol": "ZZNEW2", "unit": "another new unit", "cases": "SEC v. Nobody Else"}]
    before = hash_folds(rows, action_groups(rows))
    after = hash_folds(rows + new, action_groups(rows + new))
    fold_of = lambda folds, n: {int(i): k for k, (_, test) in enumerate(folds) for i in test if i < n}  # noqa: E731
    assert fold_of(before, len(rows)) == fold_of(after, len(rows))


def test_two_new_valid_rows_are_promoted_unless_an_interval_says_worse(tmp_path, model_dir):
    _, rows = read_rows(DATA)
    data = tmp_path / "labeled_tokens.csv"
    extra = [{**rows[5], "symbol": "ZZNEW1", "unit": "A second sale of the same token, 2018"},
             {**rows[-5], "symbol": "ZZNEW2", "unit": "Another mined coin's distribution"}]
    write_rows(data, rows + extra)
    result = runner.invoke(cli, ["train", "--data", str(data), "--out", str(model_dir)])
    versions = sorted((model_dir / "versions").iterdir())
    manifest = artifacts.read_manifest(versions[-1])
    differences = [d for ds in manifest["comparison"]["differences"].values() for d in ds]
    assert {d["metric"] for d in differences} == {"roc_auc", "brier"} and len(differences) == 4
    for d in differences:
        assert d["ci95"][0] <= d["difference"] <= d["ci95"][1]
    worse = any(d["worse"] for d in differences)
    assert result.exit_code == (3 if worse else 0), result.output
    paired = {d["metric"]: d for d in manifest["comparison"]["differences"]["paired_cv"]}
    (model_dir.parent / "intervals.json").write_text(json.dumps(paired))
    assert paired["roc_auc"]["ci95"][1] - paired["roc_auc"]["ci95"][0] > 0, "two new rows make the recipes differ"


def test_summaries_shuffled_among_rows_are_refused_with_exit_3(tmp_path, model_dir):
    _, rows = read_rows(DATA)
    summaries = [r["summary"] for r in rows]
    random.Random(3).shuffle(summaries)
    data = tmp_path / "shuffled.csv"
    write_rows(data, [{**r, "summary": s} for r, s in zip(rows, summaries, strict=True)])
    before = artifacts.read_manifest(model_dir)["model_version"]
    result = runner.invoke(cli, ["train", "--data", str(data), "--out", str(model_dir)])
    assert result.exit_code == 3, result.output
    assert "not promoted" in result.output and "frozen_set" in result.output
    assert artifacts.read_manifest(model_dir)["model_version"] == before, "the current version stays"


def test_a_certain_but_immaterial_change_is_not_worse():
    from app.core.services.comparison import MATERIAL, Difference

    assert not Difference("brier", 0.065, 0.070, 0.002, 0.007).worse, "sure, but under the material margin"
    assert Difference("brier", 0.065, 0.090, MATERIAL + 0.001, 0.03).worse
    assert not Difference("roc_auc", 0.98, 0.97, -0.02, 0.001).worse, "the interval reaches zero"
    assert Difference("roc_auc", 0.98, 0.90, -0.1, -MATERIAL - 0.001).worse
