"""Across policies: the comparison by concept and the pairwise diff pages.

The comparison's main table holds only the concepts two or more current policies share,
grouped by theme (the concept's first part), each row labelled in Chinese by the wording of
the policies themselves, with the concept id small beside it; each value links to its
clause. What one policy alone has is listed under that policy.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from xuequ_rules.diff import diff_policies
from xuequ_rules.diff.report import code, md, to_markdown
from xuequ_rules.document.metadata import STATUS_LABELS as DOCUMENT_STATUS
from xuequ_rules.labels import BOOLEANS, LEVELS, STATUS
from xuequ_rules.policy.concepts import concept_label
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

_CODES: dict[str, tuple[str, str]] = {**STATUS, **LEVELS,
                                      **{k.value: v for k, v in DOCUMENT_STATUS.items()}}
_CELL = re.compile(r"(?<=\| )(" + "|".join(c.replace("_", r"\\?_") for c in sorted(
    _CODES, key=len, reverse=True)) + r")(?= \|)")
_BOOL = re.compile(r"\b(True|False)\b(?= → | \||<br>|$)|(?<=→ )(True|False)\b")


# A diff repeats both policies' clauses: searching it would bury the clauses themselves.
_NOT_SEARCHED = "---\nsearch:\n  exclude: true\n---\n\n"


def _targets(entry: Entry) -> dict[str, str]:
    """``<code>id</code>`` → the id linked to its page, with its first clause linked beside."""
    policy = entry.policy
    if policy is None:
        return {}
    out: dict[str, str] = {}
    items = [(r.id, rule_page_path(entry, r.id), cites_of(r)[0].clause) for r in policy.rules]
    items += [(p.id, parameter_page_path(entry, p.id), p.cites[0].clause)
              for p in policy.parameters]
    for item_id, page, clause in items:
        out[f"<code>{item_id}</code>"] = (
            f"[<code>{item_id}</code>](../{page}) <small>[{md(clause)}](../{entry.folder}/"
            f"text.md#{clause_anchor(clause)})</small>")
    return out


def link_sides(markdown: str, left: Entry, right: Entry) -> str:
    """In the diff's comparison rows, link each side's rule or parameter and its clause."""
    sides = (_targets(left), _targets(right))
    lines = []
    for line in markdown.split("\n"):
        cells = line.split(" | ")
        if line.startswith("| ") and len(cells) >= 5:   # a comparison row (label, then sides)
            for index, targets in ((2, sides[0]), (3, sides[1])):
                head, sep, rest = cells[index].partition("<br>")
                cells[index] = targets.get(head, head) + sep + rest
            line = " | ".join(cells)
        lines.append(line)
    return "\n".join(lines)


def localise(markdown: str) -> str:
    """Status, level and boolean codes in a diff report's cells shown as 中文 English."""
    def cell(match: re.Match[str]) -> str:
        zh, en = _CODES[match.group(1).replace("\\", "")]
        return f"{zh} {en}"

    def flag(match: re.Match[str]) -> str:
        zh, en = BOOLEANS[(match.group(1) or match.group(2)) == "True"]
        return f"{zh} {en}"

    return _BOOL.sub(flag, _CELL.sub(cell, markdown))

THEMES: dict[str, tuple[str, str]] = {
    "balance": ("均衡发展", "balanced development"),
    "community": ("教共体", "education communities"),
    "construction": ("学校建设", "school construction"),
    "curriculum": ("课程教学", "curriculum and teaching"),
    "district": ("区县统筹", "district-wide measures"),
    "education_groups": ("集团化办学", "education groups"),
    "group": ("集团化办学", "education groups"),
    "enrolment": ("招生入学", "enrolment"),
    "expenditure": ("经费使用", "expenditure"),
    "funding": ("经费保障", "funding"),
    "informatization": ("教育信息化", "digital education"),
    "inspection": ("督导评估", "inspection"),
    "layout": ("学校布局", "school layout"),
    "mentoring": ("师徒结对", "mentoring"),
    "office": ("学区办公室", "school-district office"),
    "organisation": ("组织管理", "organisation"),
    "pairing": ("结对帮扶", "pairing and assistance"),
    "plan": ("实施步骤", "implementation plan"),
    "principal": ("校长", "principals"),
    "private_schools": ("民办学校", "private schools"),
    "quality": ("教育质量", "education quality"),
    "quality_balance": ("优质均衡", "quality balance"),
    "resources": ("资源配置", "resources"),
    "satisfaction": ("社会满意度", "satisfaction"),
    "schools": ("学校", "schools"),
    "special_education": ("特殊教育", "special education"),
    "staffing": ("教师编制", "staffing"),
    "student": ("学生", "students"),
    "students": ("学生", "students"),
    "targets": ("发展目标", "targets"),
    "teacher": ("教师队伍", "teachers"),
    "teachers": ("教师队伍", "teachers"),
    "teacher_exchange": ("教师交流轮岗", "teacher rotation"),
    "title": ("职称评聘", "professional titles"),
    "training": ("教师培训", "training"),
    "weak_schools": ("薄弱学校", "weak schools"),
    "zone": ("学区", "school zones"),
}


@dataclass(frozen=True)
class Cell:
    """One policy's entry for a concept: a value (parameters) or a rule, linked."""

    entry: Entry
    label: Text
    value: str | None
    page: str
    clause: str


def _cells(entries: list[Entry]) -> dict[str, dict[str, list[Cell]]]:
    table: dict[str, dict[str, list[Cell]]] = {}
    for e in entries:
        assert e.policy is not None
        for p in e.policy.parameters:
            if p.concept:
                cell = Cell(e, p.label, p.display_value + ("（原则上）" if p.in_principle else ""),
                            parameter_page_path(e, p.id), p.cites[0].clause)
                table.setdefault(p.concept, {}).setdefault(e.ref, []).append(cell)
        for r in e.policy.rules:
            if r.concept:
                cell = Cell(e, r.title, None, rule_page_path(e, r.id), cites_of(r)[0].clause)
                table.setdefault(r.concept, {}).setdefault(e.ref, []).append(cell)
    return table


def _link(cell: Cell) -> str:
    head = f"**{md(cell.value)}** " if cell.value is not None else ""
    return (f"{head}[{md(cell.label.zh)}](../{cell.page}) "
            f"<small>[{md(cell.clause)}](../{cell.entry.folder}/text.md#"
            f"{clause_anchor(cell.clause)})</small>")


def theme_of(concept: str) -> tuple[str, str]:
    head = concept.split(".", 1)[0]
    return THEMES.get(head, (head.replace("_", " "), ""))


def compare_page(entries: list[Entry]) -> Page:
    loaded = [e for e in entries if e.policy is not None and e.current]
    table = _cells(loaded)
    shared = {c: row for c, row in table.items() if len(row) >= 2}
    alone = {c: row for c, row in table.items() if len(row) == 1}
    lines = ["---", "hide:", "  - toc", "search:", "  boost: 0.5", "---", "",
             "# 按概念比较 Comparison by concept", "",
             "各地的参数和规则按共同的概念对齐，而不是按措辞；主表只列至少两项政策共有的概念，"
             "每个取值都链接到其条款。 Parameters and rules aligned by shared concept, never by "
             "wording; the main table holds only concepts two or more policies share, each "
             "value linked to its clause.", ""]
    columns = [e for e in loaded if any(e.ref in row for row in shared.values())]
    header = "| 事项 item | " + " | ".join(
        f"[{md(e.name)}](../{e.folder}/index.md)" for e in columns) + " |"
    sep = "|---|" + "---|" * len(columns)
    by_theme: dict[tuple[str, str], list[str]] = {}
    for concept in sorted(shared):
        by_theme.setdefault(theme_of(concept), []).append(concept)
    if not shared:
        lines.append("（尚无共有概念 no concept is shared yet）")
    for (zh, en), concepts in by_theme.items():
        lines += ["", f"## {md(zh)} {md(en)}", "", '<div class="xq-wide" markdown>', "",
                  header, sep]
        for concept in concepts:
            row = shared[concept]
            first = next(iter(row.values()))[0]
            assert first.entry.policy is not None
            label = concept_label(first.entry.policy, concept)
            name = (f"[{md(label.zh)}](../{concept_page_path(concept)})<br><small>"
                    f"{md(label.en)} {code(concept)}</small>")
            cells = ["<br>".join(_link(c) for c in row.get(e.ref, [])) or "—" for e in columns]
            lines.append(f"| {name} | " + " | ".join(cells) + " |")
        lines += ["", "</div>"]
    lines += ["", "## 仅一项政策有的 Only in one policy", ""]
    for e in loaded:
        own = [(c, row[e.ref]) for c, row in sorted(alone.items()) if e.ref in row]
        if not own:
            continue
        lines += [f"### {md(e.ref)} {md(e.document.metadata.title)}", ""]
        assert e.policy is not None
        lines += [f"- **{md(concept_label(e.policy, concept).zh)}**："
                  + "；".join(_link(cell) for cell in cells) +
                  f" <small>{code(concept)}</small>" for concept, cells in own]
        lines.append("")
    return Page("compare/index.md", "按概念比较 By concept", "\n".join(lines) + stamp())


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
            body = link_sides(localise(to_markdown(result)), left, right)
        except Exception as exc:  # one pair must not take the whole site down
            body = (f"# {md(left.ref)} → {md(right.ref)}\n\n!!! failure \"差异计算失败 / diff "
                    f"failed\"\n\n    {md(type(exc).__name__)}: {md(str(exc))}\n")
            pages.append(Page(path, f"{left.ref} → {right.ref}", body))
            index.append(f"| {md(left.ref)} | {md(right.ref)} | [失败 failed]"
                         f"({path.removeprefix('diff/')}) | | | |")
            continue
        body = _NOT_SEARCHED + body
        links = (f"\n---\n\n[{md(left.ref)}](../{left.folder}/index.md) · "
                 f"[{md(right.ref)}](../{right.folder}/index.md)\n")
        pages.append(Page(path, f"{left.ref} → {right.ref}", body + links + stamp()))
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
