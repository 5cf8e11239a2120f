"""Files the project replaces while others may read them (the dataset, the served model): one
writer at a time, and a crash never leaves half a file."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from filelock import FileLock, Timeout

from app.core.errors import Busy

LOCK_WAIT_SECONDS = 60.0


@contextmanager
def exclusive(path: Path, what: str, wait: float = LOCK_WAIT_SECONDS) -> Iterator[None]:
    """Hold an exclusive lock on ``path`` (a ``.lock`` file beside it) for a read-merge-replace, so
    two runs at once never both read the old file and the last one to write erase the other's
    rows: the second waits up to ``wait`` seconds, then stops with a message."""
    lock = FileLock(str(path.with_name(f".{path.name}.lock")))
    try:
        lock.acquire(timeout=wait)
    except Timeout as error:
        raise Busy(f"{path} is locked by another run ({what}) for more than {wait:.0f} s; "
                         "try again when it has finished") from error
    try:
        yield
    finally:
        lock.release()


def replace_durably(staged: Path, target: Path) -> None:
    """``os.replace`` after the staged file's bytes are on disk, and the rename itself after."""
    with open(staged, "rb+") as handle:
        os.fsync(handle.fileno())
    os.replace(staged, target)
    directory = os.open(target.parent, os.O_RDONLY)
    try:
        os.fsync(directory)
    finally:
        os.close(directory)


