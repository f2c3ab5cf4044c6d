"""Facts files of 1, 10 and 50 MB through ``xuequ eval``'s path: read, validate, evaluate.

Each size is a JSON facts file of teacher-exchange records (unique ids, valid values) for
Liujiang, written once to a temporary directory. Every run is a fresh process (so peak
memory is that run's own); the figures are the median over ``--repeat`` runs: wall seconds
(read, evaluate, total), CPU seconds of the whole run (less sensitive to a busy machine),
peak resident MiB, and both per MB of input. Goal: 50 MB in under 30 s and under 2 GB.

    python benchmarks/bench_facts_size.py [--sizes 1 10 50] [--repeat 3] [--format json|yaml]
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

RECORD = ('{{"id": "r{i}", "area": "柳江区", "year": {year}, "eligible": {eligible}, '
          '"rotated": {rotated}, "backbone_rotated": {backbone}}}')

CHILD = r"""
import json, resource, sys, time
start = time.perf_counter()
from xuequ_rules import evaluate, load_policy
from xuequ_rules.facts.loader import load_facts
import datetime as dt, pathlib
cpu0 = sum(resource.getrusage(resource.RUSAGE_SELF)[:2])
policy = load_policy("liujiang")
t0 = time.perf_counter()
facts = load_facts(pathlib.Path(sys.argv[1]))
t1 = time.perf_counter()
result = evaluate(policy, facts, as_of=dt.date(2020, 1, 1))
t2 = time.perf_counter()
usage = resource.getrusage(resource.RUSAGE_SELF)
peak = usage.ru_maxrss / 1024
print(json.dumps({"load": t1 - t0, "evaluate": t2 - t1, "total": t2 - t0, "peak_mib": peak,
                  "cpu": usage.ru_utime + usage.ru_stime - cpu0,
                  "findings": len(result.findings)}))
"""


def write_facts(path: Path, megabytes: int) -> int:
    target = megabytes * 1024 * 1024
    size, count = 0, 0
    with path.open("w", encoding="utf-8") as out:
        out.write('{"teacher_exchanges": [\n')
        size += 25
        while size < target - 200:
            eligible = 50 + count % 200
            line = RECORD.format(i=count, year=2015 + count % 8, eligible=eligible,
                                 rotated=eligible // 10 + count % 3, backbone=count % 2)
            text = ("," if count else "") + line + "\n"
            out.write(text)
            size += len(text.encode("utf-8"))
            count += 1
        out.write("]}\n")
    return count


def to_yaml(path: Path) -> Path:
    import yaml

    data = json.loads(path.read_text(encoding="utf-8"))
    target = path.with_suffix(".yaml")
    target.write_text(yaml.safe_dump(data, allow_unicode=True, default_flow_style=None,
                                     width=200), encoding="utf-8")
    return target


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1, 10, 50])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--format", choices=["json", "yaml"], default="json")
    args = parser.parse_args()
    print(f"{'MB':>4} {'records':>9} {'load s':>8} {'eval s':>8} {'total s':>8} "
          f"{'cpu s':>7} {'peak MiB':>9} {'s/MB':>6} {'MiB/MB':>7}")
    with tempfile.TemporaryDirectory() as tmp:
        for megabytes in args.sizes:
            path = Path(tmp) / f"facts-{megabytes}mb.json"
            records = write_facts(path, megabytes)
            if args.format == "yaml":
                path = to_yaml(path)
            runs = []
            for _ in range(args.repeat):
                done = subprocess.run([sys.executable, "-c", CHILD, str(path)], check=True,
                                      capture_output=True, text=True)
                runs.append(json.loads(done.stdout))
            median = {key: statistics.median(run[key] for run in runs)
                      for key in ("load", "evaluate", "total", "cpu", "peak_mib")}
            mb = path.stat().st_size / 1024 / 1024
            print(f"{megabytes:>4} {records:>9} {median['load']:>8.2f} "
                  f"{median['evaluate']:>8.2f} {median['total']:>8.2f} {median['cpu']:>7.2f} "
                  f"{median['peak_mib']:>9.0f} {median['total'] / mb:>6.2f} "
                  f"{median['peak_mib'] / mb:>7.1f}", flush=True)


if __name__ == "__main__":
    main()
