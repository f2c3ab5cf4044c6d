"""Caoxian normal-school affiliated primary school: student rules, three captures.

One build function serves all three captures. Everything that can differ between them is
read from the capture's own text: the entry grade and age (and their quote), and which
provisions exist at all (the captures stop at different points). A provision is encoded
only if every quote it cites is present in that capture. A list the capture cuts off is
encoded as an open list: what the missing text might admit is undetermined, never refused.
"""

from __future__ import annotations

from xuequ_policies.caoxian.common import C, present
from xuequ_policies.caoxian.concepts import CONCEPTS
from xuequ_policies.caoxian.duties import checklist
from xuequ_policies.caoxian.facts import FACTS
from xuequ_policies.caoxian.findings import (
    CAPTURE_WITHOUT_TITLE,
    COMMON_FINDINGS,
    DIVERGENT_ENTRY,
    truncated_withdrawal_list,
    unencoded,
    unnamed_parties,
)
from xuequ_policies.caoxian.lifecycle import VALID_FROM, VALID_UNTIL, VALIDITY
from xuequ_policies.caoxian.parameters import FIXED, Q_MYOPIA, entry_parameters
from xuequ_policies.caoxian.rules import student_rules, withdrawal_list_complete

from xuequ_rules.document.document import Document
from xuequ_rules.facts.model import Stage
from xuequ_rules.policy.dsl import CountClaim, DocumentFinding, Narrative, Policy, zh_en


def _numbers(document: Document) -> tuple[list[Narrative], list[CountClaim]]:
    narratives: list[Narrative] = []
    if present(document, (C("序", "550501"),)):
        narratives.append(Narrative(C("序", "学校学生管理制度550501 曹县"), zh_en(
            "文档分享网站给文件加的文件名编号，不属于制度内容",
            "the sharing site's file-name number, not part of the rules")))
    one_parent = C("四/(一)/3", "父母双方一方因故病残")
    if present(document, (one_parent,)):
        narratives.append(Narrative(one_parent, zh_en(
            "“一方”指父母中的一人，是家庭困难情况的描述；该情况没有对应事实，未编码（见未编码项）",
            "'one of the parents' describes a case of family hardship, which has no fact and is "
            "not encoded (see the unencoded entries)")))
    claims: list[CountClaim] = []
    three_cases = C("四/(一)/2", "此条一般指下述三种情况")
    if present(document, (three_cases,)):
        listed = sum(1 for word in ("一是", "二是", "三是")
                     if word in document.full_text(document.clause("四/(一)/2")))
        if present(document, (C("四/(一)/2", Q_MYOPIA),)):
            claims.append(CountClaim(
                "caoxian.withdrawal.health_cases", zh_en("第2项退学原因所指情况数",
                                                         "cases under withdrawal reason 2"),
                3, listed, (three_cases,)))
        else:
            narratives.append(Narrative(three_cases, zh_en(
                f"本采集稿在列举中截断（只见 {listed} 种），无法核对“三种”",
                f"the capture breaks off in the list ({listed} seen), so 'three' cannot be "
                "checked")))
    two_cases = C("四/(一)/3", "此一般指以下两种情况")
    if present(document, (two_cases,)):
        listed = sum(1 for word in ("一是", "二是")
                     if word in document.full_text(document.clause("四/(一)/3")))
        claims.append(CountClaim(
            "caoxian.withdrawal.family_cases", zh_en("第3项退学原因所指情况数",
                                                     "cases under withdrawal reason 3"),
            2, listed, (two_cases,)))
    return narratives, claims


def build(document: Document) -> Policy:
    grade, age, entry_quote = entry_parameters(document)
    parameters = [grade, age, *(p for p in FIXED if present(document, p.cites))]
    declared = {p.id for p in parameters}
    rules = [r for r in (*student_rules(document, grade, age, entry_quote),
                         *checklist(document))
             if present(document, r.cites) and all(p.id in declared for p in r.parameters())]
    rule_ids = {r.id for r in rules}

    findings: list[DocumentFinding] = [
        d for d in COMMON_FINDINGS
        if present(document, d.cites) and set(d.encodings) <= rule_ids]
    if present(document, DIVERGENT_ENTRY.cites):
        findings.append(DIVERGENT_ENTRY)
    if "曹县师范学校附属小学" not in document.clause("序").text:
        findings.append(CAPTURE_WITHOUT_TITLE)
    if "caoxian.withdrawal.listed_reasons_only" in rule_ids \
            and not withdrawal_list_complete(document):
        findings.append(truncated_withdrawal_list())
    unnamed = unnamed_parties(document, rules)
    if unnamed is not None:
        findings.append(unnamed)

    narratives, claims = _numbers(document)
    return Policy(
        name="caoxian", version=document.version, document=document,
        parameters=tuple(parameters), rules=tuple(rules), narratives=tuple(narratives),
        count_claims=tuple(claims), document_findings=tuple(findings),
        unencoded=tuple(unencoded(document)), data={"stages": [Stage.PRIMARY.value]},
        valid_from=VALID_FROM, valid_until=VALID_UNTIL, validity=VALIDITY,
        facts_model=FACTS,
        concepts=CONCEPTS,
    )
