"""Liveness and readiness for load balancers. Scores are only served with their audit record, so
while the audit log cannot be written both say so with 503 and the reason (never a server path)."""

from typing import Annotated

from fastapi import APIRouter, Depends
from fastapi.responses import JSONResponse
from starlette.concurrency import run_in_threadpool

from app.api.deps import get_audit
from app.api.schemas import Health, Unhealthy
from app.store.audit import AuditStore

router = APIRouter(tags=["health"])
UNAVAILABLE = {503: {"model": Unhealthy, "description": "Scores cannot be served now; the detail says why."}}


def _answer(reason: str | None):
    if reason is not None:
        return JSONResponse(Unhealthy(detail=f"scoring is unavailable: {reason}").model_dump(), status_code=503)
    return Health()


@router.get("/healthz", response_model=Health, responses=UNAVAILABLE,
            summary="Liveness: 200 while the last audit write succeeded, 503 with the reason after one failed",
            description="Answers from memory, without touching the disk, so it is cheap enough to poll often.")
async def healthz(audit: Annotated[AuditStore, Depends(get_audit)]):
    return _answer(audit.last_failure)


@router.get("/readyz", response_model=Health, responses=UNAVAILABLE,
            summary="Readiness: 200 when a score could be recorded now, 503 with the reason otherwise",
            description="Also takes the audit log's write lock and gives it back (waiting at most a second), so a "
            "read-only or locked log shows before any score fails.")
async def readyz(audit: Annotated[AuditStore, Depends(get_audit)]):
    return _answer(await run_in_threadpool(audit.unavailable_reason))
