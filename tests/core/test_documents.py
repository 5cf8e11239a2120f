"""Reading whitepaper files: PDF pages and where each begins, Markdown and HTML kept as written, and
every file that cannot be scored refused with the reason an analyst can act on."""

import pytest

from app.core.documents import PAGE_SEPARATOR, DocumentRejected, read_document
from tests.helpers.pdfs import WHITEPAPER_PAGES, corrupt_pdf, encrypted_pdf, image_only_pdf, text_pdf


def test_a_pdf_is_read_page_by_page_and_every_offset_knows_its_page():
    document = read_document("acme.pdf", text_pdf(WHITEPAPER_PAGES), max_pages=500)
    assert (document.media_type, document.pages) == ("application/pdf", 3)
    assert document.text.count(PAGE_SEPARATOR) >= 2
    for page, fact in ((1, "logistics data"), (2, "public token sale"), (3, "early buyers")):
        offset = document.text.index(fact)
        assert document.page_of(offset) == page, fact
    assert document.page_of(0) == 1 and document.page_of(len(document.text) - 1) == 3
    assert document.describe() == {"filename": "acme.pdf", "media_type": "application/pdf", "pages": 3,
                                   "characters": len(document.text)}


@pytest.mark.parametrize(("name", "content", "media_type"), [
    ("paper.md", "# Acme\n\nAcme sells tokens.", "text/markdown"),
    ("paper.HTML", "<p>Acme sells tokens.</p>", "text/html"),
    ("paper", "<!DOCTYPE html><html><body><p>Acme sells tokens.</p></body></html>", "text/html"),
    ("paper.txt", "Acme sells tokens.", "text/plain"),
    ("C:\\\\uploads/../paper.txt", "\ufeffAcme sells tokens.", "text/plain"),
])
def test_text_files_are_kept_as_written(name, content, media_type):
    document = read_document(name, content.encode("utf-8"), max_pages=500)
    assert document.media_type == media_type
    assert document.text == content.removeprefix("\ufeff")
    assert document.pages is None and document.page_of(3) is None
    assert "/" not in document.filename


def test_an_encrypted_pdf_opens_only_without_a_password():
    with pytest.raises(DocumentRejected, match="encrypted PDF that needs a password") as refused:
        read_document("locked.pdf", encrypted_pdf(WHITEPAPER_PAGES), max_pages=500)
    assert refused.value.reason == "encrypted"
    readable = read_document("restricted.pdf", encrypted_pdf(WHITEPAPER_PAGES, user_password=""), max_pages=500)
    assert readable.pages == 3 and "public token sale" in readable.text


@pytest.mark.parametrize(("data", "reason", "message"), [
    (image_only_pdf(), "image_only", "no text layer"),
    (corrupt_pdf(), "corrupt", "not a readable PDF"),
    (b"%PDF-1.7\n" + b"\x00" * 50, "corrupt", "not a readable PDF"),
    (b"\xff\xfe\x00\x01binary", "not_text", "not a PDF and not UTF-8 text"),
    (b"  \n\t ", "empty", "holds no text"),
])
def test_files_that_cannot_be_scored_say_why(data, reason, message):
    with pytest.raises(DocumentRejected, match=message) as refused:
        read_document("upload.pdf", data, max_pages=500)
    assert refused.value.reason == reason


def test_the_page_limit_is_a_setting():
    data = text_pdf(["One page of text."] * 4)
    assert read_document("four.pdf", data, max_pages=4).pages == 4
    with pytest.raises(DocumentRejected, match="has 4 pages; at most 3") as refused:
        read_document("four.pdf", data, max_pages=3)
    assert refused.value.reason == "too_many_pages"
