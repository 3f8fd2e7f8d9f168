"""Commands that check output rather than produce it: eval, diff, validate, schema."""
from __future__ import annotations

import functools
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer
from pydantic import ValidationError
from rich.console import Console
from rich.table import Table
from rich.text import Text

from . import diffing, evaluate, schemas
from .errors import BulletinxError, InputError
from .models import Fact

__all__ = ["register"]

F = TypeVar("F", bound=Callable[..., Any])

# exit codes: 1 means "the check found something", 2 means "could not check"
EXIT_FOUND = 1
EXIT_USAGE = 2


def _one_line_errors(command: F) -> F:
    """Turn a BulletinxError into `bulletinx: message` on stderr and exit code 2."""

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except BulletinxError as err:
            message = " ".join(str(err).split("\n"))
            print(f"bulletinx: {message}", file=sys.stderr)
            raise typer.Exit(EXIT_USAGE) from None

    return wrapper  # type: ignore[return-value]


def _dumps(obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False)


def _require_file(path: Path) -> None:
    if not path.exists():
        raise InputError(str(path), "no such file")
    if not path.is_file():
        raise InputError(str(path), "is not a file")


# ---------------------------------------------------------------- eval

def eval_command(
    pred: Annotated[Path, typer.Argument(metavar="PRED.jsonl", help="Fact records to score.", show_default=False)],
    gold: Annotated[Path, typer.Option("--gold", metavar="GOLD.jsonl", help="Hand-annotated gold file.", show_default=False)],
    docs: Annotated[Path, typer.Option("--docs", metavar="DIR", help="Directory holding the documents the gold names.", show_default=False)],
    as_json: Annotated[bool, typer.Option("--json", help="Print the figures as one JSON object.")] = False,
    errors: Annotated[int, typer.Option("--errors", metavar="N", min=0, help="List the first N errors of each kind.")] = 0,
) -> None:
    """Score fact records against hand-annotated gold.

    A true positive is a record on a required gold quantity with the right
    value, unit and locality code; fact_f1 is the headline figure.

    Example:

        bulletinx eval --gold gold/dev.jsonl --docs corpus/ out.jsonl --errors 5
    """
    _require_file(pred)
    _require_file(gold)
    if not docs.is_dir():
        raise InputError(str(docs), "is not a directory")
    gold_rows = evaluate.load_gold(gold, docs)
    texts = evaluate.load_docs(docs, (g["doc"] for g in gold_rows))
    summary, found = evaluate.score(gold_rows, texts, evaluate.load_jsonl(pred))

    if as_json:
        report: dict[str, Any] = dict(summary)
        if errors:
            report["errors"] = {kind: rows[:errors] for kind, rows in found.items()}
        print(_dumps(report))
        return

    console = Console(file=sys.stdout, highlight=False)
    table = Table(title=f"{pred.name} against {gold.name}", title_justify="left")
    table.add_column("figure")
    table.add_column("value", justify="right")
    for name, value in summary.items():
        style = "bold" if name == "fact_f1" else ""
        table.add_row(Text(name, style=style), Text("–" if value is None else str(value), style=style))
    console.print(table)
    for kind, rows in found.items() if errors else ():
        print(f"{kind} ({len(rows)})")
        for row in rows[:errors]:
            print(f"    {row}")


# ---------------------------------------------------------------- diff

def _load_keyed(path: Path) -> list[dict[str, Any]]:
    records = []
    for number, record in evaluate.read_jsonl(path):
        if diffing.key_of(record) is None:
            raise InputError(f"{path}:{number}", "record has no quantity with integer start and end")
        records.append(record)
    return records


def _describe(record: diffing.Record) -> str:
    key = diffing.key_of(record)
    quantity = record.get("quantity") or {}
    where = f"{key[0]}@{key[1]}-{key[2]}" if key else "?"
    return (
        f"{where} {quantity.get('text', '')!s} {record.get('metric', '')} "
        f"{record.get('value', '')} {record.get('unit', '')}"
    ).rstrip()


def _show(value: Any) -> str:
    return "(absent)" if value is None else _dumps(value)


def diff_command(
    old: Annotated[Path, typer.Argument(metavar="OLD.jsonl", help="Records of the earlier run.", show_default=False)],
    new: Annotated[Path, typer.Argument(metavar="NEW.jsonl", help="Records of the later run.", show_default=False)],
    as_json: Annotated[bool, typer.Option("--json", help="Print the difference as one JSON object.")] = False,
) -> None:
    """Compare two runs record by record; exit 1 when they differ, 0 when identical.

    Records are paired by document file name and quantity offsets, so a
    reordered file is not a change.

    Example:

        bulletinx diff golden/seed.jsonl out.jsonl
    """
    _require_file(old)
    _require_file(new)
    result = diffing.diff_runs(_load_keyed(old), _load_keyed(new))
    if as_json:
        print(_dumps(result.to_json()))
    else:
        print(
            f"{len(result.added)} added, {len(result.removed)} removed, "
            f"{len(result.changed)} changed, {result.unchanged} unchanged"
        )
        for record in result.removed:
            print(f"- {_describe(record)}")
        for record in result.added:
            print(f"+ {_describe(record)}")
        for change in result.changed:
            print(f"~ {_describe(change.new)}")
            for path, (before, after) in change.fields.items():
                print(f"    {path}: {_show(before)} -> {_show(after)}")
    if not result.identical:
        raise typer.Exit(EXIT_FOUND)


# ---------------------------------------------------------------- validate

def _line_problems(path: Path, number: int, line: str) -> list[str]:
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as err:
        return [f"{path}:{number}: (line): not JSON: {err.msg} (column {err.colno})"]
    try:
        Fact.model_validate(obj)
    except ValidationError as err:
        return [f"{path}:{number}: {field}: {problem}" for field, problem in evaluate.validation_problems(err)]
    return []


def validate_command(
    file: Annotated[Path, typer.Argument(metavar="FILE.jsonl", help="Fact records to check.", show_default=False)],
) -> None:
    """Check every line of a JSON Lines file against the fact record model.

    Each problem is printed as FILE:LINE: field: problem; exit 1 if there is any.

    Example:

        bulletinx validate out.jsonl
    """
    _require_file(file)
    checked = bad = 0
    for number, line in evaluate.read_lines(file):
        checked += 1
        problems = _line_problems(file, number, line)
        bad += bool(problems)
        for problem in problems:
            print(problem)
    if bad:
        print(f"{file}: {bad} of {checked} records invalid", file=sys.stderr)
        raise typer.Exit(EXIT_FOUND)
    print(f"{file}: {checked} records valid", file=sys.stderr)


# ---------------------------------------------------------------- schema

def schema_command(
    out: Annotated[Path, typer.Option("--out", metavar="DIR", help="Directory to write the schemas into.")] = Path("schemas"),
) -> None:
    """Write JSON Schemas of the record formats, generated from the models.

    Rerun after changing a model; a test compares the committed files with
    freshly generated ones.

    Example:

        bulletinx schema --out schemas/
    """
    if out.exists() and not out.is_dir():
        raise InputError(str(out), "is not a directory")
    try:
        written = schemas.write(out)
    except OSError as err:
        raise InputError(str(out), err.strerror or "cannot be written") from None
    for path in written:
        print(path)


def register(app: typer.Typer) -> None:
    """Add the eval, diff, validate and schema commands to `app`."""
    app.command("eval")(_one_line_errors(eval_command))
    app.command("diff")(_one_line_errors(diff_command))
    app.command("validate")(_one_line_errors(validate_command))
    app.command("schema")(_one_line_errors(schema_command))
