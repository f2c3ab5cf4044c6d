"""``xuequ test [NAME | PATH …]``: run case files and report each expectation;
``--coverage`` adds, per policy and per rule, the statuses the cases exercise."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.markup import escape
from rich.table import Table

from xuequ_rules.cli.output import console, print_json

if TYPE_CHECKING:
    from xuequ_rules.case_coverage import PolicyCoverage


def register(app: typer.Typer) -> None:
    @app.command("test")
    def test(
        targets: Annotated[list[str] | None, typer.Argument(
            help="政策名、案例文件或目录（省略则全部已安装政策）/ policy names, case files or "
            "folders (default: every installed policy)")] = None,
        as_json: Annotated[bool, typer.Option("--json", help="JSON 输出 / JSON output")] = False,
        with_coverage: Annotated[bool, typer.Option(
            "--coverage", help="按政策、规则列出案例覆盖的结论 / per policy and rule, the "
            "statuses the cases exercise")] = False,
    ) -> None:
        """运行案例文件；有失败的预期时退出码为 1 / run case files (exit 1 on a failure)."""
        from xuequ_rules.case_coverage import coverage
        from xuequ_rules.cases import case_paths, run_case

        paths = case_paths(targets or [])
        results = [(path, run_case(path)) for path in paths]
        failed = [(p, r) for p, r in results if not r.passed]
        report = coverage(targets or []) if with_coverage else None
        if as_json:
            runs: list[dict[str, Any]] = [
                {"case": str(p), "policy": r.case.policy, "passed": r.passed,
                 "failures": list(r.failures)} for p, r in results]
            if report is None:
                print_json(runs)
            else:
                print_json({"cases": runs, "coverage": [c.as_dict() for c in report]})
        else:
            for path, result in results:
                mark = "[green]通过 pass[/]" if result.passed else "[red]失败 FAIL[/]"
                about = f" — {escape(result.case.description)}" if result.case.description else ""
                console.print(f"{mark} {escape(str(path))}{about}")
                for failure in result.failures:
                    console.print(f"    [red]✗[/] {escape(failure)}")
            console.print(f"案例 cases {len(results)}，通过 passed {len(results) - len(failed)}，"
                          f"失败 failed {len(failed)}")
            for item in report or []:
                _print_coverage(item)
        if failed:
            raise typer.Exit(1)


STATUS_SHORT = {"satisfied": "符合 satisfied", "violated": "不符合 violated",
                "not_applicable": "不适用 n/a", "undetermined": "待定 undetermined",
                "not_in_force": "未生效 not in force"}


def _print_coverage(item: PolicyCoverage) -> None:
    table = Table(title=f"{item.ref}：规则覆盖 rules covered {len(item.covered)}/{len(item.rules)}"
                  f"（另有清单项 plus attestations {item.attestations}；"
                  f"案例 cases {len(item.cases)}）")
    table.add_column("规则 rule", overflow="fold", ratio=3)
    table.add_column("类型 kind")
    table.add_column("结论 statuses", ratio=2)
    decided = any(row.decisions for row in item.rules)
    if decided:
        table.add_column("决定 decisions")
    table.add_column("案例 cases", justify="right")
    for row in item.rules:
        data = row.as_dict()
        statuses = "\n".join(STATUS_SHORT[s] for s in data["statuses"]) or "[red]无案例 no case[/]"
        cells = [escape(row.rule), row.kind, statuses]
        if decided:
            cells.append(escape("、".join(data["decisions"])))
        table.add_row(*cells, str(len(row.cases)))
    console.print(table)
    if item.uncovered:
        console.print("无案例的规则 rules with no case: " + escape("、".join(item.uncovered)))
    if item.unknown_rules:
        console.print("[red]案例提到的未知规则 unknown rules named by cases:[/] "
                      + escape("、".join(item.unknown_rules)))
