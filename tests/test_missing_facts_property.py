"""Missing facts never satisfy a rule: a property over every rule of every shipped policy.

For each rule and each fact it reads, the fact is dropped (and, separately, given as null)
from records whose other facts range over sample values. The rule must not come out
satisfied — unless it is satisfied whatever value that fact takes (three-valued logic:
``unknown or true`` is true), which the test checks by trying every sample value of the
fact. A record with none of its facts is never satisfied, with no exception.
"""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal
from typing import Any

import pytest

from xuequ_rules.engines._schema import ColumnSpec, collection_columns, normalize_collection
from xuequ_rules.errors import FactsError
from xuequ_rules.evaluation import evaluate
from xuequ_rules.evaluation.finding import Status
from xuequ_rules.policy.expr import Compare, Const, IsIn
from xuequ_rules.policy.policy import Policy
from xuequ_rules.registry import load_policy, packages

SCENARIO = ""           # the subject of checklist duties: the scenario's attestations
PROFILES = 12


def _refs() -> list[str]:
    return [f"{name}@{version}" for name, package in packages().items()
            for version in package.versions()]


def _strings(policy: Policy) -> list[str]:
    """Every text constant the rules compare a fact with (areas, kinds, names)."""
    found: set[str] = {"其他"}
    for rule in policy.rules:
        for expr in rule.expressions():
            for node in expr.walk():
                if isinstance(node, IsIn):
                    found.update(v for v in node.values if isinstance(v, str))
                elif isinstance(node, Compare):
                    for side in (node.left, node.right):
                        if isinstance(side, Const) and isinstance(side.value, str):
                            found.add(side.value)
    return sorted(found)


def _samples(spec: ColumnSpec, strings: list[str]) -> list[Any]:
    if spec.kind == "bool":
        return [True, False]
    if spec.kind in ("int", "dec"):
        raw = [0, 1, 2, 3, 5, 8, 10, 20, 50, 100, 2013, 2015, 2018, 2020, 10**6]
        if spec.kind == "dec":
            raw = [Decimal(v) for v in raw] + [Decimal("0.1"), Decimal("0.5"),
                                               Decimal("0.8"), Decimal("0.95")]
        low = spec.ge if spec.ge is not None else Decimal(-(10**9))
        high = spec.le if spec.le is not None else Decimal(10**9)
        return [v for v in raw if low <= Decimal(v) <= high]
    if spec.kind == "str":
        return list(spec.enum) if spec.enum else strings
    if spec.kind == "date":
        return [dt.date(2010, 1, 1), dt.date(2015, 6, 1), dt.date(2019, 9, 1),
                dt.date(2030, 1, 1)]
    if spec.kind == "list":
        return [[], strings[:3], strings]
    return []


def _as_of(rule: Any) -> dt.date:
    deadline = getattr(rule, "deadline", None)
    date = deadline + dt.timedelta(days=1) if deadline else dt.date(2030, 1, 1)
    if rule.valid_from is not None and date < rule.valid_from:
        date = rule.valid_from
    if rule.valid_until is not None and date > rule.valid_until:
        date = rule.valid_until
    return date


def _status(policy: Policy, rule_id: str, subject: str, record: dict[str, Any],
            as_of: dt.date) -> set[Status]:
    facts: dict[str, Any] = ({"attestations": record}
                             if normalize_collection(subject) == SCENARIO
                             else {subject: [{"id": "r", **record}]})
    try:
        findings = evaluate(policy, facts, as_of).findings
    except FactsError:       # the sample values break a cross-field constraint: no record
        return set()
    return {f.status for f in findings if f.rule.id == rule_id}


def _cases(ref: str) -> list[tuple[str, Any, dict[str, list[Any]]]]:
    policy = load_policy(ref)
    strings = _strings(policy)
    out = []
    for rule in policy.rules:
        names = {node.path[0] for node in rule.fields()} - {"id"}
        if normalize_collection(rule.subject) == SCENARIO:
            names = {node.path[1] for node in rule.fields() if len(node.path) == 2}
            samples = {name: [True, False] for name in names}
        else:
            specs = collection_columns(rule.subject, (), policy.facts_model)
            samples = {name: _samples(specs[name], strings) for name in names
                       if name in specs and specs[name].kind != "records"}
        out.append((rule.id, rule, samples))
    return out


def _valid_profile(policy: Policy, rule: Any, samples: dict[str, list[Any]],
                   rng: random.Random) -> dict[str, Any]:
    """Sample values for the facts a rule reads, drawn until the record is valid."""
    full: dict[str, Any] = {}
    for _ in range(40):
        full = {name: rng.choice(values) for name, values in samples.items() if values}
        if _status(policy, rule.id, rule.subject, full, _as_of(rule)):
            break
    return full


@pytest.mark.parametrize("ref", _refs())
def test_no_rule_is_satisfied_on_a_record_without_facts(ref: str) -> None:
    policy = load_policy(ref)
    wrong = [rule.id for rule in policy.rules
             if Status.SATISFIED in _status(policy, rule.id, rule.subject, {}, _as_of(rule))]
    assert wrong == []


@pytest.mark.parametrize("ref", _refs())
def test_no_rule_is_satisfied_when_a_fact_it_reads_is_missing_or_null(ref: str) -> None:
    policy = load_policy(ref)
    rng = random.Random(ref)
    wrong: list[str] = []
    for rule_id, rule, samples in _cases(ref):
        as_of = _as_of(rule)
        for _ in range(PROFILES):
            full = _valid_profile(policy, rule, samples, rng)
            for name in samples:
                for gap in ("missing", "null"):
                    record = {k: v for k, v in full.items() if k != name}
                    if gap == "null" and normalize_collection(rule.subject) != SCENARIO:
                        record[name] = None
                    if Status.SATISFIED not in _status(policy, rule_id, rule.subject, record,
                                                       as_of):
                        continue
                    # satisfied whatever the fact is? then the missing fact does not matter
                    others = [_status(policy, rule_id, rule.subject, {**record, name: value},
                                      as_of) for value in samples[name]]
                    if all(Status.SATISFIED in found for found in others if found):
                        continue
                    wrong.append(f"{rule_id} without {name} ({gap}): {full}")
    assert wrong == [], "\n".join(wrong[:20])
