"""Findings from durable outcome codes: status, reason and decision worded as the reference
evaluator words them; the explanation's trace computed by the reference evaluator on demand."""

from __future__ import annotations

import datetime as dt
from functools import partial
from typing import Any

from xuequ_rules.evaluation.compiler import Env
from xuequ_rules.evaluation.compiler import resolve_path as resolve
from xuequ_rules.evaluation.evaluate import CompiledRule
from xuequ_rules.evaluation.finding import Finding, Status
from xuequ_rules.evaluation.sequences import RecordSequence
from xuequ_rules.evaluation.trace import DeferredTrace, TraceStep
from xuequ_rules.policy.rule import AnyRule, Decision
from xuequ_rules.text import Text

# ── outcomes ──────────────────────────────────────────────────────────────────────────
REASONS: dict[str, tuple[Status, Text]] = {
    "AN": (Status.UNDETERMINED, Text("缺少判断是否适用的事实",
                                     "facts needed to decide whether the rule applies are "
                                     "missing")),
    "ANA": (Status.NOT_APPLICABLE, Text("适用条件不成立", "the rule's condition does not hold")),
    "NOCHK": (Status.NOT_APPLICABLE, Text("无可判定的要求", "nothing to check")),
    "VN": (Status.UNDETERMINED, Text("缺少所需事实，无法判定", "facts needed to decide are missing")),
    "VD": (Status.NOT_APPLICABLE, Text("比例的分母为零，本要求不适用",
                                       "the ratio's denominator is zero; the requirement does "
                                       "not apply")),
    "PT": (Status.SATISFIED, Text("许可条件成立，可以为之", "the permission is available")),
    "PF": (Status.NOT_APPLICABLE, Text("许可条件不成立", "the permission's conditions are not met")),
    "SAT": (Status.SATISFIED, Text("符合要求", "requirement met")),
    "VIO": (Status.VIOLATED, Text("不符合要求", "requirement not met")),
    "DN": (Status.UNDETERMINED, Text("缺少所需事实，无法确定适用的程序",
                                     "facts needed to choose the procedure are missing")),
}

STAGE_APPLIES, STAGE_NONE, STAGE_FULL = "applies", "none", "full"


def stage_of(code: str) -> str:
    if code in ("AN", "ANA"):
        return STAGE_APPLIES
    if code == "NOCHK":
        return STAGE_NONE
    return STAGE_FULL


def reference_trace(compiled: CompiledRule, record: Any, as_of: dt.date, stage: str,
                    sequence: RecordSequence | None = None) -> tuple[TraceStep, ...]:
    """The reference evaluator's trace; ``sequence``: the record's collection, for rules
    over consecutive records."""
    if stage == STAGE_NONE:
        return ()
    env = Env(as_of, sequence=sequence)
    if compiled.applies is not None:
        compiled.applies(record, env)
    if stage == STAGE_FULL:
        if isinstance(compiled.rule, Decision):
            for case in compiled.cases:
                case(record, env)
        else:
            checks = compiled.requires or compiled.forbids
            if checks is not None:
                checks(record, env)
    return tuple(env.trace)


def make_finding(rule: AnyRule, ref: str, status: Status, reason: Text, decision: Any,
                 compiled: CompiledRule, record: Any, as_of: dt.date, stage: str,
                 sequence: RecordSequence | None) -> Finding:
    """A finding whose trace the reference evaluator computes for ``record`` when read."""
    return Finding(rule, ref, status, reason,
                   DeferredTrace(partial(reference_trace, compiled, record, as_of, stage,
                                         sequence)), decision)


def outcome(rule: AnyRule, code: str, record: Any) -> tuple[Status, Text, Any]:
    """Status, reason and decision of an outcome code (as the reference evaluator words it)."""
    if code in REASONS:
        status, reason = REASONS[code]
        return status, reason, None
    assert isinstance(rule, Decision)   # C<i><U|N|S|V>
    outcome = rule.cases[int(code[1:-1])].outcome
    kind = code[-1]
    if kind == "U":
        return Status.UNDETERMINED, Text(f"应适用：{outcome.text.zh}",
                                         f"applicable: {outcome.text.en}"), outcome
    if kind == "N":
        return Status.UNDETERMINED, Text(
            f"应适用：{outcome.text.zh}；未提供实际程序，无法判定是否合规",
            f"applicable: {outcome.text.en}; the route actually taken is not given"), outcome
    if kind == "S":
        return Status.SATISFIED, Text(f"应适用并已适用：{outcome.text.zh}",
                                      f"applicable and taken: {outcome.text.en}"), outcome
    assert rule.actual is not None
    actual = resolve(record, rule.actual.path)
    taken = getattr(actual, "value", actual)
    return Status.VIOLATED, Text(f"应适用：{outcome.text.zh}；实际为 {taken}",
                                 f"applicable: {outcome.text.en}; actually taken: {taken}"), outcome


def outcome_specs(rule: AnyRule, codes: list[str]) -> dict[str, tuple[Status, Text, Any, str]]:
    """The outcomes that do not depend on the record (all but a decision's violation)."""
    out: dict[str, tuple[Status, Text, Any, str]] = {}
    for code in codes:
        if code in ("DI",) or code.startswith("X") or (code.startswith("C") and
                                                         code.endswith("V")):
            continue
        status, reason, decision = outcome(rule, code, None)
        out[code] = (status, reason, decision, stage_of(code))
    return out


def finding_for(compiled: CompiledRule, record: Any, ref: str, as_of: dt.date,
                code: str, sequence: RecordSequence | None = None) -> Finding:
    status, reason, decision = outcome(compiled.rule, code, record)
    return make_finding(compiled.rule, ref, status, reason, decision, compiled, record, as_of,
                        stage_of(code), sequence)

