"""Deterministic JSON Lines: the same facts give the same bytes."""
from __future__ import annotations

import functools

import orjson
from pydantic import BaseModel

from .models import Fact

_OPTIONS = orjson.OPT_APPEND_NEWLINE


@functools.cache
def _field_order(cls: type) -> tuple[str, ...]:
    return tuple(cls.model_fields)


def _in_shape(model: BaseModel) -> bool:
    """Its attributes are exactly its fields, in field order: what the extractor builds."""
    return tuple(model.__dict__) == _field_order(type(model))


def _part(obj):
    if isinstance(obj, BaseModel):
        return obj.__dict__ if _in_shape(obj) else obj.model_dump(mode="json")
    raise TypeError(f"cannot write {type(obj).__name__} as JSON")


def fact_dict(fact: Fact) -> dict:
    return fact.model_dump(mode="json")


def dump_fact(fact: Fact) -> bytes:
    """One fact as one line of JSON, UTF-8, keys in model order.

    Records as the extractor builds them are written straight from their
    attributes (several times faster); any other goes through `model_dump`.
    The bytes are the same either way.
    """
    if type(fact) is Fact and _in_shape(fact):
        return orjson.dumps(fact.__dict__, default=_part, option=_OPTIONS)
    return orjson.dumps(fact_dict(fact), option=_OPTIONS)
