"""Differential tests: the reference evaluator, polars and DuckDB give the same status per rule.

Generated tables cover zero denominators, missing facts, values exactly at, just below and
just above the policy's own parameters, and counts up to 10**12. Every installed policy is
covered automatically (a policy that fails to load is skipped, with the reason); every
collection its rules range over is tested, and scenario-level rules (checklist duties) on a
table of one row per scenario.
"""

from __future__ import annotations

import datetime as dt
import itertools
from decimal import Decimal
from fractions import Fraction
from typing import Any

import duckdb
import polars as pl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from xuequ_rules import RuleConflictError, evaluate, load_policy, packages
from xuequ_rules.engines._schema import ColumnSpec, collection_columns, subject_rules
from xuequ_rules.engines.polars_backend import (
    evaluate_frame,
    polars_schema,
    row_facts,
    unsupported_rules,
)
from xuequ_rules.engines.sql_backend import evaluate_duckdb
from xuequ_rules.facts.model import COLLECTIONS, Facts
from xuequ_rules.policy.expr import Const, IsIn
from xuequ_rules.policy.parameter import Parameter
from xuequ_rules.policy.policy import Policy
from xuequ_rules.policy.rule import Decision, Rule

SCALE = 6
COUNT_MAX = 10**12


def _cases() -> list[Any]:
    """(policy, collection) for every installed policy and every subject of its rules."""
    params = []
    for name in packages():
        try:
            policy = load_policy(name)
        except Exception as exc:  # another engineer's policy mid-edit: skip, say why
            params.append(pytest.param(name, "", id=f"{name}-unloadable", marks=pytest.mark.skip(
                reason=f"{name} does not load: {type(exc).__name__}: {exc}"[:300])))
            continue
        for collection in sorted({rule.subject for rule in policy.rules}):
            params.append(pytest.param(name, collection,
                                       id=f"{name}-{collection or 'scenario'}"))
    return params


# ── values worth trying, read from the policy itself ───────────────────────────

def _constants(policy: Policy, rules: tuple[Any, ...]) -> list[Any]:
    found: list[Any] = []
    for rule in rules:
        for expr in rule.expressions():
            for node in expr.walk():
                if isinstance(node, Parameter):
                    found.append(node.value)
                    found.extend(d.value for d in node.dated)
                elif isinstance(node, Const):
                    found.append(node.value)
                elif isinstance(node, IsIn):
                    found.extend(node.values)
        if isinstance(rule, Decision):
            found.extend(case.outcome.code for case in rule.cases)
    return [getattr(v, "value", v) for v in found]


def _interesting_ints(constants: list[Any], spec: ColumnSpec) -> list[int]:
    values = {0, 1, 2, 3, 7, 10, 12, 25, 70, 100, 175, 1000, COUNT_MAX - 1, COUNT_MAX}
    for value in constants:
        if isinstance(value, bool):
            continue
        if isinstance(value, int):
            values.update({value - 1, value, value + 1, 10 * value})
        elif isinstance(value, Decimal):
            ratio = Fraction(value)
            for k in (1, 7, 10**10 // max(ratio.denominator, 1)):
                values.update({ratio.numerator * k, ratio.denominator * k,
                               ratio.numerator * k + 1, ratio.denominator * k - 1})
    low = int(spec.ge) if spec.ge is not None else -(10**12)
    high = int(spec.le) if spec.le is not None else 10**12
    return sorted({low, high} | {v for v in values if low <= v <= high})


def _interesting_decimals(constants: list[Any], spec: ColumnSpec) -> list[Decimal]:
    step = Decimal("0.01")
    values = {Decimal(0), Decimal(1), Decimal("0.5"), Decimal(10**12)}
    for value in constants:
        if isinstance(value, bool):
            continue
        if isinstance(value, int | Decimal):
            value = Decimal(value)
            values.update({value, value - step, value + step, value * 10, value / 2})
    low = spec.ge if spec.ge is not None else Decimal(-(10**12))
    high = spec.le if spec.le is not None else Decimal(10**12)
    quantum = Decimal(1).scaleb(-SCALE)
    return sorted({v.quantize(quantum) for v in values if low <= v <= high})


def _interesting_dates(constants: list[Any], policy: Policy) -> list[dt.date]:
    day = dt.timedelta(days=1)
    values = {dt.date(2017, 1, 1), dt.date(2030, 6, 30)}
    for value in constants:
        if isinstance(value, dt.date):
            values.update({value - day, value, value + day})
    return sorted(values)


def _value(spec: ColumnSpec, constants: list[Any], policy: Policy) -> st.SearchStrategy[Any]:
    none = st.none()
    if spec.kind == "int":
        pool = _interesting_ints(constants, spec)
        low = int(spec.ge) if spec.ge is not None else 0
        high = int(spec.le) if spec.le is not None else COUNT_MAX
        return st.one_of(none, st.sampled_from(pool), st.integers(low, min(high, low + 30)),
                         st.integers(low, high))
    if spec.kind == "dec":
        pool = _interesting_decimals(constants, spec)
        low = spec.ge if spec.ge is not None else Decimal(0)
        high = spec.le if spec.le is not None else Decimal(10**6)
        return st.one_of(none, st.sampled_from(pool),
                         st.decimals(low, high, places=3, allow_nan=False,
                                     allow_infinity=False))
    if spec.kind == "bool":
        return st.one_of(none, st.booleans())
    if spec.kind == "str":
        texts = [c for c in constants if isinstance(c, str)]
        pool = list(spec.enum) if spec.enum is not None else sorted(set(texts) | {"x", ""})
        return st.one_of(none, st.sampled_from(pool))
    if spec.kind == "date":
        return st.one_of(none, st.sampled_from(_interesting_dates(constants, policy)),
                         st.dates(dt.date(2010, 1, 1), dt.date(2035, 12, 31)))
    if spec.kind == "list":
        return st.one_of(none, st.lists(st.sampled_from(["a", "b", "c", "d"]), max_size=4))
    if spec.kind == "records":
        member = st.fixed_dictionaries({
            "school": st.sampled_from(["a", "b", "c"]),
            "attached": st.lists(st.sampled_from(["v1", "v2", "t1"]), max_size=3)})
        return st.one_of(none, st.lists(member, max_size=3))
    raise AssertionError(spec.kind)


def _ratios(constants: list[Any]) -> list[Fraction]:
    """The policy's numbers as ratios n/d: a share, a multiple, or a plain count."""
    out = {Fraction(1)}
    for value in constants:
        if isinstance(value, int | Decimal) and not isinstance(value, bool) and value > 0:
            out.add(Fraction(value))
    return sorted(out)


def _anchored(spec: ColumnSpec, ratio: Fraction, k: int) -> st.SearchStrategy[Any] | None:
    """Values that put a row exactly at, just below or just above ``ratio`` (× k)."""
    low = spec.ge if spec.ge is not None else Decimal(-(10**12))
    high = spec.le if spec.le is not None else Decimal(10**12)
    exact: list[Any]
    near: list[Any]
    if spec.kind == "int":
        n, d = ratio.numerator * k, ratio.denominator * k
        exact, near = [n, d], [0, n + 1, n - 1, d + 1, d - 1]
    else:
        step = Decimal("0.001")
        value = (Decimal(ratio.numerator) / Decimal(ratio.denominator)).quantize(step)
        exact, near = [value], [Decimal(0), value - step, value + step]
    exact = [v for v in exact if low <= v <= high]
    near = [v for v in near if low <= v <= high]
    if not exact:
        return None
    return st.one_of(st.sampled_from(exact), st.sampled_from(exact + near))


def _rows(policy: Policy, collection: str) -> st.SearchStrategy[list[dict[str, Any]]]:
    rules = subject_rules(policy.rules, collection)
    constants = _constants(policy, rules)
    specs = collection_columns(collection, rules)
    fields = {name: _value(spec, constants, policy) for name, spec in specs.items()
              if name != "id"}
    if "id" in specs:
        ids = sorted({c for c in constants if isinstance(c, str) and c})
        fields["id"] = st.one_of(st.none(), st.sampled_from(ids)) if ids else st.none()
    plain = st.fixed_dictionaries(fields)

    def anchored(choice: tuple[Fraction, int]) -> st.SearchStrategy[dict[str, Any]]:
        ratio, k = choice
        out = {}
        for name, strategy in fields.items():
            spec = specs[name]
            near = _anchored(spec, ratio, k) if spec.kind in ("int", "dec") else None
            out[name] = near if near is not None else strategy
        return st.fixed_dictionaries(out)

    near_thresholds = st.tuples(st.sampled_from(_ratios(constants)),
                                st.sampled_from([1, 7, 10**10])).flatmap(anchored)
    return st.lists(st.one_of(plain, near_thresholds), min_size=1,
                    max_size=3 if not collection else 8)


def _as_of(policy: Policy) -> st.SearchStrategy[dt.date]:
    day = dt.timedelta(days=1)
    dates: set[dt.date] = {dt.date(2024, 1, 1)}
    marks = [policy.valid_from, policy.valid_until]
    for rule in policy.rules:
        marks.extend([rule.valid_from, rule.valid_until])
        if isinstance(rule, Rule):
            marks.append(rule.deadline)
    for mark in marks:
        if mark is not None:
            dates.update({mark - day, mark, mark + day})
    # a date when the policy is in force, after every deadline, is the most common case
    in_force = max(d for d in marks if d is not None and d != policy.valid_until) + day \
        if any(d is not None for d in marks) else dt.date(2024, 1, 1)
    if policy.valid_until is not None:
        in_force = min(in_force, policy.valid_until)
    return st.one_of(st.just(in_force), st.sampled_from(sorted(dates)),
                     st.dates(dt.date(2010, 1, 1), dt.date(2035, 12, 31)))


def _repairs(row: dict[str, Any]) -> list[dict[str, Any]]:
    """The row, then the same numbers in other fields, then with one number missing.

    The models' cross-field checks (e.g. backbone_rotated ≤ rotated ≤ eligible) refuse many
    drawn rows; moving the drawn counts between fields keeps the exact threshold pairs.
    """
    numbers = [k for k, v in row.items() if isinstance(v, int) and not isinstance(v, bool)
               and k not in ("year", "cycle_start_year")]
    out = [row]
    for order in itertools.islice(itertools.permutations([row[k] for k in numbers]), 1, 24):
        out.append({**row, **dict(zip(numbers, order, strict=True))})
    out.extend({**row, k: None} for k in numbers)
    return out


def _valid_records(collection: str, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Rows the fact model accepts, with unique ids (the reference refuses the others)."""
    model = COLLECTIONS[collection]
    out: list[dict[str, Any]] = []
    seen: set[str] = set()
    for index, drawn in enumerate(rows):
        for row in _repairs(drawn):
            record = {k: v for k, v in row.items() if v is not None}
            if record.get("id") in seen or not record.get("id"):
                record["id"] = f"r{index}"
            try:
                model.model_validate(record)
            except ValidationError:
                continue
            seen.add(record["id"])
            out.append({**row, "id": record["id"]})
            break
    return out


# ── the three engines ──────────────────────────────────────────────────────────

def _reference(policy: Policy, collection: str, rows: list[dict[str, Any]],
               as_of: dt.date) -> dict[str, list[str]] | type[RuleConflictError]:
    """Status per rule per row from the reference evaluator."""
    rules = [r.id for r in _per_row_rules(policy, collection)]
    out: dict[str, list[str | None]] = {rule_id: [None] * len(rows) for rule_id in rules}
    try:
        if collection == "":
            scenarios = [Facts.model_validate(row_facts(row, "")) for row in rows]
            results = [evaluate(policy, facts, as_of) for facts in scenarios]
            for index, result in enumerate(results):
                for finding in result.findings:
                    if finding.rule.id in out:
                        out[finding.rule.id][index] = finding.status.value
        else:
            facts = Facts.model_validate(
                {collection: [{k: v for k, v in row.items() if v is not None} for row in rows]})
            position = {f"{collection}[{row['id']}]": i for i, row in enumerate(rows)}
            for finding in evaluate(policy, facts, as_of).findings:
                if finding.rule.id not in out:
                    continue
                if finding.record == "":      # out of period: the whole rule
                    out[finding.rule.id] = [finding.status.value] * len(rows)
                else:
                    out[finding.rule.id][position[finding.record]] = finding.status.value
    except RuleConflictError:
        return RuleConflictError
    return out  # type: ignore[return-value]


def _engine(run: Any) -> dict[str, list[str]] | type[RuleConflictError]:
    try:
        result = run()
    except RuleConflictError:
        return RuleConflictError
    return {name: [None if v is None else str(v) for v in result[name].to_list()]
            for name in result.columns if name != "id" and "#" not in name}


def _frame(collection: str, rows: list[dict[str, Any]], policy: Policy) -> pl.DataFrame:
    return pl.DataFrame(rows, schema=polars_schema(collection, policy, SCALE))


def _per_row_rules(policy: Policy, collection: str) -> tuple[Any, ...]:
    """Rules judged per record (grouped rules are judged per group, by the reference)."""
    return tuple(r for r in subject_rules(policy.rules, collection)
                 if getattr(r, "group_by", None) is None)


def check_agreement(policy: Policy, collection: str,
                    max_examples: int = 50) -> dict[str, set[str]]:
    """Run the differential check; return the statuses the reference gave per rule."""
    rule_ids = {r.id for r in _per_row_rules(policy, collection)}
    grouped = {r.id for r in subject_rules(policy.rules, collection)} - rule_ids
    # every per-record rule is computed; only grouped rules are left to the reference
    assert set(unsupported_rules(policy, collection)) == grouped
    if not rule_ids:
        return {}
    con = duckdb.connect()
    seen: dict[str, set[str]] = {rule_id: set() for rule_id in rule_ids}

    @settings(max_examples=max_examples, deadline=None, derandomize=True,
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much,
                                     HealthCheck.data_too_large])
    @given(rows=_rows(policy, collection), as_of=_as_of(policy))
    def agree(rows: list[dict[str, Any]], as_of: dt.date) -> None:
        if collection:
            rows = _valid_records(collection, rows)
            if not rows:
                return
        expected = _reference(policy, collection, rows, as_of)
        frame = _frame(collection, rows, policy)
        by_polars = _engine(lambda: evaluate_frame(policy, collection, frame, as_of))
        by_decimals = _engine(lambda: evaluate_frame(policy, collection, frame, as_of,
                                                     validate=False))
        by_duckdb = _engine(lambda: evaluate_duckdb(policy, collection, frame, as_of,
                                                    con=con))
        assert by_polars == expected, (rows, as_of)
        assert by_decimals == expected, (rows, as_of)
        assert by_duckdb == expected, (rows, as_of)
        if expected is not RuleConflictError:
            assert set(expected) == rule_ids
            for rule_id, statuses in expected.items():
                seen[rule_id].update(statuses)

    agree()
    return seen


@pytest.mark.parametrize(("name", "collection"), _cases())
def test_every_rule_has_the_same_status_in_reference_polars_and_duckdb(name: str,
                                                                      collection: str) -> None:
    seen = check_agreement(load_policy(name), collection)
    if (name, collection) == ("liujiang", "teacher_exchanges"):
        # the generated tables reach every outcome of the quantitative rules
        for rule_id in ("liujiang.teacher_exchange.min_share",
                        "liujiang.teacher_exchange.backbone_share"):
            assert seen[rule_id] == {"satisfied", "violated", "not_applicable", "undetermined"}


def test_division_by_zero_decisions_and_prohibitions_agree_in_all_three_engines() -> None:
    from test_engine_polars import synthetic

    seen = check_agreement(synthetic(load_policy("liujiang")), "teacher_exchanges",
                           max_examples=80)
    assert "not_applicable" in seen["t.ratio"]          # rotated / 0 is undefined
    assert {"satisfied", "violated"} <= seen["t.ratio"]
    assert {"satisfied", "violated", "undetermined"} <= seen["t.route"]
    assert {"satisfied", "violated", "undetermined"} <= seen["t.count"]


def test_the_agreement_test_covers_liujiang_collections_and_checklist() -> None:
    cases = {tuple(p.values) for p in _cases() if not p.marks}
    for collection in ("teacher_exchanges", "zones", "pairings", "district_indicators",
                       "milestones", ""):
        assert ("liujiang", collection) in cases
