"""Properties every policy must have, over generated facts."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from xuequ_rules import Status, evaluate, load_policy
from xuequ_rules.evaluation.lifecycle import Lifecycle
from xuequ_rules.policy.policy import quote_in_clause
from xuequ_rules.policy.rule import Decision
from xuequ_rules.registry import packages

REFS = [f"{name}@{version}" for name, package in packages().items()
        for version in package.versions()]
AS_OF = dt.date(2030, 1, 1)
DECISIONS = [(ref, rule.id) for ref in REFS for rule in load_policy(ref).rules
             if isinstance(rule, Decision) and rule.subject == "expenditures"]


@pytest.mark.parametrize("ref", REFS)
def test_no_facts_at_all_never_gives_a_satisfied_finding(ref):
    result = evaluate(load_policy(ref), {}, as_of=AS_OF)
    assert not [f.rule.id for f in result.findings if f.status is Status.SATISFIED]


def _spending(policy, amount):
    record = {"id": "e", "amount": amount}
    annex = policy.data.get("annex")
    if annex:   # Ziyang 二/(三)/7: the lower band names the member schools' principals only
        record["school"] = annex[0]["members"][0]["school"]
    return {"expenditures": [record]}


@pytest.mark.parametrize(("ref", "rule_id"), DECISIONS)
@given(amount=st.decimals(min_value=0, max_value=10**9, places=2, allow_nan=False))
@settings(max_examples=200, deadline=None)
def test_every_non_negative_amount_gets_exactly_one_approval_route(ref, rule_id, amount):
    policy = load_policy(ref)
    facts = _spending(policy, amount)
    (finding,) = evaluate(policy, facts, as_of=AS_OF).for_rule(rule_id)
    assert finding.decision is not None


def test_ziyang_approval_route_changes_exactly_at_100000_yuan_inclusive():
    (ref, rule_id) = next(d for d in DECISIONS if d[0].startswith("ziyang"))
    policy = load_policy(ref)

    def route(amount: Decimal) -> str:
        facts = _spending(policy, amount)
        (finding,) = evaluate(policy, facts, as_of=AS_OF).for_rule(rule_id)
        assert finding.decision is not None
        return finding.decision.code

    assert route(Decimal("99999.99")) != route(Decimal("100000")) == route(Decimal("100000.01"))


exchange_records = st.lists(st.fixed_dictionaries({
    "eligible": st.one_of(st.none(), st.integers(0, 10**12)),
    "rotated": st.one_of(st.none(), st.integers(0, 10**12)),
    "backbone_rotated": st.one_of(st.none(), st.integers(0, 10**12)),
}), min_size=1, max_size=4)


def _valid(records):
    out = []
    for index, record in enumerate(records):
        eligible, rotated, backbone = (record["eligible"], record["rotated"],
                                       record["backbone_rotated"])
        if eligible is not None and rotated is not None:
            rotated = min(rotated, eligible)
        if rotated is not None and backbone is not None:
            backbone = min(backbone, rotated)
        out.append({"id": str(index), "eligible": eligible, "rotated": rotated,
                    "backbone_rotated": backbone})
    return out


@pytest.mark.parametrize("ref", REFS)
@given(records=exchange_records)
@settings(max_examples=40, deadline=None)
def test_evaluation_is_deterministic_and_every_citation_resolves(ref, records):
    policy = load_policy(ref)
    facts = {"teacher_exchanges": _valid(records)}
    first = evaluate(policy, facts, as_of=AS_OF)
    second = evaluate(policy, facts, as_of=AS_OF)
    assert json.dumps(first.as_dict(), ensure_ascii=False) == json.dumps(
        second.as_dict(), ensure_ascii=False)
    for finding in first.findings:
        for cite in finding.citations:
            assert quote_in_clause(policy.document, cite)


@pytest.mark.parametrize("ref", REFS)
@given(as_of=st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2060, 12, 31)))
@settings(max_examples=30, deadline=None)
def test_undated_facts_outside_the_policy_are_not_in_force_and_outside_a_rule_not_applicable(
        ref, as_of):
    policy = load_policy(ref)
    result = evaluate(policy, {"teacher_exchanges": [{"id": "x", "eligible": 10, "rotated": 1}]},
                      as_of=as_of)
    force = Lifecycle.of(policy).at_date(as_of)   # the facts are undated: judged at as_of
    for finding in result.findings:
        if force is not None:
            assert finding.status is Status.NOT_IN_FORCE and finding.force is force
        elif not finding.rule.valid_at(as_of):
            assert finding.status is Status.NOT_APPLICABLE


@pytest.mark.parametrize("ref", REFS)
@given(eligible=st.integers(1, 10**9), rotated=st.integers(0, 10**9),
       extra=st.integers(0, 10**6))
@settings(max_examples=40, deadline=None)
def test_more_rotated_teachers_never_turns_satisfied_into_violated(ref, eligible, rotated, extra):
    policy = load_policy(ref)
    low = min(rotated, eligible)
    high = min(low + extra, eligible)

    def statuses(count):
        facts = {"teacher_exchanges": [{"id": "x", "eligible": eligible, "rotated": count,
                                        "backbone_rotated": 0}]}
        return {f.rule.id: f.status for f in evaluate(policy, facts, as_of=AS_OF).findings
                if f.rule.concept == "teacher_exchange.min_share_per_year"}

    before, after = statuses(low), statuses(high)
    for rule_id, status in before.items():
        if status is Status.SATISFIED:
            assert after[rule_id] is Status.SATISFIED


def test_decimal_money_never_float():
    from xuequ_rules.facts import parse_facts

    facts = parse_facts({"expenditures": [{"id": "e", "amount": 0.1}]}, policy=load_policy("ziyang"))
    assert facts.expenditures[0].amount == Decimal("0.1")
