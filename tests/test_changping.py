"""Changping (republished, undated): document, targets due 2020, 2+1, teacher pay, duties."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from xuequ_rules import Status, check_policy, evaluate, load_policy
from xuequ_rules.document.metadata import StatusState

AFTER_DEADLINE = dt.date(2021, 1, 1)


@pytest.fixture(scope="module")
def policy():
    return load_policy("changping")


def status_of(policy, facts, rule, as_of=AFTER_DEADLINE):
    (finding,) = evaluate(policy, facts, as_of=as_of).for_rule(rule)
    return finding.status


def indicators(**values):
    return {"district_indicators": [{"id": "changping-2020", "year": 2020, **values}]}


# ── document ──────────────────────────────────────────────────────────────────
def test_changping_clause_ids_and_texts(policy):
    document = policy.document
    assert document.clause("二").heading == "工作目标"
    assert "引进名校达到12所" in document.clause("二").text
    assert document.clause("三/(二)/4").text.startswith("4.提升学生综合素质。")
    assert "2+1" in document.clause("三/(二)/4").text
    assert document.clause("三/(六)/20").heading == "改革学校评价制度"
    assert [c.id for c in document.clauses] == ["序", "一", "二", "三", "四"]
    assert document.global_id("三/(四)/14") == "changping@2020#三/(四)/14"


def test_changping_metadata_has_no_number_no_dates_and_unknown_status(policy):
    meta = policy.document.metadata
    assert meta.doc_number is None
    assert meta.dates.issued is None and meta.dates.written is None
    assert meta.status.state is StatusState.UNKNOWN
    assert meta.issuers == ("北京市昌平区教育委员会",)
    assert "青少年法治教育大纲" in [b.title for b in meta.basis]
    # undated: applies no earlier than the National Education Conference it invokes
    assert policy.valid_from == dt.date(2018, 9, 10) and policy.valid_until is None


def test_changping_errata_mark_the_lost_characters(policy):
    document = policy.document
    errata = {item.erratum.id: item.erratum for item in document.source.errata}
    assert set(errata) == {"E01", "E02"}
    clause = document.clause("三/(三)/8")
    assert "充分发挥 招生制度改革" in clause.text
    assert "［缺字，疑为“中考”］" in document.corrected_text(clause)


def test_changping_has_no_library_defects_and_reports_document_findings(policy):
    report = check_policy(policy)
    assert report.defects == ()
    kinds = {finding.id: finding.kind for finding in report.document_findings}
    assert kinds["changping.finding.targets_without_deadline"] == "target_without_deadline"
    assert kinds["changping.finding.missing_party"] == "missing_party"
    assert kinds["changping.finding.undated"] == "undated_document"
    assert kinds["changping.finding.range_target"] == "ambiguous_number"


def test_changping_counts(policy):
    assert len(policy.parameters) == 12
    assert len(policy.rules) == 10 + len(policy.checklist())
    assert len(policy.checklist()) == 71


# ── 2020 targets ──────────────────────────────────────────────────────────────
@pytest.mark.parametrize(("rule", "field", "target"), [
    ("changping.target.famous_schools", "famous_schools_introduced", 12),
    ("changping.target.affiliated_schools", "university_affiliated_schools", 6),
    ("changping.target.university_supported_primary", "university_supported_primary_schools",
     10),
    ("changping.target.construction_projects", "construction_projects", 17),
])
def test_changping_2020_count_target_at_below_and_above(policy, rule, field, target):
    assert status_of(policy, indicators(**{field: target}), rule) is Status.SATISFIED
    assert status_of(policy, indicators(**{field: target - 1}), rule) is Status.VIOLATED
    assert status_of(policy, indicators(**{field: target + 1}), rule) is Status.SATISFIED
    assert status_of(policy, indicators(), rule) is Status.UNDETERMINED


@pytest.mark.parametrize("rule", [
    "changping.target.famous_schools", "changping.target.backbone_share",
])
def test_changping_2020_targets_before_their_deadline_are_not_applicable(policy, rule):
    facts = indicators(famous_schools_introduced=0, backbone_teachers=0, fulltime_teachers=10)
    assert status_of(policy, facts, rule, dt.date(2020, 12, 30)) is Status.NOT_APPLICABLE
    assert status_of(policy, facts, rule, dt.date(2020, 12, 31)) is Status.VIOLATED


def test_changping_2020_target_does_not_apply_to_other_years(policy):
    facts = {"district_indicators": [{"id": "d", "year": 2019, "famous_schools_introduced": 0}]}
    assert status_of(policy, facts, "changping.target.famous_schools") is Status.NOT_APPLICABLE


def test_changping_backbone_teachers_of_exactly_thirty_percent_meet_the_target(policy):
    rule = "changping.target.backbone_share"
    assert status_of(policy, indicators(backbone_teachers=300, fulltime_teachers=1000),
                     rule) is Status.SATISFIED
    assert status_of(policy, indicators(backbone_teachers=299, fulltime_teachers=1000),
                     rule) is Status.VIOLATED
    # 3 of 10 is exactly 30%; 3 of 11 is just below
    assert status_of(policy, indicators(backbone_teachers=3, fulltime_teachers=10),
                     rule) is Status.SATISFIED
    assert status_of(policy, indicators(backbone_teachers=3, fulltime_teachers=11),
                     rule) is Status.VIOLATED
    assert status_of(policy, indicators(backbone_teachers=0, fulltime_teachers=0),
                     rule) is Status.SATISFIED
    assert status_of(policy, indicators(backbone_teachers=3), rule) is Status.UNDETERMINED


def test_changping_target_parameters_and_deadline(policy):
    assert policy.parameter("changping.backbone_teachers.share").value == Decimal("0.30")
    assert policy.rule("changping.target.construction_projects").deadline == dt.date(2020, 12, 31)
    assert policy.parameter("changping.targets.year").value == 2020


# ── targets without deadline ──────────────────────────────────────────────────
@pytest.mark.parametrize(("rule", "field", "minimum"), [
    ("changping.youth_palace.built", "youth_palaces_up_to_standard", 1),
    ("changping.school_courses.excellent", "excellent_school_based_courses", 100),
    ("changping.private_schools.quality", "quality_private_schools", 3),
])
def test_changping_targets_without_deadline_are_obligations(policy, rule, field, minimum):
    assert policy.rule(rule).deadline is None
    facts = {"district_indicators": [{"id": "d", "year": 2019, field: minimum}]}
    assert status_of(policy, facts, rule) is Status.SATISFIED
    facts = {"district_indicators": [{"id": "d", "year": 2019, field: minimum - 1}]}
    assert status_of(policy, facts, rule) is Status.VIOLATED


def test_changping_five_private_schools_is_not_a_cap(policy):
    rule = "changping.private_schools.quality"
    assert status_of(policy, indicators(quality_private_schools=6), rule) is Status.SATISFIED
    assert policy.parameter("changping.private_schools.max").value == 5


# ── 2+1 ───────────────────────────────────────────────────────────────────────
@pytest.mark.parametrize(("sports", "art", "expected"), [
    (2, 1, Status.SATISFIED),
    (3, 2, Status.SATISFIED),
    (1, 1, Status.VIOLATED),
    (2, 0, Status.VIOLATED),
    (2, None, Status.UNDETERMINED),
    (1, None, Status.VIOLATED),
])
def test_changping_every_pupil_masters_two_sports_and_one_art_skill(policy, sports, art,
                                                                     expected):
    student = {"id": "p1", "sports_skills": sports}
    if art is not None:
        student["art_skills"] = art
    assert status_of(policy, {"students": [student]},
                     "changping.students.two_plus_one") is expected


def test_changping_two_plus_one_without_pupil_facts_is_undetermined(policy):
    assert status_of(policy, {}, "changping.students.two_plus_one") is Status.UNDETERMINED


# ── teacher pay ───────────────────────────────────────────────────────────────
@pytest.mark.parametrize(("teacher", "civil", "expected"), [
    ("120000", "120000", Status.SATISFIED),
    ("119999.99", "120000", Status.VIOLATED),
    ("120000.01", "120000", Status.SATISFIED),
])
def test_changping_teacher_pay_not_below_civil_servants(policy, teacher, civil, expected):
    facts = indicators(teacher_average_pay=teacher, civil_servant_average_pay=civil)
    assert status_of(policy, facts, "changping.teacher_pay.not_below_civil_servants") is expected


def test_changping_teacher_pay_in_wan_yuan_is_exact(policy):
    facts = indicators(teacher_average_pay={"value": "12", "unit": "万元"},
                       civil_servant_average_pay=120000)
    assert status_of(policy, facts, "changping.teacher_pay.not_below_civil_servants") \
        is Status.SATISFIED
    facts = indicators(teacher_average_pay=120000)
    assert status_of(policy, facts, "changping.teacher_pay.not_below_civil_servants") \
        is Status.UNDETERMINED


# ── checklist ─────────────────────────────────────────────────────────────────
@pytest.mark.parametrize("rule", [
    "changping.duty.exam_free_proximity", "changping.duty.migrant_equal_access",
    "changping.duty.planned_admission",
])
def test_changping_enrolment_principles_are_checklist_duties(policy, rule):
    assert policy.rule(rule).is_checklist
    assert policy.rule(rule).cites[0].clause == "三/(三)/7"
    assert status_of(policy, {"attestations": {rule: True}}, rule) is Status.SATISFIED
    assert status_of(policy, {"attestations": {rule: False}}, rule) is Status.VIOLATED
    assert status_of(policy, {}, rule) is Status.UNDETERMINED


def test_changping_duties_name_their_party(policy):
    assert policy.rule("changping.duty.implementation_plan").party.zh == "区教委"
    assert policy.rule("changping.duty.performance_assessment").party.zh == "区政府"
    assert policy.rule("changping.duty.departments_cooperate").party.zh.startswith("发展改革")
