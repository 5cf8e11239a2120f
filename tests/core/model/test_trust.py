"""The model directory must be trusted: what others can write is refused, and a pinned hash
admits nothing else."""

import shutil

import pytest

from app.core.engine.rulebook import current_fingerprint
from app.core.errors import ModelIntegrityError
from app.core.model import artifacts
from app.core.services.scoring import load_scorer
from tests.helpers.paths import SHIPPED_MODEL


@pytest.fixture
def model_copy(tmp_path):
    copy = tmp_path / "model"
    shutil.copytree(SHIPPED_MODEL, copy, ignore=shutil.ignore_patterns("versions"))
    return copy


def _artifact(model_dir):
    return model_dir / artifacts.read_manifest(model_dir)["artifact"]


@pytest.mark.parametrize("target", ["directory", "manifest", "artifact"])
@pytest.mark.parametrize("bits", [0o020, 0o002])
def test_anything_others_can_write_is_refused(model_copy, target, bits):
    path = {"directory": model_copy, "manifest": model_copy / "manifest.json", "artifact": _artifact(model_copy)}[target]
    path.chmod(path.stat().st_mode | bits)
    with pytest.raises(ModelIntegrityError, match="writable by other users"):
        load_scorer(model_copy)


def test_a_pinned_hash_admits_only_that_artifact(model_copy):
    actual = artifacts.read_manifest(model_copy)["artifact_sha256"]
    scorer, _ = load_scorer(model_copy, pinned_sha256=actual.upper())
    assert scorer.model_version
    with pytest.raises(ModelIntegrityError, match="HOWEY_MODEL_SHA256 pins"):
        artifacts.verify(model_copy, current_fingerprint(), pinned_sha256="0" * 64)


def test_the_pinned_hash_comes_from_the_environment(model_copy, monkeypatch):
    from app.settings import Settings

    monkeypatch.setenv("HOWEY_MODEL_SHA256", "1" * 64)
    assert Settings().model_sha256 == "1" * 64
    monkeypatch.setenv("HOWEY_MODEL_SHA256", "not-a-hash")
    with pytest.raises(ValueError):
        Settings()
