"""A collection's rules as one SELECT statement in a dialect."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from sqlglot import exp

from xuequ_rules.engines._schema import (
    DEFAULT_SCALE,
    ColumnSpec,
    collection_columns,
    normalize_collection,
    spec_dict,
    subject_rules,
)
from xuequ_rules.engines.columns import (
    ERRORS_COLUMN,
    PolicyPlan,
    compile_constraints,
    compile_policy,
    decision_column,
)
from xuequ_rules.engines.sql.algebra import DIALECTS, SqlAlgebra, SqlFixedAlgebra
from xuequ_rules.facts.constraints import Constraint, constraint_error
from xuequ_rules.policy.policy import Policy


def identifier(name: str) -> exp.Identifier:
    return exp.to_identifier(name, quoted=True)


def default_columns(policy: Policy, collection: str,
                    scale: int = DEFAULT_SCALE) -> dict[str, ColumnSpec]:
    """The collection's columns as the model defines them (decimals with ``scale`` digits)."""
    collection = normalize_collection(collection)
    specs = collection_columns(collection, subject_rules(policy.rules, collection),
                               policy.facts_model)
    return {name: (ColumnSpec(**{**spec_dict(spec), "scale": scale})
                   if spec.kind == "dec" else spec) for name, spec in specs.items()}


def compile_plan(policy: Policy, collection: str, as_of: dt.date | None = None,
                 columns: dict[str, ColumnSpec] | None = None, *,
                 status_codes: bool = False, bind: bool = True,
                 what_if: bool = False, fixed: bool = False) -> PolicyPlan:
    """The collection's rules as sqlglot expressions: exact ``DECIMAL``s, or with ``fixed``
    scaled 64-bit integers (DuckDB; exact or an overflow error)."""
    cols = columns if columns is not None else default_columns(policy, collection)
    algebra = (SqlFixedAlgebra if fixed else SqlAlgebra)(status_codes=status_codes, bind=bind)
    plan = compile_policy(policy, collection, algebra, as_of, cols, what_if=what_if)
    plan.bindings = algebra.bindings
    return plan


def select_expression(plan: PolicyPlan, source: exp.Expression | str, *,
                      keep: Iterable[str] = ("id",), decisions: bool = True,
                      in_order: bool = True) -> exp.Select:
    """The ``SELECT`` computing every status column from ``source`` (a table or subquery);
    with ``in_order`` (a dialect whose tables have an order, e.g. DuckDB) in table order."""
    projections: list[exp.Expression] = [exp.Column(this=identifier(name)) for name in keep]
    for rule in plan.rules:
        projections.append(exp.Alias(this=rule.status, alias=identifier(rule.rule.id)))
    if decisions:
        for rule in plan.rules:
            if rule.decision is not None:
                projections.append(exp.Alias(this=rule.decision,
                                             alias=identifier(decision_column(rule.rule.id))))
    if plan.errors is not None:
        projections.append(exp.Alias(this=plan.errors, alias=identifier(ERRORS_COLUMN)))
    table = exp.to_table(source) if isinstance(source, str) else source
    bindings = plan.bindings
    # a window (a condition over consecutive records) may return the rows in another order:
    # they are numbered first and returned in table order
    ordered = in_order and any(e.find(exp.Window) for e in (*(e for _, e in bindings),
                                                *(rule.status for rule in plan.rules)))
    if ordered:
        table = exp.select(exp.Alias(this=exp.Window(this=exp.RowNumber()),
                                     alias=identifier(ROW_NUMBER)),
                           exp.Star()).from_(table).subquery("numbered_facts")
    if bindings:
        inner = exp.select(exp.Star(), *(exp.Alias(this=e, alias=identifier(name))
                                          for name, e in bindings)).from_(table)
        table = inner.subquery("facts_with_conditions")
    query = exp.select(*projections).from_(table)
    return query.order_by(exp.Column(this=identifier(ROW_NUMBER))) if ordered else query


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
    return select_expression(plan, source, keep=kept, decisions=decisions,
                             in_order=dialect == "duckdb").sql(dialect=dialect, pretty=pretty)


ROW_NUMBER = "__row__"
REFUSED = "__refused__"


def constraint_select(policy: Policy, collection: str, source: exp.Expression | str,
                      columns: dict[str, ColumnSpec] | None = None, *,
                      order: str | None = None) -> tuple[tuple[Constraint, ...], exp.Select]:
    """The cross-field constraints of the collection's records (e.g. rotated ≤ eligible) and
    the ``SELECT`` of the first row that violates one: its number from 0 (in table order, or
    by the column ``order`` where the dialect needs one, e.g. Spark) as ``__row__``, one
    flag ``__constraint_<i>`` per constraint, and the number of such rows as
    ``__refused__``. No row when every row satisfies them."""
    cols = columns if columns is not None else default_columns(policy, collection)
    table = exp.to_table(source) if isinstance(source, str) else source
    window = _row_number(order)
    checks = compile_constraints(policy, collection, SqlAlgebra(bind=False), cols)
    flags = [exp.Alias(this=exp.Coalesce(this=violated, expressions=[exp.false()]),
                       alias=identifier(f"__constraint_{i}"))
             for i, (_, violated) in enumerate(checks)]
    numbered = exp.select(
        exp.Alias(this=exp.Sub(this=window, expression=exp.Literal.number(1)),
                  alias=identifier(ROW_NUMBER)), exp.Star(), *flags).from_(table)
    any_flag = exp.or_(*(exp.Column(this=identifier(f"__constraint_{i}"))
                         for i in range(len(checks)))) if checks else exp.false()
    refused = exp.Alias(this=exp.Window(this=exp.Count(this=exp.Star())),
                        alias=identifier(REFUSED))
    query = (exp.select(exp.Star(), refused).from_(numbered.subquery("numbered"))
             .where(any_flag).order_by(exp.Column(this=identifier(ROW_NUMBER))).limit(1))
    return tuple(constraint for constraint, _ in checks), query


def compile_constraint_sql(policy: Policy, collection: str, *, dialect: str = "duckdb",
                           source: str = "facts", order: str | None = None
                           ) -> tuple[tuple[Constraint, ...], str]:
    """:func:`constraint_select` as text in ``dialect``; the row it returns is refused with
    :func:`refusal`."""
    if dialect not in DIALECTS:
        raise ValueError(f"dialect must be one of {DIALECTS}")
    constraints, query = constraint_select(policy, collection, source, order=order)
    return constraints, query.sql(dialect=dialect)


def refusal(collection: str, constraints: tuple[Constraint, ...],
            row: dict[str, Any]) -> Any:
    """The reference evaluator's :class:`FactsError` for the row a constraint query returned."""
    constraint = next(c for i, c in enumerate(constraints) if row[f"__constraint_{i}"])
    return constraint_error(collection, int(row[ROW_NUMBER]), constraint, row,
                            int(row[REFUSED]) - 1)


def invalid_value_checks(columns: dict[str, ColumnSpec]
                         ) -> tuple[tuple[str, ...], list[exp.Expression]]:
    """The columns checked and, per column, the never-null flag of a value the facts model
    refuses — the checks of the polars engine's ``validity_checks``: a number out of its
    bounds, a value outside its enumeration, an empty id."""
    algebra = SqlAlgebra(bind=False)
    names: list[str] = []
    checks: list[exp.Expression] = []
    for name, spec in columns.items():
        col = exp.Column(this=identifier(name))
        bad: list[Any] = []
        if spec.ge is not None:
            bad.append(exp.LT(this=col, expression=algebra.lit(spec.ge, spec.kind, spec.scale)))
        if spec.le is not None:
            bad.append(exp.GT(this=col, expression=algebra.lit(spec.le, spec.kind, spec.scale)))
        if spec.below is not None:    # a quantity's magnitude, where its bounds leave it open
            below = spec.below.quantize(Decimal(1).scaleb(-max(spec.scale, 0)))
            if spec.ge is None or spec.ge <= -below:
                bad.append(exp.LTE(this=col, expression=algebra.lit(-below, spec.kind,
                                                                    spec.scale)))
            if spec.le is None or spec.le >= below:
                bad.append(exp.GTE(this=col, expression=algebra.lit(below, spec.kind,
                                                                    spec.scale)))
        if spec.enum is not None:
            bad.append(exp.Not(this=exp.In(this=col, expressions=[
                exp.Literal.string(value) for value in spec.enum])))
        if name == "id":
            bad.append(exp.or_(exp.Is(this=col, expression=exp.Null()),
                               exp.EQ(this=exp.Length(this=col),
                                      expression=exp.Literal.number(0))))
        if bad:
            checks.append(exp.Coalesce(this=exp.or_(*bad), expressions=[exp.false()]))
            names.append(name)
    return tuple(names), checks


def _row_number(order: str | None) -> exp.Window:
    """``ROW_NUMBER()`` in table order, or by the column ``order`` (e.g. Spark)."""
    if order is None:
        return exp.Window(this=exp.RowNumber())
    return exp.Window(this=exp.RowNumber(), order=exp.Order(
        expressions=[exp.Ordered(this=exp.Column(this=identifier(order)))]))


def invalid_value_select(collection: str, columns: dict[str, ColumnSpec],
                         source: exp.Expression | str, *, order: str | None = None
                         ) -> tuple[tuple[str, ...], exp.Select]:
    """The columns checked and the ``SELECT`` of the first row (in table order, or by the
    column ``order``) holding a value the facts model refuses (:func:`invalid_value_checks`),
    with one flag ``__invalid_<i>`` per checked column."""
    table = exp.to_table(source) if isinstance(source, str) else source
    names, checks = invalid_value_checks(columns)
    flags = [exp.Alias(this=check, alias=identifier(f"__invalid_{i}"))
             for i, check in enumerate(checks)]
    window = _row_number(order)
    numbered = exp.select(exp.Alias(this=exp.Sub(this=window, expression=exp.Literal.number(1)),
                                    alias=identifier(ROW_NUMBER)),
                          exp.Star(), *flags).from_(table)
    any_flag = exp.or_(*(exp.Column(this=identifier(f"__invalid_{i}"))
                         for i in range(len(names)))) if names else exp.false()
    query = (exp.select(exp.Star()).from_(numbered.subquery("numbered")).where(any_flag)
             .order_by(exp.Column(this=identifier(ROW_NUMBER))).limit(1))
    return tuple(names), query


def refused_any_select(checks: list[exp.Expression], source: exp.Expression | str) -> exp.Select:
    """One row, one never-null boolean: whether some row of ``source`` raises one of the
    ``checks`` (a single scan, no ordering: the first such row is looked for only then)."""
    table = exp.to_table(source) if isinstance(source, str) else source
    found = exp.func("bool_or", exp.or_(*checks)) if checks else exp.false()
    return exp.select(exp.Coalesce(this=found, expressions=[exp.false()])).from_(table)
