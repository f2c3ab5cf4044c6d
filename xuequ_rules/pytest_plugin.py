"""pytest plugin: a policy package's case files run as tests under its own pytest.

Enabled by the ``pytest11`` entry point of xuequ-rules; it collects ``cases/*.yaml`` only
where the project asks for it, with ``xuequ_cases = true`` in its pytest configuration (the
packages ``xuequ new`` writes do).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from xuequ_rules.cases import CASE_SUFFIXES, run_case


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addini("xuequ_cases", "collect cases/*.yaml as xuequ case files", type="bool",
                  default=False)


def pytest_collect_file(parent: pytest.Collector, file_path: Path) -> pytest.File | None:
    if (file_path.suffix in CASE_SUFFIXES and file_path.parent.name == "cases"
            and parent.config.getini("xuequ_cases")):
        return CaseFileNode.from_parent(parent, path=file_path)
    return None


class CaseFailed(Exception):
    """A case's findings differ from its expectations."""


class CaseFileNode(pytest.File):
    def collect(self) -> Iterator[pytest.Item]:
        yield CaseItem.from_parent(self, name=self.path.stem)


class CaseItem(pytest.Item):
    def runtest(self) -> None:
        result = run_case(self.path)
        if not result.passed:
            raise CaseFailed("\n".join(result.failures))

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException],
                     style: Any = None) -> str:
        if isinstance(excinfo.value, CaseFailed):
            return f"{self.path.name}:\n{excinfo.value}"
        return str(super().repr_failure(excinfo))

    def reportinfo(self) -> tuple[Path, int, str]:
        return self.path, 0, f"case {self.path.name}"
