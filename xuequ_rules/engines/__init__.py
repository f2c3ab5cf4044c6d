"""Bulk engines: a policy's rules compiled to polars expressions or SQL, over whole tables.

The reference evaluator (:mod:`xuequ_rules.evaluation`) judges one scenario and explains
each finding; these engines give the same status per rule and record for millions of rows:

* :mod:`xuequ_rules.engines.polars_backend` — ``evaluate_frame`` / ``evaluate_file`` (polars
  DataFrame, Parquet, CSV), ``status_counts``, ``explain_rows`` (the reference evaluator on
  chosen rows). Needs the ``bulk`` extra.
* :mod:`xuequ_rules.engines.sql_backend` — ``compile_sql`` (sqlglot; DuckDB and Spark
  dialects), ``evaluate_duckdb``, ``duckdb_status_counts``. Needs the ``sql`` extra (and
  polars for ``evaluate_duckdb``).
* :mod:`xuequ_rules.engines.sql.on_spark` — ``spark_statuses``, ``spark_status_counts``,
  ``to_polars``: the Spark SQL in one reused session per process
  (:mod:`xuequ_rules.engines.sql.spark_session`), locally or on a cluster
  (:mod:`xuequ_rules.engines.sql.spark_submit`). Needs the ``spark`` extra and Java 17+.
* grouped rules (aggregates over a 学区, a county): ``evaluate_groups`` /
  ``group_status_counts`` (polars), ``compile_group_sql`` / ``evaluate_duckdb_groups`` (SQL).
* :mod:`xuequ_rules.engines.durable` (also as ``durable_backend``) — durable_rules, and streams of facts
  (``compile_policy``, ``stream_findings``). Needs the ``durable`` extra.

Both share :mod:`xuequ_rules.engines.columns`, which compiles rules against an abstract
column algebra with the reference's three-valued, exact semantics.
"""

from __future__ import annotations

from typing import Any

_EXPORTS = {
    "evaluate_frame": "polars_backend",
    "evaluate_file": "polars_backend",
    "evaluate_lazy": "polars_backend",
    "explain_rows": "polars_backend",
    "status_counts": "polars_backend",
    "polars_schema": "polars_backend",
    "evaluate_groups": "polars_backend",
    "group_status_counts": "polars_backend",
    "compile_sql": "sql_backend",
    "compile_group_sql": "sql_backend",
    "evaluate_duckdb_groups": "sql_backend",
    "evaluate_duckdb": "sql_backend",
    "duckdb_status_counts": "sql_backend",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    """Import a backend only when used (polars, duckdb and sqlglot are optional)."""
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(name)
    import importlib

    return getattr(importlib.import_module(f"xuequ_rules.engines.{module}"), name)
