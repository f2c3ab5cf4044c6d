"""Findings: one rule applied to one record, with status, decision, explanation, citations."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from xuequ_rules.evaluation.lifecycle import FORCE_LABELS, WHAT_IF_LABEL, Force
from xuequ_rules.evaluation.trace import TraceStep
from xuequ_rules.policy.citation import Cite
from xuequ_rules.policy.expr import Compare, Expr, IsIn, Known
from xuequ_rules.policy.operators import COMPARE_SYMBOLS
from xuequ_rules.policy.render import format_value, render_expr
from xuequ_rules.policy.rule import AnyRule, Decision, Outcome
from xuequ_rules.text import Text


class Status(StrEnum):
    SATISFIED = "satisfied"
    VIOLATED = "violated"
    NOT_APPLICABLE = "not_applicable"
    UNDETERMINED = "undetermined"
    NOT_IN_FORCE = "not_in_force"     # the document was not in force for this record


STATUS_LABELS: dict[Status, tuple[str, str]] = {
    Status.SATISFIED: ("符合", "satisfied"),
    Status.VIOLATED: ("不符合", "violated"),
    Status.NOT_APPLICABLE: ("不适用", "not applicable"),
    Status.UNDETERMINED: ("待定", "undetermined"),
    Status.NOT_IN_FORCE: ("未生效/已失效", "not in force"),
}


@dataclass(frozen=True, slots=True)
class Finding:
    """The outcome of one rule for one record (or for the whole scenario)."""

    rule: AnyRule
    record: str                     # e.g. "teacher_exchanges[2019]", or "" for the scenario
    status: Status
    reason: Text                    # one-line summary of why
    trace: Sequence[TraceStep] = ()  # a tuple, or a DeferredTrace computed on first read
    decision: Outcome | None = None
    force: Force | None = None      # set when NOT_IN_FORCE: not yet (未生效) or ended (已失效)
    what_if: bool = False           # judged as if the document were in force

    @property
    def label(self) -> tuple[str, str]:
        """The status label, naming 未生效 / 已失效 and a what-if evaluation."""
        zh, en = FORCE_LABELS[self.force] if self.force is not None else STATUS_LABELS[self.status]
        if self.what_if:
            zh, en = f"{zh}（{WHAT_IF_LABEL[0]}）", f"{en} ({WHAT_IF_LABEL[1]})"
        return zh, en

    @property
    def citations(self) -> tuple[Cite, ...]:
        if isinstance(self.rule, Decision):
            if self.decision is not None:
                for case in self.rule.cases:
                    if case.outcome == self.decision:
                        return self.rule.cites + case.cites
            return self.rule.all_cites()
        return self.rule.cites

    @property
    def explanation(self) -> Text:
        """The reason, then every comparison made, naming values and parameters."""
        zh = [self.reason.zh]
        en = [self.reason.en]
        for node, left, right, result in self.trace:
            step_zh, step_en = _step(node, left, right, result, self.rule.subject)
            zh.append(step_zh)
            en.append(step_en)
        if self.rule.in_principle and self.status is Status.VIOLATED:
            zh.append("注意：本条为“原则上”要求，有正当理由的例外不构成违反。")
            en.append("Note: this is an in-principle (原则上) rule; justified exceptions are "
                      "not a breach.")
        return Text("\n".join(zh), "\n".join(en))

    def as_dict(self) -> dict[str, Any]:
        rule = _rule_parts(self.rule)
        return {
            "rule": self.rule.id,
            "record": self.record,
            "status": self.status.value,
            "label": dict(zip(("zh", "en"), self.label, strict=True)),
            "force": None if self.force is None else self.force.value,
            "what_if": self.what_if,
            "modality": rule["modality"],
            "in_principle": self.rule.in_principle,
            "party": dict(rule["party"]),
            "title": dict(rule["title"]),
            "decision": None if self.decision is None else {
                "code": self.decision.code, **self.decision.text.as_dict()},
            "explanation": self.explanation.as_dict(),
            "citations": [c.as_dict() for c in self.citations],
        }


# A rule's own parts of every finding's dict, built once per rule (not once per record).
_RULE_PARTS: dict[int, tuple[AnyRule, dict[str, Any]]] = {}


def _rule_parts(rule: AnyRule) -> dict[str, Any]:
    cached = _RULE_PARTS.get(id(rule))
    if cached is not None and cached[0] is rule:
        return cached[1]
    parts = {"modality": rule.modality.value, "party": rule.party.as_dict(),
             "title": rule.title.as_dict()}
    _RULE_PARTS[id(rule)] = (rule, parts)
    return parts


def _result_text(result: Any) -> tuple[str, str]:
    if result is True:
        return "成立", "holds"
    if result is False:
        return "不成立", "does not hold"
    if result is None:
        return "无法判定（缺少事实）", "unknown (missing facts)"
    return "无定义（除数为零）", "undefined (division by zero)"


_RENDERED: dict[tuple[int, str, str], tuple[Expr, str]] = {}


def _rendered(node: Expr, subject: str, lang: str) -> str:
    """A rule's expression as text: the same for every record, so rendered once (kept by
    the node's identity: expressions compare by building comparisons, not by value)."""
    key = (id(node), subject, lang)
    hit = _RENDERED.get(key)
    if hit is None or hit[0] is not node:
        if len(_RENDERED) >= 8192:
            _RENDERED.clear()
        hit = (node, render_expr(node, subject, lang))
        _RENDERED[key] = hit
    return hit[1]


def _step(node: Expr, left: Any, right: Any, result: Any, subject: str) -> tuple[str, str]:
    res_zh, res_en = _result_text(result)
    if isinstance(node, Compare):
        symbol = COMPARE_SYMBOLS[node.op]
        lz, le = _rendered(node.left, subject, "zh"), _rendered(node.left, subject, "en")
        rz, re_ = _rendered(node.right, subject, "zh"), _rendered(node.right, subject, "en")
        lv, rv = format_value(left), format_value(right)
        return (f"· {lz} {symbol} {rz}：{lv} {symbol} {rv}，{res_zh}",
                f"· {le} {symbol} {re_}: {lv} {symbol} {rv}, {res_en}")
    if isinstance(node, IsIn | Known):
        return (f"· {_rendered(node, subject, 'zh')}：取值 {format_value(left)}，{res_zh}",
                f"· {_rendered(node, subject, 'en')}: value {format_value(left)}, {res_en}")
    return (f"· {_rendered(node, subject, 'zh')}：{res_zh}",
            f"· {_rendered(node, subject, 'en')}: {res_en}")
