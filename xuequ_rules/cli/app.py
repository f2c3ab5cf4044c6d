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

import copy
import datetime as dt
import sys
from pathlib import Path
from typing import Annotated, NoReturn

import typer
from rich.markup import escape
from rich.tree import Tree

from xuequ_rules.cli.output import console, errors, print_json
from xuequ_rules.cli.terminal import (
    counts_line,
    dates_line,
    document_status,
    print_findings,
    status_text,
    table,
)

try:  # typer vendors its own click (typer._click) since 0.2x; the exceptions come from there
    from typer._click import exceptions as click_exc
except ImportError:  # pragma: no cover - older typer on the click package
    from click import exceptions as click_exc  # type: ignore[no-redef]
from xuequ_rules.document.clause import Clause
from xuequ_rules.errors import XuequError, iso_date
from xuequ_rules.labels import label
from xuequ_rules.policy.describe import clause_dict, policy_dict
from xuequ_rules.registry import broken_packages, load_policy, packages

app = typer.Typer(help="xuequ-rules：义务教育学区制政策规则库 / school-district policies as code",
                  no_args_is_help=True, add_completion=False, pretty_exceptions_enable=False)
_state = {"debug": False}

JsonOpt = Annotated[bool, typer.Option("--json", help="机器可读的 JSON 输出 / JSON output")]


@app.callback()
def _main(debug: Annotated[bool, typer.Option("--debug", help="出错时显示调用栈 / "
                                              "show tracebacks")] = False,
          version: Annotated[bool, typer.Option(
              "--version", help="显示版本 / show the version", is_eager=True,
              callback=lambda shown: _print_version(shown))] = False) -> None:
    _state["debug"] = debug


def _print_version(shown: bool) -> None:
    if shown:
        from xuequ_rules.sitegen.common import library_version

        console.print(f"xuequ-rules {library_version()}")
        raise typer.Exit(0)


@app.command("list")
def list_policies(as_json: JsonOpt = False) -> None:
    """列出已安装的政策 / list installed policies."""
    rows = []
    for package_name, problem in broken_packages().items():
        errors.print(f"[red]缺陷 defect[/] 政策包 {package_name} 无法加载 / package failed to load: "
                     f"{escape(problem)}")
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
    metas = {name: package.metadata() for name, package in packages().items()}
    table("政策 policies", ("名称 name", "版本 version", "文号 number", "标题 title",
                           "状态 status"),
          [(escape(str(row["name"])), f"{row['version']}{' *' if row['current'] else ''}",
            escape(str(row["doc_number"] or "—")), escape(str(row["title"])),
            document_status(metas[str(row["name"])])) for row in rows],
          console, empty="未安装任何政策 no policies installed")
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
    console.print(f"日期 dates: {dates_line(meta)}   状态 status: {document_status(meta)}")
    if meta.source_url:
        console.print(f"官方来源 source: {escape(meta.source_url)}")
    for basis in meta.basis:
        console.print(f"依据 basis: {escape(basis.label)} {escape(basis.title or '')}")
    table("勘误 errata", ("编号 id", "行 line", "采集 captured", "更正 corrected", "理由 reason"),
          [(e.id, str(e.line), escape(e.captured), escape(e.corrected), escape(e.reason_zh))
           for e in (item.erratum for item in document.source.errata)],
          console, empty="无 none")
    tree = Tree(f"条款 clauses ({len(document.ids)})")
    for top in document.clauses:
        _tree(tree, top)
    console.print(tree)
    table(f"参数 parameters ({len(policy.parameters)})",
          ("标识 id", "名称 label", "值 value", "条款 clause"),
          [(escape(p.id), escape(p.label.zh), escape(p.display_value),
            escape("、".join(dict.fromkeys(c.clause for c in p.cites))))
           for p in policy.parameters], console, empty="无 none")
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
    status: Annotated[list[str] | None, typer.Option(
        "--status", "-s", help="只显示这些结论（可重复）：satisfied / violated / "
        "not_applicable / undetermined / not_in_force / only these statuses")] = None,
    encoding: Annotated[str | None, typer.Option(
        "--encoding", help="文件编码：utf-8（默认）或 gb18030 / file encoding: utf-8 (default) "
        "or gb18030")] = None,
) -> None:
    """在一组事实上评估政策 / evaluate a policy on facts."""
    from xuequ_rules.evaluation import Status, evaluate
    from xuequ_rules.facts.loader import load_facts

    date = _parse_date(as_of)
    policy = load_policy(name)
    _refuse_case_file(facts, encoding)
    scenario = load_facts(facts, encoding, policy=policy)
    wanted = _statuses(status)
    result = evaluate(policy, scenario, as_of=date, what_if=what_if)
    if as_json:
        data = result.as_dict()
        if wanted is not None and isinstance(data.get("findings"), list):
            data["findings"] = [f for f in data["findings"] if f.get("status") in wanted]
        print_json(data)
    else:
        statement = result.statement
        if statement is not None:
            console.print(f"[bold yellow]{escape(statement.zh)}[/] / {escape(statement.en)}")
        shown = [f for f in result.findings if wanted is None or f.status.value in wanted]
        console.print(f"[bold]{escape(policy.ref)}[/] {escape(policy.title)} · 评估日期 as of "
                      f"{result.as_of.isoformat()}")
        print_findings(shown, console, what_if=bool(getattr(result, "what_if", False)))
        if wanted is not None:
            console.print(f"显示 shown {len(shown)} / {len(result.findings)}："
                          f"{'、'.join(status_text(w) for w in sorted(wanted))}")
        console.print(f"合计 totals: {counts_line(result.counts())}")
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
    reports = []
    failed = False
    for ref in refs:
        try:
            reports.append(check_policy(load_policy(ref)))
        except XuequError as exc:
            if name is not None:
                raise
            failed = True
            errors.print(f"[red]缺陷 defect[/] {escape(ref)} 无法加载 / failed to load: "
                         f"{escape(exc.message)}")
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
                where = "、".join(dict.fromkeys(c.clause for c in issue.cites))
                console.print(f"  [yellow]文件 document[/] \\[{escape(label('finding', issue.kind))}] "
                              f"{escape(issue.text.zh)}" + (f"（{escape(where)}）" if where else ""))
    if broken or failed or any(not r.ok for r in reports):
        raise typer.Exit(1)


@app.command()
def schema(what: Annotated[str, typer.Argument(
        help="document、provenance、errata、case 或 facts / which file format")] = "facts",
           name: Annotated[str | None, typer.Argument(
               help="facts 的政策（NAME 或 NAME@VERSION）：输出其事实结构；省略则为共享词汇 / "
                    "for facts, a policy: its fact schema (default: the shared vocabulary)")
           ] = None,
           as_json: Annotated[bool, typer.Option(
               "--json", help="输出总是 JSON / the output is always JSON")] = False) -> None:
    """输出用户所写文件的 JSON Schema / JSON Schema of a file format (document.yaml,
    provenance.yaml, errata.yaml, case files, facts — of one policy when NAME is given)."""
    from xuequ_rules.authoring.schemas import schema as file_schema

    if what == "facts" and name:
        print_json(load_policy(name).facts_model.model_json_schema())
        return
    print_json(file_schema(what))


def _refuse_case_file(path: Path, encoding: str | None = None) -> None:
    """A case file given to ``xuequ eval`` is pointed at ``xuequ test``."""
    from xuequ_rules.cases import is_case_data
    from xuequ_rules.facts.loader import read_data_file

    if path.is_file() and is_case_data(read_data_file(path, encoding)):
        raise XuequError(f"{path.name} 是案例文件（含 policy 和 expect），请用 xuequ test {path} 运行",
                         f"{path.name} is a case file (it has policy and expect); run it with "
                         f"xuequ test {path}", field="facts")


def _statuses(values: list[str] | None) -> set[str] | None:
    if not values:
        return None
    from xuequ_rules.labels import STATUS

    known = {code for code in STATUS}
    bad = [v for v in values if v not in known]
    if bad:
        raise XuequError(f"未知的结论：{'、'.join(bad)}（可选 {'、'.join(sorted(known))}）",
                         f"unknown status(es): {', '.join(bad)} (one of "
                         f"{', '.join(sorted(known))})", field="--status")
    return set(values)


def _parse_date(value: str | None) -> dt.date | None:
    return iso_date(value, "--as-of")


# Further command groups live in their own modules, each with ``register(app)``.
_COMMAND_MODULES: tuple[str, ...] = ("diff", "docs", "bulk", "serve", "new", "test",
                                     "checklist")


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


def _command_app(args: list[str]) -> typer.Typer:
    """The app holding only the command ``args`` name (typer reads the signature of every
    command it holds before running one); the whole app for help, a group of commands or a
    name it does not know (whose usage errors list every command)."""
    from typer.main import get_command_name

    name = next((arg for arg in args if not arg.startswith("-")), None)
    chosen = [command for command in app.registered_commands if name is not None and (
        command.name or get_command_name(getattr(command.callback, "__name__", ""))) == name]
    if len(chosen) != 1:
        return app
    alone = copy.copy(app)
    alone.registered_commands, alone.registered_groups = chosen, []
    return alone


def main(argv: list[str] | None = None) -> None:
    """Entry point: one bilingual error line (traceback with ``--debug``); exit codes 0/1/2/3."""
    args = sys.argv[1:] if argv is None else list(argv)
    debug = "--debug" in args
    try:
        code = _command_app(args)(args=args, prog_name="xuequ", standalone_mode=False)
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
