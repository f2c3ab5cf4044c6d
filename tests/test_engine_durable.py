"""The durable_rules backend decides exactly what the reference evaluator decides.

Every comparison is against :func:`xuequ_rules.evaluate` on the same facts: statuses,
reasons, decisions, citations and explanations, finding by finding.
"""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
import textwrap
from dataclasses import replace
from decimal import Decimal

import pytest

pytestmark = pytest.mark.durable

try:
    from xuequ_rules.engines import durable_backend as db
except ImportError as exc:  # durable_rules missing, or Python 3.13+
    pytest.skip(f"durable_rules is not importable here: {exc}", allow_module_level=True)

from engine_facts import ENGINE_TEST_FACTS  # noqa: E402
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from xuequ_rules import FactsError, RuleConflictError, Status, evaluate, load_policy  # noqa: E402
from xuequ_rules.engines.durable.host import Context  # noqa: E402
from xuequ_rules.evaluation.trace import DeferredTrace  # noqa: E402
from xuequ_rules.facts import parse_facts  # noqa: E402
from xuequ_rules.policy.citation import Cite  # noqa: E402
from xuequ_rules.policy.dsl import (  # noqa: E402
    Case,
    DatedValue,
    Decision,
    Modality,
    Outcome,
    Parameter,
    Rule,
    Unit,
    checklist_duty,
    f,
    length,
    zh_en,
)
from xuequ_rules.policy.policy import Policy  # noqa: E402

AS_OF = dt.date(2019, 12, 31)
MIN_SHARE = "liujiang.teacher_exchange.min_share"
BACKBONE = "liujiang.teacher_exchange.backbone_share"
CITE = Cite("三/(四)/3", "全区每年交流轮岗教师的比例不低于符合交流条件教师总数的10%")


@pytest.fixture(scope="module")
def liujiang() -> Policy:
    return load_policy("liujiang")


@pytest.fixture(scope="module")
def compiled(liujiang: Policy) -> db.DurablePolicy:
    return db.compile_policy(liujiang)


def assert_same(policy, facts, as_of=AS_OF, compiled=None):
    """The durable evaluation equals the reference one, finding by finding."""
    reference = evaluate(policy, facts, as_of)
    durable = (compiled or db.compile_policy(policy)).evaluate(facts, as_of)
    assert len(durable.findings) == len(reference.findings)
    for ours, theirs in zip(durable.findings, reference.findings, strict=True):
        assert (ours.rule.id, ours.record) == (theirs.rule.id, theirs.record)
        assert ours.status is theirs.status, (ours.rule.id, ours.record, ours.reason)
        assert ours.reason == theirs.reason
        assert ours.decision == theirs.decision
        assert ours.citations == theirs.citations
        assert ours.explanation == theirs.explanation
        assert ours.as_dict() == theirs.as_dict()
    return durable


def durable_status(compiled, facts, rule_id, as_of=AS_OF):
    (finding,) = compiled.evaluate(facts, as_of).for_rule(rule_id)
    return finding.status


def exchange(**values):
    return {"teacher_exchanges": [{"id": "x", **values}]}


# ── liujiang: hand-picked boundaries ──────────────────────────────────────────────────
@pytest.mark.parametrize(("eligible", "rotated", "expected"), [
    (100, 10, Status.SATISFIED),                 # exactly 10%
    (100, 9, Status.VIOLATED),                   # just below
    (100, 11, Status.SATISFIED),                 # just above
    (10**12, 10**11, Status.SATISFIED),          # exactly 10% of the largest count
    (10**12, 10**11 - 1, Status.VIOLATED),       # one teacher short of 10**11
    (10**12 - 1, 10**11, Status.SATISFIED),      # 10**11 ≥ 99,999,999,999.9
    (1, 1, Status.SATISFIED),
    (1, 0, Status.VIOLATED),
    (0, 0, Status.NOT_APPLICABLE),               # no eligible teachers: the ratio has no base
    (None, 5, Status.UNDETERMINED),              # missing base
    (100, None, Status.UNDETERMINED),            # missing count
])
def test_liujiang_min_share_boundaries_match_reference(liujiang, compiled, eligible, rotated,
                                                       expected):
    facts = exchange(eligible=eligible, rotated=rotated)
    assert durable_status(compiled, facts, MIN_SHARE) is expected
    assert_same(liujiang, facts, compiled=compiled)


@pytest.mark.parametrize(("rotated", "backbone", "expected"), [
    (25, 3, Status.SATISFIED),         # exactly 12%
    (100, 12, Status.SATISFIED),
    (100, 11, Status.VIOLATED),        # just below
    (9, 1, Status.VIOLATED),           # 1 < 12% × 9 = 1.08
    (9, 2, Status.SATISFIED),
    (0, 0, Status.NOT_APPLICABLE),     # nobody rotated
    (10, None, Status.UNDETERMINED),
    (None, 1, Status.UNDETERMINED),
])
def test_liujiang_backbone_share_boundaries_match_reference(liujiang, compiled, rotated,
                                                            backbone, expected):
    facts = exchange(eligible=10**12, rotated=rotated, backbone_rotated=backbone)
    assert evaluate(liujiang, facts, AS_OF).for_rule(BACKBONE)[0].status is expected
    assert durable_status(compiled, facts, BACKBONE) is expected
    assert_same(liujiang, facts, compiled=compiled)


def test_liujiang_zero_eligible_is_not_applicable_with_the_reference_reason(compiled):
    (finding,) = compiled.evaluate(exchange(eligible=0, rotated=0), AS_OF).for_rule(MIN_SHARE)
    assert finding.status is Status.NOT_APPLICABLE
    assert finding.reason.en == "the rule's condition does not hold"
    assert "eligible" in finding.explanation.en or "符合交流条件" in finding.explanation.zh


def test_liujiang_findings_carry_citations_and_explanations(compiled):
    (finding,) = compiled.evaluate(exchange(eligible=100, rotated=9), AS_OF).for_rule(MIN_SHARE)
    assert finding.status is Status.VIOLATED
    assert finding.citations[0].clause == "三/(四)/3"
    assert "9" in finding.explanation.en and "100" in finding.explanation.en
    assert isinstance(finding.trace, DeferredTrace)   # computed when the explanation is read


def test_liujiang_whole_scenario_matches_reference_before_and_after_deadlines(liujiang,
                                                                             compiled):
    facts = {
        "teacher_exchanges": [{"id": "a", "eligible": 100, "rotated": 10, "backbone_rotated": 1},
                              {"id": "b", "eligible": None, "rotated": 3}],
        "zones": [{"id": "z1", "form": "school_alliance", "principal_heads": 1},
                  {"id": "z2", "form": "education_group", "lead_school": "一中"},
                  {"id": "z3", "form": "urban_rural_assistance", "quality_school_count": 2}],
        "pairings": [{"id": "p1", "agreement_signed": True}, {"id": "p2"}],
        "district_indicators": [{"id": "d", "year": 2018, "education_groups_primary": 2,
                                 "education_groups_junior": 0, "pairing_coverage": "100%"}],
        "milestones": [{"id": "liujiang.phase.1", "completed_on": "2017-12-01"}],
        "attestations": {"liujiang.duty.zoning": True, "liujiang.duty.funding": False},
    }
    for as_of in (dt.date(2017, 1, 1), dt.date(2018, 6, 1), dt.date(2019, 1, 1),
                  dt.date(2021, 1, 1)):
        assert_same(liujiang, facts, as_of, compiled)


def test_liujiang_target_before_its_deadline_is_not_applicable(compiled):
    facts = {"district_indicators": [{"id": "d", "year": 2018, "education_groups_primary": 1}]}
    rule = "liujiang.education_groups.primary_2018"
    assert durable_status(compiled, facts, rule, dt.date(2018, 6, 1)) is Status.NOT_APPLICABLE
    assert durable_status(compiled, facts, rule, dt.date(2018, 12, 31)) is Status.VIOLATED


def test_liujiang_checklist_duty_attested_not_attested_missing(compiled):
    rule = "liujiang.duty.zoning"
    for attested, expected in ((True, Status.SATISFIED), (False, Status.VIOLATED),
                               (None, Status.UNDETERMINED)):
        facts = {"attestations": {rule: attested}}
        assert durable_status(compiled, facts, rule) is expected
    assert durable_status(compiled, {}, rule) is Status.UNDETERMINED


def test_liujiang_alliance_zone_is_undetermined_under_the_open_two_forms(liujiang, compiled):
    facts = {"zones": [{"id": "z", "form": "school_alliance"}]}
    evaluation = assert_same(liujiang, facts, compiled=compiled)
    (forms,) = evaluation.for_rule("liujiang.zone.allowed_forms")
    assert forms.status is Status.UNDETERMINED


def test_liujiang_compiles_every_rule_without_fallback(compiled, liujiang):
    assert compiled.fallback == {}
    assert len(compiled.ruleset_names) >= len({r.subject for r in liujiang.rules})


def test_invalid_facts_are_rejected_before_durable_sees_them(compiled):
    with pytest.raises(FactsError):
        compiled.evaluate(exchange(eligible=10, rotated=11), AS_OF)   # rotated > eligible
    with pytest.raises(FactsError):
        compiled.evaluate(exchange(eligible="many"), AS_OF)


# ── liujiang: generated records ───────────────────────────────────────────────────────
COUNTS = st.one_of(st.sampled_from([0, 1, 9, 10, 11, 12, 25, 100, 10**11, 10**12]),
                   st.integers(0, 10**12))


@st.composite
def exchange_records(draw, max_count=10**12):
    counts = COUNTS if max_count == 10**12 else st.integers(0, max_count)
    eligible = draw(st.one_of(st.none(), counts))
    top = max_count if eligible is None else eligible
    near = [0, top, top // 10, -(-top // 10), max(top // 10 - 1, 0), top * 12 // 100]
    rotated = draw(st.one_of(st.none(), st.sampled_from(near), st.integers(0, top)))
    top = max_count if rotated is None else rotated
    near = [0, top, top * 12 // 100, -(-top * 12 // 100), max(-(-top * 12 // 100) - 1, 0)]
    backbone = draw(st.one_of(st.none(), st.sampled_from(near), st.integers(0, top)))
    return {"eligible": eligible, "rotated": rotated, "backbone_rotated": backbone,
            "year": draw(st.one_of(st.none(), st.sampled_from([2018, 2019, 2020]))),
            "area": draw(st.one_of(st.none(), st.sampled_from(["none", "柳江区"])))}


def records(strategy):
    return st.lists(strategy, min_size=0, max_size=4).map(
        lambda rows: [{"id": f"r{i}", **row} for i, row in enumerate(rows)])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(rows=records(exchange_records()))
def test_liujiang_generated_teacher_exchanges_match_reference(liujiang, compiled, rows):
    assert_same(liujiang, {"teacher_exchanges": rows}, compiled=compiled)


# ── a synthetic policy exercising every construct ─────────────────────────────────────
def synthetic(liujiang: Policy, version: str = "durable-test") -> Policy:
    share = liujiang.parameter(MIN_SHARE)
    dated = Parameter(id="test.dated_share", value=Decimal("0.1"), unit=Unit.RATIO,
                      dated=(DatedValue(dt.date(2020, 1, 1), Decimal("0.15")),),
                      label=zh_en("分年度比例", "dated share"), cites=(CITE,))
    threshold = Parameter(id="test.threshold", value=100000, unit=Unit.YUAN,
                          label=zh_en("审批限额", "approval threshold"), cites=(CITE,))

    def rule(id, **kw):
        kw.setdefault("kind", Modality.OBLIGATION)
        kw.setdefault("subject", "teacher_exchanges")
        return Rule(id=id, title=zh_en(id, id), party=zh_en("区", "district"), cites=(CITE,),
                    **kw)

    rules = (
        rule("t.div", requires=f.rotated / f.eligible >= share),
        rule("t.forbid", kind=Modality.PROHIBITION, forbids=f.backbone_rotated * 3 > f.rotated + 1),
        rule("t.perm", kind=Modality.PERMISSION,
             requires=(f.rotated - f.backbone_rotated) / (f.eligible - f.rotated) >= Decimal("0.5")),
        rule("t.logic", applies=(f.eligible > 10) | ~f.rotated.is_known(),
             requires=(f.rotated >= 1) & f.backbone_rotated.isin((0, 1, 2))),
        rule("t.dated", requires=f.rotated >= dated * f.eligible),
        rule("t.known_div", requires=(f.rotated / f.eligible).is_known()),
        rule("t.not_div", requires=~((f.rotated / f.eligible) < Decimal("0.1")) | f.eligible.eq(0)),
        rule("t.nested_div", requires=f.backbone_rotated / (f.rotated / f.eligible) <= f.eligible),
        rule("t.text", applies=f.year.isin((2019, 2020)),
             requires=f.area.ne("none") & f.area.is_known()),
        rule("t.signs", requires=(f.backbone_rotated - f.rotated)
             / (f.eligible - f.rotated - f.backbone_rotated) < 1),
        rule("t.const_left", requires=(1000 - f.rotated) * 2 > Decimal("0.5") - f.eligible),
        rule("t.nothing", applies=f.eligible > 0),
        rule("t.exception", applies=f.eligible.eq(0), requires=f.rotated.eq(0),
             exception_to="t.div"),
        rule("t.target", kind=Modality.TARGET, subject="district_indicators",
             requires=f.pairing_coverage >= Decimal("0.95"), deadline=dt.date(2020, 12, 31)),
        rule("e.cap", subject="expenditures",
             requires=f.amount * Decimal("1.5") <= Decimal("250000.75")),
        rule("z.len", subject="zones", requires=length(f.schools) >= 2),
        rule("z.form", subject="zones",
             requires=f.form.isin(("education_group",)) | f.lead_school.eq("一中")),
        rule("m.date", subject="milestones", kind=Modality.TARGET, applies=f.id.eq("m1"),
             requires=f.completed_on <= dt.date(2019, 6, 30), deadline=dt.date(2019, 6, 30)),
        Decision(id="e.route", title=zh_en("审批", "route"), party=zh_en("区", "district"),
                 subject="expenditures", question="expenditure.approval_route",
                 actual=f.approval_route, cites=(CITE,),
                 cases=(Case(f.amount < threshold,
                             Outcome("member_principal", zh_en("成员校校长审签", "member"))),
                        Case(f.amount >= threshold,
                             Outcome("collective_core_principal",
                                     zh_en("集体决策", "collective"))))),
        checklist_duty(id="d.duty", title=zh_en("职责", "duty"), party=zh_en("区", "district"),
                       cites=(CITE,)),
    )
    return Policy(name="liujiang", version=version, document=liujiang.document,
                  parameters=(share, dated, threshold), rules=rules,
                  facts_model=ENGINE_TEST_FACTS)


@pytest.fixture(scope="module")
def synthetic_policy(liujiang):
    return synthetic(liujiang)


@pytest.fixture(scope="module")
def synthetic_compiled(synthetic_policy):
    return db.compile_policy(synthetic_policy)


def test_synthetic_policy_compiles_every_rule(synthetic_compiled):
    assert synthetic_compiled.fallback == {}


AMOUNTS = st.one_of(st.none(), st.sampled_from([Decimal(0), Decimal("99999.99"), Decimal(100000),
                                                Decimal("100000.01"), Decimal("166667.17"),
                                                Decimal("166667.16")]),
                    st.decimals(min_value=0, max_value=10**7, places=2))


@st.composite
def scenarios(draw):
    exchanges = draw(records(exchange_records(max_count=10**6)))
    expenditures = [{"id": f"e{i}", "amount": amount,
                     "approval_route": draw(st.sampled_from([None, "member_principal",
                                                             "collective_core_principal"]))}
                    for i, amount in enumerate(draw(st.lists(AMOUNTS, max_size=3)))]
    zones = [{"id": f"z{i}", **zone} for i, zone in enumerate(draw(st.lists(st.fixed_dictionaries({
        "schools": st.one_of(st.none(), st.lists(st.sampled_from(["a", "b", "c"]), max_size=3)),
        "form": st.sampled_from([None, "education_group", "other"]),
        "lead_school": st.sampled_from([None, "一中", "二中"])}), max_size=3)))]
    coverage = draw(st.sampled_from([None, "94.9%", "95%", 1]))
    return {"teacher_exchanges": exchanges, "expenditures": expenditures, "zones": zones,
            "district_indicators": [{"id": "d", "pairing_coverage": coverage}],
            "milestones": [{"id": "m1", "completed_on": draw(st.sampled_from(
                [None, "2019-06-30", "2019-07-01"]))}],
            "attestations": {"d.duty": draw(st.sampled_from([None, True, False]))}}


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(facts=scenarios(), as_of=st.sampled_from([dt.date(2019, 6, 1), dt.date(2021, 1, 1)]))
def test_synthetic_generated_scenarios_match_reference(synthetic_policy, synthetic_compiled,
                                                       facts, as_of):
    assert_same(synthetic_policy, facts, as_of, synthetic_compiled)


@pytest.mark.parametrize(("eligible", "rotated", "backbone"), [
    (0, 0, 0), (10, 0, 0), (10, 10, 0), (10, 5, 5), (0, 0, None), (None, 0, 0), (7, 4, 3)])
def test_synthetic_zero_denominators_match_reference(synthetic_policy, synthetic_compiled,
                                                     eligible, rotated, backbone):
    facts = exchange(eligible=eligible, rotated=rotated, backbone_rotated=backbone)
    assert_same(synthetic_policy, facts, AS_OF, synthetic_compiled)


def test_division_by_zero_is_not_applicable_but_the_exception_takes_precedence(
        synthetic_compiled):
    evaluation = synthetic_compiled.evaluate(exchange(eligible=0, rotated=0), AS_OF)
    (div,) = evaluation.for_rule("t.div")
    assert div.status is Status.NOT_APPLICABLE and "t.exception" in div.reason.zh
    (not_div,) = evaluation.for_rule("t.not_div")
    assert not_div.status is Status.SATISFIED          # undefined | true → true
    (known,) = evaluation.for_rule("t.known_div")
    assert known.status is Status.SATISFIED            # an undefined ratio is still known
    (signs,) = synthetic_compiled.evaluate(exchange(eligible=10, rotated=5, backbone_rotated=5),
                                           AS_OF).for_rule("t.signs")
    assert signs.status is Status.NOT_APPLICABLE
    assert signs.reason.en.startswith("the ratio's denominator is zero")


def test_dated_parameter_takes_its_value_at_the_evaluation_date(synthetic_compiled):
    facts = exchange(eligible=100, rotated=12)
    assert durable_status(synthetic_compiled, facts, "t.dated", dt.date(2019, 12, 31)) \
        is Status.SATISFIED
    assert durable_status(synthetic_compiled, facts, "t.dated", dt.date(2020, 1, 1)) \
        is Status.VIOLATED


@pytest.mark.parametrize(("amount", "route", "expected"), [
    (Decimal("100000"), "collective_core_principal", Status.SATISFIED),  # exactly 100,000
    (Decimal("100000"), "member_principal", Status.VIOLATED),
    (Decimal("99999.99"), "member_principal", Status.SATISFIED),
    (Decimal("99999.99"), None, Status.UNDETERMINED),
    (None, "member_principal", Status.UNDETERMINED),
])
def test_decision_route_at_the_threshold_matches_reference(synthetic_policy, synthetic_compiled,
                                                           amount, route, expected):
    facts = {"expenditures": [{"id": "e", "amount": amount, "approval_route": route}]}
    assert durable_status(synthetic_compiled, facts, "e.route") is expected
    durable = assert_same(synthetic_policy, facts, AS_OF, synthetic_compiled)
    (finding,) = durable.for_rule("e.route")
    if amount is not None:
        assert finding.decision is not None


def test_decimal_products_are_exact(synthetic_compiled):
    # 166667.17 × 1.5 = 250000.755 > 250000.75; 166667.16 × 1.5 = 250000.74
    assert durable_status(synthetic_compiled, {"expenditures": [{"id": "e", "amount": 166667.17}]},
                          "e.cap") is Status.VIOLATED
    assert durable_status(synthetic_compiled, {"expenditures": [{"id": "e", "amount": 166667.16}]},
                          "e.cap") is Status.SATISFIED


def test_values_beyond_2_to_the_53_are_rejected_not_rounded(synthetic_compiled):
    # amount is kept at 6 decimals: 10**10 yuan is 10**16 > 2**53 in durable
    with pytest.raises(FactsError, match="2\\*\\*53"):
        synthetic_compiled.evaluate({"expenditures": [{"id": "e", "amount": 10**10}]}, AS_OF)
    # backbone × eligible (t.nested_div) leaves the exact range for counts near 10**12
    with pytest.raises(FactsError, match="2\\*\\*53"):
        synthetic_compiled.evaluate(exchange(eligible=10**12, rotated=10**12,
                                             backbone_rotated=10**12), AS_OF)


def test_decimals_finer_than_the_scale_are_rejected(synthetic_compiled):
    with pytest.raises(FactsError, match="decimal places"):
        synthetic_compiled.evaluate({"expenditures": [{"id": "e", "amount": 1.0000001}]},
                                    AS_OF)


def test_overlapping_decision_cases_raise_a_conflict_like_the_reference(liujiang):
    overlapping = Decision(
        id="e.bad", title=zh_en("审批", "route"), party=zh_en("区", "district"),
        subject="expenditures", question="q", cites=(CITE,),
        cases=(Case(f.amount >= 0, Outcome("a", zh_en("甲", "a"))),
               Case(f.amount >= 10, Outcome("b", zh_en("乙", "b")))))
    policy = Policy(name="liujiang", version="conflict-test", document=liujiang.document,
                    parameters=(), rules=(overlapping,), facts_model=ENGINE_TEST_FACTS)
    facts = {"expenditures": [{"id": "e", "amount": 20}]}
    with pytest.raises(RuleConflictError) as theirs:
        evaluate(policy, facts, AS_OF)
    with pytest.raises(RuleConflictError) as ours:
        db.evaluate(policy, facts, AS_OF)
    assert str(ours.value) == str(theirs.value)
    assert durable_status(db.compile_policy(policy), {"expenditures": [{"id": "e", "amount": 5}]},
                          "e.bad") is Status.UNDETERMINED


def test_untranslatable_rule_falls_back_to_reference_or_is_refused_when_strict(liujiang):
    ordered_text = Rule(id="t.ordered_text", title=zh_en("文本", "text"),
                        party=zh_en("区", "district"), subject="zones", cites=(CITE,),
                        kind=Modality.OBLIGATION, requires=f.name > "m")
    policy = Policy(name="liujiang", version="fallback-test", document=liujiang.document,
                    parameters=(), rules=(ordered_text,))
    compiled = db.compile_policy(policy)
    assert "t.ordered_text" in compiled.fallback
    assert_same(policy, {"zones": [{"id": "z", "name": "x"}]}, AS_OF, compiled)
    with pytest.raises(db.DurableEngineError):
        db.compile_policy(policy, strict=True)


# ── two versions side by side; many evaluations ───────────────────────────────────────
def stricter_version(liujiang: Policy) -> Policy:
    """The same policy with a 7% minimum share: a second version of it."""
    old = liujiang.parameter(MIN_SHARE)
    new = replace(old, value=Decimal("0.07"))
    rules = tuple(replace(r, requires=f.rotated >= new * f.eligible) if r.id == MIN_SHARE else r
                  for r in liujiang.rules)
    parameters = tuple(new if p is old else p for p in liujiang.parameters)
    return replace(liujiang, version="2018-seven-percent", rules=rules, parameters=parameters)


def test_two_versions_of_one_policy_run_side_by_side(liujiang, compiled):
    other = db.compile_policy(stricter_version(liujiang))
    again = db.DurablePolicy(replace(liujiang, version="2018-copy"))
    assert not set(compiled.ruleset_names) & set(other.ruleset_names)
    assert not set(compiled.ruleset_names) & set(again.ruleset_names)
    facts = exchange(eligible=100, rotated=7)
    for _ in range(3):   # interleaved
        assert durable_status(compiled, facts, MIN_SHARE) is Status.VIOLATED
        assert durable_status(other, facts, MIN_SHARE) is Status.SATISFIED
        assert durable_status(again, facts, MIN_SHARE) is Status.VIOLATED
    assert_same(other.policy, facts, AS_OF, other)


def test_seven_percent_of_100_is_exact_where_doubles_are_not(liujiang):
    assert not 7 >= 100 * 0.07          # 100 × 0.07 = 7.000000000000001 in doubles
    other = db.compile_policy(stricter_version(liujiang))
    assert durable_status(other, exchange(eligible=100, rotated=7), MIN_SHARE) \
        is Status.SATISFIED


def test_compiling_the_same_policy_object_twice_reuses_the_host(liujiang, compiled):
    assert db.compile_policy(liujiang) is compiled


def test_more_than_1100_evaluations_do_not_exhaust_sessions(compiled):
    facts = {"teacher_exchanges": [{"id": "a", "eligible": 100, "rotated": 10},
                                   {"id": "b", "eligible": 100, "rotated": 9}]}
    for i in range(1150):
        evaluation = compiled.evaluate(facts, AS_OF)
        if i % 100 == 0:
            assert [f.status for f in evaluation.for_rule(MIN_SHARE)] == [
                Status.SATISFIED, Status.VIOLATED]
    assert compiled.sessions.contexts == {}


def test_a_failing_consequence_is_raised_and_its_session_cleaned_up(compiled):
    subject = compiled.subjects["teacher_exchanges"]
    fact = subject.layout.encoder()(
        parse_facts(exchange(eligible=100, rotated=10)).teacher_exchanges[0],
        compiled.base_fact(subject.layout, "broken", AS_OF), 0)
    with pytest.raises(db.DurableEngineError, match="consequence"):
        compiled.sessions.run(subject.rulesets[0], "broken", [fact], Context())  # no table
    assert compiled.sessions.contexts == {} and compiled.sessions.orphans == []
    assert durable_status(compiled, exchange(eligible=100, rotated=10), MIN_SHARE) \
        is Status.SATISFIED


# ── streams ───────────────────────────────────────────────────────────────────────────
DECLINE = "ziyang.assessment.decline_consequence"
STREAM_AS_OF = dt.date(2026, 6, 1)


@pytest.fixture(scope="module")
def ziyang() -> db.DurablePolicy:
    return db.compile_policy(load_policy("ziyang"))


def assessment(id, year, declined, action=None, school="A"):
    record = {"id": id, "school": school, "year": year, "declined": declined, "action": action}
    return ("assessments", {k: v for k, v in record.items() if v is not None})


def last_status(findings):
    """The latest finding of the decline rule per record (a late year revises a record)."""
    return {f.record: f.status for f in findings if f.rule.id == DECLINE}


def test_ziyang_decline_is_judged_as_soon_as_the_second_declining_year_arrives(ziyang):
    pulled = []

    def arriving():
        for record in (assessment("a24", 2024, True), assessment("a25", 2025, True, "none"),
                       assessment("a26", 2026, False)):
            pulled.append(record[1]["id"])
            yield record

    stream = (f for f in db.stream_findings(ziyang, arriving(), as_of=STREAM_AS_OF)
              if f.rule.id == DECLINE and f.record == "assessments[a25]")
    first = next(stream)
    assert pulled == ["a24", "a25"]           # decided before the next record is read
    assert first.status is Status.VIOLATED


def test_ziyang_decline_stream_correlates_years_in_any_order_and_per_school(ziyang):
    records = [assessment("a26", 2026, True, "demoted"),
               assessment("b25", 2025, True, school="B"),
               assessment("a24", 2024, True, "none"), assessment("a25", 2025, True, "none"),
               ("assessments", {"id": "b26", "school": "B", "year": 2026, "declined": None}),
               assessment("a27", 2027, True, "rotated"), assessment("c25", 2025, True, school="C"),
               assessment("c27", 2027, True, school="C")]            # 2026 missing: no pair
    found = last_status(db.stream_findings(ziyang, records, as_of=STREAM_AS_OF))
    assert found == {"assessments[a26]": Status.SATISFIED,       # revised when 2025 arrived
                     "assessments[b25]": Status.NOT_APPLICABLE,
                     "assessments[a24]": Status.NOT_APPLICABLE,
                     "assessments[a25]": Status.VIOLATED,
                     "assessments[b26]": Status.UNDETERMINED,
                     "assessments[a27]": Status.SATISFIED,
                     "assessments[c25]": Status.NOT_APPLICABLE,
                     "assessments[c27]": Status.NOT_APPLICABLE}
    batch = evaluate(ziyang.policy, {"assessments": [data for _, data in records]},
                     STREAM_AS_OF)
    assert found == {f.record: f.status for f in batch.for_rule(DECLINE)}


def test_ziyang_decline_rule_over_consecutive_records_is_decided_in_durable_even_when_strict():
    policy = load_policy("ziyang")
    strict = db.compile_policy(policy, strict=True)
    assert strict.fallback == {} and DECLINE not in strict.fallback
    assert len(strict.subjects["assessments"].sequences) == 1


def test_stream_judges_each_record_like_a_batch_evaluation(liujiang, compiled):
    rows = [{"id": f"r{i}", "eligible": e, "rotated": r}
            for i, (e, r) in enumerate([(100, 10), (100, 9), (0, 0), (None, 1)])]
    streamed = [(f.rule.id, f.record, f.status)
                for f in compiled.stream((("teacher_exchanges", row) for row in rows), AS_OF)]
    batch = evaluate(liujiang, {"teacher_exchanges": rows}, AS_OF)
    expected = {(f.rule.id, f.record, f.status) for f in batch.findings
                if f.rule.subject == "teacher_exchanges"}
    assert set(streamed) == expected and len(streamed) == len(expected)


def test_a_closed_stream_leaves_no_durable_session(ziyang):
    stream = db.stream_findings(ziyang, (assessment(f"a{y}", y, True) for y in range(2000, 2100)),
                                as_of=STREAM_AS_OF)
    next(stream)
    stream.close()
    assert ziyang.sessions.contexts == {}
    again = last_status(db.stream_findings(ziyang, [assessment("x1", 2025, True),
                                                    assessment("x2", 2026, True, "rotated")],
                                           as_of=STREAM_AS_OF))
    assert again["assessments[x2]"] is Status.SATISFIED


def test_stream_rejects_duplicate_and_invalid_records(ziyang):
    with pytest.raises(FactsError):
        list(db.stream_findings(ziyang, [assessment("a", 2025, True),
                                         assessment("a", 2026, True)]))
    with pytest.raises(FactsError):
        list(db.stream_findings(ziyang, [("assessments", {"id": "a", "year": 1800})]))
    with pytest.raises(FactsError):
        list(db.stream_findings(ziyang, [{"id": "a"}]))


# ── import guards ─────────────────────────────────────────────────────────────────────
def _import_with(prelude: str) -> subprocess.CompletedProcess[str]:
    code = textwrap.dedent(prelude) + "\nimport xuequ_rules.engines.durable_backend\n"
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=120, check=False)


def test_missing_durable_says_how_to_install_it_in_both_languages():
    result = _import_with("import sys; sys.modules['durable'] = None")
    assert result.returncode != 0
    assert "DurableUnavailableError" in result.stderr
    assert "pip install xuequ-rules[durable]" in result.stderr and "未安装" in result.stderr


def test_python_313_is_refused_with_a_bilingual_message():
    result = _import_with("import sys, xuequ_rules.evaluation; "
                          "sys.version_info = (3, 13, 0, 'final', 0)")
    assert result.returncode != 0
    assert "3.11" in result.stderr and "只能" in result.stderr and "imports on" in result.stderr


# ── every installed policy; durable's 64-matches-per-fact limit ───────────────────────
@pytest.mark.parametrize("name", ["liujiang", "ziyang", "nantong", "changping", "guilin",
                                  "caoxian"])
def test_every_installed_policy_matches_reference_on_records_with_missing_facts(name):
    from xuequ_rules.facts.schema import collections_of
    policy = load_policy(name)
    compiled = db.compile_policy(policy)
    facts = {collection: [{"id": "x"}] for collection in collections_of(policy.facts_model)}
    facts["attestations"] = {rule.id: True for rule in policy.checklist()}
    for as_of in (dt.date(2015, 1, 1), dt.date(2025, 6, 1), dt.date(2031, 1, 1)):
        assert_same(policy, facts, as_of, compiled)
        assert_same(policy, {}, as_of, compiled)


def test_a_fact_matching_more_than_64_rules_is_split_across_rulesets(liujiang):
    duties = tuple(checklist_duty(id=f"d.{i}", title=zh_en("职责", "duty"),
                                  party=zh_en("区", "district"), cites=(CITE,))
                   for i in range(150))
    policy = Policy(name="liujiang", version="many-duties", document=liujiang.document,
                    parameters=(), rules=duties)
    compiled = db.compile_policy(policy)
    assert len(compiled.ruleset_names) == 3          # 64 + 64 + 22
    facts = {"attestations": {f"d.{i}": (None, True, False)[i % 3] for i in range(149)}}
    evaluation = assert_same(policy, facts, AS_OF, compiled)
    assert evaluation.counts() == {"satisfied": 50, "violated": 49, "not_applicable": 0,
                                   "undetermined": 51, "not_in_force": 0}


def test_a_long_list_of_allowed_values_is_one_match_not_seventy(liujiang):
    years = tuple(range(1950, 2020))
    rule = Rule(id="t.years", title=zh_en("年份", "years"), party=zh_en("区", "district"),
                subject="teacher_exchanges", cites=(CITE,), kind=Modality.OBLIGATION,
                requires=f.year.isin(years))
    policy = Policy(name="liujiang", version="long-isin", document=liujiang.document,
                    parameters=(), rules=(rule,))
    compiled = db.compile_policy(policy)
    assert compiled.fallback == {}
    rows = [{"id": str(y), "year": y} for y in (1949, 1950, 2019, 2020)] + [{"id": "none"}]
    assert_same(policy, {"teacher_exchanges": rows}, AS_OF, compiled)
