"""The overview page of one policy version: metadata, basis, errata, provenance, encoding."""

from __future__ import annotations

from xuequ_rules.diff.report import code, md
from xuequ_rules.document.metadata import STATUS_LABELS
from xuequ_rules.labels import label, yes_no
from xuequ_rules.policy.rule import Decision
from xuequ_rules.sitegen.common import (
    Entry,
    Page,
    clause_link,
    clause_links,
    slug,
    stamp,
    text_cell,
)


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
              f"| 发文机关 issuers | {md('、'.join(meta.issuers))}"
              f"（{label('issuer_kind', meta.issuer_kind)}） |",
              f"| 地区 jurisdiction | {md(meta.jurisdiction)}（{label('level', meta.level)}） |"]
    for key, name in (("written", "成文日期 written"), ("issued", "印发日期 issued"),
                       ("published", "发布日期 published"), ("effective", "施行日期 effective"),
                       ("expires", "失效日期 expires")):
        value = getattr(meta.dates, key)
        if value is not None:
            lines.append(f"| {name} | {value.isoformat()} |")
    lines.append(f"| 效力状态 status | {status_zh} {status_en} |")
    if meta.source_url:
        lines.append(f"| 官方来源 official source | <{meta.source_url}> |")
    if meta.retrieved:
        lines.append(f"| 获取日期 retrieved | {meta.retrieved.isoformat()} |")
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
                         f"{md(known.title)} | {known.issued or '—'} | {label('relation', known.relation)} | "
                         f"{yes_no(known.text_in_library)} |")
        lines.append("")
    lines += ["## 依据文件 Basis documents", ""]
    if meta.basis:
        lines += ["| 文号 number | 标题 title | 发文机关 issuer | 关系 relation | 采集为 captured | "
                  "库中 in library |", "|---|---|---|---|---|---|"]
        for basis in meta.basis:
            lines.append(f"| {md(basis.number.normalized if basis.number else None)} | "
                         f"{md(basis.title)} | {md(basis.issuer)} | {label('relation', basis.relation)} | "
                         f"{md(basis.as_captured)} | "
                         f"{yes_no(basis.text_in_library)} |")
    else:
        lines.append("（文件未列出依据 none named）")
    lines += ["", "## 勘误 Errata", ""]
    errata = document.source.errata
    if errata:
        lines += ["| 编号 id | 行 line | 类型 kind | 采集 captured | 更正 corrected | 理由 reason |",
                  "|---|---|---|---|---|---|"]
        for item in errata:
            e = item.erratum
            lines.append(f"| {md(e.id)} | {e.line} | {label('erratum', e.kind)} | {md(e.captured)} | "
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
                     f"{label('removal', removed.kind)} | {md(removed.reason_zh)}{dup}<br>"
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
                lines.append(f"| {text_cell(phase.title)} | {phase.start or '—'} | "
                             f"{phase.end or '—'} | {clause_links(phase.cites)} |")
            lines.append("")
        if policy.unencoded:
            lines += ["### 未编码的条款 Unencoded provisions", ""]
            lines += [f"- {clause_link(u.cite)} “{md(u.cite.quote)}”：{md(u.reason.zh)} / "
                      f"{md(u.reason.en)}" for u in policy.unencoded]
            lines.append("")
    lines += ["", "## 页面 Pages", "", "- [全文与规则 Text with rules](text.md)"]
    if policy is not None:
        lines += ["- [参数表 Parameters](parameters.md)", "- [规则表 Rules](rules.md)",
                  "- [检查清单 Inspection checklist](checklist.md)",
                  "- [一致性报告 Consistency report](consistency.md)"]
    return Page(f"{entry.folder}/index.md", "概况 Overview", "\n".join(lines) + stamp(entry))

