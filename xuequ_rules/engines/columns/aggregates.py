"""Aggregates of grouped rules as per-record and per-group columns, and the grouped plan."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from xuequ_rules.engines._schema import (
    ColumnSpec,
    collection_columns,
    normalize_collection,
    subject_rules,
)
from xuequ_rules.engines.columns.expressions import ExprCompiler
from xuequ_rules.engines.columns.groups import (
    RATIO_DIGITS,
    AggColumn,
    AggParts,
    GroupBatch,
    GroupCompiler,
    GroupedPlan,
    GroupedRulePlan,
    agg_key,
)
from xuequ_rules.engines.columns.rules import not_in_force, period_status, rule_plan
from xuequ_rules.engines.columns.values import (
    NA,
    NIF,
    NUMERIC,
    UND,
    Algebra,
    Cond,
    Kleene,
    Num,
    Unsupported,
    Val,
    cast_any,
)
from xuequ_rules.policy.expr import (
    AggFunc,
    Aggregate,
    Arith,
    ArithOp,
    CompareOp,
)
from xuequ_rules.policy.policy import Policy
from xuequ_rules.policy.rule import Rule


def _masked(c: ExprCompiler, included: Cond, e: Any, kind: str) -> Any:
    if included is True:
        return e
    return c.logic.when([(c.logic.not_(included), c.algebra.null(kind))], e)


def _aggregate_columns(rc: ExprCompiler, node: Aggregate, prefix: str, included: Cond,
                       records: list[tuple[str, Any]], aggs: list[AggColumn]) -> AggParts:
    """The per-record terms and per-group reductions of one aggregate."""
    a, lg = cast_any(rc.algebra), rc.logic
    parts = AggParts()

    def add(suffix: str, func: str, expr: Any, kind: str = "int", scale: int = 0) -> str:
        name = f"{prefix}_{suffix}"
        records.append((name, expr))
        aggs.append(AggColumn(name, func, a.ref(name), kind, scale))
        return name

    def counter(cond: Cond, suffix: str) -> str | None:
        if cond is False:
            return None
        return add(suffix, "sum", lg.when([(cond, a.int_lit(1))], a.int_lit(0)))

    def position(cond: Cond, suffix: str, odd: bool) -> str | None:
        if cond is False:
            return None
        return add(suffix, "min", lg.when([(cond, a.row_index(odd))], a.null("int")))

    def count() -> None:
        if included is True:
            parts.count = f"{prefix}_n"
            aggs.append(AggColumn(parts.count, "count", None))
        else:
            parts.count = counter(included, "n")

    if node.func is AggFunc.COUNT:
        count()
        return parts
    if node.item is None:
        raise Unsupported(f"aggregate {node.func.value} without an item")
    x = rc.compile(node.item)
    if x.kind in NUMERIC:
        unknown_x, undef_x = rc.unknown(x), x.undef
    else:   # a missing column, or not a number: the reference finds no number (unknown)
        unknown_x, undef_x = True, False
    weight_bad: Cond = False
    w: Val | None = None
    if node.weight is not None:
        w = rc.compile(node.weight)
        if w.kind not in NUMERIC:
            weight_bad = True
        else:
            weight_bad = lg.or_(rc.unknown(w), w.undef)
            if w.den is not None:
                raise Unsupported("a weight that is itself a ratio")
    unknown_rec = lg.and_(included, lg.or_(unknown_x, lg.and_(lg.not_(undef_x), weight_bad)))
    undef_rec = lg.and_(included, undef_x)
    parts.unknown_at = position(unknown_rec, "u", False)
    parts.undef_at = position(undef_rec, "d", True)
    if x.kind not in NUMERIC:
        if node.func is not AggFunc.SUM:
            count()
        return parts
    if node.func in (AggFunc.SUM, AggFunc.MIN, AggFunc.MAX, AggFunc.MEAN):
        if x.den is not None:
            raise Unsupported(f"{node.func.value} of a ratio (a sum of fractions)")
        func = "sum" if node.func in (AggFunc.SUM, AggFunc.MEAN) else node.func.value
        parts.kind, parts.scale = "dec", x.scale
        parts.sum = add("v", func, _masked(rc, included, x.v, x.kind), "dec", x.scale)
        if node.func is not AggFunc.SUM:
            count()
        return parts
    assert w is not None
    if node.func is AggFunc.WEIGHTED_MEAN:
        if x.den is not None:
            raise Unsupported("a weighted mean of a ratio (a sum of fractions)")
        parts.w_scale = w.scale
        parts.weight = add("w", "sum", _masked(rc, included, w.v, w.kind), "dec", w.scale)
        first = a.mul(w.num, x.num)
        parts.first_scale = first.scale
        parts.first = add("s1", "sum", _masked(rc, included, first.v, first.kind), "dec",
                          first.scale)
        return parts
    # the coefficient of variation: exact integers (values × 10**scale), see above
    big_p = Num(a.to_int(w.num), "dec", 0)
    parts.weight = add("w", "sum", _masked(rc, included, big_p.v, "dec"), "dec", 0)
    if x.den is None:
        big_x = Num(a.to_int(x.num), "dec", 0)
        first = a.mul(big_p, big_x)
        parts.first = add("s1", "sum", _masked(rc, included, first.v, "dec"), "dec", 0)
        second = a.mul(first, big_x)
        parts.second = add("s2", "sum", _masked(rc, included, second.v, "dec"), "dec", 0)
        return parts
    item = node.item
    if not (isinstance(item, Arith) and item.op is ArithOp.DIV and node.weight is not None
            and item.right.key() == node.weight.key()):
        raise Unsupported("a weighted coefficient of variation of a ratio whose denominator "
                          "is not the weight")
    n = rc.compile(item.left)
    if n.kind not in NUMERIC or n.den is not None:
        raise Unsupported("a weighted coefficient of variation of a nested ratio")
    sn, sp = n.scale, w.scale
    digits = max(RATIO_DIGITS, sp - 2 * sn)
    # Σw·x = Σn; Σw·x² = Σn²/p: unscaled, n²/p = N²/P × 10^(sp − 2sn); keep e = ``digits``
    # digits: F = Σ⌊N²·10^e / P⌋ ≈ (Σw·x²) × 10^(e + 2sn − sp). Both sides of the comparison
    # are then taken to the scale e + 2sn (``shift`` = e on the (Σw·x)² side).
    parts.ratio = True
    parts.shift = digits
    big_n = Num(a.to_int(n.num), "dec", 0)
    parts.first = add("s1", "sum", _masked(rc, included, big_n.v, "dec"), "dec", 0)
    power = 10 ** digits
    square = a.mul(Num(a.lit(power, "int", 0), "int", 0, power), a.mul(big_n, big_n))
    zero = Num(a.lit(0, "int", 0), "int", 0, 0)
    positive = a.compare_num(CompareOp.GT, big_p, zero)
    safe_p = Num(lg.when([(lg.not_(positive), a.lit(Decimal(1), "dec", 0))], big_p.v),
                 "dec", 0)
    quotient = Num(a.floordiv(square.v, safe_p.v), "dec", 0)
    remainder = a.sub(square, a.mul(quotient, safe_p))
    good = lg.and_(included, a.coalesce_false(positive))
    parts.second = add("s2", "sum", lg.when([(lg.not_(good), a.null("dec"))], quotient.v),
                       "dec", 0)
    inexact = lg.and_(good, a.coalesce_false(a.compare_num(CompareOp.NE, remainder, zero)))
    parts.inexact = counter(inexact, "m")
    parts.negative = counter(lg.and_(included, a.coalesce_false(
        a.compare_num(CompareOp.LT, big_p, zero))), "neg")
    return parts


def compile_grouped(policy: Policy, collection: str, record_algebra: Algebra,
                    group_algebra: Algebra, as_of: dt.date | None = None,
                    columns: dict[str, ColumnSpec] | None = None, *,
                    what_if: bool = False) -> GroupedPlan:
    """Compile every grouped rule of ``policy`` whose subject is ``collection``.

    ``columns`` must include the group keys (a key missing from the table is added by the
    driver as a column of nulls, as the reference reads a missing key as ``None``).
    """
    collection = normalize_collection(collection)
    date = as_of or dt.date.today()
    rules = [r for r in subject_rules(policy.rules, collection) if r.grouped]
    specs = columns if columns is not None else collection_columns(
        collection, tuple(rules), policy.facts_model)
    ga = cast_any(group_algebra)
    batches: dict[tuple[str, ...], GroupBatch] = {}
    whole: list[tuple[Rule, str]] = []
    unsupported: dict[str, str] = {}
    outside: dict[str, Cond] = {}
    for index, rule in enumerate(rules):
        if not isinstance(rule, Rule):
            unsupported[rule.id] = "grouped decision tables are judged by the reference evaluator"
            continue
        keys = tuple(rule.group_by or ())
        missing = [k for k in keys if k not in specs]
        if missing:
            raise KeyError(f"group key {missing[0]!r} is not a column of the table")
        period = period_status(rule, policy, date, what_if)
        if period is not None:
            whole.append((rule, period))
            continue
        records: list[tuple[str, Any]] = []
        aggs: list[AggColumn] = []
        bound = getattr(group_algebra, "bindings", None)
        start = len(bound) if bound is not None else 0
        reset = getattr(group_algebra, "reset_bindings", None)
        if reset is not None:
            reset()   # a rule's bindings belong to its batch only
        try:
            rc = ExprCompiler(record_algebra, specs, date)
            lg = rc.logic
            included: Cond = True
            unsure_name: str | None = None
            if rule.where is not None:
                where = rc.compile(rule.where)
                included = rc.is_true(where)
                unsure = rc.unknown(where)
                if unsure is not False:
                    unsure_name = f"__g{index}_unsure"
                    records.append((unsure_name, lg.when([(unsure, ga.int_lit(1))],
                                                         ga.int_lit(0))))
                    aggs.append(AggColumn(unsure_name, "sum", ga.ref(unsure_name)))
            parts: dict[tuple[object, ...], AggParts] = {}
            for expr in rule.expressions():
                if expr is rule.where:
                    continue
                for node in expr.walk():
                    if isinstance(node, Aggregate) and agg_key(node) not in parts:
                        parts[agg_key(node)] = _aggregate_columns(
                            rc, node, f"__g{index}_{len(parts)}", included, records, aggs)
            gc = GroupCompiler(group_algebra, {k: specs[k] for k in keys}, date)
            gc.setup(parts)
            judged = rule_plan(gc, rule)
        except Unsupported as exc:
            unsupported[rule.id] = str(exc)
            continue
        glg = gc.logic
        branches: list[tuple[Cond, Any]] = []
        if unsure_name is not None:
            unsure_any = ga.compare(CompareOp.GT, ga.first_non_null(
                [ga.ref(unsure_name), ga.int_lit(0)]), ga.int_lit(0))
            branches.append((unsure_any, ga.status(UND)))
        ambiguous = glg.or_(*gc.ambiguous)
        branches.append((ambiguous, ga.status(None)))
        status = glg.when(branches, judged.status)
        if not what_if:
            outside[rule.id] = not_in_force(gc, policy, collection, date, keys)
        applicable = judged.applicable if unsure_name is None else glg.and_(
            judged.applicable, glg.not_(branches[0][0]))
        batch = batches.get(keys)
        if batch is None:
            batch = batches[keys] = GroupBatch(keys, [], [], [])
        batch.records.extend(records)
        batch.aggs.extend(aggs)
        if bound is not None:
            batch.bindings.extend(bound[start:])
        batch.rules.append(GroupedRulePlan(rule, status, applicable))
    for keys, batch in batches.items():
        by_id = {plan.rule.id: plan for plan in batch.rules}
        for plan in batch.rules:
            target = by_id.get(plan.rule.exception_to or "")
            if target is not None and plan.applicable is not False:
                target.status = Kleene(group_algebra).when(
                    [(plan.applicable, ga.status(NA))], target.status)
        for plan in batch.rules:   # the policy's force last, as the reference decides it
            plan.status = Kleene(group_algebra).when(
                [(outside.get(plan.rule.id, False), ga.status(NIF))], plan.status)
        batch.ref = group_ref_expr(ga, collection, keys, specs)
    return GroupedPlan(policy, collection, date, specs, list(batches.values()), whole,
                       unsupported)


def group_ref_expr(ga: Any, collection: str, keys: tuple[str, ...],
                   specs: dict[str, ColumnSpec]) -> Any:
    """``subject[k=v,...]`` as the reference names a group (``subject[*]`` for no keys)."""
    if not keys:
        return ga.text(f"{collection}[*]")
    items: list[Any] = []
    for i, key in enumerate(keys):
        items.append(ga.text(f"{collection}[{key}=" if i == 0 else f",{key}="))
        items.append(ga.key_text(ga.ref(key), specs[key].kind))
    items.append(ga.text("]"))
    return ga.concat(items)
