"""``xuequ docs build``: generate the policy pages and build the MkDocs site."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape

from xuequ_rules.cli.output import console, errors, print_json


def register(app: typer.Typer) -> None:
    docs = typer.Typer(help="文档网站 / documentation site", no_args_is_help=True)

    @docs.command("build")
    def build(
        out: Annotated[Path, typer.Option("--out", "-o", help="HTML 输出目录 / site output "
                                          "directory")] = Path("site"),
        build_dir: Annotated[Path | None, typer.Option(
            "--build-dir", help="保留生成的 Markdown 与 mkdocs.yml 的目录（默认用临时目录，"
            "用后删除）/ keep the generated markdown and mkdocs.yml here (default: a "
            "temporary directory, removed afterwards)")] = None,
        strict: Annotated[bool, typer.Option("--strict/--no-strict", help="警告即失败 / fail "
                                             "on warnings")] = True,
        as_json: Annotated[bool, typer.Option("--json", help="机器可读的 JSON 输出 / JSON "
                                              "output")] = False,
    ) -> None:
        """生成政策页面并构建网站 / generate the policy pages and build the site."""
        from xuequ_rules.sitegen import build_site

        result = build_site(out, source_dir=build_dir, strict=strict)
        if as_json:
            print_json({"site": str(result.site_dir),
                        "sources": None if result.source_dir is None else str(result.source_dir),
                        "pages": len(result.pages),
                        "policies": list(result.policies), "problems": list(result.problems)})
            return
        console.print(f"网站 site: {escape(str(result.site_dir))}（{len(result.pages)} 个生成页面 "
                      f"generated pages；政策 policies: {escape(', '.join(result.policies))}）")
        for problem in result.problems:
            errors.print(f"[yellow]注意 note[/] {escape(problem)}")

    app.add_typer(docs, name="docs")
