"""Benchmark the engines on the same data in one run (a script, not a test).

    /work/venv/bin/python benchmarks/bench_engines.py            # 1M and 10M rows
    /work/venv/bin/python benchmarks/bench_engines.py --rows 100000 --cases 500
    /work/venv/bin/python benchmarks/bench_engines.py --spark   # also Spark (local mode)

Measures, for the liujiang policy:

* the reference evaluator per case (a full scenario: every rule of the policy, with the
  explanation of every finding rendered) — target < 1 ms per case;
* polars, compiled from the rules, against a hand-written polars expression for the same
  two rules (teacher_exchanges: 10% rotation share, 12% backbone share), per-row statuses
  for every row — target within 1.5x; both results are checked to be identical;
* DuckDB running the sqlglot-compiled SQL over the same rows (Parquet), counting statuses;
* grouped rules (``--groups``, default 1M schools in 2,000 counties × 2 stages): an
  enrolment-weighted coefficient of variation of a per-pupil value per county and stage,
  compiled (polars ``group_by``/``agg``, exact integers) against a hand-written polars
  ``group_by`` doing the same exact integer arithmetic (and, for scale, one in floats);
  DuckDB on the compiled SQL; Spark (local mode) with ``--spark``.

The last line prints the measured ratios.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import tempfile
import time
from collections.abc import Callable
from decimal import Decimal
from functools import partial
from pathlib import Path
from typing import Any

import duckdb
import polars as pl

from xuequ_rules import evaluate, load_policy
from xuequ_rules.engines.polars_backend import (
    STATUS_DTYPE,
    collect_checked,
    evaluate_groups,
    evaluate_lazy,
    polars_schema,
    status_counts,
)
from xuequ_rules.engines.sql_backend import (
    compile_group_sql,
    compile_sql,
    duckdb_status_counts,
    evaluate_duckdb_groups,
)
from xuequ_rules.facts import Facts
from xuequ_rules.policy.dsl import Cite, Modality, Parameter, Rule, Unit, agg, f, zh_en
from xuequ_rules.policy.policy import Policy

AS_OF = dt.date(2019, 6, 1)
COLLECTION = "teacher_exchanges"
MIN_SHARE = "liujiang.teacher_exchange.min_share"
BACKBONE = "liujiang.teacher_exchange.backbone_share"


def make_rows(n: int) -> pl.DataFrame:
    """Deterministic pseudo-random teacher exchange figures: zeros, nulls, exact thresholds."""
    i = pl.int_range(0, n, dtype=pl.Int64)
    h1 = (i.hash(1) % 1000).cast(pl.Int64)
    h2 = (i.hash(2) % 101).cast(pl.Int64)
    h3 = (i.hash(3) % 101).cast(pl.Int64)
    eligible = pl.when(h1 < 20).then(0).when(h1 > 990).then(10**12).otherwise(h1 * 7)
    rotated = eligible * h2 // 500                   # 0 … 20% of eligible, often exactly 10%
    backbone = rotated * h3 // 400                   # 0 … 25% of rotated, often exactly 12%
    return pl.select(
        id=i.cast(pl.String),
        eligible=pl.when(h2 == 3).then(None).otherwise(eligible),
        rotated=pl.when(h3 == 5).then(None).otherwise(rotated),
        backbone_rotated=pl.when(h1 == 7).then(None).otherwise(backbone),
    )


def hand_written(lf: pl.LazyFrame) -> pl.LazyFrame:
    """What an engineer would write by hand: exact integer arithmetic, four statuses."""
    def s(value: str) -> pl.Expr:
        return pl.lit(value, dtype=STATUS_DTYPE)

    e, r, b = pl.col("eligible"), pl.col("rotated"), pl.col("backbone_rotated")
    min_share = (pl.when(e.is_null()).then(s("undetermined"))
                 .when(e <= 0).then(s("not_applicable"))
                 .when(r.is_null()).then(s("undetermined"))
                 .when(r * 10 >= e).then(s("satisfied"))
                 .otherwise(s("violated")))
    backbone = (pl.when(r.is_null()).then(s("undetermined"))
                .when(r <= 0).then(s("not_applicable"))
                .when(b.is_null()).then(s("undetermined"))
                .when(b * 25 >= r * 3).then(s("satisfied"))
                .otherwise(s("violated")))
    return lf.select(pl.col("id"), min_share.alias(MIN_SHARE), backbone.alias(BACKBONE))


def compile_and_run(policy: Any, lazy: pl.LazyFrame) -> pl.DataFrame:
    return evaluate_lazy(policy, COLLECTION, lazy, AS_OF, assume_valid=True)[0].collect()


def polars_counts_from_parquet(policy: Any, path: Path) -> dict[str, dict[str, int]]:
    result = evaluate_lazy(policy, COLLECTION, pl.scan_parquet(path), AS_OF,
                           assume_valid=True)[0].collect()
    return status_counts(result, policy, COLLECTION)


def best_pair(repeat: int, first: Callable[[], Any],
              second: Callable[[], Any]) -> tuple[tuple[float, Any], tuple[float, Any]]:
    a: list[float] = []
    b: list[float] = []
    ra = rb = None
    for _ in range(repeat):
        start = time.perf_counter()
        ra = first()
        a.append(time.perf_counter() - start)
        start = time.perf_counter()
        rb = second()
        b.append(time.perf_counter() - start)
    return (min(a), ra), (min(b), rb)


def best_of(repeat: int, fn: Callable[[], Any]) -> tuple[float, Any]:
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return min(times), result


def scenario(k: int, policy: Any) -> Facts:
    duties = {rule.id: (k % 3 == 0) if k % 5 else None for rule in policy.checklist()}
    return policy.facts_model.model_validate({   # Liujiang's schema: pairings, group targets
        "teacher_exchanges": [{"id": "y", "eligible": 70 + k % 3, "rotated": 7,
                               "backbone_rotated": 1}],
        "zones": [{"id": "z", "form": "education_group", "principal_heads": 1,
                   "lead_school": "s1", "quality_school_count": 1}],
        "pairings": [{"id": "p", "agreement_signed": k % 2 == 0}],
        "district_indicators": [{"id": "d", "year": 2018, "education_groups_primary": 2,
                                 "education_groups_junior": 1, "pairing_coverage": "1"}],
        "milestones": [{"id": f"liujiang.phase.{j}", "completed_on": "2018-06-30"}
                       for j in (1, 2, 3)],
        "attestations": duties,
    })


def bench_reference(policy: Any, cases: int) -> float:
    facts = [scenario(k, policy) for k in range(cases)]
    evaluate(policy, facts[0], AS_OF)             # compile once

    def run() -> int:
        rendered = 0
        for item in facts:
            for finding in evaluate(policy, item, AS_OF).findings:
                rendered += len(finding.explanation.zh) + len(finding.explanation.en)
        return rendered

    seconds, _ = best_of(3, run)
    return seconds / cases * 1000


# ── grouped rules: a county's enrolment-weighted CV across its schools ─────────

CV_RULE = "bench.county.cv"
CV_LIMIT = Decimal("0.50")


def cv_policy() -> Policy:
    """One grouped rule, as the national 优质均衡 rules are written."""
    base = load_policy("liujiang")
    cite = (Cite("三/(一)/1", "将城乡义务教育学校划分为若干个学区"),)
    limit = Parameter(id="bench.cv_limit", label=zh_en("上限", "limit"), value=CV_LIMIT,
                      unit=Unit.RATIO, cites=cite)
    rule = Rule(id=CV_RULE, title=zh_en("校际差异系数", "county CV"), kind=Modality.OBLIGATION,
                party=zh_en("县", "county"), subject="schools", cites=cite,
                group_by=("county", "stage"),
                where=f.public.eq(True) & ~f.special_education.eq(True),
                requires=agg.weighted_cv(f.teachers_above_required_qualification / f.students,
                                         weight=f.students) <= limit)
    return Policy(name="bench", version="t", document=base.document, parameters=(limit,),
                  rules=(rule,), facts_model=load_policy("national").facts_model)


def make_schools(n: int, counties: int) -> pl.DataFrame:
    i = pl.int_range(0, n, dtype=pl.Int64)
    h1 = (i.hash(11) % 1000).cast(pl.Int64)
    h2 = (i.hash(12) % 1000).cast(pl.Int64)
    # 1 … 2998 pupils; a few missing, a very few schools with none (their group: n/a)
    students = (pl.when(h1 == 0).then(None).when((h1 == 1) & (h2 < 50)).then(0)
                .otherwise(h1 * 3 + 1))
    # per pupil 0.05 … 0.25 qualified teachers, or 0.05 … 0.85 in a third of the counties
    spread = 20 + 60 * ((i % counties) % 3 == 2).cast(pl.Int64)
    teachers = pl.when(h2 == 0).then(None).otherwise((h1 * 3 + 1) * (5 + h2 % spread) // 100)
    return pl.select(
        id=i.cast(pl.String),
        county=pl.format("c{}", i % counties),
        stage=pl.when(i.hash(13) % 2 == 0).then(pl.lit("primary")).otherwise(pl.lit("junior")),
        public=(h2 % 50 != 0),
        special_education=(h1 % 97 == 0),
        students=students,
        teachers_above_required_qualification=teachers,
    ).cast({k: v for k, v in polars_schema("schools", cv_policy()).items()
            if k in ("students", "teachers_above_required_qualification")})


def hand_written_cv(lf: pl.LazyFrame) -> pl.LazyFrame:
    """The same rule by hand: exact 128-bit integers, Σn²/p as ⌊n²·10^6/p⌋ plus a remainder
    count; groups the integers cannot decide are left null (as the engine leaves them)."""
    def s(value: str) -> pl.Expr:
        return pl.lit(value, dtype=STATUS_DTYPE)

    n = pl.col("teachers_above_required_qualification").cast(pl.Int128)
    p = pl.col("students").cast(pl.Int128)
    counted = pl.col("public").fill_null(False) & ~pl.col("special_education").fill_null(False)
    unsure = pl.col("public").is_null() | (pl.col("public") & pl.col("special_education").is_null())
    good = counted & (p > 0)
    square = n * n * 10**6
    quotient = square // p
    grouped = lf.with_columns(pos=pl.int_range(pl.len(), dtype=pl.Int64)).group_by(
        "county", "stage", maintain_order=True).agg(
        unsure=unsure.sum(),
        first_unknown=pl.col("pos").filter(counted & (n.is_null() | ((p != 0) & p.is_null())
                                                      | p.is_null())).min(),
        first_zero=pl.col("pos").filter(counted & (p == 0) & n.is_not_null()).min(),
        w=p.filter(counted).sum(), s1=n.filter(counted).sum(),
        f=quotient.filter(good).sum(),
        m=((square - quotient * p) != 0).filter(good).sum().cast(pl.Int128))
    c2, ten = 2500, 10**4          # 0.50 = 50 / 100
    low = pl.col("f") * pl.col("w") * ten
    high = (pl.col("f") + pl.col("m")) * pl.col("w") * ten
    rhs = (c2 + ten) * pl.col("s1") * pl.col("s1") * 10**6
    unknown = pl.col("first_unknown").is_not_null() & (
        pl.col("first_zero").is_null() | (pl.col("first_unknown") < pl.col("first_zero")))
    undefined = pl.col("first_zero").is_not_null() & ~unknown
    status = (pl.when(pl.col("unsure") > 0).then(s("undetermined"))
              .when(pl.col("stage").is_null()).then(s("undetermined"))
              .when(unknown).then(s("undetermined"))
              .when(undefined | (pl.col("w") == 0) | (pl.col("s1") == 0)).then(s("not_applicable"))
              .when((pl.col("m") == 0) & (low <= rhs)).then(s("satisfied"))
              .when(pl.col("m") == 0).then(s("violated"))
              .when(high <= rhs).then(s("satisfied"))
              .when(low >= rhs).then(s("violated"))
              .otherwise(None))
    return grouped.select(pl.format("schools[county={},stage={}]", "county", "stage")
                          .alias("group"), status.alias("status"))


def hand_written_cv_floats(lf: pl.LazyFrame) -> pl.LazyFrame:
    """What one might write in floats (not exact at the limit; for scale only)."""
    counted = pl.col("public").fill_null(False) & ~pl.col("special_education").fill_null(False)
    x = pl.col("teachers_above_required_qualification") / pl.col("students")
    w = pl.col("students").cast(pl.Float64)
    grouped = lf.filter(counted).group_by("county", "stage").agg(
        w=w.sum(), s1=(x * w).sum(), s2=(x * x * w).sum())
    mean = pl.col("s1") / pl.col("w")
    cv = (pl.col("s2") / pl.col("w") - mean * mean).sqrt() / mean
    return grouped.select("county", "stage", (cv <= 0.5).alias("satisfied"))


def bench_groups(n: int, counties: int, repeat: int, duck: bool, spark: Any,
                 tmp: Path) -> str:
    policy = cv_policy()
    frame = make_schools(n, counties)
    lazy = frame.lazy()
    day = dt.date(2024, 1, 1)
    (t_compiled, by_compiled), (t_hand, by_hand) = best_pair(
        repeat, partial(evaluate_groups, policy, "schools", lazy, day, validate=False),
        hand_written_cv(lazy).collect)
    t_float, _ = best_of(repeat, hand_written_cv_floats(lazy).collect)
    compiled = dict(zip(by_compiled["group"], by_compiled["status"].cast(pl.String),
                        strict=True))
    hand = dict(zip(by_hand["group"], by_hand["status"].cast(pl.String), strict=True))
    open_groups = [g for g, v in hand.items() if v is None]
    if any(compiled[g] != v for g, v in hand.items() if v is not None) or \
            set(compiled) != set(hand):
        print("MISMATCH between compiled and hand-written grouped statuses", file=sys.stderr)
        raise SystemExit(1)
    counts = by_compiled.group_by("status").len().sort("status").rows()
    print(f"[{n:,} schools, {len(compiled):,} county×stage groups] polars compiled (group_by, "
          f"exact integers, with the exact check of open groups) {t_compiled:.3f}s, "
          f"hand-written exact {t_hand:.3f}s → {t_compiled / t_hand:.2f}x; hand-written "
          f"floats {t_float:.3f}s")
    print(f"  statuses {counts}; groups the integers left open (decided by the reference): "
          f"{len(open_groups)}")
    ratio = f"groups_polars_{n}={t_compiled / t_hand:.2f}x"
    if duck:
        con = duckdb.connect()
        path = tmp / f"schools_{n}.parquet"
        frame.with_row_index("__row__").write_parquet(path)
        sql = compile_group_sql(policy, "schools", day, source=f"read_parquet('{path}')",
                                order="__row__")
        t_sql, rows = best_of(repeat, lambda: con.execute(sql).fetchall())
        by_sql = {g: s for _, g, s in rows}
        if any(by_sql[g] != v for g, v in compiled.items() if by_sql[g] is not None):
            print("MISMATCH between DuckDB and polars grouped statuses", file=sys.stderr)
            raise SystemExit(1)
        t_driver, _ = best_of(max(1, repeat // 2), partial(
            evaluate_duckdb_groups, policy, "schools", lazy, day, con=con))
        print(f"  duckdb: the generated SQL over Parquet {t_sql:.3f}s → "
              f"{t_sql / t_hand:.2f}x; evaluate_duckdb_groups (from a polars frame, "
              f"writes Parquet first) {t_driver:.3f}s")
        ratio += f" groups_duckdb_sql_{n}={t_sql / t_hand:.2f}x"
        if spark is not None:
            t_spark = bench_spark(spark, sql_for_spark=compile_group_sql(
                policy, "schools", day, dialect="spark", source="schools", order="__row__"),
                path=path, repeat=max(1, repeat // 2), expected=compiled)
            print(f"  spark local[*]: the generated Spark SQL over Parquet {t_spark:.3f}s → "
                  f"{t_spark / t_hand:.2f}x")
            ratio += f" groups_spark_{n}={t_spark / t_hand:.2f}x"
    return ratio


def start_spark() -> Any:
    import os

    os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    from pyspark.sql import SparkSession

    spark = (SparkSession.builder.master("local[*]").appName("xuequ-bench")
             .config("spark.ui.enabled", "false").config("spark.ui.showConsoleProgress", "false")
             .config("spark.sql.shuffle.partitions", str(pl.thread_pool_size()))
             .config("spark.driver.memory", "4g").getOrCreate())
    spark.sparkContext.setLogLevel("ERROR")
    return spark


def bench_spark(spark: Any, sql_for_spark: str, path: Path, repeat: int,
                expected: dict[str, str]) -> float:
    spark.read.parquet(str(path)).createOrReplaceTempView("schools")
    spark.sql(sql_for_spark).collect()           # warm up the JVM
    seconds, rows = best_of(repeat, lambda: spark.sql(sql_for_spark).collect())
    got = {row["group"]: row["status"] for row in rows}
    if any(got[g] != v for g, v in expected.items() if got[g] is not None):
        print("MISMATCH between Spark and polars grouped statuses", file=sys.stderr)
        raise SystemExit(1)
    return float(seconds)


def bench_spark_rows(spark: Any, policy: Any, path: Path, repeat: int,
                     expected: dict[str, int]) -> float:
    """The per-row Spark SQL over Parquet, counting one rule's statuses in Spark."""
    spark.read.parquet(str(path)).createOrReplaceTempView("teacher_exchanges")
    sql = compile_sql(policy, COLLECTION, AS_OF, dialect="spark", source="teacher_exchanges")
    count = f"SELECT `{MIN_SHARE}` AS s, COUNT(*) AS n FROM ({sql}) AS statuses GROUP BY 1"
    spark.sql(count).collect()
    seconds, rows = best_of(repeat, lambda: spark.sql(count).collect())
    if {row["s"]: row["n"] for row in rows} != {k: v for k, v in expected.items() if v}:
        print("MISMATCH between Spark and polars counts", file=sys.stderr)
        raise SystemExit(1)
    return float(seconds)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rows", default="1000000,10000000",
                        help="comma-separated table sizes (default 1000000,10000000)")
    parser.add_argument("--cases", type=int, default=2000,
                        help="scenarios for the reference evaluator (default 2000)")
    parser.add_argument("--repeat", type=int, default=7, help="best of N runs (default 7)")
    parser.add_argument("--no-duckdb", action="store_true", help="skip DuckDB")
    parser.add_argument("--groups", default="1000000:2000",
                        help="grouped case: SCHOOLS:COUNTIES (default 1000000:2000; '' skips)")
    parser.add_argument("--spark", action="store_true",
                        help="also run the grouped case's Spark SQL on Spark (local mode)")
    args = parser.parse_args(argv)
    sizes = [int(s.replace("_", "")) for s in args.rows.split(",") if s.strip()]
    policy = load_policy("liujiang")
    rules = len(policy.rules)

    ms = bench_reference(policy, args.cases)
    print(f"reference evaluator: {ms:.3f} ms per case ({rules} rules, explanations rendered; "
          f"target < 1 ms) over {args.cases} cases")
    ratios: list[str] = [f"reference_ms_per_case={ms:.3f}"]
    con = duckdb.connect()
    spark = start_spark() if args.spark else None
    with tempfile.TemporaryDirectory(prefix="xuequ-bench-") as tmp:
        for n in sizes:
            frame = make_rows(n)
            lazy = frame.lazy()
            # integers sized from the model's bounds, on a table known to be valid …
            compiled_lf, _ = evaluate_lazy(policy, COLLECTION, lazy, AS_OF, assume_valid=True)
            # measured alternately with the hand-written expression, so both see the same load
            (t_compiled, by_compiled), (t_hand, by_hand) = best_pair(
                args.repeat, compiled_lf.collect, hand_written(lazy).collect)
            t_compile_and_run, _ = best_of(args.repeat, partial(
                compile_and_run, policy, lazy))
            # … or checking the bounds in the same pass (what evaluate_frame does) …
            validated_lf, plan = evaluate_lazy(policy, COLLECTION, lazy, AS_OF, validate=True)
            (t_validated, _), _ = best_pair(
                args.repeat, partial(collect_checked, validated_lf, plan, policy, lazy),
                hand_written(lazy).collect)
            # … or, unvalidated, with 38-digit decimals
            decimal_lf, _ = evaluate_lazy(policy, COLLECTION, lazy, AS_OF, validate=False)
            t_decimal, by_decimal = best_of(args.repeat, decimal_lf.collect)
            if not (by_compiled.equals(by_hand) and by_decimal.equals(by_hand)):
                print("MISMATCH between compiled and hand-written results", file=sys.stderr)
                return 1
            counts = status_counts(by_compiled, policy, COLLECTION)
            print(f"[{n:,} rows] polars compiled {t_compiled:.3f}s, hand-written {t_hand:.3f}s "
                  f"→ {t_compiled / t_hand:.2f}x (target ≤ 1.5x)")
            print(f"  compiling + running {t_compile_and_run:.3f}s; checking the model's bounds "
                  f"in the same pass {t_validated:.3f}s → {t_validated / t_hand:.2f}x; "
                  f"unvalidated (38-digit decimals) {t_decimal:.3f}s → {t_decimal / t_hand:.2f}x")
            print(f"  counts {counts[MIN_SHARE]} / {counts[BACKBONE]}")
            ratio = (f"polars_{n}={t_compiled / t_hand:.2f}x "
                     f"polars_validated_{n}={t_validated / t_hand:.2f}x "
                     f"polars_decimal_{n}={t_decimal / t_hand:.2f}x")
            if not args.no_duckdb:
                path = Path(tmp) / f"rows_{n}.parquet"
                frame.write_parquet(path)
                relation = f"read_parquet('{path}')"
                t_duck, by_duck = best_of(args.repeat, partial(
                    duckdb_status_counts, policy, COLLECTION, relation, AS_OF, con=con))
                if by_duck != counts:
                    print("MISMATCH between DuckDB and polars counts", file=sys.stderr)
                    return 1
                t_pq, by_pq = best_of(args.repeat, partial(polars_counts_from_parquet, policy,
                                                            path))
                if by_pq != counts:
                    print("MISMATCH between polars-on-Parquet and in-memory counts",
                          file=sys.stderr)
                    return 1
                print(f"  duckdb (sqlglot SQL, counts over Parquet) {t_duck:.3f}s "
                      f"→ {t_duck / t_hand:.2f}x the hand-written polars time in memory; "
                      f"polars compiled, counts over the same Parquet {t_pq:.3f}s "
                      f"(duckdb/polars {t_duck / t_pq:.2f}x)")
                ratio += (f" duckdb_{n}={t_duck / t_hand:.2f}x"
                          f" duckdb_vs_polars_parquet_{n}={t_duck / t_pq:.2f}x")
                if spark is not None:
                    t_spark = bench_spark_rows(spark, policy, path, args.repeat,
                                               counts[MIN_SHARE])
                    print(f"  spark local[*] (Spark SQL, one rule's counts over Parquet) "
                          f"{t_spark:.3f}s → {t_spark / t_hand:.2f}x")
                    ratio += f" spark_{n}={t_spark / t_hand:.2f}x"
            ratios.append(ratio)
            del frame, lazy, by_compiled, by_hand
        if args.groups:
            schools, counties = (int(x.replace("_", "")) for x in args.groups.split(":"))
            ratios.append(bench_groups(schools, counties, args.repeat, not args.no_duckdb,
                                       spark, Path(tmp)))
    if spark is not None:
        spark.stop()
    print("RATIOS " + " ".join(ratios)
          + f" (threads={pl.thread_pool_size()}, best of {args.repeat})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
