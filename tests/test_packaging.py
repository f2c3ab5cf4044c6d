"""A plain (non-editable) install ships the policies and their source texts."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_wheel_contains_policy_packages_sources_and_entry_points(tmp_path):
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps",
                    "-q", "-w", str(tmp_path), str(ROOT)], check=True, timeout=300)
    (wheel,) = tmp_path.glob("xuequ_rules-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "xuequ_rules/py.typed" in names
    assert "xuequ_rules/sitegen/mkdocs-base.yml" in names              # the site's configuration
    assert "xuequ_rules/sitegen/handwritten/index.md" in names         # and its home page
    for policy in ("liujiang", "ziyang", "nantong"):
        assert f"xuequ_policies/{policy}/__init__.py" in names
        assert f"xuequ_policies/{policy}/document.yaml" in names
        assert any(n.startswith(f"xuequ_policies/{policy}/source/") and n.endswith("text.txt")
                   for n in names)
    entry_points = next(n for n in names if n.endswith("entry_points.txt"))
    text = zipfile.ZipFile(wheel).read(entry_points).decode()
    assert "[xuequ_rules.policies]" in text and "liujiang = xuequ_policies.liujiang:PACKAGE" in text


def test_every_python_package_in_the_tree_is_listed_in_pyproject():
    import tomllib

    listed = set(tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]
                 ["packages"])
    found = {".".join(p.parent.relative_to(ROOT).parts)
             for p in (ROOT / "xuequ_rules").rglob("__init__.py")}
    found |= {".".join(("xuequ_policies", *p.parent.relative_to(ROOT / "policies").parts))
              .rstrip(".") for p in (ROOT / "policies").rglob("__init__.py")}
    data_only = {"xuequ_rules.sitegen.handwritten"}   # docs/: the site's hand-written pages
    assert found == listed - data_only
