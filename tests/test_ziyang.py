"""Ziyang 2024 (紫办字〔2024〕98号): the encoding read as a specification."""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
from xuequ_policies.ziyang.annex import annex_facts, parse_annex

from xuequ_rules import Status, check_policy, evaluate, load_policy
from xuequ_rules.consistency.numbers import uncovered_numbers
from xuequ_rules.consistency.provisions import provision_coverage
from xuequ_rules.consistency.values import parameter_defects
from xuequ_rules.document.clause import Level
from xuequ_rules.policy.rule import Decision, Modality

AFTER_ISSUE = dt.date(2024, 12, 1)


@pytest.fixture(scope="module")
def policy() -> Any:
    return load_policy("ziyang")


def statuses(policy: Any, rule_id: str, facts: dict[str, Any],
             as_of: dt.date = AFTER_ISSUE) -> list[Status]:
    return [f.status for f in evaluate(policy, facts, as_of).for_rule(rule_id)]


def status(policy: Any, rule_id: str, facts: dict[str, Any],
           as_of: dt.date = AFTER_ISSUE) -> Status:
    (found,) = statuses(policy, rule_id, facts, as_of)
    return found


# ── document: clauses, metadata, errata ───────────────────────────────────────

def test_ziyang_clause_tree_has_reconstructed_part_one_parts_two_three_and_annex(policy):
    document = policy.document
    for clause_id in ("序", "一", "二", "二/(一)/1", "二/(三)/7", "二/(十)/18", "三", "三/(一)",
                      "附件"):
        assert document.has_clause(clause_id), clause_id
    assert document.clause("一").reconstructed_heading == "［标题缺失］"
    assert document.clause("二").heading == "重点任务"
    assert document.clause("三").heading == "实施步骤"
    assert document.clause("附件").level is Level.ANNEX


def test_ziyang_items_1_to_18_run_continuously_across_sections_without_numbering_notes(policy):
    items = [c for c in policy.document.walk() if c.level is Level.ITEM]
    assert [c.number for c in items] == list(range(1, 19))
    assert policy.document.parse_notes == ()


def test_ziyang_finance_clause_text_is_captured_with_stray_spaces_and_corrected_by_errata(
        policy):
    document = policy.document
    clause = document.clause("二/(三)/7")
    assert "1 0万元以上(含 1 0万元)" in clause.text
    assert "10万元以上(含 10万元)" in document.corrected_text(clause)
    assert document.errata_in(clause) == ("E03", "E04", "E05")


def test_ziyang_annex_clause_holds_the_table_and_part_three_stops_after_step_one(policy):
    document = policy.document
    assert document.clause("附件").text.startswith("序号 | 教共体名称 | 核心校 | 成员校 | 学段 |")
    assert [c.id for c in document.clause("三").children] == ["三/(一)"]
    assert "［缺失：" not in document.corrected_text(document.clause("三/(一)"))


def test_ziyang_metadata_doc_number_dates_issuers_basis_and_status(policy):
    meta = policy.document.metadata
    assert meta.doc_number is not None
    assert (meta.doc_number.issuer_code, meta.doc_number.year, meta.doc_number.sequence) == (
        "紫办字", 2024, 98)
    assert meta.doc_number.normalized == "紫办字〔2024〕98号"
    assert meta.dates.written == meta.dates.issued == dt.date(2024, 11, 6)
    assert meta.dates.published == dt.date(2024, 12, 24)
    assert meta.issuers == ("中共紫阳县委办公室", "紫阳县人民政府办公室")
    assert meta.status.state.value == "in_force"
    assert [b.label for b in meta.basis] == ["安字〔2024〕102号",
                                             "紫阳县名优骨干教师奖励激励实施办法(试行)",
                                             "教督〔2017〕6号"]
    assert meta.basis[2].relation == "aims_at"
    assert policy.valid_from == dt.date(2024, 11, 6)


def test_ziyang_errata_are_corrections_only_and_the_lost_steps_are_not_written_into_the_text(
        policy):
    ids = [item.erratum.id for item in policy.document.source.errata]
    assert sorted(ids) == [f"E{n:02d}" for n in range(1, 11) if n != 7]
    document = policy.document
    assert document.corrected_text(document.clause("三/(一)")) == \
        document.clause("三/(一)").text.replace("2024年 9月底前", "2024年9月底前")


# ── 10万元 approval decision ──────────────────────────────────────────────────

MEMBER_SCHOOL = "高桥镇中心小学"     # annex row 1, a member school of 紫阳小学教共体
CORE_SCHOOL = "紫阳小学"           # annex row 1, its core school


def spend(amount: Any, route: str | None = None,
          school: str | None = MEMBER_SCHOOL) -> dict[str, Any]:
    record: dict[str, Any] = {"id": "x", "community": "紫阳小学教共体"}
    if school is not None:
        record["school"] = school
    if amount is not None:
        record["amount"] = amount
    if route is not None:
        record["approval_route"] = route
    return {"expenditures": [record]}


def decided(policy: Any, facts: dict[str, Any]) -> Any:
    (finding,) = evaluate(policy, facts, AFTER_ISSUE).for_rule("ziyang.expenditure.approval_route")
    return finding


def test_ziyang_approval_decision_is_a_procedure_on_expenditures_with_its_question(policy):
    rule = policy.rule("ziyang.expenditure.approval_route")
    assert isinstance(rule, Decision)
    assert rule.subject == "expenditures"
    assert rule.question == "expenditure.approval_route"
    assert rule.actual is not None and rule.actual.path == ("approval_route",)
    assert {c.outcome.code for c in rule.cases} == {"member_principal",
                                                    "collective_core_principal"}
    assert policy.parameter("ziyang.expenditure.collective_threshold").value == Decimal(100000)


def test_ziyang_approval_decision_gives_one_route_for_a_member_school_at_every_boundary(policy):
    for amount in (Decimal("0"), Decimal("99999.99"), Decimal("100000"), Decimal("100000.01")):
        finding = decided(policy, spend(amount))
        assert finding.decision is not None, amount
    assert decided(policy, spend(Decimal("99999.99"))).decision.code == "member_principal"
    assert decided(policy, spend(Decimal("100000"))).decision.code == "collective_core_principal"


def test_ziyang_core_school_own_spending_below_10_wanyuan_is_undetermined_not_violated(policy):
    """二/(三)/7 names only the member-school principal for the lower band: who signs the
    core school's own small spending is not stated, so no route is guessed."""
    for route in ("member_principal", "collective_core_principal", None):
        finding = decided(policy, spend(5000, route, school=CORE_SCHOOL))
        assert finding.status is Status.UNDETERMINED, route
        assert finding.decision is None


def test_ziyang_spending_below_10_wanyuan_by_a_school_not_listed_as_member_is_undetermined(
        policy):
    assert decided(policy, spend(5000, "member_principal", school="某新建学校")).status is \
        Status.UNDETERMINED
    assert decided(policy, spend(5000, "member_principal", school=None)).status is \
        Status.UNDETERMINED


def test_ziyang_core_school_spending_of_10_wanyuan_or_more_needs_collective_decision(policy):
    finding = decided(policy, spend(100000, "member_principal", school=CORE_SCHOOL))
    assert finding.status is Status.VIOLATED
    assert finding.decision.code == "collective_core_principal"


def test_ziyang_core_school_spending_gap_finding_names_the_decision(policy):
    (finding,) = [f for f in policy.document_findings
                  if f.id == "ziyang.finding.core_school_small_spending_signer"]
    assert finding.encodings == ("ziyang.expenditure.approval_route",)


def test_ziyang_expenditure_of_99999_99_yuan_is_signed_by_member_principal(policy):
    assert decided(policy, spend(Decimal("99999.99"))).decision.code == "member_principal"


def test_ziyang_expenditure_of_zero_yuan_is_signed_by_member_principal(policy):
    assert decided(policy, spend(0)).decision.code == "member_principal"


def test_ziyang_expenditure_of_exactly_100000_yuan_needs_collective_decision(policy):
    assert decided(policy, spend(100000)).decision.code == "collective_core_principal"


def test_ziyang_expenditure_of_exactly_10_wanyuan_needs_collective_decision(policy):
    finding = decided(policy, spend({"value": 10, "unit": "万元"}))
    assert finding.decision.code == "collective_core_principal"


def test_ziyang_expenditure_of_100000_01_yuan_needs_collective_decision(policy):
    assert decided(policy, spend(Decimal("100000.01"))).decision.code == "collective_core_principal"


def test_ziyang_expenditure_route_taken_as_required_is_satisfied(policy):
    assert decided(policy, spend(150000, "collective_core_principal")).status is Status.SATISFIED
    assert decided(policy, spend(5000, "member_principal")).status is Status.SATISFIED


def test_ziyang_expenditure_of_100000_yuan_signed_by_member_principal_is_violated(policy):
    finding = decided(policy, spend(100000, "member_principal"))
    assert finding.status is Status.VIOLATED
    assert {c.clause for c in finding.citations} == {"二/(三)/7"}


def test_ziyang_expenditure_without_route_taken_is_undetermined_but_decided(policy):
    finding = decided(policy, spend(100000))
    assert finding.status is Status.UNDETERMINED
    assert finding.decision.code == "collective_core_principal"


def test_ziyang_expenditure_without_amount_is_undetermined(policy):
    finding = decided(policy, spend(None, "member_principal"))
    assert finding.status is Status.UNDETERMINED
    assert finding.decision is None


# ── mentoring ─────────────────────────────────────────────────────────────────

def mentoring(count: int | None) -> dict[str, Any]:
    record: dict[str, Any] = {"id": "t1", "teacher": "骨干教师甲", "year": 2025}
    if count is not None:
        record["young_teachers_mentored"] = count
    return {"mentoring": [record]}


def test_ziyang_backbone_teacher_mentoring_one_young_teacher_a_year_is_satisfied(policy):
    assert status(policy, "ziyang.mentoring.young_teachers_per_year",
                  mentoring(1)) is Status.SATISFIED
    assert status(policy, "ziyang.mentoring.young_teachers_per_year",
                  mentoring(2)) is Status.SATISFIED


def test_ziyang_backbone_teacher_mentoring_nobody_in_a_year_is_violated(policy):
    assert status(policy, "ziyang.mentoring.young_teachers_per_year",
                  mentoring(0)) is Status.VIOLATED


def test_ziyang_mentoring_count_missing_is_undetermined(policy):
    assert status(policy, "ziyang.mentoring.young_teachers_per_year",
                  mentoring(None)) is Status.UNDETERMINED


# ── two consecutive years of decline ──────────────────────────────────────────

SCHOOL = "高桥镇中心小学"


def assessments(declined: list[bool | None], action: str | None = None,
                school: str = SCHOOL) -> list[dict[str, Any]]:
    """One record a year up to 2026, declined or not in each; the action in the last year."""
    first = 2026 - len(declined) + 1
    records: list[dict[str, Any]] = []
    for year, value in enumerate(declined, start=first):
        record: dict[str, Any] = {"id": f"{school}-{year}", "school": school, "year": year,
                                  "principal_role": "member"}
        if value is not None:
            record["declined"] = value
        if action is not None and year == 2026:
            record["action"] = action
        records.append(record)
    return records


def decline_status(policy: Any, declined: list[bool | None], action: str | None = None,
                   more: list[dict[str, Any]] | None = None) -> Status:
    """The rule's status for the 2026 record of the school."""
    facts = {"assessments": [*assessments(declined, action), *(more or [])]}
    found = [f.status for f in evaluate(policy, facts, AFTER_ISSUE).for_rule(RULE_DECLINE)
             if f.record == f"assessments[{SCHOOL}-2026]"]
    (only,) = found
    return only


RULE_DECLINE = "ziyang.assessment.decline_consequence"


def test_ziyang_principal_after_two_years_of_decline_rotated_or_demoted_is_satisfied(policy):
    assert decline_status(policy, [True, True], "rotated") is Status.SATISFIED
    assert decline_status(policy, [True, True], "demoted") is Status.SATISFIED


def test_ziyang_principal_after_two_years_of_decline_kept_in_post_is_violated(policy):
    assert decline_status(policy, [True, True], "none") is Status.VIOLATED
    assert decline_status(policy, [True, True, True], "none") is Status.VIOLATED


def test_ziyang_principal_after_one_year_of_decline_is_not_applicable(policy):
    assert decline_status(policy, [False, True], "none") is Status.NOT_APPLICABLE
    assert decline_status(policy, [True], "none") is Status.NOT_APPLICABLE   # no year before


def test_ziyang_declines_of_two_schools_or_two_years_apart_are_not_consecutive(policy):
    other = assessments([True], school="另一所学校")
    other[0]["year"] = 2025
    assert decline_status(policy, [True], "none", more=other) is Status.NOT_APPLICABLE
    gap = assessments([True, False, True], "none")
    del gap[1]
    facts = {"assessments": gap}
    (found,) = [f.status for f in evaluate(policy, facts, AFTER_ISSUE).for_rule(RULE_DECLINE)
                if f.record.endswith("-2026]")]
    assert found is Status.NOT_APPLICABLE


def test_ziyang_decline_with_missing_action_or_year_is_undetermined(policy):
    assert decline_status(policy, [True, True]) is Status.UNDETERMINED
    assert decline_status(policy, [None, True], "none") is Status.UNDETERMINED
    assert decline_status(policy, [True, None], "none") is Status.UNDETERMINED


# ── community structure ───────────────────────────────────────────────────────

def community(cores: list[str] | None, stage: str | None = "primary",
              members: int = 2) -> dict[str, Any]:
    record: dict[str, Any] = {"id": "c1", "name": "某教共体",
                              "members": [{"school": f"成员校{i}"} for i in range(members)]}
    if cores is not None:
        record["core_schools"] = cores
    if stage is not None:
        record["stage"] = stage
    return {"communities": [record]}


def test_ziyang_community_with_exactly_one_core_school_is_satisfied(policy):
    assert status(policy, "ziyang.community.one_core_school",
                  community(["紫阳小学"])) is Status.SATISFIED


def test_ziyang_community_with_two_or_no_core_schools_is_violated(policy):
    assert status(policy, "ziyang.community.one_core_school",
                  community(["紫阳小学", "紫阳县第二小学"])) is Status.VIOLATED
    assert status(policy, "ziyang.community.one_core_school",
                  community([])) is Status.VIOLATED


def test_ziyang_community_core_school_unknown_is_undetermined(policy):
    assert status(policy, "ziyang.community.one_core_school",
                  community(None)) is Status.UNDETERMINED


def test_ziyang_community_without_member_schools_is_violated(policy):
    assert status(policy, "ziyang.community.has_members",
                  community(["紫阳小学"], members=0)) is Status.VIOLATED
    assert status(policy, "ziyang.community.has_members",
                  community(["紫阳小学"], members=1)) is Status.SATISFIED


def test_ziyang_compulsory_stage_community_is_primary_or_nine_year(policy):
    rule = "ziyang.community.stage"
    assert status(policy, rule, community(["x"], "primary")) is Status.SATISFIED
    assert status(policy, rule, community(["x"], "nine_year")) is Status.SATISFIED
    assert status(policy, rule, community(["x"], "junior")) is Status.VIOLATED
    assert status(policy, rule, community(["x"], None)) is Status.UNDETERMINED


def test_ziyang_stage_rule_does_not_judge_senior_or_preschool_communities(policy):
    """一 counts the communities of compulsory schools; it does not forbid other stages."""
    rule = "ziyang.community.stage"
    assert status(policy, rule, community(["x"], "senior")) is Status.NOT_APPLICABLE
    assert status(policy, rule, community(["x"], "preschool")) is Status.NOT_APPLICABLE


def test_ziyang_head_principal_must_be_legal_representative_and_core_principal(policy):
    facts = community(["紫阳小学"])
    facts["communities"][0]["legal_representative_is_core_principal"] = False
    assert status(policy, "ziyang.community.head_principal_is_core_principal",
                  facts) is Status.VIOLATED


def test_ziyang_every_compulsory_school_belongs_to_a_community(policy):
    rule = "ziyang.schools.all_in_communities"

    def school(stage: str, inside: bool | None) -> dict[str, Any]:
        record: dict[str, Any] = {"id": "s1", "stage": stage}
        if inside is not None:
            record["in_community"] = inside
        return {"schools": [record]}

    assert status(policy, rule, school("primary", True)) is Status.SATISFIED
    assert status(policy, rule, school("teaching_point", False)) is Status.VIOLATED
    assert status(policy, rule, school("nine_year", None)) is Status.UNDETERMINED
    assert status(policy, rule, school("senior", False)) is Status.NOT_APPLICABLE


# ── targets and phases ────────────────────────────────────────────────────────

def indicators(year: int, primary: int | None, nine_year: int | None) -> dict[str, Any]:
    record: dict[str, Any] = {"id": "ziyang", "district": "紫阳县", "year": year}
    if primary is not None:
        record["communities_primary"] = primary
    if nine_year is not None:
        record["communities_nine_year"] = nine_year
    return {"district_indicators": [record]}


def test_ziyang_three_primary_and_five_nine_year_communities_at_launch_are_satisfied(policy):
    facts = indicators(2024, 3, 5)
    for rule in ("ziyang.communities.primary_count", "ziyang.communities.nine_year_count",
                 "ziyang.communities.total_count"):
        assert status(policy, rule, facts) is Status.SATISFIED, rule


def test_ziyang_community_counts_off_by_one_are_violated(policy):
    assert status(policy, "ziyang.communities.primary_count",
                  indicators(2024, 4, 5)) is Status.VIOLATED
    assert status(policy, "ziyang.communities.nine_year_count",
                  indicators(2024, 3, 4)) is Status.VIOLATED
    assert status(policy, "ziyang.communities.total_count",
                  indicators(2024, 3, 6)) is Status.VIOLATED


def test_ziyang_community_counts_of_another_year_or_missing_are_not_judged(policy):
    assert status(policy, "ziyang.communities.primary_count",
                  indicators(2025, 9, 9)) is Status.NOT_APPLICABLE
    assert status(policy, "ziyang.communities.total_count",
                  indicators(2024, 3, None)) is Status.UNDETERMINED


def test_ziyang_targets_carry_the_launch_deadline(policy):
    for rule_id in ("ziyang.communities.primary_count", "ziyang.communities.nine_year_count",
                    "ziyang.communities.total_count"):
        rule = policy.rule(rule_id)
        assert rule.kind is Modality.TARGET
        assert rule.deadline == dt.date(2024, 10, 31)


def test_ziyang_phases_are_the_plan_launch_2025_2027_and_2029(policy):
    assert [(p.id, p.end) for p in policy.phases] == [
        ("ziyang.phase.plan", dt.date(2024, 9, 30)),
        ("ziyang.phase.launch", dt.date(2024, 10, 31)),
        ("ziyang.phase.2025", dt.date(2025, 12, 31)),
        ("ziyang.phase.2027", dt.date(2027, 12, 31)),
        ("ziyang.phase.2029", dt.date(2029, 12, 31)),
    ]


def milestone(phase: str, completed: dt.date | None) -> dict[str, Any]:
    record: dict[str, Any] = {"id": phase}
    if completed is not None:
        record["completed_on"] = completed.isoformat()
    return {"milestones": [record]}


def test_ziyang_2025_target_before_its_deadline_is_not_applicable(policy):
    rule = "ziyang.ziyang.phase.2025.completed"
    assert status(policy, rule, milestone("ziyang.phase.2025", None),
                  dt.date(2025, 6, 1)) is Status.NOT_APPLICABLE


def test_ziyang_2025_target_met_by_end_of_2025_is_satisfied_and_late_is_violated(policy):
    rule = "ziyang.ziyang.phase.2025.completed"
    after = dt.date(2026, 3, 1)
    assert status(policy, rule, milestone("ziyang.phase.2025", dt.date(2025, 12, 31)),
                  after) is Status.SATISFIED
    assert status(policy, rule, milestone("ziyang.phase.2025", dt.date(2026, 1, 1)),
                  after) is Status.VIOLATED
    assert status(policy, rule, milestone("ziyang.phase.2025", None),
                  after) is Status.UNDETERMINED


def test_ziyang_2029_target_is_judged_from_the_end_of_2029(policy):
    rule = "ziyang.ziyang.phase.2029.completed"
    assert status(policy, rule, milestone("ziyang.phase.2029", None),
                  dt.date(2029, 12, 30)) is Status.NOT_APPLICABLE


def test_ziyang_rules_are_not_in_force_for_records_before_the_plan_was_issued(policy):
    earlier = {"mentoring": [{**mentoring(0)["mentoring"][0], "year": 2023}]}
    assert status(policy, "ziyang.mentoring.young_teachers_per_year", earlier,
                  dt.date(2025, 6, 1)) is Status.NOT_IN_FORCE
    undated = {"mentoring": [{**mentoring(0)["mentoring"][0], "year": None}]}
    assert status(policy, "ziyang.mentoring.young_teachers_per_year", undated,
                  dt.date(2024, 11, 5)) is Status.NOT_IN_FORCE


# ── checklist duties and parameters ───────────────────────────────────────────

RULE_NO_CREAMING = "ziyang.duty.no_cherry_picking_enrolment"


def test_ziyang_cherry_picking_prohibition_is_a_checklist_prohibition(policy):
    rule = policy.rule(RULE_NO_CREAMING)
    assert rule.is_checklist
    assert rule.kind is Modality.PROHIBITION
    assert rule.cites[0].quote == "严禁以教共体名义通过“掐尖”、借读等方式违规招生"


def test_ziyang_cherry_picking_prohibition_attested_satisfied_denied_violated_missing_open(
        policy):
    assert status(policy, RULE_NO_CREAMING,
                  {"attestations": {RULE_NO_CREAMING: True}}) is Status.SATISFIED
    assert status(policy, RULE_NO_CREAMING,
                  {"attestations": {RULE_NO_CREAMING: False}}) is Status.VIOLATED
    assert status(policy, RULE_NO_CREAMING, {}) is Status.UNDETERMINED


def test_ziyang_six_unifications_of_a_community_are_not_liujiangs_six_unifications_of_a_zone(
        policy):
    six = policy.parameter("ziyang.zone.six_unifications")
    assert six.concept == "community.six_unifications"
    assert six.unit.value == "text"
    assert six.value == "教学管理、教师培训、课程设置、教学进度、质量监测、考核评价"
    liujiang = load_policy("liujiang").parameter("liujiang.zone.six_unifications")
    assert liujiang.concept == "zone.six_unifications" and liujiang.value != six.value


def test_ziyang_checklist_covers_the_qualitative_duties_with_parties(policy):
    checklist = policy.checklist()
    assert len(checklist) >= 50
    assert all(rule.party.zh for rule in checklist)
    assert policy.rule("ziyang.duty.training_centre_guidance").party.zh == "县师训教研中心"


# ── consistency and document findings ─────────────────────────────────────────

def test_ziyang_has_no_library_defects(policy):
    assert uncovered_numbers(policy) == []
    assert check_policy(policy).defects == ()


def test_ziyang_document_findings_are_reported(policy):
    report = check_policy(policy)
    ids = {issue.id for issue in report.document_findings}
    assert {
        "phase:ziyang.phase.plan:before_plan",
        "phase:ziyang.phase.launch:before_plan",
        "ziyang.finding.annex_beyond_compulsory",
        "ziyang.finding.core_school_small_spending_signer",
        "ziyang.finding.head_school_terms",
        "ziyang.finding.missing_party",
        "ziyang.finding.annex_row_5_dangling_separator",
    } <= ids
    # the stage counts of the text agree with the annex
    assert not any(i.startswith("count:") for i in ids)
    assert "count:ziyang.communities.primary" not in ids
    assert "count:ziyang.communities.nine_year" not in ids
    assert "count:ziyang.communities.compulsory" not in ids


def test_ziyang_count_claim_eight_compulsory_communities_matches_the_annex(policy):
    """一: the 8 counts the compulsory-school communities; the annex's two further rows are
    the scope_mismatch finding, not a second count mismatch."""
    claims = {c.id: c for c in policy.count_claims}
    assert "ziyang.communities.total" not in claims
    assert (claims["ziyang.communities.compulsory"].stated,
            claims["ziyang.communities.compulsory"].actual) == (8, 8)
    assert (claims["ziyang.communities.primary"].stated,
            claims["ziyang.communities.primary"].actual) == (3, 3)
    assert (claims["ziyang.communities.nine_year"].stated,
            claims["ziyang.communities.nine_year"].actual) == (5, 5)
    assert (claims["ziyang.communities.one_core_school"].stated,
            claims["ziyang.communities.one_core_school"].actual) == (10, 10)


def test_ziyang_truncated_part_three_is_recorded_as_unencoded(policy):
    assert [u.cite.clause for u in policy.unencoded if u.cite.clause == "三"] == ["三"]
    (part_three,) = [u for u in policy.unencoded if u.cite.clause == "三"]
    assert "provenance" in part_three.reason.zh


def test_ziyang_notice_instruction_to_implement_is_unencoded_with_its_reason(policy):
    (entry,) = [u for u in policy.unencoded if u.cite.quote == "请认真抓好贯彻落实"]
    assert entry.cite.clause == "序" and entry.reason.zh


def test_ziyang_guiding_idea_and_five_gong_aim_are_unencoded_with_their_reasons(policy):
    quotes = {u.cite.quote for u in policy.unencoded if u.cite.clause == "一"}
    assert any("习近平新时代中国特色社会主义思想" in q for q in quotes)
    assert any("管理共进、师资共用、资源共享、文化共融、考核共评" in q for q in quotes)


def test_ziyang_teacher_exchange_keeps_employment_status_under_its_five_principles(policy):
    rule = policy.rule("ziyang.duty.exchange_principles")
    assert rule.is_checklist and rule.kind is Modality.OBLIGATION
    assert "身份不变" in rule.cites[0].quote and rule.cites[0].clause == "二/(二)/4"
    assert status(policy, rule.id, {"attestations": {rule.id: False}}) is Status.VIOLATED


# ── the annex as data ─────────────────────────────────────────────────────────

def test_ziyang_annex_parses_ten_rows_with_stages(policy):
    rows = parse_annex(policy.document)
    assert [r.number for r in rows] == list(range(1, 11))
    assert [r.stage_label for r in rows] == ["小学"] * 3 + ["九年制"] * 5 + ["高中", "学前"]
    assert policy.data["annex"] == [r.as_dict() for r in rows]


def test_ziyang_annex_wrapped_rows_one_and_two_keep_their_members(policy):
    first, second = parse_annex(policy.document)[:2]
    assert first.name == "紫阳小学教共体" and first.core_schools == ("紫阳小学",)
    assert [(m.school, m.attached) for m in first.members] == [
        ("城关镇中心小学", ("城关镇兴田教学点", "城关镇长白教学点")),
        ("高桥镇中心小学", ()),
    ]
    assert second.members[0].attached == ("毛坝镇新联小学", "毛坝镇联合小学")
    assert len(second.members) == 7


def test_ziyang_annex_row_five_has_a_dangling_separator_and_two_members(policy):
    row = parse_annex(policy.document)[4]
    assert row.dangling_separator
    assert [m.school for m in row.members] == ["麻柳镇九年制学校", "瓦庙镇九年制学校"]
    assert row.core_schools == ("毛坝中学(初中部)",)


def test_ziyang_annex_section_brackets_stay_in_the_school_name(policy):
    row = parse_annex(policy.document)[8]
    assert [m.school for m in row.members] == ["县职教中心", "毛坝中学(高中部)"]
    assert len(parse_annex(policy.document)[9].members) == 5


def test_ziyang_annex_lists_each_school_once_and_attached_schools_in_their_town(policy):
    rows = parse_annex(policy.document)
    schools = [s for r in rows for s in r.schools]
    assert len(schools) == len(set(schools))
    for row in rows:
        for member in row.members:
            town = member.school.split("镇")[0]
            assert all(a.startswith(town) for a in member.attached), member


def test_ziyang_annex_puts_the_three_nine_year_towns_in_nine_year_communities(policy):
    rows = parse_annex(policy.document)
    for town in ("界岭镇", "洄水镇", "洞河镇"):
        holding = [r for r in rows if any(s.startswith(town + "九年制学校") for s in r.schools)]
        assert [r.stage_label for r in holding] == ["九年制"], town


def test_ziyang_structural_rules_on_its_own_annex(policy):
    evaluation = evaluate(policy, annex_facts(policy.data["annex"]), AFTER_ISSUE)

    def by_record(rule_id: str) -> dict[str, Status]:
        return {f.record: f.status for f in evaluation.for_rule(rule_id)}

    assert set(by_record("ziyang.community.one_core_school").values()) == {Status.SATISFIED}
    assert set(by_record("ziyang.community.has_members").values()) == {Status.SATISFIED}
    stage = by_record("ziyang.community.stage")
    assert sum(s is Status.SATISFIED for s in stage.values()) == 8


def test_ziyang_annex_rows_9_and_10_do_not_violate_stage_rule_but_are_reported_as_document_finding(
        policy):
    evaluation = evaluate(policy, annex_facts(policy.data["annex"]), AFTER_ISSUE)
    stage = {f.record: f.status for f in evaluation.for_rule("ziyang.community.stage")}
    assert stage["communities[ziyang.annex.9]"] is Status.NOT_APPLICABLE
    assert stage["communities[ziyang.annex.10]"] is Status.NOT_APPLICABLE
    (finding,) = [f for f in policy.document_findings
                  if f.id == "ziyang.finding.annex_beyond_compulsory"]
    assert "ziyang.community.stage" in finding.encodings
    assert {c.clause for c in finding.cites} == {"一", "附件"}
    assert any(c.quote.startswith("9 |") for c in finding.cites)
    assert any(c.quote.startswith("10 |") for c in finding.cites)


def test_ziyang_no_rule_reports_the_documents_own_annex_as_violating_it(policy):
    evaluation = evaluate(policy, annex_facts(policy.data["annex"]), AFTER_ISSUE)
    assert evaluation.by_status(Status.VIOLATED) == ()


def test_ziyang_annex_facts_default_to_the_current_policy(policy):
    facts = annex_facts()
    assert len(facts["communities"]) == 10
    assert facts["communities"][0]["core_schools"] == ["紫阳小学"]


# ── parties, terms, derived values, basis ─────────────────────────────────────

def test_ziyang_one_missing_party_finding_lists_every_encoding_with_a_supplied_party(policy):
    (finding,) = [f for f in policy.document_findings if f.kind == "missing_party"]
    listed = set(finding.encodings)
    assert len(listed) == len(finding.encodings)
    assert {"ziyang.schools.all_in_communities", "ziyang.community.stage",
            "ziyang.ziyang.phase.launch.completed", "ziyang.duty.exchange_principles"} <= listed
    noted = {r.id for r in policy.rules if r.note is not None and "未写明责任主体" in r.note.zh}
    assert noted <= listed
    assert all(policy.rule(rule_id) for rule_id in listed)
    # parties the text names are not listed
    assert "ziyang.assessment.decline_consequence" not in listed
    assert "ziyang.duty.training_centre_guidance" not in listed


def test_ziyang_decision_bodies_duty_names_the_bodies_the_text_names(policy):
    rule = policy.rule("ziyang.duty.decision_bodies")
    assert "教共体校长办公会议" in rule.party.zh and "教共体党委" in rule.party.zh


def test_ziyang_major_matters_finding_reports_the_unstated_party_committee_level(policy):
    (finding,) = [f for f in policy.document_findings
                  if f.id == "ziyang.finding.major_matters_party_level"]
    assert {c.clause for c in finding.cites} == {"二/(一)/1", "二/(一)/2"}


def test_ziyang_numerals_in_names_and_slogans_are_declared_once_as_terms(policy):
    texts = [t.text for t in policy.terms]
    assert len(texts) == len(set(texts))
    corrected = policy.document.corrected_text
    body = "".join(corrected(c) for c in policy.document.walk())
    for term in ("三重一大", "一校一品", "三区一体化", "五育并举", "三员",
                 "同处一张网、共上一堂课、共享一名师"):
        assert term in texts and term in body, term
    assert all(t.reason.zh and t.reason.en for t in policy.terms)


def test_ziyang_six_unifications_list_is_a_derived_value_with_its_reason(policy):
    six = policy.parameter("ziyang.zone.six_unifications")
    assert six.derived is not None and "六统一" in six.derived.zh
    numeric = [p for p in policy.parameters if p.unit.value != "text"]
    assert all(p.derived is None for p in numeric)


def test_ziyang_aims_at_the_national_evaluation_the_text_names(policy):
    (aim,) = [b for b in policy.document.metadata.basis if b.relation == "aims_at"]
    assert aim.as_captured == "国家义务教育优质均衡发展县督导评估"
    assert aim.as_captured in policy.document.clause("一").text


# ── value ↔ quote, numbers and provisions of part 一, 二/(十)/18, 三/(一) and the annex ──

@pytest.mark.parametrize(("param_id", "quote"), [
    ("ziyang.communities.primary", "小学教共体 3个"),
    ("ziyang.communities.nine_year", "九年制教共体 5个"),
])
def test_ziyang_community_count_is_read_from_its_own_number_so_a_changed_count_is_reported(
        policy, param_id, quote):
    param = policy.parameter(param_id)
    assert [c.quote for c in param.cites] == [quote]
    assert parameter_defects(policy.document, param) == []
    changed = dataclasses.replace(param, value=param.value + 1)
    assert [i.kind for i in parameter_defects(policy.document, changed)] == ["value_quote"]


def test_ziyang_annex_place_names_wulang_and_wulin_are_terms_not_quantities(policy):
    assert not [t for t in uncovered_numbers(policy) if t.clause == "附件"]
    terms = tuple(t for t in policy.terms if t.text not in ("汉王镇五郎教学点", "双安镇五林小学"))
    bare = dataclasses.replace(policy, terms=terms)
    assert [(t.clause, t.text) for t in uncovered_numbers(bare) if t.clause == "附件"] == [
        ("附件", "五"), ("附件", "五")]


PRINCIPLE_LINES = ("——坚持深化改革、创新体制机制。", "——坚持以城带乡、融合共享发展。",
                   "——坚持优质均衡、提升内涵水平。")


def test_ziyang_basic_principle_heading_lines_are_declared_not_normative_with_a_reason(policy):
    entries = [u for u in policy.unencoded if u.cite.clause == "一" and u.cite.quote in
               PRINCIPLE_LINES]
    assert sorted(u.cite.quote for u in entries) == sorted(PRINCIPLE_LINES)
    assert all(u.kind == "not_normative" and u.reason.zh and u.reason.en for u in entries)
    unencoded = tuple(u for u in policy.unencoded if u not in entries)
    uncovered = provision_coverage(dataclasses.replace(policy, unencoded=unencoded)).uncovered
    assert sorted(s.text for s in uncovered) == sorted(PRINCIPLE_LINES)


def test_ziyang_task_list_duty_covers_sorting_out_the_key_work_of_clause_18(policy):
    rule = policy.rule("ziyang.duty.task_list_supervision")
    assert any(c.quote == "梳理教共体建设重点工作" for c in rule.cites)
    assert not [s for s in provision_coverage(policy).uncovered if s.clause == "二/(十)/18"]


def test_ziyang_plan_drafting_step_is_unencoded_as_done_by_this_document_with_a_finding(policy):
    (entry,) = [u for u in policy.unencoded if u.cite.clause == "三/(一)"]
    assert entry.kind == "not_encodable" and "dated_after_phase" in entry.reason.en
    assert any(f.kind == "dated_after_phase" and any(c.clause == "三/(一)" for c in f.cites)
               for f in check_policy(policy).document_findings)
