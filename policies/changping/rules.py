"""Changping (republished text, undated): every normative provision, cited to its clause.

parameters.py holds the numbers and names, targets.py the goals and the rules with a number,
duties.py the qualitative tasks (attested), findings.py what the document leaves open.
"""

from __future__ import annotations

from xuequ_policies.changping.concepts import CONCEPTS
from xuequ_policies.changping.duties import CHECKLIST
from xuequ_policies.changping.facts import FACTS
from xuequ_policies.changping.findings import FINDINGS, UNENCODED, missing_party
from xuequ_policies.changping.lifecycle import VALID_FROM, VALID_UNTIL, VALIDITY
from xuequ_policies.changping.parameters import NARRATIVES, PARAMETERS, TERMS
from xuequ_policies.changping.targets import RULES

from xuequ_rules.document.document import Document
from xuequ_rules.facts.model import Stage
from xuequ_rules.policy.dsl import Policy

ALL_RULES = RULES + CHECKLIST


def build(document: Document) -> Policy:
    return Policy(
        name="changping", version=document.version, document=document,
        parameters=PARAMETERS, rules=ALL_RULES, narratives=NARRATIVES,
        document_findings=(*FINDINGS, missing_party(document, ALL_RULES)),
        unencoded=UNENCODED, terms=TERMS,
        data={"stages": [s.value for s in (Stage.PRIMARY, Stage.JUNIOR)]},
        valid_from=VALID_FROM, valid_until=VALID_UNTIL, validity=VALIDITY,
        facts_model=FACTS,
        concepts=CONCEPTS,
    )
