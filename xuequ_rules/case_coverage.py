"""Case coverage: per policy and per rule, which statuses its case files exercise.

A rule is *covered* when at least one expectation of a case file names it. Plain attestations
(checklist items, ``rule.is_checklist``) are counted apart: their statuses follow from the
attestation alone. Coverage is read from what the case files *expect* — an expectation is what
a case asserts, and a finding the case does not assert exercises nothing.

:func:`cases_for_rule` lists the case files that state an expectation about one rule (for a
rule's page, or to answer "where is this rule specified by example?").
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from xuequ_rules.cases import CaseFile, ExpectedFinding, case_paths, load_case
from xuequ_rules.evaluation import Status
from xuequ_rules.policy.policy import Policy
from xuequ_rules.registry import load_policy, package, packages, split_ref

STATUS_ORDER = (Status.SATISFIED, Status.VIOLATED, Status.NOT_APPLICABLE, Status.UNDETERMINED,
                Status.NOT_IN_FORCE)


@dataclass(frozen=True, slots=True)
class RuleCoverage:
    """One rule: the statuses and decision codes its cases expect, and from which files."""

    rule: str
    kind: str
    statuses: frozenset[Status]
    decisions: frozenset[str]
    cases: tuple[Path, ...]

    @property
    def covered(self) -> bool:
        return bool(self.cases)

    def as_dict(self) -> dict[str, Any]:
        return {"rule": self.rule, "kind": self.kind, "covered": self.covered,
                "statuses": [s.value for s in STATUS_ORDER if s in self.statuses],
                "decisions": sorted(self.decisions),
                "cases": [str(p) for p in self.cases]}


@dataclass(frozen=True, slots=True)
class PolicyCoverage:
    """One policy version: its non-attestation rules and what its cases exercise."""

    ref: str
    cases: tuple[Path, ...]
    rules: tuple[RuleCoverage, ...]
    attestations: int
    unknown_rules: tuple[str, ...] = field(default=())

    @property
    def covered(self) -> tuple[RuleCoverage, ...]:
        return tuple(r for r in self.rules if r.covered)

    @property
    def uncovered(self) -> tuple[str, ...]:
        return tuple(r.rule for r in self.rules if not r.covered)

    def as_dict(self) -> dict[str, Any]:
        return {"policy": self.ref, "cases": [str(p) for p in self.cases],
                "rules_covered": len(self.covered), "rules": len(self.rules),
                "attestations": self.attestations,
                "uncovered": list(self.uncovered),
                "per_rule": [r.as_dict() for r in self.rules]}


def _non_attestation(policy: Policy) -> tuple[Any, ...]:
    return tuple(r for r in policy.rules if not getattr(r, "is_checklist", False))


def _kind(rule: Any) -> str:
    kind = getattr(rule, "kind", None)
    return str(getattr(kind, "value", kind)) if kind is not None else type(rule).__name__.lower()


def policy_coverage(policy: Policy, cases: Iterable[tuple[Path, CaseFile]]) -> PolicyCoverage:
    """Coverage of ``policy`` by ``cases`` (cases about other policies are ignored)."""
    mine = [(p, c) for p, c in cases if _same_version(policy, c.policy)]
    seen: dict[str, list[tuple[Path, ExpectedFinding]]] = {}
    for path, case in mine:
        for expected in case.expect:
            seen.setdefault(expected.rule, []).append((path, expected))
    rows = []
    for rule in _non_attestation(policy):
        hits = seen.get(rule.id, [])
        rows.append(RuleCoverage(
            rule=rule.id, kind=_kind(rule),
            statuses=frozenset(e.status for _, e in hits),
            decisions=frozenset(e.decision for _, e in hits if e.decision is not None),
            cases=tuple(sorted({p for p, _ in hits}))))
    known = {r.id for r in policy.rules}
    return PolicyCoverage(
        ref=policy.ref, cases=tuple(p for p, _ in mine), rules=tuple(rows),
        attestations=len(policy.rules) - len(rows),
        unknown_rules=tuple(sorted(set(seen) - known)))


def _same_version(policy: Policy, ref: str) -> bool:
    name, version = split_ref(ref)
    if name != policy.name:
        return False
    return (version or package(name).current_version()) == policy.version


def coverage(targets: list[str] | None = None) -> list[PolicyCoverage]:
    """Coverage for the case files ``targets`` names (as ``xuequ test`` reads them).

    Without targets every installed policy is reported, those without cases too (nothing
    covered). With targets, the policy versions the selected cases name are reported.
    """
    paths = case_paths(targets or [])
    loaded = [(p, load_case(p)) for p in paths]
    refs: dict[str, Policy] = {}
    if not targets:
        for name in packages():
            policy = load_policy(name)
            refs[policy.ref] = policy
    for _, case in loaded:
        policy = load_policy(case.policy)
        refs.setdefault(policy.ref, policy)
    return [policy_coverage(refs[ref], loaded) for ref in sorted(refs)]


@dataclass(frozen=True, slots=True)
class RuleCase:
    """A case file's expectations about one rule."""

    path: Path
    policy: str
    as_of: dt.date
    description: str | None
    what_if: bool
    expectations: tuple[ExpectedFinding, ...]

    def as_dict(self) -> dict[str, Any]:
        return {"case": str(self.path), "policy": self.policy, "as_of": self.as_of.isoformat(),
                "description": self.description, "what_if": self.what_if,
                "expect": [e.model_dump(mode="json", exclude_none=True)
                           for e in self.expectations]}


def cases_for_rule(policy: str, rule_id: str) -> list[RuleCase]:
    """The shipped case files of ``policy`` (``name`` or ``name@version``) that expect
    something of ``rule_id``, each with those expectations, in file order.

    With ``name@version`` only cases about that version are listed; with a bare name, the
    cases about any version.
    """
    name, version = split_ref(policy)
    load_policy(policy).rule(rule_id)          # an unknown rule id is an error, with hints
    folder = package(name).root / "cases"
    paths = case_paths([str(folder)]) if folder.is_dir() else []
    found: list[RuleCase] = []
    for path in paths:
        case = load_case(path)
        case_name, case_version = split_ref(case.policy)
        if case_name != name or (version is not None and
                                 (case_version or package(name).current_version()) != version):
            continue
        mine = tuple(e for e in case.expect if e.rule == rule_id)
        if mine:
            found.append(RuleCase(path, case.policy, case.as_of, case.description,
                                  case.what_if, mine))
    return found
