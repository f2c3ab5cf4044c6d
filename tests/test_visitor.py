"""One traversal of the rule tree: every node type has one method in ExprVisitor."""

from __future__ import annotations

import inspect

import pytest

import xuequ_rules.policy.expr as expr_module
import xuequ_rules.policy.sequence as sequence_module
from xuequ_rules.policy.expr import Const, Expr, f
from xuequ_rules.policy.parameter import Parameter
from xuequ_rules.policy.visitor import NODE_TYPES, ExprVisitor


def test_every_expression_node_type_has_its_visitor_method() -> None:
    node_types = {cls for module in (expr_module, sequence_module)
                  for _, cls in inspect.getmembers(module, inspect.isclass)
                  if issubclass(cls, Expr) and cls is not Expr} | {Parameter}
    assert set(NODE_TYPES) == node_types
    for name in NODE_TYPES.values():
        assert name in ExprVisitor.__abstractmethods__


def test_a_view_missing_a_node_type_cannot_be_built() -> None:
    class Partial(ExprVisitor[str]):
        def visit_const(self, node: Const) -> str:
            return str(node.value)

    with pytest.raises(TypeError, match="abstract"):
        Partial()  # type: ignore[abstract]


def test_visit_dispatches_on_the_node_type() -> None:
    class Names(ExprVisitor[str]):
        def __getattribute__(self, name: str):  # every visit_* answers its own name
            if name.startswith("visit_"):
                return lambda node: name
            return object.__getattribute__(self, name)

    Names.__abstractmethods__ = frozenset()
    assert Names().visit(f.rotated >= 1) == "visit_compare"
    assert Names().visit(f.rotated) == "visit_field"
