"""The Spark row of ``python -m benchmarks.run --only spark`` (not in the default run: the
JVM and Spark's per-query overhead make it take minutes on a small machine).

The session is started once (its start-up is reported on its own); then each call —
read the Parquet file, run the generated Spark SQL, count the statuses per rule inside
Spark — is timed against DuckDB counting the same rules' statuses over the same Parquet file
(``duckdb_status_counts``), interleaved, medians of ≥ 5 runs. The counts must agree. Neither
side checks the values against the facts model (``validate=False`` on Spark, as
``duckdb_status_counts`` does not).
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import duckdb

from benchmarks import bench_engines as old
from xuequ_rules import load_policy
from xuequ_rules.engines.sql.on_duckdb import duckdb_status_counts, quote_path


def spark_rows(n: int, tmp: Path, as_of: dt.date, master: str,
               medians: Callable[..., dict[str, float]], runs: int,
               report: Callable[[str, float, float, str], float]) -> None:
    from xuequ_rules.engines.sql.on_spark import rule_columns, spark_status_counts, spark_statuses
    from xuequ_rules.engines.sql.spark_session import close_spark_session, spark_session

    policy = load_policy("liujiang")
    path = tmp / f"liujiang_spark_{n}.parquet"
    old.make_rows(n).write_parquet(path)
    start = time.perf_counter()
    session = spark_session(master)
    session.sql("SELECT 1").collect()
    started = time.perf_counter() - start
    print(f"spark session start ({master}), once: {started:.1f} s", flush=True)
    con = duckdb.connect()

    def on_spark() -> dict[str, Any]:
        statuses = spark_statuses(policy, "teacher_exchanges", str(path), as_of,
                                  session=session, decisions=False, validate=False)
        return spark_status_counts(statuses, rule_columns(statuses))

    def on_duckdb() -> dict[str, Any]:
        return duckdb_status_counts(policy, "teacher_exchanges",
                                    f"read_parquet('{quote_path(path)}')", as_of, con=con)

    if on_spark() != on_duckdb():
        raise SystemExit("MISMATCH between Spark and DuckDB status counts")
    t = medians(runs, spark=on_spark, duckdb=on_duckdb)
    report(f"spark_rows_{n:.0e}", t["spark"], t["duckdb"],
           f"Spark SQL ({master}, reused session; start-up {started:.1f} s once) vs DuckDB, "
           f"status counts per rule over the same Parquet file, {n:,} rows")
    close_spark_session()
