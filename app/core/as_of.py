"""The date a score answers for. Law can be applied as it stood on an earlier day (the rules leave
out the carve-outs whose authority did not exist yet); it cannot be applied as it will stand."""

from __future__ import annotations

from datetime import UTC, date, datetime


def today() -> date:
    return datetime.now(UTC).date()


def check_as_of(as_of: date | None) -> date | None:
    """``as_of`` itself, or ValueError if it lies after today (UTC)."""
    if as_of is not None and as_of > today():
        raise ValueError(f"as_of {as_of} is after today ({today()}): the law of a future day is not known")
    return as_of
