"""The analyst page in a real browser: Debian's headless Chromium, driven by Playwright, against a
real uvicorn server (the live_server fixture of tests/conftest.py)."""

import csv
import io
import json
import os
import re
from pathlib import Path

import httpx
import pytest
from playwright.sync_api import Page, expect, sync_playwright
from pypdf import PdfReader

from app.core.data.table import COLUMNS
from app.core.prongs import DISCLAIMER, PRONGS
from tests.helpers.paths import ROOT
from tests.helpers.pdfs import WHITEPAPER_PAGES, text_pdf
from tests.helpers.server import LIVE_SERVER_KEY
from tests.helpers.texts import COMMODITY_TEXT, SECURITY_TEXT

pytestmark = pytest.mark.e2e

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"]
STATIC = ROOT / "app" / "static"
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}
PRONG_NAMES = [prong.value for prong in PRONGS]


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.exists():
        message = (f"{CHROMIUM} is missing, so the browser tests of the analyst page cannot run: "
                   "install Debian's chromium package (apt-get install chromium)")
        if os.environ.get("CI", "").lower() in {"true", "1"}:
            pytest.fail(message)
        pytest.skip(message)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def open_page(browser, live_server, viewport=DESKTOP):
    context = browser.new_context(viewport=viewport, accept_downloads=True)
    page = context.new_page()
    page.uncaught_errors = []
    page.on("pageerror", lambda error: page.uncaught_errors.append(error))
    page.goto(live_server.url + "/")
    return page


@pytest.fixture()
def page(browser, live_server):
    page = open_page(browser, live_server)
    yield page
    page.context.close()
    assert page.uncaught_errors == []


def score_example(page: Page, example: str) -> dict:
    """Loads an example, scores it, and returns what the page sent."""
    page.click(f"[data-example={example}]")
    sent = {"text": page.input_value("#text"), "symbol": page.input_value("#symbol"), "name": page.input_value("#name")}
    click_score(page)
    return sent


def click_score(page: Page) -> None:
    page.click("#score-button")
    expect(page.locator("#score-status")).to_have_text(re.compile(r"^Scored: "))
    expect(page.locator("#result")).to_be_visible()


def highlighted_text_by_evidence(page: Page) -> dict[str, str]:
    """Each evidence key with the text of every highlight piece that carries it, in document order."""
    return page.evaluate("""() => {
        const texts = {};
        for (const mark of document.querySelectorAll("#document mark[data-evidence]")) {
            for (const key of mark.dataset.evidence.split(" ")) texts[key] = (texts[key] ?? "") + mark.textContent;
        }
        return texts;
    }""")


def assert_highlights_quote_the_evidence(page: Page, answer: dict, text: str) -> None:
    expected = {f"{f}-{e}": item["quote"] for f, factor in enumerate(answer["factors"])
                for e, item in enumerate(factor["evidence"])}
    assert expected, "the example should have evidence to highlight"
    assert highlighted_text_by_evidence(page) == expected
    for key, quote in expected.items():
        assert page.text_content(f"#evidence-{key} q") == quote
    assert page.text_content("#document") == text


def test_score_an_example_shows_every_element(page, live_server, output_dir):
    sent = score_example(page, "security")
    answer = httpx.post(live_server.url + "/v1/score", json=sent, timeout=30).json()
    assert answer["risk_level"] == "high"

    risk = answer["risk_score"]
    shown = "<1%" if 0 < risk < 0.005 else ">99%" if 0.995 <= risk < 1 else f"{round(risk * 100)}%"
    assert page.text_content("#risk-percent") == shown
    assert page.text_content("#risk-level") == "High risk"
    assert page.get_attribute("#gauge", "aria-label") == f"Risk score {shown}, high risk"
    assert page.text_content("#result-token") == f" for {sent['symbol']} · {sent['name']}"

    cards = page.locator(".prong-card")
    assert cards.evaluate_all("cards => cards.map(card => card.dataset.prong)") == PRONG_NAMES
    verdicts = {"met": "Met", "not_met": "Not met", "unclear": "Unclear"}
    for card, factor in zip(cards.all(), answer["factors"], strict=True):
        assert card.locator(".verdict").text_content() == verdicts[factor["verdict"]]
        assert card.locator(".score-value").text_content() == f"{factor['score']:.2f}"
        assert card.locator(".summary").text_content() == factor["summary"]
        assert card.locator(".evidence-item").count() == len(factor["evidence"])
        for item in factor["evidence"]:
            # A rule can fire in several sentences; each of its items carries the same reasons.
            shown = card.locator(".evidence-item", has=page.locator("code", has_text=item["rule_id"]))
            assert shown.count() == sum(e["rule_id"] == item["rule_id"] for e in factor["evidence"])
            expect(shown.first.locator(".rationale")).to_have_text(item["rationale"])
            expect(shown.first.locator(".authority")).to_have_text(item["authority"])
    assert_highlights_quote_the_evidence(page, answer, sent["text"])

    assert page.locator("#terms .term-word").all_text_contents() == [t["term"] for t in answer["classifier"]["top_terms"]]
    assert page.locator("#similar .cases").all_text_contents() == [t["cases"] for t in answer["similar_tokens"]]
    # The label belongs to a unit of sale, and the page says which one.
    assert page.locator("#similar .unit").all_text_contents() == [
        f"{t['unit']} ({t['channel'].replace('_', ' ')})" for t in answer["similar_tokens"]]
    assert page.locator("#similar strong").all_text_contents() == [t["symbol"] for t in answer["similar_tokens"]]
    # Each similar token says what its label rests on (a finding, a settlement, an allegation, a
    # dropped case...), when the first action came, and links its source.
    standings = page.locator("#similar .standing").all_text_contents()
    assert len(standings) == len(answer["similar_tokens"]) > 0
    for shown, token in zip(standings, answer["similar_tokens"], strict=True):
        assert shown.startswith("Rests on ") and f"first action {token['first_action_date']};" in shown
        assert f"; label as of {token['as_of']}." in shown
        assert token["label_basis"] not in shown or token["label_basis"] == "other"  # in words, not a code
    assert page.locator("#similar .standing a").evaluate_all("links => links.map(a => a.href)") == [
        t["source_url"] for t in answer["similar_tokens"]]
    assert page.text_content("#model-version") == answer["model_version"]
    expect(page.locator("#disclaimer")).to_be_visible()
    assert page.text_content("#disclaimer") == answer["disclaimer"]
    expect(page.locator("#served-model")).to_contain_text(answer["model_version"])
    page.mouse.move(0, 0)
    page.screenshot(path=output_dir / "page-scored-desktop.png", full_page=True)


@pytest.mark.parametrize(("example", "level"), [("security", "high"), ("borderline", "medium"), ("non_security", "low")])
def test_each_example_reads_as_its_name_says(page, example, level):
    score_example(page, example)
    expect(page.locator("#risk-level")).to_have_text(f"{level.capitalize()} risk")


def test_highlights_and_cards_lead_to_each_other(page):
    score_example(page, "security")
    mark = page.locator("#document mark[data-evidence]").first
    key = mark.get_attribute("data-evidence").split(" ")[0]
    card_item = page.locator(f"#evidence-{key}")

    mark.hover()
    expect(card_item).to_have_class(re.compile(r"\blinked\b"))
    page.mouse.move(0, 0)
    expect(card_item).not_to_have_class(re.compile(r"\blinked\b"))

    mark.click()
    expect(card_item.locator("button.quote")).to_be_focused()

    page.mouse.move(0, 0)
    other = page.locator("#document mark[data-evidence]").last
    other_key = other.get_attribute("data-evidence").split(" ")[0]
    other_quote = page.locator(f"#evidence-{other_key} button.quote")
    other_quote.focus()
    expect(other).to_have_class(re.compile(r"\blinked\b"))
    other_quote.press("Enter")
    expect(other).to_be_focused()
    other.press("Enter")  # and back from the document, by keyboard
    expect(other_quote).to_be_focused()


def test_offsets_count_characters_as_the_api_does(page, live_server):
    """The API's offsets count code points; JavaScript strings count UTF-16 units. An emoji before the
    evidence would shift every highlight if the page mixed them up."""
    text = "🚀🌕 " + SECURITY_TEXT + "\n\n𝔘𝔫𝔦𝔠𝔬𝔡𝔢 — " + COMMODITY_TEXT
    page.fill("#text", text)
    click_score(page)
    answer = httpx.post(live_server.url + "/v1/score", json={"text": text}, timeout=30).json()
    assert_highlights_quote_the_evidence(page, answer, text)


def test_overlapping_spans_render_every_span_exactly(page, live_server):
    """Spans that overlap partly, nest and coincide: a made-up answer, since the shipped rules mostly quote
    whole sentences."""
    text = "Tokens were sold for ETH; the team builds the network and pays a 10% yield. Nothing else."
    spans = [("investment_of_money", "supports", 0, 24), ("expectation_of_profits", "supports", 15, 75),
             ("efforts_of_others", "supports", 26, 53), ("efforts_of_others", "weighs_against", 26, 53)]
    answer = made_up_answer(httpx.post(live_server.url + "/v1/score", json={"text": text}, timeout=30).json(), text, spans)
    page.route("**/v1/score", lambda route: route.fulfill(json=answer))
    page.fill("#text", text)
    click_score(page)
    assert_highlights_quote_the_evidence(page, answer, text)
    triple = page.locator("#document mark", has_text="team builds the network")
    assert triple.get_attribute("data-evidence").split() == ["2-0", "3-0", "3-1"]
    assert triple.evaluate("mark => getComputedStyle(mark).backgroundImage.split('gradient(').length - 1") == 3


def made_up_answer(answer: dict, text: str, spans: list[tuple[str, str, int, int]]) -> dict:
    for factor in answer["factors"]:
        factor["evidence"] = [
            {"rule_id": f"{prong}.made_up", "quote": text[start:end], "start": start, "end": end,
             "direction": direction, "weight": 0.5, "rationale": "A made-up rule.", "authority": "None."}
            for prong, direction, start, end in spans if prong == factor["prong"]
        ]
    return answer


def test_api_errors_are_shown_in_words(page):
    page.fill("#text", "   ")
    page.click("#score-button")
    expect(page.locator("#score-error")).to_have_text("Paste a text to score, or choose a whitepaper file.")
    expect(page.locator("#result")).to_be_hidden()
    page.fill("#text", "x" * 100_001)
    page.click("#score-button")
    expect(page.locator("#score-error")).to_contain_text("(422): text: String should have at most 100000 characters")

    page.route("**/v1/score", lambda route: route.fulfill(status=503, json={
        "detail": "scoring is unavailable because the audit log cannot be written: disk I/O error"}))
    page.fill("#text", SECURITY_TEXT)
    page.click("#score-button")
    expect(page.locator("#score-error")).to_contain_text("(503): scoring is unavailable because the audit log")

    page.unroute("**/v1/score")
    page.route("**/v1/score", lambda route: route.abort("connectionrefused"))
    page.click("#score-button")
    expect(page.locator("#score-error")).to_contain_text("Could not reach the scoring service")
    expect(page.locator("#score-button")).to_be_enabled()


def test_upload_a_pdf_see_its_pages_and_file_the_report(page, live_server, output_dir, tmp_path):
    """An analyst picks a whitepaper PDF, reads the evidence with its page numbers, highlighted in the
    text extracted from it, then downloads the report, which prints on A4."""
    pdf = tmp_path / "acme.pdf"
    pdf.write_bytes(text_pdf(WHITEPAPER_PAGES))
    page.set_input_files("#doc-file", str(pdf))
    expect(page.locator("#clear-file")).to_be_visible()
    expect(page.locator("#text")).to_be_disabled()
    page.fill("#symbol", "ACME")
    click_score(page)
    answer = httpx.post(live_server.url + "/v1/score/file", files={"file": ("acme.pdf", pdf.read_bytes())}, timeout=30).json()
    assert_highlights_quote_the_evidence(page, answer, answer["text"])
    shown_pages = page.locator("#prongs .rule .page").all_text_contents()
    assert shown_pages == [f"p. {e['page']}" for f in answer["factors"] for e in f["evidence"]]
    assert set(shown_pages) == {"p. 2", "p. 3"}
    expect(page.locator(".model-version")).to_contain_text("file acme.pdf (3 pages,")
    expect(page.locator("#request-id")).to_have_text(re.compile(r"^[0-9a-f]{32}$"))
    page.screenshot(path=str(output_dir / "page-pdf-upload.png"), full_page=True)

    with page.expect_download() as download:
        page.click("#download-report")
    assert download.value.suggested_filename == "howey-report-ACME.html"
    report = Path(download.value.path()).read_text(encoding="utf-8")
    assert "Howey risk report: ACME" in report and "p. 2" in report and answer["disclaimer"] in report
    printed = page.context.new_page()
    printed.set_content(report)
    printed.emulate_media(media="print")
    pdf_bytes = printed.pdf(format="A4")
    printed.close()
    (output_dir / "report-a4.pdf").write_bytes(pdf_bytes)
    report_pages = PdfReader(io.BytesIO(pdf_bytes)).pages
    assert 1 <= len(report_pages) <= 6
    assert "Howey risk report: ACME" in report_pages[0].extract_text()

    page.click("#clear-file")
    expect(page.locator("#text")).to_be_enabled()
    expect(page.locator("#clear-file")).to_be_hidden()


def test_record_an_override_and_see_it_in_the_history(page, live_server):
    """An analyst overrides one prong and the decision, signs, and the review appears in the score's
    history; the name is remembered, the key stays in this tab."""
    score_example(page, "security")
    expect(page.locator("#review-history")).to_have_text("Enter the API key to see and record reviews.")
    page.click("#review-button")
    expect(page.locator("#review-error")).to_have_text("Sign the review: enter your name as reviewer.")
    page.fill("#reviewer", "Ann Analyst")
    page.fill("#review-key", LIVE_SERVER_KEY)
    expect(page.locator("#review-efforts_of_others option")).to_have_count(3)
    page.select_option("#review-efforts_of_others", "not_met")
    page.select_option("#review-decision", "undecided")
    page.fill("#review-note", "The foundation hands control to holders at launch.")
    page.click("#review-button")
    entry = page.locator("#review-history .review-entry")
    expect(entry).to_have_count(1)
    expect(entry).to_contain_text("Ann Analyst: Undecided; overrides Efforts of others: Not met")
    expect(entry).to_contain_text("The foundation hands control to holders at launch.")
    request_id = page.text_content("#request-id")
    stored = httpx.get(live_server.url + "/v1/reviews", params={"request_id": request_id},
                       headers={"X-API-Key": LIVE_SERVER_KEY}).json()["reviews"]
    assert [(r["reviewer"], r["decision"], r["prongs"]["efforts_of_others"]) for r in stored] == [
        ("Ann Analyst", "undecided", "not_met")]
    assert stored[0]["prongs"]["investment_of_money"] == "met", "agreeing records the machine's verdict"
    assert page.evaluate("localStorage.getItem('howey.reviewer')") == "Ann Analyst"
    assert page.evaluate("localStorage.getItem('howey.apiKey')") is None


def batch_csv(rows: int) -> str:
    texts = [SECURITY_TEXT, COMMODITY_TEXT, "A meme coin for fun, with no roadmap and no utility."]
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["id", "symbol", "name", "text"])
    for i in range(rows):
        # one name a spreadsheet would run as a formula: the download must defuse it as the API does
        writer.writerow([f"row-{i + 1}", f"T{i + 1}", "=HYPERLINK(1)" if i == 3 else f"Token {i + 1}", texts[i % 3]])
    return out.getvalue()


def _percent(shown: str) -> float:
    """A risk as the page shows it ("37%", and "<1%" / ">99%" at the ends) as a number to sort by."""
    return {"<1%": 0.5, ">99%": 99.5}.get(shown) or float(shown.rstrip("%"))


def test_batch_upload_progress_sort_and_download(page, live_server, output_dir, tmp_path):
    content = batch_csv(60)
    upload = tmp_path / "listings.csv"
    upload.write_text(content)
    page.click("#tab-batch")
    page.evaluate("""() => {
        window.progressSeen = [];
        const label = document.getElementById("batch-progress-label");
        new MutationObserver(() => window.progressSeen.push(label.textContent)).observe(label, {childList: true});
    }""")
    page.set_input_files("#csv-file", str(upload))
    expect(page.locator("#batch-progress-label")).to_have_text("Scored all 60 rows.")
    assert page.evaluate("window.progressSeen") == [
        "Scoring… 0 of 60 rows done.", "Scoring… 25 of 60 rows done.", "Scoring… 50 of 60 rows done.",
        "Scored all 60 rows."]
    rows = page.locator("#batch-rows tr")
    expect(rows).to_have_count(60)
    expect(page.locator("#batch-summary")).to_have_text("60 rows: 20 high, 0 medium and 40 low risk.")

    risk_heading = page.locator("#batch-columns th", has_text="Risk")
    risk_heading.locator("button").click()
    expect(risk_heading).to_have_attribute("aria-sort", "descending")
    risks = [_percent(v) for v in page.locator("#batch-rows td:nth-child(4)").all_text_contents()]
    assert risks == sorted(risks, reverse=True) and risks[0] > risks[-1]
    risk_heading.locator("button").click()
    expect(risk_heading).to_have_attribute("aria-sort", "ascending")
    risks = [_percent(v) for v in page.locator("#batch-rows td:nth-child(4)").all_text_contents()]
    assert risks == sorted(risks)
    page.locator("#batch-columns th", has_text="ID").locator("button").click()
    assert page.locator("#batch-rows td:nth-child(1)").all_text_contents()[:3] == ["row-1", "row-2", "row-3"]
    page.screenshot(path=output_dir / "page-batch-desktop.png", full_page=True)

    with page.expect_download() as download:
        page.click("#batch-download")
    assert download.value.suggested_filename == "listings-scores.csv"
    downloaded = list(csv.DictReader(io.StringIO(Path(download.value.path()).read_text())))
    served = httpx.post(live_server.url + "/v1/score/csv", files={"file": ("listings.csv", content, "text/csv")},
                        timeout=60)
    expected = list(csv.DictReader(io.StringIO(served.text)))
    assert list(downloaded[0]) == list(expected[0]) == list(COLUMNS)  # the one table format
    assert len(downloaded) == len(expected) == 60
    for mine, theirs in zip(downloaded, expected, strict=True):
        for column, value in theirs.items():
            if column == "scored_at":  # two scorings, possibly in different seconds
                assert mine[column].endswith("Z")
            elif column.endswith("_score"):
                assert float(mine[column]) == pytest.approx(float(value))
            else:
                assert mine[column] == value
    assert downloaded[3]["name"] == "'=HYPERLINK(1)"


def test_batch_problems_are_shown_in_words(page, tmp_path):
    page.click("#tab-batch")
    error = page.locator("#batch-error")
    cases = [
        ("notes.csv", "body,symbol\nhello,X\n", "notes.csv cannot be scored: it has no 'text' column (columns found: 'body', 'symbol')"),
        ("gaps.csv", f'id,text\n1,"{SECURITY_TEXT}"\n2,\n3, \n', "line 3 has no text; line 4 has no text"),
        ("commas.csv", "id,text\n1,sold, for ETH\n", "line 2 has 3 fields but the header has 2"),
        ("latin1.csv", "text\ncaf\xe9\n".encode("latin-1"), "not UTF-8"),
        # refused by the API itself, and told by the row of the file
        ("long-id.csv", f'id,text\n1,"{SECURITY_TEXT}"\n{"x" * 300},"{SECURITY_TEXT}"\n', "(422): row 2 id: the id has 300 characters, more than 256"),
        # one CSV rule for the page and the server: text after a closing quote refuses the file
        ("stray.csv", 'id,text\n1,"token sale"for ETH\n', "line 2: a quoted field has text after its closing quote"),
    ]
    for name, content, words in cases:
        path = tmp_path / name
        path.write_bytes(content if isinstance(content, bytes) else content.encode())
        page.set_input_files("#csv-file", str(path))
        expect(error).to_contain_text(words)
        expect(page.locator("#batch-result")).to_be_hidden()


def test_tabs_work_from_the_keyboard(page):
    page.focus("#tab-score")
    page.keyboard.press("ArrowRight")
    expect(page.locator("#tab-batch")).to_be_focused()
    expect(page.locator("#tab-batch")).to_have_attribute("aria-selected", "true")
    expect(page.locator("#panel-batch")).to_be_visible()
    expect(page.locator("#panel-score")).to_be_hidden()
    page.keyboard.press("Home")
    expect(page.locator("#panel-score")).to_be_visible()
    page.keyboard.press("Tab")
    expect(page.locator("#panel-score [data-example=security]")).to_be_focused()


def test_every_control_is_labelled(page):
    unlabelled = page.evaluate("""() => [...document.querySelectorAll("input, textarea, select")]
        .filter(control => control.labels.length === 0).map(control => control.id)""")
    assert unlabelled == []


def test_readable_on_a_phone(browser, live_server, output_dir):
    page = open_page(browser, live_server, viewport=PHONE)
    score_example(page, "borderline")
    page.mouse.move(0, 0)
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    page.screenshot(path=output_dir / "page-scored-phone.png", full_page=True)
    page.context.close()
    assert page.uncaught_errors == []


def test_page_is_served_from_the_package_without_outside_resources(live_server):
    response = httpx.get(live_server.url + "/")
    assert response.status_code == 200 and "text/html" in response.headers["content-type"]
    assert "default-src 'self'" in response.headers["content-security-policy"]
    assert httpx.get(live_server.url + "/static/app.js").headers["content-type"].startswith("text/javascript")
    for asset in STATIC.iterdir():
        assert not re.search(r"(?:src|href)=\"https?:|import .* from \"https?:|url\(https?:", asset.read_text())
    assert DISCLAIMER in (STATIC / "index.html").read_text(), "the disclaimer shown before any score is the service's"
    assert json.loads(httpx.get(live_server.url + "/openapi.json").text)["paths"].get("/") is None


def test_the_api_docs_render_on_a_machine_without_network(browser, live_server):
    """Swagger UI comes from this service (this sandbox reaches no CDN): every operation shows."""
    spec = httpx.get(live_server.url + "/openapi.json").json()
    operations = sum(len(methods) for methods in spec["paths"].values())
    context = browser.new_context(viewport=DESKTOP)
    docs = context.new_page()
    docs.goto(live_server.url + "/docs")
    expect(docs.locator(".opblock")).to_have_count(operations)
    context.close()
