"""``xuequ test [NAME | PATH …]``: run case files and report each expectation."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.markup import escape

from xuequ_rules.cli.output import console, print_json


def register(app: typer.Typer) -> None:
    @app.command("test")
    def test(
        targets: Annotated[list[str] | None, typer.Argument(
            help="政策名、案例文件或目录（省略则全部已安装政策）/ policy names, case files or "
            "folders (default: every installed policy)")] = None,
        as_json: Annotated[bool, typer.Option("--json", help="JSON 输出 / JSON output")] = False,
    ) -> None:
        """运行案例文件；有失败的预期时退出码为 1 / run case files (exit 1 on a failure)."""
        from xuequ_rules.cases import case_paths, run_case

        paths = case_paths(targets or [])
        results = [(path, run_case(path)) for path in paths]
        failed = [(p, r) for p, r in results if not r.passed]
        if as_json:
            print_json([{"case": str(p), "policy": r.case.policy, "passed": r.passed,
                         "failures": list(r.failures)} for p, r in results])
        else:
            for path, result in results:
                mark = "[green]通过 pass[/]" if result.passed else "[red]失败 FAIL[/]"
                about = f" — {escape(result.case.description)}" if result.case.description else ""
                console.print(f"{mark} {escape(str(path))}{about}")
                for failure in result.failures:
                    console.print(f"    [red]✗[/] {escape(failure)}")
            console.print(f"案例 cases {len(results)}，通过 passed {len(results) - len(failed)}，"
                          f"失败 failed {len(failed)}")
        if failed:
            raise typer.Exit(1)
