"""The compiled modules give what the plain-Python sources give, byte for byte."""
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import bulletinx
from conftest import SEEDS

# Pages in the shapes the pipeline branches on: an e-paper page (the seed), a
# web page's text with navigation, a page with a cut column, odd numbers.
PAGES = [
    (SEEDS / "hunan-bulletins-2022-12.txt").read_text(encoding="utf-8"),
    "首页 > 政务公开 > 部门动态\n来源:某县人社局 发布时间:2023-03-02\n"
    "今年以来,县人社局共追回被拖欠的农民工工资1,203.5万元,涉及农民工1186人。\n"
    "全县新增城镇就业3万余人,同比增长4.2%;城镇登记失业率控制在3.5%以内。\n相关新闻\n· 全市新增就业1.2万人 2023-06-08\n",
    "县市场监管局:\n开展食品安全专项检查,出动执法人员三千余名,检查经营主体\n"
    "1\n080家,立案查处12起,罚款60余万元。\n改造老旧燃气管网15.1公里,完成投资1.2亿元以上。\n",
]

SCRIPT = """
import sys
from bulletinx import extract
from bulletinx.emit import dump_fact
for i, path in enumerate(sys.argv[1:]):
    text = open(path, encoding="utf-8").read()
    sys.stdout.buffer.write(b"".join(dump_fact(f) for f in extract(text, doc=f"page-{i}")))
"""


@pytest.mark.skipif(not bulletinx.compiled, reason="the package is installed as plain Python")
def test_compiled_and_pure_python_give_the_same_records(tmp_path):
    pure = tmp_path / "pure"
    shutil.copytree(Path(bulletinx.__file__).parent, pure / "bulletinx",
                    ignore=shutil.ignore_patterns("*.so", "*.pyd", "__pycache__"))
    paths = []
    for i, page in enumerate(PAGES):
        paths.append(tmp_path / f"page-{i}.txt")
        paths[-1].write_text(page, encoding="utf-8")

    def run(pythonpath: str) -> bytes:
        env = dict(os.environ, PYTHONPATH=pythonpath)
        done = subprocess.run([sys.executable, "-c", SCRIPT, *map(str, paths)], env=env,
                              capture_output=True, check=True)
        return done.stdout

    check = subprocess.run([sys.executable, "-c", "import bulletinx; print(bulletinx.compiled)"],
                           env=dict(os.environ, PYTHONPATH=str(pure)), capture_output=True, text=True, check=True)
    assert check.stdout.strip() == "False"  # the copy really is the plain-Python package
    compiled_out = run(os.environ.get("PYTHONPATH", ""))
    assert compiled_out.count(b"\n") > 100
    assert run(str(pure)) == compiled_out
