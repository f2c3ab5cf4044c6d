"""Evaluate a policy over a whole table of records with polars (lazy, vectorised).

>>> from xuequ_rules import load_policy
>>> from xuequ_rules.engines.polars_backend import evaluate_frame, status_counts
>>> policy = load_policy("liujiang")
>>> result = evaluate_frame(policy, "teacher_exchanges", frame, as_of=dt.date(2019, 1, 1))
>>> status_counts(result, policy, "teacher_exchanges")

The result has the ``id`` column, one status column per rule (named by the rule id, an
``Enum`` of satisfied / violated / not_applicable / undetermined) and, for decisions, a
``<rule id>#decision`` column with the outcome code. Statuses are exactly those of the
reference evaluator on each record; :func:`explain_rows` asks the reference evaluator for the
full explanation of chosen rows.

Grouped rules (``group_by``) give one finding per group, not per row:
:func:`evaluate_groups` returns one row per rule and group (``rule``, ``group`` named as the
reference names it, e.g. ``schools[county=A,stage=junior]``, ``status``), computed with
``group_by``/``agg`` in exact integers; :func:`group_status_counts` counts them.
"""

from __future__ import annotations

from xuequ_rules.engines.frames.algebra import (
    NULL_DTYPES,
    STATUS_DTYPE,
    PolarsAlgebra,
    PolarsFixedAlgebra,
    schema_of,
)
from xuequ_rules.engines.frames.evaluate import (
    check_conflicts,
    collect_checked,
    compile_frame,
    evaluate_file,
    evaluate_frame,
    evaluate_lazy,
    explain_rows,
    plan_exprs,
    row_facts,
    scan_file,
    status_counts,
)
from xuequ_rules.engines.frames.groups import (
    GROUP_SCHEMA,
    compile_groups,
    decide_group,
    evaluate_groups,
    group_status_counts,
    grouped_rule_ids,
    reference_groups,
    unsupported_rules,
    with_group_keys,
)
from xuequ_rules.engines.frames.tables import (
    polars_dtype,
    polars_schema,
    prepare_frame,
    read_columns,
    validate_frame,
    validity_checks,
    validity_summary,
)

__all__ = [
    "GROUP_SCHEMA",
    "NULL_DTYPES",
    "STATUS_DTYPE",
    "PolarsAlgebra",
    "PolarsFixedAlgebra",
    "check_conflicts",
    "collect_checked",
    "compile_frame",
    "compile_groups",
    "decide_group",
    "evaluate_file",
    "evaluate_frame",
    "evaluate_groups",
    "evaluate_lazy",
    "explain_rows",
    "group_status_counts",
    "grouped_rule_ids",
    "plan_exprs",
    "polars_dtype",
    "polars_schema",
    "prepare_frame",
    "read_columns",
    "reference_groups",
    "row_facts",
    "scan_file",
    "schema_of",
    "status_counts",
    "unsupported_rules",
    "validate_frame",
    "validity_checks",
    "validity_summary",
    "with_group_keys",
]
