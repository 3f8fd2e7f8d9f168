"""Who, where, when and how sure: locality, agency, period and modality of facts.

Every page here is a short made-up article in the style of a county
newspaper. Facts are found by an anchor (a piece of the page holding the
figure), as the gold files do.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import cache
from types import EllipsisType
from typing import Optional, Union

import pytest

from bulletinx.models import Fact
from bulletinx.pipeline import extract

REF = dt.date(2022, 12, 15)

# A field left at `...` is not checked: each case states only what it is about.
Check = Union[str, None, EllipsisType]


def page(headline: str, *paragraphs: str) -> str:
    return "\n\n".join((headline, *paragraphs)) + "\n"


def fact_at(text: str, figure: str) -> Fact:
    """The fact of a page whose quantity reads `figure`."""
    return next(f for f in extract(text, doc="t.txt") if f.quantity.text == figure)


def agency_name(fact: Fact) -> Optional[str]:
    return fact.agency.name if fact.agency else None


def place_name(fact: Fact) -> Optional[str]:
    return fact.locality.name if fact.locality else None


@cache
def facts_of(text: str, region: Optional[str], date: Optional[dt.date]) -> tuple[Fact, ...]:
    return tuple(extract(text, doc="page.txt", region=region, date=date))


@dataclass(frozen=True, kw_only=True)
class Case:
    page: str = field(repr=False)
    anchor: str
    quantity: str
    region: Optional[str] = None
    date: Optional[dt.date] = REF
    locality: Check = ...
    town: Check = ...
    agency: Check = ...
    agency_kind: Check = ...
    period: Check = ...
    period_start: Check = ...
    period_end: Check = ...
    modality: Check = ...
    xfail: Optional[str] = None

    def fact(self) -> Fact:
        spans = [(m.start(), m.end()) for m in re.finditer(re.escape(self.anchor), self.page)]
        assert spans, f"anchor {self.anchor!r} is not on the page"
        hits = [f for f in facts_of(self.page, self.region, self.date) if f.quantity.text == self.quantity
                and any(s <= f.quantity.start and f.quantity.end <= e for s, e in spans)]
        assert len(hits) == 1, f"{self.quantity!r} in {self.anchor!r}: {len(hits)} facts"
        return hits[0]


def check(c: Case) -> None:
    f = c.fact()
    if c.locality is not ...:
        assert (f.locality.code if f.locality else None) == c.locality
    if c.town is not ...:
        assert (f.locality.town.name if f.locality and f.locality.town else None) == c.town
    if c.agency is not ...:
        assert agency_name(f) == c.agency
    if c.agency_kind is not ...:
        assert f.agency is not None and f.agency.kind == c.agency_kind
    if c.period is not ...:
        assert (f.period.text if f.period else None) == c.period
    if c.period_start is not ...:
        assert f.period is not None and f.period.start == c.period_start
    if c.period_end is not ...:
        assert f.period is not None and f.period.end == c.period_end
    if c.modality is not ...:
        assert f.modality == c.modality


def params(cases: dict[str, Case]) -> list:
    return [pytest.param(c, id=name, marks=[pytest.mark.xfail(strict=True, reason=c.xfail)] if c.xfail else [])
            for name, c in cases.items()]


# ---------------------------------------------------------------- localities

HENGYANG = "衡阳:铁腕治超保平安"
RUCHENG = "汝城县:作风建设再加力"
RUCHENG_PAGE = page(
    RUCHENG,
    "今年以来,汝城县以作风建设为抓手,推动各项工作落实。",
    "该县纪委监委聚焦群众身边问题开展专项整治,立案审查调查42件。",
    "“我县共处分党员干部37人。”县纪委监委负责人介绍,全县还开展警示教育156场次。",
)
YONGDING = page("永定区:农村公路提质升级", "今年以来,永定区新改建农村公路86公里。")
GULOU = "今年以来,鼓楼区城管局拆除违规户外广告牌36处。"

LOCALITY_CASES = {
    "short form of a prefecture and of its county goes to the prefecture": Case(
        page=page("湘潭:燃气安全再升级", "今年以来,改造老旧燃气管网21.6公里。"),
        anchor="管网21.6公里", quantity="21.6公里", locality="430300"),
    "a county named in the clause narrows the prefecture": Case(
        page=page(HENGYANG, "今年以来,衡阳市持续开展货车超限超载整治。其中,祁东县查处违法车辆86台,衡南县查处违法车辆52台。"),
        anchor="违法车辆52台", quantity="52台", locality="430422"),
    "a list of counties is the prefecture's sum": Case(
        page=page(HENGYANG, "今年以来,衡阳市持续开展货车超限超载整治。衡南县、祁东县、常宁市共排查隐患路段320处。"),
        anchor="隐患路段320处", quantity="320处", locality="430400"),
    "gaishi (this city) after a county named earlier in the paragraph": Case(
        page=page(HENGYANG, "今年以来,衡阳市持续开展货车超限超载整治。其中,祁东县查处违法车辆86台。该市共查处超限超载货车1260台。"),
        anchor="货车1260台", quantity="1260台", locality="430400"),
    "gaixian (this county) points back to the article": Case(
        page=RUCHENG_PAGE, anchor="立案审查调查42件", quantity="42件", locality="431026"),
    "woxian (our county) in a quotation": Case(
        page=RUCHENG_PAGE, anchor="党员干部37人", quantity="37人", locality="431026"),
    "bare xian in the county discipline commission": Case(
        page=RUCHENG_PAGE, anchor="警示教育156场次", quantity="156场次", locality="431026"),
    "quanqu (the whole district) in a district's article": Case(
        page=page("开福区:平安建设暖民心", "近年来,全区共调处矛盾纠纷2180件,化解率98.6%。"),
        anchor="矛盾纠纷2180件", quantity="2180件", locality="430105"),
    "benshi (this city) in a city's article": Case(
        page=page("湘潭市:燃气安全再升级", "今年,本市改造老旧燃气管网21.6公里。"),
        anchor="管网21.6公里", quantity="21.6公里", locality="430300"),
    "development zone lies in its county": Case(
        page=page("项目建设跑出加速度", "今年1—11月,岳阳绿色化工高新区新签约项目21个,完成投资86亿元。"),
        anchor="签约项目21个", quantity="21个", locality="430603"),
    "scene in another province does not take over": Case(
        page=page("汝城县:重拳打击电信诈骗",
                  "近日,汝城县公安局成功破获一起电信网络诈骗案。民警在江西省德兴市某出租屋内将犯罪嫌疑人抓获,"
                  "共抓获犯罪嫌疑人6名,冻结涉案资金132万元。"),
        anchor="涉案资金132万元", quantity="132万元", locality="431026"),
    "scene named before the actor": Case(
        page=page("民警千里追逃", "近日,在江西省德兴市某出租屋内,汝城县公安局民警成功抓获网上逃犯1名。"),
        anchor="网上逃犯1名", quantity="1名", locality="431026"),
    "Yongding settled by region": Case(
        page=YONGDING, region="湖南", anchor="农村公路86公里", quantity="86公里", locality="430802"),
    "Yongding settled by the province the page names": Case(
        page=page("永定区:农村公路提质升级", "今年以来,永定区新改建农村公路86公里,湖南省交通运输厅予以通报表扬。"),
        anchor="农村公路86公里", quantity="86公里", locality="430802"),
    "Yongding settled by its prefecture": Case(
        page=page("福建省龙岩市永定区多举措推进农村公路建设", "今年以来,永定区新改建农村公路86公里。"),
        anchor="农村公路86公里", quantity="86公里", locality="350803"),
    "Gulou settled by region": Case(
        page=page("鼓楼区:城市管理更精细", GULOU), region="福建",
        anchor="广告牌36处", quantity="36处", locality="350102"),
    "Chaoyang without any hint has no code": Case(
        page=page("朝阳区开展燃气安全专项检查", "今年以来,朝阳区检查餐饮场所1260家。"),
        anchor="餐饮场所1260家", quantity="1260家", locality=None),
    "township named in the sentence": Case(
        page=page("南县:农田水利建设加速", "今年以来,南县浪拔湖镇新建灌溉水渠3.6公里。"),
        anchor="水渠3.6公里", quantity="3.6公里", locality="430921", town="浪拔湖镇"),
}


@pytest.mark.parametrize("case", params(LOCALITY_CASES))
def test_locality(case: Case) -> None:
    check(case)


def test_locality_record() -> None:
    f = LOCALITY_CASES["development zone lies in its county"].fact()
    assert f.locality.model_dump() == {
        "code": "430603", "name": "云溪区", "level": "county",
        "path": ["湖南省", "岳阳市", "云溪区"], "town": None,
    }


# ---------------------------------------------------------------- agencies

YOUXIAN = "攸县:平安建设再提速"

def sourced(source_line: str, body: str = "近日,城区雨污分流改造项目开工,计划改造雨污管网12.6公里,涉及居民860户。") -> str:
    """A county website's page: headline, the source field, the story."""
    return page("攸县城区雨污分流改造项目开工", source_line, body)


AGENCY_CASES = {
    "same clause beats an earlier one": Case(
        page=page(YOUXIAN, "今年以来,县公安局破获各类刑事案件312起,县市场监管局查处食品安全案件58起。"),
        anchor="食品安全案件58起", quantity="58起", agency="县市场监管局", agency_kind="market_regulation"),
    "same clause, after the figure": Case(
        page=page(YOUXIAN, "今年以来,全县侦破的电信诈骗案件中有46起由县公安局刑侦大队主办。"),
        anchor="有46起", quantity="46起", agency="县公安局刑侦大队"),
    "earlier in the sentence": Case(
        page=page("攸县:根治欠薪见实效", "县人社局牵头开展根治欠薪冬季专项行动,深入工地逐一排查,为农民工追回工资320万元。"),
        anchor="工资320万元", quantity="320万元", agency="县人社局", agency_kind="human_resources"),
    "earlier in the paragraph": Case(
        page=page("攸县:守好群众看病钱", "县医保局持续开展打击欺诈骗保专项行动。全年追回医保基金86万元,处理违规定点医药机构23家。"),
        anchor="医药机构23家", quantity="23家", agency="县医保局"),
    "from the headline": Case(
        page=page("汝城县医保局:守好群众“看病钱”", "今年以来,围绕定点医药机构开展全覆盖检查,全年追回医保基金86万元。"),
        anchor="医保基金86万元", quantity="86万元", agency="汝城县医保局"),
    "from the lede": Case(
        page=page("织密安全生产防护网", "今年以来,攸县应急管理局聚焦重点行业领域,压紧压实安全生产责任。",
                  "全年共排查一般隐患1260处,整改1198处。"),
        anchor="整改1198处", quantity="1198处", agency="攸县应急管理局", agency_kind="emergency_management"),
    "a body a case is handed to is not the actor": Case(
        page=page("南县:监督护航农田建设", "今年以来,县纪委监委开展专项监督8次,发现问题15个,均已移交县农业农村局督促整改。"),
        anchor="发现问题15个", quantity="15个", agency="县纪委监委", agency_kind="discipline_inspection"),
    "public security organs of gaishi": Case(
        page=page("永州:严打欠薪违法犯罪", "今年来,该市公安机关以拒不支付劳动报酬罪立案6起,刑事拘留14人。"),
        anchor="立案6起", quantity="6起", agency="该市公安机关"),
    "department (ting)": Case(
        page=page("湖南:根治欠薪见实效", "今年以来,省人力资源和社会保障厅督办欠薪案件126件。"),
        anchor="欠薪案件126件", quantity="126件", agency="省人力资源和社会保障厅"),
    "procuratorate (yuan)": Case(
        page=page("攸县:公益诉讼护生态", "今年以来,县人民检察院办理公益诉讼案件45件。"),
        anchor="公益诉讼案件45件", quantity="45件", agency="县人民检察院"),
    "brigade (dui) inside a bureau": Case(
        page=page("攸县:交通安全有保障", "今年以来,县公安局交警大队查处酒驾醉驾违法行为368起。"),
        anchor="违法行为368起", quantity="368起", agency="县公安局交警大队"),
    "office short form (ban)": Case(
        page=page("攸县:禁毒宣传进万家", "今年以来,县禁毒办开展禁毒宣传活动96场次。"),
        anchor="宣传活动96场次", quantity="96场次", agency="县禁毒办"),
    "departments (bumen) of several domains": Case(
        page=page("攸县:在建项目欠薪动态清零", "今年以来,县人社、住建等部门联合开展在建项目专项检查,检查在建项目86个。"),
        anchor="在建项目86个", quantity="86个", agency="县人社、住建等部门"),
    "police station (suo) of a township": Case(
        page=page("南县:守护一方平安", "今年以来,浪拔湖镇派出所破获盗窃案件27起。"),
        anchor="盗窃案件27起", quantity="27起", agency="浪拔湖镇派出所"),
    "commission for discipline (jiwei) by its short name": Case(
        page=page("廉政建设:正风肃纪不停步", "今年以来,省纪委共立案审查调查案件412件,处分省管干部27人。"),
        anchor="案件412件", quantity="412件", agency="省纪委"),
    "jiwei without a place is no body": Case(
        page=page("清廉机关建设见成效", "今年以来,各单位深入纪委学习办案经验,开展警示教育18场。"),
        anchor="警示教育18场", quantity="18场", agency=None),
    "the body a web page names as its source reported it": Case(
        page=sourced("来源:攸县住建局      发布时间:2025-06-03"),
        anchor="雨污管网12.6公里", quantity="12.6公里", agency="攸县住建局"),
    "a newspaper as the source is no body": Case(
        page=sourced("来源:株洲日报      发布时间:2025-06-03"),
        anchor="雨污管网12.6公里", quantity="12.6公里", agency=None),
    "a body named in the sentence comes before the source": Case(
        page=sourced("信息来源:攸县人民政府办公室", "今年以来,县城管局拆除违法建筑46处,面积3200平方米。"),
        anchor="违法建筑46处", quantity="46处", agency="县城管局"),
    "a company is no agency": Case(
        page=page("项目建设提速增效", "今年1—11月,湖南宏达交通运输有限公司完成货运量120万吨,上缴税收3600万元。"),
        anchor="上缴税收3600万元", quantity="3600万元", agency=None),
    "zone administrative committee (guanweihui)": Case(
        page=page("产业集聚势头强劲", "今年以来,岳阳绿色化工高新区管委会新引进项目35个。"),
        anchor="引进项目35个", quantity="35个", agency="岳阳绿色化工高新区管委会"),
    "subdistrict office (jiedao banshichu)": Case(
        page=page("城市更新暖民心", "今年以来,开福区东风路街道办事处改造老旧小区12个。"),
        anchor="老旧小区12个", quantity="12个", agency="开福区东风路街道办事处"),
    "centre (zhongxin) with a service word between": Case(
        page=page("攸县:稳岗就业有力度", "今年以来,县就业服务中心组织开展职业技能培训2300人次。"),
        anchor="技能培训2300人次", quantity="2300人次", agency="县就业服务中心"),
    "a company named after a domain is no agency": Case(
        page=page("科技赋能平安建设", "今年,长沙市公安科技有限公司研发智能安防设备86台。"),
        anchor="设备86台", quantity="86台", agency=None),
    "a partner after lianhe is not the actor": Case(
        page=page("攸县:守护舌尖上的安全", "县公安局联合市监部门开展食品安全清查行动,查处无证经营门店14家。"),
        anchor="门店14家", quantity="14家", agency="县公安局"),
    "the leadership a lede follows is no agency": Case(
        page=page("衡阳市筑牢安全生产防线", "今年以来,衡阳市坚决贯彻省委省政府关于安全生产工作的决策部署,压实各方责任。",
                  "全市共排查整治安全隐患3.2万处。"),
        anchor="安全隐患3.2万处", quantity="3.2万处", agency=None),
}


@pytest.mark.parametrize("case", params(AGENCY_CASES))
def test_agency(case: Case) -> None:
    check(case)


# ---------------------------------------------------------------- periods

YX = "攸县:项目建设跑出加速度"

PERIOD_CASES = {
    "this year Jan-Nov": Case(
        page=page(YX, "今年1—11月,该县完成固定资产投资86亿元。"), anchor="投资86亿元", quantity="86亿元",
        period="今年1—11月", period_start="2022-01-01", period_end="2022-11-30"),
    "up to end of November has an end only": Case(
        page=page(YX, "截至11月底,该县累计排查隐患1260处。"), anchor="隐患1260处", quantity="1260处",
        period="截至11月底", period_start=None, period_end="2022-11-30"),
    "Jan-Oct without this year": Case(
        page=page(YX, "1月—10月,该县上缴税收4.6亿元。"), anchor="税收4.6亿元", quantity="4.6亿元",
        period="1月—10月", period_start="2022-01-01", period_end="2022-10-31"),
    "a named year": Case(
        page=page(YX, "2021年,该县实现地区生产总值312亿元。"), anchor="总值312亿元", quantity="312亿元",
        period="2021年", period_start="2021-01-01", period_end="2021-12-31"),
    "since the start of this year runs to the reference date": Case(
        page=page(YX, "今年以来,该县新增市场主体8600户。"), anchor="市场主体8600户", quantity="8600户",
        period="今年以来", period_start="2022-01-01", period_end="2022-12-15"),
    "in recent years has no dates": Case(
        page=page(YX, "近年来,该县累计解决企业问题335个。"), anchor="企业问题335个", quantity="335个",
        period="近年来", period_start=None, period_end=None),
    "without a reference date only the text": Case(
        page=page(YX, "今年1—11月,该县完成固定资产投资86亿元。"), date=None, anchor="投资86亿元", quantity="86亿元",
        period="今年1—11月", period_start=None, period_end=None),
    "a period opening the sentence covers its later clauses": Case(
        page=page(YX, "今年1—11月,新化县生态环境局关停取缔“散乱污”企业23家,完成河道清淤42公里。"),
        anchor="清淤42公里", quantity="42公里", period="今年1—11月", period_end="2022-11-30"),
}


@pytest.mark.parametrize("case", params(PERIOD_CASES))
def test_period(case: Case) -> None:
    check(case)


# ---------------------------------------------------------------- modality

def said(sentence: str, *, quantity: str, modality: str, xfail: Optional[str] = None) -> Case:
    return Case(page=page(YX, sentence), anchor=sentence, quantity=quantity, modality=modality, xfail=xfail)


MODALITY_CASES = {
    "ni (intend)": said("园区拟投资3.2亿元建设标准化厂房。", quantity="3.2亿元", modality="planned"),
    "jihua (plan)": said("该县计划新建污水管网12公里。", quantity="12公里", modality="planned"),
    "jiang (will)": said("明年,该县将新增城镇就业岗位3000个。", quantity="3000个", modality="planned"),
    "yuji (expected)": said("项目预计年产值可达15亿元。", quantity="15亿元", modality="planned"),
    "lizheng (strive for)": said("该县力争全年地区生产总值增长8%以上。", quantity="8%以上", modality="planned"),
    "biaozhun (standard)": said("入园项目须达到亩均税收标准30万元。", quantity="30万元", modality="target"),
    "mubiao (goal)": said("全县森林覆盖率目标为65%。", quantity="65%", modality="target"),
    "menkan (threshold)": said("该县将入园门槛提高到投资强度300万元。", quantity="300万元", modality="target"),
    "jiancheng hou (once built)": said("该项目建成后年产值可达10亿元。", quantity="10亿元", modality="planned"),
    "yuji wancheng (expected to complete)": said("预计全年完成投资56亿元。", quantity="56亿元", modality="planned"),
    "jiang yu wancheng (will complete)": said("该县将于年底前完成改造2000户。", quantity="2000户", modality="planned"),
    "completed in a clause of its own": said("全年计划投资100亿元,实际完成85亿元。", quantity="85亿元", modality="actual"),
    "yaoqiu (required)": said("县教育局要求各校体育课开课率达到100%。", quantity="100%", modality="target"),
    "done": said("今年以来,该县新建污水管网18公里。", quantity="18公里", modality="actual"),
    "done after a plan": said("年初计划的28个重点项目已开工26个。", quantity="26个", modality="actual"),
    "high-standard farmland is a name": said(
        "截至11月底,该县针对高标准农田建设开展监督检查16次。", quantity="16次", modality="actual"),
    "a figure named as the standard": said(
        "对符合条件的困难老人,按每人每月150元的标准发放护理补贴。", quantity="150元", modality="target"),
    "a per-head standard": said(
        "残疾人两项补贴提高到每人每月90元/人的补助标准。", quantity="90元", modality="target"),
    "a sum paid to a standard is done": said(
        "按标准共发放护理补贴860万元。", quantity="860万元", modality="actual"),
    "an exceeded target is done": said(
        "该县超额完成年度目标任务,新增就业4120人。", quantity="4120人", modality="actual"),
}


@pytest.mark.parametrize("case", params(MODALITY_CASES))
def test_modality(case: Case) -> None:
    check(case)


@pytest.mark.parametrize("text, figure, agency", [
    ("今年一季度,衡阳警方共抓获电信诈骗犯罪嫌疑人58人。", "58人", "衡阳警方"),
    ("接到报警后,龙山公安立即启动快速反应机制,成功截留被骗资金90万元。", "90万元", "龙山公安"),
    ("株洲城管今年共拆除违法建筑1200平方米。", "1200平方米", "株洲城管"),
], ids=["jingfang", "gongan", "chengguan"])
def test_short_place_and_bare_body_is_an_agency(text, figure, agency):
    fact = fact_at(text, figure)
    assert fact.agency is not None and fact.agency.name == agency


def test_place_before_an_ordinary_word_is_no_agency():
    facts = extract("衡阳消防安全形势平稳,全年未发生较大火灾,检查单位320家。", doc="t.txt")
    assert all(f.agency is None or f.agency.name != "衡阳消防" for f in facts)


def test_a_breakdown_by_place_gives_each_part_its_place():
    text = ("郴州:承接产业转移成效明显\n"
            "今年以来,湘南三市共签约项目117个。其中,衡阳市36个,投资总额224.6亿元;"
            "郴州市45个,投资总额362.9亿元;永州市36个,投资总额177.2亿元。")
    got = [(f.quantity.text, f.locality.code if f.locality else None) for f in extract(text, doc="t.txt")]
    # The total of the three cities is the province's; each part is its city's.
    assert got == [("117个", "430000"), ("36个", "430400"), ("224.6亿元", "430400"), ("45个", "431000"),
                   ("362.9亿元", "431000"), ("36个", "431100"), ("177.2亿元", "431100")]


@pytest.mark.parametrize("text, figure, agency", [
    ("区行政审批服务局今年办理各类审批事项3.2万件。", "3.2万件", "区行政审批服务局"),
    ("市数据资源管理局累计归集政务数据12亿条。", "12亿条", "市数据资源管理局"),
    ("县公共资源交易中心今年完成交易项目326个。", "326个", "县公共资源交易中心"),
    ("市住房公积金管理中心全年发放贷款12亿元。", "12亿元", "市住房公积金管理中心"),
    ("县林业和草原局今年完成人工造林1.2万亩。", "1.2万亩", "县林业和草原局"),
    ("县疾控中心开展核酸检测3.6万人次。", "3.6万人次", "县疾控中心"),
    # A unit named bare in a list of institutions is counted, not acting.
    ("改革后,县医院、疾病预防控制中心等5个单位列为公益一类。", "5个", None),
], ids=["approval", "data", "public-resources", "housing-fund", "forestry-grassland", "cdc", "bare-unit-in-list"])
def test_bodies_of_the_recent_reforms(text, figure, agency):
    assert agency_name(fact_at(text, figure)) == agency


# A page of several places' news under one headline: each place that opens its
# sentence, clause or paragraph (a dateline) owns the figures told there.
ROUNDUP = ("江西省九江市修水县:产业项目建设提速\n"
           "今年以来,修水县新开工产业项目42个,完成投资38.6亿元。\n"
           "广东省韶关市乳源瑶族自治县:全县新建高标准农田2.1万亩。\n"
           "1-9月,福建省三明市尤溪县完成造林1.3万亩,森林覆盖率达78.5%。\n"
           "赣州市南康区家具产业集群实现产值1200亿元。\n"
           "修水县财政局拨付农业保险保费补贴1560万元。")


@pytest.mark.parametrize("figure, place", [
    ("42个", "修水县"),  # the article's own place
    ("2.1万亩", "乳源瑶族自治县"),  # a dateline: the paragraph's place
    ("1.3万亩", "尤溪县"),  # opens the clause after a time phrase
    ("78.5%", "尤溪县"),
    ("1200亿元", "南康区"),  # opens the sentence
    ("1560万元", "修水县"),
])
def test_a_place_heading_its_sentence_owns_its_figures(figure, place):
    assert place_name(fact_at(ROUNDUP, figure)) == place


def test_the_articles_lead_body_reports_no_other_places_figures():
    text = ("修水县统计局:全县经济运行稳中有进\n"
            "今年以来,修水县规模工业增加值增长8.2%。\n"
            "福建省三明市尤溪县完成造林1.3万亩。")
    assert agency_name(fact_at(text, "8.2%")) == "修水县统计局"
    assert agency_name(fact_at(text, "1.3万亩")) is None


def test_a_place_named_inside_the_sentence_is_no_subject():
    # 赴/在 make a place the scene; a place further in is no subject either.
    text = ("修水县:招商引资成效明显\n"
            "县招商团队赴广东省深圳市开展招商活动,签约项目12个。\n"
            "全县与浙江省义乌市客商签订合同金额8.5亿元。")
    assert place_name(fact_at(text, "12个")) == "修水县"
    assert place_name(fact_at(text, "8.5亿元")) == "修水县"


@pytest.mark.parametrize("words, expected", [
    ("拟新建", "planned"), ("计划投资", "planned"), ("预计带动", "planned"), ("力争突破", "planned"),
    ("争取资金", "planned"), ("规划建设", "planned"), ("将新增", "planned"), ("有望突破", "planned"),
    ("标准为", "target"), ("目标是", "target"), ("门槛为", "target"), ("不低于", "target"),
    ("控制在", "target"), ("不超过", "target"), ("指标为", "target"), ("要求达到", "target"),
    ("高标准农田", "actual"), ("完成年度目标任务的", "actual"), ("已建成", "actual"),
])
def test_every_word_of_plan_or_target_is_seen(words, expected):
    from bulletinx.attribute import modality_for
    assert modality_for("今年全县" + words) == expected


def test_bodies_found_in_part_of_a_text_keep_offsets_into_the_whole():
    from bulletinx.attribute import find_agencies
    text = "县财政局拨付资金30万元。县公安局破获案件5起,县人社局追回工资12万元。"
    start = text.index("县公安局")
    found = find_agencies(text, start, len(text))
    assert [a.name for a in found] == ["县公安局", "县人社局"]
    assert all(text[a.start:a.end] == a.name for a in found)


@pytest.mark.parametrize("text, names", [
    ("县委宣传部开展“送法下乡”活动36场。", ["县委宣传部"]),
    ("桃源县委政法委牵头化解矛盾纠纷128件。", ["桃源县委政法委"]),
    ("该县总工会走访慰问困难职工230户。", ["该县总工会"]),
    ("县城市管理和综合执法局拆除违法建筑46处。", ["县城市管理和综合执法局"]),
    ("县文化旅游广电体育局举办全民健身活动12场。", ["县文化旅游广电体育局"]),
    ("县科学技术局认定科技型中小企业42家。", ["县科学技术局"]),
    ("县气象局发布暴雨预警信号6次。", ["县气象局"]),
    ("县交通运输局路政大队查处超限车辆58台。", ["县交通运输局路政大队"]),
    ("县禁毒委员会办公室组织宣讲20场。", ["县禁毒委员会办公室"]),
    ("县供销合作社新建村级服务站18个。", ["县供销合作社"]),
    # A company's party committee is no government body; a visitor's title is no part of one.
    ("公司党委宣传部组织职工培训3期。", []),
    ("县委书记到县公安局调研,该局今年破获案件212起。", ["县公安局"]),
], ids=["party-publicity", "party-politics-law", "trade-union", "urban-law-enforcement", "culture-sports",
        "science", "weather", "road-administration-brigade", "drug-control-office", "supply-cooperative",
        "company-party-committee", "visitor-title"])
def test_more_bodies_of_a_county(text, names):
    from bulletinx.attribute import find_agencies
    assert [a.name for a in find_agencies(text)] == names


@pytest.mark.parametrize("sentence, ref, period, start, end", [
    ("前三季度,全县破获案件65起。", dt.date(2023, 12, 20), "前三季度", "2023-01-01", "2023-09-30"),
    ("上半年,全县破获案件65起。", dt.date(2023, 7, 10), "上半年", "2023-01-01", "2023-06-30"),
    ("下半年,全县破获案件65起。", dt.date(2024, 2, 3), "下半年", "2023-07-01", "2023-12-31"),  # a report of February
    ("第二季度,全县破获案件65起。", dt.date(2023, 7, 10), "第二季度", "2023-04-01", "2023-06-30"),
    ("2020年第三季度,全县签约项目12个。", None, "2020年第三季度", "2020-07-01", "2020-09-30"),
    ("10月份,全县破获案件65起。", dt.date(2023, 11, 2), "10月份", "2023-10-01", "2023-10-31"),
    ("自7月份以来,全县破获案件65起。", dt.date(2023, 11, 2), "7月份以来", "2023-07-01", "2023-11-02"),
    ("今年5月以来,全县破获案件65起。", dt.date(2023, 11, 2), "今年5月以来", "2023-05-01", "2023-11-02"),
    ("2021年11月至2022年2月期间,该诊所违规使用医保基金3860元。", None, "2021年11月至2022年2月期间", "2021-11-01", "2022-02-28"),
    ("2022年12月,全县破获案件65起。", None, "2022年12月", "2022-12-01", "2022-12-31"),
    # A year named bare may be the last one in a report of January: left open.
    ("全年,全县破获案件65起。", dt.date(2024, 1, 8), "全年", None, None),
], ids=["first-three-quarters", "first-half", "second-half-last-year", "second-quarter", "dated-quarter",
        "month", "since-month", "since-month-this-year", "month-range-across-years", "dated-month", "bare-whole-year"])
def test_periods_of_the_year_are_dated(sentence, ref, period, start, end):
    fact = extract(sentence, doc="t.txt", date=ref)[0]
    assert (fact.period.text, fact.period.start, fact.period.end) == (period, start, end)


@pytest.mark.parametrize("text, figure, subject", [
    ("今年,湖南恒泰新材料有限公司上缴税收2860万元。", "2860万元", "湖南恒泰新材料有限公司"),
    # The core of the name stands for it once the full name has been given.
    ("攸县引进株洲鑫达电子科技有限公司。今年,鑫达电子科技实现产值3.2亿元。", "3.2亿元", "株洲鑫达电子科技有限公司"),
    ("湖南云岭生物科技股份有限公司停产多年。此后,云岭公司所在的45亩地一直闲置。", "45亩", "湖南云岭生物科技股份有限公司"),
    # A company bought or dealt with is no subject: the one that acts is.
    ("园区企业湖南锦程化工有限公司收购株洲远大塑业有限公司,拟建年产8万吨改性塑料项目。", "8万吨", "湖南锦程化工有限公司"),
    # Only within the figure's own part of the sentence.
    ("县消防救援大队约谈湖南宏远置业有限公司;全县检查单位126家。", "126家", None),
    ("县公安局破获盗窃案件23起。", "23起", None),
], ids=["full-name", "core-of-the-name", "short-with-gongsi", "buyer-not-bought", "other-part-of-sentence", "no-company"])
def test_subject_is_the_company_a_figure_is_about(text, figure, subject):
    fact = fact_at(text, figure)
    assert fact.subject == subject
    assert fact.agency is None or fact.agency.name != subject


COUNTY_AT_CITY_EVENT = page(
    "永州市第四季度重大项目集中开工",
    "12月6日,永州市第四季度重大项目集中开工仪式举行,全市集中开工项目86个,总投资312亿元。",
    "我县共有6个项目参加集中开工,总投资28.5亿元。其中,道县工业园新材料产业园项目投资12亿元。",
)


@pytest.mark.parametrize("text, figure, place", [
    (COUNTY_AT_CITY_EVENT, "86个", "永州市"),
    # 我县 in a city's article: the one county the page names under the city.
    (COUNTY_AT_CITY_EVENT, "28.5亿元", "道县"),
    # With two counties named, 我县 cannot say which: the city stays.
    (COUNTY_AT_CITY_EVENT.replace("道县工业园新材料", "道县、江华县工业园新材料"), "28.5亿元", "永州市"),
    # 全市 in the article of a prefecture that is no 市 (a 州): the county-level city the page names.
    ("湘西州:禁毒工作成效明显\n吉首市公安局开展专项行动。今年以来,全市共破获毒品刑事案件45起。"
     "全州共破获毒品案件210起。", "45起", "吉首市"),
    ("湘西州:禁毒工作成效明显\n吉首市公安局开展专项行动。今年以来,全市共破获毒品刑事案件45起。"
     "全州共破获毒品案件210起。", "210起", "湘西土家族苗族自治州"),
], ids=["city-total", "our-county", "two-counties-named", "city-in-a-prefecture", "prefecture-total"])
def test_our_county_in_a_city_article(text, figure, place):
    fact = fact_at(text, figure)
    assert place_name(fact) == place


def test_a_sentence_naming_the_articles_own_place_keeps_it():
    text = page("湘潭:高标准农田建设提速",
                "11月8日,湘潭县花石镇高标准农田项目开工。湘潭市农业农村局介绍,今年湘潭将建设高标准农田6.2万亩,总投资9100余万元。")
    facts = {f.quantity.text: f for f in extract(text, doc="t.txt")}
    # The county's groundbreaking is the scene of an earlier sentence; the totals are the city's.
    assert facts["9100余万元"].locality.name == "湘潭市"
    assert facts["6.2万亩"].locality.name == "湘潭市"


@pytest.mark.parametrize("text, figure, place", [
    # A project to be built in a county is that county's.
    (page("郴州市招商引资再传捷报", "本次签约的新材料项目拟在嘉禾建设生产基地,总投资15亿元。"), "15亿元", "嘉禾县"),
    # A meeting held in a county is only where it took place.
    (page("郴州市招商引资再传捷报", "全市重点项目推进会在嘉禾召开,会上签约项目23个。"), "23个", "郴州市"),
], ids=["built-there", "met-there"])
def test_a_project_built_in_a_place_is_that_places(text, figure, place):
    fact = fact_at(text, figure)
    assert place_name(fact) == place


@pytest.mark.parametrize("text, figure, place", [
    # Several prefectures counted as one subject: the province holds them.
    (page("怀化:园区建设跑出加速度", "今年以来,怀化、邵阳、娄底三市联动推进园区建设,三市共引进项目412个,实现税收56亿元。"),
     "412个", "湖南省"),
    (page("怀化:园区建设跑出加速度", "今年以来,怀化、邵阳、娄底三市联动推进园区建设,三市共引进项目412个,实现税收56亿元。"),
     "56亿元", "湖南省"),
    # Two counties of a county's page: their prefecture.
    (page("麻阳县:跨县联防保平安", "近日,麻阳、凤凰两县开展联合巡查,两县共出动执法人员180人次。"), "180人次", "怀化市"),
    # Counties counted under the city the article is about stay in that city.
    (page("常德市:秋冬种生产有序推进", "常德市各地抢抓农时,桃源、汉寿等五县已完成油菜播种96万亩。"), "96万亩", "常德市"),
    # A place named after the group is the figure's own.
    (page("怀化:园区建设跑出加速度", "麻阳、芷江两县同步推进。两县之中,芷江县新引进项目38个。"), "38个", "芷江侗族自治县"),
    # A count of counties is a figure, not a subject; an ordinal is no group.
    (page("麻阳县:跨县联防保平安", "活动覆盖周边3个县,参与群众2000余人。"), "2000余人", "麻阳苗族自治县"),
    (page("麻阳县:跨县联防保平安", "第三县道改造完成后,沿线群众5600人受益。"), "5600人", "麻阳苗族自治县"),
    # 两区 names the farmland zones, not two districts.
    (page("麻阳县:粮食生产稳中有升", "今年以来,两区划定面积达12.6万亩。"), "12.6万亩", "麻阳苗族自治县"),
], ids=["three-cities", "three-cities-second-figure", "two-counties", "counties-under-city", "named-after-group",
        "count-of-counties", "ordinal", "farmland-zones"])
def test_a_group_of_places_is_held_by_their_common_division(text, figure, place):
    fact = fact_at(text, figure)
    assert place_name(fact) == place


@pytest.mark.parametrize("text, figure, agency", [
    # The body whose spokesperson speaks after the figures reports them.
    (page("临武县:禁毒宣传进村入户", "近日,临武县在各乡镇集市开展禁毒宣传。",
          "活动期间,共发放宣传资料1.2万份,受教育群众3000余人。县禁毒办负责人表示,将持续开展禁毒宣传。"),
     "1.2万份", "县禁毒办"),
    # ...but a body the headline or the opening names reports the article's figures.
    (page("临武县公安局:禁毒宣传进村入户", "近日,临武县在各乡镇集市开展禁毒宣传。",
          "活动期间,共发放宣传资料1.2万份,受教育群众3000余人。县禁毒办负责人表示,将持续开展禁毒宣传。"),
     "1.2万份", "临武县公安局"),
    (page("临武县:禁毒宣传进村入户", "全年培训种粮大户460人次。“明年还要扩大规模。”县农业农村局局长刘建军介绍。"),
     "460人次", "县农业农村局"),
    # A body named before the figure stays nearer.
    (page("临武县:禁毒宣传进村入户", "县公安局开展夜查行动,查获涉毒人员12人。县禁毒办负责人表示,将持续开展禁毒宣传。"),
     "12人", "县公安局"),
    # A body named later without speaking (a case handed to it) reports nothing.
    (page("临武县:禁毒宣传进村入户", "活动期间,共查处违规经营户9家,移交县市场监管局处理。"), "9家", None),
], ids=["spokesperson-after", "headline-body-first", "director-speaks", "body-before-wins", "named-without-speaking"])
def test_a_body_speaking_after_the_figures_reports_them(text, figure, agency):
    fact = fact_at(text, figure)
    assert agency_name(fact) == agency


@pytest.mark.parametrize("headline, body, figure, expected", [
    # The headline's figure in the body's words: one fact, at its whole sentence.
    ("宁乡两个重大项目集中签约投资总额达45亿元", "10月12日,宁乡市两个重大项目集中签约,投资总额达45亿元。", "45亿元", 1),
    ("桃江食品抽检合格率达98.6%", "1至9月,全县共抽检食品1200批次,合格率达98.6%。", "98.6%", 1),
    # Restated in other words, it is a fact each time.
    ("桃江新建农村公路36.9公里", "今年以来,全县新建农村公路36.972公里。", "公里", 2),
    ("桃江1200名困难群众领到救助金", "今年以来,全县共救助困难群众1200名。", "1200名", 2),
], ids=["same-words", "same-label-end", "other-figure", "other-words"])
def test_a_headline_figure_told_again_in_the_body_is_one_fact(headline, body, figure, expected):
    facts = [f for f in extract(page(headline, body), doc="t.txt") if figure in f.quantity.text]
    assert len(facts) == expected
    # The one kept is the body's, with its whole sentence.
    assert facts[-1].sentence.text.startswith(body[:6])


@pytest.mark.parametrize("text, figure, place", [
    # A page that names its city only by what it leaves out: the city holding it.
    ("今年以来,我市(不含宜兴)共争取保障性住房补助资金3200万元。", "3200万元", "无锡市"),
    ("截至10月底,全市(不包括溧阳)已开工改造老旧小区46个。", "46个", "常州市"),
    # A page naming its own place keeps it.
    ("无锡市住建局消息:今年以来,我市(不含宜兴)新开工改造老旧小区52个。", "52个", "无锡市"),
], ids=["left-out-county", "left-out-bubaokuo", "own-place-named"])
def test_a_city_named_by_what_it_leaves_out(text, figure, place):
    fact = fact_at(text, figure)
    assert place_name(fact) == place


def test_a_page_that_names_no_place_has_none():
    assert fact_at("今年以来,我市共争取保障性住房补助资金3200万元。", "3200万元").locality is None


@pytest.mark.parametrize("text, figure, agency", [
    # A department's letter speaks of itself as 我厅: the body its title names.
    (page("湖南省交通运输厅关于省人大代表第215号建议的答复",
          "今年以来,我厅积极推进农村公路提质改造,全省完成改造3200公里。"), "3200公里", "湖南省交通运输厅"),
    # ...or its signature, after the text.
    ("今年,我局共受理群众投诉举报1460件。\n南县市场监督管理局\n2023年5月8日", "1460件", "南县市场监督管理局"),
    # A body named only as the author of what is being carried out is no actor.
    ("近年来,全县贯彻落实省委、省政府工作部署,新建污水管网46公里。", "46公里", None),
], ids=["title-names-it", "signature-names-it", "leadership-deployment"])
def test_a_body_speaking_of_itself(text, figure, agency):
    fact = fact_at(text, figure)
    assert agency_name(fact) == agency


@pytest.mark.parametrize("text, figure, agency", [
    # The body leading the others is the actor.
    ("近日,由县应急管理局牵头,县住建局、县消防救援大队等部门联合开展检查,排查隐患63处。", "63处", "县应急管理局"),
    # Without a lead, the first body of the list acts; those listed after it work beside it.
    ("近日,县住建局、县消防救援大队等部门联合开展检查,排查隐患63处。", "63处", "县住建局"),
    # Who speaks for a body is not part of its name.
    ("副县长刘海代表县政府与企业签约,项目总投资12亿元。", "12亿元", "县政府"),
    ("我代表县人民政府向大会报告工作:五年来,全县地区生产总值年均增长6.8%。", "6.8%", "县人民政府"),
], ids=["leads", "first-of-list", "on-behalf-of", "report-on-behalf-of"])
def test_who_leads_and_who_speaks_for_a_body(text, figure, agency):
    fact = fact_at(text, figure)
    assert agency_name(fact) == agency


@pytest.mark.parametrize("text, figure, place", [
    # A clause whose subject is the whole province, in a city's article: the province.
    (page("株洲:禁毒工作成效明显", "今年以来,株洲市共破获毒品案件126起。全省共破获毒品案件1820起。"), "1820起", "湖南省"),
    (page("株洲:禁毒工作成效明显", "今年以来,株洲市共破获毒品案件126起,全省各级公安机关共破获1820起。"), "1820起", "湖南省"),
    # The city's own figure stays the city's; so does its share of the province.
    (page("株洲:禁毒工作成效明显", "今年以来,株洲市共破获毒品案件126起。全省共破获毒品案件1820起。"), "126起", "株洲市"),
    (page("株洲:禁毒工作成效明显", "株洲市破获毒品案件数占全省的7%。"), "7%", "株洲市"),
], ids=["province-subject", "province-bodies", "city-figure", "share-of-province"])
def test_a_province_wide_figure_in_a_city_article(text, figure, place):
    fact = fact_at(text, figure)
    assert place_name(fact) == place


@pytest.mark.parametrize("text, figure, agency", [
    ("据县统计局统计,全县社会消费品零售总额增长7.1%。", "7.1%", "县统计局"),
    ("市市场监管局稽查支队今年查办案件213件。", "213件", "市市场监管局稽查支队"),
    ("县法院今年共受理各类案件6100件。", "6100件", "县法院"),
    # A bare 法院 names no particular court.
    ("经法院判决,追回违法所得36万元。", "36万元", None),
], ids=["according-to", "task-squad", "county-court", "bare-court"])
def test_more_ways_bodies_are_named(text, figure, agency):
    fact = fact_at(text, figure)
    assert agency_name(fact) == agency


@pytest.mark.parametrize("credit, agency", [
    ("(县人社局供稿)", "县人社局"),
    ("(来源:县人社局)", "县人社局"),
    ("(通讯员 刘敏 记者 彭涛)", None),
], ids=["supplied-by", "source-in-credit", "reporters-only"])
def test_an_articles_credit_line_names_its_body(credit, agency):
    text = page("安乡:春风行动送岗位", "今年以来,全县共举办招聘会18场,提供就业岗位6200个。", credit)
    fact = fact_at(text, "18场")
    assert agency_name(fact) == agency


@pytest.mark.parametrize("text, figure, place", [
    # An article about a township that names no county is its county's.
    (page("花明楼镇:乡村振兴见实效", "今年以来,全镇新建产业基地12个。"), "12个", "宁乡市"),
    # A county named anywhere in the opening wins over the township.
    (page("花明楼镇:乡村振兴见实效", "今年以来,浏阳市新建产业基地12个。"), "12个", "浏阳市"),
], ids=["township-only", "county-named"])
def test_an_article_about_a_township(text, figure, place):
    fact = fact_at(text, figure)
    assert place_name(fact) == place


def test_periods_found_near_their_characters_are_all_the_periods():
    """The period scan runs only around 年, 月, 季 and 截; on any stretch of a
    text it finds what a scan of the whole stretch finds."""
    import random
    from bulletinx.attribute import _PERIOD, _period_matches
    text = ("2021年10月份—2022年3月份期间,全县共查处案件126起。截至目前,已整改问题58个;"
            "今年1至3月,新增就业1200人,一季度同比增长8.6%。到2025年12月底,力争建成基站300个。"
            "近五年来,全县累计投入资金3.2亿元;去年全年接待游客260万人次,上半年增长12%。") * 3
    rng = random.Random(5)
    spans = [(0, len(text))] + [tuple(sorted(rng.sample(range(len(text) + 1), 2))) for _ in range(300)]
    for start, end in spans:
        want = [(m.start(), m.end()) for m in _PERIOD.finditer(text, start, end)]
        assert [(m.start(), m.end()) for m in _period_matches(text, start, end)] == want
    assert len(list(_period_matches(text, 0, len(text)))) == 21  # seven a copy


@pytest.mark.parametrize("text, figure, label", [
    ("全年共侦破部督案件12起、省督案件8起。", "8起", "省督案件"),
    ("●全县有农村公路养护站36个。", "36个", "农村公路养护站"),
    ("处理违规机构215家(其中移交公安机关4家)。", "4家", "移交公安机关"),
    ("【要闻】今年全县投入资金3.6亿元。", "3.6亿元", "投入资金"),
    ("全县发放宣传单1.2万份、宣传画(册)900份。", "900份", "宣传画(册)"),
    ("已完成投资5.2亿元,占计划总投资(8亿元)的65%。", "8亿元", "占计划总投资"),
], ids=["list-separator", "bullet", "bracketed-aside", "tag", "brackets-inside-kept", "bracket-after"])
def test_a_label_carries_no_separator_bullet_or_tag(text, figure, label):
    assert fact_at(text, figure).label == label


@pytest.mark.parametrize("text, figure, label", [
    ("易地扶贫搬迁工程使1.8万贫困人口稳定脱贫。", "1.8万", "贫困人口"),
    ("文化惠民工程惠及3万余群众。", "3万余", "群众"),
], ids=["poor-population", "masses"])
def test_people_counted_by_their_noun_are_labelled_by_it(text, figure, label):
    fact = fact_at(text, figure)
    assert (fact.label, fact.measure) == (label, "人")


@pytest.mark.parametrize("body, agency", [
    # The page's source field names its publisher; the body the article names acting reported it.
    ("近日,岳阳市市场监管局联合岳阳楼区市场监管局开展集中销毁活动。", "岳阳市市场监管局"),
    # With no acting body in the article, the source field's body reports it.
    ("近日,岳阳市开展假冒伪劣商品集中销毁活动。", "湖南省市场监督管理局"),
], ids=["actor-in-article", "publisher-only"])
def test_a_source_field_yields_to_the_body_the_article_names(body, agency):
    text = "\n".join([
        "岳阳市集中销毁一批假冒伪劣商品",
        "2023-05-20 10:12 来源:湖南省市场监督管理局",
        "摘要:本次销毁活动共销毁物品38个品种,货值约126万元。",
        body,
    ])
    assert fact_at(text, "38个").agency.name == agency


def test_a_breakdown_by_place_counts_what_its_total_counts():
    text = page("衡阳:项目建设跑出加速度",
                "今年以来,全市新开工重大项目86个。其中,耒阳市21个,常宁市15个,投资总额96亿元。")
    facts = {f.quantity.text: f for f in extract(text, doc="t.txt")}
    assert (facts["21个"].metric, facts["21个"].rule) == ("projects_started", "breakdown.by_place")
    assert facts["15个"].metric == "projects_started"
    assert facts["96亿元"].metric == "investment"
    # A part that names more than a place is classified on its own words.
    other = extract(page("衡阳:项目建设跑出加速度",
                         "今年以来,全市新开工重大项目86个。其中,耒阳市有停车场21个。"), doc="t.txt")
    assert next(f for f in other if f.quantity.text == "21个").metric == "other"


def test_the_province_named_after_a_county_does_not_take_its_figure_back():
    text = page("湘潭:高标准农田建设提速",
                "今年全市投资增加1800万元,主要是湘乡市被列为全省整县推进试点,增加财政投资960万元。")
    assert fact_at(text, "960万元").locality.name == "湘乡市"


@pytest.mark.parametrize("text, figure, label", [
    ("今年全县达成意向投资金额约12亿元。", "约12亿元", "达成意向投资金额"),
    ("全年有效投资完成86.5亿元。", "86.5亿元", "有效投资完成"),
    ("全县在建项目126个。", "126个", "在建项目"),
    ("全年就业困难人员就业785人。", "785人", "就业困难人员就业"),
    ("罚没款合计52.6万元。", "52.6万元", "罚没款"),
], ids=["dacheng", "youxiao", "zaijian", "jiuye", "heji"])
def test_a_label_keeps_the_word_its_lead_in_begins(text, figure, label):
    assert fact_at(text, figure).label == label


@pytest.mark.parametrize("text, figure, metric, rule", [
    ("全县给予党纪政务处分161人,其中科级干部23人。", "23人", "persons_penalized", "breakdown.part"),
    ("全县实现旅游综合收入42亿元,其中乡村旅游18亿元。", "18亿元", "revenue", "breakdown.part"),
    # A part of another unit, or with no whole in its sentence, is not one.
    ("全县给予党纪政务处分161人,其中涉及资金38万元。", "38万元", "other", "quantity.unclassified"),
    ("全县给予党纪政务处分161人。其中科级干部23人。", "23人", "other", "quantity.unclassified"),
], ids=["persons", "money", "other-unit", "other-sentence"])
def test_a_part_singled_out_counts_what_its_whole_counts(text, figure, metric, rule):
    fact = fact_at(text, figure)
    assert (fact.metric, fact.rule) == (metric, rule)


def test_banners_and_leagues_are_places_of_their_own_kind():
    # Inner Mongolia's 旗 (a county) and 盟 (a prefecture): 旗人社局 is a body, 全旗 the banner.
    text = ("内蒙古自治区鄂尔多斯市准格尔旗:民生实事件件落地\n"
            "全旗新增城镇就业4320人。旗人社局为1260名农民工追回欠薪2380万元。")
    assert place_name(fact_at(text, "4320人")) == "准格尔旗"
    assert fact_at(text, "4320人").label == "新增城镇就业"
    assert agency_name(fact_at(text, "2380万元")) == "旗人社局"
