"""The ``howey`` command line: the same scorer and checks as the API, for files and terminals."""

from __future__ import annotations

import json
import os
import sys
import time
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from pydantic import ValidationError
from rich.console import Console
from rich.table import Table
from typer.core import TyperGroup

from app.core.errors import HoweyError, InputError
from app.settings import PROJECT_ROOT, Settings

err = Console(stderr=True)


class _ReportingGroup(TyperGroup):
    """Reports the project's errors in one place: the message, and the exit code its kind carries."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except HoweyError as error:
            err.print(f"[red]error:[/] {error}", soft_wrap=True, highlight=False)
            raise typer.Exit(error.exit_code) from error


app = typer.Typer(cls=_ReportingGroup, no_args_is_help=True, add_completion=False, rich_markup_mode=None,
                  help="How likely a crypto token is to be treated as a security under the Howey test. Not legal advice.")
reviews_app = typer.Typer(help="Analysts' reviews of served scores.", no_args_is_help=True, rich_markup_mode=None)
data_app = typer.Typer(help="Validate and grow the labeled-token dataset.", no_args_is_help=True, rich_markup_mode=None)
app.add_typer(data_app, name="data")
app.add_typer(reviews_app, name="reviews")


def _settings() -> Settings:
    """The settings, or the HOWEY_* variables that are wrong and why, without their values (a
    PostgreSQL URL holds a password) and without a traceback."""
    try:
        return Settings()
    except ValidationError as error:
        problems = "; ".join(f"HOWEY_{'_'.join(map(str, problem['loc'])).upper()}: "
                             f"{problem['msg'].removeprefix('Value error, ')}" for problem in error.errors())
        raise InputError(f"a setting from the environment cannot be used: {problems}") from None


def _count(n: int, noun: str) -> str:
    """'1 row', '2 rows', '1,500 rows'."""
    return f"{n:,} {noun}{'' if n == 1 else 's'}"


def _print_version(asked: bool) -> None:
    if asked:
        from importlib.metadata import PackageNotFoundError, version

        try:
            typer.echo(f"howey {version('howey')}")
        except PackageNotFoundError:  # run from a checkout that was never installed
            typer.echo("howey (not installed: run make install)")
        raise typer.Exit()


@app.callback()
def _options(
    version: Annotated[bool, typer.Option("--version", callback=_print_version, is_eager=True,
                                          help="Print the package version and exit.")] = False,
) -> None:
    """How likely a crypto token is to be treated as a security under the Howey test. Not legal advice."""


@app.command()
def serve(
    host: Annotated[str, typer.Option(help="Interface to bind.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    workers: Annotated[int, typer.Option(help="Worker processes (2 suits a 2-core machine).")] = 1,
) -> None:
    """Run the API (and the analyst page) with uvicorn."""
    import uvicorn

    uvicorn.run("app.main:create_app", factory=True, host=host, port=port, workers=workers)


class ReportFormat(StrEnum):
    json = "json"
    md = "md"
    html = "html"


@app.command()
def score(
    file: Annotated[str, typer.Argument(help="The document: a PDF, Markdown, HTML or text file, or - for standard input.")] = "-",
    symbol: Annotated[str | None, typer.Option(help="The token's symbol, for the report's title.")] = None,
    name: Annotated[str | None, typer.Option(help="The token's name, for the report's title.")] = None,
    as_of: Annotated[str | None, typer.Option("--as-of", help="The date whose law applies (YYYY-MM-DD; default today).")] = None,
    fmt: Annotated[ReportFormat, typer.Option("--format", help="json: the API's answer; md or html: a report to file.")] = ReportFormat.json,
) -> None:
    """Score one document and print the JSON the API returns, or a Markdown or HTML report."""
    from app.core.data.listings import text_problem
    from app.core.documents import read_document
    from app.core.report import render
    from app.core.services.scoring import load_scorer

    settings = _settings()
    when = _as_of(as_of)
    where = "standard input" if file == "-" else file
    document = read_document(where, _read_stdin_bytes() if file == "-" else _read_bytes(Path(file)), settings.max_file_pages)
    problem = text_problem(document.text)
    if problem is not None:
        raise InputError(f"cannot score {where}: {problem[1]}")
    scorer, _ = load_scorer(settings.model_dir, pinned_sha256=settings.model_sha256)
    answer = dict(scorer.score(document.text, when).answer(page_of=document.page_of))
    if file != "-":
        answer |= {"document": document.describe(), "text": document.text}
    if fmt is ReportFormat.json:
        typer.echo(json.dumps(answer, indent=2, ensure_ascii=False))  # enums are str
    else:
        typer.echo(render(answer, fmt.value, symbol, name), nl=False)


def _as_of(as_of: str | None):
    from datetime import date

    from app.core.as_of import check_as_of

    if as_of is None:
        return None
    try:
        return check_as_of(date.fromisoformat(as_of))
    except ValueError as error:
        raise InputError(f"--as-of {as_of!r} is not a date written YYYY-MM-DD") from error


def _read_stdin_bytes() -> bytes:
    return sys.stdin.buffer.read() if hasattr(sys.stdin, "buffer") else sys.stdin.read().encode("utf-8")


def _read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as error:
        raise InputError(f"cannot read {path}: {error.strerror or error}") from error


@app.command()
def batch(
    input: Annotated[Path, typer.Argument(help="Listings to score: .csv or .jsonl.", exists=True, dir_okay=False)],
    output: Annotated[Path, typer.Option("-o", "--output", help="Where to write scores: .csv or .jsonl.")],
    text_column: Annotated[str, typer.Option(help="Column (or JSON key) holding the text.")] = "text",
    id_column: Annotated[str, typer.Option(help="Column (or JSON key) holding the row id.")] = "id",
    jobs: Annotated[int, typer.Option(help="Processes to score on (default: every core).", min=1)] = os.cpu_count() or 1,
    rejects: Annotated[Path | None, typer.Option(help="Where rows that cannot be scored go (default: OUTPUT.rejects.csv).")] = None,
) -> None:
    """Score a CSV or JSONL file of listings, in input order, with progress on stderr."""
    from rich.progress import BarColumn, Progress, TextColumn, TimeRemainingColumn

    from app.core.data.listings import reader_for
    from app.core.engine.rulebook import current_fingerprint
    from app.core.model.artifacts import verify
    from app.core.services.batch import run_batch

    settings = _settings()
    model_dir = settings.model_dir
    rejects = rejects or output.with_name(output.name + ".rejects.csv")
    for path in (input, output):
        reader_for(path.name)  # a .csv or .jsonl name, checked before any work starts
    verify(model_dir, current_fingerprint(), settings.model_sha256)  # every worker will load it: refuse a bad model before any work
    progress = Progress(
        TextColumn("[bold]scoring[/]"), BarColumn(), TextColumn("{task.fields[rows]:,} rows"),
        TextColumn("{task.fields[rate]:,.0f} rows/s"), TimeRemainingColumn(), console=err,
        disable=not err.is_terminal, transient=True,
    )
    with progress:
        task = progress.add_task("score", total=input.stat().st_size, rows=0, rate=0.0)
        started = time.perf_counter()

        def report(rows: int, bytes_read: int) -> None:
            progress.update(task, completed=bytes_read, rows=rows, rate=rows / max(1e-9, time.perf_counter() - started))

        summary = run_batch(input, output, rejects, model_dir, jobs, text_column, id_column, report, settings.model_sha256)
    reasons = ", ".join(f"{n} {kind}" for kind, n in summary.reasons.most_common())
    rejected = f"rejected {_count(summary.rejected, 'row')} ({reasons}) into {rejects}" if summary.rejected else "rejected none"
    err.print(f"scored {_count(summary.scored, 'row')} in {summary.seconds:.1f} s ({summary.rows_per_second:,.0f} rows/s) "
              f"into {output}; {rejected}", soft_wrap=True)


@app.command()
def train(
    data: Annotated[Path | None, typer.Option(help="Labeled-token CSV (default: HOWEY_DATA).")] = None,
    out: Annotated[Path | None, typer.Option(help="Directory for the new model (default: HOWEY_MODEL_DIR).")] = None,
    seed: Annotated[int, typer.Option(help="Random seed.")] = 0,
    basis: Annotated[list[str] | None, typer.Option(help="Train only on rows with this label_basis (repeatable).")] = None,
    exclude_disposition: Annotated[list[str] | None, typer.Option(help="Leave out rows with this disposition (repeatable), e.g. dismissed_by_sec.")] = None,
    force: Annotated[bool, typer.Option("--force", help="Promote the new version even if it is worse.")] = False,
) -> None:
    """Train a new model version, compare it with the current one, and promote it unless it is worse
    beyond the interval (exit 0 promoted, 3 trained but not promoted, 1 error)."""
    from app.core.data.dataset import DISPOSITIONS, LABEL_BASES
    from app.core.services.citation import CITATION, refresh_citation
    from app.core.services.training import train_and_promote

    for value, allowed, option in ((basis, LABEL_BASES, "--basis"), (exclude_disposition, DISPOSITIONS, "--exclude-disposition")):
        unknown = sorted(set(value or ()) - set(allowed))
        if unknown:
            raise InputError(f"{option} {', '.join(unknown)} is not one of {', '.join(allowed)}")
    settings = _settings()
    model_dir = out or settings.model_dir
    outcome = train_and_promote(data or settings.data, model_dir, force=force, seed=seed, label_bases=basis,
                                exclude_dispositions=exclude_disposition or ())
    manifest = outcome.manifest
    console = Console()
    table = Table(title=f"model {manifest['model_version']} ({manifest['n_training_rows']} rows, {manifest['metrics']['cv']['kind']})")
    for column in ("approach", "ROC-AUC", "PR-AUC", "Brier", "F1"):
        table.add_column(column)
    for name, m in manifest["metrics"].items():
        if isinstance(m, dict) and "roc_auc" in m:
            table.add_row(name, *(str(m[k]) for k in ("roc_auc", "pr_auc", "brier", "f1")))
    console.print(table)
    versus = Table(title="combined model: current vs new")
    for column in ("metric", outcome.previous["model_version"] if outcome.previous else "current (none)", manifest["model_version"], "change"):
        versus.add_column(column)
    for metric, before, after in outcome.comparison.rows:
        versus.add_row(metric, "-" if before is None else str(before), str(after), "-" if before is None else f"{after - before:+.4f}")
    console.print(versus)
    t = manifest["thresholds"]
    console.print(f"risk levels: low < {t['medium']} <= medium < {t['high']} <= high")
    console.print(f"new version written to {outcome.version_dir}")
    _print_intervals(console, manifest)
    if outcome.promoted:
        console.print(f"[green]promoted[/]: {model_dir} now serves {manifest['model_version']} (reload a running service: POST /v1/admin/reload)")
        if model_dir.resolve() == (PROJECT_ROOT / "model").resolve():
            refresh_citation(PROJECT_ROOT / CITATION, manifest)
    else:
        console.print(f"[yellow]not promoted[/]: worse than the current version beyond the interval "
                      f"({'; '.join(outcome.comparison.worse)}); pass --force to promote anyway")
        raise typer.Exit(TRAINED_NOT_PROMOTED)


# `howey train` exits 0 when the new version was promoted, 3 when it was trained but not promoted,
# 1 on error (the project's errors carry their own codes, usage errors 2).
TRAINED_NOT_PROMOTED = 3


def _print_intervals(console: Console, manifest: dict) -> None:
    comparison = manifest.get("comparison")
    if not comparison:
        return
    table = Table(title=f"candidate minus {comparison['against']}, with 95% intervals")
    for column in ("measurement", "metric", "current", "candidate", "change", "95% interval", "worse"):
        table.add_column(column)
    for where, differences in comparison["differences"].items():
        for d in differences:
            table.add_row(where.replace("_", " "), d["metric"], str(d["current"]), str(d["candidate"]), f"{d['difference']:+.4f}",
                          f"{d['ci95'][0]:+.4f} to {d['ci95'][1]:+.4f}", "yes" if d["worse"] else "no")
    console.print(table)
    for note in comparison["notes"]:
        console.print(f"note: {note}", soft_wrap=True, highlight=False)


@app.command()
def rules(
    as_json: Annotated[bool, typer.Option("--json", help="Print a JSON array.")] = False,
    markdown: Annotated[bool, typer.Option("--markdown", help="Print docs/rules.md.")] = False,
    report: Annotated[bool, typer.Option("--report", help="Coverage, overlaps, conflicts and precision per rule, "
                                         "on the dataset and the challenge corpus's dev split.")] = False,
) -> None:
    """List every rule: id, prong, direction, weight, rationale, authority."""
    from app.core.engine.rulebook import render_markdown, rule_records
    from app.core.prongs import RuleKind

    if report:
        _print_rule_report(as_json)
        return
    if markdown:
        typer.echo(render_markdown(), nl=False)
        return
    listed = rule_records()
    if as_json:
        typer.echo(json.dumps(listed, indent=2))
        return
    console = Console()
    for prong in dict.fromkeys(rule["prong"] for rule in listed):
        console.print(f"[bold]{prong}[/]")
        for rule in (r for r in listed if r["prong"] == prong):
            sign = "+" if rule["direction"] == "supports" else "-"
            since = f", in force from {rule['in_force_from']}" if rule["in_force_from"] else ""
            until = f" until {rule['in_force_until']}" if rule["in_force_until"] else ""
            console.print(f"  {sign}{rule['weight']:.2f}  {rule['id']}  [dim]{RuleKind(rule['kind']).label}{since}{until}[/]",
                          soft_wrap=True, highlight=False)
            console.print(f"         {rule['rationale']} [dim]({rule['authority']})[/]", soft_wrap=True, highlight=False)
    console.print(f"{len(listed)} rules; + supports, - weighs against a security.")


def _print_rule_report(as_json: bool) -> None:
    from app.core.engine.rule_engine import RuleEngine
    from app.core.services.rule_report import rule_report

    settings = _settings()
    figures = rule_report(RuleEngine(), settings.data, PROJECT_ROOT / "data" / "challenge" / "dev.jsonl")
    if as_json:
        typer.echo(json.dumps(figures, indent=2))
        return
    table = Table(title="rules on the dataset (gold prong labels) and on challenge dev (writers' verdicts and spans)")
    for column in ("rule", "kind", "fired", "coverage", "overlaps", "conflicts", "precision",
                   "dev fired", "dev precision", "dev span precision"):
        table.add_column(column)
    shown = lambda value: "-" if value is None else str(value)  # noqa: E731
    for rule_id, f in figures.items():
        d, c = f["dataset"], f["challenge_dev"] or {}
        table.add_row(rule_id, f["kind"], str(d["fired"]), shown(d["coverage"]), shown(d["overlaps"]), shown(d["conflicts"]),
                      shown(d["precision"]), shown(c.get("fired")), shown(c.get("precision")), shown(c.get("span_precision")))
    Console().print(table)


def _fail_on_problems(path: Path, problems: list, consequence: str = "") -> None:
    """Print line-numbered problems and exit 1, if there are any."""
    if problems:
        for problem in problems:
            typer.echo(f"{path}: {problem}", err=True)
        typer.echo(f"{path}: {len(problems)} problem(s){consequence}", err=True)
        raise typer.Exit(1)


@data_app.command("check")
def data_check(
    path: Annotated[Path | None, typer.Argument(help="Labeled-token CSV (default: HOWEY_DATA).")] = None,
    style: Annotated[bool, typer.Option("--style", help="Also measure whether the summaries' style alone predicts the label.")] = False,
) -> None:
    """Validate a labeled-token CSV; exit 1 with line-numbered problems."""
    from app.core.data.dataset import check_file, read_rows

    path = path or _settings().data
    _fail_on_problems(path, check_file(path))
    _, rows = read_rows(path)
    labels = {label: sum(r["label"] == label for r in rows) for label in ("security", "not_security")}
    tokens = len({r["symbol"] for r in rows})
    typer.echo(f"{path}: OK, {_count(len(rows), 'unit')} of sale of {_count(tokens, 'token')} "
               f"({labels['security']} security, {labels['not_security']} not_security)")
    if style:
        from app.core.services.style import MAX_FUNCTION_WORD_ROC_AUC, MAX_NEGATION_GAP, style_shortcut

        report = style_shortcut(rows)
        auc, gap = report.function_word_roc_auc, report.negation_gap
        typer.echo(f"style shortcut: function words alone reach ROC-AUC {auc:.3f} in folds grouped by action "
                   f"(target <= {MAX_FUNCTION_WORD_ROC_AUC}: {_against(auc, MAX_FUNCTION_WORD_ROC_AUC)})")
        typer.echo(f"style shortcut: summaries with a negation word: security {report.negation_rate['security']:.1%}, "
                   f"not_security {report.negation_rate['not_security']:.1%}, gap {gap:.3f} "
                   f"(target <= {MAX_NEGATION_GAP}: {_against(gap, MAX_NEGATION_GAP)})")


def _against(value: float, limit: float) -> str:
    return "within target" if value <= limit else "ABOVE TARGET"


@data_app.command("add")
def data_add(
    new: Annotated[Path, typer.Argument(help="CSV of new labeled rows (same columns).", exists=True, dir_okay=False)],
    data: Annotated[Path | None, typer.Option(help="The dataset to merge into (default: HOWEY_DATA).")] = None,
    update: Annotated[bool, typer.Option("--update", help="Let rows for known units of sale (same label) replace them.")] = False,
) -> None:
    """Validate new rows, report duplicates and label conflicts, and merge them atomically."""
    from app.core.data.dataset import check_file, read_rows
    from app.core.services.curation import add_rows

    data = data or _settings().data
    _fail_on_problems(new, check_file(new), "; nothing merged")
    _, rows = read_rows(new)
    report, problems = add_rows(data, rows, allow_updates=update)
    for title, items in (("added", report.added), ("identical, skipped", report.duplicates),
                         ("updates" + ("" if update else " (not applied: pass --update)"), report.updates),
                         ("CONFLICTS (not merged)", report.conflicts)):
        if items:
            typer.echo(f"{title}: {', '.join(items)}")
    if report.conflicts or (report.updates and not update):
        typer.echo(f"{data}: unchanged; resolve the rows above first", err=True)
        raise typer.Exit(1)
    _fail_on_problems(data, problems, " after merging; nothing written")
    typer.echo(f"{data}: {_count(len(report.merged), 'row')} ({len(report.added)} added, "
               f"{len(report.updates) if update else 0} updated); retrain with 'howey train'")


@data_app.command("card")
def data_card(
    data: Annotated[Path | None, typer.Option(help="Labeled-token CSV (default: HOWEY_DATA).")] = None,
    card: Annotated[Path | None, typer.Option(help="The data card to refresh (default: README.md beside the data).")] = None,
) -> None:
    """Regenerate the counts section of the data card from the data."""
    from app.core.data.datacard import refresh

    settings = _settings()
    data = data or settings.data
    card = card or data.parent / "README.md"
    changed = refresh(card, data)
    typer.echo(f"{card}: {'updated' if changed else 'already up to date'}")


@reviews_app.command("export")
def reviews_export(
    out: Annotated[Path, typer.Argument(help="The CSV to write: rows `howey data add` accepts.", dir_okay=False)],
) -> None:
    """Write the reviewed scores that have a text and a decision as labeled rows (label_basis
    analyst_review; the reviewer and date as provenance; per-prong labels from the review)."""
    from app.core.data.dataset import COLUMNS, write_rows
    from app.store.database import open_database
    from app.store.reviews import ReviewStore, review_rows

    settings = _settings()
    if isinstance(settings.db, Path) and not settings.db.exists():
        raise InputError(f"no audit log at {settings.db}: nothing has been scored or reviewed there (HOWEY_DB)")
    database = open_database(settings.db, timeout=settings.db_timeout, pool_size=1)
    try:
        rows, skipped = review_rows(ReviewStore(database).reviewed_scores())
    finally:
        database.close()
    write_rows(out, rows)
    for reason in skipped:
        err.print(f"left out: {reason}", soft_wrap=True, highlight=False)
    typer.echo(f"{out}: {_count(len(rows), 'reviewed row')} ({len(skipped)} left out) with the columns {', '.join(COLUMNS[:4])}...; "
               f"merge with 'howey data add {out}'")


def main() -> None:
    app()


if __name__ == "__main__":
    main()
