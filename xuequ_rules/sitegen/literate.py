"""The literate text page: each clause beside the rules, parameters and notes it became.

The source text is shown as captured (errata applied). Where a capture holds a table in
Markdown form (``| a | b |`` rows and a ``|---|`` line), the page shows it as a table; a
clause whose heading is a table row is headed by its first cell.
"""

from __future__ import annotations

import re

from xuequ_rules.diff.report import md
from xuequ_rules.document.clause import Clause
from xuequ_rules.labels import label
from xuequ_rules.policy.citation import Cite
from xuequ_rules.policy.parameter import Parameter
from xuequ_rules.policy.policy import Policy
from xuequ_rules.policy.render import render
from xuequ_rules.policy.rule import MODALITY_LABELS, AnyRule, Decision, Rule
from xuequ_rules.policy.units import UNIT_LABELS
from xuequ_rules.sitegen.common import (
    Entry,
    Page,
    badge,
    cites_of,
    clause_anchor,
    h,
    quote,
    slug,
    stamp,
)
from xuequ_rules.text import Text

_SEPARATOR = re.compile(r"^\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?$")


def _is_row(line: str) -> bool:
    return line.count("|") >= 2 or line.strip() == "|"


def _cells(line: str) -> list[str]:
    return [cell.strip() for cell in line.strip().strip("|").split("|")]


def _table(rows: list[tuple[list[str], bool]]) -> str:
    body = []
    for cells, header in rows:
        tag = "th" if header else "td"
        body.append("<tr>" + "".join(f"<{tag}>{h(c)}</{tag}>" for c in cells) + "</tr>")
    return f'<table class="xq-table">{"".join(body)}</table>'


def render_text(text: str) -> str:
    """Clause text as HTML paragraphs; Markdown table rows as a table, list items as items."""
    out: list[str] = []
    rows: list[tuple[list[str], bool]] = []
    for raw in text.split("\n"):
        line = raw.strip()
        if line and _is_row(line):
            if line == "|":
                continue
            if _SEPARATOR.match(line):
                if rows:
                    rows[-1] = (rows[-1][0], True)
                continue
            rows.append((_cells(line), False))
            continue
        if rows:
            out.append(_table(rows))
            rows = []
        if not line:
            continue
        if line.startswith("#"):
            out.append(f"<p><b>{h(line.lstrip('#').strip())}</b></p>")
        elif line.startswith("- "):
            out.append(f'<p class="xq-item">• {h(line[2:])}</p>')
        else:
            out.append(f"<p>{h(line)}</p>")
    if rows:
        out.append(_table(rows))
    return "".join(out)


def heading_text(heading: str) -> str:
    """A clause heading; a table row (``| 指标 | ≥ 4.2 人 |``) is named by its first cell."""
    if heading.count("|") >= 2:
        return _cells(heading)[0]
    return heading


def _expr_row(name: str, text: Text) -> str:
    return (f"<dt>{h(name)}</dt><dd>{h(text.zh)}<br><span class=\"xq-en\">{h(text.en)}"
            "</span></dd>")



def rule_card(rule: AnyRule, clause_id: str) -> str:
    zh, en = MODALITY_LABELS[rule.modality]
    badges = [badge(f"{zh} {en}", rule.modality.value)]
    if isinstance(rule, Rule) and rule.is_checklist:
        badges.append(badge("清单项 checklist", "checklist"))
    if rule.in_principle:
        badges.append(badge("原则上 in principle", "principle"))
    rows = [f"<dt>责任主体 party</dt><dd>{h(rule.party.zh)} <span class=\"xq-en\">"
            f"{h(rule.party.en)}</span></dd>"]
    if rule.subject:
        rows.append(f"<dt>对象 subject</dt><dd><code>{h(rule.subject)}</code></dd>")
    if rule.applies is not None:
        rows.append(_expr_row("适用条件 applies when", render(rule.applies, rule.subject)))
    if isinstance(rule, Rule):
        if rule.requires is not None and not rule.is_checklist:
            rows.append(_expr_row("要求 requires", render(rule.requires, rule.subject)))
        if rule.forbids is not None:
            rows.append(_expr_row("禁止 forbids", render(rule.forbids, rule.subject)))
        if rule.deadline is not None:
            rows.append(f"<dt>期限 deadline</dt><dd>{rule.deadline.isoformat()}</dd>")
    if isinstance(rule, Decision):
        cases = "".join(f"<li>{h(render(c.when, rule.subject).zh)} → <b>{h(c.outcome.text.zh)}"
                        f"</b> <span class=\"xq-en\">{h(c.outcome.text.en)}</span> "
                        f"<code>{h(c.outcome.code)}</code></li>" for c in rule.cases)
        rows.append(f"<dt>决策 {h(rule.question)}</dt><dd><ol>{cases}</ol></dd>")
    if rule.exception_to:
        rows.append(f"<dt>例外于 exception to</dt><dd><code>{h(rule.exception_to)}</code></dd>")
    if rule.concept:
        rows.append(f"<dt>概念 concept</dt><dd><code>{h(rule.concept)}</code></dd>")
    if rule.valid_from or rule.valid_until:
        rows.append(f"<dt>有效期 validity</dt><dd>{rule.valid_from or '…'} – "
                    f"{rule.valid_until or '…'}</dd>")
    if rule.note is not None:
        rows.append(_expr_row("注 note", rule.note))
    quotes = "".join(quote(c) for c in cites_of(rule) if c.clause == clause_id)
    return (f'<div class="xq-card xq-rule"><div class="xq-card-head"><a href="rules/{slug(rule.id)}.html">'
            f'<code>{h(rule.id)}</code></a> '
            f'{" ".join(badges)}</div><div class="xq-title">{h(rule.title.zh)}</div>'
            f'<div class="xq-en">{h(rule.title.en)}</div><dl>{"".join(rows)}</dl>{quotes}</div>')


def parameter_card(param: Parameter, clause_id: str) -> str:
    unit_zh, unit_en = UNIT_LABELS[param.unit]
    rows = [f"<dt>取值 value</dt><dd><b>{h(param.display_value)}</b>（{h(unit_zh)} "
            f"{h(unit_en)}）</dd>"]
    if param.dated:
        rows.append("<dt>分期取值 dated</dt><dd>" + "；".join(
            f"{d.since}: {h(d.value)}" for d in param.dated) + "</dd>")
    if param.concept:
        rows.append(f"<dt>概念 concept</dt><dd><code>{h(param.concept)}</code></dd>")
    if param.note is not None:
        rows.append(_expr_row("注 note", param.note))
    badges = badge("参数 parameter", "parameter")
    if param.in_principle:
        badges += " " + badge("原则上 in principle", "principle")
    quotes = "".join(quote(c) for c in param.cites if c.clause == clause_id)
    return (f'<div class="xq-card xq-param"><div class="xq-card-head">'
            f'<a href="parameters/{slug(param.id)}.html"><code>{h(param.id)}</code></a> {badges}'
            f'</div><div class="xq-title">{h(param.label.zh)}</div>'
            f'<div class="xq-en">{h(param.label.en)}</div><dl>{"".join(rows)}</dl>{quotes}</div>')


def _note_card(kind: str, title: str, body: str, cite: Cite | None = None) -> str:
    quoted = quote(cite) if cite is not None else ""
    return (f'<div class="xq-card xq-{kind}"><div class="xq-card-head">{badge(title, kind)}'
            f"</div>{body}{quoted}</div>")


def _encoding_cards(policy: Policy, clause_id: str) -> list[str]:
    cards: list[str] = []
    cards += [rule_card(r, clause_id) for r in policy.rules
              if any(c.clause == clause_id for c in cites_of(r))]
    cards += [parameter_card(p, clause_id) for p in policy.parameters
              if any(c.clause == clause_id for c in p.cites)]
    for phase in policy.phases:
        for cite in phase.cites:
            if cite.clause == clause_id:
                cards.append(_note_card("phase", "阶段 phase", f"<div>{h(phase.title.zh)}："
                                        f"{phase.start or '…'} – {phase.end or '…'}</div>", cite))
    for claim in policy.count_claims:
        for cite in claim.cites:
            if cite.clause == clause_id:
                cards.append(_note_card("claim", "数量声明 count claim",
                                        f"<div>{h(claim.title.zh)}：正文 stated {claim.stated}，"
                                        f"实际 actual {claim.actual}</div>", cite))
    for finding in policy.document_findings:
        for cite in finding.cites:
            if cite.clause == clause_id:
                cards.append(_note_card("finding", f"文件问题 finding：{label('finding', finding.kind)}",
                                        f"<div>{h(finding.text.zh)}</div><div class=\"xq-en\">"
                                        f"{h(finding.text.en)}</div>", cite))
    for narrative in policy.narratives:
        if narrative.cite.clause == clause_id:
            cards.append(_note_card("narrative", "叙述性数字 narrative",
                                    f"<div>{h(narrative.reason.zh)} <span class=\"xq-en\">"
                                    f"{h(narrative.reason.en)}</span></div>", narrative.cite))
    for item in policy.unencoded:
        if item.cite.clause == clause_id:
            cards.append(_note_card("unencoded", "未编码 unencoded",
                                    f"<div>{h(item.reason.zh)} <span class=\"xq-en\">"
                                    f"{h(item.reason.en)}</span></div>", item.cite))
    return cards


def _clause_block(entry: Entry, clause: Clause, depth: int) -> list[str]:
    document = entry.document
    level = min(depth + 2, 6)
    heading = f" {heading_text(clause.display_heading)}" if clause.display_heading else ""
    lines = [f"{'#' * level} {md(clause.id)}{md(heading)} {{ #{clause_anchor(clause.id)} }}", ""]
    corrected = document.corrected_text(clause).strip()
    paragraphs = render_text(corrected)
    errata = [item.erratum for item in document.source.errata
              if clause.start <= item.start < clause.end]
    if errata:
        paragraphs += '<div class="xq-errata">' + "".join(
            f"<div>勘误 erratum {h(e.id)}（{h(label('erratum', e.kind))}）："
            f"采集 captured “{h(e.captured)}” → 更正 corrected "
            f"“{h(e.corrected)}”（{h(e.reason_zh)}）</div>" for e in errata) + "</div>"
    cards = _encoding_cards(entry.policy, clause.id) if entry.policy is not None else []
    aside = "".join(cards) if cards else '<div class="xq-none">（本条款无编码项 nothing encoded ' \
        "from this clause）</div>"
    lines += [f'<div class="xq-clause"><div class="xq-text">{paragraphs}</div>'
              f'<aside class="xq-encoding">{aside}</aside></div>', ""]
    for child in clause.children:
        lines += _clause_block(entry, child, depth + 1)
    return lines


def text_page(entry: Entry) -> Page:
    meta = entry.document.metadata
    # The clauses are what a search is for: they rank above tables and diffs that quote them.
    lines = ["---", "search:", "  boost: 3", "---", "", f"# {md(meta.title)}：全文与规则", "",
             f"*{md(meta.title_en)} — full text with the rules each clause became*", "",
             "左侧为条款原文（已按勘误更正），右侧为该条款编码成的规则、参数和其他编码项，"
             "每项都引用了条款中的原话。 On the left, each clause (errata applied); on the "
             "right, the rules, parameters and notes encoded from it, each with its verbatim "
             "quote.", ""]
    for top in entry.document.clauses:
        lines += _clause_block(entry, top, 0)
    return Page(f"{entry.folder}/text.md", "全文与规则 Text", "\n".join(lines) + stamp(entry))
