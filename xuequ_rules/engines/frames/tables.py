"""Tables for polars: dtypes from the policy's facts model, reading a frame into those columns,
and checking its values against the model's bounds."""

from __future__ import annotations

from decimal import Decimal
from functools import lru_cache, reduce

import polars as pl

from xuequ_rules.engines._schema import (
    DEFAULT_SCALE,
    ColumnSpec,
    collection_columns,
    invalid_value_error,
    normalize_collection,
    spec_dict,
    subject_rules,
)
from xuequ_rules.engines.columns import compile_constraints
from xuequ_rules.engines.frames.algebra import NULL_DTYPES, schema_of
from xuequ_rules.facts.constraints import Constraint, constraint_error
from xuequ_rules.policy.policy import Policy

# ── tables ─────────────────────────────────────────────────────────────────────

def polars_dtype(spec: ColumnSpec, scale: int = DEFAULT_SCALE) -> pl.DataType:
    """The column type of a fact field (decimals get ``scale`` digits after the point)."""
    if spec.kind == "dec":
        return pl.Decimal(38, scale)
    if spec.kind == "records":
        return pl.List(pl.Struct({n.name: polars_dtype(n, scale) for n in spec.nested}))
    return NULL_DTYPES[spec.kind]


def polars_schema(collection: str, policy: Policy | None = None,
                  scale: int = DEFAULT_SCALE) -> dict[str, pl.DataType]:
    """Explicit column types of a collection's table (64-bit ints, exact decimals)."""
    collection = normalize_collection(collection)
    rules = subject_rules(policy.rules, collection) if policy is not None else ()
    return {name: polars_dtype(spec, scale)
            for name, spec in collection_columns(collection, rules, schema_of(policy)).items()}


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
    specs = collection_columns(collection, rules, schema_of(policy))
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
                spec = ColumnSpec(**{**spec_dict(spec), "scale": dtype.scale or 0})
                if dtype.precision != 38:
                    casts.append(col.cast(pl.Decimal(38, dtype.scale)))
            elif dtype.is_integer():
                casts.append(col.cast(pl.Decimal(38, 0)))
            else:
                scale = _decimal_scale_needed(lf, name)
                spec = ColumnSpec(**{**spec_dict(spec), "scale": scale})
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
        low, high = _magnitude_limits(spec)
        if low is not None:
            bad.append(col <= low)
        if high is not None:
            bad.append(col >= high)
        if spec.enum is not None:
            bad.append(~col.is_in(pl.Series(list(spec.enum), dtype=pl.String).implode()))
        if name == "id":
            bad.append(col.is_null() | (col.str.len_chars() == 0))
        if bad:
            checks[name] = reduce(lambda x, y: x | y, bad).fill_null(False)
    return checks


def validity_summary(columns: dict[str, ColumnSpec]) -> list[pl.Expr]:
    """One boolean per column, true when some value is refused (cheap reductions)."""
    return list(_validity_summary(tuple(columns.values())))


@lru_cache(maxsize=256)
def _validity_summary(specs: tuple[ColumnSpec, ...]) -> tuple[pl.Expr, ...]:
    out: list[pl.Expr] = []
    for spec in specs:
        name = spec.name
        col = pl.col(name)
        bad: list[pl.Expr] = []
        largest = _largest_unscaled(spec)
        if largest is not None:
            # 0 ≤ value ≤ largest in one pass: read as unsigned, a negative value is huge
            unsigned = (col if spec.kind == "int" else col.to_physical()).reinterpret(
                signed=False)
            out.append((unsigned.max() > largest).fill_null(False).alias(name))
            continue
        if spec.ge is not None:
            bad.append(col.min() < _bound(spec.ge, spec))
        if spec.le is not None:
            bad.append(col.max() > _bound(spec.le, spec))
        low, high = _magnitude_limits(spec)
        if low is not None:
            bad.append(col.min() <= low)
        if high is not None:
            bad.append(col.max() >= high)
        if spec.enum is not None or name == "id":
            bad.append(validity_checks({name: spec})[name].any())
        if bad:
            out.append(reduce(lambda x, y: x | y, bad).fill_null(False).alias(name))
    return tuple(out)


def validate_frame(lf: pl.LazyFrame, collection: str, columns: dict[str, ColumnSpec]) -> None:
    """Raise :class:`FactsError` on the first value the fact model would refuse."""
    checks = validity_checks(columns)
    if not checks:
        return
    found = lf.select([expr.any().alias(name) for name, expr in checks.items()]).collect()
    for name, expr in checks.items():
        if found[name][0]:
            row = lf.with_row_index("__row__").filter(expr).head(1).collect().row(0, named=True)
            raise invalid_value_error(collection, row.get("id", row["__row__"]), name,
                                      row[name])


def _largest_unscaled(spec: ColumnSpec) -> int | None:
    """For a number the model keeps within 0 … some largest value, that value × 10**scale
    (None for other columns)."""
    if spec.kind not in ("int", "dec") or spec.ge != 0 or spec.enum is not None:
        return None
    limits = [int(spec.le.scaleb(spec.scale))] if spec.le is not None else []
    if spec.below is not None:
        limits.append(int(spec.below.scaleb(spec.scale)) - 1)
    return min(limits) if limits else None


def _magnitude_limits(spec: ColumnSpec) -> tuple[pl.Expr | None, pl.Expr | None]:
    """The exclusive limits of a quantity's magnitude, where its bounds do not imply them."""
    if spec.below is None:
        return None, None
    low = None if spec.ge is not None and spec.ge > -spec.below else _bound(-spec.below, spec)
    high = None if spec.le is not None and spec.le < spec.below else _bound(spec.below, spec)
    return low, high


def _bound(value: Decimal, spec: ColumnSpec) -> pl.Expr:
    if spec.kind == "int":
        return pl.lit(int(value), dtype=pl.Int64)
    return pl.lit(value, dtype=pl.Decimal(38, max(spec.scale, 0)))


def read_columns(policy: Policy, collection: str,
                  columns: dict[str, ColumnSpec]) -> dict[str, ColumnSpec]:
    names = {node.dotted for rule in subject_rules(policy.rules, collection)
             for node in rule.fields()}
    return {name: spec for name, spec in columns.items() if name in names}


def constraint_checks(policy: Policy, collection: str,
                      columns: dict[str, ColumnSpec]) -> list[tuple[Constraint, pl.Expr]]:
    """Per cross-field constraint of the collection's records (e.g. rotated ≤ eligible), an
    expression true on the rows that violate it."""
    from xuequ_rules.engines.frames.algebra import PolarsAlgebra
    return [(constraint, expr.fill_null(False)) for constraint, expr
            in compile_constraints(policy, collection, PolarsAlgebra(), columns)]


def constraint_summary(policy: Policy, collection: str,
                       columns: dict[str, ColumnSpec]) -> list[pl.Expr]:
    """One boolean per cross-field constraint, true when some row violates it (``any``
    passes over the rows where a fact is missing)."""
    from xuequ_rules.engines.frames.algebra import PolarsAlgebra
    return [expr.any().alias(f"__constraint_{i}") for i, (_, expr)
            in enumerate(compile_constraints(policy, collection, PolarsAlgebra(), columns))]


def validate_constraints(lf: pl.LazyFrame, policy: Policy, collection: str,
                         columns: dict[str, ColumnSpec]) -> None:
    """Raise the reference evaluator's :class:`FactsError` for the first row (in table
    order) that violates a cross-field constraint of the facts model (the first of its
    constraints it violates), counting the other refused rows as the reference does."""
    checks = constraint_checks(policy, collection, columns)
    if not checks:
        return
    flags = [f"__constraint_{i}" for i in range(len(checks))]
    bad = (lf.with_row_index("__row__")
           .with_columns([expr.alias(flag) for flag, (_, expr) in zip(flags, checks, strict=True)])
           .filter(pl.any_horizontal(flags)))
    count, first = pl.collect_all([bad.select(pl.len()), bad.head(1)])
    if not first.height:
        return
    row = first.row(0, named=True)
    constraint = next(c for flag, (c, _) in zip(flags, checks, strict=True) if row[flag])
    raise constraint_error(collection, row["__row__"], constraint, row, count.item() - 1)
