"""Small tables in one query, with compiled work kept per policy, schema, date and mode: the
same results as the lazy path on every call, for every schema and every policy."""

from __future__ import annotations

import datetime as dt
from concurrent.futures import ThreadPoolExecutor

import polars as pl
import pytest

from xuequ_rules import FactsError, load_policy
from xuequ_rules.engines.frames import evaluate as frames
from xuequ_rules.engines.frames.cache import PolicyCache
from xuequ_rules.engines.polars_backend import (
    collect_checked,
    evaluate_frame,
    evaluate_lazy,
    polars_schema,
)
from xuequ_rules.policy.policy import Policy

AFTER = dt.date(2019, 6, 1)
BEFORE_ISSUE = dt.date(2018, 1, 24)
MIN_SHARE = "liujiang.teacher_exchange.min_share"
BACKBONE = "liujiang.teacher_exchange.backbone_share"
ROWS = [(70, 7, 1), (71, 7, 1), (0, 0, 0), (None, 3, 0), (50, None, 1), (80, 8, None)]


@pytest.fixture(scope="module")
def liujiang() -> Policy:
    return load_policy("liujiang")


def exchanges(rows: list[tuple[int | None, ...]], schema: dict[str, pl.DataType] | None = None,
              ) -> pl.DataFrame:
    data = [{"id": f"r{i}", "eligible": e, "rotated": r, "backbone_rotated": b}
            for i, (e, r, b) in enumerate(rows)]
    return pl.DataFrame(data, schema=schema or polars_schema("teacher_exchanges"))


def lazily(policy: Policy, frame: pl.DataFrame, as_of: dt.date, **kwargs: object
           ) -> pl.DataFrame:
    """The same table through the lazy path (what large tables and files take)."""
    lazy, plan = evaluate_lazy(policy, "teacher_exchanges", frame.lazy(), as_of, **kwargs)
    return collect_checked(lazy, plan, policy, frame)


def test_a_small_table_gives_the_lazy_paths_statuses_on_every_call(liujiang: Policy) -> None:
    frame = exchanges(ROWS)
    want = lazily(liujiang, frame, AFTER)
    for _ in range(3):
        got = evaluate_frame(liujiang, "teacher_exchanges", frame, AFTER)
        assert got.equals(want) and got.schema == want.schema
    assert [str(s) for s in want[MIN_SHARE]] == [
        "satisfied", "violated", "not_applicable", "undetermined", "undetermined", "satisfied"]


def test_a_table_without_the_backbone_column_is_not_given_a_cached_query_that_reads_it(
        liujiang: Policy) -> None:
    full = exchanges(ROWS)
    evaluate_frame(liujiang, "teacher_exchanges", full, AFTER)
    partial = full.drop("backbone_rotated")
    got = evaluate_frame(liujiang, "teacher_exchanges", partial, AFTER)
    assert got.equals(lazily(liujiang, partial, AFTER))
    assert {str(s) for s in got[BACKBONE]} <= {"undetermined", "not_applicable"}


def test_32_bit_and_reordered_columns_give_the_same_statuses(liujiang: Policy) -> None:
    want = evaluate_frame(liujiang, "teacher_exchanges", exchanges(ROWS), AFTER)
    narrow = exchanges(ROWS).with_columns(pl.col("eligible", "rotated").cast(pl.Int32))
    reordered = exchanges(ROWS).select("backbone_rotated", "rotated", "id", "eligible")
    for frame in (narrow, reordered, narrow):
        assert evaluate_frame(liujiang, "teacher_exchanges", frame, AFTER).equals(want)


def test_the_date_is_part_of_the_key_records_before_the_issue_are_not_in_force(
        liujiang: Policy) -> None:
    frame = exchanges(ROWS)
    after = evaluate_frame(liujiang, "teacher_exchanges", frame, AFTER)
    before = evaluate_frame(liujiang, "teacher_exchanges", frame, BEFORE_ISSUE)
    assert {str(s) for s in before[MIN_SHARE]} == {"not_in_force"}
    assert "satisfied" in {str(s) for s in after[MIN_SHARE]}
    assert before.equals(lazily(liujiang, frame, BEFORE_ISSUE))


def test_modes_are_part_of_the_key_what_if_and_unvalidated_decimals(liujiang: Policy) -> None:
    frame = exchanges(ROWS)
    for kwargs in ({"what_if": True}, {"validate": False}, {"decisions": False},
                   {"keep": ("id", "eligible")}, {}):
        got = evaluate_frame(liujiang, "teacher_exchanges", frame, BEFORE_ISSUE, **kwargs)
        assert got.equals(lazily(liujiang, frame, BEFORE_ISSUE, **kwargs)), kwargs
    kept = evaluate_frame(liujiang, "teacher_exchanges", frame, AFTER, keep=("id", "eligible"))
    assert kept.columns[:2] == ["id", "eligible"]


def test_two_policies_with_the_same_table_each_get_their_own_rules() -> None:
    liujiang, nantong = load_policy("liujiang"), load_policy("nantong")
    frame = exchanges(ROWS)
    for policy in (liujiang, nantong, liujiang):
        got = evaluate_frame(policy, "teacher_exchanges", frame, AFTER)
        assert got.equals(lazily(policy, frame, AFTER))
        assert all(column == "id" or column.startswith(policy.name) for column in got.columns)


def test_a_refused_value_in_a_small_table_raises_like_the_lazy_path(liujiang: Policy) -> None:
    evaluate_frame(liujiang, "teacher_exchanges", exchanges(ROWS), AFTER)
    with pytest.raises(FactsError, match="eligible"):
        evaluate_frame(liujiang, "teacher_exchanges", exchanges([(70, 7, 1), (-1, 0, 0)]),
                       AFTER)
    bad = exchanges([(70, 7, 1), (70, 2, 5)])      # more backbone teachers than rotated
    with pytest.raises(FactsError) as small:
        evaluate_frame(liujiang, "teacher_exchanges", bad, AFTER)
    with pytest.raises(FactsError) as lazy:
        lazily(liujiang, bad, AFTER)
    assert str(small.value) == str(lazy.value)
    assert "teacher_exchanges.1" in str(small.value) and "backbone_rotated" in str(small.value)


def test_threads_evaluating_at_once_get_identical_results(liujiang: Policy) -> None:
    frames._QUERIES.clear()
    tables = [exchanges(ROWS[k:] + ROWS[:k]) for k in range(len(ROWS))]
    want = [lazily(liujiang, table, AFTER) for table in tables]
    with ThreadPoolExecutor(8) as pool:
        got = list(pool.map(lambda k: evaluate_frame(liujiang, "teacher_exchanges",
                                                     tables[k % len(tables)], AFTER),
                            range(64)))
    assert all(result.equals(want[k % len(tables)]) for k, result in enumerate(got))


def test_the_policy_cache_is_bounded_and_rebuilds_what_it_dropped(liujiang: Policy) -> None:
    cache: PolicyCache[str] = PolicyCache(2)
    built: list[str] = []

    def build(key: str) -> str:
        built.append(key)
        return key.upper()

    for key in ("a", "b", "a", "c", "b"):
        assert cache.get(liujiang, key, lambda key=key: build(key)) == key.upper()
    assert len(cache) == 2
    assert built == ["a", "b", "c", "b"]     # "b" was the oldest when "c" came


def test_the_policy_cache_keeps_values_apart_per_policy_object(liujiang: Policy) -> None:
    nantong = load_policy("nantong")
    cache: PolicyCache[str] = PolicyCache(4)
    assert cache.get(liujiang, "k", lambda: "liujiang") == "liujiang"
    assert cache.get(nantong, "k", lambda: "nantong") == "nantong"
    assert cache.get(liujiang, "k", lambda: "rebuilt") == "liujiang"
