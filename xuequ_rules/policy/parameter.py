"""Parameters: every number a rule uses, with unit, dated values and citations."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from xuequ_rules.policy.citation import Cite
from xuequ_rules.policy.expr import Expr, Scalar
from xuequ_rules.policy.units import Unit
from xuequ_rules.text import Text


@dataclass(frozen=True, slots=True)
class DatedValue:
    """A value in force from ``since`` (inclusive) until the next dated value."""

    since: dt.date
    value: Scalar


@dataclass(frozen=True, eq=False, slots=True, kw_only=True)
class Parameter(Expr):
    """A named number of the document, e.g. the 10% minimum rotation share.

    ``concept`` names the shared idea the number expresses (e.g.
    ``teacher_exchange.min_share_per_year``), so two districts' parameters can be compared.
    ``derived`` is set when the value is not the reading of a number in its quote (e.g.
    "全覆盖" read as 1, or a list of names), and says why; otherwise the value must be the
    reading of a number in one of its quotes.
    """

    id: str
    label: Text
    value: Scalar
    unit: Unit
    cites: tuple[Cite, ...]
    dated: tuple[DatedValue, ...] = ()
    concept: str | None = None
    in_principle: bool = False
    note: Text | None = field(default=None)
    derived: Text | None = None

    def key(self) -> tuple[object, ...]:
        return ("param", self.id)

    def value_at(self, as_of: dt.date | None) -> Scalar:
        """The value in force at ``as_of`` (the base value before any dated one starts)."""
        current = self.value
        if not self.dated:
            return current
        if as_of is None:
            return self.dated[-1].value
        for dated in sorted(self.dated, key=lambda d: d.since):
            if dated.since <= as_of:
                current = dated.value
        return current

    @property
    def display_value(self) -> str:
        value = self.value
        if self.unit is Unit.RATIO and isinstance(value, Decimal):
            return f"{(value * 100).normalize():f}%"
        if isinstance(value, dt.date):
            return value.isoformat()
        unit = "" if self.unit in (Unit.TEXT, Unit.YEAR, Unit.DATE) else self.unit.value
        if isinstance(value, Decimal):
            return f"{value.normalize():f}{unit}"
        return f"{value}{unit}"
