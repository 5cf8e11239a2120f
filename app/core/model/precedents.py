"""Labeled tokens kept with the model as precedents: the nearest ones are shown beside a score, so
an analyst can compare the document with offerings whose legal treatment is known."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy import sparse


@dataclass(frozen=True, slots=True)
class Precedent:
    """A labeled token with what its label rests on: an analyst weighs a court's finding, a
    settlement, an allegation and a dropped case differently."""

    symbol: str
    name: str
    unit: str
    channel: str
    label: str
    cases: str
    label_basis: str
    disposition: str
    first_action_date: str
    as_of: str
    source_url: str

    @classmethod
    def from_row(cls, row: dict[str, str]) -> Precedent:
        return cls(**{name: row[name] for name in cls.__dataclass_fields__})


def nearest(X: sparse.csr_matrix, vectors: sparse.csr_matrix, precedents: list[Precedent], k: int) -> list[list[tuple[Precedent, float]]]:
    """The ``k`` precedents most similar to each row of ``X`` (cosine similarity; both sides are
    unit-length TF-IDF rows), leaving out those that share no term."""
    sims = (X @ vectors.T).toarray()
    result = []
    for row in sims:
        best = np.argsort(-row, kind="stable")[:k]
        result.append([(precedents[i], round(float(row[i]), 4)) for i in best if row[i] > 0])
    return result
