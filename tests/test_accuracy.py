"""Accuracy on the sample page against its hand-annotated gold (tests/gold/).

The gold says what a careful reader finds on the page; the figures are those of
`bulletinx eval`, which uses the scorer's definitions.
"""
import pytest

from bulletinx import extract
from bulletinx.evaluate import load_gold, score

from conftest import GOLD, SEEDS

PAGE = "hunan-bulletins-2022-12.txt"


@pytest.fixture(scope="module")
def summary():
    text = (SEEDS / PAGE).read_text(encoding="utf-8")
    gold = load_gold(GOLD / "hunan-bulletins-2022-12.gold.jsonl")
    preds = [f.model_dump(mode="json") for f in extract(text, doc=PAGE)]
    result, _errors = score(gold, {PAGE: text}, preds)
    return result


@pytest.mark.parametrize("figure, floor", [
    ("detection_recall", 0.97),
    ("detection_precision", 0.97),
    ("value_unit_accuracy", 0.98),
    ("qualifier_accuracy", 0.95),
    ("locality_accuracy", 0.97),
    ("agency_accuracy", 0.85),
    ("metric_accuracy", 0.90),
    ("fact_f1", 0.95),
])
def test_figure_at_least(summary, figure, floor):
    assert summary[figure] >= floor, f"{figure} = {summary[figure]}"


@pytest.mark.parametrize("figure", ["false_positives_on_traps", "duplicates"])
def test_no_traps_and_no_duplicates(summary, figure):
    assert summary[figure] == 0
