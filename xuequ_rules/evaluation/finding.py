"""Findings: one rule applied to one record, with status, decision, explanation, citations."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, fields
from enum import StrEnum
from typing import Any

from xuequ_rules.evaluation.explain import explanation_text
from xuequ_rules.evaluation.lifecycle import FORCE_LABELS, WHAT_IF_LABEL, Force
from xuequ_rules.evaluation.trace import TraceStep
from xuequ_rules.policy.citation import Cite
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


class _ExplanationSlot:
    """A finding's private slot: a list holding its explanation once first read (the list is
    set when the finding is built; the finding itself is never changed)."""

    __slots__ = ("_explained",)
    _explained: list[Text]


@dataclass(frozen=True, slots=True)
class Finding(_ExplanationSlot):
    """The outcome of one rule for one record (or for the whole scenario)."""

    rule: AnyRule
    record: str                     # e.g. "teacher_exchanges[2019]", or "" for the scenario
    status: Status
    reason: Text                    # one-line summary of why
    trace: Sequence[TraceStep] = ()  # a tuple, or a DeferredTrace computed on first read
    decision: Outcome | None = None
    force: Force | None = None      # set when NOT_IN_FORCE: not yet (未生效) or ended (已失效)
    what_if: bool = False           # judged as if the document were in force

    def __post_init__(self) -> None:
        object.__setattr__(self, "_explained", [])

    def __getstate__(self) -> tuple[Any, ...]:
        return tuple(getattr(self, name) for name in _FIELDS)

    def __setstate__(self, state: tuple[Any, ...]) -> None:
        for name, value in zip(_FIELDS, state, strict=True):
            object.__setattr__(self, name, value)
        object.__setattr__(self, "_explained", [])

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
        """The reason, then every comparison made, naming values and parameters (rendered
        when first read, then kept)."""
        kept = self._explained
        if kept:
            return kept[0]
        text = explanation_text(self.reason, self.trace, self.rule.subject,
                                self.rule.in_principle and self.status is Status.VIOLATED)
        kept.append(text)
        return text

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


_FIELDS = tuple(field.name for field in fields(Finding))
