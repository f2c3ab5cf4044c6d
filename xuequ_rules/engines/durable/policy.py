"""One policy version compiled to durable_rules rulesets, and its evaluation."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Iterator, Mapping
from functools import partial
from typing import Any

from xuequ_rules.engines.durable.compile import ConditionCompiler, decision_outcomes, rule_outcomes
from xuequ_rules.engines.durable.conditions import FALSE, atoms, branches, durable_condition, properties
from xuequ_rules.engines.durable.findings import (
    STAGE_APPLIES,
    finding_for,
    make_finding,
    outcome_specs,
    stage_of,
)
from xuequ_rules.engines.durable.host import SESSION_IDS, CompiledSubject, Context, Sessions, ruleset_name
from xuequ_rules.engines.durable.integers import IntExpr, int_nodes, interval_of, sub, within_limit
from xuequ_rules.engines.durable.layout import Layout, Slot, Untranslatable, converter
from xuequ_rules.engines.durable.runtime import (
    MAX_MATCHES_PER_FACT,
    MAX_PROPERTIES_PER_FACT,
    DurableEngineError,
)
from xuequ_rules.engines.durable.sequences import Sequence
from xuequ_rules.errors import RuleConflictError
from xuequ_rules.evaluation.evaluate import (
    CompiledRule,
    Evaluation,
    apply_exceptions,
    apply_lifecycle,
    check_conflicts,
    compiled_rules,
    evaluate_rule,
    period_finding,
)
from xuequ_rules.evaluation.finding import Finding, Status
from xuequ_rules.evaluation.sequences import RecordSequence
from xuequ_rules.facts.loader import facts_for
from xuequ_rules.facts.schema import Facts
from xuequ_rules.policy.policy import Policy
from xuequ_rules.policy.rule import Decision
from xuequ_rules.policy.sequence import Consecutive
from xuequ_rules.text import Text


class DurablePolicy:
    """One policy version compiled to durable_rules rulesets, on a private host.

    ``fallback`` maps the ids of rules this backend cannot translate to the reason; those
    rules are evaluated by the reference evaluator (``strict=True`` refuses them instead).
    """

    def __init__(self, policy: Policy, *, strict: bool = False) -> None:
        self.policy = policy
        self.sessions = Sessions()
        self.fallback: dict[str, str] = {}
        self.reference = compiled_rules(policy)
        self.subjects: dict[str, CompiledSubject] = {}
        self._specs: dict[int, dict[str, tuple[Status, Text, Any, str]]] = {}
        self._decisions = any(isinstance(rule, Decision) for rule in policy.rules)
        self._exceptions = any(rule.exception_to is not None for rule in policy.rules)
        self.sequenced = frozenset(index for index, rule in enumerate(policy.rules)
                                   if any(isinstance(node, Consecutive)
                                          for expr in rule.expressions() for node in expr.walk()))
        definitions: dict[str, dict[str, Any]] = {}
        for subject in dict.fromkeys(rule.subject for rule in policy.rules):
            layout = Layout(subject, policy.facts_model)
            compiler = ConditionCompiler(layout)
            # (matches at most, durable rules, fact properties read)
            chunks: list[tuple[int, dict[str, Any], set[str]]] = []
            indexes: list[int] = []
            for index, rule in enumerate(policy.rules):
                if rule.subject != subject:
                    continue
                try:
                    outcomes = (decision_outcomes(compiler, rule) if isinstance(rule, Decision)
                                else rule_outcomes(compiler, rule))
                except Untranslatable as exc:
                    if strict:
                        raise DurableEngineError(
                            f"规则 {rule.id} 无法编译为 durable_rules：{exc}",
                            f"rule {rule.id} cannot be compiled to durable_rules: {exc}",
                            field=rule.id) from exc
                    self.fallback[rule.id] = str(exc)
                    continue
                indexes.append(index)
                self._specs[index] = outcome_specs(rule, [code for code, _ in outcomes])
                durable_rules: dict[str, Any] = {}
                matches: list[int] = []
                for code, condition in outcomes:
                    if condition == FALSE:
                        continue
                    self._register_checks(layout, condition, rule.id)
                    spelled = durable_condition(condition)
                    layout.uses_zero = layout.uses_zero or '"z"' in json.dumps(spelled)
                    durable_rules[f"r{index}_{code}"] = {
                        "all": [{"m": spelled}],
                        "run": self.sessions.action(index, code)}
                    matches.append(branches(condition))
                # a rule's outcomes exclude each other (a decision's may overlap: conflicts)
                weight = sum(matches) if isinstance(rule, Decision) else max(matches, default=0)
                props = set().union(*(properties(c) for _, c in outcomes))
                if weight > MAX_MATCHES_PER_FACT or len(props) > MAX_PROPERTIES_PER_FACT:
                    reason = (f"too large for durable_rules: a fact could match {weight} rules "
                              f"and needs {len(props)} properties")
                    if strict:
                        raise DurableEngineError(
                            f"规则 {rule.id} 超出 durable_rules 的限制：{reason}",
                            f"rule {rule.id} exceeds durable_rules' limits: {reason}",
                            field=rule.id)
                    self.fallback[rule.id] = reason
                    indexes.remove(index)
                    del self._specs[index]
                    continue
                if chunks and (chunks[-1][0] + weight <= MAX_MATCHES_PER_FACT
                               and len(chunks[-1][2] | props) <= MAX_PROPERTIES_PER_FACT):
                    last = chunks[-1]
                    chunks[-1] = (last[0] + weight, {**last[1], **durable_rules}, last[2] | props)
                elif durable_rules:
                    chunks.append((weight, durable_rules, props))
            if not chunks:
                continue
            sequences: list[tuple[str, Sequence]] = []
            for sequence in layout.sequences.values():
                name = ruleset_name(policy, subject)
                definitions[name] = sequence.rules(partial(self.sessions.action,
                                                           -1 - len(sequences)))
                sequences.append((name, sequence))
                for condition in (sequence.condition.t, sequence.condition.f):
                    self._register_checks(layout, condition, subject)
                order = IntExpr("f", sequence.order.name)   # the probe's order - b
                if not within_limit(interval_of(order, layout.intervals())) \
                        and (order, subject) not in layout.checks:
                    layout.checks.append((order, subject))
                    layout._encoder = None
            names, projections = [], []
            for _, durable_rules, props in chunks:
                name = ruleset_name(policy, subject)
                definitions[name] = durable_rules
                names.append(name)
                projections.append(None if len(chunks) == 1 else
                                   ("sid", "id", *sorted(props | {"z"} if layout.uses_zero
                                                         else props)))
            self.subjects[subject] = CompiledSubject(subject, tuple(names), layout,
                                                      tuple(indexes), tuple(projections),
                                                      tuple(sequences))
        if definitions:
            self.sessions.host.register_rulesets(definitions)

    @property
    def ruleset_names(self) -> tuple[str, ...]:
        return tuple(name for s in self.subjects.values() for name in s.rulesets)

    @staticmethod
    def _register_checks(layout: Layout, condition: Any, what: str) -> None:
        intervals = layout.intervals()
        text = {slot.name for slot in layout.slots.values() if slot.kind == "str"}
        for atom in atoms(condition):
            nodes = [*int_nodes(atom.left), *int_nodes(atom.right)]
            if any(isinstance(n.a, str) and (n.op == "c" or n.a in text) for n in nodes
                   if n.op in "cf"):
                continue
            for side in (atom.left, atom.right, sub(atom.right, atom.left)):
                if not all(within_limit(interval_of(n, intervals)) for n in int_nodes(side)):
                    entry = (side, what)
                    if entry not in layout.checks:
                        layout.checks.append(entry)
                        layout._encoder = None

    # evaluation -----------------------------------------------------------------------
    def base_fact(self, layout: Layout, sid: str, as_of: dt.date) -> dict[str, Any]:
        base: dict[str, Any] = {"sid": sid, "z": 0} if layout.uses_zero else {"sid": sid}
        for slot in layout.slots.values():
            if slot.param is not None:
                base[slot.name] = converter(slot)(_param_value(slot, as_of))
        return base

    def decide(self, compiled: CompiledSubject, records: list[tuple[str, Any]],
                as_of: dt.date) -> Context:
        sid = f"e{next(SESSION_IDS)}"
        base = self.base_fact(compiled.layout, sid, as_of)
        encode = compiled.layout.encoder()
        facts = [encode(record, base, i) for i, (_, record) in enumerate(records)]
        size = len(records)
        for position, (ruleset, sequence) in enumerate(compiled.sequences):
            key = -1 - position
            decided = self.sessions.run(ruleset, sid, sequence.facts(facts),
                                        Context({key: [None] * size}))
            codes = decided.table[key]
            if decided.extra or None in codes:
                raise DurableEngineError(
                    f"durable_rules 对连续条件的判定不唯一或缺失：{codes} {decided.extra}",
                    f"durable_rules decided a condition over consecutive records not exactly "
                    f"once per record: {codes} {decided.extra}")
            for fact, code in zip(facts, codes, strict=True):
                fact[sequence.slot] = int(code or 0)
        context = Context({index: [None] * size for index in compiled.rule_indexes})
        for ruleset, keys in zip(compiled.rulesets, compiled.projections, strict=True):
            sent = facts if keys is None else [{k: fact[k] for k in keys if k in fact}
                                               for fact in facts]
            self.sessions.run(ruleset, sid, sent, context)
        return context

    def evaluate(self, facts: Facts | Mapping[str, Any],
                 as_of: dt.date | None = None, *, what_if: bool = False) -> Evaluation:
        """Like :func:`xuequ_rules.evaluate`, with the rules decided by durable_rules."""
        scenario = facts_for(self.policy, facts)
        date = as_of or dt.date.today()
        policy = self.policy
        periods = [period_finding(rule, policy, date) for rule in policy.rules]
        findings: list[Finding] = []
        applicable: dict[tuple[str, str], bool] = {}
        decided: dict[str, tuple[list[tuple[str, Any]], Context]] = {}
        judged: dict[str, Any] = {}   # record reference → record, for the policy's force
        for subject, compiled in self.subjects.items():
            if all(periods[i] is not None for i in compiled.rule_indexes):
                continue
            records = _records(scenario, subject)
            judged.update(records)
            decided[subject] = (records, self.decide(compiled, records, date)
                                if records else Context())
        for index, (compiled_ref, period) in enumerate(zip(self.reference, periods,
                                                           strict=True)):
            rule = compiled_ref.rule
            if period is not None:
                findings.append(period)
                continue
            if rule.id in self.fallback:
                findings.extend(evaluate_rule(compiled_ref, scenario, date, applicable, judged))
                continue
            records, context = decided[rule.subject]
            if not records:
                findings.append(Finding(rule, f"{rule.subject}[]", Status.UNDETERMINED,
                                        Text(f"未提供“{rule.subject}”方面的事实",
                                             f"no facts given about {rule.subject}")))
                continue
            row = context.table[index]
            more: dict[int, list[str]] = {}
            for rule_index, record_index, extra_code in context.extra:
                if rule_index == index:
                    more.setdefault(record_index, [row[record_index] or ""]).append(extra_code)
            specs = self._specs[index]
            sequence = (RecordSequence([record for _, record in records])
                        if index in self.sequenced else None)
            rule_id = rule.id
            track = self._exceptions
            append = findings.append
            for record_index, (ref, record) in enumerate(records):
                code = row[record_index]
                spec = specs.get(code) if code is not None and record_index not in more \
                    else None
                if spec is None:
                    codes = more.get(record_index) or ([] if code is None else [code])
                    finding = self.judge_codes(compiled_ref, record, ref, date, codes, sequence)
                    append(finding)
                    if stage_of(codes[0]) != STAGE_APPLIES:
                        applicable[(rule_id, ref)] = True
                    continue
                status, reason, decision, stage = spec
                append(make_finding(rule, ref, status, reason, decision, compiled_ref, record,
                                    date, stage, sequence))
                if track and stage != STAGE_APPLIES:
                    applicable[(rule_id, ref)] = True
        findings = apply_exceptions(policy, findings, applicable)
        if self._decisions:
            check_conflicts(findings)
        findings = apply_lifecycle(policy, findings, judged, date, what_if)
        return Evaluation(policy, date, tuple(findings), what_if)

    @staticmethod
    def judge_codes(compiled: CompiledRule, record: Any, ref: str, as_of: dt.date,
                    codes: list[str], sequence: RecordSequence | None = None) -> Finding:
        rule = compiled.rule
        where = ref or "本情形"
        where_en = ref or "the scenario"
        conflicts = [c for c in codes if c.startswith("X")]
        if conflicts:
            count = sum(1 for c in codes if c.startswith("C") and c[-1] in "UNSV")
            raise RuleConflictError(
                f"决策规则 {rule.id} 对 {where} 有 {count} 个情形同时成立",
                f"decision {rule.id}: {count} cases hold at once for {where_en}",
                field=rule.id)
        if codes == ["DI"]:
            raise RuleConflictError(
                f"决策规则 {rule.id} 对 {where} 没有任何情形成立（决策表不完整）",
                f"decision {rule.id}: no case holds for {where_en} (incomplete table)",
                field=rule.id)
        if len(codes) != 1:
            raise DurableEngineError(
                f"规则 {rule.id} 对 {where} 的 durable 结果数为 {len(codes)}（应为 1）：{codes}",
                f"rule {rule.id}: {len(codes)} durable outcomes for {where_en} (expected 1): "
                f"{codes}", field=rule.id)
        return finding_for(compiled, record, ref, as_of, codes[0], sequence)

    # streaming ------------------------------------------------------------------------
    def stream(self, records: Iterable[Any], as_of: dt.date | None = None) -> Iterator[Finding]:
        """See :func:`~xuequ_rules.engines.durable.stream.stream_findings`."""
        from xuequ_rules.engines.durable.stream import stream_findings
        return stream_findings(self, records, as_of=as_of)


def _param_value(slot: Slot, as_of: dt.date) -> Any:
    assert slot.param is not None
    return slot.param.value_at(as_of)


def _records(facts: Facts, subject: str) -> list[tuple[str, Any]]:
    if not subject:
        return [("", facts)]
    return [(f"{subject}[{record.id}]", record) for record in getattr(facts, subject)]


_COMPILED: dict[int, tuple[Policy, DurablePolicy]] = {}


def compile_policy(policy: Policy, *, strict: bool = False) -> DurablePolicy:
    """Compile a policy version to durable_rules (cached per policy object)."""
    cached = _COMPILED.get(id(policy))
    if cached is not None and cached[0] is policy and not strict:
        return cached[1]
    compiled = DurablePolicy(policy, strict=strict)
    if not strict:
        _COMPILED[id(policy)] = (policy, compiled)
    return compiled


def evaluate(policy: Policy | DurablePolicy, facts: Facts | Mapping[str, Any],
             as_of: dt.date | None = None, *, what_if: bool = False) -> Evaluation:
    """Evaluate a policy with durable_rules; the same findings as the reference evaluator."""
    compiled = policy if isinstance(policy, DurablePolicy) else compile_policy(policy)
    return compiled.evaluate(facts, as_of, what_if=what_if)

