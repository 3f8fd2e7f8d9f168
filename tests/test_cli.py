"""`bulletinx extract` end to end, as a user runs it: files, stdin, encodings, bad input."""
import subprocess
import sys
from pathlib import Path

import orjson
import pytest
from typer.testing import CliRunner

import bulletinx
from bulletinx import __version__
from bulletinx.cli import app

from conftest import SEEDS, TREES

SEED = SEEDS / "hunan-bulletins-2022-12.txt"
BULLETIN = "今年以来,该县公安机关共破获涉毒案件65起,刑事拘留97人,追回被拖欠工资7154余万元。\n"


def run(*args, input=None):
    return CliRunner().invoke(app, list(args), input=input)


def records(output: str) -> list[dict]:
    return [orjson.loads(line) for line in output.splitlines() if line.strip()]


@pytest.fixture
def page(tmp_path) -> Path:
    p = tmp_path / "page.txt"
    p.write_text(BULLETIN, encoding="utf-8")
    return p


def test_extract_writes_one_json_object_per_fact(page):
    r = run("extract", str(page))
    assert r.exit_code == 0, r.output
    recs = records(r.stdout)
    assert [(x["value"], x["unit"], x["measure"], x["qualifier"]) for x in recs] == [
        (65.0, "count", "起", "exact"), (97.0, "count", "人", "exact"), (71540000.0, "CNY", None, "at_least")]
    assert all(x["doc"] == str(page) for x in recs)
    text = page.read_text(encoding="utf-8")
    for x in recs:
        q = x["quantity"]
        assert text[q["start"]:q["end"]] == q["text"]
        s = x["sentence"]
        assert text[s["start"]:s["end"]] == s["text"]


def test_ids_are_stable_across_runs(page):
    a = [x["id"] for x in records(run("extract", str(page)).stdout)]
    b = [x["id"] for x in records(run("extract", str(page)).stdout)]
    assert a == b and len(set(a)) == len(a)


def test_stdin_is_named_dash():
    r = run("extract", "-", input=BULLETIN.encode("utf-8"))
    assert r.exit_code == 0
    assert {x["doc"] for x in records(r.stdout)} == {"-"}


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030", "gbk", "utf-16"])
def test_encodings_are_detected(tmp_path, encoding):
    p = tmp_path / f"{encoding}.txt"
    p.write_bytes(BULLETIN.encode(encoding))
    r = run("extract", str(p))
    assert r.exit_code == 0, r.output
    assert [x["value"] for x in records(r.stdout)] == [65.0, 97.0, 71540000.0]
    q = records(r.stdout)[0]["quantity"]
    assert BULLETIN[q["start"]:q["end"]] == "65起"


def test_crlf_offsets_count_one_character_per_line_end(tmp_path):
    p = tmp_path / "crlf.txt"
    p.write_bytes(("标题\r\n" + BULLETIN.replace("\n", "\r\n")).encode("utf-8"))
    recs = records(run("extract", str(p)).stdout)
    text = "标题\n" + BULLETIN
    assert text[recs[0]["quantity"]["start"]:recs[0]["quantity"]["end"]] == "65起"


def test_empty_file_gives_no_records_and_no_error(tmp_path):
    p = tmp_path / "empty.txt"
    p.write_bytes(b"")
    r = run("extract", str(p))
    assert r.exit_code == 0
    assert r.stdout == ""


@pytest.mark.parametrize("make, problem", [
    (lambda d: d / "missing.txt", "no such file"),
    (lambda d: _mkdir(d / "empty-folder"), "folder holds no"),
    (lambda d: _write(d / "image.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256))), "binary file"),
    (lambda d: _write(d / "bad.txt", "案件".encode() + b"abc\x80\xffdef"), "not valid"),
], ids=["missing", "empty-folder", "binary", "undecodable"])
def test_bad_file_is_named_and_the_others_still_processed(tmp_path, page, make, problem):
    bad = make(tmp_path)
    r = run("extract", str(bad), str(page))
    assert r.exit_code == 1
    assert len(records(r.stdout)) == 3  # the good file still came through
    first = r.stderr.splitlines()[0]
    assert first.startswith(f"bulletinx: {bad}:") and problem in first
    assert "Traceback" not in r.output
    assert "1 skipped" in r.stderr


def _mkdir(p: Path) -> Path:
    p.mkdir()
    return p


def _write(p: Path, data: bytes) -> Path:
    p.write_bytes(data)
    return p


def test_output_file_is_written_atomically(tmp_path, page):
    out = tmp_path / "facts.jsonl"
    r = run("extract", str(page), "-o", str(out))
    assert r.exit_code == 0
    assert len(records(out.read_text(encoding="utf-8"))) == 3
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".bulletinx-")]


def test_failed_run_leaves_no_half_written_file(tmp_path, page, monkeypatch):
    out = tmp_path / "facts.jsonl"
    import bulletinx.pipeline

    def interrupted(*a, **k):
        raise KeyboardInterrupt

    monkeypatch.setattr(bulletinx.pipeline, "extract", interrupted)
    r = CliRunner().invoke(app, ["extract", str(page), "-o", str(out)])
    assert r.exit_code != 0
    assert not out.exists()
    assert list(tmp_path.iterdir()) == [page]


def test_a_document_that_breaks_the_extractor_is_skipped_and_named(tmp_path, page, monkeypatch):
    other = tmp_path / "other.txt"
    other.write_text("全县共查处违法车辆312台。", encoding="utf-8")
    import bulletinx.pipeline

    real = bulletinx.pipeline.extract

    def fragile(text, doc="-", **k):
        if doc == str(page):
            raise ValueError("unexpected layout")
        return real(text, doc=doc, **k)

    monkeypatch.setattr(bulletinx.pipeline, "extract", fragile)
    r = run("extract", str(page), str(other))
    assert r.exit_code == 1
    assert [x["value"] for x in records(r.stdout)] == [312.0]
    line = r.stderr.splitlines()[0]
    assert line.startswith(f"bulletinx: {page}:") and "internal error" in line and "unexpected layout" in line
    assert "Traceback" not in r.output


def test_output_folder_missing_is_a_one_line_error(tmp_path, page):
    r = run("extract", str(page), "-o", str(tmp_path / "nope" / "f.jsonl"))
    assert r.exit_code == 2
    assert r.stderr.startswith("bulletinx: ") and "does not exist" in r.stderr


def test_bad_date_is_a_usage_error(page):
    r = run("extract", str(page), "--date", "2022-13-45")
    assert r.exit_code == 2
    assert "YYYY-MM-DD" in r.output


def test_date_resolves_periods(tmp_path):
    p = tmp_path / "p.txt"
    p.write_text("今年1—11月,全县共破获各类刑事案件120起。", encoding="utf-8")
    rec = records(run("extract", str(p), "--date", "2022-12-15").stdout)[0]
    assert rec["period"] == {"text": "今年1—11月", "start": "2022-01-01", "end": "2022-11-30"}


def test_version():
    r = run("--version")
    kind = "compiled" if bulletinx.compiled else "pure Python"
    assert r.exit_code == 0 and r.stdout.strip() == f"bulletinx {__version__} ({kind})"


@pytest.mark.parametrize("command", [[], ["extract"], ["eval"], ["diff"], ["validate"], ["schema"], ["rules", "list"], ["rules", "test"], ["text"]])
def test_every_command_has_help_with_an_example(command):
    r = run(*command, "--help")
    assert r.exit_code == 0
    assert "Example" in r.stdout and "bulletinx" in r.stdout


def test_python_dash_m_runs_the_cli():
    r = subprocess.run([sys.executable, "-m", "bulletinx", "extract", "-"], input=BULLETIN.encode(),
                       capture_output=True, timeout=120)
    assert r.returncode == 0, r.stderr.decode()
    assert len(r.stdout.splitlines()) == 3


def test_seed_page_runs_end_to_end():
    r = subprocess.run([sys.executable, "-m", "bulletinx", "extract", str(SEED)], capture_output=True, timeout=120)
    assert r.returncode == 0
    recs = [orjson.loads(x) for x in r.stdout.splitlines()]
    assert len(recs) > 100
    assert b"document(s) read" in r.stderr




def test_user_rule_file_adds_a_metric_end_to_end(tmp_path):
    rules = tmp_path / "greening.toml"
    rules.write_text(TREES, encoding="utf-8")
    page = tmp_path / "p.txt"
    page.write_text("全年全县共植树造林8.6万株,新增绿地面积120亩。", encoding="utf-8")
    plain = records(run("extract", str(page)).stdout)
    assert plain[0]["metric"] == "other"
    r = run("extract", str(page), "--rules", str(rules))
    assert r.exit_code == 0, r.output
    rec = records(r.stdout)[0]
    assert (rec["metric"], rec["rule"], rec["value"]) == ("trees_planted", "greening.trees_planted", 86000.0)
    listed = run("rules", "list", "--rules", str(rules))
    assert "greening.trees_planted" in listed.stdout


def test_broken_user_rule_file_is_a_one_line_error(tmp_path, page):
    rules = tmp_path / "broken.toml"
    rules.write_text(TREES.replace("{GAP}", "{NO_SUCH_PIECE}"), encoding="utf-8")
    r = run("extract", str(page), "--rules", str(rules))
    assert r.exit_code == 2
    line, = r.stderr.strip().splitlines()
    assert "broken.toml" in line and "greening.trees_planted" in line and "pattern" in line
