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

Grouped rules: :func:`compile_group_sql` gives one ``SELECT`` (``GROUP BY`` per distinct
``group_by``, then a portable unpivot) with one row per rule and group — ``rule``, ``group``,
``status`` — in exact ``DECIMAL(38, 0)`` integers (a coefficient of variation is compared
squared, never as a float); a ``NULL`` status marks the rare group that needs the exact check
(:func:`xuequ_rules.engines.polars_backend.decide_group`). :func:`evaluate_duckdb_groups`
runs it on DuckDB and does that check.
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

from xuequ_rules.engines._schema import (
    DEFAULT_SCALE,
    ColumnSpec,
    collection_columns,
    normalize_collection,
    subject_rules,
)
from xuequ_rules.engines.columns import (
    ERRORS_COLUMN,
    GROUP_REF,
    RULE_COLUMN,
    STATUS_COLUMN,
    STATUSES,
    AggColumn,
    GroupBatch,
    GroupedPlan,
    Num,
    PolicyPlan,
    compile_grouped,
    compile_policy,
    decision_column,
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


def _identifier(name: str) -> exp.Identifier:
    return exp.to_identifier(name, quoted=True)


def default_columns(policy: Policy, collection: str,
                    scale: int = DEFAULT_SCALE) -> dict[str, ColumnSpec]:
    """The collection's columns as the model defines them (decimals with ``scale`` digits)."""
    collection = normalize_collection(collection)
    specs = collection_columns(collection, subject_rules(policy.rules, collection),
                               policy.facts_model)
    return {name: (ColumnSpec(**{**_spec_dict(spec), "scale": scale})
                   if spec.kind == "dec" else spec) for name, spec in specs.items()}


def _spec_dict(spec: ColumnSpec) -> dict[str, Any]:
    return {"name": spec.name, "kind": spec.kind, "ge": spec.ge, "le": spec.le,
            "enum": spec.enum, "nested": spec.nested, "scale": spec.scale}


def compile_plan(policy: Policy, collection: str, as_of: dt.date | None = None,
                 columns: dict[str, ColumnSpec] | None = None, *,
                 status_codes: bool = False, bind: bool = True,
                 what_if: bool = False) -> PolicyPlan:
    cols = columns if columns is not None else default_columns(policy, collection)
    algebra = SqlAlgebra(status_codes=status_codes, bind=bind)
    plan = compile_policy(policy, collection, algebra, as_of, cols, what_if=what_if)
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
                decisions: bool = True, pretty: bool = False, what_if: bool = False) -> str:
    """SQL computing every rule's status per row of the table ``source``.

    ``columns`` are the table's columns (default: every model field, decimals with
    :data:`DEFAULT_SCALE` digits); a field not among them reads as unknown.
    """
    if dialect not in DIALECTS:
        raise ValueError(f"dialect must be one of {DIALECTS}")
    plan = compile_plan(policy, collection, as_of, columns, what_if=what_if)
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
                               subject_rules(policy.rules, normalize_collection(collection)),
                               policy.facts_model)
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
                    keep: Iterable[str] = ("id",), decisions: bool = True,
                    what_if: bool = False) -> Any:
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
        plan = compile_plan(policy, collection, as_of, columns, what_if=what_if)
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


# ── grouped rules ──────────────────────────────────────────────────────────────

ROW_ORDER = "__row__"


def compile_group_plan(policy: Policy, collection: str, as_of: dt.date | None = None,
                       columns: dict[str, ColumnSpec] | None = None, *,
                       dialect: str = "duckdb", order: str | None = None,
                       what_if: bool = False) -> GroupedPlan:
    cols = columns if columns is not None else default_columns(policy, collection)
    return compile_grouped(policy, collection,
                           SqlAlgebra(bind=False, dialect=dialect, order=order),
                           SqlAlgebra(bind=True, dialect=dialect), as_of, cols,
                           what_if=what_if)


def group_batch_select(batch: GroupBatch, source: exp.Expression | str) -> exp.Select:
    """One row per group: the keys, ``group`` (its name) and one status column per rule.

    A status is ``NULL`` where the engine's integers cannot decide a coefficient of variation
    that lies within 10**-6 of its limit: decide that group with the reference evaluator.
    """
    algebra = SqlAlgebra(bind=False)
    table = exp.to_table(source) if isinstance(source, str) else source
    keys = [exp.Column(this=_identifier(k)) for k in batch.keys]
    terms = exp.select(exp.Star(), *(exp.Alias(this=e, alias=_identifier(name))
                                     for name, e in batch.records), copy=False).from_(
        table, copy=False)
    aggs = [exp.Alias(this=algebra.agg(c), alias=_identifier(c.name)) for c in batch.aggs]
    grouped = exp.select(*keys, *aggs, copy=False).from_(
        terms.subquery("facts_with_terms", copy=False), copy=False)
    if batch.keys:
        grouped = grouped.group_by(*(k.copy() for k in keys), copy=False)
    else:   # the reference has no group without records
        grouped = grouped.having(exp.GT(this=exp.Count(this=exp.Star()),
                                        expression=exp.Literal.number(0)), copy=False)
    source_groups = grouped.subquery("groups", copy=False)
    # parts computed once per group, in as many levels as they depend on each other
    level: dict[str, int] = {}
    for name, e in batch.bindings:
        text = e.sql()
        level[name] = 1 + max((level[other] for other in level if f'"{other}"' in text),
                              default=0)
    for depth in range(1, max(level.values(), default=0) + 1):
        columns = [exp.Alias(this=e, alias=_identifier(name)) for name, e in batch.bindings
                   if level[name] == depth]
        source_groups = exp.select(exp.Star(), *columns, copy=False).from_(
            source_groups, copy=False).subquery(f"groups{depth}", copy=False)
    projections: list[exp.Expression] = [*(k.copy() for k in keys), exp.Alias(this=batch.ref,
                                                          alias=_identifier(GROUP_REF))]
    projections.extend(exp.Alias(this=r.status, alias=_identifier(r.rule.id))
                       for r in batch.rules)
    return exp.select(*projections, copy=False).from_(source_groups, copy=False)


def compile_group_sql(policy: Policy, collection: str, as_of: dt.date | None = None, *,
                      dialect: str = "duckdb", source: str = "facts",
                      columns: dict[str, ColumnSpec] | None = None,
                      order: str | None = None, pretty: bool = False,
                      what_if: bool = False) -> str:
    """SQL giving one row per grouped rule and group: ``rule``, ``group``, ``status``.

    ``order`` names a column giving the records' order (the reference decides a group with
    both an unknown and an undefined item by the first such record; without it, unknown
    wins). A ``NULL`` status asks for the exact check (see :func:`group_batch_select`); a
    rule out of its period has one row with group ``''``. An empty table gives no rows
    (the reference: one undetermined finding ``subject[]``).
    """
    if dialect not in DIALECTS:
        raise ValueError(f"dialect must be one of {DIALECTS}")
    plan = compile_group_plan(policy, collection, as_of, columns, dialect=dialect, order=order,
                              what_if=what_if)
    selects: list[exp.Select] = []
    for i, batch in enumerate(plan.batches):
        # each batch is aggregated once, then crossed with its rules' names (a portable unpivot)
        inner = group_batch_select(batch, source).subquery(f"batch{i}", copy=False)
        names = exp.Values(expressions=[exp.Tuple(expressions=[exp.Literal.string(r.rule.id)])
                                        for r in batch.rules],
                           alias=exp.TableAlias(this=_identifier(f"rules{i}"),
                                                columns=[_identifier(RULE_COLUMN)]))
        rule_column = exp.Column(this=_identifier(RULE_COLUMN), table=_identifier(f"rules{i}"))
        pick = exp.Case(ifs=[exp.If(this=exp.EQ(this=rule_column.copy(),
                                                expression=exp.Literal.string(r.rule.id)),
                                    true=exp.Column(this=_identifier(r.rule.id),
                                                    table=_identifier(f"batch{i}")))
                             for r in batch.rules])
        selects.append(exp.select(
            exp.Alias(this=rule_column, alias=_identifier(RULE_COLUMN)),
            exp.Column(this=_identifier(GROUP_REF), table=_identifier(f"batch{i}")),
            exp.Alias(this=pick, alias=_identifier(STATUS_COLUMN)), copy=False)
            .from_(inner, copy=False).join(names, join_type="cross", copy=False))
    for rule, status in plan.whole:
        selects.append(exp.select(
            exp.Alias(this=exp.Literal.string(rule.id), alias=_identifier(RULE_COLUMN)),
            exp.Alias(this=exp.Literal.string(""), alias=_identifier(GROUP_REF)),
            exp.Alias(this=exp.Literal.string(status), alias=_identifier(STATUS_COLUMN))))
    if not selects:
        raise ValueError(f"{policy.ref} has no grouped rule about {collection or 'scenario'} "
                         "that SQL computes")
    query: exp.Expression = selects[0]
    for select in selects[1:]:
        query = exp.Union(this=query, expression=select, distinct=False)
    return query.sql(dialect=dialect, pretty=pretty)


_SOURCE_MARK = "__xuequ_source__"
_GROUP_SQL: dict[tuple[Any, ...], tuple[Policy, GroupedPlan, list[str]]] = {}


def _group_queries(policy: Policy, collection: str, as_of: dt.date,
                   columns: dict[str, ColumnSpec], what_if: bool = False
                   ) -> tuple[GroupedPlan, list[str]]:
    """The per-batch DuckDB queries (cached per policy, date, what-if and table columns)."""
    key = (id(policy), collection, as_of, what_if, tuple(sorted(
        (name, spec.kind, spec.scale) for name, spec in columns.items())))
    cached = _GROUP_SQL.get(key)
    if cached is not None and cached[0] is policy:
        return cached[1], cached[2]
    plan = compile_group_plan(policy, collection, as_of, columns, order=ROW_ORDER,
                              what_if=what_if)
    queries = [group_batch_select(batch, _SOURCE_MARK).sql(dialect="duckdb")
               for batch in plan.batches]
    if len(_GROUP_SQL) > 64:
        _GROUP_SQL.clear()
    _GROUP_SQL[key] = (policy, plan, queries)
    return plan, queries


def evaluate_duckdb_groups(policy: Policy, collection: str, data: Any,
                           as_of: dt.date | None = None, *, con: Any = None,
                           what_if: bool = False) -> Any:
    """The grouped rules on DuckDB: a polars DataFrame like ``evaluate_groups``'s."""
    import duckdb
    import polars as pl

    from xuequ_rules.engines.polars_backend import (
        GROUP_SCHEMA,
        STATUS_DTYPE,
        decide_group,
        grouped_rule_ids,
        prepare_frame,
        reference_groups,
        scan_file,
        with_group_keys,
    )

    collection = normalize_collection(collection)
    date = as_of or dt.date.today()
    connection = con if con is not None else duckdb.connect()
    if isinstance(data, str | Path):
        data = scan_file(Path(data), collection, policy)
    lf, columns = prepare_frame(data, collection, policy)
    lf, _ = with_group_keys(lf, columns, policy, collection)
    lf = lf.with_row_index(ROW_ORDER)
    parts: list[Any] = []
    with tempfile.TemporaryDirectory(prefix="xuequ-duckdb-") as tmp:
        target = Path(tmp) / "facts.parquet"
        lf.sink_parquet(target)
        relation = f"read_parquet('{_quote(target)}')"
        table_columns = duckdb_columns(connection, relation, policy, collection)
        plan, queries = _group_queries(policy, collection, date, table_columns, what_if)
        counted = connection.execute(f"SELECT COUNT(*) FROM {relation}").fetchone()
        rows = int(counted[0]) if counted is not None else 0
        records = pl.scan_parquet(target)
        for batch, query in zip(plan.batches, queries, strict=True):
            sql = query.replace(_SOURCE_MARK, relation)
            try:
                cursor = connection.execute(sql)
            except (duckdb.OutOfRangeException, duckdb.ConversionException):
                # a number beyond 38 digits: the reference evaluator judges these rules
                parts.append(reference_groups(policy, [r.rule for r in batch.rules],
                                              collection, records, date, what_if=what_if))
                continue
            names = [d[0] for d in cursor.description]
            wide = pl.DataFrame(cursor.fetchall(), schema=names, orient="row",
                                infer_schema_length=None)
            for r in batch.rules:
                values = wide[r.rule.id].to_list()
                for i, value in enumerate(values):
                    if value is None:
                        key = {k: wide[k][i] for k in batch.keys}
                        values[i] = decide_group(policy, r.rule, collection, records, key,
                                                 wide[GROUP_REF][i], date, what_if=what_if)
                parts.append(pl.DataFrame({RULE_COLUMN: [r.rule.id] * len(values),
                                           GROUP_REF: wide[GROUP_REF].to_list(),
                                           STATUS_COLUMN: values}, schema=GROUP_SCHEMA))
                if rows == 0:
                    parts.append(pl.DataFrame({RULE_COLUMN: [r.rule.id],
                                               GROUP_REF: [f"{collection}[]"],
                                               STATUS_COLUMN: ["undetermined"]},
                                              schema=GROUP_SCHEMA))
    for rule, status in plan.whole:
        parts.append(pl.DataFrame({RULE_COLUMN: [rule.id], GROUP_REF: [""],
                                   STATUS_COLUMN: [status]}, schema=GROUP_SCHEMA))
    if not parts:
        return pl.DataFrame(schema=GROUP_SCHEMA)
    order = {rule_id: i for i, rule_id in enumerate(grouped_rule_ids(policy, collection))}
    out = pl.concat(parts).with_columns(pl.col(STATUS_COLUMN).cast(STATUS_DTYPE))
    return out.with_columns(pl.col(RULE_COLUMN).replace_strict(order, return_dtype=pl.Int64)
                            .alias("__order")).sort("__order", maintain_order=True).drop("__order")
