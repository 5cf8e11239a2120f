import json

import pytest

from app.core.data.dataset import sha256_of
from app.core.model import artifacts
from app.core.model.artifacts import ModelIntegrityError
from conftest import DATA


def test_shipped_model_loads_and_matches_manifest():
    loaded = artifacts.load(artifacts.Path("model"))
    assert loaded.manifest["artifact_sha256"] == sha256_of(loaded.directory / loaded.manifest["artifact"])
    assert loaded.manifest["data_sha256"] == sha256_of(DATA), "model/ was not retrained after the data changed"
    assert loaded.version == loaded.manifest["model_version"]


def test_tampered_artifact_is_refused(model_copy):
    artifact = model_copy / json.loads((model_copy / artifacts.MANIFEST).read_text())["artifact"]
    artifact.write_bytes(artifact.read_bytes() + b"\0")
    with pytest.raises(ModelIntegrityError, match="refusing to unpickle"):
        artifacts.load(model_copy)


def test_library_mismatch_is_refused(model_copy):
    manifest = json.loads((model_copy / artifacts.MANIFEST).read_text())
    manifest["libraries"]["scikit-learn"] = "0.0.1"
    (model_copy / artifacts.MANIFEST).write_text(json.dumps(manifest))
    with pytest.raises(ModelIntegrityError, match=r"scikit-learn 0\.0\.1"):
        artifacts.load(model_copy)


@pytest.mark.parametrize(
    ("damage", "message"),
    [
        (lambda d: (d / artifacts.MANIFEST).unlink(), "no manifest.json"),
        (lambda d: (d / artifacts.MANIFEST).write_text("{not json"), "not valid JSON"),
        (lambda d: (d / artifacts.MANIFEST).write_text("{}"), "lacks 'model_version'"),
        (lambda d: next(d.glob("howey*.joblib")).unlink(), "is missing"),
    ],
)
def test_broken_model_directory_says_why(model_copy, damage, message):
    damage(model_copy)
    with pytest.raises(ModelIntegrityError, match=message):
        artifacts.load(model_copy)
