"""Exact quotients over a backend's integer terms: the one lowering of ``+ - × ÷`` and of
comparisons that every compiling engine uses (no division is ever computed).

A value is a :class:`Quotient` ``num / den`` of two terms of a backend's :class:`Ring`
(``den`` None stands for 1). ``a / b`` is ``(a.num × b.den) / (a.den × b.num)``; a
comparison multiplies across, ``x.num × y.den  op  y.num × x.den``, and mirrors the
operator where the product of the denominators is negative. A ring that can select by a
condition (a table engine's ``when``) makes every denominator positive as it divides
(:meth:`Ring.flip`); one that cannot (durable_rules' conditions over integers) leaves the
sign to the comparison, which asks the ring for a static sign first (from the model's
bounds) and splits on the sign otherwise (:meth:`Ring.either`). Scales (values stored as
integers × 10**scale) are the ring's business: its ``add``/``sub``/``compare`` align them,
its ``mul`` adds them. Division by zero is the caller's: the divisor is ``y.num``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Generic, Protocol, TypeVar

from xuequ_rules.policy.expr import CompareOp
from xuequ_rules.policy.operators import MIRRORED

T = TypeVar("T")
C = TypeVar("C")


class Ring(Protocol[T, C]):
    """A backend's integer terms ``T`` and its conditions ``C``."""

    def add(self, a: T, b: T) -> T: ...
    def sub(self, a: T, b: T) -> T: ...
    def mul(self, a: T, b: T) -> T: ...
    def neg(self, a: T) -> T: ...
    def compare(self, op: CompareOp, a: T, b: T) -> C: ...

    def sign(self, a: T) -> int | None:
        """1 / -1 when ``a`` is known positive / negative wherever it is not 0; else None."""
        ...

    def either(self, a: T, positive: C, negative: C) -> C:
        """``positive`` where ``a`` > 0, ``negative`` where ``a`` < 0."""
        ...

    def flip(self, divisor: T, num: T, den: T) -> tuple[T, T] | None:
        """``num`` and ``den`` both negated where ``divisor`` < 0 (None: the ring cannot)."""
        ...


@dataclass(frozen=True, slots=True)
class Quotient(Generic[T]):
    """``num / den``; ``den`` None is 1; ``positive``: ``den`` > 0 wherever defined."""

    num: T
    den: T | None = None
    positive: bool = True


def _times(ring: Ring[T, C], a: T | None, b: T | None) -> T | None:
    if a is None:
        return b
    if b is None:
        return a
    return ring.mul(a, b)


def _plus_or_minus(ring: Ring[T, C], x: Quotient[T], y: Quotient[T], minus: bool
                   ) -> Quotient[T]:
    combine = ring.sub if minus else ring.add
    if x.den is None and y.den is None:
        return Quotient(combine(x.num, y.num))
    left = ring.mul(x.num, y.den) if y.den is not None else x.num
    right = ring.mul(y.num, x.den) if x.den is not None else y.num
    return Quotient(combine(left, right), _times(ring, x.den, y.den),
                    x.positive and y.positive)


def add(ring: Ring[T, C], x: Quotient[T], y: Quotient[T]) -> Quotient[T]:
    return _plus_or_minus(ring, x, y, minus=False)


def sub(ring: Ring[T, C], x: Quotient[T], y: Quotient[T]) -> Quotient[T]:
    return _plus_or_minus(ring, x, y, minus=True)


def mul(ring: Ring[T, C], x: Quotient[T], y: Quotient[T]) -> Quotient[T]:
    return Quotient(ring.mul(x.num, y.num), _times(ring, x.den, y.den),
                    x.positive and y.positive)


def div(ring: Ring[T, C], x: Quotient[T], y: Quotient[T]) -> Quotient[T]:
    """``x / y`` for ``y.num`` ≠ 0 (the caller says what a zero divisor means)."""
    num = ring.mul(x.num, y.den) if y.den is not None else x.num
    den = ring.mul(x.den, y.num) if x.den is not None else y.num
    positive = x.positive and y.positive
    sign = ring.sign(y.num)
    if sign == -1:
        return Quotient(ring.neg(num), ring.neg(den), positive)
    if sign == 1:
        return Quotient(num, den, positive)
    flipped = ring.flip(y.num, num, den)
    if flipped is None:
        return Quotient(num, den, False)
    return Quotient(flipped[0], flipped[1], positive)


def compare(ring: Ring[T, C], op: CompareOp, x: Quotient[T], y: Quotient[T]) -> C:
    """``x op y`` where both are defined."""
    if x.den is None and y.den is None:
        return ring.compare(op, x.num, y.num)
    left = ring.mul(x.num, y.den) if y.den is not None else x.num
    right = ring.mul(y.num, x.den) if x.den is not None else y.num
    if x.positive and y.positive:
        return ring.compare(op, left, right)
    den = _times(ring, x.den, y.den)
    assert den is not None
    sign = ring.sign(den)
    if sign == 1:
        return ring.compare(op, left, right)
    if sign == -1:
        return ring.compare(MIRRORED[op], left, right)
    return ring.either(den, ring.compare(op, left, right),
                       ring.compare(MIRRORED[op], left, right))
