"""Quotes as the document reads them after its errata, and the quantities in them."""

from __future__ import annotations

from xuequ_rules.document.document import Document
from xuequ_rules.document.numbers import Quantity, implicit_quantities, read_quantities
from xuequ_rules.document.source import apply_errata
from xuequ_rules.policy.citation import Cite


def corrected_quote(document: Document, cite: Cite) -> str:
    """The quote with the errata applied (``1 0万元`` reads ``10万元``)."""
    clause = document.clause(cite.clause)
    captured = document.full_text(clause)
    position = captured.find(cite.quote)
    if position < 0:
        return cite.quote
    start = clause.start + position
    return apply_errata(document.source.text, document.source.errata, start,
                        start + len(cite.quote))


def quote_quantities(document: Document, cites: tuple[Cite, ...]) -> list[Quantity]:
    """Every quantity read in the corrected quotes of ``cites``.

    A quote without any numeral is read for the words that state a quantity without one
    (全覆盖, 所有, 每年); a quote with a numeral is read for its numerals only, so 每年 beside
    至少1名 is not mistaken for the value.
    """
    found: list[Quantity] = []
    for cite in cites:
        text = corrected_quote(document, cite)
        found.extend(read_quantities(text) or implicit_quantities(text))
    return found


def describe(quantities: list[Quantity]) -> str:
    """``10%=0.10 percent; 2018年=2018 year`` — what the reader found, for messages."""
    if not quantities:
        return "—"
    parts = []
    for quantity in quantities:
        readings = ", ".join(f"{r.value} {r.kind.value}" for r in quantity.readings)
        parts.append(f"{quantity.text}={readings}")
    return "; ".join(parts)
