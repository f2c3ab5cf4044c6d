"""``xuequ eval-bulk --engine spark [--master URL]``: the per-record rules on Spark SQL.

The table is read by Spark itself (a Parquet file in place; a CSV file once parsed and
checked, as a temporary Parquet file), in the process's one session
(:mod:`xuequ_rules.engines.sql.spark_session`) on ``--master`` (default: Spark's own,
``local[*]``). On a cluster (``spark://…``, ``yarn``…) the file's path must be readable by the
executors at the same path (a shared file system); for tables in HDFS or object stores use
``spark-submit`` with :mod:`xuequ_rules.engines.sql.spark_submit`. The statuses come back to
this process in table order, so counts, ``--out`` and ``--explain`` are those of the other
engines. Grouped rules are aggregated by Spark over the whole table, as on the other engines.
"""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path
from typing import Any

from xuequ_rules.errors import XuequError
from xuequ_rules.policy.policy import Policy

ENGINES = ("polars", "duckdb", "spark")


def check_engine(engine: str, master: str | None) -> None:
    """``--engine`` is one of :data:`ENGINES`; ``--master`` a Spark master URL, with Spark."""
    from xuequ_rules.engines.sql.spark_session import check_master

    if engine not in ENGINES:
        raise XuequError(f"未知引擎：{engine}（可用：{'、'.join(ENGINES)}）",
                         f"unknown engine: {engine} (use one of: {', '.join(ENGINES)})",
                         field="--engine")
    if master is None:
        return
    if engine != "spark":
        raise XuequError(f"--master 只用于 --engine spark（当前引擎：{engine}）",
                         f"--master applies to --engine spark only (engine: {engine})",
                         field="--master")
    check_master(master, "--master")


def spark_table_statuses(policy: Policy, subject: str, file: Path, lazy: Any,
                         as_of: dt.date, *, master: str | None, what_if: bool) -> Any:
    """The per-record statuses of the whole table, computed by Spark, as a polars frame."""
    from xuequ_rules.engines.sql.on_spark import spark_statuses, to_polars
    from xuequ_rules.engines.sql.spark_session import spark_session

    session = spark_session(master)
    if file.suffix.lower() in (".parquet", ".pq"):
        return to_polars(spark_statuses(policy, subject, str(file.resolve()), as_of,
                                        session=session, what_if=what_if))
    with tempfile.TemporaryDirectory(prefix="xuequ-spark-") as tmp:
        path = Path(tmp) / "facts.parquet"
        lazy.sink_parquet(path)
        return to_polars(spark_statuses(policy, subject, str(path), as_of, session=session,
                                        what_if=what_if))


def spark_table_groups(policy: Policy, subject: str, lazy: Any, as_of: dt.date, *,
                       master: str | None, what_if: bool) -> Any:
    """The grouped rules' statuses per group, aggregated by Spark, as a polars frame."""
    from xuequ_rules.engines.sql.on_spark_groups import spark_groups
    from xuequ_rules.engines.sql.spark_session import spark_session

    return spark_groups(policy, subject, lazy, as_of, session=spark_session(master),
                        what_if=what_if)
