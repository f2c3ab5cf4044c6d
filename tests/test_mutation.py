"""Mutation test: every wrong value or unit of a shipped parameter is a library defect."""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal

from xuequ_rules.consistency.mutation import (
    OTHER_FAMILY,
    mutants,
    mutation_result,
    perturb,
    shipped_results,
)
from xuequ_rules.document.numbers import COMPATIBLE
from xuequ_rules.policy.units import Unit
from xuequ_rules.registry import load_policy
from xuequ_rules.text import Text


def test_mutation_kills_every_value_and_unit_perturbation_of_every_shipped_parameter() -> None:
    results = shipped_results()
    for r in results:
        print(f"{r.policy}: killed {r.killed}/{r.mutants} ({r.kill_rate * 100:.1f}%), "
              f"derived {len(r.derived)}, failing unmutated {len(r.failing)}")
    total = sum(r.mutants for r in results)
    killed = sum(r.killed for r in results)
    print(f"total: killed {killed}/{total}")
    assert total > 0
    assert [s for r in results for s in r.survivors] == []


def test_mutation_catches_every_shipped_phase_date_and_deadline_moved_two_years_earlier(
        ) -> None:
    results = shipped_results()
    dates = sum(r.date_mutants for r in results)
    print(f"date mutants: {dates}, survivors: {[s for r in results for s in r.date_survivors]}")
    assert dates > 0
    assert [s for r in results for s in r.date_survivors] == []


def test_perturb_moves_ratio_10_percent_to_15_a_count_up_one_and_a_year_back_two() -> None:
    assert perturb(Decimal("0.10"), Unit.RATIO) == Decimal("0.15")
    assert perturb(2, Unit.SCHOOLS) == 3
    assert perturb(2033, Unit.YEAR) == 2031
    assert perturb(dt.date(2024, 9, 30), Unit.DATE) == dt.date(2022, 9, 30)


def test_unit_mutants_come_from_another_family_that_reads_no_kind_the_unit_reads() -> None:
    for unit, other in OTHER_FAMILY.items():
        assert other is not unit
        assert not (COMPATIBLE[unit] & COMPATIBLE[other]), (unit, other)


def test_mutants_of_liujiang_rotation_share_are_15_percent_and_units_that_read_no_percentage(
        ) -> None:
    param = load_policy("liujiang@2018").parameter("liujiang.teacher_exchange.min_share")
    found = mutants(param)
    assert found[0] == ("value", found[0][1]) and found[0][1].value == Decimal("0.15")
    assert found[1][0] == "unit" and found[1][1].unit is Unit.YUAN
    units = {m.unit for _, m in found[1:]}
    assert Unit.RATIO not in units and Unit.YEARS in units
    assert all(m.value == Decimal("0.10") for _, m in found[1:])


def test_mutation_counts_derived_and_unmutated_failing_parameters_apart() -> None:
    policy = load_policy("caoxian@capture-1")
    param = policy.parameter("caoxian.suspension.max_extensions")
    underived = dataclasses.replace(param, derived=None)
    derived = dataclasses.replace(param, derived=Text("再延期一年即延期一次", "one extension"))
    for variant, bucket in ((underived, "failing"), (derived, "derived")):
        others = tuple(p for p in policy.parameters if p.id != param.id)
        rules = tuple(r for r in policy.rules if param not in r.parameters())
        result = mutation_result(dataclasses.replace(policy, parameters=(*others, variant),
                                                     rules=rules))
        assert param.id in getattr(result, bucket)
        assert not any(param.id in s for s in result.survivors)
