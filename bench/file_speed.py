"""A whitepaper PDF scored end to end (upload, extraction, scoring) through the API, against the
same text posted as JSON in the same run. The PDF has 50 pages of about 4,000 characters of
whitepaper-like prose each (about 200 KB of text), written here with fpdf2. The JSON endpoints take
at most 100,000 characters, so the baseline posts the extracted text in as many pieces as that
needs and adds their times. Prints JSON (best of three runs each); the target is under 2 s end to
end on one core."""

from __future__ import annotations

import json
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _corpus import listing_texts  # noqa: E402
from fastapi.testclient import TestClient  # noqa: E402
from fpdf import FPDF  # noqa: E402

from app.core.data.listings import MAX_TEXT_CHARS  # noqa: E402
from app.core.documents import read_document  # noqa: E402
from app.main import create_app  # noqa: E402
from app.settings import Settings  # noqa: E402

PAGES, CHARS_PER_PAGE = 50, 4000


def whitepaper_pdf() -> bytes:
    pdf = FPDF()
    pdf.set_font("Helvetica", size=10)
    for text in listing_texts(PAGES, chars=CHARS_PER_PAGE, seed=7):
        pdf.add_page()
        pdf.multi_cell(0, 5, text.encode("latin-1", "replace").decode("latin-1"))
    return bytes(pdf.output())


def best(fn, repeats: int = 3) -> tuple[float, object]:
    times, result = [], None
    for _ in range(repeats):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return min(times), result


def main() -> None:
    data = whitepaper_pdf()
    extraction, document = best(lambda: read_document("bench.pdf", data, max_pages=500))
    pieces = [document.text[i:i + MAX_TEXT_CHARS] for i in range(0, len(document.text), MAX_TEXT_CHARS)]
    with tempfile.TemporaryDirectory() as tmp, TestClient(create_app(Settings(db=Path(tmp) / "audit.db"))) as client:
        upload = lambda: client.post("/v1/score/file", files={"file": ("bench.pdf", data, "application/pdf")})  # noqa: E731
        as_json = lambda: [client.post("/v1/score", json={"text": piece}) for piece in pieces]  # noqa: E731
        upload()  # warm up both paths once
        as_json()
        end_to_end, response = best(upload)
        posted, responses = best(as_json)
    assert response.status_code == 200 and all(r.status_code == 200 for r in responses)
    print(json.dumps({
        "benchmark": "file_speed",
        "pdf_bytes": len(data),
        "pages": document.pages,
        "text_chars": len(document.text),
        "extraction_s": round(extraction, 3),
        "extraction_ms_per_page": round(1000 * extraction / document.pages, 2),
        "file_end_to_end_s": round(end_to_end, 3),
        "file_end_to_end_ms_per_page": round(1000 * end_to_end / document.pages, 2),
        "baseline_json_s": round(posted, 3),
        "baseline_json_requests": len(pieces),
        "ratio_file_to_json": round(end_to_end / posted, 2),
        "target_end_to_end_s": 2.0,
    }, indent=2))


if __name__ == "__main__":
    main()
