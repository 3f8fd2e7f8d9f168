"""Command line: thin Typer commands over the library. Data to stdout, diagnostics to stderr."""
from __future__ import annotations

import datetime as dt
import os
import sys
import tempfile
from pathlib import Path
from typing import List, Optional

import typer

from . import __version__
from .emit import dump_fact
from .errors import BulletinxError

app = typer.Typer(
    name="bulletinx",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"bulletinx {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Show the version and exit."),
) -> None:
    """Turn Chinese local-government bulletins into typed fact records (JSON Lines).

    Example: bulletinx extract seeds/hunan-bulletins-2022-12.txt -o facts.jsonl
    """


def err(message: str) -> None:
    typer.echo(f"bulletinx: {message}", err=True)


def _parse_date(value: Optional[str]) -> Optional[dt.date]:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date in the form YYYY-MM-DD") from None


@app.command()
def extract(
    files: List[str] = typer.Argument(..., help="Bulletin text files; '-' reads standard input."),
    output: Optional[Path] = typer.Option(None, "-o", "--output", help="Write to this file (atomically) instead of stdout."),
    rules: List[Path] = typer.Option([], "--rules", help="Extra metric rule file(s) in the built-in TOML format."),
    region: Optional[str] = typer.Option(None, "--region", help="Province or prefecture the documents are about (e.g. 湖南), to settle ambiguous place names."),
    date: Optional[str] = typer.Option(None, "--date", help="Reference date YYYY-MM-DD for periods such as 今年1—11月."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Print nothing on stderr but errors."),
) -> None:
    """Extract facts from bulletins as JSON Lines, one object per fact.

    Example:

        bulletinx extract seeds/hunan-bulletins-2022-12.txt -o facts.jsonl

        cat page.txt | bulletinx extract - --region 湖南 --date 2022-12-15
    """
    from . import metrics
    from .pipeline import extract as run
    from .reading import read_path

    ref = _parse_date(date)
    try:
        ruleset = metrics.load_rules(extra_files=rules) if rules else metrics.load_rules()
    except BulletinxError as e:
        err(str(e))
        raise typer.Exit(2)

    skipped: list[str] = []
    n_docs = n_facts = 0
    tmp_path: Optional[str] = None
    if output is not None:
        out_dir = output.resolve().parent
        if not out_dir.is_dir():
            err(f"{output}: the folder {out_dir} does not exist")
            raise typer.Exit(2)
        fd, tmp_path = tempfile.mkstemp(prefix=".bulletinx-", suffix=".jsonl.part", dir=out_dir)
        sink = os.fdopen(fd, "wb")
    else:
        sink = sys.stdout.buffer
    try:
        for name in files:
            try:
                document = read_path(name)
            except BulletinxError as e:
                err(str(e))
                skipped.append(name)
                continue
            n_docs += 1
            for fact in run(document.text, doc=name, rules=ruleset, region=region, date=ref):
                sink.write(dump_fact(fact))
                n_facts += 1
        sink.flush()
        if tmp_path is not None:
            sink.close()
            os.replace(tmp_path, output)
            tmp_path = None
    except BrokenPipeError:
        # The reader went away (| head): not an error of ours.
        try:
            sys.stdout = None  # type: ignore[assignment]
        finally:
            raise typer.Exit(0)
    finally:
        if tmp_path is not None:
            try:
                sink.close()
            finally:
                os.unlink(tmp_path)
    if not quiet:
        summary = f"{n_docs} document(s) read, {n_facts} fact(s) written"
        if skipped:
            summary += f", {len(skipped)} skipped: {', '.join(skipped)}"
        err(summary)
    if skipped:
        raise typer.Exit(1)


def _register_optional() -> None:
    from . import cli_checks, cli_rules

    cli_checks.register(app)
    cli_rules.register(app)


_register_optional()


def main() -> None:
    try:
        app()
    except BulletinxError as e:
        err(str(e))
        sys.exit(2)
    except KeyboardInterrupt:
        err("interrupted")
        sys.exit(130)
