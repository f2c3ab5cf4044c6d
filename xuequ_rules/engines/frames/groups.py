"""Grouped rules over a polars table: one finding per rule and group."""

from __future__ import annotations

import datetime as dt
from typing import Any

import polars as pl

from xuequ_rules.engines._schema import (
    ColumnSpec,
    collection_columns,
    normalize_collection,
    subject_rules,
)
from xuequ_rules.engines.columns import (
    GROUP_REF,
    RULE_COLUMN,
    STATUS_COLUMN,
    STATUSES,
    UND,
    GroupedPlan,
    compile_grouped,
)
from xuequ_rules.engines.frames.algebra import STATUS_DTYPE, PolarsAlgebra
from xuequ_rules.engines.frames.evaluate import compile_frame
from xuequ_rules.engines.frames.tables import polars_dtype, prepare_frame, read_columns, validate_frame
from xuequ_rules.evaluation import evaluate
from xuequ_rules.facts.loader import parse_facts
from xuequ_rules.facts.schema import Facts
from xuequ_rules.policy.policy import Policy

# ── grouped rules (one finding per group) ──────────────────────────────────────

GROUP_SCHEMA: dict[str, pl.DataType] = {RULE_COLUMN: pl.String(), GROUP_REF: pl.String(),
                                        STATUS_COLUMN: STATUS_DTYPE}


def compile_groups(policy: Policy, collection: str, columns: dict[str, ColumnSpec],
                   as_of: dt.date | None = None, *, what_if: bool = False) -> GroupedPlan:
    """The collection's grouped rules compiled to polars expressions (exact decimals)."""
    return compile_grouped(policy, collection, PolarsAlgebra(), PolarsAlgebra(), as_of, columns,
                           what_if=what_if)


def grouped_rule_ids(policy: Policy, collection: str) -> list[str]:
    return [r.id for r in subject_rules(policy.rules, normalize_collection(collection))
            if r.grouped]


def with_group_keys(lf: pl.LazyFrame, columns: dict[str, ColumnSpec], policy: Policy,
                     collection: str) -> tuple[pl.LazyFrame, dict[str, ColumnSpec]]:
    """Add the group keys the table lacks, as nulls (the reference reads them as ``None``)."""
    rules = subject_rules(policy.rules, collection)
    specs = collection_columns(collection, rules, policy.facts_model)
    missing = {key for rule in rules for key in (rule.group_by or ()) if key not in columns}
    if not missing:
        return lf, columns
    lf = lf.with_columns([pl.lit(None, dtype=polars_dtype(specs[k])).alias(k)
                          for k in sorted(missing)])
    return lf, {**columns, **{k: specs[k] for k in missing}}


def evaluate_groups(policy: Policy, collection: str, frame: pl.DataFrame | pl.LazyFrame,
                    as_of: dt.date | None = None, *, validate: bool = True,
                    what_if: bool = False) -> pl.DataFrame:
    """Every grouped rule of ``policy`` about ``collection``: one row per rule and group.

    Columns ``rule``, ``group`` (the reference's name of the group, e.g.
    ``schools[county=A,stage=junior]``; ``""`` for a rule judged as a whole, out of its
    period; ``schools[]`` for an empty table) and ``status``. The rare group whose weighted
    coefficient of variation lies too close to its limit for the engine's integers to
    decide is decided exactly by the reference evaluator on that group's records; a batch
    of rules whose sums or products exceed 38 digits is judged by the reference evaluator.
    """
    collection = normalize_collection(collection)
    lf, columns = prepare_frame(frame, collection, policy)
    lf, columns = with_group_keys(lf, columns, policy, collection)
    date = as_of or dt.date.today()
    if validate:
        validate_frame(lf, collection, read_columns(policy, collection, columns))
    plan = compile_groups(policy, collection, columns, date, what_if=what_if)
    rows = lf.select(pl.len()).collect().item()
    lazies = [_batch_frame(lf, batch, rows) for batch in plan.batches]
    try:
        wides: list[pl.DataFrame | None] = list(pl.collect_all(lazies)) if lazies else []
    except pl.exceptions.ComputeError:
        wides = []
        for lazy in lazies:
            try:
                wides.append(lazy.collect())
            except pl.exceptions.ComputeError:   # a number beyond 38 digits
                wides.append(None)
    parts: list[pl.DataFrame] = []
    for batch, found in zip(plan.batches, wides, strict=True):
        if found is None:
            parts.append(reference_groups(policy, [r.rule for r in batch.rules], collection, lf,
                                          date, what_if=what_if))
            continue
        wide = _decide_open_groups(found, batch.keys, [r.rule for r in batch.rules], policy,
                                   collection, lf, date, what_if)
        for rule_plan in batch.rules:
            rule_id = rule_plan.rule.id
            parts.append(wide.select(pl.lit(rule_id).alias(RULE_COLUMN), pl.col(GROUP_REF),
                                     pl.col(rule_id).cast(STATUS_DTYPE).alias(STATUS_COLUMN)))
        if rows == 0:
            parts.append(pl.DataFrame({RULE_COLUMN: [r.rule.id for r in batch.rules],
                                       GROUP_REF: [f"{collection}[]"] * len(batch.rules),
                                       STATUS_COLUMN: [UND] * len(batch.rules)},
                                      schema=GROUP_SCHEMA))
    if plan.whole:
        parts.append(pl.DataFrame({RULE_COLUMN: [r.id for r, _ in plan.whole],
                                   GROUP_REF: [""] * len(plan.whole),
                                   STATUS_COLUMN: [s for _, s in plan.whole]},
                                  schema=GROUP_SCHEMA))
    if not parts:
        return pl.DataFrame(schema=GROUP_SCHEMA)
    order = {rule_id: i for i, rule_id in enumerate(grouped_rule_ids(policy, collection))}
    out = pl.concat(parts)
    return out.with_columns(pl.col(RULE_COLUMN).replace_strict(order, return_dtype=pl.Int64)
                            .alias("__order")).sort("__order", maintain_order=True).drop("__order")


def _batch_frame(lf: pl.LazyFrame, batch: Any, rows: int) -> pl.LazyFrame:
    algebra = PolarsAlgebra()
    aggs = [algebra.agg(c) for c in batch.aggs]
    aggs.append(pl.len().alias("__rows"))
    with_terms = lf.with_columns([e.alias(name) for name, e in batch.records]) \
        if batch.records else lf
    if batch.keys:
        grouped = with_terms.group_by(list(batch.keys), maintain_order=True).agg(aggs)
    else:
        grouped = with_terms.select(aggs).filter(pl.col("__rows") > 0)
    return grouped.with_columns(batch.ref.alias(GROUP_REF), *(
        r.status.alias(r.rule.id) for r in batch.rules))


def _decide_open_groups(wide: pl.DataFrame, keys: tuple[str, ...], rules: list[Any],
                        policy: Policy, collection: str, lf: pl.LazyFrame,
                        as_of: dt.date, what_if: bool = False) -> pl.DataFrame:
    """Statuses the engine left open (null): decided exactly by the reference evaluator."""
    for rule in rules:
        open_rows = wide.with_row_index("__i").filter(pl.col(rule.id).is_null())
        if not open_rows.height:
            continue
        values = wide[rule.id].cast(pl.String).to_list()
        for row in open_rows.iter_rows(named=True):
            values[row["__i"]] = decide_group(policy, rule, collection, lf,
                                              {k: row[k] for k in keys}, row[GROUP_REF], as_of,
                                              what_if=what_if)
        wide = wide.with_columns(pl.Series(rule.id, values, dtype=STATUS_DTYPE))
    return wide


def _fact_records(records: pl.LazyFrame, collection: str,
                  schema: type[Facts]) -> list[dict[str, Any]]:
    specs = collection_columns(collection, (), schema)
    data = []
    for index, row in enumerate(records.collect().iter_rows(named=True)):
        record = {k: v for k, v in row.items() if k in specs and v is not None}
        record.setdefault("id", f"row{index}")
        data.append(record)
    return data


def reference_groups(policy: Policy, rules: list[Any], collection: str,
                     records: pl.LazyFrame, as_of: dt.date, *,
                     what_if: bool = False) -> pl.DataFrame:
    """Grouped rules judged by the reference evaluator on the whole table (exact, slower).

    Used for a batch of rules whose sums or products exceed 38 digits in the engine (the
    fact model bounds counts by 10**12, but not amounts of money or area)."""
    import dataclasses

    ids = {rule.id for rule in rules}
    single = dataclasses.replace(policy, rules=tuple(
        rule if rule.exception_to in ids else dataclasses.replace(rule, exception_to=None)
        for rule in rules))
    facts = parse_facts({collection: _fact_records(records, collection, policy.facts_model)},
                        source=collection, policy=policy)
    findings = [f for f in evaluate(single, facts, as_of, what_if=what_if).findings
                if f.rule.id in ids]
    return pl.DataFrame({RULE_COLUMN: [f.rule.id for f in findings],
                         GROUP_REF: [f.record for f in findings],
                         STATUS_COLUMN: [f.status.value for f in findings]}, schema=GROUP_SCHEMA)


def decide_group(policy: Policy, rule: Any, collection: str, records: pl.LazyFrame,
                 key: dict[str, Any], ref: str, as_of: dt.date, *,
                 what_if: bool = False) -> str:
    """The reference evaluator's status of one rule on one group's records (exact)."""
    import dataclasses

    condition = pl.lit(True)
    for name, value in key.items():
        condition = condition & pl.col(name).eq_missing(pl.lit(value))
    data = _fact_records(records.filter(condition), collection, policy.facts_model)
    single = dataclasses.replace(policy, rules=(dataclasses.replace(rule, exception_to=None),))
    result = evaluate(single, parse_facts({collection: data}, source=ref, policy=policy), as_of,
                      what_if=what_if)
    for finding in result.findings:
        if finding.record == ref:
            return finding.status.value
    raise AssertionError(f"the reference gave no finding for {ref}")


def group_status_counts(groups: pl.DataFrame, policy: Policy,
                        collection: str) -> dict[str, dict[str, int]]:
    """How many groups have each status, per grouped rule (rules in policy order)."""
    counts: dict[str, dict[str, int]] = {
        rule_id: dict.fromkeys(STATUSES, 0) for rule_id in grouped_rule_ids(policy, collection)
        if rule_id in set(groups[RULE_COLUMN].to_list())}
    for rule_id, status, n in groups.group_by(RULE_COLUMN, STATUS_COLUMN).len().iter_rows():
        counts[rule_id][str(status)] = int(n)
    return counts


def unsupported_rules(policy: Policy, collection: str) -> dict[str, str]:
    """Rules of the collection that neither the per-row nor the grouped engine computes."""
    collection = normalize_collection(collection)
    columns = collection_columns(collection, subject_rules(policy.rules, collection),
                                 policy.facts_model)
    out = dict(compile_frame(policy, collection, columns).unsupported)
    out.update(compile_groups(policy, collection, columns).unsupported)
    return out
