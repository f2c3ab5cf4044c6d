"""Render expressions and rules as Chinese and English sentences."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from fractions import Fraction

from xuequ_rules.exact import ExactSqrt
from xuequ_rules.facts.schema import field_label
from xuequ_rules.policy.expr import (
    AggFunc,
    Aggregate,
    Arith,
    ArithOp,
    Compare,
    CompareOp,
    Const,
    CountTrue,
    Expr,
    Field,
    IsIn,
    Known,
    Length,
    Logic,
    Not,
)
from xuequ_rules.policy.parameter import Parameter
from xuequ_rules.policy.rule import ATTESTATIONS
from xuequ_rules.text import Text

_COMPARE_SYMBOL = {CompareOp.GE: "≥", CompareOp.GT: ">", CompareOp.LE: "≤", CompareOp.LT: "<",
                   CompareOp.EQ: "=", CompareOp.NE: "≠"}
_ARITH_SYMBOL = {ArithOp.ADD: "+", ArithOp.SUB: "−", ArithOp.MUL: "×", ArithOp.DIV: "÷"}


def format_value(value: object) -> str:
    """A value as a person reads it: exact decimals, dates in ISO form, 是/否 for truth."""
    if value is None:
        return "（缺失 missing）"
    if isinstance(value, bool):
        return "是 yes" if value else "否 no"
    if isinstance(value, ExactSqrt):
        return f"{float(value):.4f}"
    if isinstance(value, Fraction):
        if value.denominator == 1:
            return str(value.numerator)
        return f"{Decimal(value.numerator) / Decimal(value.denominator):.6g}"
    if isinstance(value, Decimal):
        return f"{value.normalize():f}"
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return "、".join(str(v) for v in value) or "（空 empty）"
    return str(value)


def _field(node: Field, subject: str, lang: str) -> str:
    if node.path[0] == ATTESTATIONS and len(node.path) == 2:
        return f"已确认落实“{node.path[1]}”" if lang == "zh" else f"attested {node.path[1]}"
    zh, en = field_label(subject, node.path[0])
    label = zh if lang == "zh" else en
    rest = ".".join(node.path[1:])
    return f"{label}.{rest}" if rest else label


# Rendering depends only on the node (immutable), the subject and the language: explanations
# of many records reuse it. Keyed by identity; the node is kept so that its id stays its own.
_RENDERED: dict[tuple[int, str, str], tuple[Expr, str]] = {}
_RENDERED_MAX = 100_000


def render_expr(node: Expr, subject: str, lang: str = "zh") -> str:
    """One expression as text in ``lang`` ("zh" or "en")."""
    key = (id(node), subject, lang)
    hit = _RENDERED.get(key)
    if hit is not None and hit[0] is node:
        return hit[1]
    text = _render_expr(node, subject, lang)
    if len(_RENDERED) < _RENDERED_MAX:
        _RENDERED[key] = (node, text)
    return text


def _render_expr(node: Expr, subject: str, lang: str) -> str:
    if isinstance(node, Parameter):
        label = node.label.zh if lang == "zh" else node.label.en
        return f"{node.display_value}（{label}）" if lang == "zh" else \
            f"{node.display_value} ({label})"
    if isinstance(node, Field):
        return _field(node, subject, lang)
    if isinstance(node, Const):
        return format_value(node.value)
    if isinstance(node, Arith):
        left = render_expr(node.left, subject, lang)
        right = render_expr(node.right, subject, lang)
        return f"{left} {_ARITH_SYMBOL[node.op]} {right}"
    if isinstance(node, Compare):
        left = render_expr(node.left, subject, lang)
        right = render_expr(node.right, subject, lang)
        return f"{left} {_COMPARE_SYMBOL[node.op]} {right}"
    if isinstance(node, Logic):
        joiner = ("，且 " if node.op.value == "and" else "，或 ") if lang == "zh" else \
            (" and " if node.op.value == "and" else " or ")
        return joiner.join(f"({render_expr(item, subject, lang)})" if isinstance(item, Logic)
                           else render_expr(item, subject, lang) for item in node.items)
    if isinstance(node, Not):
        inner = render_expr(node.item, subject, lang)
        return f"并非（{inner}）" if lang == "zh" else f"not ({inner})"
    if isinstance(node, IsIn):
        inner = render_expr(node.item, subject, lang)
        values = "、".join(format_value(v) for v in node.values)
        if node.open:
            return (f"{inner} 属于 {{{values}}}等（开放列举）" if lang == "zh"
                    else f"{inner} is one of {{{values}}} or another (open list)")
        return f"{inner} 属于 {{{values}}}" if lang == "zh" else f"{inner} is one of {{{values}}}"
    if isinstance(node, Known):
        inner = render_expr(node.item, subject, lang)
        return f"已提供 {inner}" if lang == "zh" else f"{inner} is given"
    if isinstance(node, Length):
        inner = render_expr(node.item, subject, lang)
        return f"{inner} 的数量" if lang == "zh" else f"number of {inner}"
    if isinstance(node, CountTrue):
        inner = "；".join(render_expr(item, subject, lang) for item in node.items)
        return f"下列条件中成立的个数［{inner}］" if lang == "zh" else \
            f"number of conditions holding [{inner}]"
    if isinstance(node, Aggregate):
        return _aggregate(node, subject, lang)
    raise TypeError(f"cannot render {type(node).__name__}")


_AGG_LABELS = {
    AggFunc.COUNT: ("记录数", "number of records"),
    AggFunc.SUM: ("合计", "sum"),
    AggFunc.MIN: ("最小值", "minimum"),
    AggFunc.MAX: ("最大值", "maximum"),
    AggFunc.MEAN: ("平均值", "mean"),
    AggFunc.WEIGHTED_MEAN: ("加权平均值", "weighted mean"),
    AggFunc.WEIGHTED_CV: ("加权差异系数", "weighted coefficient of variation"),
}


def _aggregate(node: Aggregate, subject: str, lang: str) -> str:
    zh, en = _AGG_LABELS[node.func]
    label = zh if lang == "zh" else en
    if node.item is None:
        return label
    item = render_expr(node.item, subject, lang)
    if node.weight is None:
        return f"{label}（{item}）" if lang == "zh" else f"{label} of ({item})"
    weight = render_expr(node.weight, subject, lang)
    return f"{label}（{item}，以{weight}加权）" if lang == "zh" else \
        f"{label} of ({item}) weighted by {weight}"


def render(node: Expr, subject: str) -> Text:
    return Text(render_expr(node, subject, "zh"), render_expr(node, subject, "en"))
