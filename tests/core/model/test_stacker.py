"""The stacker: the four prong scores and the classifier's probability into one risk."""

import numpy as np
from sklearn.utils.estimator_checks import parametrize_with_checks

from app.core.model.stacker import ProngStacker, stack_features


@parametrize_with_checks([ProngStacker()])
def test_prong_stacker_is_a_proper_scikit_learn_estimator(estimator, check):
    check(estimator)


def test_stacker_lets_a_failing_prong_pull_the_risk_down():
    rng = np.random.default_rng(0)
    scores = rng.uniform(0.6, 1.0, size=(400, 4))
    y = np.ones(400, dtype=int)
    failing = rng.random(400) < 0.4
    scores[failing, rng.integers(0, 4, failing.sum())] = 0.1
    y[failing] = 0
    X = stack_features(scores, np.full(400, 0.7))
    stacker = ProngStacker().fit(X, y)
    one_fails = stack_features(np.array([[0.9, 0.9, 0.9, 0.1]]), np.array([0.7]))
    none_fail = stack_features(np.array([[0.9, 0.9, 0.9, 0.9]]), np.array([0.7]))
    assert stacker.predict_proba(one_fails)[0, 1] < 0.5 < stacker.predict_proba(none_fail)[0, 1]
