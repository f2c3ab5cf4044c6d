"""Level 2: parameters and rules added, removed or changed.

Two versions of one policy are aligned by id first; two districts' policies are aligned
only by ``concept`` (the shared vocabulary), never by wording: Liujiang's and Ziyang's
“六统一” are two TEXT parameters with one concept, and the diff shows their values side by
side. Conditions are compared structurally (expression keys with every parameter replaced
by its concept, unit and value) and shown rendered.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from xuequ_rules.diff.model import ChangeStatus, FieldChange, ItemChange, StructureDiff
from xuequ_rules.policy.expr import (
    Aggregate,
    Arith,
    Compare,
    Const,
    CountTrue,
    Expr,
    Field,
    IsIn,
    Known,
    Length,
    Logic,
    Not,
)
from xuequ_rules.policy.parameter import Parameter
from xuequ_rules.policy.policy import Policy
from xuequ_rules.policy.render import format_value, render_expr
from xuequ_rules.policy.rule import MODALITY_LABELS, AnyRule, Decision, Rule
from xuequ_rules.policy.sequence import Consecutive
from xuequ_rules.policy.visitor import ExprVisitor
from xuequ_rules.text import Text

T = TypeVar("T", Parameter, Rule, Decision)

_LIST_SPLIT = re.compile(r"[、，,；;/]+")


def _scalar(value: object) -> object:
    return format_value(value) if not isinstance(value, str) else value


def value_key(expr: Expr, *, with_values: bool = True) -> tuple[object, ...]:
    """A structural key in which each parameter is its concept (and, with ``with_values``,
    its unit and value), so the same condition in two districts compares equal."""
    return _ValueKey(with_values).visit(expr)


class _ValueKey(ExprVisitor[tuple[object, ...]]):
    def __init__(self, with_values: bool) -> None:
        self.with_values = with_values

    def _opt(self, expr: Expr | None) -> object:
        return None if expr is None else self.visit(expr)

    def visit_parameter(self, node: Parameter) -> tuple[object, ...]:
        ident = node.concept or f"?{node.id}"
        if self.with_values:
            return ("param", ident, node.unit.value, _scalar(node.value_at(None)))
        return ("param", ident)

    def visit_field(self, node: Field) -> tuple[object, ...]:
        return node.key()

    def visit_const(self, node: Const) -> tuple[object, ...]:
        return node.key()

    def visit_arith(self, node: Arith) -> tuple[object, ...]:
        return ("arith", node.op.value, self.visit(node.left), self.visit(node.right))

    def visit_compare(self, node: Compare) -> tuple[object, ...]:
        return ("compare", node.op.value, self.visit(node.left), self.visit(node.right))

    def visit_logic(self, node: Logic) -> tuple[object, ...]:
        return ("logic", node.op.value, tuple(self.visit(i) for i in node.items))

    def visit_not(self, node: Not) -> tuple[object, ...]:
        return ("not", self.visit(node.item))

    def visit_isin(self, node: IsIn) -> tuple[object, ...]:
        return ("isin", self.visit(node.item), node.values, node.open)

    def visit_known(self, node: Known) -> tuple[object, ...]:
        return ("known", self.visit(node.item))

    def visit_length(self, node: Length) -> tuple[object, ...]:
        return ("length", self.visit(node.item))

    def visit_count_true(self, node: CountTrue) -> tuple[object, ...]:
        return ("count_true", tuple(self.visit(i) for i in node.items))

    def visit_aggregate(self, node: Aggregate) -> tuple[object, ...]:
        return ("aggregate", node.func.value, self._opt(node.item), self._opt(node.weight))

    def visit_consecutive(self, node: Consecutive) -> tuple[object, ...]:
        return ("consecutive", self.visit(node.condition), self.visit(node.count),
                self.visit(node.per), self.visit(node.order))


def _opt_key(expr: Expr | None, with_values: bool = True) -> object:
    return None if expr is None else value_key(expr, with_values=with_values)


def _render(expr: Expr | None, subject: str) -> str | None:
    return None if expr is None else render_expr(expr, subject, "zh")


def _text_items(value: str) -> list[str]:
    return [item.strip() for item in _LIST_SPLIT.split(value) if item.strip()]


def _list_detail(left: str, right: str) -> tuple[tuple[str, str], ...]:
    litems, ritems = _text_items(left), _text_items(right)
    if len(litems) < 2 and len(ritems) < 2:
        return ()
    detail = [("common", i) for i in litems if i in ritems]
    detail += [("only_left", i) for i in litems if i not in ritems]
    detail += [("only_right", i) for i in ritems if i not in litems]
    return tuple(detail)


def _fmt_date(value: object) -> str | None:
    return None if value is None else format_value(value)


def _cites(cites: Sequence[Any]) -> str:
    return "、".join(dict.fromkeys(c.clause for c in cites))


# ── parameters ────────────────────────────────────────────────────────────────

def parameter_changes(left: Parameter, right: Parameter, same_policy: bool
                      ) -> tuple[FieldChange, ...]:
    changes: list[FieldChange] = []
    lval, rval = left.value_at(None), right.value_at(None)
    if _scalar(lval) != _scalar(rval) or type(lval) is not type(rval):
        detail = _list_detail(lval, rval) if isinstance(lval, str) and isinstance(rval, str) \
            else ()
        changes.append(FieldChange("value", left.display_value, right.display_value, detail))
    if left.unit is not right.unit:
        changes.append(FieldChange("unit", left.unit.value, right.unit.value))
    ldated = "；".join(f"{d.since}: {format_value(d.value)}" for d in left.dated)
    rdated = "；".join(f"{d.since}: {format_value(d.value)}" for d in right.dated)
    if ldated != rdated:
        changes.append(FieldChange("dated", ldated or None, rdated or None))
    if left.in_principle != right.in_principle:
        changes.append(FieldChange("in_principle", str(left.in_principle),
                                   str(right.in_principle)))
    if left.label != right.label:
        changes.append(FieldChange("label", left.label.zh, right.label.zh))
    if same_policy and _cites(left.cites) != _cites(right.cites):
        changes.append(FieldChange("clauses", _cites(left.cites), _cites(right.cites)))
    return tuple(changes)


# ── rules ─────────────────────────────────────────────────────────────────────

def _modality(rule: AnyRule) -> str:
    zh, en = MODALITY_LABELS[rule.modality]
    return f"{zh} {en}"


def _cases(rule: AnyRule) -> tuple[tuple[object, ...], str]:
    if not isinstance(rule, Decision):
        return (), ""
    keys = tuple((value_key(c.when), c.outcome.code) for c in rule.cases)
    text = "；".join(f"{render_expr(c.when, rule.subject, 'zh')} → {c.outcome.code}"
                    for c in rule.cases)
    return keys, text


def rule_changes(left: AnyRule, right: AnyRule, same_policy: bool) -> tuple[FieldChange, ...]:
    changes: list[FieldChange] = []

    def simple(name: str, lval: object, rval: object) -> None:
        if lval != rval:
            changes.append(FieldChange(name, None if lval is None else str(lval),
                                       None if rval is None else str(rval)))

    simple("modality", _modality(left), _modality(right))
    simple("party", left.party.zh, right.party.zh)
    simple("subject", left.subject or "（整体 scenario）", right.subject or "（整体 scenario）")
    lreq = left.requires if isinstance(left, Rule) else None
    rreq = right.requires if isinstance(right, Rule) else None
    lfor = left.forbids if isinstance(left, Rule) else None
    rfor = right.forbids if isinstance(right, Rule) else None
    lchk = isinstance(left, Rule) and left.is_checklist
    rchk = isinstance(right, Rule) and right.is_checklist
    for name, lexpr, rexpr in (("applies", left.applies, right.applies),
                               ("requires", lreq, rreq), ("forbids", lfor, rfor)):
        if name == "requires" and lchk and rchk:
            continue   # attestation ids always differ; the duty itself is the title
        if _opt_key(lexpr) != _opt_key(rexpr):
            detail: tuple[tuple[str, str], ...] = ()
            if lexpr is not None and rexpr is not None and \
                    _opt_key(lexpr, False) == _opt_key(rexpr, False):
                detail = (("note", "结构相同，参数取值不同 same structure, different "
                                   "parameter values"),)
            changes.append(FieldChange(name, _render(lexpr, left.subject),
                                       _render(rexpr, right.subject), detail))
    simple("checklist", lchk, rchk)
    simple("in_principle", left.in_principle, right.in_principle)
    simple("valid_from", _fmt_date(left.valid_from), _fmt_date(right.valid_from))
    simple("valid_until", _fmt_date(left.valid_until), _fmt_date(right.valid_until))
    simple("deadline", _fmt_date(getattr(left, "deadline", None)),
           _fmt_date(getattr(right, "deadline", None)))
    lkeys, ltext = _cases(left)
    rkeys, rtext = _cases(right)
    if lkeys != rkeys:
        changes.append(FieldChange("cases", ltext or None, rtext or None))
    simple("question", getattr(left, "question", None), getattr(right, "question", None))
    if same_policy:
        simple("exception_to", left.exception_to, right.exception_to)
        simple("title", left.title.zh, right.title.zh)
        simple("clauses", _cites(left.cites), _cites(right.cites))
    elif left.title.zh != right.title.zh:
        changes.append(FieldChange("title", left.title.zh, right.title.zh))
    return tuple(changes)


# ── alignment ─────────────────────────────────────────────────────────────────

def _similarity(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, a, b, autojunk=False).ratio()


def _pair_group(lefts: list[T], rights: list[T], score: Callable[[T, T], float]
                ) -> tuple[list[tuple[T, T]], list[T], list[T]]:
    """Greedy best-first pairing inside one concept group."""
    scored = sorted(((score(a, b), i, j) for i, a in enumerate(lefts)
                     for j, b in enumerate(rights)), key=lambda s: (-s[0], s[1], s[2]))
    used_l: set[int] = set()
    used_r: set[int] = set()
    pairs: list[tuple[int, int]] = []
    for _, i, j in scored:
        if i in used_l or j in used_r:
            continue
        used_l.add(i)
        used_r.add(j)
        pairs.append((i, j))
    pairs.sort()
    return ([(lefts[i], rights[j]) for i, j in pairs],
            [x for i, x in enumerate(lefts) if i not in used_l],
            [x for j, x in enumerate(rights) if j not in used_r])


def _param_score(a: Parameter, b: Parameter) -> float:
    return (2.0 if a.unit is b.unit else 0.0) + _similarity(a.label.zh, b.label.zh)


def _rule_score(a: AnyRule, b: AnyRule) -> float:
    score = 2.0 if a.modality is b.modality else 0.0
    score += 1.0 if a.subject == b.subject else 0.0
    lexprs = tuple(value_key(e, with_values=False) for e in a.expressions())
    rexprs = tuple(value_key(e, with_values=False) for e in b.expressions())
    score += 2.0 if lexprs == rexprs else 0.0
    return score + _similarity(a.title.zh, b.title.zh)


def align(lefts: Sequence[T], rights: Sequence[T], same_policy: bool,
          score: Callable[[T, T], float]
          ) -> tuple[list[tuple[T, T, str]], list[T], list[T]]:
    """Pairs (left, right, how) plus what only one side has."""
    pairs: list[tuple[T, T, str]] = []
    left_rest = list(lefts)
    right_rest = list(rights)
    if same_policy:
        right_ids = {r.id: r for r in right_rest}
        matched = [(item, right_ids[item.id]) for item in left_rest if item.id in right_ids]
        pairs.extend((a, b, "id") for a, b in matched)
        done_l = {a.id for a, _ in matched}
        left_rest = [x for x in left_rest if x.id not in done_l]
        right_rest = [x for x in right_rest if x.id not in done_l]
    concepts = dict.fromkeys(x.concept for x in left_rest if x.concept)
    for concept in concepts:
        group_l = [x for x in left_rest if x.concept == concept]
        group_r = [x for x in right_rest if x.concept == concept]
        if not group_r:
            continue
        matched_pairs, _, _ = _pair_group(group_l, group_r, score)
        pairs.extend((a, b, "concept") for a, b in matched_pairs)
        ids_l = {id(a) for a, _ in matched_pairs}
        ids_r = {id(b) for _, b in matched_pairs}
        left_rest = [x for x in left_rest if id(x) not in ids_l]
        right_rest = [x for x in right_rest if id(x) not in ids_r]
    return pairs, left_rest, right_rest


def _param_summary(p: Parameter) -> str:
    return f"{p.display_value}（{p.label.zh}）"


def _rule_summary(r: AnyRule) -> str:
    return f"[{MODALITY_LABELS[r.modality][0]}] {r.title.zh}"


def _sort_key(item: ItemChange) -> tuple[int, str, str]:
    order = {ChangeStatus.CHANGED: 0, ChangeStatus.UNCHANGED: 1, ChangeStatus.REMOVED: 2,
             ChangeStatus.ADDED: 3}
    return (order[item.status], item.concept or "~", item.left_id or item.right_id or "")


def concept_labeller(left: Policy, right: Policy) -> Callable[[str | None], Text | None]:
    """The declared label of a concept (left policy first), for diffs."""
    def label(concept_id: str | None) -> Text | None:
        if concept_id is None:
            return None
        found = left.concept(concept_id) or right.concept(concept_id)
        return found.label if found is not None else None
    return label


def _items(kind: str, lefts: Sequence[Any], rights: Sequence[Any], same_policy: bool,
           score: Callable[[Any, Any], float], changes: Callable[[Any, Any, bool], Any],
           summary: Callable[[Any], str], label: Callable[[str | None], Text | None]
           ) -> tuple[ItemChange, ...]:
    pairs, only_l, only_r = align(lefts, rights, same_policy, score)
    out: list[ItemChange] = []
    for a, b, how in pairs:
        found = changes(a, b, same_policy)
        status = ChangeStatus.CHANGED if found else ChangeStatus.UNCHANGED
        concept = a.concept or b.concept
        out.append(ItemChange(kind, status, concept, a.id, b.id, summary(a),
                              summary(b), how, found, label(concept)))
    out.extend(ItemChange(kind, ChangeStatus.REMOVED, a.concept, a.id, None, summary(a), None,
                          "", (), label(a.concept)) for a in only_l)
    out.extend(ItemChange(kind, ChangeStatus.ADDED, b.concept, None, b.id, None, summary(b),
                          "", (), label(b.concept)) for b in only_r)
    return tuple(sorted(out, key=_sort_key))


def _metadata_changes(left: Policy, right: Policy) -> tuple[FieldChange, ...]:
    lm, rm = left.document.metadata, right.document.metadata

    def fields(meta: Any) -> dict[str, str | None]:
        dates = meta.dates.model_dump(exclude_none=True)
        return {
            "title": meta.title,
            "doc_number": meta.doc_number.normalized if meta.doc_number else None,
            "issuers": "、".join(meta.issuers),
            "jurisdiction": meta.jurisdiction,
            "level": meta.level,
            "status": meta.status.state.value,
            **{f"dates.{k}": str(dates.get(k)) if dates.get(k) else None
               for k in ("written", "issued", "published", "effective", "expires")},
            "basis": "、".join(b.label for b in meta.basis) or None,
        }

    lf, rf = fields(lm), fields(rm)
    return tuple(FieldChange(k, lf[k], rf[k]) for k in lf if lf[k] != rf[k])


def structure_diff(left: Policy, right: Policy, same_policy: bool | None = None
                   ) -> StructureDiff:
    """Parameters and rules of ``left`` and ``right`` aligned and compared."""
    same = left.name == right.name if same_policy is None else same_policy
    label = concept_labeller(left, right)
    params = _items("parameter", left.parameters, right.parameters, same, _param_score,
                    parameter_changes, _param_summary, label)
    rules = _items("rule", left.rules, right.rules, same, _rule_score, rule_changes,
                   _rule_summary, label)
    return StructureDiff(_metadata_changes(left, right), params, rules)
