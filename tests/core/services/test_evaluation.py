"""Honest evaluation: grouped folds, a rule-development split, and every approach compared."""

import numpy as np

from app.core.engine.rule_engine import RuleEngine
from app.core.model.howey_model import grouped_folds
from app.core.services.evaluation import APPROACHES, evaluate, rule_development_split
from app.core.services.training import labeled_set, load_rows
from tests.helpers.paths import DATA


def test_evaluation_never_lets_a_group_straddle_folds():
    rows, _ = load_rows(DATA)
    data = labeled_set(rows, RuleEngine())
    for train_idx, test_idx in grouped_folds(data.y, data.groups, 5, 0):
        assert not set(data.groups[train_idx]) & set(data.groups[test_idx])
    split = rule_development_split(data.rows, data.groups)
    for group in np.unique(data.groups):
        assert len(set(split[data.groups == group])) == 1, "a group is wholly dev or wholly held out"


def test_evaluate_reports_every_approach():
    rows, _ = load_rows(DATA)
    rng = np.random.default_rng(0)
    keep = sorted(rng.choice(len(rows), 90, replace=False))
    result = evaluate(labeled_set([rows[i] for i in keep], RuleEngine()), seed=1, n_splits=3)
    assert set(APPROACHES) <= set(result)
    assert result["prior"]["brier"] >= result["combined"]["brier"], "the base rate is the weakest guess"
