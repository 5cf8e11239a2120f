"""Where the calibrated risk is cut into words (low, medium, high) and into a yes/no decision."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from app.core.prongs import RiskLevel


@dataclass(frozen=True, slots=True)
class RiskThresholds:
    """Cut points on the calibrated risk: ``medium`` and ``high`` for ``risk_level``, and
    ``decision`` for a yes/no call (the F1-optimal point on training predictions)."""

    medium: float = 0.35
    high: float = 0.65
    decision: float = 0.5

    def level(self, risk: float) -> RiskLevel:
        return RiskLevel.HIGH if risk >= self.high else RiskLevel.MEDIUM if risk >= self.medium else RiskLevel.LOW

    @classmethod
    def from_validation(cls, y: np.ndarray, risk: np.ndarray, precision: float = 0.95) -> RiskThresholds:
        """``high`` is the lowest cut at or above which at least ``precision`` of tokens are
        securities, ``medium`` the highest cut under which at most ``1 - precision`` are; the
        calibrated middle (0.4 to 0.6) always stays `medium`, so `high` means more likely than not.
        ``decision`` maximises F1. Chosen on out-of-fold predictions of the training rows only, so
        a test fold never sets its own thresholds."""
        cuts = np.round(np.arange(0.05, 0.96, 0.01), 2)
        high = next((c for c in cuts if c >= 0.6 and (risk >= c).any() and y[risk >= c].mean() >= precision), 0.95)
        below = [c for c in cuts if c <= 0.4 and (risk < c).any() and y[risk < c].mean() <= 1 - precision]
        medium = max(below) if below else 0.05
        decision = float(cuts[int(np.argmax([f1_at(y, risk >= c) for c in cuts]))])
        return cls(medium=float(medium), high=float(high), decision=decision)


def f1_at(y: np.ndarray, predicted: np.ndarray) -> float:
    """F1 of boolean predictions (0 when nothing is predicted positive), cheap enough to scan cuts."""
    tp = float(np.sum(predicted & (y == 1)))
    return 0.0 if tp == 0 else 2 * tp / (2 * tp + np.sum(predicted & (y == 0)) + np.sum(~predicted & (y == 1)))
