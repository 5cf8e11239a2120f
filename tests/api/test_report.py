"""POST /v1/report and app.core.report: a score as a document to file, rendered from the answer the
client holds: the risk, the four prongs with their quotes and pages, reasons and authorities, the
similar units and their legal weight, the provenance, the disclaimer; nothing in it can run."""

import pytest

from tests.helpers.pdfs import WHITEPAPER_PAGES, text_pdf

PRONG_TITLES = ("Investment of money", "Common enterprise", "Expectation of profits", "From the efforts of others")


@pytest.fixture(scope="module")
def pdf_answer(client):
    return client.post("/v1/score/file", files={"file": ("acme.pdf", text_pdf(WHITEPAPER_PAGES), "application/pdf")}).json()


@pytest.mark.parametrize("fmt", ["html", "md"])
def test_the_report_says_everything_the_answer_says(client, pdf_answer, fmt):
    response = client.post(f"/v1/report?format={fmt}", json={"answer": pdf_answer, "symbol": "ACME", "name": "Acme Token"})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html" if fmt == "html" else "text/markdown")
    report = response.text.replace("&#x27;", "'").replace("&amp;", "&")
    assert "Howey risk report: ACME · Acme Token" in report and "High risk" in report
    for title in PRONG_TITLES:
        assert title in report
    for factor in pdf_answer["factors"]:
        for e in factor["evidence"][:5]:
            assert " ".join(e["quote"].split()) in report and e["authority"] in report and e["rationale"] in report
            assert f"p. {e['page']}" in report
    for token in pdf_answer["similar_tokens"]:
        assert token["unit"] in report and token["cases"] in report
    for value in (pdf_answer["request_id"], pdf_answer["scored_at"], pdf_answer["as_of"], pdf_answer["model_version"],
                  pdf_answer["rulebook_version"], "acme.pdf (application/pdf, 3 pages"):
        assert value in report
    assert pdf_answer["disclaimer"] in report


def test_nothing_in_a_report_can_run(client, pdf_answer):
    hostile = {**pdf_answer, "factors": [dict(f) for f in pdf_answer["factors"]]}
    hostile["factors"][0]["summary"] = "<script>alert(1)</script><img src=x onerror=alert(2)>"
    hostile["similar_tokens"] = [{**pdf_answer["similar_tokens"][0], "source_url": "javascript:alert(3)"}]
    response = client.post("/v1/report", json={"answer": hostile, "name": "<b>x</b>"})
    assert response.status_code == 200
    assert "<script" not in response.text and "<img" not in response.text and 'href="javascript' not in response.text
    assert "&lt;script&gt;" in response.text and "&lt;b&gt;x&lt;/b&gt;" in response.text
    assert "script-src" not in response.headers["content-security-policy"]
    assert response.headers["content-security-policy"].startswith("default-src 'none'")


def test_a_report_renders_only_an_answer(client, pdf_answer):
    broken = {**pdf_answer, "risk_score": "very high"}
    response = client.post("/v1/report", json={"answer": broken})
    assert response.status_code == 422
    assert any(problem["loc"][:2] == ["body", "answer"] and "risk_score" in problem["loc"]
               for problem in response.json()["detail"])
    assert client.post("/v1/report?format=pdf", json={"answer": pdf_answer}).status_code == 422
    assert client.post("/v1/report", json={"answer": {}}).status_code == 422


def test_a_text_answer_has_no_pages_and_the_risk_reads_as_on_the_page(client):
    from tests.helpers.texts import SECURITY_TEXT

    answer = client.post("/v1/score", json={"text": SECURITY_TEXT}).json()
    report = client.post("/v1/report?format=md", json={"answer": answer}).text
    assert "p. " not in report and "Howey risk report: the document" in report
    for extreme, shown in ((0.999, ">99%"), (0.001, "<1%"), (0.5, "50%")):
        assert f"risk score {shown}" in client.post("/v1/report?format=md", json={"answer": {**answer, "risk_score": extreme}}).text
