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
from xuequ_rules.policy.operators import COMPARE_FUNCTIONS
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
        return Fraction(value)
    return value


def _arith(op: ArithOp, left: Any, right: Any) -> Any:
    if left is None or right is None:
        return None
    if left is UNDEFINED or right is UNDEFINED:
        return UNDEFINED
    if op is ArithOp.DIV:
        if right == 0:
            return UNDEFINED
        return Fraction(_exact(left)) / Fraction(_exact(right))
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
    if left is UNDEFINED or right is UNDEFINED:
        return UNDEFINED
    if isinstance(left, ExactSqrt) or isinstance(right, ExactSqrt):
        return COMPARE_FUNCTIONS[op](left, right)
    if isinstance(left, Fraction) or isinstance(right, Fraction):
        left, right = _exact(left), _exact(right)
    return COMPARE_FUNCTIONS[op](left, right)


def resolve_path(record: Any, path: tuple[str, ...]) -> Any:
    value = record
    for part in path:
        if value is None:
            return None
        value = value.get(part) if isinstance(value, dict) else getattr(value, part, None)
    return value


def compile_expr(node: Expr) -> Compiled:
    """A closure computing ``node`` on a record, recording comparisons in ``env.trace``."""
    return _CLOSURES.visit(node)


class _Closures(ExprVisitor[Compiled]):
    """Each node as a closure ``(record, env) -> value``."""

    def visit_parameter(self, node: Parameter) -> Compiled:
        return lambda record, env: node.value_at(env.as_of)

    def visit_field(self, node: Field) -> Compiled:
        path = node.path
        if len(path) == 1:
            name = path[0]
            return lambda record, env: getattr(record, name, None) if not isinstance(
                record, dict) else record.get(name)
        return lambda record, env: resolve_path(record, path)

    def visit_const(self, node: Const) -> Compiled:
        value = node.value
        return lambda record, env: value

    def visit_arith(self, node: Arith) -> Compiled:
        left, right, op = self.visit(node.left), self.visit(node.right), node.op
        return lambda record, env: _arith(op, left(record, env), right(record, env))

    def visit_compare(self, node: Compare) -> Compiled:
        left, right, op = self.visit(node.left), self.visit(node.right), node.op

        def compare(record: Any, env: Env) -> Any:
            lv, rv = left(record, env), right(record, env)
            result = _compare_values(op, lv, rv)
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

        def isin(record: Any, env: Env) -> Any:
            value = inner(record, env)
            result = None if value is None else value in values
            if result is False and is_open:
                result = None  # an open list (…等) does not exclude unlisted values
            env.trace.append((node, value, None, result))
            return result
        return isin

    def visit_known(self, node: Known) -> Compiled:
        inner = self.visit(node.item)

        def known(record: Any, env: Env) -> Any:
            value = inner(record, env)
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
        return consecutive_closure(node, self.visit(node.condition), self.visit(node.count),
                                   self.visit(node.per), self.visit(node.order),
                                   lambda env: Env(env.as_of, sequence=env.sequence))


_CLOSURES = _Closures()


def _compile_aggregate(node: Aggregate) -> Compiled:
    item = compile_expr(node.item) if node.item is not None else None
    weight = compile_expr(node.weight) if node.weight is not None else None
    func = node.func

    def aggregate(group: Any, env: Env) -> Any:
        records = getattr(group, "records", None)
        if records is None:
            raise TypeError("an aggregate is only computed over the records of a group")
        if func is AggFunc.COUNT:
            return len(records)
        scratch = Env(env.as_of)
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
