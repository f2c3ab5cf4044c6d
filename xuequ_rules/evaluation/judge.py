"""Judging one rule on one record: each rule compiled once, a verdict per record.

A verdict is what a finding says before the policy's lifecycle is applied: whether the rule
applied to the record, its status, its reason, the comparisons made (the trace) and, for a
decision, the outcome chosen. Reasons that do not depend on the record are one shared object.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any, TypeAlias

from xuequ_rules.errors import RuleConflictError
from xuequ_rules.evaluation.compiler import UNDEFINED, Compiled, Env, Group, compile_expr
from xuequ_rules.evaluation.finding import Status
from xuequ_rules.evaluation.trace import TraceStep
from xuequ_rules.facts.schema import Facts
from xuequ_rules.policy.policy import Policy
from xuequ_rules.policy.rule import AnyRule, Decision, Modality, Outcome, Rule
from xuequ_rules.text import Text

Trace: TypeAlias = tuple[TraceStep, ...]
Verdict: TypeAlias = tuple[bool, Status, Text, Trace, Outcome | None]
"""(whether the rule applied, status, reason, trace, decision outcome)."""

# Reasons shared by every finding that gives them (one object, not one per record).
APPLIES_UNKNOWN = Text("缺少判断是否适用的事实",
                       "facts needed to decide whether the rule applies are missing")
APPLIES_FALSE = Text("适用条件不成立", "the rule's condition does not hold")
NOTHING_TO_CHECK = Text("无可判定的要求", "nothing to check")
MISSING_FACTS = Text("缺少所需事实，无法判定", "facts needed to decide are missing")
ZERO_DENOMINATOR = Text("比例的分母为零，本要求不适用",
                        "the ratio's denominator is zero; the requirement does not apply")
PERMISSION_AVAILABLE = Text("许可条件成立，可以为之", "the permission is available")
PERMISSION_UNMET = Text("许可条件不成立", "the permission's conditions are not met")
NOT_MET = Text("不符合要求", "requirement not met")
MET = Text("符合要求", "requirement met")
PROCEDURE_UNKNOWN = Text("缺少所需事实，无法确定适用的程序",
                         "facts needed to choose the procedure are missing")


def _taken(env: Env) -> Trace:
    """The comparisons recorded so far, leaving ``env`` ready for the next record."""
    trace = env.trace
    if not trace:
        return ()
    steps = tuple(trace)
    trace.clear()
    return steps


Judge: TypeAlias = Callable[[Any, str, Env], Verdict]
"""``judge(record, ref, env)``: one rule's verdict on a record, the trace taken from ``env``."""


@dataclass(frozen=True, slots=True)
class CompiledRule:
    rule: AnyRule
    applies: Compiled | None
    requires: Compiled | None
    forbids: Compiled | None
    cases: tuple[Compiled, ...]
    actual: Compiled | None
    where: Compiled | None
    judge: Judge


_CACHE: dict[int, tuple[Policy, tuple[CompiledRule, ...]]] = {}


def compiled_rules(policy: Policy) -> tuple[CompiledRule, ...]:
    """Compile each rule once per policy object."""
    cached = _CACHE.get(id(policy))
    if cached is not None and cached[0] is policy:
        return cached[1]
    result = tuple(compile_rule(rule) for rule in policy.rules)
    _CACHE[id(policy)] = (policy, result)
    return result


def compile_rule(rule: AnyRule) -> CompiledRule:
    """Every expression of ``rule`` as a closure, and its judge."""
    applies = compile_expr(rule.applies) if rule.applies is not None else None
    where = compile_expr(rule.where, traced=False) if rule.where is not None else None
    if isinstance(rule, Decision):
        cases = tuple(compile_expr(c.when) for c in rule.cases)
        actual = compile_expr(rule.actual) if rule.actual is not None else None
        return CompiledRule(rule, applies, None, None, cases, actual, where,
                            _decision_judge(rule, applies, cases, actual))
    requires = compile_expr(rule.requires) if rule.requires is not None else None
    forbids = compile_expr(rule.forbids) if rule.forbids is not None else None
    return CompiledRule(rule, applies, requires, forbids, (), None, where,
                        _rule_judge(rule, applies, requires, forbids))


def verdict(compiled: CompiledRule, record: Any, ref: str, env: Env) -> Verdict:
    """The rule of ``compiled`` judged on ``record`` (called ``ref``)."""
    return compiled.judge(record, ref, env)


def _not_applying(value: Any, env: Env) -> Verdict:
    if value is None:
        return False, Status.UNDETERMINED, APPLIES_UNKNOWN, _taken(env), None
    return False, Status.NOT_APPLICABLE, APPLIES_FALSE, _taken(env), None


def _rule_judge(rule: Rule, applies: Compiled | None, requires: Compiled | None,
                forbids: Compiled | None) -> Judge:
    checks = requires or forbids
    permission = rule.kind is Modality.PERMISSION
    required = requires is not None

    def judge(record: Any, ref: str, env: Env) -> Verdict:
        if applies is not None:
            value = applies(record, env)
            if value is not True:
                return _not_applying(value, env)
        if checks is None:
            env.trace.clear()
            return True, Status.NOT_APPLICABLE, NOTHING_TO_CHECK, (), None
        value = checks(record, env)
        trace = env.trace
        steps: Trace = ()
        if trace:
            steps = tuple(trace)
            trace.clear()
        if value is None:
            return True, Status.UNDETERMINED, MISSING_FACTS, steps, None
        if value is UNDEFINED:
            return True, Status.NOT_APPLICABLE, ZERO_DENOMINATOR, steps, None
        if permission:
            if value:
                return True, Status.SATISFIED, PERMISSION_AVAILABLE, steps, None
            return True, Status.NOT_APPLICABLE, PERMISSION_UNMET, steps, None
        if (not value) if required else bool(value):
            return True, Status.VIOLATED, NOT_MET, steps, None
        return True, Status.SATISFIED, MET, steps, None
    return judge


def _decision_judge(rule: Decision, applies: Compiled | None, cases: tuple[Compiled, ...],
                    actual: Compiled | None) -> Judge:
    def judge(record: Any, ref: str, env: Env) -> Verdict:
        if applies is not None:
            value = applies(record, env)
            if value is not True:
                return _not_applying(value, env)
        return _decision(rule, cases, actual, record, ref, env)
    return judge


def _decision(rule: Decision, cases: tuple[Compiled, ...], actual_of: Compiled | None,
              record: Any, ref: str, env: Env) -> Verdict:
    results = [case(record, env) for case in cases]
    trace = _taken(env)
    chosen = [rule.cases[i] for i, value in enumerate(results) if value is True]
    if len(chosen) > 1:
        raise RuleConflictError(
            f"决策规则 {rule.id} 对 {ref or '本情形'} 有 {len(chosen)} 个情形同时成立",
            f"decision {rule.id}: {len(chosen)} cases hold at once for {ref or 'the scenario'}",
            field=rule.id)
    if not chosen:
        if any(value is None for value in results):
            return True, Status.UNDETERMINED, PROCEDURE_UNKNOWN, trace, None
        raise RuleConflictError(
            f"决策规则 {rule.id} 对 {ref or '本情形'} 没有任何情形成立（决策表不完整）",
            f"decision {rule.id}: no case holds for {ref or 'the scenario'} (incomplete table)",
            field=rule.id)
    outcome = chosen[0].outcome
    if actual_of is None:
        return (True, Status.UNDETERMINED,
                Text(f"应适用：{outcome.text.zh}", f"applicable: {outcome.text.en}"),
                trace, outcome)
    actual = actual_of(record, env)
    env.trace.clear()            # the route taken is read, not compared
    if actual is None:
        return (True, Status.UNDETERMINED,
                Text(f"应适用：{outcome.text.zh}；未提供实际程序，无法判定是否合规",
                     f"applicable: {outcome.text.en}; the route actually taken is not given"),
                trace, outcome)
    code = getattr(actual, "value", actual)
    if code == outcome.code:
        return (True, Status.SATISFIED,
                Text(f"应适用并已适用：{outcome.text.zh}",
                     f"applicable and taken: {outcome.text.en}"), trace, outcome)
    return (True, Status.VIOLATED,
            Text(f"应适用：{outcome.text.zh}；实际为 {code}",
                 f"applicable: {outcome.text.en}; actually taken: {code}"), trace, outcome)


def check_decisions(decided: list[tuple[Decision, str, Outcome]]) -> None:
    """Two decisions on the same question and record must agree (unless one is an exception
    to the other); ``decided`` lists (rule, record reference, outcome) in finding order."""
    answers: dict[tuple[str, str], tuple[Decision, Outcome]] = {}
    for rule, ref, decision in decided:
        key = (rule.question, ref)
        other = answers.get(key)
        if other is not None and other[1] != decision and \
                other[0].exception_to != rule.id and rule.exception_to != other[0].id:
            raise RuleConflictError(
                f"规则 {other[0].id} 与 {rule.id} 对 {ref} 的“{rule.question}”给出不同结论",
                f"rules {other[0].id} and {rule.id} decide {rule.question!r} differently for "
                f"{ref}", field=rule.question)
        answers[key] = (rule, decision)


_NA_PERIOD = Text("不在本规则的有效期内", "outside the rule's period of validity")


def period_verdict(rule: AnyRule, as_of: dt.date) -> Text | None:
    """Why a rule is not judged at ``as_of``: outside its own period, or a target before its
    deadline (the policy's own period is judged per record: see
    :mod:`~xuequ_rules.evaluation.lifecycle`)."""
    if not rule.valid_at(as_of):
        return _NA_PERIOD
    if isinstance(rule, Rule) and rule.deadline is not None and as_of < rule.deadline:
        return Text(f"目标期限为 {rule.deadline}，届时评判",
                    f"target is judged at its deadline {rule.deadline}")
    return None


def group_ref(subject: str, key: dict[str, Any]) -> str:
    if not key:
        return f"{subject}[*]"
    parts = ",".join(f"{name}={getattr(value, 'value', value)}" for name, value in key.items())
    return f"{subject}[{parts}]"


def groups(compiled: CompiledRule, facts: Facts, date: dt.date
           ) -> Iterator[tuple[str, Group, tuple[str, ...]]]:
    """The groups of a grouped rule: (ref, group, records whose inclusion is unknown)."""
    rule = compiled.rule
    names = rule.group_by or ()
    members: dict[tuple[Any, ...], list[Any]] = {}
    unsure: dict[tuple[Any, ...], list[str]] = {}
    where = compiled.where
    scratch = Env(date)
    for record in getattr(facts, rule.subject):
        key = tuple(getattr(record, name, None) for name in names)
        members.setdefault(key, [])
        if where is not None:
            included = where(record, scratch)
            scratch.trace.clear()
            if included is None:
                unsure.setdefault(key, []).append(record.id)
                continue
            if included is not True:
                continue
        members[key].append(record)
    for key, records in members.items():
        key_dict = dict(zip(names, key, strict=True))
        yield (group_ref(rule.subject, key_dict), Group(key_dict, tuple(records)),
               tuple(unsure.get(key, ())))


def unsure_reason(unsure: tuple[str, ...]) -> Text:
    return Text(f"无法判断以下记录是否计入：{'、'.join(unsure)}",
                f"cannot tell whether these records count: {', '.join(unsure)}")


def no_facts_reason(subject: str) -> Text:
    return Text(f"未提供“{subject}”方面的事实", f"no facts given about {subject}")


def exception_reason(by: str) -> Text:
    return Text(f"例外规则 {by} 适用，本规则让位", f"exception {by} applies and takes precedence")
