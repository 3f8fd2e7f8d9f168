"""The program's output on the sample pages, compared with what it said last time.

`pytest --update-golden` rewrites the files; commit the diff with the change
that caused it.
"""
import difflib

import orjson
import pytest

from bulletinx import extract
from bulletinx.emit import dump_fact

from conftest import GOLDEN, SEEDS

PAGES = sorted(p.name for p in SEEDS.glob("*.txt"))


def _summary(line: bytes) -> str:
    """One readable line a fact: enough to see what changed in a diff."""
    r = orjson.loads(line)
    loc = (r["locality"] or {}).get("code")
    agency = (r["agency"] or {}).get("name")
    return (f'{r["quantity"]["start"]:>6} {r["quantity"]["text"]} = {r["value"]:g} {r["unit"]}'
            f'{"/" + r["measure"] if r["measure"] else ""} {r["qualifier"]} {r["metric"]} '
            f'loc={loc} agency={agency} label={r["label"]}')


@pytest.mark.parametrize("page", PAGES)
def test_golden(page, update_golden):
    text = (SEEDS / page).read_text(encoding="utf-8")
    produced = b"".join(dump_fact(f) for f in extract(text, doc=page))
    golden = GOLDEN / (page.rsplit(".", 1)[0] + ".jsonl")
    if update_golden or not golden.exists():
        GOLDEN.mkdir(exist_ok=True)
        golden.write_bytes(produced)
        if not update_golden:
            pytest.fail(f"{golden.name} did not exist and was written; check it in")
        return
    expected = golden.read_bytes()
    if produced != expected:
        old_lines, new_lines = expected.decode().splitlines(), produced.decode().splitlines()
        diff = list(difflib.unified_diff(
            [_summary(x) for x in old_lines], [_summary(x) for x in new_lines], "golden", "now", lineterm="", n=1))
        if not diff:  # a field the summary leaves out changed: show whole records
            diff = list(difflib.unified_diff(old_lines, new_lines, "golden", "now", lineterm="", n=0))[:40]
        pytest.fail("output differs from the golden file (pytest --update-golden to accept):\n" + "\n".join(diff))
