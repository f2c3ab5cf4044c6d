"""Level 3: behaviour. Generated scenarios evaluated under both policies.

For every fact collection both policies have rules about (with a shared ``concept``), a
base record is built that meets the thresholds of both, then varied one field at a time:
each threshold just below, at and just above (exact arithmetic, from the parameters of
either policy), each categorical value the rules name plus one they do not, and the
field missing. Every record is evaluated under both policies, each as if in force (what-if:
the rules' logic; the versions' lifecycles are compared with their metadata); a case is
listed when the two judge a shared concept differently (status, and the decision outcome for procedures)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from xuequ_rules.diff.model import BehaviourCase, BehaviourDiff
from xuequ_rules.diff.scenarios import generate_records
from xuequ_rules.diff.structure import concept_labeller
from xuequ_rules.errors import XuequError
from xuequ_rules.evaluation import Status, evaluate
from xuequ_rules.facts.loader import parse_facts
from xuequ_rules.facts.schema import collections_of
from xuequ_rules.policy.policy import Policy
from xuequ_rules.policy.render import format_value
from xuequ_rules.policy.rule import AnyRule, Rule

_SEVERITY = [Status.VIOLATED, Status.UNDETERMINED, Status.SATISFIED, Status.NOT_APPLICABLE,
             Status.NOT_IN_FORCE]


def _outcome(findings: list[Any]) -> str:
    if not findings:
        return "—"
    statuses = {f.status for f in findings}
    worst = next(s for s in _SEVERITY if s in statuses)
    decisions = sorted({f.decision.code for f in findings if f.decision is not None})
    return worst.value + (f"→{'/'.join(decisions)}" if decisions else "")


def _record_text(record: dict[str, Any], varied: str) -> tuple[tuple[str, str], ...]:
    items = [(k, format_value(v)) for k, v in record.items() if k != "id"]
    if varied and varied not in record:
        items.append((varied, format_value(None)))
    return tuple(items)


def default_as_of(left: Policy, right: Policy) -> dt.date:
    """The latest deadline or start date of either policy, so that every target is judged."""
    dates: list[dt.date] = []
    for policy in (left, right):
        dates.extend(d for d in (policy.valid_from,) if d)
        dates.extend(r.deadline for r in policy.rules if isinstance(r, Rule) and r.deadline)
        meta = policy.document.metadata.dates
        dates.extend(d for d in (meta.issued, meta.effective, meta.written) if d)
    return max(dates) if dates else dt.date(2000, 1, 1)


def _comparable(rule: AnyRule, same_policy: bool) -> bool:
    if not rule.subject or not rule.concept:
        return False
    if isinstance(rule, Rule) and rule.is_checklist:
        return False
    # record ids (e.g. a phase id) name one district's records; not comparable across them
    return same_policy or not any(n.path == ("id",) for n in rule.fields())


def _nothing_shared(left: Policy, right: Policy, lrules: list[AnyRule],
                    rrules: list[AnyRule]) -> str:
    """Why no scenario was generated: no collection judged by both, or no shared concept."""
    ljudged = sorted({r.subject for r in lrules})
    rjudged = sorted({r.subject for r in rrules})
    common = sorted(set(ljudged) & set(rjudged))
    if not common:
        return (f"两项政策没有共同判定的事实集合，无法生成共同情景（{left.name}："
                f"{'、'.join(ljudged) or '无'}；{right.name}：{'、'.join(rjudged) or '无'}） / "
                "the two policies judge no fact "
                f"collection in common, so no shared scenario exists ({left.name}: "
                f"{', '.join(ljudged) or 'none'}; {right.name}: {', '.join(rjudged) or 'none'})")
    return (f"两项政策在共同的事实集合（{'、'.join(common)}）上没有共同概念的规则，无行为差异可比 / "
            f"the two policies share fact collections ({', '.join(common)}) but no concept "
            "judged on them")


def behaviour_diff(left: Policy, right: Policy, as_of: dt.date | None = None,
                   same_policy: bool | None = None) -> BehaviourDiff:
    """Evaluate generated records under both policies; list the concepts judged differently."""
    same = left.name == right.name if same_policy is None else same_policy
    date = as_of or default_as_of(left, right)
    lrules = [r for r in left.rules if _comparable(r, same)]
    rrules = [r for r in right.rules if _comparable(r, same)]
    collections: list[str] = []
    all_concepts: list[str] = []
    cases: list[BehaviourCase] = []
    scenarios = skipped = 0
    notes: list[str] = []
    shared = [c for c in collections_of(left.facts_model)
              if collections_of(right.facts_model).get(c) is not None]
    schemas = (left.facts_model, right.facts_model)
    label = concept_labeller(left, right)
    for collection in shared:
        lsub = [r for r in lrules if r.subject == collection]
        rsub = [r for r in rrules if r.subject == collection]
        concepts = sorted({r.concept for r in lsub if r.concept} &
                          {r.concept for r in rsub if r.concept})
        if not concepts:
            continue
        collections.append(collection)
        all_concepts.extend(concepts)
        used = [r for r in lsub + rsub if r.concept in concepts]
        for varied, record in generate_records(collection, used, date, schemas):
            record = {"id": record.get("id") or "generated", **{k: v for k, v in record.items()
                                                                 if k != "id"}}
            try:   # the scenario must be valid under both policies' fact schemas
                facts = [parse_facts({collection: [record]}, policy=p) for p in (left, right)]
            except XuequError:
                skipped += 1
                continue
            scenarios += 1
            ref = f"{collection}[{record['id']}]"
            outcomes = []
            for policy, rules, scenario in ((left, lsub, facts[0]), (right, rsub, facts[1])):
                try:
                    # the rules' logic, as if each text were in force (a draft, a lapsed
                    # plan): the versions' lifecycles are compared with their metadata
                    findings = evaluate(policy, scenario, as_of=date, what_if=True).findings
                    error = None
                except XuequError as exc:
                    findings, error = (), f"error: {exc.en}"
                by_concept: dict[str, str] = {}
                for concept in concepts:
                    ids = {r.id for r in rules if r.concept == concept}
                    hits = [f for f in findings if f.rule.id in ids and f.record in (ref, "")]
                    by_concept[concept] = error or _outcome(hits)
                outcomes.append(by_concept)
            for concept in concepts:
                if outcomes[0][concept] != outcomes[1][concept]:
                    cases.append(BehaviourCase(
                        collection, _record_text(record, varied), varied or "（基准 base）",
                        concept,
                        tuple(r.id for r in lsub if r.concept == concept),
                        tuple(r.id for r in rsub if r.concept == concept),
                        outcomes[0][concept], outcomes[1][concept], label(concept)))
    if not collections:
        notes.append(_nothing_shared(left, right, lrules, rrules))
    notes.append("清单项（须确认落实的定性职责）只作结构比较 / checklist duties are compared "
                 "structurally only")
    return BehaviourDiff(date.isoformat(), tuple(collections), tuple(all_concepts), scenarios,
                         skipped, tuple(cases), tuple(notes))
