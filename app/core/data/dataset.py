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
from urllib.parse import urlsplit

from app.core.files import replace_durably
from app.core.prongs import PRONGS

COLUMNS: tuple[str, ...] = (
    "symbol", "name", "unit", "channel", "label", "label_basis", "cases", "first_action_date",
    "date_precision", "forum", "disposition", "disposition_date", "as_of", "source_url", "summary",
    *(prong.value for prong in PRONGS),
)
# Columns that may be empty: a case with no disposition yet has no disposition date.
OPTIONAL_COLUMNS = frozenset({"disposition_date"})
LABELS = ("security", "not_security")
CHANNELS = (
    "primary_sale", "secondary_market", "airdrop", "mining", "staking_program", "lending_program",
    "registered_offering", "other",
)
DATE_PRECISIONS = ("day", "month", "year")
LABEL_BASES = (
    "sec_complaint", "sec_settled_order", "court_ruling", "sec_no_action_letter",
    "sec_staff_statement", "cftc_action", "closed_investigation", "registered_offering",
    "analyst_review", "sec_interpretive_release", "other",
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
    "registered_offering": "security",
}
DISPOSITION_IMPLIES_LABEL = {
    "judgment_for_sec": "security",
    "default_judgment": "security",
    "settled": "security",
    "ruled_not_security": "not_security",
}
# Dispositions that close nothing, so carry no date.
UNDATED_DISPOSITIONS = frozenset({"pending", "not_applicable"})
PRIMARY_SOURCE_HOSTS = (
    "sec.gov", "cftc.gov", "uscourts.gov", "courtlistener.com", "govinfo.gov", "dockets.justia.com",
    "docs.justia.com", "supremecourt.gov", "justice.gov",
)
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
        if value is None or (not value.strip() and column not in OPTIONAL_COLUMNS):
            bad(column, "is empty")
        elif value != value.strip():
            bad(column, "has leading or trailing white space")
    if None in row:
        bad("", f"has {len(row[None])} more field(s) than the header")
    if symbol and not _SYMBOL.match(symbol):
        bad("symbol", f"{symbol!r} is not an upper-case ticker (A-Z, 0-9, '.', '-')")
    for column, allowed in (("label", LABELS), ("label_basis", LABEL_BASES), ("disposition", DISPOSITIONS),
                            ("channel", CHANNELS), ("date_precision", DATE_PRECISIONS)):
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
    _check_dates(row, today, bad)
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


def _check_dates(row: dict[str, str], today: date, bad) -> None:
    """Each date is real and in range; a disposition and the date the label reflects come no
    earlier than the first action; a date known only to the month or year says so by its day. A
    closed case whose closing date the public record does not give keeps it empty (the data card
    counts them) rather than guessing."""
    when = {column: _parse_date(column, row.get(column) or "", today, bad)
            for column in ("first_action_date", "disposition_date", "as_of")}
    first = when["first_action_date"]
    for column in ("disposition_date", "as_of"):
        if first and when[column] and when[column] < first:
            bad(column, f"{when[column]} is before the first action ({first})")
    precision = row.get("date_precision") or ""
    if first and precision in ("month", "year") and (first.day != 1 or (precision == "year" and first.month != 1)):
        bad("date_precision", f"{first} is known only to the {precision}: write its first day")
    disposition = row.get("disposition") or ""
    if disposition in UNDATED_DISPOSITIONS and row.get("disposition_date"):
        bad("disposition_date", f"a {disposition!r} case has no disposition date")


def _parse_date(column: str, value: str, today: date, bad) -> date | None:
    if not value:
        return None
    if not _DATE.match(value):
        bad(column, f"{value!r} is not YYYY-MM-DD")
        return None
    try:
        when = date.fromisoformat(value)
    except ValueError:
        bad(column, f"{value!r} is not a real date")
        return None
    if not EARLIEST_ACTION <= when <= today:
        bad(column, f"{value} is outside {EARLIEST_ACTION} .. {today}")
        return None
    return when


def is_primary_source(url: str) -> bool:
    """A regulator's own page, a court's or docket's page, or a filing on EDGAR: the document a
    label rests on, not somebody's account of it."""
    host = (urlsplit(url).hostname or "").lower()
    return any(host == h or host.endswith("." + h) for h in PRIMARY_SOURCE_HOSTS)


def check_table(header: list[str], rows: list[dict[str, str]], today: date | None = None) -> list[Problem]:
    """Every problem with a whole file: header, each row, a unit of sale listed twice."""
    problems: list[Problem] = []
    missing = [c for c in COLUMNS if c not in header]
    extra = [c for c in header if c not in COLUMNS]
    if missing:
        problems.append(Problem(1, "", "", f"missing column(s): {', '.join(missing)}"))
    if extra:
        problems.append(Problem(1, "", "", f"unknown column(s): {', '.join(extra)}"))
    if missing:
        return problems
    first_line: dict[tuple[str, str], int] = {}
    for line, row in enumerate(rows, start=2):
        problems.extend(check_row(row, line, today))
        key = unit_key(row)
        if key in first_line:
            problems.append(Problem(line, key[0], "unit", f"(symbol, unit) duplicates line {first_line[key]}"))
        elif key[0]:
            first_line[key] = line
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


def unit_key(row: dict[str, str]) -> tuple[str, str]:
    """What identifies a row: a label belongs to a unit of sale, and one token can have several."""
    return (row.get("symbol") or "").strip(), (row.get("unit") or "").strip()


@dataclass(frozen=True)
class MergeReport:
    """What `howey data add` found, by unit ("SYMBOL: unit"): rows added, identical rows skipped,
    rows that update a known unit (same label), and conflicts (same unit, different label)."""

    added: list[str]
    duplicates: list[str]
    updates: list[str]
    conflicts: list[str]
    merged: list[dict[str, str]]


def merge_rows(existing: list[dict[str, str]], new: list[dict[str, str]], allow_updates: bool) -> MergeReport:
    """Existing rows with the new ones merged in, by unit of sale. Identical rows are skipped; a row
    for a known unit with the same label replaces it only with ``allow_updates`` (to add a new case
    to it, say); a row with a different label is a conflict and is never merged. A new unit of a
    known token (XRP's programmatic sales beside its institutional ones) is simply added."""
    by_unit = {unit_key(row): i for i, row in enumerate(existing)}
    merged = [dict(row) for row in existing]
    added, duplicates, updates, conflicts = [], [], [], []
    for row in new:
        key = unit_key(row)
        name = f"{key[0]}: {key[1]}"
        if key not in by_unit:
            by_unit[key] = len(merged)
            merged.append({c: row[c] for c in COLUMNS})
            added.append(name)
            continue
        current = merged[by_unit[key]]
        if all(current[c] == row[c] for c in COLUMNS):
            duplicates.append(name)
        elif current["label"] != row["label"]:
            conflicts.append(f"{name}: labeled {current['label']!r} in the dataset, {row['label']!r} in the new rows")
        else:
            updates.append(name)
            if allow_updates:
                merged[by_unit[key]] = {c: row[c] for c in COLUMNS}
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
