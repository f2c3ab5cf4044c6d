"""Lifecycle: whether a policy version was in force for a record, judged by the record's date.

A draft never took effect: every finding under it is *not in force* (未生效). A version with a
period of validity judges a record by the record's own date (``year`` or ``week_start``); a
record dated before the period is not yet in force (未生效), one dated after it is no longer in
force (已失效). A record without a date, and a rule about the whole scenario, is judged at the
evaluation date ``as_of``. A caller may ask for a *what-if* evaluation instead: every rule is
applied as if the version were in force, and every finding says so.

The same decision is offered as a Python function (reference evaluator, durable_rules) and as
an expression over the record's fields (column engines), so every engine decides it alike.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache
from typing import Any

from xuequ_rules.document.metadata import ENDED_STATES, STATUS_LABELS, StatusState
from xuequ_rules.facts.fields import field_spec
from xuequ_rules.facts.schema import Facts
from xuequ_rules.policy.expr import BoolOp, Compare, CompareOp, Const, Expr, Field, Known, Logic, Not
from xuequ_rules.policy.policy import Policy
from xuequ_rules.text import Text


class Force(StrEnum):
    """Why a finding is not in force."""

    NOT_YET = "not_yet_in_force"       # 未生效: a draft, or a record dated before the period
    ENDED = "no_longer_in_force"       # 已失效: a record dated after the period ended


FORCE_LABELS: dict[Force, tuple[str, str]] = {
    Force.NOT_YET: ("未生效", "not yet in force"),
    Force.ENDED: ("已失效", "no longer in force"),
}

WHAT_IF_LABEL = ("假设评估（文件未生效/已失效）", "what-if")


@lru_cache(maxsize=1024)
def record_date_field(schema: type[Facts], collection: str) -> tuple[str, str] | None:
    """The field that dates a record of ``collection`` in the fact schema ``schema``, and its
    kind (``year`` or ``date``); read once per schema and collection."""
    year = field_spec(schema, collection, "year")
    if year is not None and year.kind == "int":
        return "year", "year"
    week = field_spec(schema, collection, "week_start")
    if week is not None and week.kind == "date":
        return "week_start", "date"
    return None


@dataclass(frozen=True, slots=True)
class Lifecycle:
    """A policy version's status and period, as evaluation applies them."""

    state: StatusState
    start: dt.date | None
    end: dt.date | None
    schema: type[Facts] = Facts     # the policy's fact schema: which field dates a record

    @classmethod
    def of(cls, policy: Policy) -> Lifecycle:
        return cls(policy.document.metadata.status.state, policy.valid_from, policy.valid_until,
                   policy.facts_model)

    @property
    def draft(self) -> bool:
        return self.state is StatusState.DRAFT

    def at_date(self, date: dt.date) -> Force | None:
        if self.draft:
            return Force.NOT_YET
        if self.end is not None and date > self.end:
            return Force.ENDED
        if self.start is not None and date < self.start:
            return Force.NOT_YET
        return None

    def at_year(self, year: int) -> Force | None:
        """A year is in force when any day of it is."""
        if self.draft:
            return Force.NOT_YET
        if self.end is not None and year > self.end.year:
            return Force.ENDED
        if self.start is not None and year < self.start.year:
            return Force.NOT_YET
        return None

    def for_record(self, collection: str, record: Any, as_of: dt.date) -> Force | None:
        """Whether ``record`` (a fact record, a group, or ``None`` for the scenario) is in force."""
        dated = record_date_field(self.schema, collection) if record is not None else None
        value: Any = None
        if dated is not None:
            name = dated[0]
            value = record.get(name) if isinstance(record, dict) else getattr(record, name, None)
        if isinstance(value, dt.date):
            return self.at_date(value)
        if isinstance(value, int) and not isinstance(value, bool):
            return self.at_year(value)
        return self.at_date(as_of)

    def condition(self, collection: str, force: Force, as_of: dt.date,
                  available: frozenset[str] | None = None) -> Expr | None:
        """An expression over a record of ``collection``, true where it is ``force``.

        ``None`` means never; ``Const(True)`` means always. ``available`` limits the fields
        that can date a record (a group is dated only by a group-by key).
        """
        undated = self.at_date(as_of) is force
        if self.draft:
            return Const(True) if self.at_date(as_of) is force else None
        dated = record_date_field(self.schema, collection)
        if dated is None or (available is not None and dated[0] not in available):
            return Const(True) if undated else None
        name, kind = dated
        field = Field((name,))
        bound = self.end if force is Force.ENDED else self.start
        if bound is None:
            return Const(True) if undated else None   # undated records only; none here
        op = CompareOp.GT if force is Force.ENDED else CompareOp.LT
        limit = Const(bound.year) if kind == "year" else Const(bound)
        test: Expr = Compare(op, field, limit)
        if undated:
            test = Logic(BoolOp.OR, (test, Not(Known(field))))
        return test

    def reason(self, force: Force) -> Text:
        label_zh, label_en = STATUS_LABELS[self.state]
        if self.draft:
            return Text("未生效：本文件为征求意见稿，从未生效，不据以判定",
                        "not in force: this document is a draft and never took effect; "
                        "nothing is judged under it")
        if force is Force.NOT_YET:
            return Text(f"未生效：本记录的日期早于文件施行（{self.start}）",
                        f"not yet in force: the record is dated before the document applied "
                        f"({self.start})")
        return Text(f"已失效：本记录的日期晚于文件有效期止日（{self.end}，{label_zh}）",
                    f"no longer in force: the record is dated after the document's period ended "
                    f"({self.end}, {label_en})")

    def statement(self, what_if: bool) -> Text | None:
        """The header line of an evaluation: what the document's lifecycle means for it."""
        label_zh, label_en = STATUS_LABELS[self.state]
        period_zh = f"有效期 {self.start or '…'} 至 {self.end or '…'}"
        period_en = f"valid {self.start or '…'} to {self.end or '…'}"
        if what_if:
            return Text(f"{WHAT_IF_LABEL[0]}：按文件有效评估（{label_zh}，{period_zh}），"
                        "每条结论均为假设",
                        f"what-if evaluation: applied as if in force ({label_en}, {period_en}); "
                        "every finding is hypothetical")
        if self.draft:
            return Text("本文件为征求意见稿，从未生效；以下结论均标为未生效",
                        "this draft never took effect; every finding is marked not in force")
        if self.end is not None or self.start is not None or self.state in ENDED_STATES:
            return Text(f"{label_zh}，{period_zh}；有效期外的记录标为未生效或已失效",
                        f"{label_en}, {period_en}; records outside it are marked not in force")
        return None
