"""`bulletinx rules`: list the metric rules and test a rule file's examples."""
from __future__ import annotations

import sys
from pathlib import Path
from typing import List

import typer
from rich.console import Console
from rich.table import Table

from .errors import BulletinxError

__all__ = ["register", "rules_app"]

EXIT_FAILED = 1
EXIT_INVALID = 2

rules_app = typer.Typer(
    help="The metric rules: list them, or test a rule file against its examples.",
    no_args_is_help=True,
)


def _invalid(err: BulletinxError) -> typer.Exit:
    print(f"bulletinx: {' '.join(str(err).split())}", file=sys.stderr)
    return typer.Exit(EXIT_INVALID)


def _console() -> Console:
    console = Console(file=sys.stdout, highlight=False)
    if not console.is_terminal:
        # Piped output is read by grep and diff: one row per line, never cut.
        console = Console(file=sys.stdout, highlight=False, width=400, no_color=True)
    return console


@rules_app.command("list")
def list_rules(
    rules: List[Path] = typer.Option([], "--rules", help="Extra rule file(s) to load beside the built-in ones."),
) -> None:
    """Print every rule: id, metric, units and the file it comes from.

    Example:

        bulletinx rules list --rules my_rules.toml
    """
    from .metrics import load_rules

    try:
        ruleset = load_rules(extra_files=rules)
    except BulletinxError as err:
        raise _invalid(err) from None
    table = Table(box=None, pad_edge=False, header_style="bold")
    for column in ("id", "metric", "units", "file"):
        table.add_column(column, no_wrap=True)
    for rule in ruleset:
        table.add_row(rule.id, rule.metric, ",".join(sorted(rule.units)), rule.source)
    _console().print(table)
    print(f"{len(ruleset)} rules, {len(ruleset.metrics)} metrics", file=sys.stderr)


@rules_app.command("test")
def check_file(
    file: Path = typer.Argument(..., help="A rule file; it is loaded with the built-in rules and pieces."),
) -> None:
    """Run the file's examples through the extractor; exit 1 when any fails.

    Each failing example is printed as FAIL with what was found instead; an
    invalid file is one line on stderr and exit 2.

    Example:

        bulletinx rules test my_rules.toml
    """
    from .metrics import rules_in_file, run_examples

    try:
        _, rules = rules_in_file(file)
        failures = run_examples(file)
    except BulletinxError as err:
        raise _invalid(err) from None
    for failure in failures:
        print(f"FAIL {failure}")
    total = sum(len(rule.examples) for rule in rules)
    print(f"{file}: {len(rules)} rules, {total - len(failures)} of {total} examples hold")
    if failures:
        raise typer.Exit(EXIT_FAILED)


def register(app: typer.Typer) -> None:
    """Add the `rules` command group to the main application."""
    app.add_typer(rules_app, name="rules")
