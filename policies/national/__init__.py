"""县域义务教育优质均衡发展督导评估办法（教督〔2017〕6号）的资源配置七项指标（据二手文本转录）."""

from pathlib import Path

from xuequ_policies.national.build import build

from xuequ_rules.policy.package import PolicyPackage

PACKAGE = PolicyPackage(name="national", root=Path(__file__).parent, builders={"2017": build})
