"""``xuequ new NAME --capture FILE``: a policy package proposed from a raw capture."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape

from xuequ_rules.cli.output import console, print_json
from xuequ_rules.errors import XuequError


def _lines(value: str | None) -> tuple[int, int] | None:
    if value is None:
        return None
    first, _, last = value.partition("-")
    try:
        return int(first), int(last or first)
    except ValueError:
        raise XuequError(f"行范围应写作 A-B：{value!r}", f"line range must be A-B: {value!r}",
                         field="--lines") from None


def register(app: typer.Typer) -> None:
    @app.command("new")
    def new(
        name: Annotated[str, typer.Argument(help="新政策名（小写字母、数字、下划线）/ policy name")],
        capture: Annotated[Path, typer.Option("--capture", help="原始采集稿 / raw capture file",
                                              exists=True, dir_okay=False)],
        version: Annotated[str | None, typer.Option(
            "--version", help="版本名（默认取印发年份）/ version name (default: the year)")] = None,
        out: Annotated[Path | None, typer.Option(
            "--out", help="输出目录（默认 ./NAME）/ output folder (default ./NAME)")] = None,
        lines: Annotated[str | None, typer.Option(
            "--lines", help="只取采集稿的这些行，如 88-90（一页多文件时）/ only these capture "
            "lines, e.g. 88-90 (a page with several documents)")] = None,
        as_json: Annotated[bool, typer.Option("--json", help="JSON 输出 / JSON output")] = False,
    ) -> None:
        """从原始采集稿生成待审核的政策包 / scaffold a policy package from a raw capture."""
        from xuequ_rules.authoring.scaffold import scaffold

        target = out if out is not None else Path(name)
        made = scaffold(name, capture, target, version, _lines(lines))
        meta = made.metadata
        summary = {
            "package": str(made.root), "module": made.package_dir.name,
            "title": meta.title, "notice_title": meta.notice_title,
            "doc_number": meta.doc_number.normalized if meta.doc_number else None,
            "issuers": list(meta.issuers),
            "dates": {k: v.value.isoformat() for k, v in meta.dates.items()},
            "kept": [list(p.lines) for p in made.layout.kept],
            "removed": [list(r.lines) for r in made.layout.removed],
            "errata": made.errata, "parameters": len(made.parameters),
            "narratives": len(made.narratives), "duties": len(made.duties),
            "unnamed_parties": sum(1 for d in made.duties if d.party is None)}
        if as_json:
            print_json(summary)
            return
        console.print(f"[bold]已生成 created[/] {escape(str(made.root))}")
        console.print(f"  标题 title: {escape(meta.title)}")
        console.print(f"  文号 number: {summary['doc_number'] or '—'}   发文 issuers: "
                      f"{escape('、'.join(meta.issuers))}   日期 dates: {summary['dates']}")
        console.print(f"  保留 kept {summary['kept']}  移除 removed {summary['removed']}")
        console.print(f"  勘误 errata {made.errata}  参数 parameters {len(made.parameters)}  "
                      f"数字说明 narratives {len(made.narratives)}  义务 duties "
                      f"{len(made.duties)}（未写明责任主体 unnamed party "
                      f"{summary['unnamed_parties']}）")
        console.print("下一步 next: 审核标有 REVIEW 的每一项 / review every REVIEW item; then "
                      f"pip install -e {escape(str(made.root))} && xuequ check {escape(name)}")
