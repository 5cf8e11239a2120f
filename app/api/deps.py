"""Dependencies injected into the routers: settings and the scorer currently served."""

from __future__ import annotations

import threading
from dataclasses import dataclass

from fastapi import Request

from app.api.settings import Settings
from app.core.scorer import Scorer, load_scorer


@dataclass(frozen=True)
class ServedModel:
    scorer: Scorer
    manifest: dict


class ModelHolder:
    """The served model, swapped atomically on reload: a request takes a reference once and
    finishes on that model even if a reload replaces it meanwhile."""

    def __init__(self, settings: Settings):
        self._settings = settings
        self._lock = threading.Lock()
        self.current = self._load()

    def _load(self) -> ServedModel:
        scorer, manifest = load_scorer(self._settings.model_dir)
        return ServedModel(scorer, manifest)

    def reload(self) -> ServedModel:
        with self._lock:
            fresh = self._load()  # a failure leaves the current model serving
            self.current = fresh
            return fresh


def get_settings(request: Request) -> Settings:
    return request.app.state.settings


def get_served(request: Request) -> ServedModel:
    return request.app.state.models.current
