"""昌平区加快推进义务教育优质均衡发展实施方案（家长网站转载稿；无文号、无日期）."""

from pathlib import Path

from xuequ_policies.changping.rules import build

from xuequ_rules.policy.package import PolicyPackage

PACKAGE = PolicyPackage(name="changping", root=Path(__file__).parent, builders={"2020": build})
