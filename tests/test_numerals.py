"""parse_number: the value of a numeral as bulletins write it, unit and qualifier aside.

Quantities hand it whatever their patterns captured, so it must give the right
value for every form the bulletins use and refuse, with ValueError, anything
that is not one numeral; a refused numeral is dropped, a misread one becomes a
wrong fact.
"""
from __future__ import annotations

from dataclasses import dataclass

import pytest

from bulletinx.numerals import parse_number


@dataclass(frozen=True)
class Case:
    id: str
    text: str
    value: float


@dataclass(frozen=True)
class Bad:
    id: str
    text: str


ARABIC = [
    Case(id="zero", text="0", value=0),
    Case(id="single-digit", text="7", value=7),
    Case(id="integer", text="65", value=65),
    Case(id="long-integer-without-separators", text="1603169", value=1603169),
    Case(id="decimal", text="35.8", value=35.8),
    Case(id="decimal-below-one", text="0.25", value=0.25),
    Case(id="decimal-many-places", text="303.53", value=303.53),
    Case(id="surrounding-space-ignored", text=" 97 ", value=97),
    Case(id="leading-zero", text="08", value=8),
]

THOUSANDS = [
    Case(id="one-group", text="1,234", value=1234),
    Case(id="two-groups", text="1,603,169", value=1603169),
    Case(id="group-with-decimals", text="12,345.67", value=12345.67),
    Case(id="groups-then-wan", text="5,628.5万", value=56285000),
    Case(id="full-width-comma-group", text="1，280", value=1280),
    Case(id="round-thousands", text="120,000", value=120000),
]

CHINESE = [
    Case(id="ten-alone", text="十", value=10),
    Case(id="ten-with-explicit-one", text="一十", value=10),
    Case(id="teens", text="十五", value=15),
    Case(id="tens", text="二十", value=20),
    Case(id="tens-and-units", text="二十八", value=28),
    Case(id="hundreds-with-zero", text="一百零五", value=105),
    Case(id="hundreds-and-ten", text="一百一十", value=110),
    Case(id="thousands-and-hundreds", text="三千五百", value=3500),
    Case(id="thousand-zero-one", text="一千零一", value=1001),
    Case(id="thousand-zero-ten", text="一千零一十", value=1010),
    Case(id="trailing-digit-after-thousand", text="三千五", value=3500),
    Case(id="trailing-digit-after-hundred", text="一百二", value=120),
    Case(id="ten-thousands", text="十万", value=100000),
    Case(id="wan-and-qian", text="一万五千", value=15000),
    Case(id="trailing-digit-after-wan", text="三万五", value=35000),
    Case(id="full-six-digits", text="十二万三千四百五十六", value=123456),
    Case(id="wan-of-a-section", text="三千五百万", value=35000000),
    Case(id="yi-and-wan", text="一亿二千万", value=120000000),
    Case(id="yi-zero-wan", text="三亿零五百万", value=305000000),
    Case(id="nian-shorthand", text="廿五", value=25),
    Case(id="sa-shorthand", text="卅", value=30),
]

LIANG = [
    # 两 is the ordinary "two" before measure words and big units.
    Case(id="liang-hundred", text="两百", value=200),
    Case(id="liang-thousand", text="两千", value=2000),
    Case(id="liang-wan", text="两万", value=20000),
    Case(id="liang-yi", text="两亿", value=200000000),
    Case(id="liang-thousand-zero-twenty-two", text="两千零二十二", value=2022),
    Case(id="traditional-liang", text="兩百", value=200),
]

ZERO_AND_DIGITWISE = [
    # Years and codes are written digit by digit with 〇; the value is positional.
    Case(id="ling-circle", text="〇", value=0),
    Case(id="ling", text="零", value=0),
    Case(id="year-digitwise", text="二〇二二", value=2022),
    Case(id="year-digitwise-nineties", text="一九九八", value=1998),
    Case(id="digitwise-ten", text="一〇", value=10),
    Case(id="digitwise-plain", text="一二三", value=123),
]

FINANCIAL = [
    Case(id="full-amount", text="壹万伍仟贰佰伍拾", value=15250),
    Case(id="shi", text="拾", value=10),
    Case(id="er-shi", text="贰拾", value=20),
    Case(id="qi-shi-ba", text="柒拾捌", value=78),
    Case(id="san-bai", text="叁佰", value=300),
    Case(id="bai-with-zero", text="壹佰零贰", value=102),
    Case(id="si-qian", text="肆仟", value=4000),
    Case(id="wu-wan", text="伍万", value=50000),
    Case(id="lu-yi", text="陆亿", value=600000000),
    Case(id="jiu", text="玖", value=9),
]

MIXED = [
    Case(id="arabic-wan", text="7154万", value=71540000),
    Case(id="decimal-wan", text="3.5万", value=35000),
    Case(id="decimal-yi", text="1.2亿", value=120000000),
    Case(id="decimal-yi-two-places", text="2.62亿", value=262000000),
    Case(id="arabic-qian", text="3千", value=3000),
    Case(id="decimal-qian", text="2.5千", value=2500),
    Case(id="arabic-bai", text="5百", value=500),
    Case(id="arabic-bai-wan", text="3百万", value=3000000),
    Case(id="arabic-wan-arabic-qian", text="1万5千", value=15000),
    Case(id="arabic-wan-arabic-qian-3", text="3万5千", value=35000),
    Case(id="full-width-digits", text="１２３", value=123),
]

BIG_UNITS = [
    Case(id="wan-alone", text="万", value=10000),
    Case(id="yi-alone", text="亿", value=100000000),
    Case(id="wan-yi-alone", text="万亿", value=1e12),
    Case(id="one-wan-yi", text="1万亿", value=1e12),
    Case(id="decimal-wan-yi", text="2.5万亿", value=2.5e12),
    Case(id="chinese-wan-yi", text="三万亿", value=3e12),
    Case(id="ten-yi", text="十亿", value=1e9),
    Case(id="wan-wan-is-yi", text="五万万", value=5e8),
    Case(id="traditional-wan", text="萬", value=10000),
    Case(id="traditional-yi", text="億", value=100000000),
]

CHINESE_DECIMAL = [
    Case(id="san-dian-wu", text="三点五", value=3.5),
    Case(id="percent-body", text="三十五点八", value=35.8),
    Case(id="below-one", text="零点五", value=0.5),
    Case(id="zero-in-fraction", text="二点零五", value=2.05),
    Case(id="many-places", text="三点一四一五", value=3.1415),
    Case(id="decimal-then-wan", text="三点五万", value=35000),
    Case(id="decimal-then-yi", text="一点二亿", value=120000000),
    Case(id="traditional-point", text="三點五", value=3.5),
]

INVALID = [
    Bad(id="empty", text=""),
    Bad(id="blank", text="  "),
    Bad(id="latin-letters", text="abc"),
    Bad(id="digits-then-letter", text="12a"),
    Bad(id="two-decimal-points", text="1.2.3"),
    Bad(id="double-point", text="1..2"),
    Bad(id="trailing-point", text="3."),
    Bad(id="leading-point", text=".5"),
    Bad(id="exponent", text="1e5"),
    Bad(id="underscore-grouping", text="1_000"),
    Bad(id="infinity", text="inf"),
    Bad(id="nan", text="nan"),
    Bad(id="negative-sign", text="-5"),
    Bad(id="space-inside", text="1 000"),
    # A comma not followed by a full group of three is a sentence comma: 40件,处理…
    Bad(id="comma-one-digit-after", text="40,5"),
    Bad(id="comma-two-digits-after", text="1,23"),
    Bad(id="indian-style-groups", text="12,34,567"),
    Bad(id="leading-comma", text=",123"),
    Bad(id="yu-is-a-qualifier-not-a-digit", text="十余"),
    Bad(id="percent-prefix-only", text="百分之"),
    Bad(id="point-without-fraction", text="三点"),
    Bad(id="point-without-whole", text="点五"),
    Bad(id="two-points", text="三点五点"),
    Bad(id="same-unit-twice", text="五千千"),
    Bad(id="ten-ten", text="十十"),
    Bad(id="digit-digit-unit", text="三三千"),
    # 三四十 is "thirty or forty", an estimate rather than one number.
    Bad(id="estimate-range", text="三四十"),
    # 十一五 names a five-year plan; it is no number.
    Bad(id="plan-name", text="十一五"),
    Bad(id="unit-after-shorthand-ten", text="廿十"),
]


def _cases(**groups):
    return [
        pytest.param(case, id=f"{group.lower()}:{case.id}")
        for group, cases in groups.items()
        for case in cases
    ]


@pytest.mark.parametrize(
    "case",
    _cases(
        ARABIC=ARABIC, THOUSANDS=THOUSANDS, CHINESE=CHINESE, LIANG=LIANG,
        ZERO_AND_DIGITWISE=ZERO_AND_DIGITWISE, FINANCIAL=FINANCIAL, MIXED=MIXED,
        BIG_UNITS=BIG_UNITS, CHINESE_DECIMAL=CHINESE_DECIMAL,
    ),
)
def test_value(case: Case):
    assert parse_number(case.text) == pytest.approx(case.value, rel=1e-12)


@pytest.mark.parametrize("case", _cases(INVALID=INVALID))
def test_not_a_numeral_raises(case: Bad):
    with pytest.raises(ValueError):
        parse_number(case.text)


def test_returns_float():
    # Callers multiply by unit factors; an int from one branch and a float from
    # another would make equal values compare differently in JSON output.
    assert isinstance(parse_number("三千五百"), float)
    assert isinstance(parse_number("65"), float)
