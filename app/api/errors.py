"""How errors are answered: always 4xx/5xx JSON with a ``detail`` that says what is wrong, and
never a 500 for anything a client can send."""

from __future__ import annotations

import json
import logging

from fastapi import FastAPI, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exception_handlers import http_exception_handler
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from app.core.errors import HoweyError, StoreUnavailable

log = logging.getLogger("howey")
FASTAPI_PARSE_ERROR = "There was an error parsing the body"


class EscapedJSONResponse(JSONResponse):
    """JSON with non-ASCII escaped: a validation error echoes the client's input, and input with a
    lone surrogate (valid in JSON, \\ud800) cannot be encoded as UTF-8, only escaped back."""

    def render(self, content) -> bytes:
        return json.dumps(content, ensure_ascii=True, separators=(",", ":")).encode("ascii")


# How much of the offending input a validation error echoes: enough to recognise it, never the
# whole 2 MiB document back.
ECHOED_INPUT_CHARS = 200


def _echo(value):
    """The offending input as echoed: short values as they are, long ones cut with their size."""
    if isinstance(value, str):
        return value if len(value) <= ECHOED_INPUT_CHARS else f"{value[:ECHOED_INPUT_CHARS]}… ({len(value):,} characters)"
    encoded = json.dumps(jsonable_encoder(value), ensure_ascii=True)
    return value if len(encoded) <= ECHOED_INPUT_CHARS else f"({type(value).__name__} of {len(encoded):,} characters, not echoed)"


async def invalid_request(request: Request, error: RequestValidationError) -> JSONResponse:
    problems = [{**problem, "input": _echo(problem["input"])} if "input" in problem else problem
                for problem in jsonable_encoder(error.errors())]
    return EscapedJSONResponse({"detail": problems}, status_code=422)


async def unparsable_body_is_invalid_json(request: Request, error: StarletteHTTPException) -> JSONResponse:
    """FastAPI answers a JSON body it cannot parse for a reason other than a syntax error (bytes that
    are not UTF-8, nesting too deep to decode) with a bare 400 "There was an error parsing the body".
    That is malformed JSON, which the contract answers 422 saying what is wrong, like a syntax error."""
    if error.status_code == 400 and error.detail == FASTAPI_PARSE_ERROR and error.__cause__ is not None:
        return await invalid_request(request, RequestValidationError([
            {"type": "json_invalid", "loc": ["body"], "input": {}, "msg": f"JSON decode error: {error.__cause__}"}
        ]))
    if error.status_code == 405:
        # The router names only the first route on the path; a path served by two (GET and POST
        # /v1/reviews) must name both: the documented operations say which.
        operations = request.app.openapi()["paths"].get(request.url.path, {})
        if len(operations) > 1:
            error = StarletteHTTPException(405, error.detail, headers={"Allow": ", ".join(sorted(m.upper() for m in operations))})
    return await http_exception_handler(request, error)


async def project_error(request: Request, error: HoweyError) -> JSONResponse:
    """The project's own errors, each with the status its kind carries. No score leaves without
    its audit record, so a broken log stops scoring, loudly."""
    if isinstance(error, StoreUnavailable):
        log.error("%s", error)
        detail = f"scoring is unavailable because the audit log cannot be written: {error}"
    else:
        detail = str(error)
    return JSONResponse({"detail": detail}, status_code=error.http_status)


def install_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(RequestValidationError, invalid_request)
    app.add_exception_handler(StarletteHTTPException, unparsable_body_is_invalid_json)
    app.add_exception_handler(HoweyError, project_error)
