"""Evaluation off the event loop: a bounded pool of worker threads with a time limit.

The event loop only reads requests and writes answers; parsing a body and evaluating it run
in at most ``workers`` threads. At most ``queue`` more requests wait for a thread; beyond
that the answer is at once 503 (busy, retry later). A request whose evaluation takes longer
than ``time_limit`` seconds is answered 503 (time limit) while its thread finishes in the
background, still counted against the pool, so a flood of slow requests cannot pile up work.
"""

from __future__ import annotations

import asyncio
import gc
import os
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import TypeVar

from xuequ_rules.errors import XuequError

T = TypeVar("T")

DEFAULT_WORKERS = max(1, min(4, os.cpu_count() or 1))
DEFAULT_QUEUE = 64
DEFAULT_TIME_LIMIT = 10.0


# The server allocates many short-lived objects per request (a 2 MiB body gives tens of
# thousands of findings) and few reference cycles: a larger young generation cuts the cyclic
# collector's share of a large request by about a third; memory is still freed by reference
# counting as each answer is sent.
SERVING_GC_THRESHOLD = (50_000, 20, 100)


def tune_for_serving() -> None:
    """When the server starts: startup objects (loaded policies) move to the permanent
    generation, and the young generation is enlarged (:data:`SERVING_GC_THRESHOLD`)."""
    gc.collect()
    gc.freeze()
    gc.set_threshold(*SERVING_GC_THRESHOLD)


class Unavailable(XuequError):
    """The server cannot take the request now (pool full or time limit): HTTP 503."""

    retry_after = 1


class EvaluationPool:
    def __init__(self, workers: int = DEFAULT_WORKERS, queue: int = DEFAULT_QUEUE,
                 time_limit: float = DEFAULT_TIME_LIMIT) -> None:
        self.workers = workers
        self.capacity = workers + queue
        self.time_limit = time_limit
        self.pending = 0
        self._executor = ThreadPoolExecutor(max_workers=workers,
                                            thread_name_prefix="xuequ-evaluate")

    def _done(self, _: object) -> None:
        self.pending -= 1

    async def run(self, work: Callable[[], T]) -> T:
        if self.pending >= self.capacity:
            raise Unavailable(f"服务繁忙：{self.pending} 个评估正在进行或排队，请稍后重试",
                              f"server busy: {self.pending} evaluations running or queued; "
                              f"retry later", field="server")
        loop = asyncio.get_running_loop()
        self.pending += 1
        future = loop.run_in_executor(self._executor, work)
        future.add_done_callback(self._done)
        try:
            return await asyncio.wait_for(asyncio.shield(future), self.time_limit)
        except TimeoutError:
            raise Unavailable(f"评估超过时间上限（{self.time_limit:g} 秒），请减少事实的规模后重试",
                              f"evaluation exceeded the time limit ({self.time_limit:g} s); "
                              f"send fewer facts or retry later", field="body") from None

    def shutdown(self) -> None:
        self._executor.shutdown(wait=False, cancel_futures=True)
