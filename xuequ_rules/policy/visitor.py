"""One traversal of the expression tree: :class:`ExprVisitor`, a typed fold.

Every view of a rule — the reference evaluator's closures, the sentences, the engines'
translations, the diff — is an ``ExprVisitor[T]`` with one method per node type;
:meth:`ExprVisitor.visit` dispatches on the node's type. The methods are abstract, so a
new node type is added here once (a class in :mod:`~xuequ_rules.policy.expr`, an entry in
:data:`NODE_TYPES`, an abstract method) and the type checker names every view that does
not handle it yet (an abstract class cannot be instantiated).

A view that gives meaning to only some nodes in some position (e.g. a translation that
has values and conditions) still implements every method, refusing the others itself.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from typing import Generic, TypeVar

from xuequ_rules.policy.expr import (
    Aggregate,
    Arith,
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
from xuequ_rules.policy.parameter import Parameter
from xuequ_rules.policy.sequence import Consecutive

T = TypeVar("T")

NODE_TYPES: dict[type[Expr], str] = {
    Parameter: "visit_parameter",
    Field: "visit_field",
    Const: "visit_const",
    Arith: "visit_arith",
    Compare: "visit_compare",
    Logic: "visit_logic",
    Not: "visit_not",
    IsIn: "visit_isin",
    Known: "visit_known",
    Length: "visit_length",
    CountTrue: "visit_count_true",
    Aggregate: "visit_aggregate",
    Consecutive: "visit_consecutive",
}
"""Every node type and the :class:`ExprVisitor` method that handles it."""


class ExprVisitor(ABC, Generic[T]):
    """A fold over expression trees: ``visit(node)`` calls ``visit_<type>(node)``."""

    def visit(self, node: Expr) -> T:
        name = NODE_TYPES.get(type(node))
        if name is None:   # a subclass of a node type is that node
            name = next((NODE_TYPES[t] for t in type(node).__mro__ if t in NODE_TYPES), None)
            if name is None:
                raise TypeError(f"unknown expression node {type(node).__name__}")
        result: T = getattr(self, name)(node)
        return result

    @abstractmethod
    def visit_parameter(self, node: Parameter) -> T: ...

    @abstractmethod
    def visit_field(self, node: Field) -> T: ...

    @abstractmethod
    def visit_const(self, node: Const) -> T: ...

    @abstractmethod
    def visit_arith(self, node: Arith) -> T: ...

    @abstractmethod
    def visit_compare(self, node: Compare) -> T: ...

    @abstractmethod
    def visit_logic(self, node: Logic) -> T: ...

    @abstractmethod
    def visit_not(self, node: Not) -> T: ...

    @abstractmethod
    def visit_isin(self, node: IsIn) -> T: ...

    @abstractmethod
    def visit_known(self, node: Known) -> T: ...

    @abstractmethod
    def visit_length(self, node: Length) -> T: ...

    @abstractmethod
    def visit_count_true(self, node: CountTrue) -> T: ...

    @abstractmethod
    def visit_aggregate(self, node: Aggregate) -> T: ...

    @abstractmethod
    def visit_consecutive(self, node: Consecutive) -> T: ...
