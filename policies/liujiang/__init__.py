"""柳州市柳江区全面推进义务教育学区制管理改革实施方案（江政规〔2018〕1号）."""

from pathlib import Path

from xuequ_policies.liujiang.rules import build

from xuequ_rules.policy.package import PolicyPackage

PACKAGE = PolicyPackage(name="liujiang", root=Path(__file__).parent, builders={"2018": build})
