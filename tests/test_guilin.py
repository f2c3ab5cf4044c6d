"""Guilin draft for comments: never in force, truncated; zone forms and the 10-school limit."""

from __future__ import annotations

import datetime as dt

import pytest
from whole_text import (
    assert_citations_name_the_deepest_clause,
    assert_every_normative_sentence_is_accounted_for,
)

from xuequ_rules import Status, check_policy, evaluate, load_policy
from xuequ_rules.document.metadata import StatusState
from xuequ_rules.facts.model import ZoneForm
from xuequ_rules.policy.expr import IsIn
from xuequ_rules.policy.rule import Modality

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


def test_guilin_draft_status_states_the_final_version_only_as_unverified(policy):
    (finding,) = [f for f in policy.document_findings if f.kind == "draft_status"]
    assert "无法" in finding.text.zh and "核实" in finding.text.zh
    assert "cannot be verified" in finding.text.en
    assert "资料库之外的信息称定稿为" in finding.text.zh


def test_guilin_missing_party_is_one_finding_listing_exactly_the_parties_the_text_omits(policy):
    (finding,) = [f for f in policy.document_findings if f.kind == "missing_party"]
    document = policy.document

    def named(rule):
        clauses = {document.clause(cite.clause) for cite in rule.cites}
        texts = [document.full_text(c) for c in clauses]
        texts += [document.corrected_text(a) for a in document.walk()
                  for c in clauses if c.id.startswith(a.id + "/")]
        return any(rule.party.zh in text for text in texts)

    assert {rule.id for rule in policy.rules if not named(rule)} == set(finding.encodings)
    assert "guilin.zone.forms" in finding.encodings


def test_guilin_numerals_in_names_are_declared_terms(policy):
    terms = {term.text for term in policy.terms}
    assert terms == {"十八大", "十八届三中、四中、五中、六中全会", "六统一"}
    text = policy.document.source.text
    assert all(term in text for term in terms)
    assert policy.parameter("guilin.zone.six_unifications").derived is not None


def test_guilin_truncation_is_recorded_as_unencoded(policy):
    clauses = [u.cite.clause for u in policy.unencoded]
    assert "三/(一)/2/(2)" in clauses
    (missing,) = [u for u in policy.unencoded if u.cite.clause == "三/(一)/2/(2)"]
    assert "截断" in missing.reason.zh and "stops" in missing.reason.en


def test_guilin_counts(policy):
    assert len(policy.parameters) == 3
    assert len(policy.rules) == 16
    assert len(policy.checklist()) == 11


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


# ── forms: 可采取…等多种组合形式 is a permission over an open list (三/(一)/2) ────────
@pytest.mark.parametrize("form", ["urban_rural_assistance", "education_group", "school_alliance"])
def test_guilin_zone_forms_listed_form_is_permitted(policy, form):
    assert status_of(policy, zone(form=form), "guilin.zone.forms") is Status.SATISFIED


def test_guilin_school_alliance_form_is_not_violated_because_forms_list_is_open(policy):
    assert status_of(policy, zone(form="school_alliance"), "guilin.zone.forms") \
        is not Status.VIOLATED


def test_guilin_zone_forms_combined_or_unlisted_form_is_undetermined_not_violated(policy):
    assert status_of(policy, zone(form="other"), "guilin.zone.forms") is Status.UNDETERMINED


@pytest.mark.parametrize("form", [*[form.value for form in ZoneForm], None])
def test_guilin_zone_forms_no_form_is_ever_violated_because_the_text_only_permits(policy, form):
    facts = zone() if form is None else zone(form=form)
    assert status_of(policy, facts, "guilin.zone.forms") is not Status.VIOLATED


def test_guilin_zone_forms_rule_is_a_permission_over_an_open_list(policy):
    rule = policy.rule("guilin.zone.forms")
    assert rule.kind is Modality.PERMISSION
    assert isinstance(rule.requires, IsIn) and rule.requires.open
    assert any("等多种组合形式" in cite.quote for cite in rule.cites)


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


def test_guilin_town_village_zone_lead_school_is_attested_town_centre_not_any_named_school(policy):
    """三/(一)/2/(1): 乡镇中心校…自身作为牵头学校; a recorded lead-school name proves nothing."""
    duty = "guilin.duty.town_centre_leads_village_zone"
    facts = zone(form="urban_rural_assistance", sub_form="town_village_point",
                 lead_school="某村小学")
    zone_rules = [rule.id for rule in policy.rules if rule.subject == "zones"]
    assert all(status_of(policy, facts, rule_id) is not Status.SATISFIED
               for rule_id in zone_rules if policy.rule(rule_id).concept == "zone.lead_school")
    assert status_of(policy, facts, duty) is Status.UNDETERMINED
    assert status_of(policy, {**facts, "attestations": {duty: False}}, duty) is Status.VIOLATED
    assert status_of(policy, {**facts, "attestations": {duty: True}}, duty) is Status.SATISFIED
    assert "牵头学校" in policy.rule(duty).cites[0].quote
    assert policy.rule(duty).party.zh == "乡镇中心校"


def test_guilin_town_village_zone_town_centre_also_joins_a_county_town_zone(policy):
    duty = policy.rule("guilin.duty.town_centre_joins_county_zone")
    assert duty.cites[0].quote == "乡镇中心校在参加与县城优质学校组成学区的同时"
    assert status_of(policy, {"attestations": {duty.id: False}}, duty.id) is Status.VIOLATED


# ── members: 同学段 / 相同学段另一乡镇 薄弱学校 (三/(一)/2/(1)) ──────────────────────
def test_guilin_urban_town_members_same_stage_weak_is_a_cited_duty(policy):
    duty = policy.rule("guilin.duty.urban_town_members")
    assert "同学段" in duty.cites[0].quote and "薄弱学校" in duty.cites[0].quote
    assert status_of(policy, {"attestations": {duty.id: False}}, duty.id) is Status.VIOLATED
    assert status_of(policy, {}, duty.id) is Status.UNDETERMINED


def test_guilin_town_town_members_same_stage_from_another_township_is_a_cited_duty(policy):
    duty = policy.rule("guilin.duty.town_town_members")
    quote = duty.cites[0].quote
    assert "相同学段" in quote and "另一乡镇" in quote and "薄弱学校" in quote
    assert status_of(policy, {"attestations": {duty.id: True}}, duty.id) is Status.SATISFIED


def test_guilin_assistance_raising_rural_schools_cites_both_sub_forms_unambiguously(policy):
    duty = policy.rule("guilin.duty.assistance_raises_rural_schools")
    text = policy.document.clause("三/(一)/2/(1)").text
    assert len(duty.cites) == 2
    assert all(text.count(cite.quote) == 1 for cite in duty.cites)


# ── 相对就近 is a principle for grouping schools (三/(一)/1) ─────────────────────────
def test_guilin_zoning_nearness_principle_is_not_the_proximity_enrolment_concept(policy):
    zoning = policy.rule("guilin.duty.zoning")
    assert zoning.concept == "zone.zoning_principles"
    assert all(rule.concept != "zone.proximity_enrolment" for rule in policy.rules)
    assert any("相对就近" in cite.quote for cite in zoning.cites)


def test_guilin_nearness_and_another_township_tension_is_reported(policy):
    finding = next(f for f in policy.document_findings
                   if f.id == "guilin.finding.nearness_and_another_township")
    assert {c.clause for c in finding.cites} == {"三/(一)/1", "三/(一)/2/(1)"}


# ── 二 goals (G-7) and the guiding ideology ───────────────────────────────────────
def test_guilin_goals_reform_practice_duty_cites_part_two(policy):
    duty = policy.rule("guilin.duty.reform_practice")
    assert duty.cites[0].clause == "二" and "积极开展学区制改革实践与探索" in duty.cites[0].quote


def test_guilin_guiding_ideology_and_public_good_principle_are_unencoded_with_reasons(policy):
    quotes = {u.cite.quote: u.reason for u in policy.unencoded}
    assert any("坚持教育公益性原则" in q for q in quotes)
    assert any("立德树人" in q for q in quotes)
    assert all(reason.zh and reason.en for reason in quotes.values())


# ── checklist ─────────────────────────────────────────────────────────────────
def test_guilin_six_unifications_duty_attested_missing_or_denied(policy):
    rule = "guilin.duty.six_unifications"
    assert status_of(policy, {"attestations": {rule: True}}, rule) is Status.SATISFIED
    assert status_of(policy, {"attestations": {rule: False}}, rule) is Status.VIOLATED
    assert status_of(policy, {}, rule) is Status.UNDETERMINED
    assert "资源配置" in str(policy.parameter("guilin.zone.six_unifications").value)


# ── whole-text coverage: citations at the deepest clause; every normative sentence ──
def test_guilin_every_citation_names_the_deepest_clause_holding_its_quote(policy):
    assert_citations_name_the_deepest_clause(policy)


def test_guilin_every_normative_sentence_is_encoded_or_unencoded_with_a_reason(policy):
    assert assert_every_normative_sentence_is_accounted_for(policy) >= 8
