"""曹县师范学校附属小学学生管理制度（三次采集，均截断；无日期、无文号）.

All three captures share one build function; it reads each capture's own text, so the
entry grade and age (一年级/6周岁 in captures 1 and 3, 六年级/12周岁 in capture 2) and the
provisions present (the captures are cut off at different points) follow that capture.
"""

from pathlib import Path

from xuequ_policies.caoxian.build import build

from xuequ_rules.policy.package import PolicyPackage

PACKAGE = PolicyPackage(name="caoxian", root=Path(__file__).parent,
                        builders={"capture-1": build, "capture-2": build, "capture-3": build})
