"""Extraction throughput, side by side with one bare regular-expression scan.

Run by hand: `.venv/bin/python bench/throughput.py [--mb 20] [FILE]`.
The baseline is a single compiled pattern for number + unit over the same
text; the ratio says how much of that speed the whole pipeline keeps.
"""
from __future__ import annotations

import argparse
import re
import time
from pathlib import Path

from bulletinx import extract

BASELINE = re.compile(
    r"\d+(?:\.\d+)?(?:余|多)?(?:万|亿)?(?:元|人|起|件|次|个|家|台|辆|份|户|处|名|株|条|场|公里|米|亩|吨|%)"
)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("file", nargs="?", default=str(Path(__file__).resolve().parent.parent / "seeds" / "hunan-bulletins-2022-12.txt"))
    ap.add_argument("--mb", type=float, default=20.0, help="megabytes of text to process (the file repeated)")
    a = ap.parse_args()
    page = Path(a.file).read_text(encoding="utf-8")
    page_bytes = len(page.encode("utf-8"))
    copies = max(1, int(a.mb * 1e6 / page_bytes))
    total_mb = copies * page_bytes / 1e6

    # Each copy is its own document, as in a real batch.
    t0 = time.perf_counter()
    facts = 0
    extract(page, doc="warm-up")
    t0 = time.perf_counter()
    for i in range(copies):
        facts += len(extract(page, doc=f"copy-{i}"))
    pipeline_s = time.perf_counter() - t0

    big = page * copies
    t0 = time.perf_counter()
    hits = sum(1 for _ in BASELINE.finditer(big))
    regex_s = time.perf_counter() - t0

    p_rate, r_rate = total_mb / pipeline_s, total_mb / regex_s
    print(f"text: {total_mb:.1f} MB ({copies} documents of {page_bytes / 1e3:.1f} kB)")
    print(f"{'':24}{'seconds':>10}{'MB/s':>10}{'items':>10}")
    print(f"{'bulletinx extract':24}{pipeline_s:10.2f}{p_rate:10.2f}{facts:10d}")
    print(f"{'one regex (baseline)':24}{regex_s:10.2f}{r_rate:10.2f}{hits:10d}")
    print(f"ratio pipeline/baseline: {p_rate / r_rate:.3f} (1/{r_rate / p_rate:.1f})")


if __name__ == "__main__":
    main()
