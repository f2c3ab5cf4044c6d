"""Conditions in negation normal form, and their spelling as durable_rules conditions."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from xuequ_rules.engines.durable.integers import IntExpr, durable_value, int_nodes, sub
from xuequ_rules.policy.expr import CompareOp
from xuequ_rules.policy.operators import COMPARE_FUNCTIONS, MIRRORED, NEGATED


@dataclass(frozen=True, slots=True)
class Cmp:
    op: CompareOp
    left: IntExpr
    right: IntExpr


@dataclass(frozen=True, slots=True)
class KnownAtom:
    slot: str      # the k<i> flag
    known: bool


@dataclass(frozen=True, slots=True)
class Junction:
    op: str        # "and" | "or"
    items: tuple[Any, ...]


TRUE: Any = Junction("and", ())
FALSE: Any = Junction("or", ())

_DURABLE_OP = {CompareOp.GE: "$gte", CompareOp.GT: "$gt", CompareOp.LE: "$lte", CompareOp.LT: "$lt",
               CompareOp.NE: "$neq"}


def _junction(op: str, items: Iterable[Any]) -> Any:
    absorbing, neutral = (FALSE, TRUE) if op == "and" else (TRUE, FALSE)
    out: list[Any] = []
    for item in items:
        if item == absorbing:
            return absorbing
        if item == neutral:
            continue
        for part in (item.items if isinstance(item, Junction) and item.op == op else (item,)):
            if part not in out:
                out.append(part)
    atoms = {item for item in out if not isinstance(item, Junction)}
    if any(neg(atom) in atoms for atom in atoms):   # x and not x / x or not x
        return absorbing
    if op == "and" and atoms:   # x and (not x or y)  →  x and y
        simplified = []
        for item in out:
            if isinstance(item, Junction) and item.op == "or":
                item = _junction("or", (i for i in item.items if neg(i) not in atoms)
                                 if all(not isinstance(i, Junction) for i in item.items)
                                 else item.items)
                if item == FALSE:
                    return FALSE
            simplified.append(item)
        out = simplified
    if len(out) == 1:
        return out[0]
    return Junction(op, tuple(out)) if out else neutral


def and_(*items: Any) -> Any:
    return _junction("and", items)


def or_(*items: Any) -> Any:
    return _junction("or", items)


def cmp(op: CompareOp, left: IntExpr, right: IntExpr) -> Any:
    if left.op == "c" and right.op == "c":
        return TRUE if COMPARE_FUNCTIONS[op](left.a, right.a) else FALSE
    return Cmp(op, left, right)


def neg(cond: Any) -> Any:
    if isinstance(cond, Junction):
        return _junction("or" if cond.op == "and" else "and", (neg(i) for i in cond.items))
    if isinstance(cond, KnownAtom):
        return KnownAtom(cond.slot, not cond.known)
    return Cmp(NEGATED[cond.op], cond.left, cond.right)


def durable_condition(cond: Any) -> dict[str, Any]:
    if cond == TRUE:
        return {"z": 0}
    if isinstance(cond, Junction):
        return {f"${cond.op}": [durable_condition(i) for i in cond.items]}
    if isinstance(cond, KnownAtom):
        return {cond.slot: 1 if cond.known else 0}
    op, left, right = cond.op, cond.left, cond.right
    if left.op == "f":
        return _atom(op, left.a, right)
    if right.op == "f":
        return _atom(MIRRORED[op], right.a, left)
    return _atom(op, "z", sub(right, left))   # left op right  ⇔  0 op (right - left)


def _atom(op: CompareOp, slot: str, right: IntExpr) -> dict[str, Any]:
    value = durable_value(right)
    if op == CompareOp.EQ:
        return {slot: value}
    return {_DURABLE_OP[op]: {slot: value}}


def atoms(cond: Any) -> Iterator[Cmp]:
    if isinstance(cond, Junction):
        for item in cond.items:
            yield from atoms(item)
    elif isinstance(cond, Cmp):
        yield cond



def properties(cond: Any) -> set[str]:
    """The fact properties a condition reads."""
    if isinstance(cond, Junction):
        return set().union(*(properties(item) for item in cond.items))
    if isinstance(cond, KnownAtom):
        return {cond.slot}
    return {n.a for side in (cond.left, cond.right) for n in int_nodes(side) if n.op == "f"}


def _exclusive(items: tuple[Any, ...]) -> bool:
    """Equalities of one property with different constants: at most one holds."""
    if not all(isinstance(i, Cmp) and i.op == CompareOp.EQ and i.right.op == "c" for i in items):
        return False
    return len({i.left for i in items}) == 1 and len({i.right for i in items}) == len(items)


def branches(cond: Any) -> int:
    """How many times one fact can match a condition: durable fires once per satisfied
    branch of its disjunctive normal form."""
    if isinstance(cond, Junction):
        if cond.op == "or" and _exclusive(cond.items):
            return 1
        counts = [branches(item) for item in cond.items]
        if cond.op == "or":
            return sum(counts)
        product = 1
        for count in counts:
            product *= count
        return product
    return 1

