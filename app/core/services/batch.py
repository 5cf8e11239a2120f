"""Bulk scoring of listings: stream a file in chunks, score the chunks on several processes, and
write results in input order. Memory stays flat because only a bounded number of chunks is in
flight, whatever the file's size."""

from __future__ import annotations

import csv
import gc
import time
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path

from app.core.data.listings import Listing, Rejected, reader_for
from app.core.data.table import TableWriter, defused, is_jsonl, table_row
from app.core.services.scoring import Scorer, load_scorer

CHUNK_ROWS = 256
IN_FLIGHT_PER_JOB = 2


_worker_scorer: Scorer | None = None


def _start_worker(model_dir: str, pinned_sha256: str | None) -> None:
    global _worker_scorer  # one scorer per worker process, loaded once (verified) at start
    _worker_scorer, _ = load_scorer(model_dir, pinned_sha256=pinned_sha256)
    # The model lives as long as the worker: kept out of the garbage collector's passes, which
    # otherwise walk all of it again and again while the rows' short-lived objects come and go.
    gc.freeze()


def _score_chunk_in_worker(chunk: list[Listing]) -> list[tuple]:
    return _score_chunk(_worker_scorer, chunk)


def _score_chunk(scorer: Scorer, chunk: list[Listing]) -> list[tuple]:
    results = scorer.score_many([listing.text for listing in chunk], explain=False)
    return [table_row(listing.id, listing.symbol, listing.name, result) for listing, result in zip(chunk, results, strict=True)]


@dataclass
class BatchSummary:
    scored: int = 0
    rejected: int = 0
    reasons: Counter = field(default_factory=Counter)
    seconds: float = 0.0

    @property
    def rows_per_second(self) -> float:
        return self.scored / self.seconds if self.seconds else 0.0


def _chunks(items: Iterable[Listing | Rejected], on_reject: Callable[[Rejected], None]) -> Iterator[list[Listing]]:
    """Listings grouped into chunks; rejections are handed to ``on_reject`` as they are met."""
    chunk: list[Listing] = []
    for item in items:
        if isinstance(item, Rejected):
            on_reject(item)
            continue
        chunk.append(item)
        if len(chunk) == CHUNK_ROWS:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def score_stream(items: Iterable[Listing | Rejected], model_dir: Path | str, jobs: int,
                 on_reject: Callable[[Rejected], None], pinned_sha256: str | None = None) -> Iterator[list[tuple]]:
    """Scored chunks in input order. With ``jobs > 1`` chunks are scored on a process pool, at
    most ``jobs * IN_FLIGHT_PER_JOB`` at a time, so reading never runs ahead of scoring."""
    chunks = _chunks(items, on_reject)
    if jobs <= 1:
        scorer, _ = load_scorer(model_dir, pinned_sha256=pinned_sha256)
        for chunk in chunks:
            yield _score_chunk(scorer, chunk)
        return
    with ProcessPoolExecutor(max_workers=jobs, initializer=_start_worker, initargs=(str(model_dir), pinned_sha256)) as pool:
        pending: deque[Future] = deque(pool.submit(_score_chunk_in_worker, c) for c in islice(chunks, jobs * IN_FLIGHT_PER_JOB))
        while pending:
            done = pending.popleft().result()
            for chunk in islice(chunks, 1):
                pending.append(pool.submit(_score_chunk_in_worker, chunk))
            yield done


class _LazyWriter:
    """A CSV writer whose file (and header) is created at the first row, so that a run with
    nothing to report leaves no empty file behind."""

    def __init__(self, path: Path, header: list[str]):
        self.path, self.header, self._handle, self._writer = path, header, None, None

    def writerow(self, row: list) -> None:
        if self._writer is None:
            self._handle = open(self.path, "w", encoding="utf-8", newline="")  # noqa: SIM115 (closed in __exit__)
            self._writer = csv.writer(self._handle, lineterminator="\n")
            self._writer.writerow(self.header)
        self._writer.writerow(row)

    def __enter__(self) -> _LazyWriter:
        return self

    def __exit__(self, *exc) -> None:
        if self._handle is not None:
            self._handle.close()


def run_batch(
    input_path: Path,
    output_path: Path,
    rejects_path: Path,
    model_dir: Path | str,
    jobs: int = 1,
    text_column: str = "text",
    id_column: str = "id",
    on_progress: Callable[[int, int], None] | None = None,
    pinned_sha256: str | None = None,
) -> BatchSummary:
    """Score ``input_path`` into ``output_path``; bad rows go to ``rejects_path`` with their line
    and reason and never stop the run (the file is written only if a row is rejected; a stale one
    from an earlier run is removed). ``on_progress(rows_done, bytes_read)`` is called per chunk."""
    summary = BatchSummary()
    read = reader_for(input_path.name)
    started = time.perf_counter()
    rejects_path.unlink(missing_ok=True)
    with open(input_path, "rb") as source, open(output_path, "w", encoding="utf-8", newline="") as out, \
            _LazyWriter(rejects_path, ["line", "id", "reason"]) as rejects:

        def reject(item: Rejected) -> None:
            summary.rejected += 1
            summary.reasons[item.kind] += 1
            rejects.writerow([item.line, defused(item.id), defused(item.reason)])

        writer = TableWriter(out, jsonl=is_jsonl(output_path.name))
        for rows in score_stream(read(source, text_column, id_column), model_dir, jobs, reject, pinned_sha256):
            writer.write(rows)
            summary.scored += len(rows)
            if on_progress:
                on_progress(summary.scored, source.tell())
    summary.seconds = time.perf_counter() - started
    return summary
