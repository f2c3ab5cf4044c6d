"""Markdown pages generated from the policies (never hand-copied).

Per policy version: an overview (metadata, basis documents, errata, provenance), the full
text clause by clause with the rules and parameters each clause became beside it, the
parameter and rule tables with a page per rule and per parameter, the inspection checklist
and the consistency report. Across policies: a page per concept, the comparison by concept
and the diff pages. Each kind of page lives in its own module; this one assembles them.
"""

from __future__ import annotations

from xuequ_rules.sitegen.checklist import checklist_page
from xuequ_rules.sitegen.common import Entry, Page, clause_anchor, h, slug
from xuequ_rules.sitegen.compare import compare_page, diff_pages, diff_pairs
from xuequ_rules.sitegen.entities import concept_pages, entity_pages
from xuequ_rules.sitegen.literate import parameter_card, rule_card, text_page
from xuequ_rules.sitegen.overview import overview_page
from xuequ_rules.sitegen.tables import (
    consistency_page,
    parameters_page,
    policies_index,
    rules_page,
)


def policy_pages(entry: Entry, versions: list[Entry]) -> list[Page]:
    """The pages of one policy version shown in the nav (overview, text, tables)."""
    pages = [overview_page(entry, versions), text_page(entry)]
    if entry.policy is not None:
        pages += [parameters_page(entry, entry.policy), rules_page(entry, entry.policy),
                  checklist_page(entry, entry.policy), consistency_page(entry, entry.policy)]
    return pages


__all__ = ["Entry", "Page", "checklist_page", "clause_anchor", "compare_page",
           "concept_pages", "consistency_page", "diff_pages", "diff_pairs", "entity_pages",
           "h", "overview_page", "parameter_card", "parameters_page", "policies_index",
           "policy_pages", "rule_card", "rules_page", "slug", "text_page"]
