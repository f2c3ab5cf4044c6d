"""Grouped rules (aggregates per group, e.g. a county's coefficient of variation) on Spark SQL.

The records are given as a polars frame (the exact check of a group the engine's integers
leave open, and a batch of rules beyond 38 digits, are judged by the reference evaluator on
them); Spark aggregates them with the same ``GROUP BY`` SQL as DuckDB, in Spark's dialect.
"""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path
from typing import Any

from xuequ_rules.engines._schema import normalize_collection
from xuequ_rules.engines.columns import GROUP_REF, RULE_COLUMN, STATUS_COLUMN
from xuequ_rules.engines.sql.groups import compile_group_plan, group_batch_select, ordered_groups
from xuequ_rules.engines.sql.on_spark import ORDER, check_facts, spark_columns, temporary_view
from xuequ_rules.engines.sql.spark_session import spark_session
from xuequ_rules.policy.policy import Policy


def spark_groups(policy: Policy, collection: str, records: Any,
                 as_of: dt.date | None = None, *, session: Any = None,
                 what_if: bool = False) -> Any:
    """Every grouped rule about ``collection`` over ``records`` (a polars DataFrame or
    LazyFrame), computed by Spark: a polars DataFrame like ``evaluate_groups``'s (``rule``,
    ``group``, ``status``). Raises :class:`FactsError` on values the facts model refuses."""
    import polars as pl

    from xuequ_rules.engines.polars_backend import (
        GROUP_SCHEMA,
        prepare_frame,
        reference_groups,
        with_group_keys,
    )

    session = session if session is not None else spark_session()
    collection = normalize_collection(collection)
    date = as_of or dt.date.today()
    lf, columns = prepare_frame(records, collection, policy)
    lf, _ = with_group_keys(lf, columns, policy, collection)
    frame = lf.with_row_index(ORDER).with_columns(pl.col(ORDER).cast(pl.Int64)).collect()
    parts: list[Any] = []
    with tempfile.TemporaryDirectory(prefix="xuequ-spark-") as tmp:
        path = Path(tmp) / "records.parquet"
        frame.write_parquet(path)
        table = session.read.parquet(str(path))
        table_columns = spark_columns(table, policy, collection)
        plan = compile_group_plan(policy, collection, date, table_columns, dialect="spark",
                                  order=ORDER, what_if=what_if)
        with temporary_view(table) as view:
            check_facts(session, view, policy, collection, table_columns)
            for batch in plan.batches:
                rules = [r.rule for r in batch.rules]
                wide = _batch_rows(session, group_batch_select(batch, view).sql(
                    dialect="spark"), [*batch.keys, GROUP_REF, *(r.id for r in rules)])
                if wide is None:    # a number beyond 38 digits: the reference judges these
                    parts.append(reference_groups(policy, rules, collection, frame.lazy(),
                                                  date, what_if=what_if))
                    continue
                parts.extend(_rule_parts(wide, batch.keys, rules, policy, collection,
                                         frame.lazy(), date, what_if))
                if frame.height == 0:
                    parts.append(pl.DataFrame({RULE_COLUMN: [r.id for r in rules],
                                               GROUP_REF: [f"{collection}[]"] * len(rules),
                                               STATUS_COLUMN: ["undetermined"] * len(rules)},
                                              schema=GROUP_SCHEMA))
    return ordered_groups(parts, plan, policy, collection)


def _batch_rows(session: Any, query: str, names: list[str]) -> list[dict[str, Any]] | None:
    """One dict per group, or ``None`` when Spark's decimals overflow."""
    from pyspark.errors import ArithmeticException

    try:
        rows = session.sql(query).collect()
    except ArithmeticException:
        return None
    return [{name: row[i] for i, name in enumerate(names)} for row in rows]


def _rule_parts(wide: list[dict[str, Any]], keys: tuple[str, ...], rules: list[Any],
                policy: Policy, collection: str, records: Any, as_of: dt.date,
                what_if: bool) -> list[Any]:
    """Per rule, its groups' statuses; the rare open one decided exactly."""
    import polars as pl

    from xuequ_rules.engines.polars_backend import GROUP_SCHEMA, decide_group

    parts = []
    for rule in rules:
        statuses = [row[rule.id] if row[rule.id] is not None else decide_group(
            policy, rule, collection, records, {k: row[k] for k in keys}, row[GROUP_REF],
            as_of, what_if=what_if) for row in wide]
        parts.append(pl.DataFrame({RULE_COLUMN: [rule.id] * len(wide),
                                   GROUP_REF: [str(row[GROUP_REF]) for row in wide],
                                   STATUS_COLUMN: statuses}, schema=GROUP_SCHEMA))
    return parts
