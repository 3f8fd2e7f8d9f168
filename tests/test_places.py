"""Place mentions, resolution to official codes, zones and townships.

Every sentence here is made up in the style of a county bulletin.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

import pytest

from bulletinx import places
from bulletinx.places import Division, Gazetteer, Zone, find_places, resolve, resolve_name, to_locality

HUNAN = "430000"


@dataclass(frozen=True)
class Case:
    text: str
    surfaces: tuple[str, ...]
    codes: tuple[str | None, ...] = ()
    hints: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()


def _ids(cases: dict[str, Case]) -> dict:
    return dict(argvalues=list(cases.values()), ids=list(cases))


def check(case: Case) -> None:
    mentions = find_places(case.text)
    assert tuple(m.surface for m in mentions) == case.surfaces
    for m in mentions:
        assert case.text[m.start : m.end] == m.surface
    if case.codes:
        got = tuple((d.code if d else None) for d in (resolve(m, case.hints) for m in mentions))
        assert got == case.codes
    if case.kinds:
        assert tuple(m.kind for m in mentions) == case.kinds


# ---------------------------------------------------------------- full names

FULL_NAMES = {
    "prefecture and one-character county": Case(
        text="益阳市南县纪委监委近日开展专项督查。",
        surfaces=("益阳市", "南县"),
        codes=("430900", "430921"),
        kinds=("full", "full"),
    ),
    "county at sentence start": Case(
        text="道县公安局破获一起跨省诈骗案,追回资金12万元。",
        surfaces=("道县",),
        codes=("431124",),
    ),
    "autonomous prefecture": Case(
        text="湘西土家族苗族自治州今年新建农村公路300公里。",
        surfaces=("湘西土家族苗族自治州",),
        codes=("433100",),
    ),
    "autonomous county": Case(
        text="芷江侗族自治县完成造林1.2万亩。",
        surfaces=("芷江侗族自治县",),
        codes=("431228",),
    ),
    "province prefecture county chain": Case(
        text="湖南省岳阳市云溪区召开安全生产调度会。",
        surfaces=("湖南省", "岳阳市", "云溪区"),
        codes=("430000", "430600", "430603"),
    ),
    "county-level city under a province": Case(
        text="济源市今年改造老旧小区42个。",
        surfaces=("济源市",),
        codes=("419001",),
    ),
}


@pytest.mark.parametrize("case", **_ids(FULL_NAMES))
def test_full_names(case: Case) -> None:
    check(case)


# ---------------------------------------------------------------- short forms

SHORT_FORMS = {
    "prefecture short form": Case(
        text="近日,永州召开根治欠薪工作推进会。",
        surfaces=("永州",),
        codes=("431100",),
        kinds=("short",),
    ),
    "X州 for an autonomous prefecture": Case(
        text="湘西州公安局通报上半年电诈案件情况。",
        surfaces=("湘西州",),
        codes=("433100",),
    ),
    "bare autonomous prefecture stem": Case(
        text="湘西各县市全面启动冬季造林。",
        surfaces=("湘西",),
        codes=("433100",),
    ),
    "X县 for an autonomous county": Case(
        text="芷江县人社局发放补贴58万元。",
        surfaces=("芷江县",),
        codes=("431228",),
    ),
    "autonomous county stem": Case(
        text="今年芷江新增就业2100人。",
        surfaces=("芷江",),
        codes=("431228",),
    ),
    "county stem": Case(
        text="桃源茶叶产值突破20亿元。",
        surfaces=("桃源",),
        codes=("430725",),
    ),
    "province stem": Case(
        text="湖南今年完成高标准农田建设380万亩。",
        surfaces=("湖南",),
        codes=("430000",),
    ),
    "autonomous region stem": Case(
        text="广西与内蒙古签订劳务协作协议。",
        surfaces=("广西", "内蒙古"),
        codes=("450000", "150000"),
    ),
    "new area stem": Case(
        text="浦东今年引进外资项目300个。",
        surfaces=("浦东",),
        codes=("310115",),
    ),
}


@pytest.mark.parametrize("case", **_ids(SHORT_FORMS))
def test_short_forms(case: Case) -> None:
    check(case)


# ---------------------------------------------------------------- prefecture vs county

PREFECTURE_OVER_COUNTY = {
    "湘潭 bare is the prefecture": Case(text="湘潭新建口袋公园40个。", surfaces=("湘潭",), codes=("430300",)),
    "湘潭县 is the county": Case(text="湘潭县新建口袋公园12个。", surfaces=("湘潭县",), codes=("430321",)),
    "邵阳 bare is the prefecture": Case(text="邵阳新增市场主体2万户。", surfaces=("邵阳",), codes=("430500",)),
    "邵阳县 is the county": Case(text="邵阳县新增市场主体5千户。", surfaces=("邵阳县",), codes=("430523",)),
    "长沙县 is the county": Case(text="长沙县新开工项目46个。", surfaces=("长沙县",), codes=("430121",)),
    "衡阳 with a county hint is still the prefecture": Case(
        text="衡阳今年新建5G基站3000个。", surfaces=("衡阳",), codes=("430400",), hints=("430421",)
    ),
    "吉林 bare is the province": Case(text="吉林粮食产量再创新高。", surfaces=("吉林",), codes=("220000",)),
    "河南 is the province, not the Qinghai county": Case(
        text="河南新增城镇就业110万人。", surfaces=("河南",), codes=("410000",)
    ),
}


@pytest.mark.parametrize("case", **_ids(PREFECTURE_OVER_COUNTY))
def test_prefecture_over_county(case: Case) -> None:
    check(case)


# ---------------------------------------------------------------- ambiguity across provinces

AMBIGUOUS = {
    "鼓楼区 without a hint": Case(text="鼓楼区新增停车位500个。", surfaces=("鼓楼区",), codes=(None,)),
    "鼓楼区 in Fujian": Case(
        text="鼓楼区新增停车位500个。", surfaces=("鼓楼区",), codes=("350102",), hints=("350000",)
    ),
    "鼓楼区 in Jiangsu is still two places": Case(
        text="鼓楼区新增停车位500个。", surfaces=("鼓楼区",), codes=(None,), hints=("320000",)
    ),
    "鼓楼区 in 徐州": Case(
        text="鼓楼区新增停车位500个。", surfaces=("鼓楼区",), codes=("320302",), hints=("320000", "320300")
    ),
    "朝阳区 without a hint": Case(text="朝阳区开展燃气安全检查。", surfaces=("朝阳区",), codes=(None,)),
    "朝阳区 in Beijing": Case(
        text="朝阳区开展燃气安全检查。", surfaces=("朝阳区",), codes=("110105",), hints=("110000",)
    ),
    "永定区 in Hunan": Case(
        text="永定区发放创业担保贷款1.2亿元。", surfaces=("永定区",), codes=("430802",), hints=(HUNAN,)
    ),
    "永定区 in Fujian": Case(
        text="永定区发放创业担保贷款1.2亿元。", surfaces=("永定区",), codes=("350803",), hints=("350000",)
    ),
    "永定区 without a hint": Case(text="永定区发放创业担保贷款1.2亿元。", surfaces=("永定区",), codes=(None,)),
    "新华区 by prefecture hint": Case(
        text="新华区整治隐患120处。", surfaces=("新华区",), codes=("130105",), hints=("130100",)
    ),
    "朝阳 bare is contested": Case(text="朝阳新开工项目20个。", surfaces=("朝阳",), codes=(None,)),
    "朝阳 bare stays open outside its provinces": Case(
        text="朝阳新开工项目20个。", surfaces=("朝阳",), codes=(None,), hints=(HUNAN,)
    ),
    "西安 bare is the prefecture": Case(text="西安新增就业岗位5万个。", surfaces=("西安",), codes=("610100",)),
    "资阳 in Hunan is 益阳's district": Case(
        text="资阳完成农村改厕1.5万户。", surfaces=("资阳",), codes=("430902",), hints=(HUNAN,)
    ),
    "资阳 without a hint": Case(text="资阳完成农村改厕1.5万户。", surfaces=("资阳",), codes=(None,)),
    "far county short form outside the hints": Case(
        text="长岭石化公司捐赠防疫物资。", surfaces=("长岭",), codes=(None,), hints=(HUNAN,)
    ),
    "far prefecture short form outside the hints is kept": Case(
        text="工作组赴北京学习交流。", surfaces=("北京",), codes=("110000",), hints=(HUNAN,)
    ),
}


@pytest.mark.parametrize("case", **_ids(AMBIGUOUS))
def test_ambiguity(case: Case) -> None:
    check(case)


# ---------------------------------------------------------------- zones

ZONES = {
    "green chemical zone short name": Case(
        text="岳阳绿色化工高新区今年签约项目12个。",
        surfaces=("岳阳绿色化工高新区",),
        codes=("430603",),
        kinds=("zone",),
    ),
    "green chemical zone full name": Case(
        text="湖南岳阳绿色化工高新技术产业开发区新建污水处理厂一座。",
        surfaces=("湖南岳阳绿色化工高新技术产业开发区",),
        codes=("430603",),
    ),
    "management district of a prefecture": Case(
        text="屈原管理区完成水稻种植8万亩。", surfaces=("屈原管理区",), codes=("430600",)
    ),
    "大通湖区": Case(text="大通湖区治理水面2万亩。", surfaces=("大通湖区",), codes=("430900",)),
    "西湖管理区": Case(text="西湖管理区新建渠道12公里。", surfaces=("西湖管理区",), codes=("430700",)),
    "西洞庭管理区": Case(text="西洞庭管理区新建渠道8公里。", surfaces=("西洞庭管理区",), codes=("430700",)),
    "长沙经开区": Case(text="长沙经开区实现规模工业总产值2000亿元。", surfaces=("长沙经开区",), codes=("430121",)),
    "株洲高新区": Case(text="株洲高新区新增高新技术企业80家。", surfaces=("株洲高新区",), codes=("430211",)),
    "苏州工业园区": Case(text="苏州工业园区实际使用外资20亿美元。", surfaces=("苏州工业园区",), codes=("320500",)),
    "郑州航空港区": Case(text="郑州航空港区货邮吞吐量增长10%。", surfaces=("郑州航空港区",), codes=("410100",)),
    "天津滨海 is official": Case(text="滨海新区新设企业1万家。", surfaces=("滨海新区",), codes=("120116",)),
}


@pytest.mark.parametrize("case", **_ids(ZONES))
def test_zones(case: Case) -> None:
    check(case)


# ---------------------------------------------------------------- townships

TOWNS = {
    "township after its county": Case(
        text="桃江县大栗港镇新修机耕道6公里。",
        surfaces=("桃江县", "大栗港镇"),
        codes=("430922", "430922104"),
        kinds=("full", "town"),
    ),
    "unique township alone": Case(text="千山红镇完成退捕转产120户。", surfaces=("千山红镇",), codes=("430981111",)),
    "common township name without a hint": Case(
        text="桥头镇组织禁毒宣传10场次。", surfaces=("桥头镇",), codes=(None,)
    ),
    "common township name with a county hint": Case(
        text="桥头镇组织禁毒宣传10场次。", surfaces=("桥头镇",), codes=("431124112",), hints=("431124",)
    ),
    "township short form is no place": Case(text="大栗港新建码头一座。", surfaces=()),
}


@pytest.mark.parametrize("case", **_ids(TOWNS))
def test_towns(case: Case) -> None:
    check(case)


# ---------------------------------------------------------------- false positives

NOT_PLACES = {
    "street named after a city": Case(text="家住长沙路12号的居民反映停车难。", surfaces=()),
    "street with a direction": Case(text="岳阳北路改造工程完工。", surfaces=()),
    "news agency": Case(text="新华社记者从会上获悉。", surfaces=()),
    "common word 东方": Case(text="东方红小学开展消防演练。", surfaces=()),
    "common word 平安 blocks 安乡": Case(text="推进平安乡村建设。", surfaces=()),
    "common word 城中村": Case(text="完成城中村改造3个。", surfaces=()),
    "common word 江南": Case(text="打造江南水乡风貌。", surfaces=()),
    "common word 会同": Case(text="市场监管局会同有关部门开展检查。", surfaces=()),
    "common word 公安": Case(text="公安机关破获案件65起。", surfaces=()),
    "common word 振兴": Case(text="全面推进乡村振兴。", surfaces=()),
    "common word 凤凰": Case(text="凤凰花开满校园。", surfaces=()),
    "phrase 热火朝天": Case(text="车间里热火朝天赶订单。", surfaces=()),
    "university named after a province": Case(text="四川大学专家来县调研。", surfaces=()),
    "community named after a city": Case(text="吉安社区完成加装电梯3台。", surfaces=()),
    "village named after a county": Case(text="平江村新修便民桥一座。", surfaces=()),
    "person with an official title": Case(text="县委书记宁远主持召开常委会。", surfaces=()),
    "byline name": Case(text="(通讯员 刘宁远)", surfaces=()),
    "示范县 is not 范县": Case(text="创建全国示范县。", surfaces=()),
    "提高县域 is not 高县": Case(text="提高县域经济发展水平。", surfaces=()),
    "沿海城市 is not 海城市": Case(text="沿海城市加快发展。", surfaces=()),
    "老城区 is a phrase": Case(text="推进老城区改造。", surfaces=()),
    "发展乡村 is not a township": Case(text="大力发展乡村旅游。", surfaces=()),
    "和安全 is not 和安": Case(text="查看仓库和安全通道。", surfaces=()),
    "强化州 is not 化州": Case(text="着力强化州直部门督导。", surfaces=()),
    "river, not the city": Case(text="连日降雨,沅江水位超警戒0.8米。", surfaces=()),
    "大湘西 is a region": Case(text="大湘西文化旅游融合发展。", surfaces=()),
    "区域 after a district name": Case(
        text="河北区域协同发展。", surfaces=("河北",), codes=("130000",)
    ),
    "湖南县域 is the province": Case(text="壮大湖南县域经济。", surfaces=("湖南",), codes=("430000",)),
    "南岳衡山 is the mountain": Case(text="南岳衡山游客量增长。", surfaces=("南岳",), codes=("430412",)),
    "traditional characters are not converted here": Case(text="衡陽市公安局", surfaces=()),
    "old-town area of a county": Case(
        text="凤凰古城区游客如织。", surfaces=()),
    "dateline after a news agency": Case(
        text="新华社长沙12月1日电 记者从省财政厅获悉。", surfaces=("长沙",), codes=("430100",)
    ),
}


@pytest.mark.parametrize("case", **_ids(NOT_PLACES))
def test_not_places(case: Case) -> None:
    check(case)


# ---------------------------------------------------------------- common words right after their parent

AFTER_PARENT = {
    "湖南凤凰": Case(text="湖南凤凰古城接待游客500万人次。", surfaces=("湖南", "凤凰"), codes=("430000", "433123")),
    "怀化会同": Case(text="怀化会同新建标准厂房3万平方米。", surfaces=("怀化", "会同"), codes=("431200", "431225")),
    "凤凰县 with its suffix": Case(text="凤凰县接待游客500万人次。", surfaces=("凤凰县",), codes=("433123",)),
    "湖南南县": Case(text="湖南南县稻虾产业产值50亿元。", surfaces=("湖南", "南县"), codes=("430000", "430921")),
    "阳泉城区": Case(text="阳泉市城区改造燃气管网10公里。", surfaces=("阳泉市", "城区"), codes=("140300", "140302")),
    "district name in a list": Case(
        text="淇滨区、山城区各完成改造项目2个。", surfaces=("淇滨区", "山城区"), codes=("410611", "410603")
    ),
}


@pytest.mark.parametrize("case", **_ids(AFTER_PARENT))
def test_common_words_after_parent(case: Case) -> None:
    check(case)


# ---------------------------------------------------------------- resolve_name

@pytest.mark.parametrize(
    ("name", "code"),
    [
        pytest.param("湖南", "430000", id="province stem"),
        pytest.param("湖南省", "430000", id="province full"),
        pytest.param("益阳", "430900", id="prefecture stem"),
        pytest.param("430000", "430000", id="code"),
        pytest.param(" 益阳市 ", "430900", id="padded"),
        pytest.param("湖南益阳", "430900", id="compound"),
        pytest.param("益阳市赫山区", "430903", id="compound full"),
        pytest.param("凤凰", "433123", id="common-word stem standing alone"),
        pytest.param("鼓楼", None, id="ambiguous"),
        pytest.param("火星", None, id="no place"),
        pytest.param("999999", None, id="unknown code"),
    ],
)
def test_resolve_name(name: str, code: str | None) -> None:
    div = resolve_name(name)
    assert (div.code if div else None) == code


def test_resolve_name_uses_hints() -> None:
    assert resolve_name("永定区", hints=["湖南"]).code == "430802"
    assert resolve_name("永定区", hints=["350000"]).code == "350803"


# ---------------------------------------------------------------- to_locality

@pytest.mark.parametrize(
    ("code", "expected"),
    [
        pytest.param(
            "430603",
            {"code": "430603", "name": "云溪区", "level": "county",
             "path": ["湖南省", "岳阳市", "云溪区"], "town": None},
            id="county",
        ),
        pytest.param(
            "430900",
            {"code": "430900", "name": "益阳市", "level": "prefecture",
             "path": ["湖南省", "益阳市"], "town": None},
            id="prefecture",
        ),
        pytest.param(
            "430000",
            {"code": "430000", "name": "湖南省", "level": "province", "path": ["湖南省"], "town": None},
            id="province",
        ),
        pytest.param(
            "430922104",
            {"code": "430922", "name": "桃江县", "level": "county",
             "path": ["湖南省", "益阳市", "桃江县"], "town": {"code": "430922104", "name": "大栗港镇"}},
            id="township reports its county",
        ),
        pytest.param(
            "110105",
            {"code": "110105", "name": "朝阳区", "level": "county",
             "path": ["北京市", "朝阳区"], "town": None},
            id="district of a municipality",
        ),
        pytest.param(
            "441900003",
            {"code": "441900", "name": "东莞市", "level": "prefecture",
             "path": ["广东省", "东莞市"], "town": {"code": "441900003", "name": "东城街道"}},
            id="township of a prefecture without counties",
        ),
    ],
)
def test_to_locality(code: str, expected: dict) -> None:
    assert to_locality(places.gazetteer().get(code)) == expected


def test_to_locality_with_explicit_town() -> None:
    g = places.gazetteer()
    loc = to_locality(g.get("430922"), town=g.get("430922104"))
    assert loc["code"] == "430922"
    assert loc["town"] == {"code": "430922104", "name": "大栗港镇"}


# ---------------------------------------------------------------- gazetteer

def test_gazetteer_lookups() -> None:
    g = places.gazetteer()
    assert g is places.gazetteer()
    town = g.get("430922104")
    assert town == Division("430922104", "大栗港镇", 4, "430922")
    assert [d.name for d in g.path(town)] == ["湖南省", "益阳市", "桃江县", "大栗港镇"]
    assert g.county_code_of(town) == "430922"
    assert g.county_code_of(g.get("441900003")) == "441900"
    assert g.county_code_of(g.get("430603")) == "430603"
    assert g.prefecture_of(town).code == "430900"
    assert g.province_of(town).code == "430000"
    assert g.get("nope") is None
    assert {d.code for d in g.by_name("鼓楼区")} >= {"320106", "320302", "350102", "410204"}


@pytest.mark.parametrize(
    ("name", "forms"),
    [
        pytest.param("永州市", ("永州",), id="prefecture city"),
        pytest.param("湘西土家族苗族自治州", ("湘西", "湘西州"), id="autonomous prefecture"),
        pytest.param("大理白族自治州", ("大理", "大理州"), id="single-character group"),
        pytest.param("伊犁哈萨克自治州", ("伊犁", "伊犁州"), id="group without 族"),
        pytest.param("芷江侗族自治县", ("芷江", "芷江县"), id="autonomous county"),
        pytest.param("积石山保安族东乡族撒拉族自治县", ("积石山", "积石山县"), id="three groups"),
        pytest.param("内蒙古自治区", ("内蒙古",), id="region keeps 蒙古"),
        pytest.param("香港特别行政区", ("香港",), id="special region"),
        pytest.param("神农架林区", ("神农架",), id="forest district"),
        pytest.param("清新区", ("清新",), id="新区 would leave one character"),
        pytest.param("南县", (), id="never one character"),
        pytest.param("东乡族自治县", (), id="only a group name"),
    ],
)
def test_short_form_rules(name: str, forms: tuple[str, ...]) -> None:
    assert places.short_forms(name) == forms


# ---------------------------------------------------------------- zones data

def test_zone_rows_are_sound() -> None:
    g = places.gazetteer()
    zones = g.zones
    assert 30 <= len(zones) <= 60
    seen: set[str] = set()
    for zone in zones:
        div = g.get(zone.county)
        assert div is not None and div.level <= 3, zone.name
        assert zone.source.strip(), zone.name
        for key in (zone.name, *zone.aliases):
            assert key not in seen, f"{key} names two zones"
            seen.add(key)
            assert len(key) >= 3, key
        assert any(z.name == "岳阳绿色化工高新技术产业开发区" and z.county == "430603" for z in zones)


def test_zone_with_unknown_code_is_rejected() -> None:
    rows = [[1, "430000", "", "湖南省"]]
    with pytest.raises(ValueError, match="999999"):
        Gazetteer(rows, [Zone("某某开发区", (), "999999", "test")])


# ---------------------------------------------------------------- speed

def test_find_places_is_fast() -> None:
    places.gazetteer()
    paragraph = "湖南省岳阳市云溪区岳阳绿色化工高新区今年签约项目12个,长沙县、湘潭县、南县均有企业入驻。"
    text = (paragraph * (8000 // len(paragraph) + 1))[:8000]
    best = min(_timed(find_places, text) for _ in range(5))
    assert best < 0.025  # typically ~1 ms; this guards against a slow path


def _timed(fn, arg) -> float:
    start = time.perf_counter()
    fn(arg)
    return time.perf_counter() - start


def test_offsets_count_characters_beyond_the_basic_plane() -> None:
    # Emoji and rare ideographs before a name (web pages carry both) take one
    # offset each, as Python counts them.
    text = "👍👍𠀀新闻:岳阳市云溪区新建公园3个"
    mentions = find_places(text)
    assert [m.surface for m in mentions] == ["岳阳市", "云溪区"]
    for m in mentions:
        assert text[m.start:m.end] == m.surface


def test_the_gazetteer_is_kept_out_of_the_collectors_sight():
    """Its ~120k long-lived objects are frozen once built: a full collection
    would otherwise walk them all again, several times a minute."""
    import gc

    assert places.gazetteer().get("430725") is not None  # built
    assert gc.get_freeze_count() > 100_000
