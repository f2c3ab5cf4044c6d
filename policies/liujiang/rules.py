"""Liujiang 2018: every normative provision, cited to its clause.

The encoding is spread over modules: ``parameters`` (parties, numbers, phases), ``rules_zone``
(rules judged on records), ``checklist`` and ``checklist_staff`` (qualitative duties) and
``notes`` (narrative numbers, terms, provisions left unencoded, findings about the document).
"""

from __future__ import annotations

from xuequ_policies.liujiang.checklist import RESOURCES, STRUCTURE
from xuequ_policies.liujiang.checklist_staff import QUALITY, SAFEGUARDS, STAFF
from xuequ_policies.liujiang.concepts import CONCEPTS
from xuequ_policies.liujiang.facts import FACTS
from xuequ_policies.liujiang.lifecycle import VALID_FROM, VALID_UNTIL, VALIDITY
from xuequ_policies.liujiang.notes import (
    DOCUMENT_FINDINGS,
    NARRATIVES,
    TERMS,
    UNENCODED,
    missing_party,
)
from xuequ_policies.liujiang.parameters import PARAMETERS, PHASES, SIX_UNIFICATIONS, C
from xuequ_policies.liujiang.rules_zone import RULES

from xuequ_rules.document.document import Document
from xuequ_rules.facts.model import Stage
from xuequ_rules.policy.dsl import CountClaim, Policy, Rule, zh_en

CHECKLIST: tuple[Rule, ...] = (*STRUCTURE, *RESOURCES, *STAFF, *QUALITY, *SAFEGUARDS)
ALL_RULES: tuple[Rule, ...] = (*RULES, *CHECKLIST)

COUNT_CLAIMS = (
    CountClaim("liujiang.phases", zh_en("实施阶段数", "number of phases"), 3, len(PHASES),
               (C("四", "学区制改革主要分三个阶段进行实施"),)),
    CountClaim("liujiang.six_unifications", zh_en("“六统一”所列事项数", "matters in the six "
               "unifications"), 6, len(str(SIX_UNIFICATIONS.value).split("、")),
               (C("二", "质量评价的“六统一”"),)),
)


def build(document: Document) -> Policy:
    return Policy(
        name="liujiang", version=document.version, document=document,
        parameters=PARAMETERS, rules=ALL_RULES, narratives=NARRATIVES, phases=PHASES,
        count_claims=COUNT_CLAIMS,
        document_findings=(*DOCUMENT_FINDINGS, missing_party(ALL_RULES)),
        unencoded=UNENCODED, terms=TERMS,
        data={"stages": [s.value for s in (Stage.PRIMARY, Stage.JUNIOR)]},
        valid_from=VALID_FROM, valid_until=VALID_UNTIL, validity=VALIDITY,
        facts_model=FACTS,
        concepts=CONCEPTS,
    )
