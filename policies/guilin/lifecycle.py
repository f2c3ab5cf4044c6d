"""桂林市学区制管理改革实施方案（征求意见稿）: status and period of validity, read from the text."""

from __future__ import annotations

import datetime as dt

from xuequ_rules.policy.dsl import Cite, Validity, zh_en

C = Cite

VALID_FROM: dt.date | None = None
VALID_UNTIL: dt.date | None = None

VALIDITY = Validity(
    zh_en("标题标明本稿为“征求意见稿”：它从未生效，不据以判定任何事实；定稿市政办〔2018〕24号的文本不在资料库中",
          "the title marks this text a draft for public comment (征求意见稿): it never took effect and nothing is judged under it; the text of the final version 市政办〔2018〕24号 is not in the library"),
    cites=(C("序", "(征求意见稿)"),),
    none_stated=None)
