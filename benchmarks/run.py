"""Every row of the speed table, measured side by side in one run.

    python -m benchmarks.run            # sizes 1e4 → 1e7 (long)
    python -m benchmarks.run --quick    # small sizes: a smoke run for CI

Each row runs the project's path (A) and a hand-written baseline (B) on the same input form
(memory against memory, Parquet against Parquet), A and B interleaved, and reports the
MEDIAN of ≥ 5 runs of each and the ratio of the medians; results are checked to agree.
Absolute times on a shared machine mean little: read the ratios. The last line prints every
ratio of the table.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import duckdb
import polars as pl

from benchmarks import baselines as hand
from benchmarks import bench_engines as old
from xuequ_rules import evaluate, load_policy, packages
from xuequ_rules.engines.polars_backend import evaluate_frame, evaluate_groups
from xuequ_rules.engines.sql_backend import evaluate_duckdb, evaluate_duckdb_groups

RUNS = 5
RATIOS: list[str] = []
AS_OF = dt.date(2019, 6, 1)
TODAY = dt.date(2024, 6, 1)


def medians(runs: int, *, clock: Callable[[], float] = time.perf_counter,
            **fns: Callable[[], Any]) -> dict[str, float]:
    """Median seconds of each function, the functions run in turn within every round
    (``clock``: wall time, or the process's CPU time)."""
    times: dict[str, list[float]] = {name: [] for name in fns}
    for fn in fns.values():        # one warm-up each
        fn()
    for k in range(runs):
        order = list(fns.items())
        if k % 2:
            order.reverse()
        for name, fn in order:
            gc.collect()
            start = clock()
            fn()
            times[name].append(clock() - start)
    return {name: statistics.median(values) for name, values in times.items()}


def report(key: str, a: float, b: float, text: str) -> float:
    ratio = a / b
    print(f"{key}: {text} — median A {a * 1000:.2f} ms, median B {b * 1000:.2f} ms → "
          f"{ratio:.2f}×", flush=True)
    RATIOS.append(f"{key}={ratio:.2f}x")
    return ratio


def same(a: pl.DataFrame, b: pl.DataFrame, what: str) -> None:
    for name in b.columns:
        if not a[name].cast(pl.String).equals(b[name].cast(pl.String)):
            raise SystemExit(f"MISMATCH {what}: column {name}")


def per_row(name: str, collection: str, make: Callable[[int], pl.DataFrame],
            by_hand: Callable[[pl.LazyFrame], pl.LazyFrame], sizes: list[int],
            as_of: dt.date) -> None:
    policy = load_policy(name)
    for n in sizes:
        frame = make(n)
        ours = evaluate_frame(policy, collection, frame, as_of, decisions=False)
        same(ours, by_hand(frame.lazy()).collect(), f"{name} {n}")
        t = medians(RUNS, a=lambda f=frame: evaluate_frame(policy, collection, f, as_of,
                                                           decisions=False),
                    b=lambda f=frame: by_hand(f.lazy()).collect())
        report(f"{name}_rows_{n:.0e}", t["a"], t["b"],
               f"{name} per-row evaluate_frame (validated) vs hand-written polars, {n:,} rows")


def grouped(n: int) -> None:
    policy = old.cv_policy()
    frame = old.make_schools(n, max(1, n // 100))
    lazy = frame.lazy()
    ours = evaluate_groups(policy, "schools", lazy, TODAY)
    exact = old.hand_written_cv(lazy).collect()
    want = dict(zip(exact["group"], exact["status"].cast(pl.String), strict=True))
    got = dict(zip(ours["group"], ours["status"].cast(pl.String), strict=True))
    if any(got[g] != v for g, v in want.items() if v is not None) or set(got) != set(want):
        raise SystemExit("MISMATCH grouped statuses")
    con = duckdb.connect()
    t = medians(RUNS, polars=lambda: evaluate_groups(policy, "schools", lazy, TODAY),
                duckdb=lambda: evaluate_duckdb_groups(policy, "schools", lazy, TODAY, con=con),
                exact=lambda: old.hand_written_cv(lazy).collect(),
                floats=lambda: old.hand_written_cv_floats(lazy).collect())
    text = f"enrolment-weighted CV per county and stage, {n:,} schools, memory"
    report(f"grouped_polars_vs_exact_{n:.0e}", t["polars"], t["exact"], text)
    report(f"grouped_polars_vs_float_{n:.0e}", t["polars"], t["floats"], text)
    report(f"grouped_duckdb_vs_exact_{n:.0e}", t["duckdb"], t["exact"], text)


def duckdb_rows(n: int, tmp: Path) -> None:
    policy = load_policy("liujiang")
    path = tmp / f"liujiang_{n}.parquet"
    old.make_rows(n).write_parquet(path)
    con = duckdb.connect()
    ours = evaluate_duckdb(policy, "teacher_exchanges", path, AS_OF, con=con, decisions=False)
    same(ours, hand.duckdb_by_hand(con, str(path)), "duckdb per-row")
    t = medians(RUNS, a=lambda: evaluate_duckdb(policy, "teacher_exchanges", path, AS_OF,
                                                con=con, decisions=False),
                b=lambda: hand.duckdb_by_hand(con, str(path)))
    report(f"duckdb_rows_{n:.0e}", t["a"], t["b"],
           f"evaluate_duckdb vs a hand-written DuckDB query, Parquet → polars, {n:,} rows")


def full_case(name: str) -> dict[str, Any]:
    """A record in every collection the policy's cases use (first record of each)."""
    import yaml

    facts: dict[str, Any] = {}
    root = packages()[name].root
    for path in sorted((root / "cases").glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8")).get("facts") or {}
        for key, value in data.items():
            if isinstance(value, list) and value and key not in facts:
                facts[key] = value[:1]
            elif isinstance(value, dict):
                facts.setdefault(key, {}).update(value)
    return facts


def liujiang_case(policy: Any) -> dict[str, Any]:
    """Liujiang: a record in every collection its rules read, its three phases, and every
    attestation answered (alternately yes and no)."""
    return {
        "teacher_exchanges": [{"id": "y", "eligible": 70, "rotated": 7, "backbone_rotated": 1}],
        "zones": [{"id": "z", "form": "education_group", "principal_heads": 1,
                   "lead_school": "s1", "quality_school_count": 1}],
        "pairings": [{"id": "p", "agreement_signed": True}],
        "district_indicators": [{"id": "d", "year": 2018, "education_groups_primary": 2,
                                 "education_groups_junior": 1, "pairing_coverage": 1}],
        "milestones": [{"id": f"liujiang.phase.{j}", "completed_on": "2018-06-30"}
                       for j in (1, 2, 3)],
        "attestations": {rule.id: k % 2 == 0 for k, rule in enumerate(policy.checklist())},
    }


def per_case(cases: int) -> None:
    """One full case per shipped policy through ``evaluate``, its facts validated once
    beforehand against the policy's own schema: statuses read, or every explanation text
    (Chinese and English) rendered."""
    from xuequ_rules import parse_facts

    worst_status = worst_text = 0.0
    for name in sorted(packages()):
        policy = load_policy(name)
        data = liujiang_case(policy) if name == "liujiang" else full_case(name)
        facts = parse_facts(data, policy=policy)
        evaluate(policy, facts, TODAY)

        def statuses(policy: Any = policy, facts: Any = facts) -> None:
            for _ in range(cases):
                for finding in evaluate(policy, facts, TODAY).findings:
                    finding.status  # noqa: B018

        def rendered(policy: Any = policy, facts: Any = facts) -> None:
            for _ in range(cases):
                for finding in evaluate(policy, facts, TODAY).findings:
                    text = finding.explanation
                    text.zh, text.en  # noqa: B018

        t = medians(RUNS, clock=time.process_time, statuses=statuses, rendered=rendered)
        s, r = t["statuses"] / cases * 1000, t["rendered"] / cases * 1000
        print(f"case_{name}: {len(policy.rules)} rules — median {s:.3f} ms CPU to statuses, "
              f"{r:.3f} ms with every explanation rendered (goal < 0.25 / < 0.5)", flush=True)
        worst_status, worst_text = max(worst_status, s), max(worst_text, r)
    RATIOS.append(f"case_max_ms={worst_status:.3f}/{worst_text:.3f}")


def cpu_of(argv: list[str]) -> float:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(argv, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def process_medians(runs: int, **argvs: list[str]) -> dict[str, float]:
    times: dict[str, list[float]] = {name: [] for name in argvs}
    for argv in argvs.values():
        cpu_of(argv)
    for k in range(runs):
        order = list(argvs.items())
        for name, argv in (reversed(order) if k % 2 else order):
            times[name].append(cpu_of(argv))
    return {name: statistics.median(values) for name, values in times.items()}


def startup() -> None:
    py = sys.executable
    t = process_medians(RUNS, a=[py, "-c", "import xuequ_rules"],
                        b=[py, "-c", "import pydantic"],
                        help=[str(Path(py).with_name("xuequ")), "--help"])
    report("import_vs_pydantic", t["a"], t["b"], "CPU of `import xuequ_rules` vs "
           "`import pydantic`, whole process")
    print(f"  `xuequ --help` median CPU {t['help'] * 1000:.0f} ms")


def eval_bulk(n: int, tmp: Path) -> None:
    path, out_a, out_b = tmp / "bulk.parquet", tmp / "a.parquet", tmp / "b.parquet"
    old.make_rows(n).write_parquet(path)
    script = tmp / "by_hand.py"
    script.write_text(hand.EVAL_BULK_SCRIPT)
    xuequ = str(Path(sys.executable).with_name("xuequ"))
    t = process_medians(RUNS, a=[xuequ, "eval-bulk", "liujiang", str(path), "--as-of",
                                 AS_OF.isoformat(), "--out", str(out_a), "--json"],
                        b=[sys.executable, str(script), str(path), str(out_b)])
    same(pl.read_parquet(out_a).rename(lambda c: c.split(".")[-1]).select(
        "min_share", "backbone_share"),
        pl.read_parquet(out_b).select("min_share", "backbone_share"), "eval-bulk")
    report(f"eval_bulk_{n:.0e}", t["a"], t["b"], f"`xuequ eval-bulk` vs a hand-written "
           f"script, whole process CPU, Parquet in and out, {n:,} rows")


def durable() -> None:
    from benchmarks import bench_durable

    ratio = bench_durable.main(2000, max(RUNS, 5))
    RATIOS.append(f"durable={ratio:.2f}x")


def openfisca(sizes: list[int]) -> None:
    try:
        system = hand.openfisca_system()
    except ImportError:
        print("openfisca: openfisca-core is not installed; row skipped")
        RATIOS.append("openfisca=skipped")
        return
    policy = load_policy("liujiang")
    codes = {"satisfied": 0, "violated": 1, "not_applicable": 2}
    for n in sizes:
        # OpenFisca stores int as int32 and has no missing values: no nulls, no 10**12 figures
        frame = old.make_rows(n).fill_null(0).with_columns(
            pl.col("eligible", "rotated", "backbone_rotated").clip(upper_bound=10**6))
        arrays = {c: frame[c].to_numpy() for c in ("eligible", "rotated", "backbone_rotated")}
        ours = evaluate_frame(policy, "teacher_exchanges", frame, AS_OF, decisions=False)
        theirs = hand.openfisca_run(system, arrays)
        for column, values in zip(ours.columns[1:], theirs, strict=True):
            if ours[column].cast(pl.String).replace_strict(codes).to_list() != values.tolist():
                raise SystemExit(f"MISMATCH openfisca {column}")
        t = medians(RUNS, a=lambda f=frame: evaluate_frame(policy, "teacher_exchanges", f,
                                                           AS_OF, decisions=False),
                    b=lambda a=arrays: hand.openfisca_run(system, a))
        report(f"openfisca_{n:.0e}", t["a"], t["b"], f"evaluate_frame vs OpenFisca "
               f"(numpy) on liujiang's two exchange rules, in process, {n:,} rows "
               "(below 1 = the project is faster)")


def main(argv: list[str] | None = None) -> int:
    global RUNS
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="small sizes (a smoke run)")
    parser.add_argument("--runs", type=int, default=5, help="runs per side (median; ≥ 5)")
    parser.add_argument("--only", default="", help="comma-separated rows: startup, case, "
                        "liujiang, nantong, national, grouped, duckdb, bulk, durable, openfisca")
    args = parser.parse_args(argv)
    RUNS = max(5, args.runs)
    big = [10**4, 10**5] if args.quick else [10**4, 10**5, 10**6, 10**7]
    one = 10**5 if args.quick else 10**6
    os.environ.setdefault("POLARS_MAX_THREADS", str(os.cpu_count() or 1))
    with tempfile.TemporaryDirectory(prefix="xuequ-bench-") as name:
        tmp = Path(name)
        rows: dict[str, Callable[[], None]] = {
            "startup": startup,
            "case": lambda: per_case(50 if args.quick else 200),
            "liujiang": lambda: per_row("liujiang", "teacher_exchanges", old.make_rows,
                                        old.hand_written, big[-2:], AS_OF),
            "nantong": lambda: per_row("nantong", "teacher_exchanges", hand.make_nantong_rows,
                                       hand.nantong_by_hand, [one], TODAY),
            "national": lambda: per_row("national", "schools", hand.make_schools,
                                        hand.national_by_hand, big, TODAY),
            "grouped": lambda: grouped(2 * 10**4 if args.quick else 2 * 10**5),
            "duckdb": lambda: duckdb_rows(one, tmp),
            "bulk": lambda: eval_bulk(one, tmp),
            "durable": durable,
            "openfisca": lambda: openfisca([10**3, 10**4] if args.quick
                                           else [10**3, 10**4, 10**5, 10**6, 10**7]),
        }
        chosen = [r for r in args.only.split(",") if r] or list(rows)
        for row in chosen:
            rows[row]()
        print("spark: not measured by this run (needs a JVM session; see README)")
    print(f"RATIOS (medians of {RUNS} interleaved runs; threads={pl.thread_pool_size()}): "
          + " ".join(RATIOS))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
