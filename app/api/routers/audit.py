import re
from datetime import UTC, datetime
from typing import Annotated

from fastapi import APIRouter, Depends, Query
from fastapi.exceptions import RequestValidationError
from pydantic import BeforeValidator

from app.api.deps import get_audit, require_admin
from app.api.schemas import AUDIT_DOWN, FORBIDDEN, MAX_AUDIT_PAGE, AuditPage, AuditRow
from app.store.audit import AuditStore

# SQLite integers are signed 64-bit.
LARGEST_ROW_ID = 2**63 - 1
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _iso_8601_only(value: object) -> object:
    """Pydantic would also read a bare number as a Unix time; the contract says ISO-8601."""
    if isinstance(value, str) and not ISO_DATE.match(value):
        raise ValueError("since must be an ISO-8601 date-time such as 2026-11-25T00:00:00Z")
    return value


router = APIRouter(prefix="/v1", tags=["admin"], dependencies=[Depends(require_admin)])


@router.get(
    "/audit",
    response_model=AuditPage,
    responses={**FORBIDDEN, **AUDIT_DOWN},
    summary="Page through the audit log",
    description="Every score served, oldest first. Start with `since` (and/or no cursor), then pass each page's "
    "`next_cursor` as `cursor` until `has_more` is false; a later call with the last cursor returns what has "
    "been scored since.",
)
def audit_page(
    audit: Annotated[AuditStore, Depends(get_audit)],
    since: Annotated[
        datetime | None,
        BeforeValidator(_iso_8601_only),
        Query(description="ISO-8601; rows scored at or after it. Without a time zone it is read as UTC.",
              examples=["2026-11-25T00:00:00Z"]),
    ] = None,
    cursor: Annotated[int, Query(ge=0, le=LARGEST_ROW_ID, description="The `next_cursor` of the previous page.")] = 0,
    limit: Annotated[int, Query(ge=1, le=MAX_AUDIT_PAGE, description="Rows per page.")] = 100,
) -> AuditPage:
    if since is not None:
        since = _as_utc(since)
    records = audit.page(since=since, after_id=cursor, limit=limit + 1)
    shown = records[:limit]
    return AuditPage(
        rows=[AuditRow.model_validate(record, from_attributes=True) for record in shown],
        next_cursor=shown[-1].id if shown else cursor,
        has_more=len(records) > limit,
    )


def _as_utc(moment: datetime) -> datetime:
    try:
        return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)
    except OverflowError as error:  # e.g. 9999-12-31T23:00:00-05:00 is past the last representable UTC time
        raise RequestValidationError([{"type": "datetime_range", "loc": ["query", "since"], "input": str(moment),
                                       "msg": "since is outside the representable range of UTC times"}]) from error
