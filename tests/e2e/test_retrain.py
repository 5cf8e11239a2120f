"""The researcher's loop end to end: add a new complaint's rows, retrain, see the version change
and the metrics table, reload the running service, and score with the new version."""

import shutil

import httpx
import pytest
from typer.testing import CliRunner

from app.cli import app as cli
from app.core.data.dataset import read_rows, write_rows
from app.core.model import artifacts
from tests.helpers.paths import DATA, SHIPPED_MODEL
from tests.helpers.server import LiveServer
from tests.helpers.texts import SECURITY_TEXT

pytestmark = [pytest.mark.e2e, pytest.mark.slow]
KEY = {"X-API-Key": "retrain-key"}


def test_add_rows_retrain_reload_and_score_with_the_new_version(tmp_path):
    runner = CliRunner()
    _, rows = read_rows(DATA)
    complaint = [r for r in rows if r["cases"].startswith("SEC v. Ishan Wahi")]
    assert complaint, "the walk-through complaint is in the data"
    data, new = tmp_path / "labeled_tokens.csv", tmp_path / "new_complaint.csv"
    write_rows(data, [r for r in rows if r not in complaint])
    write_rows(new, complaint)
    model_dir = tmp_path / "model"
    shutil.copytree(SHIPPED_MODEL, model_dir, ignore=shutil.ignore_patterns("versions"))

    server = LiveServer({"HOWEY_MODEL_DIR": str(model_dir), "HOWEY_DB": str(tmp_path / "audit.db"),
                         "HOWEY_API_KEY": KEY["X-API-Key"]})
    try:
        before = httpx.get(server.url + "/v1/model").json()["model_version"]

        added = runner.invoke(cli, ["data", "add", str(new), "--data", str(data)])
        assert added.exit_code == 0, added.output
        units = ", ".join(f"{r['symbol']}: {r['unit']}" for r in complaint)
        assert f"added: {units}" in added.output

        trained = runner.invoke(cli, ["train", "--data", str(data), "--out", str(model_dir), "--force"])
        assert trained.exit_code == 0, trained.output
        new_version = artifacts.read_manifest(model_dir)["model_version"]
        assert new_version != before
        assert "current vs new" in trained.output and "roc_auc" in trained.output and "promoted" in trained.output

        # Still the old model until the service is told to reload.
        assert httpx.post(server.url + "/v1/score", json={"text": SECURITY_TEXT}).json()["model_version"] == before
        assert httpx.post(server.url + "/v1/admin/reload").status_code == 403
        reloaded = httpx.post(server.url + "/v1/admin/reload", headers=KEY, timeout=60)
        assert reloaded.status_code == 200 and reloaded.json()["model_version"] == new_version
        scored = httpx.post(server.url + "/v1/score", json={"text": complaint[0]["summary"]}, timeout=30).json()
        assert scored["model_version"] == new_version
        assert any(t["symbol"] == complaint[0]["symbol"] for t in scored["similar_tokens"])
    finally:
        server.stop()
