"""``xuequ checklist``: the inspection checklist (督导检查表) as markdown, xlsx or docx.

The command registers lightly; the checklist model and the writers
(:mod:`xuequ_rules.cli.checklist_export`) load only when the command runs.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from xuequ_rules.cli.output import console, print_json
from xuequ_rules.errors import XuequError
from xuequ_rules.registry import load_policy

FORMATS = ("md", "xlsx", "docx")


def register(app: typer.Typer) -> None:
    @app.command("checklist")
    def checklist_command(
        name: Annotated[str, typer.Argument(help="政策名或 名称@版本 / NAME or NAME@VERSION")],
        fmt: Annotated[str, typer.Option("--format", "-f", help="md / xlsx / docx")] = "md",
        out: Annotated[Path | None, typer.Option("--out", "-o", help="输出文件 / output file")]
        = None,
        as_json: Annotated[bool, typer.Option("--json", help="JSON 输出 / JSON output")] = False,
    ) -> None:
        """督导检查表：职责与数量要求，按责任主体分组 / the inspection checklist."""
        from xuequ_rules.cli.checklist_export import (
            to_dict,
            to_markdown,
            write_docx,
            write_xlsx,
        )
        from xuequ_rules.sitegen.checklist import build_checklist

        if fmt not in FORMATS:
            raise XuequError(f"未知的格式“{fmt}”，应为 {' / '.join(FORMATS)}",
                             f"unknown format {fmt!r}: one of {', '.join(FORMATS)}",
                             field="--format")
        policy = load_policy(name)
        checklist = build_checklist(policy)
        if as_json:
            print_json(to_dict(checklist))
            return
        if fmt == "md":
            text = to_markdown(checklist)
            if out is None:
                sys.stdout.write(text)
            else:
                out.write_text(text, encoding="utf-8")
            return
        target = out or Path(f"{policy.name}-checklist.{fmt}")
        (write_xlsx if fmt == "xlsx" else write_docx)(checklist, target)
        console.print(f"已写入 written: {target}（{len(checklist.items)} 项 items）")
