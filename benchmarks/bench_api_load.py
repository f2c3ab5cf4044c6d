"""A bounded load run of the web API on loopback (a benchmark, not a test).

    /work/venv/bin/python benchmarks/bench_api_load.py
    /work/venv/bin/python benchmarks/bench_api_load.py --requests 5000 --concurrency 8 --json

Starts ``uvicorn xuequ_rules.api:create_app`` on 127.0.0.1 on a free port in a subprocess,
waits until it answers, then sends at most ``--requests`` requests (default 2,000) for at most
``--duration`` seconds (default 20) from ``--concurrency`` concurrent httpx clients (default
4), alternating ``GET /policies`` and ``POST /policies/liujiang/evaluate`` (a realistic facts
body). It stops by itself, stops the server and reports requests per second, p50/p95/p99
latency (overall and per endpoint) and errors (non-2xx answers and transport failures).
Nothing leaves the machine.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import socket
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
FACTS = {
    "teacher_exchanges": [{"id": "2019", "eligible": 100, "rotated": 9, "backbone_rotated": 1},
                          {"id": "2020", "eligible": 70, "rotated": 7, "backbone_rotated": 2}],
    "schools": [{"id": "s1", "stage": "primary", "students": 1200}],
    "attestations": {"liujiang.zone.management_committee": True},
}
ENDPOINTS = (("GET /policies", "GET", "/policies", None),
             ("POST evaluate", "POST", "/policies/liujiang/evaluate?as_of=2019-12-31", FACTS))


@dataclass
class Results:
    latencies: dict[str, list[float]] = field(default_factory=dict)
    errors: dict[str, int] = field(default_factory=dict)
    sent: int = 0


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def start_server(port: int) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "uvicorn", "xuequ_rules.api:create_app", "--factory",
         "--host", "127.0.0.1", "--port", str(port), "--log-level", "warning",
         "--no-access-log"], cwd=ROOT, env={**os.environ, "PYTHONUNBUFFERED": "1"})


def wait_ready(base: str, server: subprocess.Popen[bytes], timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"server exited with {server.returncode}")
        try:
            if httpx.get(f"{base}/policies", timeout=2).status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.1)
    raise SystemExit("server did not become ready")


async def worker(base: str, results: Results, budget: int, stop_at: float) -> None:
    async with httpx.AsyncClient(base_url=base, timeout=30) as client:
        while results.sent < budget and time.monotonic() < stop_at:
            name, method, path, body = ENDPOINTS[results.sent % len(ENDPOINTS)]
            results.sent += 1
            started = time.perf_counter()
            try:
                response = await client.request(method, path, json=body)
                ok = 200 <= response.status_code < 300
                error = None if ok else f"{name}: HTTP {response.status_code}"
            except httpx.HTTPError as exc:
                error = f"{name}: {type(exc).__name__}"
            elapsed = time.perf_counter() - started
            if error is None:
                results.latencies.setdefault(name, []).append(elapsed)
            else:
                results.errors[error] = results.errors.get(error, 0) + 1


def percentile(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(q / 100 * len(ordered) + 0.5) - 1))
    return ordered[index]


def summary(values: list[float]) -> dict[str, float]:
    return {"count": len(values),
            "p50_ms": round(percentile(values, 50) * 1000, 2),
            "p95_ms": round(percentile(values, 95) * 1000, 2),
            "p99_ms": round(percentile(values, 99) * 1000, 2),
            "mean_ms": round(statistics.fmean(values) * 1000, 2) if values else float("nan")}


async def load(base: str, requests: int, concurrency: int, duration: float
               ) -> tuple[Results, float]:
    results = Results()
    started = time.perf_counter()
    stop_at = time.monotonic() + duration
    await asyncio.gather(*(worker(base, results, requests, stop_at)
                           for _ in range(concurrency)))
    return results, time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=2000, help="at most this many requests")
    parser.add_argument("--duration", type=float, default=20.0, help="at most this many seconds")
    parser.add_argument("--concurrency", type=int, default=4, help="concurrent clients")
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    args = parser.parse_args()

    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = start_server(port)
    try:
        wait_ready(base, server)
        results, elapsed = asyncio.run(load(base, args.requests, args.concurrency,
                                            args.duration))
    finally:
        server.terminate()
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()

    every = [x for values in results.latencies.values() for x in values]
    report = {
        "server": base, "concurrency": args.concurrency, "requests_sent": results.sent,
        "seconds": round(elapsed, 2), "requests_per_second": round(results.sent / elapsed, 1),
        "errors": sum(results.errors.values()), "error_kinds": results.errors,
        "latency": {"all": summary(every),
                    **{name: summary(values) for name, values in
                       sorted(results.latencies.items())}},
    }
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=2))
        return
    print(f"{results.sent} requests in {elapsed:.2f} s with {args.concurrency} clients "
          f"on {base}: {report['requests_per_second']} requests/s, "
          f"{report['errors']} errors {results.errors or ''}")
    for name, stats in report["latency"].items():
        print(f"  {name:<14} n={stats['count']:<6} p50 {stats['p50_ms']:>7} ms   "
              f"p95 {stats['p95_ms']:>7} ms   p99 {stats['p99_ms']:>7} ms")


if __name__ == "__main__":
    main()
