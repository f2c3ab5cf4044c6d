"""``xuequ diff LEFT RIGHT``: two districts, or two versions (``NAME@V1 NAME@V2``)."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from xuequ_rules.cli.output import console, print_json
from xuequ_rules.errors import XuequError, iso_date


def register(app: typer.Typer) -> None:
    @app.command("diff")
    def diff_command(
        left: Annotated[str, typer.Argument(help="左：政策名或 名称@版本 / NAME or NAME@VERSION")],
        right: Annotated[str, typer.Argument(help="右：政策名或 名称@版本 / NAME or NAME@VERSION")],
        level: Annotated[list[str] | None, typer.Option(
            "--level", "-l", help="text / structure / behaviour（可重复，默认全部 / "
            "repeatable, default all)")] = None,
        as_of: Annotated[str | None, typer.Option(
            "--as-of", help="行为比较的评估日期 YYYY-MM-DD / evaluation date for the "
            "behaviour level")] = None,
        as_json: Annotated[bool, typer.Option("--json", help="JSON 输出 / JSON output")] = False,
        markdown: Annotated[bool, typer.Option("--markdown", help="Markdown 输出 / "
                                               "Markdown output")] = False,
        full_text: Annotated[bool, typer.Option(
            "--full-text", help="Markdown 中列出仅一侧有的条款全文 / show one-sided clauses "
            "in full")] = False,
        show_unchanged: Annotated[bool, typer.Option(
            "--all", help="终端中也列出相同项 / also list unchanged items")] = False,
    ) -> None:
        """比较两项政策（文本、结构、行为三个层次）/ diff two policies at three levels."""

        from xuequ_rules.diff import LEVELS, diff_refs
        from xuequ_rules.diff.report import print_rich, to_markdown

        levels = tuple(level) if level else LEVELS
        bad = [x for x in levels if x not in LEVELS]
        if bad:
            raise XuequError(f"未知的比较层次：{'、'.join(bad)}（可选 {'、'.join(LEVELS)}）",
                             f"unknown level(s): {', '.join(bad)} (one of {', '.join(LEVELS)})",
                             field="--level")
        date = iso_date(as_of, "--as-of")
        result = diff_refs(left, right, levels=levels, as_of=date)
        if as_json:
            print_json(result.as_dict())
        elif markdown:
            sys.stdout.write(to_markdown(result, full_text=full_text or None))
        else:
            print_rich(result, console, show_unchanged=show_unchanged)
