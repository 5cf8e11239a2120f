"""CSV in and out for ``POST /v1/score/csv``. A file with any bad row is refused whole, like a
batch with a bad item, and every problem is reported with its line so it can be fixed rather
than guessed at; a silently skipped or truncated row would be a score nobody asked for."""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass

from app.core.data.listings import ListingsError, Rejected, read_csv
from app.core.data.table import csv_table, table_row
from app.core.services.scoring import ScoreResult

TEXT, ID, SYMBOL, NAME = "text", "id", "symbol", "name"
# Row problems that are about the text column, for the error's location.
_TEXT_PROBLEMS = ("empty text", "text too long", "not UTF-8")
# Enough problems to fix a file by; the rest are counted.
MAX_PROBLEMS_LISTED = 20


@dataclass(frozen=True, slots=True)
class CsvItem:
    id: str
    symbol: str
    name: str
    text: str


@dataclass(frozen=True, slots=True)
class CsvProblem:
    message: str
    line: int | None = None
    column: str | None = None


class CsvRejected(ValueError):
    def __init__(self, problems: list[CsvProblem]):
        super().__init__("; ".join(p.message for p in problems))
        self.problems = problems


def read_items(data: bytes, max_items: int, max_text_chars: int) -> list[CsvItem]:
    """The rows of an uploaded CSV, read by the same reader as `howey batch` (UTF-8, a BOM
    allowed, header names matched case-insensitively; a row without an id gets its row number).
    Raises CsvRejected listing what is wrong."""
    try:
        data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise CsvRejected([CsvProblem(f"the file is not UTF-8 text: byte 0x{data[error.start]:02x} at offset "
                                      f"{error.start} cannot be decoded; save the CSV as UTF-8", line)]) from error
    items: list[CsvItem] = []
    problems: list[CsvProblem] = []
    try:
        for row in read_csv(io.BytesIO(data), max_text_chars=max_text_chars):
            if len(items) + len(problems) == max_items:
                problems.append(CsvProblem(f"the file has more than {max_items} rows; split it into smaller files", row.line))
                break
            if isinstance(row, Rejected):
                column = TEXT if row.kind in _TEXT_PROBLEMS else ID if row.kind == "id too long" else None
                problems.append(CsvProblem(row.reason, row.line, column))
            else:
                items.append(CsvItem(id=row.id, symbol=row.symbol, name=row.name, text=row.text))
    except ListingsError as error:
        raise CsvRejected([CsvProblem(str(error), 1)]) from error
    if problems:
        shown = problems[:MAX_PROBLEMS_LISTED]
        if len(problems) > len(shown):
            shown.append(CsvProblem(f"and {len(problems) - len(shown)} more problem(s)"))
        raise CsvRejected(shown)
    if not items:
        raise CsvRejected([CsvProblem("the file has a header but no rows to score", 2)])
    return items


def write_scores(items: Sequence[CsvItem], results: Sequence[ScoreResult]) -> str:
    """The table format, one row per input row, in input order."""
    return csv_table(table_row(item.id, item.symbol, item.name, result) for item, result in zip(items, results, strict=True))
