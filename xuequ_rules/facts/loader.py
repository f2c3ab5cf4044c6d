"""Loading facts from JSON or YAML safely, with bilingual errors naming the field.

One meaning per key and one way to read a file, whatever its format:

* a key given twice in one object (JSON) or mapping (YAML) is refused, naming the key and
  the line:column of both occurrences;
* a UTF-8 byte-order mark is skipped in JSON and YAML alike (and in CSV, see ``eval-bulk``);
* text must be UTF-8; a file in another encoding is refused with a hint, or read as GB18030
  when the caller says so (``--encoding gb18030``);
* numbers are exact: JSON and YAML decimals are read as :class:`~decimal.Decimal`, never
  through a binary float; integers longer than 4,300 digits, NaN and Infinity are refused.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml
from pydantic import ValidationError

from xuequ_rules.errors import FactsError
from xuequ_rules.facts.schema import SHARED, Facts

if TYPE_CHECKING:
    from xuequ_rules.policy.policy import Policy

MAX_FACTS_BYTES = 50 * 1024 * 1024

#: Encodings a user may name for a file that is not UTF-8 (GB18030 covers GBK and GB2312).
ENCODINGS = ("utf-8", "gb18030")

_BOM = b"\xef\xbb\xbf"

_ZH_MESSAGES = {
    "missing": "缺少必填字段",
    "extra_forbidden": "未知字段",
    "int_parsing": "应为整数",
    "int_type": "应为整数",
    "int_from_float": "应为整数",
    "decimal_parsing": "应为数值",
    "bool_parsing": "应为真假值",
    "bool_type": "应为真假值",
    "string_type": "应为文本",
    "date_from_datetime_parsing": "应为日期（YYYY-MM-DD）",
    "date_parsing": "应为日期（YYYY-MM-DD）",
    "date_type": "应为日期（YYYY-MM-DD）",
    "enum": "取值不在允许范围内",
    "greater_than_equal": "数值过小（不能为负）",
    "less_than_equal": "数值过大",
    "list_type": "应为列表",
    "dict_type": "应为对象",
    "model_type": "应为对象",
    "string_too_short": "不能为空",
    "string_too_long": "文本过长",
    "value_error": "取值无效",
}


def facts_error(exc: ValidationError, source: str = "facts",
                owner: str | None = None) -> FactsError:
    """A bilingual error for the first invalid field of a pydantic validation error.

    ``owner`` is the policy whose fact schema was applied: an unknown field names it.
    """
    first = exc.errors(include_url=False)[0]
    where = ".".join(str(part) for part in first["loc"]) or "(root)"
    message = str(first["msg"]).removeprefix("Value error, ")
    zh = _ZH_MESSAGES.get(str(first["type"]), "取值无效")
    if first["type"] == "value_error" and " / " in message:
        zh, _, message = message.partition(" / ")
    if first["type"] == "extra_forbidden" and owner is not None:
        if owner == SHARED:
            zh, message = "未知字段（共享事实词汇中没有此字段）", "unknown field (not in the shared " \
                "fact vocabulary)"
        else:
            zh = f"未知字段（政策 {owner} 的事实结构中没有此字段）"
            message = f"unknown field (not in the fact schema of policy {owner})"
    count = exc.error_count()
    more_zh = f"（另有 {count - 1} 处错误）" if count > 1 else ""
    more_en = f" ({count - 1} more)" if count > 1 else ""
    return FactsError(f"{source} 中字段 {where}：{zh}{more_zh}",
                      f"{source}: field {where}: {message}{more_en}", field=where)


def parse_facts(data: Any, source: str = "facts", *, policy: Policy | None = None,
                schema: type[Facts] | None = None) -> Facts:
    """Validate already-parsed data against ``policy``'s fact schema (or ``schema``; the shared
    vocabulary when neither is given); nothing is evaluated on invalid data."""
    model = schema or (policy.facts_model if policy is not None else Facts)
    if not isinstance(data, dict):
        raise FactsError(f"{source} 应为对象（键值映射）", f"{source} must be a mapping",
                         field="(root)")
    try:
        return model.model_validate(data)
    except (ValidationError, ArithmeticError) as exc:
        if isinstance(exc, ValidationError):
            raise facts_error(exc, source, model.schema_owner) from None
        raise FactsError(f"{source} 中的数值超出可处理范围（{type(exc).__name__}）",
                         f"{source}: a number is out of range ({type(exc).__name__})",
                         field="(root)") from None


# --- text ------------------------------------------------------------------------------

def decode_text(raw: bytes, source: str, encoding: str | None = None, *,
                option_hint: bool = True) -> str:
    """Bytes as text: UTF-8 (a leading BOM skipped), or GB18030 when asked for.

    ``option_hint`` says whether the error suggests ``--encoding gb18030`` (command line) or
    sending UTF-8 (web API)."""
    if raw.startswith(_BOM):
        raw = raw[len(_BOM):]
    chosen = (encoding or "utf-8").lower().replace("_", "-")
    if chosen in ("utf8", "utf-8-sig"):
        chosen = "utf-8"
    if chosen not in ENCODINGS:
        raise FactsError(f"不支持的编码：{encoding}（可用：{'、'.join(ENCODINGS)}）",
                         f"unsupported encoding {encoding!r} (use one of: "
                         f"{', '.join(ENCODINGS)})", field="--encoding")
    try:
        return raw.decode(chosen)
    except UnicodeDecodeError as exc:
        hint_zh, hint_en = ("；如为 GBK/GB18030 编码，请加 --encoding gb18030",
                            "; if it is GBK/GB18030, add --encoding gb18030")
        if not option_hint:
            hint_zh, hint_en = "；请以 UTF-8 编码发送", "; send it as UTF-8"
        if chosen != "utf-8":
            hint_zh = hint_en = ""
        raise FactsError(f"{source} 不是 {chosen.upper()} 编码（第 {exc.start} 字节）{hint_zh}",
                         f"{source} is not {chosen.upper()} (byte {exc.start}){hint_en}",
                         field=source) from None


def _line_col(text: str, offset: int) -> str:
    line = text.count("\n", 0, offset) + 1
    return f"{line}:{offset - (text.rfind(chr(10), 0, offset) + 1) + 1}"


class _DuplicateKey(Exception):
    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) != len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise _DuplicateKey(key)
            seen.add(key)
    return result


_TOKEN = re.compile(r'"(?:[^"\\]|\\.)*"|[{}\[\]:,]')


def _duplicate_positions(text: str, key: str) -> tuple[int, int]:
    """Where the first key given twice in one JSON object occurs (both offsets); linear."""
    stack: list[dict[str, int] | None] = []
    tokens = list(_TOKEN.finditer(text))
    for index, token in enumerate(tokens):
        value = token.group()
        if value == "{":
            stack.append({})
        elif value == "[":
            stack.append(None)
        elif value in "}]":
            if stack:
                stack.pop()
        elif value.startswith('"') and stack and stack[-1] is not None:
            following = tokens[index + 1].group() if index + 1 < len(tokens) else ""
            if following != ":":
                continue
            name = json.loads(value)
            keys = stack[-1]
            if name in keys:
                return keys[name], token.start()
            keys[name] = token.start()
    return -1, -1      # pragma: no cover - only called after a duplicate was found


def _refuse_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a number")


def parse_json(text: str, source: str) -> Any:
    """JSON text → data, refusing duplicate keys, NaN/Infinity and huge integers."""
    try:
        return json.loads(text, object_pairs_hook=_no_duplicates, parse_float=Decimal,
                          parse_constant=_refuse_constant)
    except _DuplicateKey as dup:
        first, second = _duplicate_positions(text, dup.key)
        raise FactsError(
            f"{source} 中键“{dup.key}”重复：第 {_line_col(text, first)} 与第 "
            f"{_line_col(text, second)} 处（行:列）；同一对象中每个键只能出现一次",
            f"{source}: key {dup.key!r} is given twice, at {_line_col(text, first)} and "
            f"{_line_col(text, second)} (line:column); a key may appear once per object",
            field=dup.key) from None
    except RecursionError:
        raise FactsError(f"{source} 嵌套层次过深", f"{source} is nested too deeply",
                         field=source) from None
    except (ValueError, ArithmeticError) as exc:
        # JSONDecodeError, "Exceeds the limit (4300 digits)", NaN/Infinity
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        if "4300 digits" in reason:
            reason = "an integer has more than 4,300 digits"
        raise FactsError(f"无法解析 {source}（应为 JSON）：{reason}",
                         f"cannot parse {source} as JSON: {reason}", field=source) from None


_BaseLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class StrictLoader(_BaseLoader):  # type: ignore[valid-type,misc]
    """The safe YAML loader, refusing a key given twice in one mapping; decimals exact."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: dict[Any, yaml.Node] = {}
        for key_node, _ in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                continue
            key = self.construct_object(key_node, deep=True)
            try:
                earlier = seen.get(key)
            except TypeError:
                continue        # an unhashable key: the base constructor refuses it
            if earlier is not None:
                first, second = earlier.start_mark, key_node.start_mark
                raise yaml.constructor.ConstructorError(
                    None, None,
                    f"duplicate key {key!r}: first at {first.line + 1}:{first.column + 1}, "
                    f"again at {second.line + 1}:{second.column + 1}", key_node.start_mark)
            seen[key] = key_node
        return super().construct_mapping(node, deep=deep)  # type: ignore[no-any-return]

    def construct_yaml_float(self, node: yaml.ScalarNode) -> Any:
        value = super().construct_yaml_float(node)
        if isinstance(value, float) and value == value and value not in (float("inf"),
                                                                         float("-inf")):
            text = str(self.construct_scalar(node)).replace("_", "")
            try:
                return Decimal(text)
            except InvalidOperation:      # sexagesimal 1:30.5 and the like
                return Decimal(repr(value))
        return value


StrictLoader.add_constructor("tag:yaml.org,2002:float", StrictLoader.construct_yaml_float)

_DUPLICATE = re.compile(r"duplicate key (.+): first at (\d+:\d+), again at (\d+:\d+)")


def parse_yaml(text: str, source: str) -> Any:
    """YAML text → data with the safe loader (nothing executed), refusing duplicate keys."""
    try:
        return yaml.load(text, Loader=StrictLoader)  # a SafeLoader: nothing is executed
    except RecursionError:
        raise FactsError(f"{source} 嵌套层次过深", f"{source} is nested too deeply",
                         field=source) from None
    except (ValueError, yaml.YAMLError, ArithmeticError, LookupError, AttributeError,
            TypeError) as exc:
        # yaml's safe constructors raise ValueError/IndexError/AttributeError for values such
        # as 2019-02-30 or a malformed explicit tag.
        found = _DUPLICATE.search(str(exc))
        if found is not None:
            key, first, second = found.groups()
            raise FactsError(
                f"{source} 中键 {key} 重复：第 {first} 与第 {second} 处（行:列）；"
                f"同一映射中每个键只能出现一次",
                f"{source}: key {key} is given twice, at {first} and {second} "
                f"(line:column); a key may appear once per mapping",
                field=key.strip("'\"")) from None
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise FactsError(f"无法解析 {source}：{reason}", f"cannot parse {source}: {reason}",
                         field=source) from None


def read_data_file(path: Path, encoding: str | None = None) -> Any:
    """Read JSON or YAML data (never executed: YAML is read with the safe loader)."""
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise FactsError(f"找不到文件：{path}", f"file not found: {path}", field=str(path)) from None
    if size > MAX_FACTS_BYTES:
        raise FactsError(f"文件过大（{size} 字节，上限 {MAX_FACTS_BYTES}）：{path}",
                         f"file too large ({size} bytes, limit {MAX_FACTS_BYTES}): {path}",
                         field=str(path))
    raw = path.read_bytes()
    text = decode_text(raw, path.name, encoding)
    if path.suffix.lower() == ".json":
        return parse_json(text, path.name)
    return parse_yaml(text, path.name)


def load_facts(path: Path, encoding: str | None = None, *,
               policy: Policy | None = None) -> Facts:
    return parse_facts(read_data_file(path, encoding), source=path.name, policy=policy)


def facts_for(policy: Policy, facts: Facts | Mapping[str, Any], source: str = "facts") -> Facts:
    """The scenario as ``policy``'s fact schema reads it: a mapping is validated against it, a
    scenario built for another schema is validated anew (its collections must be ones this
    policy's schema holds)."""
    model = policy.facts_model
    if isinstance(facts, Facts):
        if type(facts) is model:
            return facts
        facts = facts.model_dump(exclude_defaults=True)
    return parse_facts(dict(facts), source, schema=model)
