"""How ``xuequ`` shows results to people: Chinese first, English beside, no Python reprs.

Tables wrap instead of cutting (ids fold onto a second line rather than lose their end),
statuses are coloured, explanations stand on their own lines under each finding, and a
table with no rows is not drawn (one line says there is nothing to show).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from xuequ_rules.document.metadata import STATUS_LABELS as DOCUMENT_STATUS
from xuequ_rules.document.metadata import DocumentMetadata
from xuequ_rules.labels import WHAT_IF, pair

STATUS_COLOURS: dict[str, str] = {
    "satisfied": "green", "violated": "bold red", "not_applicable": "dim",
    "undetermined": "yellow", "not_in_force": "magenta", "not_yet_in_force": "magenta",
    "no_longer_in_force": "magenta",
}
DATE_NAMES: tuple[tuple[str, str], ...] = (
    ("written", "成文 written"), ("issued", "印发 issued"), ("published", "发布 published"),
    ("effective", "施行 effective"), ("expires", "失效 expires"))


def status_text(code: str) -> str:
    """``[green]符合 satisfied[/]``: a status in Chinese and English, coloured."""
    zh, en = pair("status", code)
    colour = STATUS_COLOURS.get(code, "")
    text = escape(f"{zh} {en}".strip())
    return f"[{colour}]{text}[/]" if colour else text


def document_status(metadata: DocumentMetadata) -> str:
    zh, en = DOCUMENT_STATUS[metadata.status.state]
    return f"{zh} {en}"


def dates_line(metadata: DocumentMetadata) -> str:
    parts = [f"{name} {value.isoformat()}" for key, name in DATE_NAMES
             if (value := getattr(metadata.dates, key)) is not None]
    return "；".join(parts) or "—"


def table(title: str, columns: Sequence[str], rows: Iterable[Sequence[str]],
          console: Console, *, empty: str | None = None) -> None:
    """Print a wrapping table, or one line when it has no rows."""
    materialised = list(rows)
    if not materialised:
        if empty is not None:
            console.print(f"{escape(title)}：{escape(empty)}")
        return
    grid = Table(title=title, show_lines=False, expand=False)
    for column in columns:
        grid.add_column(column, overflow="fold")
    for row in materialised:
        grid.add_row(*row)
    console.print(grid)


def print_findings(findings: Sequence[Any], console: Console, *, what_if: bool = False) -> None:
    """Each finding: rule id and record, its status, then its explanation line by line."""
    if what_if:
        zh, en = WHAT_IF
        console.print(f"[magenta]※ {escape(zh)} / {escape(en)}[/]")
    for finding in findings:
        record = f" [dim]{escape(finding.record)}[/]" if finding.record else ""
        clauses = "、".join(dict.fromkeys(c.clause for c in finding.citations))
        console.print(f"{status_text(finding.status.value)}  [bold]{escape(finding.rule.id)}[/]"
                      f"{record}  [dim]条款 clause {escape(clauses)}[/]")
        console.print(f"    {escape(finding.rule.title.zh)} [dim]{escape(finding.rule.title.en)}[/]")
        for line in finding.explanation.zh.splitlines():
            if line.strip():
                console.print(f"      {escape(line)}")
    console.print()


def counts_line(counts: dict[str, int]) -> str:
    """``符合 satisfied 3 · 不符合 violated 1 …`` (statuses with no finding left out)."""
    parts = [f"{status_text(code)} {n}" for code, n in counts.items() if n]
    return " · ".join(parts) or "（无结论 no findings）"
