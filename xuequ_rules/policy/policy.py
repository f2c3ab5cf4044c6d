"""The one model everything downstream reads: a policy version with its rules."""

from __future__ import annotations

import datetime as dt
import difflib
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel

from xuequ_rules.document.document import Document
from xuequ_rules.document.hints import quote_hint
from xuequ_rules.document.metadata import ENDED_STATES
from xuequ_rules.document.source import apply_errata
from xuequ_rules.errors import CitationError, PolicyDefinitionError
from xuequ_rules.facts.schema import Facts, collections_of
from xuequ_rules.policy.citation import Cite
from xuequ_rules.policy.concepts import Concept, concept_table
from xuequ_rules.policy.expr import Aggregate
from xuequ_rules.policy.parameter import Parameter
from xuequ_rules.policy.rule import ATTESTATIONS, AnyRule, Decision
from xuequ_rules.text import Text


@dataclass(frozen=True, slots=True)
class Narrative:
    """A number in the text that is not a rule parameter, and why (a date in history, a name…)."""

    cite: Cite
    reason: Text


@dataclass(frozen=True, slots=True)
class Term:
    """A name or slogan with numerals in it (两免一补, 三重一大, 一校一品), declared once.

    Every occurrence of ``text`` in the document is a name, not a quantity.
    """

    text: str
    reason: Text


@dataclass(frozen=True, slots=True)
class Phase:
    """A phase or milestone the document sets, with its dates (end inclusive)."""

    id: str
    title: Text
    start: dt.date | None
    end: dt.date | None
    cites: tuple[Cite, ...]


@dataclass(frozen=True, slots=True)
class CountClaim:
    """A count the text states (e.g. 组建8个教共体) and the count its own data shows."""

    id: str
    title: Text
    stated: int
    actual: int
    cites: tuple[Cite, ...]


@dataclass(frozen=True, slots=True)
class DocumentFinding:
    """An oddity or contradiction in the document itself, found by reading it."""

    id: str
    kind: str
    text: Text
    cites: tuple[Cite, ...]
    encodings: tuple[str, ...] = ()   # ids of the rules/parameters the finding concerns


UNENCODED_KINDS = ("not_encodable", "not_normative")


@dataclass(frozen=True, slots=True)
class Validity:
    """Where a policy version's status and period of validity come from.

    ``cites`` are the clauses that state or imply the period (a schedule's last phase, an
    effective date); where the text states none, ``none_stated`` is the finding that says so,
    and the period (if any) is an inference explained in ``reading``.
    """

    reading: Text
    cites: tuple[Cite, ...] = ()
    none_stated: DocumentFinding | None = None


@dataclass(frozen=True, slots=True)
class Unencoded:
    """A provision that could not be encoded faithfully, and the reason.

    ``kind="not_normative"`` declares instead that a sentence which reads like a provision
    (it carries 要, 建立, 到…年 …) states no duty: background, a description of the past, a
    heading-like phrase. Both kinds account for the sentence in the provision-coverage check.
    """

    cite: Cite
    reason: Text
    kind: str = "not_encodable"

    def __post_init__(self) -> None:
        if self.kind not in UNENCODED_KINDS:
            raise PolicyDefinitionError(
                f"未编码条目 {self.cite.clause} 的类型“{self.kind}”无效，应为 "
                f"{' / '.join(UNENCODED_KINDS)}",
                f"unencoded entry {self.cite.clause}: kind {self.kind!r} is not one of "
                f"{', '.join(UNENCODED_KINDS)}", field=f"{self.cite.clause}.kind")


@dataclass(frozen=True)
class Policy:
    """One version of a policy: its document expression and its encoding."""

    name: str
    version: str
    document: Document
    parameters: tuple[Parameter, ...]
    rules: tuple[AnyRule, ...]
    narratives: tuple[Narrative, ...] = ()
    phases: tuple[Phase, ...] = ()
    count_claims: tuple[CountClaim, ...] = ()
    document_findings: tuple[DocumentFinding, ...] = ()
    unencoded: tuple[Unencoded, ...] = ()
    terms: tuple[Term, ...] = ()
    data: dict[str, Any] = field(default_factory=dict)
    valid_from: dt.date | None = None
    valid_until: dt.date | None = None
    # The document's own data (annex tables, the groups and schools it names) as facts;
    # ``xuequ check`` evaluates every rule on them.
    self_facts: Facts | None = None
    # Other names under which the text names a responsible party: party zh → names.
    party_names: dict[str, tuple[str, ...]] = field(default_factory=dict)
    validity: Validity | None = None
    # Proposals not yet reviewed (ids of parameters, rules and findings that ``xuequ new``
    # proposed); each is a library defect until its id is removed after review.
    pending_review: tuple[str, ...] = ()
    # The policy's fact schema: the shared vocabulary, the package's own collections and its
    # extensions of shared records (``xuequ_rules.facts.facts_schema``).
    facts_model: type[Facts] = Facts
    # The package's own concepts (the shared ones are in ``xuequ_rules.policy.concepts``).
    concepts: tuple[Concept, ...] = ()
    # Lookup tables, built anew for every instance (``dataclasses.replace`` included, so a
    # changed copy never writes into the tables of the policy it was copied from).
    _rules_by_id: dict[str, AnyRule] = field(default_factory=dict, init=False, repr=False,
                                             compare=False)
    _params_by_id: dict[str, Parameter] = field(default_factory=dict, init=False, repr=False,
                                                compare=False)
    _concepts_by_id: dict[str, Concept] = field(default_factory=dict, init=False, repr=False,
                                                compare=False)

    def __post_init__(self) -> None:
        _check_unique("rule", [r.id for r in self.rules], self.ref)
        _check_unique("parameter", [p.id for p in self.parameters], self.ref)
        self._rules_by_id.update({r.id: r for r in self.rules})
        self._params_by_id.update({p.id: p for p in self.parameters})
        self._concepts_by_id.update(concept_table(self.concepts))
        self._check_concepts()
        self._check_references()
        self._check_validity()
        verify_citations(self)

    @property
    def ref(self) -> str:
        return f"{self.name}@{self.version}"

    @property
    def title(self) -> str:
        return self.document.metadata.title

    def rule(self, rule_id: str) -> AnyRule:
        try:
            return self._rules_by_id[rule_id]
        except KeyError:
            raise PolicyDefinitionError(f"{self.ref} 中没有规则“{rule_id}”",
                                        f"{self.ref} has no rule {rule_id!r}",
                                        field="rule") from None

    def parameter(self, parameter_id: str) -> Parameter:
        try:
            return self._params_by_id[parameter_id]
        except KeyError:
            raise PolicyDefinitionError(f"{self.ref} 中没有参数“{parameter_id}”",
                                        f"{self.ref} has no parameter {parameter_id!r}",
                                        field="parameter") from None

    def concept(self, concept_id: str) -> Concept | None:
        """The declared concept ``concept_id`` (shared or the package's own), if any."""
        return self._concepts_by_id.get(concept_id)

    def _check_concepts(self) -> None:
        owners = [(f"规则 rule {r.id}", r.id, r.concept) for r in self.rules]
        owners += [(f"参数 parameter {p.id}", p.id, p.concept) for p in self.parameters]
        for owner, key, concept_id in owners:
            if concept_id is not None and concept_id not in self._concepts_by_id:
                raise PolicyDefinitionError(
                    f"{self.ref} {owner} 的概念“{concept_id}”未声明（共享概念见 "
                    "xuequ_rules.policy.concepts，本包概念传入 Policy(concepts=...)）",
                    f"{self.ref} {owner}: concept {concept_id!r} is not declared (shared "
                    "concepts: xuequ_rules.policy.concepts; the package's own: "
                    "Policy(concepts=...))", field=f"{key}.concept")

    def checklist(self) -> tuple[AnyRule, ...]:
        return tuple(r for r in self.rules if getattr(r, "is_checklist", False))

    def _check_references(self) -> None:
        collections = collections_of(self.facts_model)
        for rule in self.rules:
            if rule.subject and rule.subject not in collections:
                raise PolicyDefinitionError(
                    f"规则 {rule.id} 的对象“{rule.subject}”不在 {self.name} 的事实结构中",
                    f"rule {rule.id}: subject {rule.subject!r} is not a collection of "
                    f"{self.name}'s fact schema", field=f"{rule.id}.subject")
            model: type[BaseModel] = collections.get(rule.subject, self.facts_model)
            for node in rule.fields():
                head = node.path[0]
                if not rule.subject and head == ATTESTATIONS:
                    continue
                if head not in model.model_fields:
                    raise PolicyDefinitionError(
                        f"规则 {rule.id} 引用了不存在的事实字段“{node.dotted}”",
                        f"rule {rule.id} reads unknown fact field {node.dotted!r}",
                        field=f"{rule.id}.{node.dotted}")
            for param in rule.parameters():
                if self._params_by_id.get(param.id) is not param:
                    raise PolicyDefinitionError(
                        f"规则 {rule.id} 使用了未在政策中声明的参数 {param.id}",
                        f"rule {rule.id} uses parameter {param.id}, not declared in the policy",
                        field=f"{rule.id}.parameters")
            self._check_grouping(rule, model)
            if rule.exception_to is not None and rule.exception_to not in self._rules_by_id:
                raise PolicyDefinitionError(
                    f"规则 {rule.id} 声明为 {rule.exception_to} 的例外，但该规则不存在",
                    f"rule {rule.id} is an exception to unknown rule {rule.exception_to}",
                    field=f"{rule.id}.exception_to")
            if isinstance(rule, Decision) and not rule.cases:
                raise PolicyDefinitionError(f"决策规则 {rule.id} 没有任何情形",
                                            f"decision {rule.id} has no cases", field=rule.id)


    def _check_validity(self) -> None:
        validity = self.validity
        if validity is None:
            return
        if not validity.cites and validity.none_stated is None:
            raise PolicyDefinitionError(
                f"{self.ref} 的有效期既无引文，也没有说明文本未写明有效期的文件问题",
                f"{self.ref}: its validity cites no clause and no finding says the text "
                "states none", field="validity")
        state = self.document.metadata.status.state
        if state in ENDED_STATES and self.valid_until is None:
            raise PolicyDefinitionError(
                f"{self.ref} 的文件状态为 {state.value}，但没有有效期止日（valid_until）",
                f"{self.ref}: the document is {state.value} but the policy has no valid_until",
                field="valid_until")
        finding = validity.none_stated
        if finding is not None and finding not in self.document_findings:
            # the finding that the text states no validity is one of the document's findings
            object.__setattr__(self, "document_findings", (*self.document_findings, finding))

    def _check_grouping(self, rule: AnyRule, model: type[BaseModel]) -> None:
        aggregates = [node for expr in rule.expressions() for node in expr.walk()
                      if isinstance(node, Aggregate)]
        if not rule.grouped:
            if aggregates or rule.where is not None:
                raise PolicyDefinitionError(
                    f"规则 {rule.id} 使用了聚合或 where，但没有 group_by",
                    f"rule {rule.id} uses aggregates or where without group_by",
                    field=f"{rule.id}.group_by")
            return
        if not rule.subject:
            raise PolicyDefinitionError(f"分组规则 {rule.id} 必须指定事实集合",
                                        f"grouped rule {rule.id} needs a subject collection",
                                        field=f"{rule.id}.subject")
        for name in rule.group_by or ():
            if name not in model.model_fields:
                raise PolicyDefinitionError(
                    f"规则 {rule.id} 按不存在的字段“{name}”分组",
                    f"rule {rule.id} groups by unknown field {name!r}",
                    field=f"{rule.id}.group_by")


def _check_unique(kind: str, ids: list[str], ref: str) -> None:
    seen: set[str] = set()
    for item in ids:
        if item in seen:
            raise PolicyDefinitionError(f"{ref} 中{kind}标识重复：{item}",
                                        f"duplicate {kind} id in {ref}: {item}", field=item)
        seen.add(item)


def quote_in_clause(document: Document, cite: Cite) -> bool:
    """Whether the quote appears in the clause (with its descendants), captured or corrected."""
    clause = document.clause(cite.clause)
    captured = document.full_text(clause)
    if cite.quote in captured:
        return True
    return cite.quote in apply_errata(document.source.text, document.source.errata,
                                      clause.start, clause.subtree_end)


def _owners(policy: Policy) -> list[tuple[str, Cite]]:
    owners: list[tuple[str, Cite]] = []
    for param in policy.parameters:
        owners.extend((f"参数 parameter {param.id}", c) for c in param.cites)
    for rule in policy.rules:
        cites = rule.all_cites() if isinstance(rule, Decision) else rule.cites
        if not cites:
            raise CitationError(f"规则 {rule.id} 没有引用任何条款",
                                f"rule {rule.id} cites no clause", field=rule.id)
        owners.extend((f"规则 rule {rule.id}", c) for c in cites)
    owners.extend((f"数字说明 narrative {n.cite.quote}", n.cite) for n in policy.narratives)
    for phase in policy.phases:
        owners.extend((f"阶段 phase {phase.id}", c) for c in phase.cites)
    for claim in policy.count_claims:
        owners.extend((f"数量 claim {claim.id}", c) for c in claim.cites)
    for finding in policy.document_findings:
        owners.extend((f"文件问题 finding {finding.id}", c) for c in finding.cites)
    owners.extend((f"未编码 unencoded {u.cite.clause}", u.cite) for u in policy.unencoded)
    if policy.validity is not None:
        owners.extend(("有效期 validity", c) for c in policy.validity.cites)
    return owners


def verify_citations(policy: Policy) -> None:
    """Every citation's clause exists and its quote is verbatim in it; else the load fails."""
    document = policy.document
    for owner, cite in _owners(policy):
        if not cite.quote:
            raise CitationError(f"{policy.ref} {owner} 引用条款 {cite.clause} 时引文为空",
                                f"{policy.ref} {owner} cites {cite.clause} with an empty quote",
                                field=cite.clause)
        if not document.has_clause(cite.clause):
            close = difflib.get_close_matches(cite.clause, list(document.ids), n=3, cutoff=0.5)
            raise CitationError(
                f"{policy.ref} {owner} 引用的条款 {cite.clause} 不存在"
                + (f"；相近的条款：{'、'.join(close)}" if close else ""),
                f"{policy.ref} {owner} cites clause {cite.clause}, which does not exist"
                + (f"; close matches: {', '.join(close)}" if close else ""),
                field=cite.clause)
        if not quote_in_clause(document, cite):
            clause = document.clause(cite.clause)
            hint_zh, hint_en = quote_hint(document.full_text(clause, corrected=True), cite.quote)
            raise CitationError(
                f"{policy.ref} {owner} 的引文不在条款 {cite.clause} 中：“{cite.quote}”。{hint_zh}",
                f"{policy.ref} {owner}: quote not found verbatim in clause {cite.clause}: "
                f"{cite.quote!r}. {hint_en}", field=cite.clause)
