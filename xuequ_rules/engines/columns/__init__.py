"""A policy's rules compiled to column expressions of any backend (polars, SQL).

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

Modules: :mod:`.values` (typed columns, the algebra, Kleene logic), :mod:`.expressions`
(the expression fold), :mod:`.rules` (statuses of per-record rules), :mod:`.groups` and
:mod:`.aggregates` (grouped rules).
"""

from __future__ import annotations

from xuequ_rules.engines.columns.aggregates import compile_grouped, group_ref_expr
from xuequ_rules.engines.columns.expressions import SEQUENCE_REFUSAL, ExprCompiler
from xuequ_rules.engines.columns.groups import (
    GROUP_REF,
    RULE_COLUMN,
    STATUS_COLUMN,
    AggColumn,
    GroupBatch,
    GroupedPlan,
)
from xuequ_rules.engines.columns.rules import (
    PolicyPlan,
    RulePlan,
    compile_constraints,
    compile_policy,
)
from xuequ_rules.engines.columns.values import (
    ERRORS_COLUMN,
    STATUSES,
    UND,
    Algebra,
    Num,
    Unsupported,
    Val,
    column_bound,
    decision_column,
)

__all__ = [
    "ERRORS_COLUMN", "GROUP_REF", "RULE_COLUMN", "SEQUENCE_REFUSAL", "STATUSES", "STATUS_COLUMN",
    "UND", "AggColumn", "Algebra", "ExprCompiler", "GroupBatch", "GroupedPlan", "Num",
    "PolicyPlan", "RulePlan", "Unsupported", "Val", "column_bound", "compile_constraints",
    "compile_grouped", "compile_policy", "decision_column", "group_ref_expr",
]
