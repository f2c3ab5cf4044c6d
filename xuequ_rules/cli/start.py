"""The ``xuequ`` command's entry point: the cyclic collector sized for a short process.

Starting a command (the library, typer, pydantic's models, polars, a policy) allocates a few
hundred thousand long-lived objects and almost no garbage cycles, yet the collector's default
young generation (700 allocations) scans them again and again: about a fifth of the start-up's
CPU. The command enlarges the young generation, as the web server does
(:data:`xuequ_rules.api.workers.SERVING_GC_THRESHOLD`); collections still run, and memory is
still freed by reference counting as soon as an object is no longer used.
"""

from __future__ import annotations

import gc

COMMAND_GC_THRESHOLD = (50_000, 20, 100)


def main() -> None:
    """Run ``xuequ`` (see :mod:`xuequ_rules.cli.app`)."""
    gc.set_threshold(*COMMAND_GC_THRESHOLD)
    from xuequ_rules.cli.app import main as run

    run()
