"""Shared helpers of the Caoxian package: parties, presence of a quote in a capture, spans."""

from __future__ import annotations

from collections.abc import Iterable

from xuequ_rules.document.document import Document
from xuequ_rules.policy.dsl import Cite, zh_en
from xuequ_rules.policy.policy import quote_in_clause

C = Cite
SCHOOL = zh_en("学校", "the school")
PRINCIPAL = zh_en("校长", "the principal")
PARENTS = zh_en("学生家长", "parents")
FAMILY = zh_en("家长", "parents")
PUPIL = zh_en("学生", "the pupil")
NEW_PUPIL = zh_en("新生", "new pupils")
TRANSFER_PUPIL = zh_en("转入的学生", "transferring pupils")
APPROVERS = zh_en("班主任、教导处、校长", "class teacher, teaching affairs office, principal")


def present(document: Document, cites: Iterable[Cite]) -> bool:
    """Whether every quote is in its clause in this capture (captures stop at different points)."""
    return all(document.has_clause(c.clause) and quote_in_clause(document, c) for c in cites)


def span(document: Document, clause_id: str, start: str, end: str) -> str:
    """The verbatim text of a clause from ``start`` to the end of ``end`` (page breaks kept)."""
    text = document.full_text(document.clause(clause_id))
    first = text.index(start)
    return text[first:text.index(end, first + len(start)) + len(end)]
