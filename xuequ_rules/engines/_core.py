"""Compile a policy's rules to column expressions of any backend (polars, SQL).

The semantics are those of the reference evaluator (:mod:`xuequ_rules.evaluation.compiler`),
computed a column at a time:

* every node yields a value column where null means *unknown* (a missing fact), and, when
  the node can divide, a never-null flag column marking *undefined* (``x / 0``); where the
  flag is set the value is null too;
* numbers are exact: integers stay 64-bit only where no product can overflow, decimals keep
  every digit (a product's scale is the sum of its factors' scales), and a quotient is never
  computed — it is kept as numerator and positive denominator, and compared by
  cross-multiplication, so ``7 >= 10% × 70`` holds exactly;
* ``&``/``|`` are Kleene's (false wins over unknown in ``&``, true in ``|``), then undefined;
* statuses, deadlines, validity periods, decisions and exceptions follow
  :mod:`xuequ_rules.evaluation.evaluate`.

A backend supplies an :class:`Algebra` that builds its expressions; this module never
imports polars or sqlglot.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal
from enum import Enum
from typing import Any, Protocol

from xuequ_rules.engines._schema import (
    ColumnSpec,
    collection_columns,
    decimal_scale,
    normalize_collection,
    subject_rules,
)
from xuequ_rules.evaluation.finding import Status
from xuequ_rules.evaluation.lifecycle import Force, Lifecycle
from xuequ_rules.policy.expr import (
    AggFunc,
    Aggregate,
    Arith,
    ArithOp,
    BoolOp,
    Compare,
    CompareOp,
    Consecutive,
    Const,
    CountTrue,
    Expr,
    Field,
    IsIn,
    Known,
    Length,
    Logic,
    Not,
)
from xuequ_rules.policy.operators import MIRRORED
from xuequ_rules.policy.parameter import Parameter
from xuequ_rules.policy.policy import Policy
from xuequ_rules.policy.rule import ATTESTATIONS, AnyRule, Decision, Modality, Rule
from xuequ_rules.policy.visitor import ExprVisitor

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


# ── static-aware boolean helpers ───────────────────────────────────────────────

class _Logic:
    def __init__(self, algebra: Algebra) -> None:
        self.a = algebra

    def and_(self, *items: Cond) -> Cond:
        live = []
        for item in items:
            if item is False:
                return False
            if item is not True:
                live.append(item)
        if not live:
            return True
        return live[0] if len(live) == 1 else self.a.and_(live)

    def or_(self, *items: Cond) -> Cond:
        live = []
        for item in items:
            if item is True:
                return True
            if item is not False:
                live.append(item)
        if not live:
            return False
        return live[0] if len(live) == 1 else self.a.or_(live)

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


# ── expressions ────────────────────────────────────────────────────────────────

SEQUENCE_REFUSAL = ("条件涉及连续多条记录（连续…），表格引擎逐行计算，不支持，由参考求值器判定 / "
                    "a condition over consecutive records is not computed by the table engines, "
                    "which compute row by row; the reference evaluator judges it")


@dataclass
class ExprCompiler(ExprVisitor[Val]):
    """Compiles expression trees of one collection's rules at one date."""

    algebra: Algebra
    columns: dict[str, ColumnSpec]
    as_of: dt.date | None
    trust_bounds: bool = False     # the table was validated: values lie within the model's bounds
    logic: _Logic = field(init=False)

    def __post_init__(self) -> None:
        self.logic = _Logic(self.algebra)

    # helpers
    def bind(self, x: Val) -> Val:
        """Let the backend compute a rule's condition once (SQL: an inner column)."""
        if x.literal is not None or x.kind not in ("bool", "null"):
            return x
        undef = x.undef if isinstance(x.undef, bool) else self.algebra.bind(x.undef, "bool")
        return replace(x, v=self.algebra.bind(x.v, "bool"), undef=undef)

    def unknown(self, x: Val) -> Cond:
        if not x.nullable:
            return False
        if x.kind == "null":
            return True
        null = self.algebra.is_null(x.v)
        if x.undef is False:
            return null
        return self.logic.and_(null, self.logic.not_(x.undef))

    def is_true(self, x: Val) -> Cond:
        """The value is the boolean True (what ``value is True`` tests)."""
        if x.kind != "bool":
            return False
        if x.literal is not None:
            return bool(x.literal)
        if not x.nullable:
            return x.v
        return self.algebra.coalesce_false(x.v)

    def truthy(self, x: Val) -> Cond:
        """Python truthiness of a known value (``not value``, ``if value``)."""
        a = self.algebra
        if x.kind == "bool":
            return x.v if x.literal is None else bool(x.literal)
        if x.kind in NUMERIC:
            return a.compare(CompareOp.NE, x.v, a.lit(0, "int", 0))
        if x.kind == "str":
            return a.str_nonempty(x.v)
        if x.kind == "list":
            return a.compare(CompareOp.GT, a.list_len(x.v), a.lit(0, "int", 0))
        if x.kind == "date":
            return True
        return self.algebra.null("bool")

    def literal(self, value: Any) -> Val:
        a = self.algebra
        if isinstance(value, Enum):
            value = value.value
        if isinstance(value, bool):
            return Val(a.lit(value, "bool", 0), "bool", nullable=False, literal=value)
        if isinstance(value, int):
            return Val(a.lit(value, "int", 0), "int", nullable=False, literal=value)
        if isinstance(value, Decimal):
            scale = decimal_scale(value)
            value = value.quantize(Decimal(1).scaleb(-scale))
            return Val(a.lit(value, "dec", scale), "dec", scale, nullable=False, literal=value)
        if isinstance(value, str):
            return Val(a.lit(value, "str", 0), "str", nullable=False, literal=value)
        if isinstance(value, dt.date):
            return Val(a.lit(value, "date", 0), "date", nullable=False, literal=value)
        raise Unsupported(f"literal {value!r}")

    def null(self) -> Val:
        return Val(self.algebra.null("bool"), "null")

    def compile(self, node: Expr) -> Val:
        return self.visit(node)

    def visit_parameter(self, node: Parameter) -> Val:
        return self.literal(node.value_at(self.as_of))

    def visit_const(self, node: Const) -> Val:
        return self.literal(node.value)

    def visit_field(self, node: Field) -> Val:
        spec = self.columns.get(node.dotted)
        if spec is None:
            return self.null()
        if spec.kind == "records":
            return Val(self.algebra.column(spec), "list")
        bound = None
        if self.trust_bounds and spec.kind in NUMERIC and spec.ge is not None \
                and spec.le is not None:
            bound = int(max(abs(spec.ge), abs(spec.le)).scaleb(spec.scale))
        return Val(self.algebra.column(spec), spec.kind, spec.scale, bound=bound)

    def visit_arith(self, node: Arith) -> Val:
        return self.arith(node.op, self.compile(node.left), self.compile(node.right))

    def visit_compare(self, node: Compare) -> Val:
        return self.compare(node.op, self.compile(node.left), self.compile(node.right))

    def visit_logic(self, node: Logic) -> Val:
        return self.connective(node.op, [self.compile(item) for item in node.items])

    def visit_not(self, node: Not) -> Val:
        return self.negate(self.compile(node.item))

    def visit_isin(self, node: IsIn) -> Val:
        return self.isin(self.compile(node.item), node.values, node.open)

    def visit_known(self, node: Known) -> Val:
        x = self.compile(node.item)
        if x.kind == "null":
            return self.literal(False)
        if not x.nullable:
            return self.literal(True)
        known = self.logic.or_(self.logic.not_(self.algebra.is_null(x.v)), x.undef)
        return Val(self.logic.expr(known), "bool", nullable=False)

    def visit_count_true(self, node: CountTrue) -> Val:
        items = [self.compile(item) for item in node.items]
        holds = [self.logic.expr(self.is_true(item)) for item in items]
        count = self.algebra.count_true(holds) if holds else self.algebra.lit(0, "int", 0)
        unknown = self.logic.or_(*(self.unknown(item) for item in items))
        value = self.logic.when([(unknown, self.algebra.null("int"))], count)
        return Val(value, "int", nullable=unknown is not False, bound=len(items))

    def visit_length(self, node: Length) -> Val:
        x = self.compile(node.item)
        if x.kind == "null":
            return Val(self.algebra.null("int"), "null")
        if x.kind != "list":
            raise Unsupported(f"length of a {x.kind} fact {node.item.dotted}")
        return Val(self.algebra.list_len(x.v), "int", nullable=x.nullable)

    def visit_aggregate(self, node: Aggregate) -> Val:
        raise Unsupported(f"aggregate {node.func.value} outside a grouped rule")

    def visit_consecutive(self, node: Consecutive) -> Val:
        raise Unsupported(SEQUENCE_REFUSAL)

    def _both_unknown_undef(self, left: Val, right: Val) -> tuple[Cond, Cond]:
        unknown = self.logic.or_(self.unknown(left), self.unknown(right))
        undef_in = self.logic.or_(left.undef, right.undef)
        return unknown, undef_in

    def _one(self, den: Num | None) -> Num:
        return den if den is not None else Num(self.algebra.lit(1, "int", 0), "int", 0, 1)

    def arith(self, op: ArithOp, left: Val, right: Val) -> Val:
        a, lg = self.algebra, self.logic
        if left.kind == "null" or right.kind == "null":
            return Val(a.null("int"), "null")
        if left.kind not in NUMERIC or right.kind not in NUMERIC:
            raise Unsupported(f"arithmetic on {left.kind} and {right.kind}")
        unknown, undef_in = self._both_unknown_undef(left, right)
        nullable = left.nullable or right.nullable
        ln, rn = left.num, right.num
        den: Num | None
        zero: Cond = False
        if op is ArithOp.DIV:
            num = a.mul(ln, self._one(right.den)) if right.den is not None else ln
            den = a.mul(self._one(left.den), rn) if left.den is not None else rn
            if rn.literal is not None:
                if rn.literal == 0:
                    zero = True
                elif rn.literal < 0:
                    num, den = a.neg(num), a.neg(den)
            else:
                is_zero = a.compare(CompareOp.EQ, rn.v, a.lit(0, "int", 0))
                is_neg = a.compare(CompareOp.LT, rn.v, a.lit(0, "int", 0))
                null_num = a.null("dec" if num.kind == "dec" else "int")
                null_den = a.null("dec" if den.kind == "dec" else "int")
                num = replace(num, v=a.when([(is_zero, null_num), (is_neg, a.neg(num).v)], num.v),
                              literal=None)
                den = replace(den, v=a.when([(is_zero, null_den), (is_neg, a.neg(den).v)], den.v),
                              literal=None)
                zero = a.coalesce_false(is_zero)
                nullable = True
            if zero is True:
                return Val(a.null("int"), "int", nullable=True, undef=lg.not_(unknown))
        elif op is ArithOp.MUL:
            num = a.mul(ln, rn)
            if left.den is None and right.den is None:
                den = None
            else:
                den = a.mul(self._one(left.den), self._one(right.den))
        else:
            combine: Callable[[Num, Num], Num] = a.add if op is ArithOp.ADD else a.sub
            if left.den is None and right.den is None:
                num, den = combine(ln, rn), None
            else:
                ld, rd = self._one(left.den), self._one(right.den)
                num = combine(a.mul(ln, rd), a.mul(rn, ld))
                den = a.mul(ld, rd)
        undef = lg.and_(lg.not_(unknown), lg.or_(undef_in, zero))
        return Val(num.v, num.kind, num.scale, nullable=nullable or undef is not False,
                   undef=undef, den=den, literal=num.literal, bound=num.bound)

    def compare(self, op: CompareOp, left: Val, right: Val) -> Val:
        a, lg = self.algebra, self.logic
        if left.kind == "null" or right.kind == "null":
            return Val(a.null("bool"), "bool")
        unknown, undef_in = self._both_unknown_undef(left, right)
        if left.kind in NUMERIC and right.kind in NUMERIC:
            if left.den is None and right.den is None:
                value = a.compare_num(op, left.num, right.num)
            else:
                lhs = a.mul(left.num, right.den) if right.den is not None else left.num
                rhs = a.mul(right.num, left.den) if left.den is not None else right.num
                value = a.compare_num(op, lhs, rhs)
        elif left.kind == right.kind and left.kind in ("str", "bool", "date"):
            value = a.compare(op, left.v, right.v)
        elif op in (CompareOp.EQ, CompareOp.NE):
            # Python: values of different types are never equal
            value = self._known_constant(op is CompareOp.NE, left, right)
        else:
            raise Unsupported(f"ordering {left.kind} against {right.kind}")
        undef = lg.and_(lg.not_(unknown), undef_in)
        return Val(value, "bool", nullable=left.nullable or right.nullable or undef is not False,
                   undef=undef)

    def _known_constant(self, value: bool, *items: Val) -> Any:
        a = self.algebra
        cond = self.logic.or_(*(a.is_null(i.v) for i in items if i.nullable))
        return self.logic.when([(cond, a.null("bool"))], a.lit(value, "bool", 0))

    def _as_logical(self, x: Val, op: BoolOp) -> Val:
        """A non-boolean known value counts as passing (neither False nor True)."""
        if x.kind == "bool":
            return x
        if x.kind == "null":
            return replace(x, kind="bool")
        a = self.algebra
        keep = op is BoolOp.AND
        if not x.nullable:
            return self.literal(keep)
        value = a.when([(a.is_null(x.v), a.null("bool"))], a.lit(keep, "bool", 0))
        return Val(value, "bool", undef=x.undef)

    def connective(self, op: BoolOp, items: list[Val]) -> Val:
        a, lg = self.algebra, self.logic
        items = [self._as_logical(item, op) for item in items]
        exprs = [item.v for item in items]
        value = a.and_(exprs) if op is BoolOp.AND else a.or_(exprs)
        nullable = any(item.nullable for item in items)
        if all(item.undef is False for item in items):
            return Val(value, "bool", nullable=nullable)
        unknown_any = lg.or_(*(self.unknown(item) for item in items))
        undef = lg.and_(a.is_null(value), lg.not_(unknown_any))
        return Val(value, "bool", nullable=True, undef=undef)

    def negate(self, x: Val) -> Val:
        if x.kind == "null":
            return replace(x, kind="bool")
        if x.kind == "bool":
            return Val(self.algebra.not_(x.v), "bool", nullable=x.nullable, undef=x.undef)
        truth = self.truthy(x)
        if truth is True:
            value = self.algebra.lit(False, "bool", 0) if not x.nullable else self.algebra.when(
                [(self.algebra.is_null(x.v), self.algebra.null("bool"))],
                self.algebra.lit(False, "bool", 0))
            return Val(value, "bool", nullable=x.nullable, undef=x.undef)
        return Val(self.algebra.not_(truth), "bool", nullable=x.nullable, undef=x.undef)

    def isin(self, x: Val, values: tuple[Any, ...], is_open: bool = False) -> Val:
        """Membership; an open list (…等) gives unknown, not false, for an unlisted value."""
        closed = self._isin_closed(x, values)
        if not is_open:
            return closed
        a = self.algebra
        if closed.literal is not None and not closed.literal:
            return Val(a.null("bool"), "bool")
        listed = closed.v if not closed.nullable else a.coalesce_false(closed.v)
        return Val(a.when([(listed, a.lit(True, "bool", 0))], a.null("bool")), "bool")

    def _isin_closed(self, x: Val, values: tuple[Any, ...]) -> Val:
        a, lg = self.algebra, self.logic
        if x.kind == "null":
            return Val(a.null("bool"), "bool")
        plain = [v.value if isinstance(v, Enum) else v for v in values]
        wanted: list[Any]
        if x.kind in NUMERIC:
            wanted = [v for v in plain if isinstance(v, int | Decimal) and not isinstance(v, bool)]
        elif x.kind == "bool":
            wanted = [v for v in plain if isinstance(v, bool)]
        elif x.kind == "str":
            wanted = [v for v in plain if isinstance(v, str)]
        elif x.kind == "date":
            wanted = [v for v in plain if isinstance(v, dt.date)]
        else:
            raise Unsupported(f"membership of a {x.kind} value")
        if not wanted:
            value = self._known_constant(False, x)
        elif x.kind in NUMERIC and (x.den is not None or x.kind == "dec" or any(
                isinstance(v, Decimal) for v in wanted)):
            equal = [self.compare(CompareOp.EQ, replace(x, undef=False), self.literal(v)).v
                     for v in wanted]
            value = equal[0] if len(equal) == 1 else a.or_(equal)
        else:
            scale = x.scale
            value = a.isin(x.v, wanted, x.kind, scale)
        if x.undef is not False:
            value = lg.when([(x.undef, a.lit(False, "bool", 0))], value)
        return Val(value, "bool", nullable=x.nullable)


# ── rules ──────────────────────────────────────────────────────────────────────

@dataclass
class RulePlan:
    """How one rule is computed on the table."""

    rule: AnyRule
    status: Any                    # backend expression giving a status string
    applicable: Cond               # the rule was judged (valid, applies is True)
    decision: Any = None           # outcome code expression (decisions only)
    error: Any = None              # text expression, non-null on a decision-table conflict


@dataclass
class PolicyPlan:
    """Every rule of one collection of a policy, compiled for one backend at one date."""

    policy: Policy
    collection: str
    as_of: dt.date
    columns: dict[str, ColumnSpec]
    rules: list[RulePlan]
    unsupported: dict[str, str]
    errors: Any = None             # combined conflict expression, or None
    bindings: list[tuple[str, Any]] = field(default_factory=list)   # SQL: inner columns
    checks: Any = None             # polars: a one-row query, true where the table is invalid


def period_status(rule: AnyRule, policy: Policy, as_of: dt.date,
                  what_if: bool = False) -> str | None:
    """``not_applicable`` when the whole rule is out of its period or before its deadline.

    Such a finding is about no record, so the policy's force is judged at ``as_of``.
    """
    status: str | None = None
    if not rule.valid_at(as_of) or (
            isinstance(rule, Rule) and rule.deadline is not None and as_of < rule.deadline):
        status = NA
    if status is not None and not what_if and Lifecycle.of(policy).at_date(as_of) is not None:
        return NIF
    return status


def not_in_force(c: ExprCompiler, policy: Policy, collection: str, as_of: dt.date,
                 available: Iterable[str] | None = None) -> Cond:
    """Where a record (or group) of ``collection`` is outside the policy's force.

    The reference decides this per finding after evaluation (see
    :mod:`xuequ_rules.evaluation.lifecycle`); engines override a row's status the same way.
    """
    life = Lifecycle.of(policy)
    conds: list[Cond] = []
    fields = None if available is None else frozenset(available)
    for force in Force:
        expr = life.condition(collection, force, as_of, fields)
        if expr is None:
            continue
        if isinstance(expr, Const):
            return True
        conds.append(c.is_true(c.compile(expr)))
    return c.logic.or_(*conds)


def _rule_plan(c: ExprCompiler, rule: Rule) -> RulePlan:
    a, lg = c.algebra, c.logic
    branches: list[tuple[Cond, Any]] = []
    applicable: Cond = True
    if rule.applies is not None:
        applies = c.bind(c.compile(rule.applies))
        branches.append((c.unknown(applies), a.status(UND)))
        applicable = c.is_true(applies)
        branches.append((lg.not_(applicable), a.status(NA)))
    check_expr = rule.requires if rule.requires is not None else rule.forbids
    if check_expr is None:
        return RulePlan(rule, lg.when(branches, a.status(NA)), applicable)
    check = c.bind(c.compile(check_expr))
    branches.append((c.unknown(check), a.status(UND)))
    if check.undef is not False:
        branches.append((check.undef, a.status(NA)))
    truth = c.truthy(check)
    if rule.kind is Modality.PERMISSION:
        branches.append((truth, a.status(SAT)))
        otherwise = a.status(NA)
    elif rule.requires is not None:
        branches.append((truth, a.status(SAT)))
        otherwise = a.status(VIO)
    else:
        branches.append((truth, a.status(VIO)))
        otherwise = a.status(SAT)
    return RulePlan(rule, lg.when(branches, otherwise), applicable)


def _decision_plan(c: ExprCompiler, rule: Decision) -> RulePlan:
    a, lg = c.algebra, c.logic
    gate: list[tuple[Cond, Any]] = []
    applicable: Cond = True
    if rule.applies is not None:
        applies = c.bind(c.compile(rule.applies))
        gate.append((c.unknown(applies), a.status(UND)))
        applicable = c.is_true(applies)
        gate.append((lg.not_(applicable), a.status(NA)))
    cases = [c.bind(c.compile(case.when)) for case in rule.cases]
    chosen = [c.is_true(case) for case in cases]
    live = [lg.expr(t) for t in chosen]
    count = a.count_true(live)
    none_chosen = a.compare(CompareOp.EQ, count, a.int_lit(0))
    several = a.compare(CompareOp.GT, count, a.int_lit(1))
    unknown_any = lg.or_(*(c.unknown(case) for case in cases))
    code = lg.when([(t, a.text(case.outcome.code)) for t, case in zip(chosen, rule.cases,
                                                                         strict=True)],
                   a.text(None))
    branches = [*gate,
                (several, a.status(None)),
                (lg.and_(none_chosen, unknown_any), a.status(UND)),
                (none_chosen, a.status(None))]
    if rule.actual is None:
        status = lg.when(branches, a.status(UND))
    else:
        actual = c.compile(rule.actual)
        branches.append((c.unknown(actual), a.status(UND)))
        if actual.kind == "str":
            taken = a.compare(CompareOp.EQ, actual.v, code)
            branches.append((taken, a.status(SAT)))
        status = lg.when(branches, a.status(VIO))
    error = lg.when([
        (lg.and_(applicable, several),
         a.text(f"decision {rule.id}: several cases hold at once")),
        (lg.and_(applicable, none_chosen, lg.not_(unknown_any)),
         a.text(f"decision {rule.id}: no case holds (incomplete table)")),
    ], a.text(None))
    decision = lg.when([(lg.not_(applicable), a.text(None))], code)
    return RulePlan(rule, status, applicable, decision=decision, error=error)


def compile_policy(policy: Policy, collection: str, algebra: Algebra,
                   as_of: dt.date | None = None,
                   columns: dict[str, ColumnSpec] | None = None, *,
                   trust_bounds: bool = False, what_if: bool = False) -> PolicyPlan:
    """Compile every rule of ``policy`` whose subject is ``collection``."""
    collection = normalize_collection(collection)
    date = as_of or dt.date.today()
    rules = subject_rules(policy.rules, collection)
    specs = columns if columns is not None else collection_columns(collection, rules,
                                                                     policy.facts_model)
    compiler = ExprCompiler(algebra, specs, date, trust_bounds)
    lg = compiler.logic
    plans: list[RulePlan] = []
    unsupported: dict[str, str] = {}
    whole_rule: set[str] = set()
    for rule in rules:
        if getattr(rule, "group_by", None) is not None:
            continue   # judged per group of records: see compile_grouped
        if collection == "":
            # a scenario table has jurisdiction and attestation columns, not whole collections
            heads = {node.path[0] for node in rule.fields()} - {"jurisdiction", ATTESTATIONS}
            if heads:
                unsupported[rule.id] = (f"scenario-level rule reads {sorted(heads)}, which a "
                                        "one-row-per-scenario table does not hold")
                continue
        period = period_status(rule, policy, date, what_if)
        if period is not None:
            whole_rule.add(rule.id)
            plans.append(RulePlan(rule, algebra.status(period), False,
                                  decision=algebra.text(None) if isinstance(rule, Decision)
                                  else None))
            continue
        try:
            if isinstance(rule, Decision):
                plans.append(_decision_plan(compiler, rule))
            else:
                plans.append(_rule_plan(compiler, rule))
        except Unsupported as exc:
            unsupported[rule.id] = str(exc)
    by_id = {plan.rule.id: plan for plan in plans}
    # exceptions: an applicable exception makes the rule it excepts not applicable
    for plan in plans:
        target_id = plan.rule.exception_to
        target = by_id.get(target_id) if target_id is not None else None
        if target is None or plan.applicable is False:
            continue
        target.status = lg.when([(plan.applicable, algebra.status(NA))], target.status)
        if target.decision is not None:
            target.decision = lg.when([(plan.applicable, algebra.text(None))], target.decision)
    errors = [plan.error for plan in plans if plan.error is not None]
    errors.extend(_question_conflicts(plans, algebra, lg))
    outside = False if what_if else not_in_force(compiler, policy, collection, date)
    for plan in plans:
        if plan.rule.id in whole_rule:
            continue   # a whole-rule period finding: judged at as_of above
        plan.status = lg.when([(outside, algebra.status(NIF))], plan.status)
        if plan.decision is not None:
            plan.decision = lg.when([(outside, algebra.text(None))], plan.decision)
    return PolicyPlan(policy, collection, date, specs, plans, unsupported,
                      algebra.first_non_null(errors) if errors else None)


def _question_conflicts(plans: list[RulePlan], algebra: Algebra, lg: _Logic) -> list[Any]:
    """Two decisions on the same question answering differently for the same record."""
    out: list[Any] = []
    by_question: dict[str, list[RulePlan]] = {}
    for plan in plans:
        if isinstance(plan.rule, Decision) and plan.decision is not None:
            by_question.setdefault(plan.rule.question, []).append(plan)
    for question, group in by_question.items():
        for k, plan in enumerate(group):
            rule = plan.rule
            for previous in reversed(group[:k]):
                other = previous.rule
                related = other.exception_to == rule.id or rule.exception_to == other.id
                # the reference compares with the latest earlier decision that was given
                later_given = [algebra.is_null(p.decision)
                               for p in group[group.index(previous) + 1:k]]
                if related:
                    continue
                differ = lg.and_(lg.not_(algebra.is_null(plan.decision)),
                                 lg.not_(algebra.is_null(previous.decision)),
                                 algebra.compare(CompareOp.NE, plan.decision, previous.decision),
                                 *later_given)
                out.append(lg.when([(differ, algebra.text(
                    f"rules {other.id} and {rule.id} decide {question!r} differently"))],
                    algebra.text(None)))
    return out


# ── grouped rules (group_by, aggregates) ───────────────────────────────────────
#
# A grouped rule is computed in three stages, each a plain column expression of the backend:
#
# 1. per record: the group keys, whether the record counts (``where`` true) or whether that is
#    unknown, and for every aggregate its terms (masked to the records that count) and the
#    record's position when its item or weight is unknown / undefined;
# 2. per group: sums, minima, maxima, counts and first positions (``group_by`` + ``agg``);
# 3. per group: the rule's status from those, with the record rule's logic (:func:`_rule_plan`).
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
class _AggParts:
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


class _GroupCompiler(ExprCompiler):
    """Compiles a grouped rule's conditions over the per-group table."""

    parts: dict[tuple[object, ...], _AggParts]
    ambiguous: list[Cond]

    def setup(self, parts: dict[tuple[object, ...], _AggParts]) -> None:
        self.parts = parts
        self.ambiguous = []

    def _ref(self, name: str | None) -> Any:
        assert name is not None
        return cast_any(self.algebra).ref(name)

    def _bad(self, parts: _AggParts) -> tuple[Cond, Cond]:
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
        parts = self.parts[_agg_key(node)]
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
        parts = self.parts[_agg_key(cv_node)]
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


def _agg_key(node: Aggregate) -> tuple[object, ...]:
    # (Aggregate.key() tests ``if self.item``, which an expression refuses)
    return ("aggregate", node.func.value,
            node.item.key() if node.item is not None else None,
            node.weight.key() if node.weight is not None else None)


def cast_any(value: Any) -> Any:
    return value


def _masked(c: ExprCompiler, included: Cond, e: Any, kind: str) -> Any:
    if included is True:
        return e
    return c.logic.when([(c.logic.not_(included), c.algebra.null(kind))], e)


def _aggregate_columns(rc: ExprCompiler, node: Aggregate, prefix: str, included: Cond,
                       records: list[tuple[str, Any]], aggs: list[AggColumn]) -> _AggParts:
    """The per-record terms and per-group reductions of one aggregate."""
    a, lg = cast_any(rc.algebra), rc.logic
    parts = _AggParts()

    def add(suffix: str, func: str, expr: Any, kind: str = "int", scale: int = 0) -> str:
        name = f"{prefix}_{suffix}"
        records.append((name, expr))
        aggs.append(AggColumn(name, func, a.ref(name), kind, scale))
        return name

    def counter(cond: Cond, suffix: str) -> str | None:
        if cond is False:
            return None
        return add(suffix, "sum", lg.when([(cond, a.int_lit(1))], a.int_lit(0)))

    def position(cond: Cond, suffix: str, odd: bool) -> str | None:
        if cond is False:
            return None
        return add(suffix, "min", lg.when([(cond, a.row_index(odd))], a.null("int")))

    def count() -> None:
        if included is True:
            parts.count = f"{prefix}_n"
            aggs.append(AggColumn(parts.count, "count", None))
        else:
            parts.count = counter(included, "n")

    if node.func is AggFunc.COUNT:
        count()
        return parts
    if node.item is None:
        raise Unsupported(f"aggregate {node.func.value} without an item")
    x = rc.compile(node.item)
    if x.kind in NUMERIC:
        unknown_x, undef_x = rc.unknown(x), x.undef
    else:   # a missing column, or not a number: the reference finds no number (unknown)
        unknown_x, undef_x = True, False
    weight_bad: Cond = False
    w: Val | None = None
    if node.weight is not None:
        w = rc.compile(node.weight)
        if w.kind not in NUMERIC:
            weight_bad = True
        else:
            weight_bad = lg.or_(rc.unknown(w), w.undef)
            if w.den is not None:
                raise Unsupported("a weight that is itself a ratio")
    unknown_rec = lg.and_(included, lg.or_(unknown_x, lg.and_(lg.not_(undef_x), weight_bad)))
    undef_rec = lg.and_(included, undef_x)
    parts.unknown_at = position(unknown_rec, "u", False)
    parts.undef_at = position(undef_rec, "d", True)
    if x.kind not in NUMERIC:
        if node.func is not AggFunc.SUM:
            count()
        return parts
    if node.func in (AggFunc.SUM, AggFunc.MIN, AggFunc.MAX, AggFunc.MEAN):
        if x.den is not None:
            raise Unsupported(f"{node.func.value} of a ratio (a sum of fractions)")
        func = "sum" if node.func in (AggFunc.SUM, AggFunc.MEAN) else node.func.value
        parts.kind, parts.scale = "dec", x.scale
        parts.sum = add("v", func, _masked(rc, included, x.v, x.kind), "dec", x.scale)
        if node.func is not AggFunc.SUM:
            count()
        return parts
    assert w is not None
    if node.func is AggFunc.WEIGHTED_MEAN:
        if x.den is not None:
            raise Unsupported("a weighted mean of a ratio (a sum of fractions)")
        parts.w_scale = w.scale
        parts.weight = add("w", "sum", _masked(rc, included, w.v, w.kind), "dec", w.scale)
        first = a.mul(w.num, x.num)
        parts.first_scale = first.scale
        parts.first = add("s1", "sum", _masked(rc, included, first.v, first.kind), "dec",
                          first.scale)
        return parts
    # the coefficient of variation: exact integers (values × 10**scale), see above
    big_p = Num(a.to_int(w.num), "dec", 0)
    parts.weight = add("w", "sum", _masked(rc, included, big_p.v, "dec"), "dec", 0)
    if x.den is None:
        big_x = Num(a.to_int(x.num), "dec", 0)
        first = a.mul(big_p, big_x)
        parts.first = add("s1", "sum", _masked(rc, included, first.v, "dec"), "dec", 0)
        second = a.mul(first, big_x)
        parts.second = add("s2", "sum", _masked(rc, included, second.v, "dec"), "dec", 0)
        return parts
    item = node.item
    if not (isinstance(item, Arith) and item.op is ArithOp.DIV and node.weight is not None
            and item.right.key() == node.weight.key()):
        raise Unsupported("a weighted coefficient of variation of a ratio whose denominator "
                          "is not the weight")
    n = rc.compile(item.left)
    if n.kind not in NUMERIC or n.den is not None:
        raise Unsupported("a weighted coefficient of variation of a nested ratio")
    sn, sp = n.scale, w.scale
    digits = max(RATIO_DIGITS, sp - 2 * sn)
    # Σw·x = Σn; Σw·x² = Σn²/p: unscaled, n²/p = N²/P × 10^(sp − 2sn); keep e = ``digits``
    # digits: F = Σ⌊N²·10^e / P⌋ ≈ (Σw·x²) × 10^(e + 2sn − sp). Both sides of the comparison
    # are then taken to the scale e + 2sn (``shift`` = e on the (Σw·x)² side).
    parts.ratio = True
    parts.shift = digits
    big_n = Num(a.to_int(n.num), "dec", 0)
    parts.first = add("s1", "sum", _masked(rc, included, big_n.v, "dec"), "dec", 0)
    power = 10 ** digits
    square = a.mul(Num(a.lit(power, "int", 0), "int", 0, power), a.mul(big_n, big_n))
    zero = Num(a.lit(0, "int", 0), "int", 0, 0)
    positive = a.compare_num(CompareOp.GT, big_p, zero)
    safe_p = Num(lg.when([(lg.not_(positive), a.lit(Decimal(1), "dec", 0))], big_p.v),
                 "dec", 0)
    quotient = Num(a.floordiv(square.v, safe_p.v), "dec", 0)
    remainder = a.sub(square, a.mul(quotient, safe_p))
    good = lg.and_(included, a.coalesce_false(positive))
    parts.second = add("s2", "sum", lg.when([(lg.not_(good), a.null("dec"))], quotient.v),
                       "dec", 0)
    inexact = lg.and_(good, a.coalesce_false(a.compare_num(CompareOp.NE, remainder, zero)))
    parts.inexact = counter(inexact, "m")
    parts.negative = counter(lg.and_(included, a.coalesce_false(
        a.compare_num(CompareOp.LT, big_p, zero))), "neg")
    return parts


def compile_grouped(policy: Policy, collection: str, record_algebra: Algebra,
                    group_algebra: Algebra, as_of: dt.date | None = None,
                    columns: dict[str, ColumnSpec] | None = None, *,
                    what_if: bool = False) -> GroupedPlan:
    """Compile every grouped rule of ``policy`` whose subject is ``collection``.

    ``columns`` must include the group keys (a key missing from the table is added by the
    driver as a column of nulls, as the reference reads a missing key as ``None``).
    """
    collection = normalize_collection(collection)
    date = as_of or dt.date.today()
    rules = [r for r in subject_rules(policy.rules, collection) if r.grouped]
    specs = columns if columns is not None else collection_columns(
        collection, tuple(rules), policy.facts_model)
    ga = cast_any(group_algebra)
    batches: dict[tuple[str, ...], GroupBatch] = {}
    whole: list[tuple[Rule, str]] = []
    unsupported: dict[str, str] = {}
    outside: dict[str, Cond] = {}
    for index, rule in enumerate(rules):
        if not isinstance(rule, Rule):
            unsupported[rule.id] = "grouped decision tables are judged by the reference evaluator"
            continue
        keys = tuple(rule.group_by or ())
        missing = [k for k in keys if k not in specs]
        if missing:
            raise KeyError(f"group key {missing[0]!r} is not a column of the table")
        period = period_status(rule, policy, date, what_if)
        if period is not None:
            whole.append((rule, period))
            continue
        records: list[tuple[str, Any]] = []
        aggs: list[AggColumn] = []
        bound = getattr(group_algebra, "bindings", None)
        start = len(bound) if bound is not None else 0
        reset = getattr(group_algebra, "reset_bindings", None)
        if reset is not None:
            reset()   # a rule's bindings belong to its batch only
        try:
            rc = ExprCompiler(record_algebra, specs, date)
            lg = rc.logic
            included: Cond = True
            unsure_name: str | None = None
            if rule.where is not None:
                where = rc.compile(rule.where)
                included = rc.is_true(where)
                unsure = rc.unknown(where)
                if unsure is not False:
                    unsure_name = f"__g{index}_unsure"
                    records.append((unsure_name, lg.when([(unsure, ga.int_lit(1))],
                                                         ga.int_lit(0))))
                    aggs.append(AggColumn(unsure_name, "sum", ga.ref(unsure_name)))
            parts: dict[tuple[object, ...], _AggParts] = {}
            for expr in rule.expressions():
                if expr is rule.where:
                    continue
                for node in expr.walk():
                    if isinstance(node, Aggregate) and _agg_key(node) not in parts:
                        parts[_agg_key(node)] = _aggregate_columns(
                            rc, node, f"__g{index}_{len(parts)}", included, records, aggs)
            gc = _GroupCompiler(group_algebra, {k: specs[k] for k in keys}, date)
            gc.setup(parts)
            judged = _rule_plan(gc, rule)
        except Unsupported as exc:
            unsupported[rule.id] = str(exc)
            continue
        glg = gc.logic
        branches: list[tuple[Cond, Any]] = []
        if unsure_name is not None:
            unsure_any = ga.compare(CompareOp.GT, ga.first_non_null(
                [ga.ref(unsure_name), ga.int_lit(0)]), ga.int_lit(0))
            branches.append((unsure_any, ga.status(UND)))
        ambiguous = glg.or_(*gc.ambiguous)
        branches.append((ambiguous, ga.status(None)))
        status = glg.when(branches, judged.status)
        if not what_if:
            outside[rule.id] = not_in_force(gc, policy, collection, date, keys)
        applicable = judged.applicable if unsure_name is None else glg.and_(
            judged.applicable, glg.not_(branches[0][0]))
        batch = batches.get(keys)
        if batch is None:
            batch = batches[keys] = GroupBatch(keys, [], [], [])
        batch.records.extend(records)
        batch.aggs.extend(aggs)
        if bound is not None:
            batch.bindings.extend(bound[start:])
        batch.rules.append(GroupedRulePlan(rule, status, applicable))
    for keys, batch in batches.items():
        by_id = {plan.rule.id: plan for plan in batch.rules}
        for plan in batch.rules:
            target = by_id.get(plan.rule.exception_to or "")
            if target is not None and plan.applicable is not False:
                target.status = _Logic(group_algebra).when(
                    [(plan.applicable, ga.status(NA))], target.status)
        for plan in batch.rules:   # the policy's force last, as the reference decides it
            plan.status = _Logic(group_algebra).when(
                [(outside.get(plan.rule.id, False), ga.status(NIF))], plan.status)
        batch.ref = group_ref_expr(ga, collection, keys, specs)
    return GroupedPlan(policy, collection, date, specs, list(batches.values()), whole,
                       unsupported)


def group_ref_expr(ga: Any, collection: str, keys: tuple[str, ...],
                   specs: dict[str, ColumnSpec]) -> Any:
    """``subject[k=v,...]`` as the reference names a group (``subject[*]`` for no keys)."""
    if not keys:
        return ga.text(f"{collection}[*]")
    items: list[Any] = []
    for i, key in enumerate(keys):
        items.append(ga.text(f"{collection}[{key}=" if i == 0 else f",{key}="))
        items.append(ga.key_text(ga.ref(key), specs[key].kind))
    items.append(ga.text("]"))
    return ga.concat(items)
