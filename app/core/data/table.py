"""The one table format for scores written as rows: `howey batch` (CSV and JSONL), `POST
/v1/score/csv` and the analyst page's download (which takes its rows from that endpoint) all
write these columns, in this order, from this code.

Spreadsheets run a cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return as a
formula, and every cell here can carry text from outside (an id or a name from the uploader, a
quote from the issuer's document): in CSV such a cell is defused with a leading apostrophe. JSONL
keeps every value exact; it is read by programs, not spreadsheets."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from typing import TextIO

from app.core.prongs import PRONGS

COLUMNS: tuple[str, ...] = (
    "id", "symbol", "name", "risk_score", "risk_level", "prongs_with_evidence",
    *(f"{prong.value}_{part}" for prong in PRONGS for part in ("verdict", "score", "evidence")),
    "model_version", "rulebook_version", "as_of", "scored_at",
)
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def defused(cell):
    """A text cell a spreadsheet will show as text, never run as a formula."""
    return "'" + cell if isinstance(cell, str) and cell.startswith(_FORMULA_STARTS) else cell


def table_row(row_id: str, symbol: str, name: str, result) -> tuple:
    """One scored row in COLUMNS order; the evidence cell is the prong's strongest quote (the
    engine orders evidence by weight). ``result`` is a ScoreResult."""
    prongs = []
    for factor in result.factors:
        prongs += [factor.verdict.value, factor.score, factor.evidence[0].quote if factor.evidence else ""]
    return (row_id, symbol, name, result.risk_score, result.risk_level.value, result.prongs_with_evidence, *prongs,
            result.model_version, result.rulebook_version, result.as_of, result.scored_at)


class TableWriter:
    """Writes table rows as CSV (header first, cells defused) or JSONL (one exact object per row)."""

    def __init__(self, handle: TextIO, jsonl: bool = False):
        self.handle = handle
        self.jsonl = jsonl
        self._csv = None if jsonl else csv.writer(handle, lineterminator="\n")
        if self._csv:
            self._csv.writerow(COLUMNS)

    def write(self, rows: Iterable[tuple]) -> None:
        if self.jsonl:
            self.handle.writelines(json.dumps(dict(zip(COLUMNS, row, strict=True)), ensure_ascii=False) + "\n" for row in rows)
        else:
            self._csv.writerows([defused(cell) for cell in row] for row in rows)


def csv_table(rows: Iterable[tuple]) -> str:
    out = io.StringIO()
    TableWriter(out).write(rows)
    return out.getvalue()


def is_jsonl(file_name: str) -> bool:
    return file_name.lower().endswith((".jsonl", ".ndjson"))
