"""Rules compiled to status columns: applicability, checks, decisions, exceptions, periods."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from xuequ_rules.engines._schema import (
    ColumnSpec,
    collection_columns,
    normalize_collection,
    subject_rules,
)
from xuequ_rules.engines.columns.expressions import ExprCompiler
from xuequ_rules.engines.columns.values import NA, NIF, SAT, UND, VIO, Algebra, Cond, Kleene, Unsupported
from xuequ_rules.evaluation.lifecycle import Force, Lifecycle
from xuequ_rules.facts.constraints import Constraint, constraints_of
from xuequ_rules.policy.expr import (
    CompareOp,
    Const,
)
from xuequ_rules.policy.policy import Policy
from xuequ_rules.policy.rule import ATTESTATIONS, AnyRule, Decision, Modality, Rule

# ── rules ──────────────────────────────────────────────────────────────────────

@dataclass
class RulePlan:
    """How one rule is computed on the table."""

    rule: AnyRule
    status: Any                    # backend expression giving a status string
    applicable: Cond               # the rule was judged (valid, applies is True)
    decision: Any = None           # outcome code expression (decisions only)
    error: Any = None              # text expression, non-null on a decision-table conflict


@dataclass
class PolicyPlan:
    """Every rule of one collection of a policy, compiled for one backend at one date."""

    policy: Policy
    collection: str
    as_of: dt.date
    columns: dict[str, ColumnSpec]
    rules: list[RulePlan]
    unsupported: dict[str, str]
    errors: Any = None             # combined conflict expression, or None
    bindings: list[tuple[str, Any]] = field(default_factory=list)   # SQL: inner columns
    checks: Any = None             # polars: a one-row query, true where the table is invalid


def period_status(rule: AnyRule, policy: Policy, as_of: dt.date,
                  what_if: bool = False) -> str | None:
    """``not_applicable`` when the whole rule is out of its period or before its deadline.

    Such a finding is about no record, so the policy's force is judged at ``as_of``.
    """
    status: str | None = None
    if not rule.valid_at(as_of) or (
            isinstance(rule, Rule) and rule.deadline is not None and as_of < rule.deadline):
        status = NA
    if status is not None and not what_if and Lifecycle.of(policy).at_date(as_of) is not None:
        return NIF
    return status


def not_in_force(c: ExprCompiler, policy: Policy, collection: str, as_of: dt.date,
                 available: Iterable[str] | None = None) -> Cond:
    """Where a record (or group) of ``collection`` is outside the policy's force.

    The reference decides this per finding after evaluation (see
    :mod:`xuequ_rules.evaluation.lifecycle`); engines override a row's status the same way.
    """
    life = Lifecycle.of(policy)
    conds: list[Cond] = []
    fields = None if available is None else frozenset(available)
    for force in Force:
        expr = life.condition(collection, force, as_of, fields)
        if expr is None:
            continue
        if isinstance(expr, Const):
            return True
        conds.append(c.is_true(c.compile(expr)))
    return c.logic.or_(*conds)


def _applicability(c: ExprCompiler, rule: AnyRule) -> tuple[list[tuple[Cond, Any]], Cond]:
    """The status branches of a rule's condition (unknown: undetermined; false: not
    applicable) and whether it applies."""
    if rule.applies is None:
        return [], True
    applies = c.bind(c.compile(rule.applies))
    applicable = c.is_true(applies)
    return [(c.unknown(applies), c.algebra.status(UND)),
            (c.logic.not_(applicable), c.algebra.status(NA))], applicable


def rule_plan(c: ExprCompiler, rule: Rule) -> RulePlan:
    a, lg = c.algebra, c.logic
    branches, applicable = _applicability(c, rule)
    check_expr = rule.requires if rule.requires is not None else rule.forbids
    if check_expr is None:
        return RulePlan(rule, lg.when(branches, a.status(NA)), applicable)
    check = c.bind(c.compile(check_expr))
    branches.append((c.unknown(check), a.status(UND)))
    if check.undef is not False:
        branches.append((check.undef, a.status(NA)))
    truth = c.truthy(check)
    if rule.kind is Modality.PERMISSION:
        branches.append((truth, a.status(SAT)))
        otherwise = a.status(NA)
    elif rule.requires is not None:
        branches.append((truth, a.status(SAT)))
        otherwise = a.status(VIO)
    else:
        branches.append((truth, a.status(VIO)))
        otherwise = a.status(SAT)
    return RulePlan(rule, lg.when(branches, otherwise), applicable)


def decision_plan(c: ExprCompiler, rule: Decision) -> RulePlan:
    a, lg = c.algebra, c.logic
    gate, applicable = _applicability(c, rule)
    cases = [c.bind(c.compile(case.when)) for case in rule.cases]
    chosen = [c.is_true(case) for case in cases]
    live = [lg.expr(t) for t in chosen]
    count = a.count_true(live)
    none_chosen = a.compare(CompareOp.EQ, count, a.int_lit(0))
    several = a.compare(CompareOp.GT, count, a.int_lit(1))
    unknown_any = lg.or_(*(c.unknown(case) for case in cases))
    code = lg.when([(t, a.text(case.outcome.code)) for t, case in zip(chosen, rule.cases,
                                                                         strict=True)],
                   a.text(None))
    branches = [*gate,
                (several, a.status(None)),
                (lg.and_(none_chosen, unknown_any), a.status(UND)),
                (none_chosen, a.status(None))]
    if rule.actual is None:
        status = lg.when(branches, a.status(UND))
    else:
        actual = c.compile(rule.actual)
        branches.append((c.unknown(actual), a.status(UND)))
        if actual.kind == "str":
            taken = a.compare(CompareOp.EQ, actual.v, code)
            branches.append((taken, a.status(SAT)))
        status = lg.when(branches, a.status(VIO))
    error = lg.when([
        (lg.and_(applicable, several),
         a.text(f"decision {rule.id}: several cases hold at once")),
        (lg.and_(applicable, none_chosen, lg.not_(unknown_any)),
         a.text(f"decision {rule.id}: no case holds (incomplete table)")),
    ], a.text(None))
    decision = lg.when([(lg.not_(applicable), a.text(None))], code)
    return RulePlan(rule, status, applicable, decision=decision, error=error)


def compile_policy(policy: Policy, collection: str, algebra: Algebra,
                   as_of: dt.date | None = None,
                   columns: dict[str, ColumnSpec] | None = None, *,
                   trust_bounds: bool = False, what_if: bool = False) -> PolicyPlan:
    """Compile every rule of ``policy`` whose subject is ``collection``."""
    collection = normalize_collection(collection)
    date = as_of or dt.date.today()
    rules = subject_rules(policy.rules, collection)
    specs = columns if columns is not None else collection_columns(collection, rules,
                                                                     policy.facts_model)
    compiler = ExprCompiler(algebra, specs, date, trust_bounds)
    lg = compiler.logic
    plans: list[RulePlan] = []
    unsupported: dict[str, str] = {}
    whole_rule: set[str] = set()
    for rule in rules:
        if getattr(rule, "group_by", None) is not None:
            continue   # judged per group of records: see compile_grouped
        if collection == "":
            # a scenario table has jurisdiction and attestation columns, not whole collections
            heads = {node.path[0] for node in rule.fields()} - {"jurisdiction", ATTESTATIONS}
            if heads:
                unsupported[rule.id] = (f"scenario-level rule reads {sorted(heads)}, which a "
                                        "one-row-per-scenario table does not hold")
                continue
        period = period_status(rule, policy, date, what_if)
        if period is not None:
            whole_rule.add(rule.id)
            plans.append(RulePlan(rule, algebra.status(period), False,
                                  decision=algebra.text(None) if isinstance(rule, Decision)
                                  else None))
            continue
        try:
            if isinstance(rule, Decision):
                plans.append(decision_plan(compiler, rule))
            else:
                plans.append(rule_plan(compiler, rule))
        except Unsupported as exc:
            unsupported[rule.id] = str(exc)
    by_id = {plan.rule.id: plan for plan in plans}
    # exceptions: an applicable exception makes the rule it excepts not applicable
    for plan in plans:
        target_id = plan.rule.exception_to
        target = by_id.get(target_id) if target_id is not None else None
        if target is None or plan.applicable is False:
            continue
        target.status = lg.when([(plan.applicable, algebra.status(NA))], target.status)
        if target.decision is not None:
            target.decision = lg.when([(plan.applicable, algebra.text(None))], target.decision)
    errors = [plan.error for plan in plans if plan.error is not None]
    errors.extend(_question_conflicts(plans, algebra, lg))
    # a record is dated only by a column the table has (without it: judged at as_of)
    outside = False if what_if else not_in_force(compiler, policy, collection, date, specs)
    for plan in plans:
        if plan.rule.id in whole_rule:
            continue   # a whole-rule period finding: judged at as_of above
        plan.status = lg.when([(outside, algebra.status(NIF))], plan.status)
        if plan.decision is not None:
            plan.decision = lg.when([(outside, algebra.text(None))], plan.decision)
    return PolicyPlan(policy, collection, date, specs, plans, unsupported,
                      algebra.first_non_null(errors) if errors else None)


def _question_conflicts(plans: list[RulePlan], algebra: Algebra, lg: Kleene) -> list[Any]:
    """Two decisions on the same question answering differently for the same record."""
    out: list[Any] = []
    by_question: dict[str, list[RulePlan]] = {}
    for plan in plans:
        if isinstance(plan.rule, Decision) and plan.decision is not None:
            by_question.setdefault(plan.rule.question, []).append(plan)
    for question, group in by_question.items():
        for k, plan in enumerate(group):
            rule = plan.rule
            for previous in reversed(group[:k]):
                other = previous.rule
                related = other.exception_to == rule.id or rule.exception_to == other.id
                # the reference compares with the latest earlier decision that was given
                later_given = [algebra.is_null(p.decision)
                               for p in group[group.index(previous) + 1:k]]
                if related:
                    continue
                differ = lg.and_(lg.not_(algebra.is_null(plan.decision)),
                                 lg.not_(algebra.is_null(previous.decision)),
                                 algebra.compare(CompareOp.NE, plan.decision, previous.decision),
                                 *later_given)
                out.append(lg.when([(differ, algebra.text(
                    f"rules {other.id} and {rule.id} decide {question!r} differently"))],
                    algebra.text(None)))
    return out


def compile_constraints(policy: Policy, collection: str, algebra: Algebra,
                        columns: dict[str, ColumnSpec]) -> list[tuple[Constraint, Any]]:
    """Per cross-field constraint of the collection's records, a column true on the rows
    that violate it (its condition false; unknown is accepted, as by the facts model)."""
    c = ExprCompiler(algebra, columns, None)
    lg = c.logic
    out: list[tuple[Constraint, Any]] = []
    for constraint in constraints_of(policy.facts_model, collection):
        x = c.compile(constraint.holds)
        violated = lg.and_(lg.not_(c.unknown(x)), lg.not_(x.undef), lg.not_(c.truthy(x)))
        out.append((constraint, lg.expr(violated)))
    return out
