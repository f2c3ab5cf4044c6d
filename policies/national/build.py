"""The national package's one version: the transcription of 教督〔2017〕6号's resource indicators."""

from __future__ import annotations

from xuequ_policies.national.concepts import CONCEPTS
from xuequ_policies.national.facts import FACTS
from xuequ_policies.national.findings import (
    DOCUMENT_FINDINGS,
    NARRATIVES,
    UNENCODED,
    count_claims,
)
from xuequ_policies.national.indicators import INDICATORS, PARAMETERS, STAGES
from xuequ_policies.national.lifecycle import VALID_FROM, VALID_UNTIL, VALIDITY
from xuequ_policies.national.rules import RULES

from xuequ_rules.document.document import Document
from xuequ_rules.policy.dsl import Policy


def build(document: Document) -> Policy:
    return Policy(
        name="national", version=document.version, document=document,
        parameters=PARAMETERS, rules=RULES, narratives=NARRATIVES,
        count_claims=count_claims(document), document_findings=DOCUMENT_FINDINGS,
        unencoded=UNENCODED,
        data={"stages": [s.value for s in STAGES],
              "indicators": [i.key for i in INDICATORS],
              "nine_year_schools": "counted by stage records (primary part, junior part)"},
        valid_from=VALID_FROM, valid_until=VALID_UNTIL, validity=VALIDITY,
        facts_model=FACTS,
        concepts=CONCEPTS,
    )
