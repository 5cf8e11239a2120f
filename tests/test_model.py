import numpy as np
from sklearn.utils.estimator_checks import parametrize_with_checks

from app.core.model.stacker import ProngStacker, stack_features
from app.core.model.thresholds import RiskThresholds


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


def test_thresholds_from_validation():
    y = np.array([0] * 50 + [1] * 50)
    risk = np.r_[np.linspace(0.0, 0.4, 50), np.linspace(0.6, 1.0, 50)]
    t = RiskThresholds.from_validation(y, risk)
    assert t.medium <= 0.4 and t.high >= 0.6
    assert y[risk >= t.high].mean() >= 0.95 and y[risk < t.medium].mean() <= 0.05
    assert [t.level(r) for r in (0.0, (t.medium + t.high) / 2, 1.0)] == ["low", "medium", "high"]


def test_the_scorers_inference_path_equals_the_pipeline():
    """HoweyModel skips scikit-learn's per-call validation; what it computes must not change."""
    from app.core.model.artifacts import load
    from tests.conftest import ROOT, SECURITY_TEXT

    model = load(ROOT / "model").model
    texts = [SECURITY_TEXT, "Dogecoin is a meme coin with no roadmap.", "", "ünïcode wörds", "a " * 500]
    X = model.vectorize(texts)
    expected = model.text_pipeline_.named_steps["tfidf"].transform(texts)
    np.testing.assert_array_equal(X.toarray(), expected.toarray())
    assert X.dtype == expected.dtype
    np.testing.assert_array_equal(model.text_probability(X), model.text_pipeline_.predict_proba(texts)[:, 1])
    prong_scores = np.array([[0.9, 0.8, 0.7, 0.6], [0.2, 0.5, 0.3, 0.1], [0.5] * 4, [0.5] * 4, [0.5] * 4])
    stacked = stack_features(prong_scores, model.text_probability(X))
    np.testing.assert_allclose(model.risk(prong_scores, model.text_probability(X)),
                               model.stacker_.predict_proba(stacked)[:, 1], rtol=0, atol=1e-15)
