"""ASGI middleware, written against the raw protocol rather than BaseHTTPMiddleware, which would
add a task and a copy per request on the hot path."""

from __future__ import annotations

import json
import uuid

from starlette.datastructures import Headers, MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

REQUEST_ID_HEADER = "X-Request-ID"
# Room for a multipart body's boundaries and small fields beside the file itself.
MULTIPART_ALLOWANCE = 64 * 1024


class RequestIdMiddleware:
    """Gives every request an id (``request.state.request_id``), returned as X-Request-ID, that
    the audit rows of its scores carry: a client can quote it to find exactly what it was told."""

    def __init__(self, app: ASGIApp):
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        request_id = uuid.uuid4().hex
        scope.setdefault("state", {})["request_id"] = request_id

        async def send_with_id(message: Message) -> None:
            if message["type"] == "http.response.start":
                MutableHeaders(scope=message).append(REQUEST_ID_HEADER, request_id)
            await send(message)

        await self.app(scope, receive, send_with_id)


class BodyLimitMiddleware:
    """Answers 413 with the contract's JSON body to any request whose body exceeds the limit,
    whether it says so in Content-Length or streams it chunked. The body is read here, up to the
    limit, and handed on whole: every endpoint needs all of it anyway, and no endpoint can then
    start work on a body that turns out to be too large.

    (Starlette's own limiter answers plain text on some paths; the contract wants JSON on all.)"""

    def __init__(self, app: ASGIApp, max_body_bytes: int, larger_limits: dict[str, tuple[int, str]] | None = None):
        self.app = app
        self.max_body_bytes = max_body_bytes
        # Paths allowed a larger body than the rest (a whitepaper upload), by exact path: the
        # limit, and the refusal's words (about the file the user chose, not the multipart envelope).
        self.larger_limits = larger_limits or {}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit, refusal = self.larger_limits.get(
            scope.get("path", ""), (self.max_body_bytes, f"the request body is larger than the limit of {self.max_body_bytes} bytes"))
        declared = Headers(scope=scope).get("content-length", "")
        if declared.isdigit() and int(declared) > limit:
            await self._refuse(send, refusal)
            return
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return  # the client left: there is no one to answer
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > limit:
                await self._refuse(send, refusal)
                return
            chunks.append(chunk)
            if not message.get("more_body", False):
                break
        body = b"".join(chunks)
        replayed = False

        async def replay() -> Message:
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        await self.app(scope, replay, send)

    async def _refuse(self, send: Send, detail: str) -> None:
        body = json.dumps({"detail": detail}).encode()
        await send({
            "type": "http.response.start",
            "status": 413,
            "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
                        (b"connection", b"close")],
        })
        await send({"type": "http.response.body", "body": body})
