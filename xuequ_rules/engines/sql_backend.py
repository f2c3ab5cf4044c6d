"""Compile a policy's rules to SQL with sqlglot (DuckDB, Spark), run them on DuckDB.

>>> sql = compile_sql(policy, "teacher_exchanges", as_of, dialect="spark",
...                   source="warehouse.teacher_exchanges")
>>> result = evaluate_duckdb(policy, "teacher_exchanges", frame_or_parquet_path, as_of)

One ``SELECT`` gives the ``id``, one status column per rule (named by the rule id) and
``<rule id>#decision`` columns. Unknown is SQL ``NULL`` (Kleene ``AND``/``OR`` are SQL's own);
*undefined* (x/0) travels as a separate never-null flag; numbers are exact ``DECIMAL``s —
quotients are never computed, they are compared by cross-multiplication — and products of
two integers are widened to ``DECIMAL(38, 0)`` so nothing overflows. On DuckDB the query is
first run in scaled 64-bit integers (:class:`SqlFixedAlgebra`, exact or an overflow error),
the ``DECIMAL`` one only on overflow.

Spark: literals and columns are given the narrowest decimal types, so Spark's precision rules
keep every digit for the sizes of the fact model (≤ 10**12); ``SIZE(NULL)`` is guarded.

Grouped rules: :func:`compile_group_sql` gives one ``SELECT`` (``GROUP BY`` per distinct
``group_by``, then a portable unpivot) with one row per rule and group — ``rule``, ``group``,
``status`` — in exact ``DECIMAL(38, 0)`` integers (a coefficient of variation is compared
squared, never as a float; on DuckDB the per-record integers are ``HUGEINT`` and a division
runs in ``BIGINT`` wherever its operands fit); a ``NULL`` status marks the rare group that
needs the exact check (:func:`xuequ_rules.engines.polars_backend.decide_group`).
:func:`evaluate_duckdb_groups` runs it on DuckDB and does that check.
"""

from __future__ import annotations

from xuequ_rules.engines.sql.algebra import (
    DIALECTS,
    SqlAlgebra,
    SqlFixedAlgebra,
)
from xuequ_rules.engines.sql.groups import (
    ROW_ORDER,
    compile_group_plan,
    compile_group_sql,
    evaluate_duckdb_groups,
    group_batch_select,
)
from xuequ_rules.engines.sql.on_duckdb import (
    check_constraints,
    duckdb_columns,
    duckdb_status_counts,
    evaluate_duckdb,
    quote_path,
    relation_expression,
)
from xuequ_rules.engines.sql.statements import (
    REFUSED,
    ROW_NUMBER,
    compile_constraint_sql,
    compile_plan,
    compile_sql,
    constraint_select,
    default_columns,
    identifier,
    refusal,
    select_expression,
)

__all__ = [
    "DIALECTS",
    "REFUSED",
    "ROW_NUMBER",
    "ROW_ORDER",
    "SqlAlgebra",
    "SqlFixedAlgebra",
    "check_constraints",
    "compile_constraint_sql",
    "compile_group_plan",
    "compile_group_sql",
    "compile_plan",
    "compile_sql",
    "constraint_select",
    "default_columns",
    "duckdb_columns",
    "duckdb_status_counts",
    "evaluate_duckdb",
    "evaluate_duckdb_groups",
    "group_batch_select",
    "identifier",
    "quote_path",
    "refusal",
    "relation_expression",
    "select_expression",
]
