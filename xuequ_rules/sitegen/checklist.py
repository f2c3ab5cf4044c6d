"""督导检查表: the inspection checklist of one policy, as data, as a page and as a table.

It holds what an inspector checks: the qualitative duties (confirmed by the responsible
party's attestation) and the numeric requirements (every obligation, prohibition, target
or definition that uses a parameter: 10% of eligible teachers rotate, one head per zone…),
grouped by responsible party. Each item carries its standard, the clauses it comes from with
their text, and empty columns for the result (符合 / 不符合 / 不适用), the evidence and
remarks. The site's checklist page, ``xuequ checklist`` and its xlsx/docx exports all read
:func:`build_checklist`.
"""

from __future__ import annotations

from dataclasses import dataclass

from xuequ_rules.diff.report import md
from xuequ_rules.policy.policy import Policy
from xuequ_rules.policy.render import render
from xuequ_rules.policy.rule import AnyRule, Modality, Rule
from xuequ_rules.sitegen.common import (
    Entry,
    Page,
    cites_of,
    clause_anchor,
    h,
    rule_page_path,
    stamp,
)
from xuequ_rules.text import Text

#: What an inspector records for each item.
RESULTS: tuple[tuple[str, str], ...] = (("符合", "satisfied"), ("不符合", "violated"),
                                        ("不适用", "not applicable"))
COLUMNS: tuple[tuple[str, str], ...] = (
    ("序号", "no."), ("检查事项", "item"), ("标准", "standard"), ("依据条款", "clause"),
    ("检查结果", "result"), ("证据材料", "evidence"), ("备注", "remarks"))
_NUMERIC_KINDS = (Modality.OBLIGATION, Modality.PROHIBITION, Modality.TARGET,
                  Modality.DEFINITION)


@dataclass(frozen=True)
class ChecklistClause:
    id: str
    text: str          # the clause's own text, errata applied
    quotes: tuple[str, ...]


@dataclass(frozen=True)
class ChecklistItem:
    rule_id: str
    numeric: bool                  # a numeric requirement (else a qualitative duty)
    modality: Modality
    title: Text
    standard: Text | None          # the requirement with its numbers, for numeric items
    in_principle: bool
    clauses: tuple[ChecklistClause, ...]

    @property
    def kind(self) -> tuple[str, str]:
        return ("数量要求", "numeric requirement") if self.numeric else ("定性职责", "duty")


@dataclass(frozen=True)
class ChecklistSection:
    party: Text
    items: tuple[ChecklistItem, ...]


@dataclass(frozen=True)
class Checklist:
    ref: str
    title: str
    title_en: str
    sections: tuple[ChecklistSection, ...]

    @property
    def items(self) -> tuple[ChecklistItem, ...]:
        return tuple(item for section in self.sections for item in section.items)


def is_numeric_requirement(rule: AnyRule) -> bool:
    return (isinstance(rule, Rule) and not rule.is_checklist and rule.kind in _NUMERIC_KINDS
            and bool(rule.parameters()))


def _standard(rule: Rule) -> Text | None:
    expression = rule.requires if rule.requires is not None else rule.forbids
    if expression is None:
        return None
    text = render(expression, rule.subject)
    if rule.forbids is not None and rule.requires is None:
        return Text(f"不得：{text.zh}", f"must not: {text.en}")
    return text


def _item(policy: Policy, rule: AnyRule) -> ChecklistItem:
    numeric = is_numeric_requirement(rule)
    clauses: dict[str, list[str]] = {}
    for cite in cites_of(rule):
        clauses.setdefault(cite.clause, []).append(cite.quote)
    document = policy.document
    return ChecklistItem(
        rule_id=rule.id, numeric=numeric, modality=rule.modality, title=rule.title,
        standard=_standard(rule) if numeric and isinstance(rule, Rule) else None,
        in_principle=rule.in_principle,
        clauses=tuple(ChecklistClause(cid, document.corrected_text(document.clause(cid)).strip(),
                                      tuple(quotes)) for cid, quotes in clauses.items()))


def build_checklist(policy: Policy) -> Checklist:
    """The policy's duties and numeric requirements, by responsible party, in rule order."""
    by_party: dict[tuple[str, str], list[ChecklistItem]] = {}
    for rule in policy.rules:
        if getattr(rule, "is_checklist", False) or is_numeric_requirement(rule):
            by_party.setdefault((rule.party.zh, rule.party.en), []).append(_item(policy, rule))
    meta = policy.document.metadata
    return Checklist(policy.ref, meta.title, meta.title_en,
                     tuple(ChecklistSection(Text(zh, en), tuple(items))
                           for (zh, en), items in by_party.items()))


def item_requirement(item: ChecklistItem) -> str:
    """The item as one line of plain text (for xlsx/docx cells)."""
    principle = "（原则上）" if item.in_principle else ""
    return f"{item.title.zh}{principle}\n{item.title.en}"


def item_clauses(item: ChecklistItem) -> str:
    """The clauses as plain text: id, then the clause's text."""
    return "\n".join(f"{c.id}：{c.text}" for c in item.clauses)


_PRINT_CSS = """
<style>
@page { size: A4 portrait; margin: 14mm 12mm; }
.xq-sheet { width: 100%; border-collapse: collapse; font-size: .68rem; }
.md-typeset .xq-sheet td, .md-typeset .xq-sheet th { border: 1px solid #9ca3af;
  padding: .25rem .35rem; vertical-align: top; }
.xq-sheet .xq-clausetext { color: #374151; font-size: .62rem; }
.xq-sheet .xq-blank { min-width: 5.5em; }
@media print {
  .md-header, .md-tabs, .md-sidebar, .md-footer, .md-search, .xq-noprint,
  .md-source-file, .headerlink { display: none !important; }
  .md-main__inner, .md-content, .md-content__inner { margin: 0 !important; padding: 0 !important;
    max-width: none !important; }
  .xq-sheet { font-size: 9pt; } .xq-sheet tr { break-inside: avoid; }
  h2 { break-after: avoid; }
}
</style>
"""


def _row(number: int, item: ChecklistItem, entry: Entry) -> str:
    kind_zh, kind_en = item.kind
    principle = "（原则上 in principle）" if item.in_principle else ""
    standard = (f"{h(item.standard.zh)}<br><span class=\"xq-en\">{h(item.standard.en)}</span>"
                if item.standard is not None else "由责任主体确认落实<br><span class=\"xq-en\">"
                "attested by the responsible party</span>")
    rule_link = rule_page_path(entry, item.rule_id).removeprefix(entry.folder + "/")
    clauses = "".join(
        f'<div><a href="text.html#{clause_anchor(c.id)}">{h(c.id)}</a> '
        f'<span class="xq-clausetext">{h(c.text)}</span></div>' for c in item.clauses)
    results = "<br>".join(f"☐ {zh}" for zh, _ in RESULTS)
    return (f"<tr><td>{number}</td><td><b>{h(item.title.zh)}</b>{h(principle)}<br>"
            f"<span class=\"xq-en\">{h(item.title.en)}</span><br><small>{h(kind_zh)} {h(kind_en)} · "
            f"<a href=\"{h(rule_link.removesuffix('.md'))}.html\"><code>{h(item.rule_id)}</code></a>"
            f"</small></td><td>{standard}</td><td>{clauses}</td>"
            f"<td class=\"xq-blank\">{results}</td><td class=\"xq-blank\"></td>"
            f"<td class=\"xq-blank\"></td></tr>")


def checklist_page(entry: Entry, policy: Policy) -> Page:
    """The checklist as a print-ready A4 page (each party a table)."""
    checklist = build_checklist(policy)
    meta = policy.document.metadata
    lines = [f"# 督导检查表 Inspection checklist — {md(meta.title)}", "", _PRINT_CSS,
             f"<p class=\"xq-noprint\">政策 policy <code>{h(policy.ref)}</code>。定性职责由责任"
             "主体确认落实；数量要求按标准核对。打印（A4）或下载：<code>xuequ checklist "
             f"{h(entry.name)} --format xlsx</code> / <code>--format docx</code>。 Qualitative "
             "duties are attested by the party; numeric requirements are checked against their "
             "standard. Print on A4, or export for WPS/Office with the command above.</p>", ""]
    if not checklist.sections:
        lines.append("（无清单项 no checklist items）")
    header = "".join(f"<th>{zh}<br><small>{en}</small></th>" for zh, en in COLUMNS)
    number = 0
    for section in checklist.sections:
        lines += [f"## {md(section.party.zh)} {md(section.party.en)}", "",
                  f'<table class="xq-sheet"><thead><tr>{header}</tr></thead><tbody>']
        for item in section.items:
            number += 1
            lines.append(_row(number, item, entry))
        lines += ["</tbody></table>", ""]
    lines.append("检查人 inspector：__________　　日期 date：__________　　"
                 "被检查单位（签章）inspected body：__________")
    return Page(f"{entry.folder}/checklist.md", "督导检查表 Checklist", "\n".join(lines) + stamp(entry))
