"""南通市区义务教育优质均衡发展实施意见: status and period of validity, read from the text."""

from __future__ import annotations

import datetime as dt

from xuequ_rules.policy.dsl import Cite, DocumentFinding, Validity, zh_en

C = Cite

NONE_STATED = DocumentFinding(
    "nantong.validity.none_stated", "no_validity",
    zh_en("文件未写明施行日期和有效期，也没有废止或修订的信息；本库自成文日期2013年8月21日起适用，效力状态不明",
          "the document states no effective date and no period of validity, and nothing is known of its repeal or amendment; the library applies it from its date 2013-08-21 and its status is unknown"),
    (C("序", "2013年8月21日"),))

VALID_FROM: dt.date | None = dt.date(2013, 8, 21)
VALID_UNTIL: dt.date | None = None

VALIDITY = Validity(
    zh_en("文件日期2013年8月21日，自此适用；所定目标年为2015年和2018年，但文件未规定期限，故不读作届满",
          "the document is dated 2013-08-21 and applies from then; its targets are for 2015 and 2018, but it sets no term, so no end is read"),
    cites=(C("序", "2013年8月21日"),),
    none_stated=NONE_STATED)
