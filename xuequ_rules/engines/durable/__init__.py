"""The durable_rules backend: a policy's rules compiled to durable_rules rulesets.

Every rule over a fact collection (and every scenario-level rule, decisions included)
becomes a handful of durable rules, one per *outcome* (satisfied / violated / not
applicable / undetermined, and the reason), whose conditions are the four-valued
semantics of :mod:`xuequ_rules.evaluation.compiler` spelled out as durable conditions:

* a fact is validated with the policy's facts model first, then encoded as a flat durable
  fact where every field read by a rule is ``f<i>`` (the value) plus ``k<i>`` (1 when
  known, 0 when missing — durable silently matches nothing on a missing or null field, so
  a missing fact is never left implicit) — :mod:`.layout`;
* numbers are integers scaled by a power of ten (decimals at :data:`DECIMAL_SCALE`
  digits, parameters at their own scale) and comparisons are rewritten so that both sides
  are integers — no division is ever computed in durable: ``a / b >= c`` becomes
  ``a >= c × b`` (with the sign of ``b``), ``x / 0`` is *not applicable*; every
  intermediate integer must stay within ±2**53 (durable compares doubles), which is proved
  from the model's bounds when it can be and checked on each fact otherwise — a fact
  beyond it is rejected with a bilingual error, never compared approximately —
  :mod:`.integers`, :mod:`.conditions`, :mod:`.compile`;
* consequences only record ``(rule, outcome, record)``; the findings (statuses, reasons,
  citations, decisions) are those of the reference evaluator, and the explanation's trace
  is computed on demand by the reference evaluator for the matched record —
  :mod:`.findings`.

durable_rules traps handled in :mod:`.host` and :mod:`.policy`: a ruleset name registers
once per host and cannot be unregistered (a private host per compiled policy, unique
names — two versions of one policy run side by side); events fire one rule only (facts
are asserted, then retracted); a ruleset holds at most 1,024 live sessions (one session
per evaluation, always retracted and deleted; a session durable itself failed on is not
deleted, since that can crash); exceptions in consequences are swallowed into the session
state (caught in the consequence and re-raised, and the state is checked); a fact matching
more than 64 rules is refused, and one of about 255 properties crashes a batch (a
subject's rules are split into rulesets by both bounds, each receiving only the properties
it reads; a rule that alone exceeds them falls back to the reference evaluator); durable
fires a rule once per satisfied ``$or`` branch (repeated outcomes are collapsed); a fact
matching no rule is an error (outcomes are exhaustive); the host's background timer
threads are never started (all work is synchronous, in the caller's thread).

A condition over consecutive records (``consecutive(...)``, e.g. two years of decline
running) is decided by durable_rules too, before the collection's rules: a ruleset of
correlated patterns matches each record with the records of its ``per`` at the order
values before it, ``$not`` patterns saying that a year has no record —
:mod:`.sequences`.

Rules this backend cannot translate (text ordered with ``<``, nested fields, arithmetic on
dates, a run whose count changes over time) are listed in :attr:`DurablePolicy.fallback`
and evaluated by the reference evaluator; ``strict=True`` refuses them instead.

:func:`stream_findings` (:mod:`.stream`) takes records arriving one by one and yields
findings as they are decided (a year arriving late revises the findings it changes).
"""

from __future__ import annotations

from xuequ_rules.engines.durable.policy import DurablePolicy, compile_policy, evaluate
from xuequ_rules.engines.durable.runtime import (
    DECIMAL_SCALE,
    EXACT_LIMIT,
    MAX_MATCHES_PER_FACT,
    MAX_PROPERTIES_PER_FACT,
    DurableEngineError,
    DurableUnavailableError,
)
from xuequ_rules.engines.durable.stream import stream_findings

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
