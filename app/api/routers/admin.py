from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException

from app.api.deps import ModelHolder, get_models, get_reloads, get_request_id, require_admin
from app.api.schemas import AUDIT_DOWN, FORBIDDEN, RELOAD_FAILED, ReloadResponse
from app.core.model.artifacts import ModelIntegrityError
from app.store.reloads import ReloadChannel

router = APIRouter(prefix="/v1/admin", tags=["admin"], dependencies=[Depends(require_admin)])


@router.post(
    "/reload",
    response_model=ReloadResponse,
    responses={
        **FORBIDDEN,
        **RELOAD_FAILED,
        **AUDIT_DOWN,
    },
    summary="Serve the model in HOWEY_MODEL_DIR again",
    description="Loads the model directory again and swaps it in atomically: requests in flight finish on the "
    "model they started with. The other uvicorn workers, of every replica sharing HOWEY_DB, follow within "
    "about a second.",
)
def reload_model(
    models: Annotated[ModelHolder, Depends(get_models)],
    reloads: Annotated[ReloadChannel, Depends(get_reloads)],
    request_id: Annotated[str, Depends(get_request_id)],
) -> ReloadResponse:
    previous = models.current.scorer.model_version
    try:
        fresh = models.reload(announce=lambda version: reloads.announce(request_id, version))
    except ModelIntegrityError as error:
        raise HTTPException(error.http_status, f"the model was not reloaded, {previous} keeps serving: {error}") from error
    return ReloadResponse(model_version=fresh.scorer.model_version, previous_model_version=previous)
