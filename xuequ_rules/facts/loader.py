"""Loading facts from JSON or YAML safely, with bilingual errors naming the field."""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml
from pydantic import ValidationError

from xuequ_rules.errors import FactsError
from xuequ_rules.facts.schema import SHARED, Facts

if TYPE_CHECKING:
    from xuequ_rules.policy.policy import Policy

MAX_FACTS_BYTES = 50 * 1024 * 1024

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
    except ValidationError as exc:
        raise facts_error(exc, source, model.schema_owner) from None


def read_data_file(path: Path) -> Any:
    """Read JSON or YAML data (never executed: YAML is read with the safe loader)."""
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise FactsError(f"找不到文件：{path}", f"file not found: {path}", field=str(path)) from None
    if size > MAX_FACTS_BYTES:
        raise FactsError(f"文件过大（{size} 字节，上限 {MAX_FACTS_BYTES}）：{path}",
                         f"file too large ({size} bytes, limit {MAX_FACTS_BYTES}): {path}",
                         field=str(path))
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise FactsError(f"文件不是 UTF-8 编码：{path}", f"file is not UTF-8: {path}",
                         field=str(path)) from None
    try:
        if path.suffix.lower() == ".json":
            return json.loads(text)
        return yaml.safe_load(text)
    except RecursionError:
        raise FactsError(f"{path.name} 嵌套层次过深", f"{path.name} is nested too deeply",
                         field=str(path)) from None
    except (ValueError, yaml.YAMLError, ArithmeticError, LookupError, AttributeError,
            TypeError) as exc:
        # yaml's safe constructors raise ValueError/IndexError/AttributeError for values such
        # as 2019-02-30 or a malformed explicit tag; json raises JSONDecodeError (a ValueError).
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise FactsError(f"无法解析 {path.name}：{reason}", f"cannot parse {path.name}: {reason}",
                         field=str(path)) from None


def load_facts(path: Path, *, policy: Policy | None = None) -> Facts:
    return parse_facts(read_data_file(path), source=path.name, policy=policy)


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
