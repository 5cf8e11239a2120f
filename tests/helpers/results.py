"""Score results made by hand, for the stores and the queue, which only pass them on."""

from app.core.engine.weighing import ProngAssessment
from app.core.prongs import PRONGS, RiskLevel, Verdict
from app.core.services.scoring import ScoreResult
from app.store.audit import AuditEntry

RULEBOOK_VERSION = "rb-0000000"
SCORED_AT = "2026-01-01T00:00:00Z"


def result(risk: float = 0.5, verdict: Verdict = Verdict.UNCLEAR) -> ScoreResult:
    factors = [ProngAssessment(prong, 0.5, verdict, ()) for prong in PRONGS]
    return ScoreResult(risk, RiskLevel.MEDIUM, factors, 0.5, [], [], "test-model", RULEBOOK_VERSION, SCORED_AT, SCORED_AT[:10])


def entries(request_id: str | None, *texts: str) -> list[AuditEntry]:
    return [AuditEntry(request_id, text, result(), item_id=str(n)) for n, text in enumerate(texts, 1)]
