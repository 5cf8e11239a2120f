"""Truth tables of the rules: which rules fire on a sentence, and in which direction."""

from functools import cache

from app.core.engine.rule_engine import RuleEngine


@cache
def _engine() -> RuleEngine:
    return RuleEngine()


def fired_rules(text: str) -> dict[str, str]:
    """Rule id -> direction of every rule that fires on ``text``; every quote is checked to be
    exactly ``text[start:end]`` on the way."""
    fired = {}
    for evidence in _engine().evidence(text):
        assert text[evidence.start : evidence.end] == evidence.quote
        fired[evidence.rule_id] = evidence.direction.value
    return fired


def check_truth_table(text: str, expected: dict[str, str], absent: tuple[str, ...] = ()) -> None:
    fired = fired_rules(text)
    for rule_id, direction in expected.items():
        assert fired.get(rule_id) == direction, f"{rule_id} should {direction} on {text!r}; fired: {fired}"
    for rule_id in absent:
        assert rule_id not in fired, f"{rule_id} must not fire on {text!r}"


def kind_of(rule_id: str) -> str:
    """The kind (sign, hard_sign, category) of the rule with this id."""
    return next(rule.kind.value for rule in _engine().rules if rule.id == rule_id)


def cases(signs=(), hard_signs=(), categories=()) -> list[tuple]:
    """One prong's truth-table rows as (text, expected, absent, kind) parameters."""
    return [(*row, kind) for kind, rows in (("sign", signs), ("hard_sign", hard_signs), ("category", categories))
            for row in rows]


def check_case(text: str, expected: dict[str, str], absent: tuple[str, ...], kind: str) -> None:
    """A truth-table row holds, and the rules a hard-sign or category row names are of that kind."""
    if kind != "sign":
        assert {kind_of(rule_id) for rule_id in (*expected, *absent)} == {kind}
    check_truth_table(text, expected, absent)
