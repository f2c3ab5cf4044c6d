"""The value of ``x / 0``: *undefined*, neither known nor unknown (a requirement that divides
by zero does not apply)."""

from __future__ import annotations

from typing import Any


class _Undefined:
    __slots__ = ()

    def __repr__(self) -> str:
        return "UNDEFINED"


UNDEFINED: Any = _Undefined()
