"""Builds the FastAPI application: ``howey serve``, or ``uvicorn --factory app.main:create_app``."""

from __future__ import annotations

from contextlib import asynccontextmanager

from fastapi import FastAPI

from app import __version__
from app.api.deps import ModelHolder
from app.api.routers import health, model, score
from app.api.settings import Settings
from app.core.prongs import DISCLAIMER


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or Settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        app.state.models = ModelHolder(settings)
        yield

    app = FastAPI(
        title="howey",
        version=__version__,
        summary="How likely a crypto token is to be treated as a security under the U.S. Howey test.",
        description=DISCLAIMER,
        lifespan=lifespan,
    )
    app.state.settings = settings
    for router in (score.router, model.router, health.router):
        app.include_router(router)
    return app
