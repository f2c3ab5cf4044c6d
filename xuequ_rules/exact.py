"""Exact square roots: a coefficient of variation compared with a limit, without rounding."""

from __future__ import annotations

import math
from decimal import Decimal
from fractions import Fraction
from functools import total_ordering
from typing import Any


def as_fraction(value: Any) -> Fraction | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, Fraction):
        return value
    if isinstance(value, int | Decimal):
        return Fraction(value)
    return None


@total_ordering
class ExactSqrt:
    """The non-negative square root of a fraction, compared exactly: √s ≤ c ⟺ s ≤ c² (c ≥ 0)."""

    __slots__ = ("square",)

    def __init__(self, square: Fraction) -> None:
        if square < 0:
            raise ValueError("square root of a negative number")
        self.square = square

    def _other_square(self, other: Any) -> Fraction | None:
        if isinstance(other, ExactSqrt):
            return other.square
        value = as_fraction(other)
        if value is None:
            return None
        return value * value if value >= 0 else Fraction(-1)

    def __eq__(self, other: object) -> bool:
        square = self._other_square(other)
        if square is None:
            return NotImplemented
        return self.square == square

    def __lt__(self, other: Any) -> bool:
        square = self._other_square(other)
        if square is None:
            return NotImplemented
        return square >= 0 and self.square < square

    def __hash__(self) -> int:
        return hash(("sqrt", self.square))

    def __truediv__(self, other: Any) -> ExactSqrt:
        value = as_fraction(other)
        if value is None or value <= 0:
            return NotImplemented
        return ExactSqrt(self.square / (value * value))

    def __float__(self) -> float:
        return math.sqrt(self.square)

    def __repr__(self) -> str:
        return f"√({self.square})"
