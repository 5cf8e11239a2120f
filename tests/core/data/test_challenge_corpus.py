"""The blind challenge corpus is what its README says: split once, the test split's hash recorded."""

import hashlib
import importlib.util
import json
import re

from tests.helpers.paths import ROOT

CHALLENGE = ROOT / "data" / "challenge"


def _recorded(name: str) -> str:
    return re.search(rf"`{name}\.jsonl` SHA-256: `([0-9a-f]{{64}})`", (CHALLENGE / "README.md").read_text()).group(1)


def test_the_splits_are_the_recorded_ones_and_rebuild_from_the_raw_files():
    spec = importlib.util.spec_from_file_location("challenge_build", CHALLENGE / "build.py")
    build = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build)
    rebuilt = build.build()
    for name in ("dev", "test", "dev2", "dev3", "dev4"):
        stored = (CHALLENGE / f"{name}.jsonl").read_bytes()
        assert hashlib.sha256(stored).hexdigest() == _recorded(name)
        assert stored.decode() == "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rebuilt[name])
    dev_ids = {r["id"] for r in rebuilt["dev"]}
    assert not dev_ids & {r["id"] for r in rebuilt["test"]}
    assert len(rebuilt["dev"]) + len(rebuilt["test"]) >= 300


def test_every_span_is_inside_its_text():
    for name in ("dev", "test", "dev2", "dev3", "dev4"):
        for line in (CHALLENGE / f"{name}.jsonl").read_text().splitlines():
            record = json.loads(line)
            for prong, spans in record["spans"].items():
                assert (record["prongs"][prong] == "unclear") == (not spans), record["id"]
                for start, end in spans:
                    assert 0 <= start < end <= len(record["text"])
