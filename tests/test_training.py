import json

import numpy as np
import pytest
from typer.testing import CliRunner

from app.cli import app as cli
from app.core.data.dataset import read_rows, write_rows
from app.core.engine.rule_engine import RuleEngine
from app.core.model import artifacts
from app.core.services.evaluation import APPROACHES, evaluate, rule_development_split
from app.core.services.training import TrainingDataError, action_groups, labeled_set, load_rows, train
from conftest import DATA, SHIPPED_MODEL


def test_action_groups_join_tokens_that_share_an_action_not_a_statement():
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


@pytest.fixture(scope="module")
def shipped_manifest() -> dict:
    return json.loads((SHIPPED_MODEL / artifacts.MANIFEST).read_text())


def test_training_from_the_shipped_data_reproduces_the_shipped_metrics(tmp_path, shipped_manifest):
    manifest, version_dir = train(DATA, tmp_path, seed=shipped_manifest["seed"])
    assert manifest["data_sha256"] == shipped_manifest["data_sha256"]
    assert manifest["metrics"] == shipped_manifest["metrics"]
    assert manifest["thresholds"] == shipped_manifest["thresholds"]
    for key in ("model_version", "trained_at", "artifact_sha256", "libraries", "rule_ids", "selection"):
        assert key in manifest
    assert artifacts.load(version_dir).version == manifest["model_version"]
    card = (version_dir / artifacts.MODEL_CARD).read_text()
    assert "Not legal advice" in card and "keyword_baseline" in card and "Reliability" in card


def test_shipped_metrics_meet_the_targets(shipped_manifest):
    metrics = shipped_manifest["metrics"]
    combined = metrics["combined"]
    assert combined["roc_auc"] >= 0.92 and combined["brier"] <= 0.10
    for component in ("rules_only", "classifier_only", "keyword_baseline", "prior"):
        assert combined["roc_auc"] >= metrics[component]["roc_auc"] - 0.005, component
        assert combined["brier"] <= metrics[component]["brier"] + 0.005, component
    assert sum(b["rows"] for b in combined["reliability"]) == shipped_manifest["n_training_rows"]
    assert set(metrics["subsets"]) == {"decided_security_labels", "without_2025_dismissals"}
    assert metrics["rules_held_out_rows"]["rows"] > 0


def test_evaluation_never_lets_a_group_straddle_folds():
    rows, _ = load_rows(DATA)
    data = labeled_set(rows, RuleEngine())
    from app.core.model.howey_model import grouped_folds

    for train_idx, test_idx in grouped_folds(data.y, data.groups, 5, 0):
        assert not set(data.groups[train_idx]) & set(data.groups[test_idx])
    split = rule_development_split(data.rows, data.groups)
    for group in np.unique(data.groups):
        assert len(set(split[data.groups == group])) == 1, "a group is wholly dev or wholly held out"


def test_training_refuses_invalid_or_one_label_data(tmp_path):
    header, rows = read_rows(DATA)
    path = tmp_path / "one_label.csv"
    write_rows(path, [r for r in rows if r["label"] == "security"])
    with pytest.raises(TrainingDataError, match="only one label"):
        load_rows(path)
    broken = tmp_path / "broken.csv"
    write_rows(broken, [{**rows[0], "label": "perhaps"}, *rows[1:]])
    with pytest.raises(TrainingDataError, match="fails 'howey data check'"):
        load_rows(broken)


def test_selection_by_basis_and_disposition(tmp_path):
    rows, _ = load_rows(DATA, exclude_dispositions=["dismissed_by_sec"])
    assert rows and all(r["disposition"] != "dismissed_by_sec" for r in rows)
    rows, _ = load_rows(DATA, label_bases=["sec_settled_order", "sec_staff_statement"])
    assert {r["label_basis"] for r in rows} == {"sec_settled_order", "sec_staff_statement"}
    runner = CliRunner()
    result = runner.invoke(cli, ["train", "--out", str(tmp_path), "--exclude-disposition", "dismissed_by_sec"])
    assert result.exit_code == 0, result.output
    manifest = json.loads((tmp_path / artifacts.MANIFEST).read_text())
    assert manifest["selection"]["excluded_dispositions"] == ["dismissed_by_sec"]
    bad = runner.invoke(cli, ["train", "--out", str(tmp_path), "--basis", "rumour"])
    assert bad.exit_code == 2 and "rumour" in bad.output


def test_evaluate_reports_every_approach():
    rows, _ = load_rows(DATA)
    rng = np.random.default_rng(0)
    keep = sorted(rng.choice(len(rows), 90, replace=False))
    result = evaluate(labeled_set([rows[i] for i in keep], RuleEngine()), seed=1, n_splits=3)
    assert set(APPROACHES) <= set(result)
    assert result["prior"]["roc_auc"] == 0.5
