"""柳江区学区制管理改革实施方案: status and period of validity, read from the text."""

from __future__ import annotations

import datetime as dt

from xuequ_rules.policy.dsl import Cite, DocumentFinding, Validity, zh_en

C = Cite

NONE_STATED = DocumentFinding(
    "liujiang.validity.none_stated", "no_validity",
    zh_en("文件未写明有效期；本库按实施步骤第三阶段（2018年1月至2020年8月）的结束读作2020年8月31日届满，此后日期的记录标为已失效",
          "the document states no period of validity; the library reads its end from the last phase of its schedule (phase 3, January 2018 to August 2020) as 2020-08-31, and marks records dated after it as no longer in force"),
    (C("四", "学区制改革主要分三个阶段进行实施"),))

VALID_FROM: dt.date | None = dt.date(2018, 1, 25)
VALID_UNTIL: dt.date | None = dt.date(2020, 8, 31)

VALIDITY = Validity(
    zh_en("印发通知要求“认真贯彻执行”，自2018年1月25日印发起施行；实施步骤止于第三阶段“2018年1月至2020年8月”，故读作2020年8月31日届满失效",
          "the notice of issue asks for implementation, so the plan applied from its issue on 2018-01-25; its schedule ends with phase 3 (January 2018 to August 2020), so it is read as lapsed after 2020-08-31"),
    cites=(C("序", "请认真贯彻执行"), C("四", "第三阶段:组织实施、整改提升阶段。(2018 1 月至2020 8月)")),
    none_stated=NONE_STATED)
