"""The durable_rules backend (see :mod:`xuequ_rules.engines.durable`), under its public name."""

from __future__ import annotations

from xuequ_rules.engines.durable import (
    DECIMAL_SCALE,
    EXACT_LIMIT,
    MAX_MATCHES_PER_FACT,
    MAX_PROPERTIES_PER_FACT,
    DurableEngineError,
    DurablePolicy,
    DurableUnavailableError,
    compile_policy,
    evaluate,
    stream_findings,
)

__all__ = [
    "DECIMAL_SCALE",
    "EXACT_LIMIT",
    "MAX_MATCHES_PER_FACT",
    "MAX_PROPERTIES_PER_FACT",
    "DurableEngineError",
    "DurablePolicy",
    "DurableUnavailableError",
    "compile_policy",
    "evaluate",
    "stream_findings",
]
