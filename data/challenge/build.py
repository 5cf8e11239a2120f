"""Builds the blind challenge corpus's dev and test splits from the writers' raw files, once.

Each raw record's evidence quotes become character spans into its text; the corpus is split 60/40
into dev and test by a seeded shuffle within each (writer, label) group, so both splits have every
writer's voice and both labels. Run from the repository root: `python data/challenge/build.py`.
The test split's SHA-256 is recorded in data/challenge/README.md; a test holds it there."""

from __future__ import annotations

import hashlib
import json
import random
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
SEED = 20261129
DEV_SHARE = 0.6
PRONGS = ("investment_of_money", "common_enterprise", "expectation_of_profits", "efforts_of_others")


def _record(raw: dict, writer: str) -> dict:
    text = raw["text"]
    spans = {}
    for prong in PRONGS:
        spans[prong] = []
        for quote in raw["evidence"].get(prong, []):
            start = text.find(quote)
            if start < 0:
                raise ValueError(f"{raw['id']}: evidence for {prong} is not in the text: {quote!r}")
            spans[prong].append([start, start + len(quote)])
    return {"id": raw["id"], "writer": writer, "style": raw["style"], "pattern": raw["pattern"],
            "label": raw["label"], "prongs": {p: raw["prongs"][p] for p in PRONGS}, "spans": spans, "text": text}


def build() -> dict[str, list[dict]]:
    groups: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for path in sorted((HERE / "raw").glob("w?.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                record = _record(json.loads(line), path.stem)
                groups[(record["writer"], record["label"])].append(record)
    rng = random.Random(SEED)
    splits: dict[str, list[dict]] = {"dev": [], "test": []}
    for key in sorted(groups):
        members = sorted(groups[key], key=lambda r: r["id"])
        rng.shuffle(members)
        cut = round(len(members) * DEV_SHARE)
        splits["dev"] += members[:cut]
        splits["test"] += members[cut:]
    # Later sets by more writers under the same brief, each whole (see README): raw-dev2/ -> dev2,
    # raw-dev3/ -> dev3.
    for folder in sorted(HERE.glob("raw-*")):
        splits[folder.name.removeprefix("raw-")] = [
            _record(json.loads(line), path.stem) for path in sorted(folder.glob("w?.jsonl"))
            for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    for name in splits:
        splits[name].sort(key=lambda r: r["id"])
    return splits


def write(splits: dict[str, list[dict]]) -> dict[str, str]:
    digests = {}
    for name, records in splits.items():
        path = HERE / f"{name}.jsonl"
        path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
        digests[name] = hashlib.sha256(path.read_bytes()).hexdigest()
    return digests


if __name__ == "__main__":
    built = build()
    for split, digest in write(built).items():
        print(f"{split}: {len(built[split])} documents, sha256 {digest}")
