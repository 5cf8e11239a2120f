from typing import Annotated

from fastapi import APIRouter, Depends

from app.api.deps import ServedModel, get_served
from app.api.schemas import ScoreRequest, ScoreResponse

router = APIRouter(prefix="/v1", tags=["score"])


@router.post(
    "/score",
    response_model=ScoreResponse,
    summary="Score one document",
    description="Risk that the token described would be treated as a security, with the evidence per Howey prong.",
)
def score(body: ScoreRequest, served: Annotated[ServedModel, Depends(get_served)]) -> dict:
    return served.scorer.score(body.text).to_dict()
