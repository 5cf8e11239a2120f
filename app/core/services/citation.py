"""CITATION.cff: how to cite the project, naming the model version and the data it was trained on,
rendered from the served model's manifest (a test keeps the file in step; `howey train` refreshes
it when it promotes a model into the project's own model directory)."""

from __future__ import annotations

from pathlib import Path

from app import __version__

CITATION = "CITATION.cff"


def render_citation(manifest: dict) -> str:
    trained = manifest["trained_at"][:10]
    return "\n".join([
        "cff-version: 1.2.0",
        'message: "If you use howey, its model or its dataset, please cite them as below. Scores are not legal advice."',
        'title: "howey: how likely a crypto token sale is to be treated as a security under the Howey test, and why"',
        "type: software",
        "authors:",
        '  - name: "the howey authors"',
        f'version: "{__version__}"',
        f"date-released: {trained}",
        "license: MIT",
        "keywords: [Howey test, securities law, crypto tokens, rule engine, scikit-learn]",
        "references:",
        "  - type: generic",
        f'    title: "howey model {manifest["model_version"]}"',
        f'    version: "{manifest["model_version"]}"',
        f"    date-released: {trained}",
        '    authors:',
        '      - name: "the howey authors"',
        f'    notes: "Rulebook {manifest["rulebook_version"]}; trained on {manifest["n_training_rows"]} labeled units; see model/MODEL_CARD.md."',
        "  - type: data",
        '    title: "howey labeled token sales (data/labeled_tokens.csv)"',
        f'    version: "sha256:{manifest["data_sha256"]}"',
        '    authors:',
        '      - name: "the howey authors"',
        '    notes: "Labels are of differing legal weight: SEC allegations, settlements, court rulings, 2025 dismissals, staff statements and no-action letters; see data/README.md."',
        "",
    ])


def refresh_citation(path: Path, manifest: dict) -> bool:
    """Rewrite ``path`` for ``manifest``; whether it changed."""
    text = render_citation(manifest)
    if path.exists() and path.read_text(encoding="utf-8") == text:
        return False
    path.write_text(text, encoding="utf-8")
    return True
