"""The SQL engine: sqlglot-generated SQL for DuckDB and Spark, run on DuckDB."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import duckdb
import polars as pl
import pytest
from test_engine_polars import (
    AFTER,
    BACKBONE,
    MIN_SHARE,
    exchanges,
    reference_statuses,
    statuses,
    synthetic,
    synthetic_rows,
)

from xuequ_rules import RuleConflictError, load_policy
from xuequ_rules.engines.polars_backend import evaluate_frame, polars_schema, status_counts
from xuequ_rules.engines.sql_backend import (
    compile_sql,
    duckdb_status_counts,
    evaluate_duckdb,
)
from xuequ_rules.policy.policy import Policy


@pytest.fixture(scope="module")
def liujiang() -> Policy:
    return load_policy("liujiang")


def test_liujiang_rotation_thresholds_on_duckdb(liujiang: Policy) -> None:
    frame = exchanges((70, 7, 1), (71, 7, 1), (0, 0, 0), (None, 3, None), (175, 25, 3),
                      (175, 25, 2))
    result = evaluate_duckdb(liujiang, "teacher_exchanges", frame, AFTER)
    assert statuses(result, MIN_SHARE) == ["satisfied", "violated", "not_applicable",
                                           "undetermined", "satisfied", "satisfied"]
    assert statuses(result, BACKBONE) == ["satisfied", "satisfied", "not_applicable",
                                          "undetermined", "satisfied", "violated"]


def test_liujiang_counts_of_10_to_the_12_do_not_overflow_on_duckdb(liujiang: Policy) -> None:
    big = 10**12
    frame = exchanges((big, big // 10, 12 * 10**9), (big, big // 10 - 1, 12 * 10**9 - 1))
    result = evaluate_duckdb(liujiang, "teacher_exchanges", frame, AFTER)
    assert statuses(result, MIN_SHARE) == ["satisfied", "violated"]
    assert statuses(result, BACKBONE) == ["satisfied", "violated"]


def test_duckdb_result_equals_polars_result(liujiang: Policy) -> None:
    frame = exchanges((70, 7, 1), (71, 7, 1), (0, 0, 0), (None, 3, None))
    assert evaluate_duckdb(liujiang, "teacher_exchanges", frame, AFTER).equals(
        evaluate_frame(liujiang, "teacher_exchanges", frame, AFTER))


def test_duckdb_runs_on_a_parquet_file_and_counts_in_sql(liujiang: Policy,
                                                         tmp_path: Path) -> None:
    frame = exchanges((70, 7, 1), (71, 7, 1), (0, 0, 0), (None, 3, None))
    path = tmp_path / "t.parquet"
    frame.write_parquet(path)
    con = duckdb.connect()
    counts = duckdb_status_counts(liujiang, "teacher_exchanges", f"read_parquet('{path}')",
                                  AFTER, con=con)
    by_polars = status_counts(evaluate_frame(liujiang, "teacher_exchanges", frame, AFTER),
                              liujiang, "teacher_exchanges")
    assert counts == by_polars
    assert evaluate_duckdb(liujiang, "teacher_exchanges", path, AFTER, con=con).equals(
        evaluate_frame(liujiang, "teacher_exchanges", frame, AFTER))


def test_generated_sql_is_exact_decimal_and_never_divides(liujiang: Policy) -> None:
    for dialect in ("duckdb", "spark"):
        sql = compile_sql(liujiang, "teacher_exchanges", AFTER, dialect=dialect)
        assert "CAST('0.10' AS DECIMAL(3, 2))" in sql
        assert "/" not in sql
        assert "DOUBLE" not in sql.upper() and "FLOAT" not in sql.upper()


def test_spark_sql_quotes_rule_ids_with_backticks(liujiang: Policy) -> None:
    sql = compile_sql(liujiang, "teacher_exchanges", AFTER, dialect="spark",
                      source="warehouse.teacher_exchanges")
    assert f"AS `{MIN_SHARE}`" in sql
    assert "FROM warehouse.teacher_exchanges" in sql


def test_unknown_dialect_is_refused(liujiang: Policy) -> None:
    with pytest.raises(ValueError, match="dialect"):
        compile_sql(liujiang, "teacher_exchanges", AFTER, dialect="oracle")


def test_targets_before_their_deadline_are_not_applicable_in_sql(liujiang: Policy) -> None:
    frame = pl.DataFrame([{"id": "d", "year": 2018, "education_groups_junior": 1}],
                         schema=polars_schema("district_indicators"))
    rule = "liujiang.education_groups.junior_2018"
    before = evaluate_duckdb(liujiang, "district_indicators", frame, dt.date(2018, 12, 30))
    at = evaluate_duckdb(liujiang, "district_indicators", frame, dt.date(2018, 12, 31))
    assert statuses(before, rule) == ["not_applicable"]
    assert statuses(at, rule) == ["satisfied"]


def test_checklist_duties_on_a_scenario_table_in_sql(liujiang: Policy) -> None:
    column = "attestations.liujiang.duty.zoning"
    frame = pl.DataFrame({column: [True, False, None]}, schema={column: pl.Boolean})
    result = evaluate_duckdb(liujiang, "scenario", frame, AFTER)
    assert statuses(result, "liujiang.duty.zoning") == ["satisfied", "violated", "undetermined"]


def test_division_decisions_and_prohibitions_match_the_reference_on_duckdb(
        liujiang: Policy) -> None:
    policy = synthetic(liujiang)
    rows = synthetic_rows()
    frame = pl.DataFrame(rows, schema=polars_schema("teacher_exchanges"))
    result = evaluate_duckdb(policy, "teacher_exchanges", frame, AFTER)
    for rule_id, values in reference_statuses(policy, rows).items():
        assert statuses(result, rule_id) == values, rule_id
    assert result["t.route#decision"].to_list() == ["small", "small", "big", None]


def test_an_incomplete_decision_table_raises_on_duckdb(liujiang: Policy) -> None:
    import dataclasses

    policy = synthetic(liujiang)
    route = policy.rule("t.route")
    policy = dataclasses.replace(policy, rules=(dataclasses.replace(route,
                                                                    cases=route.cases[:1]),))
    frame = pl.DataFrame([{"id": "s", "eligible": 5}], schema=polars_schema("teacher_exchanges"))
    with pytest.raises(RuleConflictError, match=r"t\.route"):
        evaluate_duckdb(policy, "teacher_exchanges", frame, AFTER)


@pytest.mark.spark
def test_spark_sql_gives_the_duckdb_statuses(liujiang: Policy, tmp_path: Path) -> None:
    pyspark = pytest.importorskip("pyspark")
    from pyspark.sql import SparkSession

    assert pyspark
    frame = exchanges((70, 7, 1), (71, 7, 1), (0, 0, 0), (None, 3, None),
                      (10**12, 10**11, 12 * 10**9))
    path = tmp_path / "t.parquet"
    frame.write_parquet(path)
    spark = SparkSession.builder.master("local[1]").appName("xuequ").getOrCreate()
    try:
        spark.read.parquet(str(path)).createOrReplaceTempView("teacher_exchanges")
        sql = compile_sql(liujiang, "teacher_exchanges", AFTER, dialect="spark",
                          source="teacher_exchanges")
        rows = spark.sql(sql).orderBy("id").collect()
        expected = evaluate_duckdb(liujiang, "teacher_exchanges", frame, AFTER).sort("id")
        assert [row[MIN_SHARE] for row in rows] == statuses(expected, MIN_SHARE)
        assert [row[BACKBONE] for row in rows] == statuses(expected, BACKBONE)
    finally:
        spark.stop()
