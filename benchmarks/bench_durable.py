"""The durable_rules adapter against a hand-written durable_rules ruleset, on the same facts.

Both decide liujiang's two teacher-exchange rules (10% of eligible teachers rotated each
year; backbone teachers at least 12% of those rotated) for the same validated records, in
one session per evaluation (assert the facts, collect what fired, retract, delete):

* raw: the ruleset a durable_rules user would write by hand — ``m.rotated >=
  m.eligible * 0.1`` on doubles, one consequence per outcome, statuses as tuples;
* adapter: :mod:`xuequ_rules.engines.durable_backend` — validated facts, exact scaled
  integers, missing-fact flags, reference findings (status, reason, citations; the
  explanation's trace computed on demand).

Run: /work/venv/bin/python benchmarks/bench_durable.py [records] [repeats]
The last line prints the ratio adapter / raw (target: within 1.2x).
"""

from __future__ import annotations

import datetime as dt
import gc
import itertools
import random
import statistics
import sys
import time
from dataclasses import replace
from typing import Any

from durable import engine

from xuequ_rules import Status, evaluate, load_policy, parse_facts
from xuequ_rules.engines import durable_backend


class _Host(engine.Host):  # the same synchronous host the adapter uses
    def _run(self) -> None:
        return None


def raw_ruleset(host: _Host, name: str, sink: dict[str, list[tuple[str, int, str]]]) -> None:
    def record(rule: str, status: str) -> Any:
        def consequence(c: Any) -> None:
            fact = c._m["m"]
            sink[fact["sid"]].append((rule, fact["id"], status))
        return consequence

    share, backbone = "liujiang.teacher_exchange.min_share", "liujiang.teacher_exchange.backbone_share"
    m_share = {"$mul": {"$l": {"$m": "eligible"}, "$r": 0.10}}
    m_backbone = {"$mul": {"$l": {"$m": "rotated"}, "$r": 0.12}}
    host.register_rulesets({name: {
        "share_ok": {"all": [{"m": {"$and": [{"$gt": {"eligible": 0}},
                                              {"$gte": {"rotated": m_share}}]}}],
                     "run": record(share, "satisfied")},
        "share_low": {"all": [{"m": {"$and": [{"$gt": {"eligible": 0}},
                                               {"$lt": {"rotated": m_share}}]}}],
                      "run": record(share, "violated")},
        "share_na": {"all": [{"m": {"$lte": {"eligible": 0}}}],
                     "run": record(share, "not_applicable")},
        "backbone_ok": {"all": [{"m": {"$and": [{"$gt": {"rotated": 0}},
                                                 {"$gte": {"backbone_rotated": m_backbone}}]}}],
                        "run": record(backbone, "satisfied")},
        "backbone_low": {"all": [{"m": {"$and": [{"$gt": {"rotated": 0}},
                                                  {"$lt": {"backbone_rotated": m_backbone}}]}}],
                         "run": record(backbone, "violated")},
        "backbone_na": {"all": [{"m": {"$lte": {"rotated": 0}}}],
                        "run": record(backbone, "not_applicable")},
    }})


_SIDS = itertools.count()


def raw_evaluate(host: _Host, name: str, sink: dict[str, list[tuple[str, int, str]]],
                 records: list[Any]) -> list[tuple[str, int, str]]:
    sid = f"raw{next(_SIDS)}"
    facts = [{"sid": sid, "id": i, "eligible": r.eligible, "rotated": r.rotated,
              "backbone_rotated": r.backbone_rotated} for i, r in enumerate(records)]
    sink[sid] = out = []
    try:
        host.assert_facts(name, facts)
        host.retract_facts(name, facts)
        host.delete_state(name, sid)
    finally:
        del sink[sid]
    return out


def make_records(n: int, seed: int = 2018) -> list[dict[str, Any]]:
    rng = random.Random(seed)
    out = []
    for i in range(n):
        eligible = rng.choice([0, rng.randint(1, 200), rng.randint(1, 10**6)])
        rotated = rng.choice([eligible // 10, -(-eligible // 10), rng.randint(0, eligible)])
        backbone = rng.randint(0, rotated)
        out.append({"id": f"r{i}", "year": 2019, "eligible": eligible, "rotated": rotated,
                    "backbone_rotated": backbone})
    return out


def timed(fns: dict[str, Any], repeats: int) -> dict[str, float]:
    """Median seconds of each function over the repeats, run in turn (interleaved, the
    order reversed every other round, so that load from other processes falls on all
    alike)."""
    times: dict[str, list[float]] = {name: [] for name in fns}
    for round_ in range(repeats):
        order = list(fns.items())
        for name, fn in (order if round_ % 2 == 0 else order[::-1]):
            gc.collect()
            start = time.perf_counter()
            fn()
            times[name].append(time.perf_counter() - start)
    return {name: statistics.median(values) for name, values in times.items()}


def main(n: int = 2000, repeats: int = 11) -> float:
    policy = load_policy("liujiang")
    rules = tuple(r for r in policy.rules if r.subject == "teacher_exchanges")
    two = replace(policy, rules=rules)
    # validated once, against the policy's fact schema: both sides read these records
    facts = parse_facts({"teacher_exchanges": make_records(n)}, policy=two)
    records = list(facts.teacher_exchanges)
    as_of = dt.date(2019, 12, 31)

    host, sink = _Host(), {}
    raw_ruleset(host, "raw_liujiang_exchange", sink)
    adapter = durable_backend.compile_policy(two)

    # the same statuses (the raw ruleset uses doubles: count disagreements, if any)
    raw = {(rule, records[i].id, status) for rule, i, status in
           raw_evaluate(host, "raw_liujiang_exchange", sink, records)}
    ours = adapter.evaluate(facts, as_of)
    exact = evaluate(two, facts, as_of)
    assert [f.status for f in ours.findings] == [f.status for f in exact.findings]
    mine = {(f.rule.id, f.record.removeprefix("teacher_exchanges[").removesuffix("]"),
             f.status.value) for f in ours.findings}
    print(f"records: {n}; findings: {len(ours.findings)}; "
          f"violated: {len(ours.by_status(Status.VIOLATED))}; "
          f"raw vs adapter disagreements: {len(raw ^ mine) // 2}")

    medians = timed({
        "raw": lambda: raw_evaluate(host, "raw_liujiang_exchange", sink, records),
        "adapter": lambda: adapter.evaluate(facts, as_of),
        "reference": lambda: evaluate(two, facts, as_of)}, repeats)
    t_raw, t_adapter, t_reference = medians["raw"], medians["adapter"], medians["reference"]
    for label, seconds in (("raw durable_rules", t_raw), ("adapter", t_adapter),
                           ("reference evaluator", t_reference)):
        print(f"{label:>20}: {seconds * 1000:8.1f} ms  ({seconds / n * 1e6:6.1f} µs/record)")
    ratio = t_adapter / t_raw
    print(f"adapter/raw ratio: {ratio:.2f}x (target <= 1.20x)")
    return ratio


if __name__ == "__main__":
    args = [int(a) for a in sys.argv[1:3]]
    main(*args)
