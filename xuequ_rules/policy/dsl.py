"""Everything a policy module needs to write rules: ``from xuequ_rules.policy.dsl import *``."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Protocol

from xuequ_rules.policy.citation import Cite
from xuequ_rules.policy.expr import agg, all_of, any_of, count_true, f, length
from xuequ_rules.policy.parameter import DatedValue, Parameter
from xuequ_rules.policy.policy import (
    CountClaim,
    DocumentFinding,
    Narrative,
    Phase,
    Policy,
    Unencoded,
    Validity,
)
from xuequ_rules.policy.rule import Case, Decision, Modality, Outcome, Rule, checklist_duty
from xuequ_rules.policy.sequence import consecutive
from xuequ_rules.policy.units import Unit
from xuequ_rules.text import Text, zh_en

__all__ = [
    "Case",
    "Cite",
    "CountClaim",
    "DatedValue",
    "Decimal",
    "Decision",
    "DocumentFinding",
    "Modality",
    "Narrative",
    "Outcome",
    "Parameter",
    "Phase",
    "Policy",
    "Rule",
    "Text",
    "Unencoded",
    "Unit",
    "Validity",
    "agg",
    "all_of",
    "any_of",
    "checklist_duty",
    "consecutive",
    "count_true",
    "dt",
    "duty_maker",
    "f",
    "length",
    "phase_rules",
    "zh_en",
]


class DutyMaker(Protocol):
    def __call__(self, key: str, zh: str, en: str, party: Text, clause: str, quote: str,
                 concept: str | None = None, *, modality: Modality = Modality.OBLIGATION,
                 in_principle: bool = False, note: Text | None = None,
                 extra: tuple[Cite, ...] = ()) -> Rule: ...


def duty_maker(prefix: str) -> DutyMaker:
    """A short constructor for a policy's checklist duties, with ids ``<prefix>.duty.<key>``.

    ``duty("rotation_system", "建立…制度", "Establish …", BUREAU, "三/(四)/3", "建立健全…")``
    """

    def duty(key: str, zh: str, en: str, party: Text, clause: str, quote: str,
             concept: str | None = None, *, modality: Modality = Modality.OBLIGATION,
             in_principle: bool = False, note: Text | None = None,
             extra: tuple[Cite, ...] = ()) -> Rule:
        return checklist_duty(id=f"{prefix}.duty.{key}", title=zh_en(zh, en), party=party,
                              cites=(Cite(clause, quote), *extra), concept=concept,
                              modality=modality, in_principle=in_principle, note=note)

    return duty


def phase_rules(prefix: str, phases: tuple[Phase, ...], party: Text) -> tuple[Rule, ...]:
    """One target rule per dated phase: the milestone recorded under the phase id is
    completed by the phase's end date (judged from that date on)."""
    rules: list[Rule] = []
    for phase in phases:
        if phase.end is None:
            continue
        rules.append(Rule(
            id=f"{prefix}.{phase.id}.completed",
            title=zh_en(f"{phase.title.zh}于 {phase.end} 前完成",
                        f"{phase.title.en} completed by {phase.end}"),
            kind=Modality.TARGET, party=party, subject="milestones",
            applies=f.id.eq(phase.id), requires=f.completed_on <= phase.end,
            deadline=phase.end, cites=phase.cites, concept="plan.phase_completed"))
    return tuple(rules)
