"""The operator tables of the rule language, defined once for every view.

Python's meaning of each comparison (the evaluator, polars expressions and durable's
constant folding all use it), its negation and its mirror (``a op b`` ⇔ ``b mirror(op) a``),
and the symbols sentences print.
"""

from __future__ import annotations

import operator
from collections.abc import Callable
from typing import Any

from xuequ_rules.policy.expr import ArithOp, CompareOp

COMPARE_FUNCTIONS: dict[CompareOp, Callable[[Any, Any], Any]] = {
    CompareOp.GE: operator.ge, CompareOp.GT: operator.gt, CompareOp.LE: operator.le,
    CompareOp.LT: operator.lt, CompareOp.EQ: operator.eq, CompareOp.NE: operator.ne,
}
"""``op(a, b)``; works on numbers and on column expressions that overload the operators."""

ARITH_FUNCTIONS: dict[ArithOp, Callable[[Any, Any], Any]] = {
    ArithOp.ADD: operator.add, ArithOp.SUB: operator.sub, ArithOp.MUL: operator.mul,
    ArithOp.DIV: operator.truediv,
}

NEGATED: dict[CompareOp, CompareOp] = {
    CompareOp.GE: CompareOp.LT, CompareOp.GT: CompareOp.LE, CompareOp.LE: CompareOp.GT,
    CompareOp.LT: CompareOp.GE, CompareOp.EQ: CompareOp.NE, CompareOp.NE: CompareOp.EQ,
}
"""``not (a op b)`` ⇔ ``a NEGATED[op] b``."""

MIRRORED: dict[CompareOp, CompareOp] = {
    CompareOp.GE: CompareOp.LE, CompareOp.GT: CompareOp.LT, CompareOp.LE: CompareOp.GE,
    CompareOp.LT: CompareOp.GT, CompareOp.EQ: CompareOp.EQ, CompareOp.NE: CompareOp.NE,
}
"""``a op b`` ⇔ ``b MIRRORED[op] a``."""

COMPARE_SYMBOLS: dict[CompareOp, str] = {
    CompareOp.GE: "≥", CompareOp.GT: ">", CompareOp.LE: "≤", CompareOp.LT: "<",
    CompareOp.EQ: "=", CompareOp.NE: "≠",
}
ARITH_SYMBOLS: dict[ArithOp, str] = {
    ArithOp.ADD: "+", ArithOp.SUB: "−", ArithOp.MUL: "×", ArithOp.DIV: "÷",
}
