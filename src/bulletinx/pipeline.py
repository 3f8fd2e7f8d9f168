"""The extraction pipeline: text in, fact records out.

normalize -> segment -> quantities -> metric rules -> attribution -> records.
Every span in a record points into the original text, whatever the
normalizer changed.
"""
from __future__ import annotations

import datetime as dt
import hashlib
from bisect import bisect_left, bisect_right
from typing import Optional

import regex

from . import attribute, metrics
from .construct import construct
from .locate import Locator
from .models import Agency, Article, Fact, Locality, Period, Span, Town
from .normalize import normalize
from .places import to_locality
from .quantities import PEOPLE, Quantity, find_quantities
from .reading import sha256
from .rx import plain
from .segment import Page, segment, sentence_spans

_CLAUSE_BREAK = plain(r"[,，;；:：]")
# Words that lead into a label, not part of it. A word they begin is kept whole:
# 达成意向, 有效投资, 在建项目, 对口帮扶, 就业人数, 共享单车, 按时办结.
_LABEL_LEAD = plain(r"^(?:(?:全|该|我|本)(?:县|市|区|州|省|旗|盟)|其中|同时|并|另|还|共(?!享|建|同|治|富)|累计|总计|合计|全年|今年|已|均|分别|全部|先后|此外|以及|和|及|与|"
                    r"达(?!成|标)|为|有(?!效|关|序|力|机|偿|害|毒)|是|了|将|约|近|的|在(?!建|线|校|册|岗|押|逃|职|售)|对(?!外|口|象)|按(?!时|期)|就(?!业|医|学|地)|又|再|也|都)+")
_LABEL_TAIL = regex.compile(r"(?:达到|达|为|共计|合计|总计|共|计|约|有|是|了|近|超过|超|逾|高达|多达|分别为|分别)+$")
_CHANGE = regex.compile(r"(?:同比|环比|比上年|较上年|比去年|较去年)?(?:大幅|明显|分别)?(?P<verb>增长|上升|提高|增加|提升|攀升|上涨|增收|扩大|减少|下降|降低|回落|压缩|精简|下滑|缩减|减|降|增)了?(?:达到|达)?(?:[\d.]+[%倍]?[、和及])*$")
_DECREASE = {"减少", "下降", "降低", "回落", "压缩", "精简", "下滑", "缩减", "减", "降"}
_RESPECTIVELY = plain(r"(?P<items>[\p{Han}]{1,8}(?:[、和及与][\p{Han}]{1,8})+)分别")

_LABEL_OPENING = plain(r"^(?:[、,，;；:：.。●•·▪■◆)）(（\s]|【[^】]{0,8}】)+")
_WORD_AFTER = plain(r"[\p{Han}A-Za-z]{1,8}")
_SENTENCE_STOP = plain(r"[。!?！？]")
_FULL_STOP = plain(r"。")
_PER_MU = plain(r"(?:亩均|每亩)[\p{Han}]{0,6}$")
_LIST_ITEM = plain(r"[、和及与]")
_PART_OPENING = plain(r"\s*其中")
_PEOPLE_AFTER = plain(PEOPLE)


def _fact_id(doc: str, start: int, end: int, surface: str) -> str:
    return hashlib.sha1(f"{doc}\x00{start}\x00{end}\x00{surface}".encode()).hexdigest()[:16]


def _label(text: str, q: Quantity, left: int) -> str:
    """The phrase the quantity measures, as written: what stands between the
    clause start (or the previous figure) and the number."""
    raw = text[left:q.start].strip()
    # A list's separator, a bullet or a tag before the phrase is no part of it:
    # 、省督案件8起, ●全县有…, (其中移交司法机关3家), 【新闻】….
    lab = _LABEL_OPENING.sub("", raw)
    lab = _LABEL_TAIL.sub("", _LABEL_LEAD.sub("", lab).rstrip("、,，(（[【 ")).strip(" “”\"'")
    if not lab:
        # "帮助30名劳动者…": the measured thing follows the number.
        after = _WORD_AFTER.match(text[q.end:q.end + 8])
        lab = after.group() if after else raw
    return lab


def extract(text: str, doc: str = "-", *, rules: Optional[metrics.RuleSet] = None,
            region: Optional[str] = None, date: Optional[dt.date] = None,
            url: Optional[str] = None) -> list[Fact]:
    """Fact records of one document, in document order.

    >>> [(f.value, f.unit, f.qualifier) for f in extract("今年以来共追回工资7154余万元。", doc="a.txt")]
    [(71540000.0, 'CNY', 'at_least')]
    """
    if not text.strip():
        return []
    ruleset = rules if rules is not None else metrics.load_rules()
    digest = sha256(text)
    norm = normalize(text)
    t = norm.text
    page = segment(t)
    ref_date = date or attribute.find_document_date(t)
    locator = Locator(t, region=region)
    place_spans = [(m.start, m.end) for m in locator.mentions if m.kind != "town"]
    agencies = attribute.self_references(t, attribute.agencies_after_places(t, place_spans, attribute.find_agencies(t)))
    agency_starts = [a.start for a in agencies]
    periods = attribute.find_periods(t)
    period_starts = [p[0] for p in periods]
    companies = attribute.find_companies(t, place_spans)
    company_starts = [c.start for c in companies]

    # The body a web page names as its source (来源:衡东县住建局) reported what
    # the page says where no nearer body is named.
    source = attribute.source_agency(
        [(p.start, p.end) for p in page.paragraphs if p.kind == "boilerplate"], t, agencies)
    article_places = {}
    article_leads = {}
    for art in page.articles:
        body = [(page.paragraphs[i].start, page.paragraphs[i].end) for i in art.paragraphs
                if page.paragraphs[i].kind != "boilerplate"]
        article_places[art.index] = locator.article_place(art.title_span, body, art.orphan)
        first = None
        if body:
            # The lede: the opening paragraph's first two sentences.
            lo, hi = body[0]
            stops = [m.end() for m in _FULL_STOP.finditer(t, lo, min(hi, lo + 250))]
            first = (lo, stops[1] if len(stops) > 1 else min(hi, lo + 250))
        credits = [(page.paragraphs[i].start, page.paragraphs[i].end) for i in art.paragraphs
                   if page.paragraphs[i].kind == "byline"]
        # A page's source field names its publisher; a body the article itself
        # names acting is nearer to the figures than that.
        article_leads[art.index] = attribute.lead_agency(art.title_span, first, agencies) \
            or (attribute.credit_agency(credits, t, agencies) if credits else None) \
            or (attribute.first_actor(body, agencies) if source else None) or source
    # A titled article without a place of its own is about the document's place;
    # so is everything on a page that has no headline at all (a web page's text).
    doc_place = next((article_places[a.index] for a in page.articles if not a.orphan and article_places[a.index]), None)
    # A page with at most one headline is one story (a web page, a report):
    # its untitled stretches are that story's, not fragments of others.
    untitled = sum(1 for a in page.articles if not a.orphan) <= 1
    if doc_place is None:
        doc_place = locator.dominant_place() or locator.excluding_holder()

    titles = {a.index: Article.trusted(
        index=a.index,
        title=" ".join(_original(text, norm, s, e).strip().lstrip("—") for s, e in a.headline_spans) or None,
        byline=_original_byline(text, norm, t, a.byline)) for a in page.articles}
    # Records share their parts (frozen models): one instance per place, body, period, sentence.
    localities: dict[tuple, Locality] = {}
    agency_parts: dict[tuple[int, int], Agency] = {}
    period_parts: dict[str, Period] = {}
    sentence_span: Optional[Span] = None
    sentence_key: Optional[tuple[int, int]] = None

    def period_of(ptext: str) -> Period:
        if ptext not in period_parts:
            period_parts[ptext] = Period.trusted(**attribute.resolve_period(ptext, ref_date))
        return period_parts[ptext]

    def agency_of(ag) -> Agency:
        key = ag.named_at or (ag.start, ag.end)
        if key not in agency_parts:
            agency_parts[key] = Agency.trusted(name=_original(text, norm, *key), kind=ag.kind)
        return agency_parts[key]

    facts: list[Fact] = []
    seen_sentences: set[str] = set()
    seen_figures: dict[str, int] = {}
    for para in page.paragraphs:
        if para.duplicate_of is not None or para.kind in ("boilerplate", "byline", "author") or para.article < 0:
            continue
        quantities = find_quantities(t, para.start, para.end)
        if not quantities:
            continue
        art = page.articles[para.article]
        art_place = article_places[art.index] or (doc_place if (untitled or not art.orphan) else None)
        sentences = sentence_spans(t, para.start, para.end)
        sent_starts = [s for s, _ in sentences]
        breaks = [m.start() for m in _CLAUSE_BREAK.finditer(t, para.start, para.end)]
        last_sentence = None
        last_end = para.start
        last_base: Optional[Fact] = None
        para_facts: list[Fact] = []
        for q in quantities:
            si = max(0, bisect_right(sent_starts, q.start) - 1)
            s_start, s_end = sentences[si]
            sent_text = t[s_start:s_end]
            if (s_start, s_end) != last_sentence:
                last_sentence, last_end, last_base = (s_start, s_end), s_start, None
                starts_in_sentence: list[int] = []
                duplicate = len(sent_text) >= 12 and sent_text in seen_sentences
                seen_sentences.add(sent_text)
                listed = "分别" in sent_text
            if duplicate:
                continue
            if para.kind == "headline" and _told_in_body(t, page, art, q):
                last_end = q.end
                continue
            # A figure printed again in the same words (headline and body, a
            # summary box) is one fact.
            # ...in another paragraph: within one paragraph, parallel clauses
            # (烟花爆竹方面:检查企业8家 / 建筑施工方面:检查企业8家) are facts each.
            echo = t[max(para.start, q.start - 6):q.end]
            if len(echo) - (q.end - q.start) >= 4:
                if seen_figures.get(echo, para.index) != para.index:
                    continue
                seen_figures.setdefault(echo, para.index)
            # The clause: from the break before the figure to the break after it.
            b = bisect_left(breaks, q.start) - 1
            c_start = breaks[b] + 1 if b >= 0 and breaks[b] >= s_start else s_start
            b = bisect_left(breaks, q.end)
            c_end = breaks[b] if b < len(breaks) and breaks[b] < s_end else s_end
            before_all = t[s_start:q.start]
            head_start = None
            if si == 0 and para.continues is not None:
                # The sentence began in the cut paragraph it completes.
                cut = page.paragraphs[para.continues]
                head = _SENTENCE_STOP.split(t[cut.start:cut.end])[-1]
                head_start = cut.end - len(head)
                before_all = head + before_all
            label = _label(t, q, max(c_start, last_end))
            if q.measure == "人" and "人" not in t[q.start:q.end]:
                # 使2.56万贫困人口脱贫: the people counted are named after the number.
                noun = _PEOPLE_AFTER.match(t, q.end)
                if noun is not None:
                    label = noun.group()
            if not label.strip() or (c_start == s_start and si == 0 and para.continues is not None):
                clause_head = _CLAUSE_BREAK.split(before_all)[-1]
                label = _LABEL_TAIL.sub("", _LABEL_LEAD.sub("", clause_head)).strip() or label
            unit = q.unit
            if unit == "CNY" and _PER_MU.search(before_all[-10:]):
                unit = "CNY/mu"
            direction = None
            ch = _CHANGE.search(t[max(s_start, q.start - 24):q.start])
            if ch:
                direction = "decrease" if ch.group("verb") in _DECREASE else "increase"
            # 总投资额(692.26亿元): the label stands before an opening bracket.
            match = ruleset.classify(before_all[-80:].rstrip(" (（[【"), t[q.end:c_end], unit, q.measure)
            metric, rule_id = match if match else ("other", "quantity.unclassified")
            if match is None and para_facts and locator.names_only_a_place(c_start, q.start):
                # 共启动项目117个。其中,郴州市45个: a part of a breakdown by place
                # counts what the total it breaks down counts.
                total = next((f for f in reversed(para_facts) if f.unit == unit and f.measure == q.measure), None)
                if total is not None and total.metric != "other":
                    metric, rule_id = total.metric, "breakdown.by_place"
            elif match is None and starts_in_sentence and _PART_OPENING.match(t, c_start, q.start):
                # 给予党纪政务处分161人,其中科级干部23人: a part the sentence singles
                # out counts what its whole counts, the nearest figure of its unit.
                in_sentence = para_facts[len(para_facts) - len(starts_in_sentence):]
                whole = next((f for f in reversed(in_sentence) if f.unit == unit and f.measure == q.measure), None)
                if whole is not None and whole.metric not in ("other", "yoy_change", "share"):
                    metric, rule_id = whole.metric, "breakdown.part"
            resp = _RESPECTIVELY.search(t, max(s_start, q.start - 40), q.start) if listed else None
            if resp:
                items = _LIST_ITEM.split(resp.group("items"))
                nth = sum(1 for x in starts_in_sentence if x >= resp.end())
                if nth < len(items):
                    label = items[nth]
            # place
            place = locator.fact_place(art_place, q.start, (c_start, c_end), (s_start, s_end), (para.start, para.end), breaks)
            locality = None
            if place is not None:
                town = locator.town_for(place, (s_start, s_end))
                key = (place.code, town.code if town else None)
                locality = localities.get(key)
                if locality is None:
                    loc = to_locality(place, town)
                    if loc.get("town"):
                        loc["town"] = Town.trusted(**loc["town"])
                    locality = localities[key] = Locality.trusted(**loc)
            # The body leading the article reports its place's figures, not those
            # of another place the sentence is about (a roundup of several places).
            lead, title_span = article_leads[art.index], art.title_span
            if place is not None and art_place is not None and locator.apart(place, art_place):
                lead, title_span = None, (0, 0)
            ag = attribute.agency_for(q.start, (c_start, c_end), (s_start, s_end), (para.start, para.end),
                                      title_span, agencies, lead, agency_starts)
            pi = bisect_right(period_starts, q.start) - 1
            period = None
            for j in range(pi, -1, -1):
                ps, pe, ptext = periods[j]
                if ps < s_start:
                    break
                if pe <= q.start:
                    period = period_of(ptext)
                    break
            if period is None and head_start is not None and para.continues is not None:
                in_head = [p for p in periods if head_start <= p[0] and p[1] <= page.paragraphs[para.continues].end]
                if in_head:
                    period = period_of(in_head[-1][2])
            if period is None:
                # ...or the first one the sentence names after the figure.
                j = bisect_left(period_starts, s_start)
                if j < len(periods) and periods[j][0] < s_end:
                    period = period_of(periods[j][2])
            o_start, o_end = norm.span(q.start, q.end)
            if sentence_span is None or sentence_key != (s_start, s_end):
                os_start, os_end = norm.span(s_start, s_end)
                sentence_key = (s_start, s_end)
                sentence_span = construct(Span, {"text": text[os_start:os_end], "start": os_start, "end": os_end})
            surface = text[o_start:o_end]
            fact = construct(Fact, {
                "doc": doc,
                "doc_sha256": digest,
                "url": url,
                "id": _fact_id(doc, o_start, o_end, surface),
                "metric": metric,
                "label": _as_written(text, norm, t, label, q.start),
                "value": _clean(q.value),
                "value_max": _clean(q.value_max) if q.value_max is not None else None,
                "unit": unit,
                "measure": q.measure,
                "qualifier": q.qualifier,
                "direction": direction,
                "quantity": construct(Span, {"text": surface, "start": o_start, "end": o_end}),
                "sentence": sentence_span,
                "article": titles[art.index],
                "locality": locality,
                "agency": agency_of(ag) if ag else None,
                "period": period,
                "modality": attribute.modality_for(before_all, t[q.end:c_end]),
                # The company named before the figure in its part of the sentence (up to a semicolon).
                "subject": attribute.subject_for(q.start, (t.rfind(";", s_start, q.start) + 1 or s_start, s_end),
                                              companies, company_starts) if companies else None,
                "refers_to": last_base.id if (metric == "yoy_change" and last_base is not None) else None,
                "rule": rule_id,
            })
            facts.append(fact)
            para_facts.append(fact)
            if metric != "yoy_change" and direction is None:
                last_base = fact
            last_end = q.end
            starts_in_sentence.append(q.start)
    return facts


def _told_in_body(t: str, page: Page, art, q: Quantity) -> bool:
    """A headline's figure that the article's body gives in the same words (the
    figure and the two characters of its label before it: 投资总额达30亿元)
    is one fact, kept where its sentence is whole."""
    if q.start < 2 or _TWO_HAN.fullmatch(t, q.start - 2, q.start) is None:
        return False
    words = t[q.start - 2:q.end]
    return any(t.find(words, page.paragraphs[i].start, page.paragraphs[i].end) >= 0
               for i in art.paragraphs if page.paragraphs[i].kind == "body")


_TWO_HAN = regex.compile(r"\p{Han}{2}")


def _clean(v: float) -> float:
    """Round away binary noise (10.62亿 is 1062000000, not 1061999999.9999999)."""
    if v.is_integer() and 1 <= abs(v) < 1e12:
        return v  # whole and within twelve digits: nothing to round
    r = float(f"{v:.12g}")
    return float(int(r)) if r.is_integer() else r


def _original(text: str, norm, start: int, end: int) -> str:
    o_start, o_end = norm.span(start, end)
    return text[o_start:o_end]


def _as_written(text: str, norm, t: str, label: str, q_start: int) -> str:
    """The label as the original text spells it (traditional characters, full-width forms)."""
    pos = t.rfind(label, max(0, q_start - 120), q_start) if label else -1
    if pos < 0:
        pos = t.find(label, q_start, q_start + 40) if label else -1
    if pos < 0:
        return label
    return _original(text, norm, pos, pos + len(label))


def _original_byline(text: str, norm, t: str, byline: Optional[str]) -> Optional[str]:
    """The byline as the original spells it (traditional names stay traditional)."""
    if not byline:
        return None
    pos = t.find(byline)
    return _original(text, norm, pos, pos + len(byline)) if pos >= 0 else byline
