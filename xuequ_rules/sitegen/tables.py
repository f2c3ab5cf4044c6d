"""Tables of one policy version (parameters, rules, consistency) and the list of policies."""

from __future__ import annotations

from xuequ_rules.consistency import check_policy
from xuequ_rules.diff.report import code, md
from xuequ_rules.document.metadata import STATUS_LABELS
from xuequ_rules.labels import label, yes_no
from xuequ_rules.policy.policy import Policy
from xuequ_rules.policy.rule import MODALITY_LABELS
from xuequ_rules.policy.units import UNIT_LABELS
from xuequ_rules.sitegen.common import (
    Entry,
    Page,
    cites_of,
    clause_links,
    concept_page_path,
    slug,
    stamp,
    text_cell,
)


def concept_cell(concept: str | None) -> str:
    """A concept id linked to its page (from a page three folders deep)."""
    if not concept:
        return "—"
    return f"[<small>{code(concept)}</small>](../../../{concept_page_path(concept)})"


def parameters_page(entry: Entry, policy: Policy) -> Page:
    lines = [f"# 参数表 Parameters — {md(policy.ref)}", "",
             "| 标识 id | 名称 label | 取值 value | 单位 unit | 原则上 | 概念 concept | 条款 clauses |",
             "|---|---|---|---|---|---|---|"]
    for p in policy.parameters:
        dated = "<br>" + "；".join(f"{d.since}: {md(str(d.value))}" for d in p.dated) \
            if p.dated else ""
        lines.append(f"| [{code(p.id)}](parameters/{slug(p.id)}.md) | {text_cell(p.label)} | "
                     f"**{md(p.display_value)}**{dated} | "
                     f"{UNIT_LABELS[p.unit][0]} {UNIT_LABELS[p.unit][1]} | "
                     f"{yes_no(p.in_principle) if p.in_principle else ''} | "
                     f"{concept_cell(p.concept)} | "
                     f"{clause_links(p.cites)} |")
    if not policy.parameters:
        lines.append("| — | （无 none） | | | | | |")
    return Page(f"{entry.folder}/parameters.md", "参数 Parameters", "\n".join(lines) + stamp(entry))


def rules_page(entry: Entry, policy: Policy) -> Page:
    lines = [f"# 规则表 Rules — {md(policy.ref)}", "",
             "| 标识 id | 类型 modality | 规则 rule | 责任主体 party | 概念 concept | 条款 clauses |",
             "|---|---|---|---|---|---|"]
    for r in policy.rules:
        zh, en = MODALITY_LABELS[r.modality]
        flags = "（原则上）" if r.in_principle else ""
        lines.append(f"| [{code(r.id)}](rules/{slug(r.id)}.md) | {zh} {en}{flags} | {text_cell(r.title)} | "
                     f"{text_cell(r.party)} | "
                     f"{concept_cell(r.concept)} | "
                     f"{clause_links(cites_of(r))} |")
    if not policy.rules:
        lines.append("| — | | （无 none） | | | |")
    return Page(f"{entry.folder}/rules.md", "规则 Rules", "\n".join(lines) + stamp(entry))




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
        lines += [f"| {label('finding', i.kind)} | {text_cell(i.text)} | {clause_links(i.cites)} |"
                  for i in report.defects]
    else:
        lines.append("无。 None.")
    lines += ["", f"## 文件问题 Document findings: {len(report.document_findings)}", ""]
    if report.document_findings:
        lines += ["| 类型 kind | 说明 description | 条款 clauses |", "|---|---|---|"]
        lines += [f"| {label('finding', i.kind)} | {text_cell(i.text)} | {clause_links(i.cites)} |"
                  for i in report.document_findings]
    else:
        lines.append("无。 None.")
    return Page(f"{entry.folder}/consistency.md", "一致性 Consistency", "\n".join(lines) + stamp(entry))



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
                     f"{md(meta.title)} | {' '.join(STATUS_LABELS[meta.status.state])} | "
                     f"{counts} |")
    lines += ["", "\\* 当前版本 current version", ""]
    if broken:
        lines += ["## 无法加载的政策包 Packages that failed to load", ""]
        lines += [f"- {code(name)}：{md(problem)}" for name, problem in broken.items()]
    return Page("policies/index.md", "政策一览 All policies", "\n".join(lines) + stamp())

