"""Labeled tokens kept with the model as precedents: the nearest ones are shown beside a score, so
an analyst can compare the document with offerings whose legal treatment is known."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy import sparse


@dataclass(frozen=True, slots=True)
class Precedent:
    symbol: str
    name: str
    label: str
    cases: str


def nearest(X: sparse.csr_matrix, vectors: sparse.csr_matrix, precedents: list[Precedent], k: int) -> list[list[tuple[Precedent, float]]]:
    """The ``k`` precedents most similar to each row of ``X`` (cosine similarity; both sides are
    unit-length TF-IDF rows), leaving out those that share no term."""
    sims = (X @ vectors.T).toarray()
    result = []
    for row in sims:
        best = np.argsort(-row, kind="stable")[:k]
        result.append([(precedents[i], round(float(row[i]), 4)) for i in best if row[i] > 0])
    return result
