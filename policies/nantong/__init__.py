"""市政府关于深入推进市区义务教育优质均衡发展的实施意见（通政发〔2013〕51号）."""

from pathlib import Path

from xuequ_policies.nantong.rules import build

from xuequ_rules.policy.package import PolicyPackage

PACKAGE = PolicyPackage(name="nantong", root=Path(__file__).parent, builders={"2013": build})
