"""Risk levels from thresholds chosen on validation predictions."""

import numpy as np

from app.core.model.thresholds import RiskThresholds


def test_thresholds_from_validation():
    y = np.array([0] * 50 + [1] * 50)
    risk = np.r_[np.linspace(0.0, 0.4, 50), np.linspace(0.6, 1.0, 50)]
    t = RiskThresholds.from_validation(y, risk)
    assert t.medium <= 0.4 and t.high >= 0.6
    assert y[risk >= t.high].mean() >= 0.95 and y[risk < t.medium].mean() <= 0.05
    assert [t.level(r) for r in (0.0, (t.medium + t.high) / 2, 1.0)] == ["low", "medium", "high"]
