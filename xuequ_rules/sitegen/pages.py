"""Markdown pages generated from the policies (never hand-copied).

Per policy version: an overview (metadata, basis documents, errata, provenance), the full
text clause by clause with the rules and parameters each clause became beside it, the
parameter table, the inspection checklist and the consistency report. Across policies:
comparison tables by concept and the diff pages.
"""

from __future__ import annotations

import html
import itertools
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from xuequ_rules.consistency import check_policy
from xuequ_rules.diff import diff_policies
from xuequ_rules.diff.report import code, md, to_markdown
from xuequ_rules.document.clause import Clause
from xuequ_rules.document.document import Document
from xuequ_rules.document.metadata import STATUS_LABELS
from xuequ_rules.policy.citation import Cite
from xuequ_rules.policy.parameter import Parameter
from xuequ_rules.policy.policy import Policy
from xuequ_rules.policy.render import render
from xuequ_rules.policy.rule import MODALITY_LABELS, AnyRule, Decision, Rule
from xuequ_rules.policy.units import UNIT_LABELS
from xuequ_rules.text import Text

_ANCHOR_DROP = re.compile(r"[()（）\s]")


def h(text: object) -> str:
    """HTML-escaped text (for the raw-HTML parts of pages)."""
    return html.escape(str(text), quote=True)


def clause_anchor(clause_id: str) -> str:
    """A stable anchor for a clause id: ``三/(四)/3`` → ``c-三_四_3``."""
    return "c-" + _ANCHOR_DROP.sub("", clause_id).replace("/", "_")


def slug(ref: str) -> str:
    return re.sub(r"[^0-9A-Za-z_.-]+", "-", ref).strip("-") or "x"


@dataclass(frozen=True)
class Entry:
    """One policy version as the site sees it: loaded, or its document only (and why)."""

    name: str
    version: str
    current: bool
    document: Document
    policy: Policy | None
    problem: str | None = None

    @property
    def ref(self) -> str:
        return f"{self.name}@{self.version}"

    @property
    def folder(self) -> str:
        return f"policies/{slug(self.name)}/{slug(self.version)}"


@dataclass
class Page:
    path: str                      # relative to the docs dir
    title: str
    text: str
    nav: bool = True


@dataclass
class Site:
    pages: list[Page] = field(default_factory=list)
    nav: list[object] = field(default_factory=list)


def _text_cell(text: Text) -> str:
    return f"{md(text.zh)}<br><small>{md(text.en)}</small>"


def _rel(from_folder: str, target: str) -> str:
    """A relative link from a page in ``from_folder`` to ``target`` (both docs-relative)."""
    depth = from_folder.count("/") + 1 if from_folder else 0
    return "../" * depth + target


def _clause_link(cite: Cite | str, text_page: str = "text.md") -> str:
    clause = cite.clause if isinstance(cite, Cite) else cite
    return f"[{md(clause)}]({text_page}#{clause_anchor(clause)})"


def _clause_links(cites: Iterable[Cite], text_page: str = "text.md") -> str:
    seen = dict.fromkeys(c.clause for c in cites)
    return "、".join(_clause_link(c, text_page) for c in seen) or "—"


# ── overview ──────────────────────────────────────────────────────────────────

def overview_page(entry: Entry, versions: list[Entry]) -> Page:
    document = entry.document
    meta = document.metadata
    status_zh, status_en = STATUS_LABELS[meta.status.state]
    number = meta.doc_number.normalized if meta.doc_number else None
    captured = f"（采集为 captured as {md(meta.doc_number_as_captured)}）" \
        if meta.doc_number_as_captured else ""
    lines = [f"# {md(meta.title)}", "", f"*{md(meta.title_en)}*", ""]
    if entry.problem:
        lines += ['!!! warning "尚无可用的编码 / no usable encoding"', "",
                  f"    {md(entry.problem)}", ""]
    lines += ["## 元数据 Metadata", "", "| 项目 field | 内容 value |", "|---|---|",
              f"| 版本 version | {code(entry.version)}"
              f"{'（当前版本 current）' if entry.current else ''} |",
              f"| 通知标题 notice title | {md(meta.notice_title)} |",
              f"| 文号 document number | {md(number)}{captured} |",
              f"| 索引号 index number | {md(meta.index_number)} |",
              f"| 发文机关 issuers | {md('、'.join(meta.issuers))}（{md(meta.issuer_kind)}） |",
              f"| 地区 jurisdiction | {md(meta.jurisdiction)}（{md(meta.level)}） |"]
    for key, label in (("written", "成文日期 written"), ("issued", "印发日期 issued"),
                       ("published", "发布日期 published"), ("effective", "施行日期 effective"),
                       ("expires", "失效日期 expires")):
        value = getattr(meta.dates, key)
        if value is not None:
            lines.append(f"| {label} | {value.isoformat()} |")
    lines.append(f"| 效力状态 status | {status_zh} {status_en} |")
    if meta.status.note_zh or meta.status.note_en:
        lines.append(f"| 状态说明 status note | {md(meta.status.note_zh)}<br><small>"
                     f"{md(meta.status.note_en)}</small> |")
    validity = entry.policy.validity if entry.policy is not None else None
    if entry.policy is not None and validity is not None:
        period = f"{entry.policy.valid_from or '…'} – {entry.policy.valid_until or '…'}"
        cites = "、".join(f"{md(c.clause)}“{md(c.quote)}”" for c in validity.cites) or \
            "文本未写明 the text states none"
        lines.append(f"| 有效期 validity | {period}：{md(validity.reading.zh)}<br><small>"
                     f"{md(validity.reading.en)}</small><br>依据 from: {cites} |")
    version_list = "、".join(f"[{md(v.version)}](../{slug(v.version)}/index.md)"
                            if v.version != entry.version else f"**{md(v.version)}**"
                            for v in versions)
    lines += [f"| 库中版本 versions | {version_list} |", ""]
    for version_entry in meta.versions:
        if version_entry.version == entry.version:
            lines += [f"本版本 this expression：{md(version_entry.expression_zh)} / "
                      f"{md(version_entry.expression_en)}", ""]
    if meta.later_versions:
        lines += ["### 已知的其他版本 Other known versions", "",
                  "| 文号 number | 标题 title | 日期 issued | 关系 relation | 库中 in library |",
                  "|---|---|---|---|---|"]
        for known in meta.later_versions:
            lines.append(f"| {md(known.number.normalized if known.number else None)} | "
                         f"{md(known.title)} | {known.issued or '—'} | {md(known.relation)} | "
                         f"{'是 yes' if known.text_in_library else '否 no'} |")
        lines.append("")
    lines += ["## 依据文件 Basis documents", ""]
    if meta.basis:
        lines += ["| 文号 number | 标题 title | 发文机关 issuer | 关系 relation | 采集为 captured | "
                  "库中 in library |", "|---|---|---|---|---|---|"]
        for basis in meta.basis:
            lines.append(f"| {md(basis.number.normalized if basis.number else None)} | "
                         f"{md(basis.title)} | {md(basis.issuer)} | {md(basis.relation)} | "
                         f"{md(basis.as_captured)} | "
                         f"{'是 yes' if basis.text_in_library else '否 no'} |")
    else:
        lines.append("（文件未列出依据 none named）")
    lines += ["", "## 勘误 Errata", ""]
    errata = document.source.errata
    if errata:
        lines += ["| 编号 id | 行 line | 类型 kind | 采集 captured | 更正 corrected | 理由 reason |",
                  "|---|---|---|---|---|---|"]
        for item in errata:
            e = item.erratum
            lines.append(f"| {md(e.id)} | {e.line} | {md(e.kind.value)} | {md(e.captured)} | "
                         f"{md(e.corrected)} | {md(e.reason_zh)}<br><small>{md(e.reason_en)}"
                         "</small> |")
    else:
        lines.append("（无 none）")
    prov = document.source.provenance
    lines += ["", "## 来源 Provenance", "", f"- 采集文件 capture: {code(prov.capture)}",
              f"- SHA-256: `{prov.capture_sha256}`", f"- {md(prov.description_zh)}",
              f"- *{md(prov.description_en)}*", "",
              "| 行 lines | 保留/删除 kept/removed | 内容或理由 what / why |", "|---|---|---|"]
    for kept in prov.kept:
        lines.append(f"| {kept.lines[0]}–{kept.lines[1]} | 保留 kept | {md(kept.what_zh)}<br>"
                     f"<small>{md(kept.what_en)}</small> |")
    for removed in prov.removed:
        dup = f"（重复第 {removed.duplicate_of[0]}–{removed.duplicate_of[1]} 行）" \
            if removed.duplicate_of else ""
        lines.append(f"| {removed.lines[0]}–{removed.lines[1]} | 删除 removed: "
                     f"{removed.kind.value} | {md(removed.reason_zh)}{dup}<br>"
                     f"<small>{md(removed.reason_en)}</small> |")
    if document.parse_notes:
        lines += ["", "### 编号说明 Numbering notes", ""]
        lines += [f"- {md(note)}" for note in document.parse_notes]
    lines += ["", "## 编码概况 Encoding", ""]
    policy = entry.policy
    if policy is None:
        lines.append("本版本尚无编码，仅提供原文。 This version is not encoded yet; the text "
                     "is shown as captured.")
    else:
        lines += ["| 项目 item | 数量 count |", "|---|---|",
                  f"| 参数 parameters | {len(policy.parameters)} |",
                  f"| 规则 rules | {len(policy.rules)} |",
                  f"| 其中清单项 of which checklist duties | {len(policy.checklist())} |",
                  f"| 决策表 decisions | {sum(isinstance(r, Decision) for r in policy.rules)} |",
                  f"| 叙述性数字 narrative numbers | {len(policy.narratives)} |",
                  f"| 阶段 phases | {len(policy.phases)} |",
                  f"| 数量声明 count claims | {len(policy.count_claims)} |",
                  f"| 文件问题 document findings | {len(policy.document_findings)} |",
                  f"| 未编码 unencoded | {len(policy.unencoded)} |", ""]
        if policy.phases:
            lines += ["### 阶段 Phases", "", "| 阶段 phase | 开始 start | 结束 end | 条款 clauses |",
                      "|---|---|---|---|"]
            for phase in policy.phases:
                lines.append(f"| {_text_cell(phase.title)} | {phase.start or '—'} | "
                             f"{phase.end or '—'} | {_clause_links(phase.cites)} |")
            lines.append("")
        if policy.unencoded:
            lines += ["### 未编码的条款 Unencoded provisions", ""]
            lines += [f"- {_clause_link(u.cite)} “{md(u.cite.quote)}”：{md(u.reason.zh)} / "
                      f"{md(u.reason.en)}" for u in policy.unencoded]
            lines.append("")
    lines += ["", "## 页面 Pages", "", "- [全文与规则 Text with rules](text.md)"]
    if policy is not None:
        lines += ["- [参数表 Parameters](parameters.md)", "- [规则表 Rules](rules.md)",
                  "- [检查清单 Inspection checklist](checklist.md)",
                  "- [一致性报告 Consistency report](consistency.md)"]
    return Page(f"{entry.folder}/index.md", "概况 Overview", "\n".join(lines) + "\n")


# ── literate text ─────────────────────────────────────────────────────────────

def _cites_of(rule: AnyRule) -> tuple[Cite, ...]:
    return rule.all_cites() if isinstance(rule, Decision) else rule.cites


def _badge(text: str, kind: str) -> str:
    return f'<span class="xq-badge xq-{kind}">{h(text)}</span>'


def _quote(cite: Cite) -> str:
    return f'<blockquote class="xq-quote">{h(cite.quote)}</blockquote>'


def _expr_row(label: str, text: Text) -> str:
    return (f"<dt>{h(label)}</dt><dd>{h(text.zh)}<br><span class=\"xq-en\">{h(text.en)}"
            "</span></dd>")


def rule_card(rule: AnyRule, clause_id: str) -> str:
    zh, en = MODALITY_LABELS[rule.modality]
    badges = [_badge(f"{zh} {en}", rule.modality.value)]
    if isinstance(rule, Rule) and rule.is_checklist:
        badges.append(_badge("清单项 checklist", "checklist"))
    if rule.in_principle:
        badges.append(_badge("原则上 in principle", "principle"))
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
    quotes = "".join(_quote(c) for c in _cites_of(rule) if c.clause == clause_id)
    return (f'<div class="xq-card xq-rule"><div class="xq-card-head"><code>{h(rule.id)}</code> '
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
    badges = _badge("参数 parameter", "parameter")
    if param.in_principle:
        badges += " " + _badge("原则上 in principle", "principle")
    quotes = "".join(_quote(c) for c in param.cites if c.clause == clause_id)
    return (f'<div class="xq-card xq-param"><div class="xq-card-head"><code>{h(param.id)}'
            f'</code> {badges}</div><div class="xq-title">{h(param.label.zh)}</div>'
            f'<div class="xq-en">{h(param.label.en)}</div><dl>{"".join(rows)}</dl>{quotes}</div>')


def _note_card(kind: str, label: str, body: str, cite: Cite | None = None) -> str:
    quote = _quote(cite) if cite is not None else ""
    return (f'<div class="xq-card xq-{kind}"><div class="xq-card-head">{_badge(label, kind)}'
            f"</div>{body}{quote}</div>")


def _encoding_cards(policy: Policy, clause_id: str) -> list[str]:
    cards: list[str] = []
    cards += [rule_card(r, clause_id) for r in policy.rules
              if any(c.clause == clause_id for c in _cites_of(r))]
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
                cards.append(_note_card("finding", f"文件问题 finding: {finding.kind}",
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
    heading = f" {clause.display_heading}" if clause.display_heading else ""
    lines = [f"{'#' * level} {md(clause.id)}{md(heading)} {{ #{clause_anchor(clause.id)} }}", ""]
    corrected = document.corrected_text(clause).strip()
    paragraphs = "".join(f"<p>{h(p)}</p>" for p in corrected.split("\n") if p.strip())
    errata = [item.erratum for item in document.source.errata
              if clause.start <= item.start < clause.end]
    if errata:
        paragraphs += '<div class="xq-errata">' + "".join(
            f"<div>勘误 erratum {h(e.id)}：采集 captured “{h(e.captured)}” → 更正 corrected "
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
    lines = [f"# {md(meta.title)}：全文与规则", "",
             f"*{md(meta.title_en)} — full text with the rules each clause became*", "",
             "左侧为条款原文（已按勘误更正），右侧为该条款编码成的规则、参数和其他编码项，"
             "每项都引用了条款中的原话。 On the left, each clause (errata applied); on the "
             "right, the rules, parameters and notes encoded from it, each with its verbatim "
             "quote.", ""]
    for top in entry.document.clauses:
        lines += _clause_block(entry, top, 0)
    return Page(f"{entry.folder}/text.md", "全文与规则 Text", "\n".join(lines) + "\n")


# ── tables ────────────────────────────────────────────────────────────────────

def parameters_page(entry: Entry, policy: Policy) -> Page:
    lines = [f"# 参数表 Parameters — {md(policy.ref)}", "",
             "| 标识 id | 名称 label | 取值 value | 单位 unit | 原则上 | 概念 concept | 条款 clauses |",
             "|---|---|---|---|---|---|---|"]
    for p in policy.parameters:
        dated = "<br>" + "；".join(f"{d.since}: {md(str(d.value))}" for d in p.dated) \
            if p.dated else ""
        lines.append(f"| {code(p.id)} | {_text_cell(p.label)} | **{md(p.display_value)}**{dated} | "
                     f"{UNIT_LABELS[p.unit][0]} {UNIT_LABELS[p.unit][1]} | "
                     f"{'是' if p.in_principle else ''} | "
                     f"{code(p.concept)} | "
                     f"{_clause_links(p.cites)} |")
    if not policy.parameters:
        lines.append("| — | （无 none） | | | | | |")
    return Page(f"{entry.folder}/parameters.md", "参数 Parameters", "\n".join(lines) + "\n")


def rules_page(entry: Entry, policy: Policy) -> Page:
    lines = [f"# 规则表 Rules — {md(policy.ref)}", "",
             "| 标识 id | 类型 modality | 规则 rule | 责任主体 party | 概念 concept | 条款 clauses |",
             "|---|---|---|---|---|---|"]
    for r in policy.rules:
        zh, en = MODALITY_LABELS[r.modality]
        flags = "（原则上）" if r.in_principle else ""
        lines.append(f"| {code(r.id)} | {zh} {en}{flags} | {_text_cell(r.title)} | "
                     f"{_text_cell(r.party)} | "
                     f"{code(r.concept)} | "
                     f"{_clause_links(_cites_of(r))} |")
    if not policy.rules:
        lines.append("| — | | （无 none） | | | |")
    return Page(f"{entry.folder}/rules.md", "规则 Rules", "\n".join(lines) + "\n")


def checklist_page(entry: Entry, policy: Policy) -> Page:
    duties = policy.checklist()
    lines = [f"# 检查清单 Inspection checklist — {md(policy.ref)}", "",
             "定性职责：由责任主体确认落实（事实 `attestations.<规则标识>` 为 true / false / 缺失）。",
             "Qualitative duties, satisfied when the responsible party attests them "
             "(`attestations.<rule id>`).", ""]
    by_party: dict[str, list[AnyRule]] = {}
    for duty in duties:
        by_party.setdefault(f"{duty.party.zh}|{duty.party.en}", []).append(duty)
    if not duties:
        lines.append("（无清单项 no checklist duties）")
    for key, items in by_party.items():
        zh, en = key.split("|", 1)
        lines += [f"## {md(zh)} {md(en)}", "", "| ☐ | 职责 duty | 标识 id | 条款 clauses |",
                  "|---|---|---|---|"]
        for duty in items:
            flag = "（原则上 in principle）" if duty.in_principle else ""
            lines.append(f"| ☐ | {_text_cell(duty.title)}{flag} | {code(duty.id)} | "
                         f"{_clause_links(_cites_of(duty))} |")
        lines.append("")
    return Page(f"{entry.folder}/checklist.md", "检查清单 Checklist", "\n".join(lines) + "\n")


def consistency_page(entry: Entry, policy: Policy) -> Page:
    try:
        report = check_policy(policy)
    except Exception as exc:  # shown on the page rather than breaking the build
        return Page(f"{entry.folder}/consistency.md", "一致性 Consistency",
                    f"# 一致性报告 Consistency — {md(policy.ref)}\n\n!!! failure \"检查失败 / "
                    f"check failed\"\n\n    {md(type(exc).__name__)}: {md(str(exc))}\n")
    lines = [f"# 一致性报告 Consistency — {md(policy.ref)}", "",
             "库的缺陷（编码的错误，必须为零）与文件自身的问题（供法务人员参考）分开列出。",
             "Library defects (errors of the encoding; must be none) are listed apart from "
             "findings about the document itself.", "",
             f"## 库缺陷 Library defects: {len(report.defects)}", ""]
    if report.defects:
        lines += ["| 类型 kind | 说明 description | 条款 clauses |", "|---|---|---|"]
        lines += [f"| {md(i.kind)} | {_text_cell(i.text)} | {_clause_links(i.cites)} |"
                  for i in report.defects]
    else:
        lines.append("无。 None.")
    lines += ["", f"## 文件问题 Document findings: {len(report.document_findings)}", ""]
    if report.document_findings:
        lines += ["| 类型 kind | 说明 description | 条款 clauses |", "|---|---|---|"]
        lines += [f"| {md(i.kind)} | {_text_cell(i.text)} | {_clause_links(i.cites)} |"
                  for i in report.document_findings]
    else:
        lines.append("无。 None.")
    return Page(f"{entry.folder}/consistency.md", "一致性 Consistency", "\n".join(lines) + "\n")


def policy_pages(entry: Entry, versions: list[Entry]) -> list[Page]:
    pages = [overview_page(entry, versions), text_page(entry)]
    if entry.policy is not None:
        pages += [parameters_page(entry, entry.policy), rules_page(entry, entry.policy),
                  checklist_page(entry, entry.policy), consistency_page(entry, entry.policy)]
    return pages


# ── across policies ───────────────────────────────────────────────────────────

def policies_index(entries: list[Entry], broken: dict[str, str]) -> Page:
    lines = ["# 政策 Policies", "",
             "| 政策 policy | 版本 version | 文号 number | 标题 title | 状态 status | 参数 | 规则 | 清单项 |",
             "|---|---|---|---|---|---|---|---|"]
    for e in entries:
        meta = e.document.metadata
        p = e.policy
        counts = (f"{len(p.parameters)} | {len(p.rules)} | {len(p.checklist())}" if p
                  else "— | — | —")
        star = " \\*" if e.current else ""
        link = f"{e.folder.removeprefix('policies/')}/index.md"
        lines.append(f"| [{md(e.name)}]({link}) | {md(e.version)}{star} | "
                     f"{md(meta.doc_number.normalized if meta.doc_number else None)} | "
                     f"{md(meta.title)} | {STATUS_LABELS[meta.status.state][0]} | {counts} |")
    lines += ["", "\\* 当前版本 current version", ""]
    if broken:
        lines += ["## 无法加载的政策包 Packages that failed to load", ""]
        lines += [f"- {code(name)}：{md(problem)}" for name, problem in broken.items()]
    return Page("policies/index.md", "政策一览 All policies", "\n".join(lines) + "\n")


def compare_page(entries: list[Entry]) -> Page:
    loaded = [e for e in entries if e.policy is not None and e.current]
    lines = ["---", "hide:", "  - toc", "---", "", "# 按概念比较 Comparison by concept", "",
             "各地的参数和规则按共同的概念（`concept`）对齐，而不是按措辞。 Parameters and rules "
             "of each district are aligned by their shared concept, never by wording.", ""]
    header = "| 概念 concept | " + " | ".join(f"[{md(e.ref)}](../{e.folder}/index.md)"
                                             for e in loaded) + " |"
    sep = "|---|" + "---|" * len(loaded)
    params: dict[str, dict[str, list[Parameter]]] = {}
    rules: dict[str, dict[str, list[AnyRule]]] = {}
    for e in loaded:
        assert e.policy is not None
        for p in e.policy.parameters:
            if p.concept:
                params.setdefault(p.concept, {}).setdefault(e.ref, []).append(p)
        for r in e.policy.rules:
            if r.concept:
                rules.setdefault(r.concept, {}).setdefault(e.ref, []).append(r)

    def order(table: dict[str, dict[str, Any]]) -> list[str]:
        return sorted(table, key=lambda c: (-len(table[c]), c))

    lines += ["## 参数 Parameters", "", header, sep]
    for concept in order(params):
        cells = []
        for e in loaded:
            found = params[concept].get(e.ref, [])
            cells.append("<br>".join(f"**{md(p.display_value)}**"
                                     f"{'（原则上）' if p.in_principle else ''}<br>"
                                     f"<small>{md(p.label.zh)}</small> "
                                     f"[↗](../{e.folder}/text.md#{clause_anchor(p.cites[0].clause)})"
                                     for p in found) or "—")
        lines.append(f"| {code(concept)} | " + " | ".join(cells) + " |")
    if not params:
        lines.append("| （无 none） |" + " |" * len(loaded))
    lines += ["", "## 规则 Rules", "", header, sep]
    for concept in order(rules):
        cells = []
        for e in loaded:
            matching = rules[concept].get(e.ref, [])
            cells.append("<br>".join(
                f"{MODALITY_LABELS[r.modality][0]}：{md(r.title.zh)} "
                f"[↗](../{e.folder}/text.md#{clause_anchor(_cites_of(r)[0].clause)})"
                for r in matching) or "—")
        lines.append(f"| {code(concept)} | " + " | ".join(cells) + " |")
    if not rules:
        lines.append("| （无 none） |" + " |" * len(loaded))
    return Page("compare/index.md", "按概念比较 By concept", "\n".join(lines) + "\n")


def diff_pairs(entries: list[Entry]) -> list[tuple[Entry, Entry]]:
    """Every pair of current versions, plus consecutive versions of one policy."""
    loaded = [e for e in entries if e.policy is not None]
    current = [e for e in loaded if e.current]
    pairs = [(a, b) for i, a in enumerate(current) for b in current[i + 1:]]
    by_name: dict[str, list[Entry]] = {}
    for e in loaded:
        by_name.setdefault(e.name, []).append(e)
    for versions in by_name.values():
        pairs += list(itertools.pairwise(versions))
    return pairs


def diff_pages(entries: list[Entry]) -> list[Page]:
    pages: list[Page] = []
    index = ["# 差异 Diffs", "",
             "两项政策在文本、结构和行为三个层次上的差异（`xuequ diff`）。 Three-level diffs "
             "(text, structure, behaviour) of policy pairs.", "",
             "| 左 left | 右 right | 参数差异 parameters | 规则差异 rules | 行为差异 behaviour | 文本 text |",
             "|---|---|---|---|---|---|"]
    for left, right in diff_pairs(entries):
        assert left.policy is not None and right.policy is not None
        path = f"diff/{slug(left.ref)}__{slug(right.ref)}.md"
        try:
            result = diff_policies(left.policy, right.policy)
            body = to_markdown(result)
        except Exception as exc:  # one pair must not take the whole site down
            body = (f"# {md(left.ref)} → {md(right.ref)}\n\n!!! failure \"差异计算失败 / diff "
                    f"failed\"\n\n    {md(type(exc).__name__)}: {md(str(exc))}\n")
            pages.append(Page(path, f"{left.ref} → {right.ref}", body))
            index.append(f"| {md(left.ref)} | {md(right.ref)} | [失败 failed]"
                         f"({path.removeprefix('diff/')}) | | | |")
            continue
        links = (f"\n---\n\n[{md(left.ref)}](../{left.folder}/index.md) · "
                 f"[{md(right.ref)}](../{right.folder}/index.md)\n")
        pages.append(Page(path, f"{left.ref} → {right.ref}", body + links))
        s = result.structure.summary() if result.structure else {}
        t = result.text.summary() if result.text else {}

        def n(kind: str, summary: dict[str, dict[str, int]] = s) -> str:
            c = summary.get(kind, {})
            return (f"对齐 {c.get('changed', 0) + c.get('unchanged', 0)}，变 {c.get('changed', 0)}；"
                    f"仅左 {c.get('removed', 0)}，仅右 {c.get('added', 0)}")

        behaviour = len(result.behaviour.cases) if result.behaviour else 0
        index.append(f"| {md(left.ref)} | {md(right.ref)} | [{n('parameters')}]"
                     f"({path.removeprefix('diff/')}) | {n('rules')} | {behaviour} | "
                     f"变 {t.get('changed', 0)}，增 {t.get('added', 0)}，删 {t.get('removed', 0)} |")
    if len(index) == 6:
        index.append("| — | （至少需要两项已编码的政策 needs two encoded policies） | | | | |")
    pages.insert(0, Page("diff/index.md", "差异一览 All diffs", "\n".join(index) + "\n"))
    return pages
