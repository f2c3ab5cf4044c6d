"""The SQL algebra of the column compiler: sqlglot expressions, exact decimals, for DuckDB and
Spark SQL."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Any, cast

import sqlglot
from sqlglot import exp

from xuequ_rules.engines._schema import (
    ColumnSpec,
)
from xuequ_rules.engines.columns import (
    STATUSES,
    AggColumn,
    Num,
)
from xuequ_rules.policy.expr import CompareOp

DIALECTS = ("duckdb", "spark")
_SAFE_INT_FACTOR = 10**6

_TYPES = {"bool": "BOOLEAN", "int": "BIGINT", "str": "VARCHAR", "date": "DATE",
          "null": "BOOLEAN", "list": "ARRAY<VARCHAR>"}
_COMPARE = {CompareOp.GE: exp.GTE, CompareOp.GT: exp.GT, CompareOp.LE: exp.LTE,
            CompareOp.LT: exp.LT, CompareOp.EQ: exp.EQ, CompareOp.NE: exp.NEQ}


def _paren(e: exp.Expression) -> exp.Expression:
    if isinstance(e, exp.Column | exp.Literal | exp.Boolean | exp.Null | exp.Paren | exp.Cast):
        return e
    return exp.Paren(this=e)


def _cast(e: exp.Expression, type_sql: str) -> exp.Expression:
    return exp.Cast(this=e, to=exp.DataType.build(type_sql))


def _decimal_type(precision: int, scale: int) -> str:
    return f"DECIMAL({max(1, min(38, precision))}, {scale})"


class SqlAlgebra:
    """Builds sqlglot expressions for :mod:`xuequ_rules.engines.columns`.

    Each rule's conditions are bound to columns of an inner ``SELECT`` (``__c0``, …) so the
    outer ``CASE`` reads them instead of recomputing them in every branch.
    """

    def __init__(self, *, status_codes: bool = False, bind: bool = True,
                 dialect: str = "duckdb", order: str | None = None) -> None:
        self.bindings: list[tuple[str, exp.Expression]] = []
        self._by_sql: dict[str, str] = {}
        self.status_codes = status_codes     # statuses as 0…3 (for counting) not text
        self.binds = bind
        self.dialect = dialect               # grouped rules: integer division differs
        self.order = order                   # grouped rules: the column giving record order

    def reset_bindings(self) -> None:
        """Later expressions are bound anew (grouped rules: each batch has its own)."""
        self._by_sql.clear()

    def bind(self, e: exp.Expression, kind: str) -> exp.Expression:
        if isinstance(e, exp.Column) or not self.binds:
            return e
        key = e.sql()
        name = self._by_sql.get(key)
        if name is None:
            name = f"__c{len(self.bindings)}"
            self.bindings.append((name, e))
            self._by_sql[key] = name
        return exp.Column(this=exp.to_identifier(name, quoted=True))

    def column(self, spec: ColumnSpec) -> exp.Expression:
        column = exp.Column(this=exp.to_identifier(spec.name, quoted=True))
        if spec.kind == "dec":
            # narrow enough that Spark's precision rules never drop a digit of a product
            return _cast(column, _decimal_type(18 + spec.scale, spec.scale))
        return column

    def null(self, kind: str) -> exp.Expression:
        if kind == "dec":
            return _cast(exp.Null(), "DECIMAL(38, 0)")
        return _cast(exp.Null(), _TYPES[kind])

    def lit(self, value: Any, kind: str, scale: int) -> exp.Expression:
        if kind == "bool":
            return exp.true() if value else exp.false()
        if kind == "int":
            number = exp.Literal.number(abs(int(value)))
            return exp.Neg(this=number) if value < 0 else number
        if kind == "dec":
            digits = len(Decimal(value).as_tuple().digits)
            return _cast(exp.Literal.string(f"{Decimal(value):f}"),
                         _decimal_type(max(digits, scale + 1), scale))
        if kind == "date":
            return _cast(exp.Literal.string(value.isoformat()), "DATE")
        return exp.Literal.string(str(value))

    def is_null(self, e: exp.Expression) -> exp.Expression:
        return exp.Is(this=_paren(e), expression=exp.Null())

    def and_(self, items: Sequence[exp.Expression]) -> exp.Expression:
        out = _paren(items[0])
        for item in items[1:]:
            out = exp.And(this=out, expression=_paren(item))
        return exp.Paren(this=out)

    def or_(self, items: Sequence[exp.Expression]) -> exp.Expression:
        out = _paren(items[0])
        for item in items[1:]:
            out = exp.Or(this=out, expression=_paren(item))
        return exp.Paren(this=out)

    def not_(self, e: exp.Expression) -> exp.Expression:
        return exp.Paren(this=exp.Not(this=_paren(e)))

    def coalesce_false(self, e: exp.Expression) -> exp.Expression:
        return exp.Coalesce(this=e, expressions=[exp.false()])

    def compare(self, op: CompareOp, a: exp.Expression, b: exp.Expression) -> exp.Expression:
        return exp.Paren(this=_COMPARE[op](this=_paren(a), expression=_paren(b)))

    def compare_num(self, op: CompareOp, a: Num, b: Num) -> exp.Expression:
        return self.compare(op, a.v, b.v)

    def _combine(self, a: Num, b: Num, cls: type[exp.Expression]) -> Num:
        value = exp.Paren(this=cls(this=_paren(a.v), expression=_paren(b.v)))
        if a.kind == "int" and b.kind == "int":
            return Num(value, "int")
        return Num(value, "dec", max(a.scale, b.scale))

    def add(self, a: Num, b: Num) -> Num:
        return self._combine(a, b, exp.Add)

    def sub(self, a: Num, b: Num) -> Num:
        return self._combine(a, b, exp.Sub)

    def mul(self, a: Num, b: Num) -> Num:
        if a.literal == 1:
            return b
        if b.literal == 1:
            return a
        left, right = a.v, b.v
        if a.kind == "int" and b.kind == "int":
            if not any(n.literal is not None and abs(int(n.literal)) <= _SAFE_INT_FACTOR
                       for n in (a, b)):
                left, right = _cast(left, "DECIMAL(38, 0)"), _cast(right, "DECIMAL(38, 0)")
                return Num(exp.Paren(this=exp.Mul(this=left, expression=right)), "dec", 0)
            return Num(exp.Paren(this=exp.Mul(this=_paren(left), expression=_paren(right))),
                       "int")
        if a.kind == "int" and a.literal is None:
            left = _cast(left, "DECIMAL(19, 0)")
        if b.kind == "int" and b.literal is None:
            right = _cast(right, "DECIMAL(19, 0)")
        return Num(exp.Paren(this=exp.Mul(this=_paren(left), expression=_paren(right))), "dec",
                   a.scale + b.scale)

    def neg(self, a: Num) -> Num:
        return Num(exp.Paren(this=exp.Neg(this=_paren(a.v))), a.kind, a.scale,
                   -a.literal if a.literal is not None else None)

    def when(self, branches: Sequence[tuple[exp.Expression, exp.Expression]],
             otherwise: exp.Expression) -> exp.Expression:
        return exp.Case(ifs=[exp.If(this=cond, true=value) for cond, value in branches],
                        default=otherwise)

    def isin(self, e: exp.Expression, values: Sequence[Any], kind: str,
             scale: int) -> exp.Expression:
        return exp.Paren(this=exp.In(this=_paren(e),
                                     expressions=[self.lit(v, kind, scale) for v in values]))

    def list_len(self, e: exp.Expression) -> exp.Expression:
        # Spark's SIZE(NULL) is -1: keep NULL
        return exp.Case(ifs=[exp.If(this=self.is_null(e), true=self.null("int"))],
                        default=_cast(exp.ArraySize(this=e), "BIGINT"))

    def str_nonempty(self, e: exp.Expression) -> exp.Expression:
        return exp.Paren(this=exp.GT(this=exp.Length(this=e), expression=exp.Literal.number(0)))

    def status(self, value: str | None) -> exp.Expression:
        if self.status_codes:
            return exp.Literal.number(STATUSES.index(value)) if value is not None \
                else self.null("int")
        return exp.Literal.string(value) if value is not None else self.null("str")

    def text(self, value: str | None) -> exp.Expression:
        return exp.Literal.string(value) if value is not None else self.null("str")

    def count_true(self, items: Sequence[exp.Expression]) -> exp.Expression:
        terms = [exp.Case(ifs=[exp.If(this=item, true=exp.Literal.number(1))],
                          default=exp.Literal.number(0)) for item in items]
        out: exp.Expression = terms[0]
        for term in terms[1:]:
            out = exp.Add(this=out, expression=term)
        return exp.Paren(this=out)

    def int_lit(self, value: int) -> exp.Expression:
        return exp.Literal.number(value)

    def first_non_null(self, items: Sequence[exp.Expression]) -> exp.Expression:
        if len(items) == 1:
            return items[0]
        return exp.Coalesce(this=items[0], expressions=list(items[1:]))


    def consecutive(self, code: exp.Expression, per: exp.Expression, order: exp.Expression,
                    count: int) -> exp.Expression:
        """The least ``code`` over the records of this ``per`` whose ``order`` is one of the
        ``count`` values up to this record's, 0 where one of those values has no record:
        one window per value, its frame the records exactly that far back."""
        bound = {name: e for name, e in self.bindings}

        def substitute(e: exp.Expression, parts: dict[str, exp.Expression]) -> exp.Expression:
            return e.transform(lambda node: parts[node.name].copy()
                               if isinstance(node, exp.Column) and node.name in parts else node)

        # a window is computed over the table, where bound conditions are not columns yet
        parts = {"__code": substitute(code, bound), "__per": substitute(per, bound),
                 "__order": substitute(order, bound)}
        steps: list[exp.Expression] = []
        for back in range(count):
            edge = "CURRENT ROW" if back == 0 else f"{back} PRECEDING"
            template = sqlglot.parse_one(
                f"MIN(__code) OVER (PARTITION BY __per ORDER BY __order "
                f"RANGE BETWEEN {edge} AND {edge})", dialect="duckdb")
            window = substitute(cast(exp.Expression, template), parts)
            steps.append(exp.Coalesce(this=window, expressions=[exp.Literal.number(0)]))
        if len(steps) == 1:
            return steps[0]
        return exp.Least(this=steps[0], expressions=steps[1:])

    # grouped rules
    def ref(self, name: str) -> exp.Expression:
        return exp.Column(this=exp.to_identifier(name, quoted=True))

    def row_index(self, odd: bool) -> exp.Expression:
        """2 × the record's position (+1): the first failing record decides an aggregate.

        Without an order column every position is 0, so an unknown item wins over an
        undefined one (the reference takes whichever record comes first)."""
        if self.order is None:
            return exp.Literal.number(int(odd))
        position = exp.Mul(this=_cast(self.ref(self.order), "BIGINT"),
                           expression=exp.Literal.number(2))
        return exp.Paren(this=exp.Add(this=position, expression=exp.Literal.number(int(odd))))

    def to_int(self, n: Num) -> exp.Expression:
        if n.kind == "int" or n.scale == 0:
            return _cast(n.v, "DECIMAL(38, 0)")
        factor = exp.Literal.number(10 ** n.scale)
        return _cast(exp.Paren(this=exp.Mul(this=_paren(n.v), expression=factor)),
                     "DECIMAL(38, 0)")

    def floordiv(self, a: exp.Expression, b: exp.Expression) -> exp.Expression:
        """⌊a / b⌋ of integers a ≥ 0, b > 0, exactly, as DECIMAL(38, 0)."""
        if self.dialect == "duckdb":
            quotient = exp.IntDiv(this=_cast(a, "INT128"), expression=_cast(b, "INT128"))
            return _cast(exp.Paren(this=quotient), "DECIMAL(38, 0)")
        # Spark: a decimal quotient keeps 6 digits, rounded; the remainder corrects it
        rounded = _cast(exp.Floor(this=exp.Div(this=_paren(a), expression=_paren(b))),
                        "DECIMAL(38, 0)")
        remainder = exp.Sub(this=_paren(a), expression=exp.Mul(this=rounded,
                                                               expression=_paren(b)))
        return exp.Case(ifs=[exp.If(this=exp.LT(this=exp.Paren(this=remainder),
                                                expression=exp.Literal.number(0)),
                                    true=exp.Sub(this=rounded,
                                                 expression=exp.Literal.number(1)))],
                        default=rounded)

    def key_text(self, e: exp.Expression, kind: str) -> exp.Expression:
        if kind == "bool":
            return exp.Case(ifs=[exp.If(this=e, true=exp.Literal.string("True")),
                                 exp.If(this=exp.Not(this=_paren(e)),
                                        true=exp.Literal.string("False"))],
                            default=exp.Literal.string("None"))
        return exp.Coalesce(this=_cast(e, "VARCHAR"), expressions=[exp.Literal.string("None")])

    def concat(self, items: Sequence[exp.Expression]) -> exp.Expression:
        return exp.Concat(expressions=list(items))

    def agg(self, column: AggColumn) -> exp.Expression:
        if column.func == "count":
            return exp.Count(this=exp.Star())
        e = column.expr
        if column.kind == "dec":
            e = _cast(e, f"DECIMAL(38, {column.scale})")
        functions: dict[str, type[exp.Expression]] = {"sum": exp.Sum, "min": exp.Min,
                                                      "max": exp.Max}
        return functions[column.func](this=e)


class SqlFixedAlgebra(SqlAlgebra):
    """Exact numbers as scaled ``BIGINT``s (value × 10**scale), as one writes SQL by hand.

    DuckDB raises on an integer overflow instead of wrapping, so a query compiled this way
    is either exact or fails (values beyond what 64 bits hold, far outside the fact model's
    bounds): the caller then runs the ``DECIMAL`` query of :class:`SqlAlgebra`.
    """

    def column(self, spec: ColumnSpec) -> exp.Expression:
        column: exp.Expression = exp.Column(this=exp.to_identifier(spec.name, quoted=True))
        if spec.kind == "dec":
            if spec.scale:
                column = exp.Mul(this=column, expression=exp.Literal.number(10 ** spec.scale))
            return _cast(exp.Paren(this=column), "BIGINT")
        return column

    def null(self, kind: str) -> exp.Expression:
        return _cast(exp.Null(), "BIGINT") if kind == "dec" else super().null(kind)

    def lit(self, value: Any, kind: str, scale: int) -> exp.Expression:
        if kind == "dec":
            unscaled = int(Decimal(value).scaleb(scale))
            number = exp.Literal.number(abs(unscaled))
            return exp.Neg(this=number) if unscaled < 0 else number
        return super().lit(value, kind, scale)

    def _align(self, n: Num, scale: int) -> exp.Expression:
        if n.scale == scale:
            return cast(exp.Expression, n.v)
        return exp.Paren(this=exp.Mul(this=_paren(n.v),
                                      expression=exp.Literal.number(10 ** (scale - n.scale))))

    def _combine(self, a: Num, b: Num, cls: type[exp.Expression]) -> Num:
        scale = max(a.scale, b.scale)
        value = exp.Paren(this=cls(this=_paren(self._align(a, scale)),
                                   expression=_paren(self._align(b, scale))))
        return Num(value, "int" if a.kind == b.kind == "int" else "dec", scale)

    def mul(self, a: Num, b: Num) -> Num:
        if a.literal == 1 and a.kind == "int":
            return b
        if b.literal == 1 and b.kind == "int":
            return a
        value = exp.Paren(this=exp.Mul(this=_paren(a.v), expression=_paren(b.v)))
        return Num(value, "int" if a.kind == b.kind == "int" else "dec", a.scale + b.scale)

    def compare_num(self, op: CompareOp, a: Num, b: Num) -> exp.Expression:
        scale = max(a.scale, b.scale)
        return self.compare(op, self._align(a, scale), self._align(b, scale))
