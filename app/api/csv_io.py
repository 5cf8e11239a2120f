"""CSV in and out for ``POST /v1/score/csv``. A file with any bad row is refused whole, like a
batch with a bad item, and every problem is reported with its line so it can be fixed rather
than guessed at; a silently skipped or truncated row would be a score nobody asked for."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass

from app.core.prongs import PRONGS
from app.core.scorer import ScoreResult

TEXT, ID, SYMBOL, NAME = "text", "id", "symbol", "name"
OUTPUT_COLUMNS = [ID, SYMBOL, NAME, "risk_score", "risk_level", *(f"{prong.value}_score" for prong in PRONGS)]
# Spreadsheets run a cell starting with one of these as a formula; symbol and name come from
# issuers, so they are defused with a leading apostrophe (ids are the caller's own, kept exact).
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
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
    """The rows of an uploaded CSV (UTF-8, a BOM allowed; header names matched case-insensitively).
    A row without an id gets its row number. Raises CsvRejected listing what is wrong."""
    try:
        content = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise CsvRejected([CsvProblem(f"the file is not UTF-8 text: byte 0x{data[error.start]:02x} at offset "
                                      f"{error.start} cannot be decoded; save the CSV as UTF-8", line)]) from error
    reader = csv.reader(io.StringIO(content, newline=""))
    try:
        header = next(reader, None)
        if header is None:
            raise CsvRejected([CsvProblem("the file is empty: expected a header row with a 'text' column", 1)])
        columns = _column_positions(header)
        items, problems = _read_rows(reader, columns, len(header), max_items, max_text_chars)
    except csv.Error as error:
        raise CsvRejected([CsvProblem(f"the file is not valid CSV: {error}", reader.line_num)]) from error
    if problems:
        shown = problems[:MAX_PROBLEMS_LISTED]
        if len(problems) > len(shown):
            shown.append(CsvProblem(f"and {len(problems) - len(shown)} more problem(s)"))
        raise CsvRejected(shown)
    if not items:
        raise CsvRejected([CsvProblem("the file has a header but no rows to score", 2)])
    return items


def _column_positions(header: list[str]) -> dict[str, int]:
    names = [name.strip().lower() for name in header]
    for known in (TEXT, ID, SYMBOL, NAME):
        if names.count(known) > 1:
            raise CsvRejected([CsvProblem(f"the header names the column {known!r} more than once", 1, known)])
    if TEXT not in names:
        found = ", ".join(repr(name) for name in header) or "none"
        raise CsvRejected([CsvProblem(f"the CSV has no 'text' column (columns found: {found})", 1, TEXT)])
    return {known: names.index(known) for known in (TEXT, ID, SYMBOL, NAME) if known in names}


def _read_rows(reader, columns: dict[str, int], width: int, max_items: int,
               max_text_chars: int) -> tuple[list[CsvItem], list[CsvProblem]]:
    items: list[CsvItem] = []
    problems: list[CsvProblem] = []
    first_line = reader.line_num + 1
    for row in reader:
        line, first_line = first_line, reader.line_num + 1
        if not any(field.strip() for field in row):
            continue  # blank lines, typically at the end of the file
        if len(items) == max_items:
            problems.append(CsvProblem(f"the file has more than {max_items} rows; split it into smaller files", line))
            break
        if len(row) > width:
            problems.append(CsvProblem(f"the row has {len(row)} fields but the header has {width}: quote fields "
                                       "that contain commas", line))
            continue
        text = _field(row, columns, TEXT)
        if not text.strip():
            problems.append(CsvProblem("the text is empty", line, TEXT))
        elif len(text) > max_text_chars:
            problems.append(CsvProblem(f"the text has {len(text)} characters, more than {max_text_chars}", line, TEXT))
        items.append(CsvItem(id=_field(row, columns, ID).strip() or str(len(items) + 1),
                             symbol=_field(row, columns, SYMBOL).strip(), name=_field(row, columns, NAME).strip(),
                             text=text))
    return items, problems


def _field(row: list[str], columns: dict[str, int], name: str) -> str:
    """A short row (a spreadsheet dropping trailing empty cells) reads as empty fields."""
    position = columns.get(name)
    return row[position] if position is not None and position < len(row) else ""


def write_scores(items: Sequence[CsvItem], results: Sequence[ScoreResult]) -> str:
    """One output row per input row, in input order, with the prong scores in PRONGS order."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(OUTPUT_COLUMNS)
    for item, result in zip(items, results, strict=True):
        writer.writerow([item.id, _defused(item.symbol), _defused(item.name), result.risk_score, result.risk_level,
                         *(factor.score for factor in result.factors)])
    return out.getvalue()


def _defused(cell: str) -> str:
    return "'" + cell if cell.startswith(_FORMULA_STARTS) else cell
