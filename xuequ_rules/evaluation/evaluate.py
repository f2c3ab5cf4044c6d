"""The reference evaluator: every rule of a policy over a scenario of facts."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, replace
from typing import Any

from xuequ_rules.evaluation.compiler import Env
from xuequ_rules.evaluation.finding import Finding, Status
from xuequ_rules.evaluation.judge import (
    CompiledRule,
    check_decisions,
    compiled_rules,
    exception_reason,
    group_ref,
    groups,
    no_facts_reason,
    period_verdict,
    unsure_reason,
    verdict,
)
from xuequ_rules.evaluation.lifecycle import Force, Lifecycle
from xuequ_rules.evaluation.plan import plan_for
from xuequ_rules.evaluation.sequences import RecordSequence
from xuequ_rules.facts.loader import facts_for
from xuequ_rules.facts.schema import Facts
from xuequ_rules.policy.policy import Policy
from xuequ_rules.policy.rule import AnyRule, Decision
from xuequ_rules.text import Text

__all__ = ["CompiledRule", "Evaluation", "apply_exceptions", "apply_lifecycle",
           "check_conflicts", "compiled_rules", "evaluate", "evaluate_rule", "group_ref",
           "period_finding"]


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


def period_finding(rule: AnyRule, policy: Policy, as_of: dt.date) -> Finding | None:
    """A rule outside its own period, or a target before its deadline (the policy's own
    period is judged per record: see :mod:`~xuequ_rules.evaluation.lifecycle`)."""
    reason = period_verdict(rule, as_of)
    return None if reason is None else Finding(rule, "", Status.NOT_APPLICABLE, reason)


def evaluate_rule(compiled: CompiledRule, facts: Facts, env_date: dt.date,
                   applicable: dict[tuple[str, str], bool],
                   records: dict[str, Any]) -> list[Finding]:
    """One rule's findings before exceptions and the lifecycle; ``applicable`` and
    ``records`` (reference → record or group) are filled for the steps that follow."""
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
    env = Env(env_date, sequence=sequence)
    for ref, record in targets:
        any_record = True
        records[ref] = record
        applied, status, reason, trace, decision = verdict(compiled, record, ref, env)
        if applied:
            applicable[(rule.id, ref)] = True
        findings.append(Finding(rule, ref, status, reason, trace, decision))
    if not any_record and not findings:
        findings.append(Finding(rule, f"{rule.subject}[]", Status.UNDETERMINED,
                                no_facts_reason(rule.subject)))
    return findings


def _grouped_targets(compiled: CompiledRule, facts: Facts, date: dt.date,
                     findings: list[Finding], records: dict[str, Any]
                     ) -> Iterator[tuple[str, Any]]:
    for ref, group, unsure in groups(compiled, facts, date):
        records[ref] = group
        if unsure:
            findings.append(Finding(compiled.rule, ref, Status.UNDETERMINED,
                                    unsure_reason(unsure)))
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
                               exception_reason(by)))
    return out


def check_conflicts(findings: list[Finding]) -> None:
    """Two decisions on the same question and record must agree."""
    check_decisions([(finding.rule, finding.record, finding.decision) for finding in findings
                     if isinstance(finding.rule, Decision) and finding.decision is not None])


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
    findings = plan_for(policy).findings(scenario, date, what_if)
    return Evaluation(policy, date, tuple(findings), what_if)
