"""Numerals as bulletins write them: Arabic, Chinese, financial, and mixed forms.

Pure functions, no knowledge of units or context.
"""
from __future__ import annotations

import re
from functools import lru_cache

DIGITS = {
    "零": 0, "〇": 0, "○": 0, "Ｏ": 0,
    "一": 1, "壹": 1, "幺": 1,
    "二": 2, "贰": 2, "貳": 2, "两": 2, "兩": 2, "俩": 2,
    "三": 3, "叁": 3, "參": 3, "叄": 3,
    "四": 4, "肆": 4,
    "五": 5, "伍": 5,
    "六": 6, "陆": 6, "陸": 6,
    "七": 7, "柒": 7,
    "八": 8, "捌": 8,
    "九": 9, "玖": 9,
}
SMALL_UNITS = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
BIG_UNITS = {"万": 10_000, "萬": 10_000, "亿": 100_000_000, "億": 100_000_000}
# Shorthand tens that appear in dates and counts alike.
TENS = {"廿": 20, "卅": 30}

CHINESE_NUMERAL_CHARS = "".join(DIGITS) + "".join(SMALL_UNITS) + "".join(BIG_UNITS) + "".join(TENS) + "点點"


def _section(s: str) -> int:
    """Value of a run below 万: ``三千五百`` -> 3500, ``十五`` -> 15, ``二〇二二`` -> 2022.

    >>> _section("三千五百"), _section("十五"), _section("两百零五"), _section("一二三")
    (3500, 15, 205, 123)
    """
    if s and all(c in DIGITS for c in s):
        # Digit-by-digit form (二〇二二, 一二三): positional, no unit characters.
        n = 0
        for c in s:
            n = n * 10 + DIGITS[c]
        return n
    total, digit, last_unit = 0, None, None
    for c in s:
        if c in DIGITS:
            # Two digits in a row only after a zero (一百零五); 三四十 or 三三千
            # is an estimate or a typo, not one numeral.
            if digit:
                raise ValueError(f"not a Chinese numeral: {s!r}")
            digit = DIGITS[c]
        elif c in SMALL_UNITS or c in TENS:
            unit = SMALL_UNITS.get(c) or 10
            # Units only ever step down (千 then 百 then 十); 五千千 is no number.
            if last_unit is not None and unit >= last_unit:
                raise ValueError(f"not a Chinese numeral: {s!r}")
            if c in TENS:
                if digit:
                    raise ValueError(f"not a Chinese numeral: {s!r}")
                total += TENS[c]
            else:
                total += (1 if digit is None else digit) * unit
            digit, last_unit = None, unit
        else:
            raise ValueError(f"not a Chinese numeral: {s!r}")
    if digit is not None:
        # 一千五 means 1500, 三万五 is handled by the caller; a trailing digit
        # right after a unit character counts one order lower.
        if last_unit and last_unit >= 100 and s[-2] in SMALL_UNITS:
            total += digit * last_unit // 10
        else:
            total += digit
    return total


# Thousands groups must be whole (1,603,169): "40,5" is two numbers, not 405.
_ARABIC_FORM = re.compile(r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?")


def _arabic(s: str) -> float:
    s = s.replace("，", ",")
    # float() alone would also take 1e5, 1_000 and 3.
    if not _ARABIC_FORM.fullmatch(s):
        raise ValueError(f"not an Arabic numeral: {s!r}")
    return float(s.replace(",", ""))


@lru_cache(maxsize=4096)
def parse_number(s: str) -> float:
    """The value of a numeral as written, without unit or qualifier.

    >>> parse_number("1,603,169")
    1603169.0
    >>> parse_number("7154万")
    71540000.0
    >>> parse_number("1.2亿")
    120000000.0
    >>> parse_number("三千五百万")
    35000000.0
    >>> parse_number("一万五千")
    15000.0
    >>> parse_number("壹万伍仟贰佰伍拾")
    15250.0
    >>> parse_number("十")
    10.0
    >>> parse_number("二十万")
    200000.0
    >>> parse_number("三点五")
    3.5
    >>> parse_number("1万5千")
    15000.0
    >>> parse_number("三点五万")
    35000.0
    """
    s = s.strip()
    if not s:
        raise ValueError("empty numeral")
    return _split_big(s, 0)


_BIG_ORDER = (("亿億", 100_000_000), ("万萬", 10_000))


def _split_big(s: str, level: int) -> float:
    """``A亿B`` = A*1e8 + B, and inside each part ``C万D`` = C*1e4 + D."""
    if level == len(_BIG_ORDER):
        return _value_of(s) if s else 0.0
    chars, mult = _BIG_ORDER[level]
    cut = max(s.rfind(c) for c in chars)
    if cut < 0:
        return _split_big(s, level + 1)
    head, tail = s[:cut], s[cut + 1:]
    value = (_split_big(head, level) if head else 1.0) * mult
    if tail:
        tail_value = _split_big(tail, level + 1)
        # 三万五 = 35000: a lone digit after the unit counts one order lower.
        if len(tail) == 1 and tail in DIGITS:
            tail_value *= mult / 10
        value += tail_value
    return float(value)


def _value_of(section: str) -> float:
    """A section below the big units: Arabic, Chinese, or Arabic with 千/百 (``1万5千``)."""
    for point in "点點":
        if point in section:
            # Decimal point written in Chinese (三十五点八); the fraction is read
            # digit by digit, and the big unit after it (三点五万) is the caller's.
            whole, frac = section.split(point, 1)
            if not whole or not frac or not all(c in DIGITS for c in frac):
                raise ValueError(f"not a decimal numeral: {section!r}")
            return _value_of(whole) + float("0." + "".join(str(DIGITS[c]) for c in frac))
    if section[0].isdigit() or section[0] == ".":
        # 5千, 3百, 2.5千
        head = section.rstrip("十百千拾佰仟")
        unit_chars = section[len(head):]
        value = _arabic(head)
        for c in unit_chars:
            value *= SMALL_UNITS[c]
        return value
    return float(_section(section))


def is_chinese_numeral(s: str) -> bool:
    """True for a numeral written only in Chinese characters.

    >>> is_chinese_numeral("三千"), is_chinese_numeral("3千")
    (True, False)
    """
    return bool(s) and all(c in CHINESE_NUMERAL_CHARS for c in s)
