"""Versions: the current one changes only when the new one is not worse. (That `howey train` keeps
every version and promotes atomically is in tests/cli/test_train.py.)"""

from app.core.model import versions


def _manifest(roc_auc: float, brier: float) -> dict:
    return {"metrics": {"combined": {"roc_auc": roc_auc, "pr_auc": 0.9, "brier": brier, "f1": 0.9}}}


def test_compare_tolerates_noise_but_not_a_real_drop():
    assert versions.compare(None, _manifest(0.9, 0.1)).not_worse
    assert versions.compare(_manifest(0.95, 0.05), _manifest(0.947, 0.054)).not_worse
    worse = versions.compare(_manifest(0.95, 0.05), _manifest(0.93, 0.05))
    assert worse.worse == ["roc_auc 0.95 -> 0.93"]
    assert versions.compare(_manifest(0.95, 0.05), _manifest(0.95, 0.08)).worse == ["brier 0.05 -> 0.08"]
