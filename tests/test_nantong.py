"""Nantong 2013 (通政发〔2013〕51号): the document, its encoding and every quantitative rule."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from decimal import Decimal
from typing import Any

import pytest

from xuequ_rules import Status, check_policy, evaluate, load_policy
from xuequ_rules.consistency.provisions import provision_coverage
from xuequ_rules.consistency.values import parameter_defects, rule_date_defects
from xuequ_rules.policy.rule import Modality, Rule
from xuequ_rules.policy.units import Unit

POLICY = load_policy("nantong")
DOC = POLICY.document
AFTER_2015 = dt.date(2016, 1, 1)
AFTER_2018 = dt.date(2019, 1, 1)
IN_FORCE = dt.date(2014, 6, 1)


def status(rule_id: str, facts: dict[str, Any], as_of: dt.date = AFTER_2018) -> Status:
    findings = evaluate(POLICY, facts, as_of).for_rule(rule_id)
    assert len(findings) == 1, findings
    return findings[0].status


def indicators(**fields: Any) -> dict[str, Any]:
    return {"district_indicators": [{"id": "r", **fields}]}


# ── the document ──────────────────────────────────────────────────────────────

def test_nantong_clause_tree_has_three_parts_and_ten_sections() -> None:
    parts = [c.id for c in DOC.clauses if c.id != "序"]
    sections = [c.id for c in DOC.walk() if "/" in c.id]
    assert parts == ["一", "二", "三"]
    assert sections == ["一/(一)", "一/(二)", "二/(一)", "二/(二)", "二/(三)", "二/(四)",
                        "三/(一)", "三/(二)", "三/(三)", "三/(四)"]
    assert DOC.parse_notes == ()


def test_nantong_known_clause_headings() -> None:
    assert DOC.clause("一/(二)").heading == "主要目标"
    assert DOC.clause("二/(三)").heading == "加强师资队伍建设,健全校长教师流动制度"
    assert DOC.clause("三/(三)").heading == "强化督查考核"


def test_nantong_principal_and_exchange_clause_text_is_verbatim() -> None:
    text = DOC.clause("二/(三)").text
    assert "校长在同一所学校的连续任期原则上不超过2届,每届3~5年。" in text
    assert "教师包括骨干教师原则上应按每年不低于15%的比例进行交流。" in text
    assert "城区中小学教师评聘高级职务(职称),原则上须有在薄弱学校任教2年以上的经历。" in text


def test_nantong_unnumbered_second_paragraph_belongs_to_its_section() -> None:
    assert "实施义务教育学校现代化建设工程。" in DOC.clause("二/(一)").text
    assert "要把教育信息化作为促进义务教育优质均衡发展的战略举措" in DOC.clause("二/(二)").text
    assert "健全校长教师流动制度。以“市有校用" in DOC.clause("二/(三)").text
    assert "健全义务教育质量保障体系。" in DOC.clause("二/(四)").text


def test_nantong_construction_plan_lists_each_district_in_one_clause() -> None:
    text = DOC.clause("二/(一)").text
    assert ("今后五年,崇川区新建中小学校3所、改扩建2所,注重提升老城区薄弱学校;港闸区新建中小学校2所、"
            "改扩建3所;南通开发区改扩建中小学校2所,苏通科技产业园区新建1所;") in text


def test_nantong_metadata_doc_number_is_parsed() -> None:
    meta = DOC.metadata
    assert meta.doc_number is not None
    assert (meta.doc_number.issuer_code, meta.doc_number.year, meta.doc_number.sequence) == \
        ("通政发", 2013, 51)
    assert meta.doc_number.normalized == "通政发〔2013〕51号"
    assert meta.title == "市政府关于深入推进市区义务教育优质均衡发展的实施意见"


def test_nantong_metadata_dates_issuer_and_status() -> None:
    meta = DOC.metadata
    assert meta.dates.written == dt.date(2013, 8, 21)
    assert meta.dates.issued == dt.date(2013, 8, 21)
    assert meta.dates.published == dt.date(2013, 9, 25)
    assert meta.dates.effective is None
    assert meta.issuers == ("南通市人民政府",)
    assert meta.level == "city"
    assert meta.status.state.value == "unknown"
    assert POLICY.version == "2013"
    assert POLICY.valid_from == dt.date(2013, 8, 21)


def test_nantong_metadata_basis_documents() -> None:
    numbers = [b.number.normalized if b.number else None for b in DOC.metadata.basis]
    assert numbers == ["国发〔2012〕48号", "苏政发〔2012〕148号", None]
    assert DOC.metadata.basis[2].relation == "cites"
    assert DOC.metadata.basis[2].title == "南通市主城区中小学布局规划(2012~2020)"


def test_nantong_basis_does_not_link_the_2017_national_method_it_predates() -> None:
    """一/(二) aims at the provincial (省定) requirement; 教督〔2017〕6号 came four years later."""
    assert not [b for b in DOC.metadata.basis if b.relation == "aims_at"]
    labels = {b.label for b in DOC.metadata.basis}
    assert "教督〔2017〕6号" not in labels
    assert "苏政发〔2012〕148号" in labels
    assert all((b.number is None) or b.number.year <= DOC.metadata.dates.issued.year
               for b in DOC.metadata.basis)


def test_nantong_has_no_errata_and_keeps_the_ordinary_misspelling_verbatim() -> None:
    assert tuple(DOC.source.errata) == ()
    clause = DOC.clause("二/(二)")
    assert "放大优质资源幅射带动作用" in clause.text
    assert DOC.corrected_text(clause) == clause.text


def test_nantong_policy_is_not_in_force_before_its_issue_date() -> None:
    facts = {"attestations": {"nantong.duty.leading_groups": True}}
    assert status("nantong.duty.leading_groups", facts, dt.date(2013, 8, 20)) is \
        Status.NOT_IN_FORCE
    assert status("nantong.duty.leading_groups", facts, dt.date(2013, 8, 21)) is \
        Status.SATISFIED


# ── consistency ───────────────────────────────────────────────────────────────

def test_nantong_check_has_no_library_defects() -> None:
    assert check_policy(POLICY).defects == ()


def test_nantong_expected_document_findings_are_reported() -> None:
    found = {(i.id, i.kind) for i in check_policy(POLICY).document_findings}
    assert {
        ("nantong.finding.area_names", "inconsistent_terms"),
        ("nantong.finding.five_years_no_start", "missing_date"),
        ("nantong.finding.training_cycle_no_start", "missing_date"),
        ("nantong.finding.exchange_base_unstated", "unstated_base"),
        ("nantong.finding.weak_school_undefined", "undefined_term"),
        ("nantong.finding.parks_related_district_unnamed", "ambiguous_reference"),
        ("nantong.finding.missing_party", "missing_party"),
        ("nantong.finding.provincial_standard_names", "inconsistent_terms"),
        ("nantong.finding.city_area_scope", "ambiguous"),
        ("nantong.finding.satisfaction_method_unstated", "undefined_measure"),
    } <= found


def test_nantong_every_normative_sentence_is_cited_by_a_rule() -> None:
    quotes: dict[str, list[str]] = {}
    for rule in POLICY.rules:
        for cite in rule.cites:
            quotes.setdefault(cite.clause, []).append(cite.quote)
    missing = []
    for clause in DOC.walk():
        if clause.id in ("序", "一", "二", "三"):
            continue
        for sentence in re.split(r"[。;]", clause.text):
            sentence = sentence.strip()
            if len(sentence) <= 12 or sentence.startswith(f"{clause.label}{clause.heading}"):
                continue
            if not any(q in sentence or sentence in q for q in quotes.get(clause.id, [])):
                missing.append((clause.id, sentence))
    assert missing == []


def test_nantong_counts_of_the_encoding() -> None:
    assert len(POLICY.parameters) == 26
    assert len(POLICY.checklist()) == 74
    assert len(POLICY.rules) == 96
    assert len(POLICY.narratives) == 11
    assert len(POLICY.unencoded) == 3


def test_nantong_exchange_share_aligns_with_liujiang_concept() -> None:
    liujiang = load_policy("liujiang")
    ours = POLICY.parameter("nantong.teacher_exchange.min_share")
    theirs = liujiang.parameter("liujiang.teacher_exchange.min_share")
    assert ours.concept == theirs.concept == "teacher_exchange.min_share_per_year"
    assert ours.value == Decimal("0.15")
    assert ours.in_principle is True


def test_nantong_five_unifications_is_a_text_parameter() -> None:
    param = POLICY.parameter("nantong.group.five_unifications")
    assert param.unit is Unit.TEXT
    assert param.concept == "group.five_unifications"
    assert param.value == "管理制度、组织教学、安排科研、质量管理、考核奖惩"


# ── teacher exchange 15% (in principle) ────────────────────────────────────────

EXCHANGE = "nantong.teacher_exchange.min_share"


@pytest.mark.parametrize(("eligible", "rotated", "expected"), [
    (100, 15, Status.SATISFIED),     # exactly 15%
    (100, 14, Status.VIOLATED),      # just below
    (100, 16, Status.SATISFIED),     # just above
    (7, 1, Status.VIOLATED),         # 1 < 1.05, exact arithmetic
    (7, 2, Status.SATISFIED),
    (20, 3, Status.SATISFIED),       # 3 = 20 × 15%
])
def test_nantong_teacher_exchange_of_15_percent_of_eligible(eligible: int, rotated: int,
                                                            expected: Status) -> None:
    facts = {"teacher_exchanges": [{"id": "2014", "eligible": eligible, "rotated": rotated}]}
    assert status(EXCHANGE, facts, IN_FORCE) is expected


def test_nantong_teacher_exchange_with_no_eligible_teachers_is_not_applicable() -> None:
    facts = {"teacher_exchanges": [{"id": "2014", "eligible": 0, "rotated": 0}]}
    assert status(EXCHANGE, facts, IN_FORCE) is Status.NOT_APPLICABLE


def test_nantong_teacher_exchange_missing_rotated_is_undetermined() -> None:
    facts = {"teacher_exchanges": [{"id": "2014", "eligible": 100}]}
    assert status(EXCHANGE, facts, IN_FORCE) is Status.UNDETERMINED


def test_nantong_teacher_exchange_violation_notes_it_is_in_principle() -> None:
    facts = {"teacher_exchanges": [{"id": "2014", "eligible": 100, "rotated": 10}]}
    (finding,) = evaluate(POLICY, facts, IN_FORCE).for_rule(EXCHANGE)
    assert finding.status is Status.VIOLATED
    assert POLICY.rule(EXCHANGE).in_principle
    assert "原则上" in finding.explanation.zh


@pytest.mark.parametrize(("eligible", "rotated", "expected"), [
    (20, 3, Status.SATISFIED), (20, 2, Status.VIOLATED), (20, 4, Status.SATISFIED)])
def test_nantong_backbone_teachers_also_exchange_at_15_percent(eligible: int, rotated: int,
                                                               expected: Status) -> None:
    facts = {"teacher_exchanges": [{"id": "2014", "eligible": 100, "rotated": 20,
                                    "backbone_eligible": eligible,
                                    "backbone_rotated": rotated}]}
    assert status("nantong.teacher_exchange.backbone_min_share", facts, IN_FORCE) is expected


def test_nantong_backbone_exchange_without_eligible_backbone_count_is_undetermined() -> None:
    facts = {"teacher_exchanges": [{"id": "2014", "eligible": 100, "rotated": 20,
                                    "backbone_rotated": 3}]}
    assert status("nantong.teacher_exchange.backbone_min_share", facts, IN_FORCE) is \
        Status.UNDETERMINED


# ── principal terms (in principle) ─────────────────────────────────────────────

@pytest.mark.parametrize(("term", "expected"), [
    (1, Status.SATISFIED), (2, Status.SATISFIED), (3, Status.VIOLATED)])
def test_nantong_principal_at_most_two_consecutive_terms(term: int, expected: Status) -> None:
    facts = {"principal_terms": [{"id": "t", "consecutive_term": term, "term_years": 4}]}
    assert status("nantong.principal.max_consecutive_terms", facts, IN_FORCE) is expected


@pytest.mark.parametrize(("years", "expected"), [
    (Decimal("2.9"), Status.VIOLATED), (Decimal("3"), Status.SATISFIED), (Decimal("4"), Status.SATISFIED),
    (Decimal("5"), Status.SATISFIED), (Decimal("5.1"), Status.VIOLATED), (Decimal("6"), Status.VIOLATED)])
def test_nantong_principal_term_of_3_to_5_years(years: str, expected: Status) -> None:
    facts = {"principal_terms": [{"id": "t", "consecutive_term": 1, "term_years": years}]}
    assert status("nantong.principal.term_length", facts, IN_FORCE) is expected


def test_nantong_principal_term_missing_facts_are_undetermined() -> None:
    facts = {"principal_terms": [{"id": "t"}]}
    assert status("nantong.principal.max_consecutive_terms", facts, IN_FORCE) is \
        Status.UNDETERMINED
    assert status("nantong.principal.term_length", facts, IN_FORCE) is Status.UNDETERMINED


def test_nantong_principal_rules_are_in_principle() -> None:
    assert POLICY.rule("nantong.principal.max_consecutive_terms").in_principle
    assert POLICY.rule("nantong.principal.term_length").in_principle


# ── training: 360 class hours per five-year cycle ──────────────────────────────

@pytest.mark.parametrize(("hours", "expected"), [
    (359, Status.VIOLATED), (360, Status.SATISFIED), (361, Status.SATISFIED),
    (Decimal("359.5"), Status.VIOLATED)])
def test_nantong_training_of_360_hours_per_five_year_cycle(hours: Any,
                                                            expected: Status) -> None:
    facts = {"training_records": [{"id": "t", "cycle_years": 5, "hours": hours}]}
    assert status("nantong.training.min_hours", facts, IN_FORCE) is expected


def test_nantong_training_cycle_other_than_five_years_breaks_the_cycle_rule() -> None:
    facts = {"training_records": [{"id": "t", "cycle_years": 4, "hours": 400}]}
    assert status("nantong.training.cycle_length", facts, IN_FORCE) is Status.VIOLATED
    assert status("nantong.training.min_hours", facts, IN_FORCE) is Status.NOT_APPLICABLE


def test_nantong_training_missing_hours_is_undetermined() -> None:
    facts = {"training_records": [{"id": "t", "cycle_years": 5}]}
    assert status("nantong.training.min_hours", facts, IN_FORCE) is Status.UNDETERMINED
    assert status("nantong.training.cycle_length", facts, IN_FORCE) is Status.SATISFIED


def test_nantong_training_hours_given_in_other_unit_name_are_converted() -> None:
    facts = {"training_records": [{"id": "t", "cycle_years": {"value": 60, "unit": "月"},
                                   "hours": {"value": 360, "unit": "hours"}}]}
    assert status("nantong.training.min_hours", facts, IN_FORCE) is Status.SATISFIED


# ── senior titles: two years at a weak school (in principle) ────────────────────

@pytest.mark.parametrize(("years", "expected"), [
    (Decimal("1.9"), Status.VIOLATED), (Decimal("2"), Status.SATISFIED), (Decimal("2.5"), Status.SATISFIED),
    (Decimal("0"), Status.VIOLATED)])
def test_nantong_urban_senior_title_needs_two_years_at_a_weak_school(
        years: str, expected: Status) -> None:
    facts = {"title_applications": [{"id": "a", "level": "senior", "urban_school": True,
                                     "years_in_weak_school": years}]}
    assert status("nantong.title.senior_requires_weak_school", facts, IN_FORCE) is expected


@pytest.mark.parametrize("application", [
    {"level": "intermediate", "urban_school": True, "years_in_weak_school": 0},
    {"level": "senior", "urban_school": False, "years_in_weak_school": 0},
])
def test_nantong_title_rule_not_applicable_to_rural_or_non_senior(
        application: dict[str, Any]) -> None:
    facts = {"title_applications": [{"id": "a", **application}]}
    assert status("nantong.title.senior_requires_weak_school", facts, IN_FORCE) is \
        Status.NOT_APPLICABLE


def test_nantong_title_missing_facts_are_undetermined() -> None:
    rule = "nantong.title.senior_requires_weak_school"
    no_years = {"title_applications": [{"id": "a", "level": "senior", "urban_school": True}]}
    no_location = {"title_applications": [{"id": "a", "level": "senior",
                                           "years_in_weak_school": 3}]}
    assert status(rule, no_years, IN_FORCE) is Status.UNDETERMINED
    assert status(rule, no_location, IN_FORCE) is Status.UNDETERMINED


# ── 2015 targets ────────────────────────────────────────────────────────────────

SHARE_2015 = "nantong.targets.2015.modern_standard_share"


@pytest.mark.parametrize(("total", "meeting", "expected"), [
    (10, 8, Status.SATISFIED),    # exactly 80% (以上 includes the figure)
    (10, 7, Status.VIOLATED),
    (10, 9, Status.SATISFIED),
    (100, 79, Status.VIOLATED),
    (101, 81, Status.SATISFIED),  # 81 ≥ 80.8
    (101, 80, Status.VIOLATED),   # 80 < 80.8, exact arithmetic
])
def test_nantong_2015_target_80_percent_of_schools_meet_the_standard(
        total: int, meeting: int, expected: Status) -> None:
    facts = indicators(year=2015, district="市区", schools_total=total, schools_meeting_standard=meeting)
    assert status(SHARE_2015, facts, AFTER_2015) is expected


def test_nantong_2015_target_is_not_applicable_before_its_deadline() -> None:
    facts = indicators(year=2015, district="市区", schools_total=10, schools_meeting_standard=1)
    assert status(SHARE_2015, facts, dt.date(2015, 12, 30)) is Status.NOT_APPLICABLE
    assert status(SHARE_2015, facts, dt.date(2015, 12, 31)) is Status.VIOLATED


def test_nantong_2015_urban_area_target_is_undetermined_for_a_record_without_a_district(
        ) -> None:
    # 一/(二) 市区80%以上: a record without a district may be a district's own record
    facts = indicators(year=2015, schools_total=10, schools_meeting_standard=10)
    assert status(SHARE_2015, facts, AFTER_2015) is Status.UNDETERMINED


def test_nantong_2015_target_applies_to_the_urban_area_record_only() -> None:
    city = indicators(year=2015, district="市区", schools_total=10, schools_meeting_standard=8)
    district = indicators(year=2015, district="崇川区", schools_total=10,
                          schools_meeting_standard=1)
    assert status(SHARE_2015, city, AFTER_2015) is Status.SATISFIED
    assert status(SHARE_2015, district, AFTER_2015) is Status.NOT_APPLICABLE


def test_nantong_2015_target_for_another_year_is_not_applicable() -> None:
    facts = indicators(year=2014, schools_total=10, schools_meeting_standard=1)
    assert status(SHARE_2015, facts, AFTER_2015) is Status.NOT_APPLICABLE


def test_nantong_2015_target_missing_count_is_undetermined() -> None:
    facts = indicators(year=2015, schools_total=10)
    assert status(SHARE_2015, facts, AFTER_2015) is Status.UNDETERMINED


ACCEPTED = "nantong.targets.2015.quality_balance_accepted"
PARKS = "nantong.targets.2015.parks_accepted_with_related_district"


@pytest.mark.parametrize("district", ["崇川区", "港闸区", "南通开发区", "市经济技术开发区",
                                      "通州区"])
def test_nantong_2015_four_districts_pass_quality_balance_acceptance(district: str) -> None:
    passed = indicators(year=2015, district=district, quality_balance_accepted=True)
    failed = indicators(year=2015, district=district, quality_balance_accepted=False)
    unknown = indicators(year=2015, district=district)
    assert status(ACCEPTED, passed, AFTER_2015) is Status.SATISFIED
    assert status(ACCEPTED, failed, AFTER_2015) is Status.VIOLATED
    assert status(ACCEPTED, unknown, AFTER_2015) is Status.UNDETERMINED
    assert status(PARKS, passed, AFTER_2015) is Status.NOT_APPLICABLE


@pytest.mark.parametrize("park", ["滨海园区", "南通滨海园区", "苏通科技产业园区",
                                  "南通苏通科技产业园区"])
def test_nantong_2015_parks_pass_acceptance_with_a_related_district(park: str) -> None:
    passed = indicators(year=2015, district=park, quality_balance_accepted=True)
    failed = indicators(year=2015, district=park, quality_balance_accepted=False)
    assert status(PARKS, passed, AFTER_2015) is Status.SATISFIED
    assert status(PARKS, failed, AFTER_2015) is Status.VIOLATED
    assert status(ACCEPTED, failed, AFTER_2015) is Status.NOT_APPLICABLE


def test_nantong_2015_acceptance_before_deadline_is_not_applicable() -> None:
    facts = indicators(year=2015, district="崇川区", quality_balance_accepted=False)
    assert status(ACCEPTED, facts, dt.date(2015, 6, 1)) is Status.NOT_APPLICABLE


# ── 2018 targets ────────────────────────────────────────────────────────────────

ALL_2018 = "nantong.targets.2018.all_schools_modern_standard"
SAT_SCHOOLS = "nantong.targets.2018.satisfaction_with_schools"
SAT_GOV = "nantong.targets.2018.satisfaction_with_government"


@pytest.mark.parametrize(("total", "meeting", "expected"), [
    (50, 50, Status.SATISFIED), (50, 49, Status.VIOLATED), (0, 0, Status.SATISFIED)])
def test_nantong_2018_target_all_schools_meet_the_standard(total: int, meeting: int,
                                                           expected: Status) -> None:
    facts = indicators(year=2018, schools_total=total, schools_meeting_standard=meeting)
    assert status(ALL_2018, facts, AFTER_2018) is expected


def test_nantong_2018_all_schools_target_also_binds_each_district_record() -> None:
    facts = indicators(year=2018, district="港闸区", schools_total=20,
                       schools_meeting_standard=19)
    assert status(ALL_2018, facts, AFTER_2018) is Status.VIOLATED


def test_nantong_2018_targets_are_not_applicable_before_their_deadline() -> None:
    facts = indicators(year=2018, district="市区", schools_total=50, schools_meeting_standard=1,
                       satisfaction_with_schools="50%", satisfaction_with_government="50%")
    for rule in (ALL_2018, SAT_SCHOOLS, SAT_GOV):
        assert status(rule, facts, dt.date(2018, 12, 30)) is Status.NOT_APPLICABLE
        assert status(rule, facts, dt.date(2018, 12, 31)) is Status.VIOLATED


@pytest.mark.parametrize(("value", "expected"), [
    (Decimal("0.8999"), Status.VIOLATED), (Decimal("0.90"), Status.SATISFIED), ("90%", Status.SATISFIED),
    (Decimal("0.9001"), Status.SATISFIED), (Decimal("1"), Status.SATISFIED)])
def test_nantong_2018_both_satisfaction_rates_at_least_90_percent(value: str,
                                                                  expected: Status) -> None:
    facts = indicators(year=2018, district="市区", satisfaction_with_schools=value,
                       satisfaction_with_government=value)
    assert status(SAT_SCHOOLS, facts) is expected
    assert status(SAT_GOV, facts) is expected


def test_nantong_2018_satisfaction_missing_is_undetermined() -> None:
    facts = indicators(year=2018, district="市区", satisfaction_with_schools="95%")
    assert status(SAT_SCHOOLS, facts) is Status.SATISFIED
    assert status(SAT_GOV, facts) is Status.UNDETERMINED


def test_nantong_2018_satisfaction_applies_to_the_urban_area_not_a_district() -> None:
    facts = indicators(year=2018, district="通州区", satisfaction_with_schools="50%")
    assert status(SAT_SCHOOLS, facts) is Status.NOT_APPLICABLE


THREE_LINKS = "nantong.targets.2018.three_links_two_platforms"
ALL_LINKS = {"broadband_every_school": True, "quality_resources_every_class": True,
             "learning_space_everyone": True, "resource_service_platform_built": True,
             "management_service_platform_built": True}


def test_nantong_2018_three_links_two_platforms_all_achieved() -> None:
    assert status(THREE_LINKS, indicators(year=2018, **ALL_LINKS)) is Status.SATISFIED


@pytest.mark.parametrize("missing_link", sorted(ALL_LINKS))
def test_nantong_2018_three_links_two_platforms_one_missing(missing_link: str) -> None:
    failed = {**ALL_LINKS, missing_link: False}
    unknown = {k: v for k, v in ALL_LINKS.items() if k != missing_link}
    assert status(THREE_LINKS, indicators(year=2018, **failed)) is Status.VIOLATED
    assert status(THREE_LINKS, indicators(year=2018, **unknown)) is Status.UNDETERMINED


def test_nantong_2018_three_links_is_an_aspiration_marked_in_principle() -> None:
    rule = POLICY.rule(THREE_LINKS)
    assert isinstance(rule, Rule)
    assert rule.kind is Modality.TARGET and rule.in_principle
    assert rule.deadline == dt.date(2018, 12, 31)
    assert status(THREE_LINKS, indicators(year=2018), dt.date(2018, 1, 1)) is \
        Status.NOT_APPLICABLE


# ── five-year construction plan ─────────────────────────────────────────────────

CONSTRUCTION_DEADLINE = dt.date(2018, 8, 21)
PLANS = [
    ("chongchuan", "崇川区", {"new_schools": 3, "expanded_schools": 2}),
    ("gangzha", "港闸区", {"new_schools": 2, "expanded_schools": 3}),
    ("dev_zone", "南通开发区", {"expanded_schools": 2}),
    ("sutong", "苏通科技产业园区", {"new_schools": 1}),
    ("tongzhou", "通州区", {"new_schools": 1, "relocated_schools": 3}),
    ("binhai", "滨海园区", {"new_schools": 1, "expanded_schools": 3}),
]


def construction(district: str, **counts: int) -> dict[str, Any]:
    return {"construction": [{"id": "c", "district": district, **counts}]}


@pytest.mark.parametrize(("key", "district", "plan"), PLANS)
def test_nantong_construction_plan_met_exactly(key: str, district: str,
                                               plan: dict[str, int]) -> None:
    assert status(f"nantong.construction.{key}", construction(district, **plan),
                  CONSTRUCTION_DEADLINE) is Status.SATISFIED


@pytest.mark.parametrize(("key", "district", "plan"), PLANS)
def test_nantong_construction_plan_one_school_short_is_violated(
        key: str, district: str, plan: dict[str, int]) -> None:
    for item in plan:
        short = {**plan, item: plan[item] - 1}
        assert status(f"nantong.construction.{key}", construction(district, **short),
                      CONSTRUCTION_DEADLINE) is Status.VIOLATED


@pytest.mark.parametrize(("key", "district", "plan"), PLANS)
def test_nantong_construction_plan_exceeded_is_satisfied(key: str, district: str,
                                                         plan: dict[str, int]) -> None:
    more = {item: value + 1 for item, value in plan.items()}
    assert status(f"nantong.construction.{key}", construction(district, **more),
                  CONSTRUCTION_DEADLINE) is Status.SATISFIED


@pytest.mark.parametrize(("key", "district", "plan"), PLANS)
def test_nantong_construction_plan_missing_count_is_undetermined(
        key: str, district: str, plan: dict[str, int]) -> None:
    assert status(f"nantong.construction.{key}", construction(district),
                  CONSTRUCTION_DEADLINE) is Status.UNDETERMINED


def test_nantong_construction_plan_is_not_judged_before_2018_08_21() -> None:
    facts = construction("崇川区", new_schools=0, expanded_schools=0)
    assert status("nantong.construction.chongchuan", facts, dt.date(2018, 8, 20)) is \
        Status.NOT_APPLICABLE
    rule = POLICY.rule("nantong.construction.chongchuan")
    assert isinstance(rule, Rule) and rule.deadline == CONSTRUCTION_DEADLINE


def test_nantong_construction_plan_of_another_district_is_not_applicable() -> None:
    facts = construction("港闸区", new_schools=0, expanded_schools=0)
    assert status("nantong.construction.chongchuan", facts, CONSTRUCTION_DEADLINE) is \
        Status.NOT_APPLICABLE


def test_nantong_construction_plan_accepts_the_other_names_of_an_area() -> None:
    assert status("nantong.construction.dev_zone",
                  construction("市经济技术开发区", expanded_schools=2),
                  CONSTRUCTION_DEADLINE) is Status.SATISFIED
    assert status("nantong.construction.sutong",
                  construction("南通苏通科技产业园区", new_schools=1),
                  CONSTRUCTION_DEADLINE) is Status.SATISFIED


@pytest.mark.parametrize(("param", "value"), [
    ("chongchuan.new", 3), ("chongchuan.expanded", 2), ("gangzha.new", 2),
    ("gangzha.expanded", 3), ("dev_zone.expanded", 2), ("sutong.new", 1),
    ("tongzhou.new", 1), ("tongzhou.relocated", 3), ("binhai.new", 1),
    ("binhai.expanded", 3), ("plan_years", 5)])
def test_nantong_construction_parameters(param: str, value: int) -> None:
    assert POLICY.parameter(f"nantong.construction.{param}").value == value


@pytest.mark.parametrize(("made", "expected"), [
    (True, Status.SATISFIED), (False, Status.VIOLATED), (None, Status.UNDETERMINED)])
def test_nantong_annual_construction_plan_is_drawn_up(made: bool | None,
                                                      expected: Status) -> None:
    facts = {"construction": [{"id": "c", "district": "崇川区", "annual_plan_made": made}]}
    assert status("nantong.construction.annual_plan", facts, IN_FORCE) is expected


# ── checklist duties ────────────────────────────────────────────────────────────

STAFFING = "nantong.duty.staffing_adjustment"


@pytest.mark.parametrize(("attested", "expected"), [
    (True, Status.SATISFIED), (False, Status.VIOLATED), (None, Status.UNDETERMINED)])
def test_nantong_checklist_duty_attested_not_attested_or_missing(
        attested: bool | None, expected: Status) -> None:
    facts = {"attestations": {STAFFING: attested}}
    assert status(STAFFING, facts, IN_FORCE) is expected
    assert status(STAFFING, {}, IN_FORCE) is Status.UNDETERMINED


def test_nantong_encouragement_is_a_permission_not_a_breach() -> None:
    rule = "nantong.duty.close_knit_groups"
    assert POLICY.rule(rule).modality is Modality.PERMISSION
    assert status(rule, {"attestations": {rule: True}}, IN_FORCE) is Status.SATISFIED
    assert status(rule, {"attestations": {rule: False}}, IN_FORCE) is Status.NOT_APPLICABLE


@pytest.mark.parametrize(("rule", "party"), [
    ("nantong.duty.leading_groups", "市、区两级政府（管委会）"),
    ("nantong.duty.work_plans", "市、区两级教育部门"),
    ("nantong.duty.staffing_adjustment", "编制部门"),
    ("nantong.duty.staffing_reallocation", "编制部门会同教育部门"),
    ("nantong.duty.post_management", "人事部门"),
    ("nantong.duty.per_pupil_funds", "财政部门"),
    ("nantong.duty.funds_to_weak_schools", "财政部门"),
    ("nantong.duty.comprehensive_supervision", "市政府教育督导室"),
    ("nantong.duty.supervision_results_published", "市政府教育督导室"),
    ("nantong.duty.annual_assessment", "市政府"),
    ("nantong.duty.weak_schools_support", "各区（含园区管委会）"),
    ("nantong.duty.evaluation_mechanism", "各区、各部门"),
    ("nantong.duty.school_and_outside_activities", "教育部门"),
    ("nantong.duty.chongchuan_old_town", "崇川区"),
    ("nantong.duty.tongzhou_equipment", "通州区"),
])
def test_nantong_checklist_duty_names_its_party(rule: str, party: str) -> None:
    duty = POLICY.rule(rule)
    assert isinstance(duty, Rule) and duty.is_checklist
    assert duty.party.zh == party


def test_nantong_annual_assessment_interval_is_a_parameter() -> None:
    param = POLICY.parameter("nantong.inspection.interval_years")
    assert param.value == 1 and param.unit is Unit.YEARS
    assert param.cites[0].quote == "每年进行督查考核"


# ── fidelity fixes: provisions, parties, modalities, citations ────────────────

def test_nantong_narrowing_area_and_school_gaps_is_a_duty_of_一_1() -> None:
    rule = POLICY.rule("nantong.duty.narrow_gaps")
    assert rule.is_checklist and rule.cites[0].clause == "一/(一)"
    assert rule.cites[0].quote == "切实缩小区域差距和校际差距"


def test_nantong_balancing_quality_and_proximity_is_a_district_duty_of_二_1() -> None:
    rule = POLICY.rule("nantong.duty.quality_and_proximity")
    assert rule.cites[0].clause == "二/(一)"
    assert rule.party.zh == "各区（含园区管委会）"


def test_nantong_all_schools_equally_good_aspiration_is_unencoded_with_its_reason() -> None:
    (entry,) = [u for u in POLICY.unencoded if u.cite.clause == "二/(一)"]
    assert "一样好" in entry.cite.quote and "一样优" in entry.cite.quote
    assert "努力做到" in entry.reason.zh


def test_nantong_museums_are_the_ones_encouraged_to_run_activities_for_pupils() -> None:
    rule = POLICY.rule("nantong.duty.social_education_resources")
    assert rule.kind is Modality.PERMISSION
    assert "博物馆" in rule.party.zh and "政府" not in rule.party.zh


def test_nantong_distinctive_schools_is_an_encouragement_beside_the_culture_duty() -> None:
    culture = POLICY.rule("nantong.duty.school_culture")
    distinctive = POLICY.rule("nantong.duty.distinctive_schools")
    assert culture.kind is Modality.OBLIGATION and culture.cites[0].quote == "注重学校文化建设"
    assert distinctive.kind is Modality.PERMISSION
    facts = {"attestations": {distinctive.id: False}}
    assert status(distinctive.id, facts, IN_FORCE) is Status.NOT_APPLICABLE


def test_nantong_360_hour_rule_cites_only_the_training_system_sentence() -> None:
    rule = POLICY.rule("nantong.training.min_hours")
    assert [c.quote for c in rule.cites] == ["严格实施5年一周期不少于360学时的教师全员培训制度"]
    tiered = POLICY.rule("nantong.duty.tiered_training_system")
    assert "促进每一名教师专业发展" in [c.quote for c in tiered.cites]


def test_nantong_principal_in_the_first_year_of_a_four_year_term_is_no_breach_of_3_to_5_years(
        ) -> None:
    """二/(三) 每届3~5年: term_years is the length of the term as appointed, not time served."""
    facts = {"principal_terms": [{"id": "t", "consecutive_term": 1, "term_years": 4}]}
    assert status("nantong.principal.term_length", facts, IN_FORCE) is Status.SATISFIED
    assert "不是已任职的时间" in POLICY.rule("nantong.principal.term_length").note.zh


@pytest.mark.parametrize("quality_schools", [0, 1, None])
def test_nantong_group_core_of_relatively_high_standing_is_no_breach_without_a_quality_school(
        quality_schools: int | None) -> None:
    """二/(二) 以优质名校和办学水平相对较高的学校为骨干: a group needs a core school; the text
    does not require that school to be a designated quality school."""
    zone: dict[str, Any] = {"id": "g", "form": "education_group", "lead_school": "某校"}
    if quality_schools is not None:
        zone["quality_school_count"] = quality_schools
    assert status("nantong.group.has_core_school", {"zones": [zone]}, IN_FORCE) is \
        Status.SATISFIED


@pytest.mark.parametrize(("lead_school", "expected"), [
    ("某校", Status.SATISFIED), (None, Status.UNDETERMINED), ("", Status.VIOLATED)])
def test_nantong_group_whose_core_school_is_not_reported_is_undetermined_not_violated(
        lead_school: str | None, expected: Status) -> None:
    """二/(二) 以优质名校和办学水平相对较高的学校为骨干: a missing core-school fact leaves the
    question open; only a group reported with an empty core-school name has none."""
    zone: dict[str, Any] = {"id": "g", "form": "education_group"}
    if lead_school is not None:
        zone["lead_school"] = lead_school
    assert status("nantong.group.has_core_school", {"zones": [zone]}, IN_FORCE) is expected


def test_nantong_one_missing_party_finding_lists_every_encoding_with_a_supplied_party() -> None:
    findings = [f for f in POLICY.document_findings if f.kind == "missing_party"]
    assert [f.id for f in findings] == ["nantong.finding.missing_party"]
    listed = findings[0].encodings
    assert len(listed) == len(set(listed))
    for rule_id in listed:
        POLICY.rule(rule_id)
    noted = {r.id for r in POLICY.rules
             if r.note is not None and "未写明责任主体" in r.note.zh}
    assert noted <= set(listed)
    assert {"nantong.targets.2015.modern_standard_share", "nantong.principal.term_length",
            "nantong.duty.distinctive_schools", "nantong.duty.narrow_gaps"} <= set(listed)
    assert "nantong.duty.staffing_adjustment" not in listed   # 编制部门 is named


def test_nantong_provincial_standard_has_three_names_reported_as_a_finding() -> None:
    (finding,) = [f for f in POLICY.document_findings
                  if f.id == "nantong.finding.provincial_standard_names"]
    assert {c.clause for c in finding.cites} == {"一/(一)", "一/(二)", "二/(一)"}
    assert "nantong.targets.2015.modern_standard_share" in finding.encodings


def test_nantong_two_aspects_and_names_with_numerals_are_accounted_for() -> None:
    assert any(n.cite.quote == "从硬件、软件两方面" for n in POLICY.narratives)
    texts = {t.text for t in POLICY.terms}
    assert {"三个代表", "十八大", "每一所", "每一名"} <= texts


def test_nantong_values_not_read_from_a_number_in_their_quote_are_derived_with_a_reason() -> None:
    derived = {p.id for p in POLICY.parameters if p.derived is not None}
    assert derived == {"nantong.schools.modern_standard_share_2018",
                       "nantong.group.five_unifications", "nantong.inspection.interval_years"}
    assert all(p.derived is not None and p.derived.zh and p.derived.en
               for p in POLICY.parameters if p.id in derived)


def test_nantong_guiding_idea_and_the_preamble_are_unencoded_with_their_reasons() -> None:
    clauses = {u.cite.clause: u for u in POLICY.unencoded}
    assert "十八大" in clauses["一/(一)"].cite.quote and clauses["一/(一)"].reason.zh
    assert clauses["序"].reason.zh


def test_nantong_service_at_weak_schools_is_an_encouragement_not_part_of_the_training_duty(
        ) -> None:
    training = POLICY.rule("nantong.duty.directed_free_training")
    assert all("鼓励" not in c.quote for c in training.cites)
    service = POLICY.rule("nantong.duty.service_in_grassroots_and_weak_schools")
    assert service.kind is Modality.PERMISSION
    assert status(service.id, {"attestations": {service.id: False}}, IN_FORCE) is \
        Status.NOT_APPLICABLE


# ── value ↔ quote: each count and deadline read from its own words ───────────────

CONSTRUCTION_COUNTS = ("chongchuan.new", "chongchuan.expanded", "gangzha.new", "gangzha.expanded",
                       "dev_zone.expanded", "sutong.new", "tongzhou.new", "tongzhou.relocated",
                       "binhai.new", "binhai.expanded")


@pytest.mark.parametrize("key", CONSTRUCTION_COUNTS)
def test_nantong_construction_count_is_read_from_its_own_number_so_a_changed_count_is_reported(
        key: str) -> None:
    param = POLICY.parameter(f"nantong.construction.{key}")
    assert parameter_defects(DOC, param) == []
    changed = dataclasses.replace(param, value=param.value + 1)
    assert [i.kind for i in parameter_defects(DOC, changed)] == ["value_quote"]


@pytest.mark.parametrize("key", CONSTRUCTION_COUNTS)
def test_nantong_construction_count_cites_its_district_by_name(key: str) -> None:
    param = POLICY.parameter(f"nantong.construction.{key}")
    district = {"chongchuan": "崇川区", "gangzha": "港闸区", "dev_zone": "南通开发区",
                "sutong": "苏通科技产业园区", "tongzhou": "通州区", "binhai": "滨海园区"}
    assert any(c.quote.startswith(district[key.split(".")[0]]) for c in param.cites)


@pytest.mark.parametrize(("rule_id", "year"), [
    ("nantong.targets.2015.quality_balance_accepted", 2015),
    ("nantong.targets.2015.parks_accepted_with_related_district", 2015),
    ("nantong.targets.2018.satisfaction_with_schools", 2018),
    ("nantong.targets.2018.satisfaction_with_government", 2018),
])
def test_nantong_main_target_deadline_is_the_year_its_sentence_states_and_a_moved_one_is_reported(
        rule_id: str, year: int) -> None:
    rule = POLICY.rule(rule_id)
    assert rule.deadline == dt.date(year, 12, 31)
    assert rule_date_defects(POLICY, rule) == []
    moved = dataclasses.replace(rule, deadline=dt.date(year + 1, 12, 31))
    assert sorted(i.kind for i in rule_date_defects(POLICY, moved)) == [
        "date_quote", "deadline_year"]


def test_nantong_group_promotion_duty_carries_its_aim_of_wider_resource_coverage() -> None:
    rule = POLICY.rule("nantong.duty.groups_and_communities")
    assert any(c.quote == "努力扩大优质教育资源的覆盖率和共享度" for c in rule.cites)
    assert not [s for s in provision_coverage(POLICY).uncovered if s.clause == "二/(二)"]
    cited = tuple(c for c in rule.cites if c.quote != "努力扩大优质教育资源的覆盖率和共享度")
    rules = tuple(dataclasses.replace(r, cites=cited) if r.id == rule.id else r
                  for r in POLICY.rules)
    uncovered = provision_coverage(dataclasses.replace(POLICY, rules=rules)).uncovered
    assert [s.clause for s in uncovered] == ["二/(二)"]
