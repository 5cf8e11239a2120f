from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException

from app.api.deps import ModelHolder, get_audit, get_models, get_request_id, require_admin
from app.api.schemas import AUDIT_DOWN, FORBIDDEN, RELOAD_FAILED, ReloadResponse
from app.audit import AuditStore
from app.core.artifacts import ModelIntegrityError

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
    "model they started with. The other uvicorn workers follow within about a second.",
)
def reload_model(
    models: Annotated[ModelHolder, Depends(get_models)],
    audit: Annotated[AuditStore, Depends(get_audit)],
    request_id: Annotated[str, Depends(get_request_id)],
) -> ReloadResponse:
    previous = models.current.scorer.model_version
    try:
        fresh = models.reload(announce=lambda version: audit.record_reload(request_id, version))
    except ModelIntegrityError as error:
        raise HTTPException(409, f"the model was not reloaded, {previous} keeps serving: {error}") from error
    return ReloadResponse(model_version=fresh.scorer.model_version, previous_model_version=previous)
