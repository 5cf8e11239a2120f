"""A score as a document to file: the answer the client holds, rendered as the same Markdown or
HTML report `howey score --format md|html` prints. Rendering an answer, not scoring again, keeps
the report's request id, time and evidence those of the answer on screen."""

from typing import Annotated, Literal

import pydantic
from fastapi import APIRouter, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import Response
from pydantic import BaseModel, ConfigDict, Field

from app.core.report import markdown_report, render
from app.core.results import SCORE_EXAMPLE, FileScoreAnswer, ScoreAnswer

router = APIRouter(prefix="/v1", tags=["score"])
# The report is a document, not an application: no script may run in it, its own style may.
REPORT_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"


class ReportRequest(BaseModel):
    model_config = ConfigDict(json_schema_extra={"examples": [{"answer": SCORE_EXAMPLE, "symbol": "ACME", "name": "Acme Token"}]})

    answer: FileScoreAnswer | ScoreAnswer = Field(..., union_mode="left_to_right",
                                                  description="An answer of /v1/score or /v1/score/file, as it was given.")
    symbol: str | None = Field(None, max_length=64)
    name: str | None = Field(None, max_length=256)


@router.post(
    "/report",
    response_class=Response,
    responses={200: {"content": {"text/html": {"schema": {"type": "string"}},
                                 "text/markdown": {"schema": {"type": "string"}, "example": markdown_report(SCORE_EXAMPLE, "ACME")}},
                     "description": "The report."}},
    summary="Render a score as a report",
    description="The risk and its level, the four prongs with their verdicts and quotes (with PDF page numbers), "
    "each rule's rationale and authority, the similar labeled units with what their labels rest on, the provenance "
    "(request id, time, model, rules, as-of date) and the disclaimer, as HTML that prints on A4 or Letter, or as "
    "Markdown. The answer must be one this API gave (it is checked against the answer schema).",
)
async def report(request: Request, body: ReportRequest,
                 fmt: Annotated[Literal["html", "md"], Query(alias="format")] = "html") -> Response:
    # Checked again in strict JSON mode: an answer this API gave has numbers where numbers go, and
    # a report must not quietly turn "0.4" or true into one.
    try:
        body = ReportRequest.model_validate_json(await request.body(), strict=True)
    except pydantic.ValidationError as error:
        raise RequestValidationError([{**problem, "loc": ["body", *problem["loc"]]}
                                      for problem in error.errors(include_url=False)]) from error
    text = render(body.answer, fmt, body.symbol, body.name)
    if fmt == "md":
        return Response(text, media_type="text/markdown; charset=utf-8")
    return Response(text, media_type="text/html; charset=utf-8", headers={"Content-Security-Policy": REPORT_POLICY})
