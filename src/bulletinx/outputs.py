"""Records as bytes: JSON Lines, or CSV with the nested fields flattened for spreadsheets."""
from __future__ import annotations

import csv
import io
from typing import Iterable

from .emit import dump_fact
from .models import Fact

FORMATS = ("jsonl", "csv")

CSV_COLUMNS = (
    "doc", "doc_sha256", "url", "id", "metric", "label", "value", "value_max", "unit", "measure",
    "qualifier", "direction", "modality",
    "locality_code", "locality_name", "locality_level", "locality_path", "town_code", "town_name",
    "agency_name", "agency_kind",
    "period_text", "period_start", "period_end",
    "quantity_text", "quantity_start", "quantity_end",
    "sentence_text", "sentence_start", "sentence_end",
    "article_index", "article_title", "byline",
    "subject", "refers_to", "rule",
)
# Excel takes a CSV file for the local code page unless it opens with a BOM;
# Python (utf-8-sig), pandas, DuckDB and LibreOffice read past it.
CSV_BOM = "\ufeff".encode("utf-8")


def header(fmt: str) -> bytes:
    if fmt == "csv":
        return CSV_BOM + _csv_rows([list(CSV_COLUMNS)])
    return b""


def render(facts: Iterable[Fact], fmt: str) -> bytes:
    if fmt == "csv":
        return _csv_rows([csv_row(f) for f in facts])
    return b"".join(dump_fact(f) for f in facts)


def _csv_rows(rows: list[list]) -> bytes:
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\r\n").writerows(rows)
    return buf.getvalue().encode("utf-8")


def _number(v) -> str:
    """71540000.0 as 71540000: a spreadsheet shows what the text said.

    >>> _number(71540000.0), _number(15.1), _number(None)
    ('71540000', '15.1', '')
    """
    if v is None:
        return ""
    return str(int(v)) if float(v).is_integer() else repr(float(v))


def csv_row(f: Fact) -> list:
    loc, town, ag, per, art = f.locality, f.locality.town if f.locality else None, f.agency, f.period, f.article
    return [
        f.doc, f.doc_sha256 or "", f.url or "", f.id, f.metric, f.label, _number(f.value), _number(f.value_max), f.unit,
        f.measure or "", f.qualifier, f.direction or "", f.modality,
        loc.code if loc else "", loc.name if loc else "", loc.level if loc else "",
        "/".join(loc.path) if loc else "", town.code if town else "", town.name if town else "",
        ag.name if ag else "", ag.kind if ag else "",
        per.text if per else "", (per.start or "") if per else "", (per.end or "") if per else "",
        f.quantity.text, f.quantity.start, f.quantity.end,
        f.sentence.text, f.sentence.start, f.sentence.end,
        art.index if art else "", (art.title or "") if art else "", (art.byline or "") if art else "",
        f.subject or "", f.refers_to or "", f.rule,
    ]
