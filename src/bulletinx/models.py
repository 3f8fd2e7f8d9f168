"""Record types: what `bulletinx extract` writes, one JSON object per fact."""
from __future__ import annotations

from typing import ClassVar, Literal, Optional

from pydantic import BaseModel, ConfigDict, Field, model_validator

from .construct import construct

Qualifier = Literal["exact", "at_least", "approx", "at_most"]
Direction = Literal["increase", "decrease"]
Modality = Literal["actual", "planned", "target"]
Unit = Literal[
    "CNY", "USD", "km", "m", "km2", "m2", "mu", "ha", "t", "kg", "g", "percent", "pp",
    "day", "month", "year", "hour", "t/yr", "CNY/mu", "count", "m3", "kWh", "permille", "times",
]


class _Trusted:
    """`trusted(**values)`: what `model_construct` gives (no validation, defaults
    filled in, the names passed as the fields set) at a fraction of its cost;
    for the extractor, whose values are already in shape."""

    __slots__ = ()

    @classmethod
    def trusted(cls, **values):
        return construct(cls, values)


class _Model(_Trusted, BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=False)


class _Part(_Trusted, BaseModel):
    """A part of a record; frozen, so that records may share one instance."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Span(_Part):
    """A piece of the decoded input text: `text == input[start:end]`."""

    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)


class Town(_Part):
    code: str = Field(description="9-digit township code")
    name: str


class Locality(_Part):
    code: str = Field(pattern=r"^\d{6}$", description="6-digit division code (province, prefecture or county)")
    name: str
    level: Literal["province", "prefecture", "county"]
    path: list[str] = Field(description="names from the province down to this division")
    town: Optional[Town] = None


class Agency(_Part):
    name: str = Field(description="the body as the text names it")
    kind: str = Field(description="small fixed vocabulary, e.g. public_security, human_resources, other")


class Period(_Part):
    text: str
    start: Optional[str] = Field(default=None, description="ISO date, when a reference date is known")
    end: Optional[str] = None


class Article(_Part):
    index: int = Field(ge=0)
    title: Optional[str] = None
    byline: Optional[str] = None


class Fact(_Model):
    """One number with its unit that says how much or how many of something."""

    doc: str
    doc_sha256: Optional[str] = Field(default=None, description="hex SHA-256 of the UTF-8 text the offsets point into (`bulletinx text` prints it)")
    url: Optional[str] = Field(default=None, description="where the document was published, when the input says: a stream document's url, an HTML page's own address")
    id: str = Field(description="stable id: the same input gives the same id everywhere")
    metric: str = Field(description="metric id from the taxonomy, or 'other'")
    label: str = Field(description="the phrase the quantity measures, as written")
    value: float = Field(ge=0, description="magnitude in the canonical unit (lower end of a range)")
    value_max: Optional[float] = Field(default=None, description="upper end of a range, else null")
    unit: Unit
    measure: Optional[str] = Field(default=None, description="measure word of a count (人, 起, 件 ...)")
    qualifier: Qualifier = "exact"
    direction: Optional[Direction] = None
    quantity: Span
    sentence: Span
    article: Optional[Article] = None
    locality: Optional[Locality] = None
    agency: Optional[Agency] = None
    period: Optional[Period] = None
    modality: Modality = "actual"
    subject: Optional[str] = None
    refers_to: Optional[str] = Field(default=None, description="id of the fact a change refers to")
    rule: str = Field(description="id of the rule that produced the record")


class GoldFact(_Model):
    """One line of a hand-annotated gold file (a fact, or a negative trap)."""

    doc: str
    anchor: str = Field(min_length=1)
    negative: bool = False
    quantity: Optional[str] = None
    value: Optional[float] = None
    unit: Optional[str] = None
    unit_alt: Optional[list[str]] = None
    measure: Optional[str] = None
    qualifier: Optional[Qualifier] = None
    direction: Optional[Direction] = None
    metric: Optional[str] = None
    locality: Optional[str] = None
    agency: Optional[str] = None
    modality: Optional[Modality] = None
    period: Optional[str] = None
    subject: Optional[str] = None
    required: bool = True
    note: Optional[str] = None

    #: what a fact (not a trap) must state; a trap only marks text, but a fact cannot be scored without these
    FACT_FIELDS: ClassVar[tuple[str, ...]] = ("quantity", "value", "unit", "qualifier")

    @model_validator(mode="after")
    def _fact_has_its_figures(self) -> "GoldFact":
        if not self.negative:
            missing = [f for f in self.FACT_FIELDS if getattr(self, f) is None]
            if missing:
                raise ValueError(f"a fact (negative is false) needs {', '.join(missing)}")
        return self
