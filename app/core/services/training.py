"""Training and honest evaluation: folds grouped by action, so no action sits on both sides."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path

import numpy as np

from app.core.data.dataset import check_table, read_rows, sha256_of
from app.core.engine.rule_engine import RuleEngine
from app.core.engine.rulebook import short_version
from app.core.errors import TrainingDataError
from app.core.model import artifacts, versions
from app.core.model.howey_model import HoweyModel
from app.core.prongs import DISCLAIMER
from app.core.services.evaluation import APPROACHES, LabeledSet, evaluate, out_of_fold_predictions
from app.core.services.gate import compare_with_current, frozen_set


@dataclass(frozen=True)
class TrainingOutcome:
    manifest: dict
    version_dir: Path
    previous: dict | None
    comparison: versions.Comparison
    promoted: bool


# An adversarial proceeding: "SEC v. ...", "CFTC v. ...", "Real v. ...", "In the Matter of ...", "In re ...".
_ACTION_CAPTION = re.compile(r"\bv\.\s|^In the Matter of\b|^In re\b", re.IGNORECASE)
# What names one proceeding however a row spells its caption: a docket number, an administrative
# file number, a release number.
_ACTION_NUMBERS = re.compile(
    r"\bNo\.\s*(\d{1,2}:\d{2}-(?:cv|cr)-\d{3,5})|File No\.\s*(3-\d{4,6})|Release No\.\s*(?:33-)?(\d{4,5})\b",
    re.IGNORECASE)


def action_keys(case: str) -> list[str]:
    """Every name of the proceeding ``case`` cites: its numbers, and its caption up to the first
    comma or parenthesis ("SEC v. Celsius Network Limited and Alexander 'Alex' Mashinsky, No.
    1:23-cv-06005" and "... Alexander Mashinsky, No. 1:23-cv-06005" are one action)."""
    if not _ACTION_CAPTION.search(case):
        return []
    numbers = [f"number:{n}" for match in _ACTION_NUMBERS.finditer(case) for n in match.groups() if n]
    return [*numbers, "caption:" + re.split(r",|\s\(", case, maxsplit=1)[0].strip().lower()]


def action_groups(rows: list[dict[str, str]]) -> np.ndarray:
    """Connected components of units that share an action or a token: units named in one action
    (or linked through a chain of actions) land in one group, so one action never straddles folds;
    so do the units of one token (XRP's institutional and programmatic sales), whose summaries
    describe the same project.

    Staff statements, no-action letters, closed investigations and statutes are categories, not
    actions: grouping by them would put every meme coin or every mined coin in one fold, so that
    the model is tested on a category it never saw. Rows resting only on them stand alone."""
    parent = list(range(len(rows)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    first_row_of: dict[str, int] = {}
    for i, row in enumerate(rows):
        actions = [key for case in row["cases"].split(";") for key in action_keys(case.strip())]
        for key in (f"token:{row['symbol']}", *actions):
            if key in first_row_of:
                parent[root(i)] = root(first_row_of[key])
            else:
                first_row_of[key] = i
    return np.array([root(i) for i in range(len(rows))])


def load_rows(
    path: Path | str,
    label_bases: Iterable[str] | None = None,
    exclude_dispositions: Iterable[str] = (),
) -> tuple[list[dict[str, str]], str]:
    """The labeled rows that pass every check, optionally restricted by basis or disposition,
    and the SHA-256 of the file they came from."""
    path = Path(path)
    header, rows = read_rows(path)
    problems = check_table(header, rows)
    if problems:
        listed = "\n".join(str(p) for p in problems[:20])
        raise TrainingDataError(f"{path} fails 'howey data check' ({len(problems)} problem(s)):\n{listed}")
    bases = set(label_bases) if label_bases else None
    excluded = set(exclude_dispositions)
    rows = [r for r in rows if (bases is None or r["label_basis"] in bases) and r["disposition"] not in excluded]
    if len({r["label"] for r in rows}) < 2:
        raise TrainingDataError("the selected rows hold only one label; a classifier needs both")
    return rows, sha256_of(path)


def labeled_set(rows: list[dict[str, str]], engine: RuleEngine) -> LabeledSet:
    texts = [r["summary"] for r in rows]
    return LabeledSet(
        rows=rows,
        texts=texts,
        y=np.array([1 if r["label"] == "security" else 0 for r in rows]),
        groups=action_groups(rows),
        prong_scores=np.array([[a.score for a in engine.assess(text)] for text in texts]),
    )


def model_version(trained_at: datetime, data_sha256: str) -> str:
    return f"{trained_at:%Y-%m-%dT%H:%M:%SZ}-{data_sha256[:7]}"


def train(
    data_path: Path | str,
    out_dir: Path | str,
    seed: int = 0,
    label_bases: Iterable[str] | None = None,
    exclude_dispositions: Iterable[str] = (),
    engine: RuleEngine | None = None,
    current: dict | None = None,
) -> tuple[dict, Path]:
    """Evaluate by grouped CV, fit on all selected rows, compare with the ``current`` version (its
    manifest, from ``out_dir``), and write artifact, manifest and model card as a new version under
    ``out_dir/versions/``; returns the manifest and that directory."""
    engine = engine or RuleEngine()
    rows, data_sha256 = load_rows(data_path, label_bases, exclude_dispositions)
    data = labeled_set(rows, engine)
    predictions = out_of_fold_predictions(data, seed)
    metrics = evaluate(data, seed, predictions=predictions)
    model = HoweyModel(random_state=seed).fit(data.texts, data.prong_scores, data.y, data.groups, data.precedents)
    frozen = frozen_set(engine)
    comparison = compare_with_current(data, predictions[0]["combined"], model, frozen, current, engine, seed)
    trained_at = datetime.now(UTC).replace(microsecond=0)
    manifest = {
        "model_version": model_version(trained_at, data_sha256),
        "trained_at": trained_at.isoformat().replace("+00:00", "Z"),
        "data_sha256": data_sha256,
        "n_training_rows": len(rows),
        "label_counts": {"security": int(data.y.sum()), "not_security": int(len(data.y) - data.y.sum())},
        "selection": {"label_bases": sorted(label_bases) if label_bases else "all",
                      "excluded_dispositions": sorted(exclude_dispositions)},
        "seed": seed,
        "rule_ids": engine.rule_ids,
        "rulebook_sha256": engine.fingerprint,
        "rulebook_version": short_version(engine.fingerprint),
        "thresholds": asdict(model.thresholds_),
        "metrics": metrics,
        "evaluated_at": trained_at.isoformat().replace("+00:00", "Z"),
        "data_as_of_range": [min(r["as_of"] for r in rows), max(r["as_of"] for r in rows)],
        "recipe": {"text_weight": model.text_weight},
        "training_units": sorted(f"{r['symbol']}|{r['unit']}" for r in rows),
        "frozen_set": frozen.figures(model) if frozen else None,
        "comparison": comparison,
    }
    version_dir = Path(out_dir) / versions.VERSIONS / versions.directory_name(manifest["model_version"])
    manifest = artifacts.save(model, manifest, version_dir)
    (version_dir / artifacts.MODEL_CARD).write_text(model_card(manifest), encoding="utf-8")
    return manifest, version_dir


def train_and_promote(data_path: Path | str, model_dir: Path | str, force: bool = False, **options) -> TrainingOutcome:
    """Train a new version under ``model_dir/versions/`` and make it current unless it is worse
    than the current one (``force`` promotes anyway)."""
    model_dir = Path(model_dir)
    previous = versions.current_manifest(model_dir)
    manifest, version_dir = train(data_path, model_dir, current=previous and {**previous, "directory": str(model_dir)},
                                  **options)
    comparison = versions.compare(previous, manifest)
    promoted = force or previous is None or comparison.not_worse
    if promoted:
        versions.promote(version_dir, model_dir)
    return TrainingOutcome(manifest, version_dir, previous, comparison, promoted)


def _metrics_rows(report: dict) -> list[str]:
    return [
        f"| {name} | {report[name]['roc_auc']} | {report[name]['pr_auc']} | {report[name]['brier']} | {report[name]['f1']} |"
        for name in APPROACHES
        if name in report
    ]


def _comparison_section(manifest: dict) -> list[str]:
    """The evaluation's date, the data's as_of range, the frozen set, and the comparison with the
    version this one was measured against, each change with its 95% interval."""
    lines = ["## Provenance of the evaluation", f"Evaluated {manifest['evaluated_at']} on rows whose labels reflect "
             f"{manifest['data_as_of_range'][0]} to {manifest['data_as_of_range'][1]} (`as_of`)."]
    frozen = manifest.get("frozen_set")
    if frozen:
        lines += ["", f"Frozen evaluation set (never trained on: {frozen['units']} labelled units in "
                  f"`data/frozen_units.csv`, {frozen['documents']} blind documents of the challenge test split): "
                  f"ROC-AUC {frozen['roc_auc']}, Brier {frozen['brier']}."]
    comparison = manifest.get("comparison")
    if comparison:
        lines += ["", f"Against {comparison['against']} (candidate minus current; 95% bootstrap intervals over groups):", "",
                  "| measurement | metric | current | candidate | change | 95% interval |", "|---|---|---|---|---|---|"]
        lines += [f"| {where.replace('_', ' ')} | {d['metric']} | {d['current']} | {d['candidate']} | {d['difference']:+.4f} | "
                  f"{d['ci95'][0]:+.4f} to {d['ci95'][1]:+.4f} |"
                  for where, differences in comparison["differences"].items() for d in differences]
        lines += [f"- {note}" for note in comparison["notes"]]
    return [*lines, ""]


def model_card(manifest: dict) -> str:
    """MODEL_CARD.md: intended use, data, metrics beside baselines, thresholds, limits."""
    metrics = manifest["metrics"]
    thresholds = manifest["thresholds"]
    header = ["| approach | ROC-AUC | PR-AUC | Brier | F1 |", "|---|---|---|---|---|"]
    reliability = [f"| {b['bin']} | {b['rows']} | {b['mean_predicted']} | {b['observed']} |" for b in metrics["combined"]["reliability"]]
    subsets = []
    for name, report in metrics["subsets"].items():
        subsets += ["", f"**{name.replace('_', ' ')}** ({report['rows']} rows, retrained on them):", "", *header, *_metrics_rows(report)]
    held_out = metrics["rules_held_out_rows"]
    groups = []
    for grouping, values in metrics.get("by_group", {}).items():
        groups += ["", f"By {grouping.replace('_', ' ')}:", "",
                   "| group | rows | securities | accuracy | mean risk (security) | mean risk (not) | ROC-AUC |", "|---|---|---|---|---|---|---|"]
        cells = ("rows", "security", "accuracy", "mean_risk_security", "mean_risk_not_security", "roc_auc")
        groups += ["| " + " | ".join([value, *("—" if g[c] is None else str(g[c]) for c in cells)]) + " |"
                   for value, g in values.items()]
    return "\n".join(
        [
            f"# howey model {manifest['model_version']}",
            "",
            f"> {DISCLAIMER}",
            "",
            "## Intended use",
            "A first-pass, explained estimate of how likely a crypto token is to be treated as a security under",
            "the U.S. Howey test, for compliance triage and research: a score to check, with the sentences and",
            "authorities behind it. Not a legal opinion, and not for tokens unlike those in the data.",
            "",
            "## Data",
            f"- {manifest['n_training_rows']} labeled tokens ({manifest['label_counts']['security']} security, "
            f"{manifest['label_counts']['not_security']} not_security); data SHA-256 `{manifest['data_sha256']}`.",
            f"- Selection: bases {manifest['selection']['label_bases']}, excluded dispositions "
            f"{manifest['selection']['excluded_dispositions'] or 'none'}.",
            "- Labels are of differing weight: SEC allegations, settlements, court rulings, 2025 dismissals,",
            "  staff statements, no-action letters (see data/README.md).",
            "",
            "## Model",
            "Word 1-2-gram TF-IDF into logistic regression (the classifier), stacked with the rule engine's four",
            "prong scores and their minimum by a logistic regression trained on out-of-fold classifier",
            "probabilities: the risk score is that stacker's calibrated probability. The classifier's",
            "regularisation is chosen by grouped cross-validation of the combined risk on the training rows",
            "(never on a test fold); its own probabilities are therefore not meant to be calibrated alone.",
            "",
            "## Evaluation",
            f"{metrics['cv']['kind']}: {metrics['cv']['n_splits']} folds over {metrics['cv']['n_groups']} action "
            f"groups, seed {metrics['cv']['seed']}. F1 at each model's decision threshold (chosen on training folds).",
            "",
            *header,
            *_metrics_rows(metrics),
            "",
            f"Rows never read while the rules were written ({held_out['rows']} rows; the rules were developed on",
            "the other 60% of action groups, so rule-based figures on all rows are optimistic):",
            "",
            *header,
            *_metrics_rows(held_out),
            *subsets,
            "",
            "The combined model's out-of-fold figures within groups (accuracy at the decision threshold; ROC-AUC",
            "only where the group holds both labels): a figure carried by one era or one kind of label shows here.",
            *groups,
            "",
            "Reliability of the combined risk (out-of-fold):",
            "",
            "| predicted | rows | mean predicted | observed share of securities |",
            "|---|---|---|---|",
            *reliability,
            "",
            *_comparison_section(manifest),
            "## Risk levels",
            f"`low` below {thresholds['medium']}, `medium` from {thresholds['medium']}, `high` from {thresholds['high']}:"
            " chosen on out-of-fold risks of the training rows so that at least 95% of `high` tokens and at",
            "most 5% of `low` tokens are securities; the calibrated middle (0.4 to 0.6) always stays `medium`.",
            f"Yes/no decision threshold (best F1): {thresholds['decision']}.",
            "",
            "## Limits",
            "- Trained on a few hundred whitepaper-style summaries; documents unlike them are out of distribution.",
            "- Labels reflect enforcement positions up to late 2025, which changed sharply in 2025.",
            "- The rule engine reads only what the text says; facts missing from the text are not weighed.",
            "",
            f"Rulebook {manifest['rulebook_version']} ({len(manifest['rule_ids'])} rules; the model is refused if the"
            " rules or engine constants change, and must be retrained).",
            "",
            f"Trained {manifest['trained_at']} with seed {manifest['seed']}; libraries: "
            + ", ".join(f"{k} {v}" for k, v in manifest["libraries"].items())
            + ".",
            "",
        ]
    )
