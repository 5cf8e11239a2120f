from typing import Annotated

from fastapi import APIRouter, Depends

from app.api.deps import ServedModel, get_served
from app.api.schemas import ModelInfo

router = APIRouter(prefix="/v1", tags=["model"])


@router.get("/model", response_model=ModelInfo, summary="The model being served and its evaluation")
async def model_info(served: Annotated[ServedModel, Depends(get_served)]) -> ModelInfo:
    m = served.manifest
    return ModelInfo(
        model_version=m["model_version"],
        rulebook_version=m["rulebook_version"],
        trained_at=m["trained_at"],
        data_sha256=m["data_sha256"],
        n_training_rows=m["n_training_rows"],
        metrics=m["metrics"],
        thresholds=m["thresholds"],
        evaluated_at=m.get("evaluated_at"),
        data_as_of_range=m.get("data_as_of_range"),
        frozen_set=m.get("frozen_set"),
        comparison=m.get("comparison"),
    )
