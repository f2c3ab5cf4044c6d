"""Proposed encodings of a parsed document: a parameter (or a narrative) for every number,
read by the one number reader, and a checklist duty for every normative sentence, with the
party the sentence names or none (then listed in a ``missing_party`` finding)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from decimal import Decimal

from xuequ_rules.authoring.metadata import DOC_NUMBER
from xuequ_rules.consistency.numbers import number_tokens
from xuequ_rules.document.document import Document
from xuequ_rules.document.numbers import COMPATIBLE, Kind, Quantity, read_quantities
from xuequ_rules.document.numerals import chinese_to_int
from xuequ_rules.document.sentences import normative_sentences
from xuequ_rules.policy.rule import Modality
from xuequ_rules.policy.units import Unit

# The unit proposed for a number, by the kind of its first reading (in this order).
_UNITS: tuple[tuple[Kind, Unit], ...] = (
    (Kind.PERCENT, Unit.RATIO), (Kind.COEFFICIENT, Unit.RATIO), (Kind.MONEY, Unit.YUAN),
    (Kind.YEAR, Unit.YEAR), (Kind.DATE, Unit.DATE), (Kind.HOURS, Unit.HOURS),
    (Kind.DURATION, Unit.YEARS), (Kind.PERSONS, Unit.PERSONS), (Kind.SCHOOLS, Unit.SCHOOLS),
    (Kind.TERMS, Unit.TERMS), (Kind.AREA, Unit.SQUARE_METRES), (Kind.MONTHS, Unit.COUNT),
    (Kind.COUNT, Unit.COUNT), (Kind.PLAIN, Unit.COUNT))
_SEGMENT_END = re.compile(r"[，,。；;：:！？!?\n]")
_PARTY = re.compile(
    r"^(?:由)?(?P<p>[^，,：:。；“”《》]{0,16}?(?:人民政府|政府|教育局|教体局|教委|教育行政部门|"
    r"有关部门|部门|学校|学区|领导小组|小组|办公室|中心|财政|委员会|党委|教共体|总校|成员校|"
    r"核心校|督导室|督学))")
_BY = re.compile(r"由(?P<p>[^，,。；由]{2,20}?)(?:负责|牵头|承担|组织|统筹)")


@dataclass(frozen=True, slots=True)
class ProposedParameter:
    id: str
    clause: str
    quote: str
    number: str
    value: Decimal | int | dt.date
    unit: Unit


@dataclass(frozen=True, slots=True)
class ProposedNarrative:
    clause: str
    quote: str
    reason_zh: str
    reason_en: str


@dataclass(frozen=True, slots=True)
class ProposedDuty:
    id: str
    clause: str
    quote: str
    party: str | None   # None: the sentence names no party
    modality: Modality
    in_principle: bool
    kind: str


def clause_key(clause_id: str) -> str:
    """An ASCII key for a clause id: ``三/(四)/3`` → ``3_4_3``, ``序`` → ``pre``."""
    parts: list[str] = []
    for part in clause_id.split("/"):
        bare = part.strip("()（）")
        if bare.isdigit():
            parts.append(bare)
            continue
        try:
            parts.append(str(chinese_to_int(bare)))
        except ValueError:
            parts.append("pre" if bare == "序" else "x")
    return "_".join(parts)


def _unit(quantity: Quantity) -> tuple[Unit, Decimal | int | dt.date] | None:
    kinds = {r.kind: r.value for r in quantity.readings}
    for kind, unit in _UNITS:
        if kind in kinds and kind in COMPATIBLE[unit]:
            value = kinds[kind]
            if isinstance(value, Decimal) and unit not in (Unit.RATIO, Unit.YUAN,
                                                             Unit.SQUARE_METRES, Unit.YEARS,
                                                             Unit.HOURS):
                if value == value.to_integral_value():
                    return unit, int(value)
            return unit, value
    return None


def _quote(text: str, quantity: Quantity, quantities: tuple[Quantity, ...]) -> str:
    """The words around one number: its comma-delimited segment, cut short of any other
    number so that the quote binds this number alone."""
    start = max((m.end() for m in _SEGMENT_END.finditer(text, 0, quantity.start)), default=0)
    stop_match = _SEGMENT_END.search(text, quantity.end)
    stop = stop_match.start() if stop_match else len(text)
    for other in quantities:
        if other is quantity:
            continue
        if other.end <= quantity.start:
            start = max(start, other.end)
        elif other.start >= quantity.end:
            stop = min(stop, other.start)
    quote = text[start:stop].strip()
    return quote if quantity.text in quote else quantity.text


def propose_numbers(document: Document, prefix: str
                    ) -> tuple[list[ProposedParameter], list[ProposedNarrative]]:
    """A parameter for every number outside the preamble; a narrative for 文号 digits,
    dates without a year and every number of the preamble (notice, signature, dates)."""
    params: list[ProposedParameter] = []
    narratives: list[ProposedNarrative] = []
    for clause in document.walk():
        text = document.corrected_text(clause)
        quantities = read_quantities(text)
        by_start = {q.start: q for q in quantities}
        numbers = [by_start[t.start] for t in number_tokens(document, clause) if t.start in by_start]
        doc_numbers = [m.span() for m in DOC_NUMBER.finditer(text)]
        for index, quantity in enumerate(numbers, 1):
            quote = _quote(text, quantity, quantities)
            in_number = any(a <= quantity.start < b for a, b in doc_numbers)
            unit = _unit(quantity)
            if in_number or clause.id == "序" or unit is None:
                why = ("文号中的数字", "digits of a document number") if in_number else (
                    ("前言或印发通知中的数字（日期、文号、会议）", "a number of the preamble or "
                     "the notice (date, number, meeting)") if clause.id == "序" else
                    ("不带年份的日期或无法归类的数字", "a date without a year or an unclassified "
                     "number"))
                narratives.append(ProposedNarrative(clause.id, quote, *why))
                continue
            ident = f"{prefix}.p{clause_key(clause.id)}_{index}"
            params.append(ProposedParameter(ident, clause.id, quote, quantity.text, unit[1],
                                            unit[0]))
    return params, narratives


_MODALITY = {"prohibition": Modality.PROHIBITION, "permission": Modality.PERMISSION,
             "encouragement": Modality.PERMISSION}


def sentence_party(text: str) -> str | None:
    """The party a sentence names as its subject (区教育局…, 由…负责), if any."""
    by = _BY.search(text)
    if by is not None:
        return by["p"].strip()
    match = _PARTY.match(text.lstrip("“\"　 —"))
    if match is None or len(match["p"]) < 2:
        return None
    return match["p"]


def propose_duties(document: Document, prefix: str) -> list[ProposedDuty]:
    duties: list[ProposedDuty] = []
    counts: dict[str, int] = {}
    for sentence in normative_sentences(document):
        key = clause_key(sentence.clause)
        counts[key] = counts.get(key, 0) + 1
        duties.append(ProposedDuty(
            id=f"{prefix}.duty.c{key}_{counts[key]}", clause=sentence.clause,
            quote=sentence.text, party=sentence_party(sentence.text),
            modality=_MODALITY.get(sentence.kind or "", Modality.OBLIGATION),
            in_principle=sentence.kind == "in_principle", kind=sentence.kind or ""))
    return duties
