"""Grouped rules (``group_by``, aggregates): plans, and the compiler of per-group tables."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal
from typing import Any, Protocol

from xuequ_rules.engines._schema import (
    ColumnSpec,
    decimal_scale,
)
from xuequ_rules.engines.columns.expressions import ExprCompiler
from xuequ_rules.engines.columns.values import NUMERIC, Algebra, Cond, Num, Unsupported, Val, cast_any
from xuequ_rules.policy.expr import (
    AggFunc,
    Aggregate,
    ArithOp,
    Compare,
    CompareOp,
)
from xuequ_rules.policy.operators import MIRRORED
from xuequ_rules.policy.policy import Policy
from xuequ_rules.policy.rule import Rule

# ── grouped rules (group_by, aggregates) ───────────────────────────────────────
#
# A grouped rule is computed in three stages, each a plain column expression of the backend:
#
# 1. per record: the group keys, whether the record counts (``where`` true) or whether that is
#    unknown, and for every aggregate its terms (masked to the records that count) and the
#    record's position when its item or weight is unknown / undefined;
# 2. per group: sums, minima, maxima, counts and first positions (``group_by`` + ``agg``);
# 3. per group: the rule's status from those, with the record rule's logic (:func:`rule_plan`).
#
# Everything is exact. A weighted coefficient of variation is compared through
# cv ⋚ c ⟺ (Σw·x²·Σw − (Σw·x)²) ⋚ c²·(Σw·x)², i.e. Σw·x²·Σw ⋚ (1 + c²)·(Σw·x)², in decimals.
# When the item is a ratio whose denominator is the weight (a per-pupil value weighted by
# pupils: x = n / p, w = p) the sums are Σp, Σn and Σn²/p; the last is a sum of fractions,
# computed as Σ⌊n²·10^e / p⌋ together with the number of inexact terms m, so the true value
# lies in [F, F + m) × 10^-e. When that interval decides the comparison the status is exact;
# when it does not (the value sits within m × 10^-e of the limit) the status is left null
# and the driver decides that group exactly with the reference evaluator on its records.

GROUP_REF = "group"
RULE_COLUMN = "rule"
STATUS_COLUMN = "status"
RATIO_DIGITS = 6          # e: digits kept of each n²/p term before the exact check


@dataclass(frozen=True, slots=True)
class AggColumn:
    """One per-group reduction: ``func`` (sum | min | max | count) of a record expression."""

    name: str
    func: str
    expr: Any
    kind: str = "int"        # sum / min / max: "dec" with ``scale`` digits, or "int"
    scale: int = 0


@dataclass
class GroupedRulePlan:
    rule: Rule
    status: Any              # over the per-group table; null = decide exactly (see above)
    applicable: Cond


@dataclass
class GroupBatch:
    """The grouped rules sharing one ``group_by``: one aggregation computes them all."""

    keys: tuple[str, ...]
    records: list[tuple[str, Any]]     # per-record columns to add before grouping
    aggs: list[AggColumn]
    rules: list[GroupedRulePlan]
    ref: Any = None                    # group reference text, e.g. schools[county=A,stage=junior]
    bindings: list[tuple[str, Any]] = field(default_factory=list)   # SQL: per-group columns


@dataclass
class GroupedPlan:
    policy: Policy
    collection: str
    as_of: dt.date
    columns: dict[str, ColumnSpec]
    batches: list[GroupBatch]
    whole: list[tuple[Rule, str]]      # rules with one status for the whole rule (out of period)
    unsupported: dict[str, str]


class GroupAlgebra(Algebra, Protocol):
    """What a backend adds for grouped rules."""

    def ref(self, name: str) -> Any: ...
    def row_index(self, odd: bool) -> Any: ...
    def to_int(self, n: Num) -> Any: ...
    def floordiv(self, a: Any, b: Any) -> Any: ...
    def key_text(self, e: Any, kind: str) -> Any: ...
    def concat(self, items: Sequence[Any]) -> Any: ...


@dataclass
class AggParts:
    """The per-group columns of one aggregate."""

    unknown_at: str | None = None     # first position of a record with an unknown item/weight
    undef_at: str | None = None       # … with an undefined item
    count: str | None = None
    sum: str | None = None            # SUM / MIN / MAX / MEAN: the reduction of the item
    weight: str | None = None         # Σw (CV: unscaled integers, w × 10**scale)
    first: str | None = None          # Σw·x (CV: unscaled; ratio mode: Σn)
    second: str | None = None         # CV: Σw·x² unscaled (ratio mode: Σ⌊N²·10^e/P⌋)
    inexact: str | None = None        # ratio mode: terms that were not exact
    negative: str | None = None       # ratio mode: records with a negative weight
    kind: str = "dec"
    scale: int = 0                    # of ``sum``
    w_scale: int = 0
    first_scale: int = 0
    ratio: bool = False
    shift: int = 0                    # ratio mode: the digits e kept of each n²/p


class GroupCompiler(ExprCompiler):
    """Compiles a grouped rule's conditions over the per-group table."""

    parts: dict[tuple[object, ...], AggParts]
    ambiguous: list[Cond]

    def setup(self, parts: dict[tuple[object, ...], AggParts]) -> None:
        self.parts = parts
        self.ambiguous = []

    def _ref(self, name: str | None) -> Any:
        assert name is not None
        return cast_any(self.algebra).ref(name)

    def _bad(self, parts: AggParts) -> tuple[Cond, Cond]:
        """(unknown, undefined) from the first failing record, in record order."""
        a, lg = self.algebra, self.logic
        u = self._ref(parts.unknown_at) if parts.unknown_at else None
        d = self._ref(parts.undef_at) if parts.undef_at else None
        if u is None and d is None:
            return False, False
        if d is None:
            return lg.not_(a.is_null(u)), False
        if u is None:
            return False, lg.not_(a.is_null(d))
        unknown = lg.and_(lg.not_(a.is_null(u)),
                          lg.or_(a.is_null(d), a.compare(CompareOp.LT, u, d)))
        undef = lg.and_(lg.not_(a.is_null(d)),
                        lg.or_(a.is_null(u), a.compare(CompareOp.LT, d, u)))
        return self._bind(unknown), self._bind(undef)

    def _bind(self, e: Any, kind: str = "bool") -> Any:
        """Compute a part once (SQL: a column of an intermediate SELECT)."""
        if isinstance(e, bool):
            return e
        return self.algebra.bind(e, kind)

    def _sum(self, name: str | None, kind: str, scale: int) -> Num:
        a = self.algebra
        zero = a.lit(Decimal(0), "dec", scale) if kind == "dec" else a.lit(0, "int", 0)
        return Num(a.first_non_null([self._ref(name), zero]), kind, scale)

    def _val(self, value: Num, unknown: Cond, undef: Cond, extra_undef: Cond = False) -> Val:
        lg = self.logic
        undefined = self._bind(lg.or_(undef, lg.and_(lg.not_(unknown), extra_undef)))
        gone = lg.or_(unknown, undefined)
        null = self.algebra.null(value.kind)
        v = self._bind(lg.when([(gone, null)], value.v), value.kind)
        return Val(v, value.kind, value.scale, nullable=gone is not False, undef=undefined)

    def _zero(self, n: Num) -> Cond:
        return self.algebra.compare_num(CompareOp.EQ, n, Num(self.algebra.lit(0, "int", 0),
                                                              "int", 0, 0))

    def aggregate(self, node: Aggregate) -> Val:
        parts = self.parts[agg_key(node)]
        unknown, undef = self._bad(parts)
        count = Num(self._ref(parts.count), "int") if parts.count else None
        if node.func is AggFunc.COUNT:
            assert count is not None
            return Val(count.v, "int", nullable=False)
        if parts.sum is None and parts.first is None:
            # the item is not a number: unknown for any record; an empty group sums to 0
            if node.func is AggFunc.SUM:
                return self._val(self._int(0), unknown, undef)
            return self._val(Num(self.algebra.null("int"), "int"), unknown, undef, True)
        if node.func is AggFunc.SUM:
            return self._val(self._sum(parts.sum, parts.kind, parts.scale), unknown, undef)
        if node.func in (AggFunc.MIN, AggFunc.MAX, AggFunc.MEAN):
            assert count is not None
            if node.func is AggFunc.MEAN:
                total = self._val(self._sum(parts.sum, parts.kind, parts.scale), unknown, undef)
                return self.arith(ArithOp.DIV, total, Val(count.v, "int", nullable=False))
            empty = self.algebra.compare(CompareOp.EQ, count.v, self.algebra.int_lit(0))
            return self._val(Num(self._ref(parts.sum), parts.kind, parts.scale), unknown, undef,
                             empty)
        if node.func is AggFunc.WEIGHTED_MEAN:
            first = self._val(self._sum(parts.first, "dec", parts.first_scale), unknown, undef)
            weight = self._val(self._sum(parts.weight, "dec", parts.w_scale), unknown, undef)
            return self.arith(ArithOp.DIV, first, weight)
        raise Unsupported("a coefficient of variation can only be compared with a number")

    def visit_aggregate(self, node: Aggregate) -> Val:
        return self.aggregate(node)

    def visit_compare(self, node: Compare) -> Val:
        left_cv = isinstance(node.left, Aggregate) and node.left.func is AggFunc.WEIGHTED_CV
        right_cv = isinstance(node.right, Aggregate) and node.right.func is AggFunc.WEIGHTED_CV
        if left_cv or right_cv:
            return self.cv_compare(node, left_cv)
        return super().visit_compare(node)

    def cv_compare(self, node: Compare, cv_on_left: bool) -> Val:
        a, lg = self.algebra, self.logic
        cv_node = node.left if cv_on_left else node.right
        other = self.compile(node.right if cv_on_left else node.left)
        assert isinstance(cv_node, Aggregate)
        if other.kind == "null":
            return Val(a.null("bool"), "bool")
        if other.literal is None or other.kind not in NUMERIC:
            raise Unsupported("a coefficient of variation is compared only with a number given "
                              "in the policy")
        op = node.op if cv_on_left else MIRRORED[node.op]
        parts = self.parts[agg_key(cv_node)]
        unknown, undef = self._bad(parts)
        if parts.first is None:   # the item is not a number
            return self._val(Num(a.null("bool"), "bool"), unknown, undef, True)
        weight = self._sum(parts.weight, "dec", 0)
        first = self._sum(parts.first, "dec", 0)
        extra = self._bind(lg.or_(self._zero(weight), self._zero(first)))
        limit = Decimal(other.literal)
        if limit < 0:   # √s is never below a negative number
            value: Any = a.lit(op in (CompareOp.GT, CompareOp.GE, CompareOp.NE), "bool", 0)
            return self._val(Num(value, "bool"), unknown, undef, extra)
        # exact integers: L·10^(2sc) ⋚ (C² + 10^(2sc))·(Σn)²·10^shift, c = C·10^-sc
        scale = decimal_scale(limit)
        unscaled = int(limit.scaleb(scale))
        ten = 10 ** (2 * scale)
        rhs = a.mul(self._int(unscaled * unscaled + ten), a.mul(first, first))
        if parts.shift:
            rhs = a.mul(self._int(10 ** parts.shift), rhs)
        rhs = replace(rhs, v=self._bind(rhs.v, "dec"))
        second = self._sum(parts.second, "dec", 0)
        low = a.mul(self._int(ten), a.mul(second, weight))
        low = replace(low, v=self._bind(low.v, "dec"))
        if not parts.ratio:
            exact = a.compare_num(op, low, rhs)
            return self._val(Num(exact, "bool"), unknown, undef, extra)
        # ratio mode: Σn²/p lies in [F, F + m) (scaled), m = terms that were not exact
        inexact = self._sum(parts.inexact, "int", 0)
        high = a.mul(self._int(ten), a.mul(a.add(second, inexact), weight))
        exact_terms = self._bind(self._zero(inexact))
        below = self._bind(a.compare_num(CompareOp.LE, high, rhs))   # the value is below rhs
        above = self._bind(a.compare_num(CompareOp.GE, low, rhs))    # the value is above rhs
        lt = op in (CompareOp.LT, CompareOp.LE, CompareOp.NE)
        gt = op in (CompareOp.GT, CompareOp.GE, CompareOp.NE)
        value = lg.when([(exact_terms, a.compare_num(op, low, rhs)),
                         (below, a.lit(lt, "bool", 0)),
                         (above, a.lit(gt, "bool", 0))], a.null("bool"))
        negative = lg.not_(self._zero(self._sum(parts.negative, "int", 0)))
        open_ = lg.and_(lg.not_(exact_terms), lg.not_(below), lg.not_(above))
        defined = lg.not_(lg.or_(unknown, undef, extra))
        self.ambiguous.append(self._bind(lg.and_(defined, lg.or_(negative, open_))))
        return self._val(Num(self._bind(value), "bool"), unknown, undef, extra)

    def _int(self, value: int) -> Num:
        return Num(self.algebra.lit(value, "int", 0), "int", 0, value)


def agg_key(node: Aggregate) -> tuple[object, ...]:
    # (Aggregate.key() tests ``if self.item``, which an expression refuses)
    return ("aggregate", node.func.value,
            node.item.key() if node.item is not None else None,
            node.weight.key() if node.weight is not None else None)
