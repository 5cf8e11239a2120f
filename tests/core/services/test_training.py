"""Training: the data it accepts, the groups it keeps together, and a reproducible model."""

import json

import pytest

from app.core.data.dataset import read_rows, write_rows
from app.core.engine.rulebook import current_fingerprint, short_version
from app.core.errors import TrainingDataError
from app.core.model import artifacts
from app.core.services.training import action_groups, load_rows, train
from tests.helpers.paths import DATA, SHIPPED_MODEL


def test_action_groups_join_units_that_share_an_action_or_a_token_not_a_statement():
    rows = [
        {"symbol": "A", "cases": "SEC v. A; SEC v. B"},
        {"symbol": "B", "cases": "SEC v. B"},
        {"symbol": "C", "cases": "SEC v. C"},
        {"symbol": "C2", "cases": "sec v. c"},
        {"symbol": "D", "cases": "SEC v. D"},
        {"symbol": "M1", "cases": "Staff Statement on Meme Coins (2025-02-27)"},
        {"symbol": "M2", "cases": "Staff Statement on Meme Coins (2025-02-27)"},
        {"symbol": "E", "cases": "In the Matter of E; Staff Statement on Meme Coins (2025-02-27)"},
        {"symbol": "E2", "cases": "In the Matter of E"},
        {"symbol": "D", "cases": "Staff Statement on Protocol Mining (2025-03-20)"},
        {"symbol": "F", "cases": "SEC v. Celsius Network Limited and Alexander 'Alex' Mashinsky, No. 1:23-cv-06005 (S.D.N.Y.)"},
        {"symbol": "F2", "cases": "SEC v. Celsius Network Ltd. and A. Mashinsky, No. 1:23-cv-06005"},
        {"symbol": "G", "cases": "In the Matter of DeFi Money Market, Securities Act Release No. 10961"},
        {"symbol": "G2", "cases": "In the Matter of Blockchain Credit Partners, Securities Act Release No. 33-10961"},
        {"symbol": "H", "cases": "SEC v. Rari Capital, Inc., Jai Bhavnani (C.D. Cal.)"},
        {"symbol": "H2", "cases": "SEC v. Rari Capital (C.D. Cal., 2024)"},
    ]
    groups = action_groups(rows)
    assert groups[0] == groups[1]
    assert groups[2] == groups[3] != groups[0]
    assert groups[5] != groups[6], "a staff statement is a category, not an action"
    assert groups[7] == groups[8] != groups[6]
    assert groups[9] == groups[4], "two units of one token describe one project"
    assert groups[10] == groups[11], "one docket number, two spellings of the caption"
    assert groups[12] == groups[13], "one release number, with and without its '33-'"
    assert groups[14] == groups[15], "one caption, different parentheticals"
    assert len(set(groups)) == 9


@pytest.fixture(scope="module")
def shipped_manifest() -> dict:
    return json.loads((SHIPPED_MODEL / artifacts.MANIFEST).read_text())


def test_training_from_the_shipped_data_reproduces_the_shipped_metrics(tmp_path, shipped_manifest):
    manifest, version_dir = train(DATA, tmp_path, seed=shipped_manifest["seed"])
    assert manifest["data_sha256"] == shipped_manifest["data_sha256"]
    assert manifest["metrics"] == shipped_manifest["metrics"]
    assert manifest["thresholds"] == shipped_manifest["thresholds"]
    assert manifest["frozen_set"] == shipped_manifest["frozen_set"], "the frozen set is scored the same way"
    assert manifest["data_as_of_range"] == shipped_manifest["data_as_of_range"]
    assert manifest["recipe"] == shipped_manifest["recipe"] and len(manifest["training_units"]) == manifest["n_training_rows"]
    for key in ("model_version", "trained_at", "artifact_sha256", "libraries", "rule_ids", "selection",
                "rulebook_sha256", "rulebook_version"):
        assert key in manifest
    assert manifest["rulebook_sha256"] == shipped_manifest["rulebook_sha256"] == current_fingerprint()
    assert manifest["rulebook_version"] == short_version(current_fingerprint())
    assert artifacts.load(version_dir, rulebook=current_fingerprint()).version == manifest["model_version"]
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


def test_selection_by_basis_and_disposition():
    rows, _ = load_rows(DATA, exclude_dispositions=["dismissed_by_sec"])
    assert rows and all(r["disposition"] != "dismissed_by_sec" for r in rows)
    rows, _ = load_rows(DATA, label_bases=["sec_settled_order", "sec_staff_statement"])
    assert {r["label_basis"] for r in rows} == {"sec_settled_order", "sec_staff_statement"}


def test_shipped_metrics_are_reported_by_era_label_basis_and_standing(shipped_manifest):
    groups = shipped_manifest["metrics"]["by_group"]
    assert list(groups) == ["era", "label_basis", "standing"]
    assert list(groups["era"]) == ["before 2020", "2020-2024", "2025 and after"]
    assert set(groups["standing"]) == {"decided", "not decided"}
    for values in groups.values():
        assert sum(g["rows"] for g in values.values()) == shipped_manifest["n_training_rows"]
        for g in values.values():
            assert 0 <= g["accuracy"] <= 1
            both_labels = 0 < g["security"] < g["rows"]
            assert (g["roc_auc"] is not None) == both_labels
    card = (SHIPPED_MODEL / "MODEL_CARD.md").read_text(encoding="utf-8")
    assert "By era:" in card and "By label basis:" in card and "By standing:" in card
