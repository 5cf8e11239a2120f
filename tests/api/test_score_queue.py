"""The queue that coalesces concurrent single-text requests into score_many calls."""

import asyncio

import pytest

from app.api.deps import ServedModel
from app.api.score_queue import ScoreQueue
from app.store.audit import AuditStore
from app.store.database import open_database
from tests.helpers.results import result


class CountingScorer:
    """Stands in for Scorer: records the size of every score_many call."""

    def __init__(self, version: str, fail: bool = False):
        self.model_version = version
        self.calls: list[list[str]] = []
        self.fail = fail

    def score_many(self, texts: list[str], as_of=None):
        self.calls.append(texts)
        if self.fail:
            raise RuntimeError("scorer broke")
        return [result(risk=len(text) / 100) for text in texts]


def served(scorer: CountingScorer) -> ServedModel:
    return ServedModel(scorer, {"model_version": scorer.model_version})


async def with_queue(audit: AuditStore, body):
    queue = ScoreQueue(audit, max_coalesced=8)
    consumer = asyncio.create_task(queue.run())
    try:
        return await body(queue)
    finally:
        consumer.cancel()


def test_requests_waiting_together_are_scored_in_one_call_and_one_transaction(tmp_path):
    audit, scorer = AuditStore(open_database(tmp_path / "audit.db")), CountingScorer("v1")
    texts = [f"text {'x' * n}" for n in range(20)]

    async def body(queue):
        return await asyncio.gather(*(queue.score(served(scorer), text, f"req-{n}") for n, text in enumerate(texts)))

    results = asyncio.run(with_queue(audit, body))
    assert [r.risk_score for r in results] == [len(text) / 100 for text in texts]  # each answer is its own
    assert [len(call) for call in scorer.calls] == [8, 8, 4]
    rows = audit.page(limit=100)
    assert [row.request_id for row in rows] == [f"req-{n}" for n in range(20)]
    assert len({row.scored_at for row in rows}) == 3


def test_each_request_keeps_the_model_it_started_with(tmp_path):
    old, new = CountingScorer("old"), CountingScorer("new")

    async def body(queue):
        return await asyncio.gather(queue.score(served(old), "a", "1"), queue.score(served(new), "b", "2"),
                                    queue.score(served(old), "c", "3"))

    asyncio.run(with_queue(AuditStore(open_database(tmp_path / "audit.db")), body))
    assert (old.calls, new.calls) == ([["a"], ["c"]], [["b"]])


def test_a_failure_reaches_every_waiting_request_and_the_queue_goes_on(tmp_path):
    audit, broken, fine = AuditStore(open_database(tmp_path / "audit.db")), CountingScorer("v", fail=True), CountingScorer("v")

    async def body(queue):
        failures = await asyncio.gather(*(queue.score(served(broken), "t", str(n)) for n in range(3)),
                                        return_exceptions=True)
        return failures, await queue.score(served(fine), "after", "4")

    failures, later = asyncio.run(with_queue(audit, body))
    assert all(isinstance(f, RuntimeError) for f in failures)
    assert later.risk_score == 0.05
    assert [row.request_id for row in audit.page()] == ["4"]


def test_a_client_that_leaves_does_not_stop_the_queue(tmp_path):
    scorer = CountingScorer("v")

    async def body(queue):
        gone = asyncio.create_task(queue.score(served(scorer), "gone", "1"))
        await asyncio.sleep(0)
        gone.cancel()
        with pytest.raises(asyncio.CancelledError):
            await gone
        return await queue.score(served(scorer), "stays", "2")

    assert asyncio.run(with_queue(AuditStore(open_database(tmp_path / "audit.db")), body)).risk_score == 0.05
