"""Nantong 2013 (通政发〔2013〕51号): every normative provision, cited to its clause.

The encoding is split by theme: :mod:`.parties` (parties and area names), :mod:`.parameters`
(numbers, deadlines), :mod:`.targets` (dated targets and the building plan), :mod:`.staff`
(teachers, principals, titles, groups), :mod:`.checklist` (qualitative duties) and
:mod:`.findings` (narrative numbers, terms, document findings, unencoded provisions).
"""

from __future__ import annotations

from xuequ_policies.nantong.checklist import CHECKLIST
from xuequ_policies.nantong.concepts import CONCEPTS
from xuequ_policies.nantong.facts import FACTS
from xuequ_policies.nantong.findings import DOCUMENT_FINDINGS, NARRATIVES, TERMS, UNENCODED
from xuequ_policies.nantong.lifecycle import VALID_FROM, VALID_UNTIL, VALIDITY
from xuequ_policies.nantong.parameters import PARAMETERS
from xuequ_policies.nantong.parties import (
    BINHAI,
    CHONGCHUAN,
    CITY_AREA,
    DEV_ZONE,
    GANGZHA,
    SUTONG,
    TONGZHOU,
)
from xuequ_policies.nantong.staff import STAFF_RULES
from xuequ_policies.nantong.targets import CONSTRUCTION_RULES, TARGET_RULES

from xuequ_rules.document.document import Document
from xuequ_rules.facts.model import Stage
from xuequ_rules.policy.dsl import Policy


def build(document: Document) -> Policy:
    return Policy(
        name="nantong", version=document.version, document=document,
        parameters=PARAMETERS, rules=TARGET_RULES + CONSTRUCTION_RULES + STAFF_RULES + CHECKLIST,
        narratives=NARRATIVES, document_findings=DOCUMENT_FINDINGS,
        unencoded=UNENCODED, terms=TERMS,
        data={"stages": [s.value for s in (Stage.PRIMARY, Stage.JUNIOR)],
              "area_names": {"city_area": list(CITY_AREA), "chongchuan": list(CHONGCHUAN),
                             "gangzha": list(GANGZHA), "dev_zone": list(DEV_ZONE),
                             "sutong": list(SUTONG), "tongzhou": list(TONGZHOU),
                             "binhai": list(BINHAI)}},
        valid_from=VALID_FROM, valid_until=VALID_UNTIL, validity=VALIDITY,
        facts_model=FACTS,
        concepts=CONCEPTS,
    )
