"""Per-record integer terms of grouped rules on DuckDB: ``HUGEINT`` arithmetic, divisions in
``BIGINT`` wherever the operands fit."""

from __future__ import annotations

import dataclasses
from decimal import Decimal
from typing import Any

from sqlglot import exp

from xuequ_rules.engines.columns import Num
from xuequ_rules.engines.sql.algebra import SqlAlgebra, _cast, _paren

_I64 = 2**63 - 1


class DuckDBRecordAlgebra(SqlAlgebra):
    """The per-record terms of grouped rules on DuckDB: exact integers as ``HUGEINT``.

    DuckDB multiplies and adds 128-bit integers about as fast as 64-bit ones but divides them
    several times slower, and computes ``DECIMAL(38, 0)`` slower still; so the exact integers
    of a coefficient of variation are ``HUGEINT`` (an overflow raises, as with ``DECIMAL``),
    and a floor division runs in ``BIGINT`` wherever both operands fit 64 bits, ``HUGEINT``
    elsewhere. Its operands and quotient are computed once per record as ``terms``
    (``__t0``, …; a term reads only columns and earlier terms), which the record columns
    read. The sums are taken as ``DECIMAL(38, 0)`` (:meth:`agg`), so the per-group
    comparisons are those of :class:`SqlAlgebra`.
    """

    def __init__(self, *, order: str | None = None) -> None:
        super().__init__(bind=False, dialect="duckdb", order=order)
        self.terms: list[tuple[str, exp.Expression]] = []
        self._term_names: dict[str, str] = {}

    def _term(self, e: exp.Expression) -> exp.Expression:
        if isinstance(e, exp.Column | exp.Literal):
            return e
        key = e.sql()
        name = self._term_names.get(key)
        if name is None:
            name = f"__t{len(self.terms)}"
            self.terms.append((name, e))
            self._term_names[key] = name
        return exp.Column(this=exp.to_identifier(name, quoted=True))

    def _known(self, n: Num) -> Num:
        """``n``, read from its term where it is one."""
        name = self._term_names.get(n.v.sql()) if isinstance(n.v, exp.Expression) else None
        if name is None:
            return n
        return dataclasses.replace(n, v=exp.Column(this=exp.to_identifier(name, quoted=True)))

    def null(self, kind: str) -> exp.Expression:
        return _cast(exp.Null(), "HUGEINT") if kind == "dec" else super().null(kind)

    def lit(self, value: Any, kind: str, scale: int) -> exp.Expression:
        if kind == "dec" and scale == 0 and Decimal(value) == int(Decimal(value)):
            return _cast(exp.Literal.number(int(Decimal(value))), "HUGEINT")
        return super().lit(value, kind, scale)

    def to_int(self, n: Num) -> exp.Expression:
        if n.kind == "int" or n.scale == 0:
            return _cast(n.v, "HUGEINT")
        factor = exp.Literal.number(10 ** n.scale)
        return _cast(exp.Paren(this=exp.Mul(this=_paren(n.v), expression=factor)), "HUGEINT")

    def _combine(self, a: Num, b: Num, cls: type[exp.Expression]) -> Num:
        return super()._combine(self._known(a), self._known(b), cls)

    def mul(self, a: Num, b: Num) -> Num:
        return super().mul(self._known(a), self._known(b))

    def floordiv(self, a: exp.Expression, b: exp.Expression) -> exp.Expression:
        """⌊a / b⌋ of integers a ≥ 0, b > 0, exactly, as HUGEINT: in BIGINT where both fit."""
        a, b = self._term(a), self._term(b)
        limit = exp.Literal.number(_I64)
        small = exp.and_(exp.LTE(this=a.copy(), expression=limit),
                         exp.LTE(this=b.copy(), expression=limit.copy()))
        narrow = exp.IntDiv(this=_cast(a.copy(), "BIGINT"), expression=_cast(b.copy(), "BIGINT"))
        return self._term(exp.Case(
            ifs=[exp.If(this=small, true=_cast(exp.Paren(this=narrow), "HUGEINT"))],
            default=exp.Paren(this=exp.IntDiv(this=a, expression=b))))
