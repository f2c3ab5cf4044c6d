"""The polars algebra of the column compiler: exact decimals, or scaled integers sized from the
facts model's bounds on a validated table."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from functools import reduce
from typing import Any, cast

import polars as pl

from xuequ_rules.engines._schema import (
    ColumnSpec,
)
from xuequ_rules.engines.columns import (
    STATUSES,
    AggColumn,
    Num,
    Unsupported,
    column_bound,
)
from xuequ_rules.facts.schema import Facts
from xuequ_rules.policy.expr import CompareOp
from xuequ_rules.policy.operators import COMPARE_FUNCTIONS
from xuequ_rules.policy.policy import Policy

STATUS_DTYPE = pl.Enum(list(STATUSES))
NULL_DTYPES: dict[str, pl.DataType] = {
    "bool": pl.Boolean(), "int": pl.Int64(), "dec": pl.Decimal(38, 0), "str": pl.String(),
    "date": pl.Date(), "null": pl.Boolean(), "list": pl.List(pl.String()),
}


def schema_of(policy: Policy | None) -> type[Facts]:
    """The fact schema of ``policy`` (the shared vocabulary when no policy is given)."""
    return policy.facts_model if policy is not None else Facts


class PolarsAlgebra:
    """Builds polars expressions for :mod:`xuequ_rules.engines.columns`."""

    def column(self, spec: ColumnSpec) -> pl.Expr:
        return pl.col(spec.name)

    def null(self, kind: str) -> pl.Expr:
        return pl.lit(None, dtype=NULL_DTYPES[kind])

    def lit(self, value: Any, kind: str, scale: int) -> pl.Expr:
        if kind == "dec":
            return pl.lit(value, dtype=pl.Decimal(38, scale))
        return pl.lit(value, dtype=NULL_DTYPES[kind])

    def is_null(self, e: pl.Expr) -> pl.Expr:
        return e.is_null()

    def and_(self, items: Sequence[pl.Expr]) -> pl.Expr:
        return reduce(lambda x, y: x & y, items)

    def or_(self, items: Sequence[pl.Expr]) -> pl.Expr:
        return reduce(lambda x, y: x | y, items)

    def not_(self, e: pl.Expr) -> pl.Expr:
        return ~e

    def coalesce_false(self, e: pl.Expr) -> pl.Expr:
        return e.fill_null(False)

    def compare(self, op: CompareOp, a: pl.Expr, b: pl.Expr) -> pl.Expr:
        result: pl.Expr = COMPARE_FUNCTIONS[op](a, b)
        return result

    def compare_num(self, op: CompareOp, a: Num, b: Num) -> pl.Expr:
        return self.compare(op, a.v, b.v)

    def _combine(self, a: Num, b: Num, fn: Any) -> Num:
        if a.kind == "int" and b.kind == "int":
            return Num(fn(a.v, b.v), "int")
        return Num(fn(a.v, b.v), "dec", max(a.scale, b.scale))

    def add(self, a: Num, b: Num) -> Num:
        return self._combine(a, b, lambda x, y: x + y)

    def sub(self, a: Num, b: Num) -> Num:
        return self._combine(a, b, lambda x, y: x - y)

    def mul(self, a: Num, b: Num) -> Num:
        if a.literal == 1:
            return b
        if b.literal == 1:
            return a
        if a.kind == "int" and b.kind == "int":
            # unvalidated 64-bit values: a product is exact only in 38 digits
            return Num(a.v.cast(pl.Decimal(38, 0)) * b.v.cast(pl.Decimal(38, 0)), "dec", 0)
        # polars keeps the larger scale of the two factors: widen one so none is lost
        scale = a.scale + b.scale
        left = a.v
        if max(a.scale, b.scale) < scale:
            left = left.cast(pl.Decimal(38, scale))
        return Num(left * b.v, "dec", scale)

    def neg(self, a: Num) -> Num:
        return Num(-a.v, a.kind, a.scale, -a.literal if a.literal is not None else None)

    def when(self, branches: Sequence[tuple[pl.Expr, pl.Expr]], otherwise: pl.Expr) -> pl.Expr:
        (cond, value), *rest = branches
        chain: Any = pl.when(cond).then(value)
        for cond, value in rest:
            chain = chain.when(cond).then(value)
        return cast(pl.Expr, chain.otherwise(otherwise))

    def isin(self, e: pl.Expr, values: Sequence[Any], kind: str, scale: int) -> pl.Expr:
        return e.is_in(pl.Series(list(values), dtype=NULL_DTYPES[kind]).implode())

    def list_len(self, e: pl.Expr) -> pl.Expr:
        return e.list.len().cast(pl.Int64)

    def str_nonempty(self, e: pl.Expr) -> pl.Expr:
        return e.str.len_bytes() > 0

    def status(self, value: str | None) -> pl.Expr:
        return pl.lit(value, dtype=STATUS_DTYPE)

    def text(self, value: str | None) -> pl.Expr:
        return pl.lit(value, dtype=pl.String)

    def count_true(self, items: Sequence[pl.Expr]) -> pl.Expr:
        return pl.sum_horizontal([item.cast(pl.Int64) for item in items])

    def int_lit(self, value: int) -> pl.Expr:
        return pl.lit(value, dtype=pl.Int64)

    def first_non_null(self, items: Sequence[pl.Expr]) -> pl.Expr:
        return items[0] if len(items) == 1 else pl.coalesce(items)

    def bind(self, e: pl.Expr, kind: str) -> pl.Expr:
        return e   # polars' common-subexpression elimination computes it once

    def consecutive(self, code: pl.Expr, per: pl.Expr, order: pl.Expr, count: int) -> pl.Expr:
        """The least ``code`` over the records of this ``per`` whose ``order`` is one of the
        ``count`` values up to this record's, or 0 when one of those values has no record."""
        at = order.cast(pl.Int64)
        by = at.fill_null(0)
        window = f"{count}i"
        least = pl.when(at.is_not_null()).then(code).rolling_min_by(by, window).over(per)
        first = (pl.struct(per, at).is_first_distinct() & at.is_not_null()).cast(pl.Int64)
        present = first.rolling_sum_by(by, window).over(per)
        return pl.when(present == count).then(least).otherwise(pl.lit(0, dtype=pl.Int64))

    # grouped rules
    def ref(self, name: str) -> pl.Expr:
        return pl.col(name)

    def row_index(self, odd: bool) -> pl.Expr:
        return pl.int_range(pl.len(), dtype=pl.Int64) * 2 + int(odd)

    def to_int(self, n: Num) -> pl.Expr:
        """The exact integer value × 10**scale, as a checked 38-digit decimal."""
        v: pl.Expr = n.v
        if n.kind == "int":
            return v.cast(pl.Decimal(38, 0))
        return v.cast(pl.Decimal(38, n.scale)).to_physical().cast(pl.Decimal(38, 0))

    def floordiv(self, a: pl.Expr, b: pl.Expr) -> pl.Expr:
        return (a.cast(pl.Int128) // b.cast(pl.Int128)).cast(pl.Decimal(38, 0))

    def key_text(self, e: pl.Expr, kind: str) -> pl.Expr:
        if kind == "bool":
            return (pl.when(e).then(pl.lit("True")).when(e.not_()).then(pl.lit("False"))
                    .otherwise(pl.lit("None")))
        return e.cast(pl.String).fill_null("None")

    def concat(self, items: Sequence[pl.Expr]) -> pl.Expr:
        return pl.concat_str(list(items))

    def agg(self, column: AggColumn) -> pl.Expr:
        if column.func == "count":
            return pl.len().cast(pl.Int64).alias(column.name)
        e = column.expr
        if column.kind == "dec":
            e = e.cast(pl.Decimal(38, column.scale))
        return cast(pl.Expr, getattr(e, column.func)()).alias(column.name)


_I64 = 2**63 - 1
_I128 = 2**127 - 1


class PolarsFixedAlgebra(PolarsAlgebra):
    """Exact numbers as scaled integers (value × 10**scale) in Int64, or Int128 when needed.

    Used once the table is validated, so every value lies within the fact model's bounds
    (counts ≤ 10**12, ratios ≤ 1 …): from those bounds each product's largest magnitude is
    known at compile time and the narrowest integer type that cannot overflow is chosen —
    the same integer arithmetic one writes by hand, and as fast. A product that could exceed
    Int128 is refused (the caller then uses :class:`PolarsAlgebra`'s decimals).
    """

    def column(self, spec: ColumnSpec) -> pl.Expr:
        if spec.kind != "dec":
            return pl.col(spec.name)
        unscaled = pl.col(spec.name).to_physical()   # Decimal's unscaled Int128
        bound = column_bound(spec)
        if bound is not None and bound <= _I64:
            # within the model's bounds it fits 64 bits; a value beyond them (refused by the
            # check collected alongside) becomes null instead of stopping the query
            return unscaled.cast(pl.Int64, strict=False)
        return unscaled

    def null(self, kind: str) -> pl.Expr:
        if kind == "dec":
            return pl.lit(None, dtype=pl.Int128)
        return super().null(kind)

    def lit(self, value: Any, kind: str, scale: int) -> pl.Expr:
        if kind == "dec":
            unscaled = int(Decimal(value).scaleb(scale))
            return pl.lit(unscaled, dtype=pl.Int64 if abs(unscaled) <= _I64 else pl.Int128)
        return super().lit(value, kind, scale)

    @staticmethod
    def _bound(n: Num) -> int:
        if n.literal is not None:
            return abs(int(Decimal(n.literal).scaleb(n.scale)))
        if n.bound is not None:
            return n.bound
        return _I64 if n.kind == "int" else _I128

    @staticmethod
    def _fit(v: pl.Expr, bound: int) -> pl.Expr:
        if bound <= _I64:
            return v
        if bound <= _I128:
            return v.cast(pl.Int128)
        raise Unsupported("an intermediate product may exceed 38 digits")

    def _align(self, n: Num, scale: int) -> tuple[pl.Expr, int]:
        bound = self._bound(n)
        if n.scale == scale:
            return n.v, bound
        factor = 10 ** (scale - n.scale)
        bound *= factor
        return self._fit(n.v, bound) * pl.lit(factor, dtype=pl.Int64 if factor <= _I64
                                              else pl.Int128), bound

    def _combine(self, a: Num, b: Num, fn: Any) -> Num:
        scale = max(a.scale, b.scale)
        (x, bx), (y, by) = self._align(a, scale), self._align(b, scale)
        bound = bx + by
        kind = "int" if a.kind == "int" and b.kind == "int" else "dec"
        return Num(fn(self._fit(x, bound), y), kind, scale, bound=bound)

    def mul(self, a: Num, b: Num) -> Num:
        if a.literal == 1 and a.kind == "int":
            return b
        if b.literal == 1 and b.kind == "int":
            return a
        bound = self._bound(a) * self._bound(b)
        kind = "int" if a.kind == "int" and b.kind == "int" else "dec"
        return Num(self._fit(a.v, bound) * b.v, kind, a.scale + b.scale, bound=bound)

    def neg(self, a: Num) -> Num:
        return Num(-a.v, a.kind, a.scale, -a.literal if a.literal is not None else None,
                   a.bound)

    def compare_num(self, op: CompareOp, a: Num, b: Num) -> pl.Expr:
        scale = max(a.scale, b.scale)
        (x, bx), (y, by) = self._align(a, scale), self._align(b, scale)
        return self.compare(op, self._fit(x, max(bx, by)), y)
