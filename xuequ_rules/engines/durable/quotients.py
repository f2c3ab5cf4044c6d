"""durable_rules' ring for the shared exact-quotient lowering (:mod:`xuequ_rules.engines.fractions`):
integer expressions with their decimal scale, compared as durable conditions."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from xuequ_rules.engines.durable.conditions import and_, cmp, or_
from xuequ_rules.engines.durable.integers import ZERO, Interval, IntExpr, add, const, interval_of, mul, sub
from xuequ_rules.engines.fractions import Quotient
from xuequ_rules.policy.expr import CompareOp


@dataclass(frozen=True, slots=True)
class Scaled:
    """The integer expression ``expr`` standing for ``expr / 10**scale``."""

    expr: IntExpr
    scale: int = 0


def quotient(expr: IntExpr, scale: int = 0) -> Quotient[Scaled]:
    return Quotient(Scaled(expr, scale))


class DurableRing:
    """Scaled integer expressions; conditions in negation normal form (:mod:`.conditions`).
    Signs are read from the intervals the model's bounds give the fact's slots."""

    def __init__(self, intervals: Callable[[], Mapping[str, Interval]]) -> None:
        self.intervals = intervals

    @staticmethod
    def aligned(a: Scaled, b: Scaled) -> tuple[IntExpr, IntExpr, int]:
        s = max(a.scale, b.scale)
        return (mul(a.expr, const(10 ** (s - a.scale))), mul(b.expr, const(10 ** (s - b.scale))),
                s)

    def add(self, a: Scaled, b: Scaled) -> Scaled:
        x, y, s = self.aligned(a, b)
        return Scaled(add(x, y), s)

    def sub(self, a: Scaled, b: Scaled) -> Scaled:
        x, y, s = self.aligned(a, b)
        return Scaled(sub(x, y), s)

    def mul(self, a: Scaled, b: Scaled) -> Scaled:
        return Scaled(mul(a.expr, b.expr), a.scale + b.scale)

    def neg(self, a: Scaled) -> Scaled:
        return Scaled(mul(a.expr, const(-1)), a.scale)

    def compare(self, op: CompareOp, a: Scaled, b: Scaled) -> Any:
        x, y, _ = self.aligned(a, b)
        return cmp(op, x, y)

    def sign(self, a: Scaled) -> int | None:
        lo, hi = interval_of(a.expr, self.intervals())
        if lo is not None and lo >= 0:    # where it is not 0
            return 1
        if hi is not None and hi <= 0:
            return -1
        return None

    def either(self, a: Scaled, positive: Any, negative: Any) -> Any:
        return or_(and_(cmp(CompareOp.GT, a.expr, ZERO), positive),
                   and_(cmp(CompareOp.LT, a.expr, ZERO), negative))

    def flip(self, divisor: Scaled, num: Scaled, den: Scaled) -> tuple[Scaled, Scaled] | None:
        return None   # durable conditions cannot select a term: the comparison splits on sign
