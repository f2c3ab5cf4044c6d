"""Per-record rules run on DuckDB: columns read from the relation, statuses and counts."""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, cast

import sqlglot
from sqlglot import exp

from xuequ_rules.engines._schema import (
    ColumnSpec,
    collection_columns,
    invalid_value_error,
    normalize_collection,
    spec_dict,
    subject_rules,
)
from xuequ_rules.engines.columns import (
    ERRORS_COLUMN,
    STATUSES,
    compile_constraints,
)
from xuequ_rules.engines.sql.algebra import SqlAlgebra
from xuequ_rules.engines.sql.statements import (
    ROW_NUMBER,
    compile_plan,
    constraint_select,
    identifier,
    invalid_value_checks,
    invalid_value_select,
    refusal,
    select_expression,
)
from xuequ_rules.policy.policy import Policy

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


def duckdb_columns(con: Any, relation: str, policy: Policy, collection: str, *,
                   described: Sequence[tuple[str, str]] | None = None
                   ) -> dict[str, ColumnSpec]:
    """The model columns present in a DuckDB relation, with their decimal scales.

    ``described`` (name, type) pairs of the relation, if already probed, spare a ``DESCRIBE``.
    """
    specs = collection_columns(normalize_collection(collection),
                               subject_rules(policy.rules, normalize_collection(collection)),
                               policy.facts_model)
    out: dict[str, ColumnSpec] = {}
    for name, type_name in (described if described is not None else _describe(con, relation)):
        spec = specs.get(name)
        found = _duckdb_kind(str(type_name))
        if spec is None or found is None:
            continue
        kind, scale = found
        if spec.kind == "dec" and kind in ("dec", "int"):
            spec = ColumnSpec(**{**spec_dict(spec), "scale": scale})
        elif spec.kind == "records" or kind == spec.kind:
            pass
        else:
            raise TypeError(f"column {name}: {type_name} does not fit a {spec.kind} field")
        out[name] = spec
    return out


def _describe(con: Any, relation: str) -> list[tuple[str, str]]:
    return [(str(row[0]), str(row[1])) for row in
            con.execute(f"DESCRIBE SELECT * FROM {relation}").fetchall()]


class _ArrowStream:
    """A polars frame as an Arrow C stream that DuckDB scans in place, as often as asked
    (no copy to a file, no pyarrow)."""

    def __init__(self, frame: Any) -> None:
        self.frame = frame

    def __arrow_c_stream__(self, requested_schema: object | None = None) -> object:
        return self.frame.__arrow_c_stream__(requested_schema)


@contextmanager
def _relation(con: Any, data: Any, policy: Policy, collection: str) -> Iterator[str]:
    """A DuckDB relation for a Parquet path (read in place) or a polars frame / other file
    (prepared, then scanned from memory as Arrow)."""
    from xuequ_rules.engines.polars_backend import prepare_frame, scan_file

    if isinstance(data, str | Path):
        path = Path(data)
        if path.suffix.lower() in (".parquet", ".pq"):
            yield f"read_parquet('{quote_path(path)}')"
            return
        data = scan_file(path, collection, policy)
    lf, _ = prepare_frame(data, collection, policy)
    with registered(con, lf.collect()) as name:
        yield name


@contextmanager
def registered(con: Any, frame: Any) -> Iterator[str]:
    """A polars DataFrame as a DuckDB relation, for the duration of the block."""
    name = f"__xuequ_facts_{next(_NAMES)}"
    con.register(name, _ArrowStream(frame))
    try:
        yield f'"{name}"'
    finally:
        con.unregister(name)


_NAMES = itertools.count()


def quote_path(path: Path) -> str:
    return str(path).replace("'", "''")


SOURCE_MARK = "__xuequ_source__"
REFUSED_FLAG = "__refused_row__"
_QUERIES: dict[tuple[Any, ...], tuple[Policy, list[str], str, bool]] = {}
_QUERIES_KEPT = 64


def _row_query(policy: Policy, collection: str, as_of: dt.date | None,
               columns: dict[str, ColumnSpec], kept: list[str], decisions: bool,
               what_if: bool, fixed: bool) -> tuple[list[str], str, bool]:
    """The rule ids, the DuckDB query over ``SOURCE_MARK`` and whether it carries the
    :data:`REFUSED_FLAG` column (cached per policy, date, what-if, columns and output shape:
    sqlglot runs once per policy version and table form)."""
    key = (id(policy), collection, as_of or dt.date.today(), what_if,
           tuple(columns.values()), tuple(kept), decisions, fixed)
    cached = _QUERIES.get(key)
    if cached is None or cached[0] is not policy:
        plan = compile_plan(policy, collection, as_of, columns, what_if=what_if, fixed=fixed)
        select = select_expression(plan, SOURCE_MARK, keep=kept, decisions=decisions)
        flag = _refusal_flag(policy, collection, columns)
        if flag is not None:
            select = select.select(exp.Alias(this=flag, alias=identifier(REFUSED_FLAG)),
                                   copy=False)
        if len(_QUERIES) >= _QUERIES_KEPT:
            _QUERIES.clear()
        cached = (policy, [rule.rule.id for rule in plan.rules], select.sql(dialect="duckdb"),
                  flag is not None)
        _QUERIES[key] = cached
    return cached[1], cached[2], cached[3]


def _refusal_flag(policy: Policy, collection: str,
                  columns: dict[str, ColumnSpec]) -> exp.Expression | None:
    """Per row, never null: whether it holds a value or breaks a constraint the facts model
    refuses (None: nothing to check). Computed in the same scan as the statuses; only when
    some row is flagged are the ordered checks run to find the first such row."""
    _, checks = invalid_value_checks(_checked_columns(policy, collection, columns))
    checks += [exp.Coalesce(this=violated, expressions=[exp.false()]) for _, violated in
               compile_constraints(policy, collection, SqlAlgebra(bind=False), columns)]
    return cast(exp.Expression, exp.or_(*checks)) if checks else None


def _checked_columns(policy: Policy, collection: str,
                     columns: dict[str, ColumnSpec]) -> dict[str, ColumnSpec]:
    """The columns whose values are checked: those the rules read, and ``id``."""
    read = {node.dotted for rule in subject_rules(policy.rules, collection)
            for node in rule.fields()}
    return {n: s for n, s in columns.items() if n in read or n == "id"}


def evaluate_duckdb(policy: Policy, collection: str, data: Any,
                    as_of: dt.date | None = None, *, con: Any = None,
                    keep: Iterable[str] = ("id",), decisions: bool = True,
                    what_if: bool = False) -> Any:
    """Run the compiled SQL on DuckDB over a polars frame or a Parquet/CSV file.

    Returns a polars DataFrame shaped like :func:`polars_backend.evaluate_frame`'s result
    (statuses as an ``Enum``), raising :class:`FactsError` on values the facts model refuses
    and :class:`RuleConflictError` where the reference would. The result comes back as
    Arrow, straight into polars.
    """
    import duckdb
    import polars as pl

    from xuequ_rules.engines.polars_backend import STATUS_DTYPE, check_conflicts

    collection = normalize_collection(collection)
    connection = con if con is not None else duckdb.connect()
    with _relation(connection, data, policy, collection) as relation:
        described = _describe(connection, relation)
        columns = duckdb_columns(connection, relation, policy, collection, described=described)
        names = {name for name, _ in described}
        kept = [name for name in keep if name in names]

        def refuse() -> None:   # the facts model's error for the first refused row, if any
            check_values(connection, relation, policy, collection, columns)
            check_constraints(connection, relation, policy, collection, columns)

        try:
            try:    # scaled 64-bit integers: exact, or an overflow error
                statuses, query, flagged = _row_query(policy, collection, as_of, columns,
                                                      kept, decisions, what_if, fixed=True)
                result = pl.DataFrame(connection.sql(query.replace(SOURCE_MARK, relation)))
            except (duckdb.OutOfRangeException, duckdb.ConversionException):
                statuses, query, flagged = _row_query(policy, collection, as_of, columns,
                                                      kept, decisions, what_if, fixed=False)
                result = pl.DataFrame(connection.sql(query.replace(SOURCE_MARK, relation)))
        except duckdb.Error:
            refuse()    # a value the model refuses: its error rather than DuckDB's
            raise
        if flagged:
            if result[REFUSED_FLAG].any():
                refuse()
            result = result.drop(REFUSED_FLAG)
    result = result.with_columns([pl.col(name).cast(STATUS_DTYPE) for name in statuses])
    return check_conflicts(result)


def check_values(connection: Any, relation: str, policy: Policy, collection: str,
                 columns: dict[str, ColumnSpec]) -> None:
    """Raise the polars engine's :class:`FactsError` for the first value (in table order)
    of a column the rules read that the facts model refuses."""
    names, query = invalid_value_select(collection,
                                        _checked_columns(policy, collection, columns),
                                        relation_expression(relation))
    if not names:
        return
    cursor = connection.execute(query.sql(dialect="duckdb"))
    found = next(iter(cursor.fetchall()), None)     # at most one row; leaves no open result
    if found is not None:
        row = dict(zip([d[0] for d in cursor.description], found, strict=True))
        name = next(n for i, n in enumerate(names) if row[f"__invalid_{i}"])
        raise invalid_value_error(collection, row.get("id", row[ROW_NUMBER]), name, row[name])


def check_constraints(connection: Any, relation: str, policy: Policy, collection: str,
                      columns: dict[str, ColumnSpec]) -> None:
    """Raise the reference evaluator's :class:`FactsError` for the first row (in table
    order) that violates a cross-field constraint of the facts model."""
    constraints, query = constraint_select(policy, collection, relation_expression(relation),
                                           columns)
    if not constraints:
        return
    cursor = connection.execute(query.sql(dialect="duckdb"))
    found = next(iter(cursor.fetchall()), None)     # at most one row; leaves no open result
    if found is not None:
        names = [d[0] for d in cursor.description]
        raise refusal(collection, constraints, dict(zip(names, found, strict=True)))


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
                this=exp.Column(this=identifier(rule.rule.id)),
                expression=exp.Literal.number(STATUSES.index(status))),
                true=exp.Literal.number(1))],
                default=exp.Literal.number(0))
            sums.append(exp.Sum(this=hit))
    if plan.errors is not None:
        sums.append(exp.Max(this=exp.Column(this=identifier(ERRORS_COLUMN))))
    row = con.execute(exp.select(*sums).from_(inner).sql(dialect="duckdb")).fetchone()
    if plan.errors is not None and row[-1] is not None:
        raise RuleConflictError(str(row[-1]), str(row[-1]), field=collection)
    counts: dict[str, dict[str, int]] = {}
    for (rule_id, status), value in zip(keys, row, strict=False):
        counts.setdefault(rule_id, {})[status] = int(value or 0)
    return counts
