"""``xuequ``: list, show, eval and check policies.

Every command takes ``--json`` (machine-readable output on stdout; for ``schema`` the output
is always JSON, for ``serve`` it is the address as one JSON line).

Exit codes (see docs/cli.md):

* ``0`` ok;
* ``1`` a rule is violated and ``--fail-on-violation`` was given, or ``xuequ check`` found
  library defects;
* ``2`` bad input: unknown policy, version or clause, invalid facts, malformed or unreadable
  files, bad dates, unknown commands or options;
* ``3`` an internal error (a bug in xuequ-rules or a policy package; please report it).

Errors are exactly one line on stderr, ``错误 error: <中文> / <English>``; ``xuequ --debug …``
shows the traceback instead.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import Annotated, NoReturn

import typer
from rich.markup import escape
from rich.table import Table
from rich.tree import Tree

from xuequ_rules.cli.output import console, errors, print_json

try:  # typer vendors its own click (typer._click) since 0.2x; the exceptions come from there
    from typer._click import exceptions as click_exc
except ImportError:  # pragma: no cover - older typer on the click package
    from click import exceptions as click_exc  # type: ignore[no-redef]
from xuequ_rules.document.clause import Clause
from xuequ_rules.errors import XuequError
from xuequ_rules.policy.describe import clause_dict, policy_dict
from xuequ_rules.registry import broken_packages, load_policy, packages

app = typer.Typer(help="xuequ-rules：义务教育学区制政策规则库 / school-district policies as code",
                  no_args_is_help=True, add_completion=False, pretty_exceptions_enable=False)
_state = {"debug": False}

JsonOpt = Annotated[bool, typer.Option("--json", help="机器可读的 JSON 输出 / JSON output")]


@app.callback()
def _main(debug: Annotated[bool, typer.Option("--debug", help="出错时显示调用栈 / "
                                              "show tracebacks")] = False) -> None:
    _state["debug"] = debug


@app.command("list")
def list_policies(as_json: JsonOpt = False) -> None:
    """列出已安装的政策 / list installed policies."""
    rows = []
    for name, package in packages().items():
        meta = package.metadata()
        for entry in meta.versions:
            rows.append({"name": name, "version": entry.version, "current": entry.current,
                         "ref": f"{name}@{entry.version}", "title": meta.title,
                         "title_en": meta.title_en,
                         "doc_number": meta.doc_number.normalized if meta.doc_number else None,
                         "status": meta.status.state.value})
    if as_json:
        print_json(rows)
        return
    table = Table(title="政策 / policies")
    for column in ("名称 name", "版本 version", "文号 number", "标题 title", "状态 status"):
        table.add_column(column)
    for row in rows:
        version = f"{row['version']}{' *' if row['current'] else ''}"
        table.add_row(str(row["name"]), version, str(row["doc_number"] or "—"),
                      escape(str(row["title"])), str(row["status"]))
    console.print(table)
    console.print("* 当前版本 / current version")


def _tree(node: Tree, clause: Clause) -> None:
    label = f"[bold]{escape(clause.id)}[/] {escape(clause.display_heading)}"
    branch = node.add(label)
    for child in clause.children:
        _tree(branch, child)


@app.command()
def show(name: Annotated[str, typer.Argument(help="政策名或 名称@版本 / NAME or NAME@VERSION")],
         clause: Annotated[str | None, typer.Option("--clause", "-c",
                                                    help="只显示该条款 / one clause")] = None,
         as_json: JsonOpt = False) -> None:
    """显示政策的元数据、勘误、条款、参数和规则 / show a policy."""
    policy = load_policy(name)
    document = policy.document
    if clause is not None:
        found = document.clause(clause)
        if as_json:
            print_json(clause_dict(document, found))
        else:
            console.print(f"[bold]{escape(document.global_id(found.id))}[/]")
            console.print(escape(document.full_text(found)))
        return
    if as_json:
        print_json(policy_dict(policy))
        return
    meta = document.metadata
    console.print(f"[bold]{escape(meta.title)}[/]  {escape(meta.title_en)}")
    console.print(f"文号 number: {meta.doc_number or '—'}   发文 issuers: "
                  f"{escape('、'.join(meta.issuers))}   版本 version: {policy.version}")
    console.print(f"日期 dates: {meta.dates.model_dump(exclude_none=True)}   状态 status: "
                  f"{meta.status.state.value}")
    for basis in meta.basis:
        console.print(f"依据 basis: {escape(basis.label)} {escape(basis.title or '')}")
    errata = Table(title="勘误 errata")
    for column in ("id", "行 line", "采集 captured", "更正 corrected", "理由 reason"):
        errata.add_column(column)
    for item in document.source.errata:
        e = item.erratum
        errata.add_row(e.id, str(e.line), escape(e.captured), escape(e.corrected),
                       escape(e.reason_zh))
    console.print(errata)
    tree = Tree(f"条款 clauses ({len(document.ids)})")
    for top in document.clauses:
        _tree(tree, top)
    console.print(tree)
    params = Table(title=f"参数 parameters ({len(policy.parameters)})")
    for column in ("id", "值 value", "条款 clause"):
        params.add_column(column)
    for p in policy.parameters:
        params.add_row(p.id, escape(p.display_value), ", ".join(c.clause for c in p.cites))
    console.print(params)
    console.print(f"规则 rules: {len(policy.rules)}（其中清单项 checklist: "
                  f"{len(policy.checklist())}）")


@app.command("eval")
def eval_command(
    name: Annotated[str, typer.Argument(help="政策名或 名称@版本 / NAME or NAME@VERSION")],
    facts: Annotated[Path, typer.Argument(help="事实文件 JSON/YAML / facts file")],
    as_of: Annotated[str | None, typer.Option("--as-of", help="评估日期 YYYY-MM-DD / "
                                              "evaluation date")] = None,
    as_json: JsonOpt = False,
    fail_on_violation: Annotated[bool, typer.Option(
        "--fail-on-violation", help="有违反时退出码为 1 / exit 1 on a violation")] = False,
    what_if: Annotated[bool, typer.Option(
        "--what-if", help="假设评估：把未生效或已失效的文件当作有效来评估 / evaluate a draft or "
                          "lapsed document as if in force")] = False,
) -> None:
    """在一组事实上评估政策 / evaluate a policy on facts."""
    from xuequ_rules.evaluation import Status, evaluate
    from xuequ_rules.facts.loader import load_facts

    date = _parse_date(as_of)
    policy = load_policy(name)
    scenario = load_facts(facts)
    result = evaluate(policy, scenario, as_of=date, what_if=what_if)
    if as_json:
        print_json(result.as_dict())
    else:
        statement = result.statement
        if statement is not None:
            console.print(f"[bold yellow]{escape(statement.zh)}[/] / {escape(statement.en)}")
        table = Table(title=f"{policy.ref} @ {result.as_of}")
        for column in ("规则 rule", "对象 record", "结论 status", "说明 explanation", "条款 clause"):
            table.add_column(column)
        for finding in result.findings:
            zh, en = finding.label
            table.add_row(finding.rule.id, escape(finding.record), f"{zh} {en}",
                          escape(finding.explanation.zh),
                          escape(", ".join(c.clause for c in finding.citations)))
        console.print(table)
        console.print(result.counts())
    if fail_on_violation and result.by_status(Status.VIOLATED):
        raise typer.Exit(1)


@app.command()
def check(name: Annotated[str | None, typer.Argument(help="政策名（省略则全部）/ NAME or all")] = None,
          as_json: JsonOpt = False,
          stats: Annotated[bool, typer.Option(
              "--stats", help="每个文件的覆盖统计：规范性语句、数字、自身数据、责任主体 / "
              "per-document coverage: sentences, numbers, own data, parties")] = False) -> None:
    """一致性检查：库的缺陷（须为零）与文件自身的问题 / consistency report."""
    from xuequ_rules.consistency import check_policy
    from xuequ_rules.consistency.stats import stats_lines

    refs = [name] if name else [f"{n}@{v}" for n, p in packages().items() for v in p.versions()]
    broken = broken_packages() if name is None else {}
    for package_name, problem in broken.items():
        errors.print(f"[red]缺陷 defect[/] 政策包 {package_name} 无法加载 / package failed to load: "
                     f"{escape(problem)}")
    policies = [load_policy(ref) for ref in refs]
    reports = [check_policy(policy) for policy in policies]
    if as_json:
        print_json([r.as_dict() for r in reports])
    else:
        for report in reports:
            figures = report.stats if stats else None
            console.print(f"[bold]{report.policy}@{report.version}[/]: "
                          f"库缺陷 library defects {len(report.defects)}，"
                          f"文件问题 document findings {len(report.document_findings)}")
            for line in stats_lines(figures) if figures is not None else ():
                console.print(f"  [cyan]统计 stats[/] {escape(line)}")
            for issue in report.defects:
                console.print(f"  [red]缺陷 defect[/] {escape(issue.text.zh)} / "
                              f"{escape(issue.text.en)}")
            for issue in report.document_findings:
                where = ", ".join(c.clause for c in issue.cites)
                console.print(f"  [yellow]文件 document[/] \\[{issue.kind}] "
                              f"{escape(issue.text.zh)}" + (f"（{escape(where)}）" if where else ""))
    if broken or any(not r.ok for r in reports):
        raise typer.Exit(1)


@app.command()
def schema(what: Annotated[str, typer.Argument(help="facts 或 case / facts or case")] = "facts",
           as_json: Annotated[bool, typer.Option(
               "--json", help="输出总是 JSON / the output is always JSON")] = False) -> None:
    """输出事实或案例文件的 JSON Schema / JSON Schema of the facts or the case format."""
    from xuequ_rules.cases import case_schema
    from xuequ_rules.facts.model import Facts

    if what == "facts":
        print_json(Facts.model_json_schema())
    elif what == "case":
        print_json(case_schema())
    else:
        raise XuequError(f"未知的模式“{what}”，应为 facts 或 case",
                         f"unknown schema {what!r}: expected facts or case", field="what")


def _parse_date(value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise XuequError(f"日期格式应为 YYYY-MM-DD：{value!r}",
                         f"date must be YYYY-MM-DD: {value!r}", field="--as-of") from None


# Further command groups live in their own modules, each with ``register(app)``.
_COMMAND_MODULES: tuple[str, ...] = ("diff", "docs", "bulk", "serve")


def _register_commands() -> None:
    import importlib

    for module in _COMMAND_MODULES:
        importlib.import_module(f"xuequ_rules.cli.{module}").register(app)


_register_commands()


def _one_line(text: str) -> str:
    return " ".join(part.strip() for part in text.splitlines() if part.strip())


def _fail(message: str, code: int) -> NoReturn:
    errors.print(f"错误 error: {escape(_one_line(message))}")
    raise SystemExit(code)


def main(argv: list[str] | None = None) -> None:
    """Entry point: one bilingual error line (traceback with ``--debug``); exit codes 0/1/2/3."""
    args = sys.argv[1:] if argv is None else list(argv)
    debug = "--debug" in args
    try:
        code = app(args=args, prog_name="xuequ", standalone_mode=False)
    except click_exc.NoArgsIsHelpError as exc:
        exc.show()
        raise SystemExit(exc.exit_code) from None
    except click_exc.UsageError as exc:
        if debug:
            raise
        where = f" [{exc.ctx.command_path}]" if exc.ctx is not None else ""
        _fail(f"用法错误{where}（见 --help） / usage error{where}: {exc.format_message()}", 2)
    except click_exc.ClickException as exc:
        if debug:
            raise
        _fail(f"输入无效 / invalid input: {exc.format_message()}", exc.exit_code or 2)
    except typer.Abort:
        _fail("已中止 / aborted", 1)
    except XuequError as exc:
        if debug or _state["debug"]:
            raise
        _fail(exc.message, 2)
    except OSError as exc:
        if debug:
            raise
        name = exc.filename if exc.filename is not None else ""
        _fail(f"无法读写文件 {name}：{exc.strerror or exc} / cannot read or write {name}: "
              f"{exc.strerror or exc}", 2)
    except Exception as exc:
        if debug:
            raise
        _fail(f"内部错误（{type(exc).__name__}），请用 --debug 查看并报告 / internal error "
              f"({type(exc).__name__}: {exc}); rerun with --debug and report it", 3)
    raise SystemExit(code if isinstance(code, int) else 0)
