"""Metric rules: every example of every rule file, the engine's choices, and rule-file errors."""
from __future__ import annotations

import sys
import textwrap
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

import jsonschema
import pytest
import typer
from typer.testing import CliRunner

from bulletinx.cli_rules import register
from bulletinx.errors import BulletinxError
from bulletinx.metrics import RuleFile, builtin_rule_files, check_example, load_rules, run_examples

from conftest import TREES

if sys.version_info >= (3, 11):
    import tomllib
else:
    import tomli as tomllib

RULES = load_rules()

# Section 4 of the fact definition: every metric must have at least one rule.
TAXONOMY = (
    "cases_solved cases_filed suspects_captured criminal_detentions administrative_detentions arrests "
    "prosecutions persons_penalized compulsory_rehab drugs_seized plants_eradicated gangs_dismantled "
    "complaints_received cases_closed closure_rate wages_recovered funds_recovered fines_issued "
    "people_helped people_employed trainees training_sessions funds_raised subsidies_paid "
    "pipe_renovated_km households_renovated investment hazards_found hazards_fixed enforcement_actions "
    "inspections rectification_orders vehicles_penalized license_points_deducted supervision_actions "
    "problems_found problems_solved tax_revenue tax_per_mu revenue output_value projects_signed "
    "contracted_investment projects_started projects_completed trade_value yoy_change share "
    "publicity_events materials_distributed people_reached"
).split()


# --------------------------------------------------------------------------
# The examples in the rule files are the test suite of the rules.

EXAMPLES = [
    pytest.param(rule, i, id=f"{rule.id}[{i}]{'-neg' if ex.negative else ''}")
    for rule in RULES
    for i, ex in enumerate(rule.examples)
]


@pytest.mark.parametrize("rule, index", EXAMPLES)
def test_example(rule, index):
    failure = check_example(RULES, rule, index)
    assert failure is None, str(failure)


def test_every_metric_of_the_taxonomy_has_a_rule():
    assert set(TAXONOMY) - RULES.metrics == set()


def test_rule_ids_name_their_domain_once():
    assert len({r.id for r in RULES}) == len(RULES)
    assert all(r.id.count(".") == 1 for r in RULES)


def test_rule_file_schema_covers_the_format():
    schema = RuleFile.model_json_schema()
    assert set(schema["properties"]) == {"pieces", "rule"}
    rule = schema["$defs"]["Rule"]
    assert rule["additionalProperties"] is False
    assert {"id", "metric", "units", "pattern", "after", "measures", "priority", "example"} <= set(rule["properties"])


@pytest.mark.parametrize("path", builtin_rule_files(), ids=lambda p: p.name)
def test_builtin_files_match_the_published_schema(path):
    jsonschema.validate(tomllib.loads(path.read_text(encoding="utf-8")), RuleFile.model_json_schema())


def test_builtin_pieces_load_first():
    assert builtin_rule_files()[0].name.startswith("_")


# --------------------------------------------------------------------------
# What classify decides, with the clause before the quantity as the
# pipeline hands it over.


@dataclass(frozen=True)
class Case:
    name: str
    before: str
    unit: str
    metric: Optional[str]
    measure: Optional[str] = None
    after: str = ""

    def __str__(self) -> str:
        return self.name


def _check(case: Case) -> None:
    got = RULES.classify(case.before, case.after, case.unit, case.measure)
    assert (got[0] if got else None) == case.metric, f"{case}: {got}"


# A verb and its object stand apart.
VERB_AND_OBJECT_APART = [
    Case(name="solve-kind-case", before="破获涉枪案件", unit="count", measure="起", metric="cases_solved"),
    Case(name="solve-long-object", before="今年以来共破获各类毒品犯罪案件", unit="count", measure="起", metric="cases_solved"),
    Case(name="solve-batch", before="侦破一批电信网络诈骗案件", unit="count", measure="起", metric="cases_solved"),
    Case(name="recover-wages", before="追回被拖欠的农民工工资", unit="CNY", metric="wages_recovered"),
    Case(name="help-noun-after", before="帮助", after="名劳动者解决临时生活困难", unit="count", measure="名", metric="people_helped"),
]

# One verb governs a list; a clause boundary ends its reach.
LISTS_AND_CLAUSES = [
    Case(name="list-second-item", before="改造中压管网12.5公里、庭院管网", unit="km", metric="pipe_renovated_km"),
    Case(name="list-third-item", before="改造中压管网12.5公里、庭院管网8.1公里、燃气立管", unit="km", metric="pipe_renovated_km"),
    Case(name="list-households", before="改造中压管网12.5公里、庭院管网8.1公里、户内燃气设施", unit="count", measure="户",
         metric="households_renovated"),
    Case(name="comma-ends-reach", before="全年刑事拘留41人,移送起诉", unit="count", measure="人", metric="prosecutions"),
    Case(name="fullwidth-comma-ends-reach", before="全年刑事拘留41人，移送起诉", unit="count", measure="人", metric="prosecutions"),
    Case(name="nearer-verb-wins", before="刑事拘留41人、移送起诉", unit="count", measure="人", metric="prosecutions"),
    Case(name="respectively-values", before="处分620人,分别比去年同期增长12.1%、", unit="percent", metric="yoy_change"),
    Case(name="qizhong-continues", before="侦破经济犯罪案件36起,其中部督案件", unit="count", measure="起", metric="cases_solved"),
    Case(name="bare-verb", before="破获案件20起,抓获", unit="count", measure="人", metric="suspects_captured"),
]

# Money and percentages are matched on their unit.
UNITS_DECIDE = [
    Case(name="fine-in-cny", before="扣驾驶证1200分,罚款", unit="CNY", metric="fines_issued"),
    Case(name="fine-not-count", before="扣驾驶证1200分,罚款", unit="count", measure="次", metric=None),
    Case(name="yoy-percent", before="同比增长", unit="percent", metric="yoy_change"),
    Case(name="urbanisation-rate-is-a-share", before="城镇化率为", unit="percent", metric="share"),
    Case(name="yoy-points", before="比上年末下降", unit="pp", metric="yoy_change"),
    Case(name="yoy-count", before="同比增加", unit="count", measure="起", metric="yoy_change"),
    Case(name="share-percent", before="高新技术产业营收占比达到", unit="percent", metric="share"),
    Case(name="revenue-cny", before="高新技术产业营收", unit="CNY", metric="revenue"),
    Case(name="tax-per-mu", before="亩均税收", unit="CNY/mu", metric="tax_per_mu"),
    Case(name="tax", before="上缴税收", unit="CNY", metric="tax_revenue"),
    Case(name="contracted-not-invested", before="签约投资额", unit="CNY", metric="contracted_investment"),
    Case(name="investment", before="完成固定资产投资", unit="CNY", metric="investment"),
]

# Nothing to say: the engine keeps quiet.
NO_METRIC = [
    Case(name="average-annual-growth", before="年均增长", unit="percent", metric=None),
    Case(name="month-on-month", before="环比下降", unit="percent", metric=None),
    Case(name="population", before="全县户籍人口", unit="count", measure="人", metric=None),
    Case(name="empty-clause", before="", unit="count", measure="人", metric=None),
    Case(name="duration-not-count", before="刑事拘留", unit="day", metric=None),
]


@pytest.mark.parametrize("case", VERB_AND_OBJECT_APART, ids=str)
def test_verb_and_object_apart(case):
    _check(case)


@pytest.mark.parametrize("case", LISTS_AND_CLAUSES, ids=str)
def test_lists_and_clauses(case):
    _check(case)


@pytest.mark.parametrize("case", UNITS_DECIDE, ids=str)
def test_units_decide(case):
    _check(case)


@pytest.mark.parametrize("case", NO_METRIC, ids=str)
def test_no_metric(case):
    _check(case)


def test_classify_names_the_rule():
    assert RULES.classify("全市共破获涉毒案件", "", "count", "起") == ("cases_solved", "policing.cases_solved")


# --------------------------------------------------------------------------
# User rule files.



def _write(tmp_path: Path, text: str, name: str = "my.toml") -> Path:
    path = tmp_path / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def test_a_user_file_adds_a_metric(tmp_path):
    path = _write(tmp_path, TREES)
    rules = load_rules(extra_files=[path])
    assert rules.classify("全县义务植树", "", "count", "株") == ("trees_planted", "greening.trees_planted")
    assert load_rules().classify("全县义务植树", "", "count", "株") is None
    assert run_examples(path) == []


def test_a_user_rule_wins_a_tie_with_a_builtin_one(tmp_path):
    path = _write(tmp_path, TREES.replace('metric = "trees_planted"', 'metric = "seized_goods"')
                  .replace("植树|栽种|种植|新植|补植", "查获").replace('(?:苗木|树木|树苗|乔木|树)?$', '$')
                  .replace('measures = ["株", "棵"]', 'measures = ["人"]'))
    rules = load_rules(extra_files=[path])
    # 查获 is also a built-in verb for suspects; the user's rule takes the tie.
    assert rules.classify("查获", "", "count", "人")[0] == "seized_goods"


def _app() -> typer.Typer:
    app = typer.Typer()

    @app.callback()
    def main() -> None:
        """bulletinx"""

    register(app)
    return app


def test_rules_test_passes_a_good_file(tmp_path):
    path = _write(tmp_path, TREES)
    result = CliRunner().invoke(_app(), ["rules", "test", str(path)])
    assert result.exit_code == 0, result.output
    assert "3 of 3 examples hold" in result.stdout


def test_rules_test_fails_on_a_broken_example(tmp_path):
    path = _write(tmp_path, TREES.replace("value = 3600", "value = 3700"))
    result = CliRunner().invoke(_app(), ["rules", "test", str(path)])
    assert result.exit_code == 1, result.output
    assert "FAIL greening.trees_planted example[1]" in result.stdout


def test_rules_test_rejects_an_invalid_file(tmp_path):
    path = _write(tmp_path, TREES.replace("{VERB_PLANT}", "{VERB_SOW}"))
    result = CliRunner().invoke(_app(), ["rules", "test", str(path)])
    assert result.exit_code == 2
    message = result.stderr.strip()
    assert message.startswith("bulletinx: ") and "\n" not in message
    assert "greening.trees_planted" in message and "pattern" in message and "VERB_SOW" in message


def test_rules_test_runs_a_builtin_file():
    path = next(p for p in builtin_rule_files() if p.name == "general.toml")
    result = CliRunner().invoke(_app(), ["rules", "test", str(path)])
    assert result.exit_code == 0, result.output


def test_rules_list_shows_user_rules(tmp_path):
    path = _write(tmp_path, TREES)
    result = CliRunner().invoke(_app(), ["rules", "list", "--rules", str(path)])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert any("greening.trees_planted" in line and "trees_planted" in line and str(path) in line for line in lines)
    assert any(line.split()[:2] == ["policing.cases_solved", "cases_solved"] for line in lines)


# --------------------------------------------------------------------------
# An invalid rule file is one line naming the file, the rule and the field.

BROKEN = [
    pytest.param(TREES.replace('name = "trees planted"', 'name = "trees planted'),
                 "greening.trees_planted", "name", "invalid TOML", id="bad-toml"),
    pytest.param(TREES.replace("{VERB_PLANT}", "{VERB_SOW}"),
                 "greening.trees_planted", "pattern", "unknown piece {VERB_SOW}", id="unknown-piece"),
    pytest.param(TREES.replace("(?:苗木|", "(?:苗木|("),
                 "greening.trees_planted", "pattern", "does not compile", id="bad-regex"),
    pytest.param(TREES.replace('id = "greening.trees_planted"', 'id = "policing.cases_solved"'),
                 "policing.cases_solved", "id", "duplicate id", id="duplicate-id"),
    pytest.param(TREES.split("[[rule.example]]\ntext = \"全县共有")[0],
                 "greening.trees_planted", "example", "at least two positive", id="no-negative"),
    pytest.param(TREES.replace('why = "trees that stand, not trees planted"\n', ""),
                 "greening.trees_planted", "example[2].why", "says why", id="negative-without-why"),
    pytest.param(TREES.replace("value = 120000", "valeu = 120000"),
                 "greening.trees_planted", "example[0].valeu", "unknown field", id="unknown-field"),
    pytest.param(TREES.replace('units = ["count"]', 'units = ["trees"]'),
                 "greening.trees_planted", "units[0]", "", id="unknown-unit"),
    pytest.param(TREES.replace("(?:苗木|树木|树苗|乔木|树)?$'", "(?:苗木|树木|树苗|乔木|树)?'"),
                 "greening.trees_planted", "pattern", "must end with $", id="unanchored-pattern"),
    pytest.param(TREES.replace("metric = \"trees_planted\"\n", "metric = \"trees_planted\"\ncontext = '(?:绿化)?'\n", 1),
                 "greening.trees_planted", "context", "every sentence", id="empty-context"),
    pytest.param(TREES.replace("VERB_PLANT = '植树", "VERB_PLANT = '{VERB_PLANT}|植树"),
                 None, "pieces.VERB_PLANT", "refers to itself", id="piece-cycle"),
]


@pytest.mark.parametrize("text, rule_id, field, problem", BROKEN)
def test_invalid_file_message(tmp_path, text, rule_id, field, problem):
    path = _write(tmp_path, text)
    with pytest.raises(BulletinxError) as caught:
        load_rules(extra_files=[path])
    message = str(caught.value)
    assert "\n" not in message
    assert message.startswith(str(path) + ": ")
    if rule_id:
        assert f"rule {rule_id}" in message
    assert f": {field}: " in message
    assert problem in message


def test_missing_file(tmp_path):
    with pytest.raises(BulletinxError, match=r"nowhere\.toml: cannot read"):
        load_rules(extra_files=[tmp_path / "nowhere.toml"])
