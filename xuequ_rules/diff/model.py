"""The diff of two policies as plain, frozen data (``as_dict()`` gives deterministic JSON)."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from xuequ_rules.text import Text


def _label_dict(label: Text | None) -> dict[str, str] | None:
    return None if label is None else {"zh": label.zh, "en": label.en}


class ChangeStatus(StrEnum):
    UNCHANGED = "unchanged"
    CHANGED = "changed"
    ADDED = "added"        # only in the right-hand policy
    REMOVED = "removed"    # only in the left-hand policy


CHANGE_LABELS: dict[ChangeStatus, tuple[str, str]] = {
    ChangeStatus.UNCHANGED: ("相同", "unchanged"),
    ChangeStatus.CHANGED: ("有变化", "changed"),
    ChangeStatus.ADDED: ("仅右侧", "only right"),
    ChangeStatus.REMOVED: ("仅左侧", "only left"),
}


@dataclass(frozen=True, slots=True)
class TextOp:
    """One piece of a redline: ``equal``, ``delete`` (left only), ``insert`` (right only)
    or ``replace`` (left text replaced by right text)."""

    op: str
    left: str
    right: str

    def as_dict(self) -> dict[str, str]:
        return {"op": self.op, "left": self.left, "right": self.right}


@dataclass(frozen=True, slots=True)
class ClauseChange:
    """One clause of the left text aligned with one of the right (or with none).

    ``aligned_by`` is ``"id"`` (same clause id, similar text), ``"content"`` (text found
    elsewhere, e.g. after renumbering) or ``""`` (no counterpart).
    """

    status: ChangeStatus
    left_id: str | None
    right_id: str | None
    left_text: str | None
    right_text: str | None
    aligned_by: str
    similarity: str              # "0.000".."1.000", a string so JSON stays exact
    ops: tuple[TextOp, ...] = ()

    @property
    def id(self) -> str:
        if self.left_id and self.right_id and self.left_id != self.right_id:
            return f"{self.left_id} → {self.right_id}"
        return self.left_id or self.right_id or ""

    def as_dict(self) -> dict[str, Any]:
        return {"status": self.status.value, "left_id": self.left_id,
                "right_id": self.right_id, "aligned_by": self.aligned_by,
                "similarity": self.similarity, "left_text": self.left_text,
                "right_text": self.right_text, "ops": [op.as_dict() for op in self.ops]}


@dataclass(frozen=True, slots=True)
class TextDiff:
    clauses: tuple[ClauseChange, ...]

    def count(self, status: ChangeStatus) -> int:
        return sum(1 for c in self.clauses if c.status is status)

    def summary(self) -> dict[str, int]:
        return {status.value: self.count(status) for status in ChangeStatus}

    def as_dict(self) -> dict[str, Any]:
        return {"summary": self.summary(), "clauses": [c.as_dict() for c in self.clauses]}


@dataclass(frozen=True, slots=True)
class FieldChange:
    """One attribute that differs: its name and both sides, rendered as text."""

    field: str
    left: str | None
    right: str | None
    detail: tuple[tuple[str, str], ...] = ()   # e.g. (("only_left", "质量评价"), …)

    def as_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"field": self.field, "left": self.left, "right": self.right}
        if self.detail:
            data["detail"] = [{"side": side, "item": item} for side, item in self.detail]
        return data


@dataclass(frozen=True, slots=True)
class ItemChange:
    """A parameter or rule of one side aligned with one of the other side (or none).

    ``aligned_by`` is ``"id"`` (same policy, same id), ``"concept"`` (the shared
    vocabulary key) or ``""``.
    """

    kind: str                     # "parameter" | "rule"
    status: ChangeStatus
    concept: str | None
    left_id: str | None
    right_id: str | None
    left_summary: str | None      # e.g. "10%" for a parameter, the title for a rule
    right_summary: str | None
    aligned_by: str
    changes: tuple[FieldChange, ...] = ()
    concept_label: Text | None = None   # the concept's declared label

    @property
    def key(self) -> str:
        return self.concept or self.left_id or self.right_id or ""

    def as_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "status": self.status.value, "concept": self.concept,
                "concept_label": _label_dict(self.concept_label),
                "left_id": self.left_id, "right_id": self.right_id,
                "left": self.left_summary, "right": self.right_summary,
                "aligned_by": self.aligned_by, "changes": [c.as_dict() for c in self.changes]}


@dataclass(frozen=True, slots=True)
class StructureDiff:
    metadata: tuple[FieldChange, ...]
    parameters: tuple[ItemChange, ...]
    rules: tuple[ItemChange, ...]

    def summary(self) -> dict[str, dict[str, int]]:
        out: dict[str, dict[str, int]] = {}
        for name, items in (("parameters", self.parameters), ("rules", self.rules)):
            out[name] = {s.value: sum(1 for i in items if i.status is s) for s in ChangeStatus}
        return out

    def as_dict(self) -> dict[str, Any]:
        return {"summary": self.summary(),
                "metadata": [c.as_dict() for c in self.metadata],
                "parameters": [p.as_dict() for p in self.parameters],
                "rules": [r.as_dict() for r in self.rules]}


@dataclass(frozen=True, slots=True)
class BehaviourCase:
    """A generated record on which the two policies judge one concept differently."""

    collection: str
    record: tuple[tuple[str, str], ...]    # field → value as text, in field order
    varied: str                            # the field varied from the base record
    concept: str
    left_rules: tuple[str, ...]
    right_rules: tuple[str, ...]
    left_outcome: str
    right_outcome: str
    concept_label: Text | None = None

    def as_dict(self) -> dict[str, Any]:
        return {"collection": self.collection, "record": dict(self.record),
                "varied": self.varied, "concept": self.concept,
                "concept_label": _label_dict(self.concept_label),
                "left_rules": list(self.left_rules), "right_rules": list(self.right_rules),
                "left_outcome": self.left_outcome, "right_outcome": self.right_outcome}


@dataclass(frozen=True, slots=True)
class BehaviourDiff:
    as_of: str
    collections: tuple[str, ...]          # shared fact collections that were explored
    shared_concepts: tuple[str, ...]      # concepts judged by both policies there
    scenarios: int                        # generated records evaluated under both
    skipped: int                          # generated records the fact model rejected
    cases: tuple[BehaviourCase, ...]
    notes: tuple[str, ...] = field(default=())

    def as_dict(self) -> dict[str, Any]:
        return {"as_of": self.as_of, "collections": list(self.collections),
                "shared_concepts": list(self.shared_concepts), "scenarios": self.scenarios,
                "skipped": self.skipped, "differences": len(self.cases),
                "cases": [c.as_dict() for c in self.cases], "notes": list(self.notes)}


@dataclass(frozen=True, slots=True)
class PolicyDiff:
    """The three-level diff of two policy versions (``left`` → ``right``)."""

    left: str                  # name@version
    right: str
    left_title: str
    right_title: str
    same_policy: bool          # two versions of one policy (align by id) or two districts
    text: TextDiff | None
    structure: StructureDiff | None
    behaviour: BehaviourDiff | None

    def as_dict(self) -> dict[str, Any]:
        return {"left": self.left, "right": self.right, "left_title": self.left_title,
                "right_title": self.right_title, "same_policy": self.same_policy,
                "text": self.text.as_dict() if self.text else None,
                "structure": self.structure.as_dict() if self.structure else None,
                "behaviour": self.behaviour.as_dict() if self.behaviour else None}
