"""A score as a document to file: the answer the client holds, rendered as the same Markdown or
HTML report `howey score --format md|html` prints. Rendering an answer, not scoring again, keeps
the report's request id, time and evidence those of the answer on screen."""

from typing import Annotated, Literal

import pydantic
from fastapi import APIRouter, Query
from fastapi.exceptions import RequestValidationError
from fastapi.responses import Response
from pydantic import BaseModel, Field

from app.core.report import render
from app.core.results import ANSWER, FILE_ANSWER

router = APIRouter(prefix="/v1", tags=["score"])
# The report is a document, not an application: no script may run in it, its own style may.
REPORT_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"


class ReportRequest(BaseModel):
    answer: dict = Field(..., description="An answer of /v1/score or /v1/score/file, as it was given.")
    symbol: str | None = Field(None, max_length=64)
    name: str | None = Field(None, max_length=256)


@router.post(
    "/report",
    response_class=Response,
    responses={200: {"content": {"text/html": {}, "text/markdown": {}}, "description": "The report."}},
    summary="Render a score as a report",
    description="The risk and its level, the four prongs with their verdicts and quotes (with PDF page numbers), "
    "each rule's rationale and authority, the similar labeled units with what their labels rest on, the provenance "
    "(request id, time, model, rules, as-of date) and the disclaimer, as HTML that prints on A4 or Letter, or as "
    "Markdown. The answer must be one this API gave (it is checked against the answer schema).",
)
def report(body: ReportRequest, fmt: Annotated[Literal["html", "md"], Query(alias="format")] = "html") -> Response:
    schema = FILE_ANSWER if "document" in body.answer else ANSWER
    try:
        answer = schema.validate_python(body.answer)
    except pydantic.ValidationError as error:
        raise RequestValidationError([{**e, "loc": ["body", "answer", *e["loc"]]} for e in error.errors(include_url=False)]) from error
    text = render(answer, fmt, body.symbol, body.name)
    if fmt == "md":
        return Response(text, media_type="text/markdown; charset=utf-8")
    return Response(text, media_type="text/html; charset=utf-8", headers={"Content-Security-Policy": REPORT_POLICY})
