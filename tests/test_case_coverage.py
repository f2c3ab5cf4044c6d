"""Case coverage (``xuequ test --coverage``), what-if case files and a rule's cases."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from xuequ_rules import FactsError
from xuequ_rules.case_coverage import cases_for_rule, coverage, policy_coverage
from xuequ_rules.cases import load_case, run_case
from xuequ_rules.cli.app import app
from xuequ_rules.errors import PolicyDefinitionError
from xuequ_rules.evaluation import Status
from xuequ_rules.registry import load_policy

ROOT = Path(__file__).resolve().parents[1]
FULLY_COVERED = ("liujiang", "guilin", "xuequ_office")

ROTATION_CASE = """\
policy: liujiang@2018
as_of: 2019-12-31
description: 恰好10% / exactly 10%
facts:
  teacher_exchanges:
    - {id: "2019", year: 2019, eligible: 100, rotated: 10, backbone_rotated: 1}
expect:
  - {rule: liujiang.teacher_exchange.min_share, record: "teacher_exchanges[2019]", status: satisfied}
  - {rule: liujiang.teacher_exchange.backbone_share, status: violated}
"""

GUILIN_ELEVEN = """\
policy: guilin@draft-2018
as_of: 2018-06-30
{what_if}
facts:
  zones:
    - {{id: big, form: education_group, schools: [a, b, c, d, e, f, g, h, i, j, k]}}
expect:
  - {{rule: guilin.zone.max_schools, record: "zones[big]", status: {status}}}
"""


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_a_case_file_asking_for_what_if_judges_the_guilin_draft_as_if_in_force(tmp_path):
    path = write(tmp_path, "what-if.yaml",
                 GUILIN_ELEVEN.format(what_if="what_if: true", status="violated"))
    result = run_case(path)
    assert result.passed, result.failures
    assert all(f.what_if for f in result.evaluation.findings)


def test_a_case_file_without_what_if_finds_the_guilin_draft_not_in_force(tmp_path):
    path = write(tmp_path, "draft.yaml", GUILIN_ELEVEN.format(what_if="", status="violated"))
    result = run_case(path)
    assert not result.passed
    assert "not_in_force" in result.failures[0]


def test_what_if_in_a_case_file_must_be_true_or_false(tmp_path):
    path = write(tmp_path, "bad.yaml",
                 GUILIN_ELEVEN.format(what_if="what_if: perhaps", status="violated"))
    with pytest.raises(FactsError) as info:
        load_case(path)
    assert info.value.field == "what_if"


def test_coverage_counts_a_rule_covered_by_the_statuses_its_cases_expect(tmp_path):
    path = write(tmp_path, "rotation.yaml", ROTATION_CASE)
    report = policy_coverage(load_policy("liujiang"), [(path, load_case(path))])
    rows = {row.rule: row for row in report.rules}
    assert rows["liujiang.teacher_exchange.min_share"].statuses == {Status.SATISFIED}
    assert rows["liujiang.teacher_exchange.backbone_share"].statuses == {Status.VIOLATED}
    assert rows["liujiang.teacher_exchange.min_share"].cases == (path,)
    assert len(report.covered) == 2


def test_coverage_lists_every_judged_rule_without_a_case_and_leaves_attestations_out(tmp_path):
    path = write(tmp_path, "rotation.yaml", ROTATION_CASE)
    policy = load_policy("liujiang")
    report = policy_coverage(policy, [(path, load_case(path))])
    judged = [r.id for r in policy.rules if not getattr(r, "is_checklist", False)]
    assert [row.rule for row in report.rules] == judged
    assert "liujiang.zone.one_principal_head" in report.uncovered
    assert report.attestations == len(policy.rules) - len(judged) > 0
    assert not any(rule.startswith("liujiang.duty.") for rule in report.uncovered)


def test_coverage_of_one_version_ignores_cases_about_another_version(tmp_path):
    path = write(tmp_path, "rotation.yaml", ROTATION_CASE)
    other = load_policy("guilin")
    report = policy_coverage(other, [(path, load_case(path))])
    assert not report.cases and not report.covered


def test_coverage_reports_rule_ids_a_case_names_that_the_policy_lacks(tmp_path):
    text = ROTATION_CASE.replace("backbone_share", "backbone_quota")
    path = write(tmp_path, "typo.yaml", text)
    report = policy_coverage(load_policy("liujiang"), [(path, load_case(path))])
    assert report.unknown_rules == ("liujiang.teacher_exchange.backbone_quota",)


def test_coverage_of_case_files_named_reports_the_policies_they_are_about(tmp_path):
    path = write(tmp_path, "rotation.yaml", ROTATION_CASE)
    reports = coverage([str(path)])
    assert [r.ref for r in reports] == ["liujiang@2018"]


@pytest.mark.parametrize("name", FULLY_COVERED)
def test_every_judged_rule_of_the_policy_has_a_case_file(name):
    report = coverage([name])
    assert len(report) == 1 and report[0].rules
    assert report[0].uncovered == ()
    assert report[0].unknown_rules == ()


def test_shipped_cases_exercise_satisfied_violated_and_undetermined_for_each_obligation():
    for report in coverage(list(FULLY_COVERED)):
        for row in report.rules:
            if row.kind == "obligation":
                assert {Status.SATISFIED, Status.VIOLATED, Status.UNDETERMINED} <= row.statuses, \
                    row.rule


def test_cases_for_rule_lists_the_shipped_case_files_and_their_expectations():
    found = cases_for_rule("liujiang", "liujiang.teacher_exchange.min_share")
    assert [case.path.name for case in found] == ["rotation.yaml"]
    statuses = {e.status for e in found[0].expectations}
    assert statuses >= {Status.SATISFIED, Status.VIOLATED, Status.NOT_APPLICABLE}
    assert all(e.rule == "liujiang.teacher_exchange.min_share" for e in found[0].expectations)
    assert found[0].description and "10%" in found[0].description
    data = found[0].as_dict()
    assert data["case"].endswith("rotation.yaml") and data["expect"][0]["status"]


def test_cases_for_rule_of_the_draft_says_which_cases_ask_for_what_if():
    found = {case.path.name: case.what_if
             for case in cases_for_rule("guilin@draft-2018", "guilin.zone.max_schools")}
    assert found["draft.yaml"] is False and found["size.yaml"] is True


def test_cases_for_an_unknown_rule_is_an_error_naming_it():
    with pytest.raises(PolicyDefinitionError):
        cases_for_rule("liujiang", "liujiang.no_such_rule")


def test_xuequ_test_coverage_json_gives_per_rule_statuses():
    result = CliRunner().invoke(app, ["test", "guilin", "--coverage", "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert all(run["passed"] for run in data["cases"])
    (report,) = data["coverage"]
    assert report["policy"] == "guilin@draft-2018"
    assert report["rules_covered"] == report["rules"] == 5 and report["uncovered"] == []
    rows = {row["rule"]: row for row in report["per_rule"]}
    assert rows["guilin.zone.max_schools"]["statuses"] == [
        "satisfied", "violated", "undetermined", "not_in_force"]


def test_xuequ_test_coverage_table_names_rules_with_no_case(tmp_path):
    path = write(tmp_path, "rotation.yaml", ROTATION_CASE)
    result = CliRunner().invoke(app, ["test", str(path), "--coverage"])
    assert result.exit_code == 0, result.output
    assert "规则覆盖 rules covered 2/" in result.output
    assert "rules with no case" in result.output
    assert "liujiang.zone.one_principal_head" in result.output


def test_xuequ_test_coverage_still_exits_1_on_a_failed_expectation(tmp_path):
    path = write(tmp_path, "wrong.yaml", ROTATION_CASE.replace("status: violated",
                                                              "status: satisfied"))
    result = CliRunner().invoke(app, ["test", str(path), "--coverage"])
    assert result.exit_code == 1
