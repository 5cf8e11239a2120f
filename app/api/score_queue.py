"""Coalesces the concurrent single-text requests of one worker into ``score_many`` calls.

Scoring is CPU-bound Python, so a worker gains nothing from scoring many requests in parallel
threads: they only take turns at the GIL, and the unlucky ones wait longest. Instead, requests
queue here in arrival order, and one consumer scores whatever has gathered (one text when the
service is quiet, a batch under load) with one ``score_many`` call, which vectorises, classifies
and searches the precedents once for all of them, and writes their audit rows in one
transaction. Nothing waits for a batch to fill: a lone request is scored at once.

Each request keeps the model it started with: texts are scored by the ServedModel captured when
their request arrived, even if a reload swaps the model while they wait."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from datetime import date
from itertools import groupby
from typing import TYPE_CHECKING

from anyio import to_thread

from app.core.services.scoring import ScoreResult
from app.store.audit import AuditEntry, AuditStore

if TYPE_CHECKING:  # deps imports this module
    from app.api.deps import ServedModel

# The most texts scored in one call: enough to amortise the classifier, few enough that the
# requests of one call are not held long behind each other.
MAX_COALESCED = 32
# Groups whose audit rows may be committing while the next group is scored.
RECORDING_IN_FLIGHT = 2


@dataclass(frozen=True, eq=False)
class _Waiting:
    served: ServedModel
    text: str
    request_id: str
    answer: asyncio.Future[ScoreResult]
    as_of: date | None = None


class ScoreQueue:
    def __init__(self, audit: AuditStore, max_coalesced: int = MAX_COALESCED):
        self._audit = audit
        self._max_coalesced = max_coalesced
        self._waiting: asyncio.Queue[_Waiting] = asyncio.Queue()

    async def score(self, served: ServedModel, text: str, request_id: str, as_of: date | None = None) -> ScoreResult:
        """The score of ``text`` (under the law of ``as_of``, default today), recorded in the audit
        log before it is returned."""
        answer = asyncio.get_running_loop().create_future()
        self._waiting.put_nowait(_Waiting(served, text, request_id, answer, as_of))
        return await answer

    async def run(self) -> None:
        """The consumer: runs for the life of the app (started and cancelled by its lifespan).
        While one group's audit rows are being committed (a disk sync), the next group is already
        being scored; a group's answers are released only once its rows are committed. Groups
        commit in the order they were scored, so the audit log keeps the order of arrival."""
        committing = asyncio.Semaphore(RECORDING_IN_FLIGHT)
        recordings: set[asyncio.Task] = set()
        previous: asyncio.Task | None = None
        while True:
            batch = [await self._waiting.get()]
            while len(batch) < self._max_coalesced and not self._waiting.empty():
                batch.append(self._waiting.get_nowait())
            try:
                results = await to_thread.run_sync(self._score, batch)
            except Exception as error:
                _fail(batch, error)
                continue
            await committing.acquire()
            task = previous = asyncio.create_task(self._record_and_answer(batch, results, committing, previous))
            recordings.add(task)
            task.add_done_callback(recordings.discard)

    async def _record_and_answer(self, batch: list[_Waiting], results: list[ScoreResult],
                                 committing: asyncio.Semaphore, previous: asyncio.Task | None) -> None:
        if previous is not None:
            await asyncio.wait([previous])  # its outcome is its own requests' business
        try:
            entries = [AuditEntry(w.request_id, w.text, r) for w, r in zip(batch, results, strict=True)]
            await to_thread.run_sync(self._audit.record, entries)
        except Exception as error:  # each request answers with the failure (a 503 for the audit log)
            _fail(batch, error)
        else:
            for waiting, result in zip(batch, results, strict=True):
                if not waiting.answer.done():  # its client may have gone meanwhile
                    waiting.answer.set_result(result)
        finally:
            committing.release()

    @staticmethod
    def _score(batch: list[_Waiting]) -> list[ScoreResult]:
        results: list[ScoreResult] = []
        for served, same_model in groupby(batch, key=lambda waiting: waiting.served):
            waiting = list(same_model)
            results += served.scorer.score_many([w.text for w in waiting], as_of=[w.as_of for w in waiting])
        return results


def _fail(batch: list[_Waiting], error: Exception) -> None:
    for waiting in batch:
        if not waiting.answer.done():
            waiting.answer.set_exception(error)
