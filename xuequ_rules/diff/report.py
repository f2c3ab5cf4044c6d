"""Presenting a :class:`~xuequ_rules.diff.model.PolicyDiff`: Markdown and a rich terminal view."""

from __future__ import annotations

import html
import re

from rich.console import Console
from rich.markup import escape
from rich.table import Table
from rich.text import Text as RichText

from xuequ_rules.diff.model import (
    CHANGE_LABELS,
    ChangeStatus,
    ClauseChange,
    FieldChange,
    ItemChange,
    PolicyDiff,
    TextOp,
)
from xuequ_rules.document.metadata import STATUS_LABELS as DOCUMENT_STATUS
from xuequ_rules.document.metadata import StatusState
from xuequ_rules.labels import pair
from xuequ_rules.text import Text

FIELD_LABELS: dict[str, str] = {
    "value": "取值 value", "unit": "单位 unit", "dated": "分期取值 dated values",
    "in_principle": "原则上 in principle", "label": "名称 label", "clauses": "条款 clauses",
    "modality": "类型 modality", "party": "责任主体 party", "subject": "对象 subject",
    "applies": "适用条件 applies", "requires": "要求 requires", "forbids": "禁止 forbids",
    "checklist": "清单项 checklist", "valid_from": "起始 valid from",
    "valid_until": "截止 valid until", "deadline": "期限 deadline", "cases": "情形 cases",
    "question": "决策问题 question", "exception_to": "例外于 exception to",
    "title": "标题 title", "doc_number": "文号 number", "issuers": "发文机关 issuers",
    "jurisdiction": "地区 jurisdiction", "level": "层级 level", "status": "状态 status",
    "basis": "依据 basis", "dates.written": "成文日期 written", "dates.issued": "印发日期 issued",
    "dates.published": "发布日期 published", "dates.effective": "施行日期 effective",
    "dates.expires": "失效日期 expires",
}

_MD_SPECIAL = re.compile(r"([\\`*_\[\]{}|#~])")


def md(text: str | None) -> str:
    """Text safe inside Markdown (and inside a table cell)."""
    if text is None:
        return "—"
    escaped = _MD_SPECIAL.sub(r"\\\1", html.escape(text, quote=False))
    return escaped.replace("\r", "").replace("\n", "<br>")


def _label_md(label: Text | None) -> str:
    """A concept's Chinese label, shown before its id."""
    return f"{md(label.zh)}<br>" if label is not None else ""


def _label_text(label: Text | None, concept: str | None, around: str = "\n{}") -> str:
    """A concept's Chinese label with its id (on the next line, or as ``around`` places it)."""
    if concept is None:
        return "—"
    return f"{label.zh}{around.format(concept)}" if label is not None else concept


def code(text: str | None) -> str:
    """Inline code that survives Markdown tables (no escaping shows through)."""
    if text is None:
        return "—"
    return "<code>" + html.escape(text, quote=False).replace("|", "&#124;") + "</code>"


def redline_html(ops: tuple[TextOp, ...]) -> str:
    """``<del>`` for what the left has, ``<ins>`` for what the right has."""
    parts: list[str] = []
    for op in ops:
        if op.op == "equal":
            parts.append(md(op.left))
            continue
        if op.left:
            parts.append(f'<del class="xq-del">{md(op.left)}</del>')
        if op.right:
            parts.append(f'<ins class="xq-ins">{md(op.right)}</ins>')
    return "".join(parts)


def _status(status: ChangeStatus, diff: PolicyDiff) -> str:
    zh, en = CHANGE_LABELS[status]
    if status is ChangeStatus.ADDED:
        return f"仅 {diff.right} only"
    if status is ChangeStatus.REMOVED:
        return f"仅 {diff.left} only"
    return f"{zh} {en}"


def _change_cell(change: FieldChange) -> str:
    detail = ""
    if change.detail:
        labels = {"common": "共有 common", "only_left": "仅左 left only",
                  "only_right": "仅右 right only", "note": "说明 note"}
        groups: dict[str, list[str]] = {}
        for side, item in change.detail:
            groups.setdefault(side, []).append(item)
        detail = "<br>" + "；".join(f"{labels.get(k, k)}：{md('、'.join(v))}"
                                    for k, v in groups.items())
    return detail


def _items_md(items: tuple[ItemChange, ...], diff: PolicyDiff, heading: str) -> list[str]:
    out = [f"### {heading}", ""]
    if not items:
        return [*out, "（无 none）", ""]
    out += [f"| 概念 concept | 状态 status | {md(diff.left)} | {md(diff.right)} | "
            "差异 differences |", "|---|---|---|---|---|"]
    for item in items:
        left = f"{code(item.left_id)}<br>{md(item.left_summary)}" if item.left_id else "—"
        right = f"{code(item.right_id)}<br>{md(item.right_summary)}" if item.right_id else "—"
        changes = "<br>".join(
            f"**{FIELD_LABELS.get(c.field, c.field)}**：{md(c.left)} → {md(c.right)}"
            f"{_change_cell(c)}" for c in item.changes) or "—"
        concept = (f"{_label_md(item.concept_label)}{code(item.concept)}" if item.concept
                   else "（无概念 no concept）")
        out.append(f"| {concept} | {_status(item.status, diff)} | {left} | {right} | "
                   f"{changes} |")
    return [*out, ""]


def _clause_md(change: ClauseChange, full_text: bool) -> list[str]:
    title = md(change.id)
    how = {"id": "按条款号 by id", "content": "按内容 by content", "": ""}[change.aligned_by]
    if change.status is ChangeStatus.CHANGED:
        return [f"#### {title}", "",
                f"*{CHANGE_LABELS[change.status][0]} changed · {how} · 相似度 similarity "
                f"{change.similarity}*", "", redline_html(change.ops), ""]
    if not full_text:
        return []
    if change.status is ChangeStatus.ADDED:
        return [f"#### {title}", "", "*新增 added*", "", redline_html(change.ops), ""]
    if change.status is ChangeStatus.REMOVED:
        return [f"#### {title}", "", "*删除 removed*", "", redline_html(change.ops), ""]
    if change.left_id != change.right_id:
        return [f"#### {title}", "", "*仅重新编号 renumbered only*", ""]
    return []


def to_markdown(diff: PolicyDiff, *, full_text: bool | None = None, max_cases: int = 200,
                heading_level: int = 1) -> str:
    """The diff as Markdown (raw ``<del>``/``<ins>`` for the redline).

    ``full_text`` shows added and removed clauses in full (default: for two versions of one
    policy; for two districts only the aligned clauses are redlined).
    """
    full = diff.same_policy if full_text is None else full_text
    h = "#" * heading_level
    how = ("同一政策的两个版本（按标识、再按概念）/ two versions of one policy (by id, then "
           "concept)") if diff.same_policy else "两个地区（按概念）/ two districts (by concept)"
    lines = [f"{h} {md(diff.left)} → {md(diff.right)}", "",
             f"- 左 left: **{md(diff.left)}** {md(diff.left_title)}",
             f"- 右 right: **{md(diff.right)}** {md(diff.right_title)}",
             f"- 比较方式 alignment: {how}", ""]
    if diff.structure is not None:
        s = diff.structure
        lines += [f"{h}# 结构差异 Structure", ""]
        if s.metadata:
            lines += ["| 元数据 metadata | 左 left | 右 right |", "|---|---|---|"]
            lines += [f"| {FIELD_LABELS.get(c.field, c.field)} | {md(c.left)} | {md(c.right)} |"
                      for c in s.metadata]
            lines.append("")
        summary = s.summary()
        lines += ["| | 有变化 changed | 相同 unchanged | 仅左 left only | 仅右 right only |",
                  "|---|---|---|---|---|"]
        for name, label in (("parameters", "参数 parameters"), ("rules", "规则 rules")):
            c = summary[name]
            lines.append(f"| {label} | {c['changed']} | {c['unchanged']} | {c['removed']} | "
                         f"{c['added']} |")
        lines.append("")
        lines += _items_md(s.parameters, diff, "参数 Parameters")
        lines += _items_md(s.rules, diff, "规则 Rules")
    if diff.behaviour is not None:
        b = diff.behaviour
        lines += [f"{h}# 行为差异 Behaviour", "",
                  f"评估日期 as of **{b.as_of}**；共同事实集合 shared collections："
                  f"{md('、'.join(b.collections) or '无 none')}；共同概念 shared concepts："
                  f"{len(b.shared_concepts)}；生成情形 scenarios：{b.scenarios}"
                  f"（事实模型拒绝 rejected：{b.skipped}）；结论不同 differing：**{len(b.cases)}**",
                  ""]
        lines += [f"- {md(note)}" for note in b.notes]
        lines.append("")
        if b.cases:
            lines += [f"| 概念 concept | 对象 record | 变动 varied | {md(diff.left)} | "
                      f"{md(diff.right)} |", "|---|---|---|---|---|"]
            for case in b.cases[:max_cases]:
                record = "，".join(f"{k}={v}" for k, v in case.record)
                lines.append(f"| {_label_md(case.concept_label)}{code(case.concept)} | "
                             f"{md(case.collection)}: {md(record)} | "
                             f"{md(case.varied)} | {case.left_outcome} | {case.right_outcome} |")
            if len(b.cases) > max_cases:
                lines.append(f"\n…另有 {len(b.cases) - max_cases} 个 / {len(b.cases) - max_cases}"
                             " more")
            lines.append("")
    if diff.text is not None:
        t = diff.text
        c = t.summary()
        lines += [f"{h}# 文本差异 Text", "",
                  f"相同 unchanged {c['unchanged']} · 修改 changed {c['changed']} · "
                  f"新增 added {c['added']} · 删除 removed {c['removed']}", ""]
        if not full:
            added = [x.right_id for x in t.clauses if x.status is ChangeStatus.ADDED]
            removed = [x.left_id for x in t.clauses if x.status is ChangeStatus.REMOVED]
            lines += [f"仅 {md(diff.left)} 有的条款 left-only clauses："
                      f"{md('、'.join(i for i in removed if i)) or '—'}", "",
                      f"仅 {md(diff.right)} 有的条款 right-only clauses："
                      f"{md('、'.join(i for i in added if i)) or '—'}", ""]
        for change in t.clauses:
            lines += _clause_md(change, full)
    return "\n".join(lines).rstrip() + "\n"


# ── terminal ──────────────────────────────────────────────────────────────────

def _redline_rich(ops: tuple[TextOp, ...]) -> RichText:
    text = RichText()
    for op in ops:
        if op.op == "equal":
            text.append(op.left)
            continue
        if op.left:
            text.append(op.left, style="red strike")
        if op.right:
            text.append(op.right, style="green underline")
    return text


_SIDES = {"common": "共有 common", "only_left": "仅左 left only", "only_right": "仅右 right only"}


def _worded(value: str | None) -> str:
    """A metadata value; a level or status code in Chinese with its English."""
    if value is None:
        return "—"
    for table in ("level", "status"):
        zh, en = pair(table, value)
        if en:
            return f"{zh} {en}"
    if value in {s.value for s in StatusState}:
        zh, en = DOCUMENT_STATUS[StatusState(value)]
        return f"{zh} {en}"
    return value


def print_rich(diff: PolicyDiff, console: Console, *, max_rows: int = 60,
               show_unchanged: bool = False) -> None:
    """A readable terminal view: tables of structure and behaviour, then the redline."""
    console.print(f"[bold]{escape(diff.left)}[/] {escape(diff.left_title)}")
    console.print(f"[bold]{escape(diff.right)}[/] {escape(diff.right_title)}")
    if diff.structure is not None:
        s = diff.structure
        for change in s.metadata:
            console.print(f"  {FIELD_LABELS.get(change.field, change.field)}: "
                          f"[red]{escape(_worded(change.left))}[/] → "
                          f"[green]{escape(_worded(change.right))}[/]")
        for title, items in (("参数 parameters", s.parameters), ("规则 rules", s.rules)):
            aligned = [i for i in items if i.status in (ChangeStatus.CHANGED,
                                                         ChangeStatus.UNCHANGED)]
            shown = [i for i in aligned if show_unchanged or i.status is ChangeStatus.CHANGED]
            if not shown:
                console.print(f"{title}：对齐 aligned {len(aligned)}，无变化 none changed")
                continue
            table = Table(title=f"{title}：对齐 aligned {len(aligned)}，有变化 changed "
                          f"{sum(1 for i in aligned if i.status is ChangeStatus.CHANGED)}",
                          show_lines=True)
            for column in ("概念 concept", "状态 status", diff.left, diff.right, "差异 changes"):
                table.add_column(escape(column), overflow="fold")
            for item in shown[:max_rows]:
                changes = "\n".join(
                    f"{FIELD_LABELS.get(c.field, c.field)}: {c.left or '—'} → {c.right or '—'}"
                    + ("".join(f"\n  {_SIDES.get(side, side)}: {value}"
                               for side, value in c.detail))
                    for c in item.changes)
                table.add_row(escape(_label_text(item.concept_label, item.concept)),
                              _status(item.status, diff),
                              escape(f"{item.left_id or '—'}\n{item.left_summary or ''}"),
                              escape(f"{item.right_id or '—'}\n{item.right_summary or ''}"),
                              escape(changes))
            console.print(table)
            if len(shown) > max_rows:
                console.print(f"  …另有 {len(shown) - max_rows} 项 / {len(shown) - max_rows} more "
                              "(--json / --markdown 显示全部 show all)")
            for status, side in ((ChangeStatus.REMOVED, diff.left),
                                 (ChangeStatus.ADDED, diff.right)):
                one_sided = [i for i in items if i.status is status]
                if one_sided:
                    names = "、".join(_label_text(i.concept_label, i.concept, "（{}）")
                                      if i.concept else f"({i.left_id or i.right_id})"
                                      for i in one_sided)
                    console.print(f"  [bold]仅 {escape(side)} only[/] ({len(one_sided)}): "
                                  f"{escape(names)}")
    if diff.behaviour is not None:
        b = diff.behaviour
        console.print(f"[bold]行为 behaviour[/] as of {b.as_of}: 集合 collections "
                      f"{', '.join(b.collections) or '—'}; 情形 scenarios {b.scenarios}; "
                      f"结论不同 differing {len(b.cases)}")
        for note in b.notes:
            console.print(f"  {escape(note)}")
        if b.cases:
            table = Table()
            for column in ("概念 concept", "对象 record", diff.left, diff.right):
                table.add_column(escape(column))
            for case in b.cases[:max_rows]:
                record = ", ".join(f"{k}={v}" for k, v in case.record)
                table.add_row(escape(_label_text(case.concept_label, case.concept)),
                              escape(f"{case.collection}: {record}"),
                              case.left_outcome, case.right_outcome)
            console.print(table)
    if diff.text is not None:
        t = diff.text
        c = t.summary()
        console.print(f"[bold]文本 text[/]: 相同 {c['unchanged']} · 修改 {c['changed']} · "
                      f"新增 {c['added']} · 删除 {c['removed']}")
        shown_clauses = [x for x in t.clauses if x.status is ChangeStatus.CHANGED or
                         (diff.same_policy and x.status is not ChangeStatus.UNCHANGED)]
        for clause in shown_clauses[:max_rows]:
            console.print(f"[bold]{escape(clause.id)}[/] "
                          f"({CHANGE_LABELS[clause.status][1]}, {clause.aligned_by or '—'})")
            console.print(_redline_rich(clause.ops))
        if not diff.same_policy:
            console.print(f"  仅左/仅右的条款 left-/right-only clauses: {c['removed']}/{c['added']}"
                          " (--markdown --full-text 显示全文 show in full)")
