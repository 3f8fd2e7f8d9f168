"""Records built by the extractor are the same objects Pydantic would build."""
from __future__ import annotations

import hashlib

import pytest

from bulletinx import extract
from bulletinx.models import Agency, Article, Fact, Locality, Period, Span, Town


@pytest.mark.parametrize("cls, values", [
    (Span, {"text": "65起", "start": 4, "end": 7}),
    (Article, {"index": 2}),
    (Article, {"index": 0, "title": "全县破获涉毒案件", "byline": "张三"}),
    (Period, {"text": "今年以来"}),
    (Agency, {"name": "县公安局", "kind": "public_security"}),
    (Town, {"code": "430725101", "name": "漳江街道"}),
    (Locality, {"code": "430725", "name": "桃源县", "level": "county", "path": ["湖南省", "常德市", "桃源县"]}),
])
def test_trusted_equals_model_construct(cls, values):
    fast, slow = cls.trusted(**values), cls.model_construct(**values)
    assert fast == slow
    assert fast.model_dump() == slow.model_dump()
    assert list(fast.__dict__) == list(slow.__dict__)  # field order, as printed
    assert fast.model_fields_set == slow.model_fields_set == set(values)
    # ...and both equal what validation gives.
    assert fast == cls(**values)


def test_trusted_fact_validates_and_is_not_shared():
    values = dict(doc="a.txt", id="x", metric="other", label="罚款", value=600000.0, unit="CNY",
                  quantity=Span.trusted(text="60余万元", start=2, end=7),
                  sentence=Span.trusted(text="罚款60余万元。", start=0, end=8), rule="r")
    a, b = Fact.trusted(**values), Fact.trusted(**values)
    assert a == Fact.model_validate(a.model_dump()) == Fact(**values)
    a.modality = "planned"
    assert b.modality == "actual" and "modality" not in b.model_fields_set


def test_library_records_carry_the_text_digest():
    text = "今年以来,全县破获涉毒案件65起,刑事拘留97人。"
    facts = extract(text, doc="a.txt")
    assert len(facts) == 2
    assert {f.doc_sha256 for f in facts} == {hashlib.sha256(text.encode("utf-8")).hexdigest()}


def test_records_are_written_as_model_dump_writes_them():
    import orjson
    from pathlib import Path

    from bulletinx.emit import dump_fact
    page = (Path(__file__).parent.parent / "seeds" / "hunan-bulletins-2022-12.txt").read_text(encoding="utf-8")
    facts = extract(page, doc="seed.txt")
    assert len(facts) > 100
    for f in facts:
        assert dump_fact(f) == orjson.dumps(f.model_dump(mode="json"), option=orjson.OPT_APPEND_NEWLINE)
    # A record changed by hand, or validated from JSON, is written the same way too.
    f = facts[0].model_copy(update={"metric": "other"})
    g = Fact.model_validate_json(dump_fact(facts[1]))
    h = Fact.model_construct(**{k: facts[2].__dict__[k] for k in reversed(list(facts[2].__dict__))})
    loc = next(x.locality for x in facts if x.locality is not None)
    shuffled = Locality.trusted(**dict(reversed(list(loc.__dict__.items()))))
    k = facts[3].model_copy(update={"locality": shuffled})
    assert list(k.locality.__dict__) != list(Locality.model_fields)
    for x in (f, g, h, k):
        assert dump_fact(x) == orjson.dumps(x.model_dump(mode="json"), option=orjson.OPT_APPEND_NEWLINE)


def test_library_records_carry_the_address_given():
    facts = extract("今年以来,全县破获涉毒案件65起。", doc="a", url="https://example.gov.cn/a.html")
    assert [f.url for f in facts] == ["https://example.gov.cn/a.html"]
    assert extract("今年以来,全县破获涉毒案件65起。", doc="a")[0].url is None
