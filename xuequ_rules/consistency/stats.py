"""``xuequ check --stats``: how much of a document the encoding accounts for."""

from __future__ import annotations

from typing import Any

from xuequ_rules.consistency.numbers import number_coverage
from xuequ_rules.consistency.parties import MISSING_PARTY, unnamed_party_rules
from xuequ_rules.consistency.provisions import provision_coverage
from xuequ_rules.consistency.selfcheck import CONTRADICTION_KINDS, self_violations
from xuequ_rules.errors import RuleConflictError
from xuequ_rules.policy.policy import Policy


def policy_stats(policy: Policy) -> dict[str, Any]:
    """Per document: normative sentences and numbers found / covered, own data, parties."""
    found, uncovered = number_coverage(policy)
    numbers_found, numbers_uncovered = len(found), len(uncovered)
    explained = {rule_id for finding in policy.document_findings
                 if finding.kind in CONTRADICTION_KINDS for rule_id in finding.encodings}
    try:
        violations = self_violations(policy)
        conflict = False
    except RuleConflictError:
        violations, conflict = [], True
    listed = {rule_id for finding in policy.document_findings
              if finding.kind == MISSING_PARTY for rule_id in finding.encodings}
    unnamed = [rule.id for rule in unnamed_party_rules(policy)]
    return {
        "provisions": provision_coverage(policy).as_dict(),
        "numbers": {"found": numbers_found, "covered": numbers_found - numbers_uncovered},
        "self_check": {"has_own_data": policy.self_facts is not None,
                       "violated": len(violations), "conflict": conflict,
                       "explained": sum(1 for v in violations if v.rule.id in explained)},
        "parties": {"rules": len(policy.rules), "unnamed": len(unnamed),
                    "listed": sum(1 for rule_id in unnamed if rule_id in listed)},
    }


def stats_lines(stats: dict[str, Any]) -> list[str]:
    """The statistics as bilingual lines for the terminal."""
    from xuequ_rules.document.sentences import KINDS

    provisions = stats["provisions"]
    kinds = "，".join(f"{KINDS[kind][0]} {kind} {v['covered']}/{v['found']}"
                     for kind, v in provisions["by_kind"].items())
    numbers = stats["numbers"]
    own = stats["self_check"]
    parties = stats["parties"]
    own_line = (f"文件自身数据 own data: 违反 violated {own['violated']}，"
                f"已说明 explained {own['explained']}" if own["has_own_data"]
                else "文件自身数据 own data: 未声明 none declared")
    return [
        f"规范性语句 normative sentences: 已覆盖 covered {provisions['covered']}/"
        f"{provisions['found']}" + (f"（{kinds}）" if kinds else ""),
        f"数字 numbers: 已覆盖 covered {numbers['covered']}/{numbers['found']}",
        own_line,
        f"责任主体 parties: 文本未写明 unnamed {parties['unnamed']}/{parties['rules']} 条规则 rules，"
        f"已列入 missing_party listed {parties['listed']}",
    ]
