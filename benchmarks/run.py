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
from benchmarks.bench_spark import spark_rows
from xuequ_rules import evaluate, load_policy, packages
from xuequ_rules.engines.polars_backend import (
    collect_checked,
    evaluate_frame,
    evaluate_groups,
    evaluate_lazy,
)
from xuequ_rules.engines.sql_backend import evaluate_duckdb, evaluate_duckdb_groups

RUNS = 5
RATIOS: list[str] = []
AS_OF = dt.date(2019, 6, 1)
TODAY = dt.date(2024, 6, 1)


CPU: dict[str, float] = {}
"""The median CPU seconds (every thread of this process) of the last :func:`medians` call."""


def medians(runs: int, *, clock: Callable[[], float] = time.perf_counter,
            **fns: Callable[[], Any]) -> dict[str, float]:
    """Median seconds of each function, the functions run in turn within every round
    (``clock``: wall time, or the process's CPU time); :data:`CPU` gets the CPU medians."""
    times: dict[str, list[float]] = {name: [] for name in fns}
    cpus: dict[str, list[float]] = {name: [] for name in fns}
    for fn in fns.values():        # one warm-up each
        fn()
    for k in range(runs):
        order = list(fns.items())
        if k % 2:
            order.reverse()
        for name, fn in order:
            gc.collect()
            start, cpu = clock(), time.process_time()
            fn()
            times[name].append(clock() - start)
            cpus[name].append(time.process_time() - cpu)
    CPU.clear()
    CPU.update({name: statistics.median(values) for name, values in cpus.items()})
    return {name: statistics.median(values) for name, values in times.items()}


def runs_for(n: int) -> int:
    """More runs for small inputs (cheap, and their times vary most on a shared machine)."""
    return max(RUNS, 21) if n <= 10**4 else RUNS


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
                    b=lambda f=frame: by_hand(f.lazy()).collect(),
                    trusted=lambda f=frame: trusted(policy, collection, f, as_of))
        report(f"{name}_rows_{n:.0e}", t["a"], t["b"],
               f"{name} per-row evaluate_frame (validated) vs hand-written polars (which "
               f"checks nothing), {n:,} rows")
        report(f"{name}_rows_assume_valid_{n:.0e}", t["trusted"], t["b"],
               f"for information: the same without the bounds check (assume_valid=True), "
               f"{n:,} rows")


def trusted(policy: Any, collection: str, frame: pl.DataFrame, as_of: dt.date) -> pl.DataFrame:
    """evaluate_frame's statuses on a table the caller vouches for (no bounds check)."""
    lazy, plan = evaluate_lazy(policy, collection, frame, as_of, decisions=False,
                               assume_valid=True)
    return collect_checked(lazy, plan, policy, frame)


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


def compiled() -> None:
    """Byte-compile the project as ``pip install`` does, so that whole-process rows time an
    installed command (not the compilation of its sources on every start when
    PYTHONDONTWRITEBYTECODE is set); site-packages is compiled already."""
    import compileall

    root = Path(__file__).resolve().parent.parent
    for package in ("xuequ_rules", "policies"):
        compileall.compile_dir(root / package, quiet=2)


_PEAK = ("import resource, subprocess, sys; subprocess.run(sys.argv[1:], check=True, "
         "stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL); "
         "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")


def peak_mib(argv: list[str]) -> float:
    """The maximum resident set of one process (MiB). A small Python process starts it, so
    that the figure is the command's own (a child forked from this large process would
    count the pages it shared with it before ``exec``)."""
    found = subprocess.run([sys.executable, "-c", _PEAK, *argv], check=True,
                           capture_output=True, text=True)
    return int(found.stdout.strip()) / 1024


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
    compiled()
    py = sys.executable
    t = process_medians(RUNS, a=[py, "-c", "import xuequ_rules"],
                        b=[py, "-c", "import pydantic"],
                        help=[str(Path(py).with_name("xuequ")), "--help"])
    report("import_vs_pydantic", t["a"], t["b"], "CPU of `import xuequ_rules` vs "
           "`import pydantic`, whole process")
    print(f"  `xuequ --help` median CPU {t['help'] * 1000:.0f} ms")


def eval_bulk(n: int, tmp: Path) -> None:
    """``xuequ eval-bulk`` (reads the Parquet file in batches, checks every value against the
    fact model, evaluates, streams the statuses to Parquet, counts them) against a
    hand-written polars script (reads, evaluates, writes, counts; checks nothing): whole
    processes, CPU. Then the command's peak memory at n, 3·n and 10·n rows, batches of
    1,000,000 rows."""
    compiled()
    path, out_a, out_b = tmp / "bulk.parquet", tmp / "a.parquet", tmp / "b.parquet"
    old.make_rows(n).write_parquet(path)
    script = tmp / "by_hand.py"
    script.write_text(hand.EVAL_BULK_SCRIPT)
    xuequ = str(Path(sys.executable).with_name("xuequ"))

    def command(table: Path) -> list[str]:
        return [xuequ, "eval-bulk", "liujiang", str(table), "--as-of", AS_OF.isoformat(),
                "--out", str(out_a), "--json"]

    # c: the same command run by the library's main() in a plain interpreter (the default
    # collector, the ordinary teardown at exit): what `xuequ`'s entry point saves
    plain = [sys.executable, "-c", "import sys; sys.argv[0] = 'xuequ'; "
             "from xuequ_rules.cli.app import main; main()", *command(path)[1:]]
    t = process_medians(RUNS, a=command(path),
                        b=[sys.executable, str(script), str(path), str(out_b)], c=plain)
    same(pl.read_parquet(out_a).rename(lambda c: c.split(".")[-1]).select(
        "min_share", "backbone_share"),
        pl.read_parquet(out_b).select("min_share", "backbone_share"), "eval-bulk")
    report(f"eval_bulk_{n:.0e}", t["a"], t["b"], f"`xuequ eval-bulk` vs a hand-written "
           f"script, whole process CPU, Parquet in and out, {n:,} rows")
    print(f"  the same command through app.main() in a plain interpreter (default collector, "
          f"ordinary teardown at exit): median {t['c'] * 1000:.2f} ms → "
          f"{t['c'] / t['b']:.2f}× the script", flush=True)
    large = tmp / "bulk_large.parquet"
    old.make_rows(10 * n).write_parquet(large)
    middle = tmp / "bulk_middle.parquet"
    pl.scan_parquet(large).head(3 * n).sink_parquet(middle)
    peaks = {rows: peak_mib(command(table))
             for rows, table in ((n, path), (3 * n, middle), (10 * n, large))}
    large.unlink()
    middle.unlink()
    print("eval_bulk_peak: `xuequ eval-bulk` maximum resident set, batches of 1,000,000 rows "
          "— " + ", ".join(f"{rows:,} rows {mib:.0f} MiB" for rows, mib in peaks.items()),
          flush=True)
    RATIOS.append(f"eval_bulk_peak_mib_{10 * n:.0e}={peaks[10 * n]:.0f}")


def durable() -> None:
    from benchmarks import bench_durable

    ratio = bench_durable.main(2000, max(RUNS, 5))
    RATIOS.append(f"durable={ratio:.2f}x")


PEER_SCRIPT = """
import datetime as dt, json, sys
from pathlib import Path
import numpy as np
import polars as pl
from xuequ_rules import load_policy
from xuequ_rules.engines.polars_backend import evaluate_frame
folder = Path(sys.argv[1])
frame = pl.DataFrame({name: np.load(folder / f"{name}.npy")
                      for name in ("eligible", "rotated", "backbone_rotated")})
out = evaluate_frame(load_policy("liujiang"), "teacher_exchanges", frame, dt.date(2019, 6, 1),
                     decisions=False)
rule = "liujiang.teacher_exchange."
print(json.dumps({name: [int((out[rule + name] == s).sum())
                         for s in ("satisfied", "violated", "not_applicable")]
                  for name in ("min_share", "backbone_share")}))
"""
COLUMNS = ("eligible", "rotated", "backbone_rotated")


def openfisca(sizes: list[int], tmp: Path) -> None:
    """In process (memory: a polars frame against numpy arrays) and as whole processes (a
    fresh process reading the same .npy columns, importing, evaluating, printing counts)."""
    try:
        system = hand.openfisca_system()
    except ImportError:
        print("openfisca: openfisca-core is not installed; row skipped")
        RATIOS.append("openfisca=skipped")
        return
    import numpy as np

    policy = load_policy("liujiang")
    codes = {"satisfied": 0, "violated": 1, "not_applicable": 2}
    script = tmp / "project_peer.py"
    script.write_text(PEER_SCRIPT)
    peer = Path(__file__).with_name("openfisca_peer.py")
    for n in sizes:
        frame = hand.make_complete_exchanges(n)
        arrays = {c: frame[c].to_numpy() for c in COLUMNS}
        ours = evaluate_frame(policy, "teacher_exchanges", frame, AS_OF, decisions=False)
        theirs = hand.openfisca_run(system, arrays)
        for column, values in zip(ours.columns[1:], theirs, strict=True):
            if ours[column].cast(pl.String).replace_strict(codes).to_list() != values.tolist():
                raise SystemExit(f"MISMATCH openfisca {column}")
        t = medians(runs_for(n), a=lambda f=frame: evaluate_frame(
            policy, "teacher_exchanges", f, AS_OF, decisions=False),
                    b=lambda a=arrays: hand.openfisca_run(system, a))
        report(f"openfisca_{n:.0e}", t["a"], t["b"], f"evaluate_frame vs OpenFisca "
               f"(numpy) on liujiang's two exchange rules, in process, {n:,} rows "
               "(below 1 = the project is faster)")
        report(f"openfisca_cpu_{n:.0e}", CPU["a"], CPU["b"], "the same, CPU time of this "
               "process (every polars thread included)")
        folder = tmp / f"columns_{n}"
        folder.mkdir(exist_ok=True)
        for name, values in arrays.items():
            np.save(folder / f"{name}.npy", values)
        a_argv = [sys.executable, str(script), str(folder)]
        b_argv = [sys.executable, str(peer), str(folder)]
        outputs = [subprocess.run(argv, check=True, capture_output=True, text=True).stdout
                   for argv in (a_argv, b_argv)]
        if outputs[0] != outputs[1]:
            raise SystemExit(f"MISMATCH openfisca whole process {n}: {outputs}")
        t = process_medians(RUNS, a=a_argv, b=b_argv)
        report(f"openfisca_process_{n:.0e}", t["a"], t["b"], "a fresh process importing the "
               "polars path and evaluating vs one importing OpenFisca and computing, CPU, "
               f"the same .npy columns in, counts out, {n:,} rows")


def batches_vs_cases(sizes: list[int]) -> None:
    """evaluate_frame on n rows against n calls of the per-case API on the same records (the
    per-case call judges every rule of the policy; the frame the collection's rules)."""
    policy = load_policy("liujiang")
    rules = ("liujiang.teacher_exchange.min_share", "liujiang.teacher_exchange.backbone_share")
    for n in sizes:
        frame = hand.make_complete_exchanges(n)
        records = frame.to_dicts()
        ours = evaluate_frame(policy, "teacher_exchanges", frame, AS_OF, decisions=False)
        for k, record in enumerate(records):
            found = {f.rule.id: f.status.value for f in evaluate(
                policy, {"teacher_exchanges": [record]}, AS_OF).findings}
            if [found[r] for r in rules] != [str(ours[r][k]) for r in rules]:
                raise SystemExit(f"MISMATCH per case, row {k}")

        def cases(records: list[dict[str, Any]] = records) -> None:
            for record in records:
                evaluate(policy, {"teacher_exchanges": [record]}, AS_OF)

        t = medians(runs_for(n), a=lambda f=frame: evaluate_frame(
            policy, "teacher_exchanges", f, AS_OF, decisions=False), b=cases)
        report(f"batch_vs_cases_{n:.0e}", t["a"], t["b"], f"evaluate_frame on {n:,} rows vs "
               f"{n:,} per-case evaluate calls (facts as mappings, validated both sides)")
        report(f"batch_vs_cases_cpu_{n:.0e}", CPU["a"], CPU["b"], "the same, CPU time")


def main(argv: list[str] | None = None) -> int:
    global RUNS
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="small sizes (a smoke run)")
    parser.add_argument("--runs", type=int, default=5, help="runs per side (median; ≥ 5)")
    parser.add_argument("--only", default="", help="comma-separated rows: startup, case, "
                        "liujiang, nantong, national, grouped, duckdb, bulk, durable, openfisca, "
                        "batches; spark only when named (minutes: a JVM)")
    parser.add_argument("--spark-master", default="local[2]",
                        help="the Spark row's master URL")
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
                                           else [10**3, 10**4, 10**5, 10**6, 10**7], tmp),
            "batches": lambda: batches_vs_cases([1, 10, 100]),
            "spark": lambda: spark_rows(one, tmp, AS_OF, args.spark_master, medians, RUNS,
                                        report),
        }
        chosen = [r for r in args.only.split(",") if r] or [r for r in rows if r != "spark"]
        for row in chosen:
            rows[row]()
        if "spark" not in chosen:
            print("spark: not in the default run; `--only spark` measures it (see README)")
    print(f"RATIOS (medians of {RUNS} interleaved runs; threads={pl.thread_pool_size()}): "
          + " ".join(RATIOS))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
