from fastapi import APIRouter

from app.api.schemas import Health

router = APIRouter(tags=["health"])


@router.get("/healthz", response_model=Health, summary="Liveness: the service is up")
async def healthz() -> Health:
    return Health()
