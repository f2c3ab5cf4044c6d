"""Conditions over a sequence of records (:class:`~xuequ_rules.policy.expr.Consecutive`).

A record is judged together with the other records of its collection: the evaluation
gives each record's :class:`~xuequ_rules.evaluation.compiler.Env` the collection's
:class:`RecordSequence`, which indexes the records by ``(per, order)`` once per rule.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from xuequ_rules.policy.sequence import Consecutive

# (record, env) -> value; the env is the evaluator's Env (typed loosely to avoid a cycle)
Closure = Callable[[Any, Any], Any]


class RecordSequence:
    """The records of one collection, indexed by a pair of fields on first use."""

    __slots__ = ("_indexes", "records")

    def __init__(self, records: Sequence[Any]) -> None:
        self.records = records
        self._indexes: dict[tuple[int, int], dict[tuple[Any, Any], list[Any]]] = {}

    def at(self, per: Closure, order: Closure, key: Any, position: Any,
           env: Any) -> list[Any]:
        """The records whose ``per`` is ``key`` and whose ``order`` is ``position``."""
        index = self._indexes.get((id(per), id(order)))
        if index is None:
            index = {}
            for record in self.records:
                index.setdefault((per(record, env), order(record, env)), []).append(record)
            self._indexes[(id(per), id(order))] = index
        return index.get((key, position), [])


def kleene_and(values: Sequence[Any]) -> Any:
    """False if any value is false, else unknown (None) if any is unknown, else true."""
    if any(value is False for value in values):
        return False
    return None if any(value is not True for value in values) else True


def consecutive_closure(node: Consecutive, condition: Closure, count: Closure, per: Closure,
                        order: Closure, scratch: Callable[[Any], Any]) -> Closure:
    """``node`` computed on a record; ``scratch(env)`` gives an env whose trace is dropped."""

    def consecutive(record: Any, env: Any) -> Any:
        sequence: RecordSequence | None = env.sequence
        if sequence is None:
            raise TypeError("a condition over consecutive records needs the record's collection")
        key, position, times = per(record, env), order(record, env), count(record, env)
        result: Any
        if key is None or position is None or times is None:
            result = None
        else:
            inner = scratch(env)
            steps = []
            for back in range(int(times)):
                there = sequence.at(per, order, key, position - back, inner)
                steps.append(kleene_and([condition(other, inner) for other in there])
                             if there else False)
            result = kleene_and(steps)
        env.trace.append((node, position, times, result))
        return result
    return consecutive
