"""docs/api.md describes what the service serves: held to the served OpenAPI schema."""

import re

from app.core.data.table import COLUMNS
from app.core.results import EvidenceItem, Factor, ScoreAnswer
from app.main import create_app
from app.settings import Settings
from tests.helpers.paths import ROOT

DOC = (ROOT / "docs" / "api.md").read_text(encoding="utf-8")
SCHEMA = create_app().openapi()


def _headed_operations() -> set[str]:
    return set(re.findall(r"^### `(GET|POST|PUT|DELETE|PATCH) (/[^`]*)`", DOC, re.M))


def test_every_served_operation_is_documented_and_nothing_else():
    served = {(method.upper(), path) for path, operations in SCHEMA["paths"].items() for method in operations}
    assert _headed_operations() == served


def test_every_answer_field_is_documented():
    for model in (ScoreAnswer, Factor, EvidenceItem):
        for field in model.__annotations__:
            assert f"`{field}`" in DOC, f"{model.__name__}.{field} is not in docs/api.md"
    assert set(SCHEMA["components"]["schemas"]["ScoreAnswer"]["properties"]) == set(ScoreAnswer.__annotations__)


def test_request_fields_and_model_info_are_documented():
    components = SCHEMA["components"]["schemas"]
    for name in ("ScoreRequest", "BatchItem", "ModelInfo", "ReloadResponse", "AuditRow"):
        for field in components[name]["properties"]:
            assert f"`{field}`" in DOC or f"`{{\"{field}\"" in DOC or f'"{field}"' in DOC, f"{name}.{field}"


def test_the_table_format_is_documented_in_order():
    documented = DOC[DOC.index("### The table format"):]
    spelled = ", ".join(COLUMNS[:6])
    assert spelled in documented
    assert "`<prong>_verdict, <prong>_score, <prong>_evidence`" in documented
    assert ", ".join(COLUMNS[-3:]) in documented


def test_every_setting_is_documented():
    for name in Settings.model_fields:
        assert f"`HOWEY_{name.upper()}`" in DOC, name


def test_no_link_in_the_repository_points_outside_it():
    import subprocess

    tracked = subprocess.run(["git", "ls-files", "*.md", "*.py", "*.html", "*.js", "*.cff", "*.toml"], cwd=ROOT,
                             capture_output=True, text=True, check=True).stdout.split()
    outside = [path for path in tracked if "../" in (ROOT / path).read_text(encoding="utf-8", errors="replace")
               and re.search(r"\.\./shared|\]\(\.\./", (ROOT / path).read_text(encoding="utf-8", errors="replace"))]
    assert outside == []
