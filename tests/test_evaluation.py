"""The reference evaluator, specified on Liujiang's rules."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from xuequ_rules import FactsError, Status, evaluate, load_policy

AS_OF = dt.date(2019, 12, 31)
MIN_SHARE = "liujiang.teacher_exchange.min_share"
BACKBONE = "liujiang.teacher_exchange.backbone_share"


@pytest.fixture(scope="module")
def policy():
    return load_policy("liujiang")


def status_of(policy, facts, rule, as_of=AS_OF):
    (finding,) = evaluate(policy, facts, as_of=as_of).for_rule(rule)
    return finding.status


def exchange(**values):
    return {"teacher_exchanges": [{"id": "x", **values}]}


def test_liujiang_rotation_of_exactly_ten_percent_is_satisfied(policy):
    assert status_of(policy, exchange(eligible=100, rotated=10), MIN_SHARE) is Status.SATISFIED


def test_liujiang_rotation_below_ten_percent_is_violated(policy):
    assert status_of(policy, exchange(eligible=100, rotated=9), MIN_SHARE) is Status.VIOLATED


def test_liujiang_rotation_with_exact_arithmetic_at_threshold(policy):
    # 7 of 70 is exactly 10%: no binary rounding may turn it into a violation.
    assert status_of(policy, exchange(eligible=70, rotated=7), MIN_SHARE) is Status.SATISFIED
    assert status_of(policy, exchange(eligible=71, rotated=7), MIN_SHARE) is Status.VIOLATED


def test_liujiang_rotation_with_no_eligible_teachers_is_not_applicable(policy):
    assert status_of(policy, exchange(eligible=0, rotated=0), MIN_SHARE) is Status.NOT_APPLICABLE


def test_liujiang_rotation_with_missing_rotated_count_is_undetermined(policy):
    assert status_of(policy, exchange(eligible=100), MIN_SHARE) is Status.UNDETERMINED


def test_liujiang_rotation_without_any_exchange_facts_is_undetermined(policy):
    assert status_of(policy, {}, MIN_SHARE) is Status.UNDETERMINED


def test_liujiang_backbone_share_twelve_percent_of_rotated(policy):
    assert status_of(policy, exchange(eligible=200, rotated=25, backbone_rotated=3),
                     BACKBONE) is Status.SATISFIED
    assert status_of(policy, exchange(eligible=200, rotated=25, backbone_rotated=2),
                     BACKBONE) is Status.VIOLATED


def test_liujiang_explanation_names_values_parameters_and_clause(policy):
    (finding,) = evaluate(policy, exchange(eligible=100, rotated=9),
                          as_of=AS_OF).for_rule(MIN_SHARE)
    assert "交流轮岗教师数" in finding.explanation.zh and "10%" in finding.explanation.zh
    assert "9 ≥ 10" in finding.explanation.zh
    assert "teachers rotated" in finding.explanation.en
    assert finding.citations[0].clause == "三/(四)/3"


def test_liujiang_undated_record_before_the_plan_was_issued_is_not_yet_in_force(policy):
    facts = exchange(eligible=100, rotated=1)
    (finding,) = evaluate(policy, facts, as_of=dt.date(2017, 1, 1)).for_rule(MIN_SHARE)
    assert finding.status is Status.NOT_IN_FORCE
    assert finding.label == ("未生效", "not yet in force")


def test_liujiang_target_before_its_deadline_is_not_applicable(policy):
    facts = {"district_indicators": [{"id": "d", "year": 2018, "education_groups_primary": 0}]}
    rule = "liujiang.education_groups.primary_2018"
    assert status_of(policy, facts, rule, dt.date(2018, 6, 1)) is Status.NOT_APPLICABLE
    assert status_of(policy, facts, rule, dt.date(2019, 1, 1)) is Status.VIOLATED


def test_liujiang_checklist_duty_attested_missing_or_denied(policy):
    rule = "liujiang.duty.rotation_system"
    assert status_of(policy, {"attestations": {rule: True}}, rule) is Status.SATISFIED
    assert status_of(policy, {"attestations": {rule: False}}, rule) is Status.VIOLATED
    assert status_of(policy, {}, rule) is Status.UNDETERMINED


def test_liujiang_alliance_zone_is_undetermined_under_the_open_two_forms(policy):
    facts = {"zones": [{"id": "a", "form": "school_alliance", "principal_heads": 1}]}
    result = evaluate(policy, facts, as_of=AS_OF)
    (forms,) = result.for_rule("liujiang.zone.allowed_forms")
    assert forms.status is Status.UNDETERMINED
    assert not [f for f in result.findings if f.status is Status.VIOLATED]


@pytest.mark.parametrize("facts, field", [
    (exchange(eligible=-1, rotated=0), "teacher_exchanges.0.eligible"),
    (exchange(eligible=10, rotated=5, backbone_rotated=6), "teacher_exchanges.0"),
    (exchange(eligible="many"), "teacher_exchanges.0.eligible"),
    ({"teacher_exchange": []}, "teacher_exchange"),
    ({"expenditures": [{"id": "e"}]}, "expenditures"),        # Ziyang's, not Liujiang's
])
def test_invalid_facts_are_rejected_naming_the_field_in_both_languages(policy, facts, field):
    with pytest.raises(FactsError) as info:
        evaluate(policy, facts, as_of=AS_OF)
    assert info.value.field == field
    assert info.value.zh and info.value.en and info.value.zh != info.value.en


@pytest.mark.parametrize("facts, field", [
    ({"expenditures": [{"id": "e", "amount": {"value": 5, "unit": "美元"}}]},
     "expenditures.0.amount"),
    ({"expenditures": [{"id": "e", "amount": "十万"}]}, "expenditures.0.amount"),
])
def test_ziyang_expenditure_amounts_in_other_units_are_rejected_naming_the_field(facts, field):
    with pytest.raises(FactsError) as info:
        evaluate(load_policy("ziyang"), facts, as_of=AS_OF)
    assert info.value.field == field
    assert info.value.zh and info.value.en and info.value.zh != info.value.en


def test_money_in_wan_yuan_is_converted_exactly():
    from xuequ_rules.facts import parse_facts

    facts = parse_facts({"expenditures": [{"id": "e", "amount": {"value": 10.5, "unit": "万元"}}]},
                        policy=load_policy("ziyang"))
    assert facts.expenditures[0].amount == 105000


counts = st.integers(min_value=0, max_value=10**12)


@given(eligible=counts, rotated=counts, extra=st.integers(0, 1000))
@settings(max_examples=300, deadline=None)
def test_liujiang_more_rotated_teachers_never_turns_satisfied_into_violated(eligible, rotated,
                                                                          extra):
    policy = load_policy("liujiang")
    rotated = min(rotated, eligible)
    more = min(rotated + extra, eligible)
    before = status_of(policy, exchange(eligible=eligible, rotated=rotated), MIN_SHARE)
    after = status_of(policy, exchange(eligible=eligible, rotated=more), MIN_SHARE)
    if before is Status.SATISFIED:
        assert after is Status.SATISFIED


@given(eligible=st.one_of(st.none(), counts), rotated=st.one_of(st.none(), counts))
@settings(max_examples=300, deadline=None)
def test_missing_facts_never_give_satisfied(eligible, rotated):
    policy = load_policy("liujiang")
    if eligible is not None and rotated is not None:
        rotated = min(rotated, eligible)
    status = status_of(policy, exchange(eligible=eligible, rotated=rotated), MIN_SHARE)
    if rotated is None and (eligible or 0) > 0:
        assert status is Status.UNDETERMINED
    if eligible is None:
        assert status is Status.UNDETERMINED


@given(st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2018, 1, 24)))
@settings(max_examples=50, deadline=None)
def test_as_of_before_validity_gives_not_in_force_for_every_rule_about_undated_facts(as_of):
    policy = load_policy("liujiang")
    result = evaluate(policy, exchange(eligible=100, rotated=1), as_of=as_of)
    assert {f.status for f in result.findings} == {Status.NOT_IN_FORCE}


def test_evaluation_is_deterministic_byte_for_byte(policy):
    import json

    facts = exchange(eligible=100, rotated=9, backbone_rotated=1)
    first = json.dumps(evaluate(policy, facts, as_of=AS_OF).as_dict(), ensure_ascii=False)
    second = json.dumps(evaluate(policy, facts, as_of=AS_OF).as_dict(), ensure_ascii=False)
    assert first == second


def test_a_changed_copy_of_a_policy_leaves_the_loaded_policy_unchanged():
    import dataclasses
    from decimal import Decimal

    policy = load_policy("liujiang")
    param = policy.parameter("liujiang.teacher_exchange.min_share")
    changed = dataclasses.replace(param, value=Decimal("0.15"))
    others = tuple(p for p in policy.parameters if p.id != param.id)
    rules = tuple(r for r in policy.rules if param not in r.parameters())
    copy = dataclasses.replace(policy, parameters=(*others, changed), rules=rules)
    assert copy.parameter(param.id).value == Decimal("0.15")
    assert load_policy("liujiang").parameter(param.id).value == Decimal("0.10")
