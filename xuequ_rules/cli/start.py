"""The ``xuequ`` command's entry point: a process sized for one command.

* The cyclic collector: starting a command (the library, typer, pydantic's models, polars, a
  policy) allocates a few hundred thousand long-lived objects and almost no garbage cycles,
  yet the collector's default young generation (700 allocations) scans them again and again.
  The command enlarges the young generation, as the web server does
  (:data:`xuequ_rules.api.workers.SERVING_GC_THRESHOLD`); collections still run, and memory
  is still freed by reference counting as soon as an object is no longer used.
* The exit: once the command has finished (its files closed by their ``with`` blocks, its
  temporary files removed) and its output is flushed, the process ends at once with the
  command's exit code, instead of tearing down every module and object one by one and
  stopping polars' thread pool (about 0.2–0.4 s of CPU after the work is done). An error
  shown with ``--debug`` (a traceback) ends the ordinary way.
"""

from __future__ import annotations

import gc
import os
import sys

COMMAND_GC_THRESHOLD = (50_000, 20, 100)


def main() -> None:
    """Run ``xuequ`` (see :mod:`xuequ_rules.cli.app`)."""
    gc.set_threshold(*COMMAND_GC_THRESHOLD)
    from xuequ_rules.cli.app import main as run

    try:
        run()
        code = 0
    except SystemExit as exit_:
        code = exit_.code if isinstance(exit_.code, int) else (0 if exit_.code is None else 1)
        if not isinstance(exit_.code, int | None):
            print(exit_.code, file=sys.stderr)
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):   # a closed pipe: nothing more can be written
            code = code or 1
    os._exit(code)
