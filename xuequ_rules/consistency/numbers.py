"""Number coverage: every number in a document is a parameter, a narrative or a declared term.

Numbers are what :func:`xuequ_rules.document.numbers.read_quantities` reads: every quantity,
date, percentage, money amount, document-number digit and Chinese numeral expression,
counts such as 一名主要负责人 included. Clause numbers (一、 (二) 3.) and the editorial notes
errata insert (［缺失：…］) are skipped here; the reader itself skips list markers (一是),
ordinals and proper names (第二中学), and lexical words whose character is not a numeral at
all (统一, 一体, 一批, 进一步): there 一 counts nothing, whereas in 一名 it counts a person.
Numerals inside names and slogans (两免一补, 三重一大) are numbers to the reader; a policy
declares each such name once as a :class:`~xuequ_rules.policy.policy.Term`, which covers
all its occurrences.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from xuequ_rules.consistency.quotes import corrected_quote
from xuequ_rules.document.clause import Clause
from xuequ_rules.document.document import Document
from xuequ_rules.document.numbers import read_quantities
from xuequ_rules.document.source import apply_errata
from xuequ_rules.policy.citation import Cite
from xuequ_rules.policy.policy import Policy


@dataclass(frozen=True, slots=True)
class NumberToken:
    clause: str
    text: str
    start: int  # offset in the clause's corrected own text
    end: int


_EDITORIAL = re.compile(r"［[^］]*］")


def number_tokens(document: Document, clause: Clause) -> list[NumberToken]:
    """Numbers in a clause's own corrected text, its numbering marker and the editorial
    notes of its errata (［缺失：…］) excluded."""
    text = document.corrected_text(clause)
    marker_len = len(apply_errata(document.source.text, document.source.errata, clause.start,
                                  clause.body_start))
    notes = [m.span() for m in _EDITORIAL.finditer(text)]
    return [NumberToken(clause.id, q.text, q.start, q.end) for q in read_quantities(text)
            if q.start >= marker_len and not any(a <= q.start < b for a, b in notes)]


def _all_cites(policy: Policy) -> list[Cite]:
    cites: list[Cite] = [c for p in policy.parameters for c in p.cites]
    cites.extend(n.cite for n in policy.narratives)
    cites.extend(c for phase in policy.phases for c in phase.cites)
    cites.extend(c for claim in policy.count_claims for c in claim.cites)
    return cites


def _spans(text: str, needle: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    start = text.find(needle) if needle else -1
    while start >= 0:
        spans.append((start, start + len(needle)))
        start = text.find(needle, start + 1)
    return spans


def number_coverage(policy: Policy) -> tuple[list[NumberToken], list[NumberToken]]:
    """(all numbers, numbers that no parameter, narrative or term covers)."""
    document = policy.document
    quotes: dict[str, set[str]] = {}
    for cite in _all_cites(policy):
        corrected = corrected_quote(document, cite)
        for node in document.clause(cite.clause).walk():
            quotes.setdefault(node.id, set()).update({cite.quote, corrected})
    terms = [t.text for t in policy.terms]
    found: list[NumberToken] = []
    uncovered: list[NumberToken] = []
    for clause in document.walk():
        tokens = number_tokens(document, clause)
        if not tokens:
            continue
        text = document.corrected_text(clause)
        covered = [s for q in (*quotes.get(clause.id, ()), *terms) for s in _spans(text, q)]
        found.extend(tokens)
        uncovered.extend(t for t in tokens
                         if not any(a <= t.start and t.end <= b for a, b in covered))
    return found, uncovered


def uncovered_numbers(policy: Policy) -> list[NumberToken]:
    """Numbers that no parameter, narrative entry or declared term covers."""
    return number_coverage(policy)[1]
