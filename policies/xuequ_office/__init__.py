"""学区机关管理制度（某学区机关的工作制度；文档分享网站采集稿，截断于第八条；制定学区和日期不详）."""

from pathlib import Path

from xuequ_policies.xuequ_office.rules import build

from xuequ_rules.policy.package import PolicyPackage

PACKAGE = PolicyPackage(name="xuequ_office", root=Path(__file__).parent,
                        builders={"capture": build})
