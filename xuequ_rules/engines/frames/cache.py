"""A small, bounded, thread-safe cache of work compiled for one policy object.

Entries are keyed on the policy's identity and the caller's key (collection, input schema,
date, mode). An entry keeps its policy alive, so an identity is never reused for another
policy while its entry is kept; the oldest entry is dropped when the cache is full.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

from xuequ_rules.policy.policy import Policy

T = TypeVar("T")


class PolicyCache(Generic[T]):
    """Values built once per policy object and key, at most ``size`` of them kept."""

    def __init__(self, size: int) -> None:
        self._size = size
        self._entries: OrderedDict[tuple[int, Hashable], tuple[Policy, T]] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, policy: Policy, key: Hashable, build: Callable[[], T]) -> T:
        """The value kept for ``policy`` and ``key``, built by ``build()`` on first use.

        ``build`` runs outside the lock: two threads asking at once may both build, and the
        first value stored is the one kept and returned to both.
        """
        full = (id(policy), key)
        with self._lock:
            found = self._entries.get(full)
            if found is not None and found[0] is policy:
                self._entries.move_to_end(full)
                return found[1]
        value = build()
        with self._lock:
            found = self._entries.get(full)
            if found is not None and found[0] is policy:
                return found[1]
            self._entries[full] = (policy, value)
            self._entries.move_to_end(full)
            while len(self._entries) > self._size:
                self._entries.popitem(last=False)
        return value

    def __len__(self) -> int:
        return len(self._entries)

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()
