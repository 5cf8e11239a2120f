"""Model versions: every training run writes `versions/<version>/` under the model directory; the
directory's own manifest and artifact are the *current* version, replaced only when a new
version is not worse (or on request). Earlier versions stay where they are."""

from __future__ import annotations

import json
import shutil
from dataclasses import dataclass
from pathlib import Path

from app.core.files import exclusive, replace_durably
from app.core.model import artifacts

VERSIONS = "versions"
COMPARED = (("roc_auc", +1), ("pr_auc", +1), ("brier", -1), ("f1", +1))


def directory_name(model_version: str) -> str:
    return model_version.replace(":", "")


@dataclass(frozen=True)
class Comparison:
    rows: list[tuple[str, float | None, float]]  # metric, current, new
    worse: list[str]

    @property
    def not_worse(self) -> bool:
        return not self.worse


def compare(current: dict | None, new: dict) -> Comparison:
    """The combined model's out-of-fold metrics side by side (for reading), and ``worse``: each
    measurement of the new manifest's ``comparison`` whose interval says the candidate is worse
    (paired cross-validation on the new data, the frozen evaluation set). A point estimate that
    moved within its interval is fold noise, not a worse model."""
    rows = []
    for metric, _ in COMPARED:
        after = new["metrics"]["combined"][metric]
        before = current["metrics"]["combined"][metric] if current else None
        rows.append((metric, before, after))
    worse = [f"{where}: {d['metric']} {d['current']} -> {d['candidate']} (95% interval of the change "
             f"{d['ci95'][0]:+.4f} to {d['ci95'][1]:+.4f})"
             for where, differences in (new.get("comparison") or {}).get("differences", {}).items()
             for d in differences if d["worse"]]
    return Comparison(rows, worse)


def current_manifest(model_dir: Path) -> dict | None:
    try:
        return artifacts.read_manifest(model_dir)
    except artifacts.ModelIntegrityError:
        return None


def promote(version_dir: Path, model_dir: Path) -> None:
    """Make ``version_dir`` the current version of ``model_dir``, one promotion at a time (an
    exclusive lock on the directory). Every file is staged and flushed to disk first; the artifact
    goes in under a name of its own and the manifest, which is what is served, is replaced last, so
    a reader sees either the old pair or the new pair, never a manifest pointing at a missing or
    different file. Temporary files a crashed promotion left are removed."""
    manifest = artifacts.read_manifest(version_dir)
    artifact_name = f"howey-{directory_name(manifest['model_version'])}.joblib"
    with exclusive(model_dir / artifacts.MANIFEST, "promoting a model"):
        for stale in model_dir.glob(".*.tmp"):
            stale.unlink()
        _copy_durably(version_dir / manifest["artifact"], model_dir / artifact_name)
        _copy_durably(version_dir / artifacts.MODEL_CARD, model_dir / artifacts.MODEL_CARD)
        staged = model_dir / f".{artifacts.MANIFEST}.tmp"
        staged.write_text(json.dumps({**manifest, "artifact": artifact_name}, indent=2) + "\n", encoding="utf-8")
        replace_durably(staged, model_dir / artifacts.MANIFEST)
        for stale in model_dir.glob("howey*.joblib"):
            if stale.name != artifact_name:
                stale.unlink()


def _copy_durably(source: Path, target: Path) -> None:
    staged = target.with_name(f".{target.name}.tmp")
    shutil.copyfile(source, staged)
    replace_durably(staged, target)
