"""The HTTP contract through FastAPI's TestClient (the real uvicorn server is in test_e2e.py)."""

import csv
import hashlib
import io
import json
import re
from datetime import datetime

import pytest
from fastapi.testclient import TestClient

from app.core.prongs import PRONGS
from app.main import create_app
from app.settings import Settings
from conftest import COMMODITY_TEXT, SECURITY_TEXT, SHIPPED_MODEL, set_model_version


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    settings = Settings(model_dir=SHIPPED_MODEL, db=tmp_path_factory.mktemp("api") / "audit.db")
    with TestClient(create_app(settings)) as test_client:
        yield test_client


def assert_contract(body: dict, text: str) -> None:
    assert set(body) == {"risk_score", "risk_level", "factors", "classifier", "similar_tokens", "model_version", "disclaimer"}
    assert 0 <= body["risk_score"] <= 1
    assert body["risk_level"] in {"low", "medium", "high"}
    assert [f["prong"] for f in body["factors"]] == [p.value for p in PRONGS]
    for factor in body["factors"]:
        assert factor["verdict"] in {"met", "not_met", "unclear"}
        for e in factor["evidence"]:
            assert text[e["start"] : e["end"]] == e["quote"]
            assert e["rule_id"].startswith(factor["prong"] + ".")
    assert body["disclaimer"].startswith("Not legal advice")
    assert 0 <= body["classifier"]["probability"] <= 1


def test_score_returns_the_contract(client):
    response = client.post("/v1/score", json={"text": SECURITY_TEXT, "symbol": "ACME", "name": "Acme"})
    assert response.status_code == 200
    body = response.json()
    assert_contract(body, SECURITY_TEXT)
    assert body["risk_level"] == "high"
    assert body["similar_tokens"] and body["similar_tokens"][0]["cases"]


def test_model_and_health(client):
    model = client.get("/v1/model").json()
    assert set(model) == {"model_version", "trained_at", "data_sha256", "n_training_rows", "metrics", "thresholds"}
    assert model["thresholds"]["medium"] < model["thresholds"]["high"]
    assert model["n_training_rows"] > 0
    assert client.get("/healthz").json() == {"status": "ok"}


@pytest.mark.parametrize(
    ("body", "fragment"),
    [
        ({}, "text"),
        ({"text": ""}, "at least 1 character"),
        ({"text": "   "}, "white space"),
        ({"text": 42}, "valid string"),
        ({"text": "x" * 100_001}, "at most 100000"),
        ({"text": "ok", "symbol": ["A"]}, "valid string"),
        ({"text": "ok", "surprise": 1}, "Extra inputs"),
    ],
)
def test_bad_input_is_a_clear_422(client, body, fragment):
    response = client.post("/v1/score", json=body)
    assert response.status_code == 422
    assert fragment in response.text


def test_malformed_json_is_422(client):
    response = client.post("/v1/score", content=b'{"text": "unterminated', headers={"content-type": "application/json"})
    assert response.status_code == 422
    assert "JSON" in response.text


def test_every_answer_carries_a_request_id(client):
    ids = {client.get("/healthz").headers["x-request-id"], client.post("/v1/score", json={}).headers["x-request-id"]}
    assert len(ids) == 2 and all(len(i) == 32 for i in ids)


def test_json_that_is_not_utf8_or_too_deep_is_a_clear_422(client):
    headers = {"content-type": "application/json"}
    response = client.post("/v1/score", content=b'{"text": "caf\xe9"}', headers=headers)
    assert response.status_code == 422 and "utf-8" in response.text
    response = client.post("/v1/score", content=b"[" * 100_000 + b"]" * 100_000, headers=headers)
    assert response.status_code == 422 and "recursion" in response.text


def test_a_lone_surrogate_is_refused_and_echoed_escaped(client):
    response = client.post("/v1/score", content=b'{"text": "a \\ud800 b"}', headers={"content-type": "application/json"})
    assert response.status_code == 422
    assert response.json()["detail"][0]["input"] == "a \ud800 b"


@pytest.mark.parametrize("chunked", [False, True])
def test_a_body_over_2_mib_is_413(client, chunked):
    body = b"x" * (2 * 1024 * 1024 + 1)
    content = iter([body[:1_000_000], body[1_000_000:]]) if chunked else body
    response = client.post("/v1/score", content=content, headers={"content-type": "application/json"})
    assert response.status_code == 413
    assert "larger than the limit of 2097152 bytes" in response.json()["detail"]


def test_batch_keeps_the_input_order_and_ids(client):
    items = [{"id": f"item-{i}", "text": text} for i, text in enumerate([SECURITY_TEXT, COMMODITY_TEXT] * 3)]
    response = client.post("/v1/score/batch", json={"items": items})
    assert response.status_code == 200
    body = response.json()
    assert [r["id"] for r in body["results"]] == [item["id"] for item in items]
    single = {text: client.post("/v1/score", json={"text": text}).json() for text in (SECURITY_TEXT, COMMODITY_TEXT)}
    for item, result in zip(items, body["results"], strict=True):
        assert_contract({k: v for k, v in result.items() if k != "id"}, item["text"])
        assert result["risk_score"] == single[item["text"]]["risk_score"]
        assert result["model_version"] == body["model_version"]


@pytest.mark.parametrize(
    ("items", "fragment"),
    [
        ([], "at least 1 item"),
        ([{"id": str(i), "text": "x"} for i in range(1001)], "at most 1000 items"),
        ([{"id": "a", "text": "fine"}, {"id": "b", "text": " "}], "white space"),
        ([{"text": "no id"}], "Field required"),
        ([{"id": 7, "text": "id is a number"}], "valid string"),
    ],
)
def test_bad_batches_are_a_clear_422(client, items, fragment):
    response = client.post("/v1/score/batch", json={"items": items})
    assert response.status_code == 422
    assert fragment in response.text


def upload(client, content: bytes):
    return client.post("/v1/score/csv", files={"file": ("listings.csv", content, "text/csv")})


def test_csv_upload_scores_every_row_in_order(client):
    content = "\ufeffID,Symbol,Name,Text\nacme,ACME,Acme,\"" + SECURITY_TEXT + "\"\n,BTC,Bitcoin,\"" + COMMODITY_TEXT + "\"\n\n"
    response = upload(client, content.encode("utf-8"))
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert list(rows[0]) == ["id", "symbol", "name", "risk_score", "risk_level",
                             *(f"{p.value}_score" for p in PRONGS)]
    assert [(r["id"], r["symbol"]) for r in rows] == [("acme", "ACME"), ("2", "BTC")]
    scored = client.post("/v1/score", json={"text": SECURITY_TEXT}).json()
    assert float(rows[0]["risk_score"]) == scored["risk_score"]
    assert rows[0]["risk_level"] == scored["risk_level"]
    assert [float(rows[0][f"{f['prong']}_score"]) for f in scored["factors"]] == [f["score"] for f in scored["factors"]]


def test_csv_cells_that_spreadsheets_would_run_are_defused(client):
    response = upload(client, b'text,symbol,name\n"We sold tokens for ETH.",=HYPERLINK("x"),@SUM(A1)\n')
    row = next(csv.DictReader(io.StringIO(response.text)))
    assert (row["symbol"], row["name"]) == ('\'=HYPERLINK("x")', "'@SUM(A1)")


@pytest.mark.parametrize(
    ("content", "fragments"),
    [
        (b"id,summary\n1,tokens\n", ["no 'text' column", "'summary'"]),
        (b"", ["file is empty"]),
        (b"text\n", ["no rows"]),
        (b"id,text\n1,caf\xe9\n", ["not UTF-8", "byte 0xe9 at offset 13"]),
        (b"id,text\n1,\n2,ok\n3,a,b\n", ['"line",2,"text"', "text is empty", '"line",4', "3 fields but the header has 2"]),
        (b"id,text\n1,\"" + b"x" * 100_001 + b"\"\n", ["100001 characters, more than 100000"]),
        (b"text\n" + b"ok\n" * 1001, ["more than 1000 rows"]),
        (b"text,Text\na,b\n", ["more than once"]),
    ],
)
def test_bad_csv_is_a_clear_422(client, content, fragments):
    response = upload(client, content)
    assert response.status_code == 422
    for fragment in fragments:
        assert fragment in response.text


def test_csv_must_come_as_a_file_field(client):
    assert client.post("/v1/score/csv", data={"file": "text\nok\n"}).status_code == 422
    assert client.post("/v1/score/csv", files={"upload": ("a.csv", b"text\nok\n")}).status_code == 422


@pytest.fixture()
def admin_app(tmp_path, model_copy):
    """An app with an admin key, serving a model directory the test may change."""
    settings = Settings(model_dir=model_copy, db=tmp_path / "audit.db", api_key=ADMIN_KEY)
    with TestClient(create_app(settings)) as test_client:
        yield test_client, model_copy


ADMIN_KEY = "s3cret-key"
ADMIN = {"X-API-Key": ADMIN_KEY}


def test_admin_endpoints_are_403_while_no_key_is_set(client):
    for call in (lambda h: client.post("/v1/admin/reload", headers=h), lambda h: client.get("/v1/audit", headers=h)):
        for headers in ({}, {"X-API-Key": ""}, {"X-API-Key": "anything"}):
            response = call(headers)
            assert response.status_code == 403
            assert "no HOWEY_API_KEY" in response.json()["detail"]


def test_an_empty_configured_key_still_locks_admin(tmp_path):
    settings = Settings(model_dir=SHIPPED_MODEL, db=tmp_path / "audit.db", api_key="")
    with TestClient(create_app(settings)) as test_client:
        assert test_client.get("/v1/audit", headers={"X-API-Key": ""}).status_code == 403


def test_admin_endpoints_need_the_right_key(admin_app):
    client, _ = admin_app
    for headers in ({}, {"X-API-Key": "wrong"}, {"X-API-Key": ADMIN_KEY + "x"}, {"X-API-Key": "ключ".encode()}):
        assert client.post("/v1/admin/reload", headers=headers).status_code == 403
        assert client.get("/v1/audit", headers=headers).status_code == 403
    assert client.get("/v1/audit", headers=ADMIN).status_code == 200


def test_reload_serves_the_new_model(admin_app):
    client, model_dir = admin_app
    before = client.get("/v1/model").json()["model_version"]
    set_model_version(model_dir, "reloaded-model")
    assert client.post("/v1/score", json={"text": SECURITY_TEXT}).json()["model_version"] == before
    response = client.post("/v1/admin/reload", headers=ADMIN)
    assert response.status_code == 200
    assert response.json() == {"model_version": "reloaded-model", "previous_model_version": before}
    assert client.get("/v1/model").json()["model_version"] == "reloaded-model"
    assert client.post("/v1/score", json={"text": SECURITY_TEXT}).json()["model_version"] == "reloaded-model"


def _artifact(model_dir):
    return model_dir / json.loads((model_dir / "manifest.json").read_text())["artifact"]


@pytest.mark.parametrize(
    ("damage", "fragment"),
    [
        (lambda d: (d / "manifest.json").write_text("{not json"), "not valid JSON"),
        (lambda d: _artifact(d).write_bytes(b"tampered"), "refusing to unpickle"),
        (lambda d: _artifact(d).unlink(), "missing"),
    ],
)
def test_a_failed_reload_is_409_and_keeps_the_old_model(admin_app, damage, fragment):
    client, model_dir = admin_app
    before = client.get("/v1/model").json()["model_version"]
    damage(model_dir)
    response = client.post("/v1/admin/reload", headers=ADMIN)
    assert response.status_code == 409
    assert fragment in response.json()["detail"] and f"{before} keeps serving" in response.json()["detail"]
    assert client.post("/v1/score", json={"text": SECURITY_TEXT}).json()["model_version"] == before


def audit_rows(client, **params) -> dict:
    response = client.get("/v1/audit", params=params, headers=ADMIN)
    assert response.status_code == 200, response.text
    return response.json()


def test_every_score_is_audited_once(admin_app):
    client, _ = admin_app
    single = client.post("/v1/score", json={"text": SECURITY_TEXT})
    batch = client.post("/v1/score/batch", json={"items": [{"id": "a", "text": COMMODITY_TEXT}, {"id": "b", "text": SECURITY_TEXT}]})
    table = upload(client, b"id,text\nrow-1,We sold tokens for ETH.\n")
    rows = audit_rows(client)["rows"]
    assert [(r["request_id"], r["item_id"]) for r in rows] == [
        (single.headers["x-request-id"], None),
        (batch.headers["x-request-id"], "a"), (batch.headers["x-request-id"], "b"),
        (table.headers["x-request-id"], "row-1"),
    ]
    first = rows[0]
    assert first["text_sha256"] == hashlib.sha256(SECURITY_TEXT.encode()).hexdigest()
    assert first["text"] is None
    assert first["risk_score"] == single.json()["risk_score"]
    assert first["model_version"] == single.json()["model_version"]
    assert first["verdicts"] == {f["prong"]: f["verdict"] for f in single.json()["factors"]}
    assert datetime.fromisoformat(first["scored_at"]).tzinfo is not None
    assert rows[1]["scored_at"] == rows[2]["scored_at"]  # one transaction per batch


def test_refused_requests_are_not_audited(admin_app):
    client, _ = admin_app
    client.post("/v1/score", json={"text": " "})
    client.post("/v1/score/batch", json={"items": [{"id": "a", "text": "ok"}, {"id": "b", "text": ""}]})
    upload(client, b"text,id\nok,1\n ,2\n")
    upload(client, b"id,text\n1,ok\n2,\n")
    assert audit_rows(client)["rows"] == []


def test_the_text_is_kept_only_when_configured(tmp_path):
    settings = Settings(model_dir=SHIPPED_MODEL, db=tmp_path / "audit.db", api_key=ADMIN_KEY, audit_store_text=True)
    with TestClient(create_app(settings)) as test_client:
        test_client.post("/v1/score", json={"text": SECURITY_TEXT})
        assert audit_rows(test_client)["rows"][0]["text"] == SECURITY_TEXT


def test_audit_pages_with_a_cursor_and_since(admin_app):
    client, _ = admin_app
    client.post("/v1/score/batch", json={"items": [{"id": str(i), "text": f"We sold {i} tokens."} for i in range(7)]})
    seen, cursor = [], 0
    while True:
        page = audit_rows(client, cursor=cursor, limit=3)
        seen += [row["item_id"] for row in page["rows"]]
        cursor = page["next_cursor"]
        if not page["has_more"]:
            break
    assert seen == [str(i) for i in range(7)]
    assert audit_rows(client, cursor=cursor)["rows"] == []
    assert len(audit_rows(client, since="2000-01-01T00:00:00Z")["rows"]) == 7
    assert len(audit_rows(client, since="2000-01-01")["rows"]) == 7
    assert audit_rows(client, since="2999-01-01T00:00:00+02:00")["rows"] == []
    later = client.post("/v1/score", json={"text": SECURITY_TEXT})
    newest = audit_rows(client, cursor=cursor)["rows"]
    assert [row["request_id"] for row in newest] == [later.headers["x-request-id"]]
    assert len(audit_rows(client, since=newest[0]["scored_at"])["rows"]) == 1


@pytest.mark.parametrize(
    ("params", "fragment"),
    [
        ({"since": "yesterday"}, "ISO-8601"),
        ({"since": "1700000000"}, "ISO-8601"),
        ({"since": "2026-13-01T00:00:00Z"}, "since"),
        ({"since": "9999-12-31T23:00:00-05:00"}, "representable range"),
        ({"limit": 0}, "greater than or equal to 1"),
        ({"limit": 1001}, "less than or equal to 1000"),
        ({"limit": "ten"}, "valid integer"),
        ({"cursor": -1}, "greater than or equal to 0"),
        ({"cursor": 2**63}, "less than or equal to"),
    ],
)
def test_bad_audit_queries_are_a_clear_422(admin_app, params, fragment):
    client, _ = admin_app
    response = client.get("/v1/audit", params=params, headers=ADMIN)
    assert response.status_code == 422
    assert fragment in response.text


def test_no_score_is_served_when_the_audit_log_cannot_be_written(tmp_path):
    with TestClient(create_app(Settings(model_dir=SHIPPED_MODEL, db=tmp_path / "audit.db"))) as test_client:
        test_client.app.state.audit.close()
        response = test_client.post("/v1/score", json={"text": SECURITY_TEXT})
        assert response.status_code == 503
        assert "audit log cannot be written" in response.json()["detail"]
        assert test_client.get("/healthz").status_code == 200


def test_docs_need_no_network(client):
    """/docs and /redoc load their scripts and styles from this service, never from a CDN."""
    for page in ("/docs", "/redoc"):
        html = client.get(page).text
        assets = re.findall(r"""(?:src|href)=["']?([^"' >]+\.(?:js|css|png))""", html)
        assert assets, page
        for asset in assets:
            assert asset.startswith("/"), f"{page} loads {asset} from another host"
            assert client.get(asset).status_code == 200, asset


def test_docs_show_an_example_for_every_operation(client):
    assert client.get("/docs").status_code == 200
    spec = client.get("/openapi.json").json()
    for path, operations in spec["paths"].items():
        for method, operation in operations.items():
            assert "200" in operation["responses"], (method, path)
            assert _has_example(operation, spec), (method, path)


def _has_example(operation: dict, spec: dict) -> bool:
    def resolve(schema: dict) -> dict:
        ref = schema.get("$ref", "")
        return spec["components"]["schemas"][ref.rsplit("/", 1)[-1]] if ref else schema

    contents = [*operation["responses"]["200"].get("content", {}).values()]
    contents += operation.get("requestBody", {}).get("content", {}).values()
    return any("example" in c or "examples" in c or "examples" in resolve(c.get("schema", {})) for c in contents)
