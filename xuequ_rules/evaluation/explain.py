"""A finding's explanation as text: its reason, then one line per comparison of its trace.

A trace step names an expression node and the values it saw. What a line says about the node
(the expression rendered in both languages) is the same for every record, so it is rendered
once per node and kept; only the values are formatted per step.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from decimal import Decimal
from typing import Any

from xuequ_rules.evaluation.trace import TraceStep
from xuequ_rules.policy.expr import Compare, Expr, IsIn, Known
from xuequ_rules.policy.operators import COMPARE_SYMBOLS
from xuequ_rules.policy.render import format_value, render_expr
from xuequ_rules.text import Text

IN_PRINCIPLE_NOTE = Text("注意：本条为“原则上”要求，有正当理由的例外不构成违反。",
                         "Note: this is an in-principle (原则上) rule; justified exceptions are "
                         "not a breach.")

_COMPARE, _VALUE, _RESULT = 0, 1, 2

# (node, subject) → (node, kind, Chinese start, English start, comparison symbol)
_Template = tuple[Expr, int, str, str, str]
_TEMPLATES: dict[tuple[int, str], _Template] = {}


def _template(node: Expr, subject: str) -> _Template:
    """What every line about ``node`` starts with (kept by the node's identity: expressions
    compare by building comparisons, not by value)."""
    key = (id(node), subject)
    hit = _TEMPLATES.get(key)
    if hit is not None and hit[0] is node:
        return hit
    if len(_TEMPLATES) >= 8192:
        _TEMPLATES.clear()
    if isinstance(node, Compare):
        symbol = COMPARE_SYMBOLS[node.op]
        lz, le = render_expr(node.left, subject, "zh"), render_expr(node.left, subject, "en")
        rz, re_ = render_expr(node.right, subject, "zh"), render_expr(node.right, subject, "en")
        hit = (node, _COMPARE, f"· {lz} {symbol} {rz}：", f"· {le} {symbol} {re_}: ", symbol)
    else:
        kind = _VALUE if isinstance(node, IsIn | Known) else _RESULT
        hit = (node, kind, f"· {render_expr(node, subject, 'zh')}：",
               f"· {render_expr(node, subject, 'en')}: ", "")
    _TEMPLATES[key] = hit
    return hit


def _result_text(result: Any) -> tuple[str, str]:
    if result is True:
        return "成立", "holds"
    if result is False:
        return "不成立", "does not hold"
    if result is None:
        return "无法判定（缺少事实）", "unknown (missing facts)"
    return "无定义（除数为零）", "undefined (division by zero)"


# How values of the commonest types are shown (as format_value shows them), by exact type.
_FORMATS: dict[type, Callable[[Any], str]] = {
    int: int.__str__,
    str: str.__str__,
    bool: format_value,
    type(None): format_value,
    Decimal: lambda value: f"{value.normalize():f}",
}


def _shown(value: Any) -> str:
    show = _FORMATS.get(type(value))
    if show is not None:
        return show(value)
    if isinstance(value, str):          # a code list's value (an enumeration) shows as itself
        _FORMATS[type(value)] = str
        return str(value)
    return format_value(value)


def step_lines(step: TraceStep, subject: str) -> tuple[str, str]:
    """One comparison as a line in Chinese and in English."""
    node, left, right, result = step
    _, kind, zh, en, symbol = _template(node, subject)
    res_zh, res_en = _result_text(result)
    if kind == _COMPARE:
        lv, rv = _shown(left), _shown(right)
        return (f"{zh}{lv} {symbol} {rv}，{res_zh}", f"{en}{lv} {symbol} {rv}, {res_en}")
    if kind == _VALUE:
        value = _shown(left)
        return f"{zh}取值 {value}，{res_zh}", f"{en}value {value}, {res_en}"
    return f"{zh}{res_zh}", f"{en}{res_en}"


def explanation_text(reason: Text, trace: Sequence[TraceStep], subject: str,
                     note: bool) -> Text:
    """The reason, then every comparison made, then the in-principle note when ``note``."""
    if not note and not trace:
        return reason
    zh = [reason.zh]
    en = [reason.en]
    for step in trace:
        step_zh, step_en = step_lines(step, subject)
        zh.append(step_zh)
        en.append(step_en)
    if note:
        zh.append(IN_PRINCIPLE_NOTE.zh)
        en.append(IN_PRINCIPLE_NOTE.en)
    return Text("\n".join(zh), "\n".join(en))
