"""A bounded slice of benchmarks/fuzz_inputs.py: loaders, parser, evaluator, API handler.

The full run (≥ 1M inputs) is a script outside the suite; this slice runs a few thousand
seeded inputs of the same kinds, and any exception other than the library's bilingual error
(or an HTTP 5xx) fails it.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

FUZZ = Path(__file__).resolve().parents[1] / "benchmarks" / "fuzz_inputs.py"


def test_a_slice_of_the_input_fuzzer_finds_no_failure() -> None:
    spec = importlib.util.spec_from_file_location("fuzz_inputs", FUZZ)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    fuzzer = module.Fuzzer(seed=2026, failures_dir=None, api_every=50)
    failures = fuzzer.run(3000, report_every=0)
    assert failures == 0, fuzzer.examples
    assert set(fuzzer.tried) == {"loader", "api", "evaluator", "parser"}
    assert fuzzer.tried["api"] >= 50        # at least one real HTTP request among them
    assert sum(fuzzer.accepted.values()) > 0 and sum(fuzzer.tried.values()) == 3000
