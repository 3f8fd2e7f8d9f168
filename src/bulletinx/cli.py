"""Command line: thin Typer commands over the library. Data to stdout, diagnostics to stderr."""
from __future__ import annotations

import datetime as dt
import os
import sys
import tempfile
from pathlib import Path
from typing import List, Optional

import typer

from . import __version__, compiled
from .errors import BulletinxError

app = typer.Typer(
    name="bulletinx",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"bulletinx {__version__} ({'compiled' if compiled else 'pure Python'})")
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
    files: List[str] = typer.Argument(..., help="Files, folders (read recursively), glob patterns or '-' (standard input): text, HTML, PDF or JSON Lines document streams."),
    output: Optional[Path] = typer.Option(None, "-o", "--output", help="Write to this file (atomically) instead of stdout."),
    fmt: str = typer.Option("jsonl", "--format", "-f", help="jsonl (one JSON object per fact) or csv (flattened columns, for spreadsheets)."),
    rules: List[Path] = typer.Option([], "--rules", help="Extra metric rule file(s) in the built-in TOML format."),
    region: Optional[str] = typer.Option(None, "--region", help="Province or prefecture the documents are about (e.g. 湖南), to settle ambiguous place names."),
    date: Optional[str] = typer.Option(None, "--date", help="Reference date YYYY-MM-DD for periods such as 今年1—11月."),
    jobs: Optional[int] = typer.Option(None, "--jobs", "-j", min=1, help="Worker processes (default: the machine's cores). The output is the same for any number."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Print nothing on stderr but errors."),
) -> None:
    """Extract facts from bulletins as JSON Lines (or CSV), one record per fact.

    Example:

        bulletinx extract seeds/hunan-bulletins-2022-12.txt -o facts.jsonl

        bulletinx extract crawl/ 'epaper/**/*.pdf' export.jsonl --format csv -o facts.csv

        cat page.txt | bulletinx extract - --region 湖南 --date 2022-12-15
    """
    from . import metrics
    from .inputs import expand, items
    from .outputs import FORMATS, header
    from .parallel import Settings, default_jobs, run as run_all

    ref = _parse_date(date)
    if fmt not in FORMATS:
        raise typer.BadParameter(f"{fmt!r} is not one of {', '.join(FORMATS)}", param_hint="--format")
    try:
        # Loaded here too, so that a broken rule file stops the run before any worker starts.
        metrics.load_rules(extra_files=rules) if rules else metrics.load_rules()
    except BulletinxError as e:
        err(str(e))
        raise typer.Exit(2)

    expansion = expand(files)
    settings = Settings(fmt=fmt, rule_files=tuple(str(r) for r in rules), region=region, date=ref)
    report = _Report(quiet=quiet, total=expansion.total_bytes, show=expansion.many_documents())
    tmp_path: Optional[str] = None
    if output is not None:
        out_dir = output.resolve().parent
        if not out_dir.is_dir():
            err(f"{output}: the folder {out_dir} does not exist")
            raise typer.Exit(2)
        fd, tmp_path = tempfile.mkstemp(prefix=".bulletinx-", suffix=".part", dir=out_dir)
        sink = os.fdopen(fd, "wb")
    else:
        sink = sys.stdout.buffer
    try:
        with report:
            sink.write(header(fmt))
            for outcome in run_all(items(expansion), settings, jobs or default_jobs()):
                if outcome.payload:
                    sink.write(outcome.payload)
                report.add(outcome)
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
    report.summary(expansion.ignored)
    if report.problems:
        raise typer.Exit(1)


class _Report:
    """Problems as they come, a progress bar on a terminal, the tally at the end."""

    def __init__(self, quiet: bool, total: int, show: bool):
        from collections import Counter

        self.quiet = quiet
        self.docs = self.facts = 0
        self.problems = 0
        self.reasons: Counter = Counter()
        self.metrics: Counter = Counter()
        self._progress = None
        self._task = None
        if show and not quiet and sys.stderr.isatty():
            from rich.console import Console
            from rich.progress import BarColumn, DownloadColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn

            self._progress = Progress(
                TextColumn("{task.fields[docs]} docs, {task.fields[facts]} facts"), BarColumn(),
                DownloadColumn(), TimeElapsedColumn(), TimeRemainingColumn(),
                console=Console(file=sys.stderr), transient=True)
            self._task = self._progress.add_task("extract", total=total or None, docs=0, facts=0)

    def __enter__(self) -> "_Report":
        if self._progress is not None:
            self._progress.start()
        return self

    def __exit__(self, *exc) -> None:
        if self._progress is not None:
            self._progress.stop()

    def add(self, outcome) -> None:
        if outcome.problem is not None:
            self.problems += 1
            self.reasons[outcome.problem.reason] += 1
            self._say(str(outcome.problem))
        else:
            self.docs += 1
            self.facts += outcome.facts
            self.metrics.update(outcome.metrics)
        if self._progress is not None:
            self._progress.update(self._task, advance=outcome.size, docs=self.docs, facts=self.facts)

    def _say(self, message: str) -> None:
        line = "bulletinx: " + " ".join(message.split("\n"))
        if self._progress is not None:
            self._progress.console.print(line, markup=False, highlight=False, soft_wrap=True)
        else:
            typer.echo(line, err=True)

    def summary(self, ignored) -> None:
        if self.quiet:
            return
        line = f"{self.docs} document(s) read, {self.facts} fact(s) written"
        if self.problems:
            line += f", {self.problems} skipped (" + ", ".join(f"{r}: {n}" for r, n in self.reasons.most_common()) + ")"
        if ignored:
            kinds = ", ".join(f"{n} {ext}" for ext, n in ignored.most_common(5))
            line += f"; {sum(ignored.values())} other file(s) in folders not read ({kinds})"
        err(line)
        if self.metrics:
            err("facts by metric: " + ", ".join(f"{m} {n}" for m, n in sorted(self.metrics.items(), key=lambda x: (-x[1], x[0]))))


@app.command()
def text(
    file: str = typer.Argument(..., help="A text, HTML or PDF file, a JSON Lines stream (with --id), or '-'."),
    doc_id: Optional[str] = typer.Option(None, "--id", help="The document of a JSON Lines stream to print."),
) -> None:
    """Print the exact text that records' offsets point into.

    For a text file it is the decoded text with \\n line ends; for an HTML or
    PDF page the text taken out of it; for a stream the document's text.
    Its SHA-256 is the records' doc_sha256.

    Example:

        bulletinx text page.html | cut -c 1-80

        bulletinx text export.jsonl --id 3fa9
    """
    from .inputs import DOC, Expansion, Problem, document_text, items, source

    found = None
    try:
        for item in items(Expansion([source(file)])):
            if isinstance(item, Problem):
                if doc_id is not None and item.where.startswith(f"{file}:"):
                    continue  # another document's bad line is no concern here
                err(str(item))
                raise typer.Exit(1)
            if item.kind != DOC:
                if doc_id is not None:
                    err(f"{file}: --id names a document of a JSON Lines stream; this is one document")
                    raise typer.Exit(2)
            elif doc_id is None:
                err(f"{file}: is a JSON Lines stream; name one document with --id")
                raise typer.Exit(2)
            elif item.name != doc_id:
                continue
            found = document_text(item)
            break
    except BulletinxError as e:
        err(str(e))
        raise typer.Exit(1)
    if found is None:
        err(f"{file}: no document with id {doc_id!r}" if doc_id is not None else f"{file}: holds no document")
        raise typer.Exit(1)
    try:
        sys.stdout.buffer.write(found.text.encode("utf-8"))
        sys.stdout.buffer.flush()
    except BrokenPipeError:
        sys.stdout = None  # type: ignore[assignment]


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
