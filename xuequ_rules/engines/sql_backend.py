"""Compile a policy's rules to SQL with sqlglot (DuckDB, Spark), run them on DuckDB.

>>> sql = compile_sql(policy, "teacher_exchanges", as_of, dialect="spark",
...                   source="warehouse.teacher_exchanges")
>>> result = evaluate_duckdb(policy, "teacher_exchanges", frame_or_parquet_path, as_of)

One ``SELECT`` gives the ``id``, one status column per rule (named by the rule id) and
``<rule id>#decision`` columns. Unknown is SQL ``NULL`` (Kleene ``AND``/``OR`` are SQL's own);
*undefined* (x/0) travels as a separate never-null flag; numbers are exact ``DECIMAL``s —
quotients are never computed, they are compared by cross-multiplication — and products of
two integers are widened to ``DECIMAL(38, 0)`` so nothing overflows.

Spark: literals and columns are given the narrowest decimal types, so Spark's precision rules
keep every digit for the sizes of the fact model (≤ 10**12); ``SIZE(NULL)`` is guarded.
"""

from __future__ import annotations

import datetime as dt
import tempfile
from collections.abc import Iterable, Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any, cast

import sqlglot
from sqlglot import exp

from xuequ_rules.engines._core import (
    ERRORS_COLUMN,
    STATUSES,
    Num,
    PolicyPlan,
    compile_policy,
    decision_column,
)
from xuequ_rules.engines._schema import (
    DEFAULT_SCALE,
    ColumnSpec,
    collection_columns,
    normalize_collection,
    subject_rules,
)
from xuequ_rules.policy.expr import CompareOp
from xuequ_rules.policy.policy import Policy

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
    """Builds sqlglot expressions for :mod:`xuequ_rules.engines._core`.

    Each rule's conditions are bound to columns of an inner ``SELECT`` (``__c0``, …) so the
    outer ``CASE`` reads them instead of recomputing them in every branch.
    """

    def __init__(self, *, status_codes: bool = False, bind: bool = True) -> None:
        self.bindings: list[tuple[str, exp.Expression]] = []
        self._by_sql: dict[str, str] = {}
        self.status_codes = status_codes     # statuses as 0…3 (for counting) not text
        self.binds = bind

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


def _identifier(name: str) -> exp.Identifier:
    return exp.to_identifier(name, quoted=True)


def default_columns(policy: Policy, collection: str,
                    scale: int = DEFAULT_SCALE) -> dict[str, ColumnSpec]:
    """The collection's columns as the model defines them (decimals with ``scale`` digits)."""
    collection = normalize_collection(collection)
    specs = collection_columns(collection, subject_rules(policy.rules, collection))
    return {name: (ColumnSpec(**{**_spec_dict(spec), "scale": scale})
                   if spec.kind == "dec" else spec) for name, spec in specs.items()}


def _spec_dict(spec: ColumnSpec) -> dict[str, Any]:
    return {"name": spec.name, "kind": spec.kind, "ge": spec.ge, "le": spec.le,
            "enum": spec.enum, "nested": spec.nested, "scale": spec.scale}


def compile_plan(policy: Policy, collection: str, as_of: dt.date | None = None,
                 columns: dict[str, ColumnSpec] | None = None, *,
                 status_codes: bool = False, bind: bool = True) -> PolicyPlan:
    cols = columns if columns is not None else default_columns(policy, collection)
    algebra = SqlAlgebra(status_codes=status_codes, bind=bind)
    plan = compile_policy(policy, collection, algebra, as_of, cols)
    plan.bindings = algebra.bindings
    return plan


def select_expression(plan: PolicyPlan, source: exp.Expression | str, *,
                      keep: Iterable[str] = ("id",), decisions: bool = True) -> exp.Select:
    """The ``SELECT`` computing every status column from ``source`` (a table or subquery)."""
    projections: list[exp.Expression] = [exp.Column(this=_identifier(name)) for name in keep]
    for rule in plan.rules:
        projections.append(exp.Alias(this=rule.status, alias=_identifier(rule.rule.id)))
    if decisions:
        for rule in plan.rules:
            if rule.decision is not None:
                projections.append(exp.Alias(this=rule.decision,
                                             alias=_identifier(decision_column(rule.rule.id))))
    if plan.errors is not None:
        projections.append(exp.Alias(this=plan.errors, alias=_identifier(ERRORS_COLUMN)))
    table = exp.to_table(source) if isinstance(source, str) else source
    bindings = plan.bindings
    if bindings:
        inner = exp.select(exp.Star(), *(exp.Alias(this=e, alias=_identifier(name))
                                          for name, e in bindings)).from_(table)
        table = inner.subquery("facts_with_conditions")
    return exp.select(*projections).from_(table)


def compile_sql(policy: Policy, collection: str, as_of: dt.date | None = None, *,
                dialect: str = "duckdb", source: str = "facts",
                columns: dict[str, ColumnSpec] | None = None, keep: Iterable[str] = ("id",),
                decisions: bool = True, pretty: bool = False) -> str:
    """SQL computing every rule's status per row of the table ``source``.

    ``columns`` are the table's columns (default: every model field, decimals with
    :data:`DEFAULT_SCALE` digits); a field not among them reads as unknown.
    """
    if dialect not in DIALECTS:
        raise ValueError(f"dialect must be one of {DIALECTS}")
    plan = compile_plan(policy, collection, as_of, columns)
    kept = [name for name in keep if name in plan.columns]
    return select_expression(plan, source, keep=kept, decisions=decisions).sql(
        dialect=dialect, pretty=pretty)


# ── DuckDB ─────────────────────────────────────────────────────────────────────

def _duckdb_kind(type_name: str) -> tuple[str, int] | None:
    name = type_name.upper()
    if name.startswith("DECIMAL"):
        scale = int(name.split(",")[1].rstrip(") "))
        return "dec", scale
    if name in ("BIGINT", "INTEGER", "SMALLINT", "TINYINT", "HUGEINT", "UBIGINT", "UINTEGER",
                "USMALLINT", "UTINYINT"):
        return "int", 0
    if name == "BOOLEAN":
        return "bool", 0
    if name == "VARCHAR" or name.startswith("ENUM"):
        return "str", 0
    if name == "DATE":
        return "date", 0
    if name.endswith("[]"):
        return "list", 0
    return None


def duckdb_columns(con: Any, relation: str, policy: Policy,
                   collection: str) -> dict[str, ColumnSpec]:
    """The model columns present in a DuckDB relation, with their decimal scales."""
    specs = collection_columns(normalize_collection(collection),
                               subject_rules(policy.rules, normalize_collection(collection)))
    out: dict[str, ColumnSpec] = {}
    for name, type_name, *_ in con.execute(f"DESCRIBE SELECT * FROM {relation}").fetchall():
        spec = specs.get(name)
        found = _duckdb_kind(str(type_name))
        if spec is None or found is None:
            continue
        kind, scale = found
        if spec.kind == "dec" and kind in ("dec", "int"):
            spec = ColumnSpec(**{**_spec_dict(spec), "scale": scale})
        elif spec.kind == "records" or kind == spec.kind:
            pass
        else:
            raise TypeError(f"column {name}: {type_name} does not fit a {spec.kind} field")
        out[name] = spec
    return out


def _source_relation(data: Any, policy: Policy, collection: str,
                     workdir: Path) -> str:
    """A DuckDB relation for a polars frame, or a Parquet / CSV path."""
    from xuequ_rules.engines.polars_backend import prepare_frame

    if isinstance(data, str | Path):
        path = Path(data)
        if path.suffix.lower() in (".parquet", ".pq"):
            return f"read_parquet('{_quote(path)}')"
        from xuequ_rules.engines.polars_backend import scan_file

        data = scan_file(path, collection, policy)
    lf, _ = prepare_frame(data, collection, policy)
    target = workdir / "facts.parquet"
    lf.sink_parquet(target)
    return f"read_parquet('{_quote(target)}')"


def _quote(path: Path) -> str:
    return str(path).replace("'", "''")


def evaluate_duckdb(policy: Policy, collection: str, data: Any,
                    as_of: dt.date | None = None, *, con: Any = None,
                    keep: Iterable[str] = ("id",), decisions: bool = True) -> Any:
    """Run the compiled SQL on DuckDB over a polars frame or a Parquet/CSV file.

    Returns a polars DataFrame shaped like :func:`polars_backend.evaluate_frame`'s result
    (statuses as an ``Enum``), raising :class:`RuleConflictError` where the reference would.
    """
    import duckdb
    import polars as pl

    from xuequ_rules.engines.polars_backend import STATUS_DTYPE, check_conflicts

    connection = con if con is not None else duckdb.connect()
    with tempfile.TemporaryDirectory(prefix="xuequ-duckdb-") as tmp:
        workdir = Path(tmp)
        relation = _source_relation(data, policy, collection, workdir)
        columns = duckdb_columns(connection, relation, policy, collection)
        plan = compile_plan(policy, collection, as_of, columns)
        names = {row[0] for row in
                 connection.execute(f"DESCRIBE SELECT * FROM {relation}").fetchall()}
        kept = [name for name in keep if name in names]
        query = select_expression(plan, relation_expression(relation), keep=kept,
                                  decisions=decisions).sql(dialect="duckdb")
        out = workdir / "statuses.parquet"
        connection.execute(f"COPY ({query}) TO '{_quote(out)}' (FORMAT parquet)")
        result = pl.read_parquet(out)
    statuses = [rule.rule.id for rule in plan.rules]
    result = result.with_columns([pl.col(name).cast(STATUS_DTYPE) for name in statuses])
    return check_conflicts(result)


def relation_expression(relation: str) -> exp.Expression:
    found = sqlglot.parse_one(f"SELECT * FROM {relation}", read="duckdb").find(exp.From)
    assert found is not None
    return cast(exp.Expression, found.this)


def duckdb_status_counts(policy: Policy, collection: str, relation: str,
                         as_of: dt.date | None = None, *,
                         con: Any, bind: bool = True) -> dict[str, dict[str, int]]:
    """Count statuses per rule inside DuckDB over ``relation`` (e.g. ``read_parquet('…')``)."""
    from xuequ_rules.errors import RuleConflictError

    columns = duckdb_columns(con, relation, policy, collection)
    plan = compile_plan(policy, collection, as_of, columns, status_codes=True, bind=bind)
    inner = select_expression(plan, relation_expression(relation), keep=(),
                              decisions=False).subquery("statuses")
    sums: list[exp.Expression] = []
    keys: list[tuple[str, str]] = []
    for rule in plan.rules:
        for status in STATUSES:
            keys.append((rule.rule.id, status))
            hit = exp.Case(ifs=[exp.If(this=exp.EQ(
                this=exp.Column(this=_identifier(rule.rule.id)),
                expression=exp.Literal.number(STATUSES.index(status))),
                true=exp.Literal.number(1))],
                default=exp.Literal.number(0))
            sums.append(exp.Sum(this=hit))
    if plan.errors is not None:
        sums.append(exp.Max(this=exp.Column(this=_identifier(ERRORS_COLUMN))))
    row = con.execute(exp.select(*sums).from_(inner).sql(dialect="duckdb")).fetchone()
    if plan.errors is not None and row[-1] is not None:
        raise RuleConflictError(str(row[-1]), str(row[-1]), field=collection)
    counts: dict[str, dict[str, int]] = {}
    for (rule_id, status), value in zip(keys, row, strict=False):
        counts.setdefault(rule_id, {})[status] = int(value or 0)
    return counts
