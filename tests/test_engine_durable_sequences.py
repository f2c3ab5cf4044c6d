"""durable_rules decides conditions over consecutive records (连续…) exactly as the
reference evaluator does: in a batch, and streamed with years arriving late or out of
order; a missing year or an unknown flag leaves the condition undetermined, never met."""

from __future__ import annotations

import datetime as dt

import pytest

pytestmark = pytest.mark.durable

try:
    from xuequ_rules.engines import durable_backend as db
except ImportError as exc:  # durable_rules missing, or Python 3.13+
    pytest.skip(f"durable_rules is not importable here: {exc}", allow_module_level=True)

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from xuequ_rules import Status, evaluate, load_policy  # noqa: E402
from xuequ_rules.policy.citation import Cite  # noqa: E402
from xuequ_rules.policy.dsl import Modality, Rule, f, zh_en  # noqa: E402
from xuequ_rules.policy.expr import Known  # noqa: E402
from xuequ_rules.policy.policy import Policy  # noqa: E402
from xuequ_rules.policy.sequence import consecutive  # noqa: E402

AS_OF = dt.date(2026, 6, 1)
DECLINE = "ziyang.assessment.decline_consequence"
CITE = Cite("二/(五)/13", "对教学质量、管理水平连续两年下滑的核心校和成员校校长进行轮岗交流或降级处理")


@pytest.fixture(scope="module")
def ziyang() -> Policy:
    return load_policy("ziyang")


@pytest.fixture(scope="module")
def strict(ziyang: Policy) -> db.DurablePolicy:
    return db.compile_policy(ziyang, strict=True)


def sequences_policy(ziyang: Policy) -> Policy:
    """Runs of 0 to 3 years, a run inside a disjunction and under a negation, a run of a
    negated flag, and a run of a condition that divides by zero in 2025 (undefined)."""
    def rule(id: str, **kw: object) -> Rule:
        return Rule(id=id, title=zh_en(id, id), party=zh_en("县教体局", "county bureau"),
                    cites=(CITE,), kind=Modality.OBLIGATION, subject="assessments", **kw)

    def run(condition, count):   # type: ignore[no-untyped-def]
        return consecutive(condition, count=count, per=f.school, order=f.year)

    acted = f.action.isin(("rotated", "demoted"))
    rules = (
        rule("s.three_years", applies=run(f.declined, 3), requires=acted),
        rule("s.one_year", applies=run(f.declined, 1), requires=acted),
        rule("s.no_year", applies=run(f.declined, 0), requires=acted),
        rule("s.or_action", applies=run(f.declined, 2) | f.action.isin(("none",)),
             requires=f.principal_role.isin(("core",))),
        rule("s.not_run", requires=~run(~f.declined, 2)),
        rule("s.known_run", requires=Known(run(f.declined, 2))),
        rule("s.ratio_run", applies=run(f.year / (f.year - 2025) > 0, 2), requires=acted),
    )
    return Policy(name="ziyang", version="sequences-test", document=ziyang.document,
                  parameters=(), rules=rules, facts_model=ziyang.facts_model)


def assert_same(policy: Policy, compiled: db.DurablePolicy, facts: dict) -> None:
    reference = evaluate(policy, facts, AS_OF)
    durable = compiled.evaluate(facts, AS_OF)
    assert len(durable.findings) == len(reference.findings)
    for ours, theirs in zip(durable.findings, reference.findings, strict=True):
        assert (ours.rule.id, ours.record) == (theirs.rule.id, theirs.record)
        assert ours.status is theirs.status, (ours.rule.id, ours.record)
        assert ours.as_dict() == theirs.as_dict()
        assert ours.explanation == theirs.explanation


@st.composite
def assessment(draw):   # type: ignore[no-untyped-def]
    row = {"school": draw(st.sampled_from(["A", "A", "B", None])),
           "year": draw(st.one_of(st.integers(2022, 2027), st.none())),
           "declined": draw(st.sampled_from([True, True, False, None])),
           "action": draw(st.sampled_from(["rotated", "demoted", "none", None])),
           "principal_role": draw(st.sampled_from(["core", "member", None]))}
    return {key: value for key, value in row.items() if value is not None}


ASSESSMENTS = st.lists(assessment(), max_size=8).map(
    lambda rows: [{"id": f"a{i}", **row} for i, row in enumerate(rows)])


def test_ziyang_decline_compiles_without_the_reference_evaluator_when_strict(strict):
    assert strict.fallback == {}
    assert len(strict.subjects["assessments"].sequences) == 1


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(rows=ASSESSMENTS)
def test_ziyang_generated_assessments_match_reference_in_every_rule(ziyang, strict, rows):
    assert_same(ziyang, strict, {"assessments": rows})


def test_ziyang_decline_two_years_met_missing_year_and_unknown_flag():
    policy = load_policy("ziyang")
    compiled = db.compile_policy(policy, strict=True)
    rows = [{"id": "a24", "school": "A", "year": 2024, "declined": True},
            {"id": "a25", "school": "A", "year": 2025, "declined": True, "action": "rotated"},
            {"id": "b23", "school": "B", "year": 2023, "declined": True},
            {"id": "b25", "school": "B", "year": 2025, "declined": True},      # 2024 missing
            {"id": "c24", "school": "C", "year": 2024},                        # flag unknown
            {"id": "c25", "school": "C", "year": 2025, "declined": True},
            {"id": "d25", "year": 2025, "declined": True}]                     # school unknown
    found = {f.record: f.status for f in compiled.evaluate({"assessments": rows}, AS_OF)
             .for_rule(DECLINE)}
    assert found["assessments[a25]"] is Status.SATISFIED
    assert found["assessments[b25]"] is Status.NOT_APPLICABLE
    assert found["assessments[c25]"] is Status.UNDETERMINED
    assert found["assessments[d25]"] is Status.UNDETERMINED
    assert_same(policy, compiled, {"assessments": rows})


@pytest.fixture(scope="module")
def synthetic(ziyang: Policy) -> tuple[Policy, db.DurablePolicy]:
    policy = sequences_policy(ziyang)
    return policy, db.compile_policy(policy, strict=True)


def test_runs_of_every_length_nested_and_undefined_compile_without_fallback(synthetic):
    _, compiled = synthetic
    assert compiled.fallback == {}


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(rows=ASSESSMENTS)
def test_runs_of_every_length_nested_and_undefined_match_reference(synthetic, rows):
    policy, compiled = synthetic
    assert_same(policy, compiled, {"assessments": rows})


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(rows=ASSESSMENTS.filter(bool), data=st.data())
def test_streamed_in_any_order_the_last_findings_are_the_batch_findings(synthetic, rows, data):
    policy, compiled = synthetic
    arriving = data.draw(st.permutations(rows))
    last = {(f.rule.id, f.record): f.status for f in db.stream_findings(
        compiled, (("assessments", row) for row in arriving), as_of=AS_OF)}
    batch = evaluate(policy, {"assessments": rows}, AS_OF)
    assert last == {(f.rule.id, f.record): f.status for f in batch.findings}


def run_policy(ziyang: Policy, count: int) -> Policy:
    rule = Rule(id="s.long_run", title=zh_en("连续", "run"), party=zh_en("县教体局", "county bureau"),
                cites=(CITE,), kind=Modality.OBLIGATION, subject="assessments",
                applies=consecutive(f.declined, count=count, per=f.school, order=f.year),
                requires=f.action.isin(("rotated",)))
    return Policy(name="ziyang", version=f"run-{count}", document=ziyang.document,
                  parameters=(), rules=(rule,), facts_model=ziyang.facts_model)


def test_a_run_of_five_years_is_decided_in_durable_and_matches_reference(ziyang):
    policy = run_policy(ziyang, 5)
    compiled = db.compile_policy(policy, strict=True)
    rows = [{"id": f"a{year}", "school": "A", "year": year, "declined": year != 2019,
             "action": "rotated"} for year in range(2015, 2027)]
    rows.append({"id": "b", "school": "A", "year": 2030, "declined": True})
    assert_same(policy, compiled, {"assessments": rows})
    statuses = [f.status for f in compiled.evaluate({"assessments": rows}, AS_OF).findings]
    assert statuses.count(Status.SATISFIED) == 3       # 2024, 2025, 2026: five years running


def test_a_run_longer_than_durable_can_match_falls_back_or_is_refused_when_strict(ziyang):
    policy = run_policy(ziyang, 6)
    assert "s.long_run" in db.compile_policy(policy).fallback
    with pytest.raises(db.DurableEngineError, match="consecutive"):
        db.compile_policy(policy, strict=True)
