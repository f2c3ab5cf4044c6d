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
    Consecutive,
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

T = TypeVar("T")

NODE_TYPES: dict[type[Expr], str] = {
    Parameter: "parameter",
    Field: "field",
    Const: "const",
    Arith: "arith",
    Compare: "compare",
    Logic: "logic",
    Not: "not_",
    IsIn: "isin",
    Known: "known",
    Length: "length",
    CountTrue: "count_true",
    Aggregate: "aggregate",
    Consecutive: "consecutive",
}
"""Every node type and the :class:`ExprVisitor` method that handles it."""


class ExprVisitor(ABC, Generic[T]):
    """A fold over expression trees: ``visit(node)`` calls the method for the node's type."""

    def visit(self, node: Expr) -> T:
        name = NODE_TYPES.get(type(node))
        if name is None:   # a subclass of a node type is that node
            name = next((NODE_TYPES[t] for t in type(node).__mro__ if t in NODE_TYPES), None)
            if name is None:
                raise TypeError(f"unknown expression node {type(node).__name__}")
        result: T = getattr(self, name)(node)
        return result

    @abstractmethod
    def parameter(self, node: Parameter) -> T: ...

    @abstractmethod
    def field(self, node: Field) -> T: ...

    @abstractmethod
    def const(self, node: Const) -> T: ...

    @abstractmethod
    def arith(self, node: Arith) -> T: ...

    @abstractmethod
    def compare(self, node: Compare) -> T: ...

    @abstractmethod
    def logic(self, node: Logic) -> T: ...

    @abstractmethod
    def not_(self, node: Not) -> T: ...

    @abstractmethod
    def isin(self, node: IsIn) -> T: ...

    @abstractmethod
    def known(self, node: Known) -> T: ...

    @abstractmethod
    def length(self, node: Length) -> T: ...

    @abstractmethod
    def count_true(self, node: CountTrue) -> T: ...

    @abstractmethod
    def aggregate(self, node: Aggregate) -> T: ...

    @abstractmethod
    def consecutive(self, node: Consecutive) -> T: ...
