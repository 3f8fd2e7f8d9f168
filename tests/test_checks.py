"""The checking commands end to end: eval, diff, validate, schema."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import typer
from typer.testing import CliRunner

from bulletinx import cli_checks, diffing, evaluate, schemas

SCHEMA_DIR = Path(__file__).resolve().parent.parent / "schemas"

# Two made-up bulletins. The first prints its opening figures a second time,
# as pages with a repeated paragraph do.
T1 = (
    "示范县市场监管局开展食品安全专项检查，检查经营主体320家，立案查处违法案件18起，"
    "罚没款45.6万元，约谈企业负责人近百人次。“两个责任”压实到位。\n"
    "检查经营主体320家，立案查处违法案件18起。\n"
)
T2 = "今年以来，全县新增城镇就业1250人，城镇登记失业率控制在3.2%以内。\n"
T3 = "第一批示范单位名单公布。\n"

GOLD: list[dict[str, Any]] = [
    dict(doc="t1.txt", anchor="经营主体320家", quantity="320家", value=320, unit="count", qualifier="exact",
         metric="inspections", locality="431000", agency="市场监管局", required=True),
    dict(doc="t1.txt", anchor="违法案件18起", quantity="18起", value=18, unit="count", qualifier="exact",
         metric="cases_filed", locality="431000", agency=None, required=True),
    dict(doc="t1.txt", anchor="罚没款45.6万元", quantity="45.6万元", value=456000, unit="CNY", qualifier="exact",
         metric="fines", locality="431000", agency="县市场监管局", required=True),
    dict(doc="t1.txt", anchor="近百人次", quantity="近百人次", value=100, unit="count", qualifier="approx",
         metric="other", locality="431000", agency=None, required=False),
    dict(doc="t1.txt", anchor="“两个责任”", negative=True),
    dict(doc="t2.txt", anchor="就业1250人", quantity="1250人", value=1250, unit="count", qualifier="exact",
         metric="jobs_created", locality="431021", agency=None, required=True),
    dict(doc="t2.txt", anchor="3.2%以内", quantity="3.2%以内", value=3.2, unit="percent", qualifier="at_most",
         metric="other", locality="431021", agency=None, required=True),
    dict(doc="t3.txt", anchor="第一批", negative=True),
]


def span(text: str, piece: str, occurrence: int = 0) -> dict[str, Any]:
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(piece, start + 1)
    return {"text": piece, "start": start, "end": start + len(piece)}


def predictions() -> list[dict[str, Any]]:
    return [
        # right in every way; the agency differs only by a word that points back
        dict(doc="out/t1.txt", quantity=span(T1, "320家"), value=320, unit="count", qualifier="exact",
             metric="inspections", locality={"code": "431000"}, agency={"name": "该县市场监管局"}),
        # the same fact again, at its repeated place: a duplicate
        dict(doc="t1.txt", quantity=span(T1, "320家", 1), value=320, unit="count", qualifier="exact",
             metric="inspections", locality={"code": "431000"}, agency=None),
        # found at the repeat; wrong metric, and the province instead of the prefecture
        dict(doc="t1.txt", quantity=span(T1, "18起", 1), value=18, unit="count", qualifier="exact",
             metric="cases_solved", locality={"code": "430000"}, agency=None),
        # found; value left in 万, wrong qualifier and agency
        dict(doc="t1.txt", quantity=span(T1, "45.6万元"), value=45.6, unit="CNY", qualifier="at_least",
             metric="fines", locality={"code": "431000"}, agency={"name": "公安局"}),
        # an optional fact: neither rewarded nor punished
        dict(doc="t1.txt", quantity=span(T1, "近百人次"), value=100, unit="count", qualifier="approx"),
        # a numeral inside a slogan: a false positive on a trap
        dict(doc="t1.txt", quantity=span(T1, "两个"), value=2, unit="count", qualifier="exact"),
        dict(doc="t1.txt", value=9, unit="count"),
        dict(doc="elsewhere.txt", quantity={"text": "5", "start": 0, "end": 1}, value=5, unit="count"),
        # a bare locality code is accepted, as is a float for an integer value
        dict(doc="t2.txt", quantity=span(T2, "1250人"), value=1250.0, unit="count", qualifier="exact",
             metric="jobs_created", locality="431021", agency=None),
        # documents with only traps are not scored, as in the reference scorer
        dict(doc="t3.txt", quantity=span(T3, "一批"), value=1, unit="count"),
    ]


# Worked out by hand from the cases above.
#   t1: 3 required, 3 found, 1 strict hit (320家), 1 false positive, 1 duplicate
#       -> P 1/5, R 1/3, F1 0.25
#   t2: 2 required, 1 found and right, 1 missed -> P 1, R 1/2, F1 2/3
#   all: P 2/6 -> 0.3333, R 2/5 = 0.4, F1 from the rounded P and R -> 0.3636
#        macro (0.25 + 0.6667) / 2 -> 0.4583
EXPECTED = {
    "gold_required": 5,
    "detected": 4,
    "detection_recall": 0.8,
    "detection_precision": 0.6667,
    "false_positives": 1,
    "false_positives_on_traps": 1,
    "duplicates": 1,
    "value_unit_accuracy": 0.75,
    "value_accuracy": 0.75,
    "unit_accuracy": 1.0,
    "qualifier_accuracy": 0.75,
    "locality_accuracy": 0.75,
    "locality_ancestor_only": 1,
    "metric_accuracy": 0.75,
    "agency_accuracy": 0.5,
    "strict_precision": 0.3333,
    "strict_recall": 0.4,
    "fact_f1": 0.3636,
    "fact_f1_macro": 0.4583,
    "predictions_without_span": 1,
    "predictions_for_unknown_docs": 1,
}


def write_jsonl(path: Path, rows: list[Any], bom: bool = False) -> Path:
    text = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
    path.write_text(("\ufeff" if bom else "") + text, encoding="utf-8")
    return path


@pytest.fixture
def app() -> typer.Typer:
    app = typer.Typer()
    cli_checks.register(app)
    return app


@pytest.fixture
def run(app: typer.Typer):
    def invoke(*args: Any):
        return CliRunner().invoke(app, [str(a) for a in args])
    return invoke


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    docs = tmp_path / "docs"
    docs.mkdir()
    for name, text in (("t1.txt", T1), ("t2.txt", T2), ("t3.txt", T3)):
        (docs / name).write_text(text, encoding="utf-8")
    write_jsonl(tmp_path / "gold.jsonl", GOLD)
    write_jsonl(tmp_path / "pred.jsonl", predictions())
    return tmp_path


def assert_usage_error(result, *fragments: str) -> None:
    assert result.exit_code == 2, result.output
    line, = result.stderr.strip().splitlines()
    assert line.startswith("bulletinx: ")
    for fragment in fragments:
        assert fragment in line
    assert "Traceback" not in result.output


# ---------------------------------------------------------------- eval

def test_eval_figures_match_hand_count(run, corpus: Path):
    result = run("eval", "--gold", corpus / "gold.jsonl", "--docs", corpus / "docs", corpus / "pred.jsonl", "--json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == EXPECTED


def test_score_library_call_matches_hand_count(corpus: Path):
    texts = {"t1.txt": T1, "t2.txt": T2, "t3.txt": T3}
    summary, errors = evaluate.score(GOLD, texts, predictions())
    assert summary == EXPECTED
    assert errors["missed"] == ["t2.txt 3.2%以内"]
    assert errors["duplicate"] == [f"t1.txt@{span(T1, '320家', 1)['start']} 320家"]
    assert errors["false_positive"] == [f"t1.txt@{span(T1, '两个')['start']} '两个' (trap “两个责任”)"]
    assert errors["value_or_unit"] == ["罚没款45.6万元: got 45.6 CNY, want 456000 CNY"]
    assert errors["locality"] == ["违法案件18起: got 430000, want 431000"]
    assert errors["agency"] == ["罚没款45.6万元: got 公安局, want 县市场监管局"]


def test_eval_without_predictions_scores_zero(run, corpus: Path):
    empty = write_jsonl(corpus / "empty.jsonl", [])
    result = run("eval", "--gold", corpus / "gold.jsonl", "--docs", corpus / "docs", empty, "--json")
    figures = json.loads(result.stdout)
    assert (figures["detected"], figures["fact_f1"], figures["strict_precision"]) == (0, 0.0, None)


def test_eval_table_on_terminal(run, corpus: Path):
    result = run("eval", "--gold", corpus / "gold.jsonl", "--docs", corpus / "docs", corpus / "pred.jsonl")
    assert result.exit_code == 0, result.output
    row = next(line for line in result.stdout.splitlines() if "fact_f1 " in line)
    assert "0.3636" in row
    assert "missed" not in result.stdout


def test_eval_lists_errors_of_each_kind(run, corpus: Path):
    result = run("eval", "--gold", corpus / "gold.jsonl", "--docs", corpus / "docs", corpus / "pred.jsonl",
                 "--errors", 1)
    assert result.exit_code == 0, result.output
    assert "missed (1)" in result.stdout
    assert "t2.txt 3.2%以内" in result.stdout
    assert "metric (1)" in result.stdout
    assert "违法案件18起: got cases_solved, want cases_filed" in result.stdout


def test_eval_json_with_errors(run, corpus: Path):
    result = run("eval", "--gold", corpus / "gold.jsonl", "--docs", corpus / "docs", corpus / "pred.jsonl",
                 "--json", "--errors", 5)
    report = json.loads(result.stdout)
    assert report["errors"]["qualifier"] == ["罚没款45.6万元: got at_least, want exact"]
    assert {k: v for k, v in report.items() if k != "errors"} == EXPECTED


def test_eval_accepts_byte_order_marks(run, corpus: Path):
    write_jsonl(corpus / "gold.jsonl", GOLD, bom=True)
    write_jsonl(corpus / "pred.jsonl", predictions(), bom=True)
    (corpus / "docs" / "t2.txt").write_text("\ufeff" + T2, encoding="utf-8")
    result = run("eval", "--gold", corpus / "gold.jsonl", "--docs", corpus / "docs", corpus / "pred.jsonl", "--json")
    assert json.loads(result.stdout) == EXPECTED


def test_eval_gold_not_json_lines(run, corpus: Path):
    gold = corpus / "gold.jsonl"
    gold.write_text(json.dumps(GOLD[0], ensure_ascii=False) + "\n{doc: t1.txt}\n", encoding="utf-8")
    result = run("eval", "--gold", gold, "--docs", corpus / "docs", corpus / "pred.jsonl")
    assert_usage_error(result, f"{gold}:2:", "not JSON Lines")


def test_eval_gold_line_without_anchor(run, corpus: Path):
    gold = write_jsonl(corpus / "gold.jsonl", [{k: v for k, v in GOLD[0].items() if k != "anchor"}])
    result = run("eval", "--gold", gold, "--docs", corpus / "docs", corpus / "pred.jsonl")
    assert_usage_error(result, f"{gold}:1:", "anchor")


def test_eval_gold_anchor_not_in_document(run, corpus: Path):
    moved = dict(GOLD[5], doc="t1.txt")
    gold = write_jsonl(corpus / "gold.jsonl", [GOLD[0], GOLD[4], moved])
    result = run("eval", "--gold", gold, "--docs", corpus / "docs", corpus / "pred.jsonl")
    assert_usage_error(result, f"{gold}:3:", "就业1250人", "not found in t1.txt")


def test_eval_gold_fact_without_its_figures(run, corpus: Path):
    gold = write_jsonl(corpus / "gold.jsonl", [{k: v for k, v in GOLD[0].items() if k not in ("value", "unit")}])
    result = run("eval", "--gold", gold, "--docs", corpus / "docs", corpus / "pred.jsonl")
    assert_usage_error(result, f"{gold}:1:", "needs value, unit")


def test_eval_gold_quantity_outside_anchor(run, corpus: Path):
    gold = write_jsonl(corpus / "gold.jsonl", [dict(GOLD[0], quantity="18起")])
    result = run("eval", "--gold", gold, "--docs", corpus / "docs", corpus / "pred.jsonl")
    assert_usage_error(result, f"{gold}:1:", "not part of anchor")


def test_eval_gold_names_missing_document(run, corpus: Path):
    gold = write_jsonl(corpus / "gold.jsonl", [dict(GOLD[0], doc="t9.txt")])
    result = run("eval", "--gold", gold, "--docs", corpus / "docs", corpus / "pred.jsonl")
    assert_usage_error(result, f"{gold}:1:", "t9.txt", "not found")


def test_eval_predictions_not_json_lines(run, corpus: Path):
    pred = corpus / "pred.jsonl"
    pred.write_text('{"doc": "t1.txt"}\n\n[1, 2]\n', encoding="utf-8")
    result = run("eval", "--gold", corpus / "gold.jsonl", "--docs", corpus / "docs", pred)
    assert_usage_error(result, f"{pred}:3:", "JSON object")


def test_eval_predictions_not_utf8(run, corpus: Path):
    pred = corpus / "pred.jsonl"
    pred.write_bytes('{"doc": "示范"}\n'.encode("gbk"))
    result = run("eval", "--gold", corpus / "gold.jsonl", "--docs", corpus / "docs", pred)
    assert_usage_error(result, str(pred), "not valid UTF-8")


def test_eval_missing_prediction_file(run, corpus: Path):
    result = run("eval", "--gold", corpus / "gold.jsonl", "--docs", corpus / "docs", corpus / "nope.jsonl")
    assert_usage_error(result, "nope.jsonl", "no such file")


# ---------------------------------------------------------------- validate

def fact(**changes: Any) -> dict[str, Any]:
    record = {
        "doc": "t1.txt", "id": "t1.txt#0001", "metric": "inspections", "label": "检查经营主体",
        "value": 320.0, "value_max": None, "unit": "count", "measure": "家", "qualifier": "exact",
        "direction": None, "quantity": span(T1, "320家"),
        "sentence": {"text": "检查经营主体320家", "start": 19, "end": 29},
        "article": {"index": 0, "title": None, "byline": None},
        "locality": {"code": "431000", "name": "示范市", "level": "prefecture", "path": ["示范省", "示范市"],
                     "town": None},
        "agency": {"name": "示范县市场监管局", "kind": "market_regulation"},
        "period": None, "modality": "actual", "subject": None, "refers_to": None,
        "rule": "inspections.count",
    }
    record.update(changes)
    return record


def test_validate_good_records(run, tmp_path: Path):
    path = write_jsonl(tmp_path / "out.jsonl", [fact(), fact(id="t1.txt#0002", value=18.0)], bom=True)
    result = run("validate", path)
    assert result.exit_code == 0, result.output
    assert result.stdout == ""


def test_validate_reports_each_bad_line(run, tmp_path: Path):
    bad_value = fact(value=-3)
    no_rule = {k: v for k, v in fact().items() if k != "rule"}
    bad_code = fact(locality=dict(fact()["locality"], code="4310"))
    path = write_jsonl(tmp_path / "out.jsonl", [fact(), bad_value, no_rule, "not a record", bad_code])
    with path.open("a", encoding="utf-8") as fh:
        fh.write("{broken\n")
    result = run("validate", path)
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert f"{path}:2: value: Input should be greater than or equal to 0" in lines
    assert f"{path}:3: rule: Field required" in lines
    assert any(line.startswith(f"{path}:4: (record): ") for line in lines)
    assert any(line.startswith(f"{path}:5: locality.code: String should match pattern") for line in lines)
    assert any(line.startswith(f"{path}:6: (line): not JSON") for line in lines)
    assert not any(line.startswith(f"{path}:1:") for line in lines)
    assert "5 of 6 records invalid" in result.stderr


def test_validate_missing_file(run, tmp_path: Path):
    assert_usage_error(run("validate", tmp_path / "none.jsonl"), "none.jsonl", "no such file")


# ---------------------------------------------------------------- diff

def three_facts() -> list[dict[str, Any]]:
    return [
        fact(),
        fact(id="t1.txt#0002", metric="cases_filed", value=18.0, measure="起", quantity=span(T1, "18起")),
        fact(id="t1.txt#0003", metric="fines", value=456000.0, unit="CNY", measure=None,
             quantity=span(T1, "45.6万元")),
    ]


def test_diff_identical_runs_in_other_order(run, tmp_path: Path):
    old = write_jsonl(tmp_path / "old.jsonl", three_facts())
    new = write_jsonl(tmp_path / "new.jsonl", [dict(r, doc="elsewhere/t1.txt") for r in reversed(three_facts())])
    result = run("diff", old, new)
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("0 added, 0 removed, 0 changed, 3 unchanged")


def test_diff_reports_field_changes(run, tmp_path: Path):
    first, second, third = three_facts()
    changed = dict(second, value=19.0, locality=dict(second["locality"], code="431021"))
    added = fact(id="t2.txt#0001", doc="t2.txt", quantity=span(T2, "1250人"))
    old = write_jsonl(tmp_path / "old.jsonl", [first, second, third])
    new = write_jsonl(tmp_path / "new.jsonl", [added, changed, first])
    result = run("diff", old, new)
    assert result.exit_code == 1
    out = result.stdout
    assert out.startswith("1 added, 1 removed, 1 changed, 1 unchanged")
    assert "+ t2.txt@" in out and "- t1.txt@" in out
    assert "    value: 18.0 -> 19.0" in out
    assert '    locality.code: "431000" -> "431021"' in out


def test_diff_json(run, tmp_path: Path):
    first, second, _ = three_facts()
    old = write_jsonl(tmp_path / "old.jsonl", [first, second])
    new = write_jsonl(tmp_path / "new.jsonl", [first, dict(second, agency=None)])
    result = run("diff", old, new, "--json")
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    assert report["identical"] is False and report["unchanged"] == 1
    change, = report["changed"]
    assert (change["doc"], change["start"], change["end"]) == ("t1.txt", second["quantity"]["start"],
                                                               second["quantity"]["end"])
    assert change["fields"] == {
        "agency.name": {"old": "示范县市场监管局", "new": None},
        "agency.kind": {"old": "market_regulation", "new": None},
    }


def test_diff_record_without_quantity(run, tmp_path: Path):
    old = write_jsonl(tmp_path / "old.jsonl", three_facts())
    new = write_jsonl(tmp_path / "new.jsonl", [fact(), {"doc": "t1.txt", "value": 3}])
    assert_usage_error(run("diff", old, new), f"{new}:2:", "quantity")


def test_diff_not_json_lines(run, tmp_path: Path):
    old = write_jsonl(tmp_path / "old.jsonl", three_facts())
    new = tmp_path / "new.jsonl"
    new.write_text("320家\n", encoding="utf-8")
    assert_usage_error(run("diff", old, new), f"{new}:1:", "not JSON Lines")


def test_diff_pairs_records_sharing_a_place_in_order():
    a, b = fact(metric="inspections"), fact(metric="other")
    result = diffing.diff_runs([a, b], [a])
    assert [r["metric"] for r in result.removed] == ["other"]
    assert result.unchanged == 1 and not result.identical


# ---------------------------------------------------------------- schema

def test_schema_command_writes_files(run, tmp_path: Path):
    out = tmp_path / "schemas"
    result = run("schema", "--out", out)
    assert result.exit_code == 0, result.output
    names = sorted(p.name for p in out.iterdir())
    assert names == sorted(schemas.generate())
    for path in out.iterdir():
        schema = json.loads(path.read_text(encoding="utf-8"))
        jsonschema.Draft202012Validator.check_schema(schema)
        assert schema["$comment"] == schemas.COMMENT
        assert schema["$id"] == path.name and schema["title"]


def test_committed_schemas_are_current():
    # If this fails after a model change, run `bulletinx schema` and commit the result.
    generated = schemas.generate()
    committed = sorted(p.name for p in SCHEMA_DIR.glob("*.schema.json"))
    assert committed == sorted(generated)
    for name, schema in generated.items():
        assert (SCHEMA_DIR / name).read_text(encoding="utf-8") == schemas.render(schema), name


def test_fact_schema_agrees_with_model():
    validator = jsonschema.Draft202012Validator(schemas.generate()["fact.schema.json"])
    assert not list(validator.iter_errors(fact()))
    assert list(validator.iter_errors(fact(unit="furlong")))
    assert list(validator.iter_errors(fact(extra="field")))


def test_gold_schema_requires_figures_of_facts_only():
    validator = jsonschema.Draft202012Validator(schemas.generate()["gold.schema.json"])
    assert not list(validator.iter_errors(GOLD[0]))
    assert not list(validator.iter_errors(GOLD[4]))
    assert list(validator.iter_errors({"doc": "t1.txt", "anchor": "320家", "value": 320}))
