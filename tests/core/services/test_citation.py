"""The repository says how it may be used and cited."""

import json
import tomllib

from app.core.services.citation import render_citation
from tests.helpers.paths import ROOT, SHIPPED_MODEL


def test_license_matches_pyproject():
    declared = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["license"]
    assert declared == "MIT"
    assert (ROOT / "LICENSE").read_text().startswith("MIT License")


def test_citation_names_the_served_model_and_its_data():
    manifest = json.loads((SHIPPED_MODEL / "manifest.json").read_text())
    citation = (ROOT / "CITATION.cff").read_text()
    assert citation == render_citation(manifest), "CITATION.cff is stale: retrain and promote, or run refresh_citation"
    assert manifest["model_version"] in citation and manifest["data_sha256"] in citation
    assert citation.startswith("cff-version: 1.2.0")
