"""Pages into articles: headlines, bylines, boilerplate, cut columns, repeats.

Every page here is made up in the style of a county newspaper, except the
project's own sample page under seeds/. Facts are found by an anchor (a piece
of the page holding the figure), as the gold files do, so that a test names
the figure a reader would point at rather than an offset.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from types import EllipsisType
from typing import Optional, Union

import pytest

from bulletinx.models import Fact
from bulletinx.normalize import normalize
from bulletinx.pipeline import extract
from bulletinx.segment import Page, segment

REF = dt.date(2022, 12, 15)
SEED = Path(__file__).parent.parent / "seeds" / "hunan-bulletins-2022-12.txt"

# A field left at `...` is not checked: each case states only what it is about.
Check = Union[str, None, EllipsisType]


@cache
def facts_of(text: str, date: Optional[dt.date] = REF) -> tuple[Fact, ...]:
    return tuple(extract(text, doc="page.txt", date=date))


@cache
def page_of(text: str) -> Page:
    return segment(normalize(text).text)


def fact_at(text: str, anchor: str, quantity: str, date: Optional[dt.date] = REF) -> Fact:
    """The one fact whose figure `quantity` lies inside an occurrence of `anchor`
    (a paragraph printed twice holds one fact, found at either place)."""
    spans = [(m.start(), m.end()) for m in re.finditer(re.escape(anchor), text)]
    assert spans, f"anchor {anchor!r} is not on the page"
    hits = [f for f in facts_of(text, date) if f.quantity.text == quantity
            and any(s <= f.quantity.start and f.quantity.end <= e for s, e in spans)]
    assert len(hits) == 1, f"{quantity!r} in {anchor!r}: {len(hits)} facts"
    return hits[0]


@dataclass(frozen=True, kw_only=True)
class Expect:
    """One figure of a page and who it belongs to."""

    page: str = field(repr=False)
    anchor: str
    quantity: str
    locality: Check = ...
    title: Check = ...  # a piece of the article's title; None: an untitled fragment
    title_lacks: Check = ...
    byline: Check = ...
    agency: Check = ...
    modality: Check = ...
    period: Check = ...
    period_start: Check = ...
    period_end: Check = ...
    xfail: Optional[str] = None


def check(e: Expect) -> None:
    f = fact_at(e.page, e.anchor, e.quantity)
    if e.locality is not ...:
        assert (f.locality.code if f.locality else None) == e.locality
    if e.title is None:
        assert f.article.title is None
    elif e.title is not ...:
        assert e.title in (f.article.title or ""), f.article.title
    if e.title_lacks is not ...:
        assert e.title_lacks not in (f.article.title or ""), f.article.title
    if e.byline is not ...:
        assert f.article.byline == e.byline
    if e.agency is not ...:
        assert (f.agency.name if f.agency else None) == e.agency
    if e.modality is not ...:
        assert f.modality == e.modality
    if e.period is not ...:
        assert (f.period.text if f.period else None) == e.period
    if e.period_start is not ...:
        assert f.period is not None and f.period.start == e.period_start
    if e.period_end is not ...:
        assert f.period is not None and f.period.end == e.period_end


def params(cases: dict) -> list:
    return [pytest.param(c, id=name, marks=[pytest.mark.xfail(strict=True, reason=c.xfail)] if c.xfail else [])
            for name, c in cases.items()]


# ---------------------------------------------------------------- headlines, bylines

COLON_HEADLINE = """永州:多措并举根治欠薪

今年以来,永州市人社局深入开展根治欠薪冬季行动,追回农民工工资2860万元,办结欠薪案件412件。(唐敏)
"""

TWO_LINE_TITLE = """株洲市石峰区城管局:

织密市容秩序“管理网”

株洲市石峰区城管局聚焦群众关心的市容顽疾,全年拆除违规户外广告412处。

在占道经营整治方面,该局累计劝离流动摊贩2300余人次。

(刘洋 王婷)
"""

SUBTITLE_AND_AUTHORS = """千年古城焕新颜

——攸县老旧小区改造工作纪实

谢永兴 李桂阳

今年以来,攸县累计完成老旧小区改造86个,惠及居民1.2万户。

改造提质,环境更宜居

该县新建改造雨污管网36.9公里,新增停车位2100个。

改造后的小区焕然一新。截至目前,全县新改造雨污管网36.972公里。
"""

AUTHORS_UNDER_HEADLINE = """宁远县:乡村振兴结硕果

谢永兴 李桂阳

今年以来,该县新修农村机耕道126公里,建成村级光伏电站18座。
"""

LOCAL_DATELINE = """武冈市:就业帮扶暖人心

本报讯(通讯员 邓文 张雪)今年以来,武冈市人社局多措并举稳就业,新增城镇就业5230人。

该市还开展职业技能培训86期,培训2900余人。(邓文 张雪)
"""

AGENCY_DATELINE = """长江禁渔取得阶段性成效

新华社武汉6月23日电(记者 周宁远)记者从有关部门获悉,今年以来,全市查处非法捕捞案件126起。

下一步,相关部门将持续保持高压态势。
"""

# The second article has no byline before it: only its headline says it starts.
BACK_TO_BACK = """耒阳市追回农民工工资1860万元

今年以来,耒阳市人社局扎实开展根治欠薪专项行动,追回农民工工资1860万元,惠及农民工3200余人。

宁乡市:城乡供水一体化惠及百万群众

近年来,宁乡市累计投入资金9.6亿元,新建改造供水管网1280公里。(陈曦)
"""

HEADLINE_CASES = {
    "colon headline names the prefecture": Expect(
        page=COLON_HEADLINE, anchor="工资2860万元", quantity="2860万元",
        locality="431100", title="永州:多措并举根治欠薪", byline="唐敏", agency="永州市人社局"),
    "two-line title: body in the first line": Expect(
        page=TWO_LINE_TITLE, anchor="户外广告412处", quantity="412处",
        locality="430204", title="织密市容秩序", agency="株洲市石峰区城管局"),
    "subtitle is part of the title": Expect(
        page=SUBTITLE_AND_AUTHORS, anchor="老旧小区改造86个", quantity="86个",
        locality="430223", title="攸县老旧小区改造工作纪实"),
    "author line is no part of the title": Expect(
        page=SUBTITLE_AND_AUTHORS, anchor="惠及居民1.2万户", quantity="1.2万户", title_lacks="谢永兴"),
    "author line is the byline": Expect(
        page=SUBTITLE_AND_AUTHORS, anchor="惠及居民1.2万户", quantity="1.2万户", byline="谢永兴 李桂阳"),
    "author line straight under a headline": Expect(
        page=AUTHORS_UNDER_HEADLINE, anchor="机耕道126公里", quantity="126公里",
        locality="431126", title="宁远县:乡村振兴结硕果"),
    "local dateline stays in its article": Expect(
        page=LOCAL_DATELINE, anchor="城镇就业5230人", quantity="5230人",
        locality="430581", title="武冈市:就业帮扶暖人心", byline="邓文 张雪", agency="武冈市人社局"),
    "agency dateline names the city": Expect(
        page=AGENCY_DATELINE, anchor="非法捕捞案件126起", quantity="126起",
        locality="420100", title="长江禁渔取得阶段性成效"),
    "second headline without a byline before it": Expect(
        page=BACK_TO_BACK, anchor="投入资金9.6亿元", quantity="9.6亿元",
        locality="430182", title="宁乡市", byline="陈曦"),
}


@pytest.mark.parametrize("case", params(HEADLINE_CASES))
def test_headline_forms(case: Expect) -> None:
    check(case)


@dataclass(frozen=True, kw_only=True)
class Layout:
    page: str = field(repr=False)
    kinds: tuple[str, ...]
    titles: tuple[Optional[str], ...]
    bylines: tuple[Optional[str], ...]


LAYOUTS = {
    "two-line title and byline line": Layout(
        page=TWO_LINE_TITLE,
        kinds=("headline", "headline", "body", "body", "byline"),
        titles=("株洲市石峰区城管局: 织密市容秩序“管理网”",), bylines=("刘洋 王婷",)),
    "subtitle, author line, subhead": Layout(
        page=SUBTITLE_AND_AUTHORS,
        kinds=("headline", "headline", "author", "body", "subhead", "body", "body"),
        titles=("千年古城焕新颜 攸县老旧小区改造工作纪实",), bylines=("谢永兴 李桂阳",)),
}


@pytest.mark.parametrize("case", [pytest.param(c, id=k) for k, c in LAYOUTS.items()])
def test_page_layout(case: Layout) -> None:
    page = page_of(case.page)
    assert tuple(p.kind for p in page.paragraphs) == case.kinds
    assert tuple(a.title for a in page.articles) == case.titles
    assert tuple(a.byline for a in page.articles) == case.bylines


# ---------------------------------------------------------------- boilerplate

ARTICLE = """{head}
攸县:根治欠薪见实效
{top}
今年以来,攸县人社局深入开展根治欠薪专项行动,为312名农民工追回工资486万元。
{bottom}
"""
ARTICLE_FACTS = ["312名", "486万元"]


@dataclass(frozen=True, kw_only=True)
class Furniture:
    where: str  # head: above the headline, top: under it, bottom: after the text
    line: str
    xfail: Optional[str] = None


# Site furniture, most of it carrying figures of its own: none of them is a fact.
FURNITURE = {
    "breadcrumb above the headline": Furniture(where="head", line="首页 > 政务公开 > 部门动态"),
    "source and time": Furniture(where="top", line="来源:攸县融媒体中心 发布时间:2022-12-15 10:20"),
    "editor and reviewer": Furniture(where="bottom", line="编辑:李华 审核:王强 终审:赵明"),
    "article link": Furniture(where="bottom",
                              line="本文链接:http://www.youxian.gov.cn/zwgk/bmdt/202212/t20221215_8812345.html"),
    "hit counter": Furniture(where="bottom", line="点击量:485"),
    "next article": Furniture(where="bottom", line="下一篇:攸县新增城镇就业5230人"),
    "disclaimer": Furniture(where="bottom", line="免责声明:本站部分内容来源于网络,如有侵权请联系删除。"),
    "copyright and ICP licence": Furniture(where="bottom", line="版权所有:攸县人民政府办公室 湘ICP备05001234号-1"),
    "contact": Furniture(where="bottom", line="联系电话:0731-24212345 地址:攸县攸州路88号 邮编:412300"),
}


@pytest.mark.parametrize("case", params(FURNITURE))
def test_boilerplate_yields_no_facts(case: Furniture) -> None:
    page = ARTICLE.format(**{w: case.line if w == case.where else "" for w in ("head", "top", "bottom")})
    facts = facts_of(page)
    assert sorted(f.quantity.text for f in facts) == sorted(ARTICLE_FACTS)
    assert {f.locality.code for f in facts} == {"430223"}
    assert {f.article.title for f in facts} == {"攸县:根治欠薪见实效"}
    [line] = [p for p in page_of(page).paragraphs if p.text == case.line]
    assert line.kind == "boilerplate"


WEB_PAGE = """攸县人民政府门户网站
首页 > 政务公开 > 部门动态
攸县:根治欠薪见实效
来源:攸县人社局 作者:刘青 发布时间:2022-12-15 10:20
点击量:485
【字体:大 中 小】【打印】【关闭】
今年以来,攸县人社局深入开展根治欠薪专项行动,为312名农民工追回工资486万元。
该县还组织开展劳动保障监察执法检查36次,下达整改指令书12份。
责任编辑:周敏
本文链接:http://www.youxian.gov.cn/zwgk/bmdt/202212/t20221215_8812345.html
上一篇:攸县召开2022年安全生产工作会议
免责声明:本站部分内容来源于网络,如有侵权请联系删除。
版权所有:攸县人民政府办公室 湘ICP备05001234号-1
"""


def test_web_page_furniture_around_one_article() -> None:
    facts = facts_of(WEB_PAGE, None)
    assert [f.quantity.text for f in facts] == ["312名", "486万元", "36次", "12份"]
    assert {f.locality.code for f in facts} == {"430223"}
    # The page's own publication time dates 今年以来.
    assert facts[1].period.model_dump() == {"text": "今年以来", "start": "2022-01-01", "end": "2022-12-15"}


# ---------------------------------------------------------------- cut and shuffled columns

# Text taken from an e-paper PDF: the 攸县 article stops at "生产经营单" and
# goes on below the 新化县 article's own cut paragraph; the 新化县 article
# stops at "入河排" and goes on under the 涟源市 article. Read top to bottom,
# each rest stands under the wrong headline. Two signed fragments whose
# beginnings are not on the page close it: one names its place, one does not.
SHUFFLED = """攸县:织密安全生产“防护网”

本报讯(通讯员 贺文 刘青)今年以来,攸县应急管理局聚焦危化品、矿山、建筑施工等重点行业,督促生产经营单位落实主体责任,全县共排查一般隐患1260处,已整改1198处。

在执法检查方面,攸县应急管理局联合住建、交通运输等部门开展“四不两直”暗查暗访,截至11月底,累计检查生产经营单

新化县:资江两岸绿意浓

今年1—11月,新化县生态环境局围绕资江流域综合治理,关停取缔“散乱污”企业23家,完成河道清淤42公里。

该县还组织开展入河排污口排查,对发现的排污口逐一建档、分类施策,截至11月底,已完成整治入河排

位612家,下达执法文书85份,立案查处安全生产违法行为31起,罚款147万元。

“安全生产没有旁观者。”攸县应急管理局负责人表示,下一步,该县将力争生产安全事故起数下降10%以上。(贺文 刘青)

涟源市:“小窗口”办成“大民生”

近日,涟源市政务服务中心“一件事一次办”专区正式启用。今年以来,该市政务服务中心累计受理办件38.6万件,按时办结率99.8%。

该市还推行“帮代办”服务,为企业和群众代办事项1.2万件,群众满意率达99.6%。(吴昊)

污口96个,整治率达91%;同时推进农村生活污水治理,全县地表水考核断面水质优良率保持100%。(曾凡)

武冈市今年新增城镇就业5230人,帮助就业困难人员再就业860人。(李涛)

的困难群众发放临时救助金12.6万元,惠及群众430人。(王立)
"""

YOUXIAN, XINHUA, LIANYUAN = "攸县:织密安全生产", "新化县:资江两岸绿意浓", "涟源市:“小窗口”"

SHUFFLED_CASES = {
    "rest under another article's cut paragraph": Expect(
        page=SHUFFLED, anchor="位612家", quantity="612家",
        locality="430223", title=YOUXIAN, byline="贺文 刘青"),
    "article that was interrupted keeps its own": Expect(
        page=SHUFFLED, anchor="河道清淤42公里", quantity="42公里",
        locality="431322", title=XINHUA, agency="新化县生态环境局"),
    "rest under a third article": Expect(
        page=SHUFFLED, anchor="污口96个", quantity="96个", locality="431322", title=XINHUA, byline="曾凡"),
    "its whole-county figure is Xinhua county": Expect(
        page=SHUFFLED, anchor="优良率保持100%", quantity="100%", locality="431322"),
    "article between two rests": Expect(
        page=SHUFFLED, anchor="受理办件38.6万件", quantity="38.6万件",
        locality="431382", title=LIANYUAN, byline="吴昊"),
    "fragment that names its place": Expect(
        page=SHUFFLED, anchor="城镇就业5230人", quantity="5230人", locality="430581", title=None, byline="李涛"),
    "fragment that names no place": Expect(
        page=SHUFFLED, anchor="临时救助金12.6万元", quantity="12.6万元", locality=None, title=None, byline="王立"),
    "period in the cut half carries over": Expect(
        page=SHUFFLED, anchor="位612家", quantity="612家", period="截至11月底", period_end="2022-11-30"),
}


@pytest.mark.parametrize("case", params(SHUFFLED_CASES))
def test_shuffled_page_facts(case: Expect) -> None:
    check(case)


# Every figure of the page with the place and the headline it belongs to.
SHUFFLED_ALL = [
    ("1260处", "430223", YOUXIAN), ("1198处", "430223", YOUXIAN),
    ("23家", "431322", XINHUA), ("42公里", "431322", XINHUA),
    ("612家", "430223", YOUXIAN), ("85份", "430223", YOUXIAN), ("31起", "430223", YOUXIAN),
    ("147万元", "430223", YOUXIAN), ("10%以上", "430223", YOUXIAN),
    ("38.6万件", "431382", LIANYUAN), ("99.8%", "431382", LIANYUAN),
    ("1.2万件", "431382", LIANYUAN), ("99.6%", "431382", LIANYUAN),
    ("96个", "431322", XINHUA), ("91%", "431322", XINHUA), ("100%", "431322", XINHUA),
    ("5230人", "430581", None), ("860人", "430581", None),
    ("12.6万元", None, None), ("430人", None, None),
]


def test_shuffled_page_every_fact() -> None:
    got = [(f.quantity.text, f.locality.code if f.locality else None,
            next((t for t in (YOUXIAN, XINHUA, LIANYUAN) if f.article.title and f.article.title.startswith(t)),
                 f.article.title))
           for f in facts_of(SHUFFLED)]
    assert got == SHUFFLED_ALL


def test_shuffled_page_structure() -> None:
    page = page_of(SHUFFLED)
    by_start = {p.text[:4]: p for p in page.paragraphs}
    assert by_start["位612"].continues == by_start["在执法检"].index
    assert by_start["污口96"].continues == by_start["该县还组"].index
    # Nothing on the page completes the unsigned fragment: it stays on its own.
    assert by_start["的困难群"].continues is None
    titled = [a.title for a in page.articles if not a.orphan]
    assert titled == ["攸县:织密安全生产“防护网”", "新化县:资江两岸绿意浓", "涟源市:“小窗口”办成“大民生”"]
    assert sum(a.orphan for a in page.articles) == 2


def _variant(old: str, new: str) -> str:
    assert old in SHUFFLED
    return SHUFFLED.replace(old, new)


_REST = "污口96个,整治率达91%;同时推进农村生活污水治理,全县地表水考核断面水质优良率保持100%。(曾凡)\n"
# The 新化县 rest moved from below the 涟源市 article to right under its headline.
UNDER_HEADLINE = _variant("(吴昊)\n\n" + _REST, "(吴昊)\n").replace(
    "涟源市:“小窗口”办成“大民生”\n\n", "涟源市:“小窗口”办成“大民生”\n\n" + _REST + "\n")

# Other layouts of the same columns.
VARIANT_CASES = {
    # The 涟源市 article is cut and its rest is lost: the unsigned fragment,
    # which cannot complete it, stays on its own.
    "cut without its rest leaves a stray fragment alone": Expect(
        page=_variant("为企业和群众代办事项1.2万件,群众满意率达99.6%。(吴昊)",
                      "为企业和群众代办各类事项1.2万件,今年还在各乡镇便民服务中心设立帮代办窗口,并为"),
        anchor="临时救助金12.6万元", quantity="12.6万元", locality=None, title=None),
    "rest directly under another headline": Expect(
        page=UNDER_HEADLINE,
        anchor="污口96个", quantity="96个", locality="431322", title=XINHUA),
    "lede after a rest placed under its headline": Expect(
        page=UNDER_HEADLINE,
        anchor="受理办件38.6万件", quantity="38.6万件", locality="431382", title=LIANYUAN),
    "short signed rest is no headline": Expect(
        page=_variant(_REST, "污口96个,整治率达91%,全县地表水断面水质优良率保持100%。(曾凡)\n"),
        anchor="污口96个", quantity="96个", locality="431322", title=XINHUA),
}


@pytest.mark.parametrize("case", params(VARIANT_CASES))
def test_shuffled_page_variants(case: Expect) -> None:
    check(case)


# ---------------------------------------------------------------- repeats

REPEATED = """汝城县:根治欠薪见实效

今年以来,汝城县人社局为农民工追回工资486万元,办结欠薪案件128件。

该县还组织开展劳动保障监察执法检查36次,下达整改指令书12份。

今年以来,汝城县人社局为农民工追回工资486万元,办结欠薪案件128件。

下一步,该县将继续保持高压态势。(刘青)
"""


def test_paragraph_printed_twice_gives_its_facts_once() -> None:
    facts = facts_of(REPEATED)
    assert [f.quantity.text for f in facts] == ["486万元", "128件", "36次", "12份"]
    assert all(f.locality.code == "431026" and f.article.byline == "刘青" for f in facts)


def test_same_figure_in_other_words_is_a_fact_each_time() -> None:
    got = [f.quantity.text for f in facts_of(SUBTITLE_AND_AUTHORS)]
    assert got.count("36.9公里") == 1 and got.count("36.972公里") == 1


def test_headline_figure_repeated_in_the_body_is_one_fact() -> None:
    got = [f.quantity.text for f in facts_of(BACK_TO_BACK)]
    assert got.count("1860万元") == 1


# ---------------------------------------------------------------- the sample page

SEED_TEXT = SEED.read_text(encoding="utf-8")
SHIFENG, YONGZHOU, KAIFU, NANXIAN = "石峰区交通运输局", "永州:坚持", "开福区:帮扶涉毒人员出成效", "南县:全过程精准监督"


def seed(**kw) -> Expect:
    return Expect(page=SEED_TEXT, **kw)


SEED_CASES = {
    "Shifeng rest below its column: 48 actions": seed(
        anchor="动48次", quantity="48次", locality="430204", title=SHIFENG, byline="常剑 付强 戴鹏"),
    "Shifeng piece at the top of the page: 26 events": seed(
        anchor="开展宣传活动26次", quantity="26次", locality="430204", title=SHIFENG, byline="常剑 付强 戴鹏",
        agency="石峰区交通运输局"),
    "Yongzhou rest under the Taoyuan cut: 36 actions": seed(
        anchor="执法活动36次", quantity="36次", locality="431100", title=YONGZHOU, byline="钟维"),
    "Yongzhou rest under the Taoyuan cut: 315 firms": seed(
        anchor="抽取检查对象315家", quantity="315家", locality="431100", title=YONGZHOU),
    "Kaifu rest: 83 people": seed(
        anchor="共帮助83人", quantity="83人", locality="430105", title=KAIFU, byline="方雄辉"),
    "Nanxian piece above its headline: 18 sections": seed(
        anchor="涉及的18个标段", quantity="18个", locality="430921", title=NANXIAN),
    "Nanxian piece at the top of the page: 5 sessions": seed(
        anchor="清廉教育5次", quantity="5次", locality="430921", title=NANXIAN, byline="肖赛良 胡娟"),
    "unplaced fragment: 1000 talks": seed(
        anchor="微宣讲1000余场", quantity="1000余场", locality=None, title=None, byline="谢文明"),
    "high-standard farmland is a name, not a target: 18 sections": seed(
        anchor="涉及的18个标段", quantity="18个", modality="actual"),
    "high-standard farmland is a name, not a target: 5 sessions": seed(
        anchor="清廉教育5次", quantity="5次", modality="actual"),
    "period named before the cut: 48 actions": seed(
        anchor="动48次", quantity="48次", period="截至11月", period_end="2022-11-30"),
    "bare months range is dated by the reference date": seed(
        anchor="1—11月全区道路运输类事故发生同比大幅下降50%以上", quantity="50%以上",
        period="1—11月", period_start="2022-01-01", period_end="2022-11-30"),
    "leadership the lede follows is no agency": seed(
        anchor="办结案件40件", quantity="40件", agency=None),
    "fragment after the Yueyang feature lends it no byline": seed(
        anchor="技工贸总收入1617亿元", quantity="1617亿元", byline="周磊 杨朝 易松"),
}


@pytest.mark.parametrize("case", params(SEED_CASES))
def test_sample_page(case: Expect) -> None:
    check(case)


def test_sample_page_repeated_block_gives_each_fact_once() -> None:
    facts = facts_of(SEED_TEXT)
    got = [f.quantity.text for f in facts]
    repeated = ["172项", "44项", "37%", "42%", "4592万元", "84万元", "187名", "295家", "335个", "53条",
                "1617亿元", "118.66亿元", "153亿元", "10.62亿元"]
    assert {q: got.count(q) for q in repeated} == {q: 1 for q in repeated}


def test_page_words_answer_as_a_substring_search_would():
    from bulletinx.segment import _NGrams, split_paragraphs
    text = "县公安局破获涉毒案件65起。\n\n  刑事拘留97人,\n查处涉毒案件\n"
    page = _NGrams(split_paragraphs(text))
    lines = [line.strip() for line in text.split("\n")]
    for word in ("公安", "公安局", "毒案件", "涉毒", "刑事拘"):
        assert word in page
    for word in ("65起", "拘留9", "起。"):  # only runs of Han characters are asked
        assert word not in page
    for word in ("件刑", "留查", "县县", "案件查", "起。刑"):  # across a line break, or nowhere
        assert not any(word in line for line in lines)
        assert word not in page, word
    assert "局破获涉" not in page  # runs of two and three characters only


def test_cut_statistics_count_pairs_and_rare_runs_per_page():
    from bulletinx.segment import _NGrams, split_paragraphs
    paras = split_paragraphs("破获涉毒案件65起\n涉毒案件\n涉毒案件\n")
    grams = _NGrams(paras)
    grams.count()
    pairs = grams.pairs_of([0])
    # 涉毒 stands three times on the page, 破获 once; a pair never crosses a line.
    counts = {paras[0].text[k:k + 2]: grams.pair_counts[pid] for k, pid in enumerate(pairs.tolist())}
    assert counts["涉毒"] == 3 and counts["破获"] == 1 and len(pairs) == len(paras[0].text) - 1
    assert len(grams.rare_quads_of([1])) == 1  # 涉毒案件: three times is still rare


REWRAPPED = (
    "攸县遭遇持续强降雨\n"
    "8月3日以来\n"
    ",攸县出现持续强降雨\n"
    ",全县累计降雨量243毫米\n"
    "。强降雨造成全县9个乡镇2.6万人受灾\n"
    ",紧急转移群众1400人\n"
    ",直接经济损失1.1亿元\n"
    "。县防指启动防汛Ⅲ级应急响应\n"
    "。\n"
)


def test_lines_broken_before_their_punctuation_are_rejoined():
    from bulletinx.normalize import normalize
    norm = normalize(REWRAPPED)
    assert "以来,攸县出现持续强降雨,全县累计降雨量243毫米。强降雨造成" in norm.text
    facts = {f.quantity.text: f for f in extract(REWRAPPED, doc="t.txt")}
    assert set(facts) == {"243毫米", "9个", "2.6万人", "1400人", "1.1亿元"}
    loss = facts["1.1亿元"]
    # One sentence, one article, the county's; offsets still point into the input.
    assert loss.sentence.text == REWRAPPED[loss.sentence.start:loss.sentence.end]
    assert loss.sentence.text.startswith("强降雨造成全县9个乡镇") and "\n," in loss.sentence.text
    assert loss.locality is not None and loss.locality.name == "攸县"
    assert REWRAPPED[loss.quantity.start:loss.quantity.end] == "1.1亿元"


def test_a_few_lines_opening_with_punctuation_stay_apart():
    from bulletinx.normalize import normalize
    # Cut columns put a sentence's rest under another article: not a rewrapped page.
    text = "桃源县:稳岗就业有力度\n今年以来,全县新增城镇就业3200人,\n,帮扶困难人员再就业460人。\n下一步,该县将继续发力。\n"
    assert normalize(text).text == text


def test_sums_over_stretches_allow_empty_ones():
    import numpy as np

    from bulletinx.segment import _segment_sums
    values = np.array([1.0, 2.0, 3.0, 4.0])
    # Stretches [0,1) [1,1) [1,3) [3,3) [3,4): the empty ones sum to zero.
    assert _segment_sums(values, [0, 1, 1, 3, 3, 4]) == [1.0, 0.0, 5.0, 0.0, 4.0]
    assert _segment_sums(values[2:], [2, 2, 4]) == [0.0, 7.0]  # offsets relative to the first bound
    assert _segment_sums(np.array([], dtype=np.int64), [5, 5]) == [0]


def test_a_line_under_a_headline_that_only_shares_the_topic_is_no_rest():
    # The sender's name stops without punctuation; the contact line under the
    # "附件说明" heading shares its words but does not read on across the break.
    page = ("关于开展城镇燃气安全专项整治的通知\n各市州住房和城乡建设局、城市管理局:\n"
            "为贯彻落实全省城镇燃气安全专项整治部署,全面排查整治城镇燃气安全隐患,现将有关事项通知如下。"
            "一、排查整治老旧燃气管网和户内燃气设施,各地于12月底前完成排查。\n湖南省住房和城乡建设厅\n附件说明\n"
            "联系单位:省住房和城乡建设厅城市建设处,联系电话0731-1234567,城镇燃气安全专项整治信息请按时报送。\n")
    got = segment(normalize(page).text)
    assert all(p.continues is None for p in got.paragraphs)
    contact = got.paragraphs[-1]
    assert got.articles[contact.article].title == "附件说明"


def test_a_block_printed_twice_ends_the_story_before_it():
    para_a = "今年以来,攸县公安局共破获电信诈骗案件86起,抓获犯罪嫌疑人132名,为群众挽回损失560万元。"
    para_b = "该局还组建反诈宣传队,深入村组、企业、学校开展宣传,累计开展宣传活动1200余场次。"
    page = ("攸县:反诈宣传进万家\n李明 王芳\n" + para_a + "\n" + para_b + "\n"
            + para_a + "\n" + para_b + "\n"  # the column read again
            + "新建乡镇综合文化站12个,开展送戏下乡演出86场。\n(张华)\n")
    facts = {f.quantity.text: f for f in extract(page, doc="t.txt")}
    story, stray = facts["86起"], facts["12个"]
    assert story.article.title == "攸县:反诈宣传进万家" and story.article.byline == "李明 王芳"
    assert story.locality.name == "攸县"
    # The stray piece after the repeat is a fragment of another story, signed by its own author.
    assert stray.article.title is None and stray.article.byline == "张华"
    assert stray.article.index != story.article.index


@pytest.mark.parametrize("high", [50, 40_000, 70_000, 1_200_000], ids=["few", "bmp", "past-bmp", "astral"])
def test_pair_ranks_are_what_unique_gives(high):
    """The radix ranking of character pairs (and the fallback past the Basic
    Multilingual Plane) numbers pairs as np.unique does."""
    import numpy as np
    from bulletinx.segment import _ranks
    rng = np.random.default_rng(high)
    a = rng.integers(0, high, 5000)
    b = rng.integers(0, high, 5000)
    a[::7] = a[0]  # repeats
    b[::7] = b[0]
    ids, counts = _ranks(a, b)
    _, want_ids, want_counts = np.unique(a * (1 << 21) + b, return_inverse=True, return_counts=True)
    assert ids.tolist() == want_ids.ravel().tolist()
    assert counts.tolist() == want_counts.tolist()


@pytest.mark.parametrize("extra", ["", "𠀾"], ids=["bmp", "astral-character-on-page"])
def test_a_short_line_running_on_into_the_next_is_no_headline(extra):
    """The characters across the break (大检|查) form a word the page uses
    elsewhere; this holds whatever characters the page also contains."""
    from bulletinx.segment import segment
    page_ = segment("今年全县开展安全生产大检\n查行动,共检查企业86家,安全生产大检查覆盖全县" + extra + "。")
    assert [p.kind for p in page_.paragraphs] == ["body", "body"]


LINKS_PAGE = "\n".join([
    "首页 > 新闻动态 > 县域经济",
    "汝城县:今年新增市场主体3200户",
    "2023-06-12 来源:汝城县人民政府网",
    "今年以来,汝城县持续优化营商环境,新增市场主体3200户,同比增长15.6%。",
    "相关新闻",
    "汝城县今年完成造林面积2.1万亩",
    "汝城县举办招聘会 提供岗位1600个",
    "推荐阅读:",
    "· 我县新建农村公路45公里 2023-06-10",
    "全市新增就业1.2万人 [2023-06-08]",
])


def test_links_to_other_stories_give_no_facts():
    """Titles listed under 相关新闻 or 推荐阅读, or closed by their date, are
    other pages' headlines: the page's facts are its own article's."""
    from bulletinx.pipeline import extract
    assert [f.quantity.text for f in extract(LINKS_PAGE)] == ["3200户", "15.6%"]


def test_a_list_of_links_ends_at_running_text():
    from bulletinx.pipeline import extract
    text = LINKS_PAGE.replace("推荐阅读:", "下一步,该县将新建标准化厂房8万平方米,预计新增就业岗位1500个。")
    assert [f.quantity.text for f in extract(text)] == ["3200户", "15.6%", "8万平方米", "1500个"]


def test_reader_counters_give_no_facts():
    """已有1236人阅读, 12条评论, 点赞 86: a web page's counters, not its facts;
    a sentence about readers of the bulletin's own outreach stays a fact."""
    from bulletinx.pipeline import extract
    text = "\n".join([
        "县人社局开展春风行动",
        "今年以来,全县共举办招聘会18场,政策推文阅读量达3.2万人次。",
        "已有1236人阅读 12条评论",
        "点赞 86 收藏 12次",
        "共有3条评论 已有26人参与",
    ])
    assert [f.quantity.text for f in extract(text)] == ["18场", "3.2万人次"]
