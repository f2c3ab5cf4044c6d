"""县域义务教育优质均衡发展督导评估办法: status and period of validity, read from the text."""

from __future__ import annotations

import datetime as dt

from xuequ_rules.policy.dsl import Cite, DocumentFinding, Validity, zh_en

C = Cite

NONE_STATED = DocumentFinding(
    "national.validity.none_stated", "no_validity",
    zh_en("资料库中的转录稿没有印发日期、施行日期或有效期；本库按现行有效记录（未经核实），对任何日期的记录都按其指标评估",
          "the transcription in the library gives no date of issue, effective date or period of validity; the library records the method as in force (unverified) and evaluates records of any date under its indicators"),
    (C("序", "县域义务教育优质均衡发展督导评估办法 (教督〔2017〕6号)"),))

VALID_FROM: dt.date | None = None
VALID_UNTIL: dt.date | None = None

VALIDITY = Validity(
    zh_en("按现行有效记录，未经核实；资料库中没有官方文本",
          "recorded as in force, unverified; the official text is not in the library"),
    cites=(),
    none_stated=NONE_STATED)
