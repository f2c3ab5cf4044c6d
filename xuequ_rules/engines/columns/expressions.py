"""Expression trees compiled to column expressions (a fold of the one expression visitor)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from decimal import Decimal
from enum import Enum
from typing import Any

from xuequ_rules.engines import fractions
from xuequ_rules.engines._schema import (
    ColumnSpec,
    decimal_scale,
)
from xuequ_rules.engines.columns.values import (
    NUMERIC,
    Algebra,
    Cond,
    Kleene,
    Num,
    Unsupported,
    Val,
    column_bound,
)
from xuequ_rules.engines.fractions import Quotient
from xuequ_rules.policy.expr import (
    Aggregate,
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
from xuequ_rules.policy.sequence import Consecutive
from xuequ_rules.policy.visitor import ExprVisitor

# ── expressions ────────────────────────────────────────────────────────────────

SEQUENCE_REFUSAL = ("连续条件的次数须为整数常量或参数，排序字段须为整数 / "
                    "a condition over consecutive records needs a whole-number count (a "
                    "constant or a parameter) and a whole-number order")


class ColumnRing:
    """A backend's numeric columns as the ring of :mod:`xuequ_rules.engines.fractions`: a
    denominator is made positive as it divides (``when``), a zero divisor nulls both."""

    def __init__(self, algebra: Algebra) -> None:
        self.a = algebra
        self.add, self.sub, self.mul, self.neg = algebra.add, algebra.sub, algebra.mul, algebra.neg

    def compare(self, op: CompareOp, x: Num, y: Num) -> Any:
        return self.a.compare_num(op, x, y)

    def sign(self, x: Num) -> int | None:
        return None if not x.literal else (1 if x.literal > 0 else -1)

    def either(self, x: Num, positive: Any, negative: Any) -> Any:
        return self.a.when([(self.a.compare(CompareOp.LT, x.v, self.a.lit(0, "int", 0)),
                             negative)], positive)

    def flip(self, divisor: Num, num: Num, den: Num) -> tuple[Num, Num]:
        a = self.a
        is_zero = a.compare(CompareOp.EQ, divisor.v, a.lit(0, "int", 0))
        is_neg = a.compare(CompareOp.LT, divisor.v, a.lit(0, "int", 0))

        def flipped(n: Num) -> Num:
            null = a.null("dec" if n.kind == "dec" else "int")
            return replace(n, v=a.when([(is_zero, null), (is_neg, a.neg(n).v)], n.v),
                           literal=None)
        return flipped(num), flipped(den)


_ARITH = {ArithOp.ADD: fractions.add, ArithOp.SUB: fractions.sub, ArithOp.MUL: fractions.mul,
          ArithOp.DIV: fractions.div}


@dataclass
class ExprCompiler(ExprVisitor[Val]):
    """Compiles expression trees of one collection's rules at one date."""

    algebra: Algebra
    columns: dict[str, ColumnSpec]
    as_of: dt.date | None
    trust_bounds: bool = False     # the table was validated: values lie within the model's bounds
    logic: Kleene = field(init=False)
    ring: ColumnRing = field(init=False)

    def __post_init__(self) -> None:
        self.logic = Kleene(self.algebra)
        self.ring = ColumnRing(self.algebra)

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
        bound = column_bound(spec) if self.trust_bounds else None
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
        """Per record, the condition as a code (0 false, 1 unknown, 2 true); the least code
        over the ``count`` order values up to this record's, in its ``per``, by a window
        (a value without a record counts 0: the condition did not hold there)."""
        a, lg = self.algebra, self.logic
        times = self.compile(node.count).literal
        per, order = self.compile(node.per), self.compile(node.order)
        if not isinstance(times, int) or isinstance(times, bool) or order.kind not in (
                "int", "null") or per.kind in ("list", "dec"):
            raise Unsupported(SEQUENCE_REFUSAL)
        if per.kind == "null" or order.kind == "null":
            return Val(a.null("bool"), "bool")
        missing = lg.or_(*(a.is_null(x.v) for x in (per, order) if x.nullable))
        if times <= 0:
            return Val(lg.when([(missing, a.null("bool"))], a.lit(True, "bool", 0)), "bool",
                       nullable=missing is not False)
        condition = self.compile(node.condition)
        code = lg.when([(self.is_true(condition), a.int_lit(2)),
                        (self.is_false(condition), a.int_lit(0))], a.int_lit(1))
        least = a.bind(a.consecutive(lg.expr(code), per.v, order.v, times), "int")
        value = lg.when([(missing, a.null("bool")),
                         (a.compare(CompareOp.EQ, least, a.int_lit(0)), a.lit(False, "bool", 0)),
                         (a.compare(CompareOp.EQ, least, a.int_lit(2)), a.lit(True, "bool", 0))],
                        a.null("bool"))
        return Val(value, "bool")

    def is_false(self, x: Val) -> Cond:
        """The value is the boolean False (what ``value is False`` tests)."""
        if x.kind != "bool":
            return False
        if x.literal is not None:
            return not x.literal
        if not x.nullable:
            return self.algebra.not_(x.v)
        return self.algebra.coalesce_false(self.algebra.not_(x.v))

    def _both_unknown_undef(self, left: Val, right: Val) -> tuple[Cond, Cond]:
        unknown = self.logic.or_(self.unknown(left), self.unknown(right))
        undef_in = self.logic.or_(left.undef, right.undef)
        return unknown, undef_in

    def arith(self, op: ArithOp, left: Val, right: Val) -> Val:
        a, lg = self.algebra, self.logic
        if left.kind == "null" or right.kind == "null":
            return Val(a.null("int"), "null")
        if left.kind not in NUMERIC or right.kind not in NUMERIC:
            raise Unsupported(f"arithmetic on {left.kind} and {right.kind}")
        unknown, undef_in = self._both_unknown_undef(left, right)
        nullable = left.nullable or right.nullable
        zero: Cond = False
        x, y = Quotient(left.num, left.den), Quotient(right.num, right.den)
        if op is ArithOp.DIV:
            if right.num.literal == 0:
                return Val(a.null("int"), "int", nullable=True, undef=lg.not_(unknown))
            if right.num.literal is None:   # a zero divisor: num and den null (ColumnRing.flip)
                zero = a.coalesce_false(a.compare(CompareOp.EQ, right.v, a.lit(0, "int", 0)))
                nullable = True
        q = _ARITH[op](self.ring, x, y)
        num = q.num
        undef = lg.and_(lg.not_(unknown), lg.or_(undef_in, zero))
        return Val(num.v, num.kind, num.scale, nullable=nullable or undef is not False,
                   undef=undef, den=q.den, literal=num.literal, bound=num.bound)

    def compare(self, op: CompareOp, left: Val, right: Val) -> Val:
        a, lg = self.algebra, self.logic
        if left.kind == "null" or right.kind == "null":
            return Val(a.null("bool"), "bool")
        unknown, undef_in = self._both_unknown_undef(left, right)
        if left.kind in NUMERIC and right.kind in NUMERIC:
            value = fractions.compare(self.ring, op, Quotient(left.num, left.den),
                                      Quotient(right.num, right.den))
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
