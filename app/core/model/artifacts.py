"""Saving and loading the model. A joblib artifact is a pickle, and unpickling runs code as the
user who loads it. The SHA-256 in the manifest beside it catches corruption, not tampering: whoever
can write the model directory can write a matching manifest. So the model directory must be
trusted: a directory, manifest or artifact that users other than its owner may write (or that
belongs to another user than the one loading it, root aside) is refused, and a deployment can pin
the artifact's hash outside the directory (HOWEY_MODEL_SHA256), after which nothing else loads.
A file is also loaded only when the libraries that will unpickle it are the ones that pickled it,
and when it was trained under the rules that will feed it."""

from __future__ import annotations

import json
import os
import platform
import stat
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


def _refuse_if_others_can_write(*paths: Path) -> None:
    me = os.geteuid()
    for path in paths:
        status = path.stat()
        if status.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
            raise ModelIntegrityError(f"{path} is writable by other users than its owner (mode "
                                      f"{stat.filemode(status.st_mode)}): refusing to unpickle from a directory "
                                      "that is not trusted; remove the group and other write bits (chmod go-w)")
        if status.st_uid not in (me, 0):
            raise ModelIntegrityError(f"{path} belongs to another user (uid {status.st_uid}): refusing to unpickle "
                                      "what someone else can rewrite")


def verify(directory: Path | str, rulebook: str, pinned_sha256: str | None = None) -> tuple[dict, Path]:
    """Every check ``load`` makes before unpickling: who can write the directory, the manifest, that
    the model was trained under ``rulebook`` (the fingerprint of the rules that will feed it), the
    artifact's SHA-256 (against ``pinned_sha256`` too, when the deployment pins one) and the library
    versions. Returns the manifest and the artifact's path."""
    directory = Path(directory)
    if directory.is_dir():
        _refuse_if_others_can_write(directory)
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
    _refuse_if_others_can_write(directory / MANIFEST, artifact)
    actual = sha256_of(artifact)
    if pinned_sha256 and actual != pinned_sha256.strip().lower():
        raise ModelIntegrityError(f"{artifact} has SHA-256 {actual}, but HOWEY_MODEL_SHA256 pins {pinned_sha256.strip()}: "
                                  "only the pinned model may be loaded")
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


def load(directory: Path | str, rulebook: str, pinned_sha256: str | None = None) -> LoadedModel:
    """Load the model in ``directory`` once ``verify`` passes."""
    manifest, artifact = verify(directory, rulebook, pinned_sha256)
    model = joblib.load(artifact)
    if not isinstance(model, HoweyModel):
        raise ModelIntegrityError(f"{artifact} does not hold a HoweyModel")
    return LoadedModel(model=model, manifest=manifest, directory=Path(directory))
