"""The durable_rules backend: a policy's rules compiled to durable_rules rulesets.

Every rule over a fact collection (and every scenario-level rule, decisions included)
becomes a handful of durable rules, one per *outcome* (satisfied / violated / not
applicable / undetermined, and the reason), whose conditions are the four-valued
semantics of :mod:`xuequ_rules.evaluation.compiler` spelled out as durable conditions:

* a fact is validated with the pydantic models first, then encoded as a flat durable fact
  where every field read by a rule is ``f<i>`` (the value) plus ``k<i>`` (1 when known,
  0 when missing — durable silently matches nothing on a missing or null field, so a
  missing fact is never left implicit);
* numbers are integers scaled by a power of ten (decimals at :data:`DECIMAL_SCALE`
  digits, parameters at their own scale) and comparisons are rewritten so that both sides
  are integers — no division is ever computed in durable: ``a / b >= c`` becomes
  ``a >= c × b`` (with the sign of ``b``), ``x / 0`` is *not applicable*; every
  intermediate integer must stay within ±2**53 (durable compares doubles), which is proved
  from the model's bounds when it can be and checked on each fact otherwise — a fact
  beyond it is rejected with a bilingual error, never compared approximately;
* consequences only record ``(rule, outcome, record)``; the findings (statuses, reasons,
  citations, decisions) are those of the reference evaluator, and the explanation's trace
  is computed on demand by the reference evaluator for the matched record.

durable_rules traps handled here: a ruleset name registers once per host and cannot be
unregistered (a private host per compiled policy, unique names — two versions of one
policy run side by side); events fire one rule only (facts are asserted, then retracted);
a ruleset holds at most 1,024 live sessions (one session per evaluation, always retracted
and deleted; a session durable itself failed on is not deleted, since that can crash);
exceptions in consequences are swallowed into the session state (caught in the
consequence and re-raised, and the state is checked); a fact matching more than 64 rules
is refused, and one of about 255 properties crashes a batch (a subject's rules are split
into rulesets by both bounds, each receiving only the properties it reads; a rule that
alone exceeds them falls back to the reference evaluator); durable fires a rule once per
satisfied ``$or`` branch (repeated outcomes are collapsed); a fact matching no rule is an
error (outcomes are exhaustive); the host's background timer threads are never started
(all work is synchronous, in the caller's thread).

Rules this backend cannot translate (text ordered with ``<``, nested fields, arithmetic on
dates) are listed in :attr:`DurablePolicy.fallback` and evaluated by the reference
evaluator; ``strict=True`` refuses them instead.

:func:`stream_findings` takes records arriving one by one and yields findings as they are
decided, including a rule correlating records over time: a school whose yearly assessment
declined two years running must have its principal rotated or demoted.
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
import re
import sys
import threading
import uuid
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from enum import Enum
from typing import Any


class DurableUnavailableError(ImportError):
    """durable_rules cannot be imported here (missing, or an unsupported Python)."""


if sys.version_info >= (3, 13):  # pragma: no cover - depends on the interpreter
    _V = "{}.{}".format(*sys.version_info[:2])
    raise DurableUnavailableError(
        f"durable_rules 2.0.28 只能在 Python 3.11、3.12 上导入，当前为 Python {_V}；"
        "请改用 Python 3.11 或 3.12，或使用参考求值器 xuequ_rules.evaluate / "
        f"durable_rules 2.0.28 imports on Python 3.11 and 3.12 only, this is Python {_V}; "
        "use Python 3.11 or 3.12, or the reference evaluator xuequ_rules.evaluate")

try:
    from durable import engine as _durable  # type: ignore[import-untyped]
except ImportError as _exc:  # pragma: no cover - depends on the installation
    raise DurableUnavailableError(
        "未安装 durable_rules：请运行 pip install xuequ-rules[durable] / "
        "durable_rules is not installed: pip install xuequ-rules[durable]") from _exc

from pydantic import BaseModel, ValidationError  # noqa: E402

from xuequ_rules.errors import FactsError, RuleConflictError, XuequError  # noqa: E402
from xuequ_rules.evaluation.compiler import Env  # noqa: E402
from xuequ_rules.evaluation.evaluate import (  # noqa: E402
    Evaluation,
    _apply_exceptions,
    _check_conflicts,
    _CompiledRule,
    _evaluate_rule,
    _period_finding,
    apply_lifecycle,
    compiled_rules,
)
from xuequ_rules.evaluation.finding import Finding, Status  # noqa: E402
from xuequ_rules.facts.fields import field_spec  # noqa: E402
from xuequ_rules.facts.loader import facts_error, facts_for  # noqa: E402
from xuequ_rules.facts.model import AccountabilityAction, SchoolAssessment  # noqa: E402
from xuequ_rules.facts.schema import Facts, collections_of  # noqa: E402
from xuequ_rules.policy.citation import Cite  # noqa: E402
from xuequ_rules.policy.expr import (  # noqa: E402
    Arith,
    ArithOp,
    BoolOp,
    Compare,
    CompareOp,
    Const,
    Expr,
    Field,
    IsIn,
    Known,
    Length,
    Logic,
    Not,
    f,
)
from xuequ_rules.policy.parameter import Parameter  # noqa: E402
from xuequ_rules.policy.policy import Policy  # noqa: E402
from xuequ_rules.policy.rule import ATTESTATIONS, AnyRule, Decision, Modality, Rule  # noqa: E402
from xuequ_rules.text import Text  # noqa: E402

__all__ = [
    "DECIMAL_SCALE",
    "EXACT_LIMIT",
    "MAX_MATCHES_PER_FACT",
    "MAX_PROPERTIES_PER_FACT",
    "TWO_YEAR_DECLINE",
    "DurableEngineError",
    "DurableFinding",
    "DurablePolicy",
    "DurableUnavailableError",
    "compile_policy",
    "evaluate",
    "stream_findings",
]

DECIMAL_SCALE = 6
"""Digits after the point kept for decimal facts (ratios, yuan, years, hours)."""

EXACT_LIMIT = 2**53
"""The largest magnitude durable compares exactly (it uses doubles)."""

MAX_MATCHES_PER_FACT = 64
"""durable_rules refuses a fact that matches more than 64 rules (error 303): a subject's
rules are split into several rulesets so that no fact can match more in any of them."""

MAX_PROPERTIES_PER_FACT = 200
"""durable_rules refuses a fact of about 255 properties or more (error 302; a batch of
them crashes the process): each ruleset of a subject receives only the properties its
rules read, at most this many."""


class DurableEngineError(XuequError):
    """durable_rules failed, or a consequence raised, while evaluating."""


# ── integer expressions evaluated by durable ──────────────────────────────────────────
@dataclass(frozen=True, slots=True)
class _I:
    """An integer expression: a fact slot, a constant, or ``+ - *`` of two."""

    op: str          # "f" slot | "c" constant | "+" | "-" | "*"
    a: Any = None    # slot name, constant value, or left operand
    b: Any = None    # right operand


def _c(value: int | str) -> _I:
    return _I("c", value)


_ZERO, _ONE = _c(0), _c(1)


def _add(x: _I, y: _I) -> _I:
    if x.op == "c" and y.op == "c":
        return _c(x.a + y.a)
    if y == _ZERO:
        return x
    if x == _ZERO:
        return y
    return _I("+", x, y)


def _sub(x: _I, y: _I) -> _I:
    if x.op == "c" and y.op == "c":
        return _c(x.a - y.a)
    if y == _ZERO:
        return x
    return _I("-", x, y)


def _mul(x: _I, y: _I) -> _I:
    if x.op == "c" and y.op == "c":
        return _c(x.a * y.a)
    if x == _ZERO or y == _ZERO:
        return _ZERO
    if y == _ONE:
        return x
    if x == _ONE:
        return y
    return _I("*", x, y)


def _opt_mul(x: _I | None, y: _I | None) -> _I | None:
    if x is None:
        return y
    if y is None:
        return x
    return _mul(x, y)


def _nodes(e: _I) -> Iterator[_I]:
    yield e
    if e.op in "+-*":
        yield from _nodes(e.a)
        yield from _nodes(e.b)


# Intervals of integer expressions, from the models' bounds: (lo, hi), None = infinite.
Interval = tuple[int | None, int | None]


def _interval(e: _I, slots: Mapping[str, Interval]) -> Interval:
    if e.op == "c":
        return (e.a, e.a) if isinstance(e.a, int) else (None, None)
    if e.op == "f":
        return slots.get(e.a, (None, None))
    lx, hx = _interval(e.a, slots)
    ly, hy = _interval(e.b, slots)
    if e.op == "-":
        ly, hy = (None if hy is None else -hy), (None if ly is None else -ly)
    if e.op in "+-":
        return (None if lx is None or ly is None else lx + ly,
                None if hx is None or hy is None else hx + hy)
    if None not in (lx, hx, ly, hy):
        products = [lx * ly, lx * hy, hx * ly, hx * hy]  # type: ignore[operator]
        return min(products), max(products)
    if lx is not None and ly is not None and lx >= 0 and ly >= 0:
        return lx * ly, (None if hx is None or hy is None else hx * hy)
    return None, None


def _within_limit(interval: Interval) -> bool:
    lo, hi = interval
    return lo is not None and hi is not None and max(abs(lo), abs(hi)) <= EXACT_LIMIT


def _eval_int(e: _I, fact: Mapping[str, Any]) -> int:
    if e.op == "c":
        return int(e.a)
    if e.op == "f":
        return int(fact[e.a])
    x, y = _eval_int(e.a, fact), _eval_int(e.b, fact)
    return x + y if e.op == "+" else (x - y if e.op == "-" else x * y)


def _durable_value(e: _I) -> Any:
    """The right-hand side of a durable comparison (constants only on the right)."""
    if e.op == "c":
        return e.a
    if e.op == "f":
        return {"$m": e.a}
    left, right = e.a, e.b
    if left.op == "c":
        if e.op == "-":   # c - x = x × -1 + c
            return {"$add": {"$l": _durable_value(_mul(right, _c(-1))), "$r": left.a}}
        left, right = right, left
    op = {"+": "$add", "-": "$sub", "*": "$mul"}[e.op]
    return {op: {"$l": _durable_value(left), "$r": _durable_value(right)}}


def _properties(cond: Any) -> set[str]:
    """The fact properties a condition reads."""
    if isinstance(cond, _Junction):
        return set().union(*(_properties(item) for item in cond.items))
    if isinstance(cond, _KnownAtom):
        return {cond.slot}
    return {n.a for side in (cond.left, cond.right) for n in _nodes(side) if n.op == "f"}


def _exclusive(items: tuple[Any, ...]) -> bool:
    """Equalities of one property with different constants: at most one holds."""
    if not all(isinstance(i, _Cmp) and i.op == "eq" and i.right.op == "c" for i in items):
        return False
    return len({i.left for i in items}) == 1 and len({i.right for i in items}) == len(items)


def _branches(cond: Any) -> int:
    """How many times one fact can match a condition: durable fires once per satisfied
    branch of its disjunctive normal form."""
    if isinstance(cond, _Junction):
        if cond.op == "or" and _exclusive(cond.items):
            return 1
        counts = [_branches(item) for item in cond.items]
        if cond.op == "or":
            return sum(counts)
        product = 1
        for count in counts:
            product *= count
        return product
    return 1


# ── conditions in negation normal form ────────────────────────────────────────────────
@dataclass(frozen=True, slots=True)
class _Cmp:
    op: str   # ge gt le lt eq ne
    left: _I
    right: _I


@dataclass(frozen=True, slots=True)
class _KnownAtom:
    slot: str      # the k<i> flag
    known: bool


@dataclass(frozen=True, slots=True)
class _Junction:
    op: str        # "and" | "or"
    items: tuple[Any, ...]


TRUE: Any = _Junction("and", ())
FALSE: Any = _Junction("or", ())

_NEGATE = {"ge": "lt", "gt": "le", "le": "gt", "lt": "ge", "eq": "ne", "ne": "eq"}
_MIRROR = {"ge": "le", "gt": "lt", "le": "ge", "lt": "gt", "eq": "eq", "ne": "ne"}
_PY_CMP: dict[str, Callable[[Any, Any], bool]] = {
    "ge": lambda x, y: x >= y, "gt": lambda x, y: x > y, "le": lambda x, y: x <= y,
    "lt": lambda x, y: x < y, "eq": lambda x, y: x == y, "ne": lambda x, y: x != y}
_OPS = {CompareOp.GE: "ge", CompareOp.GT: "gt", CompareOp.LE: "le", CompareOp.LT: "lt",
        CompareOp.EQ: "eq", CompareOp.NE: "ne"}
_DURABLE_OP = {"ge": "$gte", "gt": "$gt", "le": "$lte", "lt": "$lt", "ne": "$neq"}


def _junction(op: str, items: Iterable[Any]) -> Any:
    absorbing, neutral = (FALSE, TRUE) if op == "and" else (TRUE, FALSE)
    out: list[Any] = []
    for item in items:
        if item == absorbing:
            return absorbing
        if item == neutral:
            continue
        for sub in (item.items if isinstance(item, _Junction) and item.op == op else (item,)):
            if sub not in out:
                out.append(sub)
    atoms = {item for item in out if not isinstance(item, _Junction)}
    if any(_neg(atom) in atoms for atom in atoms):   # x and not x / x or not x
        return absorbing
    if op == "and" and atoms:   # x and (not x or y)  →  x and y
        simplified = []
        for item in out:
            if isinstance(item, _Junction) and item.op == "or":
                item = _junction("or", (i for i in item.items if _neg(i) not in atoms)
                                 if all(not isinstance(i, _Junction) for i in item.items)
                                 else item.items)
                if item == FALSE:
                    return FALSE
            simplified.append(item)
        out = simplified
    if len(out) == 1:
        return out[0]
    return _Junction(op, tuple(out)) if out else neutral


def _and(*items: Any) -> Any:
    return _junction("and", items)


def _or(*items: Any) -> Any:
    return _junction("or", items)


def _cmp(op: str, left: _I, right: _I) -> Any:
    if left.op == "c" and right.op == "c":
        return TRUE if _PY_CMP[op](left.a, right.a) else FALSE
    return _Cmp(op, left, right)


def _neg(cond: Any) -> Any:
    if isinstance(cond, _Junction):
        return _junction("or" if cond.op == "and" else "and", (_neg(i) for i in cond.items))
    if isinstance(cond, _KnownAtom):
        return _KnownAtom(cond.slot, not cond.known)
    return _Cmp(_NEGATE[cond.op], cond.left, cond.right)


def _durable_cond(cond: Any) -> dict[str, Any]:
    if cond == TRUE:
        return {"z": 0}
    if isinstance(cond, _Junction):
        return {f"${cond.op}": [_durable_cond(i) for i in cond.items]}
    if isinstance(cond, _KnownAtom):
        return {cond.slot: 1 if cond.known else 0}
    op, left, right = cond.op, cond.left, cond.right
    if left.op == "f":
        return _atom(op, left.a, right)
    if right.op == "f":
        return _atom(_MIRROR[op], right.a, left)
    return _atom(op, "z", _sub(right, left))   # left op right  ⇔  0 op (right - left)


def _atom(op: str, slot: str, right: _I) -> dict[str, Any]:
    value = _durable_value(right)
    if op == "eq":
        return {slot: value}
    return {_DURABLE_OP[op]: {slot: value}}


def _atoms(cond: Any) -> Iterator[_Cmp]:
    if isinstance(cond, _Junction):
        for item in cond.items:
            yield from _atoms(item)
    elif isinstance(cond, _Cmp):
        yield cond


# ── compiling expressions ─────────────────────────────────────────────────────────────
class _Unsupported(Exception):
    """A construct this backend does not translate; the rule falls back to the reference."""


@dataclass(frozen=True, slots=True)
class _Num:
    """A number: ``num / (den × 10**scale)``; unknown / undefined when those hold."""

    num: _I
    den: _I | None
    scale: int
    unknown: Any
    undefined: Any
    kind: str = "num"   # num | date


@dataclass(frozen=True, slots=True)
class _Str:
    expr: _I
    unknown: Any


@dataclass(frozen=True, slots=True)
class _Bool:
    """The four mutually exclusive conditions of a three-valued (plus undefined) node."""

    t: Any
    f: Any
    n: Any
    d: Any


@dataclass(frozen=True, slots=True)
class _Slot:
    """One fact field (or a list's length, or a dated parameter) in the durable fact."""

    name: str           # f<i> or p<i>
    known: str | None   # k<i>; None for parameters (always known)
    path: tuple[str, ...]
    kind: str           # int | dec | bool | str | date | len | param
    scale: int
    interval: Interval
    param: Parameter | None = None


_KIND_BOUNDS: dict[str, tuple[Decimal | None, Decimal | None]] = {
    "bool": (Decimal(0), Decimal(1)),
    "date": (Decimal(dt.date.min.toordinal()), Decimal(dt.date.max.toordinal())),
}


def _model_field_kind(schema: type[Facts], collection: str, name: str
                      ) -> tuple[str, Decimal | None, Decimal | None]:
    spec = field_spec(schema, collection, name)
    if spec is None:
        raise _Unsupported(f"unknown field {name}")
    if spec.kind in ("int", "dec"):
        return spec.kind, spec.ge, spec.le
    if spec.kind in ("list", "records"):
        return "list", None, None
    ge, le = _KIND_BOUNDS.get(spec.kind, (None, None))
    return spec.kind, ge, le


def _scaled_interval(ge: Decimal | None, le: Decimal | None, scale: int) -> Interval:
    def bound(value: Decimal | None) -> int | None:
        return None if value is None else int(value.scaleb(scale).to_integral_value())
    return bound(ge), bound(le)


def _decimal_scale(value: Decimal) -> int:
    exponent = value.normalize().as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 0


class _Subject:
    """The durable fact layout of one collection: which slots, how to encode a record."""

    def __init__(self, subject: str, schema: type[Facts]) -> None:
        self.subject = subject
        self.schema = schema
        self.slots: dict[tuple[Any, ...], _Slot] = {}
        self.checks: list[tuple[_I, str]] = []     # integer expressions checked per fact
        self.uses_zero = False                      # a condition reads the constant z = 0
        self._encoder: Callable[[Any, Mapping[str, Any], int], dict[str, Any]] | None = None

    # layout ---------------------------------------------------------------------------
    def field_slot(self, node: Field, length: bool = False) -> _Slot:
        key = ("len" if length else "v", node.path)
        slot = self.slots.get(key)
        if slot is not None:
            return slot
        path = node.path
        if not self.subject:
            if path == ("jurisdiction",):
                kind, ge, le = "str", None, None
            elif len(path) == 2 and path[0] == ATTESTATIONS:
                kind, ge, le = "bool", Decimal(0), Decimal(1)
            else:
                raise _Unsupported(f"scenario field {node.dotted}")
        else:
            if len(path) != 1:
                raise _Unsupported(f"nested field {node.dotted}")
            kind, ge, le = _model_field_kind(self.schema, self.subject, path[0])
        if length:
            if kind != "list":
                raise _Unsupported(f"length of non-list field {node.dotted}")
            kind, ge, le = "len", Decimal(0), None
        elif kind == "list":
            raise _Unsupported(f"list field {node.dotted} used as a value")
        scale = DECIMAL_SCALE if kind == "dec" else 0
        index = len(self.slots)
        slot = _Slot(f"f{index}", f"k{index}", path, kind, scale,
                     _scaled_interval(ge, le, scale) if kind != "str" else (None, None))
        self.slots[key] = slot
        self._encoder = None
        return slot

    def param_slot(self, param: Parameter) -> _Slot:
        key = ("p", param.id)
        slot = self.slots.get(key)
        if slot is not None:
            return slot
        values = [param.value, *(d.value for d in param.dated)]
        interval: Interval
        if all(isinstance(v, str) for v in values):
            kind, scale, interval = "str", 0, (None, None)
        elif all(isinstance(v, dt.date) for v in values):
            kind, scale = "date", 0
            ords = [v.toordinal() for v in values]  # type: ignore[union-attr]
            interval = (min(ords), max(ords))
        elif all(isinstance(v, int | Decimal) for v in values):
            kind = "param"
            scale = max(_decimal_scale(Decimal(v)) for v in values)  # type: ignore[arg-type]
            scaled = [int(Decimal(v).scaleb(scale)) for v in values]  # type: ignore[arg-type]
            interval = (min(scaled), max(scaled))
        else:
            raise _Unsupported(f"parameter {param.id} changes type over time")
        slot = _Slot(f"p{len(self.slots)}", None, (), kind, scale, interval, param)
        self.slots[key] = slot
        self._encoder = None
        return slot

    def intervals(self) -> dict[str, Interval]:
        return {slot.name: slot.interval for slot in self.slots.values()}

    # encoding -------------------------------------------------------------------------
    def encoder(self) -> Callable[[Any, Mapping[str, Any], int], dict[str, Any]]:
        if self._encoder is None:
            self._encoder = self._build_encoder()
        return self._encoder

    def _build_encoder(self) -> Callable[[Any, Mapping[str, Any], int], dict[str, Any]]:
        """Generate ``encode(record, base, index) -> fact``: one dict display per record."""
        namespace: dict[str, Any] = {"_resolve": _resolve, "_check": self._check}
        lines = ["def encode(record, base, index):"]
        items = ['**base', '"id": index']
        for j, slot in enumerate(s for s in self.slots.values() if s.param is None):
            if len(slot.path) == 1 and slot.path[0].isidentifier():
                lines.append(f"    v{j} = record.{slot.path[0]}")
            else:
                lines.append(f"    v{j} = _resolve(record, {slot.path!r})")
            if slot.kind == "int":
                value = f"v{j}"
            elif slot.kind == "bool":
                value = f"(1 if v{j} else 0)"
            else:
                namespace[f"c{j}"] = _converter(slot)
                value = f"c{j}(v{j})"
            placeholder = '""' if slot.kind == "str" else "0"
            items.append(f'"{slot.name}": {placeholder} if v{j} is None else {value}')
            items.append(f'"{slot.known}": 0 if v{j} is None else 1')
        lines.append("    fact = {" + ", ".join(items) + "}")
        if self.checks:
            lines.append("    _check(record, fact)")
        lines.append("    return fact")
        exec("\n".join(lines), namespace)
        encode: Callable[[Any, Mapping[str, Any], int], dict[str, Any]] = namespace["encode"]
        return encode

    def _check(self, record: Any, fact: Mapping[str, Any]) -> None:
        """Reject a fact whose integer arithmetic in durable would leave ±2**53."""
        for expr, what in self.checks:
            for node in _nodes(expr):
                if abs(_eval_int(node, fact)) > EXACT_LIMIT:
                    subject = self.subject
                    ref = f"{subject}[{getattr(record, 'id', '')}]" if subject else "facts"
                    raise FactsError(
                        f"{ref}：{what} 的整数运算超出 2**53，durable_rules 无法精确比较",
                        f"{ref}: integer arithmetic for {what} exceeds 2**53; durable_rules "
                        "cannot compare it exactly", field=what)


def _converter(slot: _Slot) -> Callable[[Any], Any]:
    if slot.kind == "str":
        return lambda value: str(getattr(value, "value", value))
    if slot.kind == "bool":
        return lambda value: 1 if value else 0
    if slot.kind == "date":
        return lambda value: value.toordinal()
    if slot.kind == "len":
        return len
    if slot.kind == "int":
        return int
    scale = slot.scale
    what = ".".join(slot.path) or (slot.param.id if slot.param is not None else "")

    def decimal(value: Any) -> int:
        scaled = Decimal(value).scaleb(scale)
        integral = scaled.to_integral_value()
        if scaled != integral:
            raise FactsError(
                f"{what} 的取值 {value} 超过 {scale} 位小数，durable_rules 无法精确比较",
                f"{what} = {value} has more than {scale} decimal places; durable_rules cannot "
                "compare it exactly", field=what)
        return int(integral)
    return decimal


class _ExprCompiler:
    """Translates expression trees of one subject into durable conditions."""

    def __init__(self, layout: _Subject) -> None:
        self.layout = layout

    # values ---------------------------------------------------------------------------
    def operand(self, node: Expr) -> _Num | _Str:
        if isinstance(node, Parameter):
            return self._constant(node.value) if not node.dated else self._param(node)
        if isinstance(node, Const):
            return self._constant(node.value)
        if isinstance(node, Field):
            slot = self.layout.field_slot(node)
            unknown = _KnownAtom(slot.known or "", False)
            if slot.kind == "str":
                return _Str(_I("f", slot.name), unknown)
            return _Num(_I("f", slot.name), None, slot.scale, unknown, FALSE,
                        "date" if slot.kind == "date" else "num")
        if isinstance(node, Length):
            slot = self.layout.field_slot(node.item, length=True)
            return _Num(_I("f", slot.name), None, 0, _KnownAtom(slot.known or "", False), FALSE)
        if isinstance(node, Arith):
            return self._arith(node)
        raise _Unsupported(f"{type(node).__name__} used as a value")

    def _constant(self, value: Any) -> _Num | _Str:
        if isinstance(value, str):
            return _Str(_c(value), FALSE)
        if isinstance(value, bool):
            return _Num(_c(int(value)), None, 0, FALSE, FALSE)
        if isinstance(value, dt.date):
            return _Num(_c(value.toordinal()), None, 0, FALSE, FALSE, "date")
        if isinstance(value, int | Decimal):
            scale = _decimal_scale(Decimal(value))
            return _Num(_c(int(Decimal(value).scaleb(scale))), None, scale, FALSE, FALSE)
        raise _Unsupported(f"constant {value!r}")

    def _param(self, param: Parameter) -> _Num | _Str:
        slot = self.layout.param_slot(param)
        if slot.kind == "str":
            return _Str(_I("f", slot.name), FALSE)
        return _Num(_I("f", slot.name), None, slot.scale, FALSE, FALSE,
                    "date" if slot.kind == "date" else "num")

    def _arith(self, node: Arith) -> _Num:
        x, y = self.operand(node.left), self.operand(node.right)
        if not isinstance(x, _Num) or not isinstance(y, _Num) or "date" in (x.kind, y.kind):
            raise _Unsupported("arithmetic on text or dates")
        unknown = _or(x.unknown, y.unknown)
        causes = [x.undefined, y.undefined]
        a, b, sa, c, d, sc = x.num, x.den, x.scale, y.num, y.den, y.scale
        if node.op in (ArithOp.ADD, ArithOp.SUB):
            s = max(sa, sc)
            a, c = _mul(a, _c(10 ** (s - sa))), _mul(c, _c(10 ** (s - sc)))
            combine = _add if node.op is ArithOp.ADD else _sub
            if b is None and d is None:
                num, den = combine(a, c), None
            else:
                num = combine(_mul(a, d or _ONE), _mul(c, b or _ONE))
                den = _opt_mul(b, d)
            scale = s
        elif node.op is ArithOp.MUL:
            num, den, scale = _mul(a, c), _opt_mul(b, d), sa + sc
        else:   # a/(b·10^sa) ÷ c/(d·10^sc) = a·d·10^sc / (b·c·10^sa)
            causes.append(_cmp("eq", c, _ZERO))
            num, den = _mul(a, d or _ONE), _opt_mul(b, c)
            if sc >= sa:
                num, scale = _mul(num, _c(10 ** (sc - sa))), 0
            else:
                scale = sa - sc
        undefined = _and(_neg(unknown), _or(*causes))
        return _Num(num, den, scale, unknown, undefined)

    # truth values ---------------------------------------------------------------------
    def boolean(self, node: Expr) -> _Bool:
        if isinstance(node, Compare):
            return self._compare(node)
        if isinstance(node, Logic):
            parts = [self.boolean(item) for item in node.items]
            if node.op is BoolOp.AND:
                not_false = _and(*(_neg(p.f) for p in parts))
                return _Bool(t=_and(*(p.t for p in parts)), f=_or(*(p.f for p in parts)),
                             n=_and(not_false, _or(*(p.n for p in parts))),
                             d=_and(not_false, *(_neg(p.n) for p in parts),
                                    _or(*(p.d for p in parts))))
            not_true = _and(*(_neg(p.t) for p in parts))
            return _Bool(t=_or(*(p.t for p in parts)), f=_and(*(p.f for p in parts)),
                         n=_and(not_true, _or(*(p.n for p in parts))),
                         d=_and(not_true, *(_neg(p.n) for p in parts),
                                _or(*(p.d for p in parts))))
        if isinstance(node, Not):
            inner = self.boolean(node.item)
            return _Bool(inner.f, inner.t, inner.n, inner.d)
        if isinstance(node, IsIn):
            return self._isin(node)
        if isinstance(node, Known):
            if isinstance(node.item, Compare | Logic | Not | IsIn | Known):
                inner = self.boolean(node.item)
                return _Bool(_neg(inner.n), inner.n, FALSE, FALSE)
            value = self.operand(node.item)
            return _Bool(_neg(value.unknown), value.unknown, FALSE, FALSE)
        if isinstance(node, Field):
            slot = self.layout.field_slot(node)
            if slot.kind != "bool":
                raise _Unsupported(f"non-boolean field {node.dotted} used as a condition")
            known = _KnownAtom(slot.known or "", True)
            return _Bool(_and(known, _cmp("eq", _I("f", slot.name), _ONE)),
                         _and(known, _cmp("eq", _I("f", slot.name), _ZERO)),
                         _neg(known), FALSE)
        if isinstance(node, Const) and isinstance(node.value, bool):
            return _Bool(TRUE if node.value else FALSE, FALSE if node.value else TRUE,
                         FALSE, FALSE)
        raise _Unsupported(f"{type(node).__name__} used as a condition")

    def _compare(self, node: Compare) -> _Bool:
        x, y = self.operand(node.left), self.operand(node.right)
        op = _OPS[node.op]
        unknown = _or(x.unknown, y.unknown)
        if isinstance(x, _Str) or isinstance(y, _Str):
            if not (isinstance(x, _Str) and isinstance(y, _Str)) or op not in ("eq", "ne"):
                raise _Unsupported("text compared with a number, or ordered")
            known = _neg(unknown)
            return _Bool(_and(known, _cmp(op, x.expr, y.expr)),
                         _and(known, _cmp(_NEGATE[op], x.expr, y.expr)), unknown, FALSE)
        if x.kind != y.kind:
            raise _Unsupported("a date compared with a number")
        undefined = _and(_neg(unknown), _or(x.undefined, y.undefined))
        ok = _and(_neg(unknown), _neg(x.undefined), _neg(y.undefined))
        holds, fails = self._ordered(op, x, y)
        return _Bool(_and(ok, holds), _and(ok, fails), unknown, undefined)

    def _ordered(self, op: str, x: _Num, y: _Num) -> tuple[Any, Any]:
        """``x op y`` and its negation, as integer comparisons (x, y defined)."""
        s = max(x.scale, y.scale)
        a = _mul(x.num, _c(10 ** (s - x.scale)))
        c = _mul(y.num, _c(10 ** (s - y.scale)))
        if x.den is None and y.den is None:
            return _cmp(op, a, c), _cmp(_NEGATE[op], a, c)
        left, right = _mul(a, y.den or _ONE), _mul(c, x.den or _ONE)
        den = _opt_mul(x.den, y.den)
        assert den is not None
        lo, hi = _interval(den, self.layout.intervals())
        positive = (_cmp(op, left, right), _cmp(_NEGATE[op], left, right))
        negative = (_cmp(_MIRROR[op], left, right), _cmp(_NEGATE[_MIRROR[op]], left, right))
        if lo is not None and lo >= 0:       # a defined denominator is never 0
            return positive
        if hi is not None and hi <= 0:
            return negative
        pos, neg = _cmp("gt", den, _ZERO), _cmp("lt", den, _ZERO)
        return (_or(_and(pos, positive[0]), _and(neg, negative[0])),
                _or(_and(pos, positive[1]), _and(neg, negative[1])))

    def _isin(self, node: IsIn) -> _Bool:
        value = self.operand(node.item)
        equal: list[Any] = []
        for item in node.values:
            item = getattr(item, "value", item) if isinstance(item, Enum) else item
            if isinstance(value, _Str):
                if isinstance(item, str):
                    equal.append(_cmp("eq", value.expr, _c(item)))
                continue
            if isinstance(item, str) or (value.kind == "date") != isinstance(item, dt.date):
                continue
            const = self._constant(item)
            assert isinstance(const, _Num)
            equal.append(self._ordered("eq", value, const)[0])
        unknown = value.unknown
        undefined = value.undefined if isinstance(value, _Num) else FALSE
        inside = _or(*equal)
        listed = _and(_neg(unknown), _neg(undefined), inside)
        if node.open:   # an open list (…等): an unlisted value is unknown, not excluded
            return _Bool(listed, FALSE, _neg(listed), FALSE)
        return _Bool(listed, _and(_neg(unknown), _or(undefined, _neg(inside))), unknown, FALSE)


# ── outcomes ──────────────────────────────────────────────────────────────────────────
_REASONS: dict[str, tuple[Status, Text]] = {
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

_STAGE_APPLIES, _STAGE_NONE, _STAGE_FULL = "applies", "none", "full"


def _rule_outcomes(c: _ExprCompiler, rule: Rule) -> list[tuple[str, Any]]:
    applies = c.boolean(rule.applies) if rule.applies is not None else _Bool(TRUE, FALSE,
                                                                              FALSE, FALSE)
    out: list[tuple[str, Any]] = [("AN", applies.n), ("ANA", _or(applies.f, applies.d))]
    check = rule.requires if rule.requires is not None else rule.forbids
    if check is None:
        return [*out, ("NOCHK", applies.t)]
    v = c.boolean(check)
    out += [("VN", _and(applies.t, v.n)), ("VD", _and(applies.t, v.d))]
    if rule.kind is Modality.PERMISSION:
        t_code, f_code = "PT", "PF"
    elif rule.requires is not None:
        t_code, f_code = "SAT", "VIO"
    else:
        t_code, f_code = "VIO", "SAT"
    return [*out, (t_code, _and(applies.t, v.t)), (f_code, _and(applies.t, v.f))]


def _decision_outcomes(c: _ExprCompiler, rule: Decision) -> list[tuple[str, Any]]:
    applies = c.boolean(rule.applies) if rule.applies is not None else _Bool(TRUE, FALSE,
                                                                              FALSE, FALSE)
    out: list[tuple[str, Any]] = [("AN", applies.n), ("ANA", _or(applies.f, applies.d))]
    cases = [c.boolean(case.when) for case in rule.cases]
    actual = c.operand(rule.actual) if rule.actual is not None else None
    if actual is not None and not isinstance(actual, _Str):
        raise _Unsupported("a decision's actual route must be text")
    for i, (case, outcome) in enumerate(zip(cases, rule.cases, strict=True)):
        chosen = _and(applies.t, case.t)
        for j in range(i + 1, len(cases)):
            out.append((f"X{i}_{j}", _and(chosen, cases[j].t)))
        if actual is None:
            out.append((f"C{i}U", chosen))
            continue
        known = _neg(actual.unknown)
        out += [(f"C{i}N", _and(chosen, actual.unknown)),
                (f"C{i}S", _and(chosen, known, _cmp("eq", actual.expr,
                                                    _c(outcome.outcome.code)))),
                (f"C{i}V", _and(chosen, known, _cmp("ne", actual.expr,
                                                    _c(outcome.outcome.code))))]
    none_chosen = _and(applies.t, *(_neg(case.t) for case in cases))
    out += [("DN", _and(none_chosen, _or(*(case.n for case in cases)))),
            ("DI", _and(applies.t, *(_or(case.f, case.d) for case in cases)))]
    return out


def _stage(code: str) -> str:
    if code in ("AN", "ANA"):
        return _STAGE_APPLIES
    if code == "NOCHK":
        return _STAGE_NONE
    return _STAGE_FULL


_PENDING: Any = object()
_TRACE = Finding.__dict__["trace"]


class DurableFinding(Finding):
    """A finding decided by durable_rules; its trace (the explanation's steps) is computed
    by the reference evaluator for the matched record when first read."""

    __slots__ = ("_source",)

    @property
    def trace(self) -> tuple[tuple[Expr, Any, Any, Any], ...]:
        value = _TRACE.__get__(self, Finding)
        if value is _PENDING:
            compiled, record, as_of, stage = object.__getattribute__(self, "_source")
            value = _reference_trace(compiled, record, as_of, stage)
            _TRACE.__set__(self, value)
        return value  # type: ignore[no-any-return]

    @trace.setter
    def trace(self, value: tuple[tuple[Expr, Any, Any, Any], ...]) -> None:
        _TRACE.__set__(self, value)


def _reference_trace(compiled: _CompiledRule, record: Any, as_of: dt.date,
                     stage: str) -> tuple[tuple[Expr, Any, Any, Any], ...]:
    if stage == _STAGE_NONE:
        return ()
    env = Env(as_of)
    if compiled.applies is not None:
        compiled.applies(record, env)
    if stage == _STAGE_FULL:
        if isinstance(compiled.rule, Decision):
            for case in compiled.cases:
                case(record, env)
        else:
            checks = compiled.requires or compiled.forbids
            if checks is not None:
                checks(record, env)
    return tuple(env.trace)


_new = object.__new__
_SET_RULE = Finding.__dict__["rule"].__set__
_SET_RECORD = Finding.__dict__["record"].__set__
_SET_STATUS = Finding.__dict__["status"].__set__
_SET_REASON = Finding.__dict__["reason"].__set__
_SET_TRACE = _TRACE.__set__
_SET_DECISION = Finding.__dict__["decision"].__set__
_SET_FORCE = Finding.__dict__["force"].__set__
_SET_WHAT_IF = Finding.__dict__["what_if"].__set__
_SET_SOURCE = DurableFinding.__dict__["_source"].__set__


def _make_finding(rule: AnyRule, ref: str, status: Status, reason: Text, decision: Any,
                  source: tuple[Any, ...]) -> DurableFinding:
    finding: DurableFinding = _new(DurableFinding)
    _SET_RULE(finding, rule)
    _SET_RECORD(finding, ref)
    _SET_STATUS(finding, status)
    _SET_REASON(finding, reason)
    _SET_TRACE(finding, _PENDING)
    _SET_DECISION(finding, decision)
    _SET_FORCE(finding, None)
    _SET_WHAT_IF(finding, False)
    _SET_SOURCE(finding, source)
    return finding


def _outcome(rule: AnyRule, code: str, record: Any) -> tuple[Status, Text, Any]:
    """Status, reason and decision of an outcome code (as the reference evaluator words it)."""
    if code in _REASONS:
        status, reason = _REASONS[code]
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
    actual = _resolve(record, rule.actual.path)
    taken = getattr(actual, "value", actual)
    return Status.VIOLATED, Text(f"应适用：{outcome.text.zh}；实际为 {taken}",
                                 f"applicable: {outcome.text.en}; actually taken: {taken}"), outcome


def _specs(rule: AnyRule, codes: list[str]) -> dict[str, tuple[Status, Text, Any, str]]:
    """The outcomes that do not depend on the record (all but a decision's violation)."""
    out: dict[str, tuple[Status, Text, Any, str]] = {}
    for code in codes:
        if code in ("DI",) or code.startswith("X") or (code.startswith("C") and
                                                         code.endswith("V")):
            continue
        status, reason, decision = _outcome(rule, code, None)
        out[code] = (status, reason, decision, _stage(code))
    return out


def _finding(compiled: _CompiledRule, record: Any, ref: str, as_of: dt.date,
             code: str) -> DurableFinding:
    status, reason, decision = _outcome(compiled.rule, code, record)
    return _make_finding(compiled.rule, ref, status, reason, decision,
                         (compiled, record, as_of, _stage(code)))


def _resolve(record: Any, path: tuple[str, ...]) -> Any:
    value = record
    for part in path:
        if value is None:
            return None
        value = value.get(part) if isinstance(value, dict) else getattr(value, part, None)
    return value


# ── the durable host ──────────────────────────────────────────────────────────────────
class _Host(_durable.Host):  # type: ignore[misc]
    """A private host whose background dispatch threads are never started: every action
    runs synchronously inside assert/retract, in the caller's thread."""

    def _run(self) -> None:
        return None


@dataclass
class _Context:
    """What the consequences of one session record."""

    table: dict[int, list[str | None]] = field(default_factory=dict)  # rule → code per record
    extra: list[tuple[int, int, str]] = field(default_factory=list)   # a second outcome


@dataclass
class _CompiledSubject:
    subject: str
    rulesets: tuple[str, ...]     # durable fires at most 64 rules per fact: rules in chunks
    layout: _Subject
    rule_indexes: tuple[int, ...]
    projections: tuple[tuple[str, ...] | None, ...] = ()   # the properties each ruleset reads


_SAFE = re.compile(r"[^A-Za-z0-9_]")
_SIDS = itertools.count(1)


def _ruleset_name(policy: Policy, subject: str) -> str:
    return "xq_" + _SAFE.sub("_", f"{policy.name}_{policy.version}_{subject or 'scenario'}_"
                                  f"{uuid.uuid4().hex[:12]}")


class _Sessions:
    """The host of one compiled policy, its rulesets and the live sessions' contexts."""

    def __init__(self) -> None:
        self.host = _Host()
        self.contexts: dict[str, _Context] = {}
        self.orphans: list[BaseException] = []
        self.lock = threading.RLock()

    def action(self, rule_index: int, code: str) -> Callable[[Any], None]:
        contexts, orphans = self.contexts, self.orphans

        def consequence(c: Any) -> None:
            # never let an exception reach durable: it would only be swallowed into the
            # session state; it is recorded here and raised once the session is cleaned up
            try:
                fact = c._m["m"]
                context = contexts[fact["sid"]]
                row, index = context.table[rule_index], fact["id"]
                current = row[index]
                if current is None:
                    row[index] = code
                elif current != code:   # a repeated code: durable fires once per $or branch
                    context.extra.append((rule_index, index, code))
            except BaseException as exc:
                orphans.append(exc)
        return consequence

    def run(self, ruleset: str, sid: str, facts: list[dict[str, Any]],
            context: _Context) -> _Context:
        """Assert the facts in a fresh session, collect what fired, retract, delete."""
        with self.lock:
            self.contexts[sid] = context
            asserted = False
            failed = False
            try:
                try:
                    self.host.assert_facts(ruleset, facts)
                    asserted = True
                except _durable.MessageNotHandledException:
                    asserted = True   # no rule matched: the missing outcomes are caught later
                except Exception as exc:
                    failed = True
                    raise DurableEngineError(f"durable_rules 执行失败：{exc}",
                                             f"durable_rules failed: {exc}") from exc
                state = self.host.get_state(ruleset, sid)
                if "exception" in state:
                    raise DurableEngineError(f"durable_rules 规则后件出错：{state['exception']}",
                                             f"a consequence failed: {state['exception']}")
                if self.orphans:
                    error = self.orphans[0]
                    self.orphans.clear()
                    raise DurableEngineError(f"durable_rules 规则后件出错：{error!r}",
                                             f"a consequence failed: {error!r}") from error
            finally:
                self.contexts.pop(sid, None)
                if asserted and not failed:
                    # durable identifies a fact by its session and id: retracting those
                    # removes it (checked: no rule fires again, nothing is left behind)
                    self.host.retract_facts(ruleset, [{"sid": sid, "id": fact["id"]}
                                                      for fact in facts])
                    self.host.delete_state(ruleset, sid)
        return context


# ── the compiled policy ───────────────────────────────────────────────────────────────
class DurablePolicy:
    """One policy version compiled to durable_rules rulesets, on a private host.

    ``fallback`` maps the ids of rules this backend cannot translate to the reason; those
    rules are evaluated by the reference evaluator (``strict=True`` refuses them instead).
    """

    def __init__(self, policy: Policy, *, strict: bool = False) -> None:
        self.policy = policy
        self.sessions = _Sessions()
        self.fallback: dict[str, str] = {}
        self.reference = compiled_rules(policy)
        self.subjects: dict[str, _CompiledSubject] = {}
        self._specs: dict[int, dict[str, tuple[Status, Text, Any, str]]] = {}
        self._decisions = any(isinstance(rule, Decision) for rule in policy.rules)
        self._exceptions = any(rule.exception_to is not None for rule in policy.rules)
        definitions: dict[str, dict[str, Any]] = {}
        for subject in dict.fromkeys(rule.subject for rule in policy.rules):
            layout = _Subject(subject, policy.facts_model)
            compiler = _ExprCompiler(layout)
            # (matches at most, durable rules, fact properties read)
            chunks: list[tuple[int, dict[str, Any], set[str]]] = []
            indexes: list[int] = []
            for index, rule in enumerate(policy.rules):
                if rule.subject != subject:
                    continue
                try:
                    outcomes = (_decision_outcomes(compiler, rule) if isinstance(rule, Decision)
                                else _rule_outcomes(compiler, rule))
                except _Unsupported as exc:
                    if strict:
                        raise DurableEngineError(
                            f"规则 {rule.id} 无法编译为 durable_rules：{exc}",
                            f"rule {rule.id} cannot be compiled to durable_rules: {exc}",
                            field=rule.id) from exc
                    self.fallback[rule.id] = str(exc)
                    continue
                indexes.append(index)
                self._specs[index] = _specs(rule, [code for code, _ in outcomes])
                durable_rules: dict[str, Any] = {}
                matches: list[int] = []
                for code, condition in outcomes:
                    if condition == FALSE:
                        continue
                    self._register_checks(layout, condition, rule.id)
                    spelled = _durable_cond(condition)
                    layout.uses_zero = layout.uses_zero or '"z"' in json.dumps(spelled)
                    durable_rules[f"r{index}_{code}"] = {
                        "all": [{"m": spelled}],
                        "run": self.sessions.action(index, code)}
                    matches.append(_branches(condition))
                # a rule's outcomes exclude each other (a decision's may overlap: conflicts)
                weight = sum(matches) if isinstance(rule, Decision) else max(matches, default=0)
                props = set().union(*(_properties(c) for _, c in outcomes))
                if weight > MAX_MATCHES_PER_FACT or len(props) > MAX_PROPERTIES_PER_FACT:
                    reason = (f"too large for durable_rules: a fact could match {weight} rules "
                              f"and needs {len(props)} properties")
                    if strict:
                        raise DurableEngineError(
                            f"规则 {rule.id} 超出 durable_rules 的限制：{reason}",
                            f"rule {rule.id} exceeds durable_rules' limits: {reason}",
                            field=rule.id)
                    self.fallback[rule.id] = reason
                    indexes.remove(index)
                    del self._specs[index]
                    continue
                if chunks and (chunks[-1][0] + weight <= MAX_MATCHES_PER_FACT
                               and len(chunks[-1][2] | props) <= MAX_PROPERTIES_PER_FACT):
                    last = chunks[-1]
                    chunks[-1] = (last[0] + weight, {**last[1], **durable_rules}, last[2] | props)
                elif durable_rules:
                    chunks.append((weight, durable_rules, props))
            if not chunks:
                continue
            names, projections = [], []
            for _, durable_rules, props in chunks:
                name = _ruleset_name(policy, subject)
                definitions[name] = durable_rules
                names.append(name)
                projections.append(None if len(chunks) == 1 else
                                   ("sid", "id", *sorted(props | {"z"} if layout.uses_zero
                                                         else props)))
            self.subjects[subject] = _CompiledSubject(subject, tuple(names), layout,
                                                      tuple(indexes), tuple(projections))
        if definitions:
            self.sessions.host.register_rulesets(definitions)
        self._correlation: _Correlation | None = None

    @property
    def ruleset_names(self) -> tuple[str, ...]:
        return tuple(name for s in self.subjects.values() for name in s.rulesets)

    @staticmethod
    def _register_checks(layout: _Subject, condition: Any, what: str) -> None:
        intervals = layout.intervals()
        text = {slot.name for slot in layout.slots.values() if slot.kind == "str"}
        for atom in _atoms(condition):
            nodes = [*_nodes(atom.left), *_nodes(atom.right)]
            if any(isinstance(n.a, str) and (n.op == "c" or n.a in text) for n in nodes
                   if n.op in "cf"):
                continue
            for side in (atom.left, atom.right, _sub(atom.right, atom.left)):
                if not all(_within_limit(_interval(n, intervals)) for n in _nodes(side)):
                    entry = (side, what)
                    if entry not in layout.checks:
                        layout.checks.append(entry)
                        layout._encoder = None

    # evaluation -----------------------------------------------------------------------
    def _base(self, layout: _Subject, sid: str, as_of: dt.date) -> dict[str, Any]:
        base: dict[str, Any] = {"sid": sid, "z": 0} if layout.uses_zero else {"sid": sid}
        for slot in layout.slots.values():
            if slot.param is not None:
                base[slot.name] = _converter(slot)(_param_value(slot, as_of))
        return base

    def _decide(self, compiled: _CompiledSubject, records: list[tuple[str, Any]],
                as_of: dt.date) -> _Context:
        sid = f"e{next(_SIDS)}"
        base = self._base(compiled.layout, sid, as_of)
        encode = compiled.layout.encoder()
        facts = [encode(record, base, i) for i, (_, record) in enumerate(records)]
        size = len(records)
        context = _Context({index: [None] * size for index in compiled.rule_indexes})
        for ruleset, keys in zip(compiled.rulesets, compiled.projections, strict=True):
            sent = facts if keys is None else [{k: fact[k] for k in keys if k in fact}
                                               for fact in facts]
            self.sessions.run(ruleset, sid, sent, context)
        return context

    def evaluate(self, facts: Facts | Mapping[str, Any],
                 as_of: dt.date | None = None, *, what_if: bool = False) -> Evaluation:
        """Like :func:`xuequ_rules.evaluate`, with the rules decided by durable_rules."""
        scenario = facts_for(self.policy, facts)
        date = as_of or dt.date.today()
        policy = self.policy
        periods = [_period_finding(rule, policy, date) for rule in policy.rules]
        findings: list[Finding] = []
        applicable: dict[tuple[str, str], bool] = {}
        decided: dict[str, tuple[list[tuple[str, Any]], _Context]] = {}
        judged: dict[str, Any] = {}   # record reference → record, for the policy's force
        for subject, compiled in self.subjects.items():
            if all(periods[i] is not None for i in compiled.rule_indexes):
                continue
            records = _records(scenario, subject)
            decided[subject] = (records, self._decide(compiled, records, date)
                                if records else _Context())
        for index, (compiled_ref, period) in enumerate(zip(self.reference, periods,
                                                           strict=True)):
            rule = compiled_ref.rule
            if period is not None:
                findings.append(period)
                continue
            if rule.id in self.fallback:
                findings.extend(_evaluate_rule(compiled_ref, scenario, date, applicable, judged))
                continue
            records, context = decided[rule.subject]
            judged.update(records)
            if not records:
                findings.append(Finding(rule, f"{rule.subject}[]", Status.UNDETERMINED,
                                        Text(f"未提供“{rule.subject}”方面的事实",
                                             f"no facts given about {rule.subject}")))
                continue
            row = context.table[index]
            more: dict[int, list[str]] = {}
            for rule_index, record_index, extra_code in context.extra:
                if rule_index == index:
                    more.setdefault(record_index, [row[record_index] or ""]).append(extra_code)
            specs = self._specs[index]
            rule_id = rule.id
            track = self._exceptions
            append = findings.append
            for record_index, (ref, record) in enumerate(records):
                code = row[record_index]
                spec = specs.get(code) if code is not None and record_index not in more \
                    else None
                if spec is None:
                    codes = more.get(record_index) or ([] if code is None else [code])
                    finding = self._one(compiled_ref, record, ref, date, codes)
                    append(finding)
                    if _stage(codes[0]) != _STAGE_APPLIES:
                        applicable[(rule_id, ref)] = True
                    continue
                status, reason, decision, stage = spec
                append(_make_finding(rule, ref, status, reason, decision,
                                     (compiled_ref, record, date, stage)))
                if track and stage != _STAGE_APPLIES:
                    applicable[(rule_id, ref)] = True
        findings = _apply_exceptions(policy, findings, applicable)
        if self._decisions:
            _check_conflicts(findings)
        findings = apply_lifecycle(policy, findings, judged, date, what_if)
        return Evaluation(policy, date, tuple(findings), what_if)

    @staticmethod
    def _one(compiled: _CompiledRule, record: Any, ref: str, as_of: dt.date,
             codes: list[str]) -> Finding:
        rule = compiled.rule
        where = ref or "本情形"
        where_en = ref or "the scenario"
        conflicts = [c for c in codes if c.startswith("X")]
        if conflicts:
            count = sum(1 for c in codes if c.startswith("C") and c[-1] in "UNSV")
            raise RuleConflictError(
                f"决策规则 {rule.id} 对 {where} 有 {count} 个情形同时成立",
                f"decision {rule.id}: {count} cases hold at once for {where_en}",
                field=rule.id)
        if codes == ["DI"]:
            raise RuleConflictError(
                f"决策规则 {rule.id} 对 {where} 没有任何情形成立（决策表不完整）",
                f"decision {rule.id}: no case holds for {where_en} (incomplete table)",
                field=rule.id)
        if len(codes) != 1:
            raise DurableEngineError(
                f"规则 {rule.id} 对 {where} 的 durable 结果数为 {len(codes)}（应为 1）：{codes}",
                f"rule {rule.id}: {len(codes)} durable outcomes for {where_en} (expected 1): "
                f"{codes}", field=rule.id)
        return _finding(compiled, record, ref, as_of, codes[0])

    # streaming ------------------------------------------------------------------------
    def stream(self, records: Iterable[Any], as_of: dt.date | None = None, *,
               correlate: bool = True) -> Iterator[Finding]:
        """See :func:`stream_findings`."""
        return stream_findings(self, records, as_of=as_of, correlate=correlate)

    def correlation(self) -> _Correlation:
        if self._correlation is None:
            self._correlation = _Correlation(self.sessions, self.policy)
        return self._correlation


def _param_value(slot: _Slot, as_of: dt.date) -> Any:
    assert slot.param is not None
    return slot.param.value_at(as_of)


def _records(facts: Facts, subject: str) -> list[tuple[str, Any]]:
    if not subject:
        return [("", facts)]
    return [(f"{subject}[{record.id}]", record) for record in getattr(facts, subject)]


_COMPILED: dict[int, tuple[Policy, DurablePolicy]] = {}


def compile_policy(policy: Policy, *, strict: bool = False) -> DurablePolicy:
    """Compile a policy version to durable_rules (cached per policy object)."""
    cached = _COMPILED.get(id(policy))
    if cached is not None and cached[0] is policy and not strict:
        return cached[1]
    compiled = DurablePolicy(policy, strict=strict)
    if not strict:
        _COMPILED[id(policy)] = (policy, compiled)
    return compiled


def evaluate(policy: Policy | DurablePolicy, facts: Facts | Mapping[str, Any],
             as_of: dt.date | None = None, *, what_if: bool = False) -> Evaluation:
    """Evaluate a policy with durable_rules; the same findings as the reference evaluator."""
    compiled = policy if isinstance(policy, DurablePolicy) else compile_policy(policy)
    return compiled.evaluate(facts, as_of, what_if=what_if)


# ── streams and the correlating rule over time ────────────────────────────────────────
_ACTION_TAKEN = (AccountabilityAction.ROTATED.value, AccountabilityAction.DEMOTED.value)

TWO_YEAR_DECLINE = Rule(
    id="stream.assessment.two_year_decline",
    title=Text("考核连续两年下滑的学校，其校长应轮岗交流或降级处理",
               "A school whose assessment declined two years running has its principal "
               "rotated or demoted"),
    kind=Modality.OBLIGATION,
    party=Text("县（区）教育行政部门", "county (district) education authority"),
    subject="assessments",
    applies=f.consecutive_declines >= 2,
    requires=f.action.isin(_ACTION_TAKEN),
    concept="principal.accountability_after_two_declines",
    cites=(Cite("二/(五)/13", "对教学质量、管理水平连续两年下滑的核心校和成员校校长进行轮岗交流或降级处理"),),
    note=Text("由逐年考核记录的“较上年下滑”推出连续下滑年数（durable_rules 跨记录关联），"
              "再按本规则判定；参见资阳的同类规定。",
              "The consecutive declines are derived from the yearly 'declined' records (a "
              "durable_rules join across records), then judged by this rule; compare Ziyang's "
              "provision."),
)
"""The correlating rule of :func:`stream_findings`, judged on the second declining year's
record as if its ``consecutive_declines`` were 2; cited to Ziyang's clause (where the
provision comes from); it mirrors Ziyang's ``ziyang.assessment.decline_consequence``."""

_PAIR_REASONS = {
    "PS": Status.SATISFIED, "PV": Status.VIOLATED, "PU": Status.UNDETERMINED,
    "QU": Status.UNDETERMINED, "RU": Status.UNDETERMINED,
}


class _Correlation:
    """A ruleset joining yearly assessments of the same school across consecutive years."""

    def __init__(self, sessions: _Sessions, policy: Policy | None) -> None:
        self.sessions = sessions
        self.name = "xq_" + _SAFE.sub("_", f"{policy.name if policy else 'stream'}_"
                                           f"{policy.version if policy else ''}_history_"
                                           f"{uuid.uuid4().hex[:12]}")
        self.contexts: dict[str, list[tuple[str, Any, Any]]] = {}
        known_pair = [{"ks": 1}, {"ky": 1}, {"school": {"a": "school"}},
                      {"year": {"$add": {"$l": {"a": "year"}, "$r": 1}}}]
        declined = {"$and": [{"kd": 1}, {"d": 1}]}
        maybe = {"$or": [{"kd": 0}, {"d": 1}]}
        first_known = {"$and": [{"ks": 1}, {"ky": 1}, {"kd": 1}, {"d": 1}]}
        first_unknown = {"$and": [{"ks": 1}, {"ky": 1}, {"kd": 0}]}
        taken = {"$or": [{"act": v} for v in _ACTION_TAKEN]}
        rules: dict[str, Any] = {
            "PS": [first_known, {"$and": [*known_pair, declined, {"ka": 1}, taken]}],
            "PV": [first_known, {"$and": [*known_pair, declined, {"ka": 1},
                                          *({"$neq": {"act": v}} for v in _ACTION_TAKEN)]}],
            "PU": [first_known, {"$and": [*known_pair, declined, {"ka": 0}]}],
            "QU": [first_unknown, {"$and": [*known_pair, maybe]}],
            "RU": [first_known, {"$and": [*known_pair, {"kd": 0}]}],
        }
        definition = {code: {"all": [{"a": first}, {"b": second}], "run": self._action(code)}
                      for code, (first, second) in rules.items()}
        # every fact must match something, or durable refuses it: a catch-all
        definition["SEEN"] = {"all": [{"m": {"z": 0}}], "run": lambda c: None}
        sessions.host.register_rulesets({self.name: definition})

    def _action(self, code: str) -> Callable[[Any], None]:
        contexts, orphans = self.contexts, self.sessions.orphans

        def consequence(c: Any) -> None:
            try:
                message = c._m
                first, second = message["a"], message["b"]
                contexts[second["sid"]].append((code, first["id"], second["id"]))
            except BaseException as exc:
                orphans.append(exc)
        return consequence


def _assessment_fact(record: SchoolAssessment, sid: str) -> dict[str, Any]:
    def flag(value: Any) -> int:
        return 0 if value is None else 1
    return {"sid": sid, "id": record.id, "z": 0,
            "school": record.school or "", "ks": flag(record.school),
            "year": record.year or 0, "ky": flag(record.year),
            "d": 1 if record.declined else 0, "kd": flag(record.declined),
            "act": record.action.value if record.action is not None else "",
            "ka": flag(record.action)}


def _pair_finding(code: str, first: SchoolAssessment, second: SchoolAssessment,
                  as_of: dt.date) -> Finding:
    ref = f"assessments[{second.id}]"
    years = f"{first.year}、{second.year}"
    if code in ("QU", "RU"):
        reason = Text(f"{second.school} {years} 学年是否连续下滑无法判定（缺少“较上年下滑”事实）",
                      f"{second.school}: whether it declined in both {first.year} and "
                      f"{second.year} is unknown (the 'declined' fact is missing)")
        derived = second.model_copy(update={"consecutive_declines": None})
    else:
        head_zh = f"{second.school} {years} 学年考核连续两年下滑"
        head_en = f"{second.school} declined in {first.year} and {second.year}"
        if code == "PS":
            reason = Text(f"{head_zh}，已对校长{_ACTION_ZH[second.action]}，符合要求",
                          f"{head_en}; the principal was {second.action}; requirement met")
        elif code == "PV":
            reason = Text(f"{head_zh}，未对校长轮岗交流或降级处理，不符合要求",
                          f"{head_en}; the principal was neither rotated nor demoted; "
                          "requirement not met")
        else:
            reason = Text(f"{head_zh}，未提供对校长的处理，无法判定",
                          f"{head_en}; the action on the principal is not given")
        derived = second.model_copy(update={"consecutive_declines": 2})
    stage = _STAGE_APPLIES if code in ("QU", "RU") else _STAGE_FULL
    return _make_finding(TWO_YEAR_DECLINE, ref, _PAIR_REASONS[code], reason, None,
                         (_two_year_compiled(), derived, as_of, stage))


_ACTION_ZH: dict[Any, str] = {AccountabilityAction.ROTATED: "轮岗交流",
                              AccountabilityAction.DEMOTED: "降级处理", None: "（缺失）",
                              AccountabilityAction.NONE: "未处理"}
_TWO_YEAR: list[_CompiledRule] = []


def _two_year_compiled() -> _CompiledRule:
    if not _TWO_YEAR:
        from xuequ_rules.evaluation.compiler import compile_expr
        assert TWO_YEAR_DECLINE.applies is not None and TWO_YEAR_DECLINE.requires is not None
        _TWO_YEAR.append(_CompiledRule(TWO_YEAR_DECLINE, compile_expr(TWO_YEAR_DECLINE.applies),
                                       compile_expr(TWO_YEAR_DECLINE.requires), None, (), None))
    return _TWO_YEAR[0]


def _arriving(item: Any, schema: type[Facts]) -> tuple[str, Any]:
    """A streamed item: a record model, or ``(collection, mapping)``; validated against the
    policy's fact schema ``schema``."""
    collections = collections_of(schema)
    owner: dict[type[BaseModel], str] = {model: name for name, model in collections.items()}
    if isinstance(item, BaseModel) and type(item) in owner:
        return owner[type(item)], item
    if isinstance(item, tuple) and len(item) == 2 and item[0] in collections:
        collection, data = item
        model = collections[collection]
        if isinstance(data, model):
            return collection, data
        try:
            return collection, model.model_validate(dict(data))
        except ValidationError as exc:
            raise facts_error(exc, collection) from None
    raise FactsError("流式记录应为事实记录模型，或 (集合名, 字段映射)",
                     "a streamed record must be a fact record model or (collection, mapping)")


def stream_findings(policy: Policy | DurablePolicy | None, records: Iterable[Any], *,
                    as_of: dt.date | None = None, correlate: bool = True) -> Iterator[Finding]:
    """Yield findings as records arrive one by one (e.g. yearly school assessments).

    Each record is judged by the policy's rules over its collection as soon as it arrives
    (asserted in durable, then retracted). With ``correlate``, every school assessment
    also stays in a durable session joining consecutive years of the same school: when two
    consecutive yearly assessments both declined, a finding of :data:`TWO_YEAR_DECLINE` is
    yielded at once for the second year's record (in whatever order the years arrive),
    satisfied when its principal was rotated or demoted, violated when not, undetermined
    when the action — or whether a year declined — is missing. The session is cleaned up
    when the stream ends or is closed.
    """
    compiled = None
    if policy is not None:
        compiled = policy if isinstance(policy, DurablePolicy) else compile_policy(policy)
        sessions = compiled.sessions
    else:
        sessions = _stream_sessions()
    date = as_of or dt.date.today()
    correlation = (compiled.correlation() if compiled is not None else
                   _default_correlation()) if correlate else None
    sid = f"s{next(_SIDS)}"
    hits: list[tuple[str, Any, Any]] = []
    seen: dict[str, SchoolAssessment] = {}
    asserted: list[dict[str, Any]] = []
    announced: set[str] = set()
    if correlation is not None:
        correlation.contexts[sid] = hits
    try:
        for item in records:
            collection, record = _arriving(
                item, compiled.policy.facts_model if compiled is not None else Facts)
            if compiled is not None:
                yield from _judge_one(compiled, collection, record, date, announced)
            if correlation is None or collection != "assessments":
                continue
            if record.id in seen:
                raise FactsError(f"assessments 中标识重复：{record.id}",
                                 f"duplicate id in assessments: {record.id}", field=record.id)
            seen[record.id] = record
            fact = _assessment_fact(record, sid)
            with sessions.lock:
                try:
                    sessions.host.assert_fact(correlation.name, fact)
                except Exception as exc:
                    raise DurableEngineError(f"durable_rules 执行失败：{exc}",
                                             f"durable_rules failed: {exc}") from exc
                asserted.append(fact)
            decided, hits[:] = list(dict.fromkeys(hits)), []   # once per pair, even if
            for code, first_id, second_id in decided:            # durable fired twice
                yield _pair_finding(code, seen[first_id], seen[second_id], date)
    finally:
        if correlation is not None:
            correlation.contexts.pop(sid, None)
            if asserted:
                with sessions.lock:
                    sessions.host.retract_facts(correlation.name, asserted)
                    sessions.host.delete_state(correlation.name, sid)


def _judge_one(compiled: DurablePolicy, collection: str, record: Any, date: dt.date,
               announced: set[str]) -> Iterator[Finding]:
    subject = compiled.subjects.get(collection)
    policy = compiled.policy
    findings: list[Finding] = []
    applicable: dict[tuple[str, str], bool] = {}
    ref = f"{collection}[{record.id}]"
    periods = {i: _period_finding(r, policy, date) for i, r in enumerate(policy.rules)
               if r.subject == collection}
    if collection not in announced:
        announced.add(collection)
        findings.extend(p for p in periods.values() if p is not None)
    context = _Context()
    if subject is not None and any(periods[i] is None for i in subject.rule_indexes):
        context = compiled._decide(subject, [(ref, record)], date)
    for index, period in periods.items():
        compiled_ref = compiled.reference[index]
        rule = compiled_ref.rule
        if period is not None:
            continue
        if rule.id in compiled.fallback:
            scenario = policy.facts_model.model_validate({collection: [record]})
            findings.extend(_evaluate_rule(compiled_ref, scenario, date, applicable, {}))
            continue
        row = context.table.get(index, [None])
        codes = [code for i, _, code in [(index, 0, row[0])] if code is not None]
        codes += [code for i, _, code in context.extra if i == index]
        findings.append(compiled._one(compiled_ref, record, ref, date, codes))
        if codes and _stage(codes[0]) != _STAGE_APPLIES:
            applicable[(rule.id, ref)] = True
    findings = _apply_exceptions(policy, findings, applicable)
    _check_conflicts(findings)
    yield from apply_lifecycle(policy, findings, {ref: record}, date, False)


_DEFAULT: list[tuple[_Sessions, _Correlation]] = []


def _stream_sessions() -> _Sessions:
    if not _DEFAULT:
        sessions = _Sessions()
        _DEFAULT.append((sessions, _Correlation(sessions, None)))
    return _DEFAULT[0][0]


def _default_correlation() -> _Correlation:
    _stream_sessions()
    return _DEFAULT[0][1]
