"""``xuequ check``: library defects (must be none) versus findings about the document.

Defect kinds: ``unclassified_number`` (a number no parameter, narrative or term covers),
``value_quote`` (a parameter value its quote does not state), ``date_quote`` (a phase date,
deadline or validity date its quote does not state), ``deadline_year`` (a deadline that
disagrees with the year parameter citing the same words), ``citation_depth`` (a citation that
names a parent of the clause holding its quote) and ``decision_table``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from itertools import pairwise
from typing import Any

from xuequ_rules.consistency.depth import depth_defects
from xuequ_rules.consistency.issue import Issue
from xuequ_rules.consistency.numbers import number_coverage
from xuequ_rules.consistency.values import parameter_defects, phase_defects, rule_date_defects
from xuequ_rules.errors import RuleConflictError
from xuequ_rules.evaluation.compiler import Env, compile_expr
from xuequ_rules.policy.citation import Cite
from xuequ_rules.policy.expr import Compare, Const, Field
from xuequ_rules.policy.parameter import Parameter
from xuequ_rules.policy.policy import Policy
from xuequ_rules.policy.rule import Decision
from xuequ_rules.text import Text


@dataclass(frozen=True, slots=True)
class Report:
    policy: str
    version: str
    defects: tuple[Issue, ...] = field(default=())
    document_findings: tuple[Issue, ...] = field(default=())
    stats: dict[str, Any] = field(default_factory=dict)   # coverage figures (``--stats``)

    @property
    def ok(self) -> bool:
        return not self.defects

    def as_dict(self) -> dict[str, Any]:
        return {"policy": self.policy, "version": self.version, "ok": self.ok,
                "defects": [d.as_dict() for d in self.defects],
                "document_findings": [d.as_dict() for d in self.document_findings],
                "stats": dict(self.stats)}


def _probe_values(rule: Decision) -> list[Any]:
    """Boundary values around every threshold the decision compares against."""
    values: set[Decimal] = {Decimal(0)}
    for case in rule.cases:
        for node in case.when.walk():
            if isinstance(node, Compare):
                for side in (node.left, node.right):
                    raw = side.value_at(None) if isinstance(side, Parameter) else (
                        side.value if isinstance(side, Const) else None)
                    if isinstance(raw, int | Decimal) and not isinstance(raw, bool):
                        base = Decimal(raw)
                        values.update({base, base - 1, base + 1, base - Decimal("0.01"),
                                       base + Decimal("0.01"), base * 10})
    return sorted(v for v in values if v >= 0)


def decision_defects(rule: Decision) -> list[Issue]:
    """A decision over one numeric fact must give exactly one answer at every boundary."""
    fields = {n.path for case in rule.cases for n in case.when.walk() if isinstance(n, Field)}
    if len(fields) != 1:
        return []
    (path,) = fields
    cases = [compile_expr(case.when) for case in rule.cases]
    issues: list[Issue] = []
    for value in _probe_values(rule):
        record: dict[str, Any] = {}
        cursor = record
        for part in path[:-1]:
            cursor = cursor.setdefault(part, {})
        cursor[path[-1]] = value
        hits = sum(1 for case in cases if case(record, Env(None)) is True)
        if hits != 1:
            issues.append(Issue(
                f"{rule.id}:{value}", "decision_table",
                Text(f"决策规则 {rule.id} 在 {'.'.join(path)} = {value} 时有 {hits} 个情形成立",
                     f"decision {rule.id} has {hits} cases holding at {'.'.join(path)} = {value}"),
                rule.cites))
    return issues


def _phase_findings(policy: Policy) -> list[Issue]:
    issues: list[Issue] = []
    phases = policy.phases
    meta = policy.document.metadata
    plan_date = meta.dates.written or meta.dates.issued
    for phase in phases:
        if phase.start and phase.end and phase.start > phase.end:
            issues.append(Issue(f"phase:{phase.id}:order", "phase_order", Text(
                f"阶段“{phase.title.zh}”的开始日期 {phase.start} 晚于结束日期 {phase.end}",
                f"phase {phase.title.en!r} starts ({phase.start}) after it ends ({phase.end})"),
                phase.cites))
        if plan_date and phase.end and phase.end < plan_date:
            issues.append(Issue(f"phase:{phase.id}:before_plan", "dated_after_phase", Text(
                f"文件成文于 {plan_date}，晚于其阶段“{phase.title.zh}”的结束日期 {phase.end}",
                f"the document is dated {plan_date}, after its phase {phase.title.en!r} "
                f"ended ({phase.end})"), phase.cites))
    for first, second in pairwise(phases):
        if first.end and second.start and second.start <= first.end:
            issues.append(Issue(f"phase:{first.id}/{second.id}:overlap", "phase_overlap", Text(
                f"阶段“{first.title.zh}”（至 {first.end}）与“{second.title.zh}”"
                f"（自 {second.start}）重叠",
                f"phases {first.title.en!r} (to {first.end}) and {second.title.en!r} "
                f"(from {second.start}) overlap"), first.cites + second.cites))
        if first.start and second.start and second.start < first.start:
            issues.append(Issue(f"phase:{first.id}/{second.id}:sequence", "phase_order", Text(
                f"阶段“{second.title.zh}”排在“{first.title.zh}”之后却更早开始",
                f"phase {second.title.en!r} is listed after {first.title.en!r} but starts "
                "earlier"), first.cites + second.cites))
    return issues


def _pending_review(policy: Policy) -> list[Issue]:
    """Each proposal ``xuequ new`` made and nobody has reviewed yet: the author's to-do list."""
    owners: dict[str, tuple[Cite, ...]] = {p.id: p.cites for p in policy.parameters}
    owners.update({r.id: r.cites for r in policy.rules})
    owners.update({f.id: f.cites for f in policy.document_findings})
    issues: list[Issue] = []
    for ident in policy.pending_review:
        known = ident in owners
        issues.append(Issue(f"review:{ident}", "pending_review", Text(
            f"提议 {ident} 尚待审阅：确认或改写后，从 pending_review 中删去其标识"
            + ("" if known else "（本政策中没有此标识）"),
            f"proposal {ident} awaits review: confirm or rewrite it, then remove its id from "
            "pending_review" + ("" if known else " (no such id in the policy)")),
            owners.get(ident, ())))
    return issues


def check_policy(policy: Policy, today: dt.date | None = None) -> Report:
    """The consistency report of one policy version."""
    defects: list[Issue] = []
    _, uncovered = number_coverage(policy)
    for token in uncovered:
        defects.append(Issue(f"number:{token.clause}:{token.start}", "unclassified_number", Text(
            f"条款 {token.clause} 中的数字“{token.text}”既不是参数也未说明为叙述性数字",
            f"number {token.text!r} in clause {token.clause} is neither a parameter nor "
            "marked narrative")))
    value_defects = [i for p in policy.parameters for i in parameter_defects(policy.document, p)]
    defects.extend(value_defects)
    for phase in policy.phases:
        defects.extend(phase_defects(policy.document, phase))
    for rule in policy.rules:
        defects.extend(rule_date_defects(policy, rule))
    defects.extend(depth_defects(policy))
    for rule in policy.rules:
        if isinstance(rule, Decision):
            try:
                defects.extend(decision_defects(rule))
            except RuleConflictError as exc:
                defects.append(Issue(rule.id, "decision_table", Text(exc.zh, exc.en), rule.cites))
    findings: list[Issue] = []
    for note in policy.document.parse_notes:
        clause_id, _, message = note.partition(": ")
        zh, _, en = message.partition(" / ")
        findings.append(Issue(f"numbering:{clause_id}", "numbering", Text(zh, en)))
    findings.extend(_phase_findings(policy))
    for claim in policy.count_claims:
        if claim.stated != claim.actual:
            findings.append(Issue(f"count:{claim.id}", "count_mismatch", Text(
                f"{claim.title.zh}：正文写 {claim.stated}，而文件自身数据为 {claim.actual}",
                f"{claim.title.en}: the text says {claim.stated}, the document's own data has "
                f"{claim.actual}"), claim.cites))
    for finding in policy.document_findings:
        findings.append(Issue(finding.id, finding.kind, finding.text, finding.cites))
    defects.extend(_pending_review(policy))
    if policy.validity is None:
        defects.append(Issue("lifecycle:validity", "lifecycle_unstated", Text(
            f"{policy.ref} 没有说明效力状态和有效期的出处（Policy.validity），"
            "也没有说明文本未作规定的文件问题",
            f"{policy.ref} does not say where its status and period of validity come from "
            "(Policy.validity), nor carry a finding that the text states none")))
    from xuequ_rules.consistency.parties import party_issues
    from xuequ_rules.consistency.provisions import provision_issues
    from xuequ_rules.consistency.selfcheck import self_check_issues
    for more_defects, more_findings in (provision_issues(policy), self_check_issues(policy),
                                        party_issues(policy)):
        defects.extend(more_defects)
        findings.extend(more_findings)
    from xuequ_rules.consistency.stats import policy_stats
    stats = {**policy_stats(policy),
             "parameters": {"count": len(policy.parameters),
                            "derived": sum(1 for p in policy.parameters if p.derived is not None),
                            "mismatched": len({i.id for i in value_defects})}}
    return Report(policy.name, policy.version, tuple(defects), tuple(findings), stats)
