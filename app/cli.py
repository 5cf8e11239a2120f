"""The ``howey`` command line: the same scorer and checks as the API, for files and terminals."""

from __future__ import annotations

import json
import sys
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
def train(
    data: Annotated[Path, typer.Option(help="Labeled-token CSV.")] = DEFAULT_DATA,
    out: Annotated[Path | None, typer.Option(help="Directory for the new model (default: HOWEY_MODEL_DIR).")] = None,
    seed: Annotated[int, typer.Option(help="Random seed.")] = 0,
    basis: Annotated[list[str] | None, typer.Option(help="Train only on rows with this label_basis (repeatable).")] = None,
    exclude_disposition: Annotated[list[str] | None, typer.Option(help="Leave out rows with this disposition (repeatable), e.g. dismissed_by_sec.")] = None,
) -> None:
    """Train a model version and print its grouped cross-validation metrics."""
    from app.core.dataset import DISPOSITIONS, LABEL_BASES
    from app.core.training import TrainingDataError
    from app.core.training import train as train_model

    for value, allowed, option in ((basis, LABEL_BASES, "--basis"), (exclude_disposition, DISPOSITIONS, "--exclude-disposition")):
        unknown = sorted(set(value or ()) - set(allowed))
        if unknown:
            err.print(f"[red]error:[/] {option} {', '.join(unknown)} is not one of {', '.join(allowed)}")
            raise typer.Exit(2)
    try:
        manifest = train_model(data, out or _model_dir(), seed=seed, label_bases=basis, exclude_dispositions=exclude_disposition or ())
    except TrainingDataError as error:
        err.print(f"[red]error:[/] {error}")
        raise typer.Exit(1) from error
    table = Table(title=f"model {manifest['model_version']} ({manifest['n_training_rows']} rows, {manifest['metrics']['cv']['kind']})")
    for column in ("approach", "ROC-AUC", "PR-AUC", "Brier", "F1"):
        table.add_column(column)
    for name, m in manifest["metrics"].items():
        if isinstance(m, dict) and "roc_auc" in m:
            table.add_row(name, *(str(m[k]) for k in ("roc_auc", "pr_auc", "brier", "f1")))
    Console().print(table)
    t = manifest["thresholds"]
    Console().print(f"risk levels: low < {t['medium']} <= medium < {t['high']} <= high; written to {out or _model_dir()}")


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


@data_app.command("check")
def data_check(path: Annotated[Path, typer.Argument(help="Labeled-token CSV.")] = DEFAULT_DATA) -> None:
    """Validate a labeled-token CSV; exit 1 with line-numbered problems."""
    from app.core.dataset import check_file, read_rows

    problems = check_file(path)
    if problems:
        for problem in problems:
            typer.echo(f"{path}: {problem}", err=True)
        typer.echo(f"{path}: {len(problems)} problem(s)", err=True)
        raise typer.Exit(1)
    _, rows = read_rows(path)
    labels = {label: sum(r["label"] == label for r in rows) for label in ("security", "not_security")}
    typer.echo(f"{path}: OK, {len(rows)} rows ({labels['security']} security, {labels['not_security']} not_security)")


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
