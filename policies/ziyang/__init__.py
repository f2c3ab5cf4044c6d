"""紫阳县全面推进紧密型城乡教育共同体建设实施方案（紫办字〔2024〕98号）."""

from pathlib import Path

from xuequ_policies.ziyang.rules import build

from xuequ_rules.policy.package import PolicyPackage

PACKAGE = PolicyPackage(name="ziyang", root=Path(__file__).parent, builders={"2024": build})
