"""HoweyModel's fast inference path computes what its scikit-learn pipeline computes."""

import numpy as np

from app.core.engine.rulebook import current_fingerprint
from app.core.model.artifacts import load
from app.core.model.stacker import stack_features
from tests.helpers.paths import SHIPPED_MODEL
from tests.helpers.texts import SECURITY_TEXT


def test_the_scorers_inference_path_equals_the_pipeline():
    """HoweyModel skips scikit-learn's per-call validation; what it computes must not change."""
    model = load(SHIPPED_MODEL, rulebook=current_fingerprint()).model
    texts = [SECURITY_TEXT, "Dogecoin is a meme coin with no roadmap.", "", "ünïcode wörds", "a " * 500]
    X = model.vectorize(texts)
    expected = model.text_pipeline_.named_steps["tfidf"].transform(texts)
    np.testing.assert_array_equal(X.toarray(), expected.toarray())
    assert X.dtype == expected.dtype
    np.testing.assert_array_equal(model.text_probability(X), model.text_pipeline_.predict_proba(texts)[:, 1])
    prong_scores = np.array([[0.9, 0.8, 0.7, 0.6], [0.2, 0.5, 0.3, 0.1], [0.5] * 4, [0.5] * 4, [0.5] * 4])
    stacked = stack_features(prong_scores, model.text_probability(X), model.text_weight)
    np.testing.assert_allclose(model.risk(prong_scores, model.text_probability(X)),
                               model.stacker_.predict_proba(stacked)[:, 1], rtol=0, atol=1e-15)
