"""Pages into articles, paragraphs and sentences.

A page of a county newspaper, or a web page, holds several articles, and text
taken from e-paper PDFs arrives with columns cut and shuffled: a paragraph
stops mid-sentence and its rest stands somewhere else on the page. This module
finds headlines, bylines and boilerplate, rejoins cut paragraphs where the
evidence is strong, drops paragraphs printed twice, and splits sentences.
Everything works on normalized text; offsets are normalized offsets.
"""
from __future__ import annotations

import math
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from typing import Any, Optional

import numpy as np
import regex

from .rx import plain

_TERMINAL = "。!?！？…”’」』)）】;；"
# Navigation, credits, counters and licence lines of web pages and e-papers.
_BOILERPLATE = plain(
    r"^\s*(?:【?(?:来源|作者|编辑|责任编辑|责编|审核|审校|校对|初审|复审|终审|通讯员|记者|摄影|图片|发布时间|发布日期|时间|日期|"
    r"点击量|点击数|点击|浏览量|浏览次数|浏览|阅读量|阅读|访问量|字体|字号|打印|关闭|分享到|分享|收藏|本文链接|原文链接|链接|"
    r"当前位置|您的位置|所在位置|首页|上一篇|下一篇|上一条|下一条|相关阅读|相关新闻|相关链接|热门搜索|热点|推荐|"
    r"版权所有|版权|Copyright|copyright|ICP|备案|网站标识码|主办|承办|协办|技术支持|联系电话|联系我们|地址|邮编|"
    r"免责声明|声明|归档时间|信息来源|文章来源|发文机关|索引号|主题分类|成文日期|发布机构|扫一扫|微信|微博|返回顶部)"
    r"\s*(?:[】:：]|$)|©|\(c\)|Tel|TEL|电话[:：]|本报记者\s|本报通讯员\s|记者\s|通讯员\s)"
)
_BOILERPLATE_ANYWHERE = regex.compile(r"(?:(?:来源|作者|编辑|责任编辑|发布时间|浏览次数|阅读次数)[:：]|^\s*(?:19|20)\d{2}[-/.年]\d{1,2}[-/.月]\d{1,2}日?\s+\d{1,2}:\d{2}|版权所有|All Rights Reserved|未经授权|禁止转载|不得转载|本站部分内容|如有侵权|ICP备|公网安备|点击量[:：]?\s*\d|浏览次数[:：]?\s*\d)", regex.I)
# (钟维) (常剑 付强 戴鹏) closing an article; also “(记者 张三)”.
_BYLINE_END = plain(r"[(（](?:(?:记者|通讯员|作者|文/图|文|图|摄)\s*)?\p{Han}{2,4}(?:[ 、,\u3000]+\p{Han}{2,4}){0,5}[)）]\s*$")
_AUTHOR_LINE = plain(r"^\s*(?:(?:记者|通讯员|文/图|文|图)\s*)?\p{Han}{2,3}(?:[ \u3000]+\p{Han}{2,3}){1,5}\s*$")
_LIST_START = plain(r"^\s*(?:[一二三四五六七八九十]+、|\(?[一二三四五六七八九十]+\)|\d+[.、]|[①②③④⑤⑥⑦⑧⑨⑩])")
# Site furniture, recognisable only on short lines.
_NAVIGATION = plain(r"导航|菜单|站内搜|网站地图|无障碍|繁体|简体|登录|注册|搜索|热门|专题|栏目|频道|返回|更多|图片|资料图|视频|点击查看|展开全文")
# "永州:坚持…", "开福区:帮扶…": a bulletin page's article headline names its place first.
_NAMED_HEADLINE = plain(r"\p{Han}{2,8}[:：]\S")
# Breadcrumbs: 首页 > 政务公开 > 部门动态
_BREADCRUMB = plain(r"^[^。，,]{1,12}(?:\s*[>»›/]\s*[^。，,>»›]{1,12}){1,6}$")
# "当事人(姓名或名称):…", "住所或地址:…": a form's field, complete as it stands.
_BRACKET_BEFORE_COLON = plain(r"[^:：]*[(（]")
_FIELD_LINE = plain(r"^[^,，。:：]{1,16}[:：]\S")
_SENTENCE_END = regex.compile(r"[。!?！？]+[”’」』]?|\n+")

_HAN_PAIR = regex.compile(r"\p{Han}{2}")
# A page's reader counters: 已有1236人阅读, 12条评论, 点赞 86.
_COUNTER_LINE = regex.compile(r"\d+\s*(?:人|次|条)?\s*(?:阅读|浏览|点赞|收藏|评论|参与|转发|分享|播放|围观)|"
                              r"(?:阅读|浏览|点赞|收藏|评论|转发|分享|播放|赞)\s*[:：]?\s*\d")
_CLAUSE_MARK = regex.compile(r"[。，,;；!！?？]")
# The heading of a list of links to other stories.
_LIST_HEADING = plain(
    r"^\s*[•·●▪■◆□◇>»-]?\s*(?:相关(?:新闻|阅读|文章|链接|推荐|报道|稿件)|推荐(?:阅读|文章|新闻)|延伸阅读|"
    r"热点(?:新闻|推荐|文章)|热门(?:文章|新闻|推荐|阅读)|最新(?:文章|新闻)|往期(?:回顾|推荐)|"
    r"猜你喜欢|为你推荐|精彩推荐|更多(?:新闻|阅读|文章|精彩)|(?:新闻|阅读|点击)排行|图片新闻)\s*[:：>»]?\s*$")
# A link to another story: a title with its date after it (· 全市新增就业1.2万人 2023-06-08).
_DATED_LINK = regex.compile(r"\S\s+[\[(（]?(?:19|20)\d{2}[-/.]\d{1,2}[-/.]\d{1,2}[\])）]?\s*$")
_SENTENCE_STOP_MARK = regex.compile(r"[。!?！？]")
_SENTENCE_MARK = regex.compile(_CLAUSE_MARK.pattern + r"|\d")
_BYLINE_ONLY = plain(r"[(（][^()（）]{1,20}[)）]")


@dataclass(slots=True)
class Paragraph:
    index: int
    start: int
    end: int
    text: str
    kind: str = "body"  # body, headline, author, boilerplate, byline
    article: int = -1
    duplicate_of: Optional[int] = None
    continues: Optional[int] = None  # the cut paragraph whose sentence this one completes
    _open_end: Optional[bool] = None  # the text stops mid-sentence (whatever the kind)
    _byline_end: Any = False  # False until looked up, then the closing byline's match or None

    @property
    def signed(self) -> Any:
        """The byline closing the paragraph (钟维) as a match, or None."""
        if self._byline_end is False:
            self._byline_end = _BYLINE_END.search(self.text)
        return self._byline_end

    @property
    def cut_end(self) -> bool:
        """Stops mid-sentence: the rest of the sentence is somewhere else."""
        if self.kind != "body":
            return False
        if self._open_end is None:
            t = self.text.rstrip()
            self._open_end = bool(t) and not (self.signed or (len(t) < 60 and _FIELD_LINE.match(t))) \
                and t[-1] not in _TERMINAL and not t.endswith("……")
        return self._open_end


@dataclass(slots=True)
class Article:
    index: int
    title: Optional[str] = None
    title_span: Optional[tuple[int, int]] = None  # the headline lines, author line included
    headline_spans: list[tuple[int, int]] = field(default_factory=list)  # the headline lines alone
    byline: Optional[str] = None
    paragraphs: list[int] = field(default_factory=list)
    orphan: bool = False  # a fragment whose beginning is not on the page


@dataclass(slots=True)
class Page:
    text: str
    paragraphs: list[Paragraph]
    articles: list[Article]

    def article_text(self, article: Article) -> str:
        return "\n".join(self.paragraphs[i].text for i in article.paragraphs)


def split_paragraphs(text: str) -> list[Paragraph]:
    out: list[Paragraph] = []
    for m in regex.finditer(r"[^\n]+", text):
        s, e = m.span()
        raw = m.group()
        stripped = raw.strip()
        if not stripped:
            continue
        lead = len(raw) - len(raw.lstrip())
        out.append(Paragraph(len(out), s + lead, s + lead + len(stripped), stripped))
    return out


def _is_headline(p: Paragraph, nxt: Optional[Paragraph], top: bool = False) -> bool:
    """A short line without closing punctuation standing above running text;
    at the top of a page (`top`) above any text."""
    t = p.text
    if len(t) > 40 or len(t) < 4:
        return False
    if _FIELD_LINE.match(t) and not t.endswith((":", "：")) and _BRACKET_BEFORE_COLON.match(t):
        return False
    if t[0] in ",，、;；:：)）】」』”":
        return False  # the rest of a cut sentence
    if p.signed:
        return False  # a short piece signed by its author
    if t[-1] in "。!?！？;；,，、" or t.startswith(("“", '"')):
        return False
    if _LIST_START.match(t):
        return False
    if nxt is None:
        return False
    # A headline stands above running text (or above a second title line).
    return top or len(nxt.text) >= len(t) or nxt.text.startswith("——")


def _joins_next(pairs: list[tuple[Paragraph, Paragraph]], page: _NGrams) -> list[bool]:
    """For each (short line, next line): True when the two read as one sentence
    cut by a wrap, the characters across the break occurring together
    elsewhere on the page."""
    scores = _across([(p.text, nxt.text) for p, nxt in pairs], page, pairs_too=False)
    return [score > 0 for score in scores]


def _classify(paras: list[Paragraph], page: _NGrams) -> None:
    # Furniture first, so that a headline is judged by the text that follows it
    # rather than by a date or a "来源:" line in between.
    for p in paras:
        if _BOILERPLATE.match(p.text) or (len(p.text) < 80 and _BOILERPLATE_ANYWHERE.search(p.text)) \
                or (len(p.text) <= 60 and _COUNTER_LINE.search(p.text) and not _CLAUSE_MARK.search(p.text)) \
                or (len(p.text) <= 20 and _NAVIGATION.search(p.text) and not _SENTENCE_MARK.search(p.text)) \
                or (len(p.text) <= 60 and _BREADCRUMB.match(p.text)):
            p.kind = "boilerplate"
        elif _BYLINE_ONLY.fullmatch(p.text):
            p.kind = "byline"
        elif len(p.text) <= 3 and not _HAN_PAIR.search(p.text):
            p.kind = "boilerplate"
    _mark_link_lists(paras)
    content = [p for p in paras if p.kind == "body"]
    following = {a.index: b for a, b in zip(content, content[1:])}
    first_content = next((p.index for p in paras if p.kind != "boilerplate"), -1)
    # Lines that may be headlines, asked all at once whether they run on into the next.
    maybe = [(p, following[p.index]) for p in content
             if p.index in following and _is_headline(p, following[p.index], top=True)]
    runs_on = {p.index for (p, _), joined in zip(maybe, _joins_next(maybe, page)) if joined}
    for i, p in enumerate(paras):
        if p.kind != "body":
            continue
        prev = paras[i - 1] if i > 0 else None
        nxt = following.get(p.index)
        if _AUTHOR_LINE.match(p.text) and prev is not None and prev.kind == "headline":
            p.kind = "author"
        elif p.text.startswith("——") and len(p.text) <= 45 and prev is not None and prev.kind == "headline":
            p.kind = "headline"
        elif _is_headline(p, nxt, top=i == first_content) and p.index not in runs_on:
            # Inside a running article a short title line is a section heading;
            # after a byline, a cut paragraph or at the top it opens an article.
            opens = prev is None or prev.kind in ("byline", "boilerplate", "headline") or prev.cut_end \
                or bool(prev.signed) or p.text.endswith((":", "：")) \
                or bool(_NAMED_HEADLINE.match(p.text))
            p.kind = "headline" if opens else "subhead"


def _mark_link_lists(paras: list[Paragraph]) -> None:
    """A web page's lists of links to other stories (相关新闻, 推荐阅读 and the
    titles under them; a title closed by its date) are furniture: their
    figures are other pages' headlines."""
    in_list = False
    for p in paras:
        if _LIST_HEADING.match(p.text):
            p.kind = "boilerplate"
            in_list = True
        elif in_list and len(p.text) <= 60 and not _SENTENCE_STOP_MARK.search(p.text):
            p.kind = "boilerplate"
        else:
            in_list = False
            if len(p.text) <= 80 and _DATED_LINK.search(p.text) and not _SENTENCE_STOP_MARK.search(p.text):
                p.kind = "boilerplate"


def _mark_duplicates(paras: list[Paragraph]) -> None:
    seen: dict[str, int] = {}
    for p in paras:
        if p.kind not in ("body", "headline") or len(p.text) < 12:
            continue
        if p.text in seen:
            p.duplicate_of = seen[p.text]
        else:
            seen[p.text] = p.index


def segment(text: str) -> Page:
    """Split normalized text into paragraphs and articles, rejoining cut columns."""
    paras = split_paragraphs(text)
    words = _NGrams(paras)
    _classify(paras, words)
    _mark_duplicates(paras)
    articles = _assemble(paras, words)
    return Page(text, paras, articles)


def _assemble(paras: list[Paragraph], words: _NGrams) -> list[Article]:
    live = [p for p in paras if p.duplicate_of is None and p.kind != "boilerplate"]
    prev_of = {b.index: a for a, b in zip(live, live[1:])}

    def may_continue(s: Paragraph) -> bool:
        pr = prev_of.get(s.index)
        if pr is None or pr.kind == "author":
            return False
        return pr.kind in ("headline", "byline") or pr.cut_end or bool(pr.signed)

    body = [p for p in live if p.kind == "body"]
    ends = [p for p in body if p.cut_end]
    # A column's rest may also stand right under another story's headline; it
    # must then win against that story's own lede, so it needs more evidence:
    # only a line that reads on from some cut across the break is weighed.
    under = [p for p in body if (pr := prev_of.get(p.index)) is not None and pr.kind == "headline"]
    reads_on = _across([(e.text, s.text) for s in under for e in ends], words, pairs_too=False) if ends else []
    under_headline = {s.index for k, s in enumerate(under) if any(reads_on[k * len(ends):(k + 1) * len(ends)])}
    unproven = {s.index for s in under} - under_headline
    starts = [p for p in body if may_continue(p) and p.index not in unproven]
    joins = _match_cuts(paras, ends, starts, words, under_headline)
    continues = {s: e for e, s in joins.items()}
    for s_idx, e_idx in continues.items():
        paras[s_idx].continues = e_idx

    # Runs: stretches of the page read in order, broken at headlines, bylines
    # and cut paragraphs. A run opened by a headline is an article; a run that
    # completes a cut paragraph belongs to that paragraph's article; any other
    # run is a fragment whose beginning is not on the page.
    articles: list[Article] = []
    run_of: dict[int, int] = {}
    runs: list[list[int]] = []
    run_article: list[Optional[int]] = []
    run_source: list[Optional[int]] = []
    byline_of_run: dict[int, str] = {}
    title: list[Paragraph] = []
    open_run = False
    last_live = -1
    for p in live:
        # A block printed twice (two or more paragraphs again) is a column read
        # again; what follows it is the next column, not the story's next line.
        if p.index - last_live > 2 and sum(1 for q in paras[last_live + 1:p.index] if q.duplicate_of is not None) >= 2:
            open_run = False
        last_live = p.index
        if p.kind == "subhead":
            if runs and open_run is not False:
                runs[-1].append(p.index)
                run_of[p.index] = len(runs) - 1
            continue
        if p.kind in ("headline", "author"):
            if p.kind == "headline" and title and not (p.text.startswith("——") or title[-1].text.endswith((":", "："))):
                title = []
            title.append(p)
            open_run = False
            continue
        if p.kind == "byline":
            if runs:
                runs[-1].append(p.index)
                run_of[p.index] = len(runs) - 1
                byline_of_run[len(runs) - 1] = p.text.strip("()（） ")
            open_run = False
            continue
        if title and p.index not in continues:
            art = Article(len(articles), title=" ".join(t.text.lstrip("—") for t in title if t.kind == "headline"),
                          title_span=(title[0].start, title[-1].end),
                          headline_spans=[(t.start, t.end) for t in title if t.kind == "headline"],
                          byline=next((t.text for t in title if t.kind == "author"), None))
            articles.append(art)
            for t in title:
                t.article = art.index
            runs.append([p.index])
            run_article.append(art.index)
            run_source.append(None)
            title = []
        elif open_run and p.index not in continues:
            runs[-1].append(p.index)
        else:
            runs.append([p.index])
            run_article.append(None)
            run_source.append(continues.get(p.index))
        run_of[p.index] = len(runs) - 1
        open_run = not p.cut_end
        m = p.signed
        if m:
            byline_of_run[len(runs) - 1] = m.group().strip().strip("()（）")
            open_run = False
    # A continuation takes the article of the run it completes; chains resolve in turn.
    for _ in range(len(runs)):
        changed = False
        for r, src in enumerate(run_source):
            if run_article[r] is None and src is not None and src in run_of:
                held = run_article[run_of[src]]
                if held is not None:
                    run_article[r] = held
                    changed = True
        if not changed:
            break
    for r, members in enumerate(runs):
        index = run_article[r]
        if index is None:
            art = Article(len(articles), orphan=True)
            articles.append(art)
            index = run_article[r] = art.index
        for i in members:
            paras[i].article = index
        if r in byline_of_run:
            articles[index].byline = byline_of_run[r]
    for p in paras:
        if p.duplicate_of is not None:
            p.article = paras[p.duplicate_of].article
        if p.article >= 0 and p.kind != "headline":
            articles[p.article].paragraphs.append(p.index)
    for a in articles:
        a.paragraphs.sort()
    return articles


def _match_cuts(paras: list[Paragraph], ends: list[Paragraph], starts: list[Paragraph],
                grams: _NGrams, under_headline: frozenset[int] | set[int] = frozenset()) -> dict[int, int]:
    """Pair paragraphs cut mid-sentence with the paragraphs that complete them.

    Evidence: the characters across the cut forming a word that the page uses
    elsewhere, the two pieces sharing their topic (character pairs weighted by
    how rare they are on the page), and standing next to each other. A pair
    must clear a threshold; an unpaired continuation stays on its own.
    """
    if not ends or not starts:
        return {}
    grams.count()
    n = len(paras) + 1
    # How distinctive a character pair is: the fewer paragraphs could hold it, the more.
    idf = np.log(n / np.minimum(grams.pair_counts, n - 1))
    follows = {s.index: _follow(paras, s.index) for s in starts}
    contexts = {e.index: _context_before(paras, e.index) for e in ends}
    pair_seen = np.zeros(len(idf), dtype=bool)
    quad_seen = np.zeros(grams.n_quads, dtype=bool)

    def distinct(ids: np.ndarray, scratch: np.ndarray) -> np.ndarray:
        scratch[ids] = True
        out = np.flatnonzero(scratch)
        scratch[out] = False
        return out

    # The continuations' vocabularies, one after another in page order: the
    # candidates of a cut are a stretch of them, weighed in one pass.
    pair_parts, weight_parts, quad_parts, totals = [], [], [], []
    pair_bounds, quad_bounds = [0], [0]
    for s in starts:
        idx = follows[s.index]
        ids = distinct(grams.pairs_of(idx), pair_seen)
        w = idf[ids]
        quads = distinct(grams.rare_quads_of(idx), quad_seen)
        pair_parts.append(ids)
        weight_parts.append(w)
        quad_parts.append(quads)
        totals.append(float(w.sum()) or 1.0)
        pair_bounds.append(pair_bounds[-1] + len(ids))
        quad_bounds.append(quad_bounds[-1] + len(quads))
    all_pairs, all_weights = np.concatenate(pair_parts), np.concatenate(weight_parts)
    all_quads = np.concatenate(quad_parts)
    # Which kind of place each stretch speaks of, read paragraph by paragraph (each once).
    para_levels: dict[int, set[str]] = {}

    def levels_of(idx: list[int]) -> set[str]:
        out: set[str] = set()
        for j in idx:
            if j not in para_levels:
                para_levels[j] = _levels(paras[j].text)
            out |= para_levels[j]
        return out

    levels = {i: levels_of(idx) for i, idx in contexts.items()}
    levels_f = {i: levels_of(idx) for i, idx in follows.items()}
    raw: dict[tuple[int, int], float] = {}
    shared_names: dict[tuple[int, int], int] = {}
    start_at = [x.index for x in starts]
    for e in ends:
        ctx_idx = contexts[e.index]
        ctx_pairs = grams.pairs_of(ctx_idx)
        ctx_quads = grams.rare_quads_of(ctx_idx)
        pair_seen[ctx_pairs] = True
        quad_seen[ctx_quads] = True
        # A column continues on its own page: far-apart pieces of a long
        # document are not weighed against each other.
        lo = bisect_left(start_at, e.index - _JOIN_WINDOW)
        hi = bisect_right(start_at, e.index + _JOIN_WINDOW)
        # How much of each continuation's distinctive vocabulary the cut article uses...
        covers = _segment_sums(np.where(pair_seen[all_pairs[pair_bounds[lo]:pair_bounds[hi]]],
                                        all_weights[pair_bounds[lo]:pair_bounds[hi]], 0.0), pair_bounds[lo:hi + 1])
        # ...and how many rare runs (names, terms) the two share.
        names = _segment_sums(quad_seen[all_quads[quad_bounds[lo]:quad_bounds[hi]]].astype(np.int64),
                              quad_bounds[lo:hi + 1])
        pair_seen[ctx_pairs] = False
        quad_seen[ctx_quads] = False
        for k in range(lo, hi):
            s = starts[k]
            if s.index in ctx_idx or e.index in follows[s.index]:
                continue
            raw[e.index, s.index] = covers[k - lo] / totals[k]
            shared_names[e.index, s.index] = int(names[k - lo])
    per_start: dict[int, list[float]] = {}
    for (ei, si), cover in raw.items():
        acc = per_start.setdefault(si, [0.0, 0])
        acc[0] += cover
        acc[1] += 1
    scored = []
    across = _across([(paras[ei].text, paras[si].text) for ei, si in raw], grams)
    for ((ei, si), cover), word in zip(raw.items(), across):
        total_s, n_s = per_start[si]
        # Topic counts relative to the other candidates: pieces of one page share words.
        topic = cover - ((total_s - cover) / (n_s - 1) if n_s > 1 else 0.0)
        adjacent = 0.3 if si == ei + 1 else 0.0
        shared = min(shared_names[ei, si], 6) * 0.08
        level = _level_agreement(levels[ei], levels_f[si])
        if si in under_headline and word < 0.6:
            continue  # under a headline, only a sentence that reads on across the cut
        lede = _UNDER_HEADLINE_PENALTY if si in under_headline else 0.0
        scored.append((topic * 4 + word + adjacent + shared + level - lede, ei, si))
    scored.sort(key=lambda x: (-x[0], x[1], x[2]))
    # The best set of joins overall, not the best join first: one strong but
    # wrong pair must not take the piece that another cut needs.
    scored = [x for x in scored if x[0] > _JOIN_THRESHOLD]
    e_ids = sorted({e for _, e, _ in scored})
    s_ids = sorted({s_ for _, _, s_ in scored})
    joins = {}
    if len(e_ids) * len(s_ids) > _ASSIGNMENT_LIMIT:
        # Very many cut pieces (a long document): best pair first keeps it linear.
        taken: set[int] = set()
        for sc, ei, si in scored:
            if ei not in joins and si not in taken:
                joins[ei] = si
                taken.add(si)
        return joins
    # Cuts and continuations that no candidate pair links are independent:
    # each linked group is solved on its own (most are one cut, one piece).
    group_of: dict[tuple[str, int], tuple[str, int]] = {}

    def root(x: tuple[str, int]) -> tuple[str, int]:
        while group_of.setdefault(x, x) != x:
            x = group_of[x]
        return x

    for _, ei, si in scored:
        a, b = root(("e", ei)), root(("s", si))
        if a != b:
            group_of[b] = a
    groups: dict[tuple[str, int], list[tuple[float, int, int]]] = {}
    for x in scored:
        groups.setdefault(root(("e", x[1])), []).append(x)
    for pairs in groups.values():
        if len(pairs) == 1:
            joins[pairs[0][1]] = pairs[0][2]
            continue
        g_e = sorted({e for _, e, _ in pairs})
        g_s = sorted({s_ for _, _, s_ in pairs})
        e_pos = {e: i for i, e in enumerate(g_e)}
        s_pos = {x: i for i, x in enumerate(g_s)}
        gain = [[0.0] * len(g_s) for _ in g_e]
        for sc, ei, si in pairs:
            gain[e_pos[ei]][s_pos[si]] = sc - _JOIN_THRESHOLD
        for r, c in _max_assignment(gain):
            if gain[r][c] > 0:
                joins[g_e[r]] = g_s[c]
    return dict(sorted(joins.items()))


def _segment_sums(values: np.ndarray, bounds: list[int]) -> list:
    """Sums of values[bounds[i]-bounds[0]:bounds[i+1]-bounds[0]], one per stretch
    (empty stretches sum to zero)."""
    base = bounds[0]
    filled = [i for i in range(len(bounds) - 1) if bounds[i + 1] > bounds[i]]
    out = [0.0 if values.dtype.kind == "f" else 0] * (len(bounds) - 1)
    if filled:
        for i, total in zip(filled, np.add.reduceat(values, [bounds[i] - base for i in filled]).tolist()):
            out[i] = total
    return out


def _ranks(a: np.ndarray, b: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Ids of the pairs (a[i], b[i]) numbered in sorted order, and how often each
    occurs: what `np.unique` of the combined keys gives, with return_inverse and
    return_counts. Values under 2**16 (the Basic Multilingual Plane) are sorted
    by two stable radix passes, several times faster than a comparison sort.

    >>> ids, counts = _ranks(np.array([5, 1, 5, 1]), np.array([2, 3, 2, 0]))
    >>> ids.tolist(), counts.tolist()
    ([2, 1, 2, 0], [1, 1, 2])
    """
    if len(a) and max(int(a.max()), int(b.max())) >= 1 << 16:
        _, ids, counts = np.unique((a.astype(np.int64) << 32) | b, return_inverse=True, return_counts=True)
        return ids.ravel(), counts
    if not len(a):
        return np.empty(0, dtype=np.int64), np.empty(0, dtype=np.int64)
    a16, b16 = a.astype(np.uint16), b.astype(np.uint16)
    order = np.argsort(b16, kind="stable")
    order = order[np.argsort(a16[order], kind="stable")]
    sa, sb = a16[order], b16[order]
    new = np.empty(len(order), dtype=bool)
    new[0] = True
    np.not_equal(sa[1:], sa[:-1], out=new[1:])
    new[1:] |= sb[1:] != sb[:-1]
    ids = np.empty(len(order), dtype=np.int64)
    ids[order] = np.cumsum(new) - 1
    return ids, np.diff(np.append(np.flatnonzero(new), len(order)))


class _NGrams:
    """Character runs of a page's paragraphs (read joined by newlines).

    `word in page` says whether the page uses a two- or three-character run
    anywhere. After `count()`, pairs and four-character runs have ids:
    `pair_counts[id]` is how often a pair occurs on the page, and a
    four-character run is rare (a name or a term) when it recurs at most six
    times. Each is built on first use.
    """

    def __init__(self, paras: list[Paragraph]):
        self.paras = paras
        text = "\n".join(p.text for p in paras) + "\n\n\n"  # padding: every run has an id
        self.chars = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32).astype(np.int64)
        self.bmp = int(self.chars.max()) < 1 << 16
        self.offsets: dict[int, int] = {}
        self._runs: dict[frozenset[int], set[int]] = {}

    def __contains__(self, word: str) -> bool:
        """Whether the page uses a run of two or three Han characters."""
        code = _code(word)
        return bool(code) and code in self.runs_from({ord(word[0])})

    def runs_from(self, firsts: set[int]) -> set[int]:
        """Codes (see `_code`) of the page's two- and three-character runs that
        begin with one of the characters `firsts` (code points); the set may
        also hold runs beginning with other characters."""
        if not firsts:
            return set()
        key = frozenset(firsts)
        if key in self._runs:
            return self._runs[key]
        # Runs found for more first characters answer for fewer: callers only
        # ask about runs that begin with one of the characters they name.
        for known, runs in self._runs.items():
            if key <= known:
                return runs
        c = self.chars
        if max(firsts) < 1 << 16 and self.bmp:
            # Characters of the Basic Multilingual Plane: a lookup table over all of it.
            wanted = np.zeros(1 << 16, dtype=bool)
            wanted[list(firsts)] = True
            at = np.flatnonzero(wanted[c[:-2]])
        else:
            at = np.flatnonzero(np.isin(c[:-2], np.array(sorted(firsts), dtype=np.int64), kind="table"))
        head = c[at] << 21
        runs = set(((head | c[at + 1]) << 21 | c[at + 2]).tolist())
        runs.update((head | c[at + 1]).tolist())
        self._runs[key] = runs
        return runs

    def count(self) -> None:
        if self.offsets:
            return
        pos = 0
        for p in self.paras:
            self.offsets[p.index] = pos
            pos += len(p.text) + 1
        c = self.chars
        self.pair_id, counts = _ranks(c[:-1], c[1:])
        self.pair_counts = counts.astype(np.float64)
        # A four-character run is two pairs.
        self.quad_id, quad_counts = _ranks(self.pair_id[:-2], self.pair_id[2:])
        self.n_quads = len(quad_counts)
        self.quad_rare = quad_counts <= 6

    def pairs_of(self, indices: list[int]) -> np.ndarray:
        """Pair ids inside the paragraphs (none across a paragraph break)."""
        parts = [self.pair_id[self.offsets[i]:self.offsets[i] + len(self.paras[i].text) - 1] for i in indices]
        return np.concatenate(parts) if parts else np.empty(0, dtype=np.int64)

    def rare_quads_of(self, indices: list[int]) -> np.ndarray:
        parts = [self.quad_id[self.offsets[i]:self.offsets[i] + max(0, len(self.paras[i].text) - 3)] for i in indices]
        if not parts:
            return np.empty(0, dtype=np.int64)
        ids = np.concatenate(parts)
        return ids[self.quad_rare[ids]]


_JOIN_THRESHOLD = 0.4
_UNDER_HEADLINE_PENALTY = 0.5
_JOIN_WINDOW = 80  # paragraphs
_ASSIGNMENT_LIMIT = 1600  # pairs of rows and columns for the exact assignment


def _max_assignment(gain: list[list[float]]) -> list[tuple[int, int]]:
    """Rows to columns maximizing the total gain (Hungarian method, rows <= columns padded)."""
    n_rows = len(gain)
    n_cols = len(gain[0]) if gain else 0
    n = max(n_rows, n_cols)
    if n == 0:
        return []
    big = max((v for row in gain for v in row), default=0.0)
    cost = [[(big - gain[i][j]) if i < n_rows and j < n_cols else big for j in range(n)] for i in range(n)]
    u, v = [0.0] * (n + 1), [0.0] * (n + 1)
    p, way = [0] * (n + 1), [0] * (n + 1)
    for i in range(1, n + 1):
        p[0] = i
        j0 = 0
        minv = [math.inf] * (n + 1)
        used = [False] * (n + 1)
        while True:
            used[j0] = True
            i0, delta, j1 = p[j0], math.inf, 0
            for j in range(1, n + 1):
                if not used[j]:
                    cur = cost[i0 - 1][j - 1] - u[i0] - v[j]
                    if cur < minv[j]:
                        minv[j], way[j] = cur, j0
                    if minv[j] < delta:
                        delta, j1 = minv[j], j
            for j in range(n + 1):
                if used[j]:
                    u[p[j]] += delta
                    v[j] -= delta
                else:
                    minv[j] -= delta
            j0 = j1
            if p[j0] == 0:
                break
        while True:
            j1 = way[j0]
            p[j0] = p[j1]
            j0 = j1
            if j0 == 0:
                break
    return [(p[j] - 1, j - 1) for j in range(1, n + 1) if p[j] and p[j] - 1 < n_rows and j - 1 < n_cols]


_LEVEL_WORD = regex.compile(r"(?:该|全|我|本)(市|县|区|州)|(?<=\p{Han})(市|县|区|州)(?:委|政府|人民政府|纪委)")


def _levels(text: str) -> set[str]:
    """Which kind of place the text speaks of: 该市/全县/区委 … → {"市"}, {"县"}, …"""
    return {m.group(1) or m.group(2) for m in _LEVEL_WORD.finditer(text)}


def _level_agreement(a: set[str], b: set[str]) -> float:
    # 该市 continues an article about a city, not one about a county.
    if not a or not b:
        return 0.0
    return 0.3 if a & b else -0.4



def _across(pieces: list[tuple[str, str]], words: _NGrams, pairs_too: bool = True) -> list[float]:
    """For each (left, right) pair of pieces, how well the characters across
    the cut read as one word used elsewhere on the page: a three-character
    word 0.6, a two-character one 0.3 (with `pairs_too`)."""
    lefts: dict[str, tuple[int, int]] = {}  # codes of the last two and the last character, 0 if not Han
    rights: dict[str, tuple[int, int]] = {}  # ...of the first character and the first two
    for left, right in pieces:
        if left not in lefts:
            t = left.rstrip()
            lefts[left] = (_code(t[-2:]) if len(t) >= 2 else 0, _code(t[-1:]) if t else 0)
        if right not in rights:
            t = right.lstrip()
            rights[right] = (_code(t[:1]) if t else 0, _code(t[:2]) if len(t) >= 2 else 0)
    firsts = {code >> 21 for code, _ in lefts.values() if code} | {code for _, code in lefts.values() if code}
    runs = words.runs_from(firsts)
    out = []
    for left, right in pieces:
        two, one = lefts[left]
        first, first_two = rights[right]
        if (two and first and (two << 21 | first) in runs) or (one and first_two and (one << 42 | first_two) in runs):
            out.append(0.6)
        elif pairs_too and one and first and (one << 21 | first) in runs:
            out.append(0.3)
        else:
            out.append(0.0)
    return out


def _code(word: str) -> int:
    """One number for a run of Han characters (21 bits a character); 0 if any is
    not Han (U+4E00 to U+9FFF) or the run is empty.

    >>> _code("公安") == (ord("公") << 21) | ord("安"), _code("公a"), _code("")
    (True, 0, 0)
    """
    code = 0
    for ch in word:
        if not "\u4e00" <= ch <= "\u9fff":
            return 0
        code = (code << 21) | ord(ch)
    return code


def _context_before(paras: list[Paragraph], idx: int) -> list[int]:
    """The paragraphs of the cut paragraph's own stretch, back to its headline or byline."""
    out: list[int] = []
    size = 0
    for p in reversed(paras[:idx + 1]):
        if p.kind == "byline" or (p.index != idx and p.signed):
            break
        if p.kind in ("boilerplate", "author") or p.duplicate_of is not None:
            continue
        if p.index != idx and p.cut_end:
            break
        out.append(p.index)
        size += len(p.text)
        if p.kind == "headline" or size > 1500:
            break
    return out


def _follow(paras: list[Paragraph], idx: int) -> list[int]:
    """The candidate continuation and what follows it, up to a byline, headline or cut."""
    out: list[int] = []
    size = 0
    for p in paras[idx:]:
        if p.kind in ("headline", "byline") and p.index != idx:
            break
        if p.kind == "boilerplate" or p.duplicate_of is not None:
            continue
        out.append(p.index)
        size += len(p.text)
        if p.signed or p.cut_end or size > 600:
            break
    return out


def sentence_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentences of text[start:end] as (start, end) pairs, closing quotes kept."""
    out = []
    s = start
    for m in _SENTENCE_END.finditer(text, start, end):
        e = m.end() if not m.group().startswith("\n") else m.start()
        if e > s and text[s:e].strip():
            out.append((s, e))
        s = m.end()
    if s < end and text[s:end].strip():
        out.append((s, end))
    return out
