"""Answers carry the rulebook; a reload of a model trained under other rules answers 409 and the
previous model keeps serving."""

import json
import re
import shutil

from fastapi.testclient import TestClient

from app.core.engine.rulebook import current_fingerprint, short_version
from app.core.results import ANSWER
from app.main import create_app
from app.settings import Settings
from tests.helpers.paths import SHIPPED_MODEL
from tests.helpers.texts import SECURITY_TEXT

KEY = "test-key"


def test_answers_and_model_info_carry_the_rulebook(tmp_path):
    with TestClient(create_app(Settings(model_dir=SHIPPED_MODEL, db=tmp_path / "a.db"))) as client:
        answer = client.post("/v1/score", json={"text": SECURITY_TEXT}).json()
        batch = client.post("/v1/score/batch", json={"items": [{"id": "a", "text": SECURITY_TEXT}]}).json()
        info = client.get("/v1/model").json()
    ANSWER.validate_python(answer)
    assert answer["rulebook_version"] == batch["results"][0]["rulebook_version"] == info["rulebook_version"] \
        == short_version(current_fingerprint())
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", answer["scored_at"])


def test_reload_of_a_model_under_other_rules_answers_409_and_keeps_serving(tmp_path):
    model_dir = tmp_path / "model"
    shutil.copytree(SHIPPED_MODEL, model_dir, ignore=shutil.ignore_patterns("versions"))
    settings = Settings(model_dir=model_dir, db=tmp_path / "a.db", api_key=KEY)
    with TestClient(create_app(settings)) as client:
        before = client.get("/v1/model").json()["model_version"]
        manifest = json.loads((model_dir / "manifest.json").read_text())
        manifest["rulebook_sha256"] = "f" * 64
        manifest["model_version"] = "other"
        (model_dir / "manifest.json").write_text(json.dumps(manifest))
        refused = client.post("/v1/admin/reload", headers={"X-API-Key": KEY})
        assert refused.status_code == 409
        assert "rb-fffffff" in refused.json()["detail"] and "retrain" in refused.json()["detail"]
        assert client.get("/v1/model").json()["model_version"] == before
        assert client.post("/v1/score", json={"text": SECURITY_TEXT}).status_code == 200
