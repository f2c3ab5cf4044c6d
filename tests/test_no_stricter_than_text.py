"""No rule stricter than its text: permissions and open lists never condemn what the text allows.

Over every rule of every shipped policy that is a permission (可, 鼓励) or is built on an open
list (…等, ``IsIn(..., open=True)``), hypothesis generates records over the very fields the rule
reads (values at and around the rule's own numbers, the listed values and unlisted ones,
missing facts) and evaluates the rule as if its policy were in force:

* a permission is never ``violated``;
* an open list never decides a violation: a finding ``violated`` with an unlisted value stays
  ``violated`` both when that value counts as a member of the list and when it does not (so
  a requirement that a value be one of an open list is never violated at all).

New open lists marked in a package are picked up automatically. The same properties hold in
every engine: the engines agree with the reference evaluator record by record
(``test_engine_agreement``), and the last test here checks the permissions there directly.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from xuequ_rules import Status, evaluate, load_policy, packages
from xuequ_rules.engines._schema import ColumnSpec, collection_columns
from xuequ_rules.errors import FactsError
from xuequ_rules.facts.schema import Facts
from xuequ_rules.policy.expr import Const, Expr, IsIn, f
from xuequ_rules.policy.parameter import Parameter
from xuequ_rules.policy.policy import Policy
from xuequ_rules.policy.rule import ATTESTATIONS, AnyRule, Decision, Modality, Rule

UNLISTED = ("其他", "other-form", "")
DAYS = (dt.date(2010, 1, 1), dt.date(2018, 6, 30), dt.date(2021, 1, 1), dt.date(2026, 12, 1))


def _open_lists(rule: AnyRule) -> list[IsIn]:
    return [node for expr in rule.expressions() for node in expr.walk()
            if isinstance(node, IsIn) and node.open]


def _is_permission(rule: AnyRule) -> bool:
    return isinstance(rule, Rule) and rule.kind is Modality.PERMISSION


def _subject_rules() -> list[Any]:
    params = []
    for name in packages():
        policy = load_policy(name)
        for rule in policy.rules:
            if _is_permission(rule) or _open_lists(rule):
                params.append(pytest.param(name, rule.id, id=rule.id))
    return params


RULES = _subject_rules()


# ── generated facts over the rule's own fields ────────────────────────────────────
def _constants(rule: AnyRule) -> list[Any]:
    out: list[Any] = []
    for expr in rule.expressions():
        for node in expr.walk():
            if isinstance(node, Const):
                out.append(node.value)
            elif isinstance(node, Parameter):
                out.append(node.value_at(None))
            elif isinstance(node, IsIn):
                out.extend(getattr(v, "value", v) for v in node.values)
    return out


def _numbers(constants: list[Any], spec: ColumnSpec, integer: bool) -> st.SearchStrategy[Any]:
    low = spec.ge if spec.ge is not None else 0
    high = spec.le if spec.le is not None else 10**9
    pool: set[Any] = {low, min(high, low + 1), min(high, 100)}
    for value in constants:
        if isinstance(value, bool) or not isinstance(value, int | Decimal):
            continue
        for near in (value - 1, value, value + 1, value * 10, value * 100):
            near = int(near) if integer else Decimal(near)
            if low <= near <= high:
                pool.add(near)
    sample = st.sampled_from(sorted(pool))
    span = st.integers(int(low), int(min(high, low + 200)))
    return st.one_of(st.none(), sample, span if integer else span.map(Decimal))


def _value(spec: ColumnSpec, constants: list[Any]) -> st.SearchStrategy[Any]:
    if spec.kind == "int":
        return _numbers(constants, spec, True)
    if spec.kind == "dec":
        return _numbers(constants, spec, False)
    if spec.kind == "bool":
        return st.one_of(st.none(), st.booleans())
    if spec.kind == "str":
        listed = [c for c in constants if isinstance(c, str)]
        pool = list(spec.enum) if spec.enum is not None else sorted({*listed, *UNLISTED})
        return st.one_of(st.none(), st.sampled_from(pool))
    if spec.kind == "date":
        dates = [c for c in constants if isinstance(c, dt.date)]
        near = [d + dt.timedelta(days=k) for d in dates for k in (-1, 0, 1)]
        return st.one_of(st.none(), st.sampled_from(sorted({*near, *DAYS})))
    if spec.kind == "list":
        return st.one_of(st.none(), st.lists(st.sampled_from(["a", "b", "c", "d"]),
                                             max_size=12, unique=True))
    return st.none()   # nested records: missing


def _record(rule: AnyRule, schema: type[Facts]) -> st.SearchStrategy[dict[str, Any]]:
    specs = collection_columns(rule.subject, (rule,), schema)
    names = {node.path[0] for node in rule.fields()} | set(rule.group_by or ())
    constants = _constants(rule)
    fields = {name: _value(specs[name], constants) for name in sorted(names) if name in specs}
    return st.fixed_dictionaries(fields)


def _facts(rule: AnyRule, schema: type[Facts]) -> st.SearchStrategy[dict[str, Any]]:
    if not rule.subject:
        duties = sorted({node.path[1] for node in rule.fields()
                         if node.path[0] == ATTESTATIONS and len(node.path) == 2})
        return st.fixed_dictionaries(
            {ATTESTATIONS: st.fixed_dictionaries({d: st.one_of(st.none(), st.booleans())
                                                  for d in duties})})
    size = 4 if rule.grouped else 2
    return st.lists(_record(rule, schema), min_size=1, max_size=size).map(
        lambda rows: {rule.subject: [{"id": f"r{i}", **row} for i, row in enumerate(rows)]})


def _clean(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _clean(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [_clean(v) for v in value]
    return value


# ── the rule alone, and its open lists read as closed ──────────────────────────────
def _rewrite(expr: Expr | None, widen: tuple[Any, ...] | None) -> Expr | None:
    """Each open list closed: with ``widen``, its unlisted values count as members."""
    if expr is None:
        return None
    if isinstance(expr, IsIn) and expr.open:
        extra = tuple(v for v in widen if v not in expr.values) if widen is not None else ()
        inner = _rewrite(expr.item, widen)
        return IsIn(expr.item if inner is None else inner, expr.values + extra, False)
    changes: dict[str, Any] = {}
    for item in dataclasses.fields(expr):  # type: ignore[arg-type]
        value = getattr(expr, item.name)
        if isinstance(value, Expr):
            changes[item.name] = _rewrite(value, widen)
        elif isinstance(value, tuple) and value and all(isinstance(v, Expr) for v in value):
            changes[item.name] = tuple(_rewrite(v, widen) for v in value)
    return dataclasses.replace(expr, **changes) if changes else expr  # type: ignore[type-var]


def _alone(policy: Policy, rule: AnyRule, widen: tuple[Any, ...] | None = None,
           close: bool = False) -> Policy:
    if close:
        exprs = {name: _rewrite(getattr(rule, name), widen)
                 for name in ("applies", "requires", "forbids", "where", "actual")
                 if hasattr(rule, name)}
        if isinstance(rule, Decision):
            exprs["cases"] = tuple(dataclasses.replace(c, when=_rewrite(c.when, widen))
                                   for c in rule.cases)
        rule = dataclasses.replace(rule, **exprs)
    rule = dataclasses.replace(rule, exception_to=None)
    return dataclasses.replace(policy, rules=(rule,), validity=None)


def _only(facts: dict[str, Any], subject: str, record: str) -> dict[str, Any]:
    """The facts with the subject collection reduced to the one record named ``record``."""
    if not subject:
        return facts
    rows = [r for r in facts.get(subject, []) if f"{subject}[{r.get('id')}]" == record]
    return {**facts, subject: rows}


def _statuses(policy: Policy, facts: dict[str, Any], as_of: dt.date) -> dict[str, Status]:
    return {f.record: f.status for f in evaluate(policy, facts, as_of, what_if=True).findings}


@pytest.mark.skipif(not RULES, reason="no shipped rule is a permission or an open list")
@pytest.mark.parametrize(("name", "rule_id"), RULES)
def test_permissions_and_open_lists_never_make_a_rule_stricter_than_its_text(name, rule_id):
    policy = load_policy(name)
    rule = policy.rule(rule_id)
    alone = _alone(policy, rule)
    opens = _open_lists(rule)
    members = _alone(policy, rule, widen=(*UNLISTED, *_constants(rule)), close=True)
    excluded = _alone(policy, rule, widen=None, close=True)
    seen: set[Status] = set()

    @settings(max_examples=60, deadline=None, derandomize=True,
              suppress_health_check=[HealthCheck.filter_too_much, HealthCheck.too_slow])
    @given(facts=_facts(rule, policy.facts_model), as_of=st.sampled_from(DAYS))
    def never_stricter(facts: dict[str, Any], as_of: dt.date) -> None:
        facts = _clean(facts)
        try:
            policy.facts_model.model_validate(facts)
        except (ValidationError, FactsError):
            assume(False)
        statuses = _statuses(alone, facts, as_of)
        seen.update(statuses.values())
        if _is_permission(rule):
            assert Status.VIOLATED not in statuses.values(), (facts, statuses)
        if opens:
            # Each violated record alone (a closed reading of an open list may leave a
            # decision table silent on other, unlisted records: that is not this record's case).
            for record, status in statuses.items():
                if status is Status.VIOLATED:
                    own = _only(facts, rule.subject, record)
                    assert _statuses(members, own, as_of)[record] is Status.VIOLATED, (record,
                                                                                      facts)
                    assert _statuses(excluded, own, as_of)[record] is Status.VIOLATED, (record,
                                                                                       facts)

    never_stricter()
    assert seen, rule_id


def test_a_requirement_that_a_value_be_one_of_an_open_list_is_never_violated():
    """The property over a rule built on an open list alone (Guilin's 等多种组合形式 kind)."""
    liujiang = load_policy("liujiang")
    rule = Rule(id="t.open_form", title=liujiang.rules[0].title, party=liujiang.rules[0].party,
                subject="zones", cites=liujiang.rules[0].cites, kind=Modality.OBLIGATION,
                requires=f.form.isin(("urban_rural_assistance", "education_group"), open=True))
    policy = dataclasses.replace(liujiang, rules=(rule,), valid_until=None, validity=None)
    for form in ("urban_rural_assistance", "school_alliance", "other", None):
        facts = _clean({"zones": [{"id": "z", "form": form}]})
        (status,) = _statuses(policy, facts, dt.date(2019, 1, 1)).values()
        assert status is not Status.VIOLATED
        assert status is (Status.SATISFIED if form == "urban_rural_assistance"
                          else Status.UNDETERMINED)


@pytest.mark.parametrize(("name", "rule_id"), [p for p in RULES if "duty" not in p.values[1]])
def test_a_permission_is_never_violated_in_polars_or_duckdb_either(name, rule_id):
    from test_engine_agreement import check_agreement

    policy = load_policy(name)
    rule = policy.rule(rule_id)
    if not _is_permission(rule) or rule.grouped:
        pytest.skip("per-record permissions only; grouped rules are covered by the agreement test")
    seen = check_agreement(_alone(policy, rule), rule.subject, max_examples=25)
    assert seen.get(rule_id) and Status.VIOLATED.value not in seen[rule_id]
