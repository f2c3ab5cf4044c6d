"""The table given to ``xuequ eval-bulk``, checked before anything is evaluated.

Every way a table can be wrong is one bilingual error naming the file and, where there is
one, the column and the row, and what was expected (exit code 2): an empty file, a ragged
CSV row, text that is not UTF-8 (or GB18030 when ``--encoding gb18030`` is given), a corrupt
Parquet file, a column whose type does not fit its field, an unknown ``--collection``, an
``--explain`` row past the end.

Column types are strict: a boolean column is never a count, a text column is never a number.
The documented conversions are those of a CSV file, whose cells are all text: integers,
decimals (read exactly) and dates (YYYY-MM-DD) are parsed from the cell; a yes/no cell is
one of true/false, 1/0, yes/no, 是/否 (any case); a list cell separates items with ``;``.
A UTF-8 byte-order mark is skipped, as in JSON and YAML facts files.
"""

from __future__ import annotations

import codecs
import csv
import re
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from xuequ_rules.engines._schema import ColumnSpec, normalize_collection
from xuequ_rules.errors import FactsError
from xuequ_rules.facts.loader import ENCODINGS
from xuequ_rules.facts.schema import collections_of
from xuequ_rules.policy.policy import Policy

CSV_SUFFIXES = (".csv", ".tsv")
TRUE_TEXT = ("true", "1", "yes", "是")
FALSE_TEXT = ("false", "0", "no", "否")

_EXPECTED = {
    "int": ("整数", "an integer"),
    "dec": ("数值", "a number"),
    "bool": ("真假值", "true/false"),
    "str": ("文本", "text"),
    "date": ("日期", "a date"),
    "list": ("文本列表", "a list of text"),
}


def check_collection(collection: str | None, policy: Policy) -> None:
    """``--collection`` names a collection of the policy's fact schema (or the scenario)."""
    if collection is None or normalize_collection(collection) == "":
        return
    known_collections = collections_of(policy.facts_model)
    if collection not in known_collections:
        known = ", ".join(["scenario", *sorted(known_collections)])
        raise FactsError(f"政策 {policy.ref} 没有事实集合“{collection}”（可用：{known}）",
                         f"policy {policy.ref} has no fact collection {collection!r} "
                         f"(known: {known})", field="--collection")


def check_explain(rows: list[int] | None, total: int) -> None:
    for row in rows or ():
        if not 0 <= row < total:
            raise FactsError(f"--explain {row} 超出范围：表中共 {total} 行（行号从 0 起）",
                             f"--explain {row} is out of range: the table has {total} rows "
                             f"(rows count from 0)", field="--explain")


def _csv_error(file: Path, zh: str, en: str, field: str | None = None) -> FactsError:
    return FactsError(f"{file.name}：{zh}", f"{file.name}: {en}", field=field or file.name)


def _codec(encoding: str | None) -> str:
    chosen = (encoding or "utf-8").lower().replace("_", "-")
    if chosen in ("utf-8", "utf8", "utf-8-sig"):
        return "utf-8-sig"            # UTF-8, a leading byte-order mark skipped
    if chosen in ENCODINGS:
        return chosen
    raise FactsError(f"不支持的编码：{encoding}（可用：{'、'.join(ENCODINGS)}）",
                     f"unsupported encoding {encoding!r} (use one of: {', '.join(ENCODINGS)})",
                     field="--encoding")


def _check_csv(file: Path, codec: str) -> None:
    """Streamed once: text in the encoding, a header, every row as wide as the header."""
    delimiter = "\t" if file.suffix.lower() == ".tsv" else ","
    number = 1
    try:
        with file.open(encoding=codec, newline="") as handle:
            rows = csv.reader(handle, delimiter=delimiter)
            header = next(rows, None)
            if not header or not any(cell.strip() for cell in header):
                raise _csv_error(file, "文件为空：应有表头行（列名）", "the file is empty: "
                                 "expected a header row of column names")
            width = len(header)
            for number, row in enumerate(rows, start=2):
                if row and len(row) != width:
                    raise _csv_error(file, f"第 {number} 行有 {len(row)} 个单元格，表头有 {width} 列",
                                     f"line {number} has {len(row)} cells, the header has "
                                     f"{width} columns", field=f"line {number}")
    except UnicodeDecodeError:
        name = "UTF-8" if codec == "utf-8-sig" else codec.upper()
        hint_zh = "；如为 GBK/GB18030 编码，请加 --encoding gb18030" if name == "UTF-8" else ""
        hint_en = "; if it is GBK/GB18030, add --encoding gb18030" if name == "UTF-8" else ""
        raise _csv_error(file, f"不是 {name} 编码（约第 {number + 1} 行）{hint_zh}",
                         f"is not {name} (near line {number + 1}){hint_en}") from None
    except csv.Error as exc:
        raise _csv_error(file, f"第 {number + 1} 行无法读取：{exc}",
                         f"line {number + 1} cannot be read: {exc}",
                         field=f"line {number + 1}") from None


@contextmanager
def readable_table(file: Path, encoding: str | None) -> Iterator[Path]:
    """The table as polars can read it: a CSV checked (and turned into UTF-8 when needed)."""
    if not file.exists():
        raise FactsError(f"找不到文件：{file}", f"file not found: {file}", field=str(file))
    codec = _codec(encoding)
    if file.suffix.lower() not in CSV_SUFFIXES:
        if file.stat().st_size == 0:
            raise _csv_error(file, "文件为空", "the file is empty")
        yield file
        return
    _check_csv(file, codec)
    with file.open("rb") as handle:
        has_bom = handle.read(len(codecs.BOM_UTF8)) == codecs.BOM_UTF8
    if codec == "utf-8-sig" and not has_bom:
        yield file
        return
    with tempfile.TemporaryDirectory(prefix="xuequ-bulk-") as tmp:
        utf8 = Path(tmp) / file.name
        with file.open(encoding=codec, newline="") as source, \
                utf8.open("w", encoding="utf-8", newline="") as target:
            shutil.copyfileobj(source, target)
        yield utf8


def _fits(spec: ColumnSpec, dtype: Any, is_csv: bool) -> bool:
    import polars as pl

    if dtype == pl.Null:
        return True
    text = dtype in (pl.String, pl.Categorical) or isinstance(dtype, pl.Enum)
    if spec.kind == "int":
        return bool(dtype.is_integer())
    if spec.kind == "dec":
        return bool(dtype.is_integer() or dtype.is_float() or isinstance(dtype, pl.Decimal)
                    or (is_csv and dtype == pl.String))
    if spec.kind == "bool":
        return dtype == pl.Boolean or (is_csv and dtype == pl.String)
    if spec.kind == "str":
        return text
    if spec.kind == "date":
        return dtype == pl.Date or isinstance(dtype, pl.Datetime) or (is_csv and
                                                                      dtype == pl.String)
    if spec.kind == "list":
        return (isinstance(dtype, pl.List) and dtype.inner in (pl.String, pl.Null)) or (
            is_csv and dtype == pl.String)
    return True


def check_columns(file: Path, schema: dict[str, Any], specs: dict[str, ColumnSpec]) -> None:
    """Every column of a known field has a type that fits it (no silent conversion)."""
    is_csv = file.suffix.lower() in CSV_SUFFIXES
    for name, dtype in schema.items():
        spec = specs.get(name)
        if spec is None or spec.kind == "records" or _fits(spec, dtype, is_csv):
            continue
        zh, en = _EXPECTED.get(spec.kind, ("其他类型", spec.kind))
        raise FactsError(f"{file.name} 的列 {name}：应为{zh}，实际为 {dtype}",
                         f"{file.name}: column {name}: expected {en}, found {dtype}",
                         field=name)


def check_bool_text(file: Path, frame: Any, specs: dict[str, ColumnSpec]) -> None:
    """A yes/no CSV cell is one of the documented spellings (never silently unknown)."""
    import polars as pl

    allowed = [*TRUE_TEXT, *FALSE_TEXT, ""]
    for name, dtype in frame.collect_schema().items():
        spec = specs.get(name)
        if spec is None or spec.kind != "bool" or dtype != pl.String:
            continue
        bad = (frame.with_row_index("__row").select("__row", name)
               .filter(~pl.col(name).str.strip_chars().str.to_lowercase().is_in(allowed)
                       & pl.col(name).is_not_null()).head(1).collect())
        if bad.height:
            row, value = bad.row(0)
            raise FactsError(
                f"{file.name} 的列 {name} 第 {row} 行：应为真假值（true/false、1/0、yes/no、是/否），"
                f"实际为 {value!r}",
                f"{file.name}: column {name}, row {row}: expected true/false (1/0, yes/no, "
                f"是/否), found {value!r}", field=name)


_PARSE = re.compile(r"could not parse `([^`]*)` as dtype `([^`]+)`")
_COLUMN = re.compile(r"column '([^']+)'|column \"([^\"]+)\"|in column ([\w.]+)")


def read_error(file: Path, exc: Exception) -> FactsError:
    """A polars error while reading the table, as a one-line bilingual error."""
    message = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    found = _COLUMN.search(str(exc))
    column = next((g for g in found.groups() if g), None) if found else None
    kind = type(exc).__name__
    if kind == "NoDataError":
        return _csv_error(file, "文件为空", "the file is empty")
    if file.suffix.lower() in (".parquet", ".pq") and "parquet" in str(exc).lower():
        return _csv_error(file, f"不是有效的 Parquet 文件（{message}）",
                          f"not a valid Parquet file ({message})")
    parsed = _PARSE.search(str(exc))
    if parsed is not None and column:
        value, dtype = parsed.groups()
        zh, en = _EXPECTED["int" if dtype.startswith(("i", "u")) else "dec"]
        if dtype == "date":
            zh, en = "日期（YYYY-MM-DD）", "a date (YYYY-MM-DD)"
        return FactsError(f"{file.name} 的列 {column}：应为{zh}，实际为 {value!r}",
                          f"{file.name}: column {column}: expected {en}, found {value!r}",
                          field=column)
    where_zh = f"列 {column}：" if column else ""
    where_en = f"column {column}: " if column else ""
    return FactsError(f"{file.name} 无法读取：{where_zh}{message}",
                      f"{file.name} cannot be read: {where_en}{message}",
                      field=column or file.name)
