"""Compile expression trees to Python closures for the reference evaluator.

Three-valued semantics shared by every backend:

* a missing fact is ``None`` (unknown); arithmetic and comparisons with an unknown operand
  are unknown; ``&`` is false if any side is false, else unknown if any is unknown;
  ``|`` is true if any side is true, else unknown if any is unknown;
* ``x / 0`` is *undefined* (:data:`UNDEFINED`): a requirement that divides by zero does
  not apply (a ratio over no eligible teachers is neither met nor missed);
* numbers are exact: ints, Decimals, and Fractions for division.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction
from typing import Any

from xuequ_rules.evaluation.sequences import RecordSequence, consecutive_closure
from xuequ_rules.exact import ExactSqrt, as_fraction
from xuequ_rules.policy.expr import (
    AggFunc,
    Aggregate,
    Arith,
    ArithOp,
    BoolOp,
    Compare,
    CompareOp,
    Const,
    CountTrue,
    Expr,
    Field,
    IsIn,
    Known,
    Length,
    Logic,
    Not,
)
from xuequ_rules.policy.operators import ARITH_FUNCTIONS, COMPARE_FUNCTIONS
from xuequ_rules.policy.parameter import Parameter
from xuequ_rules.policy.sequence import Consecutive
from xuequ_rules.policy.visitor import ExprVisitor


class Group(dict[str, Any]):
    """The records of one group of a grouped rule; its keys are the group-by values."""

    def __init__(self, key: dict[str, Any], records: tuple[Any, ...]) -> None:
        super().__init__(key)
        self.records = records


class _Undefined:
    __slots__ = ()

    def __repr__(self) -> str:
        return "UNDEFINED"


UNDEFINED: Any = _Undefined()


@dataclass(slots=True)
class Env:
    """What an evaluation reads and records: the date, and the comparisons it made."""

    as_of: dt.date | None
    trace: list[tuple[Expr, object, object, object]] = field(default_factory=list)
    sequence: RecordSequence | None = None   # the record's collection, for Consecutive


Compiled = Callable[[Any, Env], Any]


def _exact(value: Any) -> Any:
    if isinstance(value, Decimal):
        return Fraction(*value.as_integer_ratio())
    return value


def _fraction(value: Any) -> Fraction:
    """``Fraction(_exact(value))``, without the general constructor's checks when the type is
    known."""
    kind = type(value)
    if kind is Fraction:
        return value   # type: ignore[no-any-return]
    if kind is int:
        return Fraction(value)
    if kind is Decimal:
        return Fraction(*value.as_integer_ratio())
    return Fraction(_exact(value))


# Values of these types are computed and compared with each other as they are (no Fraction
# is involved, so no conversion). A type test, not isinstance: Fraction is an abstract
# base class's subclass, and testing for it is slow.
_PLAIN = frozenset({int, str, bool, Decimal, dt.date})


def _arith(op: ArithOp, left: Any, right: Any) -> Any:
    if left is None or right is None:
        return None
    if left is UNDEFINED or right is UNDEFINED:
        return UNDEFINED
    if op is ArithOp.DIV:
        if right == 0:
            return UNDEFINED
        if type(left) is int and type(right) is int:
            return Fraction(left, right)
        return _fraction(left) / _fraction(right)
    if type(left) in _PLAIN and type(right) in _PLAIN:
        return ARITH_FUNCTIONS[op](left, right)
    if isinstance(left, Fraction) or isinstance(right, Fraction):
        left, right = _exact(left), _exact(right)
    if op is ArithOp.ADD:
        return left + right
    if op is ArithOp.SUB:
        return left - right
    return left * right


def _compare_values(op: CompareOp, left: Any, right: Any) -> Any:
    if left is None or right is None:
        return None
    if type(left) in _PLAIN and type(right) in _PLAIN:
        return COMPARE_FUNCTIONS[op](left, right)
    if left is UNDEFINED or right is UNDEFINED:
        return UNDEFINED
    if isinstance(left, ExactSqrt) or isinstance(right, ExactSqrt):
        return _compare_root(op, left, right)
    if isinstance(left, Fraction) or isinstance(right, Fraction):
        left, right = _exact(left), _exact(right)
    return COMPARE_FUNCTIONS[op](left, right)


def _compare_root(op: CompareOp, left: Any, right: Any) -> Any:
    """An exact square root compared with a number, by squares (as :class:`ExactSqrt`
    compares, converting the number once): √s op c ⟺ s op c² when c ≥ 0; √s > c when c < 0."""
    compare = COMPARE_FUNCTIONS[op]
    root_left = isinstance(left, ExactSqrt)
    root, other = (left, right) if root_left else (right, left)
    if isinstance(other, ExactSqrt):
        return compare(left, right)
    kept = type(other) is int or type(other) is Decimal
    square = _SQUARES.get(other) if kept else None
    if square is None:
        value = _exact(other) if isinstance(other, Decimal) else as_fraction(other)
        if value is None:
            return compare(left, right)
        square = value * value if value >= 0 else None
        if kept:
            if len(_SQUARES) >= 1024:
                _SQUARES.clear()
            _SQUARES[other] = square
    if square is None:        # a negative number: below every square root
        return compare(1, 0) if root_left else compare(0, 1)
    return compare(root.square, square) if root_left else compare(square, root.square)


# The squares of the numbers square roots were compared with (the limits of the rules).
_SQUARES: dict[Any, Fraction | None] = {}


def resolve_path(record: Any, path: tuple[str, ...]) -> Any:
    value = record
    for part in path:
        if value is None:
            return None
        value = value.get(part) if isinstance(value, dict) else getattr(value, part, None)
    return value


def compile_expr(node: Expr, *, traced: bool = True) -> Compiled:
    """A closure computing ``node`` on a record, recording comparisons in ``env.trace``
    (unless ``traced`` is false: for conditions whose comparisons no finding shows)."""
    return (_CLOSURES if traced else _UNTRACED).visit(node)


class _Closures(ExprVisitor[Compiled]):
    """Each node as a closure ``(record, env) -> value``."""

    def __init__(self, traced: bool) -> None:
        self.traced = traced

    def visit_parameter(self, node: Parameter) -> Compiled:
        if not node.dated:
            value = node.value
            return lambda record, env: value
        return lambda record, env: node.value_at(env.as_of)

    def visit_field(self, node: Field) -> Compiled:
        path = node.path
        if len(path) == 1:
            name = path[0]
            return lambda record, env: getattr(record, name, None) if not isinstance(
                record, dict) else record.get(name)
        if len(path) == 2:
            head, tail = path

            def field(record: Any, env: Env) -> Any:
                value = record.get(head) if isinstance(record, dict) else getattr(
                    record, head, None)
                if value is None:
                    return None
                return value.get(tail) if isinstance(value, dict) else getattr(value, tail, None)
            return field
        return lambda record, env: resolve_path(record, path)

    def visit_const(self, node: Const) -> Compiled:
        value = node.value
        return lambda record, env: value

    def visit_arith(self, node: Arith) -> Compiled:
        left, right, op = self.visit(node.left), self.visit(node.right), node.op
        return lambda record, env: _arith(op, left(record, env), right(record, env))

    def visit_compare(self, node: Compare) -> Compiled:
        left, right, op = self.visit(node.left), self.visit(node.right), node.op
        plain, traced = COMPARE_FUNCTIONS[op], self.traced

        def compare(record: Any, env: Env) -> Any:
            lv, rv = left(record, env), right(record, env)
            if lv is None or rv is None:
                result = None
            elif type(lv) is type(rv) and type(lv) in _PLAIN:
                result = plain(lv, rv)
            else:
                result = _compare_values(op, lv, rv)
            if traced:
                env.trace.append((node, lv, rv, result))
            return result
        return compare

    def visit_logic(self, node: Logic) -> Compiled:
        items = tuple(self.visit(item) for item in node.items)
        return _junction(items, absorbing=node.op is BoolOp.OR)

    def visit_not(self, node: Not) -> Compiled:
        inner = self.visit(node.item)

        def negate(record: Any, env: Env) -> Any:
            value = inner(record, env)
            return value if value is None or value is UNDEFINED else not value
        return negate

    def visit_isin(self, node: IsIn) -> Compiled:
        inner, values, is_open = self.visit(node.item), frozenset(node.values), node.open
        traced = self.traced

        def isin(record: Any, env: Env) -> Any:
            value = inner(record, env)
            result = None if value is None else value in values
            if result is False and is_open:
                result = None  # an open list (…等) does not exclude unlisted values
            if traced:
                env.trace.append((node, value, None, result))
            return result
        return isin

    def visit_known(self, node: Known) -> Compiled:
        inner = self.visit(node.item)
        traced = self.traced

        def known(record: Any, env: Env) -> Any:
            value = inner(record, env)
            if traced:
                env.trace.append((node, value, None, value is not None))
            return value is not None
        return known

    def visit_length(self, node: Length) -> Compiled:
        inner = self.visit(node.item)

        def length(record: Any, env: Env) -> Any:
            value = inner(record, env)
            return None if value is None else len(value)
        return length

    def visit_count_true(self, node: CountTrue) -> Compiled:
        conditions = tuple(self.visit(item) for item in node.items)

        def count_true(record: Any, env: Env) -> Any:
            values = [condition(record, env) for condition in conditions]
            if any(value is None for value in values):
                return None
            return sum(1 for value in values if value is True)
        return count_true

    def visit_aggregate(self, node: Aggregate) -> Compiled:
        return _compile_aggregate(node)

    def visit_consecutive(self, node: Consecutive) -> Compiled:
        return consecutive_closure(node, _UNTRACED.visit(node.condition), self.visit(node.count),
                                   self.visit(node.per), self.visit(node.order),
                                   lambda env: Env(env.as_of, sequence=env.sequence))


_CLOSURES = _Closures(traced=True)
_UNTRACED = _Closures(traced=False)


def _compile_aggregate(node: Aggregate) -> Compiled:
    item = compile_expr(node.item, traced=False) if node.item is not None else None
    weight = compile_expr(node.weight, traced=False) if node.weight is not None else None
    func = node.func
    weighted = func in (AggFunc.WEIGHTED_MEAN, AggFunc.WEIGHTED_CV)

    def aggregate(group: Any, env: Env) -> Any:
        records = getattr(group, "records", None)
        if records is None:
            raise TypeError("an aggregate is only computed over the records of a group")
        if func is AggFunc.COUNT:
            return len(records)
        scratch = Env(env.as_of)
        if weighted and item is not None and weight is not None:
            return _weighted(func, records, item, weight, scratch)
        values: list[Fraction] = []
        weights: list[Fraction] = []
        for record in records:
            raw = item(record, scratch) if item is not None else None
            if raw is None:
                return None
            if raw is UNDEFINED:
                return UNDEFINED
            value = as_fraction(raw)
            if value is None:
                return None
            values.append(value)
            if weight is not None:
                raw_weight = weight(record, scratch)
                weight_value = as_fraction(raw_weight)
                if weight_value is None:
                    return None
                weights.append(weight_value)
        return _reduce(func, values, weights)
    return aggregate


def _rational(value: Any) -> int | Fraction | None:
    """An exact number as an int or a Fraction (None for anything else, truth values too)."""
    kind = type(value)
    if kind is int or kind is Fraction:
        return value   # type: ignore[no-any-return]
    return as_fraction(value)


def _weighted(func: AggFunc, records: Any, item: Compiled, weight: Compiled,
              scratch: Env) -> Any:
    """A weighted mean or coefficient of variation, exactly, from three sums: Σw, Σwv and
    Σwv² (variance / mean² = (Σw·Σwv² − (Σwv)²) / (Σwv)²)."""
    parts: list[tuple[int | Fraction, int | Fraction]] = []
    for record in records:
        raw = item(record, scratch)
        if raw is None:
            return None
        if raw is UNDEFINED:
            return UNDEFINED
        value = _rational(raw)
        if value is None:
            return None
        share = _rational(weight(record, scratch))
        if share is None:
            return None
        parts.append((share, value))
    if not parts:
        return UNDEFINED
    if all(type(share) is int for share, _ in parts):
        return _weighted_by_counts(func, parts)
    total: int | Fraction = 0
    first = second = Fraction(0)
    for share, value in parts:
        total += share
        moment = value * share
        first += moment
        second += moment * value
    if total == 0:
        return UNDEFINED
    if func is AggFunc.WEIGHTED_MEAN:
        return first / total
    if first == 0:
        return UNDEFINED
    squared = first * first
    return ExactSqrt((second * total - squared) / squared)


def _weighted_by_counts(func: AggFunc, parts: list[tuple[Any, int | Fraction]]) -> Any:
    """The same with whole-number weights, in integers: every value v = n/d is scaled to the
    common denominator c (v = m/c), so that Σwv = t₁/c and Σwv² = t₂/c², and c cancels."""
    total = sum(share for share, _ in parts)
    if total == 0:
        return UNDEFINED
    common = 1
    for _, value in parts:
        if value.denominator != 1:
            common = math.lcm(common, value.denominator)
    first = second = 0
    for share, value in parts:
        scaled = value.numerator * (common // value.denominator)
        moment = share * scaled
        first += moment
        second += moment * scaled
    if func is AggFunc.WEIGHTED_MEAN:
        return Fraction(first, common * total)
    if first == 0:
        return UNDEFINED
    return ExactSqrt(Fraction(total * second - first * first, first * first))


def _reduce(func: AggFunc, values: list[Fraction], weights: list[Fraction]) -> Any:
    if func is AggFunc.SUM:
        return sum(values, Fraction(0))
    if not values:
        return UNDEFINED
    if func is AggFunc.MIN:
        return min(values)
    if func is AggFunc.MAX:
        return max(values)
    if func is AggFunc.MEAN:
        return sum(values, Fraction(0)) / len(values)
    total_weight = sum(weights, Fraction(0))
    if total_weight == 0:
        return UNDEFINED
    mean = sum((w * v for v, w in zip(values, weights, strict=True)), Fraction(0)) / total_weight
    if func is AggFunc.WEIGHTED_MEAN:
        return mean
    if mean == 0:
        return UNDEFINED
    variance = sum((w * (v - mean) ** 2 for v, w in zip(values, weights, strict=True)),
                   Fraction(0)) / total_weight
    return ExactSqrt(variance / (mean * mean))


def _junction(items: tuple[Compiled, ...], absorbing: bool) -> Compiled:
    """Three-valued ``and`` (``absorbing=False``) or ``or`` (``absorbing=True``): the
    absorbing value wins, else unknown, else undefined, else the other value."""
    def junction(record: Any, env: Env) -> Any:
        unknown = False
        undefined = False
        for item in items:
            value = item(record, env)
            if value is absorbing:
                return absorbing
            if value is None:
                unknown = True
            elif value is UNDEFINED:
                undefined = True
        return None if unknown else (UNDEFINED if undefined else not absorbing)
    return junction
