"""The embedded rule language: Python operators build an expression tree, never a value.

``f.teacher_exchanges.rotated >= ROTATION_MIN * f.teacher_exchanges.eligible`` builds a
:class:`Compare` node. The evaluator, the sentence renderer, the engines and the diff all
walk these nodes; nothing here computes anything.

Equality uses ``.eq()`` / ``.ne()`` (Python's ``==`` stays structural identity, so nodes
can live in sets and dicts); ``&``, ``|`` and ``~`` are three-valued and, or, not.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from typing import TypeAlias

Scalar: TypeAlias = Decimal | int | bool | str | dt.date
Operand: TypeAlias = "Expr | Decimal | int | bool | str | dt.date"


class ArithOp(StrEnum):
    ADD = "+"
    SUB = "-"
    MUL = "*"
    DIV = "/"


class CompareOp(StrEnum):
    GE = ">="
    GT = ">"
    LE = "<="
    LT = "<"
    EQ = "=="
    NE = "!="


class BoolOp(StrEnum):
    AND = "and"
    OR = "or"


def lift(value: Operand) -> Expr:
    """Turn a Python literal into a :class:`Const`; expressions pass through."""
    if isinstance(value, Expr):
        return value
    if isinstance(value, float):
        raise TypeError("use Decimal or int, never float, in rules (exact arithmetic)")
    return Const(value)


class Expr:
    """Base of every node. Operators build new nodes."""

    __slots__ = ()

    def children(self) -> tuple[Expr, ...]:
        return ()

    def key(self) -> tuple[object, ...]:
        """A structural identity used by diffs and caches."""
        raise NotImplementedError

    def walk(self) -> Iterator[Expr]:
        yield self
        for child in self.children():
            yield from child.walk()

    # arithmetic
    def __add__(self, other: Operand) -> Arith:
        return Arith(ArithOp.ADD, self, lift(other))

    def __radd__(self, other: Operand) -> Arith:
        return Arith(ArithOp.ADD, lift(other), self)

    def __sub__(self, other: Operand) -> Arith:
        return Arith(ArithOp.SUB, self, lift(other))

    def __rsub__(self, other: Operand) -> Arith:
        return Arith(ArithOp.SUB, lift(other), self)

    def __mul__(self, other: Operand) -> Arith:
        return Arith(ArithOp.MUL, self, lift(other))

    def __rmul__(self, other: Operand) -> Arith:
        return Arith(ArithOp.MUL, lift(other), self)

    def __truediv__(self, other: Operand) -> Arith:
        return Arith(ArithOp.DIV, self, lift(other))

    def __rtruediv__(self, other: Operand) -> Arith:
        return Arith(ArithOp.DIV, lift(other), self)

    # comparison
    def __ge__(self, other: Operand) -> Compare:
        return Compare(CompareOp.GE, self, lift(other))

    def __gt__(self, other: Operand) -> Compare:
        return Compare(CompareOp.GT, self, lift(other))

    def __le__(self, other: Operand) -> Compare:
        return Compare(CompareOp.LE, self, lift(other))

    def __lt__(self, other: Operand) -> Compare:
        return Compare(CompareOp.LT, self, lift(other))

    def eq(self, other: Operand) -> Compare:
        return Compare(CompareOp.EQ, self, lift(other))

    def ne(self, other: Operand) -> Compare:
        return Compare(CompareOp.NE, self, lift(other))

    def isin(self, values: tuple[Scalar, ...] | list[Scalar], *, open: bool = False) -> IsIn:
        """Membership; ``open=True`` for an open list (…等): unlisted values are unknown."""
        return IsIn(self, tuple(values), open)

    def is_known(self) -> Known:
        return Known(self)

    # three-valued logic
    def __and__(self, other: Expr) -> Logic:
        return Logic(BoolOp.AND, _flatten(BoolOp.AND, (self, other)))

    def __or__(self, other: Expr) -> Logic:
        return Logic(BoolOp.OR, _flatten(BoolOp.OR, (self, other)))

    def __invert__(self) -> Not:
        return Not(self)

    def __bool__(self) -> bool:
        raise TypeError("a rule expression has no truth value: use & | ~, not and/or/not/if")


def _flatten(op: BoolOp, items: tuple[Expr, ...]) -> tuple[Expr, ...]:
    out: list[Expr] = []
    for item in items:
        if isinstance(item, Logic) and item.op is op:
            out.extend(item.items)
        else:
            out.append(item)
    return tuple(out)


@dataclass(frozen=True, eq=False, slots=True)
class Field(Expr):
    """A fact of the record the rule is about, e.g. ``f.rotated`` → ``Field(("rotated",))``."""

    path: tuple[str, ...]

    def __getattr__(self, name: str) -> Field:
        if name.startswith("_"):
            raise AttributeError(name)
        return Field((*self.path, name))

    def key(self) -> tuple[object, ...]:
        return ("field", self.path)

    @property
    def dotted(self) -> str:
        return ".".join(self.path)


class _FieldRoot:
    """``f`` in rule modules: ``f.rotated`` is the field ``rotated`` of the current record."""

    __slots__ = ()

    def __getattr__(self, name: str) -> Field:
        if name.startswith("_"):
            raise AttributeError(name)
        return Field((name,))

    def __getitem__(self, name: str) -> Field:
        return Field(tuple(name.split(".")))


f = _FieldRoot()


@dataclass(frozen=True, eq=False, slots=True)
class Const(Expr):
    value: Scalar

    def key(self) -> tuple[object, ...]:
        return ("const", type(self.value).__name__, self.value)


@dataclass(frozen=True, eq=False, slots=True)
class Arith(Expr):
    op: ArithOp
    left: Expr
    right: Expr

    def children(self) -> tuple[Expr, ...]:
        return (self.left, self.right)

    def key(self) -> tuple[object, ...]:
        return ("arith", self.op.value, self.left.key(), self.right.key())


@dataclass(frozen=True, eq=False, slots=True)
class Compare(Expr):
    op: CompareOp
    left: Expr
    right: Expr

    def children(self) -> tuple[Expr, ...]:
        return (self.left, self.right)

    def key(self) -> tuple[object, ...]:
        return ("compare", self.op.value, self.left.key(), self.right.key())


@dataclass(frozen=True, eq=False, slots=True)
class Logic(Expr):
    op: BoolOp
    items: tuple[Expr, ...]

    def children(self) -> tuple[Expr, ...]:
        return self.items

    def key(self) -> tuple[object, ...]:
        return ("logic", self.op.value, tuple(item.key() for item in self.items))


@dataclass(frozen=True, eq=False, slots=True)
class Not(Expr):
    item: Expr

    def children(self) -> tuple[Expr, ...]:
        return (self.item,)

    def key(self) -> tuple[object, ...]:
        return ("not", self.item.key())


@dataclass(frozen=True, eq=False, slots=True)
class IsIn(Expr):
    """Membership in a listed set of values.

    ``open`` marks an open list (…等, 等多种形式): a listed value holds, but an unlisted
    value is not thereby excluded, so the result is unknown rather than false.
    """

    item: Expr
    values: tuple[Scalar, ...]
    open: bool = False

    def children(self) -> tuple[Expr, ...]:
        return (self.item,)

    def key(self) -> tuple[object, ...]:
        return ("isin", self.item.key(), self.values, self.open)


@dataclass(frozen=True, eq=False, slots=True)
class Known(Expr):
    """True when the fact is given, false when it is missing (never unknown)."""

    item: Expr

    def children(self) -> tuple[Expr, ...]:
        return (self.item,)

    def key(self) -> tuple[object, ...]:
        return ("known", self.item.key())


@dataclass(frozen=True, eq=False, slots=True)
class Length(Expr):
    """The number of entries of a list fact (e.g. a 学区's member schools)."""

    item: Field

    def children(self) -> tuple[Expr, ...]:
        return (self.item,)

    def key(self) -> tuple[object, ...]:
        return ("length", self.item.key())


def length(field: Field) -> Length:
    return Length(field)


def all_of(*items: Expr) -> Expr:
    return items[0] if len(items) == 1 else Logic(BoolOp.AND, _flatten(BoolOp.AND, items))


def any_of(*items: Expr) -> Expr:
    return items[0] if len(items) == 1 else Logic(BoolOp.OR, _flatten(BoolOp.OR, items))


def fields_of(expr: Expr) -> tuple[Field, ...]:
    """Every field an expression reads, in order of first appearance."""
    seen: dict[tuple[str, ...], Field] = {}
    for node in expr.walk():
        if isinstance(node, Field) and node.path not in seen:
            seen[node.path] = node
    return tuple(seen.values())


@dataclass(frozen=True, eq=False, slots=True)
class CountTrue(Expr):
    """How many of the conditions hold (e.g. indicators meeting their standard).

    Unknown when any condition is unknown."""

    items: tuple[Expr, ...]

    def children(self) -> tuple[Expr, ...]:
        return self.items

    def key(self) -> tuple[object, ...]:
        return ("count_true", tuple(item.key() for item in self.items))


def count_true(*items: Expr) -> CountTrue:
    return CountTrue(tuple(items))


class AggFunc(StrEnum):
    COUNT = "count"              # records in the group
    SUM = "sum"
    MIN = "min"
    MAX = "max"
    MEAN = "mean"
    WEIGHTED_MEAN = "weighted_mean"
    WEIGHTED_CV = "weighted_cv"  # enrolment-weighted coefficient of variation


@dataclass(frozen=True, eq=False, slots=True)
class Aggregate(Expr):
    """An aggregate over the records of a group (a rule with ``group_by``).

    ``item`` is computed per record; ``weight`` weights it (weighted mean, weighted CV).
    Unknown when any record's item or weight is unknown; undefined for an empty group or
    a zero mean (a coefficient of variation needs a non-zero mean).
    """

    func: AggFunc
    item: Expr | None = None
    weight: Expr | None = None

    def children(self) -> tuple[Expr, ...]:
        return tuple(e for e in (self.item, self.weight) if e is not None)

    def key(self) -> tuple[object, ...]:
        return ("aggregate", self.func.value,
                self.item.key() if self.item is not None else None,
                self.weight.key() if self.weight is not None else None)


class agg:
    """Aggregates for grouped rules: ``agg.count()``, ``agg.sum(f.x)``,
    ``agg.weighted_cv(f.x, weight=f.students)``."""

    @staticmethod
    def count() -> Aggregate:
        return Aggregate(AggFunc.COUNT)

    @staticmethod
    def sum(item: Expr) -> Aggregate:
        return Aggregate(AggFunc.SUM, item)

    @staticmethod
    def min(item: Expr) -> Aggregate:
        return Aggregate(AggFunc.MIN, item)

    @staticmethod
    def max(item: Expr) -> Aggregate:
        return Aggregate(AggFunc.MAX, item)

    @staticmethod
    def mean(item: Expr) -> Aggregate:
        return Aggregate(AggFunc.MEAN, item)

    @staticmethod
    def weighted_mean(item: Expr, weight: Expr) -> Aggregate:
        return Aggregate(AggFunc.WEIGHTED_MEAN, item, weight)

    @staticmethod
    def weighted_cv(item: Expr, weight: Expr) -> Aggregate:
        return Aggregate(AggFunc.WEIGHTED_CV, item, weight)
