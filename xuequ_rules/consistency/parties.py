"""Responsible parties the text does not name must be declared as such.

A rule's party is *named by the text* when one of its names occurs in the clause that
holds a quote of the rule (the deepest clause holding it), or in the own text — heading and
lead-in — of an ancestor of that clause, which governs it (e.g. "由区教育局负责" above a
list of tasks). The document's issuers (发文机关) are named by the document as a whole (an
issuer ending with a name of the party).
The names of a party are: its Chinese text; that text without bracketed parts
(``学区（牵头学校）`` → ``学区``); each bracketed part that is itself a name (``牵头学校``);
each of these without a leading 各; and the names the package declares in
``Policy.party_names``. A party whose text says the document does not name it (未写明,
未明确) is never named.

Every rule whose party is not named must be listed in the ``encodings`` of a
``missing_party`` document finding (one finding may list many rules); a rule not listed is a
library defect (``unlisted_missing_party``). A listed rule whose party is named in full in
the very words the rule quotes is a stale entry (``stale_missing_party``); a name found only
elsewhere in the clause, or only as a short form, may belong to another sentence's duty or
be the object of the duty, so the package's judgement that the party is missing stands.
A listed id that is no rule of the policy is a defect (``unknown_encoding``).
"""

from __future__ import annotations

import re

from xuequ_rules.consistency.issue import Issue
from xuequ_rules.document.document import Document
from xuequ_rules.policy.citation import Cite
from xuequ_rules.policy.policy import Policy
from xuequ_rules.policy.rule import AnyRule, Decision
from xuequ_rules.text import Text

MISSING_PARTY = "missing_party"
_UNNAMED_MARKS = ("未写明", "未明确", "未规定", "未指明")
_BRACKETS = re.compile(r"[（(]([^)）]*)[)）]")
_PARTS = re.compile(r"、|或|及|和|会同")


def party_names(policy: Policy, zh: str) -> tuple[str, ...]:
    """Every name under which the text may name the party ``zh``."""
    if any(mark in zh for mark in _UNNAMED_MARKS):
        return ()
    names = [zh, _BRACKETS.sub("", zh).strip()]
    names.extend(inner.strip() for inner in _BRACKETS.findall(zh))
    names.extend(name[1:] for name in list(names) if name.startswith("各"))
    names.extend(policy.party_names.get(zh, ()))
    return tuple(dict.fromkeys(n for n in names if len(n) >= 2))


def _scope(document: Document, cite: Cite) -> str:
    """The clause holding the quote (the deepest one), and the own text of its ancestors."""
    clause = document.clause(cite.clause)
    holder = None
    for node in clause.walk():
        if cite.quote in node.text or cite.quote in document.corrected_text(node):
            holder = node
    parts = ([document.corrected_text(holder), holder.text] if holder is not None
             else [document.full_text(clause, corrected=True), document.full_text(clause)])
    parent = (holder or clause).parent_id
    while parent is not None and document.has_clause(parent):
        parts.append(document.corrected_text(document.clause(parent)))
        parent = document.clause(parent).parent_id
    return "\n".join(parts)


def _named_in(names: tuple[str, ...], scopes: list[str], issuers: tuple[str, ...]) -> bool:
    if any(issuer.endswith(name) for issuer in issuers for name in names):
        return True
    return any(name in scope for scope in scopes for name in names)


def party_named(policy: Policy, rule: AnyRule) -> bool:
    """Whether the text names the rule's responsible party where the rule cites it.

    A party made of several (``学区主任或办公室负责人``, ``各区、各学校``) is named when
    it is named as a whole or when each of its parts is.
    """
    names = party_names(policy, rule.party.zh)
    if not names:
        return False
    issuers = policy.document.metadata.issuers
    cites = rule.all_cites() if isinstance(rule, Decision) else rule.cites
    scopes = [_scope(policy.document, cite) for cite in cites]
    if _named_in(names, scopes, issuers):
        return True
    parts = [p for p in _PARTS.split(_BRACKETS.sub("", rule.party.zh)) if p.strip()]
    return len(parts) > 1 and all(
        _named_in(party_names(policy, part.strip()) or (part.strip(),), scopes, issuers)
        for part in parts)


def party_in_quotes(policy: Policy, rule: AnyRule) -> bool:
    """Whether one of the rule's own quotes names its party in full (strong evidence, for
    staleness): the party's text, or that text without bracketed parts — not a short form,
    which may name only the object of the duty (加强教共体师德师风建设 does not say who)."""
    zh = rule.party.zh
    if any(mark in zh for mark in _UNNAMED_MARKS):
        return False
    names = {n for n in (zh, _BRACKETS.sub("", zh).strip()) if len(n) >= 2}
    cites = rule.all_cites() if isinstance(rule, Decision) else rule.cites
    return any(name in cite.quote for cite in cites for name in names)


def unnamed_party_rules(policy: Policy) -> list[AnyRule]:
    """The rules whose responsible party the text does not name."""
    return [rule for rule in policy.rules if not party_named(policy, rule)]


def party_issues(policy: Policy) -> tuple[list[Issue], list[Issue]]:
    """Library defects: unnamed parties not declared missing, and stale declarations."""
    listed = {rule_id for finding in policy.document_findings
              if finding.kind == MISSING_PARTY for rule_id in finding.encodings}
    unnamed = unnamed_party_rules(policy)
    unnamed_ids = {rule.id for rule in unnamed}
    defects: list[Issue] = []
    for rule in unnamed:
        if rule.id not in listed:
            clauses = "、".join(dict.fromkeys(c.clause for c in rule.cites))
            defects.append(Issue(f"party:{rule.id}", "unlisted_missing_party", Text(
                f"规则 {rule.id} 的责任主体“{rule.party.zh}”在所引条款 {clauses} 中未写明，"
                "但未列入 missing_party 文件问题",
                f"rule {rule.id}: its party {rule.party.en!r} ({rule.party.zh}) is not named "
                f"in the cited clause {clauses}, and no missing_party finding lists it"),
                rule.cites))
    known = {rule.id for rule in policy.rules}
    for rule_id in sorted(listed):
        if (rule_id in known and rule_id not in unnamed_ids
                and party_in_quotes(policy, policy.rule(rule_id))):
            party = policy.rule(rule_id).party
            defects.append(Issue(f"party:{rule_id}:stale", "stale_missing_party", Text(
                f"规则 {rule_id} 列在 missing_party 文件问题中，但其责任主体“{party.zh}”在所引原文中已写明",
                f"rule {rule_id} is listed in a missing_party finding, but the text names its "
                f"party {party.en!r} ({party.zh}) in the words the rule quotes"),
                policy.rule(rule_id).cites))
    for finding in policy.document_findings:
        params = {p.id for p in policy.parameters}
        for encoding in finding.encodings:
            if encoding not in known and encoding not in params:
                defects.append(Issue(f"encoding:{finding.id}:{encoding}", "unknown_encoding", Text(
                    f"文件问题 {finding.id} 列出的编码 {encoding} 不是本政策的规则或参数",
                    f"document finding {finding.id} lists {encoding}, which is no rule or "
                    "parameter of the policy"), finding.cites))
    return defects, []
