"""The reference evaluator: every rule of a policy over a scenario of facts."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, replace
from typing import Any

from xuequ_rules.errors import RuleConflictError
from xuequ_rules.evaluation.compiler import UNDEFINED, Compiled, Env, Group, compile_expr
from xuequ_rules.evaluation.finding import Finding, Status
from xuequ_rules.evaluation.lifecycle import Force, Lifecycle
from xuequ_rules.evaluation.sequences import RecordSequence
from xuequ_rules.facts.loader import facts_for
from xuequ_rules.facts.schema import Facts
from xuequ_rules.policy.policy import Policy
from xuequ_rules.policy.rule import AnyRule, Decision, Modality, Rule
from xuequ_rules.text import Text


@dataclass(frozen=True, slots=True)
class CompiledRule:
    rule: AnyRule
    applies: Compiled | None
    requires: Compiled | None
    forbids: Compiled | None
    cases: tuple[Compiled, ...]
    actual: Compiled | None
    where: Compiled | None = None


_CACHE: dict[int, tuple[Policy, tuple[CompiledRule, ...]]] = {}


def compiled_rules(policy: Policy) -> tuple[CompiledRule, ...]:
    """Compile each rule once per policy object."""
    cached = _CACHE.get(id(policy))
    if cached is not None and cached[0] is policy:
        return cached[1]
    out: list[CompiledRule] = []
    for rule in policy.rules:
        applies = compile_expr(rule.applies) if rule.applies is not None else None
        where = compile_expr(rule.where) if rule.where is not None else None
        if isinstance(rule, Decision):
            out.append(CompiledRule(rule, applies, None, None,
                                     tuple(compile_expr(c.when) for c in rule.cases),
                                     compile_expr(rule.actual) if rule.actual is not None else None,
                                     where))
        else:
            out.append(CompiledRule(
                rule, applies,
                compile_expr(rule.requires) if rule.requires is not None else None,
                compile_expr(rule.forbids) if rule.forbids is not None else None, (), None,
                where))
    result = tuple(out)
    _CACHE[id(policy)] = (policy, result)
    return result


@dataclass(frozen=True, slots=True)
class Evaluation:
    """All findings of one policy over one scenario, at one date."""

    policy: Policy
    as_of: dt.date
    findings: tuple[Finding, ...]
    what_if: bool = False

    @property
    def lifecycle(self) -> Lifecycle:
        return Lifecycle.of(self.policy)

    @property
    def statement(self) -> Text | None:
        """The lifecycle header: a draft never took effect, a period ended, a what-if."""
        return self.lifecycle.statement(self.what_if)

    def by_status(self, status: Status) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.status is status)

    def for_rule(self, rule_id: str) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.rule.id == rule_id)

    def counts(self) -> dict[str, int]:
        counts = {status.value: 0 for status in Status}
        for finding in self.findings:
            counts[finding.status.value] += 1
        return counts

    def as_dict(self) -> dict[str, Any]:
        return {
            "policy": self.policy.name,
            "version": self.policy.version,
            "as_of": self.as_of.isoformat(),
            "lifecycle": self.lifecycle_dict(),
            "counts": self.counts(),
            "findings": [f.as_dict() for f in self.findings],
        }


    def lifecycle_dict(self) -> dict[str, Any]:
        life = self.lifecycle
        statement = self.statement
        return {
            "state": life.state.value,
            "valid_from": life.start.isoformat() if life.start else None,
            "valid_until": life.end.isoformat() if life.end else None,
            "what_if": self.what_if,
            "statement": None if statement is None else statement.as_dict(),
        }


def _records(facts: Facts, subject: str) -> Iterator[tuple[str, Any]]:
    if not subject:
        yield "", facts
        return
    for record in getattr(facts, subject):
        yield f"{subject}[{record.id}]", record


def _group_ref(subject: str, key: dict[str, Any]) -> str:
    if not key:
        return f"{subject}[*]"
    parts = ",".join(f"{name}={getattr(value, 'value', value)}" for name, value in key.items())
    return f"{subject}[{parts}]"


def _groups(compiled: CompiledRule, facts: Facts, date: dt.date
            ) -> Iterator[tuple[str, Group | None, tuple[str, ...]]]:
    """The groups of a grouped rule: (ref, group, records whose inclusion is unknown)."""
    rule = compiled.rule
    names = rule.group_by or ()
    members: dict[tuple[Any, ...], list[Any]] = {}
    unsure: dict[tuple[Any, ...], list[str]] = {}
    for record in getattr(facts, rule.subject):
        key = tuple(getattr(record, name, None) for name in names)
        members.setdefault(key, [])
        if compiled.where is not None:
            included = compiled.where(record, Env(date))
            if included is None:
                unsure.setdefault(key, []).append(record.id)
                continue
            if included is not True:
                continue
        members[key].append(record)
    for key, records in members.items():
        key_dict = dict(zip(names, key, strict=True))
        yield (_group_ref(rule.subject, key_dict), Group(key_dict, tuple(records)),
               tuple(unsure.get(key, ())))

_NA_PERIOD = Text("不在本规则的有效期内", "outside the rule's period of validity")


def period_finding(rule: AnyRule, policy: Policy, as_of: dt.date) -> Finding | None:
    """A rule outside its own period, or a target before its deadline (the policy's own
    period is judged per record: see :mod:`~xuequ_rules.evaluation.lifecycle`)."""
    if not rule.valid_at(as_of):
        return Finding(rule, "", Status.NOT_APPLICABLE, _NA_PERIOD)
    if isinstance(rule, Rule) and rule.deadline is not None and as_of < rule.deadline:
        return Finding(rule, "", Status.NOT_APPLICABLE,
                       Text(f"目标期限为 {rule.deadline}，届时评判",
                            f"target is judged at its deadline {rule.deadline}"))
    return None


# Reasons shared by every finding that gives them (one object, not one per record).
_NOTHING_TO_CHECK = Text("无可判定的要求", "nothing to check")
_MISSING_FACTS = Text("缺少所需事实，无法判定", "facts needed to decide are missing")
_ZERO_DENOMINATOR = Text("比例的分母为零，本要求不适用",
                         "the ratio's denominator is zero; the requirement does not apply")
_PERMISSION_AVAILABLE = Text("许可条件成立，可以为之", "the permission is available")
_PERMISSION_UNMET = Text("许可条件不成立", "the permission's conditions are not met")
_NOT_MET = Text("不符合要求", "requirement not met")
_MET = Text("符合要求", "requirement met")


def _judge_rule(compiled: CompiledRule, rule: Rule, record: Any, ref: str,
                env: Env) -> Finding:
    checks = compiled.requires or compiled.forbids
    if checks is None:
        return Finding(rule, ref, Status.NOT_APPLICABLE, _NOTHING_TO_CHECK)
    value = checks(record, env)
    trace = tuple(env.trace)
    if value is None:
        return Finding(rule, ref, Status.UNDETERMINED,
                       _MISSING_FACTS, trace)
    if value is UNDEFINED:
        return Finding(rule, ref, Status.NOT_APPLICABLE,
                       _ZERO_DENOMINATOR,
                       trace)
    breached = (not value) if compiled.requires is not None else bool(value)
    if rule.kind is Modality.PERMISSION:
        if value:
            return Finding(rule, ref, Status.SATISFIED, _PERMISSION_AVAILABLE, trace)
        return Finding(rule, ref, Status.NOT_APPLICABLE,
                       _PERMISSION_UNMET, trace)
    if breached:
        return Finding(rule, ref, Status.VIOLATED, _NOT_MET, trace)
    return Finding(rule, ref, Status.SATISFIED, _MET, trace)


def _judge_decision(compiled: CompiledRule, rule: Decision, record: Any, ref: str,
                    env: Env) -> Finding:
    results = [case(record, env) for case in compiled.cases]
    trace = tuple(env.trace)
    chosen = [rule.cases[i] for i, value in enumerate(results) if value is True]
    if len(chosen) > 1:
        raise RuleConflictError(
            f"决策规则 {rule.id} 对 {ref or '本情形'} 有 {len(chosen)} 个情形同时成立",
            f"decision {rule.id}: {len(chosen)} cases hold at once for {ref or 'the scenario'}",
            field=rule.id)
    if not chosen:
        if any(value is None for value in results):
            return Finding(rule, ref, Status.UNDETERMINED,
                           Text("缺少所需事实，无法确定适用的程序",
                                "facts needed to choose the procedure are missing"), trace)
        raise RuleConflictError(
            f"决策规则 {rule.id} 对 {ref or '本情形'} 没有任何情形成立（决策表不完整）",
            f"decision {rule.id}: no case holds for {ref or 'the scenario'} (incomplete table)",
            field=rule.id)
    outcome = chosen[0].outcome
    if compiled.actual is None:
        return Finding(rule, ref, Status.UNDETERMINED,
                       Text(f"应适用：{outcome.text.zh}", f"applicable: {outcome.text.en}"),
                       trace, outcome)
    actual = compiled.actual(record, env)
    if actual is None:
        return Finding(rule, ref, Status.UNDETERMINED,
                       Text(f"应适用：{outcome.text.zh}；未提供实际程序，无法判定是否合规",
                            f"applicable: {outcome.text.en}; the route actually taken is not "
                            "given"), trace, outcome)
    code = getattr(actual, "value", actual)
    if code == outcome.code:
        return Finding(rule, ref, Status.SATISFIED,
                       Text(f"应适用并已适用：{outcome.text.zh}",
                            f"applicable and taken: {outcome.text.en}"), trace, outcome)
    return Finding(rule, ref, Status.VIOLATED,
                   Text(f"应适用：{outcome.text.zh}；实际为 {code}",
                        f"applicable: {outcome.text.en}; actually taken: {code}"), trace, outcome)


def evaluate_rule(compiled: CompiledRule, facts: Facts, env_date: dt.date,
                   applicable: dict[tuple[str, str], bool],
                   records: dict[str, Any]) -> list[Finding]:
    rule = compiled.rule
    findings: list[Finding] = []
    any_record = False
    targets: Iterator[tuple[str, Any]]
    if rule.grouped:
        targets = _grouped_targets(compiled, facts, env_date, findings, records)
    else:
        targets = _records(facts, rule.subject)
    sequence = (RecordSequence(getattr(facts, rule.subject))
                if rule.subject and not rule.grouped else None)
    for ref, record in targets:
        any_record = True
        records[ref] = record
        env = Env(env_date, sequence=sequence)
        if compiled.applies is not None:
            applies = compiled.applies(record, env)
            if applies is None:
                findings.append(Finding(rule, ref, Status.UNDETERMINED,
                                        Text("缺少判断是否适用的事实", "facts needed to decide "
                                             "whether the rule applies are missing"),
                                        tuple(env.trace)))
                continue
            if applies is not True:
                findings.append(Finding(rule, ref, Status.NOT_APPLICABLE,
                                        Text("适用条件不成立", "the rule's condition does not hold"),
                                        tuple(env.trace)))
                continue
        applicable[(rule.id, ref)] = True
        if isinstance(rule, Decision):
            findings.append(_judge_decision(compiled, rule, record, ref, env))
        else:
            findings.append(_judge_rule(compiled, rule, record, ref, env))
    if not any_record and not findings:
        findings.append(Finding(rule, f"{rule.subject}[]", Status.UNDETERMINED,
                                Text(f"未提供“{rule.subject}”方面的事实",
                                     f"no facts given about {rule.subject}")))
    return findings


def _grouped_targets(compiled: CompiledRule, facts: Facts, date: dt.date,
                     findings: list[Finding], records: dict[str, Any]
                     ) -> Iterator[tuple[str, Any]]:
    for ref, group, unsure in _groups(compiled, facts, date):
        records[ref] = group
        if unsure:
            findings.append(Finding(
                compiled.rule, ref, Status.UNDETERMINED,
                Text(f"无法判断以下记录是否计入：{'、'.join(unsure)}",
                     f"cannot tell whether these records count: {', '.join(unsure)}")))
            continue
        yield ref, group


def apply_exceptions(policy: Policy, findings: list[Finding],
                      applicable: dict[tuple[str, str], bool]) -> list[Finding]:
    exceptions = [r for r in policy.rules if r.exception_to is not None]
    if not exceptions:
        return findings
    overridden: dict[tuple[str, str], str] = {}
    for rule in exceptions:
        for (rule_id, ref), is_applicable in applicable.items():
            if rule_id == rule.id and is_applicable and rule.exception_to is not None:
                overridden[(rule.exception_to, ref)] = rule.id
    out: list[Finding] = []
    for finding in findings:
        by = overridden.get((finding.rule.id, finding.record))
        if by is None:
            out.append(finding)
        else:
            out.append(Finding(finding.rule, finding.record, Status.NOT_APPLICABLE,
                               Text(f"例外规则 {by} 适用，本规则让位",
                                    f"exception {by} applies and takes precedence")))
    return out


def check_conflicts(findings: list[Finding]) -> None:
    answers: dict[tuple[str, str], Finding] = {}
    for finding in findings:
        rule = finding.rule
        if not isinstance(rule, Decision) or finding.decision is None:
            continue
        key = (rule.question, finding.record)
        other = answers.get(key)
        if other is not None and other.decision != finding.decision and \
                other.rule.exception_to != rule.id and rule.exception_to != other.rule.id:
            raise RuleConflictError(
                f"规则 {other.rule.id} 与 {rule.id} 对 {finding.record} 的“{rule.question}”"
                "给出不同结论",
                f"rules {other.rule.id} and {rule.id} decide {rule.question!r} differently for "
                f"{finding.record}", field=rule.question)
        answers[key] = finding


def apply_lifecycle(policy: Policy, findings: list[Finding], records: Mapping[str, Any],
                    as_of: dt.date, what_if: bool) -> list[Finding]:
    """Mark findings for records outside the policy's force (or every finding, what-if).

    ``records`` maps a finding's record reference to the record (or group) it judged; a
    finding about the scenario, or about no record, is judged at ``as_of``.
    """
    if what_if:
        return [replace(f, what_if=True) for f in findings]
    life = Lifecycle.of(policy)
    reasons: dict[Force, Text] = {}      # one reason per force, shared by its findings
    forces: dict[tuple[str, str], Force | None] = {}   # per record, whatever rule judged it
    out: list[Finding] = []
    for finding in findings:
        key = (finding.rule.subject, finding.record)
        if key in forces:
            force = forces[key]
        else:
            force = forces[key] = life.for_record(key[0], records.get(key[1]), as_of)
        if force is None:
            out.append(finding)
        else:
            reason = reasons.get(force)
            if reason is None:
                reason = reasons[force] = life.reason(force)
            out.append(Finding(finding.rule, finding.record, Status.NOT_IN_FORCE, reason,
                               force=force))
    return out


def evaluate(policy: Policy, facts: Facts | Mapping[str, Any],
             as_of: dt.date | None = None, *, what_if: bool = False) -> Evaluation:
    """Evaluate every rule of ``policy`` over ``facts`` at ``as_of`` (default: today).

    Facts given as a mapping are validated first; invalid facts raise
    :class:`~xuequ_rules.errors.FactsError` and nothing is evaluated. A draft, and records
    dated outside the policy's period, give ``not_in_force`` findings; ``what_if=True``
    applies every rule as if the policy were in force and marks every finding what-if.
    """
    scenario = facts_for(policy, facts)
    date = as_of or dt.date.today()
    findings: list[Finding] = []
    applicable: dict[tuple[str, str], bool] = {}
    records: dict[str, Any] = {}
    for compiled in compiled_rules(policy):
        period = period_finding(compiled.rule, policy, date)
        if period is not None:
            findings.append(period)
            continue
        findings.extend(evaluate_rule(compiled, scenario, date, applicable, records))
    findings = apply_exceptions(policy, findings, applicable)
    check_conflicts(findings)
    findings = apply_lifecycle(policy, findings, records, date, what_if)
    return Evaluation(policy, date, tuple(findings), what_if)
