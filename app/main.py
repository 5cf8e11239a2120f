"""Builds the FastAPI application: ``howey serve``, or ``uvicorn --factory app.main:create_app``."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from contextlib import asynccontextmanager

from fastapi import FastAPI
from fastapi_offline import FastAPIOffline
from starlette.concurrency import run_in_threadpool

from app import __version__
from app.api.deps import ModelHolder
from app.api.errors import install_error_handlers
from app.api.middleware import MULTIPART_ALLOWANCE, BodyLimitMiddleware, RequestIdMiddleware
from app.api.routers import admin, audit, health, model, page, report, reviews, score
from app.api.routers.score import file_too_large
from app.api.score_queue import ScoreQueue
from app.core.errors import StoreUnavailable
from app.core.prongs import DISCLAIMER
from app.settings import Settings
from app.store.audit import AuditStore
from app.store.database import open_database
from app.store.reloads import ReloadChannel
from app.store.reviews import ReviewStore

log = logging.getLogger("howey")

# How often a worker looks for a reload announced by another worker.
RELOAD_POLL_SECONDS = 1.0


async def follow_reloads(models: ModelHolder, reloads: ReloadChannel) -> None:
    """Keep this worker on the model generation the last reload announced, in any worker."""
    while True:
        await asyncio.sleep(RELOAD_POLL_SECONDS)
        try:
            latest = await run_in_threadpool(reloads.latest)
            if latest > models.generation:
                await run_in_threadpool(models.catch_up, latest)
        except StoreUnavailable as error:
            log.warning("cannot check for model reloads: %s", error)


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or Settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        database = open_database(settings.db, timeout=settings.db_timeout, pool_size=settings.db_pool_size)
        app.state.audit = AuditStore(database, store_text=settings.audit_store_text)
        app.state.reviews = ReviewStore(database)
        app.state.reloads = ReloadChannel(database)
        app.state.models = ModelHolder(settings.model_dir, generation=app.state.reloads.latest(),
                                       pinned_sha256=settings.model_sha256)
        app.state.score_queue = ScoreQueue(app.state.audit)
        tasks = [asyncio.create_task(follow_reloads(app.state.models, app.state.reloads)),
                 asyncio.create_task(app.state.score_queue.run())]
        try:
            yield
        finally:
            for task in tasks:
                task.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await task
            database.close()

    app = FastAPIOffline(  # a FastAPI app whose /docs and /redoc need no CDN
        title="howey",
        version=__version__,
        summary="How likely a crypto token is to be treated as a security under the U.S. Howey test.",
        description=DISCLAIMER,
        lifespan=lifespan,
    )
    app.state.settings = settings
    # The last added runs first: every answer, a 413 included, carries its request id.
    # A file upload may be as large as a whitepaper is allowed to be, plus the multipart envelope.
    app.add_middleware(BodyLimitMiddleware, max_body_bytes=settings.max_body_bytes,
                       larger_limits={"/v1/score/file": (settings.max_file_bytes + MULTIPART_ALLOWANCE, file_too_large(settings))})
    app.add_middleware(RequestIdMiddleware)
    install_error_handlers(app)
    for router in (score.router, report.router, reviews.router, model.router, health.router, admin.router, audit.router,
                   page.router):
        app.include_router(router)
    return app

