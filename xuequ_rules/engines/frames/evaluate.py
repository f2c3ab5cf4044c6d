"""Per-record rules over a polars table: statuses, counts, and explanations of chosen rows
by the reference evaluator."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
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
from xuequ_rules.engines.frames.cache import PolicyCache
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
    key = (collection, tuple(columns.values()), as_of or dt.date.today(), validated, what_if)
    plan = _PLANS.get(policy, key, lambda: _compile_frame(
        policy, collection, columns, as_of, validated=validated, what_if=what_if))
    return replace(plan, checks=None)     # each caller sets its own checks


_PLANS: PolicyCache[PolicyPlan] = PolicyCache(64)


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
        summary = table_checks(policy, collection, columns)
        if summary:
            # computed in the same query as the statuses: one pass, broadcast as a column
            plan.checks = pl.any_horizontal(summary).alias(INVALID_COLUMN)
            exprs.append(plan.checks)
    # with_columns broadcasts literal statuses (rules out of period) to every row
    names = [*kept, *(e.meta.output_name() for e in exprs)]
    return lf.with_columns(exprs).select(names), plan


def table_checks(policy: Policy, collection: str,
                 columns: dict[str, ColumnSpec]) -> list[pl.Expr]:
    """One-row reductions over a table, true where the fact model refuses a value the rules
    read (bounds, enumerations, ids) or a record (cross-field constraints); kept per policy
    and columns."""
    def build() -> tuple[pl.Expr, ...]:
        summary = validity_summary(read_columns(policy, collection, columns))
        summary += constraint_summary(policy, collection, columns)
        return tuple(summary)

    return list(_CHECKS.get(policy, (collection, tuple(columns.values())), build))


_CHECKS: PolicyCache[tuple[pl.Expr, ...]] = PolicyCache(64)


def collect_checked(lazy: pl.LazyFrame, plan: PolicyPlan, policy: Policy,
                    frame: pl.DataFrame | pl.LazyFrame) -> pl.DataFrame:
    """Collect the statuses (and the validity checks, in one run); raise on invalid facts
    or decision conflicts, as the reference evaluator would."""
    result = lazy.collect()
    if plan.checks is None:
        return check_conflicts(result)
    flag = result.drop_in_place(INVALID_COLUMN)    # our own frame: no copy
    if flag.len() and flag[0]:
        refuse_invalid(frame, plan.collection, policy)
    return check_conflicts(result)


def refuse_invalid(frame: pl.DataFrame | pl.LazyFrame, collection: str,
                   policy: Policy) -> None:
    """Raise the reference evaluator's :class:`FactsError` for the first refused value or
    record of the table (after its checks found one)."""
    lf, columns = prepare_frame(frame, collection, policy)
    validate_frame(lf, collection, read_columns(policy, collection, columns))
    validate_constraints(lf, policy, collection, columns)


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
    if isinstance(frame, pl.DataFrame) and 0 < frame.height <= SMALL_ROWS:
        return evaluate_small(policy, collection, frame, as_of, keep=keep,
                              decisions=decisions, validate=validate, what_if=what_if)
    lazy, plan = evaluate_lazy(policy, collection, frame, as_of, keep=keep,
                               decisions=decisions, validate=validate, what_if=what_if)
    return collect_checked(lazy, plan, policy, frame)


# ── small tables: one query, compiled once ─────────────────────────────────────

SMALL_ROWS = 20_000
"""Tables of at most this many rows are evaluated by :func:`evaluate_small`."""

# no rewriting of the plan (results are the same; for a small table planning costs more
# than it saves), run in memory on the calling thread's pool
_SMALL_FLAGS = pl.QueryOptFlags.none()


@dataclass(frozen=True)
class SmallQuery:
    """The statuses and checks of one policy, collection and input schema, as one select."""

    exprs: tuple[pl.Expr, ...]     # statuses, decisions, conflicts, then checks
    names: tuple[str, ...]         # kept columns, statuses, decisions, conflicts
    checks: tuple[str, ...]        # one-row checks, broadcast to every row


def evaluate_small(policy: Policy, collection: str, frame: pl.DataFrame,
                   as_of: dt.date | None = None, *, keep: Iterable[str] = ("id",),
                   decisions: bool = True, validate: bool = True,
                   what_if: bool = False) -> pl.DataFrame:
    """:func:`evaluate_frame` on a table in memory, as one unoptimised query.

    The same expressions as :func:`evaluate_lazy` (statuses, decisions and the validity
    checks together), so the same results; what it saves is the per-call work: the columns
    a schema gives, the compiled expressions and the query plan's optimisation, which cost
    more than the computing on a few thousand rows. Compiled work is kept per policy
    object, collection, input schema, date and mode.
    """
    collection = normalize_collection(collection)
    schema = frame.schema
    shape = tuple(schema.items())
    columns = _READY.get(policy, (collection, shape),
                         lambda: _columns_without_casts(policy, collection, schema))
    lf = frame.lazy()
    if columns is None:      # the table needs casts (or a scale read from its values)
        lf, columns = prepare_frame(frame, collection, policy)
    date = as_of or dt.date.today()
    kept = tuple(name for name in keep if name in schema)
    key = (collection, tuple(columns.values()), date, kept, decisions, validate, what_if)
    query = _QUERIES.get(policy, key, lambda: _small_query(
        policy, collection, columns or {}, date, kept, decisions=decisions,
        validate=validate, what_if=what_if))
    out = (lf.with_columns(query.exprs).select(*query.names, *query.checks)
           .collect(engine="in-memory", optimizations=_SMALL_FLAGS))
    # the checks leave the fresh result in place (no further query)
    if any([out.drop_in_place(flag)[0] for flag in query.checks]):
        refuse_invalid(frame, collection, policy)
    return check_conflicts(out)


def _columns_without_casts(policy: Policy, collection: str,
                           schema: pl.Schema) -> dict[str, ColumnSpec] | None:
    """The columns a table of this schema gives, or None when reading it casts a column."""
    lf, columns = prepare_frame(pl.LazyFrame(schema=schema), collection, policy)
    return columns if lf.collect_schema() == schema else None


def _small_query(policy: Policy, collection: str, columns: dict[str, ColumnSpec],
                 as_of: dt.date, kept: tuple[str, ...], *, decisions: bool, validate: bool,
                 what_if: bool) -> SmallQuery:
    plan = compile_frame(policy, collection, columns, as_of, validated=validate,
                         what_if=what_if)
    exprs = plan_exprs(plan, decisions=decisions)
    checks = table_checks(policy, collection, columns) if validate else []
    names = (*kept, *(e.meta.output_name() for e in exprs))
    flags = tuple(f"__xuequ_check_{i}" for i in range(len(checks)))
    return SmallQuery((*exprs, *(c.alias(f) for c, f in zip(checks, flags, strict=True))),
                      names, flags)


_READY: PolicyCache[dict[str, ColumnSpec] | None] = PolicyCache(64)
_QUERIES: PolicyCache[SmallQuery] = PolicyCache(64)


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
