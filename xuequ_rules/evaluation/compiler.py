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
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction
from typing import Any

from xuequ_rules.evaluation.aggregates import aggregate_closure
from xuequ_rules.evaluation.sequences import RecordSequence, consecutive_closure
from xuequ_rules.evaluation.undefined import UNDEFINED as UNDEFINED
from xuequ_rules.exact import ExactSqrt, as_fraction
from xuequ_rules.policy.expr import (
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
        if op is ArithOp.DIV:
            return lambda record, env: _arith(op, left(record, env), right(record, env))
        plain = ARITH_FUNCTIONS[op]

        def arith(record: Any, env: Env) -> Any:
            lv, rv = left(record, env), right(record, env)
            if type(lv) in _PLAIN and type(rv) in _PLAIN:
                return plain(lv, rv)
            return _arith(op, lv, rv)
        return arith

    def visit_compare(self, node: Compare) -> Compiled:
        left, right, op = self.visit(node.left), self.visit(node.right), node.op
        plain, traced = COMPARE_FUNCTIONS[op], self.traced

        def compare(record: Any, env: Env) -> Any:
            lv, rv = left(record, env), right(record, env)
            if lv is None or rv is None:
                result = None
            elif type(lv) in _PLAIN and type(rv) in _PLAIN:
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
        item, weight = node.item, node.weight
        ratio = None
        if isinstance(item, Arith) and item.op is ArithOp.DIV:
            ratio = (_UNTRACED.visit(item.left), _UNTRACED.visit(item.right))
        return aggregate_closure(
            node.func, None if item is None else _UNTRACED.visit(item),
            None if weight is None else _UNTRACED.visit(weight), ratio,
            lambda env: Env(env.as_of))

    def visit_consecutive(self, node: Consecutive) -> Compiled:
        return consecutive_closure(node, _UNTRACED.visit(node.condition), self.visit(node.count),
                                   self.visit(node.per), self.visit(node.order),
                                   lambda env: Env(env.as_of, sequence=env.sequence))


_CLOSURES = _Closures(traced=True)
_UNTRACED = _Closures(traced=False)


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
