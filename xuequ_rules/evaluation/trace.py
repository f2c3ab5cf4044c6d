"""A finding's trace: the comparisons an evaluation made, possibly computed when first read.

Engines that decide a rule elsewhere (durable_rules, polars, SQL) still explain their
findings with the reference evaluator's steps; :class:`DeferredTrace` computes those steps
for the matched record only when the explanation is read, so that deciding many records
costs nothing extra. It is an immutable sequence: reading it twice gives the same steps.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import Any, TypeAlias, overload

from xuequ_rules.policy.expr import Expr

TraceStep: TypeAlias = tuple[Expr, Any, Any, Any]
"""One step: the node, its left value, its right value, and its result."""


class DeferredTrace(Sequence[TraceStep]):
    """The steps returned by ``compute()``, called once, on first read."""

    __slots__ = ("_compute", "_steps")

    def __init__(self, compute: Callable[[], tuple[TraceStep, ...]]) -> None:
        self._compute: Callable[[], tuple[TraceStep, ...]] | None = compute
        self._steps: tuple[TraceStep, ...] | None = None

    def steps(self) -> tuple[TraceStep, ...]:
        if self._steps is None:
            assert self._compute is not None
            self._steps, self._compute = self._compute(), None
        return self._steps

    @overload
    def __getitem__(self, index: int) -> TraceStep: ...

    @overload
    def __getitem__(self, index: slice) -> tuple[TraceStep, ...]: ...

    def __getitem__(self, index: int | slice) -> TraceStep | tuple[TraceStep, ...]:
        return self.steps()[index]

    def __len__(self) -> int:
        return len(self.steps())

    def __iter__(self) -> Iterator[TraceStep]:
        return iter(self.steps())

    def __eq__(self, other: object) -> bool:
        if isinstance(other, DeferredTrace):
            return self.steps() == other.steps()
        return isinstance(other, tuple) and self.steps() == other

    def __hash__(self) -> int:
        return hash(self.steps())

    def __repr__(self) -> str:
        return "DeferredTrace(pending)" if self._steps is None else f"DeferredTrace({self._steps!r})"
