"""Versions: the current one changes only when the new one is not worse. (That `howey train` keeps
every version and promotes atomically is in tests/cli/test_train.py.)"""

from app.core.model import versions


def _manifest(roc_auc: float, brier: float, differences: dict | None = None) -> dict:
    return {"metrics": {"combined": {"roc_auc": roc_auc, "pr_auc": 0.9, "brier": brier, "f1": 0.9}},
            "comparison": {"against": "v1", "notes": [], "differences": differences or {}}}


def _difference(metric: str, current: float, candidate: float, low: float, high: float) -> dict:
    return {"metric": metric, "current": current, "candidate": candidate, "difference": candidate - current,
            "ci95": [low, high], "worse": (high < -0.01) if metric == "roc_auc" else (low > 0.01)}


def test_only_a_change_beyond_its_interval_is_worse():
    """A lower point estimate inside its interval is the noise of the folds; the gate reads the
    intervals of both measurements, never the point estimates."""
    assert versions.compare(None, _manifest(0.9, 0.1)).not_worse
    noisy = _manifest(0.93, 0.06, {"paired_cv": [_difference("roc_auc", 0.95, 0.93, -0.05, 0.01)]})
    assert versions.compare(_manifest(0.95, 0.05), noisy).not_worse
    frozen = _manifest(0.95, 0.05, {"paired_cv": [_difference("roc_auc", 0.95, 0.95, 0.0, 0.0)],
                                    "frozen_set": [_difference("brier", 0.05, 0.2, 0.1, 0.2)]})
    [reason] = versions.compare(_manifest(0.95, 0.05), frozen).worse
    assert reason.startswith("frozen_set: brier 0.05 -> 0.2 (95% interval of the change +0.1000 to +0.2000)")
