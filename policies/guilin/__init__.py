"""桂林市全面推进义务教育学区制管理改革实施方案（征求意见稿；采集稿截断，未写明发布机关和定稿）."""

from pathlib import Path

from xuequ_policies.guilin.rules import build

from xuequ_rules.policy.package import PolicyPackage

PACKAGE = PolicyPackage(name="guilin", root=Path(__file__).parent, builders={"draft-2018": build})
