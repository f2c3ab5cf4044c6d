"""Case files: a scenario and the findings it must produce, in YAML (or JSON).

```yaml
policy: liujiang@2018        # name or name@version
as_of: 2019-12-31
description: 轮岗比例恰好为10%
what_if: false               # 可选：按文件有效评估 / optional: as if in force
facts:
  teacher_exchanges:
    - {id: "2019", eligible: 100, rotated: 10, backbone_rotated: 2}
expect:
  - rule: liujiang.teacher_exchange.min_share
    record: teacher_exchanges[2019]     # optional
    status: satisfied
  - rule: liujiang.teacher_exchange.backbone_share
    status: violated
```
Run them with ``pytest`` (tests/test_cases.py collects ``policies/*/cases/*.yaml`` and
``tests/cases/*.yaml``) or with :func:`run_case`. The JSON Schema is :func:`case_schema`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from xuequ_rules.errors import FactsError
from xuequ_rules.evaluation import Evaluation, Status, evaluate
from xuequ_rules.facts.loader import facts_error, parse_facts, read_data_file
from xuequ_rules.registry import load_policy


class ExpectedFinding(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    rule: str = Field(min_length=1, title="规则标识", description="rule id")
    record: str | None = Field(default=None, title="对象", description="record, e.g. zones[z1]")
    status: Status = Field(title="结论", description="expected status")
    decision: str | None = Field(default=None, title="决定",
                                 description="expected decision outcome code")


class CaseFile(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    policy: str = Field(min_length=1, title="政策", description="policy name or name@version")
    as_of: dt.date = Field(title="评估日期", description="evaluation date")
    description: str | None = Field(default=None, title="说明", description="what the case shows")
    what_if: bool = Field(default=False, title="假设评估",
                          description="evaluate as if the document were in force (a draft, or "
                          "records outside its period)")
    facts: dict[str, Any] = Field(title="事实", description="the scenario (see the facts schema)")
    expect: list[ExpectedFinding] = Field(min_length=1, title="预期结论",
                                          description="expected findings")


@dataclass(frozen=True, slots=True)
class CaseResult:
    case: CaseFile
    evaluation: Evaluation
    failures: tuple[str, ...]

    @property
    def passed(self) -> bool:
        return not self.failures


def load_case(path: Path) -> CaseFile:
    data = read_data_file(path)
    if not isinstance(data, dict):
        raise FactsError(f"{path.name} 应为对象", f"{path.name} must be a mapping", field="(root)")
    try:
        return CaseFile.model_validate(data)
    except ValidationError as exc:
        raise facts_error(exc, path.name) from None


def run_case(case: CaseFile | Path) -> CaseResult:
    """Evaluate a case and compare with its expectations (every expectation must match)."""
    loaded = load_case(case) if isinstance(case, Path) else case
    policy = load_policy(loaded.policy)
    facts = parse_facts(loaded.facts, source="facts", policy=policy)
    result = evaluate(policy, facts, as_of=loaded.as_of, what_if=loaded.what_if)
    failures: list[str] = []
    for expected in loaded.expect:
        policy.rule(expected.rule)
        found = [f for f in result.for_rule(expected.rule)
                 if expected.record is None or f.record == expected.record]
        if not found:
            failures.append(f"{expected.rule} {expected.record or ''}: 没有结论 / no finding")
            continue
        for finding in found:
            if finding.status is not expected.status:
                failures.append(f"{expected.rule} {finding.record}: 预期 expected "
                                f"{expected.status.value}, 实际 got {finding.status.value}")
            if expected.decision is not None and (
                    finding.decision is None or finding.decision.code != expected.decision):
                got = finding.decision.code if finding.decision else None
                failures.append(f"{expected.rule} {finding.record}: 预期决定 expected decision "
                                f"{expected.decision}, 实际 got {got}")
    return CaseResult(loaded, result, tuple(failures))


CASE_SUFFIXES = (".yaml", ".yml", ".json")


def is_case_data(data: object) -> bool:
    """Whether loaded data is a case file (a policy, expectations) rather than facts."""
    return isinstance(data, dict) and "expect" in data and "policy" in data


def case_paths(targets: list[str]) -> list[Path]:
    """The case files named by ``targets``: files, folders (their case files) or policy
    names (the ``cases/`` folder of the package); no target means every installed policy."""
    from xuequ_rules.registry import package, packages

    paths: list[Path] = []
    installed = packages()
    for target in targets or list(installed):
        path = Path(target)
        if target.partition("@")[0] in installed and not path.is_file():
            folder = package(target.partition("@")[0]).root / "cases"
            paths.extend(_cases_in(folder) if folder.is_dir() else [])
        elif path.is_file():
            paths.append(path)
        elif path.is_dir():
            paths.extend(_cases_in(path))
        else:
            package(target.partition("@")[0])   # an unknown name: the error suggests names
    return paths


def _cases_in(folder: Path) -> list[Path]:
    """Case files directly in ``folder`` and in any ``cases/`` folder below it."""
    direct = [p for p in folder.iterdir() if p.suffix in CASE_SUFFIXES and p.is_file()]
    below = [p for p in folder.rglob("*") if p.suffix in CASE_SUFFIXES and p.is_file()
             and p.parent.name == "cases" and p.parent != folder]
    return sorted(set(direct + below))


def case_schema() -> dict[str, Any]:
    """JSON Schema of the case format (its ``facts`` follow the facts schema)."""
    return CaseFile.model_json_schema()
