"""Scenarios for the behaviour diff: a base record meeting every threshold of both policies,
then varied one field at a time (just below, at and just above each threshold, each named
value plus one unnamed, the field missing)."""

from __future__ import annotations

import datetime as dt
import json
import math
from dataclasses import dataclass
from decimal import Decimal
from enum import Enum
from fractions import Fraction
from typing import Any

from xuequ_rules.evaluation.compiler import UNDEFINED, Env, compile_expr
from xuequ_rules.facts.fields import field_spec
from xuequ_rules.facts.schema import Facts, collections_of
from xuequ_rules.policy.expr import Compare, CompareOp, Const, Expr, Field, IsIn, Known, Length
from xuequ_rules.policy.operators import COMPARE_FUNCTIONS, MIRRORED
from xuequ_rules.policy.parameter import Parameter
from xuequ_rules.policy.rule import AnyRule

#: Upper bound of generated records per collection (keeps the diff fast and bounded).
MAX_RECORDS = 400


@dataclass(frozen=True, slots=True)
class _Kind:
    base: str                 # int | year | decimal | ratio | bool | date | enum | str | list
    enum: tuple[str, ...] | None = None


def field_kind(schema: type[Facts], collection: str, name: str) -> _Kind | None:
    """How the diff varies a field, from the one reading of field types (``facts.fields``)."""
    spec = field_spec(schema, collection, name)
    if spec is None:
        return None
    if spec.kind == "str":
        return _Kind("enum", spec.enum) if spec.enum else _Kind("str")
    if spec.kind == "int":
        return _Kind("year" if spec.ge is not None and spec.ge >= 1000 else "int")
    if spec.kind == "dec":
        return _Kind("ratio" if spec.le == 1 else "decimal")
    if spec.kind in ("bool", "date", "list"):
        return _Kind(spec.kind)
    return None


def _shared_field_kind(left: type[Facts], right: type[Facts], collection: str,
                       name: str) -> _Kind | None:
    """A field both schemas hold alike (a field only one policy's schema has is left out)."""
    kind = field_kind(left, collection, name)
    return kind if kind is not None and kind == field_kind(right, collection, name) else None


def _default(kind: _Kind, as_of: dt.date) -> Any:
    return {"int": 200, "year": as_of.year, "decimal": Decimal(200), "ratio": Decimal("0.5"),
            "bool": True, "date": as_of, "str": "x", "list": ["a", "b", "c"]}.get(
        kind.base, kind.enum[0] if kind.enum else None)


def _to_number(value: Any) -> Fraction | None:
    if isinstance(value, bool) or value is None or value is UNDEFINED:
        return None
    if isinstance(value, int | Decimal | Fraction):
        return Fraction(value)
    return None


def _as_decimal(value: Fraction) -> Decimal:
    if value.denominator == 1:
        return Decimal(value.numerator)
    return (Decimal(value.numerator) / Decimal(value.denominator)).quantize(Decimal("0.000001"))


def _around(kind: _Kind, threshold: Any) -> list[Any]:
    """Just below, at and just above a threshold, in the field's own type."""
    if kind.base == "date" and isinstance(threshold, dt.date):
        day = dt.timedelta(days=1)
        return [threshold - day, threshold, threshold + day]
    number = _to_number(threshold)
    if number is None:
        return []
    if kind.base in ("int", "year"):
        low, high = math.floor(number), math.ceil(number)
        values = sorted({low - 1, low, high, high + 1})
        return [v for v in values if v >= 0]
    if kind.base in ("decimal", "ratio"):
        eps = Fraction(1, 100) if kind.base == "ratio" else Fraction(1)
        return [_as_decimal(v) for v in (number - eps, number, number + eps) if v >= 0]
    return []


def _plausible(current: Any, reference: Any) -> bool:
    """Whether a default is of the order of a positive bound it meets (200 for 学生数 ≥ 50,
    not an age of 200 for 年满6周岁); a bound of 0 says nothing about the order."""
    number = _to_number(current)
    if number is None or not isinstance(reference, Fraction) or reference <= 0:
        return True
    return number <= 4 * reference


def _satisfying(kind: _Kind, op: CompareOp, threshold: Any) -> Any:
    """The value nearest the threshold that meets ``field op threshold``."""
    values = _around(kind, threshold)
    reference = threshold if isinstance(threshold, dt.date) else _to_number(threshold)
    if not values or reference is None:
        return None
    ok = [v for v in values if _holds(op, v, reference)]
    if not ok:
        return None
    return ok[0] if op in (CompareOp.GE, CompareOp.GT, CompareOp.EQ) else ok[-1]


def _holds(op: CompareOp, value: Any, threshold: Any) -> bool:
    left: Any = Fraction(value) if isinstance(value, int | Decimal) else value
    return bool(COMPARE_FUNCTIONS[op](left, threshold))


def _target(node: Expr) -> str | None:
    """The top-level field a comparison side is about (``f.x`` or ``length(f.x)``)."""
    if isinstance(node, Field) and len(node.path) == 1:
        return node.path[0]
    if isinstance(node, Length) and len(node.item.path) == 1:
        return node.item.path[0]
    return None


def _literal(node: Expr) -> Any:
    if isinstance(node, Parameter):
        return node.value_at(None)
    if isinstance(node, Const):
        return node.value
    return None


@dataclass(frozen=True, slots=True)
class _Constraint:
    field: str
    op: CompareOp
    other: Expr
    length: bool


def _constraints(exprs: list[Expr]) -> tuple[list[_Constraint], dict[str, list[Any]],
                                                set[str]]:
    constraints: list[_Constraint] = []
    categorical: dict[str, list[Any]] = {}
    known: set[str] = set()
    for expr in exprs:
        for node in expr.walk():
            if isinstance(node, Compare):
                for side, other, op in ((node.left, node.right, node.op),
                                        (node.right, node.left, MIRRORED[node.op])):
                    name = _target(side)
                    if name is None or any(_target(n) == name for n in other.walk()):
                        continue
                    value = _literal(other)
                    numeric = isinstance(value, int | Decimal | dt.date) and \
                        not isinstance(value, bool)
                    if value is not None and not numeric:
                        categorical.setdefault(name, []).append(value)
                    else:
                        constraints.append(_Constraint(name, op, other,
                                                       isinstance(side, Length)))
                    break
            elif isinstance(node, IsIn):
                name = _target(node.item)
                if name is not None:
                    categorical.setdefault(name, []).extend(node.values)
            elif isinstance(node, Known):
                name = _target(node.item)
                if name is not None:
                    known.add(name)
    return constraints, categorical, known


def _evaluate_other(other: Expr, record: dict[str, Any], as_of: dt.date) -> Any:
    try:
        return compile_expr(other)(record, Env(as_of))
    except (TypeError, ArithmeticError):
        return None


def _threshold(c: _Constraint, kinds: dict[str, _Kind], base: dict[str, Any],
               as_of: dt.date) -> tuple[Any, _Kind | None]:
    """The value a constraint compares its field with on ``base``, and the field's kind
    (None when the field is not varied, or the threshold is unknown or undefined there)."""
    if c.field not in kinds:
        return None, None
    threshold = _evaluate_other(c.other, base, as_of)
    if threshold is None or threshold is UNDEFINED:
        return threshold, None
    return threshold, (_Kind("int") if c.length else kinds[c.field])


def _field_value(kind: _Kind, value: Any, length: bool) -> Any:
    if length and isinstance(value, int):
        return [f"s{i + 1}" for i in range(value)]
    return value


def generate_records(collection: str, rules: list[AnyRule], as_of: dt.date,
                     schemas: tuple[type[Facts], type[Facts]] = (Facts, Facts)
                     ) -> list[tuple[str, dict[str, Any]]]:
    """(varied field, record) pairs for one collection, base record first: the fields the
    rules read that both fact ``schemas`` hold alike."""
    model = collections_of(schemas[0])[collection]
    exprs = [e for r in rules for e in r.expressions()]
    constraints, categorical, known = _constraints(exprs)
    names: list[str] = []
    for expr in exprs:
        for node in expr.walk():
            if isinstance(node, Field) and node.path[0] not in names:
                names.append(node.path[0])
    kinds = {n: k for n in names
             if (k := _shared_field_kind(*schemas, collection, n)) is not None}
    order = [n for n in model.model_fields if n in kinds]
    base: dict[str, Any] = {n: _default(kinds[n], as_of) for n in order}
    for name, values in categorical.items():
        if name in base and values:
            base[name] = _plain(values[0])
    # thresholds of both policies, met at once (lower bounds: the highest; upper: lowest)
    for _ in range(3):
        wanted: dict[str, list[tuple[CompareOp, Any]]] = {}
        for c in constraints:
            threshold, kind = _threshold(c, kinds, base, as_of)
            if kind is None:
                continue
            current = base.get(c.field)
            current = len(current) if c.length and isinstance(current, list) else current
            reference = threshold if isinstance(threshold, dt.date) else _to_number(threshold)
            constant = not any(isinstance(n, Field) for n in c.other.walk())
            if constant and current is not None and reference is not None and \
                    _holds(c.op, current, reference) and _plausible(current, reference):
                continue   # the default already meets a constant bound: keep it typical
            value = _satisfying(kind, c.op, threshold)
            if value is not None:
                wanted.setdefault(c.field, []).append((c.op, value))
        for name, options in wanted.items():
            lows = [v for op, v in options if op in (CompareOp.GE, CompareOp.GT, CompareOp.EQ)]
            highs = [v for op, v in options if op in (CompareOp.LE, CompareOp.LT)]
            length = any(c.length for c in constraints if c.field == name)
            chosen = max(lows) if lows else (min(highs) if highs else None)
            if chosen is not None:
                base[name] = _field_value(kinds[name], chosen, length)
    out: list[tuple[str, dict[str, Any]]] = [("", dict(base))]

    def vary(name: str, value: Any) -> None:
        record = dict(base)
        if value is None:
            record.pop(name, None)
        else:
            record[name] = value
        out.append((name, record))

    for c in constraints:
        threshold, kind = _threshold(c, kinds, base, as_of)
        if kind is None:
            continue
        for value in _around(kind, threshold):
            vary(c.field, _field_value(kinds[c.field], value, c.length))
    for name, values in categorical.items():
        if name not in kinds:
            continue
        plain = [_plain(v) for v in values]
        for value in dict.fromkeys(json.dumps(v, default=str) for v in plain):
            vary(name, json.loads(value) if kinds[name].base != "date" else plain[0])
        outside = _outside(kinds[name], plain)
        if outside is not None:
            vary(name, outside)
    for name in order:
        if name == "id":
            continue
        vary(name, None)
        if name in known and base.get(name) is None:
            vary(name, _default(kinds[name], as_of))
    unique: dict[str, tuple[str, dict[str, Any]]] = {}
    for varied, record in out:
        key = json.dumps(record, default=str, sort_keys=True)
        unique.setdefault(key, (varied, record))
    return list(unique.values())[:MAX_RECORDS]


def _plain(value: Any) -> Any:
    return value.value if isinstance(value, Enum) else value


def _outside(kind: _Kind, values: list[Any]) -> Any:
    if kind.base == "bool":
        present = {bool(v) for v in values}
        missing = [v for v in (True, False) if v not in present]
        return missing[0] if missing else None
    if kind.base == "enum" and kind.enum is not None:
        return next((value for value in kind.enum if value not in values), None)
    if kind.base == "str":
        return "其他 other"
    return None
