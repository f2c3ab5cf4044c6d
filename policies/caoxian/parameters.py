"""The numbers of the Caoxian rules; the entry grade and age are read from each capture."""

from __future__ import annotations

import re

from xuequ_policies.caoxian.common import C

from xuequ_rules.document.document import Document
from xuequ_rules.document.numerals import chinese_to_int
from xuequ_rules.errors import SourceError
from xuequ_rules.policy.dsl import Parameter, Unit, zh_en

_ENTRY = re.compile(r"(?P<grade>[一二三四五六七八九])年级,凡年满(?P<age>\d{1,2})周岁")

Q_SUSPENSION = "需要请假达三个月以上的准予休学"
Q_TERM = "休学期限为一年"
Q_EXTENSION = "一年后,仍不能到学校学习的可再延期休学一年"
Q_ILLNESS = "因病休学两年以上,经医院证明,短期内治疗不能痊愈者"
Q_DEFORMITY = "一是身体发育畸形,年龄在16周岁以上,学生家长和学生本人要求退学者"
Q_MYOPIA = "三是高度近视(1200度)者"

SUSPENSION_MIN_ABSENCE = Parameter(
    id="caoxian.suspension.min_absence_months", value=3, unit=Unit.COUNT,
    label=zh_en("准予休学所需的请假时间下限（月）", "leave needed before suspension is granted "
                "(months)"),
    concept="student.suspension_min_absence_months", cites=(C("二/(一)", Q_SUSPENSION),))
SUSPENSION_TERM = Parameter(
    id="caoxian.suspension.term_years", value=1, unit=Unit.YEARS,
    label=zh_en("休学期限", "term of a suspension"), concept="student.suspension_term",
    cites=(C("二/(一)", Q_TERM),))
EXTENSION_YEARS = Parameter(
    id="caoxian.suspension.extension_years", value=1, unit=Unit.YEARS,
    label=zh_en("延期休学的期限", "length of an extension of suspension"),
    concept="student.suspension_extension", cites=(C("二/(一)", Q_EXTENSION),))
MAX_EXTENSIONS = Parameter(
    id="caoxian.suspension.max_extensions", value=1, unit=Unit.COUNT,
    label=zh_en("休学可延期的次数（“可再延期”一次）", "extensions allowed (one: 可再延期)"),
    concept="student.suspension_max_extensions", cites=(C("二/(一)", Q_EXTENSION),),
    derived=zh_en("次数由“可再延期”（可以再延期，一次）读出；引文中的“一年”是延期的期限，不是次数",
                  "the count is read from 可再延期 (may be extended once more); the 一年 in the "
                  "quote is the length of the extension, not the count"))
WITHDRAWAL_ILLNESS_YEARS = Parameter(
    id="caoxian.withdrawal.illness_suspension_years", value=2, unit=Unit.YEARS,
    label=zh_en("因病退学所需的休学年限下限", "years of sick suspension before withdrawal"),
    concept="student.withdrawal_illness_years", cites=(C("四/(一)/1", Q_ILLNESS),))
DEFORMITY_MIN_AGE = Parameter(
    id="caoxian.withdrawal.deformity_min_age", value=16, unit=Unit.YEARS,
    label=zh_en("身体发育畸形学生退学的最低年龄（周岁）",
                "minimum age for withdrawal on developmental grounds"),
    concept="student.withdrawal_disability_min_age", cites=(C("四/(一)/2", Q_DEFORMITY),))
MYOPIA_DEGREES = Parameter(
    id="caoxian.withdrawal.myopia_degrees", value=1200, unit=Unit.COUNT,
    label=zh_en("可退学的高度近视度数（度）", "myopia (degrees) counted as severe"),
    concept="student.withdrawal_myopia_degrees", cites=(C("四/(一)/2", Q_MYOPIA),),
    note=zh_en("原文为“高度近视(1200度)”，未说明是1200度以上还是恰为1200度；按不低于1200度判定",
               "The text says 高度近视(1200度) without 以上; judged as at least 1200 degrees"))

FIXED = (SUSPENSION_MIN_ABSENCE, SUSPENSION_TERM, EXTENSION_YEARS, MAX_EXTENSIONS,
         WITHDRAWAL_ILLNESS_YEARS, DEFORMITY_MIN_AGE, MYOPIA_DEGREES)


def entry_parameters(document: Document) -> tuple[Parameter, Parameter, str]:
    """The entry grade and age as this capture words them (capture 2: 六年级, 12周岁)."""
    clause = document.clause("一/(一)")
    match = _ENTRY.search(clause.text)
    if match is None:
        raise SourceError(f"{document.name}@{document.version}：一/(一) 中找不到入学年级和年龄",
                          f"{document.name}@{document.version}: no entry grade and age in "
                          "一/(一)", field="一/(一)")
    quote = match.group()
    cite = (C("一/(一)", quote),)
    return (
        Parameter(id="caoxian.entry.grade", value=chinese_to_int(match["grade"]),
                  unit=Unit.COUNT, cites=cite,
                  label=zh_en("新生入学年级", "grade new entrants join"),
                  concept="student.entry_grade"),
        Parameter(id="caoxian.entry.min_age", value=int(match["age"]), unit=Unit.YEARS,
                  cites=cite, label=zh_en("新生入学须年满的年龄（周岁）",
                                          "minimum entry age in full years"),
                  concept="student.entry_min_age"),
        quote,
    )
