"""紫阳县紧密型城乡教育共同体建设实施方案: status and period of validity, read from the text."""

from __future__ import annotations

import datetime as dt

from xuequ_rules.policy.dsl import Cite, DocumentFinding, Validity, zh_en

C = Cite

NONE_STATED = DocumentFinding(
    "ziyang.validity.none_stated", "no_validity",
    zh_en("文件未写明施行日期和有效期；本库自署名日期2024年11月6日起适用，现行有效依据的是公开页面的“有效”标注",
          "the document states no effective date and no period of validity; the library applies it from its signature date 2024-11-06, and records it in force on the portal's 有效 (valid) marking"),
    (C("序", "请认真抓好贯彻落实"),))

VALID_FROM: dt.date | None = dt.date(2024, 11, 6)
VALID_UNTIL: dt.date | None = None

VALIDITY = Validity(
    zh_en("印发通知要求“认真抓好贯彻落实”，署名日期2024年11月6日，自此适用；文件未规定期限，公开页面标注“有效”",
          "the notice of issue asks for implementation and is signed 2024-11-06, from which the plan applies; it sets no term, and the portal marks it valid (有效)"),
    cites=(C("序", "请认真抓好贯彻落实"), C("序", "2024年11月6日")),
    none_stated=NONE_STATED)
