"""学区机关管理制度: status and period of validity, read from the text."""

from __future__ import annotations

import datetime as dt

from xuequ_rules.policy.dsl import Cite, DocumentFinding, Validity, zh_en

C = Cite

NONE_STATED = DocumentFinding(
    "xuequ_office.validity.none_stated", "no_validity",
    zh_en("采集稿没有制定日期、施行日期或有效期；本制度依据镇教体〔2016〕113号制定，故不早于2016年，本库自2016年起适用，更早日期的记录标为未生效；效力状态不明",
          "the capture gives no date of making, no effective date and no period of validity; the rules are made under 镇教体〔2016〕113号, so not before 2016: the library applies them from 2016 and marks records dated earlier not yet in force; their status is unknown"),
    (C("序", "学区机关管理制度"),))

VALID_FROM: dt.date | None = dt.date(2016, 1, 1)
VALID_UNTIL: dt.date | None = None

VALIDITY = Validity(
    zh_en("依据镇教体〔2016〕113号制定，故不早于2016年；效力状态不明",
          "made under 镇教体〔2016〕113号, so not before 2016; status unknown"),
    cites=(C("序", "镇教体〔2016〕113号"),),
    none_stated=NONE_STATED)
