"""GET /v1/model and /healthz."""

from app.core.engine.rulebook import current_fingerprint, short_version
from app.core.model import artifacts
from tests.helpers.paths import SHIPPED_MODEL


def test_model_and_health(client):
    model = client.get("/v1/model").json()
    assert set(model) == {"model_version", "rulebook_version", "trained_at", "data_sha256", "n_training_rows", "metrics",
                          "thresholds", "evaluated_at", "data_as_of_range", "frozen_set", "comparison"}
    manifest = artifacts.read_manifest(SHIPPED_MODEL)
    assert (model["model_version"], model["rulebook_version"]) == (manifest["model_version"], manifest["rulebook_version"])
    assert model["rulebook_version"] == short_version(current_fingerprint())
    assert model["thresholds"]["medium"] < model["thresholds"]["high"]
    assert model["n_training_rows"] > 0
    assert model["data_as_of_range"][0] <= model["data_as_of_range"][1] and model["evaluated_at"].endswith("Z")
    assert model["frozen_set"]["units"] > 0 and model["frozen_set"]["documents"] > 0
    for differences in model["comparison"]["differences"].values():
        assert all(d["ci95"][0] <= d["difference"] <= d["ci95"][1] for d in differences)
    assert client.get("/healthz").json() == {"status": "ok"}
