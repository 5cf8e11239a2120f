"""The ``howey`` command line: the same scorer and checks as the API, for files and terminals."""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

app = typer.Typer(help="How likely a crypto token is to be treated as a security under the Howey test. Not legal advice.",
                  no_args_is_help=True, add_completion=False)
data_app = typer.Typer(help="Validate and grow the labeled-token dataset.", no_args_is_help=True)
app.add_typer(data_app, name="data")

DEFAULT_DATA = Path("data/labeled_tokens.csv")
err = Console(stderr=True)


def _model_dir() -> Path:
    from app.api.settings import Settings

    return Settings().model_dir


@app.command()
def serve(
    host: Annotated[str, typer.Option(help="Interface to bind.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    workers: Annotated[int, typer.Option(help="Worker processes (2 suits a 2-core machine).")] = 1,
) -> None:
    """Run the API (and the analyst page) with uvicorn."""
    import uvicorn

    uvicorn.run("app.main:create_app", factory=True, host=host, port=port, workers=workers)


@app.command()
def score(
    file: Annotated[str, typer.Argument(help="A text file to score, or - for standard input.")] = "-",
) -> None:
    """Score one document and print the JSON the API returns."""
    from app.core.artifacts import ModelIntegrityError
    from app.core.scorer import load_scorer

    text = sys.stdin.read() if file == "-" else _read_text(Path(file))
    if not text.strip():
        err.print("[red]error:[/] the text to score is empty")
        raise typer.Exit(2)
    try:
        scorer, _ = load_scorer(_model_dir())
    except ModelIntegrityError as error:
        err.print(f"[red]error:[/] {error}")
        raise typer.Exit(1) from error
    typer.echo(json.dumps(scorer.score(text).to_dict(), indent=2, ensure_ascii=False))


def _read_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        err.print(f"[red]error:[/] cannot read {path}: {error}")
        raise typer.Exit(2) from error


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

    from app.core.artifacts import ModelIntegrityError, read_manifest
    from app.core.batch import run_batch
    from app.core.listings import ListingsError, reader_for

    rejects = rejects or output.with_name(output.name + ".rejects.csv")
    try:
        for path in (input, output):
            reader_for(path.name)  # a .csv or .jsonl name, checked before any work starts
        read_manifest(_model_dir())
    except (ListingsError, ModelIntegrityError) as error:
        err.print(f"[red]error:[/] {error}")
        raise typer.Exit(2) from error
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

        try:
            summary = run_batch(input, output, rejects, _model_dir(), jobs, text_column, id_column, report)
        except ListingsError as error:
            err.print(f"[red]error:[/] {input}: {error}")
            raise typer.Exit(2) from error
    reasons = ", ".join(f"{n} {kind}" for kind, n in summary.reasons.most_common()) or "none"
    err.print(f"scored {summary.scored:,} rows in {summary.seconds:.1f} s ({summary.rows_per_second:,.0f} rows/s) "
              f"into {output}; rejected {summary.rejected:,} ({reasons}) into {rejects}", soft_wrap=True)


@app.command()
def train(
    data: Annotated[Path, typer.Option(help="Labeled-token CSV.")] = DEFAULT_DATA,
    out: Annotated[Path | None, typer.Option(help="Directory for the new model (default: HOWEY_MODEL_DIR).")] = None,
    seed: Annotated[int, typer.Option(help="Random seed.")] = 0,
    basis: Annotated[list[str] | None, typer.Option(help="Train only on rows with this label_basis (repeatable).")] = None,
    exclude_disposition: Annotated[list[str] | None, typer.Option(help="Leave out rows with this disposition (repeatable), e.g. dismissed_by_sec.")] = None,
    force: Annotated[bool, typer.Option("--force", help="Promote the new version even if it is worse.")] = False,
) -> None:
    """Train a new model version, compare it with the current one, and promote it if not worse."""
    from app.core.dataset import DISPOSITIONS, LABEL_BASES
    from app.core.training import TrainingDataError, train_and_promote

    for value, allowed, option in ((basis, LABEL_BASES, "--basis"), (exclude_disposition, DISPOSITIONS, "--exclude-disposition")):
        unknown = sorted(set(value or ()) - set(allowed))
        if unknown:
            err.print(f"[red]error:[/] {option} {', '.join(unknown)} is not one of {', '.join(allowed)}")
            raise typer.Exit(2)
    model_dir = out or _model_dir()
    try:
        outcome = train_and_promote(data, model_dir, force=force, seed=seed, label_bases=basis,
                                    exclude_dispositions=exclude_disposition or ())
    except TrainingDataError as error:
        err.print(f"[red]error:[/] {error}")
        raise typer.Exit(1) from error
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
    if outcome.promoted:
        console.print(f"[green]promoted[/]: {model_dir} now serves {manifest['model_version']} (reload a running service: POST /v1/admin/reload)")
    else:
        console.print(f"[yellow]not promoted[/]: worse than the current version ({'; '.join(outcome.comparison.worse)}); pass --force to promote anyway")


@app.command()
def rules(
    as_json: Annotated[bool, typer.Option("--json", help="Print a JSON array.")] = False,
    markdown: Annotated[bool, typer.Option("--markdown", help="Print docs/rules.md.")] = False,
) -> None:
    """List every rule: id, prong, direction, weight, rationale, authority."""
    from app.core.rulebook import KIND_LABEL, render_markdown, rule_records

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
            console.print(f"  {sign}{rule['weight']:.2f}  {rule['id']}  [dim]{KIND_LABEL[rule['kind']]}[/]", soft_wrap=True, highlight=False)
            console.print(f"         {rule['rationale']} [dim]({rule['authority']})[/]", soft_wrap=True, highlight=False)
    console.print(f"{len(listed)} rules; + supports, - weighs against a security.")


def _fail_on_problems(path: Path, problems: list, consequence: str = "") -> None:
    """Print line-numbered problems and exit 1, if there are any."""
    if problems:
        for problem in problems:
            typer.echo(f"{path}: {problem}", err=True)
        typer.echo(f"{path}: {len(problems)} problem(s){consequence}", err=True)
        raise typer.Exit(1)


@data_app.command("check")
def data_check(path: Annotated[Path, typer.Argument(help="Labeled-token CSV.")] = DEFAULT_DATA) -> None:
    """Validate a labeled-token CSV; exit 1 with line-numbered problems."""
    from app.core.dataset import check_file, read_rows

    _fail_on_problems(path, check_file(path))
    _, rows = read_rows(path)
    labels = {label: sum(r["label"] == label for r in rows) for label in ("security", "not_security")}
    typer.echo(f"{path}: OK, {len(rows)} rows ({labels['security']} security, {labels['not_security']} not_security)")


@data_app.command("add")
def data_add(
    new: Annotated[Path, typer.Argument(help="CSV of new labeled rows (same columns).", exists=True, dir_okay=False)],
    data: Annotated[Path, typer.Option(help="The dataset to merge into.")] = DEFAULT_DATA,
    update: Annotated[bool, typer.Option("--update", help="Let rows for known symbols (same label) replace them.")] = False,
) -> None:
    """Validate new rows, report duplicates and label conflicts, and merge them atomically."""
    from app.core.datacard import refresh
    from app.core.dataset import COLUMNS, check_file, check_table, merge_rows, read_rows, write_rows_atomically

    _fail_on_problems(new, check_file(new), "; nothing merged")
    _, existing = read_rows(data)
    _, rows = read_rows(new)
    report = merge_rows(existing, rows, allow_updates=update)
    for title, items in (("added", report.added), ("identical, skipped", report.duplicates),
                         ("updates" + ("" if update else " (not applied: pass --update)"), report.updates),
                         ("CONFLICTS (not merged)", report.conflicts)):
        if items:
            typer.echo(f"{title}: {', '.join(items)}")
    if report.conflicts or (report.updates and not update):
        typer.echo(f"{data}: unchanged; resolve the rows above first", err=True)
        raise typer.Exit(1)
    _fail_on_problems(data, check_table(list(COLUMNS), report.merged), " after merging; nothing written")
    write_rows_atomically(data, report.merged)
    card = data.parent / "README.md"
    if card.exists() and "counts:start" in card.read_text(encoding="utf-8"):
        refresh(card, data)
    typer.echo(f"{data}: {len(report.merged)} rows ({len(report.added)} added, "
               f"{len(report.updates) if update else 0} updated); retrain with 'howey train'")


@data_app.command("card")
def data_card(
    data: Annotated[Path, typer.Option(help="Labeled-token CSV.")] = DEFAULT_DATA,
    card: Annotated[Path, typer.Option(help="The data card to refresh.")] = Path("data/README.md"),
) -> None:
    """Regenerate the counts section of the data card from the data."""
    from app.core.datacard import refresh

    changed = refresh(card, data)
    typer.echo(f"{card}: {'updated' if changed else 'already up to date'}")


def main() -> None:
    app()


if __name__ == "__main__":
    main()
