"""Deterministic JSON Lines: the same facts give the same bytes."""
from __future__ import annotations

import orjson

from .models import Fact

_OPTIONS = orjson.OPT_APPEND_NEWLINE


def fact_dict(fact: Fact) -> dict:
    return fact.model_dump(mode="json")


def dump_fact(fact: Fact) -> bytes:
    """One fact as one line of JSON, UTF-8, keys in model order."""
    return orjson.dumps(fact_dict(fact), option=_OPTIONS)
