"""The polars bulk engine: exact thresholds, three-valued statuses, periods, decisions."""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal
from pathlib import Path

import polars as pl
import pytest

from xuequ_rules import FactsError, RuleConflictError, evaluate, load_policy
from xuequ_rules.engines.polars_backend import (
    STATUS_DTYPE,
    evaluate_file,
    evaluate_frame,
    explain_rows,
    polars_schema,
    status_counts,
)
from xuequ_rules.facts.loader import parse_facts
from xuequ_rules.policy.dsl import Case, Cite, Decision, Modality, Outcome, Rule, f, zh_en
from xuequ_rules.policy.expr import count_true
from xuequ_rules.policy.policy import Policy

AFTER = dt.date(2019, 6, 1)
MIN_SHARE = "liujiang.teacher_exchange.min_share"
BACKBONE = "liujiang.teacher_exchange.backbone_share"


@pytest.fixture(scope="module")
def liujiang() -> Policy:
    return load_policy("liujiang")


def exchanges(*rows: tuple[int | None, int | None, int | None]) -> pl.DataFrame:
    data = [{"id": f"r{i}", "eligible": e, "rotated": r, "backbone_rotated": b}
            for i, (e, r, b) in enumerate(rows)]
    return pl.DataFrame(data, schema=polars_schema("teacher_exchanges"))


def statuses(result: pl.DataFrame, rule_id: str) -> list[str]:
    return [str(v) for v in result[rule_id].to_list()]


# ── the 10% and 12% rotation shares (三/(四)/3), at, below and above the threshold ──

def test_liujiang_rotation_of_exactly_10_percent_of_70_is_satisfied(liujiang: Policy) -> None:
    result = evaluate_frame(liujiang, "teacher_exchanges", exchanges((70, 7, 1)), AFTER)
    assert statuses(result, MIN_SHARE) == ["satisfied"]


def test_liujiang_rotation_just_below_and_above_10_percent(liujiang: Policy) -> None:
    result = evaluate_frame(liujiang, "teacher_exchanges",
                            exchanges((71, 7, 1), (69, 7, 1), (70, 6, 1)), AFTER)
    assert statuses(result, MIN_SHARE) == ["violated", "satisfied", "violated"]


def test_liujiang_backbone_share_of_exactly_12_percent_is_satisfied(liujiang: Policy) -> None:
    result = evaluate_frame(liujiang, "teacher_exchanges",
                            exchanges((175, 25, 3), (175, 25, 2), (1000, 175, 21)), AFTER)
    assert statuses(result, BACKBONE) == ["satisfied", "violated", "satisfied"]


def test_liujiang_rotation_with_counts_of_10_to_the_12_does_not_overflow(
        liujiang: Policy) -> None:
    big = 10**12
    result = evaluate_frame(liujiang, "teacher_exchanges",
                            exchanges((big, big // 10, big // 100 * 12 // 10),
                                      (big, big // 10 - 1, 0)), AFTER)
    assert statuses(result, MIN_SHARE) == ["satisfied", "violated"]
    assert statuses(result, BACKBONE) == ["satisfied", "violated"]


def test_liujiang_rotation_with_no_eligible_teachers_is_not_applicable(
        liujiang: Policy) -> None:
    result = evaluate_frame(liujiang, "teacher_exchanges", exchanges((0, 0, 0)), AFTER)
    assert statuses(result, MIN_SHARE) == ["not_applicable"]
    assert statuses(result, BACKBONE) == ["not_applicable"]


def test_liujiang_rotation_with_missing_facts_is_undetermined(liujiang: Policy) -> None:
    result = evaluate_frame(liujiang, "teacher_exchanges",
                            exchanges((None, 5, 1), (70, None, None)), AFTER)
    assert statuses(result, MIN_SHARE) == ["undetermined", "undetermined"]
    assert statuses(result, BACKBONE) == ["satisfied", "undetermined"]


def test_statuses_are_an_enum_and_counts_add_up(liujiang: Policy) -> None:
    frame = exchanges((70, 7, 1), (71, 7, 1), (0, 0, 0), (None, 1, 0))
    result = evaluate_frame(liujiang, "teacher_exchanges", frame, AFTER)
    assert result.schema[MIN_SHARE] == STATUS_DTYPE
    counts = status_counts(result, liujiang, "teacher_exchanges")
    assert counts[MIN_SHARE] == {"satisfied": 1, "violated": 1, "not_applicable": 1,
                                 "undetermined": 1, "not_in_force": 0}


def test_counts_are_int64_and_ratios_exact_decimals(liujiang: Policy) -> None:
    schema = polars_schema("teacher_exchanges")
    assert schema["eligible"] == pl.Int64
    indicators = polars_schema("district_indicators", liujiang)
    assert isinstance(indicators["pairing_coverage"], pl.Decimal)


def test_32_bit_input_columns_are_widened(liujiang: Policy) -> None:
    frame = pl.DataFrame({"id": ["a"], "eligible": [70], "rotated": [7], "backbone_rotated": [1]},
                         schema={"id": pl.String, "eligible": pl.Int32, "rotated": pl.Int16,
                                 "backbone_rotated": pl.UInt8})
    result = evaluate_frame(liujiang, "teacher_exchanges", frame, AFTER)
    assert statuses(result, MIN_SHARE) == ["satisfied"]


def test_same_statuses_as_the_reference_evaluator(liujiang: Policy) -> None:
    rows = [(70, 7, 1), (71, 7, 0), (0, 0, 0), (None, 3, None), (10**12, 10**11, 0)]
    result = evaluate_frame(liujiang, "teacher_exchanges", exchanges(*rows), AFTER)
    facts = {"teacher_exchanges": [
        {"id": f"r{i}", "eligible": e, "rotated": r, "backbone_rotated": b}
        for i, (e, r, b) in enumerate(rows)]}
    reference = evaluate(liujiang, facts, AFTER)
    for finding in reference.for_rule(MIN_SHARE) + reference.for_rule(BACKBONE):
        index = int(finding.record.split("[r")[1].rstrip("]"))
        assert str(result[finding.rule.id][index]) == finding.status.value


# ── dates: targets judged at their deadline, validity of the policy ───────────

def test_liujiang_2018_group_targets_before_the_deadline_are_not_applicable(
        liujiang: Policy) -> None:
    frame = pl.DataFrame([{"id": "d", "year": 2018, "education_groups_primary": 0}],
                         schema=polars_schema("district_indicators", liujiang))
    before = evaluate_frame(liujiang, "district_indicators", frame, dt.date(2018, 12, 30))
    at = evaluate_frame(liujiang, "district_indicators", frame, dt.date(2018, 12, 31))
    rule = "liujiang.education_groups.primary_2018"
    assert statuses(before, rule) == ["not_applicable"]
    assert statuses(at, rule) == ["violated"]


def test_undated_records_before_the_policy_is_issued_are_not_in_force(liujiang: Policy) -> None:
    result = evaluate_frame(liujiang, "teacher_exchanges", exchanges((70, 1, 0), (5, 5, 5)),
                            dt.date(2018, 1, 24))
    assert statuses(result, MIN_SHARE) == ["not_in_force", "not_in_force"]


# ── exceptions, checklist duties, explanations ─────────────────────────────────

def test_liujiang_alliance_and_other_zones_are_undetermined_under_the_open_two_forms(
        liujiang: Policy) -> None:
    frame = pl.DataFrame([{"id": "z1", "form": "school_alliance", "principal_heads": 1},
                          {"id": "z2", "form": "other", "principal_heads": 2},
                          {"id": "z3", "form": "education_group", "principal_heads": 1}],
                         schema=polars_schema("zones"))
    result = evaluate_frame(liujiang, "zones", frame, AFTER)
    # 三/(一)/2 permits alliances and other models once pairing covers every school
    assert statuses(result, "liujiang.zone.allowed_forms") == [
        "undetermined", "undetermined", "satisfied"]
    assert statuses(result, "liujiang.zone.one_principal_head") == [
        "satisfied", "violated", "satisfied"]


def test_liujiang_checklist_duty_attested_not_attested_missing(liujiang: Policy) -> None:
    column = "attestations.liujiang.duty.zoning"
    frame = pl.DataFrame({column: [True, False, None]}, schema={column: pl.Boolean})
    result = evaluate_frame(liujiang, "scenario", frame, AFTER)
    assert statuses(result, "liujiang.duty.zoning") == ["satisfied", "violated", "undetermined"]
    # duties with no column are undetermined, for every scenario
    assert statuses(result, "liujiang.duty.inspection") == ["undetermined"] * 3


def test_explanations_come_from_the_reference_evaluator_for_requested_rows_only(
        liujiang: Policy) -> None:
    frame = exchanges((70, 7, 1), (71, 7, 1))
    explained = explain_rows(liujiang, "teacher_exchanges", frame, [1], AFTER)
    assert list(explained) == [1]
    finding = next(f for f in explained[1] if f.rule.id == MIN_SHARE)
    assert finding.status.value == "violated"
    assert "7 ≥ 7.1" in finding.explanation.en or "7 >= 7.1" in finding.explanation.en


# ── files and validation ───────────────────────────────────────────────────────

def test_parquet_and_csv_files_give_the_same_statuses(liujiang: Policy, tmp_path: Path) -> None:
    frame = exchanges((70, 7, 1), (71, 7, 1), (0, 0, 0), (None, 3, None))
    frame.write_parquet(tmp_path / "t.parquet")
    frame.write_csv(tmp_path / "t.csv")
    by_parquet = evaluate_file(liujiang, "teacher_exchanges", tmp_path / "t.parquet", AFTER)
    by_csv = evaluate_file(liujiang, "teacher_exchanges", tmp_path / "t.csv", AFTER)
    assert by_parquet.equals(by_csv)
    assert statuses(by_csv, MIN_SHARE) == ["satisfied", "violated", "not_applicable",
                                           "undetermined"]


def test_csv_decimal_ratios_are_read_exactly(liujiang: Policy, tmp_path: Path) -> None:
    path = tmp_path / "d.csv"
    path.write_text("id,pairing_coverage\na,1\nb,0.9999999\nc,1.000\nd,\n", encoding="utf-8")
    result = evaluate_file(liujiang, "district_indicators", path, AFTER)
    assert statuses(result, "liujiang.pairing.coverage_for_alliance") == [
        "satisfied", "not_applicable", "satisfied", "undetermined"]


def test_negative_counts_are_refused_like_the_fact_model(liujiang: Policy) -> None:
    with pytest.raises(FactsError, match="eligible"):
        evaluate_frame(liujiang, "teacher_exchanges", exchanges((-1, 0, 0)), AFTER)


def national_school(**totals: object) -> dict[str, object]:
    school: dict[str, object] = {
        "id": "s1", "stage": "primary", "students": 1000, "special_education": False,
        "teaching_point": False, "teachers_above_required_qualification": 42,
        "backbone_teachers_county_level": 10, "pe_art_teachers": 9, "multimedia_classrooms": 23,
        "teaching_space_m2": Decimal("4500.00"), "sports_space_m2": Decimal("7500.00"),
        "equipment_value": Decimal("2000000.00")}
    return {**school, **totals}


@pytest.mark.parametrize(("field", "value"), [
    ("teaching_space_m2", Decimal("1E15")),          # a plain number: |value| < 10**15
    ("sports_space_m2", Decimal("1000000000000000.00")),
    ("equipment_value", Decimal("1E19")),            # yuan: 10**15 万元 at most
    ("teaching_space_m2", Decimal("-0.01")),         # areas are not negative
])
def test_quantities_outside_the_models_bounds_or_magnitude_are_refused_by_both_table_engines(
        field: str, value: Decimal) -> None:
    national = load_policy("national")
    school = national_school(**{field: value})
    with pytest.raises(FactsError):
        parse_facts({"schools": [school]}, policy=national)
    frame = pl.DataFrame([school], schema_overrides={
        name: pl.Decimal(38, 2) for name in ("teaching_space_m2", "sports_space_m2",
                                             "equipment_value")})
    with pytest.raises(FactsError, match=field):
        evaluate_frame(national, "schools", frame, dt.date(2024, 9, 1))
    from xuequ_rules.engines.sql_backend import evaluate_duckdb
    with pytest.raises(FactsError, match=field):
        evaluate_duckdb(national, "schools", frame, dt.date(2024, 9, 1))


@pytest.mark.parametrize(("field", "value", "given"), [
    ("teaching_space_m2", Decimal("999999999999999.99"), None),
    # the largest yuan: 10**15 万元 less a hundredth of a yuan
    ("equipment_value", Decimal("9999999999999999999.99"),
     {"value": Decimal("999999999999999.999999"), "unit": "万元"}),
    ("equipment_value", Decimal("1699999.99"), None),  # a cent below 85% of 2,000 yuan × 1,000
    ("sports_space_m2", Decimal("6375.00"), None),     # exactly 85% of 7.5 m² × 1,000
])
def test_national_indicators_agree_with_the_reference_up_to_the_largest_quantities(
        field: str, value: Decimal, given: object) -> None:
    national = load_policy("national")
    school = national_school(**{field: value})
    as_of = dt.date(2024, 9, 1)
    frame = pl.DataFrame([school], schema_overrides={
        name: pl.Decimal(38, 2) for name in ("teaching_space_m2", "sports_space_m2",
                                             "equipment_value")})
    result = evaluate_frame(national, "schools", frame, as_of)
    facts = {"schools": [{**school, field: given if given is not None else value}]}
    reference = evaluate(national, parse_facts(facts, policy=national), as_of)
    want = {f.rule.id: f.status.value for f in reference.findings
            if f.rule.id in result.columns}
    assert want and {rule: result[rule][0] for rule in want} == want


# ── generic semantics on a small synthetic policy (division, decisions, forbids) ──

def synthetic(liujiang: Policy) -> Policy:
    """Rules over liujiang's document exercising what liujiang itself does not use."""
    share = liujiang.parameter("liujiang.teacher_exchange.min_share")
    cite = (Cite("三/(四)/3", "全区每年交流轮岗教师的比例不低于符合交流条件教师总数的10%"),)
    party = zh_en("区教育行政部门", "district education authority")
    base = {"party": party, "cites": cite, "subject": "teacher_exchanges"}
    rules = (
        Rule(id="t.ratio", title=zh_en("比例", "ratio"), kind=Modality.OBLIGATION,
             requires=f.rotated / f.eligible >= share, **base),
        Rule(id="t.forbid", title=zh_en("禁止", "forbid"), kind=Modality.PROHIBITION,
             forbids=(f.rotated - f.backbone_rotated) * 3 > f.eligible, **base),
        Rule(id="t.permit", title=zh_en("许可", "permit"), kind=Modality.PERMISSION,
             requires=~(f.year.isin((2019, 2020))) | (f.backbone_rotated / f.rotated > share),
             **base),
        Rule(id="t.count", title=zh_en("计数", "count"), kind=Modality.OBLIGATION,
             requires=count_true(f.rotated > 0, f.rotated / f.eligible >= share,
                                 f.backbone_rotated.is_known()) >= 2, **base),
        Decision(id="t.route", title=zh_en("决策", "decision"), question="t.route",
                 cases=(Case(f.eligible >= 100, Outcome("big", zh_en("大", "big"))),
                        Case(f.eligible < 100, Outcome("small", zh_en("小", "small")))),
                 actual=f.area, **base),
    )
    # about the rules' logic, not the plan's lifecycle: no end to its period
    return dataclasses.replace(liujiang, rules=rules, parameters=(share,), valid_from=None,
                               valid_until=None, validity=None)


def synthetic_rows() -> list[dict[str, object]]:
    return [
        {"id": "a", "eligible": 70, "rotated": 7, "backbone_rotated": 1, "year": 2019,
         "area": "small"},
        {"id": "b", "eligible": 0, "rotated": 0, "backbone_rotated": 0, "year": 2021,
         "area": "big"},
        {"id": "c", "eligible": 300, "rotated": 120, "backbone_rotated": 10, "year": None,
         "area": None},
        {"id": "d", "eligible": None, "rotated": 5, "backbone_rotated": 1, "year": 2020,
         "area": "big"},
    ]


def reference_statuses(policy: Policy, rows: list[dict[str, object]]) -> dict[str, list[str]]:
    facts = {"teacher_exchanges": [{k: v for k, v in r.items() if v is not None} for r in rows]}
    out: dict[str, list[str]] = {}
    for finding in evaluate(policy, facts, AFTER).findings:
        if finding.rule.subject == "teacher_exchanges":
            out.setdefault(finding.rule.id, []).append(finding.status.value)
    return out


def test_division_by_zero_is_not_applicable_and_other_forms_match_the_reference(
        liujiang: Policy) -> None:
    policy = synthetic(liujiang)
    rows = synthetic_rows()
    result = evaluate_frame(policy, "teacher_exchanges",
                            pl.DataFrame(rows, schema=polars_schema("teacher_exchanges")), AFTER)
    expected = reference_statuses(policy, rows)
    assert expected["t.ratio"] == ["satisfied", "not_applicable", "satisfied", "undetermined"]
    for rule_id, values in expected.items():
        assert statuses(result, rule_id) == values, rule_id
    assert result["t.route#decision"].to_list() == ["small", "small", "big", None]
    assert statuses(result, "t.route") == ["satisfied", "violated", "undetermined",
                                           "undetermined"]


def test_a_decision_table_with_no_case_raises_like_the_reference(liujiang: Policy) -> None:
    policy = synthetic(liujiang)
    route = policy.rule("t.route")
    broken = dataclasses.replace(route, cases=route.cases[:1])
    policy = dataclasses.replace(policy, rules=(broken,))
    rows = [{"id": "s", "eligible": 5, "rotated": 0, "backbone_rotated": 0}]
    with pytest.raises(RuleConflictError):
        evaluate(policy, {"teacher_exchanges": rows}, AFTER)
    with pytest.raises(RuleConflictError, match=r"t\.route"):
        evaluate_frame(policy, "teacher_exchanges",
                       pl.DataFrame(rows, schema=polars_schema("teacher_exchanges")), AFTER)


def test_exact_decimal_products_keep_every_digit(liujiang: Policy) -> None:
    coverage = f.pairing_coverage * f.pairing_coverage >= Decimal("0.01481472") / Decimal(
        "0.12")
    cite = (Cite("三/(一)/2", "在结对帮扶形式100%全覆盖的基础上"),)
    rule = Rule(id="t.square", title=zh_en("平方", "square"), kind=Modality.OBLIGATION,
                party=zh_en("区", "district"), subject="district_indicators", cites=cite,
                requires=coverage)
    policy = dataclasses.replace(liujiang, rules=(rule,), parameters=())
    # the boundary is 0.123456: 0.351364² = 0.123456660496, 0.351363² = 0.123455957769
    rows = [{"id": "x", "pairing_coverage": Decimal("0.351364")},
            {"id": "y", "pairing_coverage": Decimal("0.351363")}]
    frame = pl.DataFrame(rows, schema=polars_schema("district_indicators", policy))
    result = evaluate_frame(policy, "district_indicators", frame, AFTER)
    expected = reference_statuses_for(policy, "district_indicators", rows)
    assert statuses(result, "t.square") == expected == ["satisfied", "violated"]


def reference_statuses_for(policy: Policy, collection: str,
                           rows: list[dict[str, object]]) -> list[str]:
    return [f.status.value for f in evaluate(policy, {collection: rows}, AFTER).findings]


# ── xuequ eval-bulk ────────────────────────────────────────────────────────────

def test_eval_bulk_writes_per_row_statuses_and_prints_counts(tmp_path: Path) -> None:
    import json

    from typer.testing import CliRunner

    from xuequ_rules.cli.app import app

    source, out = tmp_path / "t.parquet", tmp_path / "statuses.parquet"
    exchanges((70, 7, 1), (71, 7, 1), (0, 0, 0), (None, 3, None)).write_parquet(source)
    result = CliRunner().invoke(app, ["eval-bulk", "liujiang", str(source), "--as-of",
                                      "2019-06-01", "--out", str(out), "--json",
                                      "--batch-rows", "3", "--explain", "1"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["collection"] == "teacher_exchanges"       # guessed from the columns
    assert report["rows"] == 4
    assert report["counts"][MIN_SHARE] == {"satisfied": 1, "violated": 1,
                                           "not_applicable": 1, "undetermined": 1,
                                           "not_in_force": 0}
    explained = {f["rule"]: f for f in report["explanations"]["1"]}
    assert explained[MIN_SHARE]["status"] == "violated"
    assert "7.1" in explained[MIN_SHARE]["explanation"]["en"]
    written = pl.read_parquet(out)
    assert written["id"].to_list() == ["r0", "r1", "r2", "r3"]
    assert statuses(written, MIN_SHARE) == ["satisfied", "violated", "not_applicable",
                                            "undetermined"]


def test_eval_bulk_on_csv_with_duckdb_prints_a_table(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from xuequ_rules.cli.app import app

    source, out = tmp_path / "t.csv", tmp_path / "statuses.csv"
    exchanges((70, 7, 1), (71, 7, 1)).write_csv(source)
    result = CliRunner().invoke(app, ["eval-bulk", "liujiang", str(source), "-c",
                                      "teacher_exchanges", "--as-of", "2019-06-01",
                                      "--engine", "duckdb", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "liujiang.teac" in result.stdout and "rows" in result.stdout
    assert pl.read_csv(out)[MIN_SHARE].to_list() == ["satisfied", "violated"]


def test_eval_bulk_refuses_an_unknown_engine_and_a_collection_without_rules(
        tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from xuequ_rules.cli.app import app
    from xuequ_rules.errors import XuequError

    source = tmp_path / "t.parquet"
    exchanges((70, 7, 1)).write_parquet(source)
    bad_engine = CliRunner().invoke(app, ["eval-bulk", "liujiang", str(source),
                                          "--engine", "oracle"])
    assert isinstance(bad_engine.exception, XuequError)
    no_rules = CliRunner().invoke(app, ["eval-bulk", "liujiang", str(source), "-c", "mentoring"])
    assert isinstance(no_rules.exception, XuequError)
