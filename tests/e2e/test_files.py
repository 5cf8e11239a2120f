"""Whitepaper files through a real uvicorn process over real HTTP: one test per input type, the
limits, and the audit trail of a file's score."""

import httpx
import pytest

from tests.helpers.api import FILE_ANSWER_KEYS, assert_contract
from tests.helpers.pdfs import WHITEPAPER_PAGES, image_only_pdf, text_pdf
from tests.helpers.server import LIVE_SERVER_KEY
from tests.helpers.texts import SECURITY_TEXT

pytestmark = pytest.mark.e2e

MARKDOWN = "# Acme\n\n## Token sale\n\n- " + SECURITY_TEXT + "\n"
HTML = "<!doctype html><html><body><h1>Acme</h1><p>" + SECURITY_TEXT + "</p></body></html>"


@pytest.mark.parametrize(("filename", "data", "media_type", "pages"), [
    ("acme.pdf", text_pdf(WHITEPAPER_PAGES), "application/pdf", 3),
    ("acme.md", MARKDOWN.encode(), "text/markdown", None),
    ("acme.html", HTML.encode(), "text/html", None),
    ("acme.txt", SECURITY_TEXT.encode(), "text/plain", None),
])
def test_each_kind_of_file_is_scored_over_http(live_server, filename, data, media_type, pages):
    response = httpx.post(live_server.url + "/v1/score/file", files={"file": (filename, data, media_type)},
                          data={"symbol": "ACME"}, timeout=60)
    assert response.status_code == 200, response.text
    body = response.json()
    assert_contract(body, body["text"], FILE_ANSWER_KEYS)
    assert (body["document"]["media_type"], body["document"]["pages"]) == (media_type, pages)
    assert body["risk_level"] == "high" and body["request_id"] == response.headers["x-request-id"]
    audit = httpx.get(live_server.url + "/v1/audit", params={"limit": 1000}, headers={"X-API-Key": LIVE_SERVER_KEY},
                      timeout=30).json()
    assert body["request_id"] in {row["request_id"] for row in audit["rows"]}, "a file's score is in the audit log"


def test_refusals_over_http(live_server):
    scanned = httpx.post(live_server.url + "/v1/score/file", files={"file": ("scan.pdf", image_only_pdf())}, timeout=30)
    assert scanned.status_code == 422 and scanned.json()["detail"][0]["type"] == "file_image_only"
    huge = httpx.post(live_server.url + "/v1/score/file", files={"file": ("huge.txt", b"a" * (21 * 1024 * 1024))}, timeout=60)
    assert huge.status_code == 413 and "20 MiB" in huge.json()["detail"]
    assert httpx.get(live_server.url + "/healthz").json() == {"status": "ok"}, "the service is unharmed"
