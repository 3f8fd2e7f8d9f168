"""Every kind of input through `bulletinx extract`: folders, globs, HTML, PDF, document streams, CSV, jobs."""
import csv
import hashlib
import io
from pathlib import Path

import orjson
import pytest
from typer.testing import CliRunner

from bulletinx import inputs, parallel
from bulletinx.cli import app

BULLETIN = "今年以来,该县公安机关共破获涉毒案件65起,刑事拘留97人,追回被拖欠工资7154余万元。\n"


def run(*args, input=None):
    return CliRunner().invoke(app, [str(a) for a in args], input=input)


def records(output: str) -> list[dict]:
    return [orjson.loads(line) for line in output.splitlines() if line.strip()]


def facts(output: str) -> list[tuple]:
    return [(r["quantity"]["text"], (r["locality"] or {}).get("code")) for r in records(output)]


def problems(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines()
            if line.startswith("bulletinx: ") and "document(s) read" not in line and "facts by metric" not in line]


# ---------------------------------------------------------------- pages made here

PAGE_HTML = """<!DOCTYPE html>
<html><head><meta charset="{charset}"><title>桃源县:禁毒有力度 帮扶有温度_常德新闻网</title></head>
<body>
<div id="nav"><ul><li><a href="/">首页</a></li><li><a href="/news">新闻中心</a></li>
<li><a href="/gov">政务公开</a></li><li><a href="/bs">办事服务</a></li></ul></div>
<div class="crumb">当前位置:首页 &gt; 新闻中心 &gt; 县区动态</div>
<div class="article">
<h1>桃源县:禁毒有力度 帮扶有温度</h1>
<div class="info">来源:桃源县融媒体中心 发布时间:2022-12-15 点击量:485</div>
<div class="content">
<p>今年以来,桃源县公安机关始终保持对涉毒违法犯罪活动的高压打击态势,共破获涉毒案件65起,刑事拘留97人,强制隔离戒毒43人。</p>
<p>县人社局联合劳动保障监察部门开展根治欠薪专项行动,追回被拖欠的劳动者工资7154余万元,惠及农民工3000余人。</p>
<p>下一步,该县将继续深化禁毒宣传教育,推动禁毒工作再上新台阶。</p>
</div></div>
<div class="related"><h3>相关新闻</h3><ul><li><a href="/n/2.html">石门县开展安全生产大检查 排查隐患1200处</a></li>
<li><a href="/n/3.html">澧县新建农村公路36公里</a></li></ul></div>
<div id="footer"><p>主办单位:桃源县人民政府办公室 湘ICP备12345678号 联系电话:0736-6621234</p>
<p>版权所有 2022 网站地图 | 联系我们</p></div>
</body></html>
"""


def html_page(path: Path, encoding: str = "utf-8") -> Path:
    charset = "gb2312" if encoding in ("gbk", "gb18030") else encoding
    path.write_bytes(PAGE_HTML.format(charset=charset).encode(encoding))
    return path


FONT = "STSong-Light"
SIZE = 10


def _wrap(paragraph: str, width: float, indent: bool = True) -> list[tuple[float, str, bool]]:
    """Lines of one justified paragraph: (indent, text, full width)."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    out = []
    left, line = (2 * SIZE if indent else 0), ""
    for ch in paragraph:
        if stringWidth(line + ch, FONT, SIZE) > width - left:
            out.append((left, line, True))
            left, line = 0, ""
        line += ch
    out.append((left, line, False))
    return out


def _column(c, lines, x: float, top: float, width: float) -> None:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    y = top
    for indent, text, full in lines:
        t = c.beginText(x + indent, y)
        t.setFont(FONT, SIZE)
        if full and len(text) > 1:
            t.setCharSpace((width - indent - stringWidth(text, FONT, SIZE)) / (len(text) - 1))
        t.textOut(text)
        c.drawText(t)
        y -= SIZE * 1.5


# Two stories on one e-paper page. The first runs down two columns and ends
# at the foot of the third, below the second story: read column by column,
# its last paragraph is cut mid-sentence and its rest comes after the other
# story, as on a real page.
STORY_A = ["今年以来,桃源县公安机关始终保持对涉毒违法犯罪活动的高压打击态势,共破获涉毒案件65起,刑事拘留97人,强制隔离戒毒43人。",
           "与此同时,县人社局联合劳动保障监察部门开展根治欠薪专项行动,深入建筑工地和企业排查被拖欠农民工工资线索,"
           "全年共追回被拖", "欠的农民工工资7154余万元,惠及农民工3000余人。(李明 王芳)"]
STORY_B = "今年,株洲市石峰区住建部门加快推进城镇老旧燃气管网更新改造,累计改造老旧燃气管网15.1公里,完成户内燃气设施改造2300户。(赵刚)"


def epaper(path: Path) -> Path:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont(FONT))  # a built-in CID font: nothing is downloaded
    c = canvas.Canvas(str(path), pagesize=(600, 800))
    width = 160
    c.setFont(FONT, 18)
    c.drawString(40, 760, "桃源县:禁毒有力度 帮扶有温度")
    a = _wrap(STORY_A[0], width) + _wrap(STORY_A[1], width)
    _column(c, a[:len(a) // 2 + 1], 40, 720, width)
    _column(c, a[len(a) // 2 + 1:], 220, 720, width)
    c.setFont(FONT, 16)
    c.drawString(400, 760, "石峰区:管网改造提速")
    _column(c, _wrap(STORY_B, width), 400, 720, width)
    _column(c, _wrap(STORY_A[2], width, indent=False), 400, 560, width)
    c.showPage()
    c.save()
    return path


def stream(path: Path, lines: list, encoding: str = "utf-8") -> Path:
    body = "".join((x if isinstance(x, str) else orjson.dumps(x).decode()) + "\n" for x in lines)
    path.write_bytes(body.encode(encoding))
    return path


# ---------------------------------------------------------------- folders and globs

def test_folder_is_read_recursively_in_a_stable_order(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "deep").mkdir(parents=True)
    for name in ("b/2.txt", "a/deep/1.txt", "a/0.txt", "c.txt"):
        (tmp_path / name).write_text(BULLETIN, encoding="utf-8")
    (tmp_path / "a" / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x.txt").write_text(BULLETIN, encoding="utf-8")
    r = run("extract", tmp_path)
    assert r.exit_code == 0, r.output
    docs = list(dict.fromkeys(x["doc"] for x in records(r.stdout)))
    assert docs == [str(tmp_path / n) for n in ("c.txt", "a/0.txt", "a/deep/1.txt", "b/2.txt")]
    assert "1 other file(s) in folders not read (1 .png)" in r.stderr


def test_glob_patterns_expand_and_an_empty_one_is_a_problem(tmp_path):
    for name in ("x1.txt", "x2.txt", "y.txt"):
        (tmp_path / name).write_text(BULLETIN, encoding="utf-8")
    r = run("extract", tmp_path / "x*.txt", tmp_path / "nothing-*.txt")
    assert r.exit_code == 1
    assert {x["doc"] for x in records(r.stdout)} == {str(tmp_path / "x1.txt"), str(tmp_path / "x2.txt")}
    assert problems(r.stderr) == [f"bulletinx: {tmp_path / 'nothing-*.txt'}: no file matches the pattern"]


# ---------------------------------------------------------------- HTML

@pytest.mark.parametrize("encoding", ["utf-8", "gbk"])
def test_html_main_text_without_navigation(tmp_path, encoding):
    page = html_page(tmp_path / "page.html", encoding)
    r = run("extract", page)
    assert r.exit_code == 0, r.output
    recs = records(r.stdout)
    assert [x["quantity"]["text"] for x in recs] == ["65起", "97人", "43人", "7154余万元", "3000余人"]
    assert {x["locality"]["code"] for x in recs} == {"430725"}
    assert recs[0]["period"]["end"] == "2022-12-15"  # the page's publication date
    shown = run("text", page)
    assert shown.exit_code == 0
    text = shown.stdout
    assert text.startswith("桃源县:禁毒有力度 帮扶有温度\n")
    for furniture in ("首页", "ICP", "版权所有", "1200处", "点击量"):
        assert furniture not in text
    for x in recs:
        assert text[x["quantity"]["start"]:x["quantity"]["end"]] == x["quantity"]["text"]
        assert text[x["sentence"]["start"]:x["sentence"]["end"]] == x["sentence"]["text"]
        assert x["doc_sha256"] == hashlib.sha256(text.encode()).hexdigest()


def test_html_page_address_is_carried_into_records(tmp_path):
    page = tmp_path / "page.html"
    page.write_text(PAGE_HTML.format(charset="utf-8").replace(
        "<title>", '<link rel="canonical" href="https://www.taoyuan.gov.cn/xwzx/2022/1215/art_1.html"><title>'),
        encoding="utf-8")
    r = run("extract", page)
    assert r.exit_code == 0, r.output
    assert {x["url"] for x in records(r.stdout)} == {"https://www.taoyuan.gov.cn/xwzx/2022/1215/art_1.html"}
    csv_out = run("extract", page, "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(csv_out.stdout.lstrip("\ufeff"))))
    assert {row["url"] for row in rows} == {"https://www.taoyuan.gov.cn/xwzx/2022/1215/art_1.html"}
    # A page that names no address of its own gets none.
    plain = run("extract", html_page(tmp_path / "plain.html"))
    assert {x["url"] for x in records(plain.stdout)} == {None}


def test_html_without_article_text_is_a_problem(tmp_path):
    nav = tmp_path / "nav.html"
    nav.write_text("<html><head><title>x</title></head><body><script>var a = 1;</script></body></html>", encoding="utf-8")
    r = run("extract", nav)
    assert r.exit_code == 1
    assert problems(r.stderr) == [f"bulletinx: {nav}: no article text found in the HTML page"]


def test_html_sniffed_without_an_extension(tmp_path):
    page = html_page(tmp_path / "article")
    r = run("extract", page)
    assert r.exit_code == 0 and len(records(r.stdout)) == 5


# ---------------------------------------------------------------- PDF

def test_pdf_epaper_text_round_trips_and_cut_columns_rejoin(tmp_path):
    pdf = epaper(tmp_path / "page.pdf")
    shown = run("text", pdf)
    assert shown.exit_code == 0, shown.output
    text = shown.stdout
    lines = [x for x in text.split("\n") if x]
    assert lines[0] == "桃源县:禁毒有力度 帮扶有温度"
    # Cut at the foot of the second column; its rest comes after the other story.
    assert lines[-3:] == ["石峰区:管网改造提速", STORY_B, STORY_A[2]]
    assert lines[-4].endswith(STORY_A[1][-6:])
    r = run("extract", pdf)
    assert r.exit_code == 0, r.output
    found = dict(facts(r.stdout))
    assert found == {"65起": "430725", "97人": "430725", "43人": "430725",
                     "15.1公里": "430204", "2300户": "430204",
                     "7154余万元": "430725", "3000余人": "430725"}
    for x in records(r.stdout):
        assert text[x["quantity"]["start"]:x["quantity"]["end"]] == x["quantity"]["text"]
        assert x["doc_sha256"] == hashlib.sha256(text.encode()).hexdigest()


@pytest.mark.parametrize("data, problem", [
    (b"%PDF-1.4\n1 0 obj << /Type /Catalog >>\ntrailer\n%%EO", "damaged"),
    (b"<html>not a pdf</html>", "not a PDF file"),
], ids=["truncated", "not-pdf"])
def test_broken_pdf_is_one_line(tmp_path, data, problem):
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(data)
    r = run("extract", bad)
    assert r.exit_code == 1
    line, = problems(r.stderr)
    assert line.startswith(f"bulletinx: {bad}: ") and problem in line
    assert "Traceback" not in r.output


# ---------------------------------------------------------------- document streams

def test_stream_documents_carry_their_id_date_and_region(tmp_path):
    s = stream(tmp_path / "docs.jsonl", [
        {"id": "fz-1", "text": "今年1—11月,鼓楼区公安分局共破获各类刑事案件120起。", "date": "2022-12-15", "region": "福州",
         "url": "https://example.gov.cn/a.html", "title": "鼓楼区"},
        {"id": 17, "text": "今年1—11月,鼓楼区公安分局共破获各类刑事案件88起。", "date": "2021-12-01T08:00:00", "region": "南京"},
        '{"id": "broken", "text": "刑拘',
        {"id": "no-text"},
        {"id": "bad-date", "text": "破获案件5起。", "date": "昨天"},
        {"id": "fz-1", "text": "同一编号的第二篇。"},
        "",
        {"id": "last", "text": "追回被拖欠工资7154余万元。"},
    ])
    r = run("extract", s)
    assert r.exit_code == 1
    recs = records(r.stdout)
    assert [(x["doc"], x["value"], x["locality"]["code"] if x["locality"] else None, x["period"]["end"] if x["period"] else None)
            for x in recs] == [("fz-1", 120.0, "350102", "2022-11-30"), ("17", 88.0, "320106", "2021-11-30"),
                               ("last", 71540000.0, None, None)]
    assert [x["url"] for x in recs] == ["https://example.gov.cn/a.html", None, None]
    assert problems(r.stderr) == [
        f"bulletinx: {s}:3: not valid JSON (unexpected control character in string)",
        f"bulletinx: {s}:4: no \"text\"",
        f"bulletinx: {s}:5: \"date\" '昨天' is not a date (YYYY-MM-DD)",
        f"bulletinx: {s}:6: id 'fz-1' already used on line 1; skipped",
    ]
    assert "3 document(s) read, 3 fact(s) written, 4 skipped" in r.stderr
    assert "bad JSON line" in r.stderr and "duplicate id" in r.stderr
    shown = run("text", s, "--id", "17")
    assert shown.exit_code == 0 and shown.stdout == "今年1—11月,鼓楼区公安分局共破获各类刑事案件88起。"
    assert recs[1]["doc_sha256"] == hashlib.sha256(shown.stdout.encode()).hexdigest()
    assert run("text", s, "--id", "nope").exit_code == 1
    assert run("text", s).exit_code == 2


@pytest.mark.parametrize("encoding", ["utf-8-sig", "gb18030", "utf-16"])
def test_stream_encodings(tmp_path, encoding):
    s = stream(tmp_path / "docs.jsonl", [{"id": "a", "text": BULLETIN}, {"id": "b", "text": "刑事拘留9人。"}], encoding)
    r = run("extract", s)
    assert r.exit_code == 0, r.output
    assert [(x["doc"], x["value"]) for x in records(r.stdout)] == [("a", 65.0), ("a", 97.0), ("a", 71540000.0), ("b", 9.0)]


def test_stream_from_stdin_and_gzip(tmp_path):
    import gzip

    body = b'{"id": "x", "text": "\xe5\x88\x91\xe4\xba\x8b\xe6\x8b\x98\xe7\x95\x999\xe4\xba\xba\xe3\x80\x82"}\n'
    r = run("extract", "-", input=body)
    assert [(x["doc"], x["value"]) for x in records(r.stdout)] == [("x", 9.0)]
    gz = tmp_path / "docs.jsonl.gz"
    gz.write_bytes(gzip.compress(body))
    assert [x["doc"] for x in records(run("extract", gz).stdout)] == ["x"]


def test_stream_is_read_a_line_at_a_time():
    read = []

    class Pipe(io.RawIOBase):
        def readable(self):
            return True

        def readinto(self, buf):
            n = len(read)
            if n >= 100000:
                raise AssertionError("read everything before the first document")
            line = orjson.dumps({"id": str(n), "text": BULLETIN}) + b"\n"
            read.append(line)
            buf[:len(line)] = line
            return len(line)

    first = next(inputs.stream_items_from(Pipe(), "-"))
    assert first.name == "0" and len(read) < 1000


@pytest.mark.parametrize("name, data", [("e.txt", b""), ("e.html", b""), ("e.pdf", b""), ("e.jsonl", b"\n")])
def test_empty_inputs_give_no_records_and_no_error(tmp_path, name, data):
    (tmp_path / name).write_bytes(data)
    r = run("extract", tmp_path / name)
    assert r.exit_code == 0, r.output
    assert r.stdout == "" and not problems(r.stderr)


# ---------------------------------------------------------------- everything at once

def test_mixed_folder_processes_everything_else_and_names_each_problem(tmp_path):
    crawl = tmp_path / "crawl"
    (crawl / "epaper").mkdir(parents=True)
    html_page(crawl / "page.html")
    epaper(crawl / "epaper" / "a1.pdf")
    (crawl / "broken.txt").write_bytes("案件".encode() + b"abc\x80\xffdef")
    (crawl / "epaper" / "a2.pdf").write_bytes(b"%PDF-1.4\n%%EOF garbage")
    stream(crawl / "export.jsonl", [{"id": "s1", "text": BULLETIN}, "{oops", {"id": "s2", "text": "刑事拘留9人。"}])
    r = run("extract", crawl)
    assert r.exit_code == 1
    docs = [x["doc"] for x in records(r.stdout)]
    assert list(dict.fromkeys(docs)) == ["s1", "s2", str(crawl / "page.html"), str(crawl / "epaper" / "a1.pdf")]
    lines = problems(r.stderr)
    assert len(lines) == 3
    assert lines[0].startswith(f"bulletinx: {crawl / 'broken.txt'}: not valid")
    assert lines[1] == f"bulletinx: {crawl / 'export.jsonl'}:2: not valid JSON (unexpected character, expected a string key)"
    assert lines[2].startswith(f"bulletinx: {crawl / 'epaper' / 'a2.pdf'}: damaged")
    assert "4 document(s) read" in r.stderr and "3 skipped (" in r.stderr
    assert "facts by metric: " in r.stderr
    assert "Traceback" not in r.output


# ---------------------------------------------------------------- outputs and the run's report

def test_csv_has_flattened_columns(tmp_path):
    p = tmp_path / "p.txt"
    p.write_text("今年以来,桃源县公安机关共破获涉毒案件65起,追回工资7154余万元。", encoding="utf-8")
    r = CliRunner().invoke(app, ["extract", str(p), "--format", "csv"])
    assert r.exit_code == 0, r.output
    import csv

    rows = list(csv.DictReader(io.StringIO(r.stdout_bytes.decode("utf-8-sig"))))
    assert r.stdout_bytes.startswith(b"\xef\xbb\xbf")
    assert [(x["value"], x["unit"], x["locality_code"], x["locality_name"], x["agency_name"]) for x in rows] == [
        ("65", "count", "430725", "桃源县", "桃源县公安机关"), ("71540000", "CNY", "430725", "桃源县", "桃源县公安机关")]
    assert rows[0]["locality_path"] == "湖南省/常德市/桃源县" and rows[0]["doc_sha256"]
    assert run("extract", p, "--format", "xml").exit_code == 2


def test_summary_counts_facts_by_metric_and_quiet_silences_it(tmp_path):
    p = tmp_path / "p.txt"
    p.write_text(BULLETIN, encoding="utf-8")
    r = run("extract", p)
    assert r.stderr.splitlines()[-1] == "bulletinx: facts by metric: cases_solved 1, criminal_detentions 1, wages_recovered 1"
    assert "\x1b" not in r.stderr  # no progress bar when stderr is not a terminal
    q = run("extract", p, tmp_path / "missing.txt", "--quiet")
    assert q.stderr.splitlines() == [f"bulletinx: {tmp_path / 'missing.txt'}: no such file"]


def test_jobs_give_byte_identical_output(tmp_path, monkeypatch):
    for i in range(6):
        (tmp_path / f"p{i}.txt").write_text(BULLETIN.replace("65", str(60 + i)), encoding="utf-8")
    html_page(tmp_path / "page.html")
    stream(tmp_path / "s.jsonl", [{"id": f"s{i}", "text": BULLETIN} for i in range(5)] + ["{bad"])
    monkeypatch.setattr(parallel, "BATCH_DOCS", 2)  # several batches, so that the pool really starts
    one = run("extract", tmp_path, "--jobs", "1")
    two = run("extract", tmp_path, "--jobs", "2")
    assert one.exit_code == two.exit_code == 1
    assert one.stdout_bytes == two.stdout_bytes and len(records(one.stdout)) == 6 * 3 + 5 + 5 * 3
    assert problems(one.stderr) == problems(two.stderr)


def test_text_of_a_plain_file_is_the_decoded_text_with_lf(tmp_path):
    p = tmp_path / "crlf.txt"
    p.write_bytes(("标题\r\n" + BULLETIN.replace("\n", "\r\n")).encode("gb18030"))
    shown = run("text", p)
    assert shown.stdout == "标题\n" + BULLETIN
    rec = records(run("extract", p).stdout)[0]
    assert rec["doc_sha256"] == hashlib.sha256(shown.stdout.encode()).hexdigest()


def test_pool_keeps_only_a_few_batches_in_flight(monkeypatch):
    pulled = []

    def documents():
        for i in range(500):
            pulled.append(i)
            yield inputs.Task(f"d{i}", inputs.DOC, 100, text="刑事拘留9人。")

    monkeypatch.setattr(parallel, "BATCH_DOCS", 1)
    outcomes = parallel.run(documents(), parallel.Settings(), jobs=2)
    first = next(outcomes)
    assert first.facts == 1
    assert len(pulled) <= 2 * parallel.IN_FLIGHT + 2
    assert sum(o.facts for o in outcomes) == 499


def test_progress_bar_only_on_a_terminal(monkeypatch):
    from bulletinx.cli import _Report

    class Terminal(io.StringIO):
        def isatty(self):
            return True

    screen = Terminal()
    monkeypatch.setattr("sys.stderr", screen)
    with _Report(quiet=False, total=100, show=True) as report:
        report.add(parallel.Outcome(100, b"", 3))
    assert "1 docs, 3 facts" in screen.getvalue()
    piped = io.StringIO()
    monkeypatch.setattr("sys.stderr", piped)
    with _Report(quiet=False, total=100, show=True) as report:
        report.add(parallel.Outcome(100, b"", 3))
    assert piped.getvalue() == ""


def test_text_reads_stdin(tmp_path):
    r = run("text", "-", input=("标题\r\n" + BULLETIN).encode("gbk"))
    assert r.exit_code == 0 and r.stdout == "标题\n" + BULLETIN
