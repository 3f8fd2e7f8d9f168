"""Quantities: a numeral with its qualifier and unit, in canonical units.

Works on normalized text (half-width, simplified). Knows nothing of metrics or
places; it only says what is written: ``7154余万元`` is at least 71,540,000 CNY.
Years, dates, ordinals, slogans, titles and codes are recognised here too, so
that they never become quantities.
"""
from __future__ import annotations

from typing import Optional

import regex

from .numerals import DIGITS, parse_number
from .rx import plain

# Surface unit -> (unit code, factor to the canonical unit, measure word).
# Counts keep their measure word; everything else is converted.
_UNITS: dict[str, tuple[str, float, Optional[str]]] = {
    # money
    "万亿元": ("CNY", 1e12, None), "亿元": ("CNY", 1e8, None), "千万元": ("CNY", 1e7, None),
    "百万元": ("CNY", 1e6, None), "十万元": ("CNY", 1e5, None), "万元": ("CNY", 1e4, None),
    "千元": ("CNY", 1e3, None), "元": ("CNY", 1.0, None), "块钱": ("CNY", 1.0, None),
    "亿美元": ("USD", 1e8, None), "万美元": ("USD", 1e4, None), "美元": ("USD", 1.0, None),
    "万元/亩": ("CNY/mu", 1e4, None), "元/亩": ("CNY/mu", 1.0, None),
    # capacity
    "万吨/年": ("t/yr", 1e4, None), "吨/年": ("t/yr", 1.0, None),
    # length, area, mass
    "公里": ("km", 1.0, None), "千米": ("km", 1.0, None), "km": ("km", 1.0, None), "米": ("m", 1.0, None),
    "平方公里": ("km2", 1.0, None), "平方千米": ("km2", 1.0, None), "平方米": ("m2", 1.0, None),
    "平米": ("m2", 1.0, None), "亩": ("mu", 1.0, None), "公顷": ("ha", 1.0, None),
    "吨": ("t", 1.0, None), "公斤": ("kg", 1.0, None), "千克": ("kg", 1.0, None), "克": ("g", 1.0, None),
    "斤": ("kg", 0.5, None), "毫米": ("m", 0.001, None), "厘米": ("m", 0.01, None),
    "立方米": ("m3", 1.0, None), "千瓦时": ("kWh", 1.0, None), "度电": ("kWh", 1.0, None), "度": ("kWh", 1.0, None),
    "‰": ("permille", 1.0, None), "倍": ("times", 1.0, None), "圆": ("CNY", 1.0, None), "圆整": ("CNY", 1.0, None), "元整": ("CNY", 1.0, None),
    # shares and changes
    "%": ("percent", 1.0, None), "个百分点": ("pp", 1.0, None), "百分点": ("pp", 1.0, None),
    "个千分点": ("permille", 1.0, None), "千分点": ("permille", 1.0, None),  # a change of a rate in ‰
    # durations
    "个工作日": ("day", 1.0, None), "工作日": ("day", 1.0, None), "天": ("day", 1.0, None),
    "个月": ("month", 1.0, None), "小时": ("hour", 1.0, None),
}
COUNT_MEASURES = (
    "人次 户次 车次 辆次 架次 场次 批次 家次 台次 件次 项次 处次 艘次 所次 趟次 班次 个次 份次 例次 轮次 "
    "人 名 起 件 次 个 家 台 辆 份 户 处 株 棵 条 场 支 项 套 轮 "
    "所 座 口 册 间 栋 幢 盏 只 头 羽 尾 批 宗 例 位 组 张 本 块 根 部 篇 期 门 艘 架 种 枚 箱 分 站 吨次 课时 学时 床 对 把 副 卷 盒 瓶 袋 包 县"
).split()
for _m in COUNT_MEASURES:
    _UNITS.setdefault(_m, ("count", 1.0, _m))

_MAGNITUDE = {"十": 10, "百": 100, "千": 1000, "万": 1e4, "十万": 1e5, "百万": 1e6, "千万": 1e7, "亿": 1e8, "万亿": 1e12}

_QUAL_PREFIX = {
    "大约": "approx", "约": "approx", "约为": "approx", "约有": "approx", "大约有": "approx", "约计": "approx", "将近": "approx", "近": "approx",
    "超过": "at_least", "超": "at_least", "逾": "at_least", "多于": "at_least", "高于": "at_least",
    "不少于": "at_least", "不低于": "at_least", "至少": "at_least",
    "不足": "at_most", "不到": "at_most", "低于": "at_most", "少于": "at_most", "最多": "at_most", "不超过": "at_most",
}
_QUAL_SUFFIX = {"以上": "at_least", "之多": "at_least", "有余": "at_least",
                "左右": "approx", "上下": "approx", "以下": "at_most", "以内": "at_most"}

_CN = "零〇一二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟"
_CN_DIGIT = "一二两三四五六七八九壹贰叁肆伍陆柒捌玖"

_DIGITS_AT_END = regex.compile(r"[\d.]+$")
_CLAUSE_CLOSE = plain(r"(?:以上|左右)?[,，。;；!！]")
_DATE_CHAR = regex.compile(r"[年月日]")


def _alt(words) -> str:
    return "|".join(regex.escape(w) for w in sorted(words, key=len, reverse=True))


_ARABIC = r"\d{1,3}(?:,\d{3})+(?![\d,])(?:\.\d+)?|\d+(?:\.\d+)?"
# People counted in tens of thousands with the noun in place of a measure word
# (使2.56万贫困人口脱贫, 惠及3万余群众): a count of people.
PEOPLE = (r"(?:(?:贫困|农村|城乡|城镇|困难|低收入|脱贫|搬迁|流动|常住|户籍)人口"
           r"|群众|居民|村民|农民工|农民|职工|劳动力|学生|患者|老人|儿童|妇女)")
_PATTERN = regex.compile(
    rf"""
    (?P<pre>{_alt(_QUAL_PREFIX)})?
    (?:
        百分之(?P<pct>[{_CN}点]+)
      | (?P<cheng>[{_CN_DIGIT}]|\d)成(?![为立功果绩效熟本交员])
      | (?<=(?:人口|人数|户籍人口|常住人口)(?:总数|总量)?(?:为|达到|达|约|近|有|共)?)(?P<pop>{_ARABIC})(?P<popmag>万|亿)(?![\p{{Han}}%\d])
      | (?P<num>{_ARABIC}|[{_CN}]+(?:点[{_CN}]+)?)
        (?P<in1>余|多)?
        (?P<mag>万亿|千万|百万|十万|万|亿|千(?![米克瓦])|百(?!分))?
        (?P<in2>余|多)?
        (?:(?P<unit>{_alt(_UNITS)})|(?<=[万亿](?:余|多)?)(?={PEOPLE}))
    )
    (?P<post>{_alt(_QUAL_SUFFIX)})?
    """,
    regex.VERBOSE,
)

QUANTITY_PATTERN = _PATTERN  # number + qualifier + unit, as one compiled expression

# Contexts in which a numeral is no quantity, looked at just before it.
_ORDINAL_BEFORE = plain(r"(?:第|No\.|NO\.|编号|序号|代码|邮编|点击量?|阅读量?|浏览量?|访问量|(?:点击|阅读|浏览|访问)(?:次数|人数|数))[::]?\s*$")
# 数十人, 几百家, 成千: vague sizes, only before Chinese numerals (人数98人 is exact).
_VAGUE_BEFORE = plain(r"(?:数|几|若干|成)$")
_CLOCK_BEFORE = plain(r"\d\s*[时点:]\s*$")
# A range: "3至5人", "41.65%至303.53%", "5-10万元"; the low end just before.
_RANGE_LOW = regex.compile(rf"(?P<lo>{_ARABIC}|[{_CN}]+)(?P<lomag>万|亿|千)?(?P<lounit>%|[^\d\s至到~—-]{{0,3}}?)\s*(?:至|到|~|—|-)\s*$")
_RANGE_MARKS = "至到~—-"
_OPENER = plain(r"[《“\"‘「]")
# Slogans whose numerals count nothing; small counts followed by these are names.
_SLOGAN_AFTER = regex.compile(r"(?:维护|确立|意识|自信|代表|全面|务必|一百年|基本点|攻坚战|清零|不准|严禁|禁止|必须|到位|同步|优先|模式|工程|行动|机制|体系)")


class Quantity:
    """A number with its unit, as found. Read-only by convention; where the
    pipeline is compiled its fields are read as directly as a C struct's."""

    __slots__ = ("start", "end", "value", "unit", "measure", "qualifier", "value_max", "chinese")

    def __init__(self, start: int, end: int, value: float, unit: str, measure: Optional[str], qualifier: str,
                 value_max: Optional[float] = None, chinese: bool = False) -> None:
        self.start = start  # offsets in the normalized text
        self.end = end
        self.value = value
        self.unit = unit
        self.measure = measure
        self.qualifier = qualifier
        self.value_max = value_max
        self.chinese = chinese  # written in Chinese numerals

    def __repr__(self) -> str:
        return (f"Quantity(start={self.start}, end={self.end}, value={self.value}, unit={self.unit!r}, "
                f"measure={self.measure!r}, qualifier={self.qualifier!r}, value_max={self.value_max}, chinese={self.chinese})")

    @property
    def span(self) -> tuple[int, int]:
        return self.start, self.end


_INDEX = dict(_PATTERN.groupindex)
# Positions in m.groups() (one call for all groups: named lookups are slow).
_PRE, _PCT, _CHENG, _POP, _POPMAG, _NUM, _IN1, _MAG, _IN2, _UNIT, _POST = (
    _INDEX[name] - 1 for name in ("pre", "pct", "cheng", "pop", "popmag", "num", "in1", "mag", "in2", "unit", "post"))


def _qualifier(g: tuple, use_prefix: bool = True) -> str:
    """The word nearest the number wins: 7154余万元 is at least, whatever stands around it."""
    if g[_IN1] or g[_IN2]:
        return "at_least"
    if g[_POST]:
        return _QUAL_SUFFIX[g[_POST]]
    if use_prefix and g[_PRE]:
        return _QUAL_PREFIX[g[_PRE]]
    return "exact"


def _short_quote_or_title(text: str, start: int, end: int) -> bool:
    """True inside 《…》 or inside a short quotation (a slogan or name such as “3360”标准)."""
    if not _OPENER.search(text, max(0, start - 60), start):
        return False
    left = text.rfind("《", max(0, start - 60), start)
    if left >= 0 and text.find("》", left, start) < 0 and text.find("》", end, end + 60) >= 0:
        return True
    for open_q, close_q in (("“", "”"), ('"', '"'), ("‘", "’"), ("「", "」")):
        q = text.rfind(open_q, max(0, start - 12), start)
        if q >= 0 and text.find(close_q, q + 1, start) < 0:
            c = text.find(close_q, end, end + 12)
            if c >= 0 and c - q <= 14 and "," not in text[q:c] and "。" not in text[q:c]:
                return True
    return False


def find_quantities(text: str, start: int = 0, end: Optional[int] = None) -> list[Quantity]:
    """Every quantity in ``text[start:end]``, in order.

    >>> [(q.value, q.unit, q.measure, q.qualifier) for q in find_quantities("追回工资7154余万元,刑事拘留97人")]
    [(71540000.0, 'CNY', None, 'at_least'), (97.0, 'count', '人', 'exact')]
    >>> [(q.value, q.unit) for q in find_quantities("2022年12月1日第3次会议")]
    []
    """
    out: list[Quantity] = []
    end = len(text) if end is None else end
    for m in _PATTERN.finditer(text, start, end):
        q = _quantity(text, m)
        if q is None:
            continue
        # A range takes in its low end, which may have been read on its own (41.65%至…).
        while q.value_max is not None and out and out[-1].start >= q.start:
            out.pop()
        out.append(q)
    return out


def _quantity(text: str, m) -> Optional[Quantity]:
    s, e = m.start(), m.end()
    g = m.groups()
    if g[_POP]:
        # 人口40万: a population with its measure word left out.
        value = parse_number(g[_POP]) * _MAGNITUDE[g[_POPMAG]]
        return Quantity(s, e, value, "count", "人", _qualifier(g))
    num_start = m.start(_INDEX["pct"]) - 3 if g[_PCT] else (m.start(_INDEX["cheng"]) if g[_CHENG] else m.start(_INDEX["num"]))
    before = text[max(0, num_start - 8):num_start] if not g[_PRE] else text[max(0, s - 8):s]
    chinese = False
    value_max = None
    unit, measure = "percent", None
    if g[_PCT]:
        try:
            value = parse_number(g[_PCT])
        except (ValueError, KeyError):
            return None
        chinese = True
    elif g[_CHENG]:
        c = g[_CHENG]
        value = (DIGITS[c] if c in DIGITS else int(c)) * 10.0
        chinese = c in DIGITS
        if value == 10.0 and chinese:  # 一成不变 and the like
            return None
    else:
        num = g[_NUM]
        chinese = not num[0].isdigit()
        unit_text = g[_UNIT]
        # 2.56万贫困人口, 3万余群众: people counted in tens of thousands, the noun
        # in place of the measure word.
        unit, factor, measure = _UNITS[unit_text] if unit_text is not None else ("count", 1.0, "人")
        if unit_text in ("栋", "幢", "座", "号") and text[e:e + 1].isdigit():
            return None  # 3栋2单元: an address
        if unit_text == "倍" and not _GROWTH_BEFORE.search(text, max(0, num_start - 24), num_start):
            return None  # 5倍罚款 is a rate of fine; only 增长1.7倍 is a change
        if unit_text == "度" and not g[_MAG]:
            return None  # 30度 is a temperature or an angle; 43万度 is electricity
        if _ORDINAL_BEFORE.search(before) or (chinese and _VAGUE_BEFORE.search(before)):
            return None
        if unit == "count" and measure == "分" and (chinese or _CLOCK_BEFORE.search(before)):
            return None  # 十分重要, 10时30分
        if not chinese and (text[num_start - 1:num_start].isascii() and text[num_start - 1:num_start].isalpha()):
            return None  # G60, K3: codes
        if num_start > 1 and text[num_start - 1] in "·.-/" and text[num_start - 2].isdigit():
            run = _DIGITS_AT_END.search(text[max(0, num_start - 12):num_start - 1]).group()
            lead = text[num_start - 1 - len(run) - 1:num_start - 1 - len(run)] if num_start - 1 - len(run) > 0 else ""
            # 5-10万元 is a range; 3·1, 2.5.1, 12/30 and 010-8888 are codes and dates.
            if not (text[num_start - 1] == "-" and len(run) <= 4 and lead not in ("-", "/", ".") and not lead.isdigit()):
                return None
        if chinese:
            if len(num) == 1 and num in "十百千万亿拾佰仟" and not (g[_IN1] or g[_IN2] or g[_PRE] or before.endswith("上")):
                return None  # 千人计划, 百人团队: names, not counts
            if num[-1] in "万亿" and not g[_MAG] and unit == "count" and len(num) == 1 and not g[_PRE]:
                return None
        try:
            value = parse_number(num)
        except (ValueError, KeyError):
            return None
        if g[_MAG]:
            value *= _MAGNITUDE[g[_MAG]]
        value *= factor
        if chinese and value < 10 and not g[_MAG]:
            # 两批, 三轮, 二期, 三次产业, 一个月, 四个配套办法: single Chinese digits
            # name steps, phases and slogans far more often than they report a
            # figure; a count closing its clause (抓获嫌疑人三名。) is a figure.
            closes = _CLAUSE_CLOSE.match(text[e:e + 3])
            if not (unit == "count" and value >= 2 and closes and not _SLOGAN_AFTER.match(text, e)):
                return None
        if chinese and unit == "count" and value < 10 and _SLOGAN_AFTER.match(text, e):
            return None
        tail = text[max(0, num_start - 6):num_start].rstrip()
        rng = _RANGE_LOW.search(text, max(0, num_start - 20), num_start) \
            if num_start and (not tail or tail[-1] in _RANGE_MARKS) else None
        if rng and (not rng.group("lounit") or rng.group("lounit") == unit_text or rng.group("lounit") == "%" and unit == "percent"):
            try:
                lo = parse_number(rng.group("lo"))
            except (ValueError, KeyError):
                lo = None
            if lo is not None:
                lo_mag = _MAGNITUDE.get(rng.group("lomag") or "", None) or (_MAGNITUDE[g[_MAG]] if g[_MAG] else 1)
                lo = lo * lo_mag * factor
                if 0 < lo < value and not _is_date_range(text, rng.start(), e):
                    value_max, value, s = value, lo, rng.start()
    if _short_quote_or_title(text, s, e):
        return None
    qualifier = _qualifier(g)
    pre = g[_PRE]
    if pre and pre.startswith("约") and s > 0 and text[s - 1] in _WORD_BEFORE_YUE:
        # 签约28个, 合约: the 约 belongs to the word before, not to the number.
        s += len(pre)
        qualifier = _qualifier(g, use_prefix=False)
    if _CONDITION_BEFORE.search(text, max(0, s - 4), s):
        return None  # 数量大于1次: a threshold in a rule, not a result
    if unit in ("hour", "day", "month") and (_WITHIN_BEFORE.search(text, max(0, s - 3), s) and text.startswith(("内", "之内"), e)):
        return None  # 未来3小时内: a span of time ahead, not a figure
    if unit in ("hour", "day", "month") and text.startswith(("后", "之后", "以后", "前", "之前", "以前"), e):
        return None  # 12天后通气, 三个月前: when something happened in a story, not a figure
    if unit == "percent" and _ADVERBIAL_AFTER.match(text, e):
        return None  # 100%落实: how something is done, not how much
    if g[_POST] in ("以上", "以下") and _CLASS_AFTER.match(text, e):
        return None  # 亿元以上项目, 35座以上客车: a class of things, described by a threshold
    if qualifier == "exact" and value_max is not None:
        qualifier = "at_least"  # a range is at least its lower end
    if qualifier == "exact" and chinese and text[s - 1:s] == "上" and g[_NUM] and g[_NUM][0] in "百千万":
        qualifier = "at_least"  # 上千万元, 上百人
    return Quantity(s, e, value, unit, measure, qualifier, value_max, chinese)


# What a threshold can describe: a class of projects, firms or vehicles.
_CLASS_AFTER = plain(r"(?:的)?(?:重大|重点|产业|工业|招商|新建|续建|在建|新增|规模)?(?:项目|企业|工业企业|大客车|客车|货车|车辆|工程|园区)")
_GROWTH_BEFORE = regex.compile(r"(?:增长|增加|提高|翻了?|扩大|上升|提升|增)了?(?:[\d.]+倍[、和及])*$")
_WORD_BEFORE_YUE = set("签合预制公条节邀特履违解缔婚相践赴")
_CONDITION_BEFORE = plain(r"(?:大于|小于|大于等于|小于等于|≥|≤|>|<)$")
_WITHIN_BEFORE = plain(r"(?:未来|过去|最近|近)$")
_ADVERBIAL_AFTER = plain(r"(?:落实|覆盖|完成|到位|达标|兑现|执行|推行|落地|办结|回访|公开)")


def _is_date_range(text: str, s: int, e: int) -> bool:
    return bool(_DATE_CHAR.search(text[s:e]))
