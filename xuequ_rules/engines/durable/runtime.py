"""durable_rules itself: importing it (or saying why not), the limits it imposes, and a
host whose background threads never start."""

from __future__ import annotations

import sys

from xuequ_rules.errors import XuequError

__all__ = ["DECIMAL_SCALE", "EXACT_LIMIT", "MAX_MATCHES_PER_FACT", "MAX_PROPERTIES_PER_FACT",
           "DurableEngineError", "DurableUnavailableError", "QuietHost", "durable_engine"]


class DurableUnavailableError(ImportError):
    """durable_rules cannot be imported here (missing, or an unsupported Python)."""


if sys.version_info >= (3, 13):  # pragma: no cover - depends on the interpreter
    _V = "{}.{}".format(*sys.version_info[:2])
    raise DurableUnavailableError(
        f"durable_rules 2.0.28 只能在 Python 3.11、3.12 上导入，当前为 Python {_V}；"
        "请改用 Python 3.11 或 3.12，或使用参考求值器 xuequ_rules.evaluate / "
        f"durable_rules 2.0.28 imports on Python 3.11 and 3.12 only, this is Python {_V}; "
        "use Python 3.11 or 3.12, or the reference evaluator xuequ_rules.evaluate")

try:
    from durable import engine as durable_engine  # type: ignore[import-untyped]
except ImportError as _exc:  # pragma: no cover - depends on the installation
    raise DurableUnavailableError(
        "未安装 durable_rules：请运行 pip install xuequ-rules[durable] / "
        "durable_rules is not installed: pip install xuequ-rules[durable]") from _exc

DECIMAL_SCALE = 6
"""Digits after the point kept for decimal facts (ratios, yuan, years, hours)."""

EXACT_LIMIT = 2**53
"""The largest magnitude durable compares exactly (it uses doubles)."""

MAX_MATCHES_PER_FACT = 64
"""durable_rules refuses a fact that matches more than 64 rules (error 303): a subject's
rules are split into several rulesets so that no fact can match more in any of them."""

MAX_PROPERTIES_PER_FACT = 200
"""durable_rules refuses a fact of about 255 properties or more (error 302; a batch of
them crashes the process): each ruleset of a subject receives only the properties its
rules read, at most this many."""


class DurableEngineError(XuequError):
    """durable_rules failed, or a consequence raised, while evaluating."""


class QuietHost(durable_engine.Host):  # type: ignore[misc]
    """A private host whose background dispatch threads are never started: every action
    runs synchronously inside assert/retract, in the caller's thread."""

    def _run(self) -> None:
        return None

