"""Saving and loading the model. A joblib artifact is a pickle, and unpickling runs code, so a
file is loaded only when its SHA-256 matches the manifest this project wrote beside it and the
libraries that will unpickle it are the ones that pickled it."""

from __future__ import annotations

import json
import platform
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path

import joblib

from app.core.data.dataset import sha256_of
from app.core.engine.rulebook import short_version
from app.core.errors import ModelIntegrityError, RulebookMismatch
from app.core.model.howey_model import HoweyModel

ARTIFACT = "howey.joblib"
MANIFEST = "manifest.json"
MODEL_CARD = "MODEL_CARD.md"
# Pickles are only portable between identical versions of the libraries whose objects they hold.
PINNED_LIBRARIES = ("scikit-learn", "numpy", "scipy", "joblib")


def library_versions() -> dict[str, str]:
    found = {name: version(name) for name in PINNED_LIBRARIES}
    found["python"] = platform.python_version()
    return found


@dataclass(frozen=True)
class LoadedModel:
    model: HoweyModel
    manifest: dict
    directory: Path

    @property
    def version(self) -> str:
        return self.manifest["model_version"]


def save(model: HoweyModel, manifest: dict, directory: Path) -> dict:
    """Write the artifact, then the manifest that vouches for it; returns the full manifest."""
    directory.mkdir(parents=True, exist_ok=True)
    artifact = directory / ARTIFACT
    joblib.dump(model, artifact, compress=3)
    full = {**manifest, "artifact": ARTIFACT, "artifact_sha256": sha256_of(artifact), "libraries": library_versions()}
    (directory / MANIFEST).write_text(json.dumps(full, indent=2, sort_keys=False) + "\n", encoding="utf-8")
    return full


def read_manifest(directory: Path) -> dict:
    path = Path(directory) / MANIFEST
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as error:
        raise ModelIntegrityError(f"no {MANIFEST} in {directory}: train a model with 'howey train'") from error
    except json.JSONDecodeError as error:
        raise ModelIntegrityError(f"{path} is not valid JSON: {error}") from error
    for key in ("model_version", "artifact", "artifact_sha256", "libraries"):
        if key not in manifest:
            raise ModelIntegrityError(f"{path} lacks {key!r}")
    return manifest


def verify(directory: Path | str, rulebook: str) -> tuple[dict, Path]:
    """Every check ``load`` makes before unpickling: the manifest, that the model was trained under
    ``rulebook`` (the fingerprint of the rules that will feed it), the artifact's SHA-256 and the
    library versions. Returns the manifest and the artifact's path."""
    directory = Path(directory)
    manifest = read_manifest(directory)
    trained_under = manifest.get("rulebook_sha256")
    if trained_under != rulebook:
        was = short_version(trained_under) if isinstance(trained_under, str) else "an unrecorded rulebook"
        raise RulebookMismatch(
            f"the model {manifest['model_version']} was trained under {was}, but the rules and engine here are "
            f"{short_version(rulebook)}: its inputs (the rules' prong scores) have changed, so retrain with 'howey train'"
        )
    artifact = directory / Path(manifest["artifact"]).name
    if not artifact.is_file():
        raise ModelIntegrityError(f"{artifact} is missing")
    actual = sha256_of(artifact)
    if actual != manifest["artifact_sha256"]:
        raise ModelIntegrityError(
            f"{artifact} has SHA-256 {actual}, but the manifest expects {manifest['artifact_sha256']}: "
            "refusing to unpickle a file that is not the one this project wrote"
        )
    here = library_versions()
    mismatched = [
        f"{name} {manifest['libraries'].get(name)} (installed {here[name]})"
        for name in PINNED_LIBRARIES
        if manifest["libraries"].get(name) != here[name]
    ]
    if mismatched:
        raise ModelIntegrityError(
            "the artifact was written with different library versions: " + ", ".join(mismatched)
            + "; install the pinned versions (make install) or retrain with 'howey train'"
        )
    return manifest, artifact


def load(directory: Path | str, rulebook: str) -> LoadedModel:
    """Load the model in ``directory`` once ``verify`` passes."""
    manifest, artifact = verify(directory, rulebook)
    model = joblib.load(artifact)
    if not isinstance(model, HoweyModel):
        raise ModelIntegrityError(f"{artifact} does not hold a HoweyModel")
    return LoadedModel(model=model, manifest=manifest, directory=Path(directory))
