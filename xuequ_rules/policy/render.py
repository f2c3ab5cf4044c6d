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
    BoolOp,
    Compare,
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
from xuequ_rules.policy.operators import ARITH_SYMBOLS, COMPARE_SYMBOLS
from xuequ_rules.policy.parameter import Parameter
from xuequ_rules.policy.rule import ATTESTATIONS
from xuequ_rules.policy.sequence import Consecutive
from xuequ_rules.policy.visitor import ExprVisitor
from xuequ_rules.text import Text


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


class _Sentence(ExprVisitor[str]):
    """An expression as text in one language, about the records of ``subject``."""

    def __init__(self, subject: str, lang: str) -> None:
        self.subject = subject
        self.zh = lang == "zh"

    def visit_parameter(self, node: Parameter) -> str:
        if self.zh:
            return f"{node.display_value}（{node.label.zh}）"
        return f"{node.display_value} ({node.label.en})"

    def visit_field(self, node: Field) -> str:
        return _field(node, self.subject, "zh" if self.zh else "en")

    def visit_const(self, node: Const) -> str:
        return format_value(node.value)

    def visit_arith(self, node: Arith) -> str:
        return f"{self.visit(node.left)} {ARITH_SYMBOLS[node.op]} {self.visit(node.right)}"

    def visit_compare(self, node: Compare) -> str:
        return f"{self.visit(node.left)} {COMPARE_SYMBOLS[node.op]} {self.visit(node.right)}"

    def visit_logic(self, node: Logic) -> str:
        conj = node.op is BoolOp.AND
        joiner = ("，且 " if conj else "，或 ") if self.zh else (" and " if conj else " or ")
        return joiner.join(f"({self.visit(item)})" if isinstance(item, Logic)
                           else self.visit(item) for item in node.items)

    def visit_not(self, node: Not) -> str:
        inner = self.visit(node.item)
        return f"并非（{inner}）" if self.zh else f"not ({inner})"

    def visit_isin(self, node: IsIn) -> str:
        inner = self.visit(node.item)
        values = "、".join(format_value(v) for v in node.values)
        if node.open:
            return (f"{inner} 属于 {{{values}}}等（开放列举）" if self.zh
                    else f"{inner} is one of {{{values}}} or another (open list)")
        return f"{inner} 属于 {{{values}}}" if self.zh else f"{inner} is one of {{{values}}}"

    def visit_known(self, node: Known) -> str:
        inner = self.visit(node.item)
        return f"已提供 {inner}" if self.zh else f"{inner} is given"

    def visit_length(self, node: Length) -> str:
        inner = self.visit(node.item)
        return f"{inner} 的数量" if self.zh else f"number of {inner}"

    def visit_count_true(self, node: CountTrue) -> str:
        inner = "；".join(self.visit(item) for item in node.items)
        return f"下列条件中成立的个数［{inner}］" if self.zh else \
            f"number of conditions holding [{inner}]"

    def visit_aggregate(self, node: Aggregate) -> str:
        zh, en = _AGG_LABELS[node.func]
        label = zh if self.zh else en
        if node.item is None:
            return label
        item = self.visit(node.item)
        if node.weight is None:
            return f"{label}（{item}）" if self.zh else f"{label} of ({item})"
        weight = self.visit(node.weight)
        return f"{label}（{item}，以{weight}加权）" if self.zh else \
            f"{label} of ({item}) weighted by {weight}"

    def visit_consecutive(self, node: Consecutive) -> str:
        condition, count = self.visit(node.condition), self.visit(node.count)
        per, order = self.visit(node.per), self.visit(node.order)
        if self.zh:
            return f"同一{per}在连续的{order}中：{condition}（连续次数：{count}）"
        return f"{condition}, in consecutive {order}s of the same {per} (times running: {count})"


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
    text = _Sentence(subject, lang).visit(node)
    if len(_RENDERED) < _RENDERED_MAX:
        _RENDERED[key] = (node, text)
    return text


_AGG_LABELS = {
    AggFunc.COUNT: ("记录数", "number of records"),
    AggFunc.SUM: ("合计", "sum"),
    AggFunc.MIN: ("最小值", "minimum"),
    AggFunc.MAX: ("最大值", "maximum"),
    AggFunc.MEAN: ("平均值", "mean"),
    AggFunc.WEIGHTED_MEAN: ("加权平均值", "weighted mean"),
    AggFunc.WEIGHTED_CV: ("加权差异系数", "weighted coefficient of variation"),
}


def render(node: Expr, subject: str) -> Text:
    return Text(render_expr(node, subject, "zh"), render_expr(node, subject, "en"))
