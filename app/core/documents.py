"""Whitepapers as files: the text a score reads out of a PDF, Markdown, HTML or plain-text file,
and where each PDF page begins in it, so that evidence can cite the page a memo quotes.

Markdown and HTML are kept as they are: the rule engine's document reader understands their
structure and maps every quote back to the original, so the offsets of an answer refer to the
file's own text. A PDF's pages are extracted one by one (pypdf) and joined with a blank line, a
block boundary for the reader, so no sentence runs across two pages."""

from __future__ import annotations

import bisect
import io
import logging
from dataclasses import dataclass
from pathlib import PurePath

from pypdf import PdfReader
from pypdf.errors import PdfReadError, PyPdfError

from app.core.errors import InputError

PAGE_SEPARATOR = "\n\n"
_MARKDOWN_SUFFIXES = (".md", ".markdown", ".mdown")
_HTML_SUFFIXES = (".html", ".htm", ".xhtml")
# pypdf warns on every malformed object it repairs; a whitepaper's sloppy PDF is not news for the log.
logging.getLogger("pypdf").setLevel(logging.ERROR)


class DocumentRejected(InputError):
    """A file that cannot be scored, and why in words an analyst can act on. ``reason`` is one of
    ``encrypted``, ``corrupt``, ``image_only``, ``too_many_pages``, ``not_text``, ``empty``."""

    def __init__(self, reason: str, message: str):
        super().__init__(message)
        self.reason = reason


@dataclass(frozen=True, slots=True)
class Document:
    filename: str
    media_type: str
    text: str
    # Offset in ``text`` where each PDF page begins; None for a file without pages.
    page_starts: tuple[int, ...] | None = None

    @property
    def pages(self) -> int | None:
        return len(self.page_starts) if self.page_starts is not None else None

    def page_of(self, offset: int) -> int | None:
        """The 1-based page an offset of ``text`` falls on (None for a file without pages)."""
        if self.page_starts is None:
            return None
        return bisect.bisect_right(self.page_starts, offset)

    def describe(self) -> dict:
        return {"filename": self.filename, "media_type": self.media_type, "pages": self.pages,
                "characters": len(self.text)}


def read_document(filename: str, data: bytes, max_pages: int) -> Document:
    """The scoreable text of a file: a PDF by its signature, else UTF-8 text whose kind the name
    says (Markdown, HTML) or the content shows (an HTML document). Raises DocumentRejected."""
    name = PurePath(filename or "document").name
    if data.lstrip()[:5] == b"%PDF-":
        return _read_pdf(name, data, max_pages)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise DocumentRejected("not_text", f"{name} is not a PDF and not UTF-8 text (byte 0x{error.object[error.start]:02x} "
                                           f"at offset {error.start})") from error
    if not text.strip():
        raise DocumentRejected("empty", f"{name} holds no text")
    suffix = PurePath(name).suffix.lower()
    if suffix in _MARKDOWN_SUFFIXES:
        media_type = "text/markdown"
    elif suffix in _HTML_SUFFIXES or text.lstrip()[:15].lower().startswith(("<!doctype html", "<html")):
        media_type = "text/html"
    else:
        media_type = "text/plain"
    return Document(name, media_type, text)


def _read_pdf(name: str, data: bytes, max_pages: int) -> Document:
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise DocumentRejected("encrypted", f"{name} is an encrypted PDF that needs a password: save an unprotected copy")
        pages = reader.pages
        if len(pages) > max_pages:
            raise DocumentRejected("too_many_pages", f"{name} has {len(pages)} pages; at most {max_pages} can be scored")
        texts = [(page.extract_text() or "").strip() for page in pages]
    except DocumentRejected:
        raise
    except (PdfReadError, PyPdfError, ValueError, KeyError, TypeError, AttributeError, IndexError,
            RecursionError, NotImplementedError) as error:  # pypdf's ways of saying a file is broken
        raise DocumentRejected("corrupt", f"{name} is not a readable PDF: {error or type(error).__name__}") from error
    if not any(texts):
        raise DocumentRejected("image_only", f"{name} has no text layer (scanned or image-only pages): "
                                             "run it through OCR first")
    starts, offset = [], 0
    for text in texts:
        starts.append(offset)
        offset += len(text) + len(PAGE_SEPARATOR)
    return Document(name, "application/pdf", PAGE_SEPARATOR.join(texts), tuple(starts))
