"""The durable fact layout of one collection: which slots a rule reads, and how a record
is encoded as a flat durable fact (values scaled to integers, a known-flag per field)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from xuequ_rules.engines.durable.integers import Interval, IntExpr, eval_int, int_nodes
from xuequ_rules.engines.durable.quotients import Scaled
from xuequ_rules.engines.durable.runtime import DECIMAL_SCALE, EXACT_LIMIT
from xuequ_rules.engines.fractions import Quotient
from xuequ_rules.errors import FactsError
from xuequ_rules.evaluation.compiler import resolve_path as resolve
from xuequ_rules.facts.fields import field_spec
from xuequ_rules.facts.schema import Facts
from xuequ_rules.policy.expr import Field
from xuequ_rules.policy.parameter import Parameter
from xuequ_rules.policy.rule import ATTESTATIONS

if TYPE_CHECKING:
    from xuequ_rules.engines.durable.sequences import Sequence


class Untranslatable(Exception):
    """A construct this backend does not translate; the rule falls back to the reference."""


@dataclass(frozen=True, slots=True)
class Num:
    """A number: an exact quotient of scaled integer expressions; unknown / undefined when
    those hold."""

    value: Quotient[Scaled]
    unknown: Any
    undefined: Any
    kind: str = "num"   # num | date


@dataclass(frozen=True, slots=True)
class Str:
    expr: IntExpr
    unknown: Any


@dataclass(frozen=True, slots=True)
class Truth:
    """The four mutually exclusive conditions of a three-valued (plus undefined) node."""

    t: Any
    f: Any
    n: Any
    d: Any


@dataclass(frozen=True, slots=True)
class Slot:
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
        raise Untranslatable(f"unknown field {name}")
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


def decimal_scale(value: Decimal) -> int:
    exponent = value.normalize().as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 0


class Layout:
    """The durable fact layout of one collection: which slots, how to encode a record."""

    def __init__(self, subject: str, schema: type[Facts]) -> None:
        self.subject = subject
        self.schema = schema
        self.slots: dict[tuple[Any, ...], Slot] = {}
        self.checks: list[tuple[IntExpr, str]] = []     # integer expressions checked per fact
        self.uses_zero = False                      # a condition reads the constant z = 0
        self.sequences: dict[tuple[object, ...], Sequence] = {}   # by the node's key
        self._encoder: Callable[[Any, Mapping[str, Any], int], dict[str, Any]] | None = None

    # layout ---------------------------------------------------------------------------
    def field_slot(self, node: Field, length: bool = False) -> Slot:
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
                raise Untranslatable(f"scenario field {node.dotted}")
        else:
            if len(path) != 1:
                raise Untranslatable(f"nested field {node.dotted}")
            kind, ge, le = _model_field_kind(self.schema, self.subject, path[0])
        if length:
            if kind != "list":
                raise Untranslatable(f"length of non-list field {node.dotted}")
            kind, ge, le = "len", Decimal(0), None
        elif kind == "list":
            raise Untranslatable(f"list field {node.dotted} used as a value")
        scale = DECIMAL_SCALE if kind == "dec" else 0
        index = len(self.slots)
        slot = Slot(f"f{index}", f"k{index}", path, kind, scale,
                     _scaled_interval(ge, le, scale) if kind != "str" else (None, None))
        self.slots[key] = slot
        self._encoder = None
        return slot

    def param_slot(self, param: Parameter) -> Slot:
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
            scale = max(decimal_scale(Decimal(v)) for v in values)  # type: ignore[arg-type]
            scaled = [int(Decimal(v).scaleb(scale)) for v in values]  # type: ignore[arg-type]
            interval = (min(scaled), max(scaled))
        else:
            raise Untranslatable(f"parameter {param.id} changes type over time")
        slot = Slot(f"p{len(self.slots)}", None, (), kind, scale, interval, param)
        self.slots[key] = slot
        self._encoder = None
        return slot

    def intervals(self) -> dict[str, Interval]:
        out = {slot.name: slot.interval for slot in self.slots.values()}
        out.update((sequence.slot, (0, 2)) for sequence in self.sequences.values())
        return out

    # encoding -------------------------------------------------------------------------
    def encoder(self) -> Callable[[Any, Mapping[str, Any], int], dict[str, Any]]:
        if self._encoder is None:
            self._encoder = self._build_encoder()
        return self._encoder

    def _build_encoder(self) -> Callable[[Any, Mapping[str, Any], int], dict[str, Any]]:
        """Generate ``encode(record, base, index) -> fact``: one dict display per record."""
        namespace: dict[str, Any] = {"resolve": resolve, "_check": self._check}
        lines = ["def encode(record, base, index):"]
        items = ['**base', '"id": index']
        for j, slot in enumerate(s for s in self.slots.values() if s.param is None):
            if len(slot.path) == 1 and slot.path[0].isidentifier():
                lines.append(f"    v{j} = record.{slot.path[0]}")
            else:
                lines.append(f"    v{j} = resolve(record, {slot.path!r})")
            if slot.kind == "int":
                value = f"v{j}"
            elif slot.kind == "bool":
                value = f"(1 if v{j} else 0)"
            else:
                namespace[f"c{j}"] = converter(slot)
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
            for node in int_nodes(expr):
                if abs(eval_int(node, fact)) > EXACT_LIMIT:
                    subject = self.subject
                    ref = f"{subject}[{getattr(record, 'id', '')}]" if subject else "facts"
                    raise FactsError(
                        f"{ref}：{what} 的整数运算超出 2**53，durable_rules 无法精确比较",
                        f"{ref}: integer arithmetic for {what} exceeds 2**53; durable_rules "
                        "cannot compare it exactly", field=what)


def converter(slot: Slot) -> Callable[[Any], Any]:
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


