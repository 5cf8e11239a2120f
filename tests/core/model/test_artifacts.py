"""Saving and loading the model: nothing is unpickled unless its manifest vouches for it, the
libraries match, and the model was trained under the rules that will feed it."""

import json

import pytest

from app.core.data.dataset import sha256_of
from app.core.engine.rule_engine import RuleEngine
from app.core.engine.rulebook import current_fingerprint, short_version
from app.core.errors import ModelIntegrityError, RulebookMismatch
from app.core.model import artifacts
from tests.helpers.paths import DATA, SHIPPED_MODEL

RULEBOOK = current_fingerprint()


def test_shipped_model_loads_and_matches_manifest():
    loaded = artifacts.load(SHIPPED_MODEL, rulebook=RULEBOOK)
    assert loaded.manifest["artifact_sha256"] == sha256_of(loaded.directory / loaded.manifest["artifact"])
    assert loaded.manifest["data_sha256"] == sha256_of(DATA), "model/ was not retrained after the data changed"
    assert loaded.version == loaded.manifest["model_version"]


def test_shipped_model_was_trained_under_the_current_rules():
    manifest = artifacts.read_manifest(SHIPPED_MODEL)
    assert manifest["rulebook_sha256"] == RULEBOOK == RuleEngine().fingerprint, "model/ was not retrained after the rules changed"
    assert manifest["rulebook_version"] == short_version(RULEBOOK)
    assert manifest["rule_ids"] == RuleEngine().rule_ids


def test_tampered_artifact_is_refused(model_copy):
    artifact = model_copy / json.loads((model_copy / artifacts.MANIFEST).read_text())["artifact"]
    artifact.write_bytes(artifact.read_bytes() + b"\0")
    with pytest.raises(ModelIntegrityError, match="refusing to unpickle"):
        artifacts.load(model_copy, rulebook=RULEBOOK)
    with pytest.raises(ModelIntegrityError, match="refusing to unpickle"):
        artifacts.verify(model_copy, RULEBOOK)


def test_library_mismatch_is_refused(model_copy):
    manifest = json.loads((model_copy / artifacts.MANIFEST).read_text())
    manifest["libraries"]["scikit-learn"] = "0.0.1"
    (model_copy / artifacts.MANIFEST).write_text(json.dumps(manifest))
    with pytest.raises(ModelIntegrityError, match=r"scikit-learn 0\.0\.1"):
        artifacts.load(model_copy, rulebook=RULEBOOK)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda m: m.update(rulebook_sha256="0" * 64), r"trained under rb-0000000, but the rules and engine here are rb-"),
        (lambda m: m.pop("rulebook_sha256"), "trained under an unrecorded rulebook"),
    ],
)
def test_a_model_trained_under_other_rules_is_refused(model_copy, change, message):
    manifest = json.loads((model_copy / artifacts.MANIFEST).read_text())
    change(manifest)
    (model_copy / artifacts.MANIFEST).write_text(json.dumps(manifest))
    for check in (artifacts.verify, artifacts.load):
        with pytest.raises(RulebookMismatch, match=message) as refused:
            check(model_copy, RULEBOOK)
        assert "howey train" in str(refused.value)
    assert issubclass(RulebookMismatch, ModelIntegrityError)


def test_a_model_is_refused_by_an_engine_with_other_rules():
    other = RuleEngine(RuleEngine().rules[1:])
    assert other.fingerprint != RULEBOOK
    with pytest.raises(RulebookMismatch):
        artifacts.load(SHIPPED_MODEL, rulebook=other.fingerprint)


def test_verify_checks_without_unpickling(model_copy):
    manifest, artifact = artifacts.verify(model_copy, RULEBOOK)
    assert manifest == artifacts.read_manifest(model_copy)
    assert artifact == model_copy / manifest["artifact"]


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
        artifacts.load(model_copy, rulebook=RULEBOOK)
