"""The demonstration district's rules: one on a shared collection (teacher exchanges, with the
shared concept, so it compares with other districts), one on its own collection, one on its
extension of the shared school record."""

from __future__ import annotations

from decimal import Decimal

from xuequ_demo_district.concepts import CONCEPTS
from xuequ_demo_district.facts import FACTS
from xuequ_rules.document.document import Document
from xuequ_rules.policy.dsl import (
    Cite,
    DocumentFinding,
    Modality,
    Parameter,
    Policy,
    Rule,
    Unit,
    Validity,
    f,
    zh_en,
)

BUREAU = zh_en("示范区教育局", "district education bureau")
SCHOOLS = zh_en("各学校", "each school")

ROTATION = Cite("一", "全区每年交流轮岗教师的比例不低于符合交流条件教师总数的15%")
INSPECTIONS = Cite("二", "每所学校每学年开展校舍安全检查不少于2次")
NIGHT_DUTY = Cite("二", "寄宿制学校每晚安排值班人员不少于2人")

ROTATION_MIN = Parameter(
    id="demo_district.rotation_min", value=Decimal("0.15"), unit=Unit.RATIO,
    label=zh_en("每年交流轮岗教师的最低比例", "least yearly share of teachers rotated"),
    concept="teacher_exchange.min_share_per_year", cites=(ROTATION,))
INSPECTIONS_MIN = Parameter(
    id="demo_district.inspections_min", value=2, unit=Unit.COUNT,
    label=zh_en("每学年校舍安全检查最少次数", "least inspections per school year"),
    concept="school.safety_inspections_per_year", cites=(INSPECTIONS,))
NIGHT_DUTY_MIN = Parameter(
    id="demo_district.night_duty_min", value=2, unit=Unit.PERSONS,
    label=zh_en("寄宿制学校每晚值班最少人数", "least night-duty staff at a boarding school"),
    concept="school.boarding_night_duty", cites=(NIGHT_DUTY,))

RULES = (
    Rule(id="demo_district.rotation", title=zh_en("每年交流轮岗教师不低于15%",
                                                  "At least 15% of eligible teachers rotate"),
         kind=Modality.OBLIGATION, party=BUREAU, subject="teacher_exchanges",
         applies=f.eligible > 0, requires=f.rotated >= ROTATION_MIN * f.eligible,
         concept="teacher_exchange.min_share_per_year", cites=(ROTATION,)),
    Rule(id="demo_district.inspections", title=zh_en("每学年校舍安全检查不少于2次",
                                                     "At least 2 safety inspections a year"),
         kind=Modality.OBLIGATION, party=SCHOOLS, subject="safety_inspections",
         requires=f.inspections >= INSPECTIONS_MIN,
         concept="school.safety_inspections_per_year", cites=(INSPECTIONS,)),
    Rule(id="demo_district.night_duty", title=zh_en("寄宿制学校每晚值班不少于2人",
                                                    "Boarding schools: 2 staff on night duty"),
         kind=Modality.OBLIGATION, party=SCHOOLS, subject="schools",
         applies=f.boarding.eq(True), requires=f.night_duty_staff >= NIGHT_DUTY_MIN,
         concept="school.boarding_night_duty", cites=(NIGHT_DUTY,)),
)


VALIDITY = Validity(
    reading=zh_en("文本未写明施行日期和有效期；按现行有效对待", "the text states no dates; "
                  "treated as in force"),
    none_stated=DocumentFinding(
        "demo_district.no_validity", "no_validity",
        zh_en("文件未写明施行日期和有效期", "the document states no effective date or period"),
        (Cite("序", "示范区学区教师交流与寄宿制学校安全管理办法"),)))


def build(document: Document) -> Policy:
    return Policy(name="demo_district", version=document.version, document=document,
                  parameters=(ROTATION_MIN, INSPECTIONS_MIN, NIGHT_DUTY_MIN), rules=RULES,
                  facts_model=FACTS, concepts=CONCEPTS, validity=VALIDITY)
