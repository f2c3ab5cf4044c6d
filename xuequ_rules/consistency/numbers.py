"""Every number in a document must be a parameter or a narrative number with a reason."""

from __future__ import annotations

import re
from dataclasses import dataclass

from xuequ_rules.document.clause import Clause
from xuequ_rules.document.document import Document
from xuequ_rules.document.source import apply_errata
from xuequ_rules.policy.citation import Cite
from xuequ_rules.policy.policy import Policy

_CN_NUM = "一二两三四五六七八九十百千万"
_MEASURE = "个种所名年届次项位批类级统周岁期大倍套支门篇小天月"
NUMBER = re.compile(
    rf"\d+(?:[.．]\d+)?\s*%?|(?<![{_CN_NUM}第])[{_CN_NUM}]+(?=[{_MEASURE}])"
)
# Chinese numerals that are parts of words, not quantities.
_NOT_QUANTITY = ("一体", "统一", "一批", "一年级", "一项", "一些", "万一", "一个", "一大", "一样",
                 "一名", "一所", "一次", "一级", "一类", "一期", "一支", "一天", "一月", "一周")


@dataclass(frozen=True, slots=True)
class NumberToken:
    clause: str
    text: str
    start: int  # offset in the clause's corrected own text
    end: int


def _is_word(text: str, start: int, token: str) -> bool:
    if not token or token[0] not in _CN_NUM or token[0].isdigit():
        return False
    window = text[max(0, start - 1):start + len(token) + 2]
    return token == "一" and any(word in window for word in _NOT_QUANTITY)


def number_tokens(document: Document, clause: Clause) -> list[NumberToken]:
    """Numbers in a clause's own corrected text, numbering markers excluded."""
    text = document.corrected_text(clause)
    marker_len = len(apply_errata(document.source.text, document.source.errata, clause.start,
                                  clause.body_start))
    tokens: list[NumberToken] = []
    for match in NUMBER.finditer(text):
        if match.start() < marker_len:
            continue
        token = match.group().strip()
        if _is_word(text, match.start(), token):
            continue
        tokens.append(NumberToken(clause.id, token, match.start(), match.end()))
    return tokens


def _corrected_quote(document: Document, cite: Cite) -> str:
    clause = document.clause(cite.clause)
    captured = document.full_text(clause)
    position = captured.find(cite.quote)
    if position < 0:
        return cite.quote
    start = clause.start + position
    return apply_errata(document.source.text, document.source.errata, start,
                        start + len(cite.quote))


def _all_cites(policy: Policy) -> list[Cite]:
    cites: list[Cite] = [c for p in policy.parameters for c in p.cites]
    cites.extend(n.cite for n in policy.narratives)
    cites.extend(c for phase in policy.phases for c in phase.cites)
    cites.extend(c for claim in policy.count_claims for c in claim.cites)
    return cites


def uncovered_numbers(policy: Policy) -> list[NumberToken]:
    """Numbers that no parameter and no narrative entry cites."""
    document = policy.document
    quotes: dict[str, list[str]] = {}
    for cite in _all_cites(policy):
        corrected = _corrected_quote(document, cite)
        clause = document.clause(cite.clause)
        for node in clause.walk():
            quotes.setdefault(node.id, []).extend({cite.quote, corrected})
    uncovered: list[NumberToken] = []
    for clause in document.walk():
        text = document.corrected_text(clause)
        covered: list[tuple[int, int]] = []
        for quote in quotes.get(clause.id, []):
            start = text.find(quote)
            while start >= 0:
                covered.append((start, start + len(quote)))
                start = text.find(quote, start + 1)
        for token in number_tokens(document, clause):
            if not any(a <= token.start and token.end <= b for a, b in covered):
                uncovered.append(token)
    return uncovered
