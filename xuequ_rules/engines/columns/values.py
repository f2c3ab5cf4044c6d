"""Values of the column compiler: the typed column a node yields (:class:`Val`, :class:`Num`),
the :class:`Algebra` a backend implements, and static-aware three-valued logic."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Protocol

from xuequ_rules.engines._schema import (
    ColumnSpec,
)
from xuequ_rules.evaluation.finding import Status
from xuequ_rules.policy.expr import (
    CompareOp,
)

STATUSES: tuple[str, ...] = tuple(status.value for status in Status)
SAT, VIO, NA, UND = (Status.SATISFIED.value, Status.VIOLATED.value,
                     Status.NOT_APPLICABLE.value, Status.UNDETERMINED.value)
NIF = Status.NOT_IN_FORCE.value
NUMERIC = frozenset({"int", "dec"})
ERRORS_COLUMN = "__rule_conflicts__"


def decision_column(rule_id: str) -> str:
    return f"{rule_id}#decision"


class Unsupported(Exception):
    """A rule that this engine cannot compute faithfully (it is left out and reported)."""


# A "condition" is a backend boolean expression, or a Python bool known at compile time.
Cond = Any


@dataclass(frozen=True, slots=True)
class Num:
    """A numeric backend expression with its kind (int | dec) and decimal scale."""

    v: Any
    kind: str
    scale: int = 0
    literal: int | Decimal | None = None   # the value, when a literal
    bound: int | None = None       # largest magnitude of value × 10**scale, when known


@dataclass(frozen=True, slots=True)
class Val:
    """A compiled node. ``v`` null = unknown; ``undef`` (never null) marks x/0."""

    v: Any
    kind: str                       # int dec bool str date list null
    scale: int = 0
    nullable: bool = True
    undef: Cond = False             # False = never undefined
    den: Num | None = None          # positive denominator; None = 1
    literal: Any = None
    bound: int | None = None

    @property
    def num(self) -> Num:
        return Num(self.v, self.kind, self.scale,
                   self.literal if isinstance(self.literal, int | Decimal) else None,
                   self.bound)


class Algebra(Protocol):
    """What a backend provides to build its expressions."""

    def column(self, spec: ColumnSpec) -> Any: ...
    def null(self, kind: str) -> Any: ...
    def lit(self, value: Any, kind: str, scale: int) -> Any: ...
    def is_null(self, e: Any) -> Any: ...
    def and_(self, items: Sequence[Any]) -> Any: ...
    def or_(self, items: Sequence[Any]) -> Any: ...
    def not_(self, e: Any) -> Any: ...
    def coalesce_false(self, e: Any) -> Any: ...
    def compare(self, op: CompareOp, a: Any, b: Any) -> Any: ...
    def compare_num(self, op: CompareOp, a: Num, b: Num) -> Any: ...
    def add(self, a: Num, b: Num) -> Num: ...
    def sub(self, a: Num, b: Num) -> Num: ...
    def mul(self, a: Num, b: Num) -> Num: ...
    def neg(self, a: Num) -> Num: ...
    def when(self, branches: Sequence[tuple[Any, Any]], otherwise: Any) -> Any: ...
    def isin(self, e: Any, values: Sequence[Any], kind: str, scale: int) -> Any: ...
    def list_len(self, e: Any) -> Any: ...
    def str_nonempty(self, e: Any) -> Any: ...
    def status(self, value: str | None) -> Any: ...
    def text(self, value: str | None) -> Any: ...
    def count_true(self, items: Sequence[Any]) -> Any: ...
    def int_lit(self, value: int) -> Any: ...
    def first_non_null(self, items: Sequence[Any]) -> Any: ...
    def bind(self, e: Any, kind: str) -> Any: ...
    def consecutive(self, code: Any, per: Any, order: Any, count: int) -> Any: ...


def column_bound(spec: ColumnSpec) -> int | None:
    """The largest magnitude of a numeric column's value × 10**scale that the facts model
    allows (its bounds, or a quantity's magnitude), or None when it sets none."""
    if spec.kind not in NUMERIC:
        return None
    limits = [max(abs(spec.ge), abs(spec.le))] if spec.ge is not None and spec.le is not None \
        else []
    if spec.below is not None:
        limits.append(spec.below)
    # a value with ``scale`` digits after the point, times 10**scale, is a whole number
    return int(min(limits).scaleb(spec.scale)) if limits else None


# ── static-aware boolean helpers ───────────────────────────────────────────────

class Kleene:
    def __init__(self, algebra: Algebra) -> None:
        self.a = algebra

    def and_(self, *items: Cond) -> Cond:
        return self._junction(items, absorbing=False)

    def or_(self, *items: Cond) -> Cond:
        return self._junction(items, absorbing=True)

    def _junction(self, items: tuple[Cond, ...], absorbing: bool) -> Cond:
        """``and`` (absorbing False) or ``or`` (absorbing True), folding static values."""
        live = []
        for item in items:
            if item is absorbing:
                return absorbing
            if item is not (not absorbing):
                live.append(item)
        if not live:
            return not absorbing
        if len(live) == 1:
            return live[0]
        return self.a.or_(live) if absorbing else self.a.and_(live)

    def not_(self, item: Cond) -> Cond:
        if isinstance(item, bool):
            return not item
        return self.a.not_(item)

    def expr(self, item: Cond) -> Any:
        if isinstance(item, bool):
            return self.a.lit(item, "bool", 0)
        return item

    def when(self, branches: Sequence[tuple[Cond, Any]], otherwise: Any) -> Any:
        live: list[tuple[Any, Any]] = []
        for cond, value in branches:
            if cond is False:
                continue
            if cond is True:
                otherwise = value
                break
            live.append((cond, value))
        if not live:
            return otherwise
        return self.a.when(live, otherwise)


def cast_any(value: Any) -> Any:
    return value
