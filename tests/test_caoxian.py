"""Caoxian school student rules, three captures: entry, guest pupils, suspension, transfer,
withdrawal; each capture encoded from its own text."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from xuequ_rules import Status, check_policy, evaluate, load_policy
from xuequ_rules.document.metadata import StatusState
from xuequ_rules.registry import packages

AS_OF = dt.date(2024, 9, 1)
VERSIONS = ("capture-1", "capture-2", "capture-3")
ENTRY = "caoxian.entry.age_and_hukou"


@pytest.fixture(scope="module", params=VERSIONS)
def any_policy(request):
    return load_policy(f"caoxian@{request.param}")


@pytest.fixture(scope="module")
def policy():
    return load_policy("caoxian@capture-3")


def status_of(policy, student, rule):
    (finding,) = evaluate(policy, {"students": [{"id": "p1", **student}]},
                          as_of=AS_OF).for_rule(rule)
    return finding.status


def statuses(policy, student):
    result = evaluate(policy, {"students": [{"id": "p1", **student}]}, as_of=AS_OF)
    return {f.rule.id: f.status for f in result.findings}


# ── document and versions ─────────────────────────────────────────────────────
def test_caoxian_has_three_captures_sharing_one_build_function():
    package = packages()["caoxian"]
    assert package.versions() == VERSIONS
    assert package.current_version() == "capture-3"
    assert len({package.builders[v] for v in VERSIONS}) == 1


def test_caoxian_metadata_school_rules_of_unknown_status(policy):
    meta = policy.document.metadata
    assert meta.issuers == ("曹县师范学校附属小学",)
    assert meta.status.state is StatusState.UNKNOWN
    assert meta.doc_number is None and meta.dates.issued is None
    assert meta.basis == ()


def test_caoxian_clause_ids_are_the_same_in_every_capture(any_policy):
    document = any_policy.document
    assert document.parse_notes == ()
    for clause_id in ("一", "一/(一)", "一/(四)", "二/(一)", "二/(三)", "三/(一)", "三/(六)"):
        assert document.has_clause(clause_id)
    assert document.clause("一").heading == "入学"
    assert document.clause("三").heading == "转学"


def test_caoxian_captures_stop_at_different_points():
    ids = {v: load_policy(f"caoxian@{v}").document.ids for v in VERSIONS}
    assert ids["capture-1"][-1] == "三/(六)"
    assert ids["capture-2"][-1] == "四/(一)/2"
    assert ids["capture-3"][-1] == "四/(二)"
    assert load_policy("caoxian@capture-2").document.clause("四/(一)/2").text.rstrip() \
        .endswith("二是因患流行性")


def test_caoxian_entry_clause_text_differs_only_in_capture_2():
    texts = {v: load_policy(f"caoxian@{v}").document.clause("一/(一)").text for v in VERSIONS}
    assert texts["capture-1"] == texts["capture-3"] == \
        "(一)一年级,凡年满6周岁、户口在本学区的正常儿童入学。 "
    assert texts["capture-2"] == "(一)六年级,凡年满12周岁、户口在本学区的正常儿童入学。 "


def test_caoxian_errata_correct_the_garbled_words_of_every_capture():
    for version in VERSIONS:
        document = load_policy(f"caoxian@{version}").document
        corrected = {item.erratum.captured: item.erratum.corrected
                     for item in document.source.errata}
        assert corrected["因严格疾病"] == "因严重疾病"


def test_caoxian_capture2_entry_clause_is_that_versions_text_not_an_erratum():
    document = load_policy("caoxian@capture-2").document
    captured = {item.erratum.captured for item in document.source.errata}
    assert not captured & {"六年级", "12周岁", "学校学生管理制度"}
    clause = document.clause("一/(一)")
    assert document.corrected_text(clause) == clause.text
    assert "六年级,凡年满12周岁" in document.corrected_text(clause)


def test_caoxian_capture2_divergent_entry_finding_names_the_entry_encodings():
    policy = load_policy("caoxian@capture-2")
    (finding,) = [d for d in policy.document_findings
                  if d.id == "caoxian.finding.divergent_entry_capture"]
    assert finding.kind == "capture_divergence"
    assert "caoxian.entry.age_and_hukou" in finding.encodings
    assert "不以勘误改正" in finding.text.zh and "not corrected" in finding.text.en


def test_caoxian_every_capture_checks_without_defects(any_policy):
    report = check_policy(any_policy)
    assert report.defects == ()
    kinds = {finding.id: finding.kind for finding in report.document_findings}
    assert kinds["caoxian.finding.hukou_property_gap"] == "gap"
    assert kinds["caoxian.finding.suspension_approval_chain"] == "ambiguous_procedure"
    assert kinds["caoxian.finding.fee_for_keeping_enrolment"] == "legal_concern"
    assert ("caoxian.finding.divergent_entry_capture" in kinds) is \
        (any_policy.version == "capture-2")
    assert not [f for f in report.document_findings if f.kind == "count_mismatch"]


def test_caoxian_counts_follow_what_each_capture_contains():
    counts = {v: (len(load_policy(f"caoxian@{v}").parameters),
                  len(load_policy(f"caoxian@{v}").rules),
                  len(load_policy(f"caoxian@{v}").checklist())) for v in VERSIONS}
    assert counts == {"capture-1": (6, 27, 16), "capture-2": (8, 31, 17),
                      "capture-3": (9, 34, 19)}


def test_caoxian_truncation_and_unnamed_instructions_are_unencoded(any_policy):
    reasons = {u.cite.clause: u.reason for u in any_policy.unencoded}
    assert "一/(四)" in reasons
    last = any_policy.document.ids[-1]
    assert last in reasons
    assert "缺失" in reasons[last].zh and "missing" in reasons[last].en


# ── entry: each capture's own numbers ─────────────────────────────────────────
@pytest.mark.parametrize(("version", "grade", "age", "quote"), [
    ("capture-1", 1, 6, "一年级,凡年满6周岁"),
    ("capture-2", 6, 12, "六年级,凡年满12周岁"),
    ("capture-3", 1, 6, "一年级,凡年满6周岁"),
])
def test_caoxian_entry_parameters_are_read_from_each_capture(version, grade, age, quote):
    policy = load_policy(f"caoxian@{version}")
    assert policy.parameter("caoxian.entry.grade").value == grade
    assert policy.parameter("caoxian.entry.min_age").value == age
    assert policy.parameter("caoxian.entry.min_age").cites[0].quote == quote
    assert policy.rule(ENTRY).cites[0].quote == quote


def test_caoxian_same_pupil_differs_between_capture_1_and_2_exactly_on_the_entry_rule():
    pupil = {"new_entrant": True, "grade": 1, "age": 6, "hukou_local": True,
             "property_local": True, "guest_student": False}
    first = statuses(load_policy("caoxian@capture-1"), pupil)
    second = statuses(load_policy("caoxian@capture-2"), pupil)
    common = first.keys() & second.keys()
    assert {rule for rule in common if first[rule] != second[rule]} == {ENTRY}
    assert first[ENTRY] is Status.SATISFIED
    assert second[ENTRY] is Status.NOT_APPLICABLE
    # the rules only capture 2 has come from part 四, which capture 1 lacks
    assert all(rule.startswith(("caoxian.withdrawal.", "caoxian.duty.illness"))
               for rule in second.keys() - first.keys())


def test_caoxian_same_pupil_differs_between_capture_2_and_3_exactly_on_the_entry_rule():
    pupil = {"new_entrant": True, "grade": 6, "age": 12, "hukou_local": True}
    second = statuses(load_policy("caoxian@capture-2"), pupil)
    third = statuses(load_policy("caoxian@capture-3"), pupil)
    common = second.keys() & third.keys()
    assert {rule for rule in common if second[rule] != third[rule]} == {ENTRY}
    assert second[ENTRY] is Status.SATISFIED and third[ENTRY] is Status.NOT_APPLICABLE


@pytest.mark.parametrize(("age", "expected"), [
    (6, Status.SATISFIED), (5, Status.VIOLATED), (7, Status.SATISFIED),
    (None, Status.UNDETERMINED),
])
def test_caoxian_grade_one_entrant_of_age(policy, age, expected):
    pupil = {"new_entrant": True, "grade": 1, "hukou_local": True}
    if age is not None:
        pupil["age"] = age
    assert status_of(policy, pupil, ENTRY) is expected


@pytest.mark.parametrize(("age", "expected"), [
    (12, Status.SATISFIED), (11, Status.VIOLATED), (13, Status.SATISFIED),
])
def test_caoxian_capture_2_grade_six_entrant_of_age(age, expected):
    pupil = {"new_entrant": True, "grade": 6, "hukou_local": True, "age": age}
    assert status_of(load_policy("caoxian@capture-2"), pupil, ENTRY) is expected


def test_caoxian_entry_rule_does_not_apply_to_non_local_or_old_pupils(policy):
    assert status_of(policy, {"new_entrant": True, "grade": 1, "hukou_local": False, "age": 5},
                     ENTRY) is Status.NOT_APPLICABLE
    assert status_of(policy, {"new_entrant": False, "grade": 1, "hukou_local": True, "age": 5},
                     ENTRY) is Status.NOT_APPLICABLE


def test_caoxian_new_entrant_without_hukou_and_property_is_a_guest_pupil(policy):
    rule = "caoxian.entry.guest_student"
    base = {"new_entrant": True, "hukou_local": False, "property_local": False}
    assert status_of(policy, {**base, "guest_student": True}, rule) is Status.SATISFIED
    assert status_of(policy, {**base, "guest_student": False}, rule) is Status.VIOLATED
    assert status_of(policy, base, rule) is Status.UNDETERMINED
    assert status_of(policy, {**base, "property_local": True}, rule) is Status.NOT_APPLICABLE


# ── suspension ────────────────────────────────────────────────────────────────
@pytest.mark.parametrize(("months", "expected"), [
    (Decimal("3"), Status.SATISFIED), (Decimal("2.9"), Status.VIOLATED), (Decimal("4"), Status.SATISFIED),
    (None, Status.UNDETERMINED),
])
def test_caoxian_2_1_suspension_granted_needs_three_months_of_leave(any_policy, months,
                                                                     expected):
    pupil = {"suspended": True}
    if months is not None:
        pupil["absence_months"] = months
    assert status_of(any_policy, pupil, "caoxian.suspension.needs_three_months_leave") \
        is expected


@pytest.mark.parametrize(("years", "extensions", "expected"), [
    (1, 0, Status.SATISFIED),
    ({"value": 13, "unit": "月"}, 0, Status.VIOLATED),
    ({"value": 11, "unit": "月"}, 0, Status.SATISFIED),
    (2, 1, Status.SATISFIED),
    ({"value": 25, "unit": "月"}, 1, Status.VIOLATED),
    (2, None, Status.UNDETERMINED),
    ({"value": 6, "unit": "月"}, None, Status.SATISFIED),
    (3, 2, Status.VIOLATED),
])
def test_caoxian_suspension_lasts_one_year_or_two_with_its_one_extension(policy, years,
                                                                          extensions, expected):
    pupil = {"suspended": True, "suspension_years": years}
    if extensions is not None:
        pupil["extensions"] = extensions
    assert status_of(policy, pupil, "caoxian.suspension.term") is expected


@pytest.mark.parametrize(("extensions", "expected"), [
    (0, Status.SATISFIED), (1, Status.SATISFIED), (2, Status.VIOLATED),
])
def test_caoxian_suspension_may_be_extended_once(policy, extensions, expected):
    pupil = {"suspended": True, "extensions": extensions}
    assert status_of(policy, pupil, "caoxian.suspension.one_extension") is expected


def test_caoxian_suspension_rules_do_not_apply_to_pupils_not_suspended(policy):
    pupil = {"suspended": False, "extensions": 5}
    assert status_of(policy, pupil, "caoxian.suspension.one_extension") is Status.NOT_APPLICABLE


# ── transfer ──────────────────────────────────────────────────────────────────
def test_caoxian_school_must_not_admit_transfer_with_incomplete_papers(policy):
    rule = "caoxian.transfer.no_incomplete_papers"
    assert status_of(policy, {"transfer_in": True, "transfer_documents_complete": False},
                     rule) is Status.VIOLATED
    assert status_of(policy, {"transfer_in": True, "transfer_documents_complete": True},
                     rule) is Status.SATISFIED
    assert status_of(policy, {"transfer_in": True}, rule) is Status.UNDETERMINED
    assert status_of(policy, {"transfer_in": False}, rule) is Status.NOT_APPLICABLE


def test_caoxian_graduating_class_is_normally_not_transferred(policy):
    rule = "caoxian.transfer.not_graduating_class"
    assert policy.rule(rule).in_principle
    assert status_of(policy, {"graduating_class": True, "transfer_out": True},
                     rule) is Status.VIOLATED
    assert status_of(policy, {"graduating_class": True, "transfer_out": False,
                              "transfer_in": False}, rule) is Status.SATISFIED
    assert status_of(policy, {"graduating_class": False, "transfer_out": True},
                     rule) is Status.NOT_APPLICABLE


def test_caoxian_transfers_are_normally_between_terms(policy):
    rule = "caoxian.transfer.between_terms"
    assert status_of(policy, {"transfer_in": True, "transfer_during_term": True},
                     rule) is Status.VIOLATED
    assert status_of(policy, {"transfer_in": True, "transfer_during_term": False},
                     rule) is Status.SATISFIED


def test_caoxian_transfer_without_proper_reason_makes_a_guest_pupil(policy):
    rule = "caoxian.transfer.no_reason_guest_student"
    base = {"transfer_in": True, "transfer_reason_proper": False}
    assert status_of(policy, {**base, "guest_student": True}, rule) is Status.SATISFIED
    assert status_of(policy, {**base, "guest_student": False}, rule) is Status.VIOLATED
    assert status_of(policy, {"transfer_in": True, "transfer_reason_proper": True},
                     rule) is Status.NOT_APPLICABLE


# ── withdrawal ────────────────────────────────────────────────────────────────
@pytest.mark.parametrize(("years", "expected"), [
    (2, Status.SATISFIED), (Decimal("1.99"), Status.VIOLATED), (3, Status.SATISFIED),
])
def test_caoxian_withdrawal_for_illness_needs_two_years_of_suspension(policy, years, expected):
    pupil = {"withdrawn": True, "withdrawal_reason": "long_illness", "suspension_years": years}
    assert status_of(policy, pupil, "caoxian.withdrawal.long_illness") is expected


@pytest.mark.parametrize(("age", "requested", "expected"), [
    (16, True, Status.SATISFIED), (15, True, Status.VIOLATED), (17, True, Status.SATISFIED),
    (16, False, Status.VIOLATED), (16, None, Status.UNDETERMINED),
])
def test_caoxian_developmental_withdrawal_at_sixteen_on_request(policy, age, requested,
                                                                 expected):
    pupil = {"withdrawn": True, "withdrawal_reason": "developmental_disability", "age": age}
    if requested is not None:
        pupil["withdrawal_requested_by_family"] = requested
    assert status_of(policy, pupil, "caoxian.withdrawal.developmental_age_and_request") \
        is expected


@pytest.mark.parametrize(("degrees", "expected"), [
    (1200, Status.SATISFIED), (1199, Status.VIOLATED), (1300, Status.SATISFIED),
])
def test_caoxian_withdrawal_for_myopia_of_1200_degrees(policy, degrees, expected):
    pupil = {"withdrawn": True, "withdrawal_reason": "severe_myopia", "myopia_degrees": degrees}
    assert status_of(policy, pupil, "caoxian.withdrawal.severe_myopia") is expected


@pytest.mark.parametrize(("version", "reason", "expected"), [
    ("capture-3", "family_hardship", Status.SATISFIED),
    ("capture-3", "employment", Status.SATISFIED),
    ("capture-3", "other", Status.VIOLATED),
    ("capture-2", "long_illness", Status.SATISFIED),
    ("capture-2", "serious_disease", Status.SATISFIED),
])
def test_caoxian_4_1_withdrawal_only_for_reasons_the_capture_lists(version, reason, expected):
    pupil = {"withdrawn": True, "withdrawal_reason": reason}
    assert status_of(load_policy(f"caoxian@{version}"), pupil,
                     "caoxian.withdrawal.listed_reasons_only") is expected


def test_caoxian_withdrawal_rules_exist_only_where_the_capture_has_part_four():
    rule_ids = {v: {r.id for r in load_policy(f"caoxian@{v}").rules} for v in VERSIONS}
    assert not any(r.startswith("caoxian.withdrawal.") for r in rule_ids["capture-1"])
    assert "caoxian.withdrawal.severe_myopia" not in rule_ids["capture-2"]
    assert "caoxian.withdrawal.severe_myopia" in rule_ids["capture-3"]


def test_caoxian_capture_3_counts_the_listed_withdrawal_cases(policy):
    claims = {c.id: (c.stated, c.actual) for c in policy.count_claims}
    assert claims == {"caoxian.withdrawal.health_cases": (3, 3),
                      "caoxian.withdrawal.family_cases": (2, 2)}


# ── checklist ─────────────────────────────────────────────────────────────────
def test_caoxian_checklist_duty_attested_missing_or_denied(policy):
    rule = "caoxian.duty.suspension_recorded"
    assert policy.rule(rule).is_checklist
    assert status_of(policy, {}, rule) is Status.UNDETERMINED
    result = evaluate(policy, {"attestations": {rule: True}}, as_of=AS_OF)
    assert result.for_rule(rule)[0].status is Status.SATISFIED
    result = evaluate(policy, {"attestations": {rule: False}}, as_of=AS_OF)
    assert result.for_rule(rule)[0].status is Status.VIOLATED


def test_caoxian_acceptance_certificate_quote_keeps_each_captures_page_break():
    quotes = {v: load_policy(f"caoxian@{v}").rule("caoxian.duty.acceptance_certificate")
              .cites[0].quote for v in VERSIONS}
    assert quotes["capture-1"] == quotes["capture-3"] == "事先必须本校办理接 收证"
    assert quotes["capture-2"] == "事先必须本校办理接\n\n收证"


@pytest.mark.parametrize("reason", ["family_hardship", "employment", "severe_myopia", "other"])
def test_caoxian_capture2_withdrawal_reason_not_in_truncated_list_is_undetermined(reason):
    pupil = {"withdrawn": True, "withdrawal_reason": reason}
    assert status_of(load_policy("caoxian@capture-2"), pupil,
                     "caoxian.withdrawal.listed_reasons_only") is Status.UNDETERMINED


def test_caoxian_capture2_truncated_withdrawal_list_is_open_and_reported():
    policy = load_policy("caoxian@capture-2")
    rule = policy.rule("caoxian.withdrawal.listed_reasons_only")
    assert rule.forbids.item.open
    assert "截断" in rule.note.zh and "not closed" in rule.note.en
    (finding,) = [d for d in policy.document_findings if d.kind == "truncated"]
    assert finding.encodings == ("caoxian.withdrawal.listed_reasons_only",)
    assert not load_policy("caoxian@capture-3").rule(
        "caoxian.withdrawal.listed_reasons_only").forbids.item.open


def test_caoxian_4_1_2_lupus_withdrawal_is_a_listed_serious_disease_without_degrees(policy):
    pupil = {"withdrawn": True, "withdrawal_reason": "serious_disease"}
    found = statuses(policy, pupil)
    assert found["caoxian.withdrawal.listed_reasons_only"] is Status.SATISFIED
    assert found["caoxian.withdrawal.severe_myopia"] is Status.NOT_APPLICABLE
    rule = policy.rule("caoxian.withdrawal.severe_myopia")
    assert "红斑狼疮" in rule.note.zh


def test_caoxian_4_1_2_cases_are_what_the_reason_generally_means(policy):
    assert policy.rule("caoxian.withdrawal.severe_myopia").in_principle
    assert policy.rule("caoxian.withdrawal.developmental_age_and_request").in_principle
    reasons = {u.cite.clause: u.reason for u in policy.unencoded}
    assert "丧失学习能力" in reasons["四/(一)/2"].zh


def test_caoxian_2_2_suspension_approval_chain_is_a_checklist_procedure(any_policy):
    rule = any_policy.rule("caoxian.duty.suspension_approval")
    assert rule.is_checklist and rule.modality.value == "procedure"
    assert rule.cites[0].quote == "经班主任签署意见,或教导处审批,校长同意后"
    assert rule.party.zh == "班主任、教导处、校长"
    assert status_of(any_policy, {}, rule.id) is Status.UNDETERMINED
    result = evaluate(any_policy, {"attestations": {rule.id: False}}, as_of=AS_OF)
    assert result.for_rule(rule.id)[0].status is Status.VIOLATED


def test_caoxian_3_2_transfer_certificate_only_after_the_other_schools_acceptance(policy):
    rule = policy.rule("caoxian.duty.transfer_certificate")
    assert rule.cites[0].quote.startswith("待学生持有外校的接收证后")
    assert "方可" in rule.note.zh


def test_caoxian_4_2_withdrawal_report_is_the_pupils_and_approval_the_schools(policy):
    assert policy.rule("caoxian.duty.withdrawal_application").party.zh == "学生"
    assert policy.rule("caoxian.duty.withdrawal_approval").party.zh == "班主任、教导处、校长"


def test_caoxian_capture3_flags_withdrawal_for_work_and_for_disability_as_legal_concerns(
        policy):
    kinds = {d.id: d.kind for d in policy.document_findings}
    assert kinds["caoxian.finding.withdrawal_for_work"] == "legal_concern"
    assert kinds["caoxian.finding.withdrawal_of_disabled_pupils"] == "legal_concern"
    assert kinds["caoxian.finding.registration_all_local_vs_guests"] == "contradiction"
    assert kinds["caoxian.finding.county_regiment_level"] == "undefined_term"


def test_caoxian_unnamed_parties_are_listed_in_one_missing_party_finding(any_policy):
    (finding,) = [d for d in any_policy.document_findings if d.kind == "missing_party"]
    assert "caoxian.entry.age_and_hukou" in finding.encodings
    assert "caoxian.transfer.no_incomplete_papers" not in finding.encodings
    for rule_id in finding.encodings:
        assert any_policy.rule(rule_id).party.zh == "学校"


def test_caoxian_capture2_missing_title_is_a_finding_not_an_imported_erratum():
    kinds = {d.id: d.kind for d in load_policy("caoxian@capture-2").document_findings}
    assert kinds["caoxian.finding.capture_without_title"] == "capture_divergence"
    assert "caoxian.finding.capture_without_title" not in {
        d.id for d in load_policy("caoxian@capture-3").document_findings}


def test_caoxian_2_1_one_extension_is_read_from_may_extend_again_not_from_its_length(policy):
    parameter = policy.parameter("caoxian.suspension.max_extensions")
    assert parameter.value == 1 and parameter.derived is not None
    assert "可再延期" in parameter.derived.zh
    assert policy.parameter("caoxian.suspension.extension_years").derived is None
