"""昌平区义务教育优质均衡发展实施方案: status and period of validity, read from the text."""

from __future__ import annotations

import datetime as dt

from xuequ_rules.policy.dsl import Cite, DocumentFinding, Validity, zh_en

C = Cite

NONE_STATED = DocumentFinding(
    "changping.validity.none_stated", "no_validity",
    zh_en("采集稿没有任何日期，也未写明施行日期和有效期；本库以正文提到的全国教育大会（2018年9月10日召开）为最早可能的适用日期，更早日期的记录标为未生效；效力状态不明",
          "the capture carries no date and states no effective date or period of validity; the library takes the National Education Conference the text invokes (held 2018-09-10) as the earliest date the plan can apply, and marks records dated before it not yet in force; its status is unknown"),
    (C("序", "昌平区加快推进义务教育优质均衡发展实施方案"),))

VALID_FROM: dt.date | None = dt.date(2018, 9, 10)
VALID_UNTIL: dt.date | None = None

VALIDITY = Validity(
    zh_en("正文要求“深入贯彻落实全国教育大会精神”（该会2018年9月10日召开），故方案不早于该日；目标年为2020年，但文件未规定期限，故不读作届满",
          "the text invokes the spirit of the National Education Conference (held 2018-09-10), so the plan is no earlier than that day; its targets are for 2020 but it sets no term, so no end is read"),
    cites=(C("一", "深入贯彻落实全国教育大会精神"),),
    none_stated=NONE_STATED)
