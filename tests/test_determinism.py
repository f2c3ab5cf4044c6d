"""The same input gives byte-identical JSON: across processes and hash seeds, CLI and API."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ("0", "4242")

FACTS = {
    "teacher_exchanges": [{"id": "2019", "eligible": 70, "rotated": 7, "backbone_rotated": 1},
                          {"id": "2020", "eligible": 100, "rotated": 9}],
    "expenditures": [{"id": "e1", "amount": 100000},
                     {"id": "e2", "amount": {"value": 2.5, "unit": "万元"}}],
    "schools": [{"id": "s1", "stage": "primary", "students": 1200},
                {"id": "s2", "stage": "junior", "quality": "weak"}],
    "attestations": {"liujiang.zone.management_committee": True},
}


def _run(args: list[str], seed: str) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "PYTHONHASHSEED": seed}
    return subprocess.run([sys.executable, "-m", "xuequ_rules", *args], capture_output=True,
                          cwd=ROOT, env=env, timeout=300)


@pytest.fixture(scope="module")
def facts_file(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("facts") / "facts.json"
    path.write_text(json.dumps(FACTS, ensure_ascii=False), encoding="utf-8")
    return path


def _commands(facts: Path) -> dict[str, list[str]]:
    return {
        "list": ["list", "--json"],
        "show": ["show", "liujiang", "--json"],
        "show-clause": ["show", "liujiang", "--clause", "三/(四)/3", "--json"],
        "eval": ["eval", "liujiang", str(facts), "--as-of", "2019-12-31", "--json"],
        "eval-ziyang": ["eval", "ziyang", str(facts), "--as-of", "2025-06-30", "--json"],
        "check": ["check", "--json"],
        "diff-districts": ["diff", "liujiang", "nantong", "--json"],
        "diff-versions": ["diff", "caoxian@capture-1", "caoxian@capture-2", "--json"],
        "schema": ["schema", "facts", "--json"],
    }


@pytest.fixture(scope="module")
def cli_outputs(facts_file) -> dict[tuple[str, str], subprocess.CompletedProcess[bytes]]:
    jobs = {(name, seed): args for name, args in _commands(facts_file).items() for seed in SEEDS}
    with ThreadPoolExecutor(max_workers=4) as pool:
        futures = {key: pool.submit(_run, args, key[1]) for key, args in jobs.items()}
        return {key: future.result() for key, future in futures.items()}


@pytest.mark.parametrize("name", list(_commands(Path("facts.json"))))
def test_cli_json_output_is_byte_identical_across_processes_and_hash_seeds(cli_outputs, name):
    first, second = (cli_outputs[(name, seed)] for seed in SEEDS)
    ok = (0, 1) if name == "check" else (0,)   # 1: some policy has library defects
    assert first.returncode in ok, first.stderr.decode()
    assert second.returncode == first.returncode, second.stderr.decode()
    assert first.stdout == second.stdout
    json.loads(first.stdout)          # and it is JSON


_API_SCRIPT = r'''
import hashlib, json, sys
from fastapi.testclient import TestClient
from xuequ_rules.api import create_app

client = TestClient(create_app())
facts = json.loads(sys.argv[1])
requests = [
    ("GET", "/policies", None),
    ("GET", "/policies/liujiang", None),
    ("GET", "/policies/ziyang@2024/clauses", None),
    ("GET", "/policies/liujiang/clauses/三/(四)/3", None),
    ("GET", "/policies/nantong/parameters", None),
    ("GET", "/policies/changping/rules", None),
    ("GET", "/policies/guilin/check", None),
    ("GET", "/diff?left=liujiang&right=nantong", None),
    ("GET", "/diff?left=caoxian@capture-1&right=caoxian@capture-3&level=structure", None),
    ("GET", "/schema/facts", None),
    ("GET", "/openapi.json", None),
    ("POST", "/policies/liujiang/evaluate?as_of=2019-12-31", facts),
    ("POST", "/policies/ziyang/evaluate?as_of=2025-06-30", facts),
    ("POST", "/policies/liujiang/evaluate", {"teacher_exchanges": [{"id": "x", "eligible": -1}]}),
    ("GET", "/policies/liujang", None),
]
out = {}
for method, url, body in requests:
    response = client.request(method, url, json=body)
    out[f"{method} {url}"] = [response.status_code, hashlib.sha256(response.content).hexdigest()]
print(json.dumps(out, ensure_ascii=False, sort_keys=True))
'''


def test_api_responses_are_byte_identical_across_processes_and_hash_seeds():
    pytest.importorskip("fastapi")

    def run(seed: str) -> dict[str, list]:
        env = {**os.environ, "PYTHONHASHSEED": seed}
        done = subprocess.run([sys.executable, "-c", _API_SCRIPT, json.dumps(FACTS)],
                              capture_output=True, text=True, cwd=ROOT, env=env, timeout=300)
        assert done.returncode == 0, done.stderr
        return json.loads(done.stdout)

    with ThreadPoolExecutor(max_workers=2) as pool:
        first, second = pool.map(run, SEEDS)
    assert first == second
    statuses = {key: value[0] for key, value in first.items()}
    assert statuses["GET /policies/liujang"] == 404
    assert sum(status == 200 for status in statuses.values()) == len(statuses) - 2


def test_api_gives_the_same_data_as_the_cli_json(cli_outputs, facts_file):
    pytest.importorskip("fastapi")
    from fastapi.testclient import TestClient

    from xuequ_rules.api import create_app

    client = TestClient(create_app())

    def cli(name: str):
        return json.loads(cli_outputs[(name, SEEDS[0])].stdout)

    assert client.get("/policies").json() == cli("list")
    assert client.get("/policies/liujiang/clauses/三/(四)/3").json().items() >= \
        cli("show-clause").items()
    assert client.post("/policies/liujiang/evaluate?as_of=2019-12-31",
                       json=FACTS).json() == cli("eval")
    assert client.get("/diff?left=liujiang&right=nantong").json() == cli("diff-districts")
    assert [client.get(f"/policies/{r['policy']}@{r['version']}/check").json()
            for r in cli("check")] == cli("check")
    show = cli("show")
    assert client.get("/policies/liujiang/parameters").json() == show["parameters"]
    assert client.get("/policies/liujiang/rules").json() == show["rules"]
