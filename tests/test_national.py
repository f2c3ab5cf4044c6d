"""教督〔2017〕6号 resource indicators: per-school 6-of-7 / 85% rule and county 校际差异系数 limits."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from xuequ_rules import Status, check_policy, evaluate, load_policy
from xuequ_rules.document.metadata import StatusState
from xuequ_rules.exact import ExactSqrt

AS_OF = dt.date(2024, 9, 1)
PRIMARY_RULE = "national.school.resource_standard.primary"
JUNIOR_RULE = "national.school.resource_standard.junior"
CV_QUALIFIED_PRIMARY = "national.county.cv.qualified_teachers.primary"
CV_QUALIFIED_JUNIOR = "national.county.cv.qualified_teachers.junior"


@pytest.fixture(scope="module")
def policy():
    return load_policy("national")


def findings(policy, facts, rule, as_of=AS_OF):
    return {f.record: f.status for f in evaluate(policy, facts, as_of=as_of).for_rule(rule)}


def status_of(policy, facts, rule, as_of=AS_OF):
    (finding,) = evaluate(policy, facts, as_of=as_of).for_rule(rule)
    return finding.status


# A primary school of 1000 pupils exactly at every primary standard.
PRIMARY_AT_STANDARD = {
    "teachers_above_required_qualification": 42,   # 4.2 per 100
    "backbone_teachers_county_level": 10,          # 1 per 100
    "pe_art_teachers": 9,                          # 0.9 per 100
    "teaching_space_m2": 4500,                   # 4.5 m² per pupil
    "sports_space_m2": 7500,                     # 7.5 m² per pupil
    "equipment_value": 2000000,                  # 2000 元 per pupil
    "multimedia_classrooms": 23,                   # 2.3 per 100
}
JUNIOR_AT_STANDARD = {
    "teachers_above_required_qualification": 53, "backbone_teachers_county_level": 10,
    "pe_art_teachers": 9, "teaching_space_m2": 5800, "sports_space_m2": 10200,
    "equipment_value": 2500000, "multimedia_classrooms": 24,
}


def school(id_="s1", stage="primary", students=1000, county="A", **values):
    base = PRIMARY_AT_STANDARD if stage == "primary" else JUNIOR_AT_STANDARD
    return {"id": id_, "stage": stage, "students": students, "county": county,
            "special_education": False, "teaching_point": False, **base, **values}


# ── document ──────────────────────────────────────────────────────────────────
def test_national_table_rows_parse_as_items_one_to_seven_and_notes_fall_under_seven(policy):
    document = policy.document
    assert list(document.ids) == ["序", "(一)", "(二)", "(三)", "(四)", "(五)", "(六)", "(七)",
                                  "(七)/1"]
    assert "每百名学生拥有高于规定学历教师数 | ≥ 4.2 人 | ≥ 5.3 人 |" in document.clause("(一)").text
    assert "生均教学仪器设备值 | ≥ 2000 元 | ≥ 2500 元 |" in document.clause("(六)").text
    assert "≤ 0.50 for primary schools" in document.clause("(七)").text
    assert document.clause("(七)/1").text.startswith("1. Only the 7 above")


def test_national_metadata_number_issuer_status_and_secondary_copies_note(policy):
    meta = policy.document.metadata
    assert meta.doc_number is not None
    assert (meta.doc_number.issuer_code, meta.doc_number.year, meta.doc_number.sequence) == (
        "教督", 2017, 6)
    assert meta.title == "县域义务教育优质均衡发展督导评估办法"
    assert meta.issuers == ("教育部",)
    assert meta.level == "national"
    assert meta.status.state is StatusState.IN_FORCE
    assert "二手文本" in meta.status.note_zh and "secondary copies" in meta.status.note_en
    assert "not the official text" in meta.status.note_en
    assert "参考资料没有写明发布机关" in meta.status.note_zh
    assert meta.dates.issued is None
    assert [b.label for b in meta.basis] == ["教督〔2012〕3号"]
    assert "not the official text" in meta.current_version.expression_en


def test_national_text_is_lines_1_and_11_to_35_of_the_reference_note(policy):
    provenance = policy.document.source.provenance
    assert provenance.collection == "reference"
    assert provenance.capture == "national-quality-balance-2017.md"
    assert [k.lines for k in provenance.kept] == [(1, 1), (11, 35)]
    assert [r.lines for r in provenance.removed] == [(2, 10), (36, 39)]


def test_national_has_no_errata(policy):
    assert policy.document.source.errata == ()


# ── parameters ────────────────────────────────────────────────────────────────
@pytest.mark.parametrize(("key", "primary", "junior"), [
    ("qualified_teachers", "4.2", "5.3"), ("backbone_teachers", "1", "1"),
    ("pe_art_teachers", "0.9", "0.9"), ("teaching_space", "4.5", "5.8"),
    ("sports_space", "7.5", "10.2"), ("equipment_value", "2000", "2500"),
    ("multimedia_classrooms", "2.3", "2.4")])
def test_national_seven_indicator_standards_for_primary_and_junior(policy, key, primary, junior):
    assert policy.parameter(f"national.{key}.primary_min").value == Decimal(primary)
    assert policy.parameter(f"national.{key}.junior_min").value == Decimal(junior)


def test_national_school_and_county_parameters(policy):
    assert policy.parameter("national.school.min_indicators_met").value == 6
    assert policy.parameter("national.school.floor_share_of_standard").value == Decimal("0.85")
    assert policy.parameter("national.county.cv_max.primary").value == Decimal("0.50")
    assert policy.parameter("national.county.cv_max.junior").value == Decimal("0.45")
    assert policy.parameter("national.county.cv_excluded_teaching_point_below").value == 50


def test_national_old_basic_balance_limits_are_narrative_not_parameters(policy):
    values = {p.value for p in policy.parameters}
    assert Decimal("0.65") not in values and Decimal("0.55") not in values
    (narrative,) = [n for n in policy.narratives if "0.65" in n.cite.quote]
    assert "基本均衡" in narrative.reason.zh and "not parameters" in narrative.reason.en


# ── per-school rule: at least 6 of 7, none of the rest below 85% ─────────────────
def test_national_primary_school_exactly_at_every_standard_is_satisfied(policy):
    assert status_of(policy, {"schools": [school()]}, PRIMARY_RULE) is Status.SATISFIED


def test_national_primary_school_one_indicator_at_exactly_85_percent_is_satisfied(policy):
    # 4.5 m² × 0.85 = 3.825 m² per pupil → 3825 m² for 1000 pupils
    facts = {"schools": [school(teaching_space_m2=3825)]}
    assert status_of(policy, facts, PRIMARY_RULE) is Status.SATISFIED


def test_national_primary_school_one_indicator_just_below_85_percent_is_violated(policy):
    facts = {"schools": [school(teaching_space_m2=3824.99)]}
    assert status_of(policy, facts, PRIMARY_RULE) is Status.VIOLATED


def test_national_primary_school_only_5_of_7_met_is_violated_even_above_85_percent(policy):
    # two indicators at 90% of their standard: 5 met, none below 85%
    facts = {"schools": [school(teaching_space_m2=4050, sports_space_m2=6750)]}
    assert status_of(policy, facts, PRIMARY_RULE) is Status.VIOLATED


def test_national_primary_school_one_teacher_short_per_100_pupils_is_6_of_7_and_satisfied(
        policy):
    facts = {"schools": [school(teachers_above_required_qualification=41)]}   # 4.1 per 100
    assert status_of(policy, facts, PRIMARY_RULE) is Status.SATISFIED


def test_national_per_100_pupils_is_computed_exactly_from_totals(policy):
    # 23 rooms for 1001 pupils = 2.2977… per 100 < 2.3 → not met (one miss: still 6 of 7)
    # and 30 teachers for 1001 pupils = 2.997 per 100 < 85% of 4.2 (3.57) → violated
    facts = {"schools": [school(students=1001, teachers_above_required_qualification=30,
                                teaching_space_m2=4504.5, sports_space_m2=7507.5,
                                equipment_value=2002000)]}
    assert status_of(policy, facts, PRIMARY_RULE) is Status.VIOLATED


def test_national_junior_school_is_judged_by_junior_standards(policy):
    assert status_of(policy, {"schools": [school(stage="junior")]}, JUNIOR_RULE) is \
        Status.SATISFIED
    # a junior school at the primary standards meets only 2 of 7 (backbone, PE/art)
    facts = {"schools": [school(stage="junior", **PRIMARY_AT_STANDARD)]}
    assert status_of(policy, facts, JUNIOR_RULE) is Status.VIOLATED


def test_national_primary_rule_does_not_apply_to_junior_or_nine_year_records(policy):
    facts = {"schools": [school(stage="junior"), school("s2", stage="nine_year")]}
    assert set(findings(policy, facts, PRIMARY_RULE).values()) == {Status.NOT_APPLICABLE}


def test_national_school_without_pupils_is_not_applicable(policy):
    assert status_of(policy, {"schools": [school(students=0)]}, PRIMARY_RULE) is \
        Status.NOT_APPLICABLE


def test_national_school_with_a_missing_indicator_total_is_undetermined(policy):
    record = school()
    del record["multimedia_classrooms"]
    assert status_of(policy, {"schools": [record]}, PRIMARY_RULE) is Status.UNDETERMINED


def test_national_school_missing_one_total_but_another_below_85_percent_is_violated(policy):
    record = school(teaching_space_m2=1000)
    del record["multimedia_classrooms"]
    assert status_of(policy, {"schools": [record]}, PRIMARY_RULE) is Status.VIOLATED


# ── county 校际差异系数 (grouped by county and stage) ─────────────────────────────
def two_schools(a, b, stage="primary", students=(1000, 1000), county="A"):
    return {"schools": [
        school("s1", stage=stage, students=students[0], county=county,
               teachers_above_required_qualification=a),
        school("s2", stage=stage, students=students[1], county=county,
               teachers_above_required_qualification=b)]}


def test_national_primary_cv_of_exactly_0_50_is_satisfied(policy):
    # values 0.3 and 0.1 per pupil, equal enrolment: CV = 0.2 / 0.4 = 0.5 exactly
    assert findings(policy, two_schools(300, 100), CV_QUALIFIED_PRIMARY) == {
        "schools[county=A,stage=primary]": Status.SATISFIED}


def test_national_primary_cv_just_above_0_50_is_violated(policy):
    assert status_of(policy, two_schools(301, 100), CV_QUALIFIED_PRIMARY) is Status.VIOLATED


def test_national_primary_cv_just_below_0_50_is_satisfied(policy):
    assert status_of(policy, two_schools(299, 100), CV_QUALIFIED_PRIMARY) is Status.SATISFIED


def test_national_junior_cv_of_exactly_0_45_is_satisfied_and_just_above_is_violated(policy):
    # 290 vs 110 → CV = 180 / 400 = 0.45
    junior = two_schools(290, 110, stage="junior")
    assert status_of(policy, junior, CV_QUALIFIED_JUNIOR) is Status.SATISFIED
    assert status_of(policy, two_schools(291, 110, stage="junior"), CV_QUALIFIED_JUNIOR) is \
        Status.VIOLATED


def test_national_junior_limit_is_stricter_a_cv_of_0_50_fails_for_junior(policy):
    assert status_of(policy, two_schools(300, 100, stage="junior"), CV_QUALIFIED_JUNIOR) is \
        Status.VIOLATED


def test_national_cv_compares_as_an_exact_square_root(policy):
    evaluation = evaluate(policy, two_schools(300, 100), as_of=AS_OF)
    (finding,) = evaluation.for_rule(CV_QUALIFIED_PRIMARY)
    values = [value for _, value, _, _ in finding.trace if isinstance(value, ExactSqrt)]
    assert values and values[0].square == Decimal("0.25")


def test_national_cv_is_weighted_by_enrolment_a_small_outlier_school_counts_little(policy):
    # 100 pupils at 0.05 per pupil and 9900 at 0.01: unweighted CV 0.67, weighted CV 0.38
    facts = two_schools(5, 99, students=(100, 9900))
    assert status_of(policy, facts, CV_QUALIFIED_PRIMARY) is Status.SATISFIED


def test_national_cv_gives_one_finding_per_county_and_stage(policy):
    facts = {"schools": two_schools(300, 100)["schools"]
             + [school("s3", county="B", teachers_above_required_qualification=400),
                school("s4", county="B", teachers_above_required_qualification=100)]}
    assert findings(policy, facts, CV_QUALIFIED_PRIMARY) == {
        "schools[county=A,stage=primary]": Status.SATISFIED,
        "schools[county=B,stage=primary]": Status.VIOLATED}


def test_national_primary_cv_rule_does_not_apply_to_a_junior_group(policy):
    assert set(findings(policy, two_schools(300, 100, stage="junior"),
                        CV_QUALIFIED_PRIMARY).values()) == {Status.NOT_APPLICABLE}


def test_national_cv_leaves_out_a_teaching_point_of_49_pupils(policy):
    facts = two_schools(300, 100)
    facts["schools"].append(school("tp", students=49, teaching_point=True,
                                   teachers_above_required_qualification=40))
    assert status_of(policy, facts, CV_QUALIFIED_PRIMARY) is Status.SATISFIED


def test_national_cv_counts_a_teaching_point_of_exactly_50_pupils(policy):
    facts = two_schools(300, 100)
    facts["schools"].append(school("tp", students=50, teaching_point=True,
                                   teachers_above_required_qualification=40))
    assert status_of(policy, facts, CV_QUALIFIED_PRIMARY) is Status.VIOLATED


def test_national_cv_leaves_out_special_education_schools(policy):
    facts = two_schools(300, 100)
    facts["schools"].append(school("sp", special_education=True,
                                   teachers_above_required_qualification=900))
    assert status_of(policy, facts, CV_QUALIFIED_PRIMARY) is Status.SATISFIED


def test_national_cv_is_undetermined_when_a_school_might_be_a_teaching_point(policy):
    facts = two_schools(300, 100)
    del facts["schools"][1]["teaching_point"]
    facts["schools"][1]["students"] = 40
    (finding,) = evaluate(policy, facts, as_of=AS_OF).for_rule(CV_QUALIFIED_PRIMARY)
    assert finding.status is Status.UNDETERMINED and "s2" in finding.explanation.zh


def test_national_cv_with_a_missing_total_is_undetermined(policy):
    facts = two_schools(300, 100)
    del facts["schools"][0]["teachers_above_required_qualification"]
    assert status_of(policy, facts, CV_QUALIFIED_PRIMARY) is Status.UNDETERMINED


def test_national_cv_rules_exist_for_each_indicator_and_stage(policy):
    grouped = [r for r in policy.rules if r.grouped]
    assert len(grouped) == 14
    assert all(r.group_by == ("county", "stage") and r.where is not None for r in grouped)


# ── consistency ────────────────────────────────────────────────────────────────
def test_national_has_no_library_defects_and_reports_its_document_findings(policy):
    report = check_policy(policy)
    assert report.defects == ()
    ids = {issue.id for issue in report.document_findings}
    assert {"national.finding.secondary_transcription",
            "national.finding.weighting_from_explanation",
            "national.finding.exclusion_from_implementing_rules",
            "national.finding.notes_under_item_7",
            "national.finding.nine_year_schools_silent",
            "national.finding.party_unnamed"} <= ids
    assert not any(issue.kind == "count_mismatch" for issue in report.document_findings)


def test_national_count_claims_seven_resource_indicators_and_32_in_all(policy):
    claims = {c.id: (c.stated, c.actual) for c in policy.count_claims}
    assert claims["national.resource_indicators"] == (7, 7)
    assert claims["national.all_indicators"] == (32, 32)


def test_national_other_25_indicators_are_recorded_as_unencoded(policy):
    (unencoded,) = policy.unencoded
    assert "25" in unencoded.reason.zh


def test_national_counts(policy):
    assert len(policy.parameters) == 19
    assert len(policy.rules) == 16
    assert policy.checklist() == ()


@pytest.mark.parametrize("name", ["ziyang", "changping"])
def test_district_plans_link_the_national_method_as_their_aim(name):
    policy = load_policy(name)
    (link,) = [b for b in policy.document.metadata.basis if b.relation == "aims_at"]
    assert link.label == "教督〔2017〕6号"
    assert link.as_captured in policy.document.source.text
    assert "优质均衡" in link.as_captured


# ── exclusions, count claims, findings ─────────────────────────────────────────
def test_national_special_education_school_is_not_judged_under_the_per_school_rule(policy):
    facts = {"schools": [school(special_education=True, equipment_value=0,
                                teaching_space_m2=0)]}
    assert status_of(policy, facts, PRIMARY_RULE) is Status.NOT_APPLICABLE


@pytest.mark.parametrize(("students", "expected"), [
    (49, Status.NOT_APPLICABLE), (50, Status.VIOLATED)])
def test_national_teaching_point_under_50_pupils_is_not_judged_under_the_per_school_rule(
        policy, students, expected):
    facts = {"schools": [school(students=students, teaching_point=True, equipment_value=0,
                                teaching_space_m2=0)]}
    assert status_of(policy, facts, PRIMARY_RULE) is expected


def test_national_per_school_rule_is_undetermined_when_the_school_might_be_excluded(policy):
    record = school(equipment_value=0, teaching_space_m2=0)
    del record["special_education"]
    assert status_of(policy, {"schools": [record]}, PRIMARY_RULE) is Status.UNDETERMINED


def test_national_exclusion_scope_ambiguity_is_a_finding_on_the_per_school_rules(policy):
    (finding,) = [d for d in policy.document_findings
                  if d.id == "national.finding.exclusion_scope_ambiguous"]
    assert finding.kind == "ambiguous"
    assert set(finding.encodings) == {PRIMARY_RULE, JUNIOR_RULE}
    cited = {c.quote for c in policy.rule(PRIMARY_RULE).cites}
    assert "than 50 students from the calculation (Hebei's rules say so)" in cited


def test_national_count_claims_compare_the_texts_numbers_with_its_own_listing(policy):
    claims = {c.id: c for c in policy.count_claims}
    assert (claims["national.parts"].stated, claims["national.parts"].actual) == (4, 4)
    assert (claims["national.resource_part_in_listing"].stated,
            claims["national.resource_part_in_listing"].actual) == (7, 7)
    quotes = {c.quote for c in claims["national.all_indicators"].cites}
    assert "1. Only the 7 above are transcribed here." in quotes   # the 1 of 社会认可度


def test_national_count_claim_fails_when_the_listing_disagrees_with_the_total(policy):
    from dataclasses import replace

    from xuequ_policies.national.findings import count_claims

    document = policy.document
    text = document.source.text.replace("政府保障程度 15", "政府保障程度 14")
    altered = replace(document, source=replace(document.source, text=text))
    claims = {c.id: c for c in count_claims(altered)}
    assert (claims["national.all_indicators"].stated,
            claims["national.all_indicators"].actual) == (32, 31)


def test_national_cv_rule_titles_state_the_coefficient_not_a_percentage(policy):
    assert policy.rule(CV_QUALIFIED_PRIMARY).title.zh.endswith("不超过0.50")
    assert policy.rule(CV_QUALIFIED_JUNIOR).title.zh.endswith("不超过0.45")


def test_national_missing_party_finding_lists_every_rule(policy):
    (finding,) = [d for d in policy.document_findings if d.kind == "missing_party"]
    assert set(finding.encodings) == {rule.id for rule in policy.rules}


def test_national_status_and_issuer_are_findings_as_unverified(policy):
    kinds = {d.id: d.kind for d in policy.document_findings}
    assert kinds["national.finding.status_unverified"] == "unverified_status"
    assert kinds["national.finding.issuer_inferred"] == "inferred_issuer"


@pytest.mark.parametrize(("key", "primary", "junior"), [
    ("qualified_teachers", "4.2", "5.3"), ("sports_space", "7.5", "10.2"),
    ("equipment_value", "2000", "2500")])
def test_national_each_standard_cites_the_words_of_its_own_stages_number(policy, key, primary,
                                                                        junior):
    (primary_cite,) = policy.parameter(f"national.{key}.primary_min").cites
    (junior_cite,) = policy.parameter(f"national.{key}.junior_min").cites
    assert primary in primary_cite.quote and junior not in primary_cite.quote
    assert junior in junior_cite.quote and primary not in junior_cite.quote


def test_national_min_indicators_met_quote_holds_the_6_but_not_the_7(policy):
    (cite,) = policy.parameter("national.school.min_indicators_met").cites
    assert "6" in cite.quote and "7" not in cite.quote
    claims = {c.id: (c.stated, c.actual) for c in policy.count_claims}
    assert claims["national.school_rule_indicators"] == (7, 7)
