"""``xuequ eval-bulk``: every rule of a policy on every row of a Parquet / CSV table.

Statuses per row go to ``--out`` (Parquet or CSV); the counts per rule are printed (or given
as JSON with ``--json``). The table is evaluated in batches with a progress bar.

Grouped rules (``group_by``: e.g. a county's coefficient of variation across its schools) are
judged once per group over the whole table: one row per rule and group (``rule``, ``group``,
``status``) goes to ``--groups-out``, by default next to ``--out`` as
``<out>.groups.parquet`` (or ``.csv``); their counts per rule are printed as a second table
(JSON: ``group_counts``).
"""

from __future__ import annotations

import datetime as dt
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import partial
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.markup import escape

from xuequ_rules.cli.output import console, errors, print_json
from xuequ_rules.errors import XuequError, iso_date
from xuequ_rules.policy.policy import Policy
from xuequ_rules.registry import load_policy

BATCH_ROWS = 1_000_000


def _date(value: str | None) -> dt.date:
    return iso_date(value, "--as-of") or dt.date.today()


def _guess_collection(policy: Policy, columns: list[str]) -> str:
    """The rule subject whose fields best match the table's columns."""
    from xuequ_rules.engines._schema import collection_columns, subject_rules

    best, score = None, 0
    for subject in sorted({rule.subject for rule in policy.rules}):
        names = set(collection_columns(subject, subject_rules(policy.rules, subject),
                                       policy.facts_model))
        hits = len(names & set(columns))
        if hits > score:
            best, score = subject, hits
    if best is None:
        raise XuequError("无法从列名判断事实集合，请用 --collection 指定",
                         "cannot tell the collection from the columns; give --collection",
                         field="--collection")
    return best


def groups_path(out: Path) -> Path:
    """Where the per-group statuses go by default: ``t.parquet`` → ``t.groups.parquet``."""
    return out.with_name(f"{out.stem}.groups{out.suffix}")


def eval_bulk(
    name: Annotated[str, typer.Argument(help="政策名或 名称@版本 / NAME or NAME@VERSION")],
    file: Annotated[Path, typer.Argument(help="记录表 Parquet/CSV / table of records")],
    collection: Annotated[str | None, typer.Option(
        "--collection", "-c", help="事实集合（如 teacher_exchanges；scenario 为清单项）/ "
        "fact collection (scenario for checklist duties)")] = None,
    as_of: Annotated[str | None, typer.Option("--as-of", help="评估日期 YYYY-MM-DD / "
                                              "evaluation date")] = None,
    out: Annotated[Path | None, typer.Option("--out", "-o", help="逐行结论写入 .parquet/.csv / "
                                             "per-row statuses")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="机器可读的 JSON 输出 / "
                                          "JSON output")] = False,
    engine: Annotated[str, typer.Option("--engine", help="polars、duckdb 或 spark / polars, "
                                        "duckdb or spark")] = "polars",
    master: Annotated[str | None, typer.Option(
        "--master", help="Spark 主节点地址（如 local[2]、spark://主机:7077、yarn；仅用于 --engine "
        "spark）/ Spark master URL (e.g. local[2], spark://host:7077, yarn; with --engine "
        "spark only)")] = None,
    batch_rows: Annotated[int, typer.Option("--batch-rows", help="每批行数 / rows per batch",
                                            min=1)] = BATCH_ROWS,
    explain: Annotated[list[int] | None, typer.Option(
        "--explain", help="解释第 N 行（从 0 起，可重复）/ explain row N (0-based, repeatable)",
        min=0)] = None,
    groups_out: Annotated[Path | None, typer.Option(
        "--groups-out", help="分组规则逐组结论写入 .parquet/.csv（默认 <out>.groups.<后缀>）/ "
        "per-group statuses of grouped rules (default <out>.groups.<suffix>)")] = None,
    what_if: Annotated[bool, typer.Option(
        "--what-if", help="假设评估：把未生效或已失效的文件当作有效来评估 / evaluate a draft or "
                          "lapsed document as if in force")] = False,
    encoding: Annotated[str | None, typer.Option(
        "--encoding", help="CSV 编码：utf-8（默认）或 gb18030 / CSV encoding: utf-8 (default) "
        "or gb18030")] = None,
) -> None:
    """批量评估：对表中每一行评估政策规则 / evaluate a policy on every row of a table."""
    from xuequ_rules.cli.bulk_input import check_collection, readable_table
    from xuequ_rules.cli.bulk_spark import check_engine

    check_engine(engine, master)
    check_collection(collection, load_policy(name))
    with readable_table(file, encoding) as readable, \
            tempfile.TemporaryDirectory(prefix="xuequ-bulk-") as workdir:
        _eval_bulk(name, file, readable, collection, as_of, out, as_json, engine, batch_rows,
                   explain, groups_out, what_if, Path(workdir), master)


@contextmanager
def _progress(title: str, total: int, hidden: bool) -> Iterator[Callable[[int], None]]:
    """A progress bar on stderr advanced by each batch (none with ``--json``; removed on an
    error)."""
    if hidden:
        yield lambda _rows: None
        return
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
    )

    with Progress(TextColumn("[bold]{task.description}"), BarColumn(), MofNCompleteColumn(),
                  TimeElapsedColumn(), console=errors) as progress:
        task = progress.add_task(title, total=total)
        try:
            yield lambda rows: progress.advance(task, rows)
        except BaseException:
            progress.update(task, visible=False)   # the error stays the only line
            raise


def _table(file: Path, readable: Path, subject: str, policy: Policy, workdir: Path) -> Any:
    """The checked table, lazily. A CSV is parsed once (decimal scales are read from the
    data) into a Parquet file in ``workdir``, streamed, then read in batches like Parquet."""
    import polars as pl

    from xuequ_rules.cli.bulk_input import CSV_SUFFIXES, check_bool_text, check_columns, read_error
    from xuequ_rules.engines import polars_backend as pb
    from xuequ_rules.engines._schema import collection_columns, subject_rules

    specs = collection_columns(subject, subject_rules(policy.rules, subject), policy.facts_model)
    try:
        lazy = pb.scan_file(readable, subject, policy)
        check_columns(file, dict(lazy.collect_schema()), specs)
        if file.suffix.lower() in CSV_SUFFIXES:
            check_bool_text(file, lazy, specs)
            parsed = workdir / "table.parquet"
            pb.prepare_frame(lazy, subject, policy)[0].sink_parquet(parsed)
            lazy = pl.scan_parquet(parsed)
        return lazy
    except pl.exceptions.PolarsError as exc:
        raise read_error(file, exc) from None


def _eval_bulk(name: str, file: Path, readable: Path, collection: str | None,
               as_of: str | None, out: Path | None, as_json: bool, engine: str,
               batch_rows: int, explain: list[int] | None, groups_out: Path | None,
               what_if: bool, workdir: Path, master: str | None = None) -> None:
    from xuequ_rules.cli.bulk_input import check_explain, read_error

    try:
        import polars as pl

        from xuequ_rules.cli import bulk_stream as stream
        from xuequ_rules.engines import polars_backend as pb
    except ImportError:  # pragma: no cover - the bulk extra is missing
        raise XuequError("需要安装 bulk 扩展：pip install 'xuequ-rules[bulk]'",
                         "needs the bulk extra: pip install 'xuequ-rules[bulk]'",
                         field="engine") from None
    stream.check_output(out)
    date = _date(as_of)
    policy = load_policy(name)
    if collection is None:
        try:
            columns = list(pb.scan_file(readable, "", policy).collect_schema().names())
        except pl.exceptions.PolarsError as exc:
            raise read_error(file, exc) from None
        collection = _guess_collection(policy, columns)
    subject = collection
    from xuequ_rules.engines._schema import normalize_collection, subject_rules

    subject = normalize_collection(subject)
    if not subject_rules(policy.rules, subject):
        raise XuequError(f"{policy.ref} 没有关于“{subject or 'scenario'}”的规则",
                         f"{policy.ref} has no rules about {subject or 'scenario'!r}",
                         field="--collection")
    grouped = bool(pb.grouped_rule_ids(policy, subject))
    if grouped and groups_out is None and out is not None:
        groups_out = groups_path(out)
    stream.check_output(groups_out, "--groups-out")
    lazy = _table(file, readable, subject, policy, workdir)
    total = lazy.select(pl.len()).collect().item()
    check_explain(explain, total)
    if stream.reads_sequences(policy, subject):
        # a run over consecutive records (e.g. a school's years) may span any rows: one batch
        batch_rows = max(total, 1)
    groups: Any = None
    group_counts: dict[str, dict[str, int]] = {}
    title = f"{policy.ref} · {subject or 'scenario'}"
    with _progress(title, total, as_json) as advance, stream.written(out) as statuses_to, \
            stream.written(groups_out if grouped else None) as groups_to:
        whole: Callable[[], Any] | None = None
        if engine == "spark":   # Spark reads the whole table and divides the work itself
            from xuequ_rules.cli.bulk_spark import spark_table_statuses

            whole = partial(spark_table_statuses, policy, subject, file, lazy, date,
                            master=master, what_if=what_if)
        batched = stream.evaluate_in_batches(policy, subject, lazy, total, date, engine=engine,
                                             what_if=what_if, batch_rows=batch_rows,
                                             out=statuses_to, advance=advance, whole=whole)
        if grouped:
            # a group may span batches: grouped rules read the whole table, streamed
            if engine == "duckdb":
                from xuequ_rules.engines.sql_backend import evaluate_duckdb_groups

                groups = evaluate_duckdb_groups(policy, subject, lazy, date, what_if=what_if)
            elif engine == "spark":
                from xuequ_rules.cli.bulk_spark import spark_table_groups

                groups = spark_table_groups(policy, subject, lazy, date, master=master,
                                            what_if=what_if)
            else:
                groups = pb.evaluate_groups(policy, subject, lazy, date, what_if=what_if)
            group_counts = pb.group_status_counts(groups, policy, subject)
            if groups_to is not None:
                stream.write_frame(groups, groups_to)
    counts = batched.counts
    unsupported = stream.not_computed(policy, subject, batched.columns, grouped)
    explained = pb.explain_rows(policy, subject, lazy, explain, date,
                                what_if=what_if) if explain else {}
    if as_json:
        print_json({"policy": policy.name, "version": policy.version, "as_of": date.isoformat(),
                    "what_if": what_if,
                    "collection": subject or "scenario", "rows": total,
                    "out": str(out) if out is not None else None, "counts": counts,
                    "groups": groups.height if groups is not None else 0,
                    "groups_out": str(groups_out) if groups is not None and groups_out
                    is not None else None,
                    "group_counts": group_counts,
                    "unsupported": unsupported,
                    "explanations": {str(row): [f.as_dict() for f in findings]
                                     for row, findings in explained.items()}})
        return
    if what_if:
        console.print("[bold yellow]假设评估（文件未生效/已失效）[/]：按文件有效评估 / what-if: "
                      "applied as if in force")
    outside = {rule_id: n["not_in_force"] for rule_id, n in counts.items() if n["not_in_force"]}
    if outside:
        console.print("未生效或已失效（记录日期在文件有效期外）/ not in force (records dated "
                      "outside the document's period): " + "，".join(
                          f"{escape(rule_id)} {n}" for rule_id, n in outside.items()))
    from rich.table import Table

    table = Table(title=f"{policy.ref} · {subject or 'scenario'} @ {date} ({total} 行 rows)")
    for column in ("规则 rule", "符合 satisfied", "不符合 violated", "不适用 n/a",
                   "无法判定 undetermined"):
        table.add_column(column, justify="left" if column.startswith("规则") else "right",
                         overflow="fold")
    for rule_id, by_status in counts.items():
        table.add_row(escape(rule_id), *(str(by_status[s]) for s in
                                         ("satisfied", "violated", "not_applicable",
                                          "undetermined")))
    console.print(table)
    if group_counts:
        by_group = Table(title=f"分组规则 grouped rules（{groups.height} 组·规则 rule-groups）")
        for column in ("规则 rule", "符合 satisfied", "不符合 violated", "不适用 n/a",
                       "无法判定 undetermined"):
            by_group.add_column(column, justify="left" if column.startswith("规则")
                                else "right", overflow="fold")
        for rule_id, by_status in group_counts.items():
            by_group.add_row(escape(rule_id), *(str(by_status[s]) for s in
                                                ("satisfied", "violated", "not_applicable",
                                                 "undetermined")))
        console.print(by_group)
    for rule_id, reason in unsupported.items():
        console.print(f"[yellow]未计算 not computed[/] {escape(rule_id)}: {escape(reason)}")
    for row, findings in explained.items():
        console.print(f"[bold]第 {row} 行 row {row}[/]")
        for finding in findings:
            console.print(f"  {escape(finding.rule.id)} {escape(finding.record)}: "
                          f"{finding.status.value}")
            for line in finding.explanation.zh.splitlines():
                console.print(f"    {escape(line)}")
    if out is not None:
        console.print(f"逐行结论 per-row statuses → {escape(str(out))}")
    if groups is not None and groups_out is not None:
        console.print(f"逐组结论 per-group statuses → {escape(str(groups_out))}")


def register(app: typer.Typer) -> None:
    app.command("eval-bulk")(eval_bulk)
