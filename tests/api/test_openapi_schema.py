"""Property-based tests of the whole API against its own OpenAPI schema (schemathesis): whatever
a client sends, no 5xx, and every answer matches what the schema documents."""

import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.config import SchemathesisConfig

from app.main import create_app
from app.settings import Settings
from tests.helpers.paths import OUTPUT, SHIPPED_MODEL

API_KEY = "schema-test-key"
CONFIG = SchemathesisConfig.from_dict({
    "headers": {"X-API-Key": API_KEY},
    "checks": {
        # 413 is how this API refuses an oversized body (a batch of more than 1,000 items usually is one).
        "negative_data_rejection": {"expected-statuses": [400, 404, 405, 413, 422]},
    },
    "operations": [{
        # The schema can say "a file", not "a CSV with a text column": a schema-valid upload is either
        # scored or refused with 422 naming what is wrong with it.
        "include-path": "/v1/score/csv",
        "checks": {"positive_data_acceptance": {"expected-statuses": [200, 422]}},
    }, {
        # Nor "a readable PDF or UTF-8 text", nor "today" for as_of: likewise scored or refused with 422.
        "include-path": "/v1/score/file",
        "checks": {"positive_data_acceptance": {"expected-statuses": [200, 422]}},
    }, {
        # A report renders an answer this API gave, checked strictly: JSON Schema calls 4.0 an
        # integer, an answer never carries one, so such a schema-valid body may be refused with 422.
        "include-path": "/v1/report",
        "checks": {"positive_data_acceptance": {"expected-statuses": [200, 422]}},
    }],
})
# Built at import: schemathesis' fixture-based loader does not run under this pytest version.
# schemathesis starts the app's lifespan itself, so the audit file is opened at the first call.
OUTPUT.mkdir(exist_ok=True)
for leftover in OUTPUT.glob("schema-audit.db*"):
    leftover.unlink()
schema = schemathesis.openapi.from_asgi(
    "/openapi.json",
    create_app(Settings(model_dir=SHIPPED_MODEL, db=OUTPUT / "schema-audit.db", api_key=API_KEY)),
    config=CONFIG,
)


@schema.parametrize()
@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
def test_api_honours_its_schema(case):
    case.call_and_validate()
