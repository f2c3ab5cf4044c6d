"""Value ↔ quote: every parameter, phase date and deadline is the reading of its quote.

A parameter's value (and each dated value), in its unit, must equal a reading of a number in
one of its corrected quotes, of a kind its unit may be read from (:data:`COMPATIBLE`): a
ratio from a percentage, 元 from money, a calendar year from a year, counts from counts.
A quote that also holds another number of a compatible kind does not bind the value (which
of 新建3所、改扩建2所 is it?) and is reported as ambiguous, as is a quote that occurs more
than once in its clause (改扩建3所 twice: which district's?). A parameter may locate a
narrow quote with a wider one: a cite whose quote contains another cite's quote (same clause)
is context only — the value is read from the narrow quote, and a narrow quote that repeats in
the clause is located by a context quote that occurs once and holds it once. A text parameter (a list of
names) must name only items its quotes contain. A parameter
with ``derived`` set says why its value is not read from its quote and is not compared.
Phase dates and rule deadlines must be dates their quotes state (a year reads as its first
and last day, a month likewise, 底 as the last day), or the document's date plus a duration
its quotes state (今后五年); a deadline must agree with the year parameter citing the
same words.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

from xuequ_rules.consistency.issue import Issue
from xuequ_rules.consistency.quotes import corrected_quote, describe, quote_quantities
from xuequ_rules.document.document import Document
from xuequ_rules.document.numbers import COMPATIBLE, Kind, Quantity, matches
from xuequ_rules.policy.citation import Cite
from xuequ_rules.policy.parameter import Parameter
from xuequ_rules.policy.policy import Phase, Policy
from xuequ_rules.policy.rule import AnyRule, Decision
from xuequ_rules.policy.units import Unit
from xuequ_rules.text import Text

_DATES = frozenset({Kind.DATE})
_ITEM_SEPARATORS = re.compile(r"[、，,；;]")


def _values(param: Parameter) -> list[object]:
    return [param.value, *(d.value for d in param.dated)]


def _text_defects(document: Document, param: Parameter) -> list[Issue]:
    quotes = [corrected_quote(document, c) for c in param.cites]
    issues: list[Issue] = []
    for value in _values(param):
        items = [i.strip() for i in _ITEM_SEPARATORS.split(str(value)) if i.strip()]
        missing = [i for i in items if not any(i in q for q in quotes)]
        if missing:
            issues.append(Issue(f"value:{param.id}", "value_quote", Text(
                f"参数 {param.id} 的值列出了引文中没有的“{'、'.join(missing)}”"
                f"（引文：“{'”“'.join(quotes)}”）",
                f"parameter {param.id} lists {', '.join(missing)!s}, which its quotes "
                f"({' | '.join(quotes)}) do not contain"), param.cites))
    return issues


def _shown(param: Parameter, value: object) -> str:
    if param.unit is Unit.RATIO and isinstance(value, int | Decimal):
        return f"{value} ({Decimal(value) * 100:f}%)"
    return f"{value} {param.unit.value}"


def _context_cites(param: Parameter) -> tuple[Cite, ...]:
    """Cites that only locate another cite of the parameter (their quote contains it)."""
    return tuple(c for c in param.cites if any(
        o.clause == c.clause and o.quote != c.quote and o.quote in c.quote for o in param.cites))


def _reading_cites(param: Parameter) -> tuple[Cite, ...]:
    context = _context_cites(param)
    return tuple(c for c in param.cites if c not in context)


def _located(document: Document, cite: Cite, context: tuple[Cite, ...]) -> bool:
    text = document.full_text(document.clause(cite.clause))
    return any(w.clause == cite.clause and w.quote.count(cite.quote) == 1
               and text.count(w.quote) == 1 for w in context)


def _repeated_quotes(document: Document, param: Parameter) -> list[Issue]:
    issues: list[Issue] = []
    context = _context_cites(param)
    for cite in _reading_cites(param):
        text = document.full_text(document.clause(cite.clause))
        count = text.count(cite.quote)
        if (count > 1 and quote_quantities(document, (cite,))
                and not _located(document, cite, context)):
            issues.append(Issue(f"value:{param.id}:repeated", "ambiguous_quote", Text(
                f"参数 {param.id} 的引文“{cite.quote}”在条款 {cite.clause} 中出现 {count} 次，"
                "不能确定值读自哪一处；应引用足以区分的文字",
                f"parameter {param.id}: its quote {cite.quote!r} occurs {count} times in "
                f"clause {cite.clause}, so it does not say which one holds the value; quote "
                "words that tell them apart"), param.cites))
    return issues


def parameter_defects(document: Document, param: Parameter) -> list[Issue]:
    """The value ↔ quote defects of one parameter (none when it is declared derived)."""
    if param.derived is not None:
        return []
    if param.unit is Unit.TEXT:
        return _text_defects(document, param)
    repeated = _repeated_quotes(document, param)
    if repeated:
        return repeated
    quantities = quote_quantities(document, _reading_cites(param))
    kinds = COMPATIBLE[param.unit]
    quotes = " | ".join(corrected_quote(document, c) for c in _reading_cites(param))
    issues: list[Issue] = []
    values = _values(param)
    for value in values:
        if any(matches(value, kinds, q) for q in quantities):
            others = [q for q in quantities if any(r.kind in kinds for r in q.readings)
                      and not any(matches(v, kinds, q) for v in values)]
            if others:
                issues.append(Issue(f"value:{param.id}", "ambiguous_quote", Text(
                    f"参数 {param.id} 的引文“{quotes}”还含有同类数字（{describe(others)}），"
                    f"不能确定值 {_shown(param, value)} 读自哪个数字；应只引用该数字所在的文字",
                    f"parameter {param.id}: its quote {quotes!r} also holds "
                    f"{describe(others)}, so it does not bind the value "
                    f"{_shown(param, value)}; quote the words of that number alone"),
                    param.cites))
            continue
        same_number = any(matches(value, frozenset(Kind), q) for q in quantities)
        why_zh = "单位不符" if same_number else "数值不符"
        why_en = "the unit does not fit the number read" if same_number else "no such number"
        issues.append(Issue(f"value:{param.id}", "value_quote", Text(
            f"参数 {param.id} 的值 {_shown(param, value)} 与引文“{quotes}”中读到的数字"
            f"（{describe(quantities)}）{why_zh}",
            f"parameter {param.id} has value {_shown(param, value)} but its quote "
            f"{quotes!r} reads {describe(quantities)} ({why_en})"), param.cites))
    return issues


def _date_ok(value: dt.date, quantities: list[Quantity], base: dt.date | None) -> bool:
    if any(matches(value, _DATES, q) for q in quantities):
        return True
    if base is None:
        return False
    for quantity in quantities:
        for reading in quantity.readings:
            if reading.kind is Kind.DURATION and isinstance(reading.value, Decimal) and (
                    reading.value == reading.value.to_integral_value()):
                try:
                    if value == base.replace(year=base.year + int(reading.value)):
                        return True
                except ValueError:
                    continue
    return False


def _date_issue(ident: str, what: Text, value: dt.date, cites: tuple[Cite, ...],
                document: Document, quantities: list[Quantity]) -> Issue:
    quotes = " | ".join(corrected_quote(document, c) for c in cites)
    return Issue(ident, "date_quote", Text(
        f"{what.zh} {value} 不是引文“{quotes}”所写的日期（读到：{describe(quantities)}）",
        f"{what.en} {value} is not a date its quote {quotes!r} states "
        f"(read: {describe(quantities)})"), cites)


def phase_defects(document: Document, phase: Phase) -> list[Issue]:
    quantities = quote_quantities(document, phase.cites)
    issues: list[Issue] = []
    for edge, value in (("start", phase.start), ("end", phase.end)):
        if value is not None and not _date_ok(value, quantities, None):
            what = Text(f"阶段 {phase.id} 的{'开始' if edge == 'start' else '结束'}日期",
                        f"phase {phase.id} {edge} date")
            issues.append(_date_issue(f"phase_date:{phase.id}:{edge}", what, value,
                                      phase.cites, document, quantities))
    return issues


def _overlaps(a: Cite, b: Cite) -> bool:
    return a.clause == b.clause and (a.quote in b.quote or b.quote in a.quote)


def rule_date_defects(policy: Policy, rule: AnyRule) -> list[Issue]:
    """A rule's deadline (and cited validity dates) against its quotes and year parameters."""
    document = policy.document
    cites = rule.all_cites() if isinstance(rule, Decision) else rule.cites
    quantities = quote_quantities(document, cites)
    dates = policy.document.metadata.dates
    base = dates.written or dates.issued
    issues: list[Issue] = []
    deadline = getattr(rule, "deadline", None)
    stated_dates = any(r.kind is Kind.DATE for q in quantities for r in q.readings)
    checks: list[tuple[str, Text, dt.date | None, bool]] = [
        ("deadline", Text(f"规则 {rule.id} 的期限", f"rule {rule.id} deadline"), deadline, True),
        ("valid_from", Text(f"规则 {rule.id} 的生效日期", f"rule {rule.id} valid-from date"),
         rule.valid_from, stated_dates),
        ("valid_until", Text(f"规则 {rule.id} 的失效日期", f"rule {rule.id} valid-until date"),
         rule.valid_until, stated_dates)]
    for name, what, value, required in checks:
        if value is not None and required and not _date_ok(value, quantities, base):
            issues.append(_date_issue(f"{name}:{rule.id}", what, value, cites, document,
                                      quantities))
    if deadline is None:
        return issues
    for param in policy.parameters:
        if param.unit is not Unit.YEAR or not any(
                _overlaps(a, b) for a in param.cites for b in cites):
            continue
        if param.value != deadline.year:
            issues.append(Issue(f"deadline_year:{rule.id}:{param.id}", "deadline_year", Text(
                f"规则 {rule.id} 的期限 {deadline} 与同一引文的年份参数 {param.id} = "
                f"{param.value} 不一致",
                f"rule {rule.id} deadline {deadline} disagrees with year parameter "
                f"{param.id} = {param.value} citing the same words"), cites + param.cites))
    return issues
