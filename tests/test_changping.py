"""Changping (republished, undated): document, targets due 2020, 2+1, teacher pay, duties."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

import pytest

from xuequ_rules import Status, check_policy, evaluate, load_policy
from xuequ_rules.document.metadata import StatusState
from xuequ_rules.policy.dsl import Modality

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
    assert len(policy.parameters) == 14
    assert len(policy.rules) == 10 + len(policy.checklist())
    assert len(policy.checklist()) == 97
    assert len(policy.unencoded) == 2
    assert [u.kind for u in policy.unencoded] == ["not_normative", "not_encodable"]


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
    # no full-time teachers: the share is undefined, the target does not apply
    assert status_of(policy, indicators(backbone_teachers=0, fulltime_teachers=0),
                     rule) is Status.NOT_APPLICABLE
    assert status_of(policy, indicators(backbone_teachers=3), rule) is Status.UNDETERMINED


def test_changping_target_parameters_and_deadline(policy):
    assert policy.parameter("changping.backbone_teachers.share").value == Decimal("0.30")
    assert policy.rule("changping.target.construction_projects").deadline == dt.date(2020, 12, 31)
    assert policy.parameter("changping.targets.year").value == 2020


# ── tasks without deadline (三/(二)/4 少年宫, 三/(二)/5 100门, 三/(五)/15 3-5所) ─────────────
NO_DEADLINE_TASKS = [
    ("changping.youth_palace.built", "youth_palaces_up_to_standard", 1),
    ("changping.school_courses.excellent", "excellent_school_based_courses", 100),
    ("changping.private_schools.quality", "quality_private_schools", 3),
]


def year_record(year, **values):
    return {"district_indicators": [{"id": f"changping-{year}", "year": year, **values}]}


@pytest.mark.parametrize(("rule", "field", "minimum"), NO_DEADLINE_TASKS)
def test_changping_palace_courses_private_schools_do_not_judge_a_2016_record_before_the_plan(
        policy, rule, field, minimum):
    assert policy.rule(rule).deadline is None
    facts = year_record(2016, **{field: 0})        # before the plan: 未生效, never violated
    assert status_of(policy, facts, rule) is Status.NOT_IN_FORCE
    facts = year_record(2017, **{field: minimum - 1})
    assert status_of(policy, facts, rule) is Status.NOT_IN_FORCE


@pytest.mark.parametrize(("rule", "field", "minimum"), NO_DEADLINE_TASKS)
@pytest.mark.parametrize("year", [2018, 2019, 2020])
def test_changping_palace_courses_private_schools_shortfall_is_not_violated_in_2018_to_2020(
        policy, rule, field, minimum, year):
    assert status_of(policy, year_record(year, **{field: minimum}), rule) is Status.SATISFIED
    assert status_of(policy, year_record(year, **{field: minimum - 1}),
                     rule) is Status.NOT_APPLICABLE


@pytest.mark.parametrize(("rule", "field", "minimum"), NO_DEADLINE_TASKS)
def test_changping_palace_courses_private_schools_shortfall_is_violated_after_2020(
        policy, rule, field, minimum):
    assert status_of(policy, year_record(2021, **{field: minimum}), rule) is Status.SATISFIED
    assert status_of(policy, year_record(2021, **{field: minimum - 1}), rule) is Status.VIOLATED


@pytest.mark.parametrize(("rule", "field", "minimum"), NO_DEADLINE_TASKS)
def test_changping_palace_courses_private_schools_record_without_year_is_undetermined(policy, rule, field,
                                                                          minimum):
    facts = {"district_indicators": [{"id": "d", field: minimum - 1}]}
    assert status_of(policy, facts, rule) is Status.UNDETERMINED
    assert status_of(policy, year_record(2019), rule) is Status.UNDETERMINED


def test_changping_plan_is_dated_no_earlier_than_the_2018_education_conference(policy):
    earliest = policy.parameter("changping.plan.earliest_year")
    assert earliest.value == 2018
    assert earliest.derived is not None and "2018年9月" in earliest.derived.zh
    assert earliest.cites[0].clause == "一" and "全国教育大会" in earliest.cites[0].quote
    finding = {f.id: f for f in policy.document_findings}["changping.finding.undated"]
    assert "changping.youth_palace.built" in finding.encodings


def test_changping_five_private_schools_is_not_a_cap(policy):
    rule = "changping.private_schools.quality"
    assert status_of(policy, indicators(quality_private_schools=6), rule) is Status.SATISFIED
    assert policy.parameter("changping.private_schools.max").value == 5


# ── 2+1 (三/(二)/4) ────────────────────────────────────────────────────────────
def pupil(grade, sports, art):
    record = {"id": "p1", "sports_skills": sports}
    if grade is not None:
        record["grade"] = grade
    if art is not None:
        record["art_skills"] = art
    return {"students": [record]}


TWO_PLUS_ONE = "changping.students.two_plus_one"


@pytest.mark.parametrize(("grade", "sports", "art", "expected"), [
    (9, 2, 1, Status.SATISFIED),
    (9, 3, 2, Status.SATISFIED),
    (9, 1, 1, Status.VIOLATED),
    (9, 2, 0, Status.VIOLATED),
    (9, 2, None, Status.UNDETERMINED),
    (9, 1, None, Status.VIOLATED),
])
def test_changping_two_plus_one_is_judged_in_the_last_grade_of_compulsory_education(
        policy, grade, sports, art, expected):
    assert status_of(policy, pupil(grade, sports, art), TWO_PLUS_ONE) is expected


def test_changping_two_plus_one_grade_1_pupil_without_skills_is_not_violated(policy):
    facts = pupil(1, 0, 0)
    assert status_of(policy, facts, TWO_PLUS_ONE, dt.date(2019, 9, 1)) is Status.NOT_APPLICABLE
    for grade in range(1, 9):
        assert status_of(policy, pupil(grade, 1, 0), TWO_PLUS_ONE) is Status.NOT_APPLICABLE


def test_changping_two_plus_one_is_satisfied_in_any_grade_once_mastered(policy):
    assert status_of(policy, pupil(3, 2, 1), TWO_PLUS_ONE) is Status.SATISFIED
    assert status_of(policy, pupil(None, 2, 1), TWO_PLUS_ONE) is Status.SATISFIED


def test_changping_two_plus_one_shortfall_without_a_grade_is_undetermined(policy):
    assert status_of(policy, pupil(None, 1, 1), TWO_PLUS_ONE) is Status.UNDETERMINED


def test_changping_two_plus_one_grade_is_derived_and_reported(policy):
    grade = policy.parameter("changping.students.two_plus_one_grade")
    assert grade.value == 9 and grade.derived is not None
    finding = {f.id: f for f in policy.document_findings}[
        "changping.finding.two_plus_one_no_point"]
    assert TWO_PLUS_ONE in finding.encodings


def test_changping_two_plus_one_without_pupil_facts_is_undetermined(policy):
    assert status_of(policy, {}, TWO_PLUS_ONE) is Status.UNDETERMINED


# ── teacher pay ───────────────────────────────────────────────────────────────
@pytest.mark.parametrize(("teacher", "civil", "expected"), [
    (Decimal("120000"), Decimal("120000"), Status.SATISFIED),
    (Decimal("119999.99"), Decimal("120000"), Status.VIOLATED),
    (Decimal("120000.01"), Decimal("120000"), Status.SATISFIED),
])
def test_changping_teacher_pay_not_below_civil_servants(policy, teacher, civil, expected):
    facts = indicators(teacher_average_pay=teacher, civil_servant_average_pay=civil)
    assert status_of(policy, facts, "changping.teacher_pay.not_below_civil_servants") is expected


def test_changping_teacher_pay_in_wan_yuan_is_exact(policy):
    facts = indicators(teacher_average_pay={"value": 12, "unit": "万元"},
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


def test_changping_host_and_private_duties_name_the_party_the_text_names(policy):
    assert policy.rule("changping.duty.purchase_places").party.zh == "政府"
    assert policy.rule("changping.duty.centre_monitoring").party.zh.startswith("昌平区教育督导")


# ── 二 qualitative 2020 goals ─────────────────────────────────────────────────
GOALS = ["quality_coverage", "urban_rural_integration", "zones_and_groups", "gaps_narrowing",
         "sharing_and_allocation", "conditions_improved", "quality_and_satisfaction"]


@pytest.mark.parametrize("key", GOALS)
def test_changping_2020_goal_is_judged_at_the_deadline_by_attestation(policy, key):
    rule = f"changping.goal.{key}"
    assert policy.rule(rule).cites[0].quote == "到2020年"
    assert policy.rule(rule).cites[1].clause == "二"
    attested = {"attestations": {rule: False}}
    assert status_of(policy, attested, rule, dt.date(2020, 12, 30)) is Status.NOT_APPLICABLE
    assert status_of(policy, attested, rule) is Status.VIOLATED
    assert status_of(policy, {"attestations": {rule: True}}, rule) is Status.SATISFIED
    assert status_of(policy, {}, rule) is Status.UNDETERMINED


def test_changping_2020_goals_cover_the_six_qualitative_goals_of_part_two(policy):
    quotes = " ".join(policy.rule(f"changping.goal.{key}").cites[1].quote for key in GOALS)
    for phrase in ("城乡教育一体化发展格局日益完善", "学区制管理和集团化办学改革逐步实施",
                   "校际差距、城乡差距不断缩小", "办学资源和师资力量配置更加均衡",
                   "信息化建设和设施配备水平进一步提高", "义务教育满意度进一步提升"):
        assert phrase in quotes


# ── 鼓励: encouragements never violate (三/(二)/6, 三/(四)/14, 三/(五)/17) ──────────
@pytest.mark.parametrize(("rule", "clause", "party"), [
    ("changping.duty.encourage_social_venues", "三/(二)/6", "社会资源、社会公共文化体育机构"),
    ("changping.duty.teachers_to_rural_schools", "三/(四)/14", "优秀教师"),
    ("changping.duty.encourage_private_providers", "三/(五)/17", "有资质、信誉好的民办教育机构"),
])
def test_changping_encouragement_is_a_permission_of_the_encouraged_party_never_violated(
        policy, rule, clause, party):
    encoded = policy.rule(rule)
    assert encoded.kind is Modality.PERMISSION
    assert encoded.party.zh == party and encoded.cites[0].clause == clause
    assert encoded.cites[0].quote.startswith("鼓励")
    assert status_of(policy, {"attestations": {rule: False}}, rule) is Status.NOT_APPLICABLE
    assert status_of(policy, {"attestations": {rule: True}}, rule) is Status.SATISFIED


# ── provisions that were missing ──────────────────────────────────────────────
@pytest.mark.parametrize(("rule", "clause", "phrase"), [
    ("changping.duty.support_school_development", "三/(一)/2", "支持学校加强师资培养"),
    ("changping.duty.civic_education", "三/(二)/4", "积极培养学生社会责任感"),
    ("changping.duty.social_support_mechanism", "三/(二)/6", "完善社会资源支持教育的体制机制"),
    ("changping.duty.parent_teacher_associations", "三/(二)/6", "倡导、扶持家长教师协会建设"),
    ("changping.duty.expand_senior_high", "三/(三)/8", "通过多种形式扩大优质高中教育资源"),
    ("changping.duty.ordinary_junior_chances", "三/(三)/8", "增加一般初中校学生升入优质高中的机会"),
    ("changping.duty.individualised_teaching", "三/(三)/9", "注重因材施教"),
    ("changping.duty.keep_good_teachers", "三/(四)/11", "留得住、用得好、有发展"),
    ("changping.duty.staff_pooling", "三/(四)/12", "实行教职工城乡、区域统筹和动态管理"),
    ("changping.duty.private_policies", "三/(五)/15", "建立健全相关政策措施"),
    ("changping.duty.mobilise_society", "三/(五)/15", "激发社会力量参与义务教育办学"),
    ("changping.duty.steer_demand_to_private", "三/(五)/15", "由公办学校向民办学校合理转移"),
    ("changping.duty.centre_monitoring", "三/(六)/20", "承担义务教育质量的监测与评价工作任务"),
    ("changping.duty.full_commitment", "四/(一)", "确保思想统一、责任到位、措施到位、投入到位"),
    ("changping.duty.project_priority", "四/(三)", "优先保障义务教育优质均衡发展项目建设"),
    ("changping.duty.investment_structure", "四/(三)", "不断优化投入结构"),
    ("changping.duty.policy_publicity", "四/(四)", "大力宣传党和国家的教育方针政策"),
    ("changping.duty.public_opinion", "四/(四)", "加强宣传推广和舆论引导"),
])
def test_changping_task_is_a_checklist_duty_citing_its_clause(policy, rule, clause, phrase):
    encoded = policy.rule(rule)
    assert encoded.is_checklist and encoded.kind is Modality.OBLIGATION
    assert encoded.cites[0].clause == clause and phrase in encoded.cites[0].quote
    assert status_of(policy, {"attestations": {rule: False}}, rule) is Status.VIOLATED
    assert status_of(policy, {}, rule) is Status.UNDETERMINED


def test_changping_guiding_principles_are_listed_as_unencoded_with_a_reason(policy):
    (entry,) = [u for u in policy.unencoded if u.cite.clause == "一"]
    assert entry.kind == "not_encodable"
    assert entry.cite.quote == "坚持统筹规划、城乡一体、分类指导、分步实施"
    assert "没有可核查" in entry.reason.zh


# ── every normative sentence is accounted for ─────────────────────────────────
NORMATIVE = re.compile(
    r"应|要|须|不得|严禁|禁止|原则上|可|鼓励|支持|确保|力争|到\d{4}年|负责|实行|建立|落实|加强|"
    r"完善|推进|实施|开展|保障|保证|坚持|引导|推动|扩大|提高|提升|建设|培养|深化|优化|加大|规范|"
    r"严格|注重|探索|整合|成立|引入|打造|盘活|激发|组织|贯彻|利用|发挥|纳入|聚焦|增加|继续|逐步|"
    r"联合|制定|承担|倡导|把")


def test_changping_every_normative_sentence_is_encoded_or_listed_unencoded(policy):
    document = policy.document
    cites = [c for rule in policy.rules for c in rule.cites]
    cites += [u.cite for u in policy.unencoded]
    uncovered, normative = [], 0
    for clause in document.walk():
        if clause.id == "序":
            continue
        body = document.corrected_text(clause)
        first, _, rest = body.partition("\n")
        if "。" not in first:        # a heading line: 三、主要任务 / (一)加强领导,切实履行政府责任
            body = rest
        elif clause.id.count("/") == 2:   # an item's heading sentence: 4.提升学生综合素质。
            body = body[body.find("。") + 1:]
        for sentence in re.split(r"(?<=[。；;])", body):
            normative += bool(NORMATIVE.search(sentence))
            if NORMATIVE.search(sentence) and not any(
                    c.clause == clause.id and c.quote in sentence for c in cites):
                uncovered.append((clause.id, sentence))
    assert normative >= 65
    assert uncovered == []


# ── parties, terms, findings ──────────────────────────────────────────────────
def test_changping_missing_party_finding_lists_every_encoding_whose_party_is_unnamed(policy):
    findings = {f.id: f for f in policy.document_findings}
    listed = set(findings["changping.finding.missing_party"].encodings)
    assert "changping.goal.gaps_narrowing" in listed
    assert "changping.target.famous_schools" in listed
    assert "changping.students.two_plus_one" in listed
    assert "changping.duty.implementation_plan" not in listed      # 区教委统筹制定 (四/(二))
    assert "changping.duty.departments_cooperate" not in listed    # 发展改革…等部门 (四/(二))
    assert "changping.duty.purchase_places" not in listed          # 由政府向…购买 (三/(五)/16)
    for rule in policy.rules:
        if rule.id not in listed:
            texts = [policy.document.corrected_text(policy.document.clause(c.clause))
                     for c in rule.cites]
            assert any(rule.party.zh in text for text in texts), rule.id


def test_changping_names_with_numerals_are_declared_terms(policy):
    terms = {term.text for term in policy.terms}
    assert {"三大球", "十三五", "九年一贯制", "三级课程"} <= terms
    text = "".join(policy.document.corrected_text(c) for c in policy.document.walk())
    assert all(term in text for term in terms)


def test_changping_citations_name_the_deepest_clause_holding_their_quote(policy):
    document = policy.document
    cites = [c for rule in policy.rules for c in rule.cites]
    cites += [c for p in policy.parameters for c in p.cites]
    cites += [u.cite for u in policy.unencoded]
    cites += [n.cite for n in policy.narratives]
    cites += [c for finding in policy.document_findings for c in finding.cites]
    for cite in cites:
        clause = document.clause(cite.clause)
        for child in clause.children:
            assert cite.quote not in document.full_text(child), (cite.clause, cite.quote)


def test_changping_stock_targets_report_their_missing_baseline(policy):
    findings = {f.id: f for f in policy.document_findings}
    assert "changping.target.famous_schools" in \
        findings["changping.finding.targets_without_baseline"].encodings
    assert findings["changping.finding.backbone_base"].encodings[0] == \
        "changping.target.backbone_share"
