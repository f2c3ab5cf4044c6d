"""Mutation test of the value ↔ quote check: every wrong value or unit must be caught.

For every parameter of every shipped policy version, the value is perturbed (a ratio or
amount ×1.5, a count +1, a year −2, a date two years earlier, a list given an extra item)
and, separately, the unit is changed to every unit that reads none of the kinds the true
unit reads (a ratio to 元 or 年, a count to 元, a duration to 所 or 人, a year to 学时 …); units
that overlap (a count read from 2所 may also be 所) are not mutants of each other. Each mutant
is run through :func:`parameter_defects`, the very function ``xuequ check`` runs, and is
*killed* when a library defect names the parameter. Parameters declared ``derived`` are not
read from their quotes, so no quote can kill their mutants: they are counted apart.
Parameters that already fail unmutated are counted apart too (their defect is reported by
``xuequ check``).

``python -m xuequ_rules.consistency.mutation`` prints the kill rate per policy and in total.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from xuequ_rules.consistency.values import parameter_defects, phase_defects, rule_date_defects
from xuequ_rules.document.numbers import COMPATIBLE
from xuequ_rules.policy.expr import Scalar
from xuequ_rules.policy.parameter import DatedValue, Parameter
from xuequ_rules.policy.policy import Policy
from xuequ_rules.policy.rule import Rule
from xuequ_rules.policy.units import Unit

OTHER_FAMILY: dict[Unit, Unit] = {
    Unit.RATIO: Unit.YUAN, Unit.YUAN: Unit.RATIO, Unit.HOURS: Unit.YEAR,
    Unit.YEARS: Unit.SCHOOLS, Unit.COUNT: Unit.YUAN, Unit.PERSONS: Unit.YUAN,
    Unit.SCHOOLS: Unit.YUAN, Unit.TERMS: Unit.YUAN, Unit.DATE: Unit.HOURS,
    Unit.YEAR: Unit.HOURS, Unit.SQUARE_METRES: Unit.YUAN, Unit.TEXT: Unit.COUNT,
}


def perturb(value: Scalar, unit: Unit) -> Scalar:
    """A wrong value of the same type: 0.10 → 0.15, 2 → 3, 2033 → 2031, a list + one item."""
    if isinstance(value, bool):
        return not value
    if isinstance(value, dt.date):
        return value.replace(year=value.year - 2)
    if isinstance(value, int):
        return value - 2 if unit is Unit.YEAR else value + 1
    if isinstance(value, Decimal):
        return value * Decimal("1.5") if value else Decimal(1)
    return f"{value}、另立名目"


def mutants(param: Parameter) -> list[tuple[str, Parameter]]:
    """(kind, mutant) pairs: the value perturbed, each dated value perturbed, the unit changed."""
    out = [("value", dataclasses.replace(param, value=perturb(param.value, param.unit)))]
    for index, dated in enumerate(param.dated):
        changed = list(param.dated)
        changed[index] = DatedValue(dated.since, perturb(dated.value, param.unit))
        out.append((f"dated[{index}]", dataclasses.replace(param, dated=tuple(changed))))
    out.append(("unit", dataclasses.replace(param, unit=OTHER_FAMILY[param.unit])))
    for unit in foreign_units(param.unit):
        if unit is not OTHER_FAMILY[param.unit]:
            out.append((f"unit:{unit.name}", dataclasses.replace(param, unit=unit)))
    return out


def foreign_units(unit: Unit) -> list[Unit]:
    """Every unit that reads no kind ``unit`` reads (a count is never 元; 所 never 人)."""
    if unit is Unit.TEXT:
        return [OTHER_FAMILY[unit]]
    return [other for other in Unit if other not in (unit, Unit.TEXT)
            and not COMPATIBLE[other] & COMPATIBLE[unit]]


@dataclass
class MutationResult:
    policy: str
    parameters: int = 0
    derived: list[str] = field(default_factory=list)
    failing: list[str] = field(default_factory=list)      # fail before any mutation
    mutants: int = 0
    survivors: list[str] = field(default_factory=list)   # "param.id (kind)"
    date_mutants: int = 0                                 # phase dates and deadlines
    date_survivors: list[str] = field(default_factory=list)

    @property
    def killed(self) -> int:
        return self.mutants - len(self.survivors)

    @property
    def kill_rate(self) -> Decimal:
        return Decimal(self.killed) / Decimal(self.mutants) if self.mutants else Decimal(1)


def _names(param_id: str, issues: list[str]) -> bool:
    return any(param_id in issue for issue in issues)


def mutation_result(policy: Policy) -> MutationResult:
    result = MutationResult(policy.ref, parameters=len(policy.parameters))
    document = policy.document
    for param in policy.parameters:
        if param.derived is not None:
            result.derived.append(param.id)
            continue
        if parameter_defects(document, param):
            result.failing.append(param.id)
            continue
        for kind, mutant in mutants(param):
            result.mutants += 1
            if not _names(param.id, [i.id for i in parameter_defects(document, mutant)]):
                result.survivors.append(f"{param.id} ({kind})")
    _date_mutations(policy, result)
    return result


def _earlier(value: dt.date) -> dt.date:
    return perturb(value, Unit.DATE)  # type: ignore[return-value]


def _date_mutations(policy: Policy, result: MutationResult) -> None:
    """Each phase date and each rule deadline two years earlier must be caught too."""
    document = policy.document
    for phase in policy.phases:
        if phase_defects(document, phase):
            continue
        edges = [("start", dataclasses.replace(phase, start=_earlier(phase.start)))
                 if phase.start else None,
                 ("end", dataclasses.replace(phase, end=_earlier(phase.end)))
                 if phase.end else None]
        for edge, mutant in (e for e in edges if e is not None):
            result.date_mutants += 1
            if not phase_defects(document, mutant):
                result.date_survivors.append(f"{phase.id} ({edge})")
    for rule in policy.rules:
        if not isinstance(rule, Rule) or rule.deadline is None or rule_date_defects(
                policy, rule):
            continue
        deadline = rule.deadline
        result.date_mutants += 1
        if not rule_date_defects(policy, dataclasses.replace(rule, deadline=_earlier(deadline))):
            result.date_survivors.append(f"{rule.id} (deadline)")


def shipped_results() -> list[MutationResult]:
    from xuequ_rules.registry import packages

    return [mutation_result(package.load(version))
            for package in packages().values() for version in package.versions()]


def main() -> None:
    results = shipped_results()
    for r in results:
        print(f"{r.policy}: 参数 parameters {r.parameters}, 变异 mutants {r.mutants}, "
              f"杀死 killed {r.killed} ({r.kill_rate * 100:.1f}%), "
              f"派生 derived {len(r.derived)}, 未变异即不符 failing unmutated {len(r.failing)}")
        print(f"  日期变异 date mutants {r.date_mutants}, "
              f"杀死 killed {r.date_mutants - len(r.date_survivors)}")
        for survivor in r.survivors + r.date_survivors:
            print(f"  存活 survived: {survivor}")
    total = sum(r.mutants for r in results)
    killed = sum(r.killed for r in results)
    rate = Decimal(killed) / Decimal(total) * 100 if total else Decimal(100)
    print(f"合计 total: {killed}/{total} ({rate:.1f}%), "
          f"派生 derived {sum(len(r.derived) for r in results)}, "
          f"未变异即不符 failing unmutated {sum(len(r.failing) for r in results)}; "
          f"日期 dates {sum(r.date_mutants - len(r.date_survivors) for r in results)}/"
          f"{sum(r.date_mutants for r in results)}")


if __name__ == "__main__":
    main()
