"""What a rule definition must say before it is a rule."""

import pytest

from app.core.prongs import Direction, Prong
from app.core.rules import Rule


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"id": "wrong.id"}, "must start with its prong"),
        ({"weight": 1.5}, "weight"),
        ({"patterns": ()}, "at least one pattern"),
        ({"kind": "vibe"}, "kind must be one of"),
        ({"kind": "hard_sign", "direction": Direction.WEIGHS_AGAINST}, "always supports"),
        ({"kind": "category"}, "always weighs against"),
    ],
)
def test_rule_definition_is_validated(changes, message):
    fields = {"id": "investment_of_money.x", "prong": Prong.INVESTMENT_OF_MONEY, "direction": Direction.SUPPORTS,
              "weight": 0.5, "rationale": "x.", "authority": "y", "patterns": ("z",)}
    with pytest.raises(ValueError, match=message):
        Rule(**{**fields, **changes})
