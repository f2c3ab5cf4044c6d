"""The document against itself: its own data evaluated under its own rules.

A policy declares its own data as facts (``Policy.self_facts``: the annex table's groups and
schools, the communities it names). Every rule is evaluated on them at the date the
document took effect. A "violated" finding is either a contradiction inside the document —
a ``DocumentFinding`` of kind ``internal_contradiction`` (or ``internal_tension``) whose
``encodings`` list the rule — and is reported as a finding about the document, or it is a
library defect (``self_violation``): a rule stricter than its own text, or data read wrongly.
Undetermined and not-applicable findings are fine.
"""

from __future__ import annotations

import datetime as dt

from xuequ_rules.consistency.issue import Issue
from xuequ_rules.errors import RuleConflictError
from xuequ_rules.evaluation.evaluate import evaluate
from xuequ_rules.evaluation.finding import Finding, Status
from xuequ_rules.policy.policy import DocumentFinding, Policy
from xuequ_rules.text import Text

CONTRADICTION_KINDS = ("internal_contradiction", "internal_tension")


def self_check_date(policy: Policy) -> dt.date | None:
    """The date the document's own data is judged at: when the document took effect."""
    dates = policy.document.metadata.dates
    return policy.valid_from or dates.effective or dates.issued or dates.written


def self_violations(policy: Policy) -> list[Finding]:
    """The rules' "violated" findings on the document's own data (none without data)."""
    if policy.self_facts is None:
        return []
    evaluation = evaluate(policy, policy.self_facts, as_of=self_check_date(policy))
    return list(evaluation.by_status(Status.VIOLATED))


def _explaining(policy: Policy, rule_id: str) -> DocumentFinding | None:
    for finding in policy.document_findings:
        if finding.kind in CONTRADICTION_KINDS and rule_id in finding.encodings:
            return finding
    return None


def self_check_issues(policy: Policy) -> tuple[list[Issue], list[Issue]]:
    """(library defects, findings about the document) from the document's own data."""
    try:
        violations = self_violations(policy)
    except RuleConflictError as exc:
        return [Issue("self:conflict", "self_violation", Text(
            f"在文件自身数据上评估时规则冲突：{exc.zh}",
            f"rules conflict on the document's own data: {exc.en}"))], []
    defects: list[Issue] = []
    findings: list[Issue] = []
    for violation in violations:
        rule = violation.rule
        clauses = "、".join(dict.fromkeys(c.clause for c in violation.citations))
        explained = _explaining(policy, rule.id)
        if explained is None:
            defects.append(Issue(
                f"self:{rule.id}:{violation.record}", "self_violation", Text(
                    f"文件自身数据 {violation.record} 违反本文件规则 {rule.id}（条款 {clauses}），"
                    "且没有文件问题说明这一矛盾：规则可能严于原文，或数据读取有误",
                    f"the document's own data {violation.record} violates its own rule "
                    f"{rule.id} (clause {clauses}) and no document finding explains it: the "
                    "rule may be stricter than the text, or the data misread"),
                violation.citations))
        else:
            findings.append(Issue(
                f"self:{rule.id}:{violation.record}", "internal_contradiction", Text(
                    f"文件自身数据 {violation.record} 不符合本文件规则 {rule.id}"
                    f"（见文件问题 {explained.id}）",
                    f"the document's own data {violation.record} does not meet its own rule "
                    f"{rule.id} (see document finding {explained.id})"),
                violation.citations + explained.cites))
    return defects, findings
