"""The rulebook fingerprint: stable, and moved by everything that decides evidence and prong scores."""

import dataclasses
import json
import re
import shutil
import subprocess
import sys

import pytest

from app.core.engine import rulebook, weighing
from app.core.engine.rule_engine import RuleEngine
from app.core.errors import RulebookMismatch
from app.core.rules import all_rules
from app.core.services.scoring import load_scorer
from tests.helpers.paths import ROOT, SHIPPED_MODEL

RULES = all_rules()


def _with(rule_id: str, **changes):
    return tuple(dataclasses.replace(r, **changes) if r.id == rule_id else r for r in RULES)


def test_fingerprint_is_stable_and_independent_of_rule_order():
    assert rulebook.fingerprint() == rulebook.fingerprint(tuple(reversed(RULES))) == rulebook.current_fingerprint()
    assert re.fullmatch(r"[0-9a-f]{64}", rulebook.current_fingerprint())
    assert re.fullmatch(r"rb-[0-9a-f]{7}", rulebook.short_version(rulebook.current_fingerprint()))


@pytest.mark.parametrize("changes", [
    {"weight": 0.11},
    {"patterns": (r"\bsomething\s+else\b",)},
    {"kind": "category", "direction": "weighs_against"},
    {"negatable": False},
    {"max_evidence": 1},
    {"unless": (r"\bvetoed\b",)},
])
def test_every_deciding_field_moves_the_fingerprint(changes):
    rule = next(r for r in RULES if r.id == "investment_of_money.token_sale")
    if "direction" in changes:
        changes = {**changes, "direction": type(rule.direction)(changes["direction"])}
    assert rulebook.fingerprint(_with(rule.id, **changes)) != rulebook.fingerprint()


def test_a_removed_rule_moves_the_fingerprint():
    assert rulebook.fingerprint(RULES[1:]) != rulebook.fingerprint()


def test_wording_does_not_move_it():
    reworded = _with("investment_of_money.token_sale", rationale="Reworded.", authority="Another citation.")
    assert rulebook.fingerprint(reworded) == rulebook.fingerprint()


def test_engine_constants_are_found_without_a_list_and_move_it():
    constants = rulebook.engine_constants()
    for name in ("weighing.MET_AT", "weighing.CATEGORY_DISCOUNT", "matcher.NEGATION_CUE", "matcher.NEGATION_WINDOW",
                 "matcher.LONG_SENTENCE", "segmentation._CLAUSE_BREAK", "segmentation._BOUNDARY"):
        assert name in constants
    assert rulebook.fingerprint(constants={**constants, "weighing.MET_AT": weighing.MET_AT + 0.01}) != rulebook.fingerprint()


def test_a_model_trained_under_other_rules_is_refused_in_process():
    engine = RuleEngine(_with("investment_of_money.token_sale", weight=0.11))
    with pytest.raises(RulebookMismatch, match="retrain with 'howey train'"):
        load_scorer(SHIPPED_MODEL, engine=engine)
    scorer, manifest = load_scorer(SHIPPED_MODEL)
    assert manifest["rulebook_sha256"] == rulebook.current_fingerprint()
    assert scorer.score("We sold tokens for ETH.").rulebook_version == manifest["rulebook_version"]


def test_editing_a_rule_weight_in_a_copy_refuses_the_old_model(tmp_path):
    """The whole project copied, one weight edited in its rule module: the copy's CLI refuses the
    shipped model and says to retrain; the server does not start."""
    copy = tmp_path / "project"
    shutil.copytree(ROOT / "app", copy / "app", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(SHIPPED_MODEL, copy / "model", ignore=shutil.ignore_patterns("versions"))
    module = copy / "app" / "core" / "rules" / "investment_of_money.py"
    source = module.read_text()
    edited = re.sub(r'(id="investment_of_money\.token_sale",(?:.|\n)*?weight=)([0-9.]+)', r"\g<1>0.31", source, count=1)
    assert edited != source
    module.write_text(edited)
    env = {"PYTHONPATH": str(copy), "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}
    scored = subprocess.run([sys.executable, "-c", "from app.cli import main; main()", "score", "-"],
                            input="We sold tokens for ETH.", capture_output=True, text=True, cwd=tmp_path, env=env, timeout=120)
    assert scored.returncode == 1, scored.stderr
    assert "retrain with 'howey train'" in scored.stderr
    assert json.loads((copy / "model" / "manifest.json").read_text())["rulebook_version"] in scored.stderr
    app_check = subprocess.run([sys.executable, "-c", "from app.main import create_app; from fastapi.testclient import TestClient\n"
                                "with TestClient(create_app()): pass"],
                               capture_output=True, text=True, cwd=tmp_path, env={**env, "HOWEY_DB": str(tmp_path / "a.db")}, timeout=120)
    assert app_check.returncode != 0
    assert "RulebookMismatch" in app_check.stderr
