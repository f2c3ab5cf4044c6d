"""Seed 001 学区机关管理制度 (undated, issuer unnamed, cut off in article 8): study and duty rules."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from whole_text import (
    assert_citations_name_the_deepest_clause,
    assert_every_normative_sentence_is_accounted_for,
)

from xuequ_rules import Status, check_policy, evaluate, load_policy
from xuequ_rules.document.metadata import StatusState
from xuequ_rules.policy.rule import Modality

AS_OF = dt.date(2018, 1, 1)


@pytest.fixture(scope="module")
def policy():
    return load_policy("xuequ_office")


def status_of(policy, facts, rule, as_of=AS_OF):
    (finding,) = evaluate(policy, facts, as_of=as_of).for_rule(rule)
    return finding.status


def staff(**values):
    return {"staff_years": [{"id": "p1", "year": 2017, **values}]}


def week(**values):
    return {"office_weeks": [{"id": "w1", "week_start": "2017-09-04", **values}]}


# ── document ──────────────────────────────────────────────────────────────────
def test_office_articles_running_inline_become_chapter_and_article_clauses(policy):
    document = policy.document
    assert list(document.ids) == ["序", "第一章", *(f"第一章/第{n}条" for n in
                                                 "一二三四五六七八")]
    assert document.clause("第一章").heading == "学习及工作制度"
    assert document.clause("序").text.startswith("**学区机关管理制度 为了充分发挥学区机关")
    assert "每周星期一上午集中2小时" in document.clause("第一章/第一条").text
    assert document.clause("第一章/第七条").text.startswith("第七条机关建立值日值班制度")
    assert document.clause("第一章/第八条").text.rstrip().endswith("泄露尚未公开的工作机密和领导谈话、")
    assert document.parse_notes == ()


def test_office_metadata_has_no_number_no_date_unknown_status_and_its_basis(policy):
    meta = policy.document.metadata
    assert meta.doc_number is None
    assert meta.dates.issued is None and meta.dates.written is None
    assert meta.status.state is StatusState.UNKNOWN
    assert "采集稿未写明名称" in meta.issuers[0]
    (basis,) = meta.basis
    assert basis.number is not None and basis.number.normalized == "镇教体〔2016〕113号"
    assert basis.title == "关于进一步强化学区职能全面提升小学教育质量的意见"
    assert basis.as_captured in policy.document.source.text


def test_office_text_is_seed_001_lines_58_to_60(policy):
    provenance = policy.document.source.provenance
    assert provenance.capture == "001_fd6bc82bbb007db7.txt"
    assert provenance.collection == "seeds"
    assert [k.lines for k in provenance.kept] == [(58, 60)]
    removed = {r.lines: r.kind.value for r in provenance.removed}
    assert removed[(56, 57)] == "page_chrome" and removed[(88, 90)] == "other_document"


def test_office_erratum_e01_reads_security_discipline_as_secrecy_discipline(policy):
    (located,) = policy.document.source.errata
    assert (located.erratum.id, located.erratum.captured, located.erratum.corrected) == (
        "E01", "保安纪律", "保密纪律")
    assert "严格执行保密纪律" in policy.document.source.corrected


def test_office_parameters(policy):
    values = {p.id: p.value for p in policy.parameters}
    assert values == {"xuequ_office.weekly_session.weekday": 1,
                      "xuequ_office.weekly_session.hours": 2,
                      "xuequ_office.study.sanction_absences": 3,
                      "xuequ_office.study.min_reflections": 2,
                      "xuequ_office.duty.handover_weekday": 1}


# ── 第一条 weekly Monday-morning session of 2 hours ──────────────────────────────
def test_office_session_on_monday_morning_is_satisfied(policy):
    facts = week(study_session_weekday=1, study_session_morning=True)
    assert status_of(policy, facts, "xuequ_office.weekly_session.monday_morning") is \
        Status.SATISFIED


def test_office_session_on_tuesday_or_monday_afternoon_is_violated(policy):
    rule = "xuequ_office.weekly_session.monday_morning"
    assert status_of(policy, week(study_session_weekday=2, study_session_morning=True),
                     rule) is Status.VIOLATED
    assert status_of(policy, week(study_session_weekday=1, study_session_morning=False),
                     rule) is Status.VIOLATED


def test_office_session_day_not_recorded_is_undetermined(policy):
    assert status_of(policy, week(), "xuequ_office.weekly_session.monday_morning") is \
        Status.UNDETERMINED


@pytest.mark.parametrize(("hours", "expected"), [
    (Decimal("2"), Status.SATISFIED), (Decimal("1.99"), Status.VIOLATED),
    (Decimal("2.5"), Status.SATISFIED)])
def test_office_session_of_exactly_2_hours_is_satisfied_and_less_is_violated(
        policy, hours, expected):
    assert status_of(policy, week(study_session_hours=hours),
                     "xuequ_office.weekly_session.two_hours") is expected


# ── 第二条 attendance, written explanations, the three-absences sanction ─────────
def test_office_no_unexcused_absence_lateness_or_early_leaving_is_satisfied(policy):
    facts = staff(unexcused_study_absences=0, unexcused_late_or_early=0)
    assert status_of(policy, facts, "xuequ_office.study.no_unexcused_absence") is \
        Status.SATISFIED


def test_office_one_unexcused_late_arrival_breaches_the_prohibition(policy):
    facts = staff(unexcused_study_absences=0, unexcused_late_or_early=1)
    assert status_of(policy, facts, "xuequ_office.study.no_unexcused_absence") is \
        Status.VIOLATED


def test_office_each_unexcused_absence_needs_a_written_explanation(policy):
    rule = "xuequ_office.study.written_explanation"
    assert status_of(policy, staff(unexcused_study_absences=2, written_explanations=2),
                     rule) is Status.SATISFIED
    assert status_of(policy, staff(unexcused_study_absences=2, written_explanations=1),
                     rule) is Status.VIOLATED
    assert status_of(policy, staff(unexcused_study_absences=0), rule) is Status.NOT_APPLICABLE


def test_office_exactly_three_absences_cancel_the_years_awards_and_promotion(policy):
    rule = "xuequ_office.study.absence_sanction"
    assert status_of(policy, staff(unexcused_study_absences=3,
                                   award_promotion_disqualified=True), rule) is Status.SATISFIED
    assert status_of(policy, staff(unexcused_study_absences=3,
                                   award_promotion_disqualified=False), rule) is Status.VIOLATED


def test_office_four_absences_without_sanction_is_violated(policy):
    facts = staff(unexcused_study_absences=4, award_promotion_disqualified=False)
    assert status_of(policy, facts, "xuequ_office.study.absence_sanction") is Status.VIOLATED


def test_office_two_absences_do_not_trigger_the_sanction(policy):
    facts = staff(unexcused_study_absences=2, award_promotion_disqualified=False)
    assert status_of(policy, facts, "xuequ_office.study.absence_sanction") is \
        Status.NOT_APPLICABLE


def test_office_sanction_with_absences_unknown_is_undetermined(policy):
    assert status_of(policy, staff(), "xuequ_office.study.absence_sanction") is \
        Status.UNDETERMINED


# ── 第四条 notes and reflections ──────────────────────────────────────────────────
@pytest.mark.parametrize(("written", "expected"), [
    (2, Status.SATISFIED), (1, Status.VIOLATED), (3, Status.SATISFIED)])
def test_office_at_least_two_reflections_a_year(policy, written, expected):
    assert status_of(policy, staff(reflections_written=written),
                     "xuequ_office.study.reflections") is expected


def test_office_reflections_not_recorded_is_undetermined(policy):
    assert status_of(policy, staff(), "xuequ_office.study.reflections") is Status.UNDETERMINED


def test_office_study_notes_kept(policy):
    rule = "xuequ_office.study.notes_kept"
    assert status_of(policy, staff(study_notes_kept=True), rule) is Status.SATISFIED
    assert status_of(policy, staff(study_notes_kept=False), rule) is Status.VIOLATED


# ── 第七条 daily sign-in, daily log, weekly duty rota, Monday handover ────────────
def test_office_signing_in_every_working_day_is_satisfied_and_one_day_missing_violated(policy):
    rule = "xuequ_office.duty.daily_sign_in"
    assert status_of(policy, staff(workdays=250, days_signed_in=250), rule) is Status.SATISFIED
    assert status_of(policy, staff(workdays=250, days_signed_in=249), rule) is Status.VIOLATED
    assert status_of(policy, staff(workdays=0, days_signed_in=0), rule) is \
        Status.NOT_APPLICABLE
    assert status_of(policy, staff(workdays=250), rule) is Status.UNDETERMINED


def test_office_week_with_someone_on_duty_and_a_monday_morning_handover(policy):
    facts = week(duty_staff="p1", handover_weekday=1, handover_morning=True,
                 daily_log_kept=True)
    for rule in ("xuequ_office.duty.weekly_rota", "xuequ_office.duty.monday_handover",
                 "xuequ_office.duty.daily_log"):
        assert status_of(policy, facts, rule) is Status.SATISFIED


def test_office_handover_on_tuesday_is_violated_and_unrecorded_is_undetermined(policy):
    rule = "xuequ_office.duty.monday_handover"
    assert status_of(policy, week(handover_weekday=2, handover_morning=True), rule) is \
        Status.VIOLATED
    assert status_of(policy, week(), rule) is Status.UNDETERMINED


def test_office_weekly_rota_week_recorded_with_nobody_on_duty_is_violated(policy):
    assert status_of(policy, week(duty_staff=""), "xuequ_office.duty.weekly_rota") is \
        Status.VIOLATED


def test_office_weekly_rota_week_without_a_duty_record_is_undetermined_not_violated(policy):
    """第七条 实行轮流周值班: a week with no record of who was on duty is a missing fact."""
    assert status_of(policy, week(), "xuequ_office.duty.weekly_rota") is Status.UNDETERMINED


# ── checklist duties ──────────────────────────────────────────────────────────────
def test_office_confidentiality_is_a_checklist_prohibition_attested_denied_or_missing(policy):
    rule_id = "xuequ_office.duty.confidentiality"
    rule = policy.rule(rule_id)
    assert rule.is_checklist and rule.kind is Modality.PROHIBITION
    assert status_of(policy, {"attestations": {rule_id: True}}, rule_id) is Status.SATISFIED
    assert status_of(policy, {"attestations": {rule_id: False}}, rule_id) is Status.VIOLATED
    assert status_of(policy, {}, rule_id) is Status.UNDETERMINED


def test_office_checklist_names_the_parties_of_articles_two_and_six(policy):
    parties = {r.id: r.party.zh for r in policy.checklist()}
    assert parties["xuequ_office.duty.study_organised"] == "学区主任"
    assert parties["xuequ_office.duty.study_assessed"] == "办公室负责人"
    assert parties["xuequ_office.duty.task_allocation"] == "主任或办公室负责人"
    assert len(parties) == 25


# ── consistency ────────────────────────────────────────────────────────────────
def test_office_has_no_library_defects_and_reports_its_document_findings(policy):
    report = check_policy(policy)
    assert report.defects == ()
    assert {issue.id for issue in report.document_findings} == {
        "xuequ_office.validity.none_stated",
        "xuequ_office.finding.issuer_and_date_unnamed",
        "xuequ_office.finding.basis_issuer_code_mismatch",
        "xuequ_office.finding.truncated",
        "xuequ_office.finding.sanction_threshold_ambiguous",
        "xuequ_office.finding.missing_party",
        "xuequ_office.finding.security_for_secrecy"}


def test_office_truncated_article_eight_is_recorded_as_unencoded(policy):
    (unencoded,) = [u for u in policy.unencoded if u.cite.clause == "第一章/第八条"]
    assert "第八条" in unencoded.reason.zh and unencoded.cite.quote.endswith("领导谈话、")


def test_office_counts(policy):
    assert len(policy.parameters) == 5
    assert len(policy.rules) == 36
    assert len(policy.rules) - len(policy.checklist()) == 11
    assert Decimal(policy.parameter("xuequ_office.weekly_session.hours").value) == 2


# ── 第三条 提倡 is encouragement; 自行安排 is a freedom ────────────────────────────
def test_office_mutual_and_self_study_is_encouraged_and_never_violated(policy):
    rule_id = "xuequ_office.duty.mutual_and_self_study"
    assert policy.rule(rule_id).kind is Modality.PERMISSION
    assert policy.rule(rule_id).cites[0].quote == "提倡业务互学及自学"
    assert status_of(policy, {"attestations": {rule_id: False}}, rule_id) is not Status.VIOLATED
    assert status_of(policy, {"attestations": {rule_id: True}}, rule_id) is Status.SATISFIED


def test_office_diligent_study_duty_no_longer_carries_the_encouragement(policy):
    duty = policy.rule("xuequ_office.duty.study_diligently")
    assert duty.kind is Modality.OBLIGATION and "提倡" not in duty.cites[0].quote


def test_office_self_arranged_study_time_and_open_content_list_are_unencoded_with_reasons(policy):
    article_three = {u.cite.quote: u.reason for u in policy.unencoded
                     if u.cite.clause == "第一章/第三条"}
    assert any("自行安排" in quote for quote in article_three)
    assert any(quote.endswith("管理方面的知识等") for quote in article_three)
    assert all("等" in r.zh or "自由" in r.zh for r in article_three.values())


def test_office_article_one_heading_sentence_is_unencoded_because_its_practice_is_encoded(policy):
    (entry,) = [u for u in policy.unencoded if u.cite.clause == "第一章/第一条"]
    assert entry.cite.quote == "重视工作人员政治和业务学习"
    assert "xuequ_office.weekly_session" in entry.reason.zh


def test_office_confidentiality_cites_the_corrected_secrecy_discipline_sentence(policy):
    quotes = [c.quote for c in policy.rule("xuequ_office.duty.confidentiality").cites]
    assert "严格执行保密纪律" in quotes


# ── parties: named in the article, or listed in the one missing_party finding ─────
def test_office_party_is_listed_as_missing_party_exactly_when_its_article_omits_it(policy):
    assert_parties_named_or_listed(policy)


def test_office_article_two_rules_name_the_members_the_text_names(policy):
    for rule_id in ("xuequ_office.study.no_unexcused_absence",
                    "xuequ_office.study.written_explanation"):
        assert policy.rule(rule_id).party.zh == "机关成员"


def test_office_numeral_inside_a_word_is_a_declared_term(policy):
    assert [term.text for term in policy.terms] == ["一时"]
    assert "一时无法确定" in policy.document.source.text


def assert_parties_named_or_listed(policy):
    (finding,) = [f for f in policy.document_findings if f.kind == "missing_party"]
    listed = set(finding.encodings)
    document = policy.document
    for rule in policy.rules:
        texts = []
        for cite in rule.cites:
            clause = document.clause(cite.clause)
            texts.append(document.full_text(clause))
            texts.extend(document.corrected_text(a) for a in document.walk()
                         if clause.id.startswith(a.id + "/"))
        assert (rule.id in listed) is not any(rule.party.zh in text for text in texts), rule.id
    assert all(policy.rule(rule_id) for rule_id in listed)


# ── whole-text coverage: citations at the deepest clause; every normative sentence ──
def test_office_every_citation_names_the_deepest_clause_holding_its_quote(policy):
    assert_citations_name_the_deepest_clause(policy)


def test_office_every_normative_sentence_is_encoded_or_unencoded_with_a_reason(policy):
    assert assert_every_normative_sentence_is_accounted_for(policy) >= 20
