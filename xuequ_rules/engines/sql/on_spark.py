"""Per-record rules run on Spark SQL: the generated Spark SQL over a Parquet table (a local
path, ``hdfs://…``, ``s3a://…``) or a Spark DataFrame, in the process's reused session
(:mod:`.spark_session`).

>>> statuses = spark_statuses(policy, "teacher_exchanges", "hdfs:///facts/exchanges.parquet",
...                           as_of, session=spark_session("spark://host:7077"))
>>> counts = spark_status_counts(statuses, policy, "teacher_exchanges")   # in Spark
>>> statuses.drop(ERRORS_COLUMN).write.parquet("hdfs:///out/statuses")    # or to_polars(…)

Everything runs inside the JVM (no Python on the executors). Values the facts model refuses
are refused as on the other engines (:class:`FactsError`, first row in table order); a rule
conflict (:class:`RuleConflictError`) is raised by :func:`spark_status_counts` and
:func:`to_polars`.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlglot import exp

from xuequ_rules.engines._schema import (
    ColumnSpec,
    collection_columns,
    invalid_value_error,
    normalize_collection,
    spec_dict,
    subject_rules,
)
from xuequ_rules.engines.columns import ERRORS_COLUMN, STATUSES, compile_constraints
from xuequ_rules.engines.sql.algebra import SqlAlgebra
from xuequ_rules.engines.sql.spark_session import spark_session
from xuequ_rules.engines.sql.statements import (
    ROW_NUMBER,
    compile_plan,
    constraint_select,
    invalid_value_checks,
    invalid_value_select,
    refusal,
    refused_any_select,
    select_expression,
)
from xuequ_rules.errors import RuleConflictError
from xuequ_rules.policy.policy import Policy

ORDER = "__order__"          # the record's position in the table (Spark tables have no order)
_INT_TYPES = ("bigint", "int", "smallint", "tinyint")
_NAMES = itertools.count()


def _spark_kind(type_name: str) -> tuple[str, int] | None:
    name = type_name.lower()
    if name.startswith("decimal"):
        return "dec", int(name.split(",")[1].rstrip(") "))
    if name in _INT_TYPES:
        return "int", 0
    if name == "boolean":
        return "bool", 0
    if name == "string" or name.startswith(("varchar", "char")):
        return "str", 0
    if name == "date":
        return "date", 0
    if name in ("array<string>", "array<void>"):
        return "list", 0
    return None


def spark_columns(frame: Any, policy: Policy, collection: str) -> dict[str, ColumnSpec]:
    """The model columns present in a Spark DataFrame, with their decimal scales."""
    collection = normalize_collection(collection)
    specs = collection_columns(collection, subject_rules(policy.rules, collection),
                               policy.facts_model)
    out: dict[str, ColumnSpec] = {}
    for field in frame.schema.fields:
        spec = specs.get(field.name)
        type_name = field.dataType.simpleString()
        found = _spark_kind(type_name)
        if spec is None or found is None:
            continue
        kind, scale = found
        if spec.kind == "dec" and kind in ("dec", "int"):
            spec = ColumnSpec(**{**spec_dict(spec), "scale": scale})
        elif spec.kind != "records" and kind != spec.kind:
            raise TypeError(f"column {field.name}: {type_name} does not fit a {spec.kind} field")
        out[field.name] = spec
    return out


def read_facts(session: Any, data: Any) -> Any:
    """A Spark DataFrame of the records with their table position as :data:`ORDER`: ``data``
    is a Parquet path or URL, or a Spark DataFrame (its order as Spark reads it)."""
    from pyspark.sql import functions

    frame = session.read.parquet(str(data)) if isinstance(data, str | Path) else data
    return frame.withColumn(ORDER, functions.monotonically_increasing_id())


@contextmanager
def temporary_view(frame: Any) -> Iterator[str]:
    """``frame`` as a temporary view for the block (queries are analysed within it)."""
    name = f"__xuequ_facts_{next(_NAMES)}"
    frame.createOrReplaceTempView(name)
    try:
        yield name
    finally:
        frame.sparkSession.catalog.dropTempView(name)


def _first_row(session: Any, query: exp.Select) -> dict[str, Any] | None:
    row = session.sql(query.sql(dialect="spark")).first()
    return None if row is None else dict(row.asDict())


def check_facts(session: Any, view: str, policy: Policy, collection: str,
                columns: dict[str, ColumnSpec]) -> None:
    """Raise the other engines' :class:`FactsError` for the first row (in table order) with
    a value or a combination of values the facts model refuses; one scan when none does."""
    read = {node.dotted for rule in subject_rules(policy.rules, collection)
            for node in rule.fields()}
    checked = {n: s for n, s in columns.items() if n in read or n == "id"}
    _, checks = invalid_value_checks(checked)
    checks += [exp.Coalesce(this=violated, expressions=[exp.false()]) for _, violated in
               compile_constraints(policy, collection, SqlAlgebra(bind=False), columns)]
    if not checks:
        return
    if not session.sql(refused_any_select(checks, view).sql(dialect="spark")).first()[0]:
        return
    names, query = invalid_value_select(collection, checked, view, order=ORDER)
    found = _first_row(session, query) if names else None
    if found is not None:
        name = next(n for i, n in enumerate(names) if found[f"__invalid_{i}"])
        raise invalid_value_error(collection, found.get("id", found[ROW_NUMBER]), name,
                                  found[name])
    constraints, select = constraint_select(policy, collection, view, columns, order=ORDER)
    found = _first_row(session, select)
    if found is not None:
        raise refusal(collection, constraints, found)


def spark_statuses(policy: Policy, collection: str, data: Any,
                   as_of: dt.date | None = None, *, session: Any = None,
                   keep: Iterable[str] = ("id",), decisions: bool = True,
                   validate: bool = True, what_if: bool = False) -> Any:
    """Every rule's status per record, as a (lazy) Spark DataFrame: the ``keep`` columns,
    :data:`ORDER`, one status column per rule (named by its id), ``<rule id>#decision``
    columns and the rule-conflict column :data:`ERRORS_COLUMN` where a rule can conflict.

    ``data``: a Parquet path or URL, or a Spark DataFrame; ``session``: default the held
    one (:func:`spark_session`). Raises :class:`FactsError` at once on refused values
    (one more scan; ``validate=False`` skips the check, for facts already checked).
    """
    session = session if session is not None else spark_session()
    collection = normalize_collection(collection)
    frame = read_facts(session, data)
    columns = spark_columns(frame, policy, collection)
    kept = [name for name in (*keep, ORDER) if name in frame.columns]
    with temporary_view(frame) as view:
        if validate:
            check_facts(session, view, policy, collection, columns)
        plan = compile_plan(policy, collection, as_of, columns, what_if=what_if)
        query = select_expression(plan, view, keep=kept, decisions=decisions, in_order=False)
        return session.sql(query.sql(dialect="spark"))


def rule_columns(statuses: Any) -> list[str]:
    """The status columns of a :func:`spark_statuses` frame (one per rule)."""
    return [name for name in statuses.columns if name not in ("id", ORDER, ERRORS_COLUMN)
            and "#" not in name and not name.startswith("__")]


def _conflict(message: str, ref: object) -> RuleConflictError:
    return RuleConflictError(f"{message}（记录 {ref}）", f"{message} (record {ref})",
                             field=str(ref))


def spark_status_counts(statuses: Any, rule_ids: Iterable[str]) -> dict[str, dict[str, int]]:
    """Statuses counted per rule inside Spark (one scan, one row back to the driver);
    raises :class:`RuleConflictError` where a record's rules conflict."""
    from pyspark.sql import functions as F

    ids = list(rule_ids)
    sums = [F.sum(F.when(F.col(f"`{rule_id}`") == status, 1).otherwise(0))
            for rule_id in ids for status in STATUSES]
    if ERRORS_COLUMN in statuses.columns:
        ref = F.col("id") if "id" in statuses.columns else F.col(ORDER).cast("string")
        sums.append(F.min(F.when(F.col(ERRORS_COLUMN).isNotNull(),
                                 F.struct(F.col(ERRORS_COLUMN), ref))))
    row = statuses.agg(*sums).first()
    if ERRORS_COLUMN in statuses.columns and row[len(sums) - 1] is not None:
        message, ref = row[len(sums) - 1]
        raise _conflict(str(message), ref)
    values = iter(row)
    return {rule_id: {status: int(next(values) or 0) for status in STATUSES}
            for rule_id in ids}


def to_polars(statuses: Any) -> Any:
    """The statuses brought to the driver as a polars DataFrame in table order, shaped like
    ``evaluate_frame``'s result (statuses as an ``Enum``; rule conflicts raised)."""
    import polars as pl

    from xuequ_rules.engines.polars_backend import STATUS_DTYPE, check_conflicts

    names = statuses.columns
    rows = statuses.collect()
    frame = pl.DataFrame([list(row) for row in rows], schema=names, orient="row",
                         infer_schema_length=None)
    if ORDER in names:
        frame = frame.sort(ORDER).drop(ORDER)
    frame = frame.with_columns([pl.col(name).cast(pl.String).cast(STATUS_DTYPE)
                                for name in rule_columns(statuses)])
    return check_conflicts(frame)
