"""Conditions over a sequence of records: the rule-language node :class:`Consecutive`.

``consecutive(f.declined, count=DECLINE_YEARS, per=f.school, order=f.year)`` holds when a
school's assessment declined in this school year and in each of the years before it, up to
``count`` years running (连续两年下滑). The reference evaluator judges it over the records of
the collection (:mod:`xuequ_rules.evaluation.sequences`), the table engines with window
functions over the table (:meth:`xuequ_rules.engines.columns.expressions.ExprCompiler.visit_consecutive`),
durable_rules with correlated patterns matching a record with its predecessors
(:mod:`xuequ_rules.engines.durable.sequences`).
"""

from __future__ import annotations

from dataclasses import dataclass

from xuequ_rules.policy.expr import Expr, Field, lift


@dataclass(frozen=True, eq=False, slots=True)
class Consecutive(Expr):
    """Whether ``condition`` held ``count`` times running over a sequence of records: for
    this record's ``order`` value and each of the ``count - 1`` values before it, among the
    records with this record's ``per`` value (e.g. a school's assessment declined this
    school year and the year before: 连续两年下滑).

    Three-valued: at each order value the condition must hold for every record there (no
    record there: it does not hold); false when it fails at any of the ``count`` values,
    unknown when it is unknown at one and fails at none; unknown when this record's ``per``
    or ``order`` is missing.
    """

    condition: Expr
    count: Expr          # a whole number: a constant or a parameter
    per: Field
    order: Field

    def children(self) -> tuple[Expr, ...]:
        return (self.condition, self.count, self.per, self.order)

    def key(self) -> tuple[object, ...]:
        return ("consecutive", self.condition.key(), self.count.key(), self.per.key(),
                self.order.key())


def consecutive(condition: Expr, *, count: Expr | int, per: Field, order: Field) -> Consecutive:
    """``consecutive(f.declined, count=DECLINE_YEARS, per=f.school, order=f.year)``."""
    return Consecutive(condition, lift(count), per, order)
