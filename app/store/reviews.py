"""Analysts' reviews of served scores, kept beside the audit log (same database, own table): a review
agrees with the machine or overrides it, per prong and on the decision, and never changes the
audit row it refers to. Several reviews of one score are kept in the order they were made, each
committed before its answer leaves, as the audit rows are.

No FastAPI here: the store is injected into the routers and usable from the CLI as it is."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

from app.core.data.dataset import check_row
from app.core.errors import InputError
from app.core.prongs import PRONGS
from app.store.database import Database, utc_timestamp

DECISIONS = ("security", "not_security", "undecided")
PRONG_VERDICTS = ("met", "not_met", "unclear")
_PRONG_COLUMNS = [prong.value for prong in PRONGS]

_COLUMNS = [prong.value for prong in PRONGS]

_SCHEMA = f"""
CREATE TABLE IF NOT EXISTS reviews (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    review_id TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL,
    request_id TEXT NOT NULL,
    reviewer TEXT NOT NULL,
    decision TEXT NOT NULL,
    {", ".join(f"{column} TEXT" for column in _PRONG_COLUMNS)},
    note TEXT,
    text TEXT
);
CREATE INDEX IF NOT EXISTS reviews_request ON reviews (request_id)
"""
_COLUMNS = ["review_id", "created_at", "request_id", "reviewer", "decision", *_PRONG_COLUMNS, "note", "text"]
_INSERT = f"INSERT INTO reviews ({', '.join(_COLUMNS)}) VALUES ({', '.join('?' for _ in _COLUMNS)}) RETURNING id"
_SELECT = f"SELECT id, {', '.join(_COLUMNS)} FROM reviews"


class UnknownRequest(InputError):
    """A review of a score the audit log does not hold."""


@dataclass(frozen=True, slots=True)
class Review:
    id: int
    review_id: str
    created_at: str
    request_id: str
    reviewer: str
    decision: str
    prongs: dict[str, str] | None
    note: str | None
    text: str | None


@dataclass(frozen=True, slots=True)
class ReviewedScore:
    """A review with the machine's answer it reviewed (the first score of its request)."""

    review: Review
    risk_level: str
    verdicts: dict[str, str]
    scored_text: str | None


def machine_decision(risk_level: str) -> str:
    """What the machine's level says, in the reviewer's words: high is a security, low is not, the
    rest is undecided."""
    return {"high": "security", "low": "not_security"}.get(risk_level, "undecided")


def _review(row: tuple) -> Review:
    prongs = {column: verdict for column, verdict in zip(_PRONG_COLUMNS, row[6:10], strict=True) if verdict}
    return Review(id=row[0], review_id=row[1], created_at=row[2], request_id=row[3], reviewer=row[4], decision=row[5],
                  prongs=prongs or None, note=row[10], text=row[11])


class ReviewStore:
    def __init__(self, db: Database):
        self._db = db

    def add(self, request_id: str, reviewer: str, decision: str, prongs: dict[str, str] | None = None,
            note: str | None = None, text: str | None = None) -> Review:
        """Store a review of the score(s) of ``request_id``; UnknownRequest if none was served. The
        check and the insert are one transaction."""
        prongs = prongs or {}
        with self._db.writing() as transaction:
            if not transaction.execute("SELECT 1 FROM scores WHERE request_id = ? LIMIT 1", (request_id,)):
                raise UnknownRequest(f"no score was served for request_id {request_id!r}")
            created_at = transaction.now()
            review_id = uuid.uuid4().hex
            [(row_id,)] = transaction.execute(_INSERT, (review_id, created_at, request_id, reviewer, decision,
                                                        *(prongs.get(column) for column in _PRONG_COLUMNS), note, text))
        return Review(row_id, review_id, created_at, request_id, reviewer, decision, prongs or None, note, text)

    def page(self, since: datetime | None = None, after_id: int = 0, limit: int = 100) -> list[Review]:
        """Reviews made at or after ``since`` with an id above ``after_id``, oldest first."""
        query, parameters = _SELECT + " WHERE id > ?", [after_id]
        if since is not None:
            query += " AND created_at >= ?"
            parameters.append(utc_timestamp(since))
        query += " ORDER BY id LIMIT ?"
        parameters.append(limit)
        return [_review(row) for row in self._db.read(query, parameters)]

    def of_request(self, request_id: str) -> list[Review]:
        """Every review of one score, in the order they were made."""
        return [_review(row) for row in self._db.read(_SELECT + " WHERE request_id = ? ORDER BY id", [request_id])]

    def reviewed_scores(self) -> list[ReviewedScore]:
        """Every review beside the machine's answer it reviewed, oldest first."""
        verdicts = ", ".join(f"s.{column}" for column in _PRONG_COLUMNS)
        rows = self._db.read(
            f"SELECT r.id, {', '.join('r.' + c for c in _COLUMNS)}, s.risk_level, {verdicts}, s.text FROM reviews r "
            "JOIN scores s ON s.id = (SELECT MIN(id) FROM scores WHERE request_id = r.request_id) ORDER BY r.id")
        width = 1 + len(_COLUMNS)
        return [ReviewedScore(_review(row[:width]), row[width], dict(zip(_PRONG_COLUMNS, row[width + 1:width + 5], strict=True)),
                              row[-1]) for row in rows]


def agreement(reviewed: list[ReviewedScore]) -> dict:
    """Machine-versus-analyst agreement: per prong, over the reviews that gave that prong a verdict,
    and on the decision (the machine's level read as a decision), with the confusion counts."""
    report: dict = {"reviews": len(reviewed), "prongs": {}, "decision": {}}
    for prong in _PRONG_COLUMNS:
        pairs = [(r.verdicts[prong], r.review.prongs[prong]) for r in reviewed if r.review.prongs and r.review.prongs.get(prong)]
        report["prongs"][prong] = _agreement(pairs)
    report["decision"] = _agreement([(machine_decision(r.risk_level), r.review.decision) for r in reviewed])
    return report


def _agreement(pairs: list[tuple[str, str]]) -> dict:
    confusion: dict[str, int] = {}
    for machine, analyst in pairs:
        key = f"{machine}->{analyst}"
        confusion[key] = confusion.get(key, 0) + 1
    return {"reviewed": len(pairs), "agreement": round(sum(m == a for m, a in pairs) / len(pairs), 3) if pairs else None,
            "confusion": dict(sorted(confusion.items()))}


# Where an exported row's provenance points: the review lives in this service's database, so the
# URL is in the reserved .invalid domain (RFC 2606) rather than a page anyone could fetch.
REVIEW_URL = "https://howey.invalid/v1/reviews/{review_id}"
_PRONG_LABEL = {"met": "yes", "not_met": "no", "unclear": "unclear"}


def review_rows(reviewed: list[ReviewedScore]) -> tuple[list[dict[str, str]], list[str]]:
    """The reviews that have a text and a decision, as rows of the labeled dataset (`howey data
    add` takes them): the analyst's decision is the label (``analyst_review``), the reviewer and the
    date are the provenance, the per-prong verdicts the gold prong labels. The latest review of a
    score wins; a row that would fail `howey data check` (too short, naming a regulator) is left out.
    Also the reasons the others were left out."""
    latest: dict[str, ReviewedScore] = {}
    skipped: list[str] = []
    for item in reviewed:
        latest[item.review.request_id] = item
    rows = []
    for item in latest.values():
        review = item.review
        text = review.text or item.scored_text
        if review.decision == "undecided":
            skipped.append(f"review {review.review_id}: undecided")
            continue
        if not text:
            skipped.append(f"review {review.review_id}: no text (send it with the review, or set HOWEY_AUDIT_STORE_TEXT=1)")
            continue
        day = review.created_at[:10]
        row = {
            "symbol": f"REVIEW-{review.review_id[:8].upper()}",
            "name": f"Reviewed document {review.review_id[:8]}",
            "unit": f"The offering the document scored in request {review.request_id} describes",
            "channel": "other",
            "label": review.decision,
            "label_basis": "analyst_review",
            "cases": f"Analyst review by {review.reviewer}, {day} (review {review.review_id})",
            "first_action_date": day,
            "date_precision": "day",
            "forum": "howey analyst review",
            "disposition": "not_applicable",
            "disposition_date": "",
            "as_of": day,
            "source_url": REVIEW_URL.format(review_id=review.review_id),
            "summary": " ".join(text.split()),
            **{prong: _PRONG_LABEL[(review.prongs or {}).get(prong, "unclear")] for prong in _PRONG_COLUMNS},
        }
        problems = check_row(row, 0)
        if problems:
            skipped.append(f"review {review.review_id}: " + "; ".join(p.message for p in problems))
        else:
            rows.append(row)
    return rows, skipped
