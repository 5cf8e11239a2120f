"""PDFs built in the tests (fpdf2 writes them, pypdf encrypts them): a whitepaper whose facts sit
on chosen pages, an encrypted one, one of scanned pages with no text layer, and a broken one."""

from __future__ import annotations

import io

from fpdf import FPDF
from pypdf import PdfReader, PdfWriter

WHITEPAPER_PAGES = [
    "Acme Network Whitepaper. Version 1.0. This document introduces the Acme network for logistics data.",
    "Token sale. Acme Labs sells ACME tokens in a public token sale for ETH, raising $20 million. "
    "Proceeds will fund development of the Acme network.",
    "Returns. Our team will build the marketplace and list ACME on major exchanges, and early buyers get a 30% bonus.",
]


def text_pdf(pages: list[str]) -> bytes:
    pdf = FPDF()
    pdf.set_font("Helvetica", size=11)
    for text in pages:
        pdf.add_page()
        pdf.multi_cell(0, 6, text)
    return bytes(pdf.output())


def encrypted_pdf(pages: list[str], user_password: str = "s3cret") -> bytes:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(text_pdf(pages))))
    writer.encrypt(user_password=user_password, owner_password="owner", algorithm="AES-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def image_only_pdf(n_pages: int = 2) -> bytes:
    """Pages that carry only a picture, as a scanner makes them."""
    from PIL import Image

    pdf = FPDF()
    for _ in range(n_pages):
        pdf.add_page()
        pdf.image(Image.new("RGB", (200, 280), "white"), x=10, y=10, w=190)
    return bytes(pdf.output())


def corrupt_pdf() -> bytes:
    whole = text_pdf(WHITEPAPER_PAGES)
    return whole[: len(whole) // 3]
