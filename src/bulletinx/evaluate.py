"""Score fact records against hand-annotated gold.

The figures and their definitions follow the project's reference scorer, so
that numbers printed by `bulletinx eval` can be compared with published ones:

* a gold fact's place is every occurrence of its anchor in the document; a
  prediction is matched to the gold fact whose quantity span it overlaps most
  (first one wins a tie), and an unmatched prediction is a false positive
  (a "trap" one when it touches a negative anchor);
* optional gold facts absorb predictions without reward or penalty; a second
  prediction on a required fact is a duplicate;
* a strict true positive has the right value, unit and locality code;
* precision, recall and F1 are rounded to four places, F1 from the rounded
  precision and recall; the macro F1 averages per-document F1 over documents
  with at least one required fact.
"""
from __future__ import annotations

import json
import os
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Optional, Union

from pydantic import ValidationError

from .errors import BulletinxError, InputError
from .models import GoldFact

PathLike = Union[str, "os.PathLike[str]"]
Span = tuple[int, int]
Summary = dict[str, Any]
Errors = dict[str, list[str]]

__all__ = [
    "load_docs",
    "load_gold",
    "load_jsonl",
    "read_jsonl",
    "read_lines",
    "score",
    "validation_problems",
]

# ---------------------------------------------------------------- reading

def read_text(path: PathLike) -> str:
    """Decode a UTF-8 file (a byte-order mark is dropped, line ends become \\n)."""
    try:
        return Path(path).read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise InputError(str(path), "no such file") from None
    except IsADirectoryError:
        raise InputError(str(path), "is a directory, not a file") from None
    except UnicodeDecodeError as err:
        raise InputError(str(path), f"not valid UTF-8 (byte {err.start})") from None
    except OSError as err:
        raise InputError(str(path), err.strerror or "cannot be read") from None


def read_lines(path: PathLike) -> Iterator[tuple[int, str]]:
    """Yield (line number, line) for every non-blank line of a UTF-8 file."""
    for number, line in enumerate(read_text(path).split("\n"), start=1):
        if line.strip():
            yield number, line


def _parse_object(path: PathLike, number: int, line: str) -> dict[str, Any]:
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as err:
        raise InputError(f"{path}:{number}", f"not JSON Lines: {err.msg} (column {err.colno})") from None
    if not isinstance(obj, dict):
        raise InputError(f"{path}:{number}", f"expected a JSON object, got {type(obj).__name__}")
    return obj


def read_jsonl(path: PathLike) -> Iterator[tuple[int, dict[str, Any]]]:
    """Yield (line number, object) for each line of a JSON Lines file."""
    for number, line in read_lines(path):
        yield number, _parse_object(path, number, line)


def load_jsonl(path: PathLike) -> list[dict[str, Any]]:
    """All objects of a JSON Lines file; a bad line raises `InputError` naming it."""
    return [obj for _, obj in read_jsonl(path)]


def validation_problems(err: ValidationError) -> list[tuple[str, str]]:
    """(dotted field, message) for each problem Pydantic found."""
    return [
        (".".join(str(part) for part in e["loc"]) or "(record)", e["msg"].removeprefix("Value error, "))
        for e in err.errors()
    ]


def load_docs(docs_dir: PathLike, names: Iterable[str]) -> dict[str, str]:
    """Texts of the named documents under `docs_dir`."""
    return {name: read_text(Path(docs_dir) / name) for name in dict.fromkeys(names)}


def load_gold(path: PathLike, docs: Optional[PathLike] = None) -> list[dict[str, Any]]:
    """Read and check a gold file; with `docs`, every anchor must occur in its document.

    The objects are returned as read, not as Pydantic dumped them, so that
    error messages quote the gold's own numbers (`42`, not `42.0`).
    """
    rows: list[tuple[int, GoldFact]] = []
    objects: list[dict[str, Any]] = []
    for number, obj in read_jsonl(path):
        where = f"{path}:{number}"
        try:
            fact = GoldFact.model_validate(obj)
        except ValidationError as err:
            field, problem = validation_problems(err)[0]
            raise InputError(where, f"{field}: {problem}") from None
        if not fact.negative and fact.quantity not in fact.anchor:
            raise InputError(where, f"quantity {fact.quantity!r} is not part of anchor {fact.anchor!r}")
        rows.append((number, fact))
        objects.append(obj)

    if docs is not None:
        texts: dict[str, str] = {}
        for number, fact in rows:
            if fact.doc not in texts:
                doc_path = Path(docs) / fact.doc
                if not doc_path.is_file():
                    raise InputError(f"{path}:{number}", f"document {doc_path} not found")
                texts[fact.doc] = read_text(doc_path)
            if fact.anchor not in texts[fact.doc]:
                raise InputError(f"{path}:{number}", f"anchor {fact.anchor!r} not found in {fact.doc}")
    return objects


# ---------------------------------------------------------------- gold index

@dataclass(frozen=True)
class _Target:
    """A required or optional gold fact with every place it may be found."""

    gold: Mapping[str, Any]
    spans: tuple[Span, ...]

    @property
    def required(self) -> bool:
        return bool(self.gold.get("required", True))


@dataclass(frozen=True)
class _Trap:
    start: int
    end: int
    anchor: str


@dataclass
class _GoldIndex:
    targets: dict[str, list[_Target]]
    traps: dict[str, list[_Trap]]
    docs: set[str]


def _occurrences(text: str, needle: str) -> list[int]:
    """Start of every occurrence of `needle`, overlapping ones included.

    >>> _occurrences("一二一二一", "一二一")
    [0, 2]
    """
    found = []
    at = text.find(needle)
    while at != -1:
        found.append(at)
        at = text.find(needle, at + 1)
    return found


def _index_gold(gold: Iterable[Mapping[str, Any]], texts: Mapping[str, str]) -> _GoldIndex:
    index = _GoldIndex(targets={}, traps=defaultdict(list), docs=set())
    for g in gold:
        doc, anchor = g["doc"], g["anchor"]
        if doc not in texts:
            raise BulletinxError(f"gold names document {doc!r}, whose text was not given")
        index.docs.add(doc)
        starts = _occurrences(texts[doc], anchor)
        if not starts:
            raise BulletinxError(f"gold anchor not found in {doc}: {anchor}")
        if g.get("negative"):
            index.traps[doc].extend(_Trap(s, s + len(anchor), anchor) for s in starts)
            continue
        quantity = g.get("quantity")
        if not quantity or quantity not in anchor:
            raise BulletinxError(f"gold quantity {quantity!r} is not part of anchor {anchor!r} in {doc}")
        offset = anchor.index(quantity)
        spans = tuple((s + offset, s + offset + len(quantity)) for s in starts)
        index.targets.setdefault(doc, []).append(_Target(g, spans))
    return index


# ---------------------------------------------------------------- field access

def _prediction_span(pred: Mapping[str, Any]) -> Optional[Span]:
    """The quantity's (start, end), from `quantity` or a bare `span` pair."""
    try:
        q = pred.get("quantity") or {}
        if isinstance(q, dict) and "start" in q and "end" in q:
            return int(q["start"]), int(q["end"])
        pair = pred.get("span")
        if isinstance(pair, (list, tuple)) and len(pair) == 2:
            return int(pair[0]), int(pair[1])
    except (TypeError, ValueError):
        pass
    return None


def _name_or_code(value: Any, key: str) -> Any:
    return value.get(key) if isinstance(value, dict) else value


def _same_value(got: Any, want: Any) -> bool:
    """Magnitudes agree to one part in a million (sign ignored).

    >>> _same_value(71540000.0, 71540000), _same_value("35.8", 35.8), _same_value(None, 1)
    (True, True, False)
    """
    try:
        a, b = abs(float(got)), abs(float(want))
    except (TypeError, ValueError, OverflowError):
        return False
    return abs(a - b) <= 1e-6 * max(1.0, b)


_TONED_VOWELS = "āáǎà" "ēéěè" "īíǐì" "ōóǒò" "ūúǔù" "ǖǘǚǜü"
_PINYIN_GLOSS = re.compile(r"\([a-z" + _TONED_VOWELS + r"]+\)")
_VAGUE_WORDS = ("该市", "该县", "各级")


def _agency_core(name: str) -> str:
    """An agency name without pinyin glosses and words that only point back.

    >>> _agency_core("该市公安(gōngān)局 ")
    '公安局'
    """
    name = _PINYIN_GLOSS.sub("", name)
    for word in _VAGUE_WORDS:
        name = name.replace(word, "")
    return name.strip()


def _agency_matches(got: Any, want: str) -> bool:
    """One name contains the other once both are reduced to their core.

    >>> _agency_matches("劳动保障监察部门", "各级劳动保障监察部门"), _agency_matches(None, "公安局")
    (True, False)
    """
    if not got or not isinstance(got, str):
        return False
    p, g = _agency_core(got), _agency_core(want)
    return bool(p) and (p in g or g in p)


def _locality_is_ancestor(got: Any, want: Any) -> bool:
    """A wrong code that names a division containing the right one.

    >>> _locality_is_ancestor("430000", "431100"), _locality_is_ancestor("431100", "430000")
    (True, False)
    """
    return (
        isinstance(got, str) and bool(got) and isinstance(want, str) and bool(want)
        and want.startswith(got.rstrip("0"))
    )


# ---------------------------------------------------------------- scoring

class _Tally:
    """Counts and error messages for one document."""

    def __init__(self) -> None:
        self.n: Counter[str] = Counter()
        self.errors: dict[str, list[str]] = defaultdict(list)

    def note(self, kind: str, message: str) -> None:
        self.errors[kind].append(message)

    @property
    def scored_predictions(self) -> int:
        return self.n["found"] + self.n["fp"] + self.n["duplicate"]

    def f1(self) -> float:
        predicted = self.scored_predictions
        precision = self.n["tp_strict"] / predicted if predicted else 0.0
        recall = self.n["tp_strict"] / self.n["gold"]
        total = precision + recall
        return 2 * precision * recall / total if total else 0.0


def _best_target(span: Span, targets: list[_Target]) -> Optional[int]:
    best, best_overlap = None, 0
    for i, target in enumerate(targets):
        for start, end in target.spans:
            overlap = min(end, span[1]) - max(start, span[0])
            if overlap > best_overlap:
                best, best_overlap = i, overlap
    return best


def _trap_hit(span: Span, traps: list[_Trap]) -> Optional[str]:
    for trap in traps:
        if min(trap.end, span[1]) > max(trap.start, span[0]):
            return trap.anchor
    return None


def _assign(
    doc: str, text: str, preds: list[Mapping[str, Any]], targets: list[_Target],
    traps: list[_Trap], tally: _Tally,
) -> dict[int, Mapping[str, Any]]:
    """Match each prediction to a gold fact; return the first match of each required one."""
    matched: dict[int, Mapping[str, Any]] = {}
    for pred in preds:
        span = _prediction_span(pred)
        if span is None:
            tally.n["pred_without_span"] += 1
            continue
        best = _best_target(span, targets)
        if best is None:
            tally.n["fp"] += 1
            trap = _trap_hit(span, traps)
            where = f"{doc}@{span[0]} {text[span[0]:span[1]]!r}"
            if trap:
                tally.n["fp_trap"] += 1
                where += f" (trap {trap})"
            tally.note("false_positive", where)
            continue
        target = targets[best]
        if not target.required:
            tally.n["optional_hit"] += 1
        elif best in matched:
            tally.n["duplicate"] += 1
            tally.note("duplicate", f"{doc}@{span[0]} {target.gold['quantity']}")
        else:
            matched[best] = pred
    return matched


def _judge(g: Mapping[str, Any], p: Mapping[str, Any], tally: _Tally) -> None:
    """Compare the attributes of a found fact with its gold."""
    anchor = g["anchor"]
    value_ok = _same_value(p.get("value"), g.get("value"))
    unit_ok = p.get("unit") == g.get("unit") or p.get("unit") in (g.get("unit_alt") or [])
    tally.n["value_ok"] += value_ok
    tally.n["unit_ok"] += unit_ok
    if not (value_ok and unit_ok):
        tally.note("value_or_unit", f"{anchor}: got {p.get('value')} {p.get('unit')}, want {g.get('value')} {g.get('unit')}")

    if p.get("qualifier") == g.get("qualifier"):
        tally.n["qualifier_ok"] += 1
    else:
        tally.note("qualifier", f"{anchor}: got {p.get('qualifier')}, want {g.get('qualifier')}")

    got_code, want_code = _name_or_code(p.get("locality"), "code"), g.get("locality")
    locality_ok = (got_code or None) == (want_code or None)
    tally.n["locality_ok"] += locality_ok
    if not locality_ok:
        tally.n["locality_ancestor"] += _locality_is_ancestor(got_code, want_code)
        tally.note("locality", f"{anchor}: got {got_code}, want {want_code}")

    # "other" is a catch-all, so getting it right says nothing about the taxonomy
    if g.get("metric") != "other":
        tally.n["metric_gold"] += 1
        if p.get("metric") == g.get("metric"):
            tally.n["metric_ok"] += 1
        else:
            tally.note("metric", f"{anchor}: got {p.get('metric')}, want {g.get('metric')}")

    if g.get("agency"):
        tally.n["agency_gold"] += 1
        got_agency = _name_or_code(p.get("agency"), "name")
        if _agency_matches(got_agency, g["agency"]):
            tally.n["agency_ok"] += 1
        else:
            tally.note("agency", f"{anchor}: got {got_agency}, want {g['agency']}")

    if value_ok and unit_ok and locality_ok:
        tally.n["tp_strict"] += 1


def _score_doc(
    doc: str, text: str, preds: list[Mapping[str, Any]], targets: list[_Target], traps: list[_Trap],
) -> _Tally:
    tally = _Tally()
    matched = _assign(doc, text, preds, targets, traps, tally)
    for i, target in enumerate(targets):
        if not target.required:
            continue
        tally.n["gold"] += 1
        pred = matched.get(i)
        if pred is None:
            tally.n["missed"] += 1
            tally.note("missed", f"{doc} {target.gold['anchor']}")
            continue
        tally.n["found"] += 1
        _judge(target.gold, pred, tally)
    return tally


def _ratio(part: float, whole: float) -> Optional[float]:
    return round(part / whole, 4) if whole else None


def _summarise(n: Counter[str], per_doc_f1: list[float], unknown_docs: int) -> Summary:
    scored = n["found"] + n["fp"] + n["duplicate"]
    precision = _ratio(n["tp_strict"], scored)
    recall = _ratio(n["tp_strict"], n["gold"])
    f1 = round(2 * precision * recall / (precision + recall), 4) if precision and recall else 0.0
    return {
        "gold_required": n["gold"],
        "detected": n["found"],
        "detection_recall": _ratio(n["found"], n["gold"]),
        "detection_precision": _ratio(n["found"], scored),
        "false_positives": n["fp"],
        "false_positives_on_traps": n["fp_trap"],
        "duplicates": n["duplicate"],
        "value_unit_accuracy": _ratio(min(n["value_ok"], n["unit_ok"]), n["found"]),
        "value_accuracy": _ratio(n["value_ok"], n["found"]),
        "unit_accuracy": _ratio(n["unit_ok"], n["found"]),
        "qualifier_accuracy": _ratio(n["qualifier_ok"], n["found"]),
        "locality_accuracy": _ratio(n["locality_ok"], n["found"]),
        "locality_ancestor_only": n["locality_ancestor"],
        "metric_accuracy": _ratio(n["metric_ok"], n["metric_gold"]),
        "agency_accuracy": _ratio(n["agency_ok"], n["agency_gold"]),
        "strict_precision": precision,
        "strict_recall": recall,
        "fact_f1": f1,
        "fact_f1_macro": round(sum(per_doc_f1) / len(per_doc_f1), 4) if per_doc_f1 else None,
        "predictions_without_span": n["pred_without_span"],
        "predictions_for_unknown_docs": unknown_docs,
    }


def score(
    gold: list[dict[str, Any]], texts: dict[str, str], preds: list[dict[str, Any]],
) -> tuple[Summary, Errors]:
    """Score predictions against gold; `texts` maps each gold document name to its text.

    Returns the summary figures and, per error kind, one message per error.
    Predictions are matched to documents by file name; documents that have only
    negative gold lines are not scored.
    """
    index = _index_gold(gold, texts)

    by_doc: dict[str, list[Mapping[str, Any]]] = defaultdict(list)
    unknown: set[str] = set()
    for pred in preds:
        name = os.path.basename(str(pred.get("doc", "")))
        if name in index.docs:
            by_doc[name].append(pred)
        else:
            unknown.add(name)

    total: Counter[str] = Counter()
    errors: dict[str, list[str]] = defaultdict(list)
    per_doc_f1: list[float] = []
    for doc, targets in index.targets.items():
        tally = _score_doc(doc, texts[doc], by_doc[doc], targets, index.traps[doc])
        total.update(tally.n)
        for kind, messages in tally.errors.items():
            errors[kind].extend(messages)
        if tally.n["gold"]:
            per_doc_f1.append(tally.f1())
    return _summarise(total, per_doc_f1, len(unknown)), dict(errors)
