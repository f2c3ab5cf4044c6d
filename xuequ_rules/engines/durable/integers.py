"""Integer expressions evaluated inside durable_rules, and their intervals (durable compares
doubles: every intermediate integer must stay within ±2**53)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from xuequ_rules.engines.durable.runtime import EXACT_LIMIT


@dataclass(frozen=True, slots=True)
class IntExpr:
    """An integer expression: a fact slot, a constant, or ``+ - *`` of two."""

    op: str          # "f" slot | "c" constant | "+" | "-" | "*"
    a: Any = None    # slot name, constant value, or left operand
    b: Any = None    # right operand


def const(value: int | str) -> IntExpr:
    return IntExpr("c", value)


ZERO, ONE = const(0), const(1)


def add(x: IntExpr, y: IntExpr) -> IntExpr:
    if x.op == "c" and y.op == "c":
        return const(x.a + y.a)
    if y == ZERO:
        return x
    if x == ZERO:
        return y
    return IntExpr("+", x, y)


def sub(x: IntExpr, y: IntExpr) -> IntExpr:
    if x.op == "c" and y.op == "c":
        return const(x.a - y.a)
    if y == ZERO:
        return x
    return IntExpr("-", x, y)


def mul(x: IntExpr, y: IntExpr) -> IntExpr:
    if x.op == "c" and y.op == "c":
        return const(x.a * y.a)
    if x == ZERO or y == ZERO:
        return ZERO
    if y == ONE:
        return x
    if x == ONE:
        return y
    return IntExpr("*", x, y)


def int_nodes(e: IntExpr) -> Iterator[IntExpr]:
    yield e
    if e.op in "+-*":
        yield from int_nodes(e.a)
        yield from int_nodes(e.b)


# Intervals of integer expressions, from the models' bounds: (lo, hi), None = infinite.
Interval = tuple[int | None, int | None]


def interval_of(e: IntExpr, slots: Mapping[str, Interval]) -> Interval:
    if e.op == "c":
        return (e.a, e.a) if isinstance(e.a, int) else (None, None)
    if e.op == "f":
        return slots.get(e.a, (None, None))
    lx, hx = interval_of(e.a, slots)
    ly, hy = interval_of(e.b, slots)
    if e.op == "-":
        ly, hy = (None if hy is None else -hy), (None if ly is None else -ly)
    if e.op in "+-":
        return (None if lx is None or ly is None else lx + ly,
                None if hx is None or hy is None else hx + hy)
    if None not in (lx, hx, ly, hy):
        products = [lx * ly, lx * hy, hx * ly, hx * hy]  # type: ignore[operator]
        return min(products), max(products)
    if lx is not None and ly is not None and lx >= 0 and ly >= 0:
        return lx * ly, (None if hx is None or hy is None else hx * hy)
    return None, None


def within_limit(interval: Interval) -> bool:
    lo, hi = interval
    return lo is not None and hi is not None and max(abs(lo), abs(hi)) <= EXACT_LIMIT


def eval_int(e: IntExpr, fact: Mapping[str, Any]) -> int:
    if e.op == "c":
        return int(e.a)
    if e.op == "f":
        return int(fact[e.a])
    x, y = eval_int(e.a, fact), eval_int(e.b, fact)
    return x + y if e.op == "+" else (x - y if e.op == "-" else x * y)


def durable_value(e: IntExpr) -> Any:
    """The right-hand side of a durable comparison (constants only on the right)."""
    if e.op == "c":
        return e.a
    if e.op == "f":
        return {"$m": e.a}
    left, right = e.a, e.b
    if left.op == "c":
        if e.op == "-":   # c - x = x × -1 + c
            return {"$add": {"$l": durable_value(mul(right, const(-1))), "$r": left.a}}
        left, right = right, left
    op = {"+": "$add", "-": "$sub", "*": "$mul"}[e.op]
    return {op: {"$l": durable_value(left), "$r": durable_value(right)}}

