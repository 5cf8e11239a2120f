"""The labeled-token dataset: its schema, loading, and the checks every row must pass.

Labels are legal positions of very different weight (an allegation, a settlement, a ruling, a
staff statement), so the provenance columns are validated as strictly as the label itself, and
summaries are kept free of words that would leak the outcome into the classifier."""

from __future__ import annotations

import csv
import hashlib
import io
import os
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from app.core.files import replace_durably
from app.core.prongs import PRONGS

COLUMNS: tuple[str, ...] = (
    "symbol", "name", "label", "label_basis", "cases", "first_action_date", "forum",
    "disposition", "source_url", "summary",
    *(prong.value for prong in PRONGS),
)
LABELS = ("security", "not_security")
LABEL_BASES = (
    "sec_complaint", "sec_settled_order", "court_ruling", "sec_no_action_letter",
    "sec_staff_statement", "cftc_action", "closed_investigation", "other",
)
DISPOSITIONS = (
    "judgment_for_sec", "settled", "default_judgment", "dismissed_by_sec", "dismissed_by_court",
    "pending", "ruled_not_security", "not_applicable",
)
PRONG_VALUES = ("yes", "no", "unclear")
# Bases that can only ever support one label.
BASIS_IMPLIES_LABEL = {
    "sec_complaint": "security",
    "sec_settled_order": "security",
    "sec_no_action_letter": "not_security",
    "sec_staff_statement": "not_security",
    "cftc_action": "not_security",
    "closed_investigation": "not_security",
}
DISPOSITION_IMPLIES_LABEL = {
    "judgment_for_sec": "security",
    "default_judgment": "security",
    "settled": "security",
    "ruled_not_security": "not_security",
}
SUMMARY_WORDS = (40, 300)
EARLIEST_ACTION = date(2013, 1, 1)
# Words that name a regulator, a proceeding or an outcome: in a summary they are the answer key.
LEAKAGE = re.compile(
    r"\b(?:SEC|CFTC|FINRA|Securities\s+and\s+Exchange\s+Commission|regulators?|complaints?|lawsuits?|"
    r"courts?|judges?|rulings?|ruled|alleged(?:ly)?|allegations?|charged|charges|settled|settlements?|"
    r"penalt(?:y|ies)|disgorgement|no-action|enforcement|indict(?:ed|ment)|plaintiffs?|defendants?|"
    r"investigations?|fraud\w*|ponzi|scam|unregistered|registration|securit(?:y|ies)|howey|"
    r"dismiss(?:ed|al)|violat\w+|illegal|commodit(?:y|ies)|cease[- ]and[- ]desist|injunction|"
    r"bankrupt\w*|collapsed?)\b",
    re.IGNORECASE,
)
_SYMBOL = re.compile(r"^[A-Z0-9][A-Z0-9.\-]{0,19}$")
_URL = re.compile(r"^https?://[A-Za-z0-9.-]+\.[A-Za-z]{2,}(?:[/?#][^\s]*)?$")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with the file, located by its line number (the header is line 1)."""

    line: int
    symbol: str
    column: str
    message: str

    def __str__(self) -> str:
        who = f" ({self.symbol})" if self.symbol else ""
        where = f" {self.column}:" if self.column else ""
        return f"line {self.line}{who}:{where} {self.message}"


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def word_count(text: str) -> int:
    return len(text.split())


def read_rows(source: Path | str | bytes) -> tuple[list[str], list[dict[str, str]]]:
    """Header and rows of a labeled-token CSV (a path, or its bytes)."""
    raw = source if isinstance(source, bytes) else Path(source).read_bytes()
    reader = csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline=""))
    rows = [dict(row) for row in reader]
    return list(reader.fieldnames or []), rows


def check_row(row: dict[str, str], line: int, today: date | None = None) -> list[Problem]:
    """Every problem with one row."""
    today = today or date.today()
    symbol = (row.get("symbol") or "").strip()
    problems: list[Problem] = []

    def bad(column: str, message: str) -> None:
        problems.append(Problem(line, symbol, column, message))

    for column in COLUMNS:
        value = row.get(column)
        if value is None or not value.strip():
            bad(column, "is empty")
        elif value != value.strip():
            bad(column, "has leading or trailing white space")
    if None in row:
        bad("", f"has {len(row[None])} more field(s) than the header")
    if symbol and not _SYMBOL.match(symbol):
        bad("symbol", f"{symbol!r} is not an upper-case ticker (A-Z, 0-9, '.', '-')")
    for column, allowed in (("label", LABELS), ("label_basis", LABEL_BASES), ("disposition", DISPOSITIONS)):
        value = row.get(column) or ""
        if value and value not in allowed:
            bad(column, f"{value!r} is not one of {', '.join(allowed)}")
    for prong in PRONGS:
        value = row.get(prong.value) or ""
        if value and value not in PRONG_VALUES:
            bad(prong.value, f"{value!r} is not one of yes, no, unclear")
    label = row.get("label")
    basis = row.get("label_basis") or ""
    if basis in BASIS_IMPLIES_LABEL and label in LABELS and BASIS_IMPLIES_LABEL[basis] != label:
        bad("label_basis", f"{basis!r} only supports the label {BASIS_IMPLIES_LABEL[basis]!r}")
    disposition = row.get("disposition") or ""
    if disposition in DISPOSITION_IMPLIES_LABEL and label in LABELS and DISPOSITION_IMPLIES_LABEL[disposition] != label:
        bad("disposition", f"{disposition!r} contradicts the label {label!r}")
    cases = row.get("cases") or ""
    if cases and any(not part.strip() for part in cases.split(";")):
        bad("cases", "has an empty entry (separate cases with '; ')")
    _check_date(row.get("first_action_date") or "", today, bad)
    url = row.get("source_url") or ""
    if url and not _URL.match(url):
        bad("source_url", f"{url!r} is not an http(s) URL")
    summary = row.get("summary") or ""
    if summary:
        words = word_count(summary)
        low, high = SUMMARY_WORDS
        if not low <= words <= high:
            bad("summary", f"has {words} words; it needs {low} to {high}")
        leak = LEAKAGE.search(summary)
        if leak:
            bad("summary", f"mentions {leak.group(0)!r}: summaries must not name a regulator, a proceeding or an outcome")
    return problems


def _check_date(value: str, today: date, bad) -> None:
    if not value:
        return
    if not _DATE.match(value):
        bad("first_action_date", f"{value!r} is not YYYY-MM-DD")
        return
    try:
        when = date.fromisoformat(value)
    except ValueError:
        bad("first_action_date", f"{value!r} is not a real date")
        return
    if not EARLIEST_ACTION <= when <= today:
        bad("first_action_date", f"{value} is outside {EARLIEST_ACTION} .. {today}")


def check_table(header: list[str], rows: list[dict[str, str]], today: date | None = None) -> list[Problem]:
    """Every problem with a whole file: header, each row, duplicate symbols."""
    problems: list[Problem] = []
    missing = [c for c in COLUMNS if c not in header]
    extra = [c for c in header if c not in COLUMNS]
    if missing:
        problems.append(Problem(1, "", "", f"missing column(s): {', '.join(missing)}"))
    if extra:
        problems.append(Problem(1, "", "", f"unknown column(s): {', '.join(extra)}"))
    if missing:
        return problems
    first_line: dict[str, int] = {}
    for line, row in enumerate(rows, start=2):
        problems.extend(check_row(row, line, today))
        symbol = (row.get("symbol") or "").strip()
        if symbol in first_line:
            problems.append(Problem(line, symbol, "symbol", f"duplicates line {first_line[symbol]}"))
        elif symbol:
            first_line[symbol] = line
    if not rows:
        problems.append(Problem(1, "", "", "the file has no rows"))
    return problems


def check_file(path: Path | str) -> list[Problem]:
    try:
        header, rows = read_rows(path)
    except UnicodeDecodeError as error:
        return [Problem(0, "", "", f"not UTF-8: {error}")]
    except OSError as error:
        return [Problem(0, "", "", f"cannot read: {error}")]
    except csv.Error as error:
        return [Problem(0, "", "", f"not a readable CSV: {error}")]
    return check_table(header, rows)


def write_rows(path: Path, rows: list[dict[str, str]]) -> None:
    """Write rows in the canonical column order and quoting."""
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows({c: row[c] for c in COLUMNS} for row in rows)


@dataclass(frozen=True)
class MergeReport:
    """What `howey data add` found: rows added, identical rows skipped, rows that update an
    existing token (same label), and conflicts (same symbol, different label)."""

    added: list[str]
    duplicates: list[str]
    updates: list[str]
    conflicts: list[str]
    merged: list[dict[str, str]]


def merge_rows(existing: list[dict[str, str]], new: list[dict[str, str]], allow_updates: bool) -> MergeReport:
    """Existing rows with the new ones merged in, by symbol. Identical rows are skipped; a row for
    a known symbol with the same label replaces it only with ``allow_updates`` (to add a new case
    to a token, say); a row with a different label is a conflict and is never merged."""
    by_symbol = {row["symbol"]: i for i, row in enumerate(existing)}
    merged = [dict(row) for row in existing]
    added, duplicates, updates, conflicts = [], [], [], []
    for row in new:
        symbol = row["symbol"]
        if symbol not in by_symbol:
            by_symbol[symbol] = len(merged)
            merged.append({c: row[c] for c in COLUMNS})
            added.append(symbol)
            continue
        current = merged[by_symbol[symbol]]
        if all(current[c] == row[c] for c in COLUMNS):
            duplicates.append(symbol)
        elif current["label"] != row["label"]:
            conflicts.append(f"{symbol}: labeled {current['label']!r} in the dataset, {row['label']!r} in the new rows")
        else:
            updates.append(symbol)
            if allow_updates:
                merged[by_symbol[symbol]] = {c: row[c] for c in COLUMNS}
    return MergeReport(added, duplicates, updates, conflicts, merged)


def write_rows_atomically(path: Path, rows: list[dict[str, str]]) -> None:
    """Write to a temporary file beside ``path``, flush it to disk, then replace ``path`` with it:
    a crash never leaves a half-written dataset. The caller holds ``exclusive(path)``, so a
    temporary file found here was left by a crashed run and is removed."""
    path = Path(path)
    for stale in path.parent.glob(f".{path.name}.*.tmp"):
        stale.unlink(missing_ok=True)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        write_rows(temporary, rows)
        replace_durably(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)
