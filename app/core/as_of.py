"""The date a score answers for. Law can be applied as it stood on an earlier day (the rules leave
out the carve-outs whose authority did not exist yet); it cannot be applied as it will stand, so a
later date gets today's."""

from __future__ import annotations

from datetime import UTC, date, datetime


def today() -> date:
    return datetime.now(UTC).date()


def check_as_of(as_of: date | None) -> date | None:
    """``as_of``, or today for a later date: the law of a future day is not known, so a score
    asked for one applies today's (and says so: its ``as_of`` is today)."""
    return min(as_of, today()) if as_of is not None else None
