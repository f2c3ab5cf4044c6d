"""Fuzz the input paths: loaders, clause parser, number reader, evaluator and API handler.

    python benchmarks/fuzz_inputs.py [--inputs 1000000] [--seed 1] [--api-every 200]
                                     [--failures-dir DIR]

Seeded and reproducible. Each input is made by mutating a valid seed (byte flips, inserted
hostile tokens — duplicate keys, numeric strings, booleans, NaN, 5,000-digit integers, deep
brackets, a BOM, GBK bytes —, truncation, splicing) or by drawing a facts document whose
fields get values of every type. The targets, in turn:

* ``loader``: bytes → :func:`decode_text` → :func:`parse_json` / :func:`parse_yaml` →
  :func:`parse_facts`;
* ``evaluator``: drawn facts → :func:`evaluate` on a shipped policy;
* ``parser``: a mutated slice of a shipped source text → :func:`parse_clauses` and
  :func:`read_quantities`;
* ``api``: a body → the evaluate handler's own reading (``_facts_from_body``) and, every
  ``--api-every`` inputs, a real ``POST /policies/{ref}/evaluate`` through the ASGI app
  (any 5xx answer is a failure).

A failure is any exception other than the library's bilingual :class:`XuequError` (or an
HTTP 5xx); each is written to ``--failures-dir`` with its input. Prints the inputs tried per
target and the failures, and exits 1 if there was any.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import sys
import time
import traceback
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]

TOKENS: tuple[bytes, ...] = (
    b"true", b"false", b"null", b'"10"', b'"15%"', b"NaN", b"Infinity", b"-0", b"1e999999999",
    b"9" * 5000, b"0.1234567890123456789", b'"rotated": 9, "rotated": 10', b"\xef\xbb\xbf",
    "柳江区".encode("gbk"), "柳江区".encode(), b"[" * 2000, b"{" * 2000, b'"\\ud800"', b"\x00",
    b"{}", b"[]", b'{"value": 1, "unit": "\xe4\xb8\x87\xe5\x85\x83"}', b"-1", b"1.5",
    b'"2019-02-30"', b"!!python/object:os.system", b"&a [*a]", b"<<: {a: 1}", b"\t\n",
)
TEXT_TOKENS = ("一、", "（一）", "1.", "(1)", "第一条", "到2015年", "80%", "不少于10%", "三分之一",
               "二〇一八年", "5万元", "\n", "　", "。", "；", "等", "（", "）", "第", "条")


class Fuzzer:
    def __init__(self, seed: int, failures_dir: Path | None, api_every: int) -> None:
        from xuequ_rules.engines._schema import collection_columns
        from xuequ_rules.facts.schema import collections_of
        from xuequ_rules.registry import load_policy, packages

        self.rng = random.Random(seed)
        self.failures_dir = failures_dir
        self.api_every = api_every
        self.tried: Counter[str] = Counter()
        self.failed: Counter[str] = Counter()
        self.accepted: Counter[str] = Counter()     # answered with a result, not an error
        self.examples: list[str] = []
        self.policies = [load_policy(name) for name in packages()]
        # every collection some installed policy's fact schema holds (shared and own)
        self.columns = {name: collection_columns(name, (), policy.facts_model)
                        for policy in self.policies
                        for name in collections_of(policy.facts_model)}
        self.texts = [p.read_text(encoding="utf-8")
                      for p in sorted(ROOT.glob("policies/*/source/*/text.txt"))]
        self.seeds = [json.dumps(self.draw_facts(valid=True), ensure_ascii=False,
                                 default=str).encode() for _ in range(50)]
        self.seeds += [p.read_bytes() for p in sorted(ROOT.glob("policies/*/cases/*.yaml"))]
        self.client: Any = None

    # --- inputs -------------------------------------------------------------------------

    def value(self, spec: Any, valid: bool) -> Any:
        rng = self.rng
        kind = spec.kind
        if valid or rng.random() < 0.6:
            if spec.enum:
                return rng.choice(spec.enum)
            if kind == "dec" and spec.le is not None:
                return rng.choice([0, 0.15, 0.5, 0.9, 1])
            if kind == "int":
                low = spec.ge if spec.ge is not None else -(10**9)
                high = spec.le if spec.le is not None else 10**12
                return rng.choice([v for v in (0, 1, 3, 7, 10, 100, 2019, 10**6)
                                   if low <= v <= high] or [int(low)])
            if kind == "dec":
                return rng.choice([0, 1, 0.5, 99999.99, 100000, 0.15])
            if kind == "bool":
                return rng.choice([True, False])
            if kind == "date":
                return rng.choice(["2019-06-30", "2015-12-31", "2020-01-01"])
            if kind == "list":
                return rng.sample(["一中", "二中", "三小", "柳江区"], rng.randint(0, 3))
            if kind == "str":
                return rng.choice(["柳江区", "市区", "primary", "education_group", "x"])
        return rng.choice([None, True, -1, "10", "15%", 1e308, 10**13, [], {}, "", "2019-02-30",
                           {"value": 2, "unit": "万元"}, {"value": 2, "unit": "斤"}, 1.5,
                           "x" * 300, -0.0])

    def draw_facts(self, valid: bool = False) -> dict[str, Any]:
        rng = self.rng
        facts: dict[str, Any] = {}
        for name in rng.sample(sorted(self.columns), rng.randint(1, 4)):
            records = []
            for i in range(rng.randint(0, 4)):
                record: dict[str, Any] = {"id": f"r{i}"}
                for spec in self.columns[name].values():
                    if spec.name == "id" or spec.kind == "records" or rng.random() < 0.4:
                        continue
                    record[spec.name] = self.value(spec, valid)
                records.append(record)
            facts[name] = records
        if not valid and rng.random() < 0.3:
            facts["attestations"] = {"x.y": rng.choice([True, False, None, 1, "yes"])}
        return facts

    def mutate(self, data: bytes) -> bytes:
        rng = self.rng
        out = bytearray(data)
        for _ in range(rng.randint(1, 4)):
            choice = rng.random()
            at = rng.randint(0, len(out)) if out else 0
            if choice < 0.35:
                out[at:at] = rng.choice(TOKENS)
            elif choice < 0.55 and out:
                out[min(at, len(out) - 1)] = rng.randrange(256)
            elif choice < 0.7:
                del out[at:at + rng.randint(1, 20)]
            elif choice < 0.8:
                out = out[:at]
            else:
                other = rng.choice(self.seeds)
                start = rng.randint(0, len(other))
                out[at:at] = other[start:start + rng.randint(1, 200)]
        return bytes(out)

    # --- targets ------------------------------------------------------------------------

    def loader(self) -> None:
        from xuequ_rules.facts.loader import decode_text, parse_facts, parse_json, parse_yaml

        if self.rng.random() < 0.6:
            raw = self.mutate(self.rng.choice(self.seeds))
        else:       # a well-formed document whose values may be of any type
            raw = json.dumps(self.draw_facts(valid=self.rng.random() < 0.5),
                             ensure_ascii=self.rng.random() < 0.5, default=str).encode()
        as_yaml = self.rng.random() < 0.15
        text = decode_text(raw, "fuzz", "gb18030" if self.rng.random() < 0.05 else None)
        data = parse_yaml(text, "fuzz.yaml") if as_yaml else parse_json(text, "fuzz.json")
        parse_facts(data, "fuzz")

    def evaluator(self) -> None:
        from xuequ_rules.evaluation import evaluate

        policy = self.rng.choice(self.policies)
        evaluate(policy, self.draw_facts(valid=self.rng.random() < 0.5),
                 as_of=self.rng.choice([dt.date(2016, 1, 1), dt.date(2020, 1, 1)]))

    def parser(self) -> None:
        from xuequ_rules.document.numbers import read_quantities
        from xuequ_rules.document.parser import parse_clauses

        text = self.rng.choice(self.texts)
        start = self.rng.randint(0, len(text))
        piece = list(text[start:start + self.rng.randint(0, 1500)])
        for _ in range(self.rng.randint(0, 6)):
            piece.insert(self.rng.randint(0, len(piece)), self.rng.choice(TEXT_TOKENS))
        source = "".join(piece)
        parse_clauses(source)
        read_quantities(source)

    def api(self) -> None:
        from xuequ_rules.api.app import _facts_from_body
        from xuequ_rules.evaluation import evaluate

        raw = (self.mutate(self.rng.choice(self.seeds)) if self.rng.random() < 0.7
               else json.dumps(self.draw_facts(), default=str).encode())
        if self.api_every and self.tried["api"] % self.api_every == 0:
            self.http(raw)
            return
        policy = self.rng.choice(self.policies)
        facts = _facts_from_body(raw, policy)
        evaluate(policy, facts, as_of=dt.date(2020, 1, 1))

    def http(self, raw: bytes) -> None:
        if self.client is None:
            from fastapi.testclient import TestClient

            from xuequ_rules.api import create_app

            self.client = TestClient(create_app(), raise_server_exceptions=False)
        response = self.client.post("/policies/liujiang/evaluate", content=raw)
        if response.status_code >= 500:
            raise AssertionError(f"HTTP {response.status_code}: {response.text[:200]}")

    # --- running ------------------------------------------------------------------------

    def one(self, name: str, target: Callable[[], None]) -> None:
        from xuequ_rules.errors import XuequError

        state = self.rng.getstate()
        self.tried[name] += 1
        try:
            target()
            self.accepted[name] += 1
        except XuequError:
            pass
        except Exception:
            self.failed[name] += 1
            text = traceback.format_exc()
            if len(self.examples) < 20:
                self.examples.append(f"{name}: {text.strip().splitlines()[-1]}")
            if self.failures_dir is not None:
                self.failures_dir.mkdir(parents=True, exist_ok=True)
                where = self.failures_dir / f"{name}-{sum(self.tried.values())}.txt"
                where.write_text(f"rng state before: {state!r}\n\n{text}", encoding="utf-8")

    def run(self, inputs: int, report_every: int = 100_000) -> int:
        targets: list[tuple[str, Callable[[], None], float]] = [
            ("loader", self.loader, 0.55), ("api", self.api, 0.2),
            ("evaluator", self.evaluator, 0.15), ("parser", self.parser, 0.10)]
        names = [t[0] for t in targets]
        weights = [t[2] for t in targets]
        by_name = {t[0]: t[1] for t in targets}
        start = time.perf_counter()
        for index in range(1, inputs + 1):
            name = self.rng.choices(names, weights)[0]
            self.one(name, by_name[name])
            if report_every and index % report_every == 0:
                print(f"  {index} inputs, {sum(self.failed.values())} failures, "
                      f"{time.perf_counter() - start:.0f} s", flush=True)
        return sum(self.failed.values())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--inputs", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--api-every", type=int, default=200)
    parser.add_argument("--failures-dir", type=Path, default=None)
    args = parser.parse_args()
    sys.setrecursionlimit(max(sys.getrecursionlimit(), 1000))
    fuzzer = Fuzzer(args.seed, args.failures_dir, args.api_every)
    start = time.perf_counter()
    failures = fuzzer.run(args.inputs)
    elapsed = time.perf_counter() - start
    print(f"inputs tried: {sum(fuzzer.tried.values())} in {elapsed:.0f} s "
          f"(seed {args.seed})")
    for name in sorted(fuzzer.tried):
        print(f"  {name}: {fuzzer.tried[name]} tried, {fuzzer.accepted[name]} accepted, "
              f"{fuzzer.tried[name] - fuzzer.accepted[name] - fuzzer.failed[name]} refused "
              f"with a bilingual error, {fuzzer.failed[name]} failures")
    print(f"failures: {failures}")
    for example in fuzzer.examples:
        print(f"  {example}")
    raise SystemExit(1 if failures else 0)


if __name__ == "__main__":
    main()
