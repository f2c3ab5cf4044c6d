"""Open lists (…等, 等多种形式) in every engine: a listed value holds, an unlisted one is unknown.

The reference evaluator, polars, DuckDB and durable_rules must give the same status for every
rule built on an open list, and a requirement over an open list is never violated by a value
the list does not name.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

import polars as pl
import pytest

from xuequ_rules import Status, evaluate, load_policy
from xuequ_rules.engines import durable_backend as durable
from xuequ_rules.engines.polars_backend import evaluate_frame, polars_schema
from xuequ_rules.engines.sql_backend import evaluate_duckdb
from xuequ_rules.policy.dsl import Modality, Rule, f, length, zh_en
from xuequ_rules.policy.policy import Policy

AS_OF = dt.date(2019, 6, 1)
FORMS = ("urban_rural_assistance", "education_group")   # …、集团化办学…等多种组合形式


@pytest.fixture(scope="module")
def open_policy() -> Policy:
    """Rules over Liujiang's document built on open lists, in every position."""
    liujiang = load_policy("liujiang")
    cite = liujiang.rules[0].cites
    base: dict[str, Any] = {"party": zh_en("区教育局", "district bureau"), "cites": cite}
    zones = {**base, "subject": "zones"}
    years = {**base, "subject": "teacher_exchanges"}
    rules = (
        Rule(id="o.form_required", title=zh_en("组合形式", "forms"), kind=Modality.OBLIGATION,
             requires=f.form.isin(FORMS, open=True), **zones),
        Rule(id="o.form_forbidden", title=zh_en("禁止的形式", "forbidden forms"),
             kind=Modality.PROHIBITION, forbids=f.form.isin(FORMS, open=True), **zones),
        Rule(id="o.form_not_listed", title=zh_en("非所列形式", "not a listed form"),
             kind=Modality.OBLIGATION, requires=~f.form.isin(FORMS, open=True), **zones),
        Rule(id="o.form_or", title=zh_en("形式或学校数", "form or size"),
             kind=Modality.OBLIGATION,
             requires=f.form.isin(FORMS, open=True) | (length(f.schools) <= 3), **zones),
        Rule(id="o.year_applies", title=zh_en("所列年度", "listed years"),
             kind=Modality.OBLIGATION, applies=f.year.isin((2019, 2020), open=True),
             requires=f.rotated >= 1, **years),
        Rule(id="o.year_permitted", title=zh_en("许可", "permission"),
             kind=Modality.PERMISSION, requires=f.year.isin((2019, 2020), open=True), **years),
    )
    return dataclasses.replace(liujiang, rules=rules, parameters=(), valid_until=None,
                               validity=None)


ZONES = [{"id": f"z{i}", "form": form, "schools": schools}
         for i, (form, schools) in enumerate([
             ("urban_rural_assistance", ["a"]), ("education_group", ["a", "b", "c", "d"]),
             ("school_alliance", ["a"]), ("school_alliance", ["a", "b", "c", "d"]),
             ("other", None), (None, ["a"]), (None, None)])]
EXCHANGES = [{"id": f"x{i}", "year": year, "rotated": rotated, "eligible": 10}
             for i, (year, rotated) in enumerate([(2019, 1), (2019, 0), (2021, 0), (2021, 3),
                                                  (None, 0), (2020, None)])]


def _reference(policy: Policy, collection: str, rows: list[dict[str, Any]]
               ) -> dict[str, list[str]]:
    facts = {collection: [{k: v for k, v in r.items() if v is not None} for r in rows]}
    out: dict[str, list[str]] = {}
    for finding in evaluate(policy, facts, AS_OF).findings:
        if finding.rule.subject == collection:
            out.setdefault(finding.rule.id, []).append(finding.status.value)
    return out


@pytest.mark.parametrize(("collection", "rows"), [("zones", ZONES),
                                                  ("teacher_exchanges", EXCHANGES)])
def test_open_lists_agree_in_reference_polars_duckdb_and_durable(open_policy, collection, rows):
    expected = _reference(open_policy, collection, rows)
    frame = pl.DataFrame(rows, schema=polars_schema(collection))
    by_polars = evaluate_frame(open_policy, collection, frame, AS_OF)
    by_duckdb = evaluate_duckdb(open_policy, collection, frame, AS_OF)
    for rule_id, statuses in expected.items():
        assert [str(v) for v in by_polars[rule_id].to_list()] == statuses, rule_id
        assert [str(v) for v in by_duckdb[rule_id].to_list()] == statuses, rule_id
    facts = {collection: [{k: v for k, v in r.items() if v is not None} for r in rows]}
    assert durable.evaluate(open_policy, facts, AS_OF).as_dict() == \
        evaluate(open_policy, facts, AS_OF).as_dict()


def test_an_unlisted_form_of_an_open_list_is_undetermined_not_violated(open_policy):
    statuses = _reference(open_policy, "zones", ZONES)
    # z0 listed, z2 an unlisted form, z4 another unlisted one, z5 no form given
    assert statuses["o.form_required"][0] == Status.SATISFIED.value
    assert statuses["o.form_required"][2] == Status.UNDETERMINED.value
    assert statuses["o.form_required"][4] == Status.UNDETERMINED.value
    assert statuses["o.form_required"][5] == Status.UNDETERMINED.value
    assert Status.VIOLATED.value not in statuses["o.form_required"]
    # an unlisted form with few schools still satisfies the disjunction
    assert statuses["o.form_or"][2] == Status.SATISFIED.value
    assert statuses["o.form_or"][3] == Status.UNDETERMINED.value


def test_an_unlisted_year_of_an_open_list_leaves_applicability_undetermined(open_policy):
    statuses = _reference(open_policy, "teacher_exchanges", EXCHANGES)
    assert statuses["o.year_applies"][:4] == ["satisfied", "violated", "undetermined",
                                              "undetermined"]
    assert Status.VIOLATED.value not in statuses["o.year_permitted"]
