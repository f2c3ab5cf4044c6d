"""The web API under abuse: 20,000 evaluate requests at concurrency 16, 5% hostile bodies.

    python benchmarks/bench_api_hostile.py [--requests 20000] [--concurrency 16]
                                           [--hostile 0.05] [--big-repeat 5]

Starts ``uvicorn xuequ_rules.api:create_app`` on 127.0.0.1 (a free port, one process) and:

1. times a valid facts body of just under 2 MiB (the body limit) ``--big-repeat`` times
   (goal: under 1 s each; the median is printed);
2. sends ``--requests`` ``POST /policies/liujiang/evaluate`` requests from ``--concurrency``
   clients; a share ``--hostile`` of them are hostile bodies (duplicate keys, integers of
   5,000 digits, booleans as counts, numeric strings, NaN, 100,000 nested brackets, broken
   JSON, GBK bytes, a 2 MiB body with one bad field, a body over the limit), the rest
   realistic facts. Prints the answers by status class (goal: 0 answers 5xx), p50/p99
   latency for normal and hostile requests, and the server's resident memory (VmRSS)
   before and after.
Nothing leaves the machine.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
PATH = "/policies/liujiang/evaluate?as_of=2019-12-31"
FACTS = {
    "teacher_exchanges": [{"id": "2019", "eligible": 100, "rotated": 9, "backbone_rotated": 1},
                          {"id": "2020", "eligible": 70, "rotated": 7, "backbone_rotated": 2}],
    "zones": [{"id": "z1", "form": "education_group", "schools": ["一中", "二中"]}],
    "attestations": {"liujiang.zone.management_committee": True},
}
LIMIT = 2 * 1024 * 1024


def big_body(limit: int = LIMIT, bad: bool = False) -> bytes:
    """A facts body of just under ``limit`` bytes (unique ids; one bad field if ``bad``)."""
    parts, size, i = [], 40, 0
    while True:
        record = (f'{{"id":"r{i}","area":"柳江区","year":{2015 + i % 8},"eligible":'
                  f'{100 + i % 50},"rotated":{10 + i % 3},"backbone_rotated":{i % 2}}}')
        if size + len(record.encode()) + 1 > limit - 64:
            break
        parts.append(record)
        size += len(record.encode()) + 1
        i += 1
    if bad:
        parts[-1] = parts[-1].replace('"eligible":', '"eligible":true,"x":', 1)
    return ('{"teacher_exchanges":[' + ",".join(parts) + "]}").encode()


def hostile_bodies() -> list[bytes]:
    return [
        b'{"teacher_exchanges":[{"id":"a","eligible":10,"rotated":9,"rotated":10}]}',
        b'{"teacher_exchanges":[{"id":"a","eligible":' + b"9" * 5000 + b"}]}",
        b'{"teacher_exchanges":[{"id":"a","eligible":true,"rotated":true}]}',
        b'{"expenditures":[{"id":"e","amount":"10"}]}',
        b'{"expenditures":[{"id":"e","amount":NaN}]}',
        b"[" * 100_000 + b"]" * 100_000,
        b'{"teacher_exchanges":[',
        '{"teacher_exchanges":[{"id":"甲"}]}'.encode("gbk"),
        b'{"expenditures":[{"id":"e","amount":1e999999999}]}',
        big_body(bad=True),
        b" " * (LIMIT + 1),
    ]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def rss_mib(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] if ordered else float("nan")


async def run(base: str, requests: int, concurrency: int, hostile: float
              ) -> tuple[Counter[str], dict[str, list[float]]]:
    rng = random.Random(15)
    bad = hostile_bodies()
    good = json.dumps(FACTS).encode()
    plan = [(True, rng.choice(bad)) if rng.random() < hostile else (False, good)
            for _ in range(requests)]
    statuses: Counter[str] = Counter()
    latency: dict[str, list[float]] = {"normal": [], "hostile": []}
    queue = iter(plan)

    async def client() -> None:
        async with httpx.AsyncClient(base_url=base, timeout=60) as http:
            for is_bad, body in queue:
                start = time.perf_counter()
                try:
                    response = await http.post(PATH, content=body,
                                               headers={"content-type": "application/json"})
                    statuses[f"{response.status_code // 100}xx"] += 1
                except httpx.HTTPError as exc:
                    statuses[f"transport {type(exc).__name__}"] += 1
                latency["hostile" if is_bad else "normal"].append(time.perf_counter() - start)

    await asyncio.gather(*(client() for _ in range(concurrency)))
    return statuses, latency


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=20_000)
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--hostile", type=float, default=0.05)
    parser.add_argument("--big-repeat", type=int, default=5)
    args = parser.parse_args()
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen(
        [sys.executable, "-m", "uvicorn", "xuequ_rules.api:create_app", "--factory",
         "--host", "127.0.0.1", "--port", str(port), "--log-level", "warning",
         "--no-access-log"], cwd=ROOT, env={**os.environ, "PYTHONUNBUFFERED": "1"})
    try:
        for _ in range(600):
            try:
                if httpx.get(f"{base}/policies", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.1)
        httpx.post(f"{base}{PATH}", content=json.dumps(FACTS), timeout=60)   # warm the cache
        before = rss_mib(server.pid)
        for label, body in (("valid", big_body()), ("one bad field at the end",
                                                    big_body(bad=True))):
            times: list[float] = []
            codes: Counter[int] = Counter()
            for _ in range(args.big_repeat):
                start = time.perf_counter()
                codes[httpx.post(f"{base}{PATH}", content=body, timeout=60).status_code] += 1
                times.append(time.perf_counter() - start)
            print(f"2 MiB body, {label} ({len(body)} bytes): median "
                  f"{statistics.median(times):.3f} s over {args.big_repeat}, statuses "
                  f"{dict(codes)}", flush=True)
        start = time.perf_counter()
        statuses, latency = asyncio.run(run(base, args.requests, args.concurrency,
                                            args.hostile))
        elapsed = time.perf_counter() - start
        after = rss_mib(server.pid)
        print(f"{args.requests} requests, concurrency {args.concurrency}, "
              f"{len(latency['hostile'])} hostile: {elapsed:.1f} s, "
              f"{args.requests / elapsed:.0f} req/s")
        print(f"answers: {dict(sorted(statuses.items()))}; 5xx: {statuses.get('5xx', 0)}")
        for kind, values in latency.items():
            print(f"{kind:>8}: p50 {percentile(values, 0.5) * 1000:.1f} ms, "
                  f"p99 {percentile(values, 0.99) * 1000:.1f} ms")
        print(f"server RSS: before {before:.0f} MiB, after {after:.0f} MiB")
    finally:
        server.terminate()
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


if __name__ == "__main__":
    main()
