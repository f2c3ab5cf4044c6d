"""Ziyang 2024: every normative provision, cited to its clause.

紫阳县全面推进紧密型城乡教育共同体建设实施方案（紫办字〔2024〕98号）. The capture lost the
heading of part 一 (erratum E01), most of part 三 (recorded in the provenance and as unencoded) and the annex heading (E08); the annex
table is parsed from the document in :mod:`xuequ_policies.ziyang.annex`.

The encoding is split by theme: :mod:`.parties`, :mod:`.parameters` (numbers and phases),
:mod:`.quantitative` (rules that compute), :mod:`.checklist` (qualitative duties) and
:mod:`.findings` (narrative numbers, terms, count claims, document findings, unencoded).
"""

from __future__ import annotations

from xuequ_policies.ziyang.annex import annex_facts, parse_annex
from xuequ_policies.ziyang.checklist import CHECKLIST
from xuequ_policies.ziyang.concepts import CONCEPTS
from xuequ_policies.ziyang.facts import FACTS
from xuequ_policies.ziyang.findings import (
    NARRATIVES,
    TERMS,
    UNENCODED,
    annex_narratives,
    count_claims,
    document_findings,
)
from xuequ_policies.ziyang.lifecycle import VALID_FROM, VALID_UNTIL, VALIDITY
from xuequ_policies.ziyang.parameters import PARAMETERS, PHASES
from xuequ_policies.ziyang.quantitative import quantitative_rules

from xuequ_rules.document.document import Document
from xuequ_rules.facts.loader import parse_facts
from xuequ_rules.facts.model import Stage
from xuequ_rules.policy.dsl import Policy


def build(document: Document) -> Policy:
    rows = parse_annex(document)
    return Policy(
        name="ziyang", version=document.version, document=document,
        parameters=PARAMETERS, rules=quantitative_rules(rows) + CHECKLIST,
        narratives=NARRATIVES + annex_narratives(rows), phases=PHASES,
        count_claims=count_claims(rows),
        document_findings=document_findings(rows),
        unencoded=UNENCODED, terms=TERMS,
        data={"annex": [row.as_dict() for row in rows],
              "stages": [s.value for s in (Stage.PRIMARY, Stage.NINE_YEAR)]},
        self_facts=parse_facts(annex_facts(rows), schema=FACTS),
        valid_from=VALID_FROM, valid_until=VALID_UNTIL, validity=VALIDITY,
        facts_model=FACTS,
        concepts=CONCEPTS,
    )
