"""Conditions over consecutive records (:class:`~xuequ_rules.policy.sequence.Consecutive`)
decided by durable_rules with correlated patterns.

A sequence node of a collection is judged in its own ruleset, before the collection's
rules: every record is asserted twice in one session, first as a *data* fact (``q`` = 0,
every slot of the record) and then, once all data facts are present, as a *probe*
(``q`` = 1, the ``per`` and ``order`` slots). A probe ``m`` is matched together with the
data facts at ``(m.per, m.order - b)`` for ``b`` in ``0 … count-1`` (the record itself is
the data fact at ``b`` = 0), with the three-valued semantics of the reference evaluator:

* *unknown* (code 1) when the probe's ``per`` or ``order`` is missing;
* *false* (code 0) when at some ``b`` no data fact is there (``$not``), or one there fails
  the condition;
* *true* (code 2) when at every ``b`` a data fact is there and none fails to hold;
* *unknown* (code 1) when at every ``b`` a data fact is there, none fails, and one is
  unknown (or undefined: ``x / 0``).

durable_rules evaluates a ``$not`` pattern when the probe arrives and never revisits it,
hence every data fact is asserted before the first probe, and every ``$not`` pattern of a
rule comes before its positive patterns (a ``$not`` after a positive pattern is not
correlated with the probe in durable_rules 2.0.28). The code reaches the collection's rules
as the fact property ``s<i>`` (:meth:`Sequence.truth`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from xuequ_rules.engines.durable.conditions import (
    FALSE,
    TRUE,
    and_,
    cmp,
    durable_condition,
    neg,
    properties,
)
from xuequ_rules.engines.durable.integers import IntExpr, const
from xuequ_rules.engines.durable.layout import Slot, Truth
from xuequ_rules.policy.expr import CompareOp

FALSE_CODE, UNKNOWN_CODE, TRUE_CODE = "0", "1", "2"
MAX_COUNT = 5
"""The longest run decided in durable: durable_rules refuses a fact that more than 64
patterns can match (error 303), and a data fact can match ``2 × count² + 3 × count - 1``
patterns of the rules below (64 for a run of 5); a longer run falls back to the reference
evaluator (``strict=True`` refuses it)."""


@dataclass(frozen=True, slots=True)
class Sequence:
    """One sequence node of a collection: its code slot, its fields and its condition."""

    slot: str          # s<i>: the code (0 false, 1 unknown, 2 true) on the record's fact
    per: Slot
    order: Slot
    count: int
    condition: Truth   # over a data fact's own slots

    def truth(self) -> Truth:
        """The node's value in the collection's rules: its code compared with constants."""
        code = IntExpr("f", self.slot)
        return Truth(cmp(CompareOp.EQ, code, const(2)), cmp(CompareOp.EQ, code, const(0)),
                     cmp(CompareOp.EQ, code, const(1)), FALSE)

    def facts(self, facts: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """The session's facts: every record as a data fact, then every record as a probe
        (a probe's ``id`` is its record's index, so that consequences write its row)."""
        size = len(facts)
        keys = ("sid", self.per.name, self.per.known or "", self.order.name,
                self.order.known or "")
        reads = (*keys, *sorted(properties(self.condition.t) | properties(self.condition.f)))
        data = [{**{key: fact[key] for key in reads if key in fact}, "id": size + i, "q": 0,
                 "z": 0} for i, fact in enumerate(facts)]
        probes = [{**{key: fact[key] for key in keys}, "id": i, "q": 1, "z": 0}
                  for i, fact in enumerate(facts)]
        return data + probes

    # rules ----------------------------------------------------------------------------
    def _at(self, back: int) -> dict[str, Any]:
        """A data fact of the probe's ``per`` at ``back`` order values before the probe's."""
        order: Any = {"m": self.order.name}
        if back:
            order = {"$add": {"$l": order, "$r": -back}}
        return {"$and": [{"q": 0}, {self.per.known or "": 1}, {self.order.known or "": 1},
                         {self.per.name: {"m": self.per.name}}, {self.order.name: order}]}

    def _there(self, back: int, condition: Any) -> dict[str, Any] | None:
        """A data fact at ``back`` for which ``condition`` holds (None: none can)."""
        if condition == FALSE:
            return None
        at = self._at(back)
        if condition != TRUE:
            at["$and"].append(durable_condition(condition))
        return at

    def rules(self, action: Callable[[str], Callable[[Any], None]]) -> dict[str, Any]:
        """The durable rules deciding the code of every probe; ``action(code)`` records it."""
        per, order = self.per.known or "", self.order.known or ""
        probe = {"$and": [{"q": 1}, {per: 1}, {order: 1}]}
        missing = {"$and": [{"q": 1}, {"$or": [{per: 0}, {order: 0}]}]}
        holds, fails = self.condition.t, self.condition.f
        not_holding = neg(holds)
        unknown = and_(neg(holds), neg(fails))
        backs = range(self.count)
        out: dict[str, Any] = {
            "missing": {"all": [{"m": missing}], "run": action(UNKNOWN_CODE)},
            # never fires (no fact has q = 2); every data fact matches one of its patterns,
            # and durable_rules drops a whole batch holding a fact that matches none
            "data": {"all": [{"m": {"q": 2}}, {"d": {"q": 0}}], "run": action(UNKNOWN_CODE)}}

        def rule(name: str, code: str, absent: list[Any], present: list[Any]) -> None:
            if any(pattern is None for pattern in present):
                return
            patterns = [{"m": probe}]
            patterns += [{f"x{i}$not": p} for i, p in enumerate(absent) if p is not None]
            patterns += [{f"p{i}": p} for i, p in enumerate(present)]
            out[name] = {"all": patterns, "run": action(code)}

        for back in backs:
            if back:
                rule(f"gap{back}", FALSE_CODE, [self._at(back)], [])
            rule(f"fails{back}", FALSE_CODE, [], [self._there(back, fails)])
        # every order value has a record (b = 0: the probe's own) and none fails to hold
        rule("holds", TRUE_CODE, [self._there(b, not_holding) for b in backs],
             [self._at(b) for b in backs if b])
        # every order value has a record, none fails, one is unknown at ``back``
        for back in backs:
            rule(f"unknown{back}", UNKNOWN_CODE, [self._there(b, fails) for b in backs],
                 [self._there(back, unknown), *(self._at(b) for b in backs if b and b != back)])
        return out
