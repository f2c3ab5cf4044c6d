"""Write an installable policy package from a raw capture (``xuequ new``).

The package (distribution ``xuequ-policy-<name>``, module ``xuequ_policy_<name>``) holds
pyproject.toml with the ``xuequ_rules.policies`` entry point and the package data, the module
exposing ``PACKAGE``, document.yaml, source/<version>/{text.txt, provenance.yaml,
errata.yaml}, rules.py and cases/, plus schemas/ for the editor.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from xuequ_rules.authoring.capture import Layout, propose_layout
from xuequ_rules.authoring.files import (
    document_yaml,
    errata_yaml,
    provenance_yaml,
    stray_space_repairs,
)
from xuequ_rules.authoring.metadata import MetadataProposal, propose_metadata
from xuequ_rules.authoring.proposals import (
    ProposedDuty,
    ProposedNarrative,
    ProposedParameter,
    propose_duties,
    propose_numbers,
)
from xuequ_rules.authoring.rules_source import facts_source, rules_source
from xuequ_rules.authoring.schemas import SCHEMAS, schema
from xuequ_rules.document.document import load_document, load_metadata
from xuequ_rules.document.source import capture_lines
from xuequ_rules.errors import XuequError

_NAME = re.compile(r"^[a-z][a-z0-9_]{1,40}$")


@dataclass(frozen=True, slots=True)
class Scaffold:
    root: Path                  # the project folder (pyproject.toml)
    package_dir: Path           # the module folder
    layout: Layout
    metadata: MetadataProposal
    parameters: tuple[ProposedParameter, ...]
    narratives: tuple[ProposedNarrative, ...]
    duties: tuple[ProposedDuty, ...]
    errata: int


def _pyproject(name: str, module: str) -> str:
    return f'''[build-system]
requires = ["setuptools>=69", "wheel"]
build-backend = "setuptools.build_meta"

[project]
name = "xuequ-policy-{name.replace("_", "-")}"
version = "0.1.0"
description = "Policy package {name} for xuequ-rules"
requires-python = ">=3.11"
dependencies = ["xuequ-rules"]

[project.entry-points."xuequ_rules.policies"]
{name} = "{module}:PACKAGE"

[tool.setuptools]
packages = ["{module}"]

[tool.setuptools.package-data]
"{module}" = ["document.yaml", "source/*/*.txt", "source/*/*.yaml", "cases/*.yaml"]

[tool.pytest.ini_options]
# the xuequ pytest plugin collects cases/*.yaml as tests
testpaths = ["{module}/cases"]
xuequ_cases = true
'''


def _init(name: str, title: str, version: str) -> str:
    return f'''"""{title}."""

from pathlib import Path

from xuequ_rules.policy.package import PolicyPackage

from .rules import build

PACKAGE = PolicyPackage(name={name!r}, root=Path(__file__).parent, builders={{{version!r}: build}})
'''


def _line_map(layout: Layout) -> dict[int, int]:
    mapping: dict[int, int] = {}
    for first, last in layout.kept_lines():
        for n in range(first, last + 1):
            mapping[n] = len(mapping) + 1
    return mapping


def _version(meta: MetadataProposal) -> str:
    for role in ("issued", "written", "published"):
        if role in meta.dates:
            return str(meta.dates[role].value.year)
    return "draft" if meta.draft else "capture"


def scaffold(name: str, capture_path: Path, out: Path, version: str | None = None,
             select: tuple[int, int] | None = None) -> Scaffold:
    """Write the package for ``name`` from ``capture_path`` into ``out`` (a new folder)."""
    if not _NAME.match(name):
        raise XuequError(f"政策名“{name}”无效：应为小写字母开头的字母、数字和下划线",
                         f"invalid policy name {name!r}: lower-case letters, digits, underscores",
                         field="name")
    if out.exists() and any(out.iterdir()):
        raise XuequError(f"目标目录 {out} 已存在且不为空", f"target folder {out} exists and is "
                         "not empty", field="--out")
    capture = capture_path.read_text(encoding="utf-8")
    try:
        layout = propose_layout(capture, select)
    except ValueError as exc:
        raise XuequError(f"无法划分采集稿：{exc}", f"cannot lay out the capture: {exc}",
                         field="--lines") from None
    meta = propose_metadata(capture, layout, select)
    ver = version or _version(meta)
    module = f"xuequ_policy_{name}"
    package_dir = out / module
    source_dir = package_dir / "source" / ver
    source_dir.mkdir(parents=True)
    (package_dir / "cases").mkdir()
    (out / "schemas").mkdir()
    for what in SCHEMAS:
        (out / "schemas" / f"{what}.schema.json").write_text(
            json.dumps(schema(what), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    text = capture_lines(capture, layout.kept_lines())
    (source_dir / "text.txt").write_text(text, encoding="utf-8")
    (source_dir / "provenance.yaml").write_text(
        provenance_yaml(capture_path.name, capture, layout, "../../../schemas"), encoding="utf-8")
    lines = capture.splitlines()
    line_map = _line_map(layout)
    repairs = [*meta.repairs, *stray_space_repairs(lines, sorted(line_map))]
    errata = errata_yaml(repairs, line_map, text.splitlines(), "../../../schemas")
    (source_dir / "errata.yaml").write_text(errata, encoding="utf-8")
    (package_dir / "document.yaml").write_text(document_yaml(meta, ver, "../schemas"),
                                               encoding="utf-8")
    metadata = load_metadata(package_dir)
    document = load_document(name, package_dir, metadata.current_version, metadata)
    params, narratives, terms = propose_numbers(document, name)
    duties = propose_duties(document, name)
    (package_dir / "facts.py").write_text(facts_source(name, meta.title), encoding="utf-8")
    (package_dir / "rules.py").write_text(
        rules_source(name, meta.title, params, narratives, duties, terms), encoding="utf-8")
    (package_dir / "__init__.py").write_text(_init(name, meta.title, ver), encoding="utf-8")
    (out / "pyproject.toml").write_text(_pyproject(name, module), encoding="utf-8")
    (package_dir / "cases" / "README.md").write_text(
        "Case files (`*.yaml`): a scenario and the findings the text requires; run them with "
        f"`xuequ test {name}` or `pytest`. Schema: `xuequ schema case`.\n", encoding="utf-8")
    return Scaffold(out, package_dir, layout, meta, tuple(params), tuple(narratives),
                    tuple(duties), errata.count("\n- id:") + errata.startswith("- id:"))
