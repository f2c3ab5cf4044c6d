"""Aggregates over the records of a group (:class:`~xuequ_rules.policy.expr.Aggregate`), exact.

Sums, means, minima and maxima are Fractions. A weighted mean or coefficient of variation is
computed from three sums, Σw, Σwv and Σwv² (variance / mean² = (Σw·Σwv² − (Σwv)²) / (Σwv)²);
with whole-number weights, in integers: every value v = n/d is scaled to a common denominator
c (v = m/c), so that Σwv = t₁/c and Σwv² = t₂/c², and c cancels. A value that is a ratio of
two whole numbers is kept as its two terms, never reduced.

A missing value (or weight) makes the aggregate unknown; a value that divides by zero makes
it undefined, as does a mean over no records or no weight.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from fractions import Fraction
from typing import Any

from xuequ_rules.evaluation.undefined import UNDEFINED
from xuequ_rules.exact import ExactSqrt, as_fraction
from xuequ_rules.policy.expr import AggFunc

# (record, env) -> value; the env is the evaluator's Env (typed loosely to avoid a cycle)
Closure = Callable[[Any, Any], Any]


def aggregate_closure(func: AggFunc, item: Closure | None, weight: Closure | None,
                      ratio: tuple[Closure, Closure] | None,
                      scratch: Callable[[Any], Any]) -> Closure:
    """The aggregate ``func`` of ``item`` (weighted by ``weight``) over a group's records.
    ``ratio`` gives the two terms of ``item`` when it is a division; ``scratch(env)`` gives an
    env whose trace is dropped."""
    weighted = func in (AggFunc.WEIGHTED_MEAN, AggFunc.WEIGHTED_CV)

    def aggregate(group: Any, env: Any) -> Any:
        records = getattr(group, "records", None)
        if records is None:
            raise TypeError("an aggregate is only computed over the records of a group")
        if func is AggFunc.COUNT:
            return len(records)
        inner = scratch(env)
        if weighted and item is not None and weight is not None:
            return _weighted(func, records, item, weight, ratio, inner)
        values: list[Fraction] = []
        weights: list[Fraction] = []
        for record in records:
            raw = item(record, inner) if item is not None else None
            if raw is None:
                return None
            if raw is UNDEFINED:
                return UNDEFINED
            value = as_fraction(raw)
            if value is None:
                return None
            values.append(value)
            if weight is not None:
                weight_value = as_fraction(weight(record, inner))
                if weight_value is None:
                    return None
                weights.append(weight_value)
        return _reduce(func, values, weights)
    return aggregate


def _rational(value: Any) -> int | Fraction | None:
    """An exact number as an int or a Fraction (None for anything else, truth values too)."""
    kind = type(value)
    if kind is int or kind is Fraction:
        return value   # type: ignore[no-any-return]
    return as_fraction(value)


def _weighted(func: AggFunc, records: Any, item: Closure, weight: Closure,
              ratio: tuple[Closure, Closure] | None, env: Any) -> Any:
    shares: list[int | Fraction] = []
    terms: list[tuple[int, int]] = []       # each value as numerator and denominator
    whole = True                            # every weight a whole number
    for record in records:
        term: tuple[int, int] | None = None
        if ratio is not None:
            numerator, denominator = ratio[0](record, env), ratio[1](record, env)
            if type(numerator) is int and type(denominator) is int:
                if denominator == 0:
                    return UNDEFINED
                term = (numerator, denominator)
        if term is None:
            raw = item(record, env)
            if raw is None:
                return None
            if raw is UNDEFINED:
                return UNDEFINED
            value = _rational(raw)
            if value is None:
                return None
            term = (value.numerator, value.denominator)
        share = _rational(weight(record, env))
        if share is None:
            return None
        whole = whole and type(share) is int
        terms.append(term)
        shares.append(share)
    if not shares:
        return UNDEFINED
    if whole:
        return _by_counts(func, shares, terms)
    total: int | Fraction = 0
    first = second = Fraction(0)
    for share, (numerator, denominator) in zip(shares, terms, strict=True):
        value = Fraction(numerator, denominator)
        total += share
        moment = value * share
        first += moment
        second += moment * value
    if total == 0:
        return UNDEFINED
    if func is AggFunc.WEIGHTED_MEAN:
        return first / total
    if first == 0:
        return UNDEFINED
    squared = first * first
    return ExactSqrt((second * total - squared) / squared)


def _by_counts(func: AggFunc, shares: list[Any], terms: list[tuple[int, int]]) -> Any:
    total = sum(shares)
    if total == 0:
        return UNDEFINED
    common = 1
    for _, denominator in terms:
        if denominator != 1 and common % denominator:
            common = math.lcm(common, denominator)
    first = second = 0
    for share, (numerator, denominator) in zip(shares, terms, strict=True):
        scaled = numerator * (common // denominator)
        moment = share * scaled
        first += moment
        second += moment * scaled
    if func is AggFunc.WEIGHTED_MEAN:
        return Fraction(first, common * total)
    if first == 0:
        return UNDEFINED
    return ExactSqrt(Fraction(total * second - first * first, first * first))


def _reduce(func: AggFunc, values: list[Fraction], weights: list[Fraction]) -> Any:
    if func is AggFunc.SUM:
        return sum(values, Fraction(0))
    if not values:
        return UNDEFINED
    if func is AggFunc.MIN:
        return min(values)
    if func is AggFunc.MAX:
        return max(values)
    if func is AggFunc.MEAN:
        return sum(values, Fraction(0)) / len(values)
    total_weight = sum(weights, Fraction(0))
    if total_weight == 0:
        return UNDEFINED
    mean = sum((w * v for v, w in zip(values, weights, strict=True)), Fraction(0)) / total_weight
    if func is AggFunc.WEIGHTED_MEAN:
        return mean
    if mean == 0:
        return UNDEFINED
    variance = sum((w * (v - mean) ** 2 for v, w in zip(values, weights, strict=True)),
                   Fraction(0)) / total_weight
    return ExactSqrt(variance / (mean * mean))
