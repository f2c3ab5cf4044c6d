"""``xuequ eval-bulk``'s per-row statuses, batch by batch, streamed to one output file.

The table is read in slices of ``--batch-rows`` rows; each slice is evaluated, counted and
handed to polars' streaming Parquet/CSV writer before the next one is read, so memory stays
bounded by the batch size, not by the table. The results are those of one evaluation of the
whole table:

* per-row rules read one row each: a row's statuses do not depend on its batch;
* grouped rules (a county's schools) are judged afterwards over the whole table, in a second
  streamed pass (``group_by`` over the scan), never batch by batch;
* a refused value or a decision conflict in any batch is reported as the whole table would
  report it (the first refused row of the table, with its row number and the count of the
  others): the whole table is checked again, streamed, before the error is raised;
* the output is written to a temporary file beside ``--out`` and renamed only when every
  batch and every group has been judged: on an error no output (or half of one) is left.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import polars as pl

from xuequ_rules.engines import polars_backend as pb
from xuequ_rules.engines._schema import subject_rules
from xuequ_rules.engines.frames.evaluate import refuse_invalid
from xuequ_rules.errors import FactsError, RuleConflictError, XuequError
from xuequ_rules.policy.policy import Policy

OUTPUT_SUFFIXES = (".parquet", ".pq", ".csv")


@dataclass
class Batched:
    """What the batches gave: the counts per rule and status, the status columns written."""

    counts: dict[str, dict[str, int]] = field(default_factory=dict)
    columns: list[str] = field(default_factory=list)


def check_output(out: Path | None, option: str = "--out") -> None:
    """An output path ends in .parquet / .pq / .csv (checked before anything is read)."""
    if out is not None and out.suffix.lower() not in OUTPUT_SUFFIXES:
        raise XuequError(f"输出文件应为 .parquet 或 .csv：{out.name}",
                         f"{option} must be .parquet or .csv: {out.name}", field=option)


def evaluate_batch(policy: Policy, subject: str, batch: pl.LazyFrame, date: dt.date,
                   engine: str, what_if: bool) -> pl.DataFrame:
    """One batch's per-row statuses (a refusal is reported for the whole table by :func:`refuse_invalid`)."""
    if engine == "duckdb":
        from xuequ_rules.engines.sql_backend import evaluate_duckdb

        found: pl.DataFrame = evaluate_duckdb(policy, subject, batch, date, what_if=what_if)
        return found
    return pb.evaluate_frame(policy, subject, batch, date, what_if=what_if)


def _batches(policy: Policy, subject: str, table: pl.LazyFrame, total: int, date: dt.date,
             engine: str, what_if: bool, batch_rows: int, batched: Batched,
             advance: Callable[[int], None],
             whole: Callable[[], pl.DataFrame] | None = None) -> Iterator[pl.DataFrame]:
    if whole is not None:          # an engine that divides the work itself (Spark)
        yield _counted(whole(), policy, subject, batched, advance)
        return
    for offset in range(0, max(total, 1), batch_rows):
        try:
            part = evaluate_batch(policy, subject, table.slice(offset, batch_rows), date,
                                  engine, what_if)
        except (FactsError, RuleConflictError):
            if total > batch_rows:
                refuse_invalid(table, subject, policy)
            raise
        yield _counted(part, policy, subject, batched, advance)


def _counted(part: pl.DataFrame, policy: Policy, subject: str, batched: Batched,
             advance: Callable[[int], None]) -> pl.DataFrame:
    """Add a batch's statuses to the counts and advance the progress bar by its rows."""
    for rule_id, by_status in pb.status_counts(part, policy, subject).items():
        into = batched.counts.setdefault(rule_id, dict.fromkeys(by_status, 0))
        for status, n in by_status.items():
            into[status] += n
    batched.columns = part.columns
    advance(part.height)
    return part


@contextmanager
def written(out: Path | None) -> Iterator[Path | None]:
    """A temporary path beside ``out``, renamed to ``out`` when the block ends without an
    error (removed otherwise)."""
    if out is None:
        yield None
        return
    # beside ``out`` (the rename stays on one file system), created by the writer itself
    # (with the permissions any new file gets)
    temporary = out.with_name(f".{out.stem}.{os.getpid()}.partial{out.suffix}")
    try:
        yield temporary
    except BaseException:
        with suppress(OSError):
            temporary.unlink()
        raise
    os.replace(temporary, out)


def write_frame(frame: pl.DataFrame | pl.LazyFrame, path: Path) -> None:
    """Write a table to a .parquet/.pq or .csv path, streamed when it is lazy."""
    lazy = frame.lazy()
    if path.suffix.lower() == ".csv":
        lazy.sink_csv(path)
    else:
        lazy.sink_parquet(path)


def reads_sequences(policy: Policy, subject: str) -> bool:
    """Whether a rule of the collection reads consecutive records (``consecutive(...)``):
    its records must all be in one batch, or a run split across batches would be missed."""
    from xuequ_rules.policy.sequence import Consecutive

    return any(isinstance(node, Consecutive) for rule in subject_rules(policy.rules, subject)
               for expr in rule.expressions() for node in expr.walk())


def evaluate_in_batches(policy: Policy, subject: str, table: pl.LazyFrame, total: int,
                        date: dt.date, *, engine: str, what_if: bool, batch_rows: int,
                        out: Path | None, advance: Callable[[int], None],
                        whole: Callable[[], pl.DataFrame] | None = None) -> Batched:
    """Evaluate ``table`` batch by batch, writing the per-row statuses to ``out``; with
    ``whole``, the engine computes the whole table's statuses in one call."""
    batched = Batched()
    parts = _batches(policy, subject, table, total, date, engine, what_if, batch_rows,
                     batched, advance, whole)
    if out is None:
        for _ in parts:
            pass
        return batched
    first = next(parts)
    if total <= batch_rows or whole is not None:     # one part: written as it is
        write_frame(first, out)
        return batched
    from polars.io.plugins import register_io_source

    def source(*_: Any) -> Iterator[pl.DataFrame]:
        yield first
        yield from parts

    write_frame(register_io_source(source, schema=first.schema), out)
    return batched


def not_computed(policy: Policy, subject: str, columns: list[str],
                 grouped: bool) -> dict[str, str]:
    """Rules of the collection left without statuses, with the reason (the engines' list,
    asked only when a per-row rule has no column or grouped rules were judged)."""
    missing = [rule.id for rule in subject_rules(policy.rules, subject)
               if not rule.grouped and rule.id not in columns]
    return pb.unsupported_rules(policy, subject) if missing or grouped else {}
