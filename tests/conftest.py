"""Shared fixtures: the seeds folder (when present) and loaded policies."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

# ../shared/seeds beside the checkout; XUEQU_SEEDS names another folder holding the captures.
SEEDS = Path(os.environ.get("XUEQU_SEEDS")
             or Path(__file__).resolve().parents[2] / "shared" / "seeds")


@pytest.fixture(scope="session")
def seeds() -> Path:
    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds is not present beside the repository")
    return SEEDS
