import numpy as np
import pytest

from app.core import artifacts
from app.core.dataset import read_rows, write_rows
from app.core.training import TrainingDataError, action_groups, load_training_data, train
from conftest import DATA


def test_action_groups_join_tokens_that_share_a_case():
    rows = [
        {"cases": "SEC v. A; SEC v. B"},
        {"cases": "SEC v. B"},
        {"cases": "SEC v. C"},
        {"cases": "sec v. c"},
        {"cases": "SEC v. D"},
        {"cases": "Staff Statement on Meme Coins (2025-02-27)"},
        {"cases": "Staff Statement on Meme Coins (2025-02-27)"},
        {"cases": "In the Matter of E; Staff Statement on Meme Coins (2025-02-27)"},
        {"cases": "In the Matter of E"},
    ]
    groups = action_groups(rows)
    assert groups[0] == groups[1]
    assert groups[2] == groups[3] != groups[0]
    assert groups[5] != groups[6], "a staff statement is a category, not an action"
    assert groups[7] == groups[8] != groups[6]
    assert len(set(groups)) == 6


def test_train_writes_verified_artifact_manifest_and_card(tmp_path):
    manifest = train(DATA, tmp_path, seed=0)
    for key in ("model_version", "trained_at", "data_sha256", "n_training_rows", "artifact_sha256", "libraries", "rule_ids", "metrics"):
        assert key in manifest
    for approach in ("rules_only", "classifier_only", "combined"):
        assert 0.5 <= manifest["metrics"][approach]["roc_auc"] <= 1
    loaded = artifacts.load(tmp_path)
    assert loaded.version == manifest["model_version"]
    assert "Not legal advice" in (tmp_path / artifacts.MODEL_CARD).read_text()


def test_same_data_same_seed_same_metrics(tmp_path):
    first = train(DATA, tmp_path / "a", seed=0)["metrics"]
    second = train(DATA, tmp_path / "b", seed=0)["metrics"]
    assert first == second


def test_training_refuses_invalid_or_one_label_data(tmp_path):
    header, rows = read_rows(DATA)
    only_security = [r for r in rows if r["label"] == "security"]
    path = tmp_path / "one_label.csv"
    write_rows(path, only_security)
    with pytest.raises(TrainingDataError, match="only one label"):
        load_training_data(path)
    broken = tmp_path / "broken.csv"
    write_rows(broken, [{**rows[0], "label": "perhaps"}, *rows[1:]])
    with pytest.raises(TrainingDataError, match="fails 'howey data check'"):
        load_training_data(broken)


def test_selection_by_basis_and_disposition():
    data = load_training_data(DATA, exclude_dispositions=["dismissed_by_sec"])
    assert all(r["disposition"] != "dismissed_by_sec" for r in data.rows)
    assert set(np.unique(data.y)) == {0, 1}
