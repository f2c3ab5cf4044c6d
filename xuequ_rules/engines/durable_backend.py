"""The durable_rules backend (see :mod:`xuequ_rules.engines.durable`), under its public name."""

from __future__ import annotations

from xuequ_rules.engines import durable
from xuequ_rules.engines.durable import *  # noqa: F403

__all__ = durable.__all__
