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

import datetime as dt
from collections.abc import Iterable, Sequence
from decimal import Decimal
from functools import reduce
from pathlib import Path
from typing import Any, cast

import polars as pl

from xuequ_rules.engines._schema import (
    DEFAULT_SCALE,
    SCENARIO,
    ColumnSpec,
    collection_columns,
    normalize_collection,
    subject_rules,
)
from xuequ_rules.engines.columns import (
    ERRORS_COLUMN,
    GROUP_REF,
    RULE_COLUMN,
    STATUS_COLUMN,
    STATUSES,
    UND,
    AggColumn,
    GroupedPlan,
    Num,
    PolicyPlan,
    Unsupported,
    compile_grouped,
    compile_policy,
    decision_column,
)
from xuequ_rules.errors import FactsError, RuleConflictError
from xuequ_rules.evaluation import evaluate
from xuequ_rules.evaluation.finding import Finding
from xuequ_rules.facts.loader import parse_facts
from xuequ_rules.facts.schema import Facts
from xuequ_rules.policy.expr import CompareOp
from xuequ_rules.policy.operators import COMPARE_FUNCTIONS
from xuequ_rules.policy.policy import Policy
from xuequ_rules.policy.rule import ATTESTATIONS

STATUS_DTYPE = pl.Enum(list(STATUSES))
_NULL_DTYPES: dict[str, pl.DataType] = {
    "bool": pl.Boolean(), "int": pl.Int64(), "dec": pl.Decimal(38, 0), "str": pl.String(),
    "date": pl.Date(), "null": pl.Boolean(), "list": pl.List(pl.String()),
}


def _schema_of(policy: Policy | None) -> type[Facts]:
    """The fact schema of ``policy`` (the shared vocabulary when no policy is given)."""
    return policy.facts_model if policy is not None else Facts


class PolarsAlgebra:
    """Builds polars expressions for :mod:`xuequ_rules.engines.columns`."""

    def column(self, spec: ColumnSpec) -> pl.Expr:
        return pl.col(spec.name)

    def null(self, kind: str) -> pl.Expr:
        return pl.lit(None, dtype=_NULL_DTYPES[kind])

    def lit(self, value: Any, kind: str, scale: int) -> pl.Expr:
        if kind == "dec":
            return pl.lit(value, dtype=pl.Decimal(38, scale))
        return pl.lit(value, dtype=_NULL_DTYPES[kind])

    def is_null(self, e: pl.Expr) -> pl.Expr:
        return e.is_null()

    def and_(self, items: Sequence[pl.Expr]) -> pl.Expr:
        return reduce(lambda x, y: x & y, items)

    def or_(self, items: Sequence[pl.Expr]) -> pl.Expr:
        return reduce(lambda x, y: x | y, items)

    def not_(self, e: pl.Expr) -> pl.Expr:
        return ~e

    def coalesce_false(self, e: pl.Expr) -> pl.Expr:
        return e.fill_null(False)

    def compare(self, op: CompareOp, a: pl.Expr, b: pl.Expr) -> pl.Expr:
        result: pl.Expr = COMPARE_FUNCTIONS[op](a, b)
        return result

    def compare_num(self, op: CompareOp, a: Num, b: Num) -> pl.Expr:
        return self.compare(op, a.v, b.v)

    def _combine(self, a: Num, b: Num, fn: Any) -> Num:
        if a.kind == "int" and b.kind == "int":
            return Num(fn(a.v, b.v), "int")
        return Num(fn(a.v, b.v), "dec", max(a.scale, b.scale))

    def add(self, a: Num, b: Num) -> Num:
        return self._combine(a, b, lambda x, y: x + y)

    def sub(self, a: Num, b: Num) -> Num:
        return self._combine(a, b, lambda x, y: x - y)

    def mul(self, a: Num, b: Num) -> Num:
        if a.literal == 1:
            return b
        if b.literal == 1:
            return a
        if a.kind == "int" and b.kind == "int":
            # unvalidated 64-bit values: a product is exact only in 38 digits
            return Num(a.v.cast(pl.Decimal(38, 0)) * b.v.cast(pl.Decimal(38, 0)), "dec", 0)
        # polars keeps the larger scale of the two factors: widen one so none is lost
        scale = a.scale + b.scale
        left = a.v
        if max(a.scale, b.scale) < scale:
            left = left.cast(pl.Decimal(38, scale))
        return Num(left * b.v, "dec", scale)

    def neg(self, a: Num) -> Num:
        return Num(-a.v, a.kind, a.scale, -a.literal if a.literal is not None else None)

    def when(self, branches: Sequence[tuple[pl.Expr, pl.Expr]], otherwise: pl.Expr) -> pl.Expr:
        (cond, value), *rest = branches
        chain: Any = pl.when(cond).then(value)
        for cond, value in rest:
            chain = chain.when(cond).then(value)
        return cast(pl.Expr, chain.otherwise(otherwise))

    def isin(self, e: pl.Expr, values: Sequence[Any], kind: str, scale: int) -> pl.Expr:
        return e.is_in(pl.Series(list(values), dtype=_NULL_DTYPES[kind]).implode())

    def list_len(self, e: pl.Expr) -> pl.Expr:
        return e.list.len().cast(pl.Int64)

    def str_nonempty(self, e: pl.Expr) -> pl.Expr:
        return e.str.len_bytes() > 0

    def status(self, value: str | None) -> pl.Expr:
        return pl.lit(value, dtype=STATUS_DTYPE)

    def text(self, value: str | None) -> pl.Expr:
        return pl.lit(value, dtype=pl.String)

    def count_true(self, items: Sequence[pl.Expr]) -> pl.Expr:
        return pl.sum_horizontal([item.cast(pl.Int64) for item in items])

    def int_lit(self, value: int) -> pl.Expr:
        return pl.lit(value, dtype=pl.Int64)

    def first_non_null(self, items: Sequence[pl.Expr]) -> pl.Expr:
        return items[0] if len(items) == 1 else pl.coalesce(items)

    def bind(self, e: pl.Expr, kind: str) -> pl.Expr:
        return e   # polars' common-subexpression elimination computes it once

    # grouped rules
    def ref(self, name: str) -> pl.Expr:
        return pl.col(name)

    def row_index(self, odd: bool) -> pl.Expr:
        return pl.int_range(pl.len(), dtype=pl.Int64) * 2 + int(odd)

    def to_int(self, n: Num) -> pl.Expr:
        """The exact integer value × 10**scale, as a checked 38-digit decimal."""
        v: pl.Expr = n.v
        if n.kind == "int":
            return v.cast(pl.Decimal(38, 0))
        return v.cast(pl.Decimal(38, n.scale)).to_physical().cast(pl.Decimal(38, 0))

    def floordiv(self, a: pl.Expr, b: pl.Expr) -> pl.Expr:
        return (a.cast(pl.Int128) // b.cast(pl.Int128)).cast(pl.Decimal(38, 0))

    def key_text(self, e: pl.Expr, kind: str) -> pl.Expr:
        if kind == "bool":
            return (pl.when(e).then(pl.lit("True")).when(e.not_()).then(pl.lit("False"))
                    .otherwise(pl.lit("None")))
        return e.cast(pl.String).fill_null("None")

    def concat(self, items: Sequence[pl.Expr]) -> pl.Expr:
        return pl.concat_str(list(items))

    def agg(self, column: AggColumn) -> pl.Expr:
        if column.func == "count":
            return pl.len().cast(pl.Int64).alias(column.name)
        e = column.expr
        if column.kind == "dec":
            e = e.cast(pl.Decimal(38, column.scale))
        return cast(pl.Expr, getattr(e, column.func)()).alias(column.name)


_I64 = 2**63 - 1
_I128 = 2**127 - 1


class PolarsFixedAlgebra(PolarsAlgebra):
    """Exact numbers as scaled integers (value × 10**scale) in Int64, or Int128 when needed.

    Used once the table is validated, so every value lies within the fact model's bounds
    (counts ≤ 10**12, ratios ≤ 1 …): from those bounds each product's largest magnitude is
    known at compile time and the narrowest integer type that cannot overflow is chosen —
    the same integer arithmetic one writes by hand, and as fast. A product that could exceed
    Int128 is refused (the caller then uses :class:`PolarsAlgebra`'s decimals).
    """

    def column(self, spec: ColumnSpec) -> pl.Expr:
        if spec.kind == "dec":
            return pl.col(spec.name).to_physical()   # Decimal's unscaled Int128
        return pl.col(spec.name)

    def null(self, kind: str) -> pl.Expr:
        if kind == "dec":
            return pl.lit(None, dtype=pl.Int128)
        return super().null(kind)

    def lit(self, value: Any, kind: str, scale: int) -> pl.Expr:
        if kind == "dec":
            unscaled = int(Decimal(value).scaleb(scale))
            return pl.lit(unscaled, dtype=pl.Int64 if abs(unscaled) <= _I64 else pl.Int128)
        return super().lit(value, kind, scale)

    @staticmethod
    def _bound(n: Num) -> int:
        if n.literal is not None:
            return abs(int(Decimal(n.literal).scaleb(n.scale)))
        if n.bound is not None:
            return n.bound
        return _I64 if n.kind == "int" else _I128

    @staticmethod
    def _fit(v: pl.Expr, bound: int) -> pl.Expr:
        if bound <= _I64:
            return v
        if bound <= _I128:
            return v.cast(pl.Int128)
        raise Unsupported("an intermediate product may exceed 38 digits")

    def _align(self, n: Num, scale: int) -> tuple[pl.Expr, int]:
        bound = self._bound(n)
        if n.scale == scale:
            return n.v, bound
        factor = 10 ** (scale - n.scale)
        bound *= factor
        return self._fit(n.v, bound) * pl.lit(factor, dtype=pl.Int64 if factor <= _I64
                                              else pl.Int128), bound

    def _combine(self, a: Num, b: Num, fn: Any) -> Num:
        scale = max(a.scale, b.scale)
        (x, bx), (y, by) = self._align(a, scale), self._align(b, scale)
        bound = bx + by
        kind = "int" if a.kind == "int" and b.kind == "int" else "dec"
        return Num(fn(self._fit(x, bound), y), kind, scale, bound=bound)

    def mul(self, a: Num, b: Num) -> Num:
        if a.literal == 1 and a.kind == "int":
            return b
        if b.literal == 1 and b.kind == "int":
            return a
        bound = self._bound(a) * self._bound(b)
        kind = "int" if a.kind == "int" and b.kind == "int" else "dec"
        return Num(self._fit(a.v, bound) * b.v, kind, a.scale + b.scale, bound=bound)

    def neg(self, a: Num) -> Num:
        return Num(-a.v, a.kind, a.scale, -a.literal if a.literal is not None else None,
                   a.bound)

    def compare_num(self, op: CompareOp, a: Num, b: Num) -> pl.Expr:
        scale = max(a.scale, b.scale)
        (x, bx), (y, by) = self._align(a, scale), self._align(b, scale)
        return self.compare(op, self._fit(x, max(bx, by)), y)


# ── tables ─────────────────────────────────────────────────────────────────────

def polars_dtype(spec: ColumnSpec, scale: int = DEFAULT_SCALE) -> pl.DataType:
    """The column type of a fact field (decimals get ``scale`` digits after the point)."""
    if spec.kind == "dec":
        return pl.Decimal(38, scale)
    if spec.kind == "records":
        return pl.List(pl.Struct({n.name: polars_dtype(n, scale) for n in spec.nested}))
    return _NULL_DTYPES[spec.kind]


def polars_schema(collection: str, policy: Policy | None = None,
                  scale: int = DEFAULT_SCALE) -> dict[str, pl.DataType]:
    """Explicit column types of a collection's table (64-bit ints, exact decimals)."""
    collection = normalize_collection(collection)
    rules = subject_rules(policy.rules, collection) if policy is not None else ()
    return {name: polars_dtype(spec, scale)
            for name, spec in collection_columns(collection, rules, _schema_of(policy)).items()}


def _decimal_scale_needed(lf: pl.LazyFrame, name: str) -> int:
    text = pl.col(name).cast(pl.String).str.strip_chars()
    digits = text.str.extract(r"\.(\d*)$", 1).str.len_chars()
    found = lf.select(digits.max()).collect().item()
    return int(found or 0)


def prepare_frame(frame: pl.DataFrame | pl.LazyFrame, collection: str,
                  policy: Policy | None = None) -> tuple[pl.LazyFrame, dict[str, ColumnSpec]]:
    """Cast the table's columns to the fields' exact types; return the columns present.

    Integers become Int64; decimals keep a Decimal column's scale, and text or float input
    is read with as many digits after the point as the data has (floats through their
    shortest decimal form); enumerations and categoricals become text; text dates are parsed;
    for CSV, a list field is text separated by ``;``.
    """
    collection = normalize_collection(collection)
    lf = frame.lazy() if isinstance(frame, pl.DataFrame) else frame
    rules = subject_rules(policy.rules, collection) if policy is not None else ()
    specs = collection_columns(collection, rules, _schema_of(policy))
    schema = lf.collect_schema()
    casts: list[pl.Expr] = []
    present: dict[str, ColumnSpec] = {}
    for name, dtype in schema.items():
        spec = specs.get(name)
        if spec is None:
            continue
        col = pl.col(name)
        if spec.kind == "int":
            if dtype != pl.Int64:
                casts.append(col.cast(pl.Int64))
        elif spec.kind == "dec":
            if isinstance(dtype, pl.Decimal):
                spec = ColumnSpec(**{**_spec_dict(spec), "scale": dtype.scale or 0})
                if dtype.precision != 38:
                    casts.append(col.cast(pl.Decimal(38, dtype.scale)))
            elif dtype.is_integer():
                casts.append(col.cast(pl.Decimal(38, 0)))
            else:
                scale = _decimal_scale_needed(lf, name)
                spec = ColumnSpec(**{**_spec_dict(spec), "scale": scale})
                casts.append(col.cast(pl.String).str.strip_chars()
                             .cast(pl.Decimal(38, scale)))
        elif spec.kind == "bool":
            if dtype == pl.String:
                lowered = col.str.strip_chars().str.to_lowercase()
                casts.append(pl.when(lowered.is_in(["true", "1", "yes", "是"])).then(True)
                             .when(lowered.is_in(["false", "0", "no", "否"])).then(False)
                             .otherwise(None).alias(name))
            elif dtype != pl.Boolean:
                casts.append(col.cast(pl.Boolean))
        elif spec.kind == "str":
            if dtype != pl.String:
                casts.append(col.cast(pl.String))
        elif spec.kind == "date":
            if dtype == pl.String:
                casts.append(col.str.strip_chars().str.to_date("%Y-%m-%d"))
            elif isinstance(dtype, pl.Datetime):
                casts.append(col.dt.date())
            elif dtype != pl.Date:
                casts.append(col.cast(pl.Date))
        elif spec.kind == "list" and dtype == pl.String:
            casts.append(pl.when(col.str.len_chars() == 0).then(pl.lit([], pl.List(pl.String)))
                         .otherwise(col.str.split(";")).alias(name))
        present[name] = spec
    if casts:
        lf = lf.with_columns(casts)
    return lf, present


def _spec_dict(spec: ColumnSpec) -> dict[str, Any]:
    return {"name": spec.name, "kind": spec.kind, "ge": spec.ge, "le": spec.le,
            "enum": spec.enum, "nested": spec.nested, "scale": spec.scale}


def validity_checks(columns: dict[str, ColumnSpec]) -> dict[str, pl.Expr]:
    """Per column, an expression true on values the fact model would refuse.

    Bounds of numbers (counts 0…10**12, ratios 0…1, non-negative amounts), enumeration
    values and non-empty ids. The models' cross-field checks (e.g. rotated ≤ eligible) are
    not repeated here.
    """
    checks: dict[str, pl.Expr] = {}
    for name, spec in columns.items():
        col = pl.col(name)
        bad: list[pl.Expr] = []
        if spec.ge is not None:
            bad.append(col < _bound(spec.ge, spec))
        if spec.le is not None:
            bad.append(col > _bound(spec.le, spec))
        if spec.enum is not None:
            bad.append(~col.is_in(pl.Series(list(spec.enum), dtype=pl.String).implode()))
        if name == "id":
            bad.append(col.is_null() | (col.str.len_chars() == 0))
        if bad:
            checks[name] = reduce(lambda x, y: x | y, bad).fill_null(False)
    return checks


def validity_summary(columns: dict[str, ColumnSpec]) -> list[pl.Expr]:
    """One boolean per column, true when some value is refused (cheap reductions)."""
    out: list[pl.Expr] = []
    for name, spec in columns.items():
        col = pl.col(name)
        bad: list[pl.Expr] = []
        if spec.ge is not None:
            bad.append(col.min() < _bound(spec.ge, spec))
        if spec.le is not None:
            bad.append(col.max() > _bound(spec.le, spec))
        if spec.enum is not None or name == "id":
            bad.append(validity_checks({name: spec})[name].any())
        if bad:
            out.append(reduce(lambda x, y: x | y, bad).fill_null(False).alias(name))
    return out


def validate_frame(lf: pl.LazyFrame, collection: str, columns: dict[str, ColumnSpec]) -> None:
    """Raise :class:`FactsError` on the first value the fact model would refuse."""
    checks = validity_checks(columns)
    if not checks:
        return
    found = lf.select([expr.any().alias(name) for name, expr in checks.items()]).collect()
    for name, expr in checks.items():
        if found[name][0]:
            row = lf.with_row_index("__row__").filter(expr).head(1).collect().row(0, named=True)
            ref = row.get("id", row["__row__"])
            where = f"{collection or 'scenario'}[{ref}].{name}"
            raise FactsError(f"{where}：取值无效（{row[name]!r}）",
                             f"{where}: invalid value {row[name]!r}", field=where)


def _bound(value: Decimal, spec: ColumnSpec) -> pl.Expr:
    if spec.kind == "int":
        return pl.lit(int(value), dtype=pl.Int64)
    return pl.lit(value, dtype=pl.Decimal(38, max(spec.scale, 0)))


# ── evaluation ─────────────────────────────────────────────────────────────────

def compile_frame(policy: Policy, collection: str, columns: dict[str, ColumnSpec],
                  as_of: dt.date | None = None, *, validated: bool = False,
                  what_if: bool = False) -> PolicyPlan:
    """Compile the collection's rules to polars expressions over the given columns.

    On a validated table numbers are scaled 64/128-bit integers sized from the model's
    bounds; otherwise (or where a product could exceed 38 digits) exact 38-digit decimals.
    """
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


def _read_columns(policy: Policy, collection: str,
                  columns: dict[str, ColumnSpec]) -> dict[str, ColumnSpec]:
    names = {node.dotted for rule in subject_rules(policy.rules, collection)
             for node in rule.fields()}
    return {name: spec for name, spec in columns.items() if name in names}


def evaluate_lazy(policy: Policy, collection: str, frame: pl.DataFrame | pl.LazyFrame,
                  as_of: dt.date | None = None, *, keep: Iterable[str] = ("id",),
                  decisions: bool = True, validate: bool = True, assume_valid: bool = False,
                  what_if: bool = False) -> tuple[pl.LazyFrame, PolicyPlan]:
    """The lazy result of :func:`evaluate_frame`; collect it with :func:`collect_checked`.

    With ``validate`` the values the rules read are checked against the fact model's
    bounds (``plan.checks``, min/max reductions collected together with the statuses), and
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
        summary = validity_summary(_read_columns(policy, collection, columns))
        if summary:
            plan.checks = lf.select(summary)
    # with_columns broadcasts literal statuses (rules out of period) to every row
    names = [*kept, *(e.meta.output_name() for e in exprs)]
    return lf.with_columns(exprs).select(names), plan


def collect_checked(lazy: pl.LazyFrame, plan: PolicyPlan, policy: Policy,
                    frame: pl.DataFrame | pl.LazyFrame) -> pl.DataFrame:
    """Collect the statuses (and the validity checks, in one run); raise on invalid facts
    or decision conflicts, as the reference evaluator would."""
    if plan.checks is None:
        return check_conflicts(lazy.collect())
    result, summary = pl.collect_all([lazy, plan.checks])
    if any(summary.row(0)):
        lf, columns = prepare_frame(frame, plan.collection, policy)
        validate_frame(lf, plan.collection, _read_columns(policy, plan.collection, columns))
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


def unsupported_rules(policy: Policy, collection: str) -> dict[str, str]:
    """Rules of the collection that neither the per-row nor the grouped engine computes."""
    collection = normalize_collection(collection)
    columns = collection_columns(collection, subject_rules(policy.rules, collection),
                                 policy.facts_model)
    out = dict(compile_frame(policy, collection, columns).unsupported)
    out.update(compile_groups(policy, collection, columns).unsupported)
    return out


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
        specs = collection_columns(collection, rules, _schema_of(policy))
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


def _with_group_keys(lf: pl.LazyFrame, columns: dict[str, ColumnSpec], policy: Policy,
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
    lf, columns = _with_group_keys(lf, columns, policy, collection)
    date = as_of or dt.date.today()
    if validate:
        validate_frame(lf, collection, _read_columns(policy, collection, columns))
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
