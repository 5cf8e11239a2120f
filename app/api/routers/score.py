from datetime import date
from typing import Annotated

import pydantic_core
from fastapi import APIRouter, Depends, File, Form, HTTPException, UploadFile
from fastapi.exceptions import RequestValidationError
from fastapi.responses import Response

from app.api.csv_io import CsvRejected, read_items, write_scores
from app.api.deps import (
    AuditedScorer,
    ServedModel,
    get_audited_scorer,
    get_request_id,
    get_score_queue,
    get_served,
    get_settings,
)
from app.api.schemas import (
    AUDIT_DOWN,
    CSV_EXAMPLE,
    CSV_UPLOAD_EXAMPLE,
    MALFORMED_MULTIPART,
    MAX_BATCH_ITEMS,
    MAX_TEXT_CHARS,
    TOO_LARGE,
    BatchRequest,
    BatchResponse,
    ScoreRequest,
)
from app.api.score_queue import ScoreQueue
from app.core.as_of import check_as_of
from app.core.data.table import COLUMNS
from app.core.documents import DocumentRejected, read_document
from app.core.results import FileScoreAnswer, ScoreAnswer
from app.settings import Settings


def file_too_large(settings: Settings) -> str:
    return f"the file is larger than the limit of {settings.max_file_bytes} bytes ({settings.max_file_bytes / 2**20:g} MiB)"

router = APIRouter(prefix="/v1", tags=["score"])


@router.post(
    "/score",
    response_model=ScoreAnswer,
    responses={**TOO_LARGE, **AUDIT_DOWN},
    summary="Score one document",
    description="Risk that the token described would be treated as a security, with the evidence per Howey prong.",
)
async def score(
    body: ScoreRequest,
    served: Annotated[ServedModel, Depends(get_served)],
    queue: Annotated[ScoreQueue, Depends(get_score_queue)],
    request_id: Annotated[str, Depends(get_request_id)],
) -> Response:
    return json_response((await queue.score(served, body.text, request_id, body.as_of)).to_json(request_id))


@router.post(
    "/score/batch",
    response_model=BatchResponse,
    responses={**TOO_LARGE, **AUDIT_DOWN},
    summary=f"Score up to {MAX_BATCH_ITEMS} documents",
    description="The results come in the order of the items, each with the item's `id`. All items are scored by "
    "the same model; one invalid item refuses the whole batch (422) and names it.",
)
def score_batch(body: BatchRequest, scorer: Annotated[AuditedScorer, Depends(get_audited_scorer)]) -> Response:
    results = scorer.score([item.text for item in body.items], [item.id for item in body.items],
                           [item.as_of for item in body.items])
    return json_response(pydantic_core.to_json({
        "model_version": scorer.model_version,
        "results": [{"id": item.id, **result.answer(scorer.request_id)} for item, result in zip(body.items, results, strict=True)],
    }))


def json_response(body: bytes) -> Response:
    """The answer serialised once, by its schema: the scorer builds it from the response models
    (the schema tests hold it there), so validating it again on every answer would only cost time."""
    return Response(body, media_type="application/json")


class CSVResponse(Response):
    media_type = "text/csv"


@router.post(
    "/score/csv",
    response_class=CSVResponse,
    responses={
        200: {"content": {"text/csv": {"schema": {"type": "string"}, "example": CSV_EXAMPLE}},
              "description": "One row per input row, in input order."},
        **MALFORMED_MULTIPART,
        **TOO_LARGE,
        **AUDIT_DOWN,
    },
    summary="Score a CSV file",
    description=(
        f"Upload a UTF-8 CSV (multipart field `file`, up to {MAX_BATCH_ITEMS} rows) with a `text` column and "
        "optionally `id`, `symbol` and `name`; a row without an id is numbered. The answer is a CSV in the table "
        "format `howey batch` and the page also write: " + ", ".join(f"`{c}`" for c in COLUMNS) + ". A file "
        "without a `text` column, not in UTF-8, or with a bad row (empty or over-long text, more fields than the "
        "header) is refused with 422 naming every problem and its line.\n\nExample upload:\n\n```\n"
        f"{CSV_UPLOAD_EXAMPLE}```"
    ),
    openapi_extra={"requestBody": {"content": {"multipart/form-data": {"encoding": {"file": {"contentType": "text/csv"}}}}}},
)
def score_csv(
    file: Annotated[UploadFile, File(description="The CSV to score.")],
    scorer: Annotated[AuditedScorer, Depends(get_audited_scorer)],
) -> Response:
    try:
        items = read_items(file.file.read(), MAX_BATCH_ITEMS, MAX_TEXT_CHARS)
    except CsvRejected as rejected:
        raise RequestValidationError([
            {"type": "csv_invalid", "msg": problem.message,
             "loc": ["body", "file", *(["line", problem.line] if problem.line else []),
                     *([problem.column] if problem.column else [])]}
            for problem in rejected.problems
        ]) from rejected
    results = scorer.score([item.text for item in items], [item.id for item in items])
    return CSVResponse(write_scores(items, results), headers={"Content-Disposition": 'attachment; filename="scores.csv"'})


@router.post(
    "/score/file",
    response_model=FileScoreAnswer,
    responses={**MALFORMED_MULTIPART, **TOO_LARGE, **AUDIT_DOWN},
    summary="Score a whitepaper file (PDF, Markdown, HTML or text)",
    description=(
        "Upload the file (multipart field `file`; a PDF, or UTF-8 Markdown, HTML or plain text) with optional "
        "`symbol`, `name` and `as_of` fields. The answer is the `/v1/score` answer for the file's text, plus "
        "`document` (file name, media type, pages, characters) and `text`, the text the offsets refer to: a PDF's "
        "pages extracted one by one and joined by a blank line, or the file itself. Each evidence item of a PDF "
        "carries its 1-based `page`. A file over the size limit answers 413; a PDF over the page limit, an "
        "encrypted PDF that needs a password, a corrupt PDF, a PDF with no text layer (scanned pages) or a file "
        "that is neither a PDF nor UTF-8 text answers 422 saying which. `as_of` (default today) is the date whose "
        "law the rules apply (a later date gets today's)."
    ),
)
def score_file(
    file: Annotated[UploadFile, File(description="The whitepaper: PDF, Markdown, HTML or plain text.")],
    settings: Annotated[Settings, Depends(get_settings)],
    scorer: Annotated[AuditedScorer, Depends(get_audited_scorer)],
    symbol: Annotated[str | None, Form(max_length=64)] = None,
    name: Annotated[str | None, Form(max_length=256)] = None,
    as_of: Annotated[date | None, Form(description="The date whose law applies (YYYY-MM-DD; default today, UTC).")] = None,
) -> Response:
    data = file.file.read(settings.max_file_bytes + 1)
    if len(data) > settings.max_file_bytes:
        raise HTTPException(413, file_too_large(settings))
    as_of = check_as_of(as_of)
    try:
        document = read_document(file.filename or "document", data, settings.max_file_pages)
    except DocumentRejected as rejected:
        raise RequestValidationError([{"type": f"file_{rejected.reason}", "loc": ["body", "file"],
                                       "msg": str(rejected)}]) from rejected
    [result] = scorer.score([document.text], [None], [as_of])
    answer = {**result.answer(scorer.request_id, document.page_of), "document": document.describe(), "text": document.text}
    return json_response(pydantic_core.to_json(answer))
