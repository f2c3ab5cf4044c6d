"""Value ↔ quote: a parameter, phase date or deadline its quote does not state is a defect."""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal

from xuequ_rules.consistency import check_policy
from xuequ_rules.consistency.values import parameter_defects, phase_defects, rule_date_defects
from xuequ_rules.policy.citation import Cite
from xuequ_rules.policy.units import Unit
from xuequ_rules.registry import load_policy
from xuequ_rules.text import Text

LIUJIANG = "liujiang@2018"


def kinds(issues: list) -> list[str]:  # type: ignore[type-arg]
    return [i.kind for i in issues]


def test_value_quote_accepts_liujiang_rotation_share_of_10_percent() -> None:
    policy = load_policy(LIUJIANG)
    assert parameter_defects(policy.document,
                             policy.parameter("liujiang.teacher_exchange.min_share")) == []


def test_value_quote_reports_liujiang_rotation_share_changed_to_15_percent() -> None:
    policy = load_policy(LIUJIANG)
    param = policy.parameter("liujiang.teacher_exchange.min_share")
    (issue,) = parameter_defects(policy.document,
                                 dataclasses.replace(param, value=Decimal("0.15")))
    assert issue.kind == "value_quote"
    assert issue.id == "value:liujiang.teacher_exchange.min_share"
    assert "0.15" in issue.text.zh and "10%" in issue.text.zh and "0.1" in issue.text.zh
    assert "0.15" in issue.text.en and "10%" in issue.text.en


def test_value_quote_reports_liujiang_rotation_share_given_the_unit_yuan() -> None:
    policy = load_policy(LIUJIANG)
    param = policy.parameter("liujiang.teacher_exchange.min_share")
    (issue,) = parameter_defects(policy.document, dataclasses.replace(param, unit=Unit.YUAN))
    assert issue.kind == "value_quote" and "单位不符" in issue.text.zh


def test_value_quote_reports_liujiang_group_year_changed_from_2018_to_2016() -> None:
    policy = load_policy(LIUJIANG)
    param = policy.parameter("liujiang.education_groups.target_year")
    assert parameter_defects(policy.document, param) == []
    assert kinds(parameter_defects(policy.document, dataclasses.replace(param, value=2016))) == [
        "value_quote"]


def test_value_quote_reads_ziyang_threshold_through_its_erratum_and_rejects_10000_yuan() -> None:
    policy = load_policy("ziyang@2024")
    param = policy.parameter("ziyang.expenditure.collective_threshold")
    assert parameter_defects(policy.document, param) == []
    assert kinds(parameter_defects(policy.document,
                                   dataclasses.replace(param, value=Decimal(10000)))) == [
        "value_quote"]


def test_value_quote_accepts_either_end_of_nantong_term_range_3_to_5_years() -> None:
    policy = load_policy("nantong@2013")
    for param_id in ("nantong.principal.term_years_min", "nantong.principal.term_years_max"):
        param = policy.parameter(param_id)
        assert parameter_defects(policy.document, param) == []
        assert parameter_defects(policy.document, dataclasses.replace(param, value=4))


def test_value_quote_reports_a_quote_holding_two_counts_of_the_parameters_unit() -> None:
    policy = load_policy(LIUJIANG)
    param = policy.parameter("liujiang.education_groups.junior")
    wide = dataclasses.replace(param, cites=(
        Cite("三/(一)/2/(1)", "拟于2018年组建2所小学教育集团和1所初中教育集团"),))
    narrow = dataclasses.replace(param, cites=(Cite("三/(一)/2/(1)", "1所初中教育集团"),))
    assert kinds(parameter_defects(policy.document, wide)) == ["ambiguous_quote"]
    assert parameter_defects(policy.document, narrow) == []


def test_value_quote_exempts_a_derived_parameter_but_not_its_underived_twin() -> None:
    policy = load_policy("caoxian@capture-1")
    param = policy.parameter("caoxian.suspension.max_extensions")
    underived = dataclasses.replace(param, derived=None)
    derived = dataclasses.replace(param, derived=Text("“可再延期休学一年”只许延期一次",
                                                      "one further year: one extension"))
    assert kinds(parameter_defects(policy.document, underived)) == ["value_quote"]
    assert parameter_defects(policy.document, derived) == []


def test_value_quote_reads_nantong_all_schools_as_a_share_of_one_and_rejects_90_percent(
        ) -> None:
    policy = load_policy("nantong@2013")
    param = dataclasses.replace(policy.parameter("nantong.schools.modern_standard_share_2018"),
                                derived=None)
    assert parameter_defects(policy.document, param) == []
    assert parameter_defects(policy.document,
                             dataclasses.replace(param, value=Decimal("0.9")))


def test_value_quote_reads_nantong_yearly_inspection_as_an_interval_of_one_year() -> None:
    policy = load_policy("nantong@2013")
    param = dataclasses.replace(policy.parameter("nantong.inspection.interval_years"),
                                derived=None)
    assert parameter_defects(policy.document, param) == []
    assert parameter_defects(policy.document, dataclasses.replace(param, value=2))


def test_value_quote_reports_a_list_parameter_naming_an_item_its_quote_lacks() -> None:
    policy = load_policy(LIUJIANG)
    param = policy.parameter("liujiang.zone.six_unifications")
    assert parameter_defects(policy.document, param) == []
    mutated = dataclasses.replace(param, value=f"{param.value}、课程设置")
    (issue,) = parameter_defects(policy.document, mutated)
    assert "课程设置" in issue.text.zh


def test_phase_date_reports_ziyang_plan_phase_ending_in_october_not_end_of_september() -> None:
    policy = load_policy("ziyang@2024")
    phase = next(p for p in policy.phases if p.id == "ziyang.phase.plan")
    assert phase_defects(policy.document, phase) == []
    moved = dataclasses.replace(phase, end=dt.date(2024, 10, 31))
    assert [i.id for i in phase_defects(policy.document, moved)] == [
        "phase_date:ziyang.phase.plan:end"]


def test_phase_date_accepts_liujiang_phase_three_from_january_2018_to_august_2020() -> None:
    policy = load_policy(LIUJIANG)
    phase = next(p for p in policy.phases if p.id == "liujiang.phase.3")
    assert phase_defects(policy.document, phase) == []
    assert phase_defects(policy.document, dataclasses.replace(phase, end=dt.date(2020, 7, 31)))


def test_deadline_reports_liujiang_group_rule_moved_to_2031_against_quote_and_year_parameter(
        ) -> None:
    policy = load_policy(LIUJIANG)
    rule = policy.rule("liujiang.education_groups.junior_2018")
    assert rule_date_defects(policy, rule) == []
    moved = dataclasses.replace(rule, deadline=dt.date(2031, 12, 31))
    assert sorted(kinds(rule_date_defects(policy, moved))) == ["date_quote", "deadline_year"]


def test_deadline_accepts_nantong_construction_five_years_from_the_document_date() -> None:
    policy = load_policy("nantong@2013")
    rule = policy.rule("nantong.construction.chongchuan")
    assert rule_date_defects(policy, rule) == []
    assert rule_date_defects(policy, dataclasses.replace(rule, deadline=dt.date(2019, 8, 21)))


def test_check_reports_value_defects_with_stats_in_its_json() -> None:
    report = check_policy(load_policy(LIUJIANG)).as_dict()
    assert set(report["stats"]["parameters"]) == {"count", "derived", "mismatched"}
    assert report["stats"]["parameters"]["count"] == len(load_policy(LIUJIANG).parameters)
    assert report["stats"]["numbers"]["found"] >= report["stats"]["numbers"]["covered"] > 0


def test_check_reports_liujiang_rotation_share_of_15_percent_as_a_library_defect() -> None:
    policy = load_policy(LIUJIANG)
    param = policy.parameter("liujiang.teacher_exchange.min_share")
    mutated = dataclasses.replace(param, value=Decimal("0.15"))
    others = tuple(p for p in policy.parameters if p.id != param.id)
    rules = tuple(r for r in policy.rules if param not in r.parameters())
    report = check_policy(dataclasses.replace(policy, parameters=(*others, mutated), rules=rules))
    assert "value:liujiang.teacher_exchange.min_share" in [d.id for d in report.defects]
    assert not report.ok
    assert report.stats["parameters"]["mismatched"] >= 1


def test_value_quote_reports_nantong_expansion_count_whose_quote_occurs_for_two_districts() -> None:
    policy = load_policy("nantong@2013")
    param = policy.parameter("nantong.construction.gangzha.expanded")
    assert parameter_defects(policy.document, param) == []
    bare = dataclasses.replace(param, cites=tuple(c for c in param.cites
                                                  if c.quote == "改扩建3所"))
    (issue,) = parameter_defects(policy.document, bare)
    assert issue.kind == "ambiguous_quote" and "2 次" in issue.text.zh


def test_value_quote_reads_a_located_count_from_its_narrow_quote_not_its_context() -> None:
    policy = load_policy("nantong@2013")
    param = policy.parameter("nantong.construction.gangzha.expanded")
    assert [c.quote for c in param.cites] == ["港闸区新建中小学校2所、改扩建3所", "改扩建3所"]
    (issue,) = parameter_defects(policy.document, dataclasses.replace(param, value=2))
    assert issue.kind == "value_quote"


def test_check_lists_each_proposal_awaiting_review_as_a_library_defect() -> None:
    policy = load_policy(LIUJIANG)
    pending = dataclasses.replace(policy, pending_review=(
        "liujiang.teacher_exchange.min_share", "liujiang.no_such_rule"))
    issues = [d for d in check_policy(pending).defects if d.kind == "pending_review"]
    assert [d.id for d in issues] == ["review:liujiang.teacher_exchange.min_share",
                                      "review:liujiang.no_such_rule"]
    assert issues[0].cites and "no such id" in issues[1].text.en
    assert not [d for d in check_policy(policy).defects if d.kind == "pending_review"]
