"""A page per rule, per parameter and per concept, each at a stable URL.

``policies/<name>/<version>/rules/<rule id>.html``, ``…/parameters/<parameter id>.html`` and
``concepts/<concept>.html``: the value and unit, the validity, the verbatim citations linked to
their clauses, which rules use a parameter, and the same concept in the other policies.
"""

from __future__ import annotations

from xuequ_rules.diff.report import code, md
from xuequ_rules.labels import yes_no
from xuequ_rules.policy.citation import Cite
from xuequ_rules.policy.concepts import Concept, concept_label
from xuequ_rules.policy.parameter import Parameter
from xuequ_rules.policy.policy import Policy
from xuequ_rules.policy.render import render
from xuequ_rules.policy.rule import MODALITY_LABELS, AnyRule, Decision, Rule
from xuequ_rules.policy.units import UNIT_LABELS
from xuequ_rules.sitegen.common import (
    Entry,
    Page,
    cites_of,
    clause_anchor,
    concept_page_path,
    parameter_page_path,
    rule_page_path,
    slug,
    stamp,
)
from xuequ_rules.text import Text


def _citations(cites: tuple[Cite, ...], text_link: str) -> list[str]:
    lines = ["## 引用原文 Verbatim citations", ""]
    for cite in cites:
        lines += [f"- [{md(cite.clause)}]({text_link}#{clause_anchor(cite.clause)})", "",
                  f"    > {md(cite.quote)}", ""]
    return lines


def _validity(entry: Entry, valid_from: object, valid_until: object) -> str:
    policy = entry.policy
    start = valid_from or (policy.valid_from if policy else None)
    end = valid_until or (policy.valid_until if policy else None)
    return f"{start or '…'} – {end or '…'}"


def _concept_cell(policy: Policy, concept: str | None, up: str) -> str:
    if not concept:
        return "—"
    label = concept_label(policy, concept)
    return (f"[{md(label.zh)}]({up}{concept_page_path(concept)}) {md(label.en)} "
            f"<small>{code(concept)}</small>")


def rule_page(entry: Entry, policy: Policy, rule: AnyRule) -> Page:
    up = "../" * (rule_page_path(entry, rule.id).count("/"))
    zh, en = MODALITY_LABELS[rule.modality]
    rows = [("标识 id", code(rule.id)), ("类型 modality", f"{zh} {en}"),
            ("责任主体 party", f"{md(rule.party.zh)} {md(rule.party.en)}"),
            ("原则上 in principle", yes_no(rule.in_principle)),
            ("有效期 validity", _validity(entry, rule.valid_from, rule.valid_until)),
            ("概念 concept", _concept_cell(policy, rule.concept, up))]
    if rule.applies is not None:
        text = render(rule.applies, rule.subject)
        rows.append(("适用条件 applies when", f"{md(text.zh)}<br><small>{md(text.en)}</small>"))
    if isinstance(rule, Rule):
        for name, expression in (("要求 requires", rule.requires), ("禁止 forbids", rule.forbids)):
            if expression is not None:
                text = render(expression, rule.subject)
                rows.append((name, f"{md(text.zh)}<br><small>{md(text.en)}</small>"))
        if rule.deadline is not None:
            rows.append(("期限 deadline", rule.deadline.isoformat()))
    if isinstance(rule, Decision):
        rows.append((f"决策 decision {code(rule.question)}", "<br>".join(
            f"{md(render(c.when, rule.subject).zh)} → **{md(c.outcome.text.zh)}** "
            f"{md(c.outcome.text.en)}" for c in rule.cases)))
    if rule.exception_to:
        rows.append(("例外于 exception to",
                     f"[{code(rule.exception_to)}]({slug(rule.exception_to)}.md)"))
    if rule.note is not None:
        rows.append(("注 note", f"{md(rule.note.zh)}<br><small>{md(rule.note.en)}</small>"))
    params = rule.parameters()
    if params:
        rows.append(("参数 parameters", "、".join(
            f"[{code(p.id)}](../parameters/{slug(p.id)}.md) **{md(p.display_value)}**"
            for p in params)))
    lines = [f"# {md(rule.title.zh)}", "", f"*{md(rule.title.en)}*", "",
             "| 项目 field | 内容 value |", "|---|---|"]
    lines += [f"| {name} | {value} |" for name, value in rows]
    lines += ["", *_citations(cites_of(rule), "../text.md"),
              f"[← {md(policy.ref)} 规则表 all rules](../rules.md)"]
    return Page(rule_page_path(entry, rule.id), rule.id, "\n".join(lines) + stamp(entry),
                nav=False)


def parameter_page(entry: Entry, policy: Policy, param: Parameter,
                   others: list[tuple[Entry, Parameter]]) -> Page:
    up = "../" * (parameter_page_path(entry, param.id).count("/"))
    unit_zh, unit_en = UNIT_LABELS[param.unit]
    rows = [("标识 id", code(param.id)), ("取值 value", f"**{md(param.display_value)}**"),
            ("单位 unit", f"{unit_zh} {unit_en}"),
            ("原则上 in principle", yes_no(param.in_principle)),
            ("有效期 validity", _validity(entry, None, None)),
            ("概念 concept", _concept_cell(policy, param.concept, up))]
    if param.dated:
        rows.append(("分期取值 dated values", "<br>".join(
            f"{d.since.isoformat()} 起 from: {md(str(d.value))}" for d in param.dated)))
    if param.derived is not None:
        rows.append(("取值来由 derived", f"{md(param.derived.zh)}<br><small>"
                     f"{md(param.derived.en)}</small>"))
    if param.note is not None:
        rows.append(("注 note", f"{md(param.note.zh)}<br><small>{md(param.note.en)}</small>"))
    users = [r for r in policy.rules if any(p.id == param.id for p in r.parameters())]
    rows.append(("使用它的规则 used by", "<br>".join(
        f"[{code(r.id)}](../rules/{slug(r.id)}.md) {md(r.title.zh)}" for r in users) or "—"))
    lines = [f"# {md(param.label.zh)}", "", f"*{md(param.label.en)}*", "",
             "| 项目 field | 内容 value |", "|---|---|"]
    lines += [f"| {name} | {value} |" for name, value in rows]
    lines += ["", *_citations(param.cites, "../text.md")]
    if others:
        lines += ["## 其他政策中的同一概念 The same concept elsewhere", "",
                  "| 政策 policy | 参数 parameter | 取值 value | 条款 clause |", "|---|---|---|---|"]
        for other, p in others:
            target = f"{up}{other.folder}"
            lines.append(f"| {md(other.ref)} | [{md(p.label.zh)}]({target}/parameters/"
                         f"{slug(p.id)}.md) | **{md(p.display_value)}** | "
                         f"[{md(p.cites[0].clause)}]({target}/text.md#"
                         f"{clause_anchor(p.cites[0].clause)}) |")
        lines.append("")
    lines.append(f"[← {md(policy.ref)} 参数表 all parameters](../parameters.md)")
    return Page(parameter_page_path(entry, param.id), param.id,
                "\n".join(lines) + stamp(entry), nav=False)


def _declared(concept: str, entries: list[Entry]) -> Concept | None:
    for entry in entries:
        if entry.policy is not None:
            found = entry.policy.concept(concept)
            if found is not None:
                return found
    return None


def concept_page(concept: str, entries: list[Entry]) -> Page:
    declared = _declared(concept, entries)
    label = declared.label if declared is not None else Text(concept, concept)
    lines = ["---", "search:", "  boost: 0.5", "---", "",
             f"# 概念 {md(label.zh)} · Concept {md(label.en)}", "", f"<small>{code(concept)}</small>",
             ""]
    if declared is not None:
        lines += [f"{md(declared.definition.zh)}", "", f"*{md(declared.definition.en)}*", ""]
    lines += ["各政策中表达这一概念的参数和规则。 The parameters and rules of each policy that "
              "express this concept.", "",
             "| 政策 policy | 类型 kind | 名称 name | 取值 value | 条款 clause |", "|---|---|---|---|---|"]
    for entry in entries:
        policy = entry.policy
        if policy is None:
            continue
        for p in policy.parameters:
            if p.concept == concept:
                lines.append(f"| {md(entry.ref)} | 参数 parameter | [{md(p.label.zh)}](../"
                             f"{parameter_page_path(entry, p.id)}) | **{md(p.display_value)}** | "
                             f"[{md(p.cites[0].clause)}](../{entry.folder}/text.md#"
                             f"{clause_anchor(p.cites[0].clause)}) |")
        for r in policy.rules:
            if r.concept == concept:
                clause = cites_of(r)[0].clause
                zh, en = MODALITY_LABELS[r.modality]
                lines.append(f"| {md(entry.ref)} | 规则 rule：{zh} {en} | [{md(r.title.zh)}](../"
                             f"{rule_page_path(entry, r.id)}) | — | "
                             f"[{md(clause)}](../{entry.folder}/text.md#{clause_anchor(clause)}) |")
    return Page(concept_page_path(concept), label.zh, "\n".join(lines) + stamp(), nav=False)


def concepts(entries: list[Entry]) -> list[str]:
    found: set[str] = set()
    for entry in entries:
        if entry.policy is not None:
            found.update(p.concept for p in entry.policy.parameters if p.concept)
            found.update(r.concept for r in entry.policy.rules if r.concept)
    return sorted(found)


def entity_pages(entry: Entry, entries: list[Entry]) -> list[Page]:
    """The rule and parameter pages of one policy version."""
    policy = entry.policy
    if policy is None:
        return []
    pages = [rule_page(entry, policy, rule) for rule in policy.rules]
    for param in policy.parameters:
        others = [(other, p) for other in entries
                  if other.policy is not None and other.current and other.ref != entry.ref
                  for p in other.policy.parameters if param.concept and p.concept == param.concept]
        pages.append(parameter_page(entry, policy, param, others))
    return pages


def concept_pages(entries: list[Entry]) -> list[Page]:
    return [concept_page(concept, entries) for concept in concepts(entries)]
