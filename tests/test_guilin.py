"""Guilin draft for comments: never in force, truncated; zone forms and the 10-school limit."""

from __future__ import annotations

import datetime as dt

import pytest

from xuequ_rules import Status, check_policy, evaluate, load_policy
from xuequ_rules.document.metadata import StatusState

AS_OF = dt.date(2018, 3, 1)


@pytest.fixture(scope="module")
def policy():
    return load_policy("guilin")


def status_of(policy, facts, rule, as_of=AS_OF):
    """The rule's logic, applied as if the draft were in force (what-if)."""
    (finding,) = evaluate(policy, facts, as_of=as_of, what_if=True).for_rule(rule)
    return finding.status


def zone(**values):
    return {"zones": [{"id": "z1", **values}]}


def schools(n):
    return [f"school-{i}" for i in range(n)]


# ── document ──────────────────────────────────────────────────────────────────
def test_guilin_clause_tree_uses_the_parenthesized_numeral_as_the_section_level(policy):
    document = policy.document
    assert list(document.ids) == ["序", "一", "二", "三", "三/(一)", "三/(一)/1", "三/(一)/2",
                                  "三/(一)/2/(1)", "三/(一)/2/(2)"]
    assert document.clause("三/(一)").text.startswith("㈠科学设置学区")
    assert document.clause("三/(一)").heading == "科学设置学区"
    assert document.clause("三").heading == "主要措施"
    assert "每个学区学校数原则上不超过10所" in document.clause("三/(一)/2").text
    assert document.parse_notes == ()


def test_guilin_metadata_is_a_draft_with_a_known_final_version(policy):
    meta = policy.document.metadata
    assert meta.status.state is StatusState.DRAFT
    assert meta.doc_number is None
    (final,) = meta.later_versions
    assert final.number is not None and final.number.normalized == "市政办〔2018〕24号"
    assert final.issued == dt.date(2018, 5, 22)
    assert not final.text_in_library
    assert [b.label for b in meta.basis] == ["桂政办发〔2016〕168号"]
    assert meta.issuers == ("桂林市人民政府办公室",)


def test_guilin_erratum_restores_the_lost_year(policy):
    document = policy.document
    (erratum,) = [item.erratum for item in document.source.errata]
    assert erratum.captured == "桂政办发〔〕168号"
    assert "桂政办发〔2016〕168号" in document.corrected_text(document.clause("序"))


def test_guilin_draft_never_yields_violated_and_says_it_never_took_effect(policy):
    assert policy.data["status"] == "draft"
    assert policy.valid_from is None and policy.valid_until is None
    assert policy.validity is not None and policy.validity.cites[0].quote == "(征求意见稿)"
    facts = zone(form="urban_rural_assistance", schools=schools(11))
    result = evaluate(policy, facts, as_of=AS_OF)
    assert result.findings and not result.by_status(Status.VIOLATED)
    assert {f.status for f in result.findings} == {Status.NOT_IN_FORCE}
    assert {f.label for f in result.findings} == {("未生效", "not yet in force")}
    assert result.statement is not None and "从未生效" in result.statement.zh
    assert "never took effect" in result.findings[0].reason.en
    assert result.as_dict()["lifecycle"]["state"] == "draft"


def test_what_if_evaluation_of_guilin_draft_marks_every_finding_what_if(policy):
    facts = zone(form="urban_rural_assistance", schools=schools(11))
    result = evaluate(policy, facts, as_of=AS_OF, what_if=True)
    assert result.findings and all(f.what_if for f in result.findings)
    (limit,) = result.for_rule("guilin.zone.max_schools")
    assert limit.status is Status.VIOLATED
    assert limit.label == ("不符合（假设评估（文件未生效/已失效））", "violated (what-if)")
    assert limit.as_dict()["what_if"] is True
    assert result.statement is not None and "what-if" in result.statement.en


def test_guilin_check_has_no_defects_and_reports_the_draft_status(policy):
    report = check_policy(policy)
    assert report.defects == ()
    kinds = {finding.id: finding.kind for finding in report.document_findings}
    assert kinds["guilin.finding.draft_status"] == "draft_status"
    assert kinds["guilin.finding.missing_party"] == "missing_party"
    assert kinds["guilin.finding.open_list_of_forms"] == "open_list"


def test_guilin_truncation_is_recorded_as_unencoded(policy):
    clauses = [u.cite.clause for u in policy.unencoded]
    assert "三/(一)/2/(2)" in clauses
    (missing,) = [u for u in policy.unencoded if u.cite.clause == "三/(一)/2/(2)"]
    assert "截断" in missing.reason.zh and "stops" in missing.reason.en


def test_guilin_counts(policy):
    assert len(policy.parameters) == 3
    assert len(policy.rules) == 12
    assert len(policy.checklist()) == 6


# ── 10 schools per zone, in principle ─────────────────────────────────────────
@pytest.mark.parametrize(("count", "expected"), [
    (10, Status.SATISFIED), (9, Status.SATISFIED), (11, Status.VIOLATED), (0, Status.SATISFIED),
])
def test_guilin_zone_of_n_schools_against_the_ten_school_limit(policy, count, expected):
    assert status_of(policy, zone(schools=schools(count)), "guilin.zone.max_schools") is expected


def test_guilin_ten_school_limit_is_in_principle_and_says_so(policy):
    rule = policy.rule("guilin.zone.max_schools")
    assert rule.in_principle
    assert policy.parameter("guilin.zone.max_schools").in_principle
    (finding,) = evaluate(policy, zone(schools=schools(11)), as_of=AS_OF,
                          what_if=True).for_rule(rule.id)
    assert "原则上" in finding.explanation.zh


def test_guilin_zone_without_school_list_is_undetermined(policy):
    assert status_of(policy, zone(), "guilin.zone.max_schools") is Status.UNDETERMINED


# ── forms ─────────────────────────────────────────────────────────────────────
@pytest.mark.parametrize(("form", "expected"), [
    ("urban_rural_assistance", Status.SATISFIED),
    ("education_group", Status.SATISFIED),
    ("school_alliance", Status.SATISFIED),
    ("other", Status.VIOLATED),
])
def test_guilin_zone_forms(policy, form, expected):
    assert status_of(policy, zone(form=form), "guilin.zone.forms") is expected


@pytest.mark.parametrize(("sub_form", "expected"), [
    ("urban_town", Status.SATISFIED),
    ("town_town", Status.SATISFIED),
    ("town_village_point", Status.SATISFIED),
    ("county_village", Status.VIOLATED),
])
def test_guilin_assistance_zone_has_one_of_three_sub_forms(policy, sub_form, expected):
    facts = zone(form="urban_rural_assistance", sub_form=sub_form)
    assert status_of(policy, facts, "guilin.zone.assistance_sub_forms") is expected


def test_guilin_sub_forms_do_not_apply_to_education_groups(policy):
    facts = zone(form="education_group", sub_form="anything")
    assert status_of(policy, facts, "guilin.zone.assistance_sub_forms") is Status.NOT_APPLICABLE


@pytest.mark.parametrize("rule", ["guilin.zone.urban_town_one_quality_school",
                                  "guilin.zone.town_town_one_quality_school"])
@pytest.mark.parametrize(("count", "expected"), [
    (1, Status.SATISFIED), (0, Status.VIOLATED), (2, Status.VIOLATED), (None, Status.UNDETERMINED),
])
def test_guilin_assistance_zone_has_exactly_one_quality_school(policy, rule, count, expected):
    sub_form = "urban_town" if "urban_town" in rule else "town_town"
    facts = zone(form="urban_rural_assistance", sub_form=sub_form)
    if count is not None:
        facts["zones"][0]["quality_school_count"] = count
    assert status_of(policy, facts, rule) is expected


def test_guilin_one_quality_school_rule_does_not_apply_to_the_other_sub_form(policy):
    facts = zone(form="urban_rural_assistance", sub_form="town_town", quality_school_count=3)
    assert status_of(policy, facts, "guilin.zone.urban_town_one_quality_school") \
        is Status.NOT_APPLICABLE


def test_guilin_town_village_zone_is_led_by_its_town_centre_school(policy):
    rule = "guilin.zone.town_village_point_led_by_town_centre"
    facts = zone(form="urban_rural_assistance", sub_form="town_village_point")
    assert status_of(policy, facts, rule) is Status.VIOLATED
    facts["zones"][0]["lead_school"] = "镇中心校"
    assert status_of(policy, facts, rule) is Status.SATISFIED


# ── checklist ─────────────────────────────────────────────────────────────────
def test_guilin_six_unifications_duty_attested_missing_or_denied(policy):
    rule = "guilin.duty.six_unifications"
    assert status_of(policy, {"attestations": {rule: True}}, rule) is Status.SATISFIED
    assert status_of(policy, {"attestations": {rule: False}}, rule) is Status.VIOLATED
    assert status_of(policy, {}, rule) is Status.UNDETERMINED
    assert "资源配置" in str(policy.parameter("guilin.zone.six_unifications").value)
