"""Records arriving one by one, judged as they arrive.

Each record is validated against the policy's facts model and judged by the policy's
rules over its collection as soon as it arrives (asserted in durable, then retracted).
A rule over a sequence of records (:class:`~xuequ_rules.policy.sequence.Consecutive`,
e.g. Ziyang's 连续两年下滑) is decided by durable_rules on the records received so far that
share the arriving record's sequence (:mod:`.sequences`), whatever order the years arrive
in: the arriving record's finding is yielded at once, and an earlier record whose finding
the new one changes (a year arriving late) is yielded again with its new finding.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from typing import Any

from pydantic import BaseModel, ValidationError

from xuequ_rules.engines.durable.findings import STAGE_APPLIES, stage_of
from xuequ_rules.engines.durable.host import Context
from xuequ_rules.engines.durable.policy import DurablePolicy, compile_policy
from xuequ_rules.errors import FactsError
from xuequ_rules.evaluation.evaluate import (
    CompiledRule,
    apply_exceptions,
    apply_lifecycle,
    check_conflicts,
    evaluate_rule,
    period_finding,
)
from xuequ_rules.evaluation.finding import Finding
from xuequ_rules.evaluation.sequences import RecordSequence
from xuequ_rules.facts.loader import facts_error
from xuequ_rules.facts.schema import Facts, collections_of
from xuequ_rules.policy.policy import Policy
from xuequ_rules.policy.sequence import Consecutive


def arriving(item: Any, schema: type[Facts]) -> tuple[str, Any]:
    """A streamed item: a record model, or ``(collection, mapping)``; validated against the
    policy's facts model ``schema``."""
    collections = collections_of(schema)
    owner: dict[type[BaseModel], str] = {model: name for name, model in collections.items()}
    if isinstance(item, BaseModel) and type(item) in owner:
        return owner[type(item)], item
    if isinstance(item, tuple) and len(item) == 2 and item[0] in collections:
        collection, data = item
        model = collections[collection]
        if isinstance(data, model):
            return collection, data
        try:
            return collection, model.model_validate(dict(data))
        except ValidationError as exc:
            raise facts_error(exc, collection) from None
    raise FactsError("流式记录应为本政策事实模型中的记录，或 (集合名, 字段映射)",
                     "a streamed record must be a record of the policy's facts model, or "
                     "(collection, mapping)")


def _sequences(rule_expressions: Iterable[Any]) -> tuple[Consecutive, ...]:
    return tuple(node for expr in rule_expressions for node in expr.walk()
                 if isinstance(node, Consecutive))


class _Stream:
    """What a stream remembers: the records received per collection, and the findings of
    rules over sequences already yielded (to yield a record again only when it changes)."""

    def __init__(self, compiled: DurablePolicy, date: dt.date) -> None:
        self.compiled = compiled
        self.date = date
        self.history: dict[str, list[Any]] = {}
        self.ids: dict[str, set[str]] = {}
        self.announced: set[str] = set()
        self.yielded: dict[tuple[str, str], tuple[Any, ...]] = {}
        self.sequences = {rule.id: _sequences(rule.expressions())
                          for rule in compiled.policy.rules}

    def receive(self, collection: str, record: Any) -> list[Finding]:
        ids = self.ids.setdefault(collection, set())
        if record.id in ids:
            raise FactsError(f"{collection} 中标识重复：{record.id}",
                             f"duplicate id in {collection}: {record.id}", field=record.id)
        ids.add(record.id)
        self.history.setdefault(collection, []).append(record)
        return self.judge(collection, record)

    def _related(self, collection: str, record: Any, nodes: tuple[Consecutive, ...]
                 ) -> list[Any]:
        """The records received so far that share a sequence with ``record``."""
        keys = {node.per.path: getattr(record, node.per.path[0], None) for node in nodes}
        return [other for other in self.history[collection]
                if any(getattr(other, path[0], None) == key for path, key in keys.items())]

    def _over_sequence(self, compiled_ref: CompiledRule, index: int, collection: str,
                       record: Any, applicable: dict[tuple[str, str], bool],
                       judged: dict[str, Any], decided: dict[tuple[int, ...], Context]
                       ) -> list[Finding]:
        """The rule's findings on the records sharing a sequence with ``record``, decided
        by durable_rules (by the reference evaluator for a rule it cannot translate)."""
        rule = compiled_ref.rule
        compiled = self.compiled
        related = self._related(collection, record, self.sequences[rule.id])
        if rule.id in compiled.fallback:
            scenario = compiled.policy.facts_model.model_validate({collection: related})
            found = evaluate_rule(compiled_ref, scenario, self.date, applicable, judged)
        else:
            refs = [(f"{collection}[{other.id}]", other) for other in related]
            key = tuple(id(other) for other in related)
            context = decided.get(key)
            if context is None:
                context = decided[key] = compiled.decide(compiled.subjects[collection], refs,
                                                         self.date)
            sequence = RecordSequence(related)
            found = []
            for position, (other_ref, other) in enumerate(refs):
                codes = [code for code in context.table[index][position:position + 1]
                         if code is not None]
                codes += [code for i, at, code in context.extra if (i, at) == (index, position)]
                found.append(compiled.judge_codes(compiled_ref, other, other_ref, self.date,
                                                  codes, sequence))
                judged[other_ref] = other
                if stage_of(codes[0]) != STAGE_APPLIES:
                    applicable[(rule.id, other_ref)] = True
        out: list[Finding] = []
        ref = f"{collection}[{record.id}]"
        for finding in found:
            seen = (finding.status, finding.reason, finding.decision)
            if finding.record == ref or self.yielded.get((rule.id, finding.record)) != seen:
                self.yielded[(rule.id, finding.record)] = seen
                out.append(finding)
        return out

    def judge(self, collection: str, record: Any) -> list[Finding]:
        compiled = self.compiled
        subject = compiled.subjects.get(collection)
        policy = compiled.policy
        date = self.date
        findings: list[Finding] = []
        applicable: dict[tuple[str, str], bool] = {}
        ref = f"{collection}[{record.id}]"
        judged: dict[str, Any] = {ref: record}
        periods = {i: period_finding(r, policy, date) for i, r in enumerate(policy.rules)
                   if r.subject == collection}
        if collection not in self.announced:
            self.announced.add(collection)
            findings.extend(p for p in periods.values() if p is not None)
        context = Context()
        decided: dict[tuple[int, ...], Context] = {}
        if subject is not None and any(periods[i] is None for i in subject.rule_indexes):
            context = compiled.decide(subject, [(ref, record)], date)
        for index, period in periods.items():
            compiled_ref = compiled.reference[index]
            rule = compiled_ref.rule
            if period is not None:
                continue
            if self.sequences[rule.id]:
                findings.extend(self._over_sequence(compiled_ref, index, collection, record,
                                                    applicable, judged, decided))
                continue
            if rule.id in compiled.fallback:
                scenario = policy.facts_model.model_validate({collection: [record]})
                findings.extend(evaluate_rule(compiled_ref, scenario, date, applicable, {}))
                continue
            row = context.table.get(index, [None])
            codes = [code for code in row[:1] if code is not None]
            codes += [code for i, _, code in context.extra if i == index]
            findings.append(compiled.judge_codes(compiled_ref, record, ref, date, codes))
            if codes and stage_of(codes[0]) != STAGE_APPLIES:
                applicable[(rule.id, ref)] = True
        findings = apply_exceptions(policy, findings, applicable)
        check_conflicts(findings)
        return apply_lifecycle(policy, findings, judged, date, False)


def stream_findings(policy: Policy | DurablePolicy, records: Iterable[Any], *,
                    as_of: dt.date | None = None) -> Iterator[Finding]:
    """Yield findings as records arrive one by one (e.g. yearly school assessments).

    Each record is judged by the policy's rules over its collection as soon as it arrives,
    before the next record is read. A rule over consecutive records yields the arriving
    record's finding at once and, when a late record changes an earlier record's finding
    (the year before arrives after), that record's new finding.
    """
    compiled = policy if isinstance(policy, DurablePolicy) else compile_policy(policy)
    state = _Stream(compiled, as_of or dt.date.today())
    for item in records:
        collection, record = arriving(item, compiled.policy.facts_model)
        yield from state.receive(collection, record)
