"""The Howey rules, one module per prong; a rule's ``kind`` says whether it is an ordinary sign, a
hard sign or a 2025 category. Every module in this package that defines ``Rule`` objects at module
level contributes them: adding a rule touches its module (and its test), never a registration list.
``schema`` defines what a rule is, ``authorities`` and ``vocabulary`` what rules cite and share."""

from __future__ import annotations

import importlib
import pkgutil
from functools import cache

from app.core.prongs import PRONGS
from app.core.rules.schema import Evidence, Rule

__all__ = ["Evidence", "Rule", "all_rules"]


@cache
def all_rules() -> tuple[Rule, ...]:
    """Every rule defined in this package, ordered by prong then id."""
    found: dict[str, Rule] = {}
    for module_info in pkgutil.iter_modules(__path__):
        module = importlib.import_module(f"{__name__}.{module_info.name}")
        for value in vars(module).values():
            if isinstance(value, Rule):
                if value.id in found and found[value.id] is not value:
                    raise ValueError(f"duplicate rule id {value.id!r} in {module.__name__}")
                found[value.id] = value
    order = {prong: i for i, prong in enumerate(PRONGS)}
    return tuple(sorted(found.values(), key=lambda r: (order[r.prong], r.id)))
