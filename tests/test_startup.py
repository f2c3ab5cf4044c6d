"""Start-up: importing the package and listing policies load only what they use.

Structural, not timed: each check runs in a fresh interpreter and reads ``sys.modules``.
"""

from __future__ import annotations

import json
import subprocess
import sys

HEAVY = ("polars", "duckdb", "sqlglot", "pyarrow", "fastapi", "uvicorn", "mkdocs", "pyspark",
         "durable", "xuequ_rules.engines", "xuequ_rules.consistency", "xuequ_rules.evaluation",
         "xuequ_rules.api", "xuequ_rules.sitegen", "xuequ_rules.diff")


def _loaded_after(code: str) -> list[str]:
    probe = (f"{code}\nimport json, sys\n"
             f"print(json.dumps([m for m in {HEAVY!r} if m in sys.modules]))")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                          check=True)
    return list(json.loads(done.stdout.strip().splitlines()[-1]))


def _cli(args: str) -> str:
    return (f"from xuequ_rules.cli.app import main\n"
            f"try:\n    main({args})\nexcept SystemExit:\n    pass")


def test_import_xuequ_rules_loads_no_engine_checker_evaluator_or_web_stack() -> None:
    assert _loaded_after("import xuequ_rules") == []


def test_import_xuequ_rules_still_offers_every_public_name_on_first_use() -> None:
    code = ("import xuequ_rules\n"
            "missing = [n for n in xuequ_rules.__all__ if getattr(xuequ_rules, n, None) is None]\n"
            "assert not missing, missing")
    subprocess.run([sys.executable, "-c", code], check=True)


def test_xuequ_help_loads_no_engine_checker_evaluator_or_web_stack() -> None:
    assert _loaded_after(_cli("['--help']")) == []


def test_xuequ_list_loads_no_engine_checker_evaluator_or_web_stack() -> None:
    assert _loaded_after(_cli("['list', '--json']")) == []
