"""A policy over a table on a Spark cluster, as a ``spark-submit`` application.

    spark-submit --master spark://host:7077 \\
        "$(python -c 'import xuequ_rules.engines.sql.spark_submit as m; print(m.__file__)')" \\
        liujiang hdfs:///facts/exchanges.parquet hdfs:///out/statuses \\
        --collection teacher_exchanges --as-of 2024-12-31

or, without spark-submit, ``python -m xuequ_rules.engines.sql.spark_submit … --master URL``.

INPUT is a Parquet file or directory (any URL Spark reads); OUTPUT a Parquet directory
written by Spark: one row per record, its ``id`` and one status per rule. The counts per rule
are printed as one line of JSON. Only the driver needs this package: the rules run as Spark
SQL in the JVM (client deploy mode; in cluster mode ship the package with ``--py-files``).
Bad arguments or facts: one bilingual line on stderr, exit code 2.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from typing import NoReturn

from xuequ_rules.errors import XuequError, iso_date


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        _fail(f"用法错误（见 --help） / usage error: {message}")


def _fail(message: str) -> NoReturn:
    print(f"错误 error: {' '.join(message.split())}", file=sys.stderr)
    raise SystemExit(2)


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="xuequ_rules.engines.sql.spark_submit",
                     description="在 Spark 上批量评估政策规则 / evaluate a policy on Spark")
    parser.add_argument("policy", help="政策名或 名称@版本 / NAME or NAME@VERSION")
    parser.add_argument("input", help="记录表 Parquet（路径或 URL）/ table of records (Parquet "
                        "path or URL)")
    parser.add_argument("output", help="逐行结论写入的 Parquet 目录 / Parquet directory for the "
                        "per-row statuses")
    parser.add_argument("--collection", "-c", required=True,
                        help="事实集合（如 teacher_exchanges）/ fact collection")
    parser.add_argument("--as-of", help="评估日期 YYYY-MM-DD（默认今天）/ evaluation date "
                        "(default today)")
    parser.add_argument("--master", help="Spark 主节点地址（默认由 spark-submit 或 Spark 决定）/ "
                        "Spark master URL (default: spark-submit's, or Spark's)")
    parser.add_argument("--what-if", action="store_true",
                        help="把未生效或已失效的文件当作有效来评估 / evaluate as if in force")
    parser.add_argument("--overwrite", action="store_true",
                        help="覆盖已有的输出目录 / replace an existing output directory")
    return parser


def _date(value: str | None) -> dt.date:
    return iso_date(value, "--as-of") or dt.date.today()


def run(argv: list[str]) -> dict[str, object]:
    """Evaluate, write the statuses, return the report (policy, counts, output)."""
    from xuequ_rules.cli.bulk_input import check_collection
    from xuequ_rules.engines.columns import ERRORS_COLUMN
    from xuequ_rules.engines.sql.on_spark import (
        ORDER,
        rule_columns,
        spark_status_counts,
        spark_statuses,
    )
    from xuequ_rules.engines.sql.spark_session import check_master, spark_session
    from xuequ_rules.registry import load_policy

    args = _parser().parse_args(argv)
    date = _date(args.as_of)
    master = check_master(args.master) if args.master is not None else None
    policy = load_policy(args.policy)
    check_collection(args.collection, policy)
    session = spark_session(master)
    statuses = spark_statuses(policy, args.collection, args.input, date, session=session,
                              what_if=args.what_if)
    counts = spark_status_counts(statuses, rule_columns(statuses))
    (statuses.drop(ORDER, ERRORS_COLUMN).write
     .mode("overwrite" if args.overwrite else "errorifexists").parquet(args.output))
    return {"policy": policy.name, "version": policy.version, "as_of": date.isoformat(),
            "collection": args.collection, "master": str(session.sparkContext.master),
            "output": args.output, "counts": counts}


def main(argv: list[str] | None = None) -> None:
    try:
        report = run(sys.argv[1:] if argv is None else list(argv))
    except XuequError as exc:
        _fail(exc.message)
    except Exception as exc:
        from pyspark.errors import PySparkException

        if not isinstance(exc, PySparkException):
            raise
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        _fail(f"Spark 无法完成：{first} / Spark failed: {first}")
    print(json.dumps(report, ensure_ascii=False))


if __name__ == "__main__":
    main()
