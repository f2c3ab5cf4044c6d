"""The SQL engine: sqlglot-generated SQL for DuckDB and Spark, run on DuckDB."""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import shutil
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

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

from xuequ_rules import FactsError, RuleConflictError, evaluate, load_policy
from xuequ_rules.engines.polars_backend import evaluate_frame, polars_schema, status_counts
from xuequ_rules.engines.sql_backend import (
    compile_sql,
    duckdb_status_counts,
    evaluate_duckdb,
)
from xuequ_rules.policy.dsl import Cite, Modality, Rule, f, zh_en
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


def test_decimal_products_beyond_64_bits_stay_exact_on_duckdb(liujiang: Policy) -> None:
    # at 10 decimal places coverage² exceeds 64 bits: the scaled-integer query overflows,
    # the DECIMAL one decides (the boundary is 0.123456: 0.351364² above, 0.351363² below)
    coverage = f.pairing_coverage * f.pairing_coverage >= Decimal("0.01481472") / Decimal(
        "0.12")
    cite = (Cite("三/(一)/2", "在结对帮扶形式100%全覆盖的基础上"),)
    rule = Rule(id="t.square", title=zh_en("平方", "square"), kind=Modality.OBLIGATION,
                party=zh_en("区", "district"), subject="district_indicators", cites=cite,
                requires=coverage)
    policy = dataclasses.replace(liujiang, rules=(rule,), parameters=())
    rows = [{"id": "x", "pairing_coverage": Decimal("0.351364")},
            {"id": "y", "pairing_coverage": Decimal("0.351363")}]
    frame = pl.DataFrame(rows, schema={"id": pl.String, "pairing_coverage": pl.Decimal(38, 10)})
    result = evaluate_duckdb(policy, "district_indicators", frame, AFTER)
    assert statuses(result, "t.square") == ["satisfied", "violated"]


def test_a_value_far_beyond_its_bound_is_refused_on_duckdb_as_in_polars(liujiang: Policy) -> None:
    # 10**20 overflows both the scaled 64-bit and the DECIMAL query: the facts model's error
    # (the row and the field), not DuckDB's, as polars gives it
    rows = [{"id": "x", "pairing_coverage": Decimal("0.5")},
            {"id": "y", "pairing_coverage": Decimal(10**20)}]
    frame = pl.DataFrame(rows, schema={"id": pl.String, "pairing_coverage": pl.Decimal(38, 10)})
    with pytest.raises(FactsError) as in_polars:
        evaluate_frame(liujiang, "district_indicators", frame, AFTER)
    with pytest.raises(FactsError) as on_duckdb:
        evaluate_duckdb(liujiang, "district_indicators", frame, AFTER)
    assert str(on_duckdb.value) == str(in_polars.value)
    assert "district_indicators[y].pairing_coverage" in str(on_duckdb.value)


def test_duckdb_reads_a_frame_from_memory_writes_no_file_and_leaves_the_connection_clean(
        liujiang: Policy, monkeypatch: pytest.MonkeyPatch) -> None:
    def no_file(*args: Any, **kwargs: Any) -> None:
        raise AssertionError("a file was written")

    monkeypatch.setattr(pl.LazyFrame, "sink_parquet", no_file)
    monkeypatch.setattr(pl.DataFrame, "write_parquet", no_file)
    con = duckdb.connect()
    frame = exchanges((70, 7, 1), (71, 7, 1))
    result = evaluate_duckdb(liujiang, "teacher_exchanges", frame, AFTER, con=con)
    assert statuses(result, MIN_SHARE) == ["satisfied", "violated"]
    assert con.execute("SELECT table_name FROM duckdb_tables() UNION ALL "
                       "SELECT view_name FROM duckdb_views() WHERE NOT internal").fetchall() == []


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
                         schema=polars_schema("district_indicators", liujiang))
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


# ── Spark (local mode): the generated Spark SQL really runs ────────────────────

@pytest.fixture(scope="module")
def spark() -> Iterator[Any]:
    """The process's held Spark session for the module (local[1], 1 shuffle partition)."""
    pytest.importorskip("pyspark")
    if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
        pytest.skip("Spark needs Java 17+")
    from xuequ_rules.engines.sql.spark_session import close_spark_session, spark_session

    yield spark_session(SPARK_MASTER, config={"spark.sql.shuffle.partitions": "1",
                                              "spark.default.parallelism": "1"})
    close_spark_session()


SPARK_MASTER = "local[1]"


def _spark_table(spark: Any, frame: pl.DataFrame, name: str, tmp_path: Path) -> None:
    path = tmp_path / f"{name}.parquet"
    frame.write_parquet(path)
    spark.read.parquet(str(path)).createOrReplaceTempView(name)


@pytest.mark.spark
def test_spark_sql_gives_the_reference_statuses_for_record_rules(
        spark: Any, liujiang: Policy, tmp_path: Path) -> None:
    # liujiang's 10% / 12% shares at, just below and just above, zero, missing, 10**12
    big = 10**12
    frame = exchanges((70, 7, 1), (71, 7, 1), (69, 7, 1), (0, 0, 0), (None, 3, None),
                      (175, 25, 3), (175, 25, 2), (big, big // 10, 12 * 10**9),
                      (big, big // 10 - 1, 12 * 10**9 - 1))
    _spark_table(spark, frame, "teacher_exchanges", tmp_path)
    sql = compile_sql(liujiang, "teacher_exchanges", AFTER, dialect="spark",
                      source="teacher_exchanges")
    rows = sorted(spark.sql(sql).collect(), key=lambda row: int(row["id"][1:]))
    facts = {"teacher_exchanges": [{k: v for k, v in r.items() if v is not None}
                                   for r in frame.to_dicts()]}
    reference = evaluate(liujiang, facts, AFTER)
    for rule_id in (MIN_SHARE, BACKBONE):
        expected = [f.status.value for f in reference.for_rule(rule_id)]
        assert [row[rule_id] for row in rows] == expected, rule_id
    # division by zero, prohibitions, permissions, counts and a decision table
    policy = synthetic(liujiang)
    synthetic_frame = pl.DataFrame(synthetic_rows(), schema=polars_schema("teacher_exchanges"))
    _spark_table(spark, synthetic_frame, "synthetic", tmp_path)
    rows = spark.sql(compile_sql(policy, "teacher_exchanges", AFTER, dialect="spark",
                                 source="synthetic")).collect()
    rows = sorted(rows, key=lambda row: str(row["id"]))
    for rule_id, values in reference_statuses(policy, synthetic_rows()).items():
        assert [row[rule_id] for row in rows] == values, rule_id
    assert [row["t.route#decision"] for row in rows] == ["small", "small", "big", None]


@pytest.mark.spark
def test_spark_sql_gives_the_reference_statuses_per_group(spark: Any, tmp_path: Path) -> None:
    from test_engine_agreement import GROUP_DAY, SCALE, _reference_groups, _school, grouped_policy

    from xuequ_rules.engines.polars_backend import decide_group
    from xuequ_rules.engines.sql_backend import compile_group_sql

    policy = grouped_policy()
    schools = [
        _school("A", 100, 100), _school("A", 100, 300),          # cv = 0.50 exactly
        _school("B", 100, 100), _school("B", 100, 301),          # just above
        _school("C", 100, 100), _school("C", 100, 299),          # just below
        _school("D", 3, 1), _school("D", 3, 3),                  # 0.50 with thirds: open
        _school("E", 100, None), _school("E", 100, 100),         # unknown item
        _school("F", 0, 1), _school("F", 100, None),             # first failing: 1/0
        _school("G", 100, None), _school("G", 0, 1),             # first failing: None
        _school("H", 100, 100, public=None),                     # inclusion unknown
        _school("I", 100, 0), _school("I", 50, 0),               # zero mean
        {"county": "A", "location": "town", "public": False, "students": 10**6,
         "teaching_space_m2": Decimal("7.000001")},
        {"county": "B", "location": "urban", "public": True, "students": 3,
         "teaching_space_m2": Decimal("100.125"), "stage": "junior"},
    ]
    rows = [{**row, "id": f"s{i}"} for i, row in enumerate(schools)]
    frame = pl.DataFrame(rows, schema=polars_schema("schools", policy, SCALE)).with_row_index(
        "__row__")
    _spark_table(spark, frame.with_columns(pl.col("__row__").cast(pl.Int64)), "schools",
                 tmp_path)
    sql = compile_group_sql(policy, "schools", GROUP_DAY, dialect="spark", source="schools",
                            order="__row__")
    got = {(row["rule"], row["group"]): row["status"] for row in spark.sql(sql).collect()}
    expected = _reference_groups(policy, "schools", rows, GROUP_DAY)
    assert isinstance(expected, dict)
    assert set(got) == set(expected)
    open_groups = {key for key, status in got.items() if status is None}
    # only the group at the limit with thirds is left to the exact check
    assert open_groups == {("g.cv_ratio", "schools[county=D,stage=primary]")}
    records = frame.drop("__row__").lazy()
    for rule_id, ref in open_groups:
        got[(rule_id, ref)] = decide_group(policy, policy.rule(rule_id), "schools", records,
                                           {"county": "D", "stage": "primary"}, ref, GROUP_DAY)
    assert got == expected
    assert expected[("g.cv_ratio", "schools[county=A,stage=primary]")] == "satisfied"
    assert expected[("g.cv_ratio", "schools[county=B,stage=primary]")] == "violated"
    assert expected[("g.cv_ratio", "schools[county=F,stage=primary]")] == "not_applicable"
    assert expected[("g.cv_ratio", "schools[county=G,stage=primary]")] == "undetermined"


@pytest.mark.spark
def test_spark_sql_refuses_rotated_above_eligible_like_the_reference(
        spark: Any, liujiang: Policy, tmp_path: Path) -> None:
    from xuequ_rules import FactsError
    from xuequ_rules.engines.sql_backend import compile_constraint_sql, refusal

    rows = [{"id": "a", "eligible": 100, "rotated": 10, "backbone_rotated": 1},
            {"id": "b", "eligible": 10, "rotated": 20},
            {"id": "c", "eligible": 10, "rotated": 5, "backbone_rotated": 6}]
    frame = pl.DataFrame(rows, schema=polars_schema("teacher_exchanges", liujiang))
    _spark_table(spark, frame.with_row_index("__order__").with_columns(
        pl.col("__order__").cast(pl.Int64)), "exchanges_checked", tmp_path)
    constraints, sql = compile_constraint_sql(liujiang, "teacher_exchanges", dialect="spark",
                                              source="exchanges_checked", order="__order__")
    (row,) = [r.asDict() for r in spark.sql(sql).collect()]
    with pytest.raises(FactsError) as reference:
        evaluate(liujiang, {"teacher_exchanges": rows}, AFTER)
    assert str(refusal("teacher_exchanges", constraints, row)) == str(reference.value)


@pytest.mark.spark
def test_spark_session_is_started_once_and_reused_and_refuses_another_master(
        spark: Any) -> None:
    from xuequ_rules.engines.sql.spark_session import held_spark_session, spark_session
    from xuequ_rules.errors import XuequError

    assert spark_session() is spark and spark_session(SPARK_MASTER) is spark
    assert held_spark_session() is spark
    with pytest.raises(XuequError, match="--master"):
        spark_session("local[2]")


def _decline_reference(ziyang: Policy, facts: pl.DataFrame, as_of: dt.date) -> dict[str, str]:
    from test_engine_agreement import DECLINE

    reference = evaluate(ziyang, ziyang.facts_model.model_validate({"assessments": [
        {k: v for k, v in row.items() if v is not None} for row in facts.to_dicts()]}), as_of)
    return {f.record: f.status.value for f in reference.findings if f.rule.id == DECLINE}


@pytest.mark.spark
def test_ziyang_two_consecutive_years_of_decline_run_on_spark_like_the_reference(
        spark: Any, tmp_path: Path) -> None:
    """连续两年下滑 (二/(五)/13) executed on Spark: declines in consecutive and in non-consecutive
    years, a missing year, unknown values, two records in one year, a missing school or year,
    and tables lacking the year, school or declined column — row by row as the reference."""
    from test_engine_agreement import DECLINE, DECLINE_HISTORY, _decline_frame

    from xuequ_rules.engines.sql.on_spark import spark_statuses, to_polars

    ziyang = load_policy("ziyang")
    as_of = dt.date(2026, 6, 1)
    history = [*DECLINE_HISTORY, ("K", 2024, True), ("K", 2025, True), ("K", 2026, None),
               ("L", 2023, True), ("L", 2025, True), ("L", 2026, True)]
    full = _decline_frame(history)
    frames = {"full": full, "reversed": _decline_frame(history[::-1]),
              **{f"no_{name}": full.drop(name) for name in ("year", "school", "declined")}}
    for name, facts in frames.items():
        path = tmp_path / f"{name}.parquet"
        facts.write_parquet(path)
        got = to_polars(spark_statuses(ziyang, "assessments", str(path), as_of, session=spark))
        assert got["id"].to_list() == facts["id"].to_list(), name
        expected = _decline_reference(ziyang, facts, as_of)
        assert {f"assessments[{row_id}]": status for row_id, status in
                zip(got["id"], got[DECLINE].cast(pl.String), strict=True)} == expected, name
        assert got.equals(evaluate_frame(ziyang, "assessments", facts, as_of)), name
    by_id = dict(zip(full["id"], to_polars(spark_statuses(
        ziyang, "assessments", str(tmp_path / "full.parquet"), as_of))[DECLINE].cast(pl.String),
        strict=True))
    position = {row: f"a{i}" for i, row in enumerate(history)}
    assert by_id[position[("A", 2026, True)]] == "violated"          # 2025 and 2026
    assert by_id[position[("B", 2026, True)]] == "not_applicable"    # 2024 and 2026
    assert by_id[position[("D", 2026, True)]] == "undetermined"      # 2025 unknown
    assert by_id[position[("K", 2025, True)]] == "violated"          # 2024 and 2025
    assert by_id[position[("L", 2026, True)]] == "violated"          # 2025 and 2026, not 2024


@pytest.mark.spark
def test_spark_refuses_a_value_out_of_bounds_like_the_polars_engine(
        spark: Any, liujiang: Policy, tmp_path: Path) -> None:
    from xuequ_rules import FactsError
    from xuequ_rules.engines.sql.on_spark import spark_statuses

    frame = exchanges((70, 7, 1), (10, 20, 1), (5, -1, 0))
    path = tmp_path / "bad.parquet"
    frame.write_parquet(path)
    with pytest.raises(FactsError) as by_polars:
        evaluate_frame(liujiang, "teacher_exchanges", frame, AFTER)
    with pytest.raises(FactsError) as by_spark:
        spark_statuses(liujiang, "teacher_exchanges", str(path), AFTER)
    assert str(by_spark.value) == str(by_polars.value)


@pytest.mark.spark
def test_eval_bulk_on_spark_in_local_mode_writes_the_polars_statuses(
        spark: Any, tmp_path: Path) -> None:
    import json

    from typer.testing import CliRunner

    from xuequ_rules.cli.app import app

    frame = exchanges((70, 7, 1), (71, 7, 1), (0, 0, 0), (None, 3, None), (175, 25, 3),
                      (175, 25, 2))
    parquet, csv = tmp_path / "t.parquet", tmp_path / "t.csv"
    frame.write_parquet(parquet)
    frame.write_csv(csv)
    reports = {}
    for engine, source in (("polars", parquet), ("spark", parquet), ("spark", csv)):
        out = tmp_path / f"{engine}-{source.suffix[1:]}.parquet"
        master = ["--master", SPARK_MASTER] if engine == "spark" else []
        result = CliRunner().invoke(app, ["eval-bulk", "liujiang", str(source), "-c",
                                          "teacher_exchanges", "--as-of", AFTER.isoformat(),
                                          "--out", str(out), "--json", "--engine", engine,
                                          *master])
        assert result.exit_code == 0, result.output
        reports[(engine, source.suffix)] = (json.loads(result.stdout)["counts"],
                                            pl.read_parquet(out))
    by_polars = reports[("polars", ".parquet")]
    assert reports[("spark", ".parquet")][0] == by_polars[0]
    assert reports[("spark", ".parquet")][1].equals(by_polars[1])
    assert reports[("spark", ".csv")][1].equals(by_polars[1])
    assert by_polars[1][MIN_SHARE].cast(pl.String).to_list()[:2] == ["satisfied", "violated"]


@pytest.mark.spark
def test_spark_submit_entry_writes_the_polars_statuses_and_prints_the_counts(
        spark: Any, liujiang: Policy, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import json

    from xuequ_rules.engines.sql import spark_submit

    frame = exchanges((70, 7, 1), (71, 7, 1), (0, 0, 0), (None, 3, None), (175, 25, 2))
    source, out = tmp_path / "t.parquet", tmp_path / "statuses"
    frame.write_parquet(source)
    arguments = ["liujiang", str(source), str(out), "-c", "teacher_exchanges",
                 "--as-of", AFTER.isoformat(), "--master", SPARK_MASTER]
    spark_submit.main(arguments)
    report = json.loads(capsys.readouterr().out)
    expected = evaluate_frame(liujiang, "teacher_exchanges", frame, AFTER)
    assert report["counts"] == status_counts(expected, liujiang, "teacher_exchanges")
    written = pl.read_parquet(out / "*.parquet").sort("id")
    assert written.with_columns(pl.exclude("id").cast(pl.String)).equals(
        expected.sort("id").with_columns(pl.exclude("id").cast(pl.String)))
    with pytest.raises(SystemExit) as exists:       # the output is never silently replaced
        spark_submit.main(arguments)
    assert exists.value.code == 2
    line = capsys.readouterr().err.strip()
    assert line.startswith("错误 error: ") and "\n" not in line
    spark_submit.main([*arguments, "--overwrite"])
    assert json.loads(capsys.readouterr().out)["counts"] == report["counts"]


@pytest.mark.spark
def test_grouped_rules_on_spark_give_the_reference_statuses_and_eval_bulk_the_polars_ones(
        spark: Any, tmp_path: Path) -> None:
    import json

    from test_engine_agreement import GROUP_DAY, SCALE, _reference_groups, _school, grouped_policy
    from typer.testing import CliRunner

    from xuequ_rules.cli.app import app
    from xuequ_rules.engines.polars_backend import evaluate_groups
    from xuequ_rules.engines.sql.on_spark_groups import spark_groups

    policy = grouped_policy()
    rows = [{**row, "id": f"s{i}"} for i, row in enumerate([
        _school("A", 100, 100), _school("A", 100, 300),          # cv = 0.50 exactly
        _school("B", 100, 100), _school("B", 100, 301),          # just above
        _school("D", 3, 1), _school("D", 3, 3),                  # 0.50 with thirds: exact check
        _school("E", 100, None), _school("E", 100, 100),         # unknown item
        _school("F", 0, 1), _school("F", 100, None)])]           # first failing: 1/0
    frame = pl.DataFrame(rows, schema=polars_schema("schools", policy, SCALE))
    got = spark_groups(policy, "schools", frame, GROUP_DAY)
    assert got.equals(evaluate_groups(policy, "schools", frame, GROUP_DAY))
    assert dict(zip(zip(got["rule"], got["group"], strict=True),
                    got["status"].cast(pl.String), strict=True)) == _reference_groups(
        policy, "schools", rows, GROUP_DAY)
    # through eval-bulk: national's per-county CV, per group as with polars
    source = tmp_path / "schools.parquet"
    frame.write_parquet(source)
    written = {}
    for engine in ("polars", "spark"):
        out = tmp_path / f"{engine}.parquet"
        master = ["--master", SPARK_MASTER] if engine == "spark" else []
        result = CliRunner().invoke(app, ["eval-bulk", "national", str(source), "-c", "schools",
                                          "--as-of", "2024-01-01", "--out", str(out), "--json",
                                          "--engine", engine, *master])
        assert result.exit_code == 0, result.output
        report = json.loads(result.stdout)
        written[engine] = (report["counts"], report["group_counts"], pl.read_parquet(out),
                           pl.read_parquet(tmp_path / f"{engine}.groups.parquet"))
    assert written["spark"][:2] == written["polars"][:2]
    assert written["spark"][2].equals(written["polars"][2])
    assert written["spark"][3].equals(written["polars"][3])


# ── grouped rules in SQL ───────────────────────────────────────────────────────

def test_grouped_sql_runs_on_duckdb_as_generated_and_never_uses_floats(tmp_path: Path) -> None:
    from test_engine_agreement import GROUP_DAY, SCALE, _reference_groups, _school, grouped_policy

    from xuequ_rules.engines.sql_backend import compile_group_sql

    policy = grouped_policy()
    rows = [{**row, "id": f"s{i}"} for i, row in enumerate([
        _school("A", 100, 100), _school("A", 100, 300), _school("B", 100, 100),
        _school("B", 100, 301), _school("C", 100, None), _school("C", 0, 1)])]
    frame = pl.DataFrame(rows, schema=polars_schema("schools", policy, SCALE))
    path = tmp_path / "schools.parquet"
    frame.with_row_index("__row__").write_parquet(path)
    for dialect in ("duckdb", "spark"):
        sql = compile_group_sql(policy, "schools", GROUP_DAY, dialect=dialect)
        assert "DOUBLE" not in sql.upper() and "FLOAT" not in sql.upper()
    sql = compile_group_sql(policy, "schools", GROUP_DAY, source="schools", order="__row__")
    con = duckdb.connect()
    con.execute(f"CREATE VIEW schools AS SELECT * FROM read_parquet('{path}')")
    got = {(rule, group): status for rule, group, status in con.execute(sql).fetchall()}
    assert got == _reference_groups(policy, "schools", rows, GROUP_DAY)
    assert got[("g.cv_ratio", "schools[county=A,stage=primary]")] == "satisfied"
    assert got[("g.cv_ratio", "schools[county=B,stage=primary]")] == "violated"


def test_eval_bulk_writes_per_group_statuses_next_to_the_per_row_ones(tmp_path: Path) -> None:
    import json

    from test_engine_agreement import SCALE, _school, grouped_policy
    from typer.testing import CliRunner

    from xuequ_rules.cli.app import app

    policy = grouped_policy()
    rows = [{**row, "id": f"s{i}"} for i, row in enumerate([
        _school("A", 100, 100), _school("A", 100, 300), _school("B", 100, 100),
        _school("B", 100, 301)])]
    source, out = tmp_path / "schools.parquet", tmp_path / "statuses.parquet"
    pl.DataFrame(rows, schema=polars_schema("schools", policy, SCALE)).write_parquet(source)
    national = load_policy("national")
    cv_rule = "national.county.cv.qualified_teachers.primary"
    assert cv_rule in {r.id for r in national.rules}
    for engine in ("polars", "duckdb"):
        result = CliRunner().invoke(app, ["eval-bulk", "national", str(source), "-c", "schools",
                                          "--as-of", "2024-01-01", "--out", str(out), "--json",
                                          "--engine", engine])
        assert result.exit_code == 0, result.output
        report = json.loads(result.stdout)
        assert report["groups_out"] == str(tmp_path / "statuses.groups.parquet")
        assert report["group_counts"][cv_rule] == {"satisfied": 1, "violated": 1,
                                                   "not_applicable": 0, "undetermined": 0,
                                                   "not_in_force": 0}
        groups = pl.read_parquet(tmp_path / "statuses.groups.parquet")
        statuses_by_group = {g: str(s) for r, g, s in groups.iter_rows() if r == cv_rule}
        assert statuses_by_group == {"schools[county=A,stage=primary]": "satisfied",
                                     "schools[county=B,stage=primary]": "violated"}
    text = CliRunner().invoke(app, ["eval-bulk", "national", str(source), "-c", "schools",
                                    "--as-of", "2024-01-01"])
    assert text.exit_code == 0, text.output
    assert "grouped rules" in text.stdout


def test_ziyang_consecutive_years_of_decline_in_compiled_duckdb_sql_match_the_reference() -> None:
    """连续两年下滑: the SQL text (windows over the school's years) gives, row by row and in
    table order, the reference's statuses; the Spark text has the same windows."""
    from test_engine_agreement import DECLINE, DECLINE_HISTORY, _decline_frame

    from xuequ_rules.engines.sql.on_duckdb import registered

    ziyang = load_policy("ziyang")
    as_of = dt.date(2026, 6, 1)
    facts = _decline_frame(DECLINE_HISTORY[::-1])
    reference = evaluate(ziyang, ziyang.facts_model.model_validate({"assessments": [
        {k: v for k, v in row.items() if v is not None} for row in facts.to_dicts()]}), as_of)
    expected = {f.record: f.status.value for f in reference.findings if f.rule.id == DECLINE}
    con = duckdb.connect()
    with registered(con, facts) as source:
        rows = con.execute(compile_sql(ziyang, "assessments", as_of, dialect="duckdb",
                                       source=source.strip('"'))).fetchall()
        columns = [d[0] for d in con.description]
    got = [(row[0], row[columns.index(DECLINE)]) for row in rows]
    assert [row_id for row_id, _ in got] == facts["id"].to_list()
    assert {f"assessments[{row_id}]": status for row_id, status in got} == expected
    spark = compile_sql(ziyang, "assessments", as_of, dialect="spark")
    assert spark.count("RANGE BETWEEN") == 2 and "PARTITION BY `school` ORDER BY `year`" in spark
