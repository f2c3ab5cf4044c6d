"""A fictitious district's policy package, published outside xuequ-rules (for tests)."""

from pathlib import Path

from xuequ_demo_district.rules import build
from xuequ_rules.policy.package import PolicyPackage

PACKAGE = PolicyPackage(name="demo_district", root=Path(__file__).parent,
                        builders={"2026": build})
