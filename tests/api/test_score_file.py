"""POST /v1/score/file: a whitepaper as a PDF, Markdown, HTML or text file; page numbers in the
evidence; the extracted text the offsets refer to; files that cannot be read refused with a reason."""

import pytest
from fastapi.testclient import TestClient

from app.core.results import FILE_ANSWER
from app.main import create_app
from app.settings import Settings
from tests.helpers.api import FILE_ANSWER_KEYS, assert_contract
from tests.helpers.paths import SHIPPED_MODEL
from tests.helpers.pdfs import WHITEPAPER_PAGES, corrupt_pdf, encrypted_pdf, image_only_pdf, text_pdf
from tests.helpers.texts import SECURITY_TEXT


def post_file(client, filename: str, data: bytes, media_type: str = "application/octet-stream", **fields):
    return client.post("/v1/score/file", files={"file": (filename, data, media_type)}, data=fields)


def test_a_pdf_is_scored_with_the_page_of_every_quote(client):
    response = post_file(client, "acme.pdf", text_pdf(WHITEPAPER_PAGES), "application/pdf", symbol="ACME", name="Acme")
    assert response.status_code == 200, response.text
    body = response.json()
    FILE_ANSWER.validate_python(body)
    assert_contract(body, body["text"], FILE_ANSWER_KEYS)
    assert body["document"] == {"filename": "acme.pdf", "media_type": "application/pdf", "pages": 3,
                                "characters": len(body["text"])}
    assert body["request_id"] == response.headers["x-request-id"]
    assert body["risk_level"] == "high"
    pages = {e["page"] for f in body["factors"] for e in f["evidence"]}
    assert pages <= {2, 3} and pages == {2, 3}, "the facts sit on pages 2 and 3"
    for factor in body["factors"]:
        for e in factor["evidence"]:
            page_text = body["text"].split("\n\n")[e["page"] - 1]
            assert e["quote"] in page_text


@pytest.mark.parametrize(("name", "content", "media_type"), [
    ("acme.md", "# Acme\n\n" + SECURITY_TEXT, "text/markdown"),
    ("acme.html", "<!doctype html><html><body><h1>Acme</h1><p>" + SECURITY_TEXT + "</p></body></html>", "text/html"),
    ("acme.txt", SECURITY_TEXT, "text/plain"),
])
def test_text_files_score_like_the_same_text_posted_as_json(client, name, content, media_type):
    body = post_file(client, name, content.encode(), media_type).json()
    assert_contract(body, content, FILE_ANSWER_KEYS)
    assert body["text"] == content and body["document"]["pages"] is None
    assert body["document"]["media_type"] == media_type
    posted = client.post("/v1/score", json={"text": content}).json()
    assert body["risk_score"] == posted["risk_score"]
    assert all(e["page"] is None for f in body["factors"] for e in f["evidence"])


@pytest.mark.parametrize(("data", "kind", "message"), [
    (encrypted_pdf(WHITEPAPER_PAGES), "file_encrypted", "needs a password"),
    (image_only_pdf(), "file_image_only", "no text layer"),
    (corrupt_pdf(), "file_corrupt", "not a readable PDF"),
    (b"\x89PNG\r\n\x1a\n\x00\x00", "file_not_text", "not a PDF and not UTF-8 text"),
])
def test_unreadable_files_answer_422_saying_which(client, data, kind, message):
    response = post_file(client, "upload.pdf", data)
    assert response.status_code == 422
    [problem] = response.json()["detail"]
    assert problem["type"] == kind and message in problem["msg"] and problem["loc"] == ["body", "file"]


def test_limits_and_dates(tmp_path):
    settings = Settings(model_dir=SHIPPED_MODEL, db=tmp_path / "audit.db", max_file_bytes=50_000, max_file_pages=2)
    with TestClient(create_app(settings)) as client:
        too_big = post_file(client, "big.txt", SECURITY_TEXT.encode() * 1000)
        assert too_big.status_code == 413 and "limit of 50000 bytes" in too_big.json()["detail"]
        too_long = post_file(client, "long.pdf", text_pdf(WHITEPAPER_PAGES))
        assert too_long.status_code == 422 and "has 3 pages; at most 2" in too_long.json()["detail"][0]["msg"]
        json_limit = client.post("/v1/score", content=b"x" * (3 * 1024 * 1024), headers={"content-type": "application/json"})
        assert json_limit.status_code == 413, "the JSON endpoints keep their 2 MiB limit"
        future = post_file(client, "a.txt", SECURITY_TEXT.encode(), as_of="2999-01-01").json()
        assert future["as_of"] == future["scored_at"][:10]
        assert post_file(client, "a.txt", SECURITY_TEXT.encode(), as_of="soon").status_code == 422
        assert post_file(client, "a.txt", SECURITY_TEXT.encode(), as_of="2020-01-01").json()["as_of"] == "2020-01-01"
        assert client.post("/v1/score/file", data={"symbol": "X"}).status_code == 422, "no file"
