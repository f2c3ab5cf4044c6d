"""Whole-text checks a package's own tests apply sentence by sentence (finer than `xuequ check`).

Every citation names the deepest clause holding its quote, and every sentence carrying a
normative marker holds the quote of a rule or of an ``Unencoded`` entry with a reason.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from xuequ_rules.policy.citation import Cite
from xuequ_rules.policy.policy import Policy

NORMATIVE = re.compile(r"(?<![主重需])要|应|须|不得|严禁|禁止|可|鼓励|提倡|确保|力争|负责|实行|建立|"
                       r"落实|加强|完善|推进|坚持|重视|实现|构建|按照|尽量|予以|由")


def every_cite(policy: Policy) -> Iterator[Cite]:
    yield from (c for r in policy.rules for c in r.cites)
    yield from (c for p in policy.parameters for c in p.cites)
    yield from (u.cite for u in policy.unencoded)
    yield from (n.cite for n in policy.narratives)
    yield from (c for finding in policy.document_findings for c in finding.cites)


def assert_citations_name_the_deepest_clause(policy: Policy) -> None:
    document = policy.document
    for cite in every_cite(policy):
        for child in document.clause(cite.clause).children:
            assert cite.quote not in document.full_text(child), cite
            assert cite.quote not in document.full_text(child, corrected=True), cite


def assert_every_normative_sentence_is_accounted_for(policy: Policy) -> int:
    """Each marked sentence holds a rule's or an ``Unencoded`` entry's quote; the count found."""
    document = policy.document
    quotes = [c.quote.replace("\n", "") for r in policy.rules for c in r.cites]
    quotes += [u.cite.quote.replace("\n", "") for u in policy.unencoded if u.reason.zh]
    found = 0
    for clause in document.walk():
        text = document.corrected_text(clause).replace("\n", "")
        for sentence in re.split(r"(?<=[。;；])", text):
            if NORMATIVE.search(sentence):
                found += 1
                assert any(quote in sentence for quote in quotes), (clause.id, sentence)
    return found
