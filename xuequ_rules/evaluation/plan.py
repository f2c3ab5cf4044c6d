"""The reference evaluator's plan for one policy version: what every evaluation reuses.

Built once per policy object: every rule compiled, the policy's lifecycle, its exception
rules, whether it has decisions. Built once per evaluation date (and what-if): the findings
of rules outside their own period, and whether the scenario is in force. Each finding is built
once, with the policy's force already applied. A finding about the whole scenario with no
comparison to show depends only on its rule, status and reason: it is built once and shared
by every evaluation (findings are immutable).

The order of findings, the errors raised and every finding's content are those of applying,
in turn, every rule, the exception rules, the check that decisions agree, and the lifecycle.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from xuequ_rules.evaluation.compiler import Env, Group
from xuequ_rules.evaluation.finding import Finding, Status
from xuequ_rules.evaluation.judge import (
    CompiledRule,
    Judge,
    Verdict,
    check_decisions,
    compiled_rules,
    exception_reason,
    groups,
    no_facts_reason,
    period_verdict,
    unsure_reason,
)
from xuequ_rules.evaluation.lifecycle import Force, Lifecycle
from xuequ_rules.evaluation.sequences import RecordSequence
from xuequ_rules.facts.schema import Facts
from xuequ_rules.policy.expr import Field
from xuequ_rules.policy.policy import Policy
from xuequ_rules.policy.rule import AnyRule, Decision, Outcome, Rule
from xuequ_rules.text import Text

# A collection's records as findings name them: (reference, record, force), and its sequence.
_Targets = tuple[list[tuple[str, Any, Force | None]], RecordSequence]
_Groups = list[tuple[str, Group, tuple[str, ...], Force | None]]   # and each group's force
_Decided = list[tuple[Decision, str, Outcome]]

_SCENARIO, _RECORDS, _GROUPS, _FLAG = 0, 1, 2, 3     # what a rule ranges over


def _ranges(compiled: CompiledRule, kept: bool) -> int:
    """What a rule ranges over. ``_FLAG``: a rule about the scenario that checks one fact and
    nothing else (a checklist duty): its verdict depends only on whether that fact is
    missing, true or false."""
    rule = compiled.rule
    if rule.grouped:
        return _GROUPS
    if rule.subject:
        return _RECORDS
    if (not kept and isinstance(rule, Rule) and rule.applies is None
            and isinstance(rule.requires if rule.forbids is None else rule.forbids, Field)
            and (rule.requires is None or rule.forbids is None)):
        return _FLAG
    return _SCENARIO


class DatePlan:
    """What does not change between evaluations of one policy on one date."""

    __slots__ = ("flags", "forced", "periods", "reasons", "scenario", "shared", "what_if")

    def __init__(self, plan: PolicyPlan, date: dt.date, what_if: bool) -> None:
        life = plan.life
        self.what_if = what_if
        self.scenario = None if what_if else life.at_date(date)   # a finding about no record
        self.reasons = {force: life.reason(force) for force in Force}
        self.shared: dict[tuple[int, str, Status, int], Finding] = {}
        self.forced: dict[tuple[int, str], Finding] = {}
        self.flags: dict[tuple[int, bool | None], Finding] = {}   # a checklist duty's findings
        periods: list[Finding | None] = []
        for index, compiled in enumerate(plan.compiled):
            reason = period_verdict(compiled.rule, date)
            periods.append(None if reason is None else self.fixed(
                index, compiled.rule, "", Status.NOT_APPLICABLE, reason))
        self.periods = tuple(periods)

    def on_record(self, rule: AnyRule, ref: str, force: Force | None, judged: Verdict
                  ) -> Finding:
        """A rule's finding on a record, the policy's force applied."""
        if force is not None:
            return Finding(rule, ref, Status.NOT_IN_FORCE, self.reasons[force], force=force)
        _, status, reason, trace, decision = judged
        return Finding(rule, ref, status, reason, trace, decision, None, self.what_if)

    def fixed(self, index: int, rule: AnyRule, ref: str, status: Status, reason: Text,
              trace: tuple[Any, ...] = (), decision: Outcome | None = None) -> Finding:
        """A finding whose record reference its rule fixes (the scenario, or no record), the
        force of the evaluation date applied. Without comparisons or decision it depends
        only on the rule, status and reason (a shared object): it is built once."""
        force = self.scenario
        if force is not None:
            forced = self.forced.get((index, ref))
            if forced is None:
                forced = self.forced[(index, ref)] = Finding(
                    rule, ref, Status.NOT_IN_FORCE, self.reasons[force], force=force)
            return forced
        if trace or decision is not None:
            return Finding(rule, ref, status, reason, trace, decision, None, self.what_if)
        key = (index, ref, status, id(reason))
        shared = self.shared.get(key)
        if shared is None or shared.reason is not reason:
            if len(self.shared) >= 65536:
                self.shared.clear()
            shared = self.shared[key] = Finding(rule, ref, status, reason, (), None, None,
                                                self.what_if)
        return shared


class PolicyPlan:
    """Every rule of one policy compiled, with what an evaluation reuses."""

    def __init__(self, policy: Policy) -> None:
        self.policy = policy
        self.compiled: tuple[CompiledRule, ...] = compiled_rules(policy)
        self.life = Lifecycle.of(policy)
        self.exceptions = tuple(rule for rule in policy.rules if rule.exception_to is not None)
        exception_ids = frozenset(rule.id for rule in self.exceptions)
        # per rule: what it ranges over, and whether its verdicts are kept for the exception
        # rules and the agreement of decisions
        kept = [compiled.rule.id in exception_ids or isinstance(compiled.rule, Decision)
                for compiled in self.compiled]
        self.steps = tuple((compiled.rule, compiled.judge, _ranges(compiled, keep), keep,
                            compiled.requires or compiled.forbids)
                           for compiled, keep in zip(self.compiled, kept, strict=True))
        # grouped rules with the same collection, grouping and ``where`` share their groups
        self.partitions = {index: (compiled.rule.subject, compiled.rule.group_by,
                                   None if compiled.rule.where is None
                                   else compiled.rule.where.key())
                           for index, compiled in enumerate(self.compiled)
                           if compiled.rule.grouped}
        self.no_facts = {rule.subject: no_facts_reason(rule.subject) for rule in policy.rules}
        self._dates: dict[tuple[dt.date, bool], DatePlan] = {}

    def at(self, date: dt.date, what_if: bool) -> DatePlan:
        key = (date, what_if)
        day = self._dates.get(key)
        if day is None:
            if len(self._dates) >= 64:
                self._dates.clear()
            day = self._dates[key] = DatePlan(self, date, what_if)
        return day

    def findings(self, facts: Facts, date: dt.date, what_if: bool) -> list[Finding]:
        """Every finding of the policy over ``facts`` at ``date``."""
        day = self.at(date, what_if)
        out: list[Finding] = []
        append = out.append
        targets: dict[str, _Targets] = {}
        partitions: dict[Any, _Groups] = {}
        applied: dict[str, list[str]] = {}                 # exception rule id → records
        decided: _Decided = []
        env = Env(date)
        periods, fixed, on_record = day.periods, day.fixed, day.on_record
        flags = day.flags
        env.sequence = None
        for index, (rule, judge, ranges, kept, checks) in enumerate(self.steps):
            period = periods[index]
            if period is not None:
                append(period)
                continue
            if ranges == _FLAG:
                value = checks(facts, env)    # type: ignore[misc]
                flag = (index, None if value is None else bool(value))
                finding = flags.get(flag)
                if finding is None:
                    judged = judge(facts, "", env)
                    finding = flags[flag] = fixed(index, rule, "", judged[1], judged[2])
                append(finding)
                continue
            if ranges == _SCENARIO:
                judged = judge(facts, "", env)
                if kept:
                    _keep(rule, "", judged, applied, decided)
                append(fixed(index, rule, "", judged[1], judged[2], judged[3], judged[4]))
                continue
            subject = rule.subject
            if ranges == _GROUPS:
                key = self.partitions[index]
                parts = partitions.get(key)
                if parts is None:
                    for_record = self.life.for_record
                    parts = partitions[key] = [
                        (ref, group, unsure,
                         None if what_if else for_record(subject, group, date))
                        for ref, group, unsure in groups(self.compiled[index], facts, date)]
                self._groups(index, rule, judge, parts, date, day, out, applied, decided)
                continue
            known = targets.get(subject)
            if known is None:
                known = targets[subject] = self._targets(facts, subject, date, what_if)
            items, env.sequence = known
            if not items:
                append(fixed(index, rule, f"{subject}[]", Status.UNDETERMINED,
                             self.no_facts[subject]))
                continue
            for ref, record, force in items:
                judged = judge(record, ref, env)
                if kept:
                    _keep(rule, ref, judged, applied, decided)
                append(on_record(rule, ref, force, judged))
            env.sequence = None
        if applied:
            overridden = self._override(out, applied, day.what_if)
            decided = [item for item in decided if (item[0].id, item[1]) not in overridden]
        if decided:
            check_decisions(decided)
        return out

    def _targets(self, facts: Facts, subject: str, date: dt.date, what_if: bool) -> _Targets:
        records = getattr(facts, subject)
        for_record = self.life.for_record
        return ([(f"{subject}[{record.id}]", record,
                  None if what_if else for_record(subject, record, date)) for record in records],
                RecordSequence(records))

    def _groups(self, index: int, rule: AnyRule, judge: Judge, parts: _Groups,
                date: dt.date, day: DatePlan, out: list[Finding],
                applied: dict[str, list[str]], decided: _Decided) -> None:
        env = Env(date)
        kept = self.steps[index][3]
        for ref, group, unsure, force in parts:
            if unsure:
                out.append(day.on_record(rule, ref, force, (
                    False, Status.UNDETERMINED, unsure_reason(unsure), (), None)))
                continue
            judged = judge(group, ref, env)
            if kept:
                _keep(rule, ref, judged, applied, decided)
            out.append(day.on_record(rule, ref, force, judged))
        if not parts:
            out.append(day.fixed(index, rule, f"{rule.subject}[]", Status.UNDETERMINED,
                                 self.no_facts[rule.subject]))

    def _override(self, out: list[Finding], applied: dict[str, list[str]],
                  what_if: bool) -> dict[tuple[str, str], str]:
        """Findings of rules that an applicable exception overrides (those in force)."""
        overridden: dict[tuple[str, str], str] = {}
        for rule in self.exceptions:
            for ref in applied.get(rule.id, ()):
                if rule.exception_to is not None:
                    overridden[(rule.exception_to, ref)] = rule.id
        for position, finding in enumerate(out):
            by = overridden.get((finding.rule.id, finding.record))
            if by is not None and finding.force is None:
                out[position] = Finding(finding.rule, finding.record, Status.NOT_APPLICABLE,
                                        exception_reason(by), what_if=what_if)
        return overridden


def _keep(rule: AnyRule, ref: str, judged: Verdict, applied: dict[str, list[str]],
          decided: _Decided) -> None:
    """Note an exception rule that applied, and a decision's outcome."""
    if isinstance(rule, Decision) and judged[4] is not None:
        decided.append((rule, ref, judged[4]))
    if judged[0] and rule.exception_to is not None:
        applied.setdefault(rule.id, []).append(ref)


_PLANS: dict[int, PolicyPlan] = {}


def plan_for(policy: Policy) -> PolicyPlan:
    """The plan of ``policy``, built on its first evaluation."""
    plan = _PLANS.get(id(policy))
    if plan is None or plan.policy is not policy:
        plan = _PLANS[id(policy)] = PolicyPlan(policy)
    return plan
