"""Printing: JSON for machines, rich for people, one bilingual line for errors."""

from __future__ import annotations

import json
import sys
from typing import Any

from rich.console import Console

console = Console(highlight=False, soft_wrap=True)
errors = Console(stderr=True, highlight=False, soft_wrap=True)


def print_json(data: Any) -> None:
    """Deterministic JSON: the same input always gives the same bytes."""
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
