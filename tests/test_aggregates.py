"""Grouped rules and aggregates: counts, sums, and the enrolment-weighted coefficient of variation."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from xuequ_rules import PolicyDefinitionError, Status, evaluate, load_policy
from xuequ_rules.evaluation.compiler import UNDEFINED, Env, Group, compile_expr
from xuequ_rules.exact import ExactSqrt
from xuequ_rules.policy.dsl import Cite, Modality, Parameter, Rule, Unit, agg, count_true, f, zh_en
from xuequ_rules.policy.policy import Policy


def run(expr, records):
    return compile_expr(expr)(Group({}, tuple(records)), Env(None))


def test_weighted_cv_weights_each_school_by_its_enrolment():
    # means: 2 (w=1) and 4 (w=3) → mean 3.5; variance (1·2.25 + 3·0.25)/4 = 0.75
    records = [{"x": 2, "w": 1}, {"x": 4, "w": 3}]
    cv = run(agg.weighted_cv(f.x, weight=f.w), records)
    assert isinstance(cv, ExactSqrt)
    assert cv.square == Fraction(3, 4) / Fraction(49, 4)


def test_exact_sqrt_compares_at_the_limit_without_rounding():
    assert ExactSqrt(Fraction(1, 4)) <= Decimal("0.50")
    assert not ExactSqrt(Fraction(1, 4)) < Decimal("0.50")
    assert ExactSqrt(Fraction(1, 4)) > Decimal("0.4999999999")


def test_aggregate_with_a_missing_value_is_unknown():
    assert run(agg.sum(f.x), [{"x": 1}, {"x": None}]) is None


def test_weighted_cv_of_an_empty_group_or_zero_mean_is_undefined():
    assert run(agg.weighted_cv(f.x, weight=f.w), []) is UNDEFINED
    assert run(agg.weighted_cv(f.x, weight=f.w), [{"x": 0, "w": 5}]) is UNDEFINED


def test_count_true_counts_conditions_and_is_unknown_if_any_is_unknown():
    expr = count_true(f.a >= 1, f.b >= 1, f.c >= 1)
    assert compile_expr(expr)({"a": 1, "b": 0, "c": 2}, Env(None)) == 2
    assert compile_expr(expr)({"a": 1, "b": None, "c": 2}, Env(None)) is None


@given(st.lists(st.tuples(st.integers(1, 10**6), st.integers(1, 5000)), min_size=1, max_size=30))
@settings(max_examples=200, deadline=None)
def test_weighted_cv_of_identical_schools_is_zero_and_never_negative(rows):
    records = [{"x": x, "w": w} for x, w in rows]
    cv = run(agg.weighted_cv(f.x, weight=f.w), records)
    assert cv >= 0
    same = run(agg.weighted_cv(f.x, weight=f.w), [{"x": rows[0][0], "w": w} for _, w in rows])
    assert same == 0


def _grouped_policy(rule: Rule, params=()) -> Policy:
    base = load_policy("liujiang")
    return Policy(name="grouped", version="t", document=base.document, parameters=tuple(params),
                  rules=(rule,))


CITE = (Cite("三/(一)/1", "将城乡义务教育学校划分为若干个学区"),)


def test_grouped_rule_gives_one_finding_per_group():
    limit = Parameter(id="t.max_schools", label=zh_en("上限", "limit"), value=2,
                      unit=Unit.SCHOOLS, cites=CITE)
    rule = Rule(id="t.schools_per_location", title=zh_en("每类地区学校数不超过2所", "≤2"),
                kind=Modality.OBLIGATION, party=zh_en("区", "district"), subject="schools",
                group_by=("location",), requires=agg.count() <= limit, cites=CITE)
    policy = _grouped_policy(rule, (limit,))
    facts = {"schools": [{"id": "a", "location": "urban"}, {"id": "b", "location": "urban"},
                         {"id": "c", "location": "rural"}, {"id": "d", "location": "urban"}]}
    result = evaluate(policy, facts, as_of=dt.date(2020, 1, 1))
    statuses = {finding.record: finding.status for finding in result.findings}
    assert statuses == {"schools[location=urban]": Status.VIOLATED,
                        "schools[location=rural]": Status.SATISFIED}


def test_grouped_rule_where_filter_excludes_records_and_unknown_inclusion_is_undetermined():
    rule = Rule(id="t.count_public", title=zh_en("公办学校至少2所", "≥2 public"),
                kind=Modality.OBLIGATION, party=zh_en("区", "district"), subject="schools",
                group_by=(), where=f.public.eq(True), requires=agg.count() >= 2, cites=CITE)
    policy = _grouped_policy(rule)
    facts = {"schools": [{"id": "a", "public": True}, {"id": "b", "public": True},
                         {"id": "c", "public": False}]}
    (finding,) = evaluate(policy, facts, as_of=dt.date(2020, 1, 1)).findings
    assert finding.status is Status.SATISFIED and finding.record == "schools[*]"
    facts["schools"].append({"id": "d"})
    (finding,) = evaluate(policy, facts, as_of=dt.date(2020, 1, 1)).findings
    assert finding.status is Status.UNDETERMINED and "d" in finding.explanation.zh


def test_aggregate_outside_a_grouped_rule_is_a_policy_definition_error():
    rule = Rule(id="t.bad", title=zh_en("错", "bad"), kind=Modality.OBLIGATION,
                party=zh_en("区", "district"), subject="schools", requires=agg.count() >= 1,
                cites=CITE)
    with pytest.raises(PolicyDefinitionError):
        _grouped_policy(rule)


def test_aggregate_structural_key_distinguishes_function_item_and_weight():
    assert agg.weighted_cv(f.x, weight=f.w).key() != agg.weighted_cv(f.x, weight=f.v).key()
    assert agg.sum(f.x).key() == agg.sum(f.x).key()
    assert agg.count().key() == ("aggregate", "count", None, None)
