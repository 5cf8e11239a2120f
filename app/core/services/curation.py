"""Growing the dataset: new rows merged into it under an exclusive lock, so two researchers adding
rows at once both keep them (the second waits for the first), written durably, with the data
card's counts refreshed in the same locked step."""

from __future__ import annotations

from pathlib import Path

from app.core.data.datacard import START, refresh
from app.core.data.dataset import (
    COLUMNS,
    MergeReport,
    Problem,
    check_table,
    merge_rows,
    read_rows,
    write_rows_atomically,
)
from app.core.files import exclusive


def add_rows(data: Path, new: list[dict[str, str]], allow_updates: bool) -> tuple[MergeReport, list[Problem]]:
    """Merge ``new`` into the dataset at ``data``. Nothing is written when the merge has conflicts,
    unapplied updates or rows that fail the checks (returned as problems)."""
    with exclusive(data, "adding rows to the dataset"):
        _, existing = read_rows(data)
        report = merge_rows(existing, new, allow_updates=allow_updates)
        if report.conflicts or (report.updates and not allow_updates):
            return report, []
        problems = check_table(list(COLUMNS), report.merged)
        if problems:
            return report, problems
        write_rows_atomically(data, report.merged)
        card = data.parent / "README.md"
        if card.exists() and START in card.read_text(encoding="utf-8"):
            refresh(card, data)
    return report, []
