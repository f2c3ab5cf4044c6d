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
_PREPOSITIONS = ("在", "对", "按照", "根据", "依据", "通过", "以", "为", "围绕", "结合", "针对",
                 "依托", "立足", "到", "至", "于", "将", "把", "坚持", "实行", "建立", "加强")
_BY = re.compile(r"由(?P<p>[^，,。；由]{2,20}?)(?:负责|牵头|承担|组织|统筹)")


Value = Decimal | int | dt.date


@dataclass(frozen=True, slots=True)
class ProposedParameter:
    id: str
    clause: str
    quote: str
    number: str
    value: Value
    unit: Unit
    context: str | None = None   # a wider quote locating ``quote`` where it repeats


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


def _units(quantity: Quantity) -> tuple[Unit, list[Value]] | None:
    """The proposed unit and the values (both ends of a range such as 3~5年)."""
    for kind, unit in _UNITS:
        values: list[Value] = []
        for reading in quantity.readings:
            if reading.kind is not kind or kind not in COMPATIBLE[unit]:
                continue
            value: Value = reading.value
            if (isinstance(value, Decimal) and unit not in _DECIMAL_UNITS
                    and value == value.to_integral_value()):
                value = int(value)
            if value not in values:
                values.append(value)
        if values:
            return unit, values
    return None


_DECIMAL_UNITS = (Unit.RATIO, Unit.YUAN, Unit.SQUARE_METRES, Unit.YEARS, Unit.HOURS)
_QUOTED = re.compile(r"“([^”]{1,12})”")
_MEETING = re.compile(r"[一二三四五六七八九十]+(?:大|届[一二三四五六七八九十]*中?全会|中全会"
                      r"|次(?:全国|会议))")


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
    quote = text[start:stop].strip().strip(")）、")
    return quote if quantity.text in quote else quantity.text


def _context(text: str, quote: str, quantity: Quantity) -> str | None:
    """Where ``quote`` occurs more than once in the clause: the shortest wider passage ending
    with this occurrence that occurs once and holds the quote once (a context cite)."""
    if text.count(quote) <= 1:
        return None
    at = text.rfind(quote, 0, quantity.end)
    if at < 0:
        return None
    end = at + len(quote)
    for left in range(at - 1, -1, -1):
        wider = text[left:end]
        if text.count(wider) == 1 and wider.count(quote) == 1:
            return wider
    return None


def propose_numbers(document: Document, prefix: str
                    ) -> tuple[list[ProposedParameter], list[ProposedNarrative], list[str]]:
    """A parameter for every number outside the preamble; a narrative for 文号 digits,
    dates without a year and every number of the preamble (notice, signature, dates)."""
    params: list[ProposedParameter] = []
    narratives: list[ProposedNarrative] = []
    terms: list[str] = []
    title_head = re.sub(r"\s+", "", document.metadata.title)[:6]
    for clause in document.walk():
        text = document.corrected_text(clause)
        quantities = read_quantities(text)
        by_start = {q.start: q for q in quantities}
        numbers = [by_start[t.start] for t in number_tokens(document, clause) if t.start in by_start]
        doc_numbers = [m.span() for m in DOC_NUMBER.finditer(text)]
        names = [m.span(1) for m in _QUOTED.finditer(text)]
        meetings = [m.span() for m in _MEETING.finditer(text)]
        # in the preamble, what comes before the plan's own title is the notice
        notice_end = _title_start(text, title_head) if clause.id == "序" else 0
        for index, quantity in enumerate(numbers, 1):
            quote = _quote(text, quantity, quantities)
            named = next(((a, b) for a, b in names if a <= quantity.start < b), None)
            if named is not None:
                if text[named[0]:named[1]] not in terms:
                    terms.append(text[named[0]:named[1]])
                continue
            units = _units(quantity)
            why = None
            if any(a <= quantity.start < b for a, b in doc_numbers):
                why = ("文号中的数字", "digits of a document number")
            elif any(a <= quantity.start < b for a, b in meetings):
                why = ("会议名称中的届次", "the ordinal in a meeting's name")
            elif quantity.start < notice_end or (clause.id == "序" and "日" in quantity.text):
                why = ("印发通知中的数字（日期、文号、会议）", "a number of the issuing notice "
                       "(date, number, meeting)")
            elif units is None:
                why = ("不带年份的日期或无法归类的数字", "a date without a year or an "
                       "unclassified number")
            if why is not None or units is None:
                narratives.append(ProposedNarrative(clause.id, quote, *(why or ("", ""))))
                continue
            unit, values = units
            ends = [("", values[0])] if len(values) == 1 else [("_min", values[0]),
                                                               ("_max", values[-1])]
            for end, value in ends:
                ident = f"{prefix}.p{clause_key(clause.id)}_{index}{end}"
                params.append(ProposedParameter(ident, clause.id, quote, quantity.text, value,
                                                unit, _context(text, quote, quantity)))
    return params, narratives, terms


def _title_start(text: str, head: str) -> int:
    """Where the plan's own title starts in the preamble (its last occurrence outside 《》)."""
    squeezed_positions = [i for i, c in enumerate(text) if not c.isspace()]
    squeezed = "".join(text[i] for i in squeezed_positions)
    found = -1
    start = squeezed.find(head)
    while start >= 0:
        if not squeezed[:start].endswith(("《", "〈")):
            found = start
        start = squeezed.find(head, start + 1)
    return squeezed_positions[found] if found >= 0 else 0


_MODALITY = {"prohibition": Modality.PROHIBITION, "permission": Modality.PERMISSION,
             "encouragement": Modality.PERMISSION}


def sentence_party(text: str) -> str | None:
    """The party a sentence names as its subject (区教育局…, 由…负责), if any."""
    by = _BY.search(text)
    if by is not None:
        return by["p"].strip()
    head = text.lstrip("“\"　 —")
    match = _PARTY.match(head)
    if match is None or len(match["p"]) < 2 or head.startswith(_PREPOSITIONS):
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
