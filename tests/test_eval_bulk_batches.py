"""``xuequ eval-bulk`` in batches: the same statuses, counts, groups and errors as one batch.

The table is read ``--batch-rows`` rows at a time (memory bounded by the batch, the progress
bar advanced per batch) and the statuses are streamed to one output file; whatever the batch
size, the output files, the counts and the errors are those of one evaluation of the whole
table. Grouped rules (a county's schools) are judged over the whole table, never per batch.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import polars as pl
import pytest
from test_engine_agreement import SCALE, _school

from xuequ_rules.cli.app import main
from xuequ_rules.cli.bulk_stream import evaluate_in_batches
from xuequ_rules.engines.polars_backend import polars_schema
from xuequ_rules.registry import load_policy

MIN_SHARE = "liujiang.teacher_exchange.min_share"
CV_RULE = "national.county.cv.qualified_teachers.primary"


def _exchanges(rows: list[tuple[int | None, int | None, int | None]]) -> pl.DataFrame:
    return pl.DataFrame([{"id": f"r{i}", "eligible": e, "rotated": r, "backbone_rotated": b}
                         for i, (e, r, b) in enumerate(rows)],
                        schema=polars_schema("teacher_exchanges"))


# every status, zeros and nulls, spread over 10 rows (4 batches of 3)
ROWS: list[tuple[int | None, int | None, int | None]] = [
    (70, 7, 1), (71, 7, 1), (0, 0, 0), (None, 3, None), (100, 10, 2), (100, 9, None),
    (10**12, 10**11, 12 * 10**9), (50, None, 1), (80, 8, 0), (90, 20, 3)]


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exit_info:
        main(list(args))
    code = exit_info.value.code
    captured = capsys.readouterr()
    return (code if isinstance(code, int) else 0), captured.out, captured.err


def _bulk(capsys: pytest.CaptureFixture[str], policy: str, source: Path, out: Path,
          *extra: str) -> dict[str, Any]:
    code, stdout, err = _run(capsys, "eval-bulk", policy, str(source), "--out", str(out),
                             "--json", *extra)
    assert code == 0, err
    report: dict[str, Any] = json.loads(stdout)
    return report


@pytest.mark.parametrize("suffix", [".parquet", ".csv"])
def test_statuses_in_batches_of_3_equal_one_batch_row_for_row_in_order(
        suffix: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / f"t{suffix}"
    table = _exchanges(ROWS)
    if suffix == ".csv":
        table.write_csv(source)
    else:
        table.write_parquet(source)
    one, batched = tmp_path / f"one{suffix}", tmp_path / f"batched{suffix}"
    as_of = ("--as-of", "2019-06-01", "-c", "teacher_exchanges")
    whole = _bulk(capsys, "liujiang", source, one, *as_of)
    parts = _bulk(capsys, "liujiang", source, batched, *as_of, "--batch-rows", "3")
    assert {k: v for k, v in parts.items() if k != "out"} == \
        {k: v for k, v in whole.items() if k != "out"}
    assert one.read_bytes() == batched.read_bytes() if suffix == ".csv" else \
        pl.read_parquet(one).equals(pl.read_parquet(batched))
    written = pl.read_csv(batched) if suffix == ".csv" else pl.read_parquet(batched)
    assert written["id"].to_list() == [f"r{i}" for i in range(len(ROWS))]
    assert [str(s) for s in written[MIN_SHARE].to_list()[:4]] == [
        "satisfied", "violated", "not_applicable", "undetermined"]
    assert sum(whole["counts"][MIN_SHARE].values()) == len(ROWS)


def test_progress_advances_once_per_batch_by_the_rows_of_that_batch(tmp_path: Path) -> None:
    policy = load_policy("liujiang")
    table = _exchanges(ROWS).lazy()
    advanced: list[int] = []
    batched = evaluate_in_batches(policy, "teacher_exchanges", table, len(ROWS),
                                  dt.date(2019, 6, 1), engine="polars", what_if=False,
                                  batch_rows=3, out=tmp_path / "s.parquet",
                                  advance=advanced.append)
    assert advanced == [3, 3, 3, 1]
    assert pl.read_parquet(tmp_path / "s.parquet").height == len(ROWS)
    assert sum(batched.counts[MIN_SHARE].values()) == len(ROWS)


@pytest.mark.parametrize("engine", ["polars", "duckdb"])
def test_a_county_split_across_batches_is_judged_on_all_its_schools(
        engine: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """国家县域均衡: county A's schools sit in the first and the last batch; its coefficient
    of variation is the whole county's (the same groups, statuses and counts as one batch)."""
    national = load_policy("national")
    rows = [{**row, "id": f"s{i}"} for i, row in enumerate([
        _school("A", 100, 100), _school("B", 100, 100), _school("B", 100, 300),
        _school("C", 100, 100), _school("C", 100, 100), _school("A", 100, 301)])]
    source = tmp_path / "schools.parquet"
    pl.DataFrame(rows, schema=polars_schema("schools", national, SCALE)).write_parquet(source)
    args = ("-c", "schools", "--as-of", "2024-01-01", "--engine", engine)
    whole = _bulk(capsys, "national", source, tmp_path / "one.parquet", *args)
    parts = _bulk(capsys, "national", source, tmp_path / "batched.parquet", *args,
                  "--batch-rows", "2")
    assert parts["group_counts"] == whole["group_counts"] and parts["counts"] == whole["counts"]
    # (DuckDB gives a rule's groups in no fixed order, batched or not)
    one = pl.read_parquet(tmp_path / "one.groups.parquet").sort("rule", "group")
    batched = pl.read_parquet(tmp_path / "batched.groups.parquet").sort("rule", "group")
    assert batched.equals(one)
    assert pl.read_parquet(tmp_path / "batched.parquet").equals(
        pl.read_parquet(tmp_path / "one.parquet"))
    by_group = {g: str(s) for r, g, s in batched.iter_rows() if r == CV_RULE}
    # A: 100 and 301 qualified teachers per 100 pupils (CV just over the limit); a batch
    # holding only one of A's schools would have found CV 0 (satisfied); B (100 and 300)
    # lies exactly at the limit
    assert by_group["schools[county=A,stage=primary]"] == "violated"
    assert by_group["schools[county=B,stage=primary]"] == "satisfied"


@pytest.mark.parametrize(("bad", "field"), [((-1, 0, 0), "eligible"),
                                            ((10, 11, 0), "rotated")])
def test_a_refused_row_in_a_later_batch_exits_2_as_one_batch_would_and_writes_nothing(
        bad: tuple[int, int, int], field: str, tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    """A count below 0, or more teachers rotated than eligible, in row 8 (the third batch):
    one bilingual line naming the field and the row, the line one batch gives, no output."""
    source = tmp_path / "t.parquet"
    rows = [*ROWS[:8], bad, *ROWS[8:]]
    _exchanges(rows).write_parquet(source)
    errors = []
    for batch_rows in ("3", "1000"):
        out = tmp_path / f"s{batch_rows}.parquet"
        code, stdout, err = _run(capsys, "eval-bulk", "liujiang", str(source), "--out",
                                 str(out), "--json", "--batch-rows", batch_rows)
        assert code == 2 and stdout == ""
        lines = err.strip().splitlines()
        assert len(lines) == 1 and " / " in lines[0] and field in lines[0], err
        errors.append(lines[0])
    assert errors[0] == errors[1]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["t.parquet"]


DECLINE = "ziyang.assessment.decline_consequence"


def test_ziyang_two_year_decline_split_across_batches_is_still_seen_二_五_13(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # 二/(五)/13: two consecutive years of decline → the principal is rotated or demoted.
    # School A's 2023 and 2024 declines lie in different batches of 2 rows; the rule must
    # still see the run (a batch never cuts a run over consecutive records).
    table = pl.DataFrame({
        "id": ["a23", "b23", "b24", "a24", "c23"],
        "school": ["A", "B", "B", "A", "C"],
        "year": [2023, 2023, 2024, 2024, 2023],
        "declined": [True, False, True, True, True],
        "action": ["none", "none", "none", "none", "none"],
    })
    source = tmp_path / "assessments.parquet"
    table.write_parquet(source)
    whole = _bulk(capsys, "ziyang", source, tmp_path / "whole.parquet", "--collection",
                  "assessments", "--as-of", "2025-01-01")
    split = _bulk(capsys, "ziyang", source, tmp_path / "split.parquet", "--collection",
                  "assessments", "--as-of", "2025-01-01", "--batch-rows", "2")
    statuses = pl.read_parquet(tmp_path / "split.parquet")
    assert statuses.equals(pl.read_parquet(tmp_path / "whole.parquet"))
    assert split["counts"] == whole["counts"]
    by_id = dict(zip(statuses["id"], statuses[DECLINE].cast(pl.String), strict=True))
    assert by_id["a24"] == "violated"          # A declined in 2023 and 2024, action none
    assert by_id["b24"] == "not_applicable"    # B declined in 2024 only
