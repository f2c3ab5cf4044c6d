"""Hand-written baselines, written from the policy texts, not from the engine's code.

Each one is what an engineer would write for the same rules on the same input: plain polars,
plain DuckDB SQL, OpenFisca (vectorised numpy). Inputs are generated here too, deterministically.
"""

from __future__ import annotations

from typing import Any

import polars as pl

STATUS = pl.Enum(["satisfied", "violated", "not_applicable", "undetermined", "not_in_force"])


def _s(value: str) -> pl.Expr:
    return pl.lit(value, dtype=STATUS)


def three_valued(applies: pl.Expr, requires: pl.Expr) -> pl.Expr:
    """not applicable where the rule does not apply, undetermined where a fact is missing."""
    return (pl.when(applies.is_null()).then(_s("undetermined"))
            .when(~applies).then(_s("not_applicable"))
            .when(requires.is_null()).then(_s("undetermined"))
            .when(requires).then(_s("satisfied"))
            .otherwise(_s("violated")))


# ── Nantong: 15% of eligible teachers (and of eligible backbone teachers) exchanged ──────

def make_nantong_rows(n: int) -> pl.DataFrame:
    i = pl.int_range(0, n, dtype=pl.Int64)
    h1 = (i.hash(21) % 1000).cast(pl.Int64)
    h2 = (i.hash(22) % 101).cast(pl.Int64)
    h3 = (i.hash(23) % 101).cast(pl.Int64)
    eligible = pl.when(h1 < 20).then(0).otherwise(h1 * 7)
    rotated = eligible * h2 // 300
    backbone_eligible = eligible // 5
    backbone_rotated = pl.min_horizontal(backbone_eligible * h3 // 300, rotated)
    return pl.select(
        id=i.cast(pl.String),
        eligible=pl.when(h2 == 3).then(None).otherwise(eligible),
        rotated=pl.when(h3 == 5).then(None).otherwise(rotated),
        backbone_eligible=pl.when(h1 == 9).then(None).otherwise(backbone_eligible),
        backbone_rotated=pl.when(h1 == 7).then(None).otherwise(backbone_rotated),
    )


def nantong_by_hand(lf: pl.LazyFrame) -> pl.LazyFrame:
    e, r = pl.col("eligible"), pl.col("rotated")
    be, br = pl.col("backbone_eligible"), pl.col("backbone_rotated")
    return lf.select(
        "id",
        three_valued(e > 0, r * 100 >= e * 15).alias("nantong.teacher_exchange.min_share"),
        three_valued(be > 0, br * 100 >= be * 15).alias(
            "nantong.teacher_exchange.backbone_min_share"))


# ── national: per school, at least 6 of 7 indicators met and none below 85% ─────────────

# (column, per 100 pupils?, decimal?, primary standard, junior standard) as in 教督〔2017〕6号
INDICATORS = (
    ("teachers_above_required_qualification", True, False, "4.2", "5.3"),
    ("backbone_teachers_county_level", True, False, "1", "1"),
    ("pe_art_teachers", True, False, "0.9", "0.9"),
    ("teaching_space_m2", False, True, "4.5", "5.8"),
    ("sports_space_m2", False, True, "7.5", "10.2"),
    ("equipment_value", False, True, "2000", "2500"),
    ("multimedia_classrooms", True, False, "2.3", "2.4"),
)


def make_schools(n: int) -> pl.DataFrame:
    """Schools around the standards: most meet 6 or 7, some miss, a few facts missing."""
    i = pl.int_range(0, n, dtype=pl.Int64)
    h = [(i.hash(30 + k) % 1000).cast(pl.Int64) for k in range(10)]
    students = pl.when(h[0] == 0).then(None).when(h[0] == 1).then(0).otherwise(h[0] * 3 + 20)
    cols: dict[str, pl.Expr] = {}
    for k, (name, per_hundred, decimal, primary, _junior) in enumerate(INDICATORS):
        factor = 0.80 + (h[k + 1] % 40) / 100          # 0.80 … 1.19 of the primary standard
        value = float(primary) * factor * students * (0.01 if per_hundred else 1.0)
        value = pl.when(h[k + 1] == 5).then(None).otherwise(value)
        cols[name] = (value.round(2).cast(pl.Decimal(18, 2)) if decimal
                      else value.ceil().cast(pl.Int64))
    return pl.select(
        id=i.cast(pl.String),
        county=pl.format("c{}", i % max(1, n // 100)),
        stage=pl.when(h[8] < 5).then(None).when(h[8] % 2 == 0).then(pl.lit("primary"))
        .otherwise(pl.lit("junior")),
        students=students,
        special_education=pl.when(h[9] == 3).then(None).otherwise(h[9] % 97 == 0),
        teaching_point=h[9] % 13 == 0,
        **cols,
    )


def _tenths(text: str) -> int:
    whole, _, frac = text.partition(".")
    return int(whole) * 10 + int((frac or "0")[:1])


def national_by_hand(lf: pl.LazyFrame) -> pl.LazyFrame:
    """Integers only: per-100 values as total·1000 ≥ standard·10·pupils, areas and values in
    cents as cents·10 ≥ standard·10·100·pupils (floor: ×100 against ×85)."""
    p = pl.col("students")
    out: list[pl.Expr] = []
    for stage, pick in (("primary", 3), ("junior", 4)):
        meets, floors = [], []
        for row in INDICATORS:
            name, per_hundred, decimal = row[0], row[1], row[2]
            std10 = _tenths(row[pick])
            if decimal:
                total = (pl.col(name) * 100).cast(pl.Int64)   # cents, exact from Decimal(·, 2)
                lhs, rhs = total * 10, p * (std10 * 100)
            else:
                lhs, rhs = pl.col(name) * 1000 if per_hundred else pl.col(name) * 10, p * std10
            meets.append(lhs >= rhs)
            floors.append(lhs * 100 >= rhs * 85)
        # a count with a missing item is unknown (as the reference evaluator counts)
        six = pl.sum_horizontal([m.cast(pl.Int32) for m in meets]) >= 6
        six = pl.when(pl.any_horizontal([m.is_null() for m in meets])).then(None).otherwise(six)
        none_low = floors[0]
        for item in floors[1:]:
            none_low = none_low & item
        excluded = pl.col("special_education") | (pl.col("teaching_point") & (p < 50))
        applies = (pl.col("stage") == stage) & (p > 0) & ~excluded
        out.append(three_valued(applies, six & none_low).alias(
            f"national.school.resource_standard.{stage}"))
    return lf.select("id", *out)


# ── DuckDB: liujiang's exchange rules as one SQL query ─────────────────────────────────

LIUJIANG_SQL = """
SELECT id,
  CASE WHEN eligible IS NULL THEN 'undetermined' WHEN eligible <= 0 THEN 'not_applicable'
       WHEN rotated IS NULL THEN 'undetermined' WHEN rotated * 10 >= eligible THEN 'satisfied'
       ELSE 'violated' END AS "liujiang.teacher_exchange.min_share",
  CASE WHEN rotated IS NULL THEN 'undetermined' WHEN rotated <= 0 THEN 'not_applicable'
       WHEN backbone_rotated IS NULL THEN 'undetermined'
       WHEN backbone_rotated * 25 >= rotated * 3 THEN 'satisfied'
       ELSE 'violated' END AS "liujiang.teacher_exchange.backbone_share"
FROM read_parquet('{path}')
"""


def duckdb_by_hand(con: Any, path: str) -> pl.DataFrame:
    return pl.DataFrame(con.sql(LIUJIANG_SQL.format(path=path)))   # Arrow C stream


# ── the whole-process baseline for eval-bulk ──────────────────────────────────────────

EVAL_BULK_SCRIPT = """
import sys, polars as pl
s = lambda v: pl.lit(v)
e, r, b = pl.col("eligible"), pl.col("rotated"), pl.col("backbone_rotated")
def st(applies, requires):
    return (pl.when(applies.is_null()).then(s("undetermined")).when(~applies)
            .then(s("not_applicable")).when(requires.is_null()).then(s("undetermined"))
            .when(requires).then(s("satisfied")).otherwise(s("violated")))
out = pl.scan_parquet(sys.argv[1]).select(
    "id", st(e > 0, r * 10 >= e).alias("min_share"),
    st(r > 0, b * 25 >= r * 3).alias("backbone_share")).collect()
out.write_parquet(sys.argv[2])
for name in ("min_share", "backbone_share"):
    print(name, dict(out[name].value_counts().rows()))
"""


# ── OpenFisca: the same two Liujiang rules as OpenFisca variables ───────────────────────

def make_complete_exchanges(n: int) -> pl.DataFrame:
    """Exchange figures every field of which is known and within 32 bits (OpenFisca stores
    int as int32 and has no missing values), consistent (backbone ≤ rotated ≤ eligible), with
    zeros and rows exactly at the 10% and 12% thresholds."""
    i = pl.int_range(0, n, dtype=pl.Int64)
    h1 = (i.hash(41) % 1000).cast(pl.Int64)
    h2 = (i.hash(42) % 101).cast(pl.Int64)
    h3 = (i.hash(43) % 101).cast(pl.Int64)
    eligible = pl.when(h1 < 20).then(0).when(h1 > 990).then(10**6).otherwise(h1 * 7)
    rotated = eligible * h2 // 500                   # 0 … 20% of eligible, often exactly 10%
    return pl.select(id=i.cast(pl.String), eligible=eligible, rotated=rotated,
                     backbone_rotated=rotated * h3 // 400)    # 0 … 25%, often exactly 12%


def openfisca_system() -> Any:
    from benchmarks.openfisca_peer import system

    return system()


def openfisca_run(system: Any, columns: dict[str, Any]) -> tuple[Any, Any]:
    from benchmarks.openfisca_peer import run

    return run(system, columns)
