"""Dependencies injected into the routers: settings, the model being served, the audit store,
the request id and the admin check. They are ``async def`` because none of them blocks: FastAPI
would run a plain ``def`` dependency in the thread pool, a thread hop per request for nothing."""

from __future__ import annotations

import gc
import hmac
import logging
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Annotated

from fastapi import Depends, HTTPException, Request, Security
from fastapi.security import APIKeyHeader

from app.api.score_queue import ScoreQueue
from app.core.errors import ModelIntegrityError
from app.core.services.scoring import Scorer, ScoreResult, load_scorer
from app.settings import Settings
from app.store.audit import AuditEntry, AuditStore
from app.store.reloads import ReloadChannel
from app.store.reviews import ReviewStore

log = logging.getLogger("howey")


@dataclass(frozen=True)
class ServedModel:
    scorer: Scorer
    manifest: dict


class ModelHolder:
    """The served model, swapped atomically on reload: a request takes a reference once and
    finishes on that model even if a reload replaces it meanwhile.

    ``generation`` is the id of the last reload this process has applied. A reload is requested
    of one uvicorn worker; it announces the new generation in the shared database and the other
    workers catch up (``catch_up``), so every process serves the same model shortly after."""

    def __init__(self, model_dir: Path, generation: int = 0, pinned_sha256: str | None = None):
        self._model_dir = model_dir
        self._pinned_sha256 = pinned_sha256
        self._lock = threading.Lock()
        self.generation = generation
        self.current = self._load()

    def _load(self) -> ServedModel:
        try:
            scorer, manifest = load_scorer(self._model_dir, pinned_sha256=self._pinned_sha256)
        except ModelIntegrityError:
            raise
        except Exception as error:  # an unreadable directory or pickle is as unusable as a tampered one
            raise ModelIntegrityError(f"cannot load the model in {self._model_dir}: {error}") from error
        # The model and its rules live until the next reload: kept out of the garbage collector's
        # full passes, which otherwise walk all of it and stall every request of the worker (p99 of
        # /v1/score under load: about 95 ms without, 45 ms with). A model replaced later is still
        # freed by reference counting.
        gc.freeze()
        return ServedModel(scorer, manifest)

    def reload(self, announce: Callable[[str], int]) -> ServedModel:
        """Load the model directory again and serve it; ``announce(model_version)`` records the
        reload for the other workers and returns its generation. A failure (ModelIntegrityError)
        leaves the current model serving."""
        with self._lock:
            fresh = self._load()
            self.generation = announce(fresh.scorer.model_version)
            self.current = fresh
            return fresh

    def catch_up(self, generation: int) -> None:
        """Apply a reload another worker announced. A directory that fails to load here is not
        retried until the next reload: this worker keeps its model and says so in the log."""
        with self._lock:
            if generation <= self.generation:
                return
            self.generation = generation
            try:
                self.current = self._load()
            except ModelIntegrityError as error:
                log.error("reload %d not applied in this worker, which keeps serving %s: %s",
                          generation, self.current.scorer.model_version, error)


@dataclass(frozen=True)
class AuditedScorer:
    """The scorer bound to one batch or CSV request and the audit trail: every score it gives is
    recorded, in one transaction per call, before the caller can answer with it. (Single texts
    take the ScoreQueue, which does the same for the requests it coalesces.)"""

    served: ServedModel
    audit: AuditStore
    request_id: str

    @property
    def model_version(self) -> str:
        return self.served.scorer.model_version

    def score(self, texts: Sequence[str], item_ids: Sequence[str | None],
              as_of: Sequence[date | None] | None = None) -> list[ScoreResult]:
        results = self.served.scorer.score_many(list(texts), as_of=as_of)
        self.audit.record([AuditEntry(self.request_id, text, result, item_id)
                           for text, result, item_id in zip(texts, results, item_ids, strict=True)])
        return results


async def get_settings(request: Request) -> Settings:
    return request.app.state.settings


async def get_models(request: Request) -> ModelHolder:
    return request.app.state.models


async def get_served(models: Annotated[ModelHolder, Depends(get_models)]) -> ServedModel:
    return models.current


async def get_audit(request: Request) -> AuditStore:
    return request.app.state.audit


async def get_reviews(request: Request) -> ReviewStore:
    return request.app.state.reviews


async def get_reloads(request: Request) -> ReloadChannel:
    return request.app.state.reloads


async def get_score_queue(request: Request) -> ScoreQueue:
    return request.app.state.score_queue


async def get_request_id(request: Request) -> str:
    return request.state.request_id


async def get_audited_scorer(
    served: Annotated[ServedModel, Depends(get_served)],
    audit: Annotated[AuditStore, Depends(get_audit)],
    request_id: Annotated[str, Depends(get_request_id)],
) -> AuditedScorer:
    return AuditedScorer(served, audit, request_id)


api_key_header = APIKeyHeader(name="X-API-Key", auto_error=False, description="Equal to HOWEY_API_KEY.")


async def require_admin(
    settings: Annotated[Settings, Depends(get_settings)],
    api_key: Annotated[str | None, Security(api_key_header)],
) -> None:
    """403 unless X-API-Key equals HOWEY_API_KEY; always 403 while no key is configured, so an
    unset or empty key can never be matched. The comparison takes the same time wherever the
    strings differ, so response times do not leak the key."""
    expected = settings.api_key.get_secret_value() if settings.api_key else ""
    if not expected:
        raise HTTPException(403, "admin endpoints are disabled: the server has no HOWEY_API_KEY")
    if api_key is None or not hmac.compare_digest(api_key.encode("utf-8"), expected.encode("utf-8")):
        raise HTTPException(403, "missing or wrong X-API-Key header")
