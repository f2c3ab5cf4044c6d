"""Expression trees of one collection translated into durable conditions: one condition per
outcome of a rule (the four-valued semantics of the reference evaluator spelled out)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from enum import Enum
from typing import Any

from xuequ_rules.engines import fractions
from xuequ_rules.engines.durable.conditions import (
    FALSE,
    TRUE,
    KnownAtom,
    and_,
    cmp,
    neg,
    or_,
)
from xuequ_rules.engines.durable.integers import (
    ONE,
    ZERO,
    IntExpr,
    const,
)
from xuequ_rules.engines.durable.layout import Layout, Num, Str, Truth, Untranslatable, decimal_scale
from xuequ_rules.engines.durable.quotients import DurableRing, quotient
from xuequ_rules.engines.durable.sequences import MAX_COUNT, Sequence
from xuequ_rules.policy.expr import (
    Arith,
    ArithOp,
    BoolOp,
    Compare,
    CompareOp,
    Const,
    Expr,
    Field,
    IsIn,
    Known,
    Length,
    Logic,
    Not,
)
from xuequ_rules.policy.operators import NEGATED
from xuequ_rules.policy.parameter import Parameter
from xuequ_rules.policy.rule import Decision, Modality, Rule
from xuequ_rules.policy.sequence import Consecutive
from xuequ_rules.policy.visitor import ExprVisitor

SEQUENCE_REFUSAL = ("durable_rules 判定连续条件时，次数须为不随日期变化的整数常量或参数（至多 "
                    f"{MAX_COUNT}），排序字段须为整数，条件中不得再含连续条件 / a condition over "
                    "consecutive records in durable_rules needs a whole-number count that does "
                    f"not change over time (at most {MAX_COUNT}), a whole-number order and no "
                    "condition over consecutive records inside it")


class _Values(ExprVisitor["Num | Str"]):
    """An expression in value position: a scaled integer (or text) over the fact's slots."""

    def __init__(self, owner: ConditionCompiler) -> None:
        self.owner = owner
        self.layout = owner.layout

    def visit_parameter(self, node: Parameter) -> Num | Str:
        return self.owner.constant(node.value) if not node.dated else self.owner.param(node)

    def visit_const(self, node: Const) -> Num | Str:
        return self.owner.constant(node.value)

    def visit_field(self, node: Field) -> Num | Str:
        slot = self.layout.field_slot(node)
        unknown = KnownAtom(slot.known or "", False)
        if slot.kind == "str":
            return Str(IntExpr("f", slot.name), unknown)
        return Num(quotient(IntExpr("f", slot.name), slot.scale), unknown, FALSE,
                   "date" if slot.kind == "date" else "num")

    def visit_length(self, node: Length) -> Num | Str:
        slot = self.layout.field_slot(node.item, length=True)
        return Num(quotient(IntExpr("f", slot.name)), KnownAtom(slot.known or "", False), FALSE)

    def visit_arith(self, node: Arith) -> Num | Str:
        return self.owner.arith(node)

    def _refuse(self, node: Expr) -> Num | Str:
        raise Untranslatable(f"{type(node).__name__} used as a value")

    visit_compare = visit_logic = visit_not = visit_isin = visit_known = _refuse
    visit_count_true = visit_aggregate = visit_consecutive = _refuse


class ConditionCompiler(ExprVisitor[Truth]):
    """Translates expression trees of one subject into durable conditions: ``boolean`` for
    a condition (its four exclusive cases), ``operand`` for a value."""

    def __init__(self, layout: Layout) -> None:
        self.layout = layout
        self.values = _Values(self)
        self.ring = DurableRing(layout.intervals)
        self._in_sequence = False

    def operand(self, node: Expr) -> Num | Str:
        return self.values.visit(node)

    def boolean(self, node: Expr) -> Truth:
        return self.visit(node)

    def constant(self, value: Any) -> Num | Str:
        if isinstance(value, str):
            return Str(const(value), FALSE)
        if isinstance(value, bool):
            return Num(quotient(const(int(value))), FALSE, FALSE)
        if isinstance(value, dt.date):
            return Num(quotient(const(value.toordinal())), FALSE, FALSE, "date")
        if isinstance(value, int | Decimal):
            scale = decimal_scale(Decimal(value))
            return Num(quotient(const(int(Decimal(value).scaleb(scale))), scale), FALSE, FALSE)
        raise Untranslatable(f"constant {value!r}")

    def param(self, param: Parameter) -> Num | Str:
        slot = self.layout.param_slot(param)
        if slot.kind == "str":
            return Str(IntExpr("f", slot.name), FALSE)
        return Num(quotient(IntExpr("f", slot.name), slot.scale), FALSE, FALSE,
                   "date" if slot.kind == "date" else "num")

    def arith(self, node: Arith) -> Num:
        x, y = self.operand(node.left), self.operand(node.right)
        if not isinstance(x, Num) or not isinstance(y, Num) or "date" in (x.kind, y.kind):
            raise Untranslatable("arithmetic on text or dates")
        unknown = or_(x.unknown, y.unknown)
        causes = [x.undefined, y.undefined]
        ring = self.ring
        if node.op is ArithOp.DIV:
            causes.append(cmp(CompareOp.EQ, y.value.num.expr, ZERO))
        value = {ArithOp.ADD: fractions.add, ArithOp.SUB: fractions.sub, ArithOp.MUL: fractions.mul,
                 ArithOp.DIV: fractions.div}[node.op](ring, x.value, y.value)
        return Num(value, unknown, and_(neg(unknown), or_(*causes)))

    # truth values ---------------------------------------------------------------------
    def visit_compare(self, node: Compare) -> Truth:
        return self._compare(node)

    def visit_logic(self, node: Logic) -> Truth:
        parts = [self.visit(item) for item in node.items]
        if node.op is BoolOp.AND:
            return _conjunction(parts)
        # a or b = not (not a and not b): truth and falsity swap, unknown and undefined stay
        both = _conjunction([Truth(p.f, p.t, p.n, p.d) for p in parts])
        return Truth(both.f, both.t, both.n, both.d)

    def visit_not(self, node: Not) -> Truth:
        inner = self.visit(node.item)
        return Truth(inner.f, inner.t, inner.n, inner.d)

    def visit_isin(self, node: IsIn) -> Truth:
        return self._isin(node)

    def visit_known(self, node: Known) -> Truth:
        if isinstance(node.item, Compare | Logic | Not | IsIn | Known | Consecutive):
            inner = self.visit(node.item)
            return Truth(neg(inner.n), inner.n, FALSE, FALSE)
        value = self.operand(node.item)
        return Truth(neg(value.unknown), value.unknown, FALSE, FALSE)

    def visit_field(self, node: Field) -> Truth:
        slot = self.layout.field_slot(node)
        if slot.kind != "bool":
            raise Untranslatable(f"non-boolean field {node.dotted} used as a condition")
        known = KnownAtom(slot.known or "", True)
        return Truth(and_(known, cmp(CompareOp.EQ, IntExpr("f", slot.name), ONE)),
                     and_(known, cmp(CompareOp.EQ, IntExpr("f", slot.name), ZERO)),
                     neg(known), FALSE)

    def visit_const(self, node: Const) -> Truth:
        if not isinstance(node.value, bool):
            return self._refuse(node)
        return Truth(TRUE if node.value else FALSE, FALSE if node.value else TRUE, FALSE, FALSE)

    def _refuse(self, node: Expr) -> Truth:
        raise Untranslatable(f"{type(node).__name__} used as a condition")

    visit_parameter = visit_arith = visit_length = visit_count_true = _refuse
    visit_aggregate = _refuse

    def visit_consecutive(self, node: Consecutive) -> Truth:
        """The node's code, decided by the collection's sequence ruleset (:mod:`.sequences`)."""
        known = self.layout.sequences.get(node.key())
        if known is not None:
            return known.truth()
        count = node.count
        times = (count.value if isinstance(count, Const) or (isinstance(count, Parameter)
                                                              and not count.dated) else None)
        if self._in_sequence or not isinstance(times, int) or isinstance(times, bool) \
                or times > MAX_COUNT:
            raise Untranslatable(SEQUENCE_REFUSAL)
        per, order = self.layout.field_slot(node.per), self.layout.field_slot(node.order)
        if order.kind != "int":
            raise Untranslatable(SEQUENCE_REFUSAL)
        self._in_sequence = True
        try:
            condition = self.visit(node.condition)
        finally:
            self._in_sequence = False
        sequence = Sequence(f"s{len(self.layout.sequences)}", per, order, times, condition)
        self.layout.sequences[node.key()] = sequence
        return sequence.truth()

    def _compare(self, node: Compare) -> Truth:
        x, y = self.operand(node.left), self.operand(node.right)
        op = node.op
        unknown = or_(x.unknown, y.unknown)
        if isinstance(x, Str) or isinstance(y, Str):
            if not (isinstance(x, Str) and isinstance(y, Str)) or op not in (CompareOp.EQ, CompareOp.NE):
                raise Untranslatable("text compared with a number, or ordered")
            known = neg(unknown)
            return Truth(and_(known, cmp(op, x.expr, y.expr)),
                         and_(known, cmp(NEGATED[op], x.expr, y.expr)), unknown, FALSE)
        if x.kind != y.kind:
            raise Untranslatable("a date compared with a number")
        undefined = and_(neg(unknown), or_(x.undefined, y.undefined))
        ok = and_(neg(unknown), neg(x.undefined), neg(y.undefined))
        holds, fails = self._ordered(op, x, y)
        return Truth(and_(ok, holds), and_(ok, fails), unknown, undefined)

    def _ordered(self, op: CompareOp, x: Num, y: Num) -> tuple[Any, Any]:
        """``x op y`` and its negation, as integer comparisons (x, y defined)."""
        return (fractions.compare(self.ring, op, x.value, y.value),
                fractions.compare(self.ring, NEGATED[op], x.value, y.value))

    def _isin(self, node: IsIn) -> Truth:
        value = self.operand(node.item)
        equal: list[Any] = []
        for item in node.values:
            item = getattr(item, "value", item) if isinstance(item, Enum) else item
            if isinstance(value, Str):
                if isinstance(item, str):
                    equal.append(cmp(CompareOp.EQ, value.expr, const(item)))
                continue
            if isinstance(item, str) or (value.kind == "date") != isinstance(item, dt.date):
                continue
            constant = self.constant(item)
            assert isinstance(constant, Num)
            equal.append(self._ordered(CompareOp.EQ, value, constant)[0])
        unknown = value.unknown
        undefined = value.undefined if isinstance(value, Num) else FALSE
        inside = or_(*equal)
        listed = and_(neg(unknown), neg(undefined), inside)
        if node.open:   # an open list (…等): an unlisted value is unknown, not excluded
            return Truth(listed, FALSE, neg(listed), FALSE)
        return Truth(listed, and_(neg(unknown), or_(undefined, neg(inside))), unknown, FALSE)



def _conjunction(parts: list[Truth]) -> Truth:
    """Kleene's ``and``: false if one is false; else unknown if one is unknown; else
    undefined if one is undefined; else true."""
    not_false = and_(*(neg(p.f) for p in parts))
    return Truth(t=and_(*(p.t for p in parts)), f=or_(*(p.f for p in parts)),
                 n=and_(not_false, or_(*(p.n for p in parts))),
                 d=and_(not_false, *(neg(p.n) for p in parts), or_(*(p.d for p in parts))))


def rule_outcomes(c: ConditionCompiler, rule: Rule) -> list[tuple[str, Any]]:
    applies = c.boolean(rule.applies) if rule.applies is not None else Truth(TRUE, FALSE,
                                                                              FALSE, FALSE)
    out: list[tuple[str, Any]] = [("AN", applies.n), ("ANA", or_(applies.f, applies.d))]
    check = rule.requires if rule.requires is not None else rule.forbids
    if check is None:
        return [*out, ("NOCHK", applies.t)]
    v = c.boolean(check)
    out += [("VN", and_(applies.t, v.n)), ("VD", and_(applies.t, v.d))]
    if rule.kind is Modality.PERMISSION:
        t_code, f_code = "PT", "PF"
    elif rule.requires is not None:
        t_code, f_code = "SAT", "VIO"
    else:
        t_code, f_code = "VIO", "SAT"
    return [*out, (t_code, and_(applies.t, v.t)), (f_code, and_(applies.t, v.f))]


def decision_outcomes(c: ConditionCompiler, rule: Decision) -> list[tuple[str, Any]]:
    applies = c.boolean(rule.applies) if rule.applies is not None else Truth(TRUE, FALSE,
                                                                              FALSE, FALSE)
    out: list[tuple[str, Any]] = [("AN", applies.n), ("ANA", or_(applies.f, applies.d))]
    cases = [c.boolean(case.when) for case in rule.cases]
    actual = c.operand(rule.actual) if rule.actual is not None else None
    if actual is not None and not isinstance(actual, Str):
        raise Untranslatable("a decision's actual route must be text")
    for i, (case, outcome) in enumerate(zip(cases, rule.cases, strict=True)):
        chosen = and_(applies.t, case.t)
        for j in range(i + 1, len(cases)):
            out.append((f"X{i}_{j}", and_(chosen, cases[j].t)))
        if actual is None:
            out.append((f"C{i}U", chosen))
            continue
        known = neg(actual.unknown)
        out += [(f"C{i}N", and_(chosen, actual.unknown)),
                (f"C{i}S", and_(chosen, known, cmp(CompareOp.EQ, actual.expr,
                                                    const(outcome.outcome.code)))),
                (f"C{i}V", and_(chosen, known, cmp(CompareOp.NE, actual.expr,
                                                    const(outcome.outcome.code))))]
    none_chosen = and_(applies.t, *(neg(case.t) for case in cases))
    out += [("DN", and_(none_chosen, or_(*(case.n for case in cases)))),
            ("DI", and_(applies.t, *(or_(case.f, case.d) for case in cases)))]
    return out
