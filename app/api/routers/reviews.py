"""Analysts' reviews of served scores (admin key): record one, page through them, and how often the
machine and the analysts agree. A review never changes the audit row it refers to."""

from datetime import datetime
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, HTTPException, Query
from fastapi.concurrency import run_in_threadpool
from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, field_validator

from app.api.deps import get_reviews, require_admin
from app.api.routers.audit import LARGEST_ROW_ID, _as_utc, _iso_8601_only
from app.api.schemas import AUDIT_DOWN, FORBIDDEN, MAX_AUDIT_PAGE, NOT_BLANK
from app.core.data.listings import MAX_TEXT_CHARS, text_problem
from app.core.prongs import Prong, Verdict
from app.store.reviews import Review, ReviewStore, UnknownRequest, agreement

router = APIRouter(prefix="/v1", tags=["reviews"], dependencies=[Depends(require_admin)])

_EXAMPLE = {"request_id": "3f9c1e0a8b7d4c2e9f1a6b5c4d3e2f10", "reviewer": "A. Analyst", "decision": "security",
            "prongs": {"investment_of_money": "met", "common_enterprise": "met", "expectation_of_profits": "met",
                       "efforts_of_others": "unclear"},
            "note": "The team's roadmap is the only source of returns.", "text": None}


class ReviewRequest(BaseModel):
    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [_EXAMPLE]})

    request_id: str = Field(..., min_length=1, max_length=64, description="The X-Request-ID of the score reviewed.")
    reviewer: str = Field(..., min_length=1, max_length=128, json_schema_extra={"pattern": NOT_BLANK})
    decision: Literal["security", "not_security", "undecided"]
    prongs: dict[Prong, Verdict] | None = Field(None, description="The analyst's verdict per prong (any of the four).")
    note: str | None = Field(None, max_length=4000)
    text: str | None = Field(None, max_length=MAX_TEXT_CHARS, json_schema_extra={"pattern": NOT_BLANK},
                             description="The text reviewed, when the audit log does "
                             "not keep texts and the review is to feed training.")

    @field_validator("reviewer")
    @classmethod
    def _named(cls, reviewer: str) -> str:
        if not reviewer.strip():
            raise ValueError("reviewer must name someone")
        return reviewer.strip()

    @field_validator("text")
    @classmethod
    def _scorable(cls, text: str | None) -> str | None:
        if text is not None and text_problem(text) is not None:
            raise ValueError(text_problem(text)[1])
        return text


class ReviewAnswer(BaseModel):
    model_config = ConfigDict(json_schema_extra={"examples": [{
        "review_id": "0d4f6a1b2c3e4f5a6b7c8d9e0f1a2b3c", "created_at": "2026-11-29T10:20:31.402113Z", **_EXAMPLE}]})

    review_id: str
    created_at: str = Field(..., description="UTC, ISO-8601.")
    request_id: str
    reviewer: str
    decision: Literal["security", "not_security", "undecided"]
    prongs: dict[Prong, Verdict] | None
    note: str | None
    text: str | None


class ReviewPage(BaseModel):
    model_config = ConfigDict(json_schema_extra={"examples": [{"reviews": [
        {"review_id": "0d4f6a1b2c3e4f5a6b7c8d9e0f1a2b3c", "created_at": "2026-11-29T10:20:31.402113Z", **_EXAMPLE}],
        "next_cursor": 7, "has_more": False}]})

    reviews: list[ReviewAnswer]
    next_cursor: int
    has_more: bool


class Agreement(BaseModel):
    reviewed: int
    agreement: float | None = Field(..., description="Share of reviews where the analyst agreed; null with none.")
    confusion: dict[str, int] = Field(..., description='"machine->analyst": count.')


class AgreementReport(BaseModel):
    model_config = ConfigDict(json_schema_extra={"examples": [{
        "reviews": 30,
        "prongs": {prong.value: {"reviewed": 24, "agreement": 0.75, "confusion": {"met->met": 18, "met->not_met": 6}}
                   for prong in Prong},
        "decision": {"reviewed": 30, "agreement": 0.7, "confusion": {"security->security": 21, "security->undecided": 9}},
    }]})

    reviews: int
    prongs: dict[Prong, Agreement]
    decision: Agreement = Field(..., description="The machine's level read as a decision: high is security, low not, "
                                                 "medium and insufficient evidence undecided.")


def _answer(review: Review) -> ReviewAnswer:
    return ReviewAnswer(review_id=review.review_id, created_at=review.created_at, request_id=review.request_id,
                        reviewer=review.reviewer, decision=review.decision, prongs=review.prongs, note=review.note,
                        text=review.text)


@router.post("/reviews", status_code=201, response_model=ReviewAnswer,
             responses={**FORBIDDEN, **AUDIT_DOWN, 404: {"description": "No score was served for that request_id."}},
             summary="Record an analyst's review of a score")
async def add_review(body: ReviewRequest, reviews: Annotated[ReviewStore, Depends(get_reviews)]) -> ReviewAnswer:
    prongs = {prong.value: verdict.value for prong, verdict in body.prongs.items()} if body.prongs else None
    try:
        review = await run_in_threadpool(reviews.add, body.request_id, body.reviewer, body.decision, prongs,
                                         body.note, body.text)
    except UnknownRequest as error:
        raise HTTPException(404, str(error)) from error
    return _answer(review)


@router.get("/reviews", response_model=ReviewPage, responses={**FORBIDDEN, **AUDIT_DOWN},
            summary="Page through the reviews",
            description="Oldest first; pass each page's `next_cursor` as `cursor` until `has_more` is false. "
            "With `request_id`, the reviews of that score only, in the order they were made.")
def review_page(
    reviews: Annotated[ReviewStore, Depends(get_reviews)],
    since: Annotated[datetime | None, BeforeValidator(_iso_8601_only),
                     Query(description="ISO-8601; reviews made at or after it.")] = None,
    cursor: Annotated[int, Query(ge=0, le=LARGEST_ROW_ID)] = 0,
    limit: Annotated[int, Query(ge=1, le=MAX_AUDIT_PAGE)] = 100,
    request_id: Annotated[str | None, Query(max_length=64)] = None,
) -> ReviewPage:
    if request_id is not None:
        found = reviews.of_request(request_id)
        return ReviewPage(reviews=[_answer(r) for r in found], next_cursor=found[-1].id if found else 0, has_more=False)
    records = reviews.page(since=_as_utc(since) if since else None, after_id=cursor, limit=limit + 1)
    shown = records[:limit]
    return ReviewPage(reviews=[_answer(r) for r in shown], next_cursor=shown[-1].id if shown else cursor,
                      has_more=len(records) > limit)


@router.get("/reviews/agreement", response_model=AgreementReport, responses={**FORBIDDEN, **AUDIT_DOWN},
            summary="How often the machine and the analysts agree")
def review_agreement(reviews: Annotated[ReviewStore, Depends(get_reviews)]) -> AgreementReport:
    return AgreementReport.model_validate(agreement(reviews.reviewed_scores()))
