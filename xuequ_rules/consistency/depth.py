"""Citations name the deepest clause that holds their quote.

A cite whose quote lies entirely within one child of the cited clause (as captured or as
corrected by the errata) should cite that child: a reader following the citation must land
on the words, not on the part that contains them.
"""

from __future__ import annotations

from xuequ_rules.consistency.issue import Issue
from xuequ_rules.document.clause import Clause
from xuequ_rules.document.document import Document
from xuequ_rules.policy.citation import Cite
from xuequ_rules.policy.policy import Policy, _owners
from xuequ_rules.text import Text


def _holds(document: Document, clause: Clause, quote: str) -> bool:
    return quote in document.full_text(clause) or quote in document.full_text(
        clause, corrected=True)


def deepest_clause(document: Document, cite: Cite) -> str:
    """The deepest clause under the cited one whose text alone holds the quote."""
    clause = document.clause(cite.clause)
    while True:
        if cite.quote in clause.text or cite.quote in document.corrected_text(clause):
            return clause.id
        inner = next((c for c in clause.children if _holds(document, c, cite.quote)), None)
        if inner is None:
            return clause.id
        clause = inner


def depth_defects(policy: Policy) -> list[Issue]:
    issues: list[Issue] = []
    document = policy.document
    for owner, cite in _owners(policy):
        if not document.clause(cite.clause).children:
            continue
        deepest = deepest_clause(document, cite)
        if deepest != cite.clause:
            issues.append(Issue(
                f"depth:{owner.split(' ')[-1]}:{cite.clause}:{cite.quote[:24]}",
                "citation_depth", Text(
                    f"{owner} 引用条款 {cite.clause}，但引文“{cite.quote}”全部位于其下级条款 "
                    f"{deepest}，应引用 {deepest}",
                    f"{owner} cites clause {cite.clause}, but the quote {cite.quote!r} lies "
                    f"wholly in its sub-clause {deepest}; cite {deepest}"), (cite,)))
    return issues
