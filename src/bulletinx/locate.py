"""Which place a figure belongs to: article places, then the sentence's own.

A fact belongs to the article it sits in; the article's place comes from its
headline or its opening lines. A sentence may narrow it to a county inside
that place; it never moves a fact to a place outside it, and a place named
only as where something else happened (在江西省德兴市某出租屋…) is passed over.
"""
from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from typing import Optional, Sequence

import regex

from . import places
from .places import Division, PlaceMention
from .rx import plain

# A place named as the scene of something, not as the actor.
_SCENE_BEFORE = plain(r"(?:在|赴|到|前往|来自|从|至|往|逃往|窜至|流窜|籍|途经|位于|与|同|不含|不包括|除)$")
_SCENE_AFTER = plain(r"(?:某|一带|境内某|籍|等地|人(?![社民大力口员])|男子|女子)")
# A place inside the name of a newspaper or site says who published, not where.
_MEDIA_AFTER = plain(r"(?:新闻网|新闻|日报|晚报|晨报|都市报|电视台|广播电视台|融媒|发布|在线|网|\d{1,2}月\d{1,2}日电)")
_LIST_SEP = plain(r"[、和及与]")
_BUILT_AFTER = plain(r"(?:\p{Han}{0,4}?)(?:建设|新建|投资|兴建|建成|落户|开工|种植|实施)")


_GROUP_OPENING = plain(r"\s*(?:其中[,，:：]?)?\s*")
# What may stand before a place that is the subject of its clause or sentence.
_SUBJECT_OPENING = plain(r"[\s●•·■◆▪\-—]*")
# A dateline: a place opening a paragraph, followed by a colon.
_DATELINE_END = plain(r"[:：]")
_ANAPHOR = plain(r"(?:该|全|本|我)(?:市|县|区|州|省|旗|盟)")  # 旗 and 盟: Inner Mongolia's counties and prefectures
# Several places counted as one subject at the head of a clause (三市累计…,
# 湘南三市共…): their figures belong to the division that holds them all. Not
# a count (12个县 is a figure itself), not a numeral running on into another
# (三区三线 is a planning slogan), not an ordinal; districts only as 县区 or
# 县市区 (两区 is also the farmland zones' name), and not the stock markets (沪深两市).
_GROUP = regex.compile(r"(?<=(?:^|[,，;；。:：!?！？\n])\p{Han}{0,4})(?<!第|沪深)(?:[两二三四五六七八九]|十[一二三四五六七八九]?)"
                       r"(?P<kind>市州|县市区|县区|县市|市|县)(?![一二两三四五六七八九十\d长委级场民内外域属直])",
                       regex.MULTILINE)
_EXCLUDING = regex.compile(r"(?:我|全|本)市[(（]?(?:不含|不包括|除)")
_PROVINCE_SUBJECT = plain(r"\s*(?:其中|同时|目前|此外|截至目前|今年以来|今年|去年|全年|上半年|前三季度)?[,，]?(?:我省|全省)")
_LAST_ANAPHOR = regex.compile("(?r)" + _ANAPHOR.pattern)


def _is_scene(text: str, m: PlaceMention, media: bool = True) -> bool:
    """Named as where something happened (or, with `media`, inside a publisher's name).
    A project built there (拟在茶陵建设) is the place's own, not a scene."""
    before = _SCENE_BEFORE.search(text, max(0, m.start - 3), m.start)
    if before is not None and before.group() == "在" and _BUILT_AFTER.match(text, m.end):
        before = None
    return bool(before or _SCENE_AFTER.match(text, m.end) or (media and _MEDIA_AFTER.match(text, m.end)))


def _is_under(a: Division, b: Division) -> bool:
    """True when a lies inside b (or is b)."""
    key = (a.code, b.code)
    under = _UNDER.get(key)
    if under is None:
        under = _UNDER[key] = any(d.code == b.code for d in places.gazetteer().path(a))
    return under


_UNDER: dict[tuple[str, str], bool] = {}


class Locator:
    """Resolves place mentions of one document and answers for each fact."""

    def __init__(self, text: str, region: Optional[str] = None):
        self.text = text
        self.mentions: list[PlaceMention] = places.find_places(text)
        self.starts = [m.start for m in self.mentions]
        self.towns = any(m.kind == "town" for m in self.mentions)
        hints: list[str] = []
        if region:
            r = places.resolve_name(region)
            if r is not None:
                hints.append(r.code)
        # The document's own unambiguous full names say which province it is about.
        provinces: Counter[str] = Counter()
        for m in self.mentions:
            # Media names (张家界新闻网) are no scene of a fact, but they do say the region.
            if len(m.candidates) == 1 and not _is_scene(text, m, media=False):
                path = places.gazetteer().path(m.candidates[0])
                if path:
                    provinces[path[0].code] += 2 if m.kind in ("full", "zone") else 1
        if not hints and provinces:
            hints.append(provinces.most_common(1)[0][0])
        # Prefectures named without ambiguity settle county names shared across provinces.
        for m in self.mentions:
            if len(m.candidates) == 1 and m.candidates[0].level == 2 and m.candidates[0].code not in hints:
                hints.append(m.candidates[0].code)
        self.hints = hints
        self._resolved: dict[tuple, Optional[Division]] = {}
        self.groups = [(m.start(), m.end(), m.group("kind")) for m in _GROUP.finditer(text)]
        self.group_starts = [g[0] for g in self.groups]
        self._below: dict[tuple[str, str], Optional[Division]] = {}

    def division(self, i: int, extra: Sequence[str] = ()) -> Optional[Division]:
        key = (i, *extra)
        if key in self._resolved:
            return self._resolved[key]
        m = self.mentions[i]
        d = places.resolve(m, list(extra) + self.hints)
        if d is not None and d.level == 4:
            d = places.gazetteer().get(d.parent) or d
        self._resolved[key] = d
        return d

    def _in(self, start: int, end: int) -> list[int]:
        i = bisect_left(self.starts, start)
        out = []
        while i < len(self.mentions) and self.mentions[i].start < end:
            if self.mentions[i].end <= end:
                out.append(i)
            i += 1
        return out

    def place_of_span(self, start: int, end: int, skip_scenes: bool = True,
                      within: Optional[Division] = None, towns: bool = False) -> Optional[Division]:
        """The place a stretch of text is about: its first named place, narrowed by
        places named right after it that lie inside it (长沙市开福区). With `towns`,
        a township counts too, as its county."""
        best: Optional[Division] = None
        last_end = -1
        for i in self._in(start, end):
            m = self.mentions[i]
            if m.kind == "town" and not towns:
                continue
            if skip_scenes and _is_scene(self.text, m):
                continue
            d = self.division(i, [within.code] if within else ())
            if d is None:
                continue
            if within is not None and not _is_under(d, within):
                continue
            if best is None:
                best, last_end = d, m.end
            elif _is_under(d, best) and m.start - last_end <= 2:
                best, last_end = d, m.end
            elif best is not None:
                break
        return best

    def article_place(self, title_span: Optional[tuple[int, int]], body_spans: list[tuple[int, int]],
                      orphan: bool) -> Optional[Division]:
        if title_span is not None:
            d = self.place_of_span(*title_span)
            if d is not None:
                return d
        # The opening lines name the article's place; further down, other places appear.
        budget = 220 if not orphan else 10_000
        for s, e in body_spans:
            d = self.place_of_span(s, min(e, s + budget))
            if d is not None:
                return d
            budget -= e - s
            if budget <= 0:
                break
        if not self.towns or orphan:
            return None
        # An article about a township (花明楼镇:…) that names no county is its county's.
        spans = ([title_span] if title_span is not None else []) + body_spans[:1]
        for s, e in spans:
            d = self.place_of_span(s, min(e, s + 220), towns=True)
            if d is not None:
                return d
        return None

    def fact_place(self, article: Optional[Division], q_start: int, clause: tuple[int, int],
                   sentence: tuple[int, int], paragraph: Optional[tuple[int, int]] = None,
                   breaks: Sequence[int] = ()) -> Optional[Division]:
        """Narrow the article's place by the one sub-place named before the figure:
        in its own part of the sentence (up to a semicolon), else earlier in the
        sentence, else earlier in the paragraph. A list of places means a sum.
        A clause about the whole province (全省共…) is the province's, and a
        group of places as the subject (三市累计…) is the division holding them."""
        if article is not None and article.level < 3:
            # 我县 in an article placed at a prefecture (a county's site reporting a
            # city's event) points to the county the document names under it.
            last = _LAST_ANAPHOR.search(self.text, sentence[0], q_start)
            if last is not None:
                article = self._descend(article, last.group()[-1])
        if article is not None and article.level > 1 and _PROVINCE_SUBJECT.match(self.text, clause[0], q_start):
            return places.gazetteer().path(article)[0]  # 全省共…: the province's figure
        if self.groups and article is not None:
            holder = self._group_holder(article, q_start, sentence[0])
            if holder is not None:
                return holder
        # Most figures have no place named before them in their paragraph: theirs is the article's.
        i = bisect_left(self.starts, paragraph[0] if paragraph is not None and paragraph[0] < sentence[0] else sentence[0])
        if i == len(self.starts) or self.starts[i] >= q_start:
            return article
        # The figure's own part of the sentence (normalized text writes ；as ;).
        group_start = self.text.rfind(";", sentence[0], q_start) + 1 or sentence[0]
        heading = self._heading_place(group_start, q_start)
        if heading is not None:
            return heading
        if article is not None:
            subject = self._other_subject(article, clause[0], sentence[0], paragraph, q_start, breaks)
            if subject is not None:
                return subject
        spans = [(group_start, q_start), (sentence[0], group_start)]
        if paragraph is not None and paragraph[0] < sentence[0]:
            spans.append((paragraph[0], sentence[0]))
        for lo, hi in spans:
            # 该市/全县 between the last named place and the figure: the figure is the article's.
            last_anaphor = None
            for m in _ANAPHOR.finditer(self.text, lo, hi):
                # 全省 in a city's article (被列为全省…试点) names the province, not the article's place.
                if m.group()[-1] != "省" or article is None or article.level == 1:
                    last_anaphor = m.start()
            found = self._sub_places(article, lo, hi)
            if last_anaphor is not None and (found is None or found in ("list", "itself") or
                                             self._last_sub_place_end(lo, hi) <= last_anaphor):
                return article
            if found in ("list", "itself"):
                return article  # a sum of places, or the article's own place named again
            if found is not None:
                return found
        return article

    def _group_holder(self, article: Division, q_start: int, lo: int) -> Optional[Division]:
        """The division holding a group of places (三市, 两县) that is the subject of
        the figure's sentence: the group stands before the figure, with no place
        named between them. Counties lie in a prefecture, prefectures in a
        province; a group below the article's own level is inside the article's place."""
        j = bisect_left(self.group_starts, q_start) - 1
        if j < 0 or self.groups[j][0] < lo or self.groups[j][1] > q_start:
            return None
        g_start, g_end, kind = self.groups[j]
        k = bisect_left(self.starts, g_end)
        if k < len(self.starts) and self.starts[k] < q_start:
            return None  # a place named after the group is the figure's own
        level = 2 if kind[0] == "市" else 3
        if article.level < level:
            return article
        return places.gazetteer().path(article)[level - 2]

    def _descend(self, article: Division, level: str) -> Division:
        """The one division of kind `level` (县, 区; 市 under a province, or a
        county-level 市 under a prefecture that is no 市, such as 湘西州) below
        `article` that the document names, if there is exactly one."""
        if article.name.endswith(level) or level not in "县区市" or (level == "市" and article.level > 2):
            return article
        key = (article.code, level)
        if key not in self._below:
            found: dict[str, Division] = {}
            want = 2 if level == "市" and article.level == 1 else 3
            for i, m in enumerate(self.mentions):
                if m.kind == "town" or _is_scene(self.text, m):
                    continue
                d = self.division(i)
                if d is not None and d.level == want and d.name.endswith(level) and _is_under(d, article):
                    found[d.code] = d
            self._below[key] = next(iter(found.values())) if len(found) == 1 else None
        return self._below[key] or article

    def _heading_place(self, lo: int, hi: int) -> Optional[Division]:
        """A breakdown by place (其中,衡阳市36个,投资224.6亿元;郴州市45个,…): a place
        that opens its part of the sentence owns the figures of that part, even
        when it lies outside the article's place."""
        found = self._in(lo, hi)
        if not found:
            return None
        m = self.mentions[found[0]]
        if m.kind == "town" or not _GROUP_OPENING.fullmatch(self.text, lo, m.start) or _is_scene(self.text, m):
            return None
        if _LIST_SEP.match(self.text, m.end):
            return None
        if not regex.match(r"\d", self.text[m.end:m.end + 1]):
            return None  # only a place followed straight by its figure opens a breakdown
        d = self.division(found[0])
        return d if d is not None and self._confident(d) else None

    def _other_subject(self, article: Division, clause_start: int, sentence_start: int,
                       paragraph: Optional[tuple[int, int]], q_start: int, breaks: Sequence[int]) -> Optional[Division]:
        """A place outside the article's that is the subject of the figure: it
        opens the figure's clause or sentence (四川省成都市郫都区综合行政执法局今年共拆除…,
        1-10月,义乌市实现…), or opens the paragraph as its dateline (义乌市:…).
        A page of several places' news may have one headline for all of them.
        `breaks` are the paragraph's clause marks, in order."""
        # The figure's clause, then the clauses before it in the sentence (a
        # subject governs the clauses after it), then the paragraph's dateline.
        starts = [(clause_start, False)]
        j = bisect_left(breaks, clause_start - 1) - 1
        while j >= 0 and breaks[j] >= sentence_start:
            if self.text[breaks[j]] not in ":：":
                starts.append((breaks[j] + 1, False))
            j -= 1
        starts.append((sentence_start, False))
        if paragraph is not None and paragraph[0] < sentence_start:
            starts.append((paragraph[0], True))
        mentions = self.mentions
        for lo, dateline in starts:
            i = bisect_left(self.starts, lo)
            if i == len(mentions) or mentions[i].end > q_start:
                continue
            first = mentions[i]
            if first.kind == "town" or not _SUBJECT_OPENING.fullmatch(self.text, lo, first.start) \
                    or _is_scene(self.text, first):
                continue
            # A chain of names (浙江省金华市义乌市) names its last link.
            k = i
            while k + 1 < len(mentions) and mentions[k + 1].start == mentions[k].end and mentions[k + 1].end <= q_start:
                k += 1
            last = mentions[k]
            if dateline and not _DATELINE_END.match(self.text, last.end):
                continue
            head = self.division(i) if k > i else None
            d = self.division(k, [head.code] if head is not None else ())
            if d is None or d.level == 4:
                continue
            if _is_under(d, article) or _is_under(article, d):
                return None  # the nearest subject is the article's place, or in it
            return d if self._confident(d) or k > i or last.kind == "full" else None
        return None

    @staticmethod
    def apart(a: Division, b: Division) -> bool:
        """Neither division lies in the other."""
        return not _is_under(a, b) and not _is_under(b, a)

    def names_only_a_place(self, lo: int, hi: int) -> bool:
        """True when text[lo:hi] is one place's name and nothing else (其中,郴州市|45个)."""
        found = self._in(lo, hi)
        if len(found) != 1:
            return False
        m = self.mentions[found[0]]
        return m.end == hi and _GROUP_OPENING.fullmatch(self.text, lo, m.start) is not None

    def _last_sub_place_end(self, lo: int, hi: int) -> int:
        found = [self.mentions[i].end for i in self._in(lo, hi) if self.mentions[i].kind != "town"]
        return found[-1] if found else -1

    def _sub_places(self, article: Optional[Division], lo: int, hi: int):
        cands: list[Division] = []
        itself = False
        for i in self._in(lo, hi):
            m = self.mentions[i]
            if m.kind == "town" or _is_scene(self.text, m):
                continue
            d = self.division(i, [article.code] if article else ())
            if d is None:
                continue
            if article is not None and d.code == article.code:
                itself = True  # 今年湘潭…: the stretch names the article's own place
                continue
            if article is not None and not _is_under(d, article):
                continue
            if _LIST_SEP.match(self.text, m.end) or (m.start > 0 and self.text[m.start - 1] in "、和及与"):
                return "list"  # a list of places: the figure is their sum
            cands.append(d)
        if not cands:
            return "itself" if itself else None
        last = cands[-1]
        if article is None and not self._confident(last):
            return None
        return last

    def _confident(self, d: Division) -> bool:
        table = places.gazetteer()
        return not self.hints or any(_is_under(d, held) for h in self.hints if (held := table.get(h)) is not None)

    def town_for(self, county: Optional[Division], sentence: tuple[int, int]) -> Optional[Division]:
        if county is None or county.level != 3 or not self.towns:
            return None
        for i in self._in(*sentence):
            m = self.mentions[i]
            if m.kind != "town":
                continue
            for c in m.candidates:
                if c.parent == county.code:
                    return c
        return None

    def excluding_holder(self) -> Optional[Division]:
        """The city a page speaks of as 我市(不含溧阳) when it names no other: the
        prefecture holding the county left out."""
        for m in _EXCLUDING.finditer(self.text):
            i = bisect_left(self.starts, m.end())
            if i == len(self.starts) or self.starts[i] != m.end():
                continue
            d = self.division(i)
            if d is not None and d.level == 3:
                return places.gazetteer().path(d)[1]
        return None

    def dominant_place(self) -> Optional[Division]:
        """The place a whole document is most about: the most often named county,
        prefecture or province, counting a place's mentions toward its parents too,
        and preferring the most specific place that holds most of them."""
        counts: Counter = Counter()
        seen: dict[str, Division] = {}
        for i, m in enumerate(self.mentions):
            if m.kind == "town" or _is_scene(self.text, m, media=False):
                continue
            d = self.division(i)
            if d is None:
                continue
            for anc in places.gazetteer().path(d):
                counts[anc.code] += 1
                seen[anc.code] = anc
        if not counts:
            return None
        top = max(counts.values())
        best = None
        for code, n in counts.items():
            if n * 2 >= top and (best is None or seen[code].level > best.level or
                                 (seen[code].level == best.level and n > counts[best.code])):
                best = seen[code]
        return best
