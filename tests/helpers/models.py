"""Changing a copy of the shipped model directory."""

import json
from pathlib import Path


def set_model_version(model_dir: Path, version: str) -> None:
    """Give a model copy a new version: the artifact's hash does not cover the manifest's own fields."""
    manifest = json.loads((model_dir / "manifest.json").read_text())
    manifest["model_version"] = version
    (model_dir / "manifest.json").write_text(json.dumps(manifest))
