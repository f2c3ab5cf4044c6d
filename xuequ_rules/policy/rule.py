"""Rules as data: modality, responsible party, subject, condition, validity, citations."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from xuequ_rules.policy.citation import Cite
from xuequ_rules.policy.expr import Expr, Field
from xuequ_rules.policy.parameter import Parameter
from xuequ_rules.text import Text


class Modality(StrEnum):
    OBLIGATION = "obligation"     # 应/要/必须
    PROHIBITION = "prohibition"   # 不得/严禁
    PERMISSION = "permission"     # 可/可以
    TARGET = "target"             # 到…年 达到 …（有期限的目标）
    PROCEDURE = "procedure"       # 程序/决策：谁审批、走哪条程序
    DEFINITION = "definition"     # 定义/结构：学区形式、教共体构成


MODALITY_LABELS: dict[Modality, tuple[str, str]] = {
    Modality.OBLIGATION: ("义务", "obligation"),
    Modality.PROHIBITION: ("禁止", "prohibition"),
    Modality.PERMISSION: ("许可", "permission"),
    Modality.TARGET: ("目标", "target"),
    Modality.PROCEDURE: ("程序", "procedure"),
    Modality.DEFINITION: ("定义", "definition"),
}

ATTESTATIONS = "attestations"


@dataclass(frozen=True, kw_only=True)
class BaseRule:
    """What every rule has: identity, modality, who is responsible, what it is about, sources."""

    id: str
    title: Text
    party: Text                        # 责任主体
    subject: str                       # the fact collection it ranges over ("" = the scenario)
    cites: tuple[Cite, ...]
    applies: Expr | None = None        # when the rule applies; None = always
    in_principle: bool = False         # 原则上: a default that admits justified exceptions
    valid_from: dt.date | None = None
    valid_until: dt.date | None = None
    exception_to: str | None = None    # the id of the rule this one makes an exception to
    concept: str | None = None         # shared vocabulary for comparing districts
    note: Text | None = None
    group_by: tuple[str, ...] | None = None  # judge groups of records (aggregates), not records
    where: Expr | None = None          # grouped rules: which records count (others excluded)

    @property
    def modality(self) -> Modality:
        raise NotImplementedError

    def expressions(self) -> tuple[Expr, ...]:
        return tuple(e for e in (self.applies, self.where) if e is not None)

    @property
    def grouped(self) -> bool:
        return self.group_by is not None

    def parameters(self) -> tuple[Parameter, ...]:
        seen: dict[str, Parameter] = {}
        for expr in self.expressions():
            for node in expr.walk():
                if isinstance(node, Parameter):
                    seen.setdefault(node.id, node)
        return tuple(seen.values())

    def fields(self) -> tuple[Field, ...]:
        seen: dict[tuple[str, ...], Field] = {}
        for expr in self.expressions():
            for node in expr.walk():
                if isinstance(node, Field):
                    seen.setdefault(node.path, node)
        return tuple(seen.values())

    def valid_at(self, as_of: dt.date | None) -> bool:
        if as_of is None:
            return True
        if self.valid_from is not None and as_of < self.valid_from:
            return False
        return not (self.valid_until is not None and as_of > self.valid_until)


@dataclass(frozen=True, kw_only=True)
class Rule(BaseRule):
    """An obligation, prohibition, permission, target or definition.

    * obligation / definition / target: ``requires`` must hold;
    * prohibition: ``forbids`` must not hold;
    * permission: ``requires`` states the conditions of the permission; a finding says
      whether the permission is available (satisfied) or its conditions are not met;
    * target: judged only from its ``deadline`` on.
    """

    kind: Modality
    requires: Expr | None = None
    forbids: Expr | None = None
    deadline: dt.date | None = None

    @property
    def modality(self) -> Modality:
        return self.kind

    @property
    def is_checklist(self) -> bool:
        """A qualitative duty checked by attestation (an inspection checklist item)."""
        return (isinstance(self.requires, Field) and len(self.requires.path) == 2
                and self.requires.path[0] == ATTESTATIONS)

    def expressions(self) -> tuple[Expr, ...]:
        out = list(super().expressions())
        out.extend(e for e in (self.requires, self.forbids) if e is not None)
        return tuple(out)


@dataclass(frozen=True, slots=True)
class Outcome:
    """One answer of a decision: a machine code and its bilingual wording."""

    code: str
    text: Text


@dataclass(frozen=True, slots=True)
class Case:
    when: Expr
    outcome: Outcome
    cites: tuple[Cite, ...] = ()


@dataclass(frozen=True, kw_only=True)
class Decision(BaseRule):
    """A decision table (procedure): exactly one case must hold for every valid input.

    ``question`` names what is decided (e.g. ``expenditure.approval_route``); two
    applicable decisions on the same question that answer differently are a conflict.
    ``actual`` is the fact recording which outcome was really taken, if any: when given,
    the finding is satisfied or violated; when missing, the decision is still returned
    and the finding is undetermined.
    """

    question: str
    cases: tuple[Case, ...]
    actual: Field | None = None

    @property
    def modality(self) -> Modality:
        return Modality.PROCEDURE

    def expressions(self) -> tuple[Expr, ...]:
        out = list(super().expressions())
        out.extend(case.when for case in self.cases)
        if self.actual is not None:
            out.append(self.actual)
        return tuple(out)

    def all_cites(self) -> tuple[Cite, ...]:
        return self.cites + tuple(c for case in self.cases for c in case.cites)


AnyRule = Rule | Decision


def checklist_duty(*, id: str, title: Text, party: Text, cites: tuple[Cite, ...],
                   in_principle: bool = False, concept: str | None = None,
                   modality: Modality = Modality.OBLIGATION, note: Text | None = None,
                   valid_from: dt.date | None = None,
                   valid_until: dt.date | None = None) -> Rule:
    """A qualitative duty: satisfied when the responsible party attests that it is done.

    The attestation fact is ``attestations.<id>`` (true / false / missing).
    """
    return Rule(id=id, title=title, party=party, subject="", cites=cites, kind=modality,
                requires=Field((ATTESTATIONS, id)), in_principle=in_principle,
                concept=concept, note=note, valid_from=valid_from, valid_until=valid_until)
