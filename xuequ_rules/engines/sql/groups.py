"""Grouped rules as SQL: per-group statements, run on DuckDB."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from sqlglot import exp

from xuequ_rules.engines._schema import (
    ColumnSpec,
    normalize_collection,
)
from xuequ_rules.engines.columns import (
    GROUP_REF,
    RULE_COLUMN,
    STATUS_COLUMN,
    GroupBatch,
    GroupedPlan,
    compile_grouped,
)
from xuequ_rules.engines.sql.algebra import DIALECTS, SqlAlgebra
from xuequ_rules.engines.sql.on_duckdb import SOURCE_MARK, duckdb_columns, registered
from xuequ_rules.engines.sql.record_terms import DuckDBRecordAlgebra
from xuequ_rules.engines.sql.statements import default_columns, identifier
from xuequ_rules.policy.policy import Policy

# ── grouped rules ──────────────────────────────────────────────────────────────

ROW_ORDER = "__row__"


def compile_group_plan(policy: Policy, collection: str, as_of: dt.date | None = None,
                       columns: dict[str, ColumnSpec] | None = None, *,
                       dialect: str = "duckdb", order: str | None = None,
                       what_if: bool = False) -> GroupedPlan:
    """The grouped rules as sqlglot expressions; on DuckDB each batch's record columns
    start with the integer terms they read (:class:`DuckDBRecordAlgebra`)."""
    cols = columns if columns is not None else default_columns(policy, collection)
    if dialect != "duckdb":
        return compile_grouped(policy, collection,
                               SqlAlgebra(bind=False, dialect=dialect, order=order),
                               SqlAlgebra(bind=True, dialect=dialect), as_of, cols,
                               what_if=what_if)
    records = DuckDBRecordAlgebra(order=order)
    plan = compile_grouped(policy, collection, records, SqlAlgebra(bind=True, dialect=dialect),
                           as_of, cols, what_if=what_if)
    for batch in plan.batches:
        text = " ".join(e.sql() for _, e in batch.records)
        for name, e in reversed(records.terms):     # a term reads only earlier terms
            if f'"{name}"' in text:
                text += " " + e.sql()
        batch.records[:0] = [(name, e) for name, e in records.terms if f'"{name}"' in text]
    return plan


def _levels(columns: list[tuple[str, exp.Expression]]) -> dict[str, int]:
    """Each column's depth: 1 + the deepest of the columns (of the list) it reads."""
    level: dict[str, int] = {}
    for name, e in columns:
        text = e.sql()
        level[name] = 1 + max((level[other] for other in level if f'"{other}"' in text),
                              default=0)
    return level


def group_batch_select(batch: GroupBatch, source: exp.Expression | str) -> exp.Select:
    """One row per group: the keys, ``group`` (its name) and one status column per rule.

    A status is ``NULL`` where the engine's integers cannot decide a coefficient of variation
    that lies within 10**-6 of its limit: decide that group with the reference evaluator.
    """
    algebra = SqlAlgebra(bind=False)
    table = exp.to_table(source) if isinstance(source, str) else source
    keys = [exp.Column(this=identifier(k)) for k in batch.keys]
    # the per-record columns, in as many levels as they read each other
    depths = _levels(batch.records)
    terms = exp.select(exp.Star(), copy=False).from_(table, copy=False)
    for depth in range(1, max(depths.values(), default=0) + 1):
        source_terms = table if depth == 1 else terms.subquery(f"facts{depth - 1}", copy=False)
        terms = exp.select(exp.Star(), *(exp.Alias(this=e, alias=identifier(name))
                                         for name, e in batch.records if depths[name] == depth),
                           copy=False).from_(source_terms, copy=False)
    aggs = [exp.Alias(this=algebra.agg(c), alias=identifier(c.name)) for c in batch.aggs]
    grouped = exp.select(*keys, *aggs, copy=False).from_(
        terms.subquery("facts_with_terms", copy=False), copy=False)
    if batch.keys:
        grouped = grouped.group_by(*(k.copy() for k in keys), copy=False)
    else:   # the reference has no group without records
        grouped = grouped.having(exp.GT(this=exp.Count(this=exp.Star()),
                                        expression=exp.Literal.number(0)), copy=False)
    source_groups = grouped.subquery("groups", copy=False)
    # parts computed once per group, in as many levels as they depend on each other
    level = _levels(batch.bindings)
    for depth in range(1, max(level.values(), default=0) + 1):
        columns = [exp.Alias(this=e, alias=identifier(name)) for name, e in batch.bindings
                   if level[name] == depth]
        source_groups = exp.select(exp.Star(), *columns, copy=False).from_(
            source_groups, copy=False).subquery(f"groups{depth}", copy=False)
    projections: list[exp.Expression] = [*(k.copy() for k in keys), exp.Alias(this=batch.ref,
                                                          alias=identifier(GROUP_REF))]
    projections.extend(exp.Alias(this=r.status, alias=identifier(r.rule.id))
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
                           alias=exp.TableAlias(this=identifier(f"rules{i}"),
                                                columns=[identifier(RULE_COLUMN)]))
        rule_column = exp.Column(this=identifier(RULE_COLUMN), table=identifier(f"rules{i}"))
        pick = exp.Case(ifs=[exp.If(this=exp.EQ(this=rule_column.copy(),
                                                expression=exp.Literal.string(r.rule.id)),
                                    true=exp.Column(this=identifier(r.rule.id),
                                                    table=identifier(f"batch{i}")))
                             for r in batch.rules])
        selects.append(exp.select(
            exp.Alias(this=rule_column, alias=identifier(RULE_COLUMN)),
            exp.Column(this=identifier(GROUP_REF), table=identifier(f"batch{i}")),
            exp.Alias(this=pick, alias=identifier(STATUS_COLUMN)), copy=False)
            .from_(inner, copy=False).join(names, join_type="cross", copy=False))
    for rule, status in plan.whole:
        selects.append(exp.select(
            exp.Alias(this=exp.Literal.string(rule.id), alias=identifier(RULE_COLUMN)),
            exp.Alias(this=exp.Literal.string(""), alias=identifier(GROUP_REF)),
            exp.Alias(this=exp.Literal.string(status), alias=identifier(STATUS_COLUMN))))
    if not selects:
        raise ValueError(f"{policy.ref} has no grouped rule about {collection or 'scenario'} "
                         "that SQL computes")
    query: exp.Expression = selects[0]
    for select in selects[1:]:
        query = exp.Union(this=query, expression=select, distinct=False)
    return query.sql(dialect=dialect, pretty=pretty)


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
    queries = [group_batch_select(batch, SOURCE_MARK).sql(dialect="duckdb")
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
        decide_group,
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
    frame = lf.with_row_index(ROW_ORDER).collect()
    records = frame.lazy()
    rows = frame.height
    parts: list[Any] = []
    with registered(connection, frame) as relation:
        table_columns = duckdb_columns(connection, relation, policy, collection)
        plan, queries = _group_queries(policy, collection, date, table_columns, what_if)
        for batch, query in zip(plan.batches, queries, strict=True):
            try:
                wide = pl.DataFrame(connection.sql(query.replace(SOURCE_MARK, relation)))
            except (duckdb.OutOfRangeException, duckdb.ConversionException):
                # a number beyond 38 digits: the reference evaluator judges these rules
                parts.append(reference_groups(policy, [r.rule for r in batch.rules],
                                              collection, records, date, what_if=what_if))
                continue
            refs = wide[GROUP_REF].cast(pl.String)
            for r in batch.rules:
                values = wide[r.rule.id].cast(pl.String)
                if values.null_count():
                    # the rare group the integers cannot decide: the exact check
                    decided = values.to_list()
                    for i in values.is_null().arg_true().to_list():
                        key = {k: wide[k][i] for k in batch.keys}
                        decided[i] = decide_group(policy, r.rule, collection, records, key,
                                                  refs[i], date, what_if=what_if)
                    values = pl.Series(decided, dtype=pl.String)
                parts.append(pl.DataFrame({RULE_COLUMN: pl.repeat(r.rule.id, wide.height,
                                                                  eager=True),
                                           GROUP_REF: refs, STATUS_COLUMN: values},
                                          schema=GROUP_SCHEMA))
                if rows == 0:
                    parts.append(pl.DataFrame({RULE_COLUMN: [r.rule.id],
                                               GROUP_REF: [f"{collection}[]"],
                                               STATUS_COLUMN: ["undetermined"]},
                                              schema=GROUP_SCHEMA))
    return ordered_groups(parts, plan, policy, collection)


def ordered_groups(parts: list[Any], plan: GroupedPlan, policy: Policy,
                   collection: str) -> Any:
    """The batches' per-group statuses with the rules judged on the whole table
    (``plan.whole``), as one polars DataFrame in the order of the policy's grouped rules."""
    import polars as pl

    from xuequ_rules.engines.polars_backend import GROUP_SCHEMA, STATUS_DTYPE, grouped_rule_ids

    parts = [*parts, *(pl.DataFrame({RULE_COLUMN: [rule.id], GROUP_REF: [""],
                                     STATUS_COLUMN: [status]}, schema=GROUP_SCHEMA)
                       for rule, status in plan.whole)]
    if not parts:
        return pl.DataFrame(schema=GROUP_SCHEMA)
    order = {rule_id: i for i, rule_id in enumerate(grouped_rule_ids(policy, collection))}
    out = pl.concat(parts).with_columns(pl.col(STATUS_COLUMN).cast(STATUS_DTYPE))
    return out.with_columns(pl.col(RULE_COLUMN).replace_strict(order, return_dtype=pl.Int64)
                            .alias("__order")).sort("__order", maintain_order=True).drop("__order")
