"""Per-record rules over a polars table: statuses, counts, and explanations of chosen rows
by the reference evaluator."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

import polars as pl

from xuequ_rules.engines._schema import (
    SCENARIO,
    ColumnSpec,
    collection_columns,
    normalize_collection,
    subject_rules,
)
from xuequ_rules.engines.columns import (
    ERRORS_COLUMN,
    STATUSES,
    PolicyPlan,
    compile_policy,
    decision_column,
)
from xuequ_rules.engines.frames.algebra import PolarsAlgebra, PolarsFixedAlgebra, schema_of
from xuequ_rules.engines.frames.tables import (
    constraint_summary,
    prepare_frame,
    read_columns,
    validate_constraints,
    validate_frame,
    validity_summary,
)
from xuequ_rules.errors import FactsError, RuleConflictError
from xuequ_rules.evaluation import evaluate
from xuequ_rules.evaluation.finding import Finding
from xuequ_rules.facts.loader import parse_facts
from xuequ_rules.facts.schema import Facts
from xuequ_rules.policy.policy import Policy
from xuequ_rules.policy.rule import ATTESTATIONS

# ── evaluation ─────────────────────────────────────────────────────────────────

INVALID_COLUMN = "__invalid__"

def compile_frame(policy: Policy, collection: str, columns: dict[str, ColumnSpec],
                  as_of: dt.date | None = None, *, validated: bool = False,
                  what_if: bool = False) -> PolicyPlan:
    """Compile the collection's rules to polars expressions over the given columns.

    On a validated table numbers are scaled 64/128-bit integers sized from the model's
    bounds; otherwise (or where a product could exceed 38 digits) exact 38-digit decimals.
    Plans are kept per policy, collection, columns, date and mode: a table evaluated in
    batches, or many small tables, is compiled once.
    """
    key = (id(policy), collection, tuple(columns.values()), as_of or dt.date.today(),
           validated, what_if)
    cached = _PLANS.get(key)
    if cached is None or cached[0] is not policy:
        if len(_PLANS) >= _PLANS_KEPT:
            _PLANS.clear()
        cached = (policy, _compile_frame(policy, collection, columns, as_of,
                                         validated=validated, what_if=what_if))
        _PLANS[key] = cached
    return replace(cached[1], checks=None)     # each caller sets its own checks


_PLANS_KEPT = 64
_PLANS: dict[tuple[Any, ...], tuple[Policy, PolicyPlan]] = {}


def _compile_frame(policy: Policy, collection: str, columns: dict[str, ColumnSpec],
                   as_of: dt.date | None, *, validated: bool, what_if: bool) -> PolicyPlan:
    if validated:
        plan = compile_policy(policy, collection, PolarsFixedAlgebra(), as_of, columns,
                              trust_bounds=True, what_if=what_if)
        if not plan.unsupported:
            return plan
    return compile_policy(policy, collection, PolarsAlgebra(), as_of, columns, what_if=what_if)


def plan_exprs(plan: PolicyPlan, *, decisions: bool = True) -> list[pl.Expr]:
    exprs = [rule.status.alias(rule.rule.id) for rule in plan.rules]
    if decisions:
        exprs.extend(rule.decision.alias(decision_column(rule.rule.id))
                     for rule in plan.rules if rule.decision is not None)
    if plan.errors is not None:
        exprs.append(plan.errors.alias(ERRORS_COLUMN))
    return exprs


def evaluate_lazy(policy: Policy, collection: str, frame: pl.DataFrame | pl.LazyFrame,
                  as_of: dt.date | None = None, *, keep: Iterable[str] = ("id",),
                  decisions: bool = True, validate: bool = True, assume_valid: bool = False,
                  what_if: bool = False) -> tuple[pl.LazyFrame, PolicyPlan]:
    """The lazy result of :func:`evaluate_frame`; collect it with :func:`collect_checked`.

    With ``validate`` the values the rules read are checked against the fact model's
    bounds (``plan.checks``: reductions in the same query, a flag column that
    :func:`collect_checked` reads and drops), and
    numbers are computed as integers sized from those bounds. ``assume_valid=True`` skips
    the check but keeps the integers: the caller vouches that the table was validated
    before. Without either, numbers are 38-digit decimals. ``what_if`` applies the rules
    as if the policy were in force (no ``not_in_force`` statuses).
    """
    collection = normalize_collection(collection)
    lf, columns = prepare_frame(frame, collection, policy)
    plan = compile_frame(policy, collection, columns, as_of,
                         validated=validate or assume_valid, what_if=what_if)
    kept = [name for name in keep if name in lf.collect_schema()]
    exprs = plan_exprs(plan, decisions=decisions)
    if validate and not assume_valid:
        summary = validity_summary(read_columns(policy, collection, columns))
        summary += constraint_summary(policy, collection, columns)
        if summary:
            # computed in the same query as the statuses: one pass, broadcast as a column
            plan.checks = pl.any_horizontal(summary).alias(INVALID_COLUMN)
            exprs.append(plan.checks)
    # with_columns broadcasts literal statuses (rules out of period) to every row
    names = [*kept, *(e.meta.output_name() for e in exprs)]
    return lf.with_columns(exprs).select(names), plan


def collect_checked(lazy: pl.LazyFrame, plan: PolicyPlan, policy: Policy,
                    frame: pl.DataFrame | pl.LazyFrame) -> pl.DataFrame:
    """Collect the statuses (and the validity checks, in one run); raise on invalid facts
    or decision conflicts, as the reference evaluator would."""
    result = lazy.collect()
    if plan.checks is None:
        return check_conflicts(result)
    flag = result.drop_in_place(INVALID_COLUMN)    # our own frame: no copy
    if flag.len() and flag[0]:
        lf, columns = prepare_frame(frame, plan.collection, policy)
        validate_frame(lf, plan.collection, read_columns(policy, plan.collection, columns))
        validate_constraints(lf, policy, plan.collection, columns)
    return check_conflicts(result)


def check_conflicts(result: pl.DataFrame) -> pl.DataFrame:
    """Raise :class:`RuleConflictError` like the reference evaluator; drop the check column."""
    if ERRORS_COLUMN not in result.columns:
        return result
    bad = result.filter(pl.col(ERRORS_COLUMN).is_not_null())
    if bad.height:
        row = bad.row(0, named=True)
        ref = row.get("id", "?")
        message = row[ERRORS_COLUMN]
        raise RuleConflictError(f"{message}（记录 {ref}）", f"{message} (record {ref})",
                                field=str(ref))
    return result.drop(ERRORS_COLUMN)


def evaluate_frame(policy: Policy, collection: str, frame: pl.DataFrame | pl.LazyFrame,
                   as_of: dt.date | None = None, *, keep: Iterable[str] = ("id",),
                   decisions: bool = True, validate: bool = True,
                   what_if: bool = False) -> pl.DataFrame:
    """Every rule of ``policy`` about ``collection`` on every row of ``frame``.

    Raises :class:`FactsError` on values the fact model refuses (``validate=False`` skips
    the check and computes with 38-digit decimals instead of bounded integers) and
    :class:`RuleConflictError` where the reference evaluator would. Rules this engine
    cannot compute are listed by :func:`unsupported_rules`.
    """
    lazy, plan = evaluate_lazy(policy, collection, frame, as_of, keep=keep,
                               decisions=decisions, validate=validate, what_if=what_if)
    return collect_checked(lazy, plan, policy, frame)


def scan_file(path: Path, collection: str, policy: Policy | None = None) -> pl.LazyFrame:
    """A lazy table from Parquet, CSV or newline-delimited JSON, with the fields' types."""
    suffix = path.suffix.lower()
    if not path.exists():
        raise FactsError(f"找不到文件：{path}", f"file not found: {path}", field=str(path))
    if suffix in (".parquet", ".pq"):
        return pl.scan_parquet(path)
    if suffix in (".csv", ".tsv"):
        collection = normalize_collection(collection)
        rules = subject_rules(policy.rules, collection) if policy is not None else ()
        specs = collection_columns(collection, rules, schema_of(policy))
        text_kinds = {"dec", "date", "list", "bool", "str"}
        overrides = {name: (pl.String if spec.kind in text_kinds else pl.Int64)
                     for name, spec in specs.items() if spec.kind != "records"}
        return pl.scan_csv(path, schema_overrides=overrides,
                           separator="\t" if suffix == ".tsv" else ",")
    if suffix in (".ndjson", ".jsonl"):
        return pl.scan_ndjson(path)
    raise FactsError(f"不支持的文件类型：{path.name}（应为 .parquet、.csv 或 .ndjson）",
                     f"unsupported file type: {path.name} (use .parquet, .csv or .ndjson)",
                     field=str(path))


def evaluate_file(policy: Policy, collection: str, path: str | Path,
                  as_of: dt.date | None = None, **kwargs: Any) -> pl.DataFrame:
    """:func:`evaluate_frame` on a Parquet / CSV / NDJSON file."""
    return evaluate_frame(policy, collection, scan_file(Path(path), collection, policy), as_of,
                          **kwargs)


def status_counts(result: pl.DataFrame, policy: Policy,
                  collection: str) -> dict[str, dict[str, int]]:
    """How many rows have each status, per rule (rules in policy order)."""
    ids = [r.id for r in subject_rules(policy.rules, collection) if r.id in result.columns]
    if not ids:
        return {}
    exprs = [(pl.col(rule_id) == status).sum().alias(f"{rule_id}\x00{status}")
             for rule_id in ids for status in STATUSES]
    row = result.select(exprs).row(0)
    counts: dict[str, dict[str, int]] = {}
    for (rule_id, status), value in zip(((r, s) for r in ids for s in STATUSES), row,
                                        strict=True):
        counts.setdefault(rule_id, {})[status] = int(value or 0)
    return counts


# ── explanations (the reference evaluator on chosen rows) ─────────────────────

def row_facts(row: dict[str, Any], collection: str, index: int = 0,
              schema: type[Facts] = Facts) -> dict[str, Any]:
    """A row of a table as the facts of a scenario in the fact schema ``schema`` (for the
    reference evaluator)."""
    collection = normalize_collection(collection)
    if collection == SCENARIO:
        prefix = f"{ATTESTATIONS}."
        attestations = {k[len(prefix):]: v for k, v in row.items() if k.startswith(prefix)}
        data: dict[str, Any] = {"attestations": attestations}
        if row.get("jurisdiction") is not None:
            data["jurisdiction"] = row["jurisdiction"]
        return data
    specs = collection_columns(collection, (), schema)
    record = {k: v for k, v in row.items() if k in specs and v is not None}
    record.setdefault("id", f"row{index}")
    return {collection: [record]}


def explain_rows(policy: Policy, collection: str, frame: pl.DataFrame | pl.LazyFrame,
                 rows: Sequence[int], as_of: dt.date | None = None, *,
                 what_if: bool = False) -> dict[int, tuple[Finding, ...]]:
    """The reference evaluator's findings (with explanations) for the chosen rows only."""
    collection = normalize_collection(collection)
    lf, _ = prepare_frame(frame, collection, policy)
    wanted = (lf.with_row_index("__row__").filter(pl.col("__row__").is_in(list(rows)))
              .collect())
    by_index = {int(row.pop("__row__")): row for row in wanted.iter_rows(named=True)}
    out: dict[int, tuple[Finding, ...]] = {}
    for index in rows:
        if index not in by_index:
            raise IndexError(f"row {index} is not in the table")
        facts = parse_facts(row_facts(by_index[index], collection, index, policy.facts_model),
                            source=f"row {index}", policy=policy)
        result = evaluate(policy, facts, as_of, what_if=what_if)
        out[index] = tuple(f for f in result.findings if f.rule.subject == collection)
    return out
