"""Who, when and how sure: agency, period and modality of a quantity.

Locality lives in `locate.py`; this module reads only the words around a
quantity. All functions take normalized text.
"""
from __future__ import annotations

import calendar
import datetime as dt
import functools
from bisect import bisect_left
from dataclasses import dataclass
from typing import Callable, Iterable, Optional

import ahocorasick_rs
import regex

from .rx import plain

# Government bodies are named as [place] + [domain] + [body]; the domain words
# keep company departments and research centres out.
_DOMAINS: dict[str, str] = {
    "公安": "public_security", "警": "public_security", "禁毒": "public_security", "派出所": "public_security",
    "刑侦": "public_security", "治安": "public_security", "交警": "traffic_police", "交通警察": "traffic_police",
    "人社": "human_resources", "人力资源和社会保障": "human_resources", "人力资源社会保障": "human_resources",
    "劳动保障监察": "human_resources", "劳动监察": "human_resources", "劳动保障": "human_resources", "就业": "human_resources",
    "交通运输": "transport", "交通": "transport", "运管": "transport", "公路": "transport",
    "城管": "urban_management", "城市管理": "urban_management", "城管执法": "urban_management",
    "纪委监委": "discipline_inspection", "纪委": "discipline_inspection", "监委": "discipline_inspection", "纪检监察": "discipline_inspection",
    "市场监管": "market_regulation", "市场监督管理": "market_regulation", "市监": "market_regulation", "工商": "market_regulation",
    "质监": "market_regulation", "食药监": "market_regulation", "药监": "market_regulation",
    "住建": "housing_construction", "住房和城乡建设": "housing_construction", "住房城乡建设": "housing_construction", "建设": "housing_construction",
    "税务": "tax", "国税": "tax", "地税": "tax",
    "医保": "medical_insurance", "医疗保障": "medical_insurance",
    "生态环境": "environment", "环保": "environment", "环境保护": "environment", "环境": "environment",
    "应急管理": "emergency_management", "应急": "emergency_management", "安监": "emergency_management",
    "安全生产监督管理": "emergency_management", "安全生产": "emergency_management", "防汛抗旱指挥": "emergency_management",
    "防指": "emergency_management", "消防": "fire_rescue", "消防救援": "fire_rescue",
    "农业农村": "agriculture", "农业": "agriculture", "农办": "agriculture", "林业": "forestry", "畜牧": "agriculture",
    "水利": "water", "水务": "water", "水文": "water", "自然资源": "natural_resources", "国土": "natural_resources",
    "财政": "finance", "发改": "development_reform", "发展和改革": "development_reform", "统计": "statistics",
    "民政": "civil_affairs", "司法": "justice", "教育": "education", "卫健": "health", "卫生健康": "health", "卫生": "health",
    "文旅": "culture_tourism", "文化和旅游": "culture_tourism", "文化旅游": "culture_tourism", "广电": "culture_tourism",
    "商务": "commerce", "工信": "industry", "工业和信息化": "industry", "科技": "science",
    "检察": "procuratorate", "人民检察": "procuratorate", "法院": "court", "人民法院": "court",
    "政务服务": "government", "人民政府": "government", "政府": "government", "网信": "government", "信访": "government",
    "退役军人事务": "civil_affairs", "乡村振兴": "agriculture", "扶贫": "agriculture", "审计": "audit",
    "发展改革": "development_reform", "农业开发": "finance", "农业综合开发": "finance",
    "审判": "court", "国资": "finance", "国有资产监督管理": "finance", "经信": "industry", "粮食": "agriculture",
    "管委会": "government", "管理委员会": "government", "街道办事处": "government", "街道办": "government",
    "办事处": "government", "就业服务": "human_resources", "社会保险": "human_resources", "社保": "human_resources",
    "烟草专卖": "market_regulation", "邮政管理": "transport", "海关": "customs", "银保监": "finance",
    "城市管理和综合执法": "urban_management", "综合行政执法": "urban_management", "综合执法": "urban_management",
    "文化旅游广电体育": "culture_tourism", "文化广电和旅游": "culture_tourism", "文化广电旅游": "culture_tourism",
    "文旅广体": "culture_tourism", "科学技术": "science",
    "路政": "transport", "公路养护": "transport", "公路建设养护": "transport", "供销": "agriculture",
    "气象": "other", "数据": "other",
    # Bodies of the reforms since 2018, common in bulletins of every province.
    "行政审批服务": "government", "行政审批": "government", "数据资源管理": "government", "数据资源": "government",
    "大数据": "government", "公共资源交易": "government", "机关事务管理": "government",
    "住房公积金": "housing_construction", "住房公积金管理": "housing_construction", "住房保障": "housing_construction", "不动产登记": "natural_resources",
    "林业和草原": "forestry", "粮食和物资储备": "agriculture", "地方金融监督管理": "finance", "金融工作": "finance",
    "疾病预防控制": "health", "疾控": "health", "知识产权": "market_regulation",
    "地震": "emergency_management", "人民防空": "other", "人防": "other",
}
# Party committees' departments (县委政法委, 市委宣传部) and the mass organisations:
# bodies by their name alone, but only with a place before it.
_PARTY_AND_MASS = {"政法委": "party", "宣传部": "party", "组织部": "party", "统战部": "party",
                   "总工会": "other", "妇联": "other", "残联": "other", "红十字会": "other", "科协": "other", "工商联": "other"}
_DOMAINS.update(_PARTY_AND_MASS)
_BODIES = (
    "警方 纪委监委 委员会办公室 委员会 管委会 管理委员会 街道办事处 办事处 办公室 分局 局 厅 委 办 检察院 法院 院 支队 大队 中队 队 "
    "派出所 所 中心 部门 机关 站 政府 指挥部 合作社"
).split()

_GENERIC_PLACE = r"(?:该|全|本|我|各级|市|县|区|州|省|镇|乡|旗|盟)?"
_NAMED_PLACE = r"(?:\p{Han}{1,8}?(?:省|自治区|市|自治州|州|地区|盟|县|自治县|区|旗|(?<!城)镇|(?<!城)乡|街道))"

_DAY_AFTER = plain(r"\d{1,2}日")
_BOOK_TITLE = plain(r"《[^》]*》")
_CLAUSE_SPLIT = plain(r"[,，;；:：]")


def _alt(words) -> str:
    return "|".join(regex.escape(w) for w in sorted(words, key=len, reverse=True))


# The body itself (domains and their office), found first; the place before it
# is read backwards from there, which keeps the scan cheap.
_AGENCY_CORE = plain(
    rf"(?P<domain>{_alt(_DOMAINS)})(?:[、和及与](?:{_alt(_DOMAINS)}))*(?:等)?"
    rf"(?P<body>{_alt(_BODIES)})?"
    # A unit inside a body: 公安局禁毒大队, 财政局农业开发办公室, 公安交警部门.
    rf"(?:(?:{_alt(_DOMAINS)})(?:{_alt(_BODIES)}))*"
    # ...and a squad named by its task: 应急管理局执法大队, 市场监管局稽查局.
    r"(?:(?:综合执法|执法|稽查|监察|督查|巡逻|经侦|网安|法制)(?:支队|大队|中队|稽查局|分局|科|股|室|处))?"
)
_DOMAIN_WORDS = ahocorasick_rs.AhoCorasick(list(_DOMAINS))
_NOT_HAN_BACKWARD = regex.compile(r"(?r)[^\p{Han}]")


def _core_matches(text: str, start: int, end: int):
    """What `_AGENCY_CORE.finditer` gives, found faster: a body's name begins
    with a domain word, so the pattern is tried only where one begins."""
    begins = sorted({start + b for _, b, _ in _DOMAIN_WORDS.find_matches_as_indexes(text[start:end], overlapping=True)})
    last = start
    for b in begins:
        if b < last:
            continue
        m = _AGENCY_CORE.match(text, b, end)
        if m is not None:
            yield m
            last = m.end() if m.end() > b else b + 1


# ...a party committee's department is named after the committee: 县委宣传部, 桃源县委政法委.
_PLACE_BEFORE = plain(rf"(?:{_NAMED_PLACE}{{1,3}}委?|(?:省|市|县|区|州|旗|盟)委|{_GENERIC_PLACE})$")
# A body named as what a case is handed to, or as the leadership a report thanks,
# is not the one that did the work.
_OBJECT_BEFORE = plain(r"(?:移送|移交|交由|提请|报送|报请|提交|转交|送交|抄送|送到|送至|向|在|贯彻|落实|按照|根据|遵照|依照|响应)$")
_STREET_NAME = regex.compile(r"\p{Han}+")
# A body named after 联合/会同 works beside the actor: the actor comes first.
_PARTNER_BEFORE = plain(r"(?:联合|会同|协同|配合|携手|并|和|与|及|、)$")
# ...and a body named as the author of a decision (省委省政府关于…的部署) is no actor either.
_LEADERSHIP_AFTER = plain(r"的(?:坚强|正确|统一)?(?:领导|部署|要求|号召|决策)|(?:坚强|正确|统一)领导|(?:工作|决策)部署|关于")
# Bodies named by their domain alone: 南县纪委监委, 县人民政府, 公安交警.
_NO_BODY_NEEDED = {*_PARTY_AND_MASS, "纪委监委", "纪委", "监委", "纪检监察", "人民政府", "政府", "交警", "派出所", "海关", "消防救援", "人民法院", "法院", "人民检察",
                   "公安", "交通警察", "管委会", "管理委员会", "街道办事处", "街道办", "办事处"}
# Words that name a body only with a place before them: 政府投资项目 is no agency, 县政府 is.
_NEEDS_PLACE = {*_PARTY_AND_MASS, "纪委", "监委", "政府", "人民政府", "海关", "法院", "公安", "交警", "管委会", "管理委员会", "办事处", "街道办", "街道办事处"}
# Units a list of institutions names bare (县医院、疾病预防控制中心、…): bodies
# only with a place before them, whatever follows.
_UNIT_NEEDS_PLACE = {"疾病预防控制", "疾控", "大数据", "公共资源交易", "住房公积金", "住房公积金管理", "住房保障", "不动产登记", "人防", "人民防空"}
# Words that end a run of text before a body's name: what precedes them is no part of it.
_PREFIX_BREAK = plain(r"(?:书记|代表|省长|市长|县长|区长|州长|局长|主任|深入|走进|赴|到|贯彻|落实|按照|根据|坚决|往年|近日|日前|近期|当天|同年|本年|明年|今年来|今年以来|近年来|以来|今年|去年|目前|联合|会同|组织|通过|开展|督促|移交|配合|协调|要求|推动|依托|送到|送至|来到|前往|[的了在对将已由向均被把从和与及同并等据,、])")
_BAD_BODY_CONTEXT = plain(r"(?:大厅|窗口|平台|系统|网站|公众号|热线|科技|有限|公司|集团|股份|实业|商贸|医院|学校|学院)")


_ORDINARY_WORDS = {"建设", "环境", "交通", "卫生", "就业", "安全生产"}


@dataclass(frozen=True, slots=True)
class AgencyMention:
    start: int
    end: int
    name: str
    kind: str
    partner: bool = False  # named after 联合/会同: beside the actor, not the actor
    speaker: bool = False  # named as the one who tells (县禁毒办负责人表示…): it reports the paragraph's figures
    named_at: Optional[tuple[int, int]] = None  # for 我厅, 我局: where the page names that body in full
    leads: bool = False  # named as leading the work (由县纪委监委牵头): the actor among the bodies it leads


# A body leading the work of others.
_LEADS_AFTER = plain(r"(?:统一)?(?:牵头|领衔|挂帅)")
# A body whose spokesperson tells what the paragraph reports.
_SPEAKER_AFTER = plain(
    r"(?:(?:相关|有关|主要)?(?:负责人|负责同志|工作人员|新闻发言人|发言人|党组书记|党委书记|主要领导|"
    r"副?局长|副?主任|副?大队长|副?支队长|副?队长|副?所长|副?站长|副?书记)(?:\p{Han}{2,3}?)?)?"
    r"(?:表示|介绍|说|称|指出|透露|告诉记者|坦言|通报)"
)


_SELF = regex.compile(r"我(?P<body>厅|局|委|办|院|中心|支队|大队)(?![长里内外])")


def self_references(text: str, agencies: list[AgencyMention]) -> list[AgencyMention]:
    """A body speaking of itself (我厅, 我局: a department's letter or report) is the
    body the page names in full with that ending: in its title or signature,
    even where the title reads 湖南省住房和城乡建设厅关于…. `agencies` and the
    result are in text order.

    >>> [(a.name, a.named_at) for a in self_references("南县人社局关于做好就业工作的报告。今年我局新增就业820人。", [])]
    [('南县人社局', (0, 5))]
    """
    found = list(_SELF.finditer(text))
    if not found:
        return agencies
    named = find_agencies(text, authors=True)
    out = list(agencies)
    for m in found:
        body = m.group("body")
        full = next((a for a in named if a.name.endswith(body) and not a.name.startswith(("该", "全", "本", "我"))
                     and len(a.name) > len(body) + 1), None)
        if full is not None:
            out.append(AgencyMention(m.start(), m.end(), full.name, full.kind, named_at=(full.start, full.end)))
    out.sort(key=lambda a: a.start)
    return out


def find_agencies(text: str, start: int = 0, end: Optional[int] = None, authors: bool = False) -> list[AgencyMention]:
    """Government bodies named in text[start:end]. With `authors`, bodies named as
    the author of a document or decision (…厅关于…, 省政府工作部署) are kept.

    >>> [a.name for a in find_agencies("株洲市石峰区交通运输局联合交警开展整治,南县纪委监委督促整改")]
    ['株洲市石峰区交通运输局', '南县纪委监委']
    >>> [(a.name, a.kind) for a in find_agencies("今年来该市公安机关以拒不支付劳动报酬罪立案6起")]
    [('该市公安机关', 'public_security')]
    """
    end = len(text) if end is None else end
    out = []
    for m in _core_matches(text, start, end):
        domain, body = m.group("domain", "body")
        if not body and domain not in _NO_BODY_NEEDED:
            continue
        # "建设" and "环境" alone are ordinary words: only with a proper body.
        if domain in _ORDINARY_WORDS and body in ("中心", "站", "所", "院", "办", None):
            continue
        if _BAD_BODY_CONTEXT.match(text, m.end()) or (not authors and _LEADERSHIP_AFTER.match(text, m.end())):
            continue
        # A place name is all Han characters: it starts after the last other character.
        lo = max(start, m.start() - 16)
        other = _NOT_HAN_BACKWARD.search(text, lo, m.start())
        place = _PLACE_BEFORE.search(text, other.end() if other else lo, m.start())
        name_start = place.start() if place is not None else m.start()
        if domain in _UNIT_NEEDS_PLACE and name_start == m.start():
            continue
        if domain in _NEEDS_PLACE and name_start == m.start() and not body:
            if not domain.startswith("街道"):
                continue
            # 东风路街道办事处: the subdistrict's own name has no suffix; a place may stand before it.
            name_start = -1
            for k in (2, 3, 4):
                lo = m.start() - k
                if lo < start or not _STREET_NAME.fullmatch(text, lo, m.start()):
                    break
                before = _PLACE_BEFORE.search(text, max(start, lo - 16), lo)
                if before is not None and before.start() < lo:
                    name_start = before.start()
                    break
            if name_start < 0:
                if m.start() - 3 < start or not _STREET_NAME.fullmatch(text, m.start() - 3, m.start()):
                    continue
                name_start = m.start() - 3
        cut = 0
        for b in _PREFIX_BREAK.finditer(text, name_start, m.start()):
            cut = b.end() - name_start
        name_start += cut
        if _OBJECT_BEFORE.search(text, max(0, name_start - 2), name_start):
            continue
        partner = bool(_PARTNER_BEFORE.search(text, max(0, name_start - 2), name_start))
        out.append(AgencyMention(name_start, m.end(), text[name_start:m.end()], _DOMAINS[domain], partner,
                                 _SPEAKER_AFTER.match(text, m.end()) is not None,
                                 leads=_LEADS_AFTER.match(text, m.end()) is not None))
    return out


_BODY_AFTER_PLACE = plain(r"警方|公安(?:机关)?|交警|消防|城管|税务|海关|法院|检察院|纪委监委")
# 衡阳消防安全形势, 长沙税务知识: the word names a field of work there, not a body.
_TOPIC_AFTER = plain(r"安全|设施|通道|器材|工作|知识|宣传|演练|隐患|检查|管理|服务|政策|收入|案件")
_BODY_KIND = {"警方": "public_security", "公安": "public_security", "公安机关": "public_security", "交警": "traffic_police",
              "消防": "fire_rescue", "城管": "urban_management", "税务": "tax", "海关": "customs", "法院": "court",
              "检察院": "procuratorate", "纪委监委": "discipline_inspection"}


def agencies_after_places(text: str, places: list[tuple[int, int]], known: list[AgencyMention]) -> list[AgencyMention]:
    """Bodies named by a short place name and a bare body word (衡阳警方, 龙山公安),
    which the name patterns above cannot tell from ordinary words without the place."""
    taken = {(a.start, a.end) for a in known}
    covered = [(a.start, a.end) for a in known]
    out = list(known)
    for start, end in places:
        m = _BODY_AFTER_PLACE.match(text, end)
        if m is None or (start, m.end()) in taken or any(s <= start < e for s, e in covered):
            continue
        if _BAD_BODY_CONTEXT.match(text, m.end()) or _LEADERSHIP_AFTER.match(text, m.end()) \
                or _TOPIC_AFTER.match(text, m.end()):
            continue
        out.append(AgencyMention(start, m.end(), text[start:m.end()], _BODY_KIND[m.group()],
                                 speaker=_SPEAKER_AFTER.match(text, m.end()) is not None))
    out.sort(key=lambda a: a.start)
    return out


# --- subjects ------------------------------------------------------------------

# A company's name ends in its legal form; it is read back from there over Han
# characters until a word that cannot be part of a name.
_COMPANY_END = plain(r"(?:股份有限公司|有限责任公司|有限公司|集团有限公司|集团股份有限公司)")
_NAME_CHARS = regex.compile(r"(?r)[\p{Han}A-Za-z0-9()（）]{2,30}")
_NAME_BREAK = plain(r"(?:对|在|由|与|和|及|、|向|为|是|的|了|被|把|将|让|使|从|到|给|跟|同|成立|注册|引进|收购|兼并|入驻|签约|落户|企业|园区|公司|说|称|表示|包括|其中|有|如|像)")
_PLACE_HEAD = plain(r"(?:\p{Han}{2,3}(?:省|市|县|区))")


@dataclass(frozen=True, slots=True)
class CompanyMention:
    start: int
    end: int
    name: str  # the full name, also for a short mention (昌德新材料 → 岳阳昌德新材料有限公司)
    object: bool = False  # named as what is bought, merged or dealt with (收购绿源公司): not the actor


def find_companies(text: str, places: Optional[Iterable[tuple[int, int]]] = None) -> list[CompanyMention]:
    """Companies named in the text by their full name, and later by its core
    (the name without its place and legal form), which bulletins use once the
    full name has been given.

    >>> [(c.name, c.start) for c in find_companies("对岳阳昌德新材料有限公司来说,这里是洼地。昌德新材料今年上缴税收84万元。", [(1, 3)])]
    [('岳阳昌德新材料有限公司', 1), ('岳阳昌德新材料有限公司', 21)]
    """
    starts_of_places = {s: e for s, e in (places or ())}
    full: list[CompanyMention] = []
    for m in _COMPANY_END.finditer(text):
        run = _NAME_CHARS.search(text, max(0, m.start() - 30), m.start())
        if run is None or run.end() != m.start():
            continue
        lo = run.start()
        for b in _NAME_BREAK.finditer(text, lo, m.start() - 1):
            lo = b.end()
        if m.start() - lo < 2:
            continue
        full.append(_company(text, lo, m.end(), text[lo:m.end()]))
    out = list(full)
    taken = [(c.start, c.end) for c in full]
    first: dict[str, CompanyMention] = {}
    for c in full:
        first.setdefault(c.name, c)
    shorts: dict[str, str] = {}  # short form -> full name
    for c in first.values():
        suffix = _COMPANY_END.search(c.name)  # a full name ends with one
        core = c.name[:-len(suffix.group())] if suffix else c.name
        # The place a name opens with (岳阳, 湖南) is left out when it is used short.
        head = starts_of_places.get(c.start)
        if head is not None and head - c.start < len(core):
            core = core[head - c.start:]
        else:
            ph = _PLACE_HEAD.match(core)
            if ph is not None and len(core) - ph.end() >= 3:
                core = core[ph.end():]
        if len(core) >= 3:
            shorts.setdefault(core, c.name)
        # ...and 绿源公司 for 湖南绿源生物化工科技有限责任公司.
        shorts.setdefault(core[:2] + "公司", c.name)
    for short, name in shorts.items():
        after = first[name].end
        pos = text.find(short, after)
        while pos >= 0:
            if not any(a <= pos < b for a, b in taken):
                out.append(_company(text, pos, pos + len(short), name))
                taken.append((pos, pos + len(short)))
            pos = text.find(short, pos + len(short))
    out.sort(key=lambda c: c.start)
    return out


def _company(text: str, start: int, end: int, name: str) -> CompanyMention:
    return CompanyMention(start, end, name, bool(_COMPANY_OBJECT_BEFORE.search(text, max(0, start - 4), start)))


_COMPANY_OBJECT_BEFORE = plain(r"(?:收购|兼并|并购|重组|起诉|处罚|查处|约谈|帮扶|走访|服务|联系|与|和|及|、)$")


def subject_for(quantity_start: int, sentence: tuple[int, int], companies: list[CompanyMention],
                starts: list[int]) -> Optional[str]:
    """The company a figure is about: the last one its sentence names before it."""
    i = bisect_left(starts, quantity_start) - 1
    while i >= 0 and companies[i].start >= sentence[0]:
        if companies[i].end <= quantity_start and not companies[i].object:
            return companies[i].name
        i -= 1
    return None


def agency_for(quantity_start: int, clause: tuple[int, int], sentence: tuple[int, int], paragraph: tuple[int, int],
               title: Optional[tuple[int, int]], agencies: list[AgencyMention],
               lead: Optional[AgencyMention] = None, starts: Optional[list[int]] = None) -> Optional[AgencyMention]:
    """The body that did or reported a figure: same clause, then sentence, paragraph,
    title, and the body the article opens with; failing all, a body whose
    spokesperson tells the paragraph later on. `agencies` are in text order;
    `starts` (their start offsets) may be passed to save recomputing them."""
    if starts is None:
        starts = [a.start for a in agencies]

    def within(lo: int, hi: int) -> list[AgencyMention]:
        i = bisect_left(starts, lo)
        out = []
        while i < len(agencies) and agencies[i].start < hi:
            if agencies[i].end <= hi:
                out.append(agencies[i])
            i += 1
        return out

    # Most paragraphs name no body: then the steps below come to the title's or the lead's.
    i = bisect_left(starts, min(clause[0], sentence[0], paragraph[0]))
    spans = () if i == len(starts) or starts[i] >= max(clause[1], sentence[1], paragraph[1]) \
        else (clause, sentence, paragraph)
    for lo, hi in spans:
        before = within(lo, min(hi, quantity_start))
        if before:
            # The body leading the others (由县纪委监委牵头,县市场监管局、县公安局…联合行动) is the actor.
            actors = [a for a in before if a.leads] or [a for a in before if not a.partner]
            return actors[-1] if actors else before[-1]
        if (lo, hi) == clause:
            # After the figure, only its own clause: further on, a body named later in
            # the sentence is more often the one a case is handed to (移交县农业农村局).
            after = within(quantity_start, hi)
            if after:
                return after[0]
    if title is not None:
        in_title = within(*title)
        if in_title:
            return in_title[0]
    if lead is None and spans:
        # Last, a body whose spokesperson tells the paragraph's figures after them.
        return next((a for a in within(quantity_start, paragraph[1]) if a.speaker), None)
    return lead


def _first_in(spans: Iterable[Optional[tuple[int, int]]], agencies: list[AgencyMention],
              keep: Callable[[AgencyMention], object] = lambda a: True) -> Optional[AgencyMention]:
    """The first body (that `keep` accepts) named inside the first span that names one."""
    for span in spans:
        if span is None:
            continue
        hit = next((a for a in agencies if span[0] <= a.start and a.end <= span[1] and keep(a)), None)
        if hit is not None:
            return hit
    return None


def lead_agency(title: Optional[tuple[int, int]], first_sentence: Optional[tuple[int, int]],
                agencies: list[AgencyMention]) -> Optional[AgencyMention]:
    """The body an article is about: the first one its headline or its opening
    sentence names. It reports every figure of the article that names no nearer body."""
    return _first_in((title, first_sentence), agencies)


def first_actor(spans: list[tuple[int, int]], agencies: list[AgencyMention]) -> Optional[AgencyMention]:
    """The first body the `spans` (an article's paragraphs) name acting: not
    beside another body, and not named as a speaker only."""
    return _first_in(spans, agencies, lambda a: not a.partner and not a.speaker)


_SOURCE_FIELD = plain(r"(?:信息来源|文章来源|稿件来源|来源|发布机构|发布单位|供稿单位)\s*[:：]\s*")


def source_agency(lines: list[tuple[int, int]], text: str,
                  agencies: list[AgencyMention]) -> Optional[AgencyMention]:
    """The government body a page's source field names (来源:南县医疗保障局,
    信息来源:辰溪县人民政府办公室), if a `lines` span holds one; a newspaper or
    a site named there is no body."""
    for lo, hi in lines:
        for m in _SOURCE_FIELD.finditer(text, lo, hi):
            hit = next((a for a in agencies if a.start == m.end() and a.end <= hi), None)
            if hit is not None:
                return hit
    return None


_CREDIT_AFTER = regex.compile(r"\s*(?:供稿|供图|撰稿|提供)")


def credit_agency(lines: list[tuple[int, int]], text: str,
                  agencies: list[AgencyMention]) -> Optional[AgencyMention]:
    """The body an article's credit line names as its author ((县公安局供稿),
    来源:县公安局), if a `lines` span holds one."""
    return source_agency(lines, text, agencies) \
        or _first_in(lines, agencies, lambda a: _CREDIT_AFTER.match(text, a.end))


# --- periods -------------------------------------------------------------------

_PERIOD = regex.compile(
    r"\d{4}年\d{1,2}月(?:份)?(?:—|-|–|~|至|到)\d{4}年\d{1,2}月(?:份)?(?:期间)?"
    r"|(?:截至|截止|截止到)(?:目前|今年|去年)?(?:\d{4}年)?(?:\d{1,2}月)?(?:\d{1,2}日)?(?:底|末|初|中旬|上旬|下旬)?"
    r"|到(?:\d{4}年)?\d{1,2}月(?:底|末)"
    r"|(?:(?:\d{4}|今|去|明)年)?(?:\d{1,2}|[一二三四五六七八九十]{1,2})(?:月)?(?:—|-|–|~|至|到)(?:\d{1,2}|[一二三四五六七八九十]{1,3})月(?:份)?(?:底|末)?"
    r"|(?:\d{4}|今|去|明)年(?:以来|来|上半年|下半年|前三季度|前两季度|[一二三四]季度|第[一二三四]季度|全年|度|初以来|\d{1,2}月(?:份)?(?:以来|底|末)?)?"
    r"|今年以来|今年来|近年来|近(?:\d+|[一二三四五六七八九十])年(?:来)?|年初以来|上半年|下半年|前三季度|前两季度|全年"
    r"|\d{4}(?:—|-|至)\d{4}年"
)
# Quarters and months named bare (一季度, 10月份, 7月以来) are found from their
# last word back: a pattern that starts with a digit tries at every number of the page.
_BARE_PART_TAIL = regex.compile(r"季度|月份以来|月份|月以来")
_CN_NUMERALS = "一二三四五六七八九十"


def _bare_part_head(text: str, at: int, lo: int, quarter: bool) -> int:
    """Where the number before 季度 or 月 at `at` begins (第二季度, 10月份, 十一月份); -1 if none."""
    one = text[at - 1:at] if at - 1 >= lo else ""
    two = text[at - 2:at] if at - 2 >= lo else ""
    before = text[at - 3:at - 2] if at - 3 >= lo else ""
    if quarter:
        if one and one in "一二三四":
            if two[:1] == "第":
                return at - 2
            return at - 1 if not two[:1] or two[:1] not in _CN_NUMERALS else -1
        return -1
    if two in ("10", "11", "12") and not before.isdigit():
        return at - 2
    if two in ("十一", "十二") and (not before or before not in _CN_NUMERALS):
        return at - 2
    if one and one in "123456789" and not two[:1].isdigit():
        return at - 1
    if one and one in _CN_NUMERALS and (not two[:1] or two[:1] not in _CN_NUMERALS):
        return at - 1
    return -1


# Every period names a year, a month, a quarter or a cut-off (截至): the
# pattern is run only near those characters. No period is longer than the
# margin (the longest, 2021年10月份—2022年3月份期间, has 21 characters).
_PERIOD_ANCHORS = "年月季截"
_PERIOD_MARGIN = 32


def _period_matches(text: str, start: int, end: int):
    """What `_PERIOD.finditer(text, start, end)` gives, scanning only the
    stretches around the characters every period holds."""
    at = sorted(i for ch in _PERIOD_ANCHORS for i in _positions(text, ch, start, end))
    if not at:
        return
    lo, hi = max(start, at[0] - _PERIOD_MARGIN), min(end, at[0] + _PERIOD_MARGIN)
    for i in at[1:]:
        if i - _PERIOD_MARGIN > hi:
            yield from _PERIOD.finditer(text, lo, hi)
            lo = i - _PERIOD_MARGIN
        hi = min(end, i + _PERIOD_MARGIN)
    yield from _PERIOD.finditer(text, lo, hi)


def _positions(text: str, ch: str, start: int, end: int):
    i = text.find(ch, start, end)
    while i >= 0:
        yield i
        i = text.find(ch, i + 1, end)


def find_periods(text: str, start: int = 0, end: Optional[int] = None) -> list[tuple[int, int, str]]:
    """Period expressions in text[start:end] as (start, end, text).

    >>> [p[2] for p in find_periods("今年1—11月,园区亩均税收54.4万元;截至11月底,已开展8次")]
    ['今年1—11月', '截至11月底']
    """
    end = len(text) if end is None else end
    out = []
    for m in _period_matches(text, start, end):
        t = m.group()
        if t in ("到", "截至", "截止", "截止到") or len(t) < 2:
            continue
        # "2022年12月1日" is a date, not a period: a day right after ends it.
        if _DAY_AFTER.match(text[m.end():m.end() + 3]) and not t.startswith(("截至", "截止", "到")):
            continue
        out.append((m.start(), m.end(), t))
    taken = [(a, b) for a, b, _ in out]
    for m in _BARE_PART_TAIL.finditer(text, start, end):
        head = _bare_part_head(text, m.start(), start, m.group() == "季度")
        if head < 0 or any(a < m.end() and head < b for a, b in taken):
            continue  # no number, or part of a period found above (2023年10月份, 今年一季度)
        out.append((head, m.end(), text[head:m.end()]))
    out.sort()
    return out


_MONTH_START = regex.compile(r"\d{1,2}(?:月|[—\-–~至到])|[一二三四五六七八九十]")
_CN_MONTH = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10, "十一": 11, "十二": 12}


def _month(s: str) -> Optional[int]:
    if s.isdigit():
        n = int(s)
    else:
        n = _CN_MONTH.get(s, 0)
    return n if 1 <= n <= 12 else None


def resolve_period(text: str, ref: Optional[dt.date]) -> dict:
    """`{text}` plus ISO `start`/`end` when the reference date pins them down.

    >>> resolve_period("今年1—11月", dt.date(2022, 12, 15))
    {'text': '今年1—11月', 'start': '2022-01-01', 'end': '2022-11-30'}
    >>> resolve_period("截至11月底", dt.date(2022, 12, 15))
    {'text': '截至11月底', 'end': '2022-11-30'}
    >>> resolve_period("2021年", None)
    {'text': '2021年', 'start': '2021-01-01', 'end': '2021-12-31'}
    """
    return dict(_resolved_period(text, ref))


@functools.lru_cache(maxsize=4096)
def _resolved_period(text: str, ref: Optional[dt.date]) -> tuple[tuple[str, str], ...]:
    return tuple(_resolve_period(text, ref).items())


_MONTHS_OF_YEARS = regex.compile(r"(\d{4})年(\d{1,2})月(?:份)?(?:—|-|–|~|至|到)(\d{4})年(\d{1,2})月")
_PART_OF_YEAR = regex.compile(r"上半年|下半年|前三季度|前两季度|第?[一二三四]季度|全年")
_PART_MONTHS = {"上半年": (1, 6), "下半年": (7, 12), "前三季度": (1, 9), "前两季度": (1, 6), "全年": (1, 12),
                **{f"{p}{q}季度": (3 * i - 2, 3 * i) for i, q in enumerate("一二三四", 1) for p in ("", "第")}}
_ONE_MONTH = regex.compile(r"(1[0-2]|[1-9]|十[一二]?|[一二三四五六七八九])月(?!\d)")


def _resolve_period(text: str, ref: Optional[dt.date]) -> dict:
    out: dict = {"text": text}
    span = _MONTHS_OF_YEARS.match(text)
    if span:  # 2019年3月至2019年4月
        y1, m1, y2, m2 = (int(x) for x in span.groups())
        if 1 <= m1 <= 12 and 1 <= m2 <= 12 and (y1, m1) <= (y2, m2):
            out["start"] = dt.date(y1, m1, 1).isoformat()
            out["end"] = dt.date(y2, m2, calendar.monthrange(y2, m2)[1]).isoformat()
        return out
    year: Optional[int] = None
    m = regex.search(r"(\d{4})年", text)
    if m:
        year = int(m.group(1))
    elif ref is not None:
        part = _PART_OF_YEAR.match(text)
        if part and part.group() != "全年":
            # A part of the year named bare is this year's if it has begun by the
            # reference date, else last year's (下半年 in a report of February).
            year = ref.year if _PART_MONTHS[part.group()][0] <= ref.month else ref.year - 1
        elif text.startswith(("今年", "截至", "截止", "到", "年初")) or (_MONTH_START.match(text) and not part):
            year = ref.year
        elif text.startswith("去年"):
            year = ref.year - 1
        elif text.startswith("明年"):
            year = ref.year + 1
    if year is None:
        return out
    rng = regex.search(r"(\d{1,2}|[一二三四五六七八九十]{1,3})月?(?:—|-|–|~|至|到)(\d{1,2}|[一二三四五六七八九十]{1,3})月", text)
    first_month, last_month = (_month(rng.group(1)), _month(rng.group(2))) if rng else (None, None)
    if first_month and last_month:
        out["start"] = dt.date(year, first_month, 1).isoformat()
        out["end"] = dt.date(year, last_month, calendar.monthrange(year, last_month)[1]).isoformat()
        return out
    upto = regex.search(r"(?:截至|截止|到)(?:\d{4}年)?(\d{1,2})月(?:底|末)?", text)
    until = _month(upto.group(1)) if upto else None
    if until:
        out["end"] = dt.date(year, until, calendar.monthrange(year, until)[1]).isoformat()
        return out
    part = _PART_OF_YEAR.search(text)
    if part:
        first, last = _PART_MONTHS[part.group()]
        out["start"] = dt.date(year, first, 1).isoformat()
        out["end"] = dt.date(year, last, calendar.monthrange(year, last)[1]).isoformat()
        return out
    month = _ONE_MONTH.search(text)
    in_month = _month(month.group(1)) if month else None
    since = text.endswith(("以来", "年来"))
    if since and ref is not None and year == ref.year:
        # 10月以来 counts from the month's first day, 今年以来 from the year's.
        out["start"] = dt.date(year, in_month or 1, 1).isoformat()
        out["end"] = ref.isoformat()
        return out
    if in_month and not since:
        out["start"] = dt.date(year, in_month, 1).isoformat()
        out["end"] = dt.date(year, in_month, calendar.monthrange(year, in_month)[1]).isoformat()
        return out
    if regex.fullmatch(r"(?:\d{4}|今|去|明)年(?:全年|度)?", text):
        out["start"] = dt.date(year, 1, 1).isoformat()
        out["end"] = dt.date(year, 12, 31).isoformat()
    return out


_DATE_IN_TEXT = regex.compile(r"(?:发布时间|发布日期|时间|日期|发表于)?[::]?\s*(20\d{2}|19\d{2})[-年/.](\d{1,2})[-月/.](\d{1,2})日?")


def find_document_date(text: str) -> Optional[dt.date]:
    """A publication date printed near the top of a page (``发布时间:2020-10-19``).

    >>> find_document_date("首页\\n发布时间:2020-10-19 03:33:25 阅读:")
    datetime.date(2020, 10, 19)
    """
    for m in _DATE_IN_TEXT.finditer(text, 0, min(len(text), 600)):
        try:
            return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError:
            continue
    return None


# --- modality ------------------------------------------------------------------

_PLANNED = regex.compile(r"(?:拟|计划|预计|力争|争取|规划|将(?:于|在|会|可|达到?|实现|完成|建成|新建|建设|投入|新增|开工|启动|全面|有|增加|带动|形成|改造|安排)|有望|预期|(?:建成|投产|达产|竣工)后)")
# 高标准农田 names a kind of farmland, not a standard; 完成…目标任务 is a result.
_TARGET = regex.compile(r"(?:(?<![高新国行])标准(?!化)|(?<!完成\p{Han}{0,8})目标|门槛|不低于|控制在|不超过|指标)")
# 要求 sets a target only for the figure in its own clause (要求达到95%), not for
# what is done after it (要求下沉现场…开展教育5次).
_TARGET_CLAUSE = plain(r"要求")
# The characters the words of _PLANNED, _TARGET and _TARGET_CLAUSE begin with.
_MODAL_FIRST = plain(r"[拟计预力争规将有标目门不控指要建投达竣]")
# Words that report a result. A bare 完成 does so only in a clause of its own:
# 预计全年完成投资, 将于年底前完成改造 are still the plan.
_DONE = plain(r"(?:已|已经|累计|共|完成了|实现了|达到了)")
_BARE_DONE = plain(r"完成")


# A figure that sets the standard of what follows: 按每人每月200元的标准发放.
_STANDARD_AFTER = plain(r"(?:/\p{Han}{1,2})?(?:的)?(?:补助|补贴|奖补|奖励|收费|赔偿|救助|保障|发放)?(?:标准|门槛|上限|下限)")


def modality_for(before: str, after: str = "") -> str:
    """`planned`, `target` or `actual` from the words before a figure in its sentence
    (and `after` it, in its clause: a figure named as a standard is a target).

    >>> modality_for("项目主体工程预计投资"), modality_for("制定“3360”标准,即亩均税收"), modality_for("已成功将")
    ('planned', 'target', 'actual')
    >>> modality_for("按照每人每月", "的标准发放补贴")
    'target'
    """
    if after and _STANDARD_AFTER.match(after):
        return "target"
    # Names of plans and standards in 《…》 say nothing about this figure.
    window = (_BOOK_TITLE.sub("", before) if "《" in before else before)[-40:]
    if not _MODAL_FIRST.search(window):
        return "actual"  # no word that could start a plan or a target
    clause = _CLAUSE_SPLIT.split(window)[-1]
    best, best_pos = "actual", -1
    for kind, pat in (("planned", _PLANNED), ("target", _TARGET)):
        for m in pat.finditer(window):
            if m.start() > best_pos:
                best, best_pos = kind, m.start()
    for m in _TARGET_CLAUSE.finditer(clause):
        pos = len(window) - len(clause) + m.start()
        if pos > best_pos:
            best, best_pos = "target", pos
    if best_pos >= 0:
        done = [m.start() for m in _DONE.finditer(window)]
        done += [m.start() for m in _BARE_DONE.finditer(window)
                 if m.start() > best_pos and _CLAUSE_SPLIT.search(window, best_pos, m.start())]
        if done and max(done) > best_pos:
            return "actual"
    return best
