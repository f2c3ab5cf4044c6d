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
from collections.abc import Callable, Sequence
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
from xuequ_rules.policy.expr import (
    Arith,
    ArithOp,
    BoolOp,
    Compare,
    CompareOp,
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
from xuequ_rules.policy.parameter import Parameter
from xuequ_rules.policy.policy import Policy
from xuequ_rules.policy.rule import ATTESTATIONS, AnyRule, Decision, Modality, Rule

STATUSES: tuple[str, ...] = tuple(status.value for status in Status)
SAT, VIO, NA, UND = (Status.SATISFIED.value, Status.VIOLATED.value,
                     Status.NOT_APPLICABLE.value, Status.UNDETERMINED.value)
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

@dataclass
class ExprCompiler:
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
        if isinstance(node, Parameter):
            return self.literal(node.value_at(self.as_of))
        if isinstance(node, Const):
            return self.literal(node.value)
        if isinstance(node, Field):
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
        if isinstance(node, Arith):
            return self.arith(node.op, self.compile(node.left), self.compile(node.right))
        if isinstance(node, Compare):
            return self.compare(node.op, self.compile(node.left), self.compile(node.right))
        if isinstance(node, Logic):
            return self.connective(node.op, [self.compile(item) for item in node.items])
        if isinstance(node, Not):
            return self.negate(self.compile(node.item))
        if isinstance(node, IsIn):
            return self.isin(self.compile(node.item), node.values)
        if isinstance(node, Known):
            x = self.compile(node.item)
            if x.kind == "null":
                return self.literal(False)
            if not x.nullable:
                return self.literal(True)
            known = self.logic.or_(self.logic.not_(self.algebra.is_null(x.v)), x.undef)
            return Val(self.logic.expr(known), "bool", nullable=False)
        if isinstance(node, CountTrue):
            items = [self.compile(item) for item in node.items]
            holds = [self.logic.expr(self.is_true(item)) for item in items]
            count = self.algebra.count_true(holds) if holds else self.algebra.lit(0, "int", 0)
            unknown = self.logic.or_(*(self.unknown(item) for item in items))
            value = self.logic.when([(unknown, self.algebra.null("int"))], count)
            return Val(value, "int", nullable=unknown is not False, bound=len(items))
        if isinstance(node, Length):
            x = self.compile(node.item)
            if x.kind == "null":
                return Val(self.algebra.null("int"), "null")
            if x.kind != "list":
                raise Unsupported(f"length of a {x.kind} fact {node.item.dotted}")
            return Val(self.algebra.list_len(x.v), "int", nullable=x.nullable)
        raise Unsupported(f"cannot compile {type(node).__name__}")

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

    def isin(self, x: Val, values: tuple[Any, ...]) -> Val:
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


def period_status(rule: AnyRule, policy: Policy, as_of: dt.date) -> str | None:
    """``not_applicable`` when the whole rule is out of its period or before its deadline."""
    if not rule.valid_at(as_of):
        return NA
    if policy.valid_from is not None and as_of < policy.valid_from:
        return NA
    if policy.valid_until is not None and as_of > policy.valid_until:
        return NA
    if isinstance(rule, Rule) and rule.deadline is not None and as_of < rule.deadline:
        return NA
    return None


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
                   trust_bounds: bool = False) -> PolicyPlan:
    """Compile every rule of ``policy`` whose subject is ``collection``."""
    collection = normalize_collection(collection)
    date = as_of or dt.date.today()
    rules = subject_rules(policy.rules, collection)
    specs = columns if columns is not None else collection_columns(collection, rules)
    compiler = ExprCompiler(algebra, specs, date, trust_bounds)
    lg = compiler.logic
    plans: list[RulePlan] = []
    unsupported: dict[str, str] = {}
    for rule in rules:
        if getattr(rule, "group_by", None) is not None:
            # judged per group of records (aggregates), not per row
            unsupported[rule.id] = ("grouped rule (group_by): one finding per group, not per "
                                    "row; use the reference evaluator")
            continue
        if collection == "":
            # a scenario table has jurisdiction and attestation columns, not whole collections
            heads = {node.path[0] for node in rule.fields()} - {"jurisdiction", ATTESTATIONS}
            if heads:
                unsupported[rule.id] = (f"scenario-level rule reads {sorted(heads)}, which a "
                                        "one-row-per-scenario table does not hold")
                continue
        period = period_status(rule, policy, date)
        if period is not None:
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
