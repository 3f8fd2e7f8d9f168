"""The rule file format: what a ``*.toml`` metric rule file may hold.

The engine that compiles and applies rules is :mod:`bulletinx.metrics`; this
module only describes and validates the file (and gives the JSON Schema in
``schemas/``).
"""
from __future__ import annotations

from typing import Optional

from pydantic import BaseModel, ConfigDict, Field

from .models import Unit

__all__ = ["Example", "Rule", "RuleFile"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Example(_Strict):
    """A sentence the rule must (or, when ``negative``, must not) classify."""

    text: str = Field(min_length=1, description="a whole sentence as a bulletin prints it")
    value: Optional[float] = Field(default=None, ge=0, description="positive: expected value in the canonical unit")
    unit: Optional[Unit] = Field(default=None, description="positive: expected unit")
    metric: Optional[str] = Field(default=None, description="positive: expected metric (the rule's own)")
    negative: bool = Field(default=False, description="true: no quantity of the text may get the rule's metric")
    why: Optional[str] = Field(default=None, description="negative: why the metric would be wrong here")


class Rule(_Strict):
    """One way of recognising one metric."""

    id: str = Field(pattern=r"^[a-z][a-z0-9_]*(?:\.[a-z0-9_]+)+$", description="stable dotted id, unique")
    name: str = Field(min_length=1, description="short human name")
    metric: str = Field(pattern=r"^[a-z][a-z0-9_]*$", description="metric id of the taxonomy (or a new one)")
    units: list[Unit] = Field(min_length=1, description="units of the quantities the rule applies to")
    measures: Optional[list[str]] = Field(
        default=None, min_length=1, description="measure words a count must have (counts only)")
    pattern: Optional[str] = Field(
        default=None, description="regex on the clause before the quantity; ends with $ (the quantity)")
    after: Optional[str] = Field(default=None, description="regex matched at the start of the text after the quantity")
    context: Optional[str] = Field(
        default=None, description="regex that must occur in the sentence before the quantity (what the sentence is about)")
    priority: int = Field(default=0, description="higher wins between equally near, equally specific matches")
    example: list[Example] = Field(default_factory=list, description="at least two positives and one negative")


class RuleFile(_Strict):
    """A rule file: named pieces and rules."""

    pieces: dict[str, str] = Field(default_factory=dict, description="NAME -> regex, used as {NAME}")
    rule: list[Rule] = Field(default_factory=list)
