"""Compare two runs of fact records by where each quantity sits, not by line order."""
from __future__ import annotations

import os
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Optional

from .errors import BulletinxError

Key = tuple[str, int, int]
Record = Mapping[str, Any]

__all__ = ["Change", "Diff", "diff_runs", "flatten", "key_of"]


def key_of(record: Record) -> Optional[Key]:
    """(file name of the document, quantity start, quantity end), or None.

    The file name alone is used so that runs made from different directories
    still line up.

    >>> key_of({"doc": "in/d1.txt", "quantity": {"text": "65起", "start": 4, "end": 7}})
    ('d1.txt', 4, 7)
    >>> key_of({"doc": "d1.txt"}) is None
    True
    """
    quantity = record.get("quantity")
    if not isinstance(quantity, Mapping):
        return None
    start, end = quantity.get("start"), quantity.get("end")
    if not isinstance(start, int) or not isinstance(end, int) or isinstance(start, bool) or isinstance(end, bool):
        return None
    return os.path.basename(str(record.get("doc", ""))), start, end


def flatten(record: Record, prefix: str = "") -> dict[str, Any]:
    """Nested objects become dotted paths; lists stay whole values.

    >>> flatten({"value": 65, "locality": {"code": "431100", "town": None}, "x": {}})
    {'value': 65, 'locality.code': '431100', 'locality.town': None, 'x': {}}
    """
    flat: dict[str, Any] = {}
    for name, value in record.items():
        path = prefix + str(name)
        if isinstance(value, Mapping) and value:
            flat.update(flatten(value, path + "."))
        else:
            flat[path] = value
    return flat


@dataclass(frozen=True)
class Change:
    """A record present in both runs whose fields differ: path -> (old, new)."""

    key: Key
    fields: dict[str, tuple[Any, Any]]
    old: Record
    new: Record


@dataclass
class Diff:
    added: list[Record] = field(default_factory=list)
    removed: list[Record] = field(default_factory=list)
    changed: list[Change] = field(default_factory=list)
    unchanged: int = 0

    @property
    def identical(self) -> bool:
        return not (self.added or self.removed or self.changed)

    def to_json(self) -> dict[str, Any]:
        """A JSON-ready form: absent fields show as null."""
        return {
            "identical": self.identical,
            "added": list(self.added),
            "removed": list(self.removed),
            "changed": [
                {
                    "doc": c.key[0], "start": c.key[1], "end": c.key[2],
                    "fields": {path: {"old": old, "new": new} for path, (old, new) in c.fields.items()},
                }
                for c in self.changed
            ],
            "unchanged": self.unchanged,
        }


def _field_changes(old: Record, new: Record) -> dict[str, tuple[Any, Any]]:
    # The document path is already compared through the key; a run made
    # elsewhere should not mark every record as changed.
    a = {k: v for k, v in flatten(old).items() if k != "doc"}
    b = {k: v for k, v in flatten(new).items() if k != "doc"}
    changes = {}
    for path in list(a) + [p for p in b if p not in a]:
        # an absent field and a null one mean the same to a reader of records
        before, after = a.get(path), b.get(path)
        if before != after:
            changes[path] = (before, after)
    return changes


def _by_key(records: list[Record], side: str) -> dict[Key, list[Record]]:
    grouped: dict[Key, list[Record]] = defaultdict(list)
    for number, record in enumerate(records, start=1):
        key = key_of(record)
        if key is None:
            raise BulletinxError(f"{side} record {number} has no quantity with integer start and end")
        grouped[key].append(record)
    return grouped


def diff_runs(old: list[Record], new: list[Record]) -> Diff:
    """Pair records by (document file name, quantity start, quantity end) and compare them.

    Records sharing a key are paired in the order they appear.

    >>> a = {"doc": "d1.txt", "value": 65, "quantity": {"start": 4, "end": 7}}
    >>> d = diff_runs([a], [{**a, "value": 66}])
    >>> d.changed[0].fields
    {'value': (65, 66)}
    """
    before, after = _by_key(old, "old"), _by_key(new, "new")
    diff = Diff()
    for key in sorted(set(before) | set(after)):
        olds, news = before.get(key, []), after.get(key, [])
        for a, b in zip(olds, news):
            changes = _field_changes(a, b)
            if changes:
                diff.changed.append(Change(key, changes, a, b))
            else:
                diff.unchanged += 1
        diff.removed.extend(olds[len(news):])
        diff.added.extend(news[len(olds):])
    return diff
