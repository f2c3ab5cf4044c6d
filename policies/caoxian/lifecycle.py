"""曹县师范学校附属小学学生管理制度: status and period of validity, read from the text."""

from __future__ import annotations

import datetime as dt

from xuequ_rules.policy.dsl import Cite, DocumentFinding, Validity, zh_en

C = Cite

NONE_STATED = DocumentFinding(
    "caoxian.validity.none_stated", "no_validity",
    zh_en("三次采集均无日期、文号、施行日期或有效期，无法判断本制度何时施行、是否仍在执行；本库对任何日期的记录都按其规定评估，效力状态不明",
          "no capture carries a date, number, effective date or period of validity, so when the rules applied and whether they still do cannot be told; the library evaluates records of any date under them, and their status is unknown"),
    (C("序", "学生管理制度"),))

VALID_FROM: dt.date | None = None
VALID_UNTIL: dt.date | None = None

VALIDITY = Validity(
    zh_en("学校内部制度，没有任何日期信息；效力状态不明",
          "internal school rules with no date of any kind; status unknown"),
    cites=(),
    none_stated=NONE_STATED)
