"""Every normative sentence must be accounted for: encoded, or listed as ``Unencoded``.

A sentence is covered when each of its parts (each comma-separated segment with its own
provision, see :func:`~xuequ_rules.document.sentences.provision_parts`) overlaps a quote
that a rule, a decision (or one of its cases), a checklist duty or an ``Unencoded`` entry
(either kind: not encodable, or not normative) cites, in the clause's corrected text — or
when such a quote contains the whole sentence. Narrative numbers, phases, count claims and
document findings do not cover a sentence: they explain a number or an oddity, not a duty.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from xuequ_rules.consistency.issue import Issue
from xuequ_rules.document.document import Document
from xuequ_rules.document.sentences import (
    KINDS,
    Sentence,
    normative_sentences,
    provision_parts,
)
from xuequ_rules.document.source import apply_errata
from xuequ_rules.policy.citation import Cite
from xuequ_rules.policy.policy import Policy
from xuequ_rules.policy.rule import Decision
from xuequ_rules.text import Text


def covering_cites(policy: Policy) -> list[Cite]:
    """The citations that account for a provision: rules, decisions, duties, unencoded."""
    cites: list[Cite] = []
    for rule in policy.rules:
        cites.extend(rule.all_cites() if isinstance(rule, Decision) else rule.cites)
    cites.extend(u.cite for u in policy.unencoded)
    return cites


def _readings(document: Document, cite: Cite) -> set[str]:
    """The quote as captured and in its corrected reading."""
    clause = document.clause(cite.clause)
    position = document.full_text(clause).find(cite.quote)
    if position < 0:
        return {cite.quote}
    start = clause.start + position
    return {cite.quote, apply_errata(document.source.text, document.source.errata, start,
                                     start + len(cite.quote))}


@dataclass(frozen=True, slots=True)
class Coverage:
    """The normative sentences of one policy version and which of them are accounted for."""

    covered: tuple[Sentence, ...]
    uncovered: tuple[Sentence, ...]
    by_kind: dict[str, tuple[int, int]] = field(default_factory=dict)  # kind → (found, covered)

    @property
    def found(self) -> int:
        return len(self.covered) + len(self.uncovered)

    def as_dict(self) -> dict[str, Any]:
        return {"found": self.found, "covered": len(self.covered),
                "by_kind": {kind: {"found": found, "covered": covered}
                            for kind, (found, covered) in self.by_kind.items()}}


def provision_coverage(policy: Policy) -> Coverage:
    """Which normative sentences some encoding or ``Unencoded`` entry cites."""
    document = policy.document
    quotes: dict[str, set[str]] = {}
    for cite in covering_cites(policy):
        readings = _readings(document, cite)
        for node in document.clause(cite.clause).walk():
            quotes.setdefault(node.id, set()).update(readings)
    spans: dict[str, list[tuple[int, int]]] = {}
    covered: list[Sentence] = []
    uncovered: list[Sentence] = []
    for sentence in normative_sentences(document):
        if sentence.clause not in spans:
            text = document.corrected_text(document.clause(sentence.clause))
            found: list[tuple[int, int]] = []
            for quote in quotes.get(sentence.clause, set()):
                start = text.find(quote)
                while start >= 0:
                    found.append((start, start + len(quote)))
                    start = text.find(quote, start + 1)
            spans[sentence.clause] = found
        core = sentence.text.rstrip("。；;！!？?")
        if any(core in quote for quote in quotes.get(sentence.clause, set())):
            covered.append(sentence)
            continue
        hit = all(any(a < end and start < b for a, b in spans[sentence.clause])
                  for start, end in provision_parts(sentence))
        (covered if hit else uncovered).append(sentence)
    by_kind: dict[str, tuple[int, int]] = {}
    for kind in KINDS:
        found_n = sum(1 for s in covered + uncovered if s.kind == kind)
        if found_n:
            by_kind[kind] = (found_n, sum(1 for s in covered if s.kind == kind))
    return Coverage(tuple(covered), tuple(uncovered), by_kind)


def provision_issues(policy: Policy) -> tuple[list[Issue], list[Issue]]:
    """Library defects: every normative sentence no encoding and no entry accounts for."""
    defects: list[Issue] = []
    for sentence in provision_coverage(policy).uncovered:
        zh_kind, en_kind = KINDS[sentence.kind or "imperative"]
        defects.append(Issue(
            f"provision:{sentence.clause}:{sentence.start}", "uncovered_provision", Text(
                f"条款 {sentence.clause} 的规范性语句（{zh_kind}，“{sentence.marker}”）既未编码也未"
                f"列为未编码：“{sentence.text}”",
                f"normative sentence ({en_kind}, marker {sentence.marker!r}) in clause "
                f"{sentence.clause} is neither encoded nor listed as unencoded: "
                f"{sentence.text!r}"),
            (Cite(sentence.clause, sentence.text),)))
    return defects, []
