"""Benchmark inputs: listing-like texts of a given length, made by recombining the sentences of
the shipped dataset's summaries (deterministic for a seed)."""

from __future__ import annotations

import random
from pathlib import Path

from app.core.data.dataset import read_rows
from app.core.engine.segmentation import sentences

DATA = Path(__file__).resolve().parents[1] / "data" / "labeled_tokens.csv"


def listing_texts(n: int, chars: int = 1000, seed: int = 0) -> list[str]:
    _, rows = read_rows(DATA)
    pool = [row["summary"][s.start : s.end] for row in rows for s in sentences(row["summary"])]
    rng = random.Random(seed)
    texts = []
    for _ in range(n):
        parts: list[str] = []
        while sum(len(p) + 1 for p in parts) < chars:
            parts.append(rng.choice(pool))
        texts.append(" ".join(parts)[:chars])
    return texts
